"""Frames read from real sentences: measure, entities, places, the clause's own time, kind,
unit and counted classes."""
from __future__ import annotations

from summarize.claims.extract import extract_claims
from summarize.claims.frames import clause_span, counted_class, unit_class
from summarize.claims.types import Frame


def frames(text: str, date: str | None = None) -> dict[str, Frame]:
    return {c.surface: c.frame for c in extract_claims(text, date=date)}


def test_each_figure_gets_its_own_clause_time() -> None:
    f = frames("Inflasi pada 2024 sebesar 2,8 persen; pada 2023 sebesar 2,61 persen.")
    assert (f["2,8 persen"].time, f["2,61 persen"].time) == ("2024", "2023")
    f = frames("Ekspor Februari 2017 turun 6,71 persen, dibanding Februari 2016 naik 11,16 persen.")
    assert (f["6,71 persen"].time, f["11,16 persen"].time) == ("2017-02", "2016-02")


def test_relative_times_and_quarters_resolve_against_the_article_date() -> None:
    assert frames("Penjualan tahun lalu mencapai 5 juta unit.", "2024-06-01")["mencapai 5 juta unit"].time == "2023"
    assert frames("Pada kuartal I 2024 ekonomi tumbuh 5,11 persen.")["5,11 persen"].time == "2024-Q1"
    assert frames("Harga naik 5 persen.")["5 persen"].time is None


def test_a_quarter_written_with_its_year_is_the_time_and_neither_a_name_nor_the_measure() -> None:
    f = frames("BPS melaporkan pertumbuhan ekonomi pada kuartal II-2024 sebesar 5,05 persen.")["5,05 persen"]
    assert f.time == "2024-Q2" and f.entities == ("BPS",) and "2024" not in (f.measure or "")
    f = frames("Pada triwulan III/2023, penjualan semen turun 3 persen.")["3 persen"]
    assert f.time == "2023-Q3"
    assert frames("Laba semester I/2024 mencapai Rp2 triliun.")["mencapai Rp2 triliun"].time == "2024-H1"


def test_kind_change_level_target_realised_share() -> None:
    f = frames("Penjualan mobil naik 5 persen menjadi 20 persen.")
    assert (f["5 persen"].kind, f["20 persen"].kind) == ("change", "level")
    assert frames("Pemerintah menargetkan 1.000 rumah.")["1.000 rumah"].kind == "target"
    assert frames("Realisasi anggaran mencapai 91,82 persen.")["mencapai 91,82 persen"].kind == "realised"
    assert frames("Penyerapan mencapai 75,8 persen dari target.")["mencapai 75,8 persen"].kind == "share"


def test_places_roles_and_names() -> None:
    f = frames("Tingkat pengangguran terbuka di Jawa Barat sebesar 7,4 persen.")["7,4 persen"]
    assert f.places == ("Jawa Barat",) and f.measure == "pengangguran terbuka"
    assert frames("Kepuasan terhadap Wakil Presiden sebesar 65 persen.")["65 persen"].entities == ("Wakil Presiden",)
    f = frames("Sebanyak 377.625 orang ikut program Jakarta Entrepreneur.")["377.625 orang"]
    assert f.places == () and "Jakarta Entrepreneur" in f.entities  # a place inside a name is no place


def test_unit_and_counted_classes() -> None:
    assert [counted_class(n) for n in ("peserta", "jiwa", "pelaku umkm", "pelaku usaha", "mobil", "anak-anak")] == \
        ["people", "people", "umkm", "umkm", "vehicle", "anak"]
    assert counted_class("unit") is None and counted_class(None) is None
    assert [unit_class(u) for u in ("ha", "m2", "km/h", "magnitude", "IDR", "percent")] == \
        ["area", "area", "speed", "magnitude", "money", "percent"]


