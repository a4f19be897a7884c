"""Words that split one measure into quantities that are never each other's value.

"Penduduk miskin perkotaan" and "penduduk miskin perdesaan", "ekspor migas" and "ekspor
nonmigas", "korban meninggal" and "korban luka", "inflasi inti" and "inflasi umum": the two
measures share their head, and the sentences around them are worded alike, so neither a shared
word root nor the sentence encoder can tell them apart. Each class below lists alternatives
that exclude one another; two measures that each name an alternative of one class, and no
alternative in common, are two quantities. Where the alternatives split a total into parts
(``BREAKDOWNS``: urban and rural, men and women, oil-and-gas and the rest, ...), a measure naming
no part is the total and so another quantity than any part; in the other classes a measure
naming none stays compatible ("korban" may be the dead or the injured), as a slot stated on one
side only is no contradiction.

Written by hand: WordNet Bahasa and the Indonesian word lists on PyPI give synonyms, not the
mutually exclusive breakdowns statistics releases use. Alternatives are matched as whole words in
the frame's measure (lower-cased content words; function words such as "dalam" are already gone,
which is why "dalam negeri" is no alternative here). ``frames`` keeps every alternative in the
measure, also words it otherwise drops ("pagi", "sore").
"""
from __future__ import annotations

import re
from functools import lru_cache

