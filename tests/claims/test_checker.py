"""ClaimChecker wiring with the fake parser and encoder: verdicts, evidence, save/load."""
from __future__ import annotations

from pathlib import Path

import pytest

from summarize.claims.checker import ClaimChecker
from summarize.claims.match import HybridMatcher
from tests.claims.checker_fakes import BagOfWordsEncoder, fake_extract

CORPUS = [
    {"id": "antara", "text": "Realisasi komitmen P3DN di Pemprov DKI Jakarta mencapai 91,82 persen."},
    {"id": "detik", "text": "Jumlah pelaku UMKM peserta Jakpreneur sebanyak 377 peserta."},
    {"id": "other", "text": "Harga cabai rawit di pasar induk naik 78 persen."},
    {"id": "empty", "text": ""},
]
ARTICLE = (
    "Realisasi komitmen P3DN di Pemprov DKI Jakarta mencapai 91,8 persen. "
    "Jumlah pelaku UMKM peserta Jakpreneur sebanyak 400 peserta. "
    "Tingkat hunian hotel di Bali mencapai 60 persen."
)


def make(**kw) -> ClaimChecker:
    kw.setdefault("matcher", HybridMatcher(min_similarity=0.5))
    return ClaimChecker(CORPUS, encoder=BagOfWordsEncoder(), extractor=fake_extract, conflict_similarity=0.6, **kw)


def test_verdicts_and_evidence() -> None:
    results = make().check(ARTICLE)
    assert [(r.claim.surface, r.verdict) for r in results] == [
        ("91,8 persen", "consistent"),
        ("400 peserta", "conflict"),
        ("60 persen", "unverified"),
    ]
    consistent, conflict, unverified = results
    assert consistent.deciding is not None and consistent.deciding.source == "antara"
    assert consistent.deciding.agrees and str(consistent.deciding.value) == "91.82"
    assert conflict.deciding is not None and not conflict.deciding.agrees
    assert all(e.source != "other" for r in results for e in r.evidence)  # unrelated 78 persen
    assert unverified.evidence == [] and unverified.deciding is None


def test_skipped_documents_are_reported() -> None:
    assert make().skipped == [("3", "empty text")]


def test_save_and_load_give_the_same_results(tmp_path: Path) -> None:
    checker = make()
    checker.save(tmp_path / "index")
    again = ClaimChecker.load(
        tmp_path / "index", encoder=BagOfWordsEncoder(), extractor=fake_extract,
        matcher=HybridMatcher(min_similarity=0.5), conflict_similarity=0.6,
    )
    assert [r.to_dict() for r in again.check(ARTICLE)] == [r.to_dict() for r in checker.check(ARTICLE)]


def test_loading_with_another_encoder_is_refused(tmp_path: Path) -> None:
    make().save(tmp_path / "index")

    class Other(BagOfWordsEncoder):
        name = "other-encoder"

    with pytest.raises(ValueError, match="same encoder"):
        ClaimChecker.load(tmp_path / "index", encoder=Other(), extractor=fake_extract)


def test_needs_exactly_one_of_corpus_archive_and_store() -> None:
    with pytest.raises(ValueError):
        ClaimChecker(encoder=BagOfWordsEncoder(), extractor=fake_extract)


def test_a_shared_precise_number_anchors_a_conflict() -> None:
    def verdicts(article: str, corpus_text: str) -> list[str]:
        # conflict_similarity above 1 turns the similarity rule off: only anchoring can conflict
        checker = ClaimChecker([{"id": "a", "text": corpus_text}], encoder=BagOfWordsEncoder(), extractor=fake_extract,
                               matcher=HybridMatcher(min_similarity=0.3), conflict_similarity=1.01)
        return [r.verdict for r in checker.check(article)]

    article = "Jakpreneur diikuti 377 peserta dan 25 orang panitia."
    # both sentences report 377 peserta: the one other count of orang in it contradicts 25 orang
    assert verdicts(article, "Jakpreneur diikuti 377 peserta dan 30 orang panitia.") == ["consistent", "conflict"]
    # without a shared number there is no anchor
    assert verdicts(article, "Jakpreneur diikuti 400 peserta dan 30 orang panitia.") == ["unverified", "unverified"]
    # a shared round number ("5 peserta") is no anchor either: it may be chance
    assert verdicts("Ada 5 peserta dan 25 orang panitia.", "Ada 5 peserta dan 30 orang panitia.") == ["consistent", "unverified"]
