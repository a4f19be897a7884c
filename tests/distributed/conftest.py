"""One local Ray (2 CPUs) for all the Ray tests, shut down after them; IndoSum articles from
../shared when they are there (skipped otherwise)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

INDOSUM = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "indosum" / "articles.jsonl"


@pytest.fixture(scope="package")
def ray_local():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()


@pytest.fixture(scope="package")
def indosum_lines() -> list[tuple[int, bytes]]:
    """50 IndoSum articles as batch lines, with bad lines among them (numbered as in a file
    with blank lines: the numbers have gaps)."""
    if not INDOSUM.is_file():
        pytest.skip(f"{INDOSUM} not found (the IndoSum data beside the repo)")
    from summarize.evaluation.indosum import load_articles

    good = [json.dumps({"id": a.id, "text": a.raw_text}, ensure_ascii=False).encode()
            for a in load_articles(INDOSUM, limit=50)]
    bad = [b"{not json", b"\xff\xfe not utf-8", b'{"id": "empty", "text": "  "}', b'["a list"]',
           b'{"id": 7, "title": "no text"}']
    raw = good[:10] + bad[:2] + good[10:30] + bad[2:] + good[30:]
    return [(n + n // 7, line) for n, line in enumerate(raw, start=1)]