_CLASSES: dict[str, dict[str, str]] = {
    "area": {"perkotaan": r"perkotaan", "perdesaan": r"perdesaan|pedesaan"},
    "sex": {"laki-laki": r"laki-laki|lelaki|pria", "perempuan": r"perempuan|wanita"},
    "oil and gas": {"migas": r"migas", "nonmigas": r"non-?migas"},
    "ownership": {"negeri": r"negeri", "swasta": r"swasta"},
    "origin": {"domestik": r"domestik|nusantara|wisnus", "asing": r"mancanegara|asing|wisman|luar negeri"},
    "inflation component": {"inti": r"inti", "umum": r"umum|headline",
                            "bergejolak": r"bergejolak|volatile", "diatur": r"diatur|administered"},
    "grade": {"medium": r"medium", "premium": r"premium"},
    "fuel": {"pertalite": r"pertalite", "pertamax": r"pertamax", "solar": r"solar|biosolar",
             "dexlite": r"dexlite", "lpg": r"lpg|elpiji"},
    "outcome": {"meninggal": r"meninggal|tewas|wafat|korban jiwa|kematian",
                "luka": r"luka|luka-luka|terluka|cedera", "hilang": r"hilang",
                "mengungsi": r"mengungsi|pengungsi", "sembuh": r"sembuh|pulih",
                "positif": r"positif|terkonfirmasi|terinfeksi"},
    "day": {d: d if d != "jumat" else r"jumat|jum'at" for d in ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu")},
    "chili": {"rawit": r"rawit", "keriting": r"keriting", "besar": r"(?<=merah )besar"},
    "onion": {"merah": r"(?<=bawang )merah", "putih": r"(?<=bawang )putih", "bombai": r"bombai|bombay"},
    "part of day": {"pagi": r"pagi", "siang": r"siang", "sore": r"sore", "malam": r"malam"},
    "side of a trade": {"beli": r"beli", "jual": r"jual"},
    "crude benchmark": {"brent": r"brent", "wti": r"wti|west texas", "icp": r"icp"},
    "power plant": {p: p for p in ("plts", "pltu", "plta", "pltb", "pltp", "pltg", "pltgu", "pltd", "pltn", "pltm")},
    "mode of transport": {"kereta": r"kereta|krl|mrt|lrt", "pesawat": r"pesawat|penerbangan|udara",
                          "kapal": r"kapal|penyeberangan|laut", "bus": r"bus|bis",
                          "truk": r"truk|truck", "mobil": r"mobil", "motor": r"sepeda motor|motor"},
    "policy rate": {"acuan": r"acuan|bi-?rate|bi7drr|reverse repo", "deposit": r"deposit facility",
                    "lending": r"lending facility"},
    "budget line": {"pendapatan": r"pendapatan negara|penerimaan negara|penerimaan pajak",
                    "belanja": r"belanja|pengeluaran", "defisit": r"defisit", "pembiayaan": r"pembiayaan"},
    "company account": {"laba": r"laba|keuntungan", "rugi": r"rugi|kerugian",
                        "pendapatan": r"pendapatan|penjualan|omzet", "aset": r"aset", "utang": r"utang|liabilitas"},
    "net or gross": {"bersih": r"bersih|neto|netto", "kotor": r"kotor|bruto"},
    "damage": {"berat": r"(?<=rusak )berat", "sedang": r"(?<=rusak )sedang", "ringan": r"(?<=rusak )ringan"},
    "building": {"rumah": r"rumah(?! sakit| ibadah)", "sekolah": r"sekolah", "jembatan": r"jembatan",
                 "ibadah": r"masjid|musala|gereja|pura|vihara|rumah ibadah|tempat ibadah",
                 "kesehatan": r"puskesmas|rumah sakit"},
    "budget sector": {"pendidikan": r"pendidikan", "kesehatan": r"kesehatan", "infrastruktur": r"infrastruktur",
                      "pertahanan": r"pertahanan", "sosial": r"perlindungan sosial|bansos"},
    "legal stage": {"tuntutan": r"dituntut|tuntutan|menuntut", "vonis": r"divonis|vonis|memvonis|dijatuhi|menjatuhkan"},
    "medal": {"emas": r"emas", "perak": r"perak", "perunggu": r"perunggu"},
    "days to a holiday": {f"h{sign}{n}": rf"h\{sign}{n}" for sign in "-+" for n in range(1, 15)},
    "extreme": {"tertinggi": r"tertinggi|maksimum|maksimal", "terendah": r"terendah|minimum|minimal",
                "rata-rata": r"rata-rata|rerata"},
    "direction": {"datang": r"kedatangan|datang|tiba|masuk", "berangkat": r"keberangkatan|berangkat|keluar"},
    "commodity": {"batu bara": r"batu ?bara", "sawit": r"sawit|cpo", "nikel": r"nikel|feronikel", "karet": r"karet",
                  "kopi": r"kopi", "kakao": r"kakao", "timah": r"timah", "tembaga": r"tembaga", "bauksit": r"bauksit",
                  "baja": r"besi|baja", "minyak mentah": r"minyak mentah", "lng": r"lng|gas alam",
                  "tekstil": r"tekstil|garmen|pakaian", "alas kaki": r"alas kaki", "perikanan": r"perikanan|ikan|udang"},
    "ordinal": {str(n): rf"{word}|ke-{n}" for n, word in enumerate(
        "pertama kedua ketiga keempat kelima keenam ketujuh kedelapan kesembilan kesepuluh".split(), start=1)},
    "capacity": {"kapasitas": r"kapasitas|berkapasitas|daya tampung|menampung"},
    "per capita": {"per kapita": r"kapita|perkapita"},
    "election": {"pilkada": r"pilkada|pilgub|pilbup|pilwalkot|kepala daerah",
                 "pemilu": r"pemilu|pileg|pilpres|pemilihan umum|pemilihan presiden|pemilihan legislatif"},
    "age group": {"anak": r"anak|anak-anak|balita|bayi", "remaja": r"remaja", "dewasa": r"dewasa",
                  "lansia": r"lansia|lanjut usia"},
}
#: Classes that split a total into parts: a measure naming no part of one of these is the total,
#: another quantity than any part ("ekspor" against "ekspor nonmigas", "penduduk miskin"
#: against "penduduk miskin perkotaan", "ekspor" against "ekspor batu bara"). A capacity is never
#: the count that fills it ("berkapasitas 82.000 penonton" against "disaksikan 65.000 penonton"),
#: nor a per-capita figure the total ("konsumsi beras per kapita"). In the other classes a measure
#: naming none may be either ("tertinggi", "rata-rata": a headline often drops "rata-rata").
BREAKDOWNS = ("area", "sex", "oil and gas", "commodity", "capacity", "per capita")
#: class -> (anchor word, the alternative a measure with the anchor and no alternative means).
DEFAULTS = {"inflation component": ("inflasi", "umum")}
_RX = {cls: {alt: re.compile(rf"(?<![\w-])(?:{forms})(?![\w-])") for alt, forms in alts.items()}
       for cls, alts in _CLASSES.items()}


@lru_cache(maxsize=1 << 14)
def is_alternative(word: str) -> bool:
    """Whether ``word`` alone is an alternative of some class (kept in a frame's measure)."""
    return any(rx.fullmatch(word) for alts in _RX.values() for rx in alts.values())


@lru_cache(maxsize=1 << 14)
def alternatives(measure: str) -> dict[str, frozenset[str]]:
    """For each class the measure names, the alternatives it names; a measure naming none of a
    class with a default, but its anchor word, names the default ("inflasi" is headline inflation).
    Cached: the matcher compares one measure with many candidates' (read-only result)."""
    found = {cls: frozenset(alt for alt, rx in alts.items() if rx.search(measure)) for cls, alts in _RX.items()}
    words = set(measure.split())
    for cls, (anchor, default) in DEFAULTS.items():
        if not found[cls] and anchor in words:
            found[cls] = frozenset({default})
    return {cls: alts for cls, alts in found.items() if alts}


def exclusive(a: str, b: str) -> bool:
    """Whether the two measures name alternatives of one class and none in common, or one names
    a part of a total the other does not ("ekspor nonmigas" is not "ekspor"), or one negates a
    word of the other (``_negated``)."""
    x, y = alternatives(a), alternatives(b)
    return (any(cls in y and not x[cls] & y[cls] for cls in x) or any((c in x) != (c in y) for c in BREAKDOWNS)
            or _negated(a, b) or _negated(b, a))


def _negated(a: str, b: str) -> bool:
    """Whether ``a`` names "nonX" for an X that ``b`` names bare or as "berX", without "nonX"
    itself: "hotel nonbintang" is not "hotel berbintang", "BBM nonsubsidi" not "BBM subsidi"."""
    words_b = _words(b)
    return any(word not in words_b and forms & words_b for word, forms in _negations(a))


@lru_cache(maxsize=1 << 14)
def _words(measure: str) -> frozenset[str]:
    return frozenset(measure.split())


@lru_cache(maxsize=1 << 14)
def _negations(measure: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each "nonX" word of the measure with the forms it negates (X, "berX")."""
    found = ((w, re.fullmatch(r"non-?(\w{3,})", w)) for w in measure.split())
    return tuple((w, frozenset({m.group(1), "ber" + m.group(1)})) for w, m in found if m)
