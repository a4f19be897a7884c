"""The archive in one SQLite file (standard library ``sqlite3``, WAL mode, FTS5 for BM25).

WAL with ``synchronous=NORMAL``: a killed process (``kill -9``) loses nothing that was
committed and leaves a valid file; a power cut may lose the last commits, never the file.
Both full-text tables are external-content FTS5 tables over the rows they index, so the text
is stored once.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from summarize.archive.prepared import PreparedArticle
from summarize.archive.storage import Removed, SentenceRow, Storage, WordCounts

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, source TEXT, date TEXT, digest TEXT NOT NULL,
    text TEXT NOT NULL, words BLOB NOT NULL, added TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sentences(
    id INTEGER PRIMARY KEY AUTOINCREMENT, article INTEGER NOT NULL REFERENCES articles(id),
    text TEXT NOT NULL, masked TEXT NOT NULL, claims TEXT NOT NULL, words BLOB NOT NULL, vector BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS sentences_article ON sentences(article);
CREATE TABLE IF NOT EXISTS claims(
    id INTEGER PRIMARY KEY, sentence INTEGER NOT NULL REFERENCES sentences(id), unit TEXT NOT NULL,
    value TEXT NOT NULL, noun TEXT, time TEXT, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS claims_sentence ON claims(sentence);
CREATE INDEX IF NOT EXISTS claims_unit ON claims(unit);
CREATE TABLE IF NOT EXISTS terms(
    id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE, sdf INTEGER NOT NULL DEFAULT 0, ddf INTEGER NOT NULL DEFAULT 0);
CREATE VIRTUAL TABLE IF NOT EXISTS sentence_fts USING fts5(masked, content='sentences', content_rowid='id');
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(text, content='articles', content_rowid='id');
"""


def _fts_query(words: Sequence[str]) -> str:
    # Words are letters only (the scoring tokenizer's), so quoting is all the escaping needed.
    return " OR ".join(f'"{w}"' for w in words)


