"""The whole-sentence extraction score: parts are scored apart, and a tuning run reads only
the tune part."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from summarize.evaluation.claims_extraction import evaluate_extraction


@dataclass
class Found:
    start: int
    end: int
    surface: str


def _rows(path: Path) -> Path:
    rows = [
        {"id": "a", "split": "dev", "text": "Ada 3 orang dan 5 mobil.",
         "claims": [{"surface": "3 orang", "start": 4}, {"surface": "5 mobil", "start": 16}]},
        {"id": "b", "split": "test", "text": "Skor 2 - 0.", "claims": [], "optional": [{"surface": "2 - 0", "start": 5}]},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_parts_are_scored_apart_and_a_tuning_run_reads_only_dev(tmp_path: Path) -> None:
    seen: list[str] = []

    def extract(text: str) -> list[Found]:
        seen.append(text)
        return [Found(4, 11, "3 orang"), Found(0, 3, "Ada")] if text.startswith("Ada") else [Found(5, 6, "2")]

    path = _rows(tmp_path / "s.jsonl")
    both = evaluate_extraction(extract, path)
    assert (both["dev"]["precision"], both["dev"]["recall"]) == (0.5, 0.5)
    assert both["test"]["found_claims"] == 0  # the score's digit lies in an optional span
    assert both["tune_mistakes"] == [{"id": "a", "missed": ["5 mobil"], "false": ["Ada"]}]
    seen.clear()
    dev = evaluate_extraction(extract, path, parts=("dev",))
    assert "test" not in dev and seen == ["Ada 3 orang dan 5 mobil."]
