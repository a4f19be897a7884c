"""Forms found missed or misread on the tune part of the whole-sentence extraction set
(eval/data/claims/extraction_sentences.jsonl, split dev) and in unlabelled sentences of
tune-part articles: counted nouns shaped like verbs, possessive nouns, frequencies, power, race
timings, "ribuan", "#" numbers, script code, "satu" as an article, ordinal ranges, and label
words that are units or stand before index levels and lap times."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from summarize.claims.parse.numbers import parse_quantities


def read(sentence: str) -> list[tuple[str, D, str, str | None]]:
    return [(sentence[s:e], q.value, q.unit, q.noun) for s, e, q in parse_quantities(sentence)]


@pytest.mark.parametrize(("sentence", "surface", "noun"), [
    ("Mereka melepaskan tujuh tembakan ke gawang.", "tujuh tembakan", "tembakan"),
    ("Ia datang bersama dua rekan kerjanya.", "dua rekan", "rekan"),
    ("KPK menetapkan empat tersangka, yaitu A dan B.", "empat tersangka", "tersangka"),
    ("Densus menangkap empat terduga teroris di Kampar.", "empat terduga", "terduga"),
    ("Polisi menangkap dua teroris di sana.", "dua teroris", "teroris"),
])
def test_nouns_shaped_like_verbs_are_counted(sentence: str, surface: str, noun: str) -> None:
    assert [(s, n) for s, _, _, n in read(sentence)] == [(surface, noun)]


def test_a_possessive_noun_counts_its_base() -> None:
    assert read("Ketua yang didampingi dua anggotanya mengatakan itu.") == [("dua anggotanya", D(2), "count", "anggota")]
    assert read("Dua di antaranya selamat, dua lainnya hilang.") == []


@pytest.mark.parametrize(("sentence", "unit"), [
    ("Spektrum 2,3 GHz dilelang.", "GHz"), ("pita 900 MHz itu", "MHz"), ("kamera 12 MP", "MP"),
])
def test_frequencies_and_camera_resolutions_are_measures(sentence: str, unit: str) -> None:
    assert [u for _, _, u, _ in read(sentence)] == [unit]


def test_glued_timings_and_temperatures() -> None:
    assert read("Marquez 1 m 59.694s + 0.482s [7/7]") == [
        ("1 m 59.694s", D("119.694"), "second", None), ("0.482s", D("0.482"), "second", None)]
    assert read("Bolt mencatat 9,58s.") == [("9,58s", D("9.58"), "second", None)]
    assert read("jaraknya 1 m dari pagar") == [("1 m", D(1), "m", None)]
    assert read("Suhu saat itu 47,8C.") == [("47,8C", D("47.8"), "°C", None)]


@pytest.mark.parametrize("sentence", [
    "Russo mengacu pada komik Captain America #180 yang dirilis pada 1974.",
    "n.loaded=!0;n.version='2.0 '; s=b.getElementsByTagName(e)[0]; s",
    "Di satu sisi, masyarakat menyambut positif.",
    "Hiasan lampu di satu sudut dengan dekorasi klasik.",
    "Jumlah itu berbanding terbalik dengan rekan satu timnya, Andrea Dovizioso.",
    "Ia bertemu teman satu kelasnya di Bandung.",
    "Keduanya dijerat Pasal 114 ayat 1 subsider Pasal 112 ayat 1 juncto Pasal 132 ayat 1.",
    "Gol itu lahir pada menit 5 babak pertama.",
    "Uruguay bermain imbang 0 - 0 lawan Venezuela pada laga itu.",
    "Unit ini memakai kartu grafis Nvidia GeForce GTX 1060.",
    "Dia sudah bicara sejak week 30 (Liga 1) lalu.",
    "Kekecewaan bintang film Warkop DKI part 1 itu.",
    "Jet jenis Bombardier Global 5000 berwarna putih.",
    '"5.',
    "Serial itu tayang pukul delapan pagi dan diulang pukul delapan malam.",
    "Sejak itu, satu per satu aksesori rancangannya disorot.",
    "Kami melangkah satu demi satu tahap.",
    "Divisi roda dua nampaknya masih perlu promosi.",
    "Pebalap asal Perancis itu terjatuh saat melewati tikungan 6.",
    "Ia kabur dengan mobil bernomor polisi 1325 EZ yang ditemukan.",
    "Ia dijerat Pasal 378 KUHP dan Pasal 3, 4, 5 UU Nomor 8 Tahun 2010.",
    "Titik penayangan di Terminal 1 dan 2 berada di area boarding.",
    "Lagu itu masuk album The Collection: Story Op.2.",
    "Pedrosa ESP Repsol Honda (Max)2.",
    "Menurut peraturan artikel 96, seorang pemain dihukum.",
    "Indonesia negara terbesar ke - dua penghasil sampah plastik.",
    "Ketinggalan tiga kosong direspons cepat oleh Pulis.",
    "Unit yang dikirim pada kuartal tiga tahun ini turun.",
    "Indonesia mencatat sejarah bola basket tiga lawan tiga.",
    "Mereka dipukul Hull City 2 - 4 walau memimpin lebih dulu.",
    'Hugo mengunggah video berjudul "12 YEARS OLD TO MY WEDDING DAY".',
    "Mobil dengan nomor polisi BE 2844 CH menjebol pagar, mobil 2WD itu rusak pukul 10 WIB.",
    "kata Sales & Marketing 2W Dept. Head PT SIS.",
])
def test_labels_names_scores_code_and_idioms_are_not_claims(sentence: str) -> None:
    assert read(sentence) == []


def test_a_counted_satu_after_a_preposition_stays_a_claim() -> None:
    assert read("Bantuan itu dibagikan di satu desa.") == [("satu desa", D(1), "count", "desa")]
    assert read("rekor transfer dalam satu musim") == [("satu musim", D(1), "count", "musim")]
    assert read("seret prestasi dalam satu dekade terakhir") == [("satu dekade", D(1), "decade", None)]


def test_a_label_word_after_a_number_is_its_unit() -> None:
    assert read("Selama 3 menit 5 orang tertahan di lift.") == [
        ("3 menit", D(3), "minute", None), ("5 orang", D(5), "count", "orang")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("prosesor Intel 45 W Kaby Lake", [("45 W", D(45), "W", None)]),
    ("tiket masuk Rp 520 ribuan.", [("Rp 520 ribuan", D(520000), "IDR", None)]),
    ("ya berarti 70 persennya berapa", [("70 persennya", D(70), "percent", None)]),
    ("anggaran 2017 hanya Rp 5 miliar", [("Rp 5 miliar", D(5 * 10**9), "IDR", None)]),
    ("Golkar 17 kursi, PKS 12 kursi.", [("17 kursi", D(17), "count", "kursi"), ("12 kursi", D(12), "count", "kursi")]),
    ("rincian 4.700 ATM di BCA, 135 ABK tiba", [("4.700 ATM", D(4700), "count", "atm"), ("135 ABK", D(135), "count", "abk")]),
    ("video 30 fps dan 3.997 MMSCFD", [("30 fps", D(30), "fps", None), ("3.997 MMSCFD", D(3997), "MMSCFD", None)]),
    ("Torsinya 145 nm.", [("145 nm", D(145), "Nm", None)]),
    ("Pada 14 Februari 2016, 2 kapal ditangkap.", [("2 kapal", D(2), "count", "kapal")]),
    ("harga RP 500 M itu", [("RP 500 M", D(500 * 10**9), "IDR", None)]),
    ("varian 15 incinya mulai $2.499", [("15 incinya", D(15), "inch", None), ("$2.499", D(2499), "USD", None)]),
    ("IHSG ditutup di level 5.381 atau turun 14,52 poin.",
     [("5.381", D(5381), "count", None), ("14,52 poin", D("14.52"), "point", None)]),
    ("dengan catatan waktu putaran 1 menit 29,332 detik.", [("1 menit 29,332 detik", D("89.332"), "second", None)]),
    ("Ada momen di menit ke - 50 hingga 70 ketika kami menekan.", []),
    ("PPKM level 3 berlaku di lantai 2 gedung itu.", []),
])
def test_more_units_and_labels(sentence: str, expected: list[tuple[str, D, str, str | None]]) -> None:
    assert read(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Baterai 1.200 mAh-nya bertahan 5 jam.", [("1.200 mAh-nya", D(1200), "mAh", None), ("5 jam", D(5), "hour", None)]),
    ("Paket tiga hari dua malam itu habis.", [("tiga hari", D(3), "day", None), ("dua malam", D(2), "night", None)]),
    ("Program Indonesia Next Apps (INA) 4.0 digelar di delapan kota.", [("delapan kota", D(8), "count", "kota")]),
    ("Jadwal enam laga dari Grup 3, 4, 5, dan 6 Liga 2 bergeser.", [("enam laga", D(6), "count", "laga")]),
    ("Harga naik 3, 4 dan 5 persen.", [("3", D(3), "count", None), ("4", D(4), "count", None), ("5 persen", D(5), "percent", None)]),
    ("Saya main ketika usia 18 atau 19, dulu.", [("18", D(18), "count", None), ("19", D(19), "count", None)]),
])
def test_versions_lists_and_suffixed_units(sentence: str, expected: list[tuple[str, D, str, str | None]]) -> None:
    assert read(sentence) == expected


def test_a_range_with_a_hyphen_keeps_its_noun() -> None:
    assert read("Kami punya 3 - 4 peluang terbuka.") == [("3 - 4 peluang", D("3.5"), "count", "peluang")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Honda Mobilio 23.085 unit 3.", [("23.085 unit", D(23085), "count", "unit")]),
    ("2) Harga naik 5 persen.", [("5 persen", D(5), "percent", None)]),
    ("Tetangga yang menghubungi 911 melihatnya pingsan.", []),
])
def test_row_markers_and_called_numbers(sentence: str, expected: list[tuple[str, D, str, str | None]]) -> None:
    assert read(sentence) == expected

