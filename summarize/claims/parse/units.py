"""What an Indonesian number is a number of: scale words, units, currencies, counted nouns.

Lexicons are phrase tables over lowercased word tokens (multi-word entries such as
"poin persentase", "dolar AS", "kepala keluarga" match longest first). Canonical units:
"percent", "percentage_point" ("poin persentase", "persen poin"; basis poin are converted: 25 basis poin =
0,25 percentage_point; a bare "poin" too when its sentence speaks of persen, unless written
"X poin atau Y persen"), "point" (any other bare "poin": index or score points), ISO 4217 codes for
money (never converted between currencies), metric measures ("ton", "kg", "km", "m", "ha",
"liter", ...: never converted into each other), durations ("day", "year", ...) and "count" with
the counted noun kept beside it.
"""
from __future__ import annotations

import re
from decimal import Decimal

from summarize.claims.parse.words import SCALES

Phrase = tuple[str, ...]

# Scale words after a number, matched lowercased. The one-letter "M"/"T" (miliar/triliun) are
# matched as written and only next to a currency ("Rp2 M"), since "2 m" is two metres.
SCALE_WORDS: dict[str, int] = {**SCALES, "rb": 10**3, "jt": 10**6,
                               "ribuan": 10**3, "jutaan": 10**6}  # "Rp 520 ribuan"
CURRENCY_ONLY_SCALES: dict[str, int] = {"M": 10**9, "T": 10**12}

# Currency written before the number (token as written, symbols included).
CURRENCY_PREFIX: dict[str, str] = {
    "Rp": "IDR", "RP": "IDR", "IDR": "IDR", "US$": "USD", "USD": "USD", "$": "USD", "S$": "SGD",
    "SGD": "SGD", "RM": "MYR", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY",
    "JPY": "JPY",    "CNY": "CNY", "RMB": "CNY", "A$": "AUD", "AUD": "AUD",
}

_CURRENCY_WORDS: dict[Phrase, str] = {
    ("rupiah",): "IDR", ("dolar",): "USD", ("dollar",): "USD", ("dolar", "as"): "USD",
    ("dolar", "amerika"): "USD", ("dolar", "amerika", "serikat"): "USD", ("usd",): "USD",
    ("dolar", "singapura"): "SGD", ("dolar", "australia"): "AUD", ("dolar", "hong", "kong"): "HKD",
    ("euro",): "EUR", ("yen",): "JPY", ("yuan",): "CNY", ("renminbi",): "CNY",
    ("ringgit",): "MYR", ("baht",): "THB", ("won",): "KRW", ("pound",): "GBP",
    ("poundsterling",): "GBP", ("pounds",): "GBP", ("pound", "sterling"): "GBP", ("riyal",): "SAR",
    ("rupee",): "INR", ("peso",): "PHP",
    ("sgd",): "SGD", ("idr",): "IDR", ("eur",): "EUR",
}

_PERCENT: dict[Phrase, str] = {("persen",): "percent", ("prosen",): "percent", ("%",): "percent"}
# Percentage points; basis points are converted (value / 100) so that "25 basis poin" and
# "0,25 poin persentase" compare equal and neither ever equals a persen value.
_POINTS: dict[Phrase, str] = {
    ("poin", "persentase"): "percentage_point", ("persentase", "poin"): "percentage_point",
    ("persen", "poin"): "percentage_point",
    ("basis", "poin"): "basis_point", ("basis", "point"): "basis_point", ("bps",): "basis_point",
    ("poin",): "point",
}

MEASURES: dict[Phrase, str] = {
    ("ton",): "ton", ("kg",): "kg", ("kilogram",): "kg", ("gram",): "g", ("kuintal",): "quintal",
    ("km",): "km", ("kilometer",): "km", ("meter",): "m", ("m",): "m", ("cm",): "cm", ("sentimeter",): "cm",
    ("mm",): "mm", ("milimeter",): "mm", ("km2",): "km2", ("km", "persegi"): "km2",
    ("kilometer", "persegi"): "km2", ("meter", "persegi"): "m2", ("m2",): "m2",
    ("meter", "kubik"): "m3", ("m3",): "m3", ("hektare",): "ha", ("hektar",): "ha", ("ha",): "ha",
    ("liter",): "liter", ("ml",): "ml", ("mililiter",): "ml", ("kiloliter",): "kl", ("barel",): "barrel", ("mw",): "MW",
    ("megawatt",): "MW", ("kwh",): "kWh", ("gw",): "GW", ("km", "/", "jam"): "km/h",
    ("kilometer", "per", "jam"): "km/h", ("km", "per", "jam"): "km/h", ("kilometer", "/", "jam"): "km/h",
    ("kpj",): "km/h", ("sr",): "magnitude", ("skala", "richter"): "magnitude", ("derajat", "celsius"): "°C", ("derajat", "celcius"): "°C",
    ("°", "c"): "°C", ("gb",): "GB", ("gigabyte",): "GB", ("mb",): "MB", ("megabyte",): "MB",
    ("tb",): "TB", ("terabyte",): "TB", ("kb",): "KB", ("kilobyte",): "KB",
    ("hz",): "Hz", ("khz",): "kHz", ("mhz",): "MHz", ("ghz",): "GHz", ("megapixel",): "MP",
    ("megapiksel",): "MP", ("mp",): "MP", ("watt",): "W", ("w",): "W", ("kw",): "kW", ("kilowatt",): "kW",
    ("mah",): "mAh", ("inci",): "inch", ("inch",): "inch", ("fps",): "fps", ("kbps",): "kbps", ("mbps",): "Mbps", ("gbps",): "Gbps", ("mmscfd",): "MMSCFD", ("nm",): "Nm",
}

