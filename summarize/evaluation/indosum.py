"""Reading IndoSum-format JSONL (see ../shared/data/README.md) into plain records.

The path defaults to ``../shared/data/indosum/articles.jsonl`` beside the repo (in a checkout)
and can be overridden with the ``SUMMARIZE_INDOSUM`` environment variable or the harness's
``--data`` flag; an installed package has no default (see ``locations``).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from summarize.evaluation.locations import INDOSUM_ENV, indosum_path
from summarize.text.detokenize import detokenize


def data_path(override: str | os.PathLike | None = None) -> Path:
    """The IndoSum file to read; FileNotFoundError (one line, naming the fixes) when none is known."""
    path = indosum_path(override)
    if path is None:
        raise FileNotFoundError(f"no IndoSum file given: pass --data PATH or set {INDOSUM_ENV} "
                                "(only a checkout has a default, ../shared/data/indosum)")
    return path


@dataclass(frozen=True)
class Article:
    """One article: given sentences (detokenized), their paragraph ids, gold labels, reference."""

    id: str
    category: str
    sentences: list[str]
    paragraphs: list[int]
    labels: list[bool]
    reference: str  # summary sentences joined by newlines, as the README's reference figures use

    @property
    def raw_text(self) -> str:
        """The article as running text: sentences joined by spaces, paragraphs by blank lines."""
        paras: dict[int, list[str]] = {}
        for sent, para in zip(self.sentences, self.paragraphs):
            paras.setdefault(para, []).append(sent)
        return "\n\n".join(" ".join(p) for p in paras.values())


def load_articles(path: str | os.PathLike | None = None, limit: int | None = None) -> list[Article]:
    """Articles in file order; ``limit`` keeps the first N (deterministic quick runs)."""
    out: list[Article] = []
    with open(data_path(path), encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(out) >= limit:
                break
            if not line.strip():
                continue
            rec = json.loads(line)
            sents, paras, labels = [], [], []
            for p_idx, (para, para_labels) in enumerate(zip(rec["paragraphs"], rec["gold_labels"])):
                for tokens, label in zip(para, para_labels):
                    sents.append(detokenize(tokens))
                    paras.append(p_idx)
                    labels.append(bool(label))
            out.append(
                Article(
                    id=rec["id"],
                    category=rec.get("category", ""),
                    sentences=sents,
                    paragraphs=paras,
                    labels=labels,
                    reference="\n".join(detokenize(s) for s in rec["summary"]),
                )
            )
    return out
