"""Property tests: random values rendered the Indonesian way (dot thousands, comma decimals;
num2words' Indonesian words) are parsed back exactly, with the precision they were written with."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from num2words import num2words

from summarize.claims.parse.numbers import parse_quantities
from summarize.claims.types import Quantity

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True)

# num2words(lang="id") writes e.g. 1000000 -> "satu juta", 1234 -> "seribu dua ratus tiga puluh
# empat", Decimal("3.25") -> "tiga koma dua lima", Decimal("1000000.5") -> "satu juta koma lima",
# -5 -> "min lima": all of which the parser must read back.


def render(value: Decimal) -> str:
    """Indonesian digits: '.' between thousands, ',' before decimals ("1.234.567,89")."""
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + frac if frac else "")


def only(sentence: str) -> Quantity:
    found = parse_quantities(sentence)
    assert len(found) == 1, (sentence, found)
    return found[0][2]


decimals = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(min_value=0, max_value=10**12),
    st.integers(min_value=0, max_value=4),
)


@SETTINGS
@given(decimals)
def test_digits_round_trip_as_percent(value: Decimal) -> None:
    q = only(f"angkanya naik {render(value)} persen tahun ini")
    half = Decimal(5).scaleb(value.as_tuple().exponent - 1)
    assert (q.value, q.unit) == (value, "percent")
    assert (q.low, q.high) == (value - half, value + half)


@SETTINGS
@given(decimals, st.sampled_from([("ribu", 10**3), ("juta", 10**6), ("miliar", 10**9), ("triliun", 10**12)]))
def test_digits_with_scale_and_currency(value: Decimal, scale: tuple[str, int]) -> None:
    word, factor = scale
    for sentence in (f"dana Rp{render(value)} {word} cair", f"dana Rp {render(value)} {word} cair"):
        q = only(sentence)
        assert (q.value, q.unit) == (value * factor, "IDR")
        assert q.low <= q.value <= q.high


@SETTINGS
@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_num2words_integers_round_trip(n: int) -> None:
    q = only(f"tercatat {num2words(n, lang='id')} peserta")
    assert (q.value, q.unit, q.noun) == (n, "count", "peserta")
    assert q.low <= n <= q.high


@SETTINGS
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=3))
def test_num2words_decimals_round_trip(n: int, places: int) -> None:
    value = Decimal(n).scaleb(-places)
    q = only(f"naik {num2words(value, lang='id')} persen")
    assert (q.value, q.unit) == (value, "percent")


@SETTINGS
@given(st.integers(min_value=1, max_value=10**6))
def test_negative_values_round_trip(n: int) -> None:
    assert only(f"tumbuh {num2words(-n, lang='id')} persen").value == -n
    assert only(f"tumbuh minus {render(Decimal(n))} persen").value == -n


@SETTINGS
@given(decimals, decimals)
def test_ranges_cover_both_ends(a: Decimal, b: Decimal) -> None:
    assume(a != b)  # "5 - 5" or "8 - 1" is no range (see test_numbers_not_claims)
    low, high = min(a, b), max(a, b)
    q = only(f"naik {render(low)} hingga {render(high)} persen")
    assert q.low <= low and high <= q.high
    assert q.value == (low + high) / 2


@SETTINGS
@given(decimals, st.sampled_from(["sekitar", "kurang lebih", "kira-kira", "±"]))
def test_about_widens_but_keeps_the_value(value: Decimal, word: str) -> None:
    exact = only(f"ada {render(value)} persen")
    about = only(f"ada {word} {render(value)} persen")
    assert about.value == exact.value
    assert about.low <= exact.low and exact.high <= about.high
