"""``summarize-eval``: the command line of the evaluation harness.

Kept apart from ``harness`` so that ``--help`` and the one-line "install the extra" message work
on an install without the ``eval`` extra (rouge-score, sumy, matplotlib): nothing here imports
them, and the harness is imported only once they are known to be present.
"""
from __future__ import annotations

import argparse
import importlib.util
import shlex
import sys
import time
from pathlib import Path

from summarize.evaluation.learned_ft_cv import DEFAULT_RUNS, HEADS, STEM
from summarize.evaluation.indosum import data_path
from summarize.evaluation.locations import INDOSUM_ENV, results_dir
from summarize.evaluation.system_base import MODES
from summarize.evaluation.systems import system_names

#: Modules of the ``eval`` extra (import name → distribution), checked before the harness loads.
EXTRA_MODULES = {"rouge_score": "rouge-score", "sumy": "sumy", "matplotlib": "matplotlib"}
EXIT_USAGE, EXIT_BAD_INPUT, EXIT_FAILED = 2, 3, 1

#: The bundled encoder, never trained on IndoSum: what the harness can cross-validate heads on.
FROZEN_ENCODER = "e5-small"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="summarize-eval",
        description="The evaluation harness: every system on the same IndoSum articles, in both "
                    "modes, scored alike (ROUGE with bootstrap CIs and paired tests), plus the "
                    "splitter and claim-checker evaluations; writes <out>.md/.json/.articles.json "
                    "and PNG plots. Needs the 'eval' extra: pip install 'summarize-id[eval]'.",
        epilog="Examples: summarize-eval --limit 20 --out quick; "
               "summarize-eval --systems LEAD-3,ORACLE --modes given --out lead. "
               "Exit codes: 0 ok, 1 a system failed (named in the report), 2 usage or missing "
               "extra, 3 data file missing.")
    ap.add_argument("--data", help=f"IndoSum JSONL (default: ${INDOSUM_ENV}, else ../shared/data/indosum "
                                   "beside a checkout)")
    ap.add_argument("--limit", type=int, help="only the first N articles (quick, deterministic)")
    ap.add_argument("--systems", default=",".join(system_names()), help="comma-separated system names")
    ap.add_argument("--modes", default=",".join(MODES), help="given, raw or both")
    ap.add_argument("--out", default="latest", help="run name: <results-dir>/<out>.md/.json/...")
    ap.add_argument("--results-dir", type=Path, default=results_dir(),
                    help="where reports go (default: eval/results in a checkout, else ./summarize-eval/results)")
    ap.add_argument("--encoder", default=FROZEN_ENCODER, help=f"encoder of the ours-* systems but ours-learned-ft "
                    f"(default {FROZEN_ENCODER}; cached). Not e5-small-id-ft or e5-small-id-ft-ctx: they were fine-tuned "
                    "on every IndoSum article, so their scores here would be leaked; ours-learned-ft cross-validates "
                    "them instead (--ft-runs)")
    ap.add_argument("--ft-runs", default=DEFAULT_RUNS, metavar="PATTERN",
                    help="run directories of ours-learned-ft, {fold} standing for the held-out fold "
                         "(default: eval/cache/ft/e5-6l-f{fold}-all-lr1e-4-ctx, the default encoder's recipe, written by "
                         "eval.finetune.train --fold F --context; runs trained with --context are read in context)")
    ap.add_argument("--ft-name", default=STEM, metavar="STEM",
                    help=f"name of ours-learned-ft's fold encoders, '<STEM>-f<F>': keys their embedding cache and "
                         f"fold heads, so runs of another recipe need their own (default {STEM})")
    ap.add_argument("--ft-head", choices=HEADS, default="full",
                    help="head of ours-learned-ft: 'full', the shipped head recipe trained on each fold encoder's "
                         "vectors without the fold (default); 'joint', the head each run trained with its encoder")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--resamples", type=int, default=1000, help="bootstrap / randomization resamples")
    ap.add_argument("--retrain", action="store_true", help="ignore cached learned-ranker fold models")
    ap.add_argument("--speed-sample", type=int, default=40, help="articles timed with a live encoder (0: skip)")
    ap.add_argument("--reuse", type=Path, metavar="RUN.json",
                    help="carry over the rows of systems not in --systems from this earlier run of the same "
                         "articles (marked † in the report; LEAD-3 must score as it did then)")
    args = ap.parse_args(argv)
    args.systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    args.modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    for mode in args.modes:
        if mode not in MODES:
            ap.error(f"unknown mode {mode!r}; choose from {', '.join(MODES)}")
    for name in args.systems:
        if name not in system_names():
            ap.error(f"unknown system {name!r}; choose from {', '.join(system_names())}")
    return args


def missing_extra() -> list[str]:
    """Distributions of the ``eval`` extra that cannot be imported here."""
    return [dist for module, dist in EXTRA_MODULES.items() if importlib.util.find_spec(module) is None]


def _command(argv: list[str]) -> str:
    launcher = Path(sys.argv[0])
    prog = ("summarize-eval" if launcher.name == "summarize-eval"
            else "python -m eval" if launcher.parent.name == "eval" else "python -m summarize.evaluation")
    return " ".join([prog, *map(shlex.quote, argv)])


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``summarize-eval``, ``python -m summarize.evaluation`` and the checkout's
    ``python -m eval`` shim. Returns 1 when any system failed (the report names it)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    missing = missing_extra()
    if missing:
        print(f"summarize-eval: needs the 'eval' extra (missing: {', '.join(missing)}): "
              "pip install 'summarize-id[eval]'", file=sys.stderr)
        return EXIT_USAGE
    try:
        data = data_path(args.data)
    except FileNotFoundError as exc:
        print(f"summarize-eval: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not data.is_file():
        print(f"summarize-eval: {data}: no such data file; pass --data PATH or set {INDOSUM_ENV}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.reuse and not args.reuse.is_file():
        print(f"summarize-eval: --reuse {args.reuse}: no such file", file=sys.stderr)
        return EXIT_BAD_INPUT
    from summarize.evaluation.carry_over import CarryOverError, carry_over
    from summarize.evaluation.harness import evaluate
    from summarize.evaluation.plots import write_plots
    from summarize.evaluation.report import write_report

    start = time.perf_counter()
    record = evaluate(args, _command(argv))
    record["wall_s"] = time.perf_counter() - start
    if args.reuse:
        try:
            carry_over(record, args.reuse, system_names())
        except (CarryOverError, KeyError, ValueError) as exc:
            print(f"summarize-eval: --reuse {args.reuse}: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        # file names only: the plots sit beside the report, wherever the results directory is
        record["plots"] = [Path(p).name for p in write_plots(record, args.results_dir, args.out)]
    except Exception as exc:  # noqa: BLE001 (figures must not cost the run's numbers)
        record["plots"] = []
        record["notes"].append(f"plots failed: {type(exc).__name__}: {exc}")
    for path in write_report(record, args.results_dir, args.out):
        print(path)
    for failure in record["failed"]:
        print(f"summarize-eval: FAILED: {failure['system']} ({failure['stage']}): {failure['error']}", file=sys.stderr)
    return EXIT_FAILED if record["failed"] else 0
