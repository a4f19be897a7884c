"""The batch seam: one record in, exactly one record out, whatever goes wrong on that line."""
from __future__ import annotations

import json
import pickle

import pytest

from summarize import Summarizer
from summarize.batch import BatchSpec, BatchWorker, local_records, process_record, process_records
from tests.toys import HashedWords

GOOD = "Harga beras naik 5 persen. Pedagang mengeluh di pasar. Pemerintah menambah stok."


class ExplodingChecker:
    """A claim checker that fails on one article, as the number parser once did on '300 m ²'."""

    def check(self, text, date=None, sentences=None):
        if "meledak" in text:
            raise ArithmeticError("boom")
        return []


@pytest.fixture
def toy() -> Summarizer:
    return Summarizer(encoder=HashedWords(), ranker="lead", diversity=0.0)


def lines(*records) -> list[tuple[int, bytes]]:
    return [(i, (r if isinstance(r, str) else json.dumps(r)).encode()) for i, r in enumerate(records, start=1)]


def test_every_line_gives_one_record_with_its_line(toy):
    src = lines({"id": "a", "text": GOOD}, "{nope", {"id": 7}, {"id": "c", "text": " "}, [1], {"id": "d", "text": GOOD})
    out = process_records(src, toy, {"k": 2})
    assert [r["line"] for r in out] == [1, 2, 3, 4, 5, 6]
    assert [r["id"] for r in out] == ["a", None, "7", "c", None, "d"]
    assert ["error" in r for r in out] == [False, True, True, True, True, False]
    assert set(out[1]) == {"id", "line", "error"} and "bad JSON" in out[1]["error"]
    assert len(out[0]["sentences"]) == 2 and out[0]["encoder"] == "hashed-words"


def test_a_crash_in_one_claim_check_is_that_lines_error_only(toy):
    src = lines({"id": "1", "text": GOOD}, {"id": "2", "text": "Lahan meledak 300 m ²."}, {"id": "3", "text": GOOD})
    out = process_records(src, toy, {"k": 1}, checker=ExplodingChecker())
    assert [r["id"] for r in out] == ["1", "2", "3"]
    assert out[1] == {"id": "2", "line": 2, "error": "claim check failed: ArithmeticError: boom"}
    assert out[0]["claims"] == [] and out[2]["claims"] == []


def test_a_crash_in_the_summarizer_is_that_lines_error_only(toy):
    class Picky(HashedWords):
        def encode(self, texts):
            if any("racun" in t for t in texts):
                raise RuntimeError("encoder failed")
            return super().encode(texts)

    summ = Summarizer(encoder=Picky(), ranker="lead")
    out = process_records(lines({"id": "a", "text": GOOD}, {"id": "b", "text": "Ada racun di sini."}), summ, {})
    assert "error" not in out[0] and out[1]["error"] == "RuntimeError: encoder failed"


def test_options_wrong_for_every_line_still_give_records(toy):
    out = process_records(lines({"id": "a", "text": GOOD}), toy, {"k": 0})
    assert out == [{"id": "a", "line": 1, "error": "ValueError: k must be at least 1"}]


def test_parsed_objects_and_single_records(toy):
    rec = process_record(9, {"id": "x", "text": GOOD, "date": "2024-01-02"}, toy, {"k": 1})
    assert rec["id"] == "x" and rec["line"] == 9 and len(rec["sentences"]) == 1
    assert process_record(3, b"\xff\xfe", toy, {})["error"] == "line is not UTF-8"


def test_local_records_chunks_keep_order(toy):
    worker = BatchWorker(toy, {"k": 1})
    src = lines(*({"id": str(i), "text": GOOD} for i in range(7)))
    assert [r["id"] for r in local_records(worker, src, chunk=3)] == [str(i) for i in range(7)]
    assert worker.record(1, src[0][1])["id"] == "0"


def test_spec_is_picklable_and_builds_its_worker():
    spec = BatchSpec(ranker="lead", diversity=0.1, length={"k": 2})
    assert pickle.loads(pickle.dumps(spec)) == spec
    worker = spec.worker()
    assert worker.checker is None and worker.summarizer.diversity == 0.1
    with pytest.raises(ValueError, match="k must be"):
        BatchSpec(ranker="lead", length={"k": 0}).summarizer()


def test_html_text_is_extracted_and_its_text_returned(toy):
    pytest.importorskip("trafilatura")
    html = "<p>Harga beras naik 5 persen di Bogor.</p><p>Pedagang mengeluh di pasar.</p>"
    rec = process_record(1, {"id": "h", "text": html}, toy, {"k": 2})
    assert [s["text"] for s in rec["sentences"]] == ["Harga beras naik 5 persen di Bogor.", "Pedagang mengeluh di pasar."]
    assert all(rec["extracted_text"][s["start"] : s["end"]] == s["text"] for s in rec["sentences"])
    assert "extracted_text" not in process_record(2, {"id": "p", "text": GOOD}, toy, {"k": 1})


def test_check_reads_the_summarizers_split_once(toy, monkeypatch):
    """`--check` splits each article once: the claim extractor gets the summary's sentences."""
    from summarize.claims import ClaimChecker
    from summarize.claims import extract as extract_module
    from summarize import summarizer as summarizer_module
    from tests.claims.checker_fakes import BagOfWordsEncoder

    corpus = [{"id": "c", "text": "Harga beras naik 5 persen di Jakarta."}]
    checker = ClaimChecker(corpus, encoder=BagOfWordsEncoder())
    text = "Harga beras naik 5 persen. Pedagang mengeluh. Stok beras 300 ton di gudang."
    alone = [r.to_dict() for r in checker.check(text)]
    calls = []
    real = summarizer_module.article_sentences

    def counting(t):
        calls.append(t)
        return real(t)

    monkeypatch.setattr(summarizer_module, "article_sentences", counting)
    monkeypatch.setattr(extract_module, "article_sentences", counting)
    out = process_records(lines({"id": "a", "text": text}), toy, {"k": 1}, checker=checker)
    assert calls == [text]
    assert [{k: v for k, v in c.items() if k != "in_summary"} for c in out[0]["claims"]] == alone
    assert [c["claim"]["surface"] for c in out[0]["claims"]] == ["5 persen", "300 ton"]
