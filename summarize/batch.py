"""JSONL batches: summarize many articles in shared encoder batches without losing a line.

A line that cannot be summarized becomes ``{"id", "line", "error"}`` in the output at its own
position; every other line is still summarized, so N lines in always give N lines out.
"""
from __future__ import annotations

import json
import logging
from typing import Any, Callable, Iterable, Iterator, TextIO

from tqdm import tqdm

from summarize.errors import InputError
from summarize.io import BatchItem
from summarize.summarizer import Summarizer
from summarize.types import Summary

log = logging.getLogger(__name__)

#: Articles summarized together: large enough to fill the encoder's batches, small enough that a
#: progress bar moves and memory stays flat on a batch of any size.
CHUNK = 32


def _chunks(items: Iterable[BatchItem], size: int) -> Iterator[list[BatchItem]]:
    chunk: list[BatchItem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _summaries(summarizer: Summarizer, items: list[BatchItem], length: dict[str, Any]) -> list[Summary | str]:
    """One Summary or error message per item; a failure is retried alone so it hurts only itself."""
    good = [it for it in items if it.error is None]
    try:
        done: list[Summary | str] = list(summarizer.summarize_many([it.text for it in good], **length))
    except InputError:
        done = []
        for it in good:
            try:
                done.append(summarizer.summarize(it.text, **length))
            except InputError as exc:
                done.append(str(exc))
    by_line = {it.line: res for it, res in zip(good, done)}
    return [by_line.get(it.line, it.error or "") for it in items]


def run_batch(
    summarizer: Summarizer,
    items: Iterable[BatchItem],
    out: TextIO,
    length: dict[str, Any],
    extra: Callable[[BatchItem, Summary], dict[str, Any]] | None = None,
    total: int | None = None,
    progress: bool = True,
) -> tuple[int, int]:
    """Write one JSON line per input line, in input order; return (summarized, failed)."""
    ok = failed = 0
    with tqdm(total=total, desc="summarizing", unit="article", disable=not progress) as bar:
        for chunk in _chunks(items, CHUNK):
            for item, res in zip(chunk, _summaries(summarizer, chunk, length)):
                if isinstance(res, Summary):
                    rec = {"id": item.id, **res.to_dict()}
                    if extra is not None:
                        rec.update(extra(item, res))
                    ok += 1
                else:
                    rec = {"id": item.id, "line": item.line, "error": res}
                    log.error("line %d: %s", item.line, res)
                    failed += 1
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            bar.update(len(chunk))
    return ok, failed
