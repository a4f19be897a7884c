"""A whole harness run on the five-article fixture, baselines only (no encoder, seconds)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import summarize.evaluation.harness as harness
from summarize.evaluation.cli import main
from summarize.evaluation.indosum import load_articles
from summarize.evaluation.metrics import rouge
from summarize.evaluation.systems import sentences_for

FIXTURE = Path(__file__).parent / "fixtures" / "indosum5.jsonl"
ARGS = ["--data", str(FIXTURE), "--systems", "LEAD-3,ORACLE,RANDOM-3", "--modes", "given,raw",
        "--resamples", "200", "--speed-sample", "2"]


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("results")
    with pytest.MonkeyPatch.context() as mp:
        # the splitter / claim sections belong to other modules; here only their skip path runs
        mp.setattr(harness, "EXTRA_SECTIONS", {"eval.no_such_module": "claims"})
        assert main([*ARGS, "--out", "tiny", "--results-dir", str(out)]) == 0
    return out, json.loads((out / "tiny.json").read_text(encoding="utf-8"))


def test_writes_report_json_per_article_scores_and_plots(run):
    out, record = run
    names = sorted(p.name for p in out.iterdir())
    assert {"tiny.md", "tiny.json", "tiny.articles.json", "tiny.rouge.png", "tiny.length.png",
            "tiny.speed.png"} <= set(names)
    md = (out / "tiny.md").read_text(encoding="utf-8")
    assert md.startswith("# Evaluation run `tiny`") and "Date:" in md.splitlines()[2]
    assert "python -m summarize.evaluation --data" in md and "## ROUGE, given mode" in md and "## ROUGE, raw mode" in md
    assert "skipped: eval.no_such_module does not exist yet" in md
    assert record["n_articles"] == 5 and record["systems"] == ["LEAD-3", "ORACLE", "RANDOM-3"]
    assert record["reference_check"]["comparable"] is False


def test_report_carries_no_absolute_paths_but_the_command_as_given(run):
    out, record = run
    assert record["data"] == "tests/evaluation/fixtures/indosum5.jsonl"
    assert record["plots"] == ["tiny.rouge.png", "tiny.length.png", "tiny.speed.png"]
    md = (out / "tiny.md").read_text(encoding="utf-8")
    assert "- Data: `tests/evaluation/fixtures/indosum5.jsonl`" in md
    assert [line for line in md.splitlines() if "/work/" in line or str(Path.home()) + "/" in line] == [
        line for line in md.splitlines() if line.startswith("- Command:")]


def test_scores_match_direct_rouge_of_the_same_choices(run):
    _, record = run
    articles = load_articles(FIXTURE)
    for mode in ("given", "raw"):
        lead = [rouge(a.reference, "\n".join(sentences_for(a, mode)[:3]))["rouge1"] for a in articles]
        assert record["results"][mode]["LEAD-3"]["rouge1"]["mean"] == pytest.approx(np.mean(lead))
    oracle = [rouge(a.reference, "\n".join(s for s, g in zip(a.sentences, a.labels) if g))["rougeL"]
              for a in articles]
    assert record["results"]["given"]["ORACLE"]["rougeL"]["mean"] == pytest.approx(np.mean(oracle))


def test_aggregates_are_consistent(run):
    out, record = run
    per_article = json.loads((out / "tiny.articles.json").read_text(encoding="utf-8"))
    given = record["results"]["given"]
    assert "rouge1_vs_LEAD-3" not in given["LEAD-3"]  # the baseline is not tested against itself
    diff = given["ORACLE"]["rouge1_vs_LEAD-3"]
    scores = per_article["given"]
    expected = np.mean(np.array(scores["ORACLE"]["rouge1"]) - np.array(scores["LEAD-3"]["rouge1"]))
    assert diff["diff_mean"] == pytest.approx(expected, abs=1e-4)
    assert 0 < diff["p_value"] <= 1
    for entry in given.values():
        r1 = entry["rouge1"]
        assert r1["low"] <= r1["mean"] <= r1["high"]
        assert sum(g["n"] for g in entry["rouge1_by_category"].values()) == 5
        assert sum(g["n"] for g in entry["rouge1_by_length"].values()) == 5
    assert set(record["speed"]["systems"]) == {"LEAD-3", "ORACLE", "RANDOM-3"}


def test_rerun_gives_identical_scores(run, tmp_path, monkeypatch):
    _, first = run
    monkeypatch.setattr(harness, "EXTRA_SECTIONS", {})
    main([*ARGS, "--speed-sample", "0", "--out", "again", "--results-dir", str(tmp_path)])
    again = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))
    def strip(res: dict) -> dict:
        return {m: {s: {k: v for k, v in e.items() if k != "seconds"} for s, e in r.items()} for m, r in res.items()}

    assert strip(again["results"]) == strip(first["results"])


def test_rejects_unknown_mode(capsys):
    with pytest.raises(SystemExit):
        main(["--modes", "given,tokens"])


def test_a_system_that_raises_scores_zero_and_is_reported(capsys):
    from summarize.evaluation.systems import Lead3

    class Broken(Lead3):
        name = "BROKEN"

        def select(self, article, mode):
            if article.category == "olahraga":
                raise RuntimeError("boom")
            return super().select(article, mode)

    articles = load_articles(FIXTURE)
    summaries, _, errors, first = harness.run_system(Broken(), articles, "given")
    broken = [i for i, a in enumerate(articles) if a.category == "olahraga"]
    assert len(errors) == len(broken) >= 1 and "RuntimeError: boom" in errors[0]
    assert all(summaries[i] == "" for i in broken) and sum(bool(s) for s in summaries) == 5 - len(broken)
    assert first["system"] == "BROKEN" and "Traceback" in first["traceback"] and "boom" in capsys.readouterr().err


def test_find_confusion_prefers_the_pooled_matrix():
    from summarize.evaluation.plots import find_confusion

    claims = {"dev": {"confusion": {"a": {"a": 1}}},
              "all": {"confusion": {"ok": {"ok": 3, "bad": 1}, "bad": {"ok": 0, "bad": 2, "missed": 1}}}}
    where, rows, cols, matrix = find_confusion(claims)
    assert where == "all.confusion" and rows == ["ok", "bad"] and cols == ["ok", "bad", "missed"]
    assert matrix.tolist() == [[3, 1, 0], [0, 2, 1]]
    assert find_confusion({"accuracy": 0.9}) is None


def test_missing_data_file_is_one_line_and_exit_3(tmp_path, capsys):
    assert main(["--data", str(tmp_path / "none.jsonl"), "--systems", "LEAD-3"]) == 3
    err = capsys.readouterr().err.strip()
    assert "no such data file" in err and len(err.splitlines()) == 1
