"""Digits that are labels, not quantities: dates, times, years, ordinals, phone, law and article
numbers, names with digits. Each sentence either yields nothing, or only the real quantity."""
from __future__ import annotations

from decimal import Decimal

import pytest

from summarize.claims.parse.numbers import parse_quantities


def surfaces(sentence: str) -> list[str]:
    return [sentence[s:e] for s, e, _ in parse_quantities(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        # dates
        "Data per 1 Mei 2024 sudah masuk.",
        "kata Ratu di Jakarta, Minggu (10/9).",
        "kata Heru di Balai Kota, Selasa (23/4).",
        "di Jakarta, Kamis (7/9/2017).",
        "di Jakarta, Senin ( 21 / 8 ) .",
        "di Paris pada 25 September hingga 3 Oktober 2023.",
        "berlangsung 12-14 Juni 2024 di Jakarta.",
        "dirilis pada 14 juni lalu.",
        "laporan bulan Mei 2024 selesai.",
        "tanggal 2024-05-01 dicatat.",
        # times
        "acara dimulai pukul 10.00 di aula.",
        "dimulai 10.30 WIB di aula.",
        "tiba 12.45 siang di Kochi.",
        "berlangsung pukul 19.30 hingga 21.00 WIB.",
        # years
        "Pada 2023 program berjalan.",
        "target tahun 2024 tercapai.",
        "rencana untuk periode 2025-2045 disusun.",
        # ordinals
        "ia menjadi juara ke-3 di lomba itu.",
        "pada menit ke - 11 gol tercipta.",
        "ulang tahun yang ke 10 dirayakan.",
        "ia juara ketiga dan pertama kali ikut.",
        # phone numbers
        "hubungi 0812-3456-7890 untuk informasi.",
        "hubungi (021) 555 1234 untuk informasi.",
        "hubungi telepon 021 5551234.",
        # law and article numbers
        "sesuai UU No. 13 Tahun 2003 tentang ketenagakerjaan.",
        "diatur dalam Pasal 5 ayat (2) aturan itu.",
        "berdasarkan Nomor 12 keputusan itu.",
        "diatur dalam Undang-Undang Nomor 24 tahun 2009.",
        "sesuai Perpres 12/2020 tentang itu.",
        "sesuai Instruksi Gubernur 16 Tahun 2015 tentang pencegahan.",
        # names with digits
        "Program P3DN berjalan baik.",
        "melalui fasilitasi 7P kewirausahaan.",
        "pertemuan G20 di Bali.",
        "pertemuan negara G - 20 di Bali.",
        "pandemi COVID-19 melanda.",
        "sistem S - 400 dikerahkan.",
        "Musrenbang RKPD 2025 dan RPJMD 2025-2045 digelar.",
        "ajang Jakpreneur 2024 dibuka.",
        "bermain di Liga 1 musim ini.",
        "musim Liga Primer 2017/18 dimulai.",
        # scores, formations, list markers, minutes
        "Barca unggul 2 - 1 atas Alaves.",
        "formasi 4 - 3 - 3 dipakai.",
        "gol Dybala ( 70 ' ) menentukan.",
        "4 .",
        # word numbers with no unit or noun
        "salah satu upaya pemerintah berhasil.",
        "Satu di antaranya selesai.",
        "kini di peringkat tujuh klasemen sementara.",
        "Belgia menang 8 - 1 kontra Estonia.",
        "ia tinggal di Lima, Peru.",
    ],
)
def test_not_claims(sentence: str) -> None:
    assert surfaces(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Per 1 Mei 2024 tercatat 377.625 peserta.", ["377.625 peserta"]),
        ("Minggu (10/9), realisasinya 91,82 persen.", ["91,82 persen"]),
        ("pada 2023 ada 1.500 peserta dan 2025 orang mendaftar", ["1.500 peserta", "2025 orang"]),
        ("UU No. 13 Tahun 2003 mengatur upah 10 persen.", ["10 persen"]),
        ("Dua tahun lalu ada 300 warga.", ["300 warga"]),
        ("COVID-19 menewaskan 12 orang.", ["12 orang"]),
    ],
)
def test_only_the_quantity_survives(sentence: str, expected: list[str]) -> None:
    assert surfaces(sentence) == expected


def test_a_bare_number_after_a_lowercase_word_is_kept() -> None:
    assert surfaces("terdapat pelaku UMKM sebanyak 249.576.") == ["249.576"]


@pytest.mark.parametrize("sentence", [
    "Ia menjadi juara 1 lomba itu.",
    "Windows 11 dirilis bulan lalu.",
    "Apple merilis iPhone 15 di Jakarta.",
    "Hubungi nomor darurat 112 jika perlu.",
])
def test_names_and_labels_with_numbers_are_not_claims(sentence: str) -> None:
    assert parse_quantities(sentence) == []


def test_glued_lowercase_noun_and_dot_decimal() -> None:
    ((_, _, botol),) = parse_quantities("Polisi menyita 20botol minuman.")
    assert (botol.value, botol.noun) == (Decimal(20), "botol")
    ((_, _, share),) = parse_quantities("Angkanya naik 40.9 persen.")
    assert share.value == Decimal("40.9")


def test_markup_left_in_scraped_text_is_not_read():
    """IndoSum keeps raw <img> tags, cut by the splitter: a hash in the file name once made a
    false conflict against another article's image (eval/results/claims_archive1000.md)."""
    from summarize.claims import extract_claims

    cut_tag = ('Wayne Rooney "src="https://cdns.klimg.com/bola.net/library/upload/20/2017/04/'
               'wayne - rooney_475beff.jpg" style="height: 234 px; width: 468 px; "/> Ia mencetak 253 gol.')
    assert [c.surface for c in extract_claims(cut_tag)] == ["253 gol"]
    text = "Inflasi < 5 persen, lihat www.bps.go.id/2024 dan <b>10 persen</b> serta <img src=\"a_475.jpg\" width=\"300\">."
    assert [c.surface for c in extract_claims(text)] == ["5 persen", "10 persen"]
