"""After an upgrade that reads claims differently, an archive says so and re-reads its articles."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from summarize.archive import Archive
from summarize.archive.reading import READING_KEY
from summarize.archive.refresh import refresh
from summarize.claims.extract import READING_VERSION
from tests.claims.checker_fakes import BagOfWordsEncoder, fake_extract

P3DN = "Realisasi komitmen P3DN di Pemprov DKI Jakarta mencapai 91,82 persen."
PESERTA = "Jumlah pelaku UMKM peserta Jakpreneur sebanyak 377 peserta."


def no_claims(text: str, date: str | None = None):  # what an older reading found
    return []


def test_a_new_archive_is_read_with_this_version(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "a.db", encoder=BagOfWordsEncoder(), extractor=fake_extract)
    assert not archive.stale and archive.storage.meta()[READING_KEY] == str(READING_VERSION)


def test_an_older_reading_is_reported_and_refreshed_from_the_stored_text(tmp_path: Path, caplog) -> None:
    db = tmp_path / "a.db"
    old = Archive(db, encoder=BagOfWordsEncoder(), extractor=no_claims)
    assert [old.add("a", P3DN, date="2023-09-10"), old.add("b", PESERTA)] == ["added", "added"]
    assert old.stats()["claims"] == 0
    old.storage.set_meta(READING_KEY, "1")
    old.close()

    with caplog.at_level(logging.WARNING, logger="summarize.archive.reading"):
        archive = Archive(db, encoder=BagOfWordsEncoder(), extractor=fake_extract)
    assert archive.stale and "summarize archive refresh" in caplog.text
    assert refresh(archive, chunk=1, progress=False) == {"replaced": 2}
    assert not archive.stale and archive.stats()["claims"] == 2
    assert archive.get("a")["date"] == "2023-09-10" and archive.get("a")["text"] == P3DN
    archive.close()
    assert not Archive(db, encoder=BagOfWordsEncoder(), extractor=fake_extract).stale


def test_refresh_refuses_an_empty_chunk(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="chunk=0"):
        refresh(Archive(":memory:", encoder=BagOfWordsEncoder(), extractor=fake_extract), chunk=0)


def test_an_interrupted_refresh_keeps_every_article_and_the_archive_stays_stale(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    old = Archive(db, encoder=BagOfWordsEncoder(), extractor=no_claims)
    for key, text in (("a", P3DN), ("b", PESERTA), ("c", P3DN.replace("91,82", "80"))):
        old.add(key, text)
    old.storage.set_meta(READING_KEY, "1")
    old.close()

    calls = []

    def interrupted(text: str, date: str | None = None):  # Ctrl-C while reading the second chunk
        calls.append(text)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return fake_extract(text, date)

    archive = Archive(db, encoder=BagOfWordsEncoder(), extractor=interrupted)
    with pytest.raises(KeyboardInterrupt):
        refresh(archive, chunk=1, progress=False)
    assert archive.stale and len(archive) == 3  # the first chunk was committed, nothing was lost
    archive.close()
    again = Archive(db, encoder=BagOfWordsEncoder(), extractor=fake_extract)
    assert again.stale and refresh(again, progress=False) == {"replaced": 3}
    assert not again.stale and [again.get(k)["text"] for k in "abc"][:2] == [P3DN, PESERTA]
