"""Shared fixtures: the user's two example ANTARA articles, copied into tests/fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = sorted(FIXTURES.glob("antara-*.txt"))


@pytest.fixture(params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def example_path(request) -> Path:
    return request.param


@pytest.fixture
def example_text(example_path: Path) -> str:
    return example_path.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _isolated_registries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test registers encoders, rankers and matchers into copies (the registry's copy
    pattern), so a registration made by one test never leaks into the next."""
    from summarize.claims import match
    from summarize.encoders import base as encoders
    from summarize.rankers import base as rankers

    for module in (encoders, rankers, match):
        monkeypatch.setattr(module, "_REGISTRY", module._REGISTRY.copy())
