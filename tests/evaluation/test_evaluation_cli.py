"""``summarize-eval`` as a user meets it: help without the extra, named failures, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import summarize.evaluation.harness as harness
from summarize.evaluation import locations
from summarize.evaluation.cli import main
from summarize.evaluation.systems import Lead3

FIXTURE = Path(__file__).parent / "fixtures" / "indosum5.jsonl"
QUICK = ["--data", str(FIXTURE), "--modes", "given", "--resamples", "50", "--speed-sample", "0"]


def _without(modules: list[str], *argv: str) -> subprocess.CompletedProcess:
    """Run the command in a fresh interpreter where ``modules`` cannot be imported (an install
    without the ``eval`` extra)."""
    code = (f"import sys; sys.modules.update(dict.fromkeys({modules!r}))\n"
            "from summarize.evaluation.cli import main\n"
            f"sys.exit(main({list(argv)!r}))")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_help_works_without_the_eval_extra():
    done = _without(["matplotlib", "rouge_score", "sumy"], "--help")
    assert done.returncode == 0 and "usage: summarize-eval" in done.stdout and "'eval' extra" in done.stdout
    assert "Traceback" not in done.stderr


def test_a_run_without_the_extra_is_one_line_naming_it():
    done = _without(["matplotlib"], "--data", str(FIXTURE), "--systems", "LEAD-3")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "summarize-eval: needs the 'eval' extra (missing: matplotlib): pip install 'summarize-id[eval]'"]


def test_unknown_system_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main([*QUICK, "--systems", "LEAD-3,NOPE"])
    assert exit_.value.code == 2 and "unknown system 'NOPE'" in capsys.readouterr().err


class _Crashes(Lead3):
    name = "CRASHES"

    def select(self, article, mode):
        raise RuntimeError("boom in select")


class _CrashesInTraining(Lead3):
    name = "UNTRAINABLE"

    def prepare(self, articles):
        raise ValueError("no training data")


def test_a_crashed_system_fails_the_run_and_the_report_names_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(harness, "EXTRA_SECTIONS", {})
    monkeypatch.setattr(harness, "build_systems",
                        lambda names, factory, **kw: ([Lead3(), _Crashes(), _CrashesInTraining()], []))
    assert main([*QUICK, "--systems", "LEAD-3", "--out", "crash", "--results-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "boom in select" in err and "FAILED: UNTRAINABLE (prepare (training))" in err
    record = json.loads((tmp_path / "crash.json").read_text(encoding="utf-8"))
    assert [f["system"] for f in record["failed"]] == ["UNTRAINABLE", "CRASHES"]
    assert "UNTRAINABLE" not in record["results"]["given"]  # nothing to score for a system never trained
    md = (tmp_path / "crash.md").read_text(encoding="utf-8")
    assert "## FAILED systems (this run exited 1)" in md and "**CRASHES** failed in given mode" in md
    failed = md.split("## FAILED systems")[1].split("## ROUGE")[0]
    assert "RuntimeError: boom in select" in failed and "Traceback" in failed and str(locations.REPO) not in failed


def test_outside_a_checkout_the_data_path_must_be_given(monkeypatch, capsys):
    monkeypatch.setattr(locations, "in_checkout", lambda: False)
    monkeypatch.delenv(locations.INDOSUM_ENV, raising=False)
    assert main(["--systems", "LEAD-3"]) == 3
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--data PATH" in err and locations.INDOSUM_ENV in err
    monkeypatch.setenv(locations.INDOSUM_ENV, str(FIXTURE))
    assert locations.indosum_path() == FIXTURE


def test_report_paths_are_relative_to_the_repo():
    assert locations.display(locations.REPO / "eval" / "results") == "eval/results"
    assert locations.display(locations.REPO.parent / "shared" / "data" / "x.jsonl") == "../shared/data/x.jsonl"
    assert locations.display("given/as/is.jsonl") == "given/as/is.jsonl"
