"""The batch seam: one input record in, exactly one JSON output record out, never an exception.

Every surface that handles many articles — the local ``--input-jsonl`` batch, the Ray batch
(``summarize.distributed``) and the HTTP service — goes through :func:`process_records`, so they
all emit the same records:

* success: ``{"id", "line", "sentences", "encoder", "ranker", "n_sentences"[, "claims"]}``
  (``claims`` with ``--check``: ``CheckResult.to_dict()`` plus ``in_summary``);
* a ``text`` that opens with an HTML tag is replaced by the article text inside it
  (``summarize.html_input``) and the record adds ``extracted_text``, which its offsets index;
* failure: ``{"id", "line", "error"}`` — bad JSON, no text, an empty or unusable article, and any
  exception inside that line's summary or claim check (the batch goes on).

``line`` is the record's 1-based line in the input file (blank lines count but yield no record,
see ``summarize.io.read_lines``), so outputs can always be realigned with their inputs.

How a distributed runner builds on this (the contract ``summarize.distributed`` implements)::

    run_ray_batch(spec: BatchSpec, lines: Iterable[tuple[int, bytes]], *,
                  address: str | None = None, progress: bool = True) -> Iterator[dict]

``lines`` come from ``summarize.io.read_lines``; each worker calls ``spec.worker()`` once (models
are built on the worker, only the small picklable ``spec`` travels) and maps
``worker.records(chunk)`` over chunks; the records come back in input order and the CLI writes
them with the same safe writer as a local batch (temporary file, ``.partial`` on Ctrl-C, resume).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence, Union

from summarize.html_input import extract_text, looks_like_html
from summarize.io import BatchItem, parse_record
from summarize.types import Failure, Summary

if TYPE_CHECKING:
    from summarize.claims import CheckResult, ClaimChecker
    from summarize.summarizer import Summarizer

log = logging.getLogger(__name__)

#: Articles summarized together: large enough to fill the encoder's batches, small enough that a
#: progress bar moves and memory stays flat on a batch of any size.
CHUNK = 32

#: A raw input record: a JSONL line (bytes or str) or an already-parsed JSON object.
RawRecord = Union[bytes, str, Mapping[str, Any]]


def error_record(rid: str | None, line: int, error: str) -> dict[str, Any]:
    """The one shape of a failed record."""
    return {"id": rid, "line": line, "error": error}


def in_summary(result: CheckResult, summary: Summary) -> bool:
    """Whether the claim sits in one of the chosen summary sentences."""
    return any(s.start <= result.claim.start < s.end for s in summary.sentences)


def claim_record(result: CheckResult, summary: Summary) -> dict[str, Any]:
    """A claim's verdict as JSON, with ``in_summary``."""
    return {**result.to_dict(), "in_summary": in_summary(result, summary)}


def article_record(summary: Summary, results: Sequence[CheckResult] | None = None,
                   extracted_text: str | None = None) -> dict[str, Any]:
    """A summary (and its claim verdicts, when checked) as JSON: what ``--json`` prints. For HTML
    input, ``extracted_text`` is the text its offsets refer to."""
    out = summary.to_dict()
    if results is not None:
        out["claims"] = [claim_record(r, summary) for r in results]
    if extracted_text is not None:
        out["extracted_text"] = extracted_text
    return out


def process_records(
    lines: Sequence[tuple[int, RawRecord]],
    summarizer: Summarizer,
    length: Mapping[str, Any],
    checker: ClaimChecker | None = None,
) -> list[dict[str, Any]]:
    """One output record per ``(line, raw)`` pair, in order; never raises (``Exception``).

    The articles' sentences are embedded in shared encoder batches (``summarize_many``); a
    failure there or in one claim check becomes that line's error record only. ``length`` holds
    ``summarize_many``'s length options (``k``, ``ratio``, ``max_words``, ``adaptive``).
    """
    items = [_parse(n, raw) for n, raw in lines]
    html = {it.line for it in items if it.error is None and looks_like_html(it.text or "")}
    items = [_from_html(it) if it.line in html else it for it in items]
    good = [it for it in items if it.error is None]
    try:
        done = summarizer.summarize_many([it.text or "" for it in good], errors="record", **length)
    except Exception as exc:  # options wrong for every text: every line says so
        done = [Failure.of(i, exc) for i in range(len(good))]
    by_line = dict(zip((it.line for it in good), done))
    return [_record(it, by_line.get(it.line), checker, it.line in html) for it in items]


