"""``python -m eval.train_punkt`` finds IndoSum the way the harness does (no machine's absolute
default): ``--data``, ``$SUMMARIZE_INDOSUM``, or ../shared/data beside a checkout."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval import train_punkt
from summarize.evaluation import locations

FIXTURE = Path(__file__).parent / "fixtures" / "indosum5.jsonl"


def test_data_comes_from_the_environment_when_not_given(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv(locations.INDOSUM_ENV, str(FIXTURE))
    out = tmp_path / "punkt.json"
    train_punkt.main(["--out", str(out)])
    assert "from 5 articles" in capsys.readouterr().out and json.loads(out.read_text(encoding="utf-8"))


def test_outside_a_checkout_without_data_it_is_a_usage_error(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv(locations.INDOSUM_ENV, raising=False)
    monkeypatch.setattr(locations, "in_checkout", lambda: False)
    with pytest.raises(FileNotFoundError, match="pass --data PATH"):
        train_punkt.main(["--out", str(tmp_path / "p.json")])
    with pytest.raises(SystemExit) as exit_:
        train_punkt.main(["--data", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "p.json")])
    assert exit_.value.code == 2 and "no such data file" in capsys.readouterr().err
