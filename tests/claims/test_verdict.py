"""The verdict rule on constructed evidence: interval overlap and the per-source decision."""
from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from summarize.claims.types import Evidence, Quantity
from summarize.claims.verdict import decide, intervals_overlap, precise, values_agree, values_contradict

INF = D("Infinity")


def Q(value: D, low: D, high: D) -> Quantity:
    return Quantity(value, "count", None, low, high)


def iv(low: D, high: D) -> Quantity:
    """An interval alone (its value does not matter to ``intervals_overlap``)."""
    return Quantity(low, "count", None, low, high)


def ev(source: str, similarity: float, agrees: bool, value: str = "1") -> Evidence:
    v = D(value)
    return Evidence(source, f"sentence {source} {value}", value, Q(v, v, v), similarity, agrees, matched=("measure",))


def test_overlap_of_rounded_numbers_and_open_intervals() -> None:
    # 91,8 persen [91,75; 91,85] agrees with 91,82 persen [91,815; 91,825]
    assert intervals_overlap(iv(D("91.75"), D("91.85")), iv(D("91.815"), D("91.825")))
    assert not intervals_overlap(iv(D("77.5"), D("78.5")), iv(D("91.815"), D("91.825")))
    # "lebih dari 8.000" = [8000, inf) holds 8.200 but not 7.000
    assert intervals_overlap(iv(D("8000"), INF), iv(D("8199.5"), D("8200.5")))
    assert not intervals_overlap(iv(D("8000"), INF), iv(D("6999.5"), D("7000.5")))
    # touching ends do not: 5,1 and 5,2 magnitudo are different numbers
    assert not intervals_overlap(iv(D("5.05"), D("5.15")), iv(D("5.15"), D("5.25")))
    # an exact value inside an interval does
    assert intervals_overlap(iv(D("2"), D("2")), iv(D("1.5"), D("2.5")))
    assert intervals_overlap(iv(D("2"), D("2")), iv(D("2"), D("2")))


@given(st.decimals(-1000, 1000, places=2), st.decimals(0, 50, places=2), st.decimals(-1000, 1000, places=2), st.decimals(0, 50, places=2))
def test_overlap_is_symmetric(a: D, wa: D, b: D, wb: D) -> None:
    assert intervals_overlap(iv(a, a + wa), iv(b, b + wb)) == intervals_overlap(iv(b, b + wb), iv(a, a + wa))


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


def test_a_value_halfway_between_two_rounder_ones_does_not_agree() -> None:
    # "Rp 8 juta" [7,5; 8,5] vs "Rp 8,5 juta" [8,45; 8,55]: the intervals touch inside, but 8,5
    # rounds to 8 as much as to 9
    assert not values_agree(Q(D(8), D("7.5"), D("8.5")), Q(D("8.5"), D("8.45"), D("8.55")))
    assert not values_agree(Q(D("1.9"), D("1.85"), D("1.95")), Q(D("1.85"), D("1.845"), D("1.855")))
    # rounding one to the other's precision gives the other
    assert values_agree(Q(D(11), D("10.5"), D("11.5")), Q(D("11.1"), D("11.05"), D("11.15")))
    assert values_agree(Q(D("1500000"), D("1450000"), D("1550000")), Q(D("1523000"), D("1522999.5"), D("1523000.5")))


def test_one_sided_statements_agree_only_near_their_bound() -> None:
    # "lebih dari 8.000" holds 8.200; "paling banyak Rp 10 miliar" says nothing for Rp 200 juta
    assert values_agree(Q(D(8000), D(8000), INF), Q(D(8200), D("8199.5"), D("8200.5")))
    assert not values_agree(Q(D(10**10), D(0), D(10**10)), Q(D(2 * 10**8), D(1.5 * 10**8), D(2.5 * 10**8)))
    assert values_agree(Q(D(48), D("47.5"), INF), Q(D(50), D("49.5"), D("50.5")))


@given(st.decimals(1, 1000, places=2), st.decimals(0, 5, places=2), st.decimals(1, 1000, places=2), st.decimals(0, 5, places=2))
def test_agreement_is_symmetric_and_implies_overlap(a: D, wa: D, b: D, wb: D) -> None:
    forward = values_agree(Q(a, a - wa, a + wa), Q(b, b - wb, b + wb))
    assert forward == values_agree(Q(b, b - wb, b + wb), Q(a, a - wa, a + wa))
    assert not forward or intervals_overlap(iv(a - wa, a + wa), iv(b - wb, b + wb))


def test_a_sentence_that_also_states_the_top_value_is_no_rival() -> None:
    # the source says 25 (0.68) and, in another sentence, "18 orang ... menjadi 25 orang" (0.59)
    top = ev("a", 0.68, False, "25")
    later = Evidence("a", "18 lalu 25", "25", Q(D(25), D(25), D(25)), 0.59, False)
    earlier = Evidence("a", "18 lalu 25", "18", Q(D(18), D(18), D(18)), 0.59, False)
    assert decide([top, later, earlier], conflict_similarity=0.66, conflict_margin=0.12) == ("conflict", top)
    assert decide([top, earlier], conflict_similarity=0.66, conflict_margin=0.12) == ("unverified", None)


