"""The articles of eval/bench_archive.py: IndoSum prepared once, copies with perturbed numbers
and vectors, and the stand-in encoder whose vectors they carry (see bench_archive's docstring)."""
from __future__ import annotations

import pickle
import time
import zlib
from dataclasses import replace
from decimal import Decimal
from typing import Iterator, Sequence

import numpy as np
from tqdm import tqdm

from eval.bench_claims import TimedEncoder
from summarize.archive import PreparedArticle, prepare_article
from summarize.archive.prepared import text_digest
from summarize.claims.types import Claim
from summarize.encoders.base import Encoder, l2_normalize
from summarize.evaluation.indosum import load_articles
from summarize.evaluation.locations import cache_dir

SEED = 0


class WordHashEncoder(Encoder):
    """Each word a fixed random unit direction (seeded by its CRC32); a text the normalised sum."""

    name = "bench-wordhash-384"

    def __init__(self, dim: int = 384) -> None:
        self.dim, self._words = dim, {}

    def _word(self, w: str) -> np.ndarray:
        v = self._words.get(w)
        if v is None:
            v = self._words[w] = np.random.default_rng(zlib.crc32(w.encode())).standard_normal(self.dim).astype(np.float32)
        return v

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                out[i] += self._word(w)
        return l2_normalize(out)


def copy_article(p: PreparedArticle, j: int, n: int) -> PreparedArticle:
    """Copy ``j`` of an article (the ``n``-th article streamed): new id, its numbers scaled, its
    vectors moved a little; seeded by ``n``, so the same copy comes out in every run and step."""
    rng = np.random.default_rng([SEED, n])
    def scaled(c: dict) -> dict:
        f = Decimal(str(round(float(rng.uniform(0.8, 1.25)), 3)))
        return {**c, **{k: str(Decimal(c[k]) * f) for k in ("value", "low", "high")}}

    text = f"{p.text}\n\n(salinan {j})"
    sentences = tuple(replace(s, claims=tuple(scaled(c) for c in s.claims)) for s in p.sentences)
    vectors = p.vectors + rng.normal(0, 0.02, p.vectors.shape).astype(np.float32) if len(p.sentences) else p.vectors
    return replace(p, id=f"{p.id}~{j}", text=text, digest=text_digest(text, p.date), sentences=sentences,
                   vectors=l2_normalize(vectors) if len(p.sentences) else vectors, words={**p.words, "salinan": 1})


def stream(originals: list[PreparedArticle], start: int, stop: int) -> Iterator[PreparedArticle]:
    for n in range(start, stop):
        p = originals[n % len(originals)]
        yield p if n < len(originals) else copy_article(p, n // len(originals), n)


def claims_of(p: PreparedArticle) -> list[Claim]:
    return [Claim.from_dict(c) for s in p.sentences for c in s.claims]


class CpuTimedEncoder(TimedEncoder):
    """Also adds up the CPU seconds spent embedding (wall time on a shared machine is noisy)."""

    def __init__(self, inner: Encoder) -> None:
        super().__init__(inner)
        self.cpu_seconds = 0.0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        start = time.process_time()
        try:
            return super().encode(texts)
        finally:
            self.cpu_seconds += time.process_time() - start


def prepared(encoder: Encoder, limit: int | None) -> tuple[list[PreparedArticle], list[float]]:
    """The IndoSum articles prepared once, with CPU seconds of each minus embedding; kept in
    eval/cache (git-ignored) so that a rerun skips the parsing."""
    cache = cache_dir() / "archive-bench" / f"prepared-{limit or 'all'}.pkl"
    if cache.exists():
        with cache.open("rb") as fh:
            return pickle.load(fh)
    timed = CpuTimedEncoder(encoder)
    originals, prepare_s = [], []
    for a in tqdm(load_articles(limit=limit), desc="preparing IndoSum articles", unit="article"):
        timed.cpu_seconds, start = 0.0, time.process_time()
        originals.append(prepare_article(a.id, a.raw_text, encoder=timed))
        prepare_s.append(time.process_time() - start - timed.cpu_seconds)
    cache.parent.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as fh:
        pickle.dump((originals, prepare_s), fh)
    return originals, prepare_s
