"""Slot-by-slot comparison of two claims' frames and unit conversion."""
from __future__ import annotations

from decimal import Decimal

from summarize.claims.extract import extract_claims
from summarize.claims.frame_match import compare, convert
from summarize.claims.types import Quantity


def one(text: str):
    (claim,) = extract_claims(text)
    return claim


def test_a_slot_stated_on_one_side_only_is_no_contradiction() -> None:
    a = one("Tingkat pengangguran terbuka sebesar 7,4 persen.")
    b = one("Tingkat pengangguran terbuka di Jawa Tengah sebesar 5,1 persen.")
    m = compare(a, b)
    assert m.compatible and "measure" in m.matched and "places" not in m.matched


def test_a_different_value_in_one_slot_rules_out_with_a_reason() -> None:
    a = one("Tingkat pengangguran terbuka di Jawa Barat sebesar 7,4 persen.")
    b = one("Tingkat pengangguran terbuka di Jawa Tengah sebesar 5,1 persen.")
    assert compare(a, b).ruled_out == ("places", "different place: Jawa Tengah")


def test_a_city_its_province_its_neighbour_and_the_nation_are_four_figures() -> None:
    city = one("Tingkat pengangguran terbuka di Bandung sebesar 8,2 persen.")
    for other, place in [("di Jawa Barat", "Jawa Barat"), ("di Bekasi", "Bekasi"), ("Indonesia", "Indonesia")]:
        b = one(f"Tingkat pengangguran terbuka {other} sebesar 7,4 persen.")
        assert compare(city, b).ruled_out == ("places", f"different place: {place}")
    # a city written with its province, or a place with its country, is the city's figure
    assert compare(city, one("Tingkat pengangguran terbuka di Kota Bandung, Jawa Barat, sebesar 8 persen.")).compatible
    assert compare(city, one("Tingkat pengangguran terbuka Bandung, Indonesia, sebesar 8 persen.")).compatible


def test_roles_are_exact_and_names_may_be_acronyms() -> None:
    a = one("Kepuasan terhadap kinerja Presiden sebesar 78 persen.")
    b = one("Kepuasan terhadap kinerja Wakil Presiden sebesar 65 persen.")
    assert compare(a, b).ruled_out == ("entities", "different entity: Wakil Presiden")
    bps = one("Menurut BPS, inflasi tahunan sebesar 2,61 persen.")
    full = one("Badan Pusat Statistik mencatat inflasi tahunan sebesar 2,61 persen.")
    assert compare(bps, full).ruled_out is None


def test_change_is_not_a_level_and_realised_is() -> None:
    change = one("Ekspor naik 5 persen.")
    level = one("Ekspor tercatat sebesar 5 persen dari PDB.")
    assert compare(change, level).ruled_out is not None and compare(change, level).ruled_out[0] == "kind"
    realised = one("Realisasi ekspor sebesar 5 persen.")
    assert compare(realised, one("Ekspor sebesar 5 persen.")).compatible


def test_area_units_convert() -> None:
    ha = Quantity(Decimal(2), "ha", None, Decimal("1.5"), Decimal("2.5"))
    assert convert(ha, "m2").value == Decimal(20000) and convert(ha, "m2").low == Decimal(15000)
    assert convert(ha, "IDR") is ha
    assert compare(one("Lahan seluas 2 hektare ditanami padi."), one("Lahan seluas 20.000 m2 ditanami padi.")).compatible


def test_two_quarters_are_two_quantities_and_a_quarter_is_no_month() -> None:
    q2 = one("Pertumbuhan ekonomi Indonesia kuartal II-2024 sebesar 5,05 persen.")
    q1 = one("Pertumbuhan ekonomi Indonesia kuartal I-2024 sebesar 5,11 persen.")
    assert compare(q2, q1).ruled_out == ("time", "different time: 2024-Q1")
    may = one("Pertumbuhan ekonomi Indonesia pada Mei 2024 sebesar 5,1 persen.")
    assert compare(q2, may).ruled_out == ("time", "different time: 2024-05")
    year = one("Pertumbuhan ekonomi Indonesia tahun 2024 sebesar 5,0 persen.")
    assert compare(q2, year).compatible


