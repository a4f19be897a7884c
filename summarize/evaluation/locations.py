"""Where the harness reads data and writes results, in a checkout and in an installed package.

In a checkout (``<repo>/pyproject.toml`` and ``<repo>/eval/`` exist beside the package) results go
to ``eval/results``, caches to ``eval/cache`` (git-ignored), the hand-built gold sets are read from
``eval/data`` and IndoSum from ``../shared/data/indosum`` beside the repo, as the team's layout
has it. Installed from a wheel there is no repo: results and caches go under the working
directory, the hand-built sets are absent (their report sections say so) and IndoSum must be
named with ``--data`` or ``$SUMMARIZE_INDOSUM``.
"""
from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
INDOSUM_ENV = "SUMMARIZE_INDOSUM"


def in_checkout() -> bool:
    """True when the package runs from the project's repository (editable install or PYTHONPATH)."""
    return (REPO / "pyproject.toml").is_file() and (REPO / "eval").is_dir()


def eval_dir() -> Path:
    """The checkout's ``eval/`` folder, or ``./summarize-eval`` under the working directory."""
    return REPO / "eval" if in_checkout() else Path.cwd() / "summarize-eval"


def results_dir() -> Path:
    return eval_dir() / "results"


def cache_dir() -> Path:
    return eval_dir() / "cache"


def gold_data(*parts: str) -> Path:
    """A hand-built data file under ``eval/data`` (only a checkout has them)."""
    return eval_dir().joinpath("data", *parts)


def default_indosum() -> Path | None:
    """``../shared/data/indosum/articles.jsonl`` beside a checkout; None when installed."""
    return REPO.parent / "shared" / "data" / "indosum" / "articles.jsonl" if in_checkout() else None


def indosum_path(override: str | os.PathLike | None = None) -> Path | None:
    """The IndoSum file: ``override`` (``--data``), else ``$SUMMARIZE_INDOSUM``, else the default."""
    given = override or os.environ.get(INDOSUM_ENV, "").strip()
    return Path(given).expanduser() if given else default_indosum()


def display(path: Path | str) -> str:
    """``path`` relative to the repo when it lies inside it or beside it (``../shared/...``), so
    committed reports carry no machine's absolute paths; other paths as given."""
    p = Path(path)
    if not p.is_absolute():
        return str(p)
    for candidate in (p, p.resolve()):  # as written first: ../shared may be a link elsewhere
        for base, prefix in ((REPO, Path()), (REPO.parent, Path(".."))):
            try:
                return str(prefix / candidate.relative_to(base))
            except ValueError:
                continue
    return str(p)
