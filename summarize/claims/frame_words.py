"""Closed word classes a claim's frame is read with: places, roles, counted-noun classes, unit
classes, the words that make a number a change, a target or a share, and the words that say
nothing about *what* is measured.

Places and roles are closed classes on purpose: two different values of one of them are a
contradiction ("Jawa Barat" vs "Jawa Tengah", "Presiden" vs "Wakil Presiden"), which free-form
names are not ("PT KAI Commuter" and "KRL Commuter Line" are one operator). Free names stay in
the measure, where sharing a word is enough. No gazetteer on PyPI covers Indonesian provinces
and their cities in a few kilobytes without a download, so the list is written out.
"""
from __future__ import annotations

_PROVINCES = (
    "Aceh|Sumatera Utara|Sumatera Barat|Riau|Kepulauan Riau|Jambi|Sumatera Selatan|Bangka Belitung|"
    "Bengkulu|Lampung|DKI Jakarta|Jakarta|Jawa Barat|Banten|Jawa Tengah|DI Yogyakarta|Yogyakarta|"
    "Jawa Timur|Bali|Nusa Tenggara Barat|NTB|Nusa Tenggara Timur|NTT|Kalimantan Barat|"
    "Kalimantan Tengah|Kalimantan Selatan|Kalimantan Timur|Kalimantan Utara|Sulawesi Utara|Gorontalo|"
    "Sulawesi Tengah|Sulawesi Barat|Sulawesi Selatan|Sulawesi Tenggara|Maluku|Maluku Utara|Papua|"
    "Papua Barat|Papua Tengah|Papua Pegunungan|Papua Selatan|Papua Barat Daya|Jabar|Jateng|Jatim|Sumut|"
    "Sumbar|Sumsel|Kalbar|Kalteng|Kalsel|Kaltim|Sulut|Sulteng|Sulsel|Sultra|DIY"
)
#: Short and alternative names -> one canonical place name.
PLACE_ALIASES = {
    "jakarta": "DKI Jakarta", "yogyakarta": "DI Yogyakarta", "diy": "DI Yogyakarta",
    "ntb": "Nusa Tenggara Barat", "ntt": "Nusa Tenggara Timur", "jabar": "Jawa Barat",
    "jateng": "Jawa Tengah", "jatim": "Jawa Timur", "sumut": "Sumatera Utara", "sumbar": "Sumatera Barat",
    "sumsel": "Sumatera Selatan", "kalbar": "Kalimantan Barat", "kalteng": "Kalimantan Tengah",
    "kalsel": "Kalimantan Selatan", "kaltim": "Kalimantan Timur", "sulut": "Sulawesi Utara",
    "sulteng": "Sulawesi Tengah", "sulsel": "Sulawesi Selatan", "sultra": "Sulawesi Tenggara",
}
#: Large cities -> their province. A city's figure is not its province's (``frame_match``); the
#: province says which places an address names together ("Kota Bandung, Jawa Barat").
CITIES = {
    "Bandung": "Jawa Barat", "Bekasi": "Jawa Barat", "Bogor": "Jawa Barat", "Depok": "Jawa Barat",
    "Surabaya": "Jawa Timur", "Malang": "Jawa Timur", "Semarang": "Jawa Tengah", "Solo": "Jawa Tengah",
    "Surakarta": "Jawa Tengah", "Medan": "Sumatera Utara", "Padang": "Sumatera Barat",
    "Palembang": "Sumatera Selatan", "Makassar": "Sulawesi Selatan", "Manado": "Sulawesi Utara",
    "Denpasar": "Bali", "Tangerang": "Banten", "Serang": "Banten", "Pekanbaru": "Riau",
    "Balikpapan": "Kalimantan Timur", "Samarinda": "Kalimantan Timur", "Pontianak": "Kalimantan Barat",
    "Banjarmasin": "Kalimantan Selatan", "Mataram": "Nusa Tenggara Barat", "Kupang": "Nusa Tenggara Timur",
    "Jayapura": "Papua", "Ambon": "Maluku", "Batam": "Kepulauan Riau", "Subang": "Jawa Barat",
    "Cirebon": "Jawa Barat", "Sukabumi": "Jawa Barat", "Garut": "Jawa Barat", "Karawang": "Jawa Barat",
}
# Regencies and smaller cities often in the news, by province. Names that are also common words
# or given names ("Batu", "Banjar", "Kuningan", "Metro", "Bima", "Kudus") are left out: a false
# place would rule out a real match.
_REGENCIES = {
    "Jawa Barat": "Cianjur Tasikmalaya Ciamis Majalengka Sumedang Indramayu Purwakarta Cimahi Pangandaran",
    "Banten": "Cilegon Pandeglang Lebak",
    "Jawa Tengah": "Cilacap Banyumas Purwokerto Kebumen Magelang Klaten Boyolali Sragen Sukoharjo Wonogiri "
                   "Karanganyar Kendal Pekalongan Pemalang Tegal Brebes Jepara Rembang Blora Grobogan Salatiga "
                   "Temanggung Wonosobo Banjarnegara Purbalingga Purworejo Demak Pati",
    "DI Yogyakarta": "Sleman Bantul Gunungkidul",
    "Jawa Timur": "Blitar Kediri Madiun Tuban Jember Banyuwangi Lumajang Pasuruan Probolinggo Sidoarjo Gresik "
                  "Mojokerto Jombang Lamongan Bojonegoro Ngawi Magetan Ponorogo Pacitan Trenggalek Tulungagung "
                  "Nganjuk Bondowoso Situbondo Sumenep Pamekasan Sampang Bangkalan",
    "Bali": "Badung Gianyar Tabanan Buleleng Karangasem Klungkung Bangli Jembrana",
    "Sumatera Utara": "Binjai Pematangsiantar Sibolga",
    "Sumatera Barat": "Bukittinggi Payakumbuh Solok Pariaman",
    "Aceh": "Lhokseumawe Langsa Sabang",
    "Riau": "Dumai Bengkalis",
    "Sumatera Selatan": "Lubuklinggau Prabumulih",
    "Kalimantan Selatan": "Banjarbaru",
    "Kalimantan Timur": "Bontang",
    "Kalimantan Utara": "Tarakan",
    "Kalimantan Barat": "Singkawang",
    "Sulawesi Tengah": "Palu Donggala Sigi",
    "Sulawesi Tenggara": "Kendari",
    "Sulawesi Utara": "Bitung",
    "Sulawesi Selatan": "Parepare Palopo Gowa Maros",
    "Nusa Tenggara Timur": "Ende Maumere",
    "Papua": "Merauke Timika Mimika Nabire Wamena",
    "Papua Barat Daya": "Sorong",
    "Papua Barat": "Manokwari",
    "Maluku Utara": "Ternate Tidore",
}
CITIES.update({place: province for province, names in _REGENCIES.items() for place in names.split()})
#: Names that are both a city (Kota) and a regency (Kabupaten): a bare name is the city, and
#: "Kabupaten Bogor" is another place. A listed name not here is one of the two only.
DUAL_CITIES = frozenset(
    "Bogor Bekasi Bandung Cirebon Sukabumi Tasikmalaya Tangerang Serang Semarang Magelang Tegal Pekalongan "
    "Malang Kediri Blitar Madiun Mojokerto Pasuruan Probolinggo Solok Bima Kupang Jayapura Sorong".split()
)
#: Countries often compared in economic news.
COUNTRIES = (
    "Indonesia|Malaysia|Singapura|Thailand|Vietnam|Filipina|Brunei|Myanmar|Kamboja|Laos|Jepang|China|"
    "Tiongkok|India|Amerika Serikat|Australia|Korea Selatan|Korea Utara|Arab Saudi|Inggris|Jerman|"
    "Prancis|Perancis|Rusia|Belanda|Turki|Mesir|Timor Leste"
)
PLACE_NAMES = sorted({*_PROVINCES.split("|"), *CITIES, *COUNTRIES.split("|")}, key=len, reverse=True)
PLACE_ALIASES.update({"tiongkok": "China", "perancis": "Prancis"})

