"""The Hugging Face path on tiny local models: vectors, loading rules, and one-line errors."""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from summarize import Summarizer
from summarize.encoders import get_encoder
from summarize.encoders.hf import SentenceTransformerEncoder, TransformersEncoder, load_hf_encoder
from summarize.errors import ModelError

FAKE_COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture(scope="module", params=["transformers", "sentence-transformers"])
def model_dir(request: pytest.FixtureRequest) -> Path:
    name = "tiny_bert_dir" if request.param == "transformers" else "tiny_st_dir"
    return request.getfixturevalue(name)


def test_directory_kind_picks_the_backend(tiny_bert_dir: Path, tiny_st_dir: Path) -> None:
    assert isinstance(load_hf_encoder(str(tiny_bert_dir)), TransformersEncoder)
    assert isinstance(load_hf_encoder(str(tiny_st_dir)), SentenceTransformerEncoder)


def test_vectors_are_float32_unit_rows(model_dir: Path, sentences: list[str]) -> None:
    encoder = load_hf_encoder(str(model_dir), device="cpu")
    vectors = encoder.encode(sentences)
    assert encoder.name == str(model_dir)
    assert vectors.shape == (len(sentences), 32)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert len({tuple(np.round(v, 4)) for v in vectors}) == len(sentences)  # distinct texts, distinct rows


def test_empty_input_keeps_the_dimension(model_dir: Path) -> None:
    vectors = load_hf_encoder(str(model_dir)).encode([])
    assert vectors.shape == (0, 32) and vectors.dtype == np.float32


def test_deterministic_across_loads_and_calls(model_dir: Path, sentences: list[str]) -> None:
    first = load_hf_encoder(str(model_dir)).encode(sentences)
    again = load_hf_encoder(str(model_dir))
    np.testing.assert_array_equal(again.encode(sentences), again.encode(sentences))
    np.testing.assert_allclose(again.encode(sentences), first, atol=1e-6)


def test_batch_size_and_order_do_not_change_vectors(model_dir: Path, sentences: list[str]) -> None:
    # Batches of 1 have no padding, so this also checks the attention mask keeps padding out of the mean.
    one = load_hf_encoder(str(model_dir), batch_size=1).encode(sentences)
    many = load_hf_encoder(str(model_dir), batch_size=3).encode(sentences[::-1])[::-1]
    np.testing.assert_allclose(one, many, atol=1e-5)


def test_mean_pooling_matches_sentence_transformers(
    tiny_bert_dir: Path, tiny_st_dir: Path, sentences: list[str]
) -> None:
    # The tiny ST model is the same BERT with sentence-transformers' mean pooling: a reference to check ours.
    ours = load_hf_encoder(str(tiny_bert_dir)).encode(sentences)
    reference = load_hf_encoder(str(tiny_st_dir)).encode(sentences)
    np.testing.assert_allclose(ours, reference, atol=1e-5)


def test_max_length_truncates(tiny_bert_dir: Path, sentences: list[str]) -> None:
    long_text = sentences[0] + " " + " ".join(sentences[1:] * 10)
    short = load_hf_encoder(str(tiny_bert_dir), max_length=8).encode([long_text, sentences[0][:20]])
    full = load_hf_encoder(str(tiny_bert_dir), max_length=128).encode([long_text])
    assert not np.allclose(short[0], full[0], atol=1e-3)
    # Truncated to 8 tokens, the long text is its first 6 word pieces plus [CLS]/[SEP].
    first_words = load_hf_encoder(str(tiny_bert_dir)).encode(["harga beras di pasar tradisional naik"])
    np.testing.assert_allclose(short[0], first_words[0], atol=1e-5)


@pytest.mark.parametrize("as_registry", [False, True])
def test_summarizer_end_to_end(model_dir: Path, as_registry: bool, article: str) -> None:
    encoder = get_encoder(str(model_dir)) if as_registry else str(model_dir)
    summary = Summarizer(encoder=encoder).summarize(article, k=2)
    assert summary.encoder == str(model_dir)
    assert len(summary.sentences) == 2
    positions = [article.index(s.text) for s in summary.sentences]
    assert positions == sorted(positions)


def _fake_hub_cache(cache: Path, repo_id: str, model_dir: Path) -> None:
    """Lay ``model_dir`` out as huggingface_hub caches a download: refs/main -> snapshots/<commit>."""
    repo = cache / ("models--" + repo_id.replace("/", "--"))
    shutil.copytree(model_dir, repo / "snapshots" / FAKE_COMMIT)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(FAKE_COMMIT)


