"""Pairing expected claims with the checker's, scoring the parts, and the report's targets table.

The checker's results are made by hand here (claims from the parser, verdicts chosen), so these
tests check the evaluation's bookkeeping, not the checker."""
from __future__ import annotations

import json

import pytest

from summarize.claims.extract import extract_claims
from summarize.claims.types import CheckResult
from summarize.evaluation.claims_eval import CASES, load_cases, run_case, score_parts
from summarize.evaluation.claims_report import render

ARTICLE = "Ekspor turun 6,71 persen, sementara impor turun 5,96 persen pada 2017."


def _case(split: str, verdicts: tuple[str, str], kind: str | None = None) -> dict:
    case = {"id": f"c-{split}-{kind}", "split": split, "article": ARTICLE, "corpus": [], "expected": [
        {"surface": "6,71 persen", "start": 13, "value": "6.71", "unit": "percent", "noun": None, "verdict": verdicts[0]},
        {"surface": "5,96 persen", "start": 48, "value": "5.96", "unit": "percent", "noun": None, "verdict": verdicts[1]},
    ]}
    if kind:
        case["kind"] = kind
    return case


def _results(*verdicts: str) -> list[CheckResult]:
    claims = extract_claims(ARTICLE)
    assert [c.surface for c in claims] == ["6,71 persen", "5,96 persen"]
    return [CheckResult(c, v) for c, v in zip(claims, verdicts)]


def test_run_case_pairs_by_offsets_and_marks_missed():
    row = run_case(_case("test", ("conflict", "unverified")), _results("conflict")[:1])
    assert [(p["expected"], p["predicted"]) for p in row["pairs"]] == [("conflict", "conflict"), ("unverified", "missed")]
    assert row["kind"] == "hand-built" and row["extra"] == []


def test_run_case_rejects_a_wrong_offset():
    case = _case("test", ("conflict", "unverified"))
    case["expected"][0]["start"] = 12
    with pytest.raises(ValueError, match="not at its offset"):
        run_case(case, _results("conflict", "unverified"))


def test_parts_are_scored_apart_and_by_kind():
    rows = [
        run_case(_case("test", ("conflict", "consistent"), "contrast"), _results("conflict", "conflict")),
        run_case(_case("dev", ("unverified", "unverified")), _results("unverified", "conflict")),
    ]
    parts = score_parts(rows)
    report, tune = parts["test"], parts["dev"]
    assert report["expected_claims"] == 2 and report["conflict_precision"] == 0.5 and report["conflict_recall"] == 1.0
    assert report["verdict_accuracy"] == 0.5 and report["always_unverified_accuracy"] == 0.0
    assert tune["conflict_precision"] == 0.0 and tune["conflict_recall"] is None
    assert tune["always_unverified_accuracy"] == 1.0
    assert list(report["by_kind"]) == ["contrast"] and list(tune["by_kind"]) == ["hand-built"]
    assert parts["all"]["expected_claims"] == 4


def test_report_marks_targets_met_and_missed():
    rows = [run_case(_case("test", ("conflict", "consistent"), "contrast"), _results("conflict", "conflict")),
            run_case(_case("dev", ("unverified", "unverified")), _results("unverified", "unverified"))]
    result = {"command": "python -m x", "encoder": "e", "matcher": {}, **score_parts(rows)}
    md = render(result)
    assert "| conflict precision | ≥ 0.97 | 0.500 | no |" in md
    assert "| conflict recall | ≥ 0.9 | 1.000 | yes |" in md
    assert "Command: `python -m x`" in md
    assert md.startswith("# Claim checker: evaluation on `eval/data/claims/cases.jsonl`")
    other = render(dict(result, command="python -m x --cases /abs/eval/data/claims/frame_traps.jsonl"))
    assert other.startswith("# Claim checker: evaluation on `eval/data/claims/frame_traps.jsonl`")
    assert "issue 12" not in other  # its targets belong to cases.jsonl


def test_dev_set_offsets_parts_and_labels_are_consistent():
    cases = load_cases(CASES)
    assert len({c["id"] for c in cases}) == len(cases)
    part_of_article: dict[str, str] = {}
    for case in cases:
        run_case(case, [])  # raises when an expected surface is not at its offset
        assert case["split"] in ("dev", "test")
        for src in case.get("sources", []):
            if src.startswith("indosum:"):
                article = src.split()[0]
                assert part_of_article.setdefault(article, case["split"]) == case["split"], article
    kinds = {c.get("kind") for c in cases}
    assert {"contrast", "issue-table"} <= kinds
    assert sum(c.get("kind") == "issue-table" for c in cases) == 9
    contrast = [c for c in cases if c.get("kind") == "contrast"]
    assert len(contrast) >= 100
    assert all("CONSTRUCTED" in c["note"] and c["edits"] for c in contrast)
    labels = [e["verdict"] for c in contrast if c["split"] == "test" for e in c["expected"]]
    assert labels.count("unverified") / len(labels) < 0.5  # always-unverified stays far below the targets
    json.dumps(cases)


def test_extraction_scoring_counts_optional_spans_neither_way():
    from summarize.evaluation.claims_extraction import score_sentence

    text = "Lahm (33) mengoleksi 21 gelar dan 2 trofi pada 2002."
    row = {"id": "x", "split": "test", "text": text,
           "claims": [{"surface": "21 gelar", "start": 21}, {"surface": "2 trofi", "start": 34}],
           "optional": [{"surface": "33", "start": 6}]}
    found = [(6, 8, "33"), (21, 29, "21 gelar"), (47, 51, "2002"), (21, 23, "21")]
    s = score_sentence(row, found)
    # "33" is optional (ignored); "2002" is false; a second claim inside "21 gelar" is false too
    assert (s["expected"], s["found"], s["paired"]) == (2, 3, 1)
    assert s["missed"] == ["2 trofi"] and s["false"] == ["2002", "21"]
