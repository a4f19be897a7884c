"""Corpus input that looks fine but is not (issue 11): bad bytes in one JSONL line, JSON under
another extension, a text passed where a path was expected, empty corpora, garbage dates and
index folders."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from summarize.claims.checker import ClaimChecker
from summarize.claims.corpus import load_corpus
from summarize.claims.extract import extract_claims
from summarize.errors import InputError
from tests.claims.checker_fakes import BagOfWordsEncoder, fake_extract

DOC = {"id": "a", "text": "Inflasi tahunan tercatat 2,5 persen.", "date": "2024-05-01"}


def test_one_non_utf8_line_skips_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(json.dumps(DOC).encode() + b"\n" + b'{"id": "b", "text": "caf\xe9"}\n'
                     + json.dumps(dict(DOC, id="c")).encode() + b"\n")
    docs, skipped = load_corpus(path)
    assert [d.id for d in docs] == ["a", "c"]
    assert skipped == [(f"{path}:2", "not UTF-8 text")]


@pytest.mark.parametrize("name", ["corpus.json", "corpus.txt", "corpus"])
def test_jsonl_is_recognised_by_content(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(json.dumps(DOC) + "\n" + json.dumps(dict(DOC, id="b")) + "\n", encoding="utf-8")
    docs, skipped = load_corpus(path)
    assert [d.id for d in docs] == ["a", "b"] and skipped == []
    assert docs[0].text == DOC["text"]  # not raw JSON shown as evidence


def test_json_array_and_single_object(tmp_path: Path) -> None:
    array = tmp_path / "corpus.json"
    array.write_text(json.dumps([DOC, "teks kedua 5 persen"]), encoding="utf-8")
    docs, _ = load_corpus(array)
    assert [d.text for d in docs] == [DOC["text"], "teks kedua 5 persen"]
    single = tmp_path / "one.txt"
    single.write_text(json.dumps(DOC), encoding="utf-8")
    assert [d.id for d in load_corpus(single)[0]] == ["a"]


def test_plain_text_file_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "artikel.json"
    path.write_text("Inflasi tercatat 2,5 persen {bukan JSON}.", encoding="utf-8")
    (doc,) = load_corpus(path)[0]
    assert doc.text.startswith("Inflasi")


def test_empty_corpus_warns_that_every_verdict_is_unverified(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "empty.txt").write_text(" ", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        checker = ClaimChecker(tmp_path, encoder=BagOfWordsEncoder(), extractor=fake_extract)
    assert any("every verdict will be 'unverified'" in r.getMessage() for r in caplog.records)
    assert [r.verdict for r in checker.check("Harga naik 5 persen.")] == ["unverified"]
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        load_corpus([])
    assert any("no usable documents" in r.getMessage() for r in caplog.records)


def test_a_long_text_string_is_a_document_not_a_path() -> None:
    text = "Inflasi tahunan tercatat 2,5 persen. " * 20
    docs, _ = load_corpus(text)
    assert [d.id for d in docs] == ["0"] and docs[0].text == text
    checker = ClaimChecker(text, encoder=BagOfWordsEncoder(), extractor=fake_extract)
    assert [r.verdict for r in checker.check("Inflasi tahunan tercatat 2,5 persen.")] == ["consistent"]
    with pytest.raises(InputError, match="corpus not found"):
        load_corpus("/no/such/folder/corpus.jsonl")


@pytest.mark.parametrize("date", ["garbage", "2024-13-01", "2024/05/01", "24"])
def test_garbage_dates_are_refused_naming_the_argument(date: str) -> None:
    with pytest.raises(ValueError, match="date="):
        extract_claims("Harga naik 5 persen.", date=date)
    checker = ClaimChecker(["Harga naik 5 persen."], encoder=BagOfWordsEncoder(), extractor=fake_extract)
    with pytest.raises(ValueError, match="date="):
        checker.check("Harga naik 5 persen.", date=date)


def test_valid_partial_dates_are_accepted() -> None:
    for date in ("2024", "2024-05", "2024-05-01", None):
        extract_claims("Harga naik 5 persen.", date=date)


def test_a_corpus_document_with_a_bad_date_keeps_its_text() -> None:
    (doc,) = load_corpus([dict(DOC, date="kemarin")])[0]
    assert doc.date is None and doc.text == DOC["text"]


@pytest.mark.parametrize("make", [
    lambda p: p / "missing",
    lambda p: (p / "garbage").mkdir() or (p / "garbage" / "index.json").write_text("{oops") and p / "garbage",
    lambda p: (p / "old").mkdir() or (p / "old" / "index.json").write_text('{"format": 1}') and p / "old",
])
def test_loading_a_missing_or_garbage_index_is_one_input_error(tmp_path: Path, make) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError) as info:
        ClaimChecker.load(path, encoder=BagOfWordsEncoder(), extractor=fake_extract)
    assert "\n" not in str(info.value) and str(path) in str(info.value)