def test_clause_edges() -> None:
    s = "Ekspor turun 6 persen, sementara impor turun 5 persen."
    start = s.index("5 persen")
    assert s[slice(*clause_span(s, start, start + 8))].strip() == "impor turun 5 persen."
    s = "Jumlah peserta Jakpreneur (Jakarta Entrepreneur), yaitu sebanyak 377.625 peserta."
    start = s.index("377")
    assert clause_span(s, start, start + 15)[0] == 0


def test_a_figure_free_opening_phrase_gives_its_place() -> None:
    f = frames("Di Jawa Barat, tingkat pengangguran terbuka pada Agustus 2023 sebesar 7,44 persen.")
    assert f["7,44 persen"].places == ("Jawa Barat",)
    f = frames("Di Jawa Barat angkanya 7 persen, sedangkan angka nasional 5 persen.")
    assert f["5 persen"].places == ()  # the opening clause holds a figure: it frames only itself


def test_sentence_names_span_the_whole_sentence() -> None:
    from summarize.claims.frames import sentence_names

    names = sentence_names("Dalam kasus ini Siti Fadilah dituntut 6 tahun penjara ditambah denda Rp 500 juta.")
    assert "Siti Fadilah" in names
    assert sentence_names("para pemain sudah dapat dipastikan akan berusia 19 tahun ke bawah.") == ()


def test_the_comparison_basis_is_read_near_the_number_and_left_out_of_the_measure() -> None:
    f = frames("BPS mencatat inflasi Juni 2024 sebesar 2,51 persen secara tahunan (yoy).")["2,51 persen"]
    assert (f.basis, f.measure) == ("yoy", "inflasi")
    f = frames("Ekonomi kuartal II-2024 tumbuh 3,79 persen dibandingkan kuartal sebelumnya (qtq).")["3,79 persen"]
    assert f.basis == "qtq"
    f = frames("Inflasi tahunan 2,51 persen dan inflasi bulanan 0,08 persen.")
    assert (f["2,51 persen"].basis, f["0,08 persen"].basis) == ("yoy", "mtm")
    assert frames("Inflasi tahun kalender mencapai 1,07 persen.")["mencapai 1,07 persen"].basis == "ytd"
    assert frames("Harga naik 5 persen.")["5 persen"].basis is None


def test_where_somebody_spoke_is_not_the_figure_s_place_but_an_address_is() -> None:
    f = frames("Menteri Keuangan di Jakarta, Senin, mengatakan defisit APBN 2024 sebesar 2,7 persen.")["2,7 persen"]
    assert f.places == ()
    f = frames("Jumlah penduduk miskin di Kota Bandung, Jawa Barat, sebanyak 100.000 orang.")["100.000 orang"]
    assert f.places == ("Kota Bandung", "Jawa Barat")


def test_names_skip_a_common_sentence_opener_and_keep_a_place_inside_a_name() -> None:
    f = frames("Pendapatan Garuda Indonesia pada 2023 mencapai 2,94 miliar dolar AS.")["mencapai 2,94 miliar dolar AS"]
    assert f.entities == ("Garuda Indonesia",) and f.places == ("Indonesia",)
    assert frames("Badan Pusat Statistik mencatat 7,2 juta orang.")["7,2 juta orang"].entities == ("Badan Pusat Statistik",)
    f = frames("Tingkat pengangguran di Kota Bandung sebesar 8 persen.")["8 persen"]
    assert f.entities == () and f.places == ("Kota Bandung",)


def test_an_alternative_outside_the_measure_window_still_joins_the_measure() -> None:
    measure = frames("Kurs jual dolar AS di Bank Mandiri pada Rabu sebesar Rp16.450.")["Rp16.450"].measure
    assert measure is not None and measure.split()[0] == "jual"


