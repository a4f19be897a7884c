"""Batch output files that never lose work: written beside the target and renamed into place.

* The output goes to a temporary file in the target's directory and is renamed over the target
  only when the batch finished, so an existing output (or, by mistake, the input) is never
  truncated by a run that stops half-way.
* On Ctrl-C the complete lines written so far are kept as ``<out>.partial``; ``--resume`` then
  reuses them (:func:`previous_records`) and only the remaining lines are processed.
* A target that is not a regular file (``/dev/stdout``, ``/dev/full``, a FIFO) is written
  directly: there is nothing to rename over.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO

from summarize.errors import InputError, OutputError


def partial_path(path: str | Path) -> Path:
    return Path(f"{path}.partial")


class SafeOutput:
    """A JSONL sink: ``write(record)`` one line each; ``finish()`` puts the file in place,
    ``keep_partial()`` keeps what was written as ``<out>.partial``, ``discard()`` removes it."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = None if path in (None, "-") else Path(str(path))
        self.written = 0
        self._tmp: Path | None = None
        if self.path is None:
            self._fh: TextIO = sys.stdout
            return
        direct = self.path.exists() and not self.path.is_file()
        try:
            if direct:
                self._fh = self.path.open("w", encoding="utf-8")
            else:
                fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
                self._tmp = Path(tmp)
                os.chmod(fd, _mode(self.path))
                self._fh = os.fdopen(fd, "w", encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot be written ({exc.strerror})") from None

    def write(self, record: dict[str, Any]) -> None:
        try:
            self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            if self.path is None:
                self._fh.flush()  # a reader downstream (| head, | jq) sees each record as it is done
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                raise
            raise OutputError(f"{self.path or 'stdout'}: cannot be written ({exc.strerror})") from None
        self.written += 1

    def finish(self) -> None:
        """Flush, close and rename the temporary file over the target."""
        self._close()
        if self._tmp is not None and self.path is not None:
            os.replace(self._tmp, self.path)
            self._tmp = None
            partial_path(self.path).unlink(missing_ok=True)

    def keep_partial(self) -> Path | None:
        """Keep the complete lines written so far as ``<out>.partial`` (None when writing to
        stdout or a device: what was written is already there)."""
        try:
            self._close()
        except OSError:
            pass
        if self._tmp is None or self.path is None:
            return None
        data = self._tmp.read_bytes()
        self._tmp.write_bytes(data[: data.rfind(b"\n") + 1])  # complete lines only
        target = partial_path(self.path)
        os.replace(self._tmp, target)
        self._tmp = None
        return target

    def discard(self) -> None:
        try:
            self._close()
        except OSError:
            pass
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
            self._tmp = None

    def _close(self) -> None:
        if self._fh is sys.stdout:
            self._fh.flush()
            return
        if self._fh.closed:
            return
        error: OSError | None = None
        try:
            self._fh.flush()
            if self._tmp is not None:
                os.fsync(self._fh.fileno())
        except OSError as exc:
            error = exc
        try:
            self._fh.close()  # closes the descriptor even when its last flush fails
        except OSError as exc:
            error = error or exc
        if error is not None:
            raise OutputError(f"{self.path}: cannot be written ({error.strerror})") from None


def _mode(path: Path) -> int:
    """The target's permissions (a new file: what ``open`` would give under the umask), not
    ``mkstemp``'s private 0600."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def previous_records(path: str | Path) -> dict[str, dict[str, Any]]:
    """Successful records (those without ``error``) of an earlier run, by id, for ``--resume``:
    from ``<out>`` and then ``<out>.partial`` (the later, interrupted run wins). Error records
    and lines that are not complete JSON objects are not reused, so they are processed again."""
    found: dict[str, dict[str, Any]] = {}
    for p in (Path(path), partial_path(path)):
        if not p.is_file():
            continue
        try:
            lines = p.read_bytes().splitlines()
        except OSError as exc:
            raise InputError(f"{p}: cannot be read for --resume ({exc.strerror})") from None
        for raw in lines:
            try:
                rec = json.loads(raw)
            except (ValueError, RecursionError):
                continue
            if isinstance(rec, dict) and rec.get("id") is not None and "error" not in rec:
                found[str(rec["id"])] = rec
    return found
