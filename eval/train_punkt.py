"""Train the Indonesian Punkt parameters shipped in ``models/punkt-id/``.

nltk ships no Indonesian Punkt model (and the project never downloads one), so we learn
abbreviations, collocations, sentence starters and the orthographic context from IndoSum text,
detokenized back into running prose with paragraphs on their own lines. Articles that appear in
the sentence gold set are left out so that the reported test F1 is not measured on training text.

The output is plain JSON (no pickle: loading it cannot execute code, and a diff shows what changed).

    python -m eval.train_punkt            # writes models/punkt-id/punkt_params.json
"""
from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

from nltk.tokenize.punkt import PunktParameters, PunktTrainer

from summarize.evaluation.indosum import data_path
from summarize.evaluation.locations import INDOSUM_ENV, gold_data
from summarize.paths import models_dir
from summarize.text.detokenize import detokenize

DEFAULT_GOLD = gold_data("sentence_gold.jsonl")
# A word type seen fewer times than this keeps no orthographic context: rare words add file size
# but almost never decide a boundary (the heuristic answers "unknown" for them anyway).
MIN_ORTHO_COUNT = 2


def gold_ids(gold_path: Path) -> set[str]:
    """IndoSum ids used by the gold set (``indosum:<id>``), to be kept out of training."""
    if not gold_path.exists():
        return set()
    ids = set()
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc_id = json.loads(line)["id"]
            if doc_id.startswith("indosum:"):
                ids.add(doc_id.split(":", 1)[1])
    return ids


def article_texts(data_path: Path, exclude: set[str]) -> Iterator[str]:
    """Each article as running text, one paragraph per line, in file order."""
    with data_path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in exclude:
                continue
            yield "\n".join(detokenize([t for s in p for t in s]) for p in rec["paragraphs"])


def params_to_json(params: PunktParameters, type_counts: dict[str, int]) -> dict:
    """A stable, sorted JSON form of the learned parameters."""
    ortho = {
        typ: flags
        for typ, flags in params.ortho_context.items()
        if flags and type_counts.get(typ, 0) >= MIN_ORTHO_COUNT
    }
    return {
        "format": "punkt-params/1",
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted(ortho.items())),
    }


def train(data_path: Path, gold_path: Path) -> tuple[dict, int]:
    """Train on every IndoSum article not in the gold set; returns (params JSON, n_articles)."""
    exclude = gold_ids(gold_path)
    trainer = PunktTrainer()
    n = 0
    for text in article_texts(data_path, exclude):
        trainer.train(text, finalize=False)
        n += 1
    trainer.finalize_training()
    counts = {typ.rstrip("."): c for typ, c in trainer._type_fdist.items()}  # noqa: SLF001
    return params_to_json(trainer.get_params(), counts), n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help=f"IndoSum JSONL (default: ${INDOSUM_ENV}, else ../shared/data/indosum)")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--out", type=Path, default=models_dir() / "punkt-id" / "punkt_params.json")
    args = ap.parse_args(argv)
    data = data_path(args.data)
    if not data.is_file():
        ap.error(f"{data}: no such data file; pass --data PATH or set {INDOSUM_ENV}")
    params, n = train(data, args.gold)
    params["trained_on"] = f"IndoSum articles.jsonl, {n} articles (gold-set articles excluded)"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(params, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(
        f"wrote {args.out}: {len(params['abbrev_types'])} abbreviations, "
        f"{len(params['collocations'])} collocations, {len(params['sent_starters'])} starters, "
        f"{len(params['ortho_context'])} ortho entries from {n} articles"
    )


if __name__ == "__main__":
    main()
