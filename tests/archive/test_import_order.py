"""The archive's index and the default encoder's runtime load in one process, in either order
(onnxruntime segfaults on import once usearch 2.26 is loaded, so ``ann`` loads it first)."""
from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("first", ["summarize.archive.ann", "summarize.encoders.batched"])
def test_archive_and_encoder_runtime_load_together(first: str) -> None:
    second = "summarize.encoders.batched" if first == "summarize.archive.ann" else "summarize.archive.ann"
    code = f"import {first}, {second}; import onnxruntime, usearch.index"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