class SQLiteStorage(Storage):
    """One connection, shared by the threads of a process behind a lock (SQLite serialises
    writers anyway); other processes may read and write the same file at the same time."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=60)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript("BEGIN IMMEDIATE;" + SCHEMA + "COMMIT;")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            if self._db.in_transaction:  # nested: the outer transaction commits
                yield
                return
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _insert(self, sql: str, args: Sequence) -> int:
        rowid = self._db.execute(sql, args).lastrowid
        assert rowid is not None  # an INSERT into a rowid table always sets it
        return rowid

    def _all(self, sql: str, args: Sequence = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def meta(self) -> dict[str, str]:
        return dict(self._all("SELECT key, value FROM meta"))

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def digest(self, key: str) -> str | None:
        row = self._all("SELECT digest FROM articles WHERE key = ?", (key,))
        return row[0][0] if row else None

    def delete_article(self, key: str) -> Removed | None:
        with self.transaction():
            row = self._db.execute("SELECT id, text, words FROM articles WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            aid, text, words = row
            sents = self._db.execute("SELECT id, masked, words FROM sentences WHERE article = ?", (aid,)).fetchall()
            claims = 0
            for sid, masked, _ in sents:
                self._db.execute("INSERT INTO sentence_fts(sentence_fts, rowid, masked) VALUES ('delete', ?, ?)", (sid, masked))
                claims += self._db.execute("DELETE FROM claims WHERE sentence = ?", (sid,)).rowcount
            self._db.execute("DELETE FROM sentences WHERE article = ?", (aid,))
            self._db.execute("INSERT INTO article_fts(article_fts, rowid, text) VALUES ('delete', ?, ?)", (aid, text))
            self._db.execute("DELETE FROM articles WHERE id = ?", (aid,))
            return Removed([s[0] for s in sents], [WordCounts.from_bytes(s[2]) for s in sents], WordCounts.from_bytes(words), claims)

    def new_terms(self, words: Sequence[str]) -> dict[str, int]:
        with self.transaction():
            out = {}
            for w in words:
                out[w] = self._insert("INSERT INTO terms(word) VALUES (?)", (w,))
            return out

    def add_term_counts(self, sentence_df: dict[int, int], document_df: dict[int, int]) -> None:
        with self.transaction():
            self._db.executemany("UPDATE terms SET sdf = sdf + ? WHERE id = ?", [(n, t) for t, n in sentence_df.items()])
            self._db.executemany("UPDATE terms SET ddf = ddf + ? WHERE id = ?", [(n, t) for t, n in document_df.items()])

    def insert_article(self, article: PreparedArticle, words: WordCounts, sentence_words: Sequence[WordCounts]) -> list[int]:
        added = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.transaction():
            aid = self._insert(
                "INSERT INTO articles(key, source, date, digest, text, words, added) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (article.id, article.source, article.date, article.digest, article.text, words.to_bytes(), added),
            )
            self._db.execute("INSERT INTO article_fts(rowid, text) VALUES (?, ?)", (aid, article.text))
            ids = []
            for s, sw, vector in zip(article.sentences, sentence_words, article.vectors):
                records = [json.dumps(c, ensure_ascii=False) for c in s.claims]
                sid = self._insert(
                    "INSERT INTO sentences(article, text, masked, claims, words, vector) VALUES (?, ?, ?, ?, ?, ?)",
                    (aid, s.text, s.masked, "[" + ",".join(records) + "]", sw.to_bytes(),
                     np.asarray(vector, dtype=np.float32).tobytes()),
                )
                self._db.execute("INSERT INTO sentence_fts(rowid, masked) VALUES (?, ?)", (sid, s.masked))
                self._db.executemany(
                    "INSERT INTO claims(sentence, unit, value, noun, time, record) VALUES (?, ?, ?, ?, ?, ?)",
                    [(sid, c["unit"], c["value"], c.get("noun"), c.get("time"), r) for c, r in zip(s.claims, records)],
                )
                ids.append(sid)
            return ids

    def terms(self) -> list[tuple[int, str, int, int]]:
        return self._all("SELECT id, word, sdf, ddf FROM terms ORDER BY id")

    def counts(self) -> tuple[int, int, int]:
        return self._all(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences), (SELECT count(*) FROM claims)"
        )[0]

    def newest_sentence(self) -> int:
        row = self._all("SELECT seq FROM sqlite_sequence WHERE name = 'sentences'")
        return int(row[0][0]) if row else 0

    def sentences(self, ids: Sequence[int]) -> list[SentenceRow]:
        rows = []
        for i in range(0, len(ids), 500):  # SQLite's bound-variable limit
            part = list(map(int, ids[i : i + 500]))
            rows += self._all(
                "SELECT s.id, s.article, a.key, a.date, s.text, s.words, s.vector, s.claims "
                f"FROM sentences s JOIN articles a ON a.id = s.article WHERE s.id IN ({','.join('?' * len(part))})",
                part,
            )
        return [
            SentenceRow(r[0], r[1], r[2], r[3], r[4], r[7], WordCounts.from_bytes(r[5]), np.frombuffer(r[6], dtype=np.float32))
            for r in rows
        ]

    def vectors_after(self, sid: int, batch: int = 4096) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        while True:
            rows = self._all("SELECT id, vector FROM sentences WHERE id > ? ORDER BY id LIMIT ?", (sid, batch))
            if not rows:
                return
            yield np.array([r[0] for r in rows], dtype=np.uint64), np.stack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
            sid = rows[-1][0]

    def match_sentences(self, words: Sequence[str], limit: int) -> list[int]:
        if not words:
            return []
        sql = "SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ? ORDER BY rank LIMIT ?"
        return [r[0] for r in self._all(sql, (_fts_query(words), limit))]

    def match_articles(self, words: Sequence[str], limit: int) -> list[int]:
        if not words:
            return []
        sql = "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT ?"
        return [r[0] for r in self._all(sql, (_fts_query(words), limit))]

    def article_sentences(self, articles: Sequence[int]) -> list[int]:
        marks = ",".join("?" * len(articles))
        return [r[0] for r in self._all(f"SELECT id FROM sentences WHERE article IN ({marks}) ORDER BY id", list(articles))]

    def article_words(self, articles: Sequence[int]) -> dict[int, WordCounts]:
        marks = ",".join("?" * len(articles))
        rows = self._all(f"SELECT id, words FROM articles WHERE id IN ({marks})", list(articles))
        return {r[0]: WordCounts.from_bytes(r[1]) for r in rows}

    def article_keys(self) -> list[str]:
        return [k for (k,) in self._all("SELECT key FROM articles ORDER BY id")]

    def article(self, key: str) -> dict | None:
        row = self._all("SELECT id, key, source, date, text, added FROM articles WHERE key = ?", (key,))
        if not row:
            return None
        aid, key, source, date, text, added = row[0]
        claims = self._all(
            "SELECT c.record FROM claims c JOIN sentences s ON s.id = c.sentence WHERE s.article = ? ORDER BY c.id", (aid,)
        )
        return {"id": key, "source": source, "date": date, "text": text, "added": added,
                "claims": [json.loads(c[0]) for c in claims]}

    def change_token(self) -> int:
        return self._all("PRAGMA data_version")[0][0]

    def close(self) -> None:
        with self._lock:
            self._db.close()
