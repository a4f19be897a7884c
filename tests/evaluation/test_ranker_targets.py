"""Training data for the learned ranker: articles with their vectors, from the shared cache."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import summarize.encoders as encoders
from summarize.encoders.base import Encoder
from summarize.evaluation.locations import INDOSUM_ENV
from summarize.evaluation.ranker_targets import load_training_data

FIXTURE = Path(__file__).parent / "fixtures" / "indosum5.jsonl"


class Counting(Encoder):
    name = "counting"

    def __init__(self) -> None:
        self.seen = 0

    def encode(self, texts):
        self.seen += len(texts)
        return np.ones((len(texts), 4), dtype=np.float32) / 2


def test_a_window_embeds_only_the_heads_positions(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(INDOSUM_ENV, str(FIXTURE))
    full_enc, window_enc = Counting(), Counting()
    monkeypatch.setattr(encoders, "get_encoder", lambda name: full_enc)
    articles, full = load_training_data("counting", cache_dir=tmp_path / "a")
    monkeypatch.setattr(encoders, "get_encoder", lambda name: window_enc)
    _, windowed = load_training_data("counting", cache_dir=tmp_path / "b", window=3)
    assert window_enc.seen < full_enc.seen
    for art, f, w in zip(articles, full, windowed):
        assert f.shape == w.shape == (len(art.sentences), 4)
        assert np.array_equal(w[:3], f[:3]) and not w[3:].any()


def test_a_contextual_encoder_needs_the_window(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(INDOSUM_ENV, str(FIXTURE))
    enc = Counting()
    enc.contextual = True
    monkeypatch.setattr(encoders, "get_encoder", lambda name: enc)
    with pytest.raises(ValueError, match="one window at a time"):
        load_training_data("counting", cache_dir=tmp_path)
    assert enc.seen == 0
