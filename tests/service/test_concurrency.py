"""Concurrent requests over real HTTP: answers do not mix, and the models are never entered twice
at once (the service's lock; the e5 engine is not documented as thread-safe)."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from summarize.service.app import create_app
from summarize.summarizer import Summarizer
from tests.claims.checker_fakes import BagOfWordsEncoder
from tests.service.conftest import ARCHIVE, QUERY, bow_services
from tests.service.servers import thread_server


class OverlapDetectingEncoder(BagOfWordsEncoder):
    """The test encoder, slowed down, counting how many calls run at the same moment."""

    def __init__(self) -> None:
        self.active = 0
        self.most = 0
        self._guard = threading.Lock()

    def encode(self, texts):
        with self._guard:
            self.active += 1
            self.most = max(self.most, self.active)
        time.sleep(0.01)
        try:
            return super().encode(texts)
        finally:
            with self._guard:
                self.active -= 1


def _article(i: int) -> str:
    return (f"Artikel nomor {i} membahas harga beras yang naik {i + 1} persen. Pedagang di pasar {i} "
            f"mengeluhkan sepinya pembeli. Pemerintah berjanji menambah stok sebanyak {100 + i} ton.")


def test_concurrent_mixed_requests_get_their_own_answers():
    encoder = OverlapDetectingEncoder()
    services = bow_services(summarizer=Summarizer(encoder=encoder, ranker="lead"))
    services.checker.encoder = encoder
    for article in ARCHIVE:
        services.add(article["id"], article["text"], article["date"], article["source"])
    expected_summaries = {i: services.summarize(_article(i), None, None, {"k": 1}) for i in range(8)}
    expected_check = services.check(QUERY, None)
    encoder.most = 0

    with thread_server(create_app(services=services)) as base:
        def client(i: int) -> list[str]:
            problems = []
            with httpx.Client(base_url=base, timeout=60) as http:
                for round_ in range(6):
                    if round_ % 2:
                        got = http.post("/v1/check", json={"text": QUERY}).json()["claims"]
                        if got != expected_check:
                            problems.append(f"client {i}: check answer differs")
                    else:
                        got = http.post("/v1/summarize", json={"text": _article(i), "k": 1}).json()
                        if got != expected_summaries[i]:
                            problems.append(f"client {i}: got another article's summary")
            return problems

        with ThreadPoolExecutor(8) as pool:
            problems = [p for found in pool.map(client, range(8)) for p in found]
    assert problems == []
    assert encoder.most == 1
