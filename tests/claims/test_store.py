"""The statement store seam: the in-memory index implements it, the checker talks only to it,
claims survive their JSON form, and an archive store is opened and grown through the checker."""
from __future__ import annotations

import sys
import types
from decimal import Decimal
from typing import Sequence

import numpy as np
import pytest

from summarize.claims import ArticleSentence, StatementStore, article_statements
from summarize.claims.checker import ClaimChecker
from summarize.claims.extract import extract_claims
from summarize.claims.index import ClaimIndex
from summarize.claims.match import HybridMatcher
from summarize.claims.store import Hit, StoredSentence
from summarize.claims.types import Claim, Frame, Quantity
from tests.claims.checker_fakes import BagOfWordsEncoder, fake_extract

ARTICLE = "Realisasi P3DN di Jakarta mencapai 91,82 persen. Program itu diikuti 377.625 peserta pada 2023."


def test_claim_from_dict_inverts_to_dict() -> None:
    claims = extract_claims(ARTICLE, date="2024-05-01")
    assert claims
    for claim in claims:
        assert Claim.from_dict(claim.to_dict()) == claim
    q = Quantity(Decimal("1.5E+12"), "IDR", None, Decimal("1.45E+12"), Decimal("1.55E+12"), "sekitar")
    framed = Claim("Rp1,5 triliun", 3, 16, q, "x Rp1,5 triliun", 1, 17, "2023",
                   Frame("anggaran", ("Presiden",), ("Jawa Barat",), "2023", "target", "money", None))
    assert Claim.from_dict(framed.to_dict()) == framed
    assert set(framed.to_dict()["frame"]) == {"measure", "entities", "places", "time", "basis", "per", "kind", "unit_class",
                                              "counted", "context_places"}
    inherited = Claim.from_dict({**framed.to_dict(), "frame": {"context_places": ["Kota Bogor"]}})
    assert inherited.frame.context_places == ("Kota Bogor",)


def test_article_statements_group_and_mask_claims() -> None:
    found = article_statements(ARTICLE, "2024-05-01")
    assert all(isinstance(s, ArticleSentence) for s in found)
    assert [len(s.claims) for s in found] == [1, 1]
    assert "91,82" not in found[0].masked and "#" in found[0].masked
    assert found[1].masked.count("#") >= 2  # the claim and the year
    assert found[0].claims[0].sentence == found[0].text


class ListStore(StatementStore):
    """A minimal store: every sentence is a hit with a fixed similarity."""

    encoder = BagOfWordsEncoder.name

    def __init__(self, sentences: list[StoredSentence]) -> None:
        self.sentences, self.skipped, self.added = sentences, [], []

    def search(self, vectors: np.ndarray, masked: Sequence[str], text: str | None, k: int) -> list[list[Hit]]:
        return [[Hit(s.id, 0.9) for s in self.sentences][:k] for _ in masked]

    def sentence(self, sid: int) -> StoredSentence:
        return self.sentences[sid]

    def __len__(self) -> int:
        return len({s.source for s in self.sentences})

    def add(self, id: str, text: str, date: str | None = None, source: str | None = None) -> str:
        self.added.append((id, date, source))
        return "added"


def test_checker_works_over_any_store() -> None:
    stored = fake_extract("Harga naik 5 persen.")
    store = ListStore([StoredSentence(0, "src", None, stored[0].sentence, tuple(stored))])
    checker = ClaimChecker(store=store, encoder=BagOfWordsEncoder(), extractor=fake_extract,
                           matcher=HybridMatcher(min_similarity=0.5))
    (result,) = checker.check("Harga naik 5 persen.")
    assert result.verdict == "consistent" and result.deciding is not None and result.deciding.source == "src"
    assert checker.add("a1", "teks", date="2024-01-01") == "added" and store.added == [("a1", "2024-01-01", None)]


def test_in_memory_index_is_a_store_and_read_only() -> None:
    checker = ClaimChecker(["Harga naik 5 persen."], encoder=BagOfWordsEncoder(), extractor=fake_extract)
    assert isinstance(checker.store, ClaimIndex) and isinstance(checker.store, StatementStore)
    (hits,) = checker.store.search(BagOfWordsEncoder().encode(["Harga naik #."]), ["Harga naik #."], None, 3)
    assert hits and 0.0 <= hits[0].similarity <= 1.0
    with pytest.raises(TypeError, match="read-only"):
        checker.add("x", "Harga naik 6 persen.")


def test_archive_is_opened_through_summarize_archive(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    opened = {}

    class Archive(ListStore):
        def __init__(self, path, encoder) -> None:
            super().__init__([])
            opened.update(path=path, encoder=encoder)

    monkeypatch.setitem(sys.modules, "summarize.archive", types.SimpleNamespace(Archive=Archive))
    encoder = BagOfWordsEncoder()
    checker = ClaimChecker(archive=tmp_path / "n.db", encoder=encoder, extractor=fake_extract)
    assert opened == {"path": tmp_path / "n.db", "encoder": encoder}
    assert checker.check("Harga naik 5 persen.")[0].verdict == "unverified"


def test_missing_archive_module_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "summarize.archive", None)
    with pytest.raises(ModuleNotFoundError, match="archive module is not available"):
        ClaimChecker(archive="x.db", encoder=BagOfWordsEncoder(), extractor=fake_extract)
