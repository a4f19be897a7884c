"""The frame-trap cases: the committed file is what the builder writes, and every case is valid."""
from __future__ import annotations

import json

from eval.build_frame_traps import OUT, all_cases
from summarize.evaluation.claims_eval import load_cases, run_case


def test_the_committed_cases_are_the_builder_s() -> None:
    lines = OUT.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == all_cases()


def test_cases_are_valid_and_both_parts_test_each_verdict() -> None:
    cases = load_cases(OUT)
    for c in cases:
        run_case(c, [])  # raises when an expected surface is not at its offset
    verdicts = {(c["split"], e["verdict"]) for c in cases for e in c["expected"]}
    assert {(s, v) for s in ("dev", "test") for v in ("consistent", "conflict", "unverified")} <= verdicts
