"""One Ray Data pass over a window of items, results back in input order.

Both Ray jobs (summaries, archive preparation) have the same shape: a list of picklable items
on the driver, a callable class that loads its models once per worker process, and results the
driver consumes in input order (records written in line order; articles committed in the order
given, so a Ray-built archive equals one built locally). Items and results travel pickled, one
binary column each, whatever their type.
"""
from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

import numpy as np
import ray
import ray.data

T = TypeVar("T")

#: Items handed to Ray per dataset. It bounds the driver's memory on an input of any size; each
#: window starts its workers afresh (one model load each, seconds), against the minutes of work
#: a window of this size is for a handful of workers.
WINDOW = 10_000


class PickledWorker:
    """Base of the callable classes: unpickles a batch's items, :meth:`apply` s them, pickles the
    results. Subclasses load their models in ``__init__`` from ``self.options`` (set per job by
    :func:`ordered_map`, so no constructor arguments sit in Ray's object store)."""

    options: dict[str, Any] = {}

    def apply(self, items: list[Any]) -> list[Any]:
        raise NotImplementedError

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        results = self.apply([pickle.loads(b) for b in batch["item"]])
        out = np.empty(len(results), dtype=object)
        out[:] = [pickle.dumps(r, protocol=5) for r in results]
        return {"pos": batch["pos"], "result": out}


def default_workers(num_cpus: float) -> int:
    """As many workers as the cluster has CPUs for (``num_cpus`` each)."""
    return max(1, int(ray.cluster_resources().get("CPU", 1) // num_cpus))


def windows(items: Iterable[T], size: int = WINDOW) -> Iterator[list[T]]:
    pending = iter(items)
    while chunk := list(islice(pending, size)):
        yield chunk


def ordered_map(items: list[Any], worker: type[PickledWorker], options: dict[str, Any], *,
                workers: int, batch_size: int, num_cpus: float) -> Iterator[Any]:
    """``worker(options).apply`` over ``items`` on a pool of ``workers`` Ray actors, ``batch_size``
    items per call; yields the results in input order as they complete.

    A worker that dies (killed, out of memory, its node lost) is restarted and its batch redone:
    Ray Data's defaults for actor pools (``max_restarts=-1``, ``max_task_retries=-1``)."""
    if not items:
        return
    bound = type(worker.__name__, (worker,), {"options": options})
    rows = [{"pos": i, "item": pickle.dumps(it, protocol=5)} for i, it in enumerate(items)]
    ds = ray.data.from_items(rows).map_batches(
        bound, batch_size=batch_size, batch_format="numpy", num_cpus=num_cpus,
        compute=ray.data.ActorPoolStrategy(size=max(1, min(workers, len(items)))),
    )
    # Blocks arrive in order (preserve_order, see session.quiet_data_context); the buffer keeps
    # the results ordered even if they do not.
    waiting: dict[int, bytes] = {}
    nxt = 0
    for out in ds.iter_batches(batch_size=None, batch_format="numpy"):
        waiting.update(zip((int(p) for p in out["pos"]), out["result"]))
        while nxt in waiting:
            yield pickle.loads(waiting.pop(nxt))
            nxt += 1
    if nxt != len(items):
        raise RuntimeError(f"Ray returned {nxt} of {len(items)} results in order; missing from position {nxt}")