def test_an_anchored_sentence_with_one_other_value_conflicts() -> None:
    anchored = Evidence("a", "s", "6,71", Q(D("6.71"), D("6.705"), D("6.715")), 0.5, False, anchored=True, matched=("measure",))
    assert decide([anchored], conflict_similarity=0.9) == ("conflict", anchored)
    # two candidate values in the anchored sentence: ambiguous
    other = Evidence("a", "s", "11,16", Q(D("11.16"), D("11.155"), D("11.165")), 0.5, False, anchored=True, matched=("measure",))
    assert decide([anchored, other], conflict_similarity=0.9) == ("unverified", None)
    # the same statements without an anchor are too weak
    assert decide([ev("a", 0.5, False, "6.71")], conflict_similarity=0.9) == ("unverified", None)


def test_a_conflict_needs_a_shared_measure() -> None:
    top = ev("a", 0.9, False, "65")
    assert decide([top]) == ("conflict", top)
    unshared = Evidence("a", "s", "65", Q(D(65), D(65), D(65)), 0.9, False, matched=("unit", "kind"))
    assert decide([unshared]) == ("unverified", None)
    assert decide([unshared], conflict_needs=()) == ("conflict", unshared)


def test_a_bound_confirms_only_within_one_written_step() -> None:
    # "lebih dari 40 gol" [40, inf): 60 is allowed, but that writer would have said "lebih dari 50"
    above_40 = Q(D(40), D(40), INF)
    sixty = Q(D(60), D("59.5"), D("60.5"))
    assert not values_agree(above_40, sixty) and not values_contradict(above_40, sixty)
    assert values_agree(above_40, Q(D(45), D("44.5"), D("45.5")))
    assert values_contradict(above_40, Q(D(30), D("29.5"), D("30.5")))


def test_two_bounds_of_one_direction_are_two_counts() -> None:
    # "sedikitnya 20 orang" and "sedikitnya 40 orang" (or 5 and 4): neither confirms the other
    at_least = [Q(D(n), D(n) - D("0.5"), INF) for n in (20, 40, 4, 5)]
    assert values_contradict(at_least[0], at_least[1]) and not values_agree(at_least[0], at_least[1])
    assert not values_agree(at_least[2], at_least[3])
    # a value halfway between two rounder ones is ambiguous, not a contradiction
    assert not values_contradict(Q(D(8), D("7.5"), D("8.5")), Q(D("8.5"), D("8.45"), D("8.55")))


def test_a_far_weaker_agreement_does_not_outweigh_a_close_contradiction() -> None:
    close = ev("a", 0.81, False, "46")
    loose = ev("a", 0.54, True, "99")
    assert decide([close, loose], conflict_similarity=0.66, conflict_margin=0.12) == ("conflict", close)
    near = ev("a", 0.75, True, "93")
    assert decide([close, near], conflict_similarity=0.66, conflict_margin=0.12) == ("consistent", near)


def test_compatible_statements_count_for_neither_side() -> None:
    loose = Evidence("a", "s", "lebih dari 40", Q(D(40), D(40), INF), 0.9, False, matched=("measure",), contradicts=False)
    assert decide([loose]) == ("unverified", None)


def test_an_anchored_sentence_is_identified_without_a_shared_slot() -> None:
    anchored = Evidence("a", "s", "Rp 20 juta", Q(D(20), D("19.5"), D("20.5")), 0.8, False, anchored=True,
                        matched=("unit", "kind", "time"))
    assert decide([anchored]) == ("conflict", anchored)


def test_a_fully_framed_statement_conflicts_below_the_similarity_bar() -> None:
    framed = Evidence("a", "s", "87,12", Q(D("87.12"), D("87.115"), D("87.125")), 0.5, False,
                      matched=("unit", "kind", "places", "entities", "measure"))
    assert decide([framed], conflict_similarity=0.66, framed_similarity=0.44) == ("conflict", framed)
    partly = Evidence("a", "s", "87,12", framed.quantity, 0.5, False, matched=("unit", "kind", "places", "measure"))
    assert decide([partly], conflict_similarity=0.66, framed_similarity=0.44) == ("unverified", None)
    rival = Evidence("a", "t", "80", Q(D(80), D("79.5"), D("80.5")), 0.45, False, matched=framed.matched)
    assert decide([framed, rival], conflict_similarity=0.66, framed_similarity=0.44) == ("unverified", None)


def test_a_common_figure_confirms_only_when_identified_and_from_the_story() -> None:
    two = Q(D(2), D("1.5"), D("2.5"))
    bare = Evidence("a", "s", "dua tahun", two, 0.9, True, matched=("unit", "kind"))
    assert decide([bare], claim=two) == ("unverified", None)
    framed = Evidence("a", "s", "dua tahun", two, 0.9, True, matched=("unit", "kind", "measure"))
    assert decide([framed], claim=two) == ("consistent", framed)
    elsewhere = Evidence("a", "s", "dua tahun", two, 0.9, True, matched=("unit", "kind", "measure"), confirms=False)
    assert decide([elsewhere], claim=two) == ("unverified", None)


def test_a_precise_figure_confirms_by_itself_when_both_sides_are_precise() -> None:
    exact = Q(D("12.57"), D("12.565"), D("12.575"))
    bare = Evidence("a", "s", "12,57", exact, 0.5, True, matched=("unit", "kind"), confirms=False)
    assert decide([bare], claim=exact) == ("consistent", bare)
    # "di atas 1.500 unit" agrees with 1.532 unit, but a bound is no precise figure
    assert decide([bare], claim=Q(D(1500), D(1500), INF)) == ("unverified", None)
    # round figures are not precise however narrow their written interval: "Rp 500 juta"
    round_ = Q(D(500), D("499.5"), D("500.5"))
    assert not precise(round_) and precise(exact)
