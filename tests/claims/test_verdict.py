"""The verdict rule on constructed evidence: interval overlap and the per-source decision."""
from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from summarize.claims.types import Evidence
from summarize.claims.verdict import decide, intervals_overlap

INF = D("Infinity")


def ev(source: str, similarity: float, agrees: bool, value: str = "1") -> Evidence:
    v = D(value)
    return Evidence(source, f"sentence {source} {value}", value, v, v, v, similarity, agrees)


def test_overlap_of_rounded_numbers_and_open_intervals() -> None:
    # 91,8 persen [91,75; 91,85] agrees with 91,82 persen [91,815; 91,825]
    assert intervals_overlap(D("91.75"), D("91.85"), D("91.815"), D("91.825"))
    assert not intervals_overlap(D("77.5"), D("78.5"), D("91.815"), D("91.825"))
    # "lebih dari 8.000" = [8000, inf) holds 8.200 but not 7.000
    assert intervals_overlap(D("8000"), INF, D("8199.5"), D("8200.5"))
    assert not intervals_overlap(D("8000"), INF, D("6999.5"), D("7000.5"))
    # touching ends do not: 5,1 and 5,2 magnitudo are different numbers
    assert not intervals_overlap(D("5.05"), D("5.15"), D("5.15"), D("5.25"))
    # an exact value inside an interval does
    assert intervals_overlap(D("2"), D("2"), D("1.5"), D("2.5"))
    assert intervals_overlap(D("2"), D("2"), D("2"), D("2"))


@given(st.decimals(-1000, 1000, places=2), st.decimals(0, 50, places=2), st.decimals(-1000, 1000, places=2), st.decimals(0, 50, places=2))
def test_overlap_is_symmetric(a: D, wa: D, b: D, wb: D) -> None:
    assert intervals_overlap(a, a + wa, b, b + wb) == intervals_overlap(b, b + wb, a, a + wa)


def test_no_evidence_is_unverified() -> None:
    assert decide([]) == ("unverified", None)


def test_agreeing_statement_makes_consistent() -> None:
    agree = ev("a", 0.7, True)
    assert decide([agree], conflict_similarity=0.8) == ("consistent", agree)


def test_weak_disagreement_is_not_a_conflict() -> None:
    assert decide([ev("a", 0.7, False)], conflict_similarity=0.8) == ("unverified", None)


def test_strong_unambiguous_disagreement_is_a_conflict() -> None:
    strong = ev("a", 0.9, False)
    # a second statement of the same value is no rival; one of another value far below is none either
    evidence = [ev("a", 0.88, False), strong, ev("a", 0.7, False, "3")]
    assert decide(evidence, conflict_similarity=0.8, conflict_margin=0.1) == ("conflict", strong)


def test_close_statements_of_other_values_make_the_source_ambiguous() -> None:
    evidence = [ev("a", 0.85, False, "2"), ev("a", 0.9, False, "3")]
    assert decide(evidence, conflict_similarity=0.8, conflict_margin=0.1) == ("unverified", None)
    assert decide(evidence, conflict_similarity=0.8, conflict_margin=0.0)[0] == "conflict"


def test_other_numbers_in_an_agreeing_source_do_not_conflict() -> None:
    # one source states the claim's number and another number of the same unit
    agree, other = ev("a", 0.85, True), ev("a", 0.95, False, "2")
    assert decide([other, agree], conflict_similarity=0.8) == ("consistent", agree)


def test_one_contradicting_source_outweighs_agreeing_ones() -> None:
    contra = ev("b", 0.9, False, "2")
    verdict, deciding = decide([ev("a", 0.95, True), ev("c", 0.9, True), contra], 0.8, 0.1)
    assert (verdict, deciding) == ("conflict", contra)


def test_deciding_is_the_most_similar_agreeing_statement() -> None:
    best = ev("b", 0.9, True)
    assert decide([ev("a", 0.7, True), best, ev("c", 0.8, True)])[1] == best
