"""``--reuse RUN.json``: rows of systems not rerun, taken from an earlier run of the same articles.

A full run embeds 45,000 sentences and trains five fold models; when only some systems changed
(a peer's set-up, a report fix) the others can be carried over instead of recomputed on a busy
machine. Only an earlier record of the same data, articles and modes is accepted, the rerun
LEAD-3 must score exactly as it did then (so the carried paired tests against it still hold),
and every carried row is marked in the report with the run and date it comes from.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from summarize.evaluation.locations import REPO

MARK = "†"


class CarryOverError(ValueError):
    """The earlier run cannot be merged into this one (other data, articles, modes or LEAD-3)."""


def _load(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    record = json.loads(path.read_text(encoding="utf-8"))
    articles = path.with_name(path.name.removesuffix(".json") + ".articles.json")
    return record, json.loads(articles.read_text(encoding="utf-8"))


def _check(record: dict[str, Any], per_article: dict[str, Any], old: dict[str, Any], old_articles: dict[str, Any]) -> None:
    if old_articles["ids"] != per_article["ids"]:
        raise CarryOverError(f"{old['run']} scored other articles ({len(old_articles['ids'])} vs {len(per_article['ids'])})")
    for mode in record["modes"]:
        if mode not in old["results"]:
            raise CarryOverError(f"{old['run']} has no {mode} mode")
        if "LEAD-3" in per_article.get(mode, {}) and per_article[mode]["LEAD-3"] != old_articles[mode].get("LEAD-3"):
            raise CarryOverError(f"LEAD-3 now scores differently from {old['run']}: its paired tests would not hold")


def carry_over(record: dict[str, Any], path: Path, order: list[str]) -> list[str]:
    """Add to ``record`` (in place, before ``write_report``) the rows of systems that ``path``'s
    run has and this one lacks; return their names. ``order``: report order of system names."""
    old, old_articles = _load(path)
    per_article = record["per_article"]
    _check(record, per_article, old, old_articles)
    ran = set(record["systems"])
    carried = [name for name in old["systems"] if name not in ran]
    source = f"run `{old['run']}` of {old.get('date', '?')}"
    rank = {name: i for i, name in enumerate(order)}
    for mode in record["modes"]:
        for name in carried:
            record["results"][mode][name] = {**old["results"][mode][name], "carried_over": source}
            per_article[mode][name] = old_articles[mode][name]
        record["results"][mode] = dict(sorted(record["results"][mode].items(), key=lambda kv: rank.get(kv[0], len(rank))))
    if record.get("speed") and old.get("speed"):
        for name in carried:
            if name in old["speed"]["systems"]:
                record["speed"]["systems"][name] = {**old["speed"]["systems"][name], "carried_over": source}
    record["prepare_s"].update({k: v for k, v in old["prepare_s"].items() if k in carried})
    old_notes = [n.replace(f"{REPO}/", "") for n in old["notes"] if n.split(":")[0] in carried]
    record["notes"] += [f"{MARK} carried over from {source} (`{old['command']}`), not rerun here: "
                        f"{', '.join(carried)}", *(f"{MARK} {note}" for note in old_notes)]
    record["systems"] += carried
    record["carried_over"] = carried
    return carried
