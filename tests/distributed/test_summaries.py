"""The Ray batch gives the local batch's records, line for line and byte for byte, also when a
worker dies mid-batch."""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from summarize.batch import BatchSpec, local_records
from summarize.errors import UsageError

try:  # before anything imports ray: summarize.distributed checks the import order first
    from summarize.distributed import run_ray_batch
except ImportError:
    pytest.skip("ray is not installed (the 'ray' extra)", allow_module_level=True)
except UsageError as exc:
    pytest.skip(f"{exc}; .ci/run runs tests/distributed in a process of its own", allow_module_level=True)

SPEC = BatchSpec(length={"k": 3})


def dumped(records) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


@pytest.fixture(scope="module")
def local(indosum_lines) -> list[str]:
    return dumped(local_records(SPEC.worker(), indosum_lines))


def test_ray_batch_equals_local_batch(ray_local, indosum_lines, local):
    # Two windows and uneven chunks: order and content must survive both seams.
    out = dumped(run_ray_batch(SPEC, indosum_lines, concurrency=2, batch_size=7, window=33, progress=False))
    assert len(out) == len(indosum_lines) == 55
    assert [json.loads(r)["line"] for r in out] == [n for n, _ in indosum_lines]
    assert sum("error" in json.loads(r) for r in out) == 5
    assert out == local


@dataclass(frozen=True)
class CrashingSpec(BatchSpec):
    """A spec whose worker exits hard (no exception, no clean-up) on the chunk holding
    ``crash_line``, once: the first worker to take ``marker`` away dies."""

    marker: str = ""
    crash_line: int = 0

    def worker(self, progress: bool = False):
        return _Crashing(super().worker(progress), self.marker, self.crash_line)


class _Crashing:
    def __init__(self, inner, marker: str, crash_line: int) -> None:
        self.inner, self.marker, self.crash_line = inner, marker, crash_line

    def records(self, pairs):
        if any(n == self.crash_line for n, _ in pairs):
            try:
                os.unlink(self.marker)
            except FileNotFoundError:
                pass
            else:
                Path(self.marker + ".died").write_text(str(os.getpid()))
                os._exit(1)
        return self.inner.records(pairs)


def test_worker_killed_mid_batch_is_retried(ray_local, indosum_lines, local, tmp_path):
    ray_local.cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import tests
    lines = indosum_lines[:16]
    marker = tmp_path / "crash"
    marker.write_text("")
    spec = CrashingSpec(length={"k": 3}, marker=str(marker), crash_line=lines[9][0])
    out = dumped(run_ray_batch(spec, lines, concurrency=2, batch_size=4, progress=False))
    died = Path(f"{marker}.died")
    assert died.is_file() and int(died.read_text()) != os.getpid()  # a worker really died
    assert out == local[:16]


def test_cli_ray_flag_writes_the_local_output(ray_local, indosum_lines, tmp_path):
    from summarize.cli import main

    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(raw for _, raw in indosum_lines[7:13]) + b"\n")  # 3 good, 2 bad, 1 good
    local_out, ray_out = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    assert main(["--input-jsonl", str(src), "--output-jsonl", str(local_out), "-q"]) == 5
    assert main(["--input-jsonl", str(src), "--output-jsonl", str(ray_out), "--ray", "-q"]) == 5
    assert ray_out.read_bytes() == local_out.read_bytes()
    assert len(ray_out.read_text(encoding="utf-8").splitlines()) == 6
