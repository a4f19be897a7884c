"""The SQLite storage: BM25 word retrieval over sentences and articles, and deletes that leave
no trace in the full-text indexes."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.archive.test_archive import P3DN, PESERTA, open_archive

CABAI = "Harga cabai rawit di pasar induk naik 78 persen."


def test_words_find_sentences_and_articles_best_first() -> None:
    archive = open_archive()
    senen = "Pengunjung pasar Senen mencapai 500 orang."
    for key, text in (("antara", P3DN), ("detik", PESERTA), ("pasar", CABAI), ("senen", senen)):
        archive.add(key, text)
    storage = archive.storage
    [sid] = storage.match_sentences(["jakpreneur"], 10)
    assert archive.sentence(sid).source == "detik"
    ranked = storage.match_sentences(["pasar", "cabai"], 10)
    assert [archive.sentence(s).source for s in ranked] == ["pasar", "senen"]  # both words first
    [article] = storage.match_articles(["komitmen"], 10)
    assert archive.sentence(storage.article_sentences([article])[0]).source == "antara"
    assert storage.match_sentences([], 10) == [] and storage.match_articles(["tidakada"], 10) == []


def test_delete_leaves_nothing_in_the_word_indexes(tmp_path: Path) -> None:
    db = tmp_path / "newsroom.db"
    archive = open_archive(db)
    archive.add("pasar", CABAI)
    archive.add("pasar", CABAI.replace("78", "80"))  # replaced: the old rows are deleted
    assert len(archive.storage.match_sentences(["cabai"], 10)) == 1
    archive.remove("pasar")
    assert archive.storage.match_sentences(["cabai"], 10) == []
    assert archive.storage.match_articles(["cabai"], 10) == []
    archive.close()
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        for table in ("sentence_fts", "article_fts"):  # external-content FTS consistent with its rows
            con.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
        assert con.execute("SELECT count(*) FROM terms WHERE sdf != 0 OR ddf != 0").fetchone()[0] == 0
