"""The encoder registry: names resolve lazily, anything else is handed to the Hugging Face path."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pytest

import summarize.encoders.hf
from summarize.encoders import DEFAULT_ENCODER, Encoder, available_encoders, base, get_encoder, register_encoder
from summarize.encoders.e5 import E5Encoder


class _Constant(Encoder):
    name = "constant"

    def encode(self, texts):
        return np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2)


def test_the_fine_tuned_encoder_is_the_default_and_e5_small_an_option() -> None:
    from summarize.encoders.finetuned import ContextFineTunedE5Encoder

    assert DEFAULT_ENCODER == "e5-small-id-ft-ctx"
    assert {"e5-small", "e5-small-id-ft", "e5-small-id-ft-ctx"} <= set(available_encoders())
    default = get_encoder(None)
    assert isinstance(default, ContextFineTunedE5Encoder) and default.name == "e5-small-id-ft-ctx" and default.contextual
    encoder = get_encoder("e5-small")
    assert isinstance(encoder, E5Encoder) and encoder.name == "e5-small"


def test_an_encoder_instance_passes_through() -> None:
    encoder = _Constant()
    assert get_encoder(encoder) is encoder


def test_registered_callable_and_lazy_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "_REGISTRY", base._REGISTRY.copy())  # registrations vanish after the test
    register_encoder("constant", _Constant)
    register_encoder("lazy-e5", "summarize.encoders.e5:E5Encoder")
    assert isinstance(get_encoder("constant"), _Constant)
    assert isinstance(get_encoder("lazy-e5"), E5Encoder)
    assert {"constant", "lazy-e5"} <= set(available_encoders())


@pytest.mark.parametrize("spec", ["indobenchmark/indobert-base-p1", "indolem/indobert-base-uncased", "/models/mine"])
def test_unknown_names_go_to_the_hf_path(spec: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def fake_load(name: str) -> Encoder:
        calls.append(name)
        return _Constant()

    monkeypatch.setattr(summarize.encoders.hf, "load_hf_encoder", fake_load)
    assert isinstance(get_encoder(spec), _Constant)
    assert calls == [spec]


def test_default_path_never_imports_torch(article: str) -> None:
    # A fresh interpreter: this test process has already imported torch for the tiny models.
    script = textwrap.dedent(
        """
        import sys
        import summarize
        from summarize import Summarizer

        summary = Summarizer().summarize(sys.stdin.read(), k=2)
        assert len(summary.sentences) == 2, summary
        heavy = sorted(m for m in ("torch", "transformers", "sentence_transformers") if m in sys.modules)
        assert not heavy, heavy
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], input=article, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_claims_keep_a_similarity_encoder_when_summaries_use_a_ranking_one() -> None:
    from summarize.encoders.base import SIMILARITY_ENCODER, similarity_encoder

    assert similarity_encoder(None) == similarity_encoder("e5-small-id-ft") == SIMILARITY_ENCODER
    assert similarity_encoder("e5-small-id-ft-ctx") == SIMILARITY_ENCODER
    assert similarity_encoder("indobenchmark/indobert-base-p1") == "indobenchmark/indobert-base-p1"
    encoder = _Constant()
    assert similarity_encoder(encoder) is encoder
