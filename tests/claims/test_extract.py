"""extract_claims on the user's example articles and on small texts: offsets into the original
text, the claim's time, and no claims from dates, names or boilerplate."""
from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from summarize.claims.extract import extract_claims

FIXTURES = Path(__file__).parents[1] / "fixtures"
PARIS = (FIXTURES / "antara-2023-umkm-paris-fashion-week.txt").read_text(encoding="utf-8")
JAKPRENEUR = (FIXTURES / "antara-2024-umkm-jakpreneur.txt").read_text(encoding="utf-8")


def test_offsets_point_into_the_original_text(example_text: str) -> None:
    claims = extract_claims(example_text, date="2024-05-03")
    assert claims
    for c in claims:
        assert example_text[c.start:c.end] == c.surface
        assert c.sentence_start <= c.start < c.end <= c.sentence_end
        assert example_text[c.sentence_start:c.sentence_end].strip() != ""


def test_no_dates_years_or_names_become_claims(example_text: str) -> None:
    surfaces = " | ".join(c.surface for c in extract_claims(example_text))
    for label in ("7P", "P3DN", "2023", "2024", "2025", "10/9", "23/4", "Mei", "September", "Oktober"):
        assert label not in surfaces


def test_paris_article_finds_the_realisation_rate() -> None:
    claims = extract_claims(PARIS, date="2023-09-10")
    rates = [c for c in claims if c.unit == "percent"]
    assert rates and all(c.value == D("91.82") for c in rates)
    assert all(c.quantity.low == D("91.815") and c.quantity.high == D("91.825") for c in rates)
    assert not any(c.value in (7, 25, 3, 10, 9) for c in claims)


def test_jakpreneur_article_finds_both_participant_counts() -> None:
    claims = extract_claims(JAKPRENEUR, date="2024-05-03")
    by_value = {c.value: c for c in claims}
    assert by_value[D("377625")].noun == "peserta"
    assert by_value[D("377625")].unit == "count"
    assert by_value[D("249576")].unit == "count"


def test_a_date_in_the_sentence_is_the_claims_time() -> None:
    claims = extract_claims(JAKPRENEUR, date="2024-05-03")
    by_value = {c.value: c for c in claims}
    assert by_value[D("377625")].time == "2024-05-01"  # "per 1 Mei 2024"
    assert by_value[D("249576")].time == "2024-05-03"  # no date in its sentence: the article's


def test_a_day_month_date_takes_the_articles_year() -> None:
    text = "Realisasinya mencapai 91,82 persen, kata Ratu, Minggu (10/9)."
    (claim,) = extract_claims(text, date="2023-09-11")
    assert claim.time == "2023-09-10"


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Pada 2022 jumlahnya 500 peserta.", "2022"),
        ("Hingga Maret 2024 ada 500 peserta.", "2024-Q1"),  # the run from January, not March's
        ("Hingga Mei 2024 ada 500 peserta.", "2024-01/2024-05"),
        ("Pada Maret 2024 ada 500 peserta.", "2024-03"),
        ("Di ajang Jakpreneur 2024 ada 500 peserta.", "2024"),  # a year inside a name, the last resort
        ("Ada 500 peserta.", None),
    ],
)
def test_time_without_an_article_date(text: str, time: str | None) -> None:
    (claim,) = extract_claims(text)
    assert claim.time == time


def test_sentence_fields_describe_the_claims_sentence() -> None:
    text = "Judul berita.\n\nJakarta - Ada 500 peserta. Lalu 20 persen pulang."
    first, second = extract_claims(text)
    assert text[first.sentence_start:first.sentence_end] == first.sentence
    assert "500 peserta" in first.sentence and "20 persen" in second.sentence
    assert second.sentence_start >= first.sentence_end


def test_empty_and_numberless_text() -> None:
    assert extract_claims("") == []
    assert extract_claims("Tidak ada angka di sini.") == []


def test_to_dict_is_json_ready() -> None:
    (claim,) = extract_claims("Sekitar 250 ribu warga hadir.")
    d = claim.to_dict()
    assert (d["value"], d["unit"], d["noun"], d["approx"]) == ("250000", "count", "warga", "sekitar")
    assert (d["low"], d["high"]) == ("225000", "275000")


def test_boilerplate_lines_yield_no_claims() -> None:
    text = (
        "Jakarta (ANTARA) - Ada 500 peserta hadir.\n\n"
        "Baca juga: Pemprov salurkan 300 paket bantuan\n\n"
        "Pewarta: Siti\nEditor: Budi\nCopyright © ANTARA 2024"
    )
    assert [c.surface for c in extract_claims(text)] == ["500 peserta"]


def test_sentences_split_once_by_the_caller_give_the_same_claims() -> None:
    from summarize.text import article_sentences

    text = "Jakarta (ANTARA) - Realisasi P3DN mencapai 91,82 persen. Peserta Jakpreneur sebanyak 377.625 orang."
    sentences = article_sentences(text)
    assert extract_claims(text, sentences=sentences) == extract_claims(text)
    assert extract_claims(text, sentences=sentences[1:]) == extract_claims(text)[1:]
