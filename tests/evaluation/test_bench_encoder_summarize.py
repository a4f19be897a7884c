"""The speed benchmark's encoder specs: registered names, and NAME@RUNTIME variants."""
from __future__ import annotations

import pytest

from eval.bench_encoder_summarize import build


def test_runtime_variant_keeps_the_name_and_its_head() -> None:
    summ = build("e5-small@batched")
    assert summ.encoder.name == "e5-small" and summ.encoder.runtime == "batched"
    assert summ.ranker.name == "learned"  # the e5-small head, found by the encoder's name


def test_unknown_variant_is_refused() -> None:
    with pytest.raises(SystemExit, match="no runtime variants of 'hashed'"):
        build("hashed@engine")
