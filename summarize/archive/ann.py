"""Approximate nearest neighbours over the archive's sentence vectors (usearch HNSW).

Kept: usearch with int8 vectors. Measured against hnswlib on the same data, one thread, same
graph parameters (eval/bench_archive_ann.py, eval/results/archive_ann.json): on 30,000 e5-small
vectors of IndoSum claim sentences and noisy copies, hnswlib (float32) and usearch float32 both
reach recall@64 0.96, usearch int8 0.89 (on the stand-in vectors: 0.91 and 0.88), but int8
takes half the memory (32 vs 54-65 MiB) and a third of the file (15 vs 48 MB); build and query
times were within the machine's noise (it was shared: load average 12.8 at the end). Memory
decides it: at 100k articles (about 330,000 sentence vectors) float32 vectors alone would add
~500 MB to a checking process measured at 881 MiB with int8, past the 1 GiB budget. The lost
recall is softened because the index is one of three candidate sources (search.py) and every
candidate is rescored with the exact float32 vector from the database: in the scale benchmark
the archive's verdicts equal the exhaustive in-memory index's at 1k and 10k articles. usearch
also removes keys in place and saves and loads one file.

The database is the source of truth. The index is a file beside it, named with the database's
random id (a replaced database never meets an old index), saved atomically now and then;
on open it is loaded and caught up with every sentence stored after its newest key (sentence
ids only grow), or rebuilt when it is missing, unreadable or ahead of the database. Keys of
removed sentences may linger after a crash; the archive skips ids the database no longer has.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Iterable

import numpy as np
import onnxruntime  # noqa: F401  # before usearch: importing it after usearch 2.26 segfaults (the reverse order is fine)
from usearch.index import Index

log = logging.getLogger(__name__)

CONNECTIVITY, EXPANSION_ADD, EXPANSION_SEARCH = 16, 128, 128
DTYPE = "i8"


class VectorIndex:
    """Sentence id -> vector, searchable by cosine; ``path`` None keeps it in memory only."""

    def __init__(self, dim: int, path: Path | None = None) -> None:
        self.dim = dim
        self.path = path
        self._index = self._new()
        self.max_key = 0
        self.unsaved = 0

    def _new(self) -> Index:
        return Index(ndim=self.dim, metric="cos", dtype=DTYPE, connectivity=CONNECTIVITY,
                     expansion_add=EXPANSION_ADD, expansion_search=EXPANSION_SEARCH)

    def load(self, newest_stored: int) -> bool:
        """Load the saved index; False (and an empty index) when missing, unreadable, of another
        dimension, or holding keys newer than the database's newest sentence ``newest_stored``."""
        if self.path is None or not self.path.exists():
            return False
        try:
            index = Index.restore(str(self.path))
        except Exception as exc:  # a torn or foreign file: rebuild from the database
            log.warning("archive: vector index %s unreadable (%s); rebuilding", self.path, exc)
            return False
        if index is None or index.ndim != self.dim:
            return False
        keys = np.asarray(index.keys, dtype=np.uint64)
        max_key = int(keys.max()) if len(keys) else 0
        if max_key > newest_stored:
            log.warning("archive: vector index %s is ahead of the database; rebuilding", self.path)
            return False
        self._index, self.max_key = index, max_key
        return True

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if not len(ids):
            return
        ids = np.asarray(ids, dtype=np.uint64)
        # One thread: insertion order alone decides the graph, so builds are reproducible.
        self._index.add(ids, np.asarray(vectors, dtype=np.float32), threads=1)
        self.max_key = max(self.max_key, int(ids.max()))
        self.unsaved += len(ids)

    def catch_up(self, batches: Iterable[tuple[np.ndarray, np.ndarray]]) -> int:
        """Add ``(ids, vectors)`` batches (those stored after ``max_key``); returns how many."""
        n = 0
        for ids, vectors in batches:
            self.add(ids, vectors)
            n += len(ids)
        return n

    def remove(self, ids: Iterable[int]) -> None:
        for key in ids:
            if key in self._index:
                self._index.remove(int(key))
                self.unsaved += 1

    def search(self, vectors: np.ndarray, k: int) -> list[np.ndarray]:
        """Per query row, the ids of up to ``k`` nearest stored vectors, nearest first."""
        if len(self._index) == 0 or not len(vectors):
            return [np.zeros(0, dtype=np.int64) for _ in range(len(vectors))]
        found = self._index.search(np.asarray(vectors, dtype=np.float32), min(k, len(self._index)), threads=1)
        if not hasattr(found, "counts"):  # one query row comes back as a single Matches
            return [np.asarray(found.keys, dtype=np.int64)]
        return [found.keys[i, : found.counts[i]].astype(np.int64) for i in range(len(vectors))]

    def save(self) -> None:
        """Write atomically (temporary file, then rename): a kill mid-save leaves the old file."""
        if self.path is None or not self.unsaved:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        self._index.save(str(tmp))
        os.replace(tmp, self.path)
        self.unsaved = 0

    def __len__(self) -> int:
        return len(self._index)

    def memory_bytes(self) -> int:
        return int(self._index.memory_usage)
