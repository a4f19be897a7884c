"""Start-up cost: ``import summarize`` and the ``summarize`` command on one article, each in a
fresh process, median of N, against a baseline git revision measured in the same run.

    python -m eval.bench_startup                      # baseline: 6be7502 (before issue 11)
    python -m eval.bench_startup --baseline HEAD~3 --runs 7

The baseline is checked out with ``git worktree`` into a temporary folder (removed afterwards)
and run with the same interpreter; runs alternate between the two so machine load hits both
alike. Writes ``eval/results/startup.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "tests" / "fixtures" / "antara-2023-umkm-paris-fashion-week.txt"
HEAVY = ("nltk", "sklearn", "scipy", "torch")
IMPORT_CODE = (
    "import json, sys, time; t = time.perf_counter(); import summarize; "
    f"print(json.dumps([time.perf_counter() - t, [m for m in {HEAVY!r} if m in sys.modules]]))"
)


def _env(checkout: Path) -> dict[str, str]:
    # The checkout's own package and models come first, whatever is installed in the venv.
    return {**os.environ, "PYTHONPATH": str(checkout), "SUMMARIZE_MODELS_DIR": str(checkout / "models"),
            "HF_HUB_OFFLINE": "1", "OMP_WAIT_POLICY": "PASSIVE"}


def _import_once(checkout: Path) -> tuple[float, list[str]]:
    out = subprocess.run([sys.executable, "-c", IMPORT_CODE], cwd=checkout, env=_env(checkout),
                         capture_output=True, text=True, check=True)
    seconds, heavy = json.loads(out.stdout)
    return seconds, heavy


def _cli_once(checkout: Path, article: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "summarize", str(article), "-q"], cwd=checkout, env=_env(checkout),
                   capture_output=True, check=True)
    return time.perf_counter() - start


def measure(checkouts: dict[str, Path], article: Path, runs: int) -> dict[str, dict]:
    """Alternating runs after one discarded warm-up each (it fills the OS file cache)."""
    raw: dict[str, dict[str, list]] = {name: {"import_s": [], "cli_s": [], "heavy": []} for name in checkouts}
    for name, path in checkouts.items():
        _import_once(path)
        _cli_once(path, article)
    for _ in range(runs):
        for name, path in checkouts.items():
            seconds, heavy = _import_once(path)
            raw[name]["import_s"].append(round(seconds, 4))
            raw[name]["heavy"] = heavy
            raw[name]["cli_s"].append(round(_cli_once(path, article), 4))
    return {
        name: {
            "import_median_s": round(statistics.median(r["import_s"]), 4),
            "cli_median_s": round(statistics.median(r["cli_s"]), 4),
            "import_s": r["import_s"],
            "cli_s": r["cli_s"],
            "heavy_modules_after_import": r["heavy"],
        }
        for name, r in raw.items()
    }


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", default="6be7502", help="git revision to compare with")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, default=REPO / "eval" / "results" / "startup.json")
    args = ap.parse_args(argv)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "baseline"
        _git("worktree", "add", "--detach", str(base), args.baseline)
        try:
            results = measure({"baseline": base, "current": REPO}, ARTICLE, args.runs)
        finally:
            _git("worktree", "remove", "--force", str(base))
    report = {
        "what": "fresh-process start-up: `import summarize`, and `summarize ARTICLE -q` wall time; median of runs",
        "article": str(ARTICLE.relative_to(REPO)),
        "runs": args.runs,
        "baseline_revision": _git("rev-parse", "--short", args.baseline),
        "current_revision": _git("rev-parse", "--short", "HEAD") + (" (+ uncommitted changes)" if _git("status", "--porcelain") else ""),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
                    # shared machines: absolute times swing with load; the ratio is the figure to quote
                    "load_average_1min": {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2)}},
        **results,
        "ratio_current_over_baseline": {
            "import": round(results["current"]["import_median_s"] / results["baseline"]["import_median_s"], 3),
            "cli": round(results["current"]["cli_median_s"] / results["baseline"]["cli_median_s"], 3),
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: report[k] for k in ("baseline_revision", "ratio_current_over_baseline")}))
    for name in ("baseline", "current"):
        print(name, results[name]["import_median_s"], results[name]["cli_median_s"], results[name]["heavy_modules_after_import"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
