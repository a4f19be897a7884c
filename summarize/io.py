"""Reading user input: files, stdin and JSONL batches, with errors that name the problem.

Every failure is an ``InputError`` with a one-line message, so the CLI can print it without a
traceback and a batch can record it against one line and go on.
"""
from __future__ import annotations

import codecs
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterator, Mapping

from summarize.errors import InputError

#: Larger inputs are refused rather than summarized slowly: no news article comes near this.
MAX_BYTES = 20 * 1024 * 1024


def decode_text(data: bytes, source: str, size: int | None = None) -> str:
    """UTF-8 (a BOM is dropped), or UTF-16 with its BOM, to str. Binary data and other encodings
    are refused by name, because guessing an encoding silently corrupts the numbers the claim
    checker reads. ``size`` is the input's real size when ``data`` was cut at the limit."""
    if len(data) > MAX_BYTES:
        real = f"{_mb(size)} MB" if size else f"more than {_mb(MAX_BYTES)} MB"
        raise InputError(f"{source}: input is {real}; the limit is {_mb(MAX_BYTES)} MB")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{source}: starts with a UTF-16 mark but is not UTF-16; convert it to UTF-8") from None
        if "\x00" in text:
            raise InputError(f"{source}: looks like binary data (NUL characters), not text")
        return _non_empty(text, source)
    if b"\x00" in data:
        raise InputError(f"{source}: looks like binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None
    return _non_empty(text, source)


def _non_empty(text: str, source: str) -> str:
    if not text.strip():
        raise InputError(f"{source}: the text is empty")
    return text


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f}" if n % (1024 * 1024) == 0 else f"{n / 1024 / 1024:.1f}"


def read_text(path: str | Path) -> str:
    """Read one article from a file path, or from stdin when ``path`` is ``-``."""
    if str(path) == "-":
        return decode_text(_read_limited(sys.stdin.buffer), "stdin")
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a text file")
    try:
        with p.open("rb") as fh:
            data = _read_limited(fh)
            size = os.fstat(fh.fileno()).st_size
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror})") from None
    return decode_text(data, str(p), size)


def _read_limited(fh: BinaryIO) -> bytes:
    # Read one byte past the limit so an oversize input is detected without reading all of it.
    return fh.read(MAX_BYTES + 1)


@dataclass(frozen=True)
class BatchItem:
    """One JSONL line: either a text to process or the error that stops this line alone."""

    line: int
    id: str | None
    text: str | None = None
    date: str | None = None
    error: str | None = None


def read_lines(path: str | Path) -> Iterator[tuple[int, bytes]]:
    """``(line number, raw bytes)`` for every non-blank line of a JSONL file (``-`` = stdin).

    Line numbers count every physical line from 1, blank ones included, so an output record's
    ``line`` always points at its line in the file. A blank (whitespace-only) line is not a
    record: it yields nothing and so gets no output record. The file is streamed, never held.
    """
    p = Path(path)
    if str(path) != "-" and not p.is_file():
        raise InputError(f"{p}: no such file" if not p.exists() else f"{p}: is not a file")
    try:
        fh = sys.stdin.buffer if str(path) == "-" else p.open("rb")
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror})") from None
    try:
        for number, raw in enumerate(fh, start=1):
            if raw.strip():
                yield number, raw
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def read_jsonl(path: str | Path) -> Iterator[BatchItem]:
    """Every non-blank line of a JSONL batch (``{"id", "text"}`` objects) parsed, errors
    included, in order (see :func:`read_lines` for the blank-line rule)."""
    for number, raw in read_lines(path):
        yield parse_record(number, raw)


def parse_record(number: int, raw: bytes | str | Mapping[str, Any]) -> BatchItem:
    """One batch record from a raw JSONL line (bytes or str) or an already-parsed JSON object
    (the service's case); anything unusable becomes the item's ``error``, never an exception."""
    rec: Any = raw
    if isinstance(raw, (bytes, str)):
        try:
            rec = json.loads(raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw)
        except UnicodeDecodeError:
            return BatchItem(number, None, error="line is not UTF-8")
        except json.JSONDecodeError as exc:
            return BatchItem(number, None, error=f"bad JSON ({exc.msg} at column {exc.colno})")
        except RecursionError:
            return BatchItem(number, None, error="bad JSON (nested too deeply)")
    if not isinstance(rec, Mapping):
        return BatchItem(number, None, error="line is not a JSON object")
    rid = rec.get("id")
    rid = None if rid is None else str(rid)
    text = rec.get("text")
    if not isinstance(text, str):
        return BatchItem(number, rid, error='no "text" string')
    if not text.strip():
        return BatchItem(number, rid, error="the text is empty")
    date = rec.get("date") if isinstance(rec.get("date"), str) else None
    return BatchItem(number, rid, text=text, date=date)
