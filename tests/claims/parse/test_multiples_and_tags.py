"""Forms found in the first report part of the whole-sentence extraction set after it was read
and moved to the tune part (eval/data/claims/README.md): a multiple of a duration ("2x24 jam"),
a spelled count before an acronym ("lima CV"), counts in parentheses after what they count,
and numbers inside names, tags and titles ("PARFI '56", "#8moredays", "bertajuk 171717",
"satu persatu"); millilitres and bit rates (unlabelled tune-part sentences)."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from summarize.claims.parse.numbers import parse_quantities


def read(sentence: str) -> list[tuple[str, D, str, str | None]]:
    return [(sentence[s:e], q.value, q.unit, q.noun) for s, e, q in parse_quantities(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Tenggat waktu 2x24 jam sudah dipenuhi.", [("2x24 jam", D(48), "hour", None)]),
    ("Laga berlangsung 2 x 45 menit.", [("2 x 45 menit", D(90), "minute", None)]),
    ("Ia menjabat maksimal 2x10 tahun.", [("maksimal 2x10 tahun", D(20), "year", None)]),
])
def test_a_multiple_of_a_duration_is_one_duration(sentence: str, expected: list) -> None:
    assert read(sentence) == expected


def test_a_size_is_not_multiplied() -> None:
    assert read("Ukurannya 3 x 4 meter.") == [("4 meter", D(4), "m", None)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Dia datang dengan menyiapkan lima CV untuk dimasukkan.", ("lima CV", D(5), "count", "cv")),
    ("Empat ABG digelandang ke Polsek Tambun.", ("Empat ABG", D(4), "count", "abg")),
])
def test_a_spelled_count_before_an_acronym_counts_it(sentence: str, expected: tuple) -> None:
    assert read(sentence) == [expected]


def test_a_count_grouped_in_thousands_in_parentheses_is_a_claim() -> None:
    sentence = "Giro d'Italia (8 juta), Santos Tour Down Under (750.000), dan TdS (550.000)."
    assert [(s, v) for s, v, _, _ in read(sentence)] == [("8 juta", D(8_000_000)), ("750.000", D(750_000)),
                                                          ("550.000", D(550_000))]
    assert read("Philipp Lahm (33) dan skuat West Brom (2).") == []  # ages and bare counts stay out


@pytest.mark.parametrize("sentence", [
    "Untuk itu, PARFI '56 memiliki sebuah program.",
    "berdasarkan Pancasila dan UUD '45; tapi",
    "#ninggalinsuami&anak #8moredays #missingyouboth",
    "TNI menggelar doa bersama dengan bertajuk 171717.",
    "Pameran berjudul 1001 Malam dibuka.",
    "terlihat warga Jakarta satu persatu mulai berdatangan.",
])
def test_numbers_in_names_tags_titles_and_idioms_are_not_claims(sentence: str) -> None:
    assert read(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Kulit ceker mengandung 5.850 ml gelatin.", [("5.850 ml gelatin", D(5850), "ml", "gelatin")]),
    ("Kecepatannya mencapai angka 10 Mbps.", [("10 Mbps", D(10), "Mbps", None)]),
    ("Pusat gempa pada jarak 57 km arah timur laut kota.", [("57 km", D(57), "km", None)]),
])
def test_millilitres_bit_rates_and_a_direction_after_a_distance(sentence: str, expected: list) -> None:
    assert read(sentence) == expected