def test_a_change_noun_heading_the_clause_makes_a_change_unless_a_level_follows() -> None:
    f = frames("Pertumbuhan ekonomi Indonesia triwulan II/2024 tercatat 5,15 persen.")
    assert f["5,15 persen"].kind == "change"  # the rate "tumbuh 5,15 persen" states
    f = frames("Pertumbuhan penduduk membuat jumlah penduduk mencapai 270 juta jiwa.")
    assert f["mencapai 270 juta jiwa"].kind == "level"
    assert frames("Penurunan angka kemiskinan menjadi 9 persen.")["9 persen"].kind == "level"


def test_a_ballot_number_is_a_name_not_a_claim() -> None:
    f = frames("Pasangan calon nomor urut 1 memperoleh 24,95 persen suara sah nasional.")
    assert list(f) == ["24,95 persen"] and "Nomor Urut 01" in f["24,95 persen"].entities
    assert "Nomor Urut 02" in frames("Paslon 02 memperoleh 58,59 persen suara.")["58,59 persen"].entities


def test_days_after_a_holiday_join_the_measure_as_days_before_do() -> None:
    assert "h+3" in frames("Sebanyak 150.000 kendaraan melintas pada H+3 Lebaran.")["150.000 kendaraan"].measure
    assert "h-3" in frames("Sebanyak 180.000 kendaraan melintas pada H-3 Lebaran.")["180.000 kendaraan"].measure


def test_a_budget_quota_or_allocation_is_a_plan_unless_realised() -> None:
    assert frames("Anggaran pendidikan dalam APBN 2024 sebesar Rp665 triliun.")["Rp665 triliun"].kind == "target"
    f = frames("Kuota BBM subsidi jenis Pertalite tahun 2024 ditetapkan 31,7 juta kiloliter.")
    assert f["31,7 juta kiloliter"].kind == "target"  # the plan noun lies beyond the kind window
    f = frames("Realisasi anggaran kesehatan hingga Oktober 2024 mencapai Rp140 triliun.")
    assert f["mencapai Rp140 triliun"].kind == "realised"
    assert frames("Pemerintah menargetkan realisasi investasi Rp1.650 triliun.")["Rp1.650 triliun"].kind == "target"


def test_a_value_before_a_change_is_the_previous_value() -> None:
    f = frames("Harga tiket naik dari Rp5.000 menjadi Rp7.000 per perjalanan.")
    assert f["Rp5.000"].kind == "previous" and f["Rp7.000"].kind == "level"
    assert frames("Harga tiket sebelumnya Rp6.000 per perjalanan.")["Rp6.000"].kind == "previous"


def test_a_projected_or_targeted_change_is_a_target_not_the_change() -> None:
    assert frames("IMF memproyeksikan ekonomi Indonesia tumbuh 5,0 persen pada 2024.")["5,0 persen"].kind == "target"
    assert frames("Pemerintah menargetkan ekonomi tumbuh 5,2 persen.")["5,2 persen"].kind == "target"
    assert frames("Ekonomi Indonesia pada 2024 tumbuh 5,03 persen.")["5,03 persen"].kind == "change"


def test_an_age_band_names_every_figure_of_its_clause_its_own_too() -> None:
    f = frames("Pemilih muda berusia 17 hingga 30 tahun mencapai 31 persen dari total pemilih.")
    assert {s: v.entities for s, v in f.items()} == {"17 hingga 30 tahun": ("Usia 17-30",),
                                                     "mencapai 31 persen": ("Usia 17-30",)}
    assert frames("Anak usia 5 tahun ke bawah sebanyak 300 orang.")["300 orang"].entities == ("Usia <5",)
    assert frames("Cengiz saat ini baru berusia 19 tahun.")["19 tahun"].entities == ()


def test_until_a_month_is_the_run_from_january() -> None:
    assert frames("Realisasi belanja negara hingga Mei 2024 mencapai Rp1.145 triliun.")[
        "mencapai Rp1.145 triliun"].time == "2024-01/2024-05"
    assert frames("Penerimaan pajak sampai dengan akhir Juni 2024 sebesar Rp893 triliun.")["Rp893 triliun"].time == "2024-H1"
