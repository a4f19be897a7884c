"""The tune grid re-decides found evidence under other bars, with each claim's own quantity."""
from __future__ import annotations

from decimal import Decimal as D

from summarize.claims.extract import extract_claims
from summarize.claims.types import CheckResult, Evidence, Quantity
from summarize.evaluation.claims_tune import _redecide


def _evidence(value: str, similarity: float, agrees: bool, matched: tuple[str, ...]) -> Evidence:
    v = D(value)
    q = Quantity(v, "percent", None, v - D("0.005"), v + D("0.005"))
    return Evidence("src", f"kalimat {value}", f"{value} persen", q, similarity, agrees, matched=matched)


def test_redecide_applies_the_bar_and_the_framed_conflict_bar() -> None:
    claim = next(c for c in extract_claims("Realisasi P3DN di DKI Jakarta mencapai 91,82 persen.") if "91,82" in c.surface)
    framed = _evidence("87.12", 0.5, False, ("unit", "kind", "places", "entities", "measure"))
    result = [CheckResult(claim, "unverified", [framed])]
    assert _redecide(result, 0.44, 0.66, 0.12, 0.44)[0].verdict == "conflict"
    assert _redecide(result, 0.44, 0.66, 0.12, 0.6)[0].verdict == "unverified"  # framed bar above it
    assert _redecide(result, 0.55, 0.66, 0.12, 0.44)[0].evidence == []  # below the matcher's bar
    agree = _evidence("91.82", 0.5, True, ("unit", "kind"))
    assert _redecide([CheckResult(claim, "unverified", [agree])], 0.44, 0.66, 0.12, 0.44)[0].verdict == "consistent"
