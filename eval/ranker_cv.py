"""Cross-validation of ranker training against LEAD-3, for choosing the learned ranker's recipe
(used by ``python -m eval.train_ranker --cv``; the checkout's experiment code, not installed).

5 folds by ``fold_of``: train on four, score the fifth, never score what was trained on. Each
fold reports ROUGE-1/2/L F1 (``summarize.evaluation.metrics``) of LEAD-3 and of the trained ranker at every
``--diversity`` value, in "given sentences" mode (the corpus's sentences and paragraphs) and,
with ``--raw``, in "raw text" mode (``Summarizer`` on ``article.raw_text``: our cleaning and
splitting, the same candidate cut as at run time). The pooled paired difference to LEAD-3 comes
with a bootstrap 95 % interval.
"""
from __future__ import annotations

import argparse
import json
from typing import Any, Callable, Sequence

import numpy as np

from summarize.evaluation.folds import N_FOLDS, fold_of
from summarize.evaluation.indosum import Article
from summarize.evaluation.locations import results_dir
from summarize.evaluation.metrics import (
    ROUGE_TYPES,
    paired_test,
    rouge_many,
)
from summarize.encoders.base import Encoder
from summarize.rankers.base import Document, Ranker
from summarize.select import Length, mmr_select
from summarize.summarizer import candidate_limit, default_diversity
from summarize.text import article_sentences

RESULTS = results_dir()


def gold_beyond(articles: Sequence[Article], n: int) -> tuple[float, float]:
    """Share of gold sentences at position >= n, and of articles with at least one there: what a
    candidate cut at ``n`` gives up before any ranking."""
    gold = [i for a in articles for i, g in enumerate(a.labels) if g]
    return (float(np.mean([i >= n for i in gold])), float(np.mean([any(a.labels[n:]) for a in articles])))


def _weight(text: str) -> float | None:
    """A ``--diversity`` value: a number, or ``head`` for the weight each fold's head chose."""
    return None if text == "head" else float(text)


