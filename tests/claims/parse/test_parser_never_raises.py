"""The parser reads what is a number, skips what is not, and never raises: superscripts,
vulgar fractions, very long digit strings and huge scaled values included (issue 11)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.claims.extract import extract_claims
from summarize.claims.parse.digits import read_digits

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
FRACTIONS = "¼½¾⅓⅔⅛⁄"
WORDS = [" persen", " orang", " triliun", " juta", " m", " km", " Rp", " %", " ribu", " lebih", " sekitar"]

tokens = st.one_of(
    st.text(alphabet="0123456789.,", min_size=1, max_size=40),
    st.text(alphabet=SUPERSCRIPTS + FRACTIONS, min_size=1, max_size=3),
    st.sampled_from(WORDS),
    st.sampled_from([" ", "-", "/", "(", ")", "%", "²", "³"]),
    st.integers(min_value=10**29, max_value=10**60).map(str),
)


@SETTINGS
@given(st.lists(tokens, min_size=1, max_size=12).map("".join))
def test_never_raises_on_numbers_superscripts_and_fractions(text: str) -> None:
    for claim in extract_claims(text):
        assert text[claim.start:claim.end] == claim.surface
        assert claim.quantity.low <= claim.quantity.high


@SETTINGS
@given(st.integers(min_value=10**29, max_value=10**45), st.sampled_from(["orang", "triliun", "persen", "juta orang"]))
def test_thirty_digit_numbers_parse_or_skip(n: int, word: str) -> None:
    extract_claims(f"Jumlahnya {n} {word} tahun ini.")


@pytest.mark.parametrize("text", [
    "¹", "Harga naik 5%³", "300 m ²", "11111111111111111111111111111 orang", "10000000000000000 triliun",
    "²³⁴ orang", "½", "3¼", "1" * 80 + " orang",
])
def test_issue_inputs_do_not_raise(text: str) -> None:
    extract_claims(text)


def test_superscripts_are_not_numbers_but_exponents_of_a_unit() -> None:
    assert extract_claims("¹") == []
    (pct,) = extract_claims("Harga naik 5%³")
    assert (pct.surface, pct.unit, pct.value) == ("5%", "percent", Decimal(5))
    (area,) = extract_claims("Luas lahan mencapai 300 m ² tahun ini.")
    assert (area.unit, area.value, area.noun) == ("m2", Decimal(300), None)
    assert [c.unit for c in extract_claims("Luas 300 m² dan 5 km².")] == ["m2", "km2"]


def test_vulgar_fractions_are_read_with_their_precision() -> None:
    assert read_digits("½") == (Decimal("0.5"), Decimal("0.25"))
    (claim,) = extract_claims("Sebanyak 3¼ juta orang mudik.")
    assert claim.value == Decimal(3250000) and claim.quantity.low == Decimal(3125000)


def test_long_numbers_keep_their_digits() -> None:
    (claim,) = extract_claims("11111111111111111111111111111 orang")
    assert claim.value == Decimal("11111111111111111111111111111")
    assert read_digits("1" * 41) is None
