"""``--reuse``: a partial rerun carries the other systems' rows over from an earlier run, marked."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import summarize.evaluation.harness as harness
from summarize.evaluation.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "indosum5.jsonl"
QUICK = ["--data", str(FIXTURE), "--modes", "given,raw", "--resamples", "50", "--speed-sample", "0"]


@pytest.fixture
def earlier(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(harness, "EXTRA_SECTIONS", {})
    assert main([*QUICK, "--systems", "LEAD-3,ORACLE,RANDOM-3", "--out", "old", "--results-dir", str(tmp_path)]) == 0
    return tmp_path / "old.json"


def test_rows_not_rerun_are_carried_over_and_marked(earlier, tmp_path):
    old = json.loads(earlier.read_text(encoding="utf-8"))
    assert main([*QUICK, "--systems", "LEAD-3,sumy-luhn-sastrawi", "--reuse", str(earlier), "--out", "new",
                 "--results-dir", str(tmp_path)]) == 0
    new = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
    assert new["systems"] == ["LEAD-3", "sumy-luhn-sastrawi", "ORACLE", "RANDOM-3"]
    for mode in ("given", "raw"):
        assert list(new["results"][mode]) == ["LEAD-3", "ORACLE", "RANDOM-3", "sumy-luhn-sastrawi"]  # report order
        carried = new["results"][mode]["ORACLE"]
        assert carried.pop("carried_over").startswith("run `old` of ") and carried == old["results"][mode]["ORACLE"]
        assert "carried_over" not in new["results"][mode]["sumy-luhn-sastrawi"]
    per_article = json.loads((tmp_path / "new.articles.json").read_text(encoding="utf-8"))
    assert set(per_article["given"]) == {"LEAD-3", "sumy-luhn-sastrawi", "ORACLE", "RANDOM-3"}
    md = (tmp_path / "new.md").read_text(encoding="utf-8")
    assert "| ORACLE † |" in md and "| sumy-luhn-sastrawi |" in md
    assert "† carried over from run `old`" in md and ": ORACLE, RANDOM-3" in md
    assert new["carried_over"] == ["ORACLE", "RANDOM-3"]


def test_carried_notes_and_preparation_are_marked():
    from summarize.evaluation.report import render_markdown

    record = {"run": "r", "date": "d", "command": "c", "data": "x", "n_articles": 0, "modes": [], "seed": 0,
              "resamples": 1, "versions": {}, "notes": ["† ours-learned: 5 fold models trained in this run"],
              "results": {}, "reference_check": {}, "speed": {}, "extra": {},
              "prepare_s": {"ours-learned": 391.2, "NEW": 2.0}, "carried_over": ["ours-learned"]}
    md = render_markdown(record)
    assert "Preparation (training, all folds): ours-learned † 391.2 s, NEW 2.0 s" in md
    assert "- Note: † ours-learned: 5 fold models trained in this run" in md


def test_an_earlier_run_of_other_articles_is_refused(earlier, tmp_path, capsys):
    code = main([*QUICK, "--limit", "3", "--systems", "LEAD-3", "--reuse", str(earlier), "--out", "other",
                 "--results-dir", str(tmp_path)])
    assert code == 3 and "scored other articles" in capsys.readouterr().err
    assert main([*QUICK, "--reuse", str(tmp_path / "none.json")]) == 3