def test_a_yearly_and_a_monthly_rate_of_one_month_are_two_quantities() -> None:
    yoy = one("Inflasi Indonesia Juni 2024 sebesar 2,51 persen (yoy).")
    mtm = one("Inflasi Indonesia Juni 2024 sebesar 0,08 persen (mtm).")
    assert compare(yoy, mtm).ruled_out == ("basis", "different basis: mtm")
    unstated = one("Inflasi Indonesia Juni 2024 sebesar 2,5 persen.")
    assert compare(yoy, unstated).compatible and "basis" not in compare(yoy, unstated).matched
    assert "basis" in compare(yoy, one("Inflasi Indonesia Juni 2024 sebesar 2,6 persen secara tahunan.")).matched


def test_two_owners_sharing_no_name_are_two_quantities() -> None:
    bri = one("Laba bersih BRI pada 2023 mencapai Rp60,4 triliun.")
    assert compare(bri, one("Laba bersih BNI pada 2023 mencapai Rp20,9 triliun.")).ruled_out == (
        "entities", "different entity: BNI")
    seats = compare(one("Partai Golkar memperoleh 102 kursi DPR."), one("Partai Gerindra memperoleh 86 kursi DPR."))
    assert seats.ruled_out is not None and seats.ruled_out[0] == "entities"  # "DPR" and "Partai" own nothing
    same = compare(bri, one("PT Bank Rakyat Indonesia (BRI) membukukan laba bersih Rp50,4 triliun pada 2023."))
    assert same.compatible and "entities" in same.matched
    assert compare(bri, one("Laba bersih pada 2023 mencapai Rp50 triliun.")).compatible  # one side names nobody


def test_a_cumulative_figure_is_not_its_last_month_s() -> None:
    half = one("Nilai ekspor Indonesia periode Januari–Juni 2024 mencapai 125,1 miliar dolar AS.")
    june = one("Nilai ekspor Indonesia pada Juni 2024 mencapai 20,84 miliar dolar AS.")
    assert compare(half, june).ruled_out == ("time", "different time: 2024-06")
    assert compare(half, one("Nilai ekspor Indonesia semester I-2024 mencapai 125 miliar dolar AS.")).compatible


def test_a_capacity_and_an_ordinal_set_a_measure_apart() -> None:
    stadium = one("Stadion Jakarta International Stadium berkapasitas 82.000 penonton.")
    assert not compare(stadium, one("Laga final di Jakarta International Stadium disaksikan 65.000 penonton.")).compatible
    first = one("Jumlah pengunjung Pekan Raya Jakarta pada hari pertama mencapai 60.000 orang.")
    assert not compare(first, one("Jumlah pengunjung Pekan Raya Jakarta pada hari kedua mencapai 85.000 orang.")).compatible
    assert compare(first, one("Pada hari pertama, pengunjung Pekan Raya Jakarta mencapai 65.000 orang.")).compatible
    # an ordinal in a figure-free opening phrase still sets the figure apart
    third = one("Pada hari ke-3 pencarian, tim SAR menemukan 4 korban.")
    assert not compare(third, one("Pada hari ke-5 pencarian, tim SAR menemukan 2 korban.")).compatible
    bus = one("Kecelakaan bus di Subang menewaskan 11 orang.")
    assert not compare(bus, one("Kecelakaan truk di Subang menewaskan 2 orang.")).compatible


