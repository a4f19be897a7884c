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

import json
import pickle
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import numpy as np
import ray.data

from summarize.batch import CHUNK, BatchSpec, BatchWorker, RawRecord
from summarize.distributed.session import quiet_data_context, ray_session

#: Lines handed to Ray per dataset. It bounds the driver's memory on an input of any size; each
#: window starts its workers afresh (one model load each, seconds), against the minutes of work
#: a window of this size is for a handful of workers.
WINDOW = 10_000


class SummaryWorker:
    """Ray Data's callable class: models built once per worker process from the small spec."""

    def __init__(self, spec: BatchSpec) -> None:
        self.worker: BatchWorker = spec.worker()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        pairs = [(int(n), pickle.loads(raw)) for n, raw in zip(batch["line"], batch["raw"])]
        records = self.worker.records(pairs)
        text = [json.dumps(r, ensure_ascii=False) for r in records]  # one column of one type
        return {"pos": batch["pos"], "record": np.array(text, dtype=object)}


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
    with ray_session(address) as ray:
        quiet_data_context(progress)
        workers = concurrency or max(1, int(ray.cluster_resources().get("CPU", 1) // num_cpus))
        pending = iter(lines)
        while chunk := list(islice(pending, window)):
            yield from _window(spec, chunk, workers, batch_size, num_cpus)


def _window(spec: BatchSpec, chunk: list[tuple[int, RawRecord]], workers: int, batch_size: int,
            num_cpus: float) -> Iterator[dict[str, Any]]:
    # Raw lines travel pickled: bytes, str or parsed objects alike, exactly as the local batch sees them.
    items = [{"pos": i, "line": n, "raw": pickle.dumps(raw)} for i, (n, raw) in enumerate(chunk)]
    ds = ray.data.from_items(items).map_batches(
        SummaryWorker, fn_constructor_kwargs={"spec": spec}, batch_size=batch_size, batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=min(workers, len(chunk))), num_cpus=num_cpus,
    )
    # Blocks arrive in order (preserve_order); the buffer keeps the output ordered even if not.
    waiting: dict[int, str] = {}
    nxt = 0
    for out in ds.iter_batches(batch_size=None, batch_format="numpy"):
        waiting.update(zip((int(p) for p in out["pos"]), out["record"]))
        while nxt in waiting:
            yield json.loads(waiting.pop(nxt))
            nxt += 1
    if nxt != len(chunk):
        raise RuntimeError(f"Ray returned {nxt} of {len(chunk)} records in order; missing from position {nxt}")
