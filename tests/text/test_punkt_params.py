"""The shipped Punkt parameters: JSON in, PunktParameters out, no nltk download."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from nltk.tokenize.punkt import PunktTrainer

from eval.train_punkt import params_to_json
from summarize.text.abbreviations import TITLES
from summarize.text.punkt import load_params


def test_shipped_params_load_with_hand_lists() -> None:
    params = load_params()
    assert TITLES <= params.abbrev_types
    assert params.sent_starters and params.ortho_context


def test_trainer_output_round_trips(tmp_path: Path) -> None:
    text = "Dia datang dr. Budi. Ia pulang. " * 30 + "Kemudian dia pergi. Lalu ia tidur. " * 30
    trainer = PunktTrainer()
    trainer.train(text, finalize=True)
    data = params_to_json(trainer.get_params(), {"dia": 60, "ia": 60})
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    params = load_params(path)
    assert params.sent_starters == set(data["sent_starters"])
    assert dict(params.ortho_context) == data["ortho_context"]


def test_rejects_unknown_format(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{"format": "pickle"}', encoding="utf-8")
    with pytest.raises(ValueError):
        load_params(path)
