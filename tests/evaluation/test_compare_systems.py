"""Head-to-head comparison of two systems from a harness run's per-article scores."""
from __future__ import annotations

import json

import pytest

from eval import compare_systems


def _run(tmp_path, a, b, name="run", ids=None):
    per = {t: None for t in ("rouge1", "rouge2", "rougeL")}
    articles = {"ids": ids or [f"x{i}" for i in range(len(a))],
                "given": {"A": {t: a for t in per}, "B": {t: b for t in per}}}
    (tmp_path / f"{name}.articles.json").write_text(json.dumps(articles))
    return tmp_path / f"{name}.json"


def test_a_better_on_every_article_gets_a_positive_interval(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(compare_systems, "RESULTS", tmp_path)
    run = _run(tmp_path, [0.5, 0.6, 0.7, 0.8] * 5, [0.4, 0.5, 0.6, 0.7] * 5)
    assert compare_systems.main(["--run", str(run), "A", "B", "--resamples", "200"]) == 0
    record = json.loads((tmp_path / "compare_A_vs_B.json").read_text())
    r1 = record["modes"]["given"]["rouge1"]
    assert record["n"] == 20 and r1["diff"] == 10.0 and r1["ci95"] == [10.0, 10.0] and r1["p"] < 0.01


def test_an_unknown_system_is_named(tmp_path) -> None:
    run = _run(tmp_path, [0.5], [0.4])
    with pytest.raises(SystemExit, match="no per-article scores of C"):
        compare_systems.compare(run, "A", "C")


def test_b_from_another_run_of_the_same_articles(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(compare_systems, "RESULTS", tmp_path)
    new = _run(tmp_path, [0.6, 0.7] * 5, [0.0, 0.0] * 5, "new")
    old = _run(tmp_path, [0.5, 0.7] * 5, [0.0, 0.0] * 5, "old")
    assert compare_systems.main(["--run", str(new), "--run-b", str(old), "A", "A", "--resamples", "200"]) == 0
    record = json.loads((tmp_path / "compare_A_new_vs_A_old.json").read_text())
    assert record["run_b"] == str(old) and record["modes"]["given"]["rouge1"]["diff"] == 5.0


def test_runs_of_other_articles_are_refused(tmp_path) -> None:
    new = _run(tmp_path, [0.5, 0.6], [0.4, 0.4], "new")
    old = _run(tmp_path, [0.5, 0.6], [0.4, 0.4], "old", ids=["y0", "y1"])
    with pytest.raises(SystemExit, match="scored different articles"):
        compare_systems.compare(new, "A", "A", run_b=old)
