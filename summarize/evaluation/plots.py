"""PNG figures for a harness run (matplotlib, Agg backend: no display on the eval machines)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after the backend is chosen)
import numpy as np  # noqa: E402

from summarize.evaluation.metrics import ROUGE_TYPES  # noqa: E402

LABELS = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L"}


def _rouge_by_system(record: dict[str, Any], path: Path) -> None:
    modes = list(record["results"])
    fig, axes = plt.subplots(len(modes), 1, figsize=(11, 4 * len(modes)), squeeze=False)
    for ax, mode in zip(axes[:, 0], modes):
        names = list(record["results"][mode])
        x = np.arange(len(names))
        width = 0.8 / len(ROUGE_TYPES)
        for j, metric in enumerate(ROUGE_TYPES):
            entries = [record["results"][mode][n][metric] for n in names]
            means = np.array([100 * e["mean"] for e in entries])
            err = np.array([[100 * (e["mean"] - e["low"]) for e in entries],
                            [100 * (e["high"] - e["mean"]) for e in entries]])
            ax.bar(x + (j - 1) * width, means, width, yerr=err, capsize=2, label=LABELS[metric])
        ax.set_xticks(x, names, rotation=30, ha="right")
        ax.set_ylabel("F1 × 100")
        ax.set_ylim(0, 105)
        ax.set_title(f"ROUGE by system, {mode} mode (95% bootstrap intervals)")
        ax.legend(loc="upper right", ncol=3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _rouge_vs_length(record: dict[str, Any], path: Path) -> None:
    modes = list(record["results"])
    fig, axes = plt.subplots(1, len(modes), figsize=(6.5 * len(modes), 4.5), squeeze=False)
    for ax, mode in zip(axes[0], modes):
        for name, entry in record["results"][mode].items():
            buckets = sorted(entry["rouge1_by_length"])
            ax.plot(buckets, [100 * entry["rouge1_by_length"][b]["mean"] for b in buckets], marker="o", label=name)
        ax.set_xlabel("article length (sentences)")
        ax.set_ylabel("ROUGE-1 F1 × 100")
        ax.set_title(f"ROUGE-1 vs article length, {mode} mode")
    axes[0, -1].legend(fontsize=8, loc="center left", bbox_to_anchor=(1.0, 0.5))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _speed(record: dict[str, Any], path: Path) -> None:
    systems = record["speed"]["systems"]
    names = list(systems)
    labels = [f"{n}\n({systems[n]['encoder']})" if systems[n]["encoder"] else n for n in names]
    fig, ax = plt.subplots(figsize=(11, 4.5))
    ax.bar(labels, [systems[n]["articles_per_s"] for n in names], color="tab:green")
    ax.set_yscale("log")
    ax.set_ylabel("articles / s (log)")
    ax.set_title(f"Speed by system / encoder ({record['speed']['n']} articles, {record['speed']['mode']} mode, "
                 "live encoder, model load excluded)")
    plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _confusions(data: Any, path: str = "") -> list[tuple[str, list[str], list[str], np.ndarray]]:
    """Every confusion matrix in the claims section, with where it was found: a key containing
    "confusion" holding ``{gold: {predicted: count}}`` or ``{"labels": [...], "matrix": [[...]]}``."""
    if not isinstance(data, dict):
        return []
    found = []
    for key, value in data.items():
        where = f"{path}.{key}" if path else str(key)
        if "confusion" in str(key).lower() and isinstance(value, dict):
            if "matrix" in value:
                labels = [str(v) for v in value.get("labels", range(len(value["matrix"])))]
                found.append((where, labels, labels, np.asarray(value["matrix"], dtype=float)))
                continue
            if value and all(isinstance(v, dict) for v in value.values()):
                rows = [str(g) for g in value]
                cols = list(dict.fromkeys(str(p) for v in value.values() for p in v))
                matrix = np.array([[float(value[g].get(c, 0)) for c in cols] for g in value])
                found.append((where, rows, cols, matrix))
                continue
        found += _confusions(value, where)
    return found


def find_confusion(data: Any) -> tuple[str, list[str], list[str], np.ndarray] | None:
    """The pooled matrix (a path through "all") when there is one, else the first found."""
    found = _confusions(data)
    pooled = [f for f in found if "all" in f[0].split(".")]
    return pooled[0] if pooled else found[0] if found else None


def _confusion(where: str, rows: list[str], cols: list[str], matrix: np.ndarray, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6, 4.5))
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(cols)), cols, rotation=30, ha="right")
    ax.set_yticks(range(len(rows)), rows)
    for i, j in np.ndindex(matrix.shape):
        ax.text(j, i, f"{matrix[i, j]:g}", ha="center", va="center")
    ax.set_xlabel("predicted verdict")
    ax.set_ylabel("expected verdict")
    ax.set_title(f"Claim verdicts: confusion matrix ({where})")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_plots(record: dict[str, Any], results_dir: Path, run: str) -> list[str]:
    """Write whichever figures the record supports; returns their paths."""
    results_dir.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    if record["results"]:
        for suffix, draw in (("rouge", _rouge_by_system), ("length", _rouge_vs_length)):
            path = results_dir / f"{run}.{suffix}.png"
            draw(record, path)
            written.append(str(path))
    if record.get("speed"):
        path = results_dir / f"{run}.speed.png"
        _speed(record, path)
        written.append(str(path))
    confusion = find_confusion(record.get("extra", {}).get("claims"))
    if confusion:
        path = results_dir / f"{run}.claims.png"
        _confusion(*confusion, path)
        written.append(str(path))
    return written
