"""Tiny, randomly initialised models built once per session, so encoder tests never need the Hub.

The weights are random (seeded), so the tests check plumbing (shapes, norms, determinism, loading,
errors), never embedding quality.
"""
from __future__ import annotations

from pathlib import Path

import pytest

# A short made-up ANTARA-style article: four paragraphs, six sentences.
ARTICLE = (
    "Jakarta (ANTARA) - Pemerintah Provinsi DKI Jakarta menyalurkan bantuan modal kepada 1.200 pelaku UMKM "
    "pada tahun ini. Bantuan itu diberikan melalui program Jakpreneur.\n\n"
    "Kepala Dinas Koperasi mengatakan nilai bantuan mencapai Rp12 miliar. Dana tersebut berasal dari APBD.\n\n"
    "Para pelaku usaha menyambut baik program tersebut karena penjualan mereka turun selama pandemi.\n\n"
    "Program serupa akan dilanjutkan pada tahun depan dengan target 2.000 pelaku usaha."
)

SENTENCES = [
    "Harga beras di pasar tradisional naik 5 persen.",
    "Bank Indonesia menahan suku bunga acuan.",
    "Presiden meresmikan jalan tol baru di Sumatera pada hari Senin.",
    "Inflasi tahunan tercatat 2,5 persen.",
    "Hujan deras menyebabkan banjir di beberapa wilayah Jakarta Timur dan Bekasi sejak Minggu malam.",
]


@pytest.fixture(scope="session")
def article() -> str:
    return ARTICLE


@pytest.fixture(scope="session")
def sentences() -> list[str]:
    return list(SENTENCES)


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test here may reach the network: offline, a missing model fails at once instead of retrying."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def tiny_bert_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer BERT (hidden 32) with a WordPiece vocabulary trained on the test text."""
    torch = pytest.importorskip("torch", reason="Hugging Face encoders need the 'hf' extra")
    pytest.importorskip("transformers", reason="Hugging Face encoders need the 'hf' extra")
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertConfig, BertModel, BertTokenizerFast

    root = tmp_path_factory.mktemp("tiny-bert")
    wordpiece = BertWordPieceTokenizer(lowercase=True)
    wordpiece.train_from_iterator([ARTICLE, *SENTENCES], vocab_size=400, min_frequency=1, show_progress=False)
    vocab = wordpiece.save_model(str(root))[0]
    tokenizer = BertTokenizerFast(vocab_file=vocab, do_lower_case=True, model_max_length=128)
    config = BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=37,
        max_position_embeddings=128,
    )
    torch.manual_seed(0)
    BertModel(config).save_pretrained(root)
    tokenizer.save_pretrained(root)
    return root


@pytest.fixture(scope="session")
def tiny_st_dir(tiny_bert_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny BERT wrapped as a sentence-transformers model (mean pooling), saved with ``.save()``."""
    pytest.importorskip("sentence_transformers", reason="Hugging Face encoders need the 'hf' extra")
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer

    root = tmp_path_factory.mktemp("tiny-st")
    transformer = Transformer(str(tiny_bert_dir), max_seq_length=64)
    model = SentenceTransformer(modules=[transformer, Pooling(32, pooling_mode="mean")], device="cpu")
    model.save(str(root))
    return root
