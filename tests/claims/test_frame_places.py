"""Places of a clause and whether two clauses name one place: titles, unlisted regencies,
compass names, and the symmetry of the comparison."""
from __future__ import annotations

import itertools

import pytest

from summarize.claims.extract import extract_claims
from summarize.claims.frame_match import compare
from summarize.claims.frame_places import (
    most_specific, peers, place_region, places_in, same_place, same_places, sentence_places,
)


def places(sentence: str) -> list[str]:
    return [p for _, _, p in places_in(sentence, 0, len(sentence))]


def one(text: str):
    (claim,) = extract_claims(text)
    return claim


def test_a_title_joins_its_name_and_says_city_or_regency() -> None:
    assert places("Kasus DBD di Kabupaten Bogor dan Kota Bekasi naik.") == ["Kabupaten Bogor", "Kota Bekasi"]
    assert places("Pemkab Bekasi dan Pemkot Bogor sepakat.") == ["Kabupaten Bekasi", "Kota Bogor"]
    assert places("Banjir melanda Kab. Bandung.") == ["Kabupaten Bandung"]
    assert places("Harga beras di Bandung naik.") == ["Bandung"]
    assert places("Rapat di Balai Kota DKI Jakarta dan Kota Jakarta.") == ["DKI Jakarta", "DKI Jakarta"]


def test_a_titled_name_missing_from_the_lists_is_still_a_place() -> None:
    assert places("Banjir di Kabupaten Kudus merendam rumah.") == ["Kabupaten Kudus"]
    assert places("Kebakaran di Kabupaten Ogan Komering Ilir meluas.") == ["Kabupaten Ogan Komering Ilir"]
    # the run stops at a listed place or a weekday
    assert places("Banjir di Kabupaten Kudus Jawa Tengah surut.") == ["Kabupaten Kudus", "Jawa Tengah"]
    assert places("Warga Kota Sawahlunto Senin pagi mengungsi.") == ["Kota Sawahlunto"]


def test_a_compass_word_makes_another_place_within_the_same_province() -> None:
    assert places("Kasus DBD di Jakarta Selatan naik.") == ["Jakarta Selatan"]
    assert place_region("Jakarta Selatan") == "DKI Jakarta"
    assert place_region("Kabupaten Bandung Barat") == "Jawa Barat"
    assert place_region("Kota Bogor") == "Jawa Barat"
    assert place_region("Kabupaten Kudus") == "Kabupaten Kudus"


def test_most_specific_drops_holders_and_a_bare_name_beside_its_titled_form() -> None:
    assert most_specific(("Kota Bandung", "Jawa Barat")) == {"Kota Bandung"}
    assert most_specific(("Jakarta Selatan", "DKI Jakarta", "Indonesia")) == {"Jakarta Selatan"}
    assert most_specific(("Kabupaten Bogor", "Bogor")) == {"Kabupaten Bogor"}
    assert most_specific(("Kabupaten Kudus", "Indonesia")) == {"Kabupaten Kudus"}


@pytest.mark.parametrize("a, b, same", [
    ("Kota Bogor", "Kabupaten Bogor", False),
    ("Bogor", "Kota Bogor", True),  # a bare name is the city
    ("Bogor", "Kabupaten Bogor", False),  # ... where a regency of that name exists too
    ("Cianjur", "Kabupaten Cianjur", True),  # no Kota Cianjur: bare is the regency
    ("Kota Semarang", "Kabupaten Semarang", False),
    ("Jakarta Selatan", "Jakarta Timur", False),
    ("Kabupaten Luwu Utara", "Kabupaten Luwu Timur", False),
])
def test_same_place_is_symmetric(a: str, b: str, same: bool) -> None:
    assert same_place(a, b) is same and same_place(b, a) is same


def test_two_clauses_without_a_place_say_nothing() -> None:
    assert same_places((), ("Kota Bogor",)) is None
    assert same_places(("Jawa Barat", "Kota Bandung"), ("Bandung",)) is True


def test_city_and_regency_figures_are_two_quantities_both_ways() -> None:
    sentences = [
        "Harga cabai rawit di Kota Semarang mencapai Rp60.000 per kg.",
        "Harga cabai rawit di Kabupaten Semarang mencapai Rp55.000 per kg.",
        "Harga cabai rawit di Semarang mencapai Rp58.000 per kg.",
    ]
    claims = [one(s) for s in sentences]
    expected = {(0, 1): False, (0, 2): True, (1, 2): False}
    for i, j in itertools.combinations(range(3), 2):
        for x, y in ((i, j), (j, i)):
            assert compare(claims[x], claims[y]).compatible is expected[(i, j)], (x, y)


def test_a_sentence_s_places_are_its_most_specific_in_a_stable_order() -> None:
    assert sentence_places("Di Kota Bandung, Jawa Barat, dan Kabupaten Kudus hujan deras.") == (
        "Kabupaten Kudus", "Kota Bandung")
    assert sentence_places("Kata Menteri di Jakarta, Senin, hujan deras.") == ()


def test_peers_are_places_apart_not_places_that_hold_each_other() -> None:
    assert peers(("Kota Bogor",), ("Kabupaten Bogor",)) and peers(("Jawa Barat",), ("Jawa Tengah",))
    assert not peers(("Indonesia",), ("Jawa Barat",)) and not peers(("Kota Bandung",), ("Jawa Barat",))
    assert not peers(("Riau", "Aceh"), ("Riau",)) and not peers((), ("Riau",))


def test_a_masing_masing_list_pairs_places_and_figures_in_order() -> None:
    from summarize.claims.extract import extract_claims

    claims = extract_claims("Inflasi di Medan, Padang dan Pekanbaru berturut-turut 2,1 persen, 3,2 persen dan 1,9 persen.")
    assert [c.frame.places for c in claims] == [("Medan",), ("Padang",), ("Pekanbaru",)]
    # no pairing when the counts differ: every figure keeps the clause's places
    (claim,) = extract_claims("Harga di Jawa Barat dan Banten masing-masing naik 5 persen.")
    assert claim.frame.places == ("Jawa Barat", "Banten")