@pytest.mark.parametrize("kind", [TransformersEncoder, SentenceTransformerEncoder])
def test_cached_hub_id_loads_offline(
    kind: type,
    tiny_bert_dir: Path,
    tiny_st_dir: Path,
    sentences: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import huggingface_hub.constants

    source = tiny_bert_dir if kind is TransformersEncoder else tiny_st_dir
    _fake_hub_cache(tmp_path, "tiny-org/tiny-model", source)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path))
    encoder = load_hf_encoder("tiny-org/tiny-model")
    assert isinstance(encoder, kind) and encoder.name == "tiny-org/tiny-model"
    np.testing.assert_allclose(encoder.encode(sentences), load_hf_encoder(str(source)).encode(sentences), atol=1e-6)


@pytest.mark.parametrize("load", [load_hf_encoder, get_encoder, lambda spec: Summarizer(encoder=spec)])
def test_uncached_hub_id_offline_is_one_line_model_error(load) -> None:
    with pytest.raises(ModelError) as err:
        load("no-such-owner/no-such-model-3f9a")
    message = str(err.value)
    assert "\n" not in message
    assert "no-such-owner/no-such-model-3f9a" in message and "not in the local cache" in message


def _empty(path: Path) -> Path:
    path.mkdir()
    return path


def _junk(path: Path) -> Path:
    path.mkdir()
    (path / "notes.txt").write_text("not a model")
    return path


def _broken_config(path: Path) -> Path:
    path.mkdir()
    (path / "config.json").write_text("{ not json")
    return path


def _config_without_weights(path: Path) -> Path:
    path.mkdir()
    (path / "config.json").write_text('{"model_type": "bert", "hidden_size": 32}')
    return path


def _a_file(path: Path) -> Path:
    path.write_text("hello")
    return path


def _hf_installed() -> bool:
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        return False
    return True


# Loading a directory that holds a model needs the libraries; without them the error names the
# extra instead (checked in test_without_the_hf_extra_the_error_names_it).
NEEDS_HF = pytest.mark.skipif(not _hf_installed(), reason="Hugging Face encoders need the 'hf' extra")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_empty, "holds no model"),
        (_junk, "holds no model"),
        pytest.param(_broken_config, "cannot load model", marks=NEEDS_HF),
        pytest.param(_config_without_weights, "cannot load model", marks=NEEDS_HF),
        (_a_file, "is a file"),
        (lambda p: p / "missing" / "model", "does not exist"),
    ],
    ids=["empty", "junk", "broken-config", "no-weights", "file", "missing"],
)
def test_bad_directory_is_one_line_model_error(tmp_path: Path, make, expected: str) -> None:
    spec = str(make(tmp_path / "model"))
    with pytest.raises(ModelError) as err:
        load_hf_encoder(spec)
    assert expected in str(err.value) and spec in str(err.value)
    assert "\n" not in str(err.value)


def test_invalid_hub_id_is_model_error() -> None:
    with pytest.raises(ModelError, match="valid Hugging Face model id"):
        load_hf_encoder("not a model id!")


@pytest.mark.parametrize(("batch_size", "max_length"), [(0, 256), (32, 0)])
def test_rejects_nonpositive_sizes(batch_size: int, max_length: int) -> None:
    with pytest.raises(ValueError):
        load_hf_encoder("anything", batch_size=batch_size, max_length=max_length)


def test_loading_prints_no_progress_bars(model_dir: Path, capfd: pytest.CaptureFixture[str]) -> None:
    from transformers.utils import logging as transformers_logging

    load_hf_encoder(str(model_dir))
    assert "Loading weights" not in capfd.readouterr().err
    assert transformers_logging.is_progress_bar_enabled()  # the global setting is restored


def test_without_the_hf_extra_the_error_names_it(tmp_path: Path) -> None:
    import subprocess
    import sys

    model = _config_without_weights(tmp_path / "model")
    code = (
        "import sys\n"
        "for m in ('torch', 'transformers', 'sentence_transformers'): sys.modules[m] = None\n"
        "from summarize.encoders.hf import load_hf_encoder\n"
        "from summarize.errors import ModelError\n"
        f"try:\n    load_hf_encoder({str(model)!r})\nexcept ModelError as exc:\n    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "pip install 'summarize-id[hf]'" in out.stdout and str(model) in out.stdout
