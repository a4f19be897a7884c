"""Sentences embedded in their article's context: spans, pooling, the cache and the CLI flags."""
from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from eval import ranker_cv
from eval.finetune import head_cv, torch_e5, train
from eval.finetune.backends import E5Backend
from eval.finetune.context import ContextFileEncoder, DocumentCache, document_row, embed_documents
from summarize.encoders.e5_tokenizer import E5Tokenizer
from summarize.evaluation.folds import fold_of
from summarize.evaluation.indosum import load_articles
from tests.toys import HashedWords

SENTS = ["Harga beras naik 5 persen.", "bank indonesia menahan bunga", "pasar: harga naik"]


def test_spans_tile_the_row_and_each_ends_with_its_eos(tiny) -> None:
    tok = E5Tokenizer(tiny)
    row, spans = document_row(tok, SENTS, 64)
    assert spans[0][0] == 0 and spans[-1][1] == len(row) <= 64
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert [row[b - 1] for _, b in spans] == [tok.eos] * len(SENTS)
    assert row[0] == tok.bos and row.count(tok.bos) == 1
    assert document_row(tok, [], 64) == ([], [])


def test_long_windows_are_cut_to_equal_shares(tiny) -> None:
    tok = E5Tokenizer(tiny)
    long = ["harga beras naik " * 30] * 5
    row, spans = document_row(tok, long, 64)
    assert len(row) <= 64 and len(spans) == 5
    assert max(b - a for a, b in spans[1:]) == (64 - 1) // 5  # cap tokens + </s>
    with pytest.raises(ValueError, match="cannot share"):
        document_row(tok, ["a"] * 40, 64)


def test_one_sentence_in_context_is_the_sentence_alone(tiny) -> None:
    bert, tok = torch_e5.to_bert(tiny), E5Tokenizer(tiny)
    with torch.inference_mode():
        alone = torch_e5.embed(bert, tok(SENTS[:1])[0])[0]
        in_context = embed_documents(bert, [document_row(tok, SENTS[:1], 64)])[0][0]
    torch.testing.assert_close(in_context, alone, atol=1e-5, rtol=0)


def test_neighbours_change_a_vector_and_padding_does_not(tiny) -> None:
    bert, tok = torch_e5.to_bert(tiny), E5Tokenizer(tiny)
    a, b = document_row(tok, SENTS, 64), document_row(tok, [SENTS[0], "pasar", SENTS[2]], 64)
    with torch.inference_mode():
        both = embed_documents(bert, [a, b])
        single = embed_documents(bert, [a])[0]
    torch.testing.assert_close(both[0], single, atol=1e-5, rtol=0)  # b is longer: a is padded in the batch
    assert float(both[0][2] @ both[1][2]) < 0.9999  # the same last sentence, other neighbours
    torch.testing.assert_close(torch.linalg.norm(both[1], dim=1), torch.ones(3))


def test_file_encoder_and_backend_agree(tiny, tiny_path) -> None:
    vectors = ContextFileEncoder(tiny_path, "tiny").encode(SENTS)
    backend = E5Backend(qat=False, base_path=tiny_path)
    with torch.inference_mode():
        trained_path = backend.embed_articles([SENTS], context=True)[0].numpy()
        alone = backend.embed_articles([SENTS])[0].numpy()
    np.testing.assert_allclose(vectors, trained_path, atol=1e-5)
    assert not np.allclose(vectors, alone, atol=1e-3)
    assert ContextFileEncoder(tiny_path, "tiny").encode([]).shape == (0, 64)


def test_document_cache_keys_the_whole_list(tmp_path, texts) -> None:
    base = HashedWords()
    cache = DocumentCache(base, tmp_path)
    first = cache.encode(texts)
    cache.encode(texts)
    cache.encode(texts[::-1])
    cache.encode([])
    assert base.calls == [texts, texts[::-1], []]  # a new order is a new article
    cache.save()
    again = DocumentCache(HashedWords(), tmp_path)
    np.testing.assert_array_equal(again.encode(texts), first)
    assert again.encode([]).shape[0] == 0 and again.base.calls == []


def test_training_in_context_runs_and_is_recorded(tiny_path, indosum5, tmp_path) -> None:
    fold = fold_of(load_articles()[0].id)
    assert train.main(["--out", str(tmp_path), "--encoder", str(tiny_path), "--layers", "1", "--fold", str(fold),
                       "--batch-articles", "2", "--scale-articles", "2", "--threads", "1", "--context"]) == 0
    assert json.loads((tmp_path / "run.json").read_text())["config"]["context"] is True
    assert (tmp_path / "engine.bin").exists()


def test_head_cv_reads_runs_in_context_given_sentences_only(tiny_run, indosum5, tmp_path, monkeypatch, capsys) -> None:
    run, fold = tiny_run
    monkeypatch.setattr(ranker_cv, "RESULTS", tmp_path)
    assert head_cv.main(["--runs", str(run), "--name", "tiny-ctx", "--folds", str(fold), "--context",
                         "--cache-dir", str(tmp_path / "cache"), "--tag", "_ctx", "--members", "1"]) == 0
    assert "given d=0.0" in json.loads((tmp_path / "ranker_cv_ctx.json").read_text())["mean"]
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["tiny-ctx.docs.npz"]
    with pytest.raises(SystemExit):
        head_cv.main(["--runs", str(run), "--context", "--raw", "--folds", str(fold)])
    assert "given sentences only" in capsys.readouterr().err


def test_hf_backends_refuse_context() -> None:
    from eval.finetune.backends import Backend

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
