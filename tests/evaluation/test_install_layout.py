"""What ``pip install .`` puts into site-packages: the harness under ``summarize.evaluation``, no
top-level ``eval`` (the checkout's scripts, gold data and results stay out of the wheel)."""
from __future__ import annotations

import subprocess
import sys
import zipfile

from summarize.evaluation.locations import REPO


def test_the_wheel_has_no_top_level_eval_and_summarize_eval_points_into_the_package(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path), str(REPO)], check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("summarize_id-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names}
    assert "eval" not in top and "summarize" in top
    assert {"summarize/evaluation/cli.py", "summarize/evaluation/harness.py"} <= set(names)
    assert not [n for n in names if "/results/" in n or n.endswith(".jsonl") and "eval/data" in n]
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "summarize-eval = summarize.evaluation.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()
