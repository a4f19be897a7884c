"""Where shipped model files live.

One lookup so that tests, the CLI and an installed package all agree: ``<repo>/models`` next to the
package by default, or whatever ``SUMMARIZE_MODELS_DIR`` names (a deployment that keeps models
elsewhere, or a test that points at a temporary copy).
"""
from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "SUMMARIZE_MODELS_DIR"


def models_dir() -> Path:
    """The models folder: ``$SUMMARIZE_MODELS_DIR`` if set and non-empty, else ``<repo>/models``."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(__file__).resolve().parent.parent / "models"
