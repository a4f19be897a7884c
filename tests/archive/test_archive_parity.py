"""The archive and the in-memory corpus index give the same verdicts on the dev cases' corpora.

Both stores score a stored sentence with the same formula (summarize.claims.store); the archive
computes its TF-IDF from word statistics instead of a fitted vectorizer and only scores
candidates. Small corpora make every sentence a candidate, so here any difference would be a
scoring difference. The real parser reads the numbers; the bag-of-words encoder stands in for
e5 (parity does not depend on which encoder made the vectors).
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from summarize.archive import Archive
from summarize.claims.checker import ClaimChecker
from summarize.claims.extract import extract_claims
from summarize.evaluation.claims_eval import load_cases
from tests.claims.checker_fakes import BagOfWordsEncoder

DEV = [c for c in load_cases() if c.get("split") == "dev"]


@lru_cache(maxsize=None)
def _claims(text: str, date: str | None) -> tuple:
    return tuple(extract_claims(text, date=date))


def extract(text: str, *, date: str | None = None) -> list:
    """The real parser, read once per text: both stores of a case parse the same articles."""
    return list(_claims(text, date))


def _summary(results) -> list[tuple]:
    return [
        (r.claim.surface, r.verdict, r.deciding.source if r.deciding else None,
         [(e.source, e.sentence, e.surface, round(e.similarity, 5)) for e in r.evidence])
        for r in results
    ]


@pytest.mark.parametrize("case", DEV, ids=[c["id"] for c in DEV])
def test_same_verdicts_and_evidence_as_the_in_memory_corpus(case: dict) -> None:
    encoder = BagOfWordsEncoder()
    in_memory = ClaimChecker(case["corpus"], encoder=encoder, extractor=extract)
    archive = Archive(":memory:", encoder=encoder, extractor=extract)
    for i, doc in enumerate(case["corpus"]):
        archive.add(str(doc.get("id", i)), doc["text"], date=doc.get("date"))
    from_archive = ClaimChecker(store=archive, encoder=encoder, extractor=extract)
    date = case.get("date")
    assert _summary(from_archive.check(case["article"], date=date)) == _summary(in_memory.check(case["article"], date=date))


def test_there_are_dev_cases() -> None:
    assert len(DEV) >= 20
