"""The vector index beside the database: search, atomic save, load, catch-up and rebuilds."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from summarize.archive.ann import VectorIndex
from summarize.encoders.base import l2_normalize
from tests.archive.test_archive import P3DN, PESERTA, open_archive


def _vectors(n: int, seed: int = 0) -> np.ndarray:
    return l2_normalize(np.random.default_rng(seed).standard_normal((n, 16)).astype(np.float32))


def test_nearest_first_and_removed_keys_gone() -> None:
    index = VectorIndex(16)
    data = _vectors(200)
    index.add(np.arange(1, 201), data)
    [found] = index.search(data[41:42], 5)
    assert found[0] == 42  # key of row 41
    index.remove([42])
    assert 42 not in index.search(data[41:42], 5)[0]


def test_save_load_and_refusals(tmp_path: Path) -> None:
    path = tmp_path / "x.usearch"
    index = VectorIndex(16, path)
    index.add(np.arange(1, 51), _vectors(50))
    index.save()
    assert not path.with_name(path.name + ".tmp").exists()
    again = VectorIndex(16, path)
    assert again.load(newest_stored=50) and len(again) == 50 and again.max_key == 50
    assert not VectorIndex(16, path).load(newest_stored=10)  # ahead of the database
    assert not VectorIndex(8, path).load(newest_stored=50)  # another dimension
    path.write_bytes(b"torn")
    assert not VectorIndex(16, path).load(newest_stored=50)
    assert not VectorIndex(16, tmp_path / "missing.usearch").load(newest_stored=50)


def test_catch_up_adds_only_what_is_newer() -> None:
    index = VectorIndex(16)
    index.add(np.arange(1, 11), _vectors(10))
    added = index.catch_up([(np.arange(11, 16, dtype=np.uint64), _vectors(5, seed=1))])
    assert added == 5 and len(index) == 15 and index.max_key == 15


def _index_file(db: Path) -> Path:
    [found] = db.parent.glob(db.name + ".*.usearch")
    return found


def test_archive_rebuilds_a_missing_or_torn_index_from_the_database(tmp_path: Path) -> None:
    db = tmp_path / "newsroom.db"
    with open_archive(db) as archive:
        archive.add("antara", P3DN)
        archive.add("detik", PESERTA)
    index_file = _index_file(db)
    for damage in (lambda: index_file.unlink(), lambda: index_file.write_bytes(b"torn")):
        damage()
        with open_archive(db) as archive:
            assert archive.stats()["vector_index"]["vectors"] == 2
            masked = ["Jumlah pelaku UMKM peserta Jakpreneur sebanyak # peserta."]
            [hits] = archive.search(archive._encoder().encode(masked), masked, None, k=1)
            assert archive.sentence(hits[0].sentence).source == "detik"
        assert _index_file(db).stat().st_size > 100


def test_an_index_behind_the_database_catches_up(tmp_path: Path) -> None:
    db = tmp_path / "newsroom.db"
    with open_archive(db) as archive:
        archive.add("antara", P3DN)
    stale = _index_file(db).read_bytes()
    with open_archive(db) as archive:
        archive.add("detik", PESERTA)
    _index_file(db).write_bytes(stale)  # as if killed before the index was saved again
    with open_archive(db) as archive:
        assert archive.stats()["vector_index"]["vectors"] == 2
