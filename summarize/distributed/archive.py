"""Archive building on Ray: claims and vectors on the workers, one writer on the driver.

Each worker runs ``summarize.archive.prepare_article`` (claim extraction, number masking,
embedding: the costly part) with its own encoder, loaded once; the driver, the archive's single
writer, commits the prepared articles with ``Archive.write``, ``chunk`` at a time, each chunk one
transaction, in input order. So:

* a worker that dies is restarted by Ray and its batch prepared again (nothing was written yet);
* a driver that is killed loses only the chunk it had not committed: every committed article is
  in the database file, whole;
* a rerun skips, before any work is sent to Ray, every article already stored with the same id,
  text and date (the archive's own "unchanged" rule, ``prepared.text_digest``).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from tqdm import tqdm

from summarize.archive import Archive, PreparedArticle, prepare_article
from summarize.archive.prepared import text_digest
from summarize.distributed.mapping import WINDOW, PickledWorker, default_workers, ordered_map, windows
from summarize.distributed.session import quiet_data_context, ray_session
from summarize.encoders.base import get_encoder

#: Articles per committed transaction: what a killed driver can lose at most (the archive CLI's
#: ``--chunk`` default).
CHUNK = 32


class Doc(Protocol):
    """An article to archive, e.g. ``summarize.claims.corpus.CorpusDoc``."""

    id: str
    text: str
    date: str | None


class PrepareWorker(PickledWorker):
    """Loads the archive's encoder once per worker; prepares ``(id, text, date, source)`` tuples."""

    def __init__(self) -> None:
        self.encoder = get_encoder(self.options["encoder"])

    def apply(self, items: list[tuple[str, str, str | None, str | None]]) -> list[PreparedArticle]:
        return [prepare_article(i, text, date, source, encoder=self.encoder) for i, text, date, source in items]


def build_archive_on_ray(
    archive: Archive,
    docs: Iterable[Doc],
    *,
    source: str | None = None,
    address: str | None = None,
    chunk: int = CHUNK,
    concurrency: int | None = None,
    num_cpus: float = 1,
    window: int = WINDOW,
    progress: bool = True,
) -> dict[str, int]:
    """Add ``docs`` to ``archive`` with the preparation on Ray; counts of "added", "unchanged",
    "replaced" and "skipped" (reasons in ``archive.skipped``), as ``summarize archive add``.

    ``address``, ``concurrency`` and ``num_cpus`` as for ``run_ray_batch``; ``chunk``: articles
    per commit.
    """
    counts = dict.fromkeys(("added", "unchanged", "replaced", "skipped"), 0)
    with ray_session(address), tqdm(desc="archiving", unit="article", disable=not progress) as bar:
        quiet_data_context(progress)
        workers = concurrency or default_workers(num_cpus)
        for win in windows(docs, window):
            todo = []
            for d in win:
                if archive.storage.digest(str(d.id)) == text_digest(d.text, d.date):
                    counts["unchanged"] += 1  # stored before (an earlier, maybe interrupted, run)
                else:
                    todo.append((str(d.id), d.text, d.date, source))
            bar.update(len(win) - len(todo))
            prepared = ordered_map(todo, PrepareWorker, {"encoder": archive.encoder}, workers=workers,
                                   batch_size=chunk, num_cpus=num_cpus)
            for batch in windows(prepared, chunk):
                for status in archive.write(batch):
                    counts[status] += 1
                bar.update(len(batch))
    return counts