def process_record(line: int, raw: RawRecord, summarizer: Summarizer, length: Mapping[str, Any],
                   checker: ClaimChecker | None = None) -> dict[str, Any]:
    """:func:`process_records` for a single record (the service's case)."""
    return process_records([(line, raw)], summarizer, length, checker)[0]


def _parse(line: int, raw: RawRecord) -> BatchItem:
    try:
        return parse_record(line, raw)
    except Exception as exc:  # parse_record names bad input itself; this is the never-raise guard
        return BatchItem(line, None, error=Failure.of(0, exc).error)


def _from_html(item: BatchItem) -> BatchItem:
    """An HTML ``text`` (detected by its opening tag) replaced by the article text inside it."""
    try:
        return replace(item, text=extract_text(item.text or "", "text"))
    except Exception as exc:
        return replace(item, text=None, error=Failure.of(0, exc).error)


def _record(item: BatchItem, result: Summary | Failure | None, checker: ClaimChecker | None,
            html: bool = False) -> dict[str, Any]:
    if item.error is not None or not isinstance(result, Summary):
        error = item.error or (result.error if isinstance(result, Failure) else "not summarized")
        log.error("line %d: %s", item.line, error)
        return error_record(item.id, item.line, error)
    results = None
    if checker is not None:
        try:
            results = checker.check(item.text or "", date=item.date, sentences=result.split or None)
        except Exception as exc:
            error = f"claim check failed: {Failure.of(0, exc).error}"
            log.error("line %d: %s", item.line, error)
            return error_record(item.id, item.line, error)
    return {"id": item.id, "line": item.line, **article_record(result, results, item.text if html else None)}


@dataclass(frozen=True)
class BatchSpec:
    """What a batch worker needs to build its own summarizer and checker: plain, picklable
    values, so a cluster ships this and every worker loads its models once."""

    encoder: str | None = None
    ranker: str | None = None
    diversity: float | None = None
    length: Mapping[str, Any] = field(default_factory=dict)
    check: bool = False
    corpus: str | None = None
    archive: str | None = None

    def summarizer(self) -> Summarizer:
        from summarize.summarizer import Summarizer

        kwargs: dict[str, Any] = {"ranker": self.ranker}
        if self.encoder is not None:
            kwargs["encoder"] = self.encoder
        if self.diversity is not None:
            kwargs["diversity"] = self.diversity
        summarizer = Summarizer(**kwargs)
        summarizer.length(**self.length)  # impossible options fail here, once, not on every line
        return summarizer

    def checker(self, progress: bool = False) -> ClaimChecker | None:
        if not self.check:
            return None
        from summarize.claims import ClaimChecker

        from summarize.encoders.base import similarity_encoder

        kwargs: dict[str, Any] = {"progress": progress, "encoder": similarity_encoder(self.encoder)}
        if self.archive is not None:
            kwargs["archive"] = self.archive  # the statement store seam (TEAM.md §2)
        return ClaimChecker(corpus=self.corpus, **kwargs) if self.corpus else ClaimChecker(**kwargs)

    def worker(self, progress: bool = False) -> BatchWorker:
        return BatchWorker(self.summarizer(), self.length, self.checker(progress))


@dataclass
class BatchWorker:
    """Loaded models plus the length options: :func:`process_records` with its arguments bound."""

    summarizer: Summarizer
    length: Mapping[str, Any]
    checker: ClaimChecker | None = None

    def records(self, lines: Sequence[tuple[int, RawRecord]]) -> list[dict[str, Any]]:
        return process_records(lines, self.summarizer, self.length, self.checker)

    def record(self, line: int, raw: RawRecord) -> dict[str, Any]:
        return self.records([(line, raw)])[0]


def local_records(worker: BatchWorker, lines: Iterable[tuple[int, RawRecord]], chunk: int = CHUNK) -> Iterator[dict[str, Any]]:
    """Records for ``lines`` in input order, ``chunk`` articles per summarizer call, in this process."""
    batch: list[tuple[int, RawRecord]] = []
    for pair in lines:
        batch.append(pair)
        if len(batch) == chunk:
            yield from worker.records(batch)
            batch = []
    if batch:
        yield from worker.records(batch)
