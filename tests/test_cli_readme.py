"""The README's `--json` sample is what the command prints (scores to 4 decimals, for machines
whose floating point differs in the last digits)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_cli import run

ROOT = Path(__file__).parents[1]
COMMAND = "summarize ../shared/examples/antara-2023-umkm-paris-fashion-week.txt --json"


def _rounded(record: dict) -> dict:
    return {**record, "sentences": [{**s, "score": round(s["score"], 4)} for s in record["sentences"]]}


def test_readme_json_sample_is_a_real_run():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(re.escape(COMMAND) + r"\n```\n\n```json\n(.*?)\n```", readme, re.DOTALL)
    assert found, "the README shows the --json command followed by a ```json block"
    article = ROOT / "tests" / "fixtures" / "antara-2023-umkm-paris-fashion-week.txt"
    if not article.is_file():
        pytest.skip("example article not in tests/fixtures")
    res = run(str(article), "--json", "-q")
    assert res.returncode == 0, res.stderr.decode()
    assert _rounded(json.loads(found.group(1))) == _rounded(json.loads(res.stdout))
