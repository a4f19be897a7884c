"""Frame-trap pairs, fifth round: when and over what a figure is counted (a run of months up to
one, "tahun ini" against "tahun lalu" with no date), which election, which age band, per head or
in total, a mean or an extreme (``eval.build_frame_traps`` writes them with the earlier rounds).

The ``dev`` pairs are the ones the rules for cumulative months, undated relative years,
elections, age bands, per-capita figures and means were written from; two of them (a week
against a day, a daily mean against a month's total) stay wrong. The ``test`` pairs were written
after those rules, before the rules were run on them, and scored once. Every pair is CONSTRUCTED
in the style of ANTARA and BPS releases; the figures are realistic, not sourced.
"""
from __future__ import annotations

# (id, split, verdict, article sentence, corpus sentence)
PAIRS: list[tuple[str, str, str, str, str]] = [
    # tune part
    ("as-of-dates", "dev", "unverified",
     "Jumlah peserta BPJS Kesehatan per 1 Mei 2024 sebanyak 271,3 juta jiwa.",
     "Jumlah peserta BPJS Kesehatan per 1 Januari 2024 sebanyak 267,3 juta jiwa."),
    ("until-vs-in-month", "dev", "unverified",
     "Realisasi belanja negara hingga Mei 2024 mencapai Rp1.145 triliun.",
     "Realisasi belanja negara pada Mei 2024 mencapai Rp250 triliun."),
    ("this-vs-last-year", "dev", "unverified",
     "Jumlah pemudik tahun ini diperkirakan 193,6 juta orang.",
     "Jumlah pemudik tahun lalu tercatat 123,8 juta orang."),
    ("whole-year-conflict", "dev", "conflict",
     "Jumlah penumpang KRL sepanjang 2023 mencapai 290,9 juta orang.",
     "Sepanjang tahun 2023, KRL mengangkut 209,9 juta penumpang."),
    ("week-vs-day", "dev", "unverified",
     "Sebanyak 12.000 wisatawan mengunjungi Candi Borobudur selama sepekan libur Lebaran.",
     "Sebanyak 3.500 wisatawan mengunjungi Candi Borobudur pada hari pertama libur Lebaran."),
    ("daily-mean-vs-total", "dev", "unverified",
     "Rata-rata kunjungan harian ke Kebun Raya Bogor mencapai 5.000 orang.",
     "Total kunjungan ke Kebun Raya Bogor sepanjang Juni mencapai 150.000 orang."),
    ("max-vs-mean", "dev", "unverified",
     "Suhu tertinggi di Jakarta pada Senin mencapai 36 derajat Celsius.",
     "Suhu rata-rata di Jakarta pada Senin sekitar 29 derajat Celsius."),
    ("per-capita-vs-total", "dev", "unverified",
     "Konsumsi beras per kapita penduduk Indonesia sebesar 94,9 kg per tahun.",
     "Konsumsi beras nasional mencapai 30,8 juta ton per tahun."),
    ("two-elections-years", "dev", "unverified",
     "Partisipasi pemilih pada Pemilu 2024 mencapai 81,78 persen.",
     "Partisipasi pemilih pada Pemilu 2019 mencapai 81,97 persen."),
    ("local-vs-national-election", "dev", "unverified",
     "Partisipasi pemilih pada Pilkada 2024 sebesar 68 persen.",
     "Partisipasi pemilih pada Pemilu 2024 sebesar 81,78 persen."),
    ("women-men-share", "dev", "unverified",
     "Sebanyak 52 persen pemilih merupakan perempuan.",
     "Sebanyak 48 persen pemilih merupakan laki-laki."),
    ("age-bands", "dev", "unverified",
     "Pemilih muda berusia 17 hingga 30 tahun mencapai 31 persen dari total pemilih.",
     "Pemilih berusia di atas 60 tahun mencapai 12 persen dari total pemilih."),
    # report part: written after the rules above, scored once
    ("t-until-month-conflict", "test", "conflict",
     "Penerimaan pajak hingga Mei 2024 mencapai Rp760,4 triliun.",
     "Hingga akhir Mei 2024, penerimaan pajak tercatat Rp706,4 triliun."),
    ("t-until-vs-in-month", "test", "unverified",
     "Penyaluran KUR hingga Juni 2024 mencapai Rp127 triliun.",
     "Penyaluran KUR pada Juni 2024 mencapai Rp22 triliun."),
    ("t-this-vs-last-year", "test", "unverified",
     "Produksi jagung tahun ini diperkirakan 15,2 juta ton.",
     "Produksi jagung tahun lalu mencapai 14,5 juta ton."),
    ("t-last-year-conflict", "test", "conflict",
     "Jumlah wisatawan ke Bali tahun lalu mencapai 5,3 juta orang.",
     "Tahun lalu, wisatawan yang berkunjung ke Bali sebanyak 4,3 juta orang."),
    ("t-local-vs-national-election", "test", "unverified",
     "Jumlah TPS pada Pilkada 2024 sebanyak 426.000 TPS.",
     "Jumlah TPS pada Pemilu 2024 sebanyak 820.161 TPS."),
    ("t-governor-election-conflict", "test", "conflict",
     "Partisipasi pemilih pada Pilgub Jakarta 2024 sebesar 57,6 persen.",
     "KPU mencatat partisipasi pemilih Pilkada Jakarta 2024 hanya 53,05 persen."),
    ("t-age-bands", "test", "unverified",
     "Sebanyak 40 persen penduduk berusia 15 hingga 24 tahun belum bekerja.",
     "Sebanyak 18 persen penduduk berusia di atas 25 tahun belum bekerja."),
    ("t-age-band-conflict", "test", "conflict",
     "Tingkat pengangguran penduduk usia 15-24 tahun sebesar 16,4 persen.",
     "Pengangguran usia 15 hingga 24 tahun tercatat 19,4 persen."),
    ("t-per-capita-vs-total", "test", "unverified",
     "PDB per kapita Indonesia pada 2023 mencapai Rp75 juta.",
     "PDB Indonesia pada 2023 mencapai Rp20.892 triliun."),
    ("t-per-capita-consistent", "test", "consistent",
     "PDB per kapita Indonesia pada 2023 mencapai Rp75 juta.",
     "Pada 2023, PDB per kapita Indonesia tercatat Rp75 juta."),
    ("t-max-vs-mean", "test", "unverified",
     "Curah hujan tertinggi di Bogor pada Januari mencapai 420 milimeter.",
     "Rata-rata curah hujan di Bogor pada Januari sebesar 310 milimeter."),
    ("t-until-quarter-consistent", "test", "consistent",
     "Realisasi investasi hingga Maret 2024 mencapai Rp401,5 triliun.",
     "Realisasi investasi kuartal I-2024 mencapai Rp401,5 triliun."),
    ("t-two-immunisations", "test", "unverified",
     "Cakupan imunisasi dasar lengkap pada 2023 mencapai 95 persen.",
     "Cakupan imunisasi campak pada 2023 mencapai 87 persen."),
    ("t-ward-vs-icu", "test", "unverified",
     "Tingkat keterisian tempat tidur rumah sakit di Jakarta mencapai 60 persen.",
     "Tingkat keterisian tempat tidur ICU di Jakarta mencapai 85 persen."),
    ("t-rounded-consistent", "test", "consistent",
     "Jumlah penduduk Indonesia pada 2024 mencapai 281,6 juta jiwa.",
     "Penduduk Indonesia tahun 2024 sekitar 282 juta jiwa."),
    ("t-programme-budget-conflict", "test", "conflict",
     "Anggaran makan bergizi gratis pada 2025 sebesar Rp71 triliun.",
     "Program makan bergizi gratis 2025 dianggarkan Rp171 triliun."),
]

#: The verdicts of an age band's own figure, stated beside the checked one (an age band is a
#: name of its group, and its figure is a claim too): pair id -> {surface: verdict}.
BAND_VERDICTS: dict[str, dict[str, str]] = {
    "age-bands": {"17 hingga 30 tahun": "unverified"},
    "t-age-bands": {"15 hingga 24 tahun": "unverified"},
    "t-age-band-conflict": {"15-24 tahun": "consistent"},
}
