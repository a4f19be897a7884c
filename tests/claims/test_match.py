"""Matching: hard filters (unit, noun, time), similarity ranking, and the matcher registry."""
from __future__ import annotations

import dataclasses

import pytest

from summarize.claims.corpus import load_corpus
from summarize.claims.index import ClaimIndex
from summarize.claims.match import HybridMatcher, Matcher, get_matcher, register_matcher
from summarize.claims.types import Frame
from tests.claims.checker_fakes import BagOfWordsEncoder, fake_extract

CORPUS = [
    "Realisasi komitmen P3DN di Pemprov DKI Jakarta mencapai 78 persen.",
    "Jumlah pelaku UMKM Jakpreneur mencapai 300 peserta.",
    "Harga cabai rawit di pasar induk naik 12 persen.",
]
ENCODER = BagOfWordsEncoder()


def build(corpus: list[str]) -> ClaimIndex:
    docs, _ = load_corpus(corpus)
    return ClaimIndex.build(docs, ENCODER, fake_extract)


def surfaces(index: ClaimIndex, found) -> list[str]:
    return [index.sentence(m.sentence).claims[m.claim].surface for m in found]


def test_finds_the_statement_about_the_same_quantity_only() -> None:
    index = build(CORPUS)
    (claim,) = fake_extract("Realisasi komitmen P3DN di Pemprov DKI Jakarta mencapai 91,82 persen.")
    (found,) = HybridMatcher(min_similarity=0.5).match([claim], index, ENCODER)
    assert surfaces(index, [m for m in found if m.ruled_out is None]) == ["78 persen"]
    assert 0.5 <= found[0].similarity <= 1.0


def test_other_units_are_never_candidates_and_counted_paraphrases_align() -> None:
    index = build(CORPUS)
    (claim,) = fake_extract("Jumlah pelaku UMKM Jakpreneur mencapai 300 orang.")
    (found,) = HybridMatcher(min_similarity=0.0).match([claim], index, ENCODER)
    assert surfaces(index, found) == ["300 peserta"]  # the persen statements are no candidates
    assert found[0].ruled_out is None and "counted" in found[0].matched  # orang and peserta: people


def test_different_times_are_different_quantities() -> None:
    index = build(CORPUS)
    (claim,) = fake_extract("Realisasi komitmen P3DN di Pemprov DKI Jakarta mencapai 91,82 persen.")
    claim = dataclasses.replace(claim, frame=Frame(time="2023"))
    (before,) = HybridMatcher(min_similarity=0.0).match([claim], index, ENCODER)
    index.sentence_claims[0] = (dataclasses.replace(index.sentence_claims[0][0], frame=Frame(time="2022")),)
    (after,) = HybridMatcher(min_similarity=0.0).match([claim], index, ENCODER)
    assert before[0].sentence == 0 and before[0].ruled_out is None
    assert [m.ruled_out for m in after if m.sentence == 0] == [("time", "different time: 2022")]


def test_context_ranks_the_matching_number_of_a_shared_sentence_first() -> None:
    index = build(["Penjualan mobil naik 5 persen menjadi 20 persen dari total pasar."])
    first, second = fake_extract("Penjualan mobil naik 7 persen menjadi 25 persen dari total pasar.")
    found_first, found_second = HybridMatcher(min_similarity=0.0).match([first, second], index, ENCODER)
    assert surfaces(index, found_first)[0] == "5 persen"
    assert surfaces(index, found_second)[0] == "20 persen"


def test_registry() -> None:
    class Nothing(Matcher):
        name = "nothing"

        def match(self, claims, store, encoder, text=None):
            return [[] for _ in claims]

    register_matcher("nothing", Nothing)
    assert isinstance(get_matcher("nothing"), Nothing)
    assert isinstance(get_matcher(None), HybridMatcher)
    with pytest.raises(ValueError, match="unknown matcher"):
        get_matcher("no-such-matcher")
