"""The speed benchmark's encoder specs: registered names, and NAME@RUNTIME variants."""
from __future__ import annotations

from pathlib import Path

import pytest

from eval.bench_encoder_summarize import build

FIXTURE = Path(__file__).parent / "fixtures" / "indosum5.jsonl"


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch) -> None:
    """The batched runtime caches its graph; keep the 12-layer one out of the user's cache."""
    from summarize.encoders import delta

    monkeypatch.setenv(delta.CACHE_ENV, str(tmp_path / "cache"))


def test_runtime_variant_keeps_the_name_and_its_head() -> None:
    summ = build("e5-small@batched")
    assert summ.encoder.name == "e5-small" and summ.encoder.runtime == "batched"
    assert summ.ranker.name == "learned"  # the e5-small head, found by the encoder's name


def test_unknown_variant_is_refused() -> None:
    with pytest.raises(SystemExit, match="no runtime variants of 'hashed'"):
        build("hashed@engine")


def test_runtime_agreement_compares_the_two_runtimes(monkeypatch) -> None:
    from eval.bench_encoder_summarize import agreement
    from summarize.evaluation.indosum import load_articles
    from summarize.evaluation.locations import INDOSUM_ENV

    monkeypatch.setenv(INDOSUM_ENV, str(FIXTURE))
    texts = [a.raw_text for a in load_articles(limit=2)]
    summs = {"e5-small": build("e5-small"), "e5-small@batched": build("e5-small@batched")}
    [(pair, row)] = agreement(summs, texts).items()
    assert pair == "e5-small vs e5-small@batched"
    assert row["cosine_min"] > 0.99 and row["same_summary"].endswith("of 2")
