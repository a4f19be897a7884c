"""``summarize serve`` for real: a subprocess on a free 127.0.0.1 port with the shipped models and
an archive file, talked to over HTTP with httpx; stopped with Ctrl-C (SIGINT) at the end."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("uvicorn", reason="the service needs the 'serve' extra")
import httpx  # noqa: E402

from summarize.service.launch import serve_process  # noqa: E402

ROOT = Path(__file__).parents[2]
DEMO = ROOT / "eval" / "data" / "claims" / "demo_corpus.jsonl"
ARTICLE = ROOT / "tests" / "fixtures" / "antara-2024-umkm-jakpreneur.txt"
KEY = "server-test-key-0123456789"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    args = ["--archive", str(tmp / "newsroom.db"), "--api-key-env", "SERVE_TEST_KEY"]
    with serve_process(args, tmp / "serve.log", env={"SERVE_TEST_KEY": KEY}) as (base, proc):
        with httpx.Client(base_url=base, timeout=120) as http:
            yield http, proc
    assert proc.returncode == 0, (tmp / "serve.log").read_text(errors="replace")


def test_archive_grows_over_http_and_the_check_finds_the_edited_number(server):
    http, _ = server
    for line in DEMO.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        article = {"id": record["id"], "text": record["text"], "date": record.get("date")}
        assert http.post("/v1/articles", json=article).status_code == 401  # no key, no write
        added = http.post("/v1/articles", json=article, headers={"X-API-Key": KEY})
        assert added.status_code == 201, added.text
    assert http.get("/v1/stats").json()["archive"]["articles"] == 2

    body = http.post("/v1/check", json={"text": ARTICLE.read_text(encoding="utf-8"), "date": "2024-05-02"}).json()
    by_surface = {r["claim"]["surface"]: r for r in body["claims"]}
    edited = by_surface["377.625 peserta"]
    assert edited["verdict"] == "conflict"
    assert edited["deciding"]["source"] == "antara-2024-umkm-jakpreneur-edited"
    assert edited["deciding"]["surface"] == "357.625 peserta"


def test_summary_over_http_is_the_cli_json(server):
    http, _ = server
    text = ARTICLE.read_text(encoding="utf-8")
    over_http = http.post("/v1/summarize", json={"text": text}).json()
    cli = subprocess.run([sys.executable, "-m", "summarize", str(ARTICLE), "--json", "-q"],
                         capture_output=True, timeout=300, check=True)
    assert over_http == json.loads(cli.stdout)


def test_errors_over_http_are_one_line_json(server):
    http, _ = server
    bad = http.post("/v1/summarize", content=b"{oops", headers={"content-type": "application/json"})
    assert bad.status_code == 400 and bad.json()["error"].startswith("bad JSON")
    big = http.post("/v1/check", content=b"x" * (3 * 1024 * 1024), headers={"content-type": "application/json"})
    assert big.status_code == 413 and "too large" in big.json()["error"]  # declared: JSON too, not plain text
