"""Finding corpus statements about the same quantity as a claim.

A matcher turns claims into ranked candidate corpus claims with a similarity in [0, 1]. It is a
seam (one small ABC and a registry, as for encoders and rankers) so that a learned or
cross-encoder matcher can replace the default without touching the checker.

The default, ``hybrid``, scores every indexed sentence at once with two matrix products
(masked-sentence embeddings, TF-IDF) and then looks only at corpus claims that pass hard
filters: the same unit, a compatible counted noun, a compatible time. Two statements with
different times ("inflasi Mei" vs "inflasi April") are different quantities, not a conflict.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from summarize.claims.index import ClaimIndex, IndexedClaim, claim_context, group_by_sentence
from summarize.claims.types import Claim
from summarize.encoders.base import Encoder


@dataclass(frozen=True)
class Match:
    """A corpus claim (row of ``ClaimIndex.claims``) judged to be about the claim's quantity."""

    row: int
    similarity: float


class Matcher(ABC):
    """Ranks corpus claims that may state the same quantity as each query claim."""

    name: str = "matcher"

    @abstractmethod
    def match(self, claims: Sequence[Claim], index: ClaimIndex, encoder: Encoder) -> list[list[Match]]:
        """One list per claim, most similar first, holding only matches above the matcher's bar."""


def same_noun(a: str | None, b: str | None) -> bool:
    """Counted nouns are compatible when either is unknown or they are equal ("peserta" vs
    "orang" are different counts even when the number agrees)."""
    return a is None or b is None or a.lower() == b.lower()


def same_time(a: str | None, b: str | None) -> bool:
    """Times are compatible when either is unknown or one contains the other ("2024" and
    "2024-05-01"); two different known times are two different quantities."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


class HybridMatcher(Matcher):
    """Similarity = weighted sum of masked-sentence cosine, TF-IDF cosine and the overlap of the
    words right around the number (IDF-weighted Jaccard), the last telling apart two
    quantities in one sentence. Weights and the bar were tuned on the dev split only
    (``eval/claims_eval.py``)."""

    name = "hybrid"

    def __init__(
        self,
        embedding_weight: float = 0.5,
        lexical_weight: float = 0.3,
        context_weight: float = 0.2,
        min_similarity: float = 0.55,
    ) -> None:
        self.weights = (embedding_weight, lexical_weight, context_weight)
        self.min_similarity = min_similarity

    def match(self, claims: Sequence[Claim], index: ClaimIndex, encoder: Encoder) -> list[list[Match]]:
        if not claims or not index.claims:
            return [[] for _ in claims]
        _, masked, of_claim = group_by_sentence(claims)
        w_emb, w_lex, w_ctx = self.weights
        query_emb = encoder.encode(masked)
        sentence_sim = w_emb * (query_emb @ index.embeddings.T)
        lexical = index.lexical_vectors(masked) @ index.lexical.T
        sentence_sim = sentence_sim + w_lex * np.asarray(lexical.todense())
        out = []
        for claim, s in zip(claims, of_claim):
            rows = np.flatnonzero(index.units == claim.unit)
            base = sentence_sim[s, index.claim_sentence[rows]]
            hopeful = base + w_ctx >= self.min_similarity  # context can add at most w_ctx
            found = []
            context = claim_context(claim)
            for row, score in zip(rows[hopeful], base[hopeful]):
                other = index.claims[row]
                if not (same_noun(claim.noun, other.noun) and same_time(claim.time, other.time)):
                    continue
                similarity = float(score) + w_ctx * _context_overlap(context, other, index)
                if similarity >= self.min_similarity:
                    found.append(Match(int(row), similarity))
            found.sort(key=lambda m: (-m.similarity, m.row))
            out.append(found)
        return out


def _context_overlap(context: tuple[str, ...], other: IndexedClaim, index: ClaimIndex) -> float:
    a, b = set(context), set(other.context)
    union = a | b
    if not union:
        return 0.0
    return sum(index.word_weight(w) for w in a & b) / sum(index.word_weight(w) for w in union)


_REGISTRY: dict[str, Callable[[], Matcher]] = {"hybrid": HybridMatcher}
DEFAULT_MATCHER = "hybrid"


def register_matcher(name: str, factory: Callable[[], Matcher]) -> None:
    """Make a matcher available by name to ``ClaimChecker(matcher=...)``."""
    _REGISTRY[name] = factory


def available_matchers() -> list[str]:
    return sorted(_REGISTRY)


def get_matcher(spec: str | Matcher | None = None) -> Matcher:
    if isinstance(spec, Matcher):
        return spec
    name = spec or DEFAULT_MATCHER
    if name not in _REGISTRY:
        raise ValueError(f"unknown matcher {name!r}; available: {', '.join(available_matchers())}")
    return _REGISTRY[name]()
