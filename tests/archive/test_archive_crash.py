"""Crash safety: ``kill -9`` in the middle of a bulk add leaves a valid archive that holds every
article committed before the kill, and a rerun skips those and adds the rest.

The bulk add is the real ``summarize archive add`` in a subprocess (real parser; the bag-of-words
encoder registered there instead of e5, for speed). The subprocess prints the ids of each chunk
right after its commit returns, so the test knows what was committed before it kills.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from summarize.archive import Archive
from tests.claims.checker_fakes import BagOfWordsEncoder

REPO = Path(__file__).resolve().parents[2]
N = 400
BULK_ADD = """
import sys
from summarize.archive.archive import Archive
from summarize.archive.cli import main
from summarize.encoders.base import register_encoder
from tests.claims.checker_fakes import BagOfWordsEncoder

register_encoder("bow-test", BagOfWordsEncoder)
write = Archive.write

def logged(self, prepared):
    out = write(self, prepared)
    print("committed", " ".join(p.id for p in prepared), flush=True)
    return out

Archive.write = logged
sys.exit(main(sys.argv[1:]))
"""


def _articles(path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N):
            text = (f"Harga cabai rawit di Pasar Induk {i} naik {i % 50 + 1} persen pekan ini. "
                    f"Jumlah peserta program pelatihan ke-{i} sebanyak {i * 3 + 10} orang.")
            fh.write(json.dumps({"id": f"art-{i:04d}", "text": text, "date": "2024-05-01"}) + "\n")


def _bulk_add(data: Path, db: Path) -> subprocess.Popen:
    args = [sys.executable, "-c", BULK_ADD, "add", str(data), "--db", str(db), "--chunk", "5",
            "--encoder", "bow-test", "--json", "-q"]
    env = {**os.environ, "PYTHONPATH": str(REPO), "OMP_WAIT_POLICY": "PASSIVE"}
    return subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_kill_9_mid_bulk_add_keeps_every_committed_article(tmp_path: Path) -> None:
    data, db = tmp_path / "articles.jsonl", tmp_path / "newsroom.db"
    _articles(data)
    proc = _bulk_add(data, db)
    committed: list[str] = []
    deadline = time.monotonic() + 240
    assert proc.stdout is not None
    while len(committed) < 40 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("committed "):
            committed += line.split()[1:]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
    assert 40 <= len(committed) < N

    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    archive = Archive(db, encoder=BagOfWordsEncoder())
    assert all(archive.get(i) is not None for i in committed)
    held = len(archive)
    assert len(committed) <= held < N
    masked = ["Harga cabai rawit di Pasar Induk # naik # persen pekan ini."]
    [hits] = archive.search(BagOfWordsEncoder().encode(masked), masked, None, k=3)
    assert hits and archive.sentence(hits[0].sentence).source.startswith("art-")
    archive.close()

    rerun = _bulk_add(data, db)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    record = json.loads(out.strip().splitlines()[-1])
    assert record["unchanged"] == held and record["added"] == N - held and record["articles"] == N
    with Archive(db, encoder=BagOfWordsEncoder()) as archive:
        assert len(archive) == N and archive.stats()["vector_index"]["vectors"] == 2 * N
