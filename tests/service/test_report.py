"""The HTML report: spans, escaping, labels, evidence, self-containment, the file writer."""
from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("jinja2", reason="the report needs the 'serve' extra")

from summarize.service.report import LABELS, _spans, article_html, frame_items, render_report, write_report  # noqa: E402
from summarize.summarizer import Summarizer  # noqa: E402
from tests.claims.checker_fakes import BagOfWordsEncoder  # noqa: E402
from tests.service.conftest import QUERY  # noqa: E402

XSS = 'Harga naik 5 persen. <script>alert("x")</script> Lalu "><img src=x onerror=alert(1)> turun 3 persen.'


def _result(surface: str, text: str, verdict: str, **extra) -> dict:
    start = text.index(surface)
    claim = {"surface": surface, "start": start, "end": start + len(surface), "value": "5", "unit": "percent",
             "noun": None, "low": "4.5", "high": "5.5", "approx": None, "time": None, "sentence": text,
             "frame": {"measure": "harga", "entities": [], "places": ["Jawa Barat"], "time": "2024",
                       "kind": "change", "unit_class": "percent", "counted": None}}
    return {"claim": claim, "verdict": verdict, "deciding": None, "evidence": [], **extra}


class _Text(HTMLParser):
    """Collects the text inside the element with id ``article-text`` and counts tags."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if self.depth or dict(attrs).get("id") == "article-text":
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def _parse(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def test_spans_cover_the_text_and_know_sentence_and_claim():
    spans = _spans(20, sentences=[(0, 10)], claims=[(5, 8), (12, 15)])
    assert [(s.start, s.end) for s in spans] == [(0, 5), (5, 8), (8, 10), (10, 12), (12, 15), (15, 20)]
    assert [s.summary for s in spans] == [0, 0, 0, None, None, None]
    assert [s.claim for s in spans] == [None, 0, None, None, 1, None]
    assert [s.last for s in spans if s.claim is not None] == [True, True]


def test_a_claim_across_a_sentence_edge_gets_one_label():
    spans = _spans(20, sentences=[(0, 6)], claims=[(4, 9)])
    assert [(s.claim, s.last) for s in spans if s.claim is not None] == [(0, False), (0, True)]


def test_article_text_is_escaped_and_kept_exactly():
    results = [_result("5 persen", XSS, "conflict"), _result("3 persen", XSS, "unverified")]
    html = render_report(XSS, {"sentences": [{"start": 0, "end": 20, "text": "Harga naik 5 persen."}],
                               "encoder": "e", "ranker": "r", "n_sentences": 3}, results)
    parsed = _parse(html)
    shown = "".join(parsed.text)
    for verdict in ("conflict", "unverified"):
        shown = shown.replace(LABELS[verdict], "")
    assert shown == XSS  # every character of the article, as text
    assert [t for t, _ in parsed.tags].count("script") == 1  # ours only
    assert not any(t == "img" for t, _ in parsed.tags)
    assert "&lt;script&gt;" in html


def test_every_claim_has_its_verdict_colour_class_and_text_label():
    results = [_result("5 persen", XSS, "conflict"), _result("3 persen", XSS, "consistent")]
    html = str(article_html(XSS, {"sentences": []}, results))
    assert 'class="claim v-conflict" href="#claim-0"' in html and LABELS["conflict"] in html
    assert 'class="claim v-consistent" href="#claim-1"' in html and LABELS["consistent"] in html


def test_summary_sentences_are_marked():
    summary = Summarizer(encoder=BagOfWordsEncoder(), ranker="lead").summarize(QUERY, k=2).to_dict()
    html = str(article_html(QUERY, summary, []))
    marked = [QUERY[s["start"] : s["end"]] for s in summary["sentences"]]
    for i, sentence in enumerate(marked):
        assert f'<mark class="summary" data-summary="{i}">{sentence}</mark>' in html
    assert html.count("<mark") == 2


def test_evidence_ruled_out_reason_and_frame_are_shown():
    evidence = {"source": "bps-2024-02", "date": "2024-02-05", "sentence": "Ekonomi tumbuh 5,05 persen.",
                "surface": "5,05 persen", "value": "5.05", "agrees": False, "similarity": 0.9}
    ruled = {"source": "pupuk-1", "sentence": "Pupuk 4,7 juta ton.", "surface": "4,7 juta ton", "value": "4700000",
             "slot": "unit_class", "reason": "a different unit"}
    result = _result("5 persen", XSS, "conflict", reason="5 persen vs 5,05 persen", deciding=evidence,
                     evidence=[evidence], ruled_out=[ruled])
    html = render_report(XSS, {"sentences": [], "encoder": "e", "ranker": "r", "n_sentences": 3}, [result])
    for shown in ("bps-2024-02", "2024-02-05", "Ekonomi tumbuh 5,05 persen.", "5,05 persen = 5.05", "deciding",
                  "Ruled out", "pupuk-1", "a different unit", "(unit_class)", "5 persen vs 5,05 persen",
                  "Jawa Barat", "change"):
        assert shown in html, shown


def test_evidence_that_agrees_without_confirming_says_so():
    base = {"source": "s", "sentence": "Kontrak dua tahun.", "surface": "dua tahun", "value": "2", "similarity": 0.5}
    quiet = {**base, "agrees": True, "confirms": False}
    bound = {**base, "source": "t", "agrees": False, "contradicts": False}
    html = render_report(XSS, {"sentences": [], "encoder": "e", "ranker": "r", "n_sentences": 3},
                         [_result("5 persen", XSS, "unverified", evidence=[quiet, bound])])
    assert "agrees, but does not confirm (another story)" in html
    assert "differs, without contradicting (a bound)" in html


def test_frame_items_skip_empty_slots():
    claim = _result("5 persen", XSS, "conflict")["claim"]
    assert frame_items(claim) == [("measure", "harga"), ("kind", "change"), ("where", "Jawa Barat"),
                                  ("time", "2024"), ("unit", "percent")]
    assert frame_items({"surface": "x"}) == []  # a claim record from before frames


def test_the_report_is_self_contained():
    html = render_report(QUERY, {"sentences": [], "encoder": "e", "ranker": "r", "n_sentences": 1}, [])
    tags = _parse(html).tags
    assert not [a for _, a in tags if "src" in a]
    assert not [t for t, _ in tags if t == "link"]
    assert "http://" not in html and "https://" not in html
    assert "<style>" in html and "function show" in html


def test_without_a_check_the_report_says_so():
    html = render_report(QUERY, {"sentences": [], "encoder": "e", "ranker": "r", "n_sentences": 1}, None)
    assert "Numbers not checked" in html


def test_write_report_from_library_objects(tmp_path):
    summary = Summarizer(encoder=BagOfWordsEncoder(), ranker="lead").summarize(QUERY, k=1)

    class Result:  # what ClaimChecker.check returns, as far as the report is concerned
        def to_dict(self):
            return _result("5,3 persen", QUERY, "conflict")

    path = write_report(tmp_path / "r.html", text=QUERY, summary=summary, results=[Result()], date="2024-02-07")
    html = path.read_text(encoding="utf-8")
    assert LABELS["conflict"] in html and "article date 2024-02-07" in html
    assert html.count('data-summary="0"') == 3  # the sentence, cut around its claim
    assert 'data-summary="1"' not in html


def test_the_command_writes_the_report(tmp_path):
    """``summarize ARTICLE --corpus DEMO --html PATH``: the same report, from the command."""
    root = Path(__file__).parents[2]
    out = tmp_path / "report.html"
    subprocess.run([sys.executable, "-m", "summarize", str(root / "tests/fixtures/antara-2024-umkm-jakpreneur.txt"),
                    "--corpus", str(root / "eval/data/claims/demo_corpus.jsonl"), "--html", str(out), "-q"],
                   check=True, capture_output=True, timeout=300)
    html = out.read_text(encoding="utf-8")
    assert LABELS["conflict"] in html and "antara-2024-umkm-jakpreneur-edited" in html
    assert html.count('data-summary="') >= 3 and "Numbers not checked" not in html
