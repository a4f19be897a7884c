"""End to end with the real parser and the real e5-small encoder on a three-article corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from summarize.claims import ClaimChecker, extract_claims

REPORT = (
    "Jakarta (ANTARA) - Dinas PPKUKM DKI Jakarta menyebut realisasi komitmen Program Peningkatan "
    "Penggunaan Produk Dalam Negeri (P3DN) di Pemprov DKI Jakarta mencapai 91,82 persen. "
    "Adapun jumlah pelaku UMKM peserta Jakarta Entrepreneur (Jakpreneur) sebanyak 377.625 peserta."
)
OTHER_OUTLET = (
    "Kepala Dinas PPKUKM DKI Jakarta Elisabeth Ratu Rante Allo mengatakan realisasi komitmen P3DN "
    "di lingkungan Pemprov DKI Jakarta sudah mencapai 91,8 persen."
)
EDITED = (
    "Pemprov DKI Jakarta mencatat jumlah pelaku UMKM peserta Jakarta Entrepreneur (Jakpreneur) "
    "sebanyak 337.625 peserta."
)
UNRELATED = "Harga cabai rawit di Pasar Induk Kramat Jati naik 78 persen dalam sepekan terakhir."


@pytest.fixture(scope="module")
def checker() -> ClaimChecker:
    corpus = [
        {"id": "outlet", "text": OTHER_OUTLET},
        {"id": "edited", "text": EDITED},
        {"id": "cabai", "text": UNRELATED},
    ]
    return ClaimChecker(corpus)


def test_verdicts_with_evidence(checker: ClaimChecker) -> None:
    results = {r.claim.surface: r for r in checker.check(REPORT)}
    percent = next(r for s, r in results.items() if "91,82" in s)
    count = next(r for s, r in results.items() if "377.625" in s)
    assert percent.verdict == "consistent"  # 91,8 persen (rounded) agrees
    assert percent.deciding is not None and percent.deciding.source == "outlet"
    assert all(e.source != "cabai" for e in percent.evidence)  # an unrelated 78 persen is no evidence
    assert count.verdict == "conflict" and count.deciding is not None
    assert count.deciding.source == "edited" and str(count.deciding.value) == "337625"
    assert REPORT[count.claim.start : count.claim.end] == count.claim.surface


def test_article_without_claims(checker: ClaimChecker) -> None:
    assert checker.check("Rapat digelar di Balai Kota DKI Jakarta, Selasa (23/4).") == []


def test_reloaded_index_gives_the_same_verdicts(checker: ClaimChecker, tmp_path: Path) -> None:
    checker.save(tmp_path / "index")
    again = ClaimChecker.load(tmp_path / "index")
    assert [r.to_dict() for r in again.check(REPORT)] == [r.to_dict() for r in checker.check(REPORT)]


def test_public_extract_claims_is_the_parser() -> None:
    (claim,) = extract_claims("Realisasinya mencapai 91,82 persen.")
    assert claim.unit == "percent" and str(claim.value) == "91.82"


def test_a_common_figure_of_another_story_confirms_nothing() -> None:
    # two trials, one fine: "Rp 500 juta" agrees by chance; the stored sentence names Siti
    # Fadilah, whom the checked article never mentions
    other_trial = ("Dalam kasus ini Siti Fadilah dituntut enam tahun penjara ditambah denda Rp 500 juta "
                   "subsider enam bulan kurungan.")
    article = ("Jaksa menuntut La Nyalla Mattalitti dalam perkara dana hibah Kadin Jawa Timur. "
               "La Nyalla juga dituntut membayar denda Rp 500 juta subsider enam bulan kurungan.")
    results = ClaimChecker([{"id": "siti", "text": other_trial}]).check(article)
    fine = next(r for r in results if "500 juta" in r.claim.surface)
    assert fine.verdict == "unverified"
    assert "another story" in fine.reason


def test_another_basis_or_quarter_of_the_same_release_is_no_conflict() -> None:
    # one BPS release states each rate several ways; only the same basis and period can disagree
    release = ("BPS mencatat inflasi Indonesia pada Juni 2024 sebesar 0,08 persen secara bulanan (mtm). "
               "Ekonomi Indonesia kuartal I-2024 tumbuh 5,11 persen (yoy).")
    article = ("BPS mencatat inflasi Indonesia pada Juni 2024 sebesar 2,51 persen secara tahunan (yoy). "
               "Ekonomi Indonesia kuartal II-2024 tumbuh 5,05 persen (yoy).")
    results = ClaimChecker([{"id": "bps", "text": release}]).check(article)
    assert [(r.claim.surface, r.verdict) for r in results] == [("2,51 persen", "unverified"),
                                                              ("5,05 persen", "unverified")]
    assert "different basis: mtm" in results[0].reason and "different time: 2024-Q1" in results[1].reason
    edited = article.replace("2,51", "3,51")
    assert ClaimChecker([{"id": "a", "text": article}]).check(edited)[0].verdict == "conflict"


def test_an_equal_figure_of_another_measure_cannot_hide_a_disagreement() -> None:
    # the source states the checked figure's value, but for growth; its inflation disagrees
    source = "Inflasi Kota Medan pada Mei 2024 tercatat 2,8 persen, sedangkan pertumbuhan ekonomi Medan 3,2 persen."
    (result,) = ClaimChecker([{"id": "medan", "text": source}]).check("Tingkat inflasi Kota Medan pada Mei 2024 sebesar 3,2 persen.")
    assert result.verdict == "conflict" and "2,8 persen" in result.reason


def test_a_regency_s_figure_is_no_conflict_for_its_namesake_city() -> None:
    source = "Kasus demam berdarah di Kota Bogor sepanjang Januari 2024 mencapai 612 kasus."
    article = "Dinas Kesehatan mencatat kasus demam berdarah di Kabupaten Bogor sepanjang Januari 2024 mencapai 1.245 kasus."
    (result,) = ClaimChecker([{"id": "kota", "text": source}]).check(article)
    assert result.verdict == "unverified" and "different place: Kota Bogor" in result.reason


def test_a_figure_whose_sentence_names_no_place_is_where_its_article_is() -> None:
    article = ("Sebanyak 1.250 personel gabungan dikerahkan untuk mengamankan Natal di Kota Bogor. "
               "Selain itu, 45 pos pengamanan didirikan.")
    regency = "Sebanyak 2.100 personel dikerahkan untuk pengamanan Natal di Kabupaten Bogor, dengan 60 pos pengamanan."
    results = ClaimChecker([{"id": "kab", "text": regency}]).check(article)
    posts = next(r for r in results if "45 pos" in r.claim.surface)
    assert posts.claim.frame.places == () and posts.claim.frame.context_places == ("Kota Bogor",)
    assert posts.verdict == "unverified" and "named outside its clause" in posts.reason
    # the same context on both sides identifies nothing by itself, and rules nothing out
    same = "Pengamanan Natal di Kota Bogor melibatkan banyak personel. Sebanyak 45 pos pengamanan didirikan."
    assert next(r for r in ClaimChecker([same]).check(article) if "45 pos" in r.claim.surface).verdict == "consistent"


def test_a_context_that_holds_or_lies_in_the_claim_s_place_rules_nothing_out() -> None:
    # the KPU article speaks of Jawa Barat first; its national total of regions is still national
    source = ("KPU Jawa Barat menyiapkan anggaran pilkada. "
              "Sementara total daerah penyelenggara Pilkada 2018 adalah 171.")
    (result,) = ClaimChecker([source]).check("Pilkada 2018 akan digelar serentak di 171 daerah di Indonesia.")
    assert result.verdict == "consistent"


def test_a_masing_masing_list_gives_each_place_its_own_figure() -> None:
    source = "Tingkat pengangguran di Jawa Barat dan Jawa Tengah masing-masing sebesar 6,91 persen dan 4,39 persen."
    (central,) = ClaimChecker([source]).check("Tingkat pengangguran di Jawa Tengah sebesar 5,13 persen.")
    assert central.verdict == "conflict" and "4,39 persen" in central.reason
    (west,) = ClaimChecker([source]).check("Tingkat pengangguran di Jawa Barat sebesar 6,91 persen.")
    assert west.verdict == "consistent"
