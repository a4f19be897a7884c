"""HTML given as an article: find the article's text in the page before anything else runs.

Extraction is trafilatura's (the maintained standard for news pages: it drops navigation, ads
and related-article blocks and keeps paragraphs as lines), an optional extra: ``pip install
'summarize-id[html]'``. The rest of the pipeline then sees plain text, so sentence offsets refer
to the *extracted* text, which summaries of HTML input carry as ``extracted_text``.
"""
from __future__ import annotations

import re

from summarize.errors import InputError, UsageError

# A page or fragment opens with one of these tags (after an optional doctype or comment); plain
# news text never does, so detection cannot take an article that merely mentions "<p>" for HTML.
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6])[\s>]",
    re.IGNORECASE | re.DOTALL,
)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` starts like an HTML page or fragment."""
    return _HTML_START.match(text[:4096]) is not None


def extract_text(html: str, source: str = "input") -> str:
    """The article's text in ``html``, one paragraph per line.

    trafilatura's main-content extraction first; for a fragment too small for it to call an
    article, its plain text-of-the-page fallback. Nothing readable is an ``InputError``.
    """
    try:
        import trafilatura
    except ModuleNotFoundError:
        raise UsageError(f"{source}: HTML input needs the optional 'html' extra: pip install 'summarize-id[html]'") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=False, deduplicate=True)
    if not text or not text.strip():
        text = trafilatura.html2txt(html)
    if not text or not text.strip():
        raise InputError(f"{source}: no article text found in the HTML")
    return text
