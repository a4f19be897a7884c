"""Articles read in context by the fine-tuning tools: the PyTorch pooling, training and scoring."""
from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from eval import ranker_cv
from eval.finetune import evaluate, head_cv, torch_e5
from eval.finetune.backends import Backend, E5Backend
from summarize.encoders.e5 import E5FileEncoder
from summarize.encoders.e5_tokenizer import E5Tokenizer

SENTS = ["Harga beras naik 5 persen.", "bank indonesia menahan bunga", "pasar: harga naik"]


def test_one_sentence_in_context_is_the_sentence_alone(tiny) -> None:
    bert, tok = torch_e5.to_bert(tiny), E5Tokenizer(tiny)
    with torch.inference_mode():
        alone = torch_e5.embed(bert, tok(SENTS[:1])[0])[0]
        in_context = torch_e5.embed_windows(bert, [tok.window(SENTS[:1])])[0][0]
    torch.testing.assert_close(in_context, alone, atol=1e-5, rtol=0)
    assert torch_e5.embed_windows(bert, []) == []


def test_neighbours_change_a_vector_and_padding_does_not(tiny) -> None:
    bert, tok = torch_e5.to_bert(tiny), E5Tokenizer(tiny)
    a, b = tok.window(SENTS), tok.window([SENTS[0], "pasar", SENTS[2]])
    with torch.inference_mode():
        both = torch_e5.embed_windows(bert, [a, b])
        single = torch_e5.embed_windows(bert, [a])[0]
    torch.testing.assert_close(both[0], single, atol=1e-5, rtol=0)  # b is longer: a is padded in the batch
    assert float(both[0][2] @ both[1][2]) < 0.9999  # the same last sentence, other neighbours
    torch.testing.assert_close(torch.linalg.norm(both[1], dim=1), torch.ones(3))


def test_trained_in_context_is_what_the_runtime_reads(tiny_path) -> None:
    backend = E5Backend(qat=False, base_path=tiny_path)
    with torch.inference_mode():
        trained = backend.embed_articles([SENTS], context=True)[0].numpy()
        alone = backend.embed_articles([SENTS])[0].numpy()
    runtime = E5FileEncoder(str(tiny_path), "tiny", contextual=True).encode_windows([SENTS])[0]
    np.testing.assert_allclose(runtime, trained, atol=2e-5)
    assert not np.allclose(trained, alone, atol=1e-3)


def test_other_backends_refuse_context() -> None:
    class Plain(Backend):
        name = "plain"

        def tokenize(self, texts):
            return [[1]] * len(texts)

        def embed(self, rows):
            return torch.ones(len(rows), 2)

        def export(self, out):
            return {}

    assert [v.shape for v in Plain().embed_articles([["a", "b"], ["c"]])] == [(2, 2), (1, 2)]
    with pytest.raises(ValueError, match="e5-small only"):
        Plain().embed_articles([["a"]], context=True)


def test_a_run_trained_in_context_is_recorded_and_scored_so(context_run, indosum5, tmp_path) -> None:
    run, fold = context_run
    assert json.loads((run / "run.json").read_text())["config"]["context"] is True
    assert evaluate.main(["--run", str(run), "--out", str(tmp_path / "r.json")]) == 0
    assert json.loads((tmp_path / "r.json").read_text())["run"]["context"] is True


def test_head_cv_reads_a_context_run_in_context_in_both_modes(context_run, indosum5, tmp_path, monkeypatch) -> None:
    run, fold = context_run
    monkeypatch.setattr(ranker_cv, "RESULTS", tmp_path)
    assert head_cv.main(["--runs", str(run), "--name", "tiny-ctx", "--folds", str(fold), "--raw",
                         "--cache-dir", str(tmp_path / "cache"), "--tag", "_ctx", "--members", "1"]) == 0
    assert {"given d=0.0", "raw d=0.0"} <= set(json.loads((tmp_path / "ranker_cv_ctx.json").read_text())["mean"])
    assert "tiny-ctx.windows.npz" in [p.name for p in (tmp_path / "cache").iterdir()]


def test_context_needs_run_directories(indosum5, tmp_path) -> None:
    with pytest.raises(SystemExit, match="registered encoder"):
        head_cv.main(["--runs", "e5-small", "--context", "--cache-dir", str(tmp_path)])
