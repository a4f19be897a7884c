"""Quarters and half-years as times: the period a growth rate or a profit belongs to."""
from __future__ import annotations

import pytest

from summarize.claims.parse.dates import find_dates, sentence_time


def periods(sentence: str, year_hint: str | None = "2024") -> list[tuple[str, str | None]]:
    return [(sentence[d.start:d.end], d.iso) for d in find_dates(sentence, year_hint) if d.kind == "period"]


@pytest.mark.parametrize("sentence, expected", [
    ("Ekonomi kuartal II-2024 tumbuh 5,05 persen.", [("kuartal II-2024", "2024-Q2")]),
    ("Laba triwulan III/2023 naik.", [("triwulan III/2023", "2023-Q3")]),
    ("Pada kuartal tiga 2016 ekspor turun.", [("kuartal tiga 2016", "2016-Q3")]),
    ("Hingga kuartal keempat tahun 2017 .", [("kuartal keempat tahun 2017", "2017-Q4")]),
    ("Penjualan semester I/2024 naik.", [("semester I/2024", "2024-H1")]),
    ("Target semester 2 tahun ini tercapai.", [("semester 2 tahun ini", "2024-H2")]),
    ("Kuartal ketiga tahun lalu turun.", [("Kuartal ketiga tahun lalu", "2023-Q3")]),
    ("Konsumsi tumbuh pada kuartal II ini.", [("kuartal II ini", "2024-Q2")]),
])
def test_quarter_and_half_year_forms(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert periods(sentence) == expected


def test_a_period_without_a_year_takes_another_period_s_year_before_the_article_s() -> None:
    assert periods("Pada kuartal 2 2019 dan kuartal 3 ekspor naik.") == [("kuartal 2 2019", "2019-Q2"),
                                                                         ("kuartal 3", "2019-Q3")]
    assert periods("Laba kuartal I naik.", None) == [("kuartal I", None)]


@pytest.mark.parametrize("sentence", [
    "Pebalap itu tercepat di Q2 MotoGP.",        # qualifying sessions, not quarters
    "Semester ini saja ia lulus.",               # "ini" is no numeral
    "Kuartal lalu tumbuh minus 2,97 persen.",   # the quarter before the article's: not known here
    "Ia mengulang semester itu dua kali.",
])
def test_no_period(sentence: str) -> None:
    assert periods(sentence) == []


def test_a_third_half_year_is_no_time() -> None:
    assert periods("Nilai semester 3 2024 baik.") == [("semester 3 2024", None)]


def test_the_sentence_s_quarter_comes_before_its_announcement_date() -> None:
    sentence = "Pada 5 Agustus 2024 BPS mengumumkan ekonomi kuartal II-2024."
    assert sentence_time(find_dates(sentence)) == "2024-Q2"


@pytest.mark.parametrize("sentence, expected", [
    ("Ekspor Januari–Juni 2024 naik.", [("Januari–Juni 2024", "2024-H1")]),
    ("Ekspor April-Juni 2024 naik.", [("April-Juni 2024", "2024-Q2")]),
    ("Ekspor Januari hingga Mei 2024 naik.", [("Januari hingga Mei 2024", "2024-01/2024-05")]),
    ("Ekspor Januari sampai dengan Desember 2023 naik.", [("Januari sampai dengan Desember 2023", "2023-Y")]),
    ("Ekspor sepanjang 2023 naik.", [("sepanjang 2023", "2023-Y")]),
    ("Ekspor selama tahun 2023 naik.", [("selama tahun 2023", "2023-Y")]),
    ("Ekspor Januari dan Juni 2024 naik.", []),  # two months, not a run
])
def test_a_run_of_months_is_one_cumulative_period(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert periods(sentence) == expected
