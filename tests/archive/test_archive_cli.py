"""``summarize archive`` end to end in a subprocess, with the real parser and e5-small."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
P3DN = ("Realisasi komitmen Program Peningkatan Penggunaan Produk Dalam Negeri (P3DN) di Pemprov DKI "
        "Jakarta mencapai 91,82 persen pada 2023.")
UMKM = "Sebanyak 377.625 pelaku UMKM tercatat sebagai peserta program Jakpreneur hingga akhir 2023."


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}
    return subprocess.run([sys.executable, "-m", "summarize", *args], cwd=REPO, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_add_rerun_stdin_stats_remove_and_check(tmp_path: Path) -> None:
    db = str(tmp_path / "newsroom.db")
    data = tmp_path / "arsip.jsonl"
    data.write_text("\n".join([
        json.dumps({"id": "ant-1", "text": P3DN, "date": "2024-01-05"}),
        "{not json",
        json.dumps({"id": "kosong", "text": ""}),
        json.dumps({"id": "ant-2", "text": UMKM}),
    ]) + "\n", encoding="utf-8")

    first = run("archive", "add", str(data), "--db", db, "--json", "-q")
    assert first.returncode == 5, first.stderr  # done, with bad lines
    record = json.loads(first.stdout)
    assert (record["added"], record["skipped"], record["articles"]) == (2, 2, 2)
    assert "bad JSON" in first.stderr and "empty text" in first.stderr

    piped = run("archive", "add", "-", "--db", db, "--json", "-q",
                stdin=json.dumps({"id": "ant-3", "text": P3DN.replace("91,82", "80")}) + "\n")
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["added"] == 1

    stats = run("archive", "stats", "--db", db, "--json")
    assert stats.returncode == 0 and json.loads(stats.stdout)["articles"] == 3

    article = tmp_path / "artikel.txt"
    article.write_text("Menurut Dinas PPKUKM, realisasi komitmen P3DN di Pemprov DKI Jakarta mencapai "
                       "91,82 persen pada 2023.", encoding="utf-8")
    check = run(str(article), "--check", "--archive", db, "--json", "-q")
    assert check.returncode == 0, check.stderr
    assert "ant-1" in check.stdout  # the archived statement is the evidence

    gone = run("archive", "remove", "ant-3", "nope", "--db", db, "--json")
    assert gone.returncode == 3 and json.loads(gone.stdout) == {"removed": ["ant-3"], "missing": ["nope"]}
    assert json.loads(run("archive", "stats", "--db", db, "--json").stdout)["articles"] == 2

    refreshed = run("archive", "refresh", "--db", db, "--json", "-q")
    assert refreshed.returncode == 0, refreshed.stderr
    assert json.loads(refreshed.stdout) == {"replaced": 2}
    assert json.loads(run("archive", "stats", "--db", db, "--json").stdout)["articles"] == 2


def test_usage_and_input_errors(tmp_path: Path) -> None:
    helped = run("archive", "--help")
    assert helped.returncode == 0 and "idempotent" in helped.stdout
    assert run("archive", "stats").returncode == 2  # --db is required
    absent = run("archive", "stats", "--db", str(tmp_path / "absent.db"))
    assert absent.returncode == 3 and not (tmp_path / "absent.db").exists()
    missing = run("archive", "add", str(tmp_path / "nothing.jsonl"), "--db", str(tmp_path / "x.db"), "-q")
    assert missing.returncode == 3 and "nothing.jsonl" in missing.stderr
    not_db = tmp_path / "not.db"
    not_db.write_text("hello, not a database " * 100)
    broken = run("archive", "stats", "--db", str(not_db))
    assert broken.returncode == 3 and "Traceback" not in broken.stderr


def test_indosum_shaped_jsonl_is_read_as_running_text(tmp_path: Path) -> None:
    from summarize.archive.cli import _read

    record = {"id": "a1", "category": "x", "paragraphs": [[["Harga", "naik", "5", "persen", "."]], [["Kata", "BPS", "."]]],
              "gold_labels": [[True], [False]], "summary": [["Harga", "naik", "."]]}
    path = tmp_path / "indosum.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    problems: list = []
    [doc] = list(_read([str(path)], problems))
    assert (doc.id, doc.text, problems) == ("a1", "Harga naik 5 persen.\n\nKata BPS.", [])


def test_add_on_ray_stores_what_a_local_add_stores(tmp_path: Path) -> None:
    if importlib.util.find_spec("ray") is None:  # not imported here: ray after usearch aborts a process
        pytest.skip("--ray needs the 'ray' extra")
    data = tmp_path / "arsip.jsonl"
    data.write_text("\n".join([json.dumps({"id": "ant-1", "text": P3DN, "date": "2024-01-05"}),
                               json.dumps({"id": "kosong", "text": ""}),
                               json.dumps({"id": "ant-2", "text": UMKM})]) + "\n", encoding="utf-8")
    here, there = str(tmp_path / "here.db"), str(tmp_path / "ray.db")
    local = run("archive", "add", str(data), "--db", here, "--json", "-q")
    on_ray = run("archive", "add", str(data), "--db", there, "--json", "-q", "--ray")
    assert on_ray.returncode == local.returncode == 5, on_ray.stderr  # the empty article is skipped
    assert json.loads(on_ray.stdout) == json.loads(local.stdout)
    from summarize.archive import Archive

    with Archive(here) as a, Archive(there) as b:
        for key in ("ant-1", "ant-2"):
            mine, theirs = a.get(key), b.get(key)
            assert mine is not None and theirs is not None
            assert {**mine, "added": None} == {**theirs, "added": None}
    rerun = run("archive", "add", str(data), "--db", there, "--json", "-q", "--ray")
    assert json.loads(rerun.stdout)["unchanged"] == 2