def test_a_part_is_not_its_total_but_an_unnamed_outcome_may_be_either() -> None:
    coal = one("Nilai ekspor batu bara Indonesia pada 2023 mencapai 43,1 miliar dolar AS.")
    assert not compare(coal, one("Nilai ekspor Indonesia pada 2023 mencapai 258,8 miliar dolar AS.")).compatible
    assert not compare(coal, one("Ekspor minyak sawit Indonesia pada 2023 senilai 28,4 miliar dolar AS.")).compatible
    assert compare(coal, one("Ekspor batubara Indonesia sepanjang 2023 senilai 43,1 miliar dolar AS.")).compatible
    total = one("Nilai ekspor Indonesia pada Februari 2017 mencapai 12,57 miliar dolar AS.")
    part = one("Ekspor nonmigas pada Februari 2017 mencapai 11,37 miliar dolar AS.")
    assert compare(total, part).ruled_out == ("measure", "different measure: ekspor nonmigas")
    victims = one("Jumlah korban banjir di Demak mencapai 21 orang.")
    assert compare(victims, one("Jumlah korban meninggal banjir di Demak mencapai 23 orang.")).compatible


def test_another_denominator_day_or_variety_is_another_quantity() -> None:
    daily = one("Produksi minyak Indonesia mencapai 600.000 barel per hari.")
    assert compare(daily, one("Produksi minyak Indonesia mencapai 18 juta barel per bulan.")).ruled_out == (
        "per", "different per: bulan")
    monday = one("IHSG ditutup menguat ke level 7.100 pada Senin.")
    assert compare(monday, one("IHSG ditutup melemah ke level 7.050 pada Selasa.")).ruled_out[0] == "measure"
    shallot = one("Harga bawang merah di Pasar Induk Kramat Jati Rp40.000 per kg.")
    assert compare(shallot, one("Harga bawang putih di Pasar Induk Kramat Jati Rp38.000 per kg.")).ruled_out[0] == "measure"
    assert compare(shallot, one("Harga bawang merah di Pasar Induk Kramat Jati Rp42.000/kg.")).compatible


def test_a_year_inside_a_name_is_the_last_resort_time() -> None:
    ump = one("Upah minimum provinsi DKI Jakarta 2024 sebesar Rp5,07 juta.")
    assert ump.frame.time == "2024"
    assert compare(ump, one("Upah minimum provinsi DKI Jakarta 2023 sebesar Rp4,9 juta.")).ruled_out == (
        "time", "different time: 2023")


def test_two_regencies_are_two_places() -> None:
    quake = one("Gempa bermagnitudo 5,6 mengguncang Cianjur.")
    assert compare(quake, one("Gempa bermagnitudo 6,2 mengguncang Garut.")).ruled_out == (
        "places", "different place: Garut")


def test_inflation_without_a_component_is_headline_inflation() -> None:
    headline = one("Inflasi Indonesia pada Juni 2024 sebesar 2,51 persen.")
    core = one("Inflasi inti Indonesia pada Juni 2024 sebesar 2,51 persen.")
    assert compare(headline, core).ruled_out == ("measure", "different measure: inflasi inti")
    assert compare(headline, one("Inflasi umum Indonesia pada Juni 2024 sebesar 2,51 persen.")).compatible


def test_a_year_s_total_is_not_one_of_its_months_but_may_be_a_bare_year() -> None:
    total = one("Kasus DBD di Jawa Barat sepanjang 2024 mencapai 40.000 kasus.")
    assert compare(total, one("Kasus DBD di Jawa Barat pada Juni 2024 mencapai 3.500 kasus.")).ruled_out == (
        "time", "different time: 2024-06")
    assert compare(total, one("Kasus DBD di Jawa Barat pada 2024 mencapai 41.000 kasus.")).compatible


def test_disaster_breakdowns_and_named_mountains_are_apart() -> None:
    semeru = one("Jumlah pengungsi akibat erupsi Gunung Semeru mencapai 2.000 orang.")
    assert compare(semeru, one("Jumlah pengungsi akibat erupsi Gunung Merapi mencapai 1.500 orang.")).ruled_out == (
        "entities", "different entity: Gunung Merapi")  # "Gunung" names no mountain
    heavy = one("Jumlah rumah rusak berat akibat gempa mencapai 1.200 unit.")
    assert compare(heavy, one("Jumlah rumah rusak ringan akibat gempa mencapai 3.000 unit.")).ruled_out[0] == "measure"
    assert compare(heavy, one("Jumlah sekolah rusak berat akibat gempa mencapai 300 unit.")).ruled_out[0] == "measure"
    assert compare(one("Anggaran pendidikan dalam APBN 2024 sebesar Rp665 triliun."),
                   one("Anggaran kesehatan dalam APBN 2024 sebesar Rp187 triliun.")).ruled_out[0] == "measure"


