"""Forms the first parser missed or misread: shares after "bagian", data sizes, negated
comparisons, medal counts, index levels in sentences about persen, compound scales, "sepertiga",
and which of several dates in a sentence a claim refers to."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from summarize.claims.extract import extract_claims
from summarize.claims.parse.numbers import parse_quantities
from summarize.claims.types import Quantity


def only(sentence: str) -> tuple[str, Quantity]:
    """The single quantity in ``sentence`` and its surface."""
    (found,) = parse_quantities(sentence)
    return sentence[found[0]:found[1]], found[2]


def test_a_share_after_bagian_is_a_claim_but_a_section_number_is_not() -> None:
    surface, q = only("Eko mendapat bagian 7,5 persen itu dari Arie.")
    assert (surface, q.value, q.unit) == ("7,5 persen", D("7.5"), "percent")
    assert parse_quantities("Lihat Bagian 7 dan Pasal 5 ayat (2).") == []


@pytest.mark.parametrize(("sentence", "unit"), [("RAM 2 GB", "GB"), ("memori 16 GB", "GB"), ("berkas 300 MB", "MB")])
def test_data_sizes_are_measures(sentence: str, unit: str) -> None:
    assert only(sentence)[1].unit == unit


def test_tak_lebih_dari_is_at_most() -> None:
    q = only("Jumlahnya tak lebih dari 26 orang.")[1]
    assert (q.value, q.low, q.high, q.noun) == (D(26), D(0), D("26.5"), "orang")
    q = only("Jumlahnya tidak kurang dari 26 orang.")[1]
    assert q.low == D("25.5") and q.high == D("Infinity")


def test_medals_are_counted() -> None:
    assert only("Indonesia meraih 32 medali dengan rincian tersebut.")[1].noun == "medali"


def test_an_index_level_stays_points_beside_a_percent_change() -> None:
    found = parse_quantities("IHSG naik 0,5 persen ke level 6.065,30 poin.")
    assert [(q.value, q.unit) for _, _, q in found] == [(D("0.5"), "percent"), (D("6065.3"), "point")]
    (_, _, change), (_, _, share) = parse_quantities("Porsinya naik 0,5 poin menjadi 3 persen.")
    assert (change.unit, share.unit) == ("percentage_point", "percent")


def test_compound_scales_add_up() -> None:
    surface, q = only("Gajinya Rp 2 juta 500 ribu per bulan.")
    assert (surface, q.value, q.low, q.high) == ("Rp 2 juta 500 ribu", D(2500000), D(2499500), D(2500500))
    assert len(parse_quantities("Ada 2 juta, 500 ribu lainnya.")) == 2


def test_sepertiga_is_a_third() -> None:
    q = only("sepertiga warga hadir")[1]
    assert q.low < D(1) / D(3) < q.high and q.noun == "warga"


def test_each_figure_takes_the_last_date_before_it() -> None:
    text = ("Ekspor pada Februari 2017 turun 6,17 persen menjadi 12,57 miliar dolar AS, dibandingkan "
            "Januari yang mencapai 13,40 miliar dolar AS, sementara dibanding Februari 2016 naik 11,16 persen.")
    times = {str(c.value): c.time for c in extract_claims(text)}
    assert times == {"6.17": "2017-02", "12570000000": "2017-02", "13400000000": "2017-01", "11.16": "2016-02"}
