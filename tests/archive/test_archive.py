"""Archive with the fake parser and encoder: idempotent adds, replace, remove, reopen, search."""
from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from summarize.archive import Archive
from summarize.claims.checker import ClaimChecker
from summarize.claims.match import HybridMatcher
from tests.claims.checker_fakes import BagOfWordsEncoder, fake_extract

P3DN = "Realisasi komitmen P3DN di Pemprov DKI Jakarta mencapai 91,82 persen."
PESERTA = "Jumlah pelaku UMKM peserta Jakpreneur sebanyak 377 peserta."
ARTICLE = "Realisasi komitmen P3DN di Pemprov DKI Jakarta mencapai 91,8 persen. Jumlah pelaku UMKM peserta Jakpreneur sebanyak 400 peserta."


def open_archive(path: str | Path = ":memory:") -> Archive:
    return Archive(path, encoder=BagOfWordsEncoder(), extractor=fake_extract)


def checker(archive: Archive) -> ClaimChecker:
    return ClaimChecker(store=archive, encoder=BagOfWordsEncoder(), extractor=fake_extract,
                        matcher=HybridMatcher(min_similarity=0.5), conflict_similarity=0.6)


def test_adding_is_idempotent_and_replaces_new_text() -> None:
    archive = open_archive()
    assert archive.add("antara", P3DN, date="2023-09-10") == "added"
    assert archive.add("antara", P3DN, date="2023-09-10") == "unchanged"
    assert archive.stats()["sentences"] == 1
    assert archive.add("antara", P3DN.replace("91,82", "90"), date="2023-09-10") == "replaced"
    assert archive.add("antara", P3DN.replace("91,82", "90"), date="2023-09-11") == "replaced"  # a corrected date
    stats = archive.stats()
    assert (len(archive), stats["articles"], stats["sentences"], stats["claims"]) == (1, 1, 1, 1)
    stored = archive.get("antara")
    assert stored["date"] == "2023-09-11" and [c["value"] for c in stored["claims"]] == ["90"]


def test_replaced_article_is_found_with_its_new_numbers_only() -> None:
    archive = open_archive()
    archive.add("antara", P3DN)
    archive.add("antara", P3DN.replace("91,82", "50"))
    [result] = checker(archive).check("Realisasi komitmen P3DN di Pemprov DKI Jakarta mencapai 91,8 persen.")
    assert result.verdict == "conflict" and [str(e.value) for e in result.evidence] == ["50"]


def test_empty_article_is_skipped_with_a_reason() -> None:
    archive = open_archive()
    assert archive.add("kosong", "  ") == "skipped"
    assert archive.skipped == [("kosong", "empty text")] and len(archive) == 0


def test_remove_takes_the_article_out_of_search_and_word_statistics() -> None:
    archive = open_archive()
    archive.add("antara", P3DN)
    archive.add("detik", PESERTA)
    terms_before = archive.stats()["terms"]
    assert archive.remove("antara") is True
    assert archive.remove("antara") is False
    assert len(archive) == 1 and archive.get("antara") is None
    assert archive.stats()["terms"] < terms_before
    results = checker(archive).check(ARTICLE)
    assert [r.verdict for r in results] == ["unverified", "conflict"]
    assert all(e.source == "detik" for r in results for e in r.evidence)


def test_persists_across_reopen_with_the_same_results(tmp_path: Path) -> None:
    db = tmp_path / "newsroom.db"
    archive = open_archive(db)
    archive.add("antara", P3DN, source="antara")
    archive.add("detik", PESERTA)
    first = [r.to_dict() for r in checker(archive).check(ARTICLE)]
    archive.close()
    again = open_archive(db)
    assert len(again) == 2 and again.get("antara")["source"] == "antara"
    assert [r.to_dict() for r in checker(again).check(ARTICLE)] == first
    assert [r.verdict for r in checker(again).check(ARTICLE)] == ["consistent", "conflict"]


def test_checker_opens_an_archive_by_path(tmp_path: Path) -> None:
    db = tmp_path / "newsroom.db"
    with open_archive(db) as archive:
        archive.add("antara", P3DN)
    checker = ClaimChecker(archive=db, encoder=BagOfWordsEncoder(), extractor=fake_extract,
                           matcher=HybridMatcher(min_similarity=0.5))
    assert checker.add("detik", PESERTA) == "added" and len(checker.store) == 2
    assert [r.verdict for r in checker.check(ARTICLE)] == ["consistent", "conflict"]


def test_another_encoder_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "newsroom.db"
    open_archive(db).close()
    with pytest.raises(ValueError, match="bow-test"):
        Archive(db, encoder="e5-small")
    assert Archive(db).encoder == "bow-test"  # opened without naming one: its own


def test_prepared_articles_pickle_and_write_as_one_batch() -> None:
    archive = open_archive()
    prepared = [archive.prepare("antara", P3DN), archive.prepare("detik", PESERTA), archive.prepare("x", "")]
    prepared = pickle.loads(pickle.dumps(prepared))  # what a Ray worker sends back
    assert prepared[0].vectors.shape == (1, 64) and prepared[2].error == "empty text"
    assert archive.write(prepared) == ["added", "added", "skipped"]
    assert archive.write(prepared[:1]) == ["unchanged"]


def test_a_failing_batch_stores_nothing() -> None:
    archive = open_archive()
    good = archive.prepare("antara", P3DN)
    wrong = archive.prepare("detik", PESERTA)
    wrong = type(wrong)(**{**wrong.__dict__, "vectors": np.zeros((1, 8), dtype=np.float32)})  # other dimension
    with pytest.raises(ValueError, match="dimension"):
        archive.write([good, wrong])
    assert len(archive) == 0 and archive.stats()["terms"] == 0
    assert archive.write([good]) == ["added"]


def test_search_scores_candidates_not_the_whole_archive() -> None:
    archive = open_archive()
    fillers = [f"Harga cabai rawit di pasar {w} naik {i} persen." for i, w in enumerate(["induk", "minggu", "senen"] * 40)]
    archive.write([archive.prepare(f"f{i}", t) for i, t in enumerate(fillers)] + [archive.prepare("antara", P3DN)])
    seen: list[int] = []
    fetch = archive.storage.sentences
    archive.storage.sentences = lambda ids: seen.extend(ids) or fetch(ids)  # type: ignore[method-assign]
    masked = ["Realisasi komitmen P#DN di Pemprov DKI Jakarta mencapai # persen."]
    [hits] = archive.search(BagOfWordsEncoder().encode(masked), masked, None, k=5)
    assert archive.sentence(hits[0].sentence).source == "antara"
    assert 0 < len(seen) < archive.stats()["sentences"]


def test_sentences_added_by_another_process_are_found(tmp_path: Path) -> None:
    db = tmp_path / "newsroom.db"
    reader = open_archive(db)
    reader.add("detik", PESERTA)
    writer = open_archive(db)
    writer.add("antara", P3DN)
    writer.close()
    assert len(reader) == 1  # counts are refreshed on use, not by magic
    assert [r.verdict for r in checker(reader).check(ARTICLE)] == ["consistent", "conflict"]
    assert len(reader) == 2
