"""The Hugging Face path: any transformers encoder is fine-tuned the same way and saved with
``save_pretrained``, loadable by ``summarize.encoders.hf`` and scorable by ``evaluate``."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from eval.finetune import evaluate, train
from eval.finetune.backends import E5Backend, HFBackend, make_backend


@pytest.fixture(scope="module")
def hf_dir(tiny, tmp_path_factory) -> Path:
    """The tiny e5 as a plain Hugging Face model directory (BERT weights + a fast tokenizer)."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    from eval.finetune import torch_e5

    root = tmp_path_factory.mktemp("tiny-hf")
    torch_e5.to_bert(tiny).save_pretrained(root)
    unigram = Tokenizer(models.Unigram(list(zip(tiny.vocab.pieces, tiny.vocab.scores.tolist())), unk_id=tiny.vocab.unk))
    unigram.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always")
    fast = PreTrainedTokenizerFast(tokenizer_object=unigram, bos_token="<s>", eos_token="</s>",
                                   pad_token="<pad>", unk_token="<unk>", model_max_length=64)
    fast.save_pretrained(root)
    return root


def test_backend_choice(hf_dir, tiny_path) -> None:
    assert isinstance(make_backend(str(tiny_path), 1, True, 32), E5Backend)
    hf = make_backend(str(hf_dir), 1, False, 32)
    assert isinstance(hf, HFBackend) and hf.module.config.num_hidden_layers == 1
    vectors = hf.encode(["harga beras naik", "bank"])
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_hf_run_is_saved_loaded_and_scored(hf_dir, indosum5, tmp_path) -> None:
    from summarize.encoders.hf import load_hf_encoder
    from summarize.evaluation.folds import fold_of
    from summarize.evaluation.indosum import load_articles

    fold = fold_of(load_articles()[0].id)
    run = tmp_path / "run"
    assert train.main(["--out", str(run), "--encoder", str(hf_dir), "--layers", "0", "--fold", str(fold),
                       "--batch-articles", "3", "--scale-articles", "2", "--threads", "1"]) == 0
    saved = run / "encoder"
    assert (saved / "config.json").is_file() and not (run / "engine.bin").exists()
    assert load_hf_encoder(str(saved)).encode(["harga beras"]).shape == (1, 64)
    out = tmp_path / "result.json"
    assert evaluate.main(["--run", str(run), "--out", str(out)]) == 0
    assert json.loads(out.read_text())["n"] >= 1
