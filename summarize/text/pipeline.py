"""The article pipeline the summarizer and claim checker use: normalise, drop boilerplate, split,
trim datelines — with every offset pointing into the caller's original text."""
from __future__ import annotations

from summarize.text.clean import blank, boilerplate_spans
from summarize.text.dateline import dateline_end
from summarize.text.normalize import normalize
from summarize.text.split import split_sentences
from summarize.types import Sentence


def article_sentences(text: str) -> list[Sentence]:
    """Sentences of a news article, cleaned.

    Steps: normalise odd whitespace and invisible characters (``normalize``); blank news
    boilerplate — link lines, credits, copyright, headline fragments, photo credits (``clean``);
    split (``split_sentences``); trim a dateline from the sentence it opens (``dateline``).
    ``start``/``end`` index ``text`` itself; ``sentence.text`` equals ``text[start:end]`` with
    whitespace runs collapsed, invisible characters removed and inline credits blanked.
    """
    norm = normalize(text)
    cleaned = blank(norm.text, boilerplate_spans(norm.text))
    out: list[Sentence] = []
    prev_end = 0
    for i, sent in enumerate(split_sentences(cleaned)):
        start = sent.start
        # Datelines open a line; the gap since the previous sentence holds that line break.
        if i == 0 or "\n" in cleaned[prev_end : sent.start]:
            start += dateline_end(cleaned[sent.start : sent.end], first=i == 0)
        prev_end = sent.end
        body = " ".join(cleaned[start : sent.end].split())
        if not body:
            continue
        start += len(cleaned[start : sent.end]) - len(cleaned[start : sent.end].lstrip())
        out.append(
            Sentence(body, norm.original_start(start), norm.original_end(sent.end), sent.paragraph)
        )
    return out
