"""Reading a reference corpus for the claim checker, tolerant of bad input.

A corpus is what a user has lying around: a list of strings, a folder of ``.txt`` files, or a
JSONL file (or a JSON array) of ``{"id", "text", "date"}`` objects, recognised by its content
whatever its extension. One unreadable file or broken line must not cost the user the other
thousand documents, so every problem is logged, recorded as ``(source, reason)`` and skipped.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence, Union

from summarize.claims.parse.dates import validate_date
from summarize.errors import InputError

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

    A ``str`` or ``Path`` is a corpus path (a missing one raises ``InputError``: that is the
    caller's mistake, not a bad document), except a ``str`` that is no existing path and reads
    as text (it holds a line break, or whitespace and no path separator, or is longer than any
    file name): that is one document, "0". A list of strings is documents, identified by their
    position ("0", "1", ...), and a list may also hold ``{"id", "text", "date"}`` dicts.
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
    if not docs:
        log.warning("corpus: no usable documents%s: every verdict will be 'unverified'",
                    f" ({len(skipped)} skipped)" if skipped else "")
    return docs, skipped


def _is_text(corpus: str) -> bool:
    """Whether a ``str`` corpus that is no existing path is text rather than a mistyped path."""
    return "\n" in corpus or len(corpus) > 255 or (any(c.isspace() for c in corpus) and "/" not in corpus)


def _raw_items(corpus: CorpusInput) -> Iterable[tuple[str, Any]]:
    if isinstance(corpus, str) and not _exists(corpus) and _is_text(corpus):
        log.info("corpus: the string given is no existing path; checking against it as one text document")
        yield "0", corpus
        return
    if isinstance(corpus, (str, Path)):
        path = Path(corpus)
        if not _exists(path):
            raise InputError(f"corpus not found: {path}")
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*.txt") if p.is_file()):
                yield str(file), _read_text(file, file.relative_to(path).as_posix())
        else:
            yield from _read_file(path)
        return
    for i, item in enumerate(corpus):
        yield str(i), item


def _exists(path: str | Path) -> bool:
    try:
        return Path(path).exists()
    except (OSError, ValueError):  # "File name too long", an embedded NUL
        return False


@dataclass(frozen=True)
class _Problem:
    """Why an item could not even be read (kept apart from text, which is also a ``str``)."""

    reason: str


def _read_text(path: Path, doc_id: str) -> dict[str, Any] | _Problem:
    data = _read_bytes(path)
    if isinstance(data, _Problem):
        return data
    if b"\x00" in data:
        return _Problem("binary file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _Problem("not UTF-8 text")
    return {"id": doc_id, "text": text}


def _read_bytes(path: Path) -> bytes | _Problem:
    try:
        return path.read_bytes()
    except OSError as exc:
        return _Problem(f"unreadable: {exc.strerror or exc}")


def _read_file(path: Path) -> Iterable[tuple[str, Any]]:
    """A file is JSON or JSONL when its content starts like JSON ("{" or "["), whatever its
    extension; otherwise it is one plain-text document."""
    data = _read_bytes(path)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] if isinstance(data, bytes) else b""
    if head == b"[" or head == b"{":
        yield from _json_items(path, data)  # type: ignore[arg-type]
    else:
        yield str(path), _read_text(path, path.name)


def _json_items(path: Path, data: bytes) -> Iterable[tuple[str, Any]]:
    """A JSON array of documents, one JSON document, or JSONL. A line of JSONL that is not
    UTF-8 or not JSON is skipped and named (``path:line``); the other lines are kept."""
    try:
        whole = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        whole = None
    if isinstance(whole, list):
        for i, item in enumerate(whole):
            yield f"{path}[{i}]", item
        return
    if isinstance(whole, dict):
        yield str(path), whole
        return
    for n, raw in enumerate(data.split(b"\n"), 1):
        source = f"{path}:{n}"
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            yield source, _Problem("not UTF-8 text")
            continue
        if not line.strip():
            continue
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
    date = str(raw["date"]) if raw.get("date") else None
    try:
        validate_date(date)
    except ValueError as exc:
        log.warning("corpus: %s: date ignored: %s", source, exc)
        date = None
    return CorpusDoc(id=str(raw.get("id", source)), text=text, date=date)