#: Roles whose holders a figure belongs to; longest first so "Wakil Presiden" is not "Presiden".
ROLES = sorted(
    ["Presiden", "Wakil Presiden", "Gubernur", "Wakil Gubernur", "Bupati", "Wakil Bupati", "Wali Kota",
     "Walikota", "Wakil Wali Kota", "Menteri", "Wakil Menteri", "Ketua", "Wakil Ketua", "Kapolri",
     "Wakapolri", "Kapolda", "Wakapolda", "Direktur Utama", "Wakil Direktur Utama"],
    key=len, reverse=True,
)

#: Counted nouns -> their class, so paraphrases align ("377.625 peserta" = "377.625 orang").
COUNTED_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        "orang jiwa warga penduduk peserta penumpang pengunjung korban pemudik wisatawan jemaah "
        "penonton tamu personel pekerja pasien".split(), "people"),
    "tenaga kerja": "people",
    **dict.fromkeys(["umkm", "ukm", "pelaku umkm", "pelaku usaha", "usaha"], "umkm"),
    **dict.fromkeys(["kendaraan", "mobil", "bus", "truk"], "vehicle"),
    "kepala keluarga": "household", "kk": "household", "rumah tangga": "household",
}
#: Counted nouns that fit any class of countable things ("100 unit mobil", "5 unit rumah").
ANY_COUNTED = frozenset({"unit", "buah"})

#: Canonical units -> unit class (units not listed are their own class).
UNIT_CLASSES: dict[str, str] = {
    "percent": "percent", "percentage_point": "percentage_point", "point": "point",
    "m2": "area", "km2": "area", "ha": "area", "km/h": "speed", "magnitude": "magnitude",
    "kg": "mass", "g": "mass", "ton": "mass", "quintal": "mass",
    "second": "duration", "minute": "duration", "hour": "duration", "day": "duration",
    "week": "duration", "month": "duration", "year": "duration", "count": "count",
}
#: Units of one class that convert into each other: factor to the class's base unit.
CONVERSIONS: dict[str, tuple[str, int]] = {
    "m2": ("m2", 1), "ha": ("m2", 10_000), "km2": ("m2", 1_000_000),
    "g": ("g", 1), "kg": ("g", 1_000), "quintal": ("g", 100_000), "ton": ("g", 1_000_000),
}

