"""The batch command in a subprocess: nothing lost, nothing overwritten, nothing silent."""
from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import run

DEMO_CORPUS = Path(__file__).parents[1] / "eval" / "data" / "claims" / "demo_corpus.jsonl"


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def read_records(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_issue_batch_with_check_keeps_every_line(tmp_path):
    """Issue 11 item 1: one line whose claim check crashed used to end the batch."""
    src = write_lines(tmp_path / "r.jsonl", [
        json.dumps({"id": "1", "text": "Harga beras naik 5 persen. Pedagang mengeluh."}),
        json.dumps({"id": "2", "text": "Luas lahan mencapai 300 m ² tahun ini."}),
        json.dumps({"id": "3", "text": "Harga cabai turun 10 persen. Petani rugi."}),
    ])
    dst = tmp_path / "out.jsonl"
    res = run("--input-jsonl", str(src), "--output-jsonl", str(dst), "--check", "--corpus", str(DEMO_CORPUS), "-q")
    assert res.returncode in (0, 5), res.stderr.decode()
    out = read_records(dst)
    assert [(r["id"], r["line"]) for r in out] == [("1", 1), ("2", 2), ("3", 3)]
    assert "Traceback" not in res.stderr.decode()
    assert all("claims" in r for r in out if "error" not in r)
