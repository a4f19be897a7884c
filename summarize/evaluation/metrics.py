"""Scores and statistics: ROUGE F1 per article, bootstrap intervals, a paired test, breakdowns.

ROUGE is ``rouge_score`` (Google's reimplementation of the Perl script) with no stemmer: its
Porter stemmer is English-only and would mangle Indonesian affixes. Its default tokenizer keeps
only ``[a-z0-9]`` and so drops every non-ASCII letter, hence the tokenizer below.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Hashable, Sequence, Union

import numpy as np
from rouge_score import rouge_scorer

#: Per-article scores: a list or a numpy array.
Values = Union[Sequence[float], np.ndarray]

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")

# The reference figures in shared/data/README.md are computed on the corpus's own tokens (split
# on whitespace). Our texts are *detokenized* (punctuation reattached), so splitting them on
# whitespace alone would glue "Jakarta," into one token and cost ~2.8 ROUGE-1 points. Splitting
# punctuation back off, while keeping word-internal "-", ".", ",", "'" and ":" (the corpus keeps
# "tanya-jawab", "1.500", "2,5", "kumparan.com" as one token), gives the corpus's tokens for 97 %
# of its sentences and reproduces the README's LEAD-3 and ORACLE figures to within 0.05.
_TOKEN = re.compile(r"\w+(?:[-.,'’:]\w+)*|[^\w\s]")


class CorpusTokenizer:
    """The ``rouge_score`` tokenizer protocol (an object with ``tokenize``): lowercased tokens."""

    def tokenize(self, text: str) -> list[str]:
        return _TOKEN.findall(text.lower())


_SCORER = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=False, tokenizer=CorpusTokenizer())


def rouge(reference: str, summary: str) -> dict[str, float]:
    """ROUGE-1/2/L F1 (0..1) of one summary against one reference."""
    scores = _SCORER.score(reference, summary)
    return {name: float(scores[name].fmeasure) for name in ROUGE_TYPES}


def rouge_many(references: Sequence[str], summaries: Sequence[str]) -> dict[str, np.ndarray]:
    """Per-article F1 arrays, one per ROUGE type, aligned with the inputs."""
    if len(references) != len(summaries):
        raise ValueError("references and summaries must align")
    rows = [rouge(ref, hyp) for ref, hyp in zip(references, summaries)]
    return {name: np.array([r[name] for r in rows], dtype=np.float64) for name in ROUGE_TYPES}


@dataclass(frozen=True)
class Interval:
    """A mean with its percentile-bootstrap interval."""

    mean: float
    low: float
    high: float

    def as_dict(self) -> dict[str, float]:
        return {"mean": self.mean, "low": self.low, "high": self.high}


def _resample_indices(n: int, resamples: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, n, size=(resamples, n))


def bootstrap_ci(values: Values, resamples: int = 1000, seed: int = 0, level: float = 0.95) -> Interval:
    """Percentile bootstrap of the mean: articles are resampled with replacement."""
    x = np.asarray(values, dtype=np.float64)
    if x.size == 0:
        raise ValueError("no values to bootstrap")
    means = x[_resample_indices(x.size, resamples, seed)].mean(axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return Interval(float(x.mean()), float(low), float(high))


@dataclass(frozen=True)
class PairedTest:
    """System minus baseline on the same articles: mean difference, its interval, a p-value."""

    diff: Interval
    p_value: float

    def as_dict(self) -> dict[str, float]:
        return {**{f"diff_{k}": v for k, v in self.diff.as_dict().items()}, "p_value": self.p_value}


def paired_test(system: Values, baseline: Values, resamples: int = 1000, seed: int = 0) -> PairedTest:
    """Paired comparison on per-article scores.

    The interval is a bootstrap of the mean per-article difference. The p-value is a two-sided
    paired randomization (sign-flip) test: under the null the two systems are exchangeable on
    each article, so each difference keeps or flips its sign at random. The +1 terms keep the
    p-value away from an impossible 0 (Phipson & Smyth 2010).
    """
    a, b = np.asarray(system, dtype=np.float64), np.asarray(baseline, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError("system and baseline scores must be paired")
    d = a - b
    interval = bootstrap_ci(d, resamples, seed)
    signs = np.random.default_rng(seed + 1).choice([-1.0, 1.0], size=(resamples, d.size))
    null = np.abs((signs * d).mean(axis=1))
    observed = abs(d.mean())
    p = (int(np.sum(null >= observed - 1e-12)) + 1) / (resamples + 1)
    return PairedTest(interval, float(p))


def group_means(values: Values, groups: Sequence[Hashable]) -> dict[str, dict[str, float]]:
    """Mean and count per group, groups in sorted order (stable reports)."""
    x = np.asarray(values, dtype=np.float64)
    out: dict[str, dict[str, float]] = {}
    for g in sorted(set(groups), key=str):
        mask = np.array([h == g for h in groups])
        out[str(g)] = {"mean": float(x[mask].mean()), "n": int(mask.sum())}
    return out


#: Sentence-count buckets for the "by article length" breakdown: roughly the corpus's quartiles
#: (median 17 sentences, 10th/90th percentiles 10 and 29), so each bucket holds enough articles.
LENGTH_EDGES = (12, 17, 22, 29)


def length_bucket(n_sentences: int, edges: Sequence[int] = LENGTH_EDGES) -> str:
    """A label like ``"13-17"``; the first bucket starts at 1 and the last is open-ended."""
    low = 1
    for edge in edges:
        if n_sentences <= edge:
            return f"{low:02d}-{edge:02d}"
        low = edge + 1
    return f"{low:02d}+"
