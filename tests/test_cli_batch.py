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


def short_articles(n: int, start: int = 0) -> list[str]:
    return [json.dumps({"id": f"a{i}", "text": f"Harga cabai naik {i} persen di pasar. Pedagang {i} mengeluh."})
            for i in range(start, start + n)]


def test_blank_lines_and_duplicate_ids(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", [short_articles(1)[0], "", "   ", short_articles(2)[1], short_articles(1)[0]])
    dst = tmp_path / "out.jsonl"
    res = run("--input-jsonl", str(src), "--output-jsonl", str(dst), "-q")
    assert res.returncode == 0, res.stderr.decode()
    assert [(r["id"], r["line"]) for r in read_records(dst)] == [("a0", 1), ("a1", 4), ("a0", 5)]
    warnings = [x for x in res.stderr.decode().splitlines() if "duplicate" in x]
    assert warnings == ["summarize: warning: 1 duplicate ids: 'a0' on lines 1, 5"]


def test_output_equal_to_input_is_refused_and_the_input_kept(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", short_articles(3))
    before = src.read_bytes()
    for out in (str(src), str(tmp_path / "." / "in.jsonl")):
        res = run("--input-jsonl", str(src), "--output-jsonl", out, "-q")
        assert res.returncode == 2 and "is the input file" in res.stderr.decode()
    assert src.read_bytes() == before


def test_unwritable_output_is_one_line(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", short_articles(2))
    for out in ("/dev/full", str(tmp_path / "no" / "dir" / "out.jsonl")):
        res = run("--input-jsonl", str(src), "--output-jsonl", out, "-q")
        err = res.stderr.decode().strip()
        assert res.returncode == 3 and "cannot be written" in err and len(err.splitlines()) == 1, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]  # no temporary file left


def test_missing_corpus_is_bad_input_and_corpus_implies_check(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Harga beras naik 5 persen di Bogor. Pedagang mengeluh.", encoding="utf-8")
    res = run(str(art), "--corpus", str(tmp_path / "no" / "such"), "-q")
    err = res.stderr.decode().strip()
    assert res.returncode == 3 and "no such file" in err and len(err.splitlines()) == 1
    empty = write_lines(tmp_path / "empty.jsonl", [])
    res = run(str(art), "--corpus", str(empty), "--json", "-q")
    assert res.returncode == 0, res.stderr.decode()
    assert [c["verdict"] for c in json.loads(res.stdout)["claims"]] == ["unverified"]
    assert "unverified" in res.stderr.decode()  # the empty corpus is announced


def test_closed_stdout_stops_quietly(tmp_path):
    import subprocess
    import sys

    src = write_lines(tmp_path / "in.jsonl", short_articles(300))
    cmd = f"{sys.executable} -m summarize --input-jsonl {src} -q | head -c 100 >/dev/null; echo ${{PIPESTATUS[0]}}"
    res = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=300)
    assert res.stdout.decode().strip() == "141" and res.stderr.decode() == ""


def test_ctrl_c_keeps_finished_lines_and_resume_finishes(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    N = 1200  # enough lines that the first flushed chunk comes well before the last

    src = write_lines(tmp_path / "in.jsonl", short_articles(N))
    dst = tmp_path / "out.jsonl"
    dst.write_text("old output\n", encoding="utf-8")
    # A child started with SIGINT ignored (as an earlier test in the same run can leave this
    # process) never gets Python's KeyboardInterrupt handler; a user's terminal starts it default.
    proc = subprocess.Popen([sys.executable, "-m", "summarize", "--input-jsonl", str(src), "--output-jsonl", str(dst), "-q"],
                            stderr=subprocess.PIPE, env={**os.environ, "HF_HUB_OFFLINE": "1"},
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not any(p.stat().st_size > 0 for p in tmp_path.glob(".out.jsonl.*.tmp")):
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    err = proc.communicate(timeout=120)[1].decode()
    assert proc.returncode == 130, err
    partial = read_records(tmp_path / "out.jsonl.partial")  # complete JSON lines only
    assert 0 < len(partial) < N and f"{len(partial)} finished lines kept in" in err and "--resume" in err
    assert dst.read_text(encoding="utf-8") == "old output\n"  # the earlier output is untouched
    res = run("--input-jsonl", str(src), "--output-jsonl", str(dst), "--resume", "-q")
    assert res.returncode == 0, res.stderr.decode()
    out = read_records(dst)
    assert [r["line"] for r in out] == list(range(1, N + 1)) and out[: len(partial)] == partial
    assert f"{len(partial)} reused" in res.stderr.decode() and not (tmp_path / "out.jsonl.partial").exists()
