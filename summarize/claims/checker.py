"""ClaimChecker: composes the claim seams: text → claims → matches in the corpus index → verdicts."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence

from summarize.claims.corpus import CorpusInput, load_corpus
from summarize.claims.index import ClaimIndex
from summarize.claims.match import Match, Matcher, get_matcher
from summarize.claims.statements import Extractor
from summarize.claims.frame_match import convert
from summarize.claims.frames import sentence_names
from summarize.claims.local import article_words, same_story
from summarize.claims.parse.dates import validate_date
from summarize.claims.siblings import explained, mark_anchored
from summarize.claims.store import StatementStore
from summarize.claims.types import CheckResult, Claim, Evidence, RuledOut
from summarize.claims.verdict import (
    CONFLICT_MARGIN, CONFLICT_NEEDS, CONFLICT_SIMILARITY, FRAMED_SIMILARITY, decide, explain, values_agree, values_contradict,
)
from summarize.encoders.base import SIMILARITY_ENCODER, Encoder, get_encoder
from summarize.errors import InputError
from summarize.types import Sentence

log = logging.getLogger(__name__)

#: Ruled-out statements shown per claim (the most similar ones).
SHOW_RULED_OUT = 3


def _default_extractor() -> Extractor:
    # Imported here so that the checker (and its tests) only need the parser when used with it.
    from summarize.claims.extract import extract_claims

    return extract_claims


def _open_archive(path: str | Path, encoder: Encoder) -> StatementStore:
    try:
        from summarize.archive import Archive
    except ImportError as exc:
        raise ModuleNotFoundError(f"cannot open archive {path}: the archive module is not available ({exc})") from exc
    return Archive(path, encoder=encoder)


class ClaimChecker:
    """Checks the numbers in an article against a statement store: a reference corpus indexed
    once in memory, or an archive database that grows as articles are added.

    >>> checker = ClaimChecker(corpus="corpus.jsonl")          # doctest: +SKIP
    >>> [r.verdict for r in checker.check(article_text)]       # doctest: +SKIP
    ['consistent', 'unverified']
    >>> checker = ClaimChecker(archive="newsroom.db")          # doctest: +SKIP
    >>> checker.add("ant-1", text, date="2024-05-01")           # doctest: +SKIP
    'added'

    ``corpus`` is a list of texts (or ``{"id", "text", "date"}`` dicts), a folder of ``.txt``
    files or a ``.jsonl`` file; unusable documents are logged and listed in ``skipped``.
    """

    def __init__(
        self,
        corpus: CorpusInput | None = None,
        *,
        archive: str | Path | None = None,
        store: StatementStore | None = None,
        encoder: str | Encoder = SIMILARITY_ENCODER,
        matcher: str | Matcher | None = None,
        conflict_similarity: float = CONFLICT_SIMILARITY,
        conflict_margin: float = CONFLICT_MARGIN,
        conflict_needs: Sequence[str] = CONFLICT_NEEDS,
        framed_similarity: float = FRAMED_SIMILARITY,
        siblings: bool = True,
        progress: bool = False,
        extractor: Extractor | None = None,
    ) -> None:
        if sum(x is not None for x in (corpus, archive, store)) != 1:
            raise ValueError("pass exactly one of corpus, archive or store")
        self.encoder = get_encoder(encoder)
        self.matcher = get_matcher(matcher)
        self.conflict_similarity = conflict_similarity
        self.conflict_margin = conflict_margin
        self.conflict_needs = tuple(conflict_needs)
        self.framed_similarity = framed_similarity
        self.siblings = siblings
        self._extract = extractor or _default_extractor()
        if corpus is not None:
            docs, skipped = load_corpus(corpus)
            store = ClaimIndex.build(docs, self.encoder, self._extract, skipped, progress=progress)
        elif archive is not None:
            store = _open_archive(archive, self.encoder)
        assert store is not None
        if store.encoder != self.encoder.name:
            raise ValueError(
                f"the store was built with encoder {store.encoder!r}, not {self.encoder.name!r}: "
                "query and stored vectors must come from the same encoder"
            )
        self.store = store
        if corpus is not None and not len(store):
            log.warning("claim check: the corpus indexed no documents: every verdict will be 'unverified'")

    @property
    def skipped(self) -> list[tuple[str, str]]:
        """``(source, reason)`` for every corpus item that was not indexed."""
        return self.store.skipped

    def add(self, id: str, text: str, date: str | None = None, source: str | None = None) -> str:
        """Add an article to the archive: "added", "unchanged", "replaced" or "skipped". Only an
        archive grows; an in-memory corpus is fixed when it is built."""
        add = getattr(self.store, "add", None)
        if add is None:
            raise TypeError(f"{type(self.store).__name__} is read-only: open the checker with archive=PATH to add articles")
        return add(id, text, date=date, source=source)

    def check(self, text: str, *, date: str | None = None, sentences: Sequence[Sentence] | None = None) -> list[CheckResult]:
        """A result per numeric claim in ``text``, in text order. ``date`` is the article's
        ISO date ("YYYY-MM-DD", "YYYY-MM" or "YYYY"): it resolves "tahun lalu" and is the time
        of claims whose clause names none. ``sentences``: ``article_sentences(text)`` when the
        caller already split the article (for its summary), so that it is split only once."""
        date = validate_date(date)
        claims = self._extract(text, date=date) if sentences is None else self._extract(text, date=date, sentences=sentences)
        return self.check_claims(claims, text=text)

    def check_claims(self, claims: Sequence[Claim], text: str | None = None) -> list[CheckResult]:
        """Verdicts for claims already extracted (e.g. by the caller, or edited by hand);
        ``text`` is their article, which tells the matcher what story they belong to."""
        matches = self.matcher.match(claims, self.store, self.encoder, text)
        figures: dict[tuple[str, str], tuple[Claim, ...]] = {}
        words = article_words(text if text is not None else " ".join(dict.fromkeys(c.sentence for c in claims)))
        evidence = [[self._evidence(claim, m, figures, words) for m in found if m.ruled_out is None]
                    for claim, found in zip(claims, matches)]
        results = []
        for i, claim in enumerate(claims):
            mine = mark_anchored(claims, evidence, i)
            ruled_out = self._ruled_out(matches[i])
            if self.siblings:
                mine, by_sibling = explained(claims, i, mine, lambda e: figures[(e.source, e.sentence)])
                ruled_out = (by_sibling + ruled_out)[:SHOW_RULED_OUT]
            verdict, deciding = decide(mine, self.conflict_similarity, self.conflict_margin, self.conflict_needs,
                                       self.framed_similarity, claim.quantity)
            results.append(CheckResult(claim, verdict, mine, deciding, explain(verdict, deciding, mine, ruled_out), ruled_out))
        return results

    def _evidence(self, claim: Claim, match: Match, figures: dict[tuple[str, str], tuple[Claim, ...]],
                  words: frozenset[str]) -> Evidence:
        stored = self.store.sentence(match.sentence)
        figures[(stored.source, stored.text)] = stored.claims
        other = stored.claims[match.claim]
        quantity = convert(other.quantity, claim.unit)
        return Evidence(
            source=stored.source,
            sentence=stored.text,
            surface=other.surface,
            quantity=quantity,
            similarity=match.similarity,
            agrees=values_agree(claim.quantity, quantity),
            contradicts=values_contradict(claim.quantity, quantity),
            confirms=same_story(sentence_names(stored.text), words),
            local=match.local,
            matched=match.matched,
        )

    def _ruled_out(self, matches: Sequence[Match]) -> list[RuledOut]:
        """The most similar candidates a frame slot ruled out, one per sentence."""
        out: list[RuledOut] = []
        seen: set[int] = set()
        for m in matches:
            if m.ruled_out is None or m.sentence in seen or len(out) == SHOW_RULED_OUT:
                continue
            seen.add(m.sentence)
            stored = self.store.sentence(m.sentence)
            other = stored.claims[m.claim]
            out.append(RuledOut(stored.source, stored.text, other.surface, other.value, *m.ruled_out))
        return out

    def save(self, path: str | Path) -> None:
        """Save the built corpus index (a folder) so that the corpus need not be embedded again."""
        if not isinstance(self.store, ClaimIndex):
            raise TypeError("only an in-memory corpus index is saved this way; an archive is already a file")
        self.store.save(path)

    @classmethod
    def load(
        cls,
        path: str | Path,
        *,
        encoder: str | Encoder = SIMILARITY_ENCODER,
        matcher: str | Matcher | None = None,
        conflict_similarity: float = CONFLICT_SIMILARITY,
        conflict_margin: float = CONFLICT_MARGIN,
        extractor: Extractor | None = None,
    ) -> "ClaimChecker":
        """A checker over an index written by ``save``; ``encoder`` must be the one it was built
        with. A missing or unreadable index is an ``InputError`` (one line, exit 3 in the CLI)."""
        try:
            store = ClaimIndex.load(path)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}: not a claim index written by ClaimChecker.save ({type(exc).__name__}: {exc})") from exc
        return cls(
            store=store,
            encoder=encoder,
            matcher=matcher,
            conflict_similarity=conflict_similarity,
            conflict_margin=conflict_margin,
            extractor=extractor,
        )