def add_cv_args(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--cv", action="store_true", help="5-fold cross-validation instead of training")
    ap.add_argument("--diversity", type=_weight, nargs="+", default=[0.0, 0.1, 0.2, 0.3],
                    help="MMR weights to score; 'head': the one each fold's head chose on its own held-out articles")
    ap.add_argument("--raw", action="store_true", help="also score raw-text mode (our splitter)")
    ap.add_argument("--folds", type=int, nargs="+", default=list(range(N_FOLDS)))
    ap.add_argument("--cached-only", action="store_true", help="only articles already in the cache")
    ap.add_argument("--tag", default="", help="name for eval/results/ranker_cv<tag>.json")


def _given_summary(art: Article, emb: np.ndarray, ranker: Ranker, diversity: float | None, encoder: str,
                   paragraphs: bool = True) -> str:
    """The ranker's 3 picks among the sentences ``Summarizer`` would embed: those in the head's
    window (vectors past it may be zeros, which MMR must not read as "unlike every pick")."""
    doc = Document(art.sentences, emb, art.paragraphs if paragraphs else [], encoder)
    n = min(len(doc), candidate_limit(ranker, encoder) or len(doc))
    words = [len(s.split()) for s in art.sentences[:n]]
    weight = default_diversity(ranker, encoder) if diversity is None else diversity
    chosen = mmr_select(ranker.score(doc)[:n], emb[:n], Length(k=3), words, weight)
    return "\n".join(art.sentences[i] for i in chosen)


def _raw_summaries(test: list[Article], ranker: Ranker, diversity: float | None, encoder: str | Encoder) -> list[str]:
    from summarize.encoders import get_encoder
    from summarize.evaluation.embed_cache import CachedEncoder
    from summarize.summarizer import Summarizer

    # an encoder object is used as given (a ``CachedEncoder``, or one whose members are cached)
    cached = encoder if isinstance(encoder, Encoder) else CachedEncoder(get_encoder(encoder))
    summ = Summarizer(encoder=cached, ranker=ranker, diversity=diversity)
    out = ["\n".join(s.text for s in summ.summarize(a.raw_text, k=3).sentences) for a in test]
    if isinstance(cached, CachedEncoder):
        cached.save()
    return out


def _fmt(scores: dict[str, np.ndarray]) -> str:
    return " / ".join(f"{100 * scores[t].mean():.2f}" for t in ROUGE_TYPES)


def score_fold(articles: Sequence[Article], embeddings: Sequence[np.ndarray], te: list[int], ranker: Ranker,
               args: argparse.Namespace, encoder: str | Encoder) -> dict[str, dict[str, np.ndarray]]:
    """Per-article ROUGE of LEAD-3 and of ``ranker`` on the test articles ``te``, in every mode asked for."""
    name = encoder if isinstance(encoder, str) else encoder.name
    test = [articles[i] for i in te]
    refs = [a.reference for a in test]
    systems = {"lead3": ["\n".join(a.sentences[:3]) for a in test]}
    if args.raw:  # LEAD-3 after our cleaning and splitting (datelines trimmed, boilerplate dropped)
        systems["lead3 raw"] = ["\n".join(s.text for s in article_sentences(a.raw_text)[:3]) for a in test]
    for d in args.diversity:
        if d is None:
            print(f"  the fold's head chose diversity {default_diversity(ranker, name)}", flush=True)
        label = "head" if d is None else d
        systems[f"given d={label}"] = [_given_summary(articles[i], embeddings[i], ranker, d, name) for i in te]
        if d == args.diversity[0]:  # what ``summarize(sentences=...)`` sees: no paragraph breaks
            systems[f"flat d={label}"] = [_given_summary(articles[i], embeddings[i], ranker, d, name, False) for i in te]
        if args.raw:
            systems[f"raw d={label}"] = _raw_summaries(test, ranker, d, encoder)
    return {sys_name: rouge_many(refs, hyps) for sys_name, hyps in systems.items()}


def write_record(per_fold: list[tuple[int, int, dict[str, dict[str, np.ndarray]]]], args: argparse.Namespace,
                 encoder: str) -> dict:
    """Pool the folds' per-article scores (fold, n, scores), print the means with the paired
    difference to LEAD-3 and its bootstrap interval, and write ``ranker_cv<tag>.json``."""
    table, per = [], {}  # type: ignore[var-annotated]
    for f, n, systems in per_fold:
        row: dict[str, Any] = {"fold": f, "n": n}
        for name, scores in systems.items():
            for t in ROUGE_TYPES:
                per.setdefault(name, {}).setdefault(t, []).append(scores[t])
            row[name] = {t: round(100 * float(scores[t].mean()), 2) for t in ROUGE_TYPES}
        table.append(row)
    pooled = {name: {t: np.concatenate(v) for t, v in d.items()} for name, d in per.items()}
    summary = {}
    for name, scores in pooled.items():
        # raw-text systems are compared with LEAD-3 in the same mode, the rest with LEAD-3 given
        base = "lead3 raw" if name.startswith("raw") else "lead3"
        test = paired_test(scores["rouge1"], pooled[base]["rouge1"])
        summary[name] = {**{t: round(100 * float(scores[t].mean()), 2) for t in ROUGE_TYPES}, "baseline": base,
                         "r1_diff": round(100 * test.diff.mean, 2),
                         "r1_diff_ci95": [round(100 * test.diff.low, 2), round(100 * test.diff.high, 2)]}
        print(f"mean {name:14s} R1/R2/RL {_fmt(scores)}  ΔR1 vs {base} {100 * test.diff.mean:+.2f} "
              f"[{100 * test.diff.low:+.2f}, {100 * test.diff.high:+.2f}]", flush=True)
    record = {"encoder": encoder, "folds": table, "mean": summary, "args": {k: v for k, v in vars(args).items()}}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"ranker_cv{args.tag}.json").write_text(json.dumps(record, indent=1, ensure_ascii=False, default=str))
    return record


def print_fold(f: int, n: int, systems: dict[str, dict[str, np.ndarray]]) -> None:
    for name, scores in systems.items():
        print(f"fold {f} (n={n}) {name:14s} R1/R2/RL {_fmt(scores)}", flush=True)


def run_cv(articles: Sequence[Article], embeddings: Sequence[np.ndarray], args: argparse.Namespace,
           fit: Callable[[list[Article], list[np.ndarray]], Ranker]) -> dict:
    """Train per fold with ``fit``; print per-fold and pooled R1/R2/RL; write a JSON record."""
    folds = [fold_of(a.id) for a in articles]
    cut = args.max_positions
    sents, arts = gold_beyond(articles, cut)
    print(f"gold sentences past position {cut}: {100 * sents:.1f} % (in {100 * arts:.1f} % of articles)")
    per_fold = []
    for f in args.folds:
        tr = [i for i, g in enumerate(folds) if g != f]
        te = [i for i, g in enumerate(folds) if g == f]
        ranker = fit([articles[i] for i in tr], [embeddings[i] for i in tr])
        per_fold.append((f, len(te), score_fold(articles, embeddings, te, ranker, args, args.encoder)))
        print_fold(*per_fold[-1])
    return write_record(per_fold, args, args.encoder)
