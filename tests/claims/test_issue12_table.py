"""The nine rows of issue 12's table as regression cases: real parser, frames, the bundled
encoder, one source document each. Each row also checks the reason the checker gives."""
from __future__ import annotations

import pytest

from summarize.claims import ClaimChecker
from summarize.encoders.base import SIMILARITY_ENCODER, Encoder, get_encoder

ROWS = [  # (article, corpus document, {claim surface fragment: verdict}, expected reason fragment)
    ("Survei terbaru menunjukkan tingkat kepuasan publik terhadap kinerja Presiden mencapai 78 persen.",
     "Dinas Kesehatan mencatat cakupan imunisasi campak di provinsi itu mencapai 78 persen tahun ini.",
     {"78 persen": "unverified"}, "different measure"),
    ("Survei terbaru menunjukkan tingkat kepuasan publik terhadap kinerja Presiden mencapai 78 persen.",
     "KPU mencatat tingkat partisipasi pemilih dalam pemilihan tersebut mencapai 78 persen.",
     {"78 persen": "unverified"}, "different measure"),
    ("Sebanyak 150 orang mengikuti lomba maraton yang digelar di Jakarta, Minggu.",
     "Polisi menangkap 150 orang dalam operasi pemberantasan narkoba sepanjang pekan lalu.",
     {"150 orang": "unverified"}, "no statement about this quantity"),
    ("Survei itu mencatat tingkat kepuasan terhadap kinerja Presiden sebesar 78 persen.",
     "Survei itu mencatat tingkat kepuasan terhadap kinerja Wakil Presiden sebesar 65 persen.",
     {"78 persen": "unverified"}, "different entity: Wakil Presiden"),
    ("Tingkat pengangguran terbuka di Jawa Barat sebesar 7,4 persen.",
     "Tingkat pengangguran terbuka di Jawa Tengah sebesar 5,1 persen.",
     {"7,4 persen": "unverified"}, "different place: Jawa Tengah"),
    ("Inflasi pada 2024 sebesar 2,8 persen; pada 2023 sebesar 2,61 persen.",
     "Badan Pusat Statistik mencatat inflasi tahunan pada 2023 sebesar 2,61 persen.",
     {"2,8 persen": "unverified", "2,61 persen": "consistent"}, "different time: 2023"),
    ("Adapun jumlah pelaku UMKM peserta Jakarta Entrepreneur (Jakpreneur) per 1 Mei 2024, yaitu sebanyak "
     "377.625 peserta.",
     "Hingga 1 Mei 2024, sebanyak 377.625 orang tercatat ikut program Jakarta Entrepreneur (Jakpreneur) yang "
     "dibina Pemprov DKI Jakarta.",
     {"377.625 peserta": "consistent"}, "agrees with"),
    ("Sepanjang 2023, KRL Commuter Line melayani 290,9 juta orang.",
     "PT KAI Commuter mencatat 290.900.000 penumpang KRL sepanjang 2023.",
     {"290,9 juta orang": "consistent"}, "agrees with"),
    ("Sebanyak tiga UMKM binaan Jakpreneur lolos kurasi untuk tampil di Paris Fashion Week.",
     "Tiga pelaku UMKM binaan Jakarta Entrepreneur berangkat ke Paris Fashion Week setelah lolos kurasi.",
     {"tiga UMKM": "consistent"}, "agrees with"),
]


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return get_encoder(SIMILARITY_ENCODER)  # what the checker uses whatever encoder summarizes


@pytest.mark.parametrize("article, source, expected, reason", ROWS, ids=[f"row{i}" for i in range(1, 10)])
def test_issue_table_row(encoder: Encoder, article: str, source: str, expected: dict[str, str], reason: str) -> None:
    results = ClaimChecker([{"id": "source", "text": source}], encoder=encoder).check(article)
    got = {fragment: next(r.verdict for r in results if fragment in r.claim.surface) for fragment in expected}
    assert got == expected
    assert any(reason in r.reason for r in results), [r.reason for r in results]
    for r in results:
        d = r.to_dict()
        assert d["reason"] == r.reason and {"measure", "places", "kind"} <= set(d["claim"]["frame"])
        assert all({"source", "sentence", "surface", "value", "slot", "reason"} == set(x) for x in d["ruled_out"])
