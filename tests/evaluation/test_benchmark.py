"""``eval/benchmark.py``'s start-up figures: medians of fresh processes run in turn, with the bare
interpreter as the baseline of the same run (the figures themselves are measured, never asserted)."""
from __future__ import annotations

import json
import sys

from eval import benchmark


def test_cold_only_writes_medians_of_each_start_up_command(monkeypatch, tmp_path, capsys):
    calls = []
    cheap = {name: [sys.executable, "-c", f"pass  # {name}"] for name in benchmark.COLD}
    monkeypatch.setattr(benchmark, "COLD", cheap)
    monkeypatch.setattr(benchmark, "RESULTS", tmp_path)
    real_run = benchmark.subprocess.run
    monkeypatch.setattr(benchmark.subprocess, "run", lambda cmd, **kw: calls.append(cmd[-1]) or real_run(cmd, **kw))
    benchmark.main(["--cold-only", "--cold-repeats", "3"])
    cold = json.loads((tmp_path / "benchmark_cold.json").read_text(encoding="utf-8"))["cold_start"]
    assert cold["repeats"] == 3 and cold["file"] == benchmark.EXAMPLE.name
    for name in benchmark.COLD:
        assert len(cold[name]["runs"]) == 3 and cold[name]["median"] == sorted(cold[name]["runs"])[1]
    assert cold["import_vs_python_start"] > 0 and cold["cli_vs_python_start"] > 0
    assert cold["load_average_1min_before"] >= 0 and cold["load_average_1min_after"] >= 0
    assert calls[:3] == [cmd[-1] for cmd in cheap.values()]  # interleaved: one of each per round
    assert "cold_start" in capsys.readouterr().out


def test_the_cli_command_summarizes_the_example_file_quietly():
    assert benchmark.COLD["cli_one_article_s"][-2:] == [str(benchmark.EXAMPLE), "-q"] and benchmark.EXAMPLE.is_file()
    assert benchmark.COLD["import_summarize_s"][-1] == "import summarize"
