"""Finding stored statements about the same quantity as a claim.

A matcher turns claims into ranked candidate statements of a ``StatementStore`` with a
similarity in [0, 1]. It is a seam (one small ABC and a registry, as for encoders and rankers)
so that a learned or cross-encoder matcher can replace the default without touching the checker.

The default, ``hybrid``, asks the store for the sentences most like each claim's sentence
(``store.py`` defines the similarity), then compares the frames of the claims they hold with
the claim's (``frame_match.compare``): a compatible one is a match, with the slots it shares;
one whose unit fits but another slot differs is ruled out, with the slot and the reason
("different time: 2023"); one of another unit is not a candidate at all.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Sequence

from summarize.claims.frame_match import SLOTS, compare
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
    matched: tuple[str, ...] = ()  # frame slots both sides state and agree on
    ruled_out: tuple[str, str] | None = None  # (slot, reason) when the frames differ


class Matcher(ABC):
    """Ranks stored claims that may state the same quantity as each query claim."""

    name: str = "matcher"

    @abstractmethod
    def match(
        self, claims: Sequence[Claim], store: StatementStore, encoder: Encoder, text: str | None = None
    ) -> list[list[Match]]:
        """One list per claim, most similar first, holding only candidates above the matcher's
        bar: matches (``ruled_out`` None) and statements ruled out by a frame slot.

        ``text`` is the article the claims come from (its claim sentences when not given)."""

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

    def __init__(self, min_similarity: float = MIN_SIMILARITY, k: int = TOP_K, slots: tuple[str, ...] = SLOTS) -> None:
        self.min_similarity = min_similarity
        self.k = k
        self.slots = slots  # frame slots compared (fewer: a design variant measured on the tune part)

    def match(
        self, claims: Sequence[Claim], store: StatementStore, encoder: Encoder, text: str | None = None
    ) -> list[list[Match]]:
        if not claims or not len(store):
            return [[] for _ in claims]
        sentences, of_claim = group_by_sentence(claims)
        masked = [s.masked for s in sentences]
        hits = store.search(encoder.encode(masked), masked, text, self.k)
        out = []
        # A stored sentence is a candidate for many claims of the article: read its claims'
        # context words once per call.
        stored_context: dict[tuple[int, int], frozenset[str]] = {}
        for claim, s in zip(claims, of_claim):
            context = stems(claim_context(claim))
            found = []
            for hit in hits[s]:
                if hit.similarity < self.min_similarity:
                    continue
                stored = store.sentence(hit.sentence)
                for j, other in enumerate(stored.claims):
                    frames = compare(claim, other, self.slots)
                    if frames.ruled_out and frames.ruled_out[0] == "unit":
                        continue
                    key = (hit.sentence, j)
                    if key not in stored_context:
                        stored_context[key] = stems(claim_context(other))
                    local = context_overlap(context, stored_context[key], store.word_weight)
                    found.append(Match(hit.sentence, j, hit.similarity, local, frames.matched, frames.ruled_out))
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