def test_a_demand_is_not_a_sentence_nor_gold_silver_nor_h3_h2() -> None:
    demand = one("Terdakwa dituntut 12 tahun penjara.")
    assert compare(demand, one("Terdakwa divonis 8 tahun penjara.")).ruled_out[0] == "measure"
    assert compare(demand, one("Jaksa menuntut terdakwa hukuman 10 tahun penjara.")).compatible
    gold = one("Perolehan medali emas Indonesia di SEA Games 2023 sebanyak 87 medali.")
    assert compare(gold, one("Perolehan medali perak Indonesia di SEA Games 2023 sebanyak 80 medali.")).ruled_out[0] == "measure"
    h3 = one("Jumlah kendaraan yang melintas di Tol Cikampek pada H-3 Lebaran mencapai 150.000 kendaraan.")
    h2 = one("Jumlah kendaraan yang melintas di Tol Cikampek pada H-2 Lebaran mencapai 170.000 kendaraan.")
    assert compare(h3, h2).ruled_out[0] == "measure"


def test_undated_relative_times_compare_only_with_each_other() -> None:
    this_year = one("Jumlah pemudik tahun ini diperkirakan 193,6 juta orang.")
    assert this_year.frame.time == "this-year"
    assert compare(this_year, one("Jumlah pemudik tahun lalu tercatat 123,8 juta orang.")).ruled_out[0] == "time"
    assert compare(this_year, one("Jumlah pemudik pada 2024 tercatat 193,6 juta orang.")).compatible  # no telling


def test_elections_ages_per_capita_and_means_set_figures_apart() -> None:
    local = one("Partisipasi pemilih pada Pilkada 2024 sebesar 68 persen.")
    assert not compare(local, one("Partisipasi pemilih pada Pemilu 2024 sebesar 81,78 persen.")).compatible
    young = extract_claims("Pemilih muda berusia 17 hingga 30 tahun mencapai 31 persen dari total pemilih.")
    old = extract_claims("Pemilih berusia di atas 60 tahun mencapai 12 persen dari total pemilih.")
    assert not any(compare(a, b).compatible for a, b in zip(young, old))  # the bands and the shares
    per_head = one("Konsumsi beras per kapita penduduk Indonesia sebesar 94,9 kg per tahun.")
    assert not compare(per_head, one("Konsumsi beras nasional mencapai 30,8 juta ton per tahun.")).compatible
    hottest = one("Suhu tertinggi di Jakarta pada Senin mencapai 36 derajat Celsius.")
    assert not compare(hottest, one("Suhu rata-rata di Jakarta pada Senin sekitar 29 derajat Celsius.")).compatible
    assert compare(hottest, one("Suhu di Jakarta pada Senin mencapai 35 derajat Celsius.")).compatible


def test_a_negated_word_and_another_acronym_set_figures_apart() -> None:
    star = one("Tingkat penghunian kamar hotel berbintang di Bali pada Juli 2024 sebesar 68 persen.")
    assert not compare(star, one("Tingkat penghunian kamar hotel nonbintang di Bali pada Juli 2024 sebesar 31 persen.")).compatible
    assert compare(star, one("Tingkat penghunian kamar hotel berbintang Bali pada Juli 2024 tercatat 68 persen.")).compatible
    farmers = one("Nilai Tukar Petani (NTP) Jawa Timur pada Mei 2024 sebesar 116,5.")
    assert compare(farmers, one("Nilai Tukar Nelayan (NTN) Jawa Timur pada Mei 2024 sebesar 103,2.")).ruled_out[0] == "entities"
    assert compare(farmers, one("NTP Jawa Timur pada Mei 2024 tercatat 116,5.")).compatible