#: Words right before a number that make it a change, a target, a realised value.
CHANGE_WORDS = frozenset(
    "naik turun bertambah berkurang meningkat menurun melonjak anjlok tumbuh merosot melemah menguat "
    "kenaikan penurunan pertumbuhan peningkatan penambahan pengurangan susut menyusut terkoreksi "
    "selisih lonjakan koreksi terkontraksi kontraksi".split()
)
#: Words that end a change and start the level it reached ("naik 5 persen menjadi 20 persen").
LEVEL_WORDS = frozenset("menjadi jadi level posisi berada ke".split())
#: Words between a change word and its number that leave it a change ("penurunan sebesar 6,17").
NEUTRAL_WORDS = frozenset("sebesar sebanyak sekitar hingga mencapai tercatat sekira hampir lebih dari kurang "
                          "yang sampai setidaknya sedikitnya".split())
TARGET_WORDS = frozenset("target ditargetkan menargetkan sasaran diproyeksikan proyeksi memproyeksikan rencana "
                         "direncanakan prediksi diprediksi memprediksi prakiraan asumsi outlook".split())
#: Words that make a number the value before a change: "harga sebelumnya Rp6.000", "semula 12".
PREVIOUS_WORDS = frozenset("sebelumnya semula".split())
REALISED_WORDS = frozenset("realisasi terealisasi tercapai capaian merealisasikan".split())
#: Nouns of a plan: a budget, quota or allocation is a target unless a realised word says it was
#: spent ("anggaran pendidikan Rp665 triliun" vs "realisasi anggaran pendidikan Rp513 triliun").
PLAN_WORDS = frozenset("kuota pagu alokasi dialokasikan mengalokasikan anggaran dianggarkan apbn apbd".split())
#: After a number, these make it a share of something ("75,8 persen dari target").
SHARE_AFTER = ("dari target", "dari total", "dari jumlah", "dari pagu", "dari anggaran", "dari seluruh")

#: What a rate is compared with, as statistics releases write it: "inflasi 2,51 persen (yoy)" and
#: "inflasi 0,08 persen (mtm)" of one month are two quantities, not a contradiction. Annual,
#: monthly and quarterly amounts ("pendapatan bulanan") are told apart the same way.
BASES: dict[str, str] = {
    "yoy": r"\by-?o-?y\b|\by-on-y\b|\byear[- ]on[- ]year\b|\b(?:secara\s+)?tahunan\b"
           r"|\bdibanding(?:kan)?\s+(?:periode|bulan|kuartal|triwulan|semester)\s+yang\s+sama\s+tahun\s+(?:lalu|sebelumnya)\b",
    "mtm": r"\bm-?t-?m\b|\bm-to-m\b|\bmonth[- ]to[- ]month\b|\b(?:secara\s+)?bulanan\b"
           r"|\bdibanding(?:kan)?\s+bulan\s+(?:sebelumnya|lalu)\b",
    "qtq": r"\bq-?t-?q\b|\bq-to-q\b|\bquarter[- ]to[- ]quarter\b|\b(?:secara\s+)?(?:kuartalan|triwulanan)\b"
           r"|\bdibanding(?:kan)?\s+(?:kuartal|triwulan)\s+(?:sebelumnya|lalu)\b",
    "ytd": r"\by-?t-?d\b|\byear[- ]to[- ]date\b|\btahun\s+kalender\b|\bsejak\s+awal\s+tahun\b",
    "ctc": r"\bc-?t-?c\b|\bc-to-c\b|\b(?:secara\s+)?kumulatif\b",
}

#: Words that say nothing about what is measured: reporting verbs, generic heads, fillers.
GENERIC = frozenset(
    "tingkat jumlah angka total nilai sebesar sebanyak sejumlah mencapai tercatat mencatat mencatatkan "
    "menyebut menyebutkan mengatakan kata ujar menurut berdasarkan data catatan yaitu yakni adalah "
    "ialah sekitar hampir lebih kurang sedikitnya setidaknya paling hanya masing masing-masing "
    "menjadi berjumlah senilai capai catat sebut laku itu ini tersebut yang di ke dari pada dan "
    "atau dengan untuk oleh dalam sudah telah akan juga baru lalu saat kini hingga sampai "
    "sepanjang selama sejak per orang unit persen rp rupiah dolar juta ribu miliar triliun "
    "adapun sementara sedangkan namun tetapi bahwa secara para terdapat ada".split()
)
_FOREIGN = frozenset(COUNTRIES.split("|")) - {"Indonesia"}
#: Places inside Indonesia: "Indonesia" holds each of them.
INDONESIAN_PLACES = frozenset(
    p for p in [*_PROVINCES.split("|"), *CITIES, *CITIES.values(), *PLACE_ALIASES.values()] if p not in _FOREIGN
)