# Units written before the number: "gempa magnitudo 5,6" (= "5,6 SR").
UNITS_BEFORE: dict[str, str] = {"magnitudo": "magnitude", "magnitude": "magnitude"}

DURATIONS: dict[Phrase, str] = {
    ("detik",): "second", ("menit",): "minute", ("jam",): "hour", ("hari",): "day",
    ("pekan",): "week", ("minggu",): "week", ("bulan",): "month", ("tahun",): "year",
    ("malam",): "night",  # "tiga hari dua malam"; "pukul 9 malam" is a clock time (dates.py)
    ("dekade",): "decade", ("dasawarsa",): "decade", ("abad",): "century",
}

UNITS: dict[Phrase, str] = {**_CURRENCY_WORDS, **_PERCENT, **_POINTS, **MEASURES, **DURATIONS}

# Counted nouns: phrase -> the noun to report. Abbreviations map to their long form so "50 KK"
# and "50 kepala keluarga" compare equal. Needed where the general rule (next plausible noun,
# see numbers.py) would miss: acronyms and nouns that look like verbs (menteri, terminal).
COUNT_NOUNS: dict[Phrase, str] = {
    ("kk",): "kepala keluarga", ("kepala", "keluarga"): "kepala keluarga",
    ("rumah", "tangga"): "rumah tangga", ("pelaku", "usaha"): "pelaku usaha",
    ("pelaku", "umkm"): "pelaku umkm", ("tenaga", "kerja"): "tenaga kerja",
    ("sepeda", "motor"): "sepeda motor", ("umkm",): "umkm", ("ukm",): "ukm", ("bumn",): "bumn",
    ("asn",): "asn", ("pns",): "pns", ("tki",): "tki", ("pmi",): "pmi", ("menteri",): "menteri",
    ("terminal",): "terminal", ("penduduk",): "penduduk", ("pengunjung",): "pengunjung",
    ("pedagang",): "pedagang", ("peserta",): "peserta", ("personel",): "personel",
    ("perusahaan",): "perusahaan", ("pekerja",): "pekerja", ("penumpang",): "penumpang",
    ("perempuan",): "perempuan", ("pemudik",): "pemudik", ("penerima",): "penerima",
    ("kali",): "kali", ("unit",): "unit", ("ekor",): "ekor", ("orang",): "orang",
    ("warga",): "warga", ("jiwa",): "jiwa", ("pasien",): "pasien", ("siswa",): "siswa",
    ("korban",): "korban", ("kasus",): "kasus", ("rumah",): "rumah", ("desa",): "desa",
    ("medali",): "medali",
    # legal and security nouns shaped like ter- verbs
    ("tersangka",): "tersangka", ("terduga",): "terduga", ("terdakwa",): "terdakwa",
    ("terpidana",): "terpidana", ("terlapor",): "terlapor", ("tergugat",): "tergugat",
    ("teroris",): "teroris", ("diplomat",): "diplomat", ("direktorat",): "direktorat",
    # counted even after a party or candidate name ("PKS 12 kursi", "Jokowi 53 suara")
    ("kursi",): "kursi", ("suara",): "suara",
}

# Words that are never the counted noun of a bare number (function words, comparatives,
# time words). Anything else that is lowercase, alphabetic, >= 3 letters and does not look
# like a verb (see numbers.py) is taken as the noun.
NOT_NOUNS = frozenset(
    "yang dan atau di ke dari pada untuk dengan ini itu tersebut adalah ialah lalu kemarin lebih "
    "kurang hingga sampai per dalam sudah telah akan juga saja lagi oleh bagi sebagai serta namun "
    "tetapi karena jika maka bahwa sejak selama secara antara sekitar hanya masih belum tidak "
    "bukan sangat cukup para sebanyak sebesar setiap tiap pula pun yaitu yakni seperti bila agar "
    "supaya kepada terhadap tentang atas bawah naik turun tumbuh sementara sedangkan kini saat "
    "ketika setelah sebelum baru lama besar kecil tinggi rendah lain lainnya sendiri tadi nanti "
    "pagi siang sore malam mendatang kemudian pertama terakhir banyak sedikit semua seluruh "
    "sama dulu kembali pun via versi lewat usai jelang bersama tanpa sekaligus menuju kontra versus arah "
    # -kan and -nya words that are not nouns (see VERB_PREFIXED)
    "bahkan seakan kan akhirnya misalnya seharusnya semuanya keduanya diantaranya antaranya "
    "contohnya nampaknya tampaknya rupanya agaknya katanya biasanya sebenarnya sayangnya "
    "untungnya tentunya pastinya kiranya mulai kosong jadi walau walaupun meski meskipun sehingga".split()
)

