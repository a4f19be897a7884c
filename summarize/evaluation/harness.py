"""The evaluation harness: every system on the same IndoSum articles, in both modes, scored alike.

    summarize-eval --out full                 # the whole file (also: python -m eval from a checkout)
    summarize-eval --limit 50 --systems LEAD-3,ORACLE --modes given --out quick

Writes ``eval/results/<run>.md`` (tables), ``<run>.json`` (every aggregate number),
``<run>.articles.json`` (per-article scores, for later paired tests) and PNG plots.

Given-mode embeddings come from ``eval/cache`` (``CachedEncoder``; new texts are embedded and
saved), and the learned ranker's fold models are cached by training code and data, so a rerun
with unchanged code takes minutes; ``--retrain`` forces training.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import time
import traceback
import tracemalloc
from typing import Any

import numpy as np
from tqdm import tqdm

from summarize.encoders.base import Encoder, get_encoder
from summarize.evaluation.embed_cache import CachedEncoder
from summarize.evaluation.folds import fold_of
from summarize.evaluation.indosum import Article, data_path, load_articles
from summarize.evaluation.locations import REPO, default_indosum, display
from summarize.evaluation.metrics import (
    ROUGE_TYPES,
    bootstrap_ci,
    group_means,
    length_bucket,
    paired_test,
    rouge_many,
)
from summarize.evaluation.system_base import clear_split_cache
from summarize.evaluation.systems import MODEL_CACHE, System, build_systems

BASELINE = "LEAD-3"
#: Systems tested against another baseline than LEAD-3: a length rule alone moves ROUGE, so the
#: adaptive ranker is compared with LEAD held to the same word target.
BASELINE_OF = {"ours-learned-adaptive": "LEAD-adaptive"}
#: Published in shared/data/README.md for the full file, given mode (ROUGE F1 x100).
REFERENCE_FIGURES = {"LEAD-3": (67.07, 58.52, 63.08), "ORACLE": (87.76, 82.55, 85.77)}
#: Optional sections written by other parts of the project: module -> what the report calls it.
EXTRA_SECTIONS = {"summarize.evaluation.splitting": "splitting", "summarize.evaluation.claims_eval": "claims"}


def failure(system: str, stage: str, exc: BaseException) -> dict[str, str]:
    """One failed system, its traceback written to the log (stderr) as well as kept for the report."""
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).replace(f"{REPO}/", "")
    print(f"summarize-eval: {system} failed in {stage}:\n{trace}", file=sys.stderr)
    return {"system": system, "stage": stage, "error": f"{type(exc).__name__}: {exc}", "traceback": trace}


def run_system(system: System, articles: list[Article], mode: str) -> tuple[list[str], float, list[str], dict | None]:
    """Summaries (sentences joined by newlines, as the reference is), the seconds spent, the
    errors and the first failure (with its traceback). A system that raises on an article scores
    an empty summary there rather than aborting a half-hour run, but the run then counts as failed:
    the report names the system and the command exits 1."""
    out: list[str] = []
    errors: list[str] = []
    first: dict | None = None
    start = time.perf_counter()
    for article in tqdm(articles, desc=f"{mode:5s} {system.name}", unit="art", leave=False, file=sys.stderr):
        try:
            out.append("\n".join(system.select(article, mode)))
        except Exception as exc:  # noqa: BLE001 (see docstring)
            errors.append(f"{article.id}: {type(exc).__name__}: {exc}")
            first = first or failure(system.name, f"{mode} mode, article {article.id}", exc)
            out.append("")
    return out, time.perf_counter() - start, errors, first


def score_run(
    scores: dict[str, np.ndarray], baseline: dict[str, np.ndarray] | None, articles: list[Article],
    summaries: list[str], resamples: int, seed: int, baseline_name: str = BASELINE,
) -> dict[str, Any]:
    """Aggregates for one system in one mode: intervals, the paired test, breakdowns."""
    categories = [a.category for a in articles]
    buckets = [length_bucket(len(a.sentences)) for a in articles]
    folds = [fold_of(a.id) for a in articles]
    out: dict[str, Any] = {"n": len(articles), "words": float(np.mean([len(s.split()) for s in summaries]))}
    for metric in ROUGE_TYPES:
        x = scores[metric]
        out[metric] = bootstrap_ci(x, resamples, seed).as_dict()
        if baseline is not None:
            out["baseline"] = baseline_name
            out[f"{metric}_vs_{baseline_name}"] = paired_test(x, baseline[metric], resamples, seed).as_dict()
        out[f"{metric}_by_category"] = group_means(x, categories)
        out[f"{metric}_by_length"] = group_means(x, buckets)
        out[f"{metric}_by_fold"] = group_means(x, folds)
    return out


def live_encoder(name: str) -> Encoder:
    """An uncached encoder with its model already loaded, so timings exclude model load."""
    encoder = get_encoder(name)
    encoder.encode(["pemanasan"])
    return encoder


#: Articles in the (slower, traced) memory pass; peak memory depends on the largest article, not
#: on how many are run, so a few suffice.
MEMORY_SAMPLE = 10


def measure_speed(systems: list[System], sample: list[Article], mode: str, encoder_name: str) -> dict[str, Any]:
    """Articles/s (untraced pass over ``sample``) and tracemalloc peak (a second pass over its first
    ``MEMORY_SAMPLE`` articles) per system. Systems that embed get a live encoder here: a cache
    hit is not what a user would see."""
    out: dict[str, Any] = {}
    for system in (s for s in systems if s.timed):
        cached = system.encoder
        clear_split_cache()
        try:
            if cached is not None:
                system.encoder = live_encoder(encoder_name)
            _, seconds, _, _ = run_system(system, sample, mode)
            clear_split_cache()
            tracemalloc.start()
            run_system(system, sample[:MEMORY_SAMPLE], mode)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            if tracemalloc.is_tracing():
                tracemalloc.stop()
            system.encoder = cached
        out[system.name] = {
            "articles_per_s": len(sample) / seconds if seconds > 0 else float("inf"),
            "peak_mib": peak / 2**20,
            "encoder": encoder_name if cached is not None else "",
        }
    return {"mode": mode, "n": len(sample), "n_memory": len(sample[:MEMORY_SAMPLE]), "systems": out}


def reference_check(results: dict[str, Any], full_file: bool) -> dict[str, Any]:
    """Our given-mode LEAD-3 / ORACLE against the README's figures (comparable on the full file)."""
    given = results.get("given", {})
    out: dict[str, Any] = {"comparable": full_file}
    for name, expected in REFERENCE_FIGURES.items():
        if name in given:
            got = [100 * given[name][m]["mean"] for m in ROUGE_TYPES]
            out[name] = {"expected": list(expected), "got": got, "delta": [g - e for g, e in zip(got, expected)]}
    return out


