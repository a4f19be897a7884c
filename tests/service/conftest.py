"""Service fixtures: an app over a small in-memory archive, with the bag-of-words test encoder and
the lead ranker (fast, deterministic); the real e5 models are exercised in test_server.py."""
from __future__ import annotations

from typing import Callable

import pytest

pytest.importorskip("fastapi", reason="the service needs the 'serve' extra")

from fastapi.testclient import TestClient  # noqa: E402

from summarize.service.app import create_app  # noqa: E402
from summarize.service.config import ServiceConfig  # noqa: E402
from summarize.service.state import Services  # noqa: E402
from summarize.summarizer import Summarizer  # noqa: E402
from tests.claims.checker_fakes import BagOfWordsEncoder  # noqa: E402

API_KEY = "test-key-0123456789abcdef"

#: A small newsroom archive: two reports of the same statistics (one differs on a number) and an
#: unrelated one, with dates.
ARCHIVE = [
    {"id": "bps-2024-02", "date": "2024-02-05", "source": "ANTARA",
     "text": "Jakarta (ANTARA) - Badan Pusat Statistik (BPS) mencatat pertumbuhan ekonomi Indonesia "
             "pada 2023 sebesar 5,05 persen. Konsumsi rumah tangga tumbuh 4,82 persen pada 2023."},
    {"id": "bps-2024-02-b", "date": "2024-02-06", "source": "Kontan",
     "text": "BPS melaporkan ekonomi Indonesia tumbuh 5,05 persen sepanjang 2023, dengan konsumsi "
             "rumah tangga naik 4,82 persen."},
    {"id": "pupuk-2024-03", "date": "2024-03-01", "source": "ANTARA",
     "text": "Kementerian Pertanian menyalurkan pupuk bersubsidi sebanyak 4,7 juta ton kepada petani "
             "di Jawa Barat sepanjang 2023."},
]

#: An article to check: the growth figure differs from the archive, the consumption figure agrees.
QUERY = ("Jakarta (ANTARA) - Badan Pusat Statistik (BPS) mencatat pertumbuhan ekonomi Indonesia pada "
         "2023 sebesar 5,3 persen. Konsumsi rumah tangga tumbuh 4,82 persen pada 2023. Menteri Keuangan "
         "menyebut angka itu sesuai perkiraan pemerintah.\n\nPemerintah menargetkan pertumbuhan lebih "
         "tinggi tahun ini.")


def bow_services(archive: bool = True, summarizer: Summarizer | None = None) -> Services:
    """Services over a fresh in-memory archive (or none), with the bag-of-words encoder."""
    encoder = BagOfWordsEncoder()
    summarizer = summarizer or Summarizer(encoder=encoder, ranker="lead")
    if not archive:
        return Services(summarizer)
    from summarize.archive import Archive
    from summarize.claims import ClaimChecker

    store = Archive(":memory:", encoder=encoder)
    return Services(summarizer, ClaimChecker(store=store, encoder=encoder), store)


@pytest.fixture
def make_client() -> Callable[..., TestClient]:
    """``make_client(config=None, services=None)``: a TestClient whose app has started."""
    opened: list[TestClient] = []

    def make(config: ServiceConfig | None = None, services: Services | None = None, **kwargs) -> TestClient:
        client = TestClient(create_app(config, services or bow_services()), **kwargs)
        opened.append(client.__enter__())
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client) -> TestClient:
    return make_client()


@pytest.fixture
def filled(client) -> TestClient:
    """A client whose archive holds ``ARCHIVE``."""
    for article in ARCHIVE:
        assert client.post("/v1/articles", json=article).status_code == 201
    return client
