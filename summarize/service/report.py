"""The HTML report: an article with its summary sentences highlighted and every number marked by
its verdict, the evidence one click (or hover) away. One self-contained file (CSS and script
inline, no external assets), written by ``summarize ARTICLE --check --html report.html`` and
served by the service's page, from the same JSON records the API returns.

Rendering is Jinja2 with autoescaping; the article body is cut into spans here, each piece
escaped with MarkupSafe, because a template loop over spans would add whitespace inside the
``white-space: pre-wrap`` text and shift what the reader sees.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Sequence

from markupsafe import Markup, escape

#: The text label beside each verdict's colour, so a report reads the same without colour.
LABELS = {"consistent": "✓ consistent", "conflict": "✗ conflict", "unverified": "? unverified"}

#: Frame slots shown for a claim, in this order, with their labels.
FRAME_SLOTS = (("measure", "measure"), ("kind", "kind"), ("entities", "who"), ("places", "where"),
               ("context_places", "where (from the text around it)"),
               ("time", "time"), ("basis", "compared with"), ("per", "per"), ("unit_class", "unit"), ("counted", "counted"))


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    summary: int | None  # which summary sentence it lies in
    claim: int | None
    last: bool  # the claim's last span: its verdict label follows it


def _spans(size: int, sentences: Sequence[tuple[int, int]], claims: Sequence[tuple[int, int]]) -> list[_Span]:
    """Cut ``[0, size)`` at every sentence and claim boundary; each piece knows in which summary
    sentence and in which claim it lies."""
    cuts = sorted({0, size, *(min(max(p, 0), size) for span in (*sentences, *claims) for p in span)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        summary = next((i for i, (s, e) in enumerate(sentences) if s <= a and b <= e), None)
        claim = next((i for i, (s, e) in enumerate(claims) if s <= a and b <= e), None)
        pieces.append(_Span(a, b, summary, claim, claim is not None and b == claims[claim][1]))
    return pieces


def article_html(text: str, summary: dict[str, Any], results: Sequence[dict[str, Any]]) -> Markup:
    """The article as escaped HTML: ``<mark>`` around summary sentences, a link per claim."""
    sentences = [(s["start"], s["end"]) for s in summary.get("sentences", [])]
    claims = [(r["claim"]["start"], r["claim"]["end"]) for r in results]
    out = []
    for span in _spans(len(text), sentences, claims):
        piece = escape(text[span.start : span.end])
        if span.claim is not None:
            verdict = results[span.claim]["verdict"]
            label = Markup('<span class="label">{}</span>').format(LABELS.get(verdict, verdict)) if span.last else ""
            piece = Markup('<a class="claim v-{v}" href="#claim-{i}" data-claim="{i}">{p}{l}</a>').format(
                v=verdict, i=span.claim, p=piece, l=label)
        if span.summary is not None:
            piece = Markup('<mark class="summary" data-summary="{}">{}</mark>').format(span.summary, piece)
        out.append(piece)
    return Markup("").join(out)


def frame_items(claim: dict[str, Any]) -> list[tuple[str, str]]:
    """The frame's stated slots as (label, value); slots the article leaves open are omitted."""
    frame = claim.get("frame") or {}
    items = []
    for key, label in FRAME_SLOTS:
        value = frame.get(key)
        if isinstance(value, list):
            value = ", ".join(value)
        if value:
            items.append((label, str(value)))
    return items


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("summarize.service", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(labels=LABELS, frame_items=frame_items)
    return env


def _asset(name: str) -> Markup:
    # Our own CSS and script, inlined so that the report works offline and as a single file.
    return Markup(resources.files("summarize.service").joinpath("static", name).read_text(encoding="utf-8"))


def render_report(
    text: str,
    summary: dict[str, Any] | None,
    results: Sequence[dict[str, Any]] | None,
    *,
    date: str | None = None,
    page: bool = False,
    error: str | None = None,
) -> str:
    """The report as one HTML document, from the API's records (``Summary.to_dict()``,
    ``CheckResult.to_dict()``). ``page=True`` adds the form of the service's ``GET /`` page;
    ``summary=None`` renders the page alone (no article yet, or ``error``)."""
    claims = list(results or [])
    counts = Counter(r["verdict"] for r in claims)
    return _environment().get_template("report.html.j2").render(
        text=text,
        date=date,
        summary=summary,
        results=claims,
        checked=results is not None,
        counts=[(v, counts[v]) for v in LABELS if counts[v]],
        article=article_html(text, summary, claims) if summary is not None else Markup(""),
        page=page,
        error=error,
        css=_asset("report.css"),
        script=_asset("report.js"),
    )


def write_report(
    path: str | Path,
    *,
    text: str,
    summary: Any,
    results: Iterable[Any] | None = None,
    date: str | None = None,
) -> Path:
    """Write the self-contained report for ``summary`` (a ``Summary``) and ``results`` (the
    ``CheckResult`` list of ``ClaimChecker.check``, or None when claims were not checked)."""
    records = None if results is None else [r.to_dict() for r in results]
    out = Path(path)
    out.write_text(render_report(text, summary.to_dict(), records, date=date), encoding="utf-8")
    return out
