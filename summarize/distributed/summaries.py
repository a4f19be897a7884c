"""The batch on Ray Data: the local batch's records, computed by a pool of Ray workers.

``lines`` (from ``summarize.io.read_lines``) go to Ray in windows; ``map_batches`` runs
:class:`SummaryWorker` — a callable class, so each worker process loads the models once — over
chunks of ``batch_size`` lines, each chunk through the same per-record seam as a local batch
(``summarize.batch.process_records``); the records come back in input order. The encoder's
output does not depend on which articles share a batch, so the records equal the local batch's
byte for byte whatever the chunking (``tests/distributed/test_summaries.py`` compares them).
Writing (temporary file, ``.partial`` on Ctrl-C, ``--resume``) stays with the caller, as for a
local batch.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from summarize.batch import CHUNK, BatchSpec, RawRecord
from summarize.distributed.mapping import WINDOW, PickledWorker, default_workers, ordered_map, windows
from summarize.distributed.session import quiet_data_context, ray_session


class SummaryWorker(PickledWorker):
    """Builds the summarizer (and claim checker) once per worker from the job's ``BatchSpec``."""

    def __init__(self) -> None:
        self.worker = self.options["spec"].worker()

    def apply(self, items: list[tuple[int, RawRecord]]) -> list[dict[str, Any]]:
        return self.worker.records(items)


def run_ray_batch(
    spec: BatchSpec,
    lines: Iterable[tuple[int, RawRecord]],
    *,
    address: str | None = None,
    progress: bool = True,
    concurrency: int | None = None,
    batch_size: int = CHUNK,
    num_cpus: float = 1,
    window: int = WINDOW,
) -> Iterator[dict[str, Any]]:
    """One record per ``(line, raw)`` pair, in input order, computed on Ray.

    ``address``: a Ray cluster (``ray start --head`` prints it; ``"auto"`` = the one on this
    machine); ``None`` follows ``RAY_ADDRESS``, else starts a local Ray that ends with the job.
    ``concurrency``: workers (default: the cluster's CPUs / ``num_cpus``); ``num_cpus``: CPUs
    reserved per worker (its encoder's threads); ``batch_size``: lines per worker call.
    """
    with ray_session(address):
        quiet_data_context(progress)
        workers = concurrency or default_workers(num_cpus)
        for chunk in windows(lines, window):
            yield from ordered_map(chunk, SummaryWorker, {"spec": spec}, workers=workers,
                                   batch_size=batch_size, num_cpus=num_cpus)
