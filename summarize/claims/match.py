"""Finding stored statements about the same quantity as a claim.

A matcher turns claims into ranked candidate statements of a ``StatementStore`` with a
similarity in [0, 1]. It is a seam (one small ABC and a registry, as for encoders and rankers)
so that a learned or cross-encoder matcher can replace the default without touching the checker.

The default, ``hybrid``, asks the store for the sentences most like each claim's sentence
(``store.py`` defines the similarity), then keeps only stored claims that pass hard filters:
the same unit, a compatible counted noun, a compatible time. Two statements with different
times ("inflasi Mei" vs "inflasi April") are different quantities, not a conflict.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Sequence

from summarize.claims.local import claim_context, context_overlap, stems
from summarize.claims.statements import group_by_sentence
from summarize.claims.store import StatementStore
from summarize.claims.types import Claim
from summarize.encoders.base import Encoder
from summarize.registry import Factory, Registry


#: The bar tuned on the dev split, each case's own corpus and the same with 200 distractor
#: articles averaged (eval/claims_eval.py --tune); 0.44 is the highest bar on the best plateau,
#: since a larger real corpus holds more chance matches than the dev corpora do.
MIN_SIMILARITY = 0.44
#: Stored sentences asked for per query sentence.
TOP_K = 50


@dataclass(frozen=True)
class Match:
    """A stored claim (``store.sentence(sentence).claims[claim]``) judged to be about the
    claim's quantity."""

    sentence: int
    claim: int
    similarity: float
    local: float = 0.0  # overlap of the words around the two numbers (local.context_overlap)


class Matcher(ABC):
    """Ranks stored claims that may state the same quantity as each query claim."""

    name: str = "matcher"

    @abstractmethod
    def match(
        self, claims: Sequence[Claim], store: StatementStore, encoder: Encoder, text: str | None = None
    ) -> list[list[Match]]:
        """One list per claim, most similar first, holding only matches above the matcher's bar.

        ``text`` is the article the claims come from (its claim sentences when not given)."""

def same_noun(a: str | None, b: str | None) -> bool:
    """Counted nouns are compatible when either is unknown or they are equal ("peserta" vs
    "orang" are different counts even when the number agrees)."""
    return a is None or b is None or a.lower() == b.lower()


def same_time(a: str | None, b: str | None) -> bool:
    """Times are compatible when either is unknown or one contains the other ("2024" and
    "2024-05-01"); two different known times are two different quantities."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


class HybridMatcher(Matcher):
    """Candidates are the claims of the ``k`` stored sentences most like the claim's sentence,
    kept when the similarity reaches the bar and the hard filters pass. Each match also carries
    ``local``: the IDF-weighted overlap of the stemmed words around the two numbers within
    their clauses (local.py). Among statements of equal similarity, most often several numbers
    of one sentence, the one with the higher ``local`` is listed first. Adding ``local`` to the
    score, or to the score a conflict needs, was tried on the dev split (weights 0.1 to 1.0, own
    corpora and +200 distractors) and never raised accuracy: exports and imports of the same
    report are worded alike right around the number too."""

    name = "hybrid"

    def __init__(self, min_similarity: float = MIN_SIMILARITY, k: int = TOP_K) -> None:
        self.min_similarity = min_similarity
        self.k = k

    def match(
        self, claims: Sequence[Claim], store: StatementStore, encoder: Encoder, text: str | None = None
    ) -> list[list[Match]]:
        if not claims or not len(store):
            return [[] for _ in claims]
        sentences, of_claim = group_by_sentence(claims)
        masked = [s.masked for s in sentences]
        hits = store.search(encoder.encode(masked), masked, text, self.k)
        out = []
        for claim, s in zip(claims, of_claim):
            context = stems(claim_context(claim))
            found = []
            for hit in hits[s]:
                if hit.similarity < self.min_similarity:
                    continue
                stored = store.sentence(hit.sentence)
                for j, other in enumerate(stored.claims):
                    if other.unit != claim.unit or not same_noun(claim.noun, other.noun) \
                            or not same_time(claim.time, other.time):
                        continue
                    local = context_overlap(context, stems(claim_context(other)), store.word_weight)
                    found.append(Match(hit.sentence, j, hit.similarity, local))
            found.sort(key=lambda m: (-m.similarity, -m.local, m.sentence, m.claim))
            out.append(found)
        return out


_REGISTRY: Registry[Matcher] = Registry("matcher", {"hybrid": HybridMatcher})
DEFAULT_MATCHER = "hybrid"


def register_matcher(name: str, factory: Factory) -> None:
    """Make a matcher available by name to ``ClaimChecker(matcher=...)``."""
    _REGISTRY.register(name, factory)


def available_matchers() -> list[str]:
    return _REGISTRY.names()


def get_matcher(spec: str | Matcher | None = None) -> Matcher:
    if isinstance(spec, Matcher):
        return spec
    return _REGISTRY.create(spec or DEFAULT_MATCHER)
