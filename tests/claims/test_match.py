"""Matching: hard filters (unit, noun, time), similarity ranking, and the matcher registry."""
from __future__ import annotations

import dataclasses

import pytest

from summarize.claims.corpus import load_corpus
from summarize.claims.index import ClaimIndex
from summarize.claims.match import HybridMatcher, Matcher, get_matcher, register_matcher, same_noun, same_time
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


def test_noun_and_time_compatibility() -> None:
    assert same_noun(None, "orang") and same_noun("Peserta", "peserta") and not same_noun("orang", "peserta")
    assert same_time(None, "2024") and same_time("2024", "2024-05-01") and not same_time("2023", "2024")


def test_finds_the_statement_about_the_same_quantity_only() -> None:
    index = build(CORPUS)
    (claim,) = fake_extract("Realisasi komitmen P3DN di Pemprov DKI Jakarta mencapai 91,82 persen.")
    (found,) = HybridMatcher(min_similarity=0.5).match([claim], index, ENCODER)
    assert surfaces(index, found) == ["78 persen"]
    assert 0.5 <= found[0].similarity <= 1.0


def test_other_units_and_nouns_are_never_candidates() -> None:
    index = build(CORPUS)
    (claim,) = fake_extract("Jumlah pelaku UMKM Jakpreneur mencapai 300 orang.")
    assert HybridMatcher(min_similarity=0.0).match([claim], index, ENCODER) == [[]]


def test_different_times_are_different_quantities() -> None:
    index = build(CORPUS)
    (claim,) = fake_extract("Realisasi komitmen P3DN di Pemprov DKI Jakarta mencapai 91,82 persen.", date="2023")
    (before,) = HybridMatcher(min_similarity=0.0).match([claim], index, ENCODER)
    index.sentence_claims[0] = (dataclasses.replace(index.sentence_claims[0][0], time="2022"),)
    (after,) = HybridMatcher(min_similarity=0.0).match([claim], index, ENCODER)
    assert before[0].sentence == 0 and 0 not in [m.sentence for m in after]


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
