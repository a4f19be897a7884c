"""The claim archive: a persistent, growing store of published articles' numeric statements.

    >>> from summarize.archive import Archive
    >>> with Archive("newsroom.db") as archive:                      # doctest: +SKIP
    ...     archive.add("ant-1", text, date="2024-05-01")

``ClaimChecker(archive="newsroom.db")`` checks against it; ``summarize archive add|remove|stats``
manages it from the command line (``summarize.archive.cli``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summarize.archive.prepared import PreparedArticle, prepare_article
from summarize.archive.storage import Storage

if TYPE_CHECKING:
    from summarize.archive.archive import Archive

__all__ = ["Archive", "PreparedArticle", "Storage", "prepare_article"]


def __getattr__(name: str) -> Any:
    # Archive loads usearch, and ray aborts once usearch is loaded (summarize.distributed.session):
    # importing the package (``summarize archive add --ray`` imports its cli) must not load it.
    if name == "Archive":
        from summarize.archive.archive import Archive

        return Archive
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
