"""Corpus loading (bad items skipped, never fatal) and the index: masking, build, save/load."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
import pytest

from summarize.claims.corpus import load_corpus
from summarize.errors import InputError
from summarize.claims.index import ClaimIndex
from summarize.claims.local import claim_context
from summarize.claims.statements import mask_sentence
from tests.claims.checker_fakes import BagOfWordsEncoder, fake_extract

DOCS = [
    "Realisasi P3DN di Jakarta mencapai 91,82 persen. Program itu diikuti 300 peserta.",
    "Inflasi tahunan tercatat 2,5 persen.",
]


def test_mask_hides_claims_and_other_digits() -> None:
    s = "Realisasi mencapai 91,82 persen pada Minggu (10/9)."
    start = s.index("91,82")
    masked = mask_sentence(s, [(start, start + len("91,82 persen"))])
    assert masked == "Realisasi mencapai # pada Minggu (#/#)."
    other = "Realisasi mencapai 78 persen pada Minggu (10/9)."
    start = other.index("78")
    assert mask_sentence(other, [(start, start + len("78 persen"))]) == masked


def test_claim_context_is_the_words_around_the_number() -> None:
    (first, second) = fake_extract("Angka itu naik 5 persen menjadi 20 persen tahun ini.")
    assert claim_context(first)[-4:] == ("menjadi", "persen", "tahun", "ini")
    assert "naik" in claim_context(first) and "menjadi" in claim_context(second)


def test_claim_context_stops_at_the_clause_edge() -> None:
    (exports, imports) = fake_extract("Ekspor turun 6 persen, sementara impor turun 5 persen.")
    assert "impor" not in claim_context(exports) and "ekspor" not in claim_context(imports)
    assert "ekspor" in claim_context(exports) and "impor" in claim_context(imports)


def test_bad_corpus_items_are_skipped_and_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "good.txt").write_text(DOCS[0], encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 persen")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 10 persen".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        docs, skipped = load_corpus(tmp_path)
    assert [d.id for d in docs] == ["good.txt"]
    reasons = dict((Path(s).name, r) for s, r in skipped)
    assert reasons == {"binary.txt": "binary file", "empty.txt": "empty text", "latin1.txt": "not UTF-8 text"}
    assert len([r for r in caplog.records if "skipped" in r.getMessage()]) == 3


def test_jsonl_bad_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a", "text": DOCS[0], "date": "2023-09-10"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps(["a list"]),
        "",
        json.dumps({"id": "c", "text": DOCS[1]}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    docs, skipped = load_corpus(path)
    assert [(d.id, d.date) for d in docs] == [("a", "2023-09-10"), ("c", None)]
    assert [s.rsplit(":", 1)[1] for s, _ in skipped] == ["2", "3", "4"]


def test_missing_corpus_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="corpus not found"):
        load_corpus(tmp_path / "nope.jsonl")


def test_build_indexes_only_claim_sentences() -> None:
    docs, _ = load_corpus(DOCS + ["Tidak ada angka di sini."])
    index = ClaimIndex.build(docs, BagOfWordsEncoder(), fake_extract)
    assert index.doc_ids == ["0", "1", "2"]
    stored = [index.sentence(i) for i in range(len(index.sentences))]
    assert [c.surface for s in stored for c in s.claims] == ["91,82 persen", "300 peserta", "2,5 persen"]
    assert index.embeddings.shape == (3, 64) and index.sentence_words.matrix.shape[0] == 3
    assert index.doc_words.matrix.shape[0] == 3 and len(index) == 3
    assert [s.source for s in stored] == ["0", "0", "1"]


def test_extraction_failure_skips_the_document() -> None:
    def flaky(text: str, *, date: str | None = None):
        if "Inflasi" in text:
            raise RuntimeError("parser bug")
        return fake_extract(text, date=date)

    docs, _ = load_corpus(DOCS)
    index = ClaimIndex.build(docs, BagOfWordsEncoder(), flaky)
    assert index.doc_ids == ["0"]
    assert index.skipped == [("1", "claim extraction failed: parser bug")]


def test_save_load_round_trip(tmp_path: Path) -> None:
    docs, skipped = load_corpus(DOCS + [""])
    index = ClaimIndex.build(docs, BagOfWordsEncoder(), fake_extract, skipped)
    index.save(tmp_path / "idx")
    again = ClaimIndex.load(tmp_path / "idx")
    assert again.sentence_claims == index.sentence_claims
    assert again.sentences == index.sentences and again.doc_ids == index.doc_ids
    assert again.skipped == index.skipped == [("2", "empty text")]
    np.testing.assert_array_equal(again.embeddings, index.embeddings)
    query = ["realisasi p3dn di jakarta mencapai #"]
    for space in ("sentence_words", "doc_words"):
        before, after = getattr(index, space), getattr(again, space)
        np.testing.assert_allclose(after.matrix.toarray(), before.matrix.toarray())
        np.testing.assert_allclose(after.cosine(query), before.cosine(query))
    assert index.sentence_words.cosine(query).max() > 0


def test_empty_corpus_builds_an_empty_index() -> None:
    index = ClaimIndex.build([], BagOfWordsEncoder(), fake_extract)
    assert index.sentences == [] and len(index) == 0 and index.search(np.zeros((1, 64)), ["x"], None, 5) == [[]]
    assert index.sentence_words.transform(["apa saja"]).shape == (1, 0)
