"""The batched onnxruntime path computes the model file's own network: checked against the
PyTorch port (an independent implementation through ``transformers.BertModel``) and the C engine."""
from __future__ import annotations

import numpy as np
import pytest

from summarize.encoders import batched, delta
from summarize.encoders.base import l2_normalize
from summarize.encoders.batched import BatchedE5
from summarize.encoders.e5 import E5FileEncoder

LONGER = ["harga beras naik lima persen di pasar bank indonesia passage harga beras naik",
          "bank indonesia", "naik", "pasar harga beras bank indonesia naik persen"]


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(delta.CACHE_ENV, str(tmp_path / "cache"))


def test_matches_the_pytorch_port(tiny, texts) -> None:
    pytest.importorskip("transformers", reason="the PyTorch port needs the 'hf' extra")
    from eval.finetune import torch_e5
    from summarize.encoders.e5_tokenizer import E5Tokenizer

    rows, _ = E5Tokenizer(tiny)(texts)
    port = torch_e5.numpy_embed(torch_e5.to_bert(tiny).eval(), rows)
    ours = l2_normalize(BatchedE5(tiny).passage(texts))
    np.testing.assert_allclose(ours, port, atol=2e-5)


def test_close_to_the_engine(tiny_path, engine, texts) -> None:
    ours = E5FileEncoder(str(tiny_path), "tiny").encode(texts)
    theirs = l2_normalize(engine.passage(texts))
    assert (ours * theirs).sum(1).min() > 0.99  # the engine rounds activations to int8 per 32 values


def test_a_sentence_vector_does_not_depend_on_its_batch(tiny, monkeypatch) -> None:
    model = BatchedE5(tiny)
    together = model.passage(LONGER)
    alone = np.stack([model.passage([t])[0] for t in LONGER])
    np.testing.assert_allclose(together, alone, atol=1e-6)
    monkeypatch.setattr(batched, "BATCH_TOKENS", 8)  # one sentence per batch
    np.testing.assert_allclose(model.passage(LONGER), together, atol=1e-6)


def test_word_rows_dequantize_only_what_is_used(tiny) -> None:
    model = BatchedE5(tiny)
    ids = np.array([[5, 7, 5], [9, 1, 1]])
    np.testing.assert_array_equal(model._word_rows(ids), tiny.array("emb.word")[ids])


def test_empty_input_and_unknown_runtime(tiny_path) -> None:
    encoder = E5FileEncoder(str(tiny_path), "tiny")
    assert encoder.encode([]).shape == (0, 64)
    hostile = ["", "\x00\x01 kontrol", "\u202e abc \ufeff", "harga " * 500]  # the last is cut to the window
    assert np.allclose(np.linalg.norm(encoder.encode(hostile), axis=1), 1.0, atol=1e-5)
    with pytest.raises(ValueError, match="unknown runtime 'gpu'"):
        E5FileEncoder(str(tiny_path), "tiny", runtime="gpu")


def test_built_graph_and_tokenizer_are_cached_by_checksum(tiny_path, tmp_path, monkeypatch) -> None:
    first = BatchedE5(tiny_path).passage(LONGER)
    assert sorted(p.suffix for p in (tmp_path / "cache" / "batched").iterdir()) == [".onnx", ".spm"]
    monkeypatch.setattr(batched, "build", lambda model: pytest.fail("rebuilt the graph"))
    monkeypatch.setattr(batched, "sentencepiece_proto", lambda model: pytest.fail("rebuilt the tokenizer"))
    np.testing.assert_array_equal(BatchedE5(tiny_path).passage(LONGER), first)


def test_an_unwritable_cache_only_costs_the_rebuild(tiny_path, tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv(delta.CACHE_ENV, str(blocker))
    assert BatchedE5(tiny_path).passage(["harga beras"]).shape == (1, 64)


def test_windows_read_sentences_in_context_as_the_pytorch_port(tiny) -> None:
    pytest.importorskip("transformers", reason="the PyTorch port needs the 'hf' extra")
    import torch

    from eval.finetune import torch_e5
    from eval.finetune.torch_e5 import embed_windows
    from summarize.encoders.e5_tokenizer import E5Tokenizer

    windows = [LONGER, LONGER[:1], [], LONGER[::-1]]
    ours = BatchedE5(tiny).windows(windows)
    bert, tok = torch_e5.to_bert(tiny).eval(), E5Tokenizer(tiny)
    with torch.inference_mode():
        port = embed_windows(bert, [tok.window(w) for w in windows if w])
    assert [len(v) for v in ours] == [4, 1, 0, 4]
    for mine, theirs in zip([v for v in ours if len(v)], port):
        np.testing.assert_allclose(l2_normalize(mine), theirs.numpy(), atol=2e-5)
    np.testing.assert_allclose(ours[1], BatchedE5(tiny).passage(LONGER[:1]), atol=1e-6)  # alone: as passage
    assert abs(float(l2_normalize(ours[0])[0] @ l2_normalize(ours[3])[3])) < 0.9999  # other neighbours


def test_a_window_does_not_depend_on_its_batch(tiny, monkeypatch) -> None:
    model = BatchedE5(tiny)
    windows = [LONGER, LONGER[1:3], LONGER[::-1]]
    together = model.windows(windows)
    monkeypatch.setattr(batched, "BATCH_TOKENS", 8)  # one window per batch
    for a, b in zip(model.windows(windows), together):
        np.testing.assert_allclose(a, b, atol=1e-6)


def test_only_the_batched_runtime_reads_in_context(tiny_path) -> None:
    encoder = E5FileEncoder(str(tiny_path), "tiny", contextual=True)
    parts = encoder.encode_windows([LONGER, []])
    assert parts[0].shape == (4, 64) and parts[1].shape == (0, 64)
    np.testing.assert_allclose(np.linalg.norm(parts[0], axis=1), 1.0, atol=1e-5)
    plain = E5FileEncoder(str(tiny_path), "tiny")
    np.testing.assert_allclose(plain.encode_windows([LONGER])[0], plain.encode(LONGER), atol=1e-6)
    with pytest.raises(ValueError, match="only the batched runtime"):
        E5FileEncoder(str(tiny_path), "tiny", runtime="engine", contextual=True)


def test_a_long_window_is_read_in_pieces_of_the_heads_size(tiny) -> None:
    model = BatchedE5(tiny)
    long = [f"{LONGER[i % 4]} {i}" for i in range(23)]
    [whole] = model.windows([long])
    pieces = model.windows([long[:10], long[10:20], long[20:]])
    assert batched.WINDOW_SENTENCES == 10 and whole.shape == (23, 64)
    np.testing.assert_allclose(whole, np.concatenate(pieces), atol=1e-6)
    assert model.windows([["kata"] * 300])[0].shape == (300, 64)  # never more sentences than positions