# Common words that open a sentence before a number ("Total 15 ...", "Jumlah 20 ..."): a
# capitalised opener is not a product or a name.
OPENERS = frozenset("total jumlah ada terdapat tercatat sebanyak sekitar hanya baru sisanya".split())

# Verb-shaped words (me-/di-/ber-/ter- prefixes, -kan/-nya suffixes) do not start names.
VERBISH = re.compile(r"^(?:me|di|ber|ter)\w{4,}$|^\w{3,}(?:kan|nya)$")
# Words after a number are guessed as nouns unless prefixed like verbs: "-kan" also ends nouns
# ("tujuh tembakan", "dua rekan") and "-nya" is read off ("dua anggotanya" = dua anggota).
VERB_PREFIXED = re.compile(r"^(?:me|di|ber|ter)\w{4,}$")

# Connectors of a range "A hingga B" -> the connector reported as the range's approx word.
RANGE_CONNECTORS: dict[Phrase, str] = {
    ("-",): "-", ("–",): "-", ("—",): "-", ("hingga",): "hingga", ("sampai",): "sampai",
    ("sampai", "dengan"): "sampai", ("s", "/", "d"): "sampai", ("s", ".", "d"): "sampai",
}

# Approximation words before a number -> the kind of interval they assert.
APPROX_BEFORE: dict[Phrase, str] = {
    ("sekitar",): "about", ("sekira",): "about", ("kurang", "lebih"): "about",
    ("lebih", "kurang"): "about", ("kira-kira",): "about", ("±",): "about", ("+/-",): "about",
    ("lebih", "dari"): "above", ("di", "atas"): "above", ("kurang", "dari"): "below",
    ("di", "bawah"): "below", ("hampir",): "under", ("nyaris",): "under",
    ("setidaknya",): "at_least", ("minimal",): "at_least", ("sedikitnya",): "at_least",
    ("paling", "sedikit"): "at_least", ("sekurang-kurangnya",): "at_least",
    ("maksimal",): "at_most", ("maksimum",): "at_most", ("paling", "banyak"): "at_most",
    ("sebanyak-banyaknya",): "at_most", ("mencapai",): "equal",
    # Negated comparisons: "tak lebih dari 26" is at most 26, not more than 26.
    ("tak", "lebih", "dari"): "at_most", ("tidak", "lebih", "dari"): "at_most",
    ("tak", "kurang", "dari"): "at_least", ("tidak", "kurang", "dari"): "at_least",
}
# "8.000 lebih", "30 persen lebih": a trailing "lebih" means more than.
APPROX_AFTER_WORDS: dict[str, str] = {"lebih": "above"}

ABOUT_SHARE = Decimal("0.10")
INFINITY = Decimal("Infinity")


def match(table: dict[Phrase, str], words: list[str], i: int) -> tuple[str, int] | None:
    """Longest phrase of ``table`` starting at ``words[i]``: (its value, words used) or None."""
    for n in (3, 2, 1):
        phrase = tuple(words[i:i + n])
        if len(phrase) == n and phrase in table:
            return table[phrase], n
    return None


def match_before(table: dict[Phrase, str], words: list[str], end: int) -> tuple[str, int] | None:
    """Longest phrase of ``table`` ending just before ``words[end]``: (value, words used)."""
    for n in (3, 2, 1):
        if end - n >= 0 and tuple(words[end - n:end]) in table:
            return table[tuple(words[end - n:end])], n
    return None


def widen(value: Decimal, half_ulp: Decimal, kind: str | None) -> tuple[Decimal, Decimal]:
    """The interval a number asserts: its written precision (+/- half a unit of the last digit
    written) widened by its approximation word.

    about (sekitar, kurang lebih, ±, kira-kira): +/- max(10 % of the value, written precision);
    above (lebih dari, di atas, "X lebih"): [value, +inf); below (kurang dari, di bawah):
    [0, value] (or (-inf, value] for a negative value); under (hampir, nyaris): [90 % of value,
    value]; at_least (setidaknya, minimal, sedikitnya): [value - precision, +inf); at_most
    (maksimal, paling banyak): [0, value + precision]; equal (mencapai) and None: the written
    precision. +/-inf are Decimal('Infinity') values so comparisons still work.
    """
    low, high = value - half_ulp, value + half_ulp
    floor = Decimal(0) if value >= 0 else -INFINITY
    if kind == "about":
        spread = max(abs(value) * ABOUT_SHARE, half_ulp)
        return value - spread, value + spread
    if kind == "above":
        return value, INFINITY
    if kind == "at_least":
        return low, INFINITY
    if kind == "below":
        return floor, value
    if kind == "at_most":
        return floor, high
    if kind == "under":
        return value - abs(value) * ABOUT_SHARE, value
    return low, high
