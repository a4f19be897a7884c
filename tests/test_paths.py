"""models_dir: <repo>/models, SUMMARIZE_MODELS_DIR over it, and a wheel install's data files."""
from __future__ import annotations

from pathlib import Path

import pytest

from summarize.paths import ENV_VAR, models_dir


def test_default_is_repo_models(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert models_dir() == Path(__file__).resolve().parents[1] / "models"
    assert (models_dir() / "punkt-id" / "punkt_params.json").is_file()


def test_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert models_dir() == tmp_path


def test_a_wheel_install_finds_the_models_under_its_prefix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Installed from a wheel there is no repo beside the package: models come from the data files."""
    import summarize.paths as paths

    monkeypatch.delenv(ENV_VAR, raising=False)
    site = tmp_path / "site-packages" / "summarize"
    site.mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(site / "paths.py"))
    monkeypatch.setattr(paths.sys, "prefix", str(tmp_path / "prefix"))
    assert models_dir() == tmp_path / "site-packages" / "models"  # nothing installed: name the repo path
    installed = tmp_path / "prefix" / "share" / "summarize-id" / "models"
    installed.mkdir(parents=True)
    assert models_dir() == installed
