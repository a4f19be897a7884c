"""Build the frame-trap cases: one sentence checked against one other, both written for this set.

    python -m eval.build_frame_traps          # writes eval/data/claims/frame_traps.jsonl
    python -m summarize.evaluation.claims_eval --cases eval/data/claims/frame_traps.jsonl \
        --distractors 0 --out eval/results/claims_frame_traps.json

``cases.jsonl`` holds real text, and in it a figure of another region, quarter, basis or subgroup
rarely sits beside the checked one. Statistics releases and disaster reports are full of them:
"penduduk miskin perkotaan" and "perdesaan", inflation "(yoy)" and "(mtm)", "kuartal I" and
"kuartal II", Bandung and Jawa Barat. Each case here is a pair of sentences in the style of
ANTARA and BPS releases, written by hand (``CONSTRUCTED`` in every note), with the verdict a
careful reader gives: ``trap`` pairs are two quantities (``unverified``), ``same`` pairs state
one quantity in other words (``conflict`` when the values differ, ``consistent`` when they agree),
so that a rule which only refuses loses its recall here.

The ``dev`` part (tune) holds the pairs the rules were written from; the ``test`` part (report)
was written after the rules and scored once, unchanged since: first the pairs on periods, bases,
places and alternatives, then, after the rule on owners' names, the pairs on owners. A third
round, on local governments, ballot numbers, commodities and budgets, is in
``eval.frame_trap_pairs_places``; a fourth, on kinds of value (previous, projected, capacity),
ordinals and everyday pairs, in ``eval.frame_trap_pairs_kinds``. The figures are realistic, not sourced: the cases test reading, not facts. ``expected`` is filled from the parser (each
sentence must yield exactly one claim) with the verdict given here.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from eval.frame_trap_pairs_kinds import PAIRS as KIND_PAIRS
from eval.frame_trap_pairs_places import PAIRS as PLACE_PAIRS
from summarize.claims.extract import extract_claims

OUT = Path(__file__).resolve().parent / "data" / "claims" / "frame_traps.jsonl"

# (id, split, verdict, article sentence, corpus sentence)
PAIRS: list[tuple[str, str, str, str, str]] = [
    # tune part: the pairs the rules of quarters, bases, places and contrasts were written from
    ("quarter-growth", "dev", "unverified",
     "Badan Pusat Statistik (BPS) melaporkan pertumbuhan ekonomi Indonesia pada kuartal II-2024 sebesar 5,05 persen.",
     "BPS mencatat pertumbuhan ekonomi Indonesia pada kuartal I-2024 sebesar 5,11 persen."),
    ("basis-inflation", "dev", "unverified",
     "BPS mencatat inflasi Indonesia pada Juni 2024 sebesar 2,51 persen secara tahunan (yoy).",
     "Badan Pusat Statistik mencatat inflasi Indonesia pada Juni 2024 sebesar 0,08 persen secara bulanan (mtm)."),
    ("basis-growth", "dev", "unverified",
     "Ekonomi Indonesia kuartal II-2024 tumbuh 5,05 persen (yoy).",
     "Ekonomi Indonesia kuartal II-2024 tumbuh 3,79 persen dibandingkan kuartal sebelumnya (qtq)."),
    ("province-nation", "dev", "unverified",
     "Tingkat pengangguran terbuka di Jawa Barat pada Februari 2024 sebesar 6,91 persen.",
     "Tingkat pengangguran terbuka Indonesia pada Februari 2024 sebesar 4,82 persen."),
    ("city-neighbour", "dev", "unverified",
     "Tingkat pengangguran terbuka di Kota Bandung sebesar 8,2 persen.",
     "Tingkat pengangguran terbuka di Kota Bekasi sebesar 7,9 persen."),
    ("urban-rural", "dev", "unverified",
     "Jumlah penduduk miskin perkotaan pada Maret 2024 sebanyak 11,64 juta orang.",
     "Jumlah penduduk miskin perdesaan pada Maret 2024 sebanyak 13,58 juta orang."),
    ("oil-gas", "dev", "unverified",
     "Nilai ekspor migas Indonesia pada Juni 2024 mencapai 1,33 miliar dolar AS.",
     "Nilai ekspor nonmigas Indonesia pada Juni 2024 mencapai 19,51 miliar dolar AS."),
    ("sex", "dev", "unverified",
     "Tingkat pengangguran terbuka laki-laki pada Februari 2024 sebesar 5,12 persen.",
     "Tingkat pengangguran terbuka perempuan pada Februari 2024 sebesar 4,38 persen."),
    ("rice-grade", "dev", "unverified",
     "Harga beras medium di pasar tradisional pada Juni 2024 Rp13.500 per kg.",
     "Harga beras premium di pasar tradisional pada Juni 2024 Rp15.400 per kg."),
    ("casualties", "dev", "unverified",
     "Jumlah korban meninggal akibat banjir di Demak mencapai 21 orang.",
     "Jumlah korban luka akibat banjir di Demak mencapai 210 orang."),
    ("day-part", "dev", "unverified",
     "Nilai tukar rupiah pada Senin pagi melemah ke Rp16.400 per dolar AS.",
     "Nilai tukar rupiah pada Senin sore menguat ke Rp16.350 per dolar AS."),
    ("transport-mode", "dev", "unverified",
     "Jumlah penumpang kereta api pada Mei 2024 sebanyak 38,5 juta orang.",
     "Jumlah penumpang pesawat pada Mei 2024 sebanyak 6,5 juta orang."),
    ("budget-line", "dev", "unverified",
     "Pendapatan negara hingga Mei 2024 mencapai Rp1.123 triliun.",
     "Belanja negara hingga Mei 2024 mencapai Rp1.145 triliun."),
    ("speaker-place", "dev", "consistent",
     "Menteri Keuangan di Jakarta, Senin, mengatakan defisit APBN 2024 sebesar 2,7 persen.",
     "Defisit APBN Indonesia pada 2024 diperkirakan sebesar 2,7 persen."),
    ("casualties-synonym", "dev", "conflict",
     "Jumlah korban meninggal akibat banjir di Demak mencapai 21 orang.",
     "Korban tewas akibat banjir di Demak mencapai 25 orang."),
    ("urban-paraphrase", "dev", "conflict",
     "Jumlah penduduk miskin perkotaan pada Maret 2024 sebanyak 11,64 juta orang.",
     "Penduduk miskin di perkotaan pada Maret 2024 tercatat 12,1 juta orang."),
    # tune part, owners: the pairs the owner-name rule was written from
    ("owner-banks", "dev", "unverified",
     "Laba bersih BRI pada 2023 mencapai Rp60,4 triliun.", "Laba bersih BNI pada 2023 mencapai Rp20,9 triliun."),
    ("owner-bank-names", "dev", "unverified",
     "PT Bank Rakyat Indonesia Tbk membukukan laba bersih Rp60,4 triliun pada 2023.",
     "PT Bank Negara Indonesia Tbk membukukan laba bersih Rp20,9 triliun pada 2023."),
    ("owner-operators", "dev", "unverified",
     "Jumlah pelanggan Telkomsel pada 2023 mencapai 159 juta.", "Jumlah pelanggan Indosat pada 2023 mencapai 100 juta."),
    ("owner-parties", "dev", "unverified",
     "Partai Golkar memperoleh 102 kursi DPR.", "Partai Gerindra memperoleh 86 kursi DPR."),
    ("owner-tickers", "dev", "unverified",
     "Harga saham BBCA ditutup di level Rp9.800.", "Harga saham BBRI ditutup di level Rp5.600."),
    ("owner-brands", "dev", "unverified",
     "Penjualan mobil Toyota pada Mei 2024 sebanyak 25.000 unit.",
     "Penjualan mobil Daihatsu pada Mei 2024 sebanyak 14.000 unit."),
    ("owner-same-bank", "dev", "conflict",
     "Laba bersih BRI pada 2023 mencapai Rp60,4 triliun.",
     "PT Bank Rakyat Indonesia (BRI) membukukan laba bersih Rp50,4 triliun pada 2023."),
    # tune part, later rules: denominators, days, varieties, a year inside a name
    ("per-denominator", "dev", "unverified",
     "Produksi minyak Indonesia mencapai 600.000 barel per hari.",
     "Produksi minyak Indonesia mencapai 18 juta barel per bulan."),
    ("day", "dev", "unverified",
     "IHSG ditutup menguat ke level 7.100 pada Senin.", "IHSG ditutup melemah ke level 7.050 pada Selasa."),
    ("onion-variety", "dev", "unverified",
     "Harga bawang merah di Pasar Induk Kramat Jati Rp40.000 per kg.",
     "Harga bawang putih di Pasar Induk Kramat Jati Rp38.000 per kg."),
    ("named-year", "dev", "unverified",
     "Upah minimum provinsi DKI Jakarta 2024 sebesar Rp5,07 juta.",
     "Upah minimum provinsi DKI Jakarta 2023 sebesar Rp4,9 juta."),
    ("onion-same", "dev", "conflict",
     "Harga bawang merah di Pasar Induk Kramat Jati Rp40.000 per kg.",
     "Harga bawang merah di Pasar Induk Kramat Jati Rp52.000/kg."),
    ("volcano", "dev", "unverified",
     "Jumlah pengungsi akibat erupsi Gunung Semeru mencapai 2.000 orang.",
     "Jumlah pengungsi akibat erupsi Gunung Merapi mencapai 1.500 orang."),
    ("damage-severity", "dev", "unverified",
     "Jumlah rumah rusak berat akibat gempa mencapai 1.200 unit.",
     "Jumlah rumah rusak ringan akibat gempa mencapai 3.000 unit."),
    ("budget-sector", "dev", "unverified",
     "Anggaran pendidikan dalam APBN 2024 sebesar Rp665 triliun.",
     "Anggaran kesehatan dalam APBN 2024 sebesar Rp187 triliun."),
    ("volcano-same", "dev", "conflict",
     "Jumlah pengungsi akibat erupsi Gunung Semeru mencapai 2.000 orang.",
     "Erupsi Semeru membuat 2.500 orang mengungsi."),
    ("legal-stage", "dev", "unverified", "Terdakwa dituntut 12 tahun penjara.", "Terdakwa divonis 8 tahun penjara."),
    ("medal", "dev", "unverified",
     "Perolehan medali emas Indonesia di SEA Games 2023 sebanyak 87 medali.",
     "Perolehan medali perak Indonesia di SEA Games 2023 sebanyak 80 medali."),
    ("holiday-day", "dev", "unverified",
     "Jumlah kendaraan yang melintas di Tol Cikampek pada H-3 Lebaran mencapai 150.000 kendaraan.",
     "Jumlah kendaraan yang melintas di Tol Cikampek pada H-2 Lebaran mencapai 170.000 kendaraan."),
    # report part: written after the rules, scored once
    ("t-foreign-domestic", "test", "unverified",
     "Jumlah kunjungan wisatawan mancanegara ke Bali pada Juli 2024 mencapai 625.665 kunjungan.",
     "Jumlah kunjungan wisatawan nusantara ke Bali pada Juli 2024 mencapai 1,1 juta kunjungan."),
    ("t-neighbour-province", "test", "unverified",
     "Produksi padi di Jawa Timur pada 2023 mencapai 9,71 juta ton.",
     "Produksi padi di Jawa Tengah pada 2023 mencapai 9,08 juta ton."),
    ("t-regency-province", "test", "unverified",
     "Tingkat kemiskinan di Kabupaten Garut pada 2023 sebesar 9,77 persen.",
     "Tingkat kemiskinan di Jawa Barat pada 2023 sebesar 7,62 persen."),
    ("t-neighbour-city", "test", "unverified",
     "Jumlah penduduk Kota Depok pada 2023 sebanyak 2,1 juta jiwa.",
     "Jumlah penduduk Kota Bogor pada 2023 sebanyak 1,1 juta jiwa."),
    ("t-import-oil-gas", "test", "unverified",
     "Nilai impor migas pada Mei 2024 sebesar 3,12 miliar dolar AS.",
     "Nilai impor nonmigas pada Mei 2024 sebesar 15,28 miliar dolar AS."),
    ("t-basis-province", "test", "unverified",
     "Inflasi Jawa Barat pada Juni 2024 sebesar 2,14 persen (yoy).",
     "Inflasi Jawa Barat pada Juni 2024 sebesar 0,12 persen (mtm)."),
    ("t-quarter-province", "test", "unverified",
     "Ekonomi Jawa Timur pada triwulan I-2024 tumbuh 4,81 persen (yoy).",
     "Ekonomi Jawa Timur pada triwulan IV-2023 tumbuh 4,91 persen (yoy)."),
    ("t-quake-outcome", "test", "unverified",
     "Jumlah korban meninggal akibat gempa Cianjur mencapai 602 orang.",
     "Jumlah korban luka akibat gempa Cianjur mencapai 7.729 orang."),
    ("t-fuel", "test", "unverified",
     "Harga Pertamax di Jakarta per 1 Juli 2024 sebesar Rp12.950 per liter.",
     "Harga Pertalite di Jakarta per 1 Juli 2024 sebesar Rp10.000 per liter."),
    ("t-profit-revenue", "test", "unverified",
     "Laba bersih PT Telkom Indonesia pada 2023 mencapai Rp24,6 triliun.",
     "Pendapatan PT Telkom Indonesia pada 2023 mencapai Rp149,2 triliun."),
    ("t-ship-bus", "test", "unverified",
     "Jumlah penumpang kapal saat mudik Lebaran 2024 mencapai 1,2 juta orang.",
     "Jumlah penumpang bus saat mudik Lebaran 2024 mencapai 3,4 juta orang."),
    ("t-max-min", "test", "unverified",
     "Suhu maksimum di Surabaya pada Selasa mencapai 36 derajat Celsius.",
     "Suhu minimum di Surabaya pada Selasa mencapai 25 derajat Celsius."),
    ("t-wage-sex", "test", "unverified",
     "Rata-rata upah buruh laki-laki pada Februari 2024 sebesar Rp3,3 juta.",
     "Rata-rata upah buruh perempuan pada Februari 2024 sebesar Rp2,5 juta."),
    ("t-nation-capital", "test", "unverified",
     "Tingkat pengangguran terbuka Indonesia pada Februari 2024 sebesar 4,82 persen.",
     "Tingkat pengangguran terbuka DKI Jakarta pada Februari 2024 sebesar 6,03 persen."),
    ("t-half-quarter", "test", "unverified",
     "Pertumbuhan ekonomi Indonesia pada semester I-2024 sebesar 5,08 persen.",
     "Pertumbuhan ekonomi Indonesia pada kuartal II-2024 sebesar 5,05 persen."),
    ("t-buy-sell", "test", "unverified",
     "Kurs jual dolar AS di Bank Mandiri pada Rabu sebesar Rp16.450.",
     "Kurs beli dolar AS di Bank Mandiri pada Rabu sebesar Rp16.150."),
    ("t-ytd-inflation", "test", "unverified",
     "Inflasi tahun kalender pada Juni 2024 sebesar 1,07 persen.",
     "Inflasi tahunan pada Juni 2024 sebesar 2,51 persen."),
    ("t-arrivals-departures", "test", "unverified",
     "Jumlah penumpang yang berangkat dari Bandara Soekarno-Hatta pada Minggu mencapai 85.000 orang.",
     "Jumlah penumpang yang datang di Bandara Soekarno-Hatta pada Minggu mencapai 92.000 orang."),
    ("t-rural-conflict", "test", "conflict",
     "Jumlah penduduk miskin perdesaan pada Maret 2024 sebanyak 13,58 juta orang.",
     "Penduduk miskin di daerah perdesaan pada Maret 2024 tercatat 14,58 juta orang."),
    ("t-core-inflation-conflict", "test", "conflict",
     "Inflasi inti pada Juni 2024 sebesar 1,90 persen (yoy).",
     "BPS mencatat inflasi inti Juni 2024 sebesar 2,90 persen secara tahunan."),
    ("t-flood-conflict", "test", "conflict",
     "Korban meninggal akibat banjir bandang di Sumatera Barat mencapai 67 orang.",
     "Korban tewas akibat banjir bandang di Sumatera Barat mencapai 76 orang."),
    ("t-quarter-conflict", "test", "conflict",
     "Ekonomi Indonesia pada kuartal II-2024 tumbuh 5,05 persen (yoy).",
     "Pertumbuhan ekonomi Indonesia triwulan II/2024 tercatat 5,15 persen secara tahunan."),
    ("t-address-conflict", "test", "conflict",
     "Tingkat pengangguran terbuka di Kota Bandung pada 2023 sebesar 8,83 persen.",
     "Tingkat pengangguran terbuka di Bandung, Jawa Barat, pada 2023 sebesar 9,83 persen."),
    ("t-rice-conflict", "test", "conflict",
     "Harga beras premium di Jakarta pada Juni 2024 mencapai Rp15.400 per kg.",
     "Di Jakarta, harga beras premium pada Juni 2024 mencapai Rp16.400 per kg."),
    ("t-tourists-conflict", "test", "conflict",
     "Jumlah kunjungan wisatawan mancanegara ke Indonesia pada Mei 2024 sebanyak 1,02 juta kunjungan.",
     "Kunjungan wisman ke Indonesia pada Mei 2024 mencapai 1,20 juta kunjungan."),
    ("t-exports-consistent", "test", "consistent",
     "Nilai ekspor nonmigas pada Juni 2024 mencapai 19,51 miliar dolar AS.",
     "Ekspor nonmigas Juni 2024 tercatat 19,51 miliar dolar AS."),
    ("t-inflation-consistent", "test", "consistent",
     "Inflasi tahunan pada Juni 2024 sebesar 2,51 persen.",
     "Inflasi Juni 2024 secara tahunan (yoy) tercatat 2,51 persen."),
    ("t-quarter-consistent", "test", "consistent",
     "Pertumbuhan ekonomi Jawa Barat pada triwulan II-2024 sebesar 4,95 persen.",
     "Ekonomi Jawa Barat kuartal II 2024 tumbuh 4,95 persen."),
    ("t-speaker-consistent", "test", "consistent",
     "Menteri Keuangan Sri Mulyani di Jakarta, Senin, mengatakan defisit APBN 2023 sebesar 1,65 persen.",
     "Defisit APBN Indonesia pada 2023 tercatat 1,65 persen."),
    ("t-crash-consistent", "test", "consistent",
     "Korban tewas akibat kecelakaan bus di Subang mencapai 11 orang.",
     "Kecelakaan bus di Subang menyebabkan 11 orang meninggal dunia."),
    # report part, owners: written after the owner-name rule, scored once
    ("t-owner-airlines", "test", "unverified",
     "Pendapatan Garuda Indonesia pada 2023 mencapai 2,94 miliar dolar AS.",
     "Pendapatan Lion Air Group pada 2023 mencapai 2,1 miliar dolar AS."),
    ("t-owner-rail", "test", "unverified",
     "Jumlah penumpang KAI Commuter pada Mei 2024 mencapai 28,9 juta orang.",
     "Jumlah penumpang MRT Jakarta pada Mei 2024 mencapai 3,5 juta orang."),
    ("t-owner-seats", "test", "unverified",
     "PDI Perjuangan meraih 110 kursi DPR pada Pemilu 2024.",
     "Partai Kebangkitan Bangsa meraih 68 kursi DPR pada Pemilu 2024."),
    ("t-owner-votes", "test", "unverified",
     "Perolehan suara Anies Baswedan-Muhaimin Iskandar mencapai 24,95 persen.",
     "Perolehan suara Ganjar Pranowo-Mahfud MD mencapai 16,47 persen."),
    ("t-owner-market-cap", "test", "unverified",
     "Kapitalisasi pasar Bank Mandiri mencapai Rp560 triliun.",
     "Kapitalisasi pasar Bank Central Asia mencapai Rp1.200 triliun."),
    ("t-owner-motorcycles", "test", "unverified",
     "Penjualan sepeda motor Honda pada 2023 sebanyak 4,6 juta unit.",
     "Penjualan sepeda motor Yamaha pada 2023 sebanyak 1,5 juta unit."),
    ("t-owner-bank-conflict", "test", "conflict",
     "Laba bersih PT Bank Mandiri (Persero) Tbk pada 2023 mencapai Rp55,1 triliun.",
     "Bank Mandiri membukukan laba bersih Rp51,1 triliun sepanjang 2023."),
    ("t-owner-person-conflict", "test", "conflict",
     "Harta kekayaan Gibran Rakabuming Raka mencapai Rp25,3 miliar.",
     "Gibran melaporkan harta kekayaan Rp28,3 miliar."),
    ("t-owner-one-side-conflict", "test", "conflict",
     "Menurut BPS, jumlah penduduk miskin pada Maret 2024 sebanyak 25,22 juta orang.",
     "Jumlah penduduk miskin pada Maret 2024 sebanyak 26,22 juta orang."),
    ("t-owner-telkom-consistent", "test", "consistent",
     "Laba bersih Telkom pada 2023 mencapai Rp24,6 triliun.",
     "PT Telkom Indonesia (Persero) Tbk mencatat laba bersih Rp24,6 triliun pada 2023."),
    ("t-owner-acronym-consistent", "test", "consistent",
     "Badan Pusat Statistik mencatat jumlah pengangguran pada Februari 2024 sebanyak 7,2 juta orang.",
     "Menurut BPS, jumlah pengangguran Februari 2024 mencapai 7,2 juta orang."),
]


def case(pid: str, split: str, verdict: str, article: str, other: str, kind: str = "frame-trap") -> dict:
    claims = extract_claims(article)
    if len(claims) != 1 or len(extract_claims(other)) != 1:
        raise SystemExit(f"{pid}: each sentence must state exactly one claim")
    (c,) = claims
    return {
        "id": f"trap-{pid}", "split": split, "kind": kind,
        "note": f"CONSTRUCTED pair in the style of ANTARA/BPS releases; expected {verdict}.",
        "sources": ["constructed"], "article": article, "corpus": [{"id": f"{pid}-other", "text": other}],
        "expected": [{"surface": c.surface, "start": c.start, "value": str(c.value), "unit": c.unit,
                      "noun": c.noun, "verdict": verdict}],
    }


def all_cases() -> list[dict]:
    """Every round's cases, each round with its own kind so the report shows it apart."""
    rounds = [("frame-trap", PAIRS), ("frame-trap-places", PLACE_PAIRS), ("frame-trap-kinds", KIND_PAIRS)]
    ids = [p[0] for _, pairs in rounds for p in pairs]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate case ids")
    return [case(*p, kind=kind) for kind, pairs in rounds for p in pairs]


def main() -> int:
    cases = all_cases()
    OUT.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    print(f"{len(cases)} cases -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
