"""models_dir: <repo>/models unless SUMMARIZE_MODELS_DIR says otherwise."""
from __future__ import annotations

from pathlib import Path

import pytest

from summarize.paths import ENV_VAR, models_dir


def test_default_is_repo_models(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert models_dir() == Path(__file__).resolve().parents[2] / "models"
    assert (models_dir() / "punkt-id" / "punkt_params.json").is_file()


def test_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert models_dir() == tmp_path
