"""Reading a reference corpus for the claim checker, tolerant of bad input.

A corpus is what a user has lying around: a list of strings, a folder of ``.txt`` files, or a
``.jsonl`` file with ``id``, ``text`` and an optional ``date``. One unreadable file or broken
line must not cost the user the other thousand documents, so every problem is logged, recorded
as ``(source, reason)`` and skipped.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence, Union

log = logging.getLogger(__name__)

CorpusInput = Union[str, Path, Sequence[Union[str, dict[str, Any]]]]


@dataclass(frozen=True)
class CorpusDoc:
    """One reference document; ``date`` (ISO) anchors relative times such as "Kamis"."""

    id: str
    text: str
    date: str | None = None


def load_corpus(corpus: CorpusInput) -> tuple[list[CorpusDoc], list[tuple[str, str]]]:
    """Return the readable documents and the ``(source, reason)`` of every skipped one.

    A ``str`` or ``Path`` is a corpus path (a missing one raises ``FileNotFoundError``: that
    is the caller's mistake, not a bad document); a list of strings is documents, identified by
    their position ("0", "1", ...), and a list may also hold ``{"id", "text", "date"}`` dicts.
    """
    docs: list[CorpusDoc] = []
    skipped: list[tuple[str, str]] = []
    for source, raw in _raw_items(corpus):
        doc = _validate(source, raw)
        if isinstance(doc, str):
            skipped.append((source, doc))
        else:
            docs.append(doc)
    for source, reason in skipped:
        log.warning("corpus: skipped %s: %s", source, reason)
    return docs, skipped


def _raw_items(corpus: CorpusInput) -> Iterable[tuple[str, Any]]:
    if isinstance(corpus, (str, Path)):
        path = Path(corpus)
        if not path.exists():
            raise FileNotFoundError(f"corpus not found: {path}")
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*.txt") if p.is_file()):
                yield str(file), _read_text(file, file.relative_to(path).as_posix())
        elif path.suffix.lower() == ".jsonl":
            yield from _jsonl(path)
        else:
            yield str(path), _read_text(path, path.name)
        return
    for i, item in enumerate(corpus):
        yield str(i), item


@dataclass(frozen=True)
class _Problem:
    """Why an item could not even be read (kept apart from text, which is also a ``str``)."""

    reason: str


def _read_text(path: Path, doc_id: str) -> dict[str, Any] | _Problem:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _Problem(f"unreadable: {exc.strerror or exc}")
    if b"\x00" in data:
        return _Problem("binary file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _Problem("not UTF-8 text")
    return {"id": doc_id, "text": text}


def _jsonl(path: Path) -> Iterable[tuple[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        yield str(path), _Problem(f"unreadable: {exc}")
        return
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        source = f"{path}:{n}"
        try:
            yield source, json.loads(line)
        except json.JSONDecodeError as exc:
            yield source, _Problem(f"bad JSON: {exc.msg}")


def _validate(source: str, raw: Any) -> CorpusDoc | str:
    """A document, or a one-line reason why ``raw`` is not one."""
    if isinstance(raw, _Problem):
        return raw.reason
    if isinstance(raw, str):
        raw = {"id": source, "text": raw}
    if not isinstance(raw, dict):
        return "not a JSON object"
    text = raw.get("text")
    if not isinstance(text, str):
        return "no 'text' string"
    if not text.strip():
        return "empty text"
    date = raw.get("date")
    return CorpusDoc(id=str(raw.get("id", source)), text=text, date=str(date) if date else None)
