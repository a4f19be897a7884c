"""Read every stored article again with this version's claim rules (``READING_VERSION``).

An archive keeps the claims and frames it read when each article was added. After an upgrade
that reads claims differently (a new frame slot, a time the old rules missed), those stored
claims would be compared with new ones read by other rules; ``Archive.stale`` says so, and this
re-reads each article from its stored text and date and replaces it, a chunk per transaction.
The stored text is the source: nothing is lost, and an interrupted refresh can be run again (the
archive stays marked stale until one finishes). Replacing re-embeds the sentences too, and
records the refresh time as the article's ``added`` time.
"""
from __future__ import annotations

from collections import Counter

from tqdm import tqdm

from summarize.archive.archive import Archive
from summarize.archive.reading import mark_current


def refresh(archive: Archive, *, chunk: int = 32, progress: bool = True) -> dict[str, int]:
    """Re-read every article; the count of each write status ("replaced", "skipped")."""
    if chunk < 1:
        raise ValueError(f"chunk={chunk}: at least 1 article per transaction")
    keys = archive.storage.article_keys()
    statuses: Counter[str] = Counter()
    with tqdm(total=len(keys), unit="article", desc="re-reading", disable=not progress) as bar:
        for i in range(0, len(keys), chunk):
            part = keys[i:i + chunk]
            stored = [a for a in (archive.storage.article(k) for k in part) if a is not None]
            prepared = [archive.prepare(a["id"], a["text"], a["date"], a["source"]) for a in stored]
            statuses.update(archive.write(prepared, force=True))
            bar.update(len(part))
    mark_current(archive.storage)
    archive.stale = False
    return dict(sorted(statuses.items()))
