"""``summarize --input-jsonl IN``: the batch command's flow around the batch seam.

Reading, the per-record work and writing live in ``summarize.io``, ``summarize.batch`` and
``summarize.batch_files``; this module only wires them to the command line: refusing to
overwrite the input, reusing earlier output with ``--resume``, Ctrl-C handling, the duplicate-id
warning and the final count on stderr.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator

from tqdm import tqdm

from summarize.batch import BatchSpec, local_records
from summarize.batch_files import SafeOutput, previous_records
from summarize.errors import UsageError
from summarize.io import parse_record, read_lines

EXIT_OK, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 5, 130


def run_batch_command(args: argparse.Namespace, spec: BatchSpec) -> int:
    """Run the batch the parsed ``args`` describe; return the exit code."""
    src, dst = args.input_jsonl, args.output_jsonl
    if dst not in (None, "-") and src != "-" and _same_file(src, dst):
        raise UsageError(f"--output-jsonl {dst} is the input file; choose another output path")
    if args.resume and dst in (None, "-"):
        raise UsageError("--resume needs --output-jsonl OUT (it reuses the records already in OUT)")
    done = previous_records(dst) if args.resume else {}
    total = None if src == "-" else sum(1 for _ in read_lines(src))
    resumed = _Resumed(read_lines(src), done)
    records = _records(args, spec, resumed.todo())
    out = SafeOutput(dst)
    counts = {"ok": 0, "failed": 0}
    ids: dict[str, list[int]] = {}
    try:
        with tqdm(total=total, desc="summarizing", unit="article", disable=args.quiet) as bar:
            for rec in resumed.merged(records):
                out.write(rec)
                counts["failed" if "error" in rec else "ok"] += 1
                if rec.get("id") is not None:
                    ids.setdefault(str(rec["id"]), []).append(rec["line"])
                bar.update(1)
        out.finish()
    except KeyboardInterrupt:
        kept = out.keep_partial()
        where = f"; {out.written} finished lines kept in {kept} (run again with --resume to finish)" if kept else ""
        print(f"summarize: interrupted{where}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BaseException:
        out.discard()
        raise
    _warn_duplicates(ids)
    reused = f", {resumed.reused} reused from the earlier output" if args.resume else ""
    print(f"summarize: {counts['ok']} summarized, {counts['failed']} failed{reused}", file=sys.stderr)
    return EXIT_PARTIAL if counts["failed"] else EXIT_OK


def _records(args: argparse.Namespace, spec: BatchSpec, lines: Iterable[tuple[int, bytes]]) -> Iterator[dict[str, Any]]:
    if args.ray is not None:
        from summarize.cli_hooks import optional_module

        ray_batch = optional_module("summarize.distributed", "--ray", "ray").run_ray_batch
        return ray_batch(spec, lines, address=args.ray or None, progress=not args.quiet)
    return local_records(spec.worker(progress=not args.quiet), lines)


def _same_file(a: str, b: str) -> bool:
    pa, pb = Path(a), Path(b)
    if pa.exists() and pb.exists():
        return os.path.samefile(pa, pb)
    return pa.resolve() == pb.resolve()


class _Resumed:
    """Splits the input into lines to process and lines whose id already has a record in the
    earlier output, then merges both back into input order."""

    def __init__(self, lines: Iterable[tuple[int, bytes]], done: dict[str, dict[str, Any]]) -> None:
        self._lines = lines
        self._done = done
        self._kept: list[dict[str, Any]] = []
        self.reused = 0

    def todo(self) -> Iterator[tuple[int, bytes]]:
        for number, raw in self._lines:
            rid = parse_record(number, raw).id if self._done else None
            if rid is not None and rid in self._done:
                self._kept.append({**self._done[rid], "line": number})
            else:
                yield number, raw

    def merged(self, records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """``records`` (from ``todo()``'s lines, in order) with the reused ones put back in place.
        The producer has read the input at least up to a record's line before yielding it."""
        for rec in records:
            while self._kept and self._kept[0]["line"] < rec["line"]:
                yield self._pop()
            yield rec
        while self._kept:
            yield self._pop()

    def _pop(self) -> dict[str, Any]:
        self.reused += 1
        return self._kept.pop(0)


def _warn_duplicates(ids: dict[str, list[int]], shown: int = 5) -> None:
    dups = [(rid, lines) for rid, lines in ids.items() if len(lines) > 1]
    if not dups:
        return
    listed = "; ".join(f"{rid!r} on lines {', '.join(map(str, lines))}" for rid, lines in dups[:shown])
    more = f" (and {len(dups) - shown} more)" if len(dups) > shown else ""
    print(f"summarize: warning: {len(dups)} duplicate ids: {listed}{more}", file=sys.stderr)