def extra_sections() -> dict[str, Any]:
    """The splitter and claim-checker evaluations when their modules exist, else a note."""
    out: dict[str, Any] = {}
    for module, key in EXTRA_SECTIONS.items():
        if importlib.util.find_spec(module) is None:
            out[key] = {"note": f"skipped: {module} does not exist yet"}
            continue
        try:
            out[key] = importlib.import_module(module).evaluate()
        except Exception as exc:  # another part's failure is reported, not fatal
            out[key] = {"note": f"skipped: {module}.evaluate() failed ({type(exc).__name__}: {exc})"}
    return out


def _is_readme_file(override: str | None) -> bool:
    default = default_indosum()
    return default is not None and data_path(override).resolve() == default.resolve()


def _save_cache(encoder: Encoder | None) -> None:
    if isinstance(encoder, CachedEncoder):
        encoder.save()


def evaluate(args: argparse.Namespace, command: str) -> dict[str, Any]:
    """Run every system in every mode and return the full results record."""
    articles = load_articles(args.data, args.limit)
    systems, notes = build_systems(
        args.systems, lambda: CachedEncoder(get_encoder(args.encoder)), seed=args.seed,
        model_cache=None if args.retrain else MODEL_CACHE, ft_runs=args.ft_runs, ft_name=args.ft_name,
        ft_head=args.ft_head,
    )
    references = [a.reference for a in articles]
    prepare_s: dict[str, float] = {}
    failed: list[dict[str, str]] = []
    for system in systems:
        start = time.perf_counter()
        try:
            system.prepare(articles)
        except Exception as exc:  # noqa: BLE001 (one system's training must not cost the others)
            failed.append(failure(system.name, "prepare (training)", exc))
        prepare_s[system.name] = time.perf_counter() - start
        _save_cache(system.encoder)
        notes += [system.describe()] if system.describe() and system.describe() not in notes else []
    broken = {f["system"] for f in failed}
    systems = [s for s in systems if s.name not in broken]
    results: dict[str, Any] = {}
    per_article: dict[str, Any] = {"ids": [a.id for a in articles]}
    for mode in args.modes:
        results[mode], per_article[mode] = {}, {}
        baselines = {BASELINE, *BASELINE_OF.values()}
        ordered = sorted(systems, key=lambda s: s.name not in baselines)  # baselines first
        scored: dict[str, dict[str, np.ndarray]] = {}
        for system in ordered:
            summaries, seconds, errors, first = run_system(system, articles, mode)
            if first:
                failed.append({**first, "stage": f"{first['stage']} (the first of {len(errors)} failed "
                                                 f"articles out of {len(articles)})"})
            _save_cache(system.encoder)
            scores = scored[system.name] = rouge_many(references, summaries)
            base_name = BASELINE_OF.get(system.name, BASELINE)
            base = scored.get(base_name) if system.name != base_name else None
            entry = score_run(scores, base, articles, summaries, args.resamples, args.seed, base_name)
            entry["seconds"] = seconds
            entry["errors"] = {"count": len(errors), "first": errors[:5]}
            results[mode][system.name] = entry
            per_article[mode][system.name] = {m: np.round(v, 5).tolist() for m, v in scores.items()}
    speed_mode = "raw" if "raw" in args.modes else args.modes[0]
    speed = (
        measure_speed(systems, articles[: args.speed_sample], speed_mode, args.encoder)
        if args.speed_sample > 0 and articles else {}
    )
    return {
        "run": args.out,
        "command": command,
        "data": display(data_path(args.data)),
        "n_articles": len(articles),
        "modes": args.modes,
        "systems": [s.name for s in systems],
        "notes": notes,
        "failed": failed,
        "seed": args.seed,
        "resamples": args.resamples,
        "prepare_s": prepare_s,
        "results": results,
        "reference_check": reference_check(results, args.limit is None and _is_readme_file(args.data)),
        "speed": speed,
        "extra": extra_sections(),
        "per_article": per_article,
    }
