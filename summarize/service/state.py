"""The state one service process shares between requests: the loaded models and the archive.

Models load once per process (in the app's lifespan), never per request and never at import.
Every call that runs the encoder (summarize, check, add) goes through one lock: the e5 engine is
not documented as safe for concurrent use, and it already spreads one call over the cores, so
parallel calls would only compete for them. Removing an article takes the same lock, so that it
never lands between a check's search and its reading of the sentences found. Reading the archive
(an article, the stats) takes only the archive's own lock: it need not wait behind a summary
(the load benchmark measured 10 s p50 lookups under load when it did). Requests still run
concurrently around the lock; the concurrency test checks that answers do not mix.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, TypeVar

from fastapi import Request

from summarize.batch import article_record
from summarize.html_input import extract_text, looks_like_html
from summarize.service.config import ServiceConfig

T = TypeVar("T")


class NoArchive(LookupError):
    """The service was started without an archive, so there is nothing to check against."""


class Services:
    """The summarizer, the claim checker and the archive behind it, used one call at a time."""

    def __init__(self, summarizer: Any, checker: Any = None, archive: Any = None) -> None:
        self.summarizer = summarizer
        self.checker = checker
        self.archive = archive
        self._lock = threading.Lock()

    def _locked(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self._lock:
            return fn(*args, **kwargs)

    def _need_archive(self) -> Any:
        if self.archive is None or self.checker is None:
            raise NoArchive("this service runs without an archive: start it with --archive DB")
        return self.archive

    def summarize(self, text: str | None, sentences: list[str] | None, paragraphs: list[int] | None,
                  length: dict[str, Any]) -> dict[str, Any]:
        """The record ``summarize --json`` prints (``batch.article_record``): for an HTML page, the
        summary of the article text extracted from it, with that text as ``extracted_text``."""
        kwargs = {"sentences": sentences, "paragraphs": paragraphs} if sentences is not None else {}
        article, extracted = _article_text(text)
        summary = self._locked(self.summarizer.summarize, article, **kwargs, **length)
        return article_record(summary, None, extracted)

    def check(self, text: str, date: str | None) -> list[dict[str, Any]]:
        """``CheckResult.to_dict()`` per claim of ``text`` (or of the article in an HTML page)."""
        self._need_archive()
        article, _ = _article_text(text)
        return self._check(article, date)

    def _check(self, article: str | None, date: str | None, sentences: Any = None) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self._locked(self.checker.check, article, date=date, sentences=sentences)]

    def report(self, text: str, date: str | None) -> tuple[str, dict[str, Any], list[dict[str, Any]] | None]:
        """What the page shows: the article text, its summary, and the claim records when there is
        an archive."""
        article, extracted = _article_text(text)
        summary = self._locked(self.summarizer.summarize, article)
        # The claims read the summary's sentences: the article is split once for both.
        results = self._check(article, date, summary.split or None) if self.checker is not None else None
        return article or "", article_record(summary, None, extracted), results

    def add(self, article_id: str, text: str, date: str | None, source: str | None) -> str:
        archive = self._need_archive()
        return self._locked(archive.add, article_id, text, date=date, source=source)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return self._need_archive().get(article_id)

    def remove(self, article_id: str) -> bool:
        return self._locked(self._need_archive().remove, article_id)

    def stats(self) -> dict[str, Any]:
        stats: dict[str, Any] = {"encoder": self.summarizer.encoder.name, "ranker": self.summarizer.ranker.name}
        if self.archive is not None:
            # Where the archive lives on the server is no client's business.
            stats["archive"] = {k: v for k, v in self.archive.stats().items() if k != "path"}
        return stats

    def articles(self) -> int:
        return len(self.archive) if self.archive is not None else 0

    def close(self) -> None:
        """Close the archive (its file stays valid either way: every add is its own transaction)."""
        close = getattr(self.archive, "close", None)
        if callable(close):
            close()


def _article_text(text: str | None) -> tuple[str | None, str | None]:
    """(the text to work on, the extracted text when ``text`` was an HTML page), as the CLI does."""
    if text is None or not looks_like_html(text):
        return text, None
    extracted = extract_text(text, "text")
    return extracted, extracted


def load_services(config: ServiceConfig) -> Services:
    """Load the models (and open the archive) that ``config`` names."""
    from summarize.summarizer import Summarizer

    summarizer = Summarizer(encoder=config.encoder, ranker=config.ranker)
    if config.archive is None:
        return Services(summarizer)
    from summarize.archive import Archive
    from summarize.claims import ClaimChecker

    from summarize.encoders.base import get_encoder, similarity_encoder

    similarity = get_encoder(similarity_encoder(summarizer.encoder))  # the summarizer's own unless ranking-only
    archive = Archive(config.archive, encoder=similarity)
    return Services(summarizer, ClaimChecker(store=archive, encoder=similarity), archive)


def get_services(request: Request) -> Services:
    """Dependency: the process's services, loaded by the app's lifespan."""
    return request.app.state.services
