"""The claim archive: a persistent, growing store of published articles' numeric statements.

    >>> from summarize.archive import Archive
    >>> with Archive("newsroom.db") as archive:                      # doctest: +SKIP
    ...     archive.add("ant-1", text, date="2024-05-01")

``ClaimChecker(archive="newsroom.db")`` checks against it; ``summarize archive add|remove|stats``
manages it from the command line (``summarize.archive.cli``).
"""
from summarize.archive.archive import Archive
from summarize.archive.prepared import PreparedArticle, prepare_article
from summarize.archive.storage import Storage

__all__ = ["Archive", "PreparedArticle", "Storage", "prepare_article"]
