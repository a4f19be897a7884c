"""Where shipped model files live.

One lookup so that tests, the CLI and an installed package all agree: ``$SUMMARIZE_MODELS_DIR``
when set (a deployment that keeps models elsewhere, or a test that points at a temporary copy);
else ``<repo>/models`` next to the package (a checkout or an editable install); else the copy a
wheel installs under ``<prefix>/share/summarize-id/models`` (see ``pyproject.toml``).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "SUMMARIZE_MODELS_DIR"


def models_dir() -> Path:
    """The models folder (the repo's path when none exists, so errors name where to look)."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    repo = Path(__file__).resolve().parent.parent / "models"
    installed = Path(sys.prefix) / "share" / "summarize-id" / "models"
    return installed if not repo.is_dir() and installed.is_dir() else repo
