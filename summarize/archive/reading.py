"""Which version of the claim rules read an archive's stored claims (``READING_VERSION``).

An archive keeps the claims and frames it read when each article was added; an upgrade that
reads claims differently would compare them with new ones read by other rules. The version is
recorded in the archive's meta table; an archive written before it was recorded counts as 1.
``refresh.refresh`` reads the articles again and records the current version.
"""
from __future__ import annotations

import logging

from summarize.archive.storage import Storage
from summarize.claims.extract import READING_VERSION

log = logging.getLogger(__name__)
#: The meta key recording which ``READING_VERSION`` read the stored claims.
READING_KEY = "claims_reading"


def is_stale(storage: Storage, path: str, has_articles: bool) -> bool:
    """Whether the stored claims were read by other rules (and say so in the log); a new, empty
    archive is stamped with this version."""
    read_with = storage.meta().get(READING_KEY, "1" if has_articles else None)
    if read_with is None:
        storage.set_meta(READING_KEY, str(READING_VERSION))
        return False
    if read_with == str(READING_VERSION):
        return False
    log.warning("archive %s holds claims read by rules version %s, this version reads them as %s: "
                "run `summarize archive refresh --db %s` to read its articles again",
                path, read_with, READING_VERSION, path)
    return True


def mark_current(storage: Storage) -> None:
    storage.set_meta(READING_KEY, str(READING_VERSION))
