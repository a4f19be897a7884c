"""A head for another encoder, end to end as a connected user would train one for IndoBERT:
``python -m eval.train_ranker --encoder <hub id or directory>`` writes ``models/ranker-<encoder>/``, and a
summarizer with that encoder then ranks with it instead of falling back to centrality."""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURE = Path(__file__).parents[1] / "evaluation" / "fixtures" / "indosum5.jsonl"


def test_train_script_writes_a_head_the_summarizer_uses(tiny_bert_dir, tmp_path, monkeypatch):
    pytest.importorskip("torch")
    from summarize.evaluation.indosum import load_articles
    from eval.train_ranker import main
    from summarize import Summarizer
    from summarize.rankers.learned import HEAD_FILE, LearnedRanker, head_dir

    monkeypatch.setenv("SUMMARIZE_INDOSUM", str(FIXTURE))
    encoder = str(tiny_bert_dir)
    main(["--encoder", encoder, "--out", str(tmp_path / "models"), "--cache-dir", str(tmp_path / "cache"),
          "--members", "1", "--epochs", "1", "--d-model", "16", "--d-ff", "16"])
    assert (head_dir(encoder, tmp_path / "models") / HEAD_FILE).exists()
    assert list((tmp_path / "cache").glob("*.npz")), "embeddings go to the cache directory given"

    summarizer = Summarizer(encoder=encoder, ranker=LearnedRanker(models_root=tmp_path / "models"))
    summary = summarizer.summarize(load_articles(FIXTURE)[0].raw_text, k=2)
    assert summary.ranker == "learned" and len(summary.sentences) == 2
    assert summarizer.max_candidates == 10  # the new head's positions, not the 200 of centrality
