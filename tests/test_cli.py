"""The ``summarize`` command in a subprocess, as a user or a script meets it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BOILERPLATE = ("Baca juga", "Pewarta", "Editor", "Copyright")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args], input=stdin, capture_output=True, env=env, timeout=300
    )


def test_help_teaches_examples_and_exit_codes():
    res = run("--help")
    assert res.returncode == 0
    out = res.stdout.decode()
    assert "examples:" in out and "exit codes:" in out and "--input-jsonl" in out


def test_json_summary_of_example_article(example_path: Path):
    res = run(str(example_path), "--json", "-q")
    assert res.returncode == 0, res.stderr.decode()
    data = json.loads(res.stdout)
    original = example_path.read_text(encoding="utf-8")
    assert len(data["sentences"]) == 3
    assert [s["index"] for s in data["sentences"]] == sorted(s["index"] for s in data["sentences"])
    for sent in data["sentences"]:
        assert not any(b in sent["text"] for b in BOILERPLATE)
        assert sent["text"].split()[0] in original[sent["start"] : sent["end"]]


def test_stdin_and_length_options(example_path: Path):
    data = example_path.read_bytes()
    assert len(run("-", "-k", "2", "-q", stdin=data).stdout.decode().strip().splitlines()) == 2
    words = run("-", "--max-words", "40", "--json", stdin=data)
    assert words.returncode == 0
    assert len(json.loads(words.stdout)["sentences"]) >= 1
    adaptive = run("-", "--adaptive", "--json", stdin=data)
    assert adaptive.returncode == 0 and len(json.loads(adaptive.stdout)["sentences"]) >= 1


@pytest.mark.parametrize(
    "content, needle",
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Harga naik lima persen di Bogor.".encode("latin-1") + b"\xe9\xe8", "not UTF-8"),
    ],
)
def test_bad_input_gives_one_line_and_exit_3(tmp_path, content, needle):
    path = tmp_path / "artikel.txt"
    if content is not None:
        path.write_bytes(content)
    res = run(str(path))
    assert res.returncode == 3
    err = res.stderr.decode().strip()
    assert needle in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_directory_is_refused(tmp_path):
    res = run(str(tmp_path))
    assert res.returncode == 3 and "directory" in res.stderr.decode()


def test_usage_errors_exit_2(example_path):
    assert run().returncode == 2
    assert run(str(example_path), "--check").returncode == 2
    assert run(str(example_path), "-k", "0").returncode == 2
    assert run(str(example_path), "-k", "2", "--adaptive").returncode == 2
    no_length = run(str(example_path), "--adaptive", "--ranker", "lead")
    assert no_length.returncode == 2 and "learned no summary length" in no_length.stderr.decode()


def test_megabyte_article_is_summarized(tmp_path, example_text):
    body = "\n\n".join(example_text for _ in range(1024 * 1024 // len(example_text.encode()) + 1))
    path = tmp_path / "big.txt"
    path.write_text(body, encoding="utf-8")
    assert path.stat().st_size >= 1024 * 1024
    res = run(str(path), "--json", "-q")
    assert res.returncode == 0, res.stderr.decode()[-500:]
    assert len(json.loads(res.stdout)["sentences"]) == 3


def test_batch_with_bad_lines_loses_nothing(tmp_path, example_text):
    lines = [
        json.dumps({"id": "a", "text": example_text}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": "   "}),
        json.dumps({"id": "d", "text": "Harga beras naik 5 persen. Warga mengeluh di pasar."}),
    ]
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run("--input-jsonl", str(src), "--output-jsonl", str(dst))
    assert res.returncode == 5
    out = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "b", "c", "d"]
    assert [o["line"] for o in out] == [1, 2, 3, 4, 5]  # every record, summaries too, says its line
    assert ["error" in o for o in out] == [False, True, True, True, False]
    assert "line 2" in res.stderr.decode() and "1 summarized" not in res.stderr.decode()
    assert len(out[0]["sentences"]) == 3 and len(out[4]["sentences"]) == 2


def test_check_adds_claims_with_verdicts_and_evidence(tmp_path, example_path):
    if "jakpreneur" not in example_path.name:
        pytest.skip("the demo corpus is about the 2024 article")
    corpus = Path(__file__).parents[1] / "eval" / "data" / "claims" / "demo_corpus.jsonl"
    bad = tmp_path / "corpus.jsonl"
    bad.write_text(corpus.read_text(encoding="utf-8") + "{broken\n", encoding="utf-8")
    res = run(str(example_path), "--check", "--corpus", str(bad), "--json", "-q")
    assert res.returncode == 0, res.stderr.decode()
    claims = {c["claim"]["surface"]: c for c in json.loads(res.stdout)["claims"]}
    assert claims["377.625 peserta"]["verdict"] == "conflict"
    assert "357.625" in claims["377.625 peserta"]["deciding"]["sentence"]
    assert claims["249.576"]["verdict"] == "consistent"
    assert all(isinstance(c["in_summary"], bool) for c in claims.values())
    assert "corpus.jsonl:3" in res.stderr.decode()  # the broken corpus line is reported, not fatal
