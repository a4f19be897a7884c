"""Connecting to Ray: the cluster at ``--ray ADDRESS`` / ``RAY_ADDRESS``, or a local one.

A process that already called ``ray.init`` (a notebook, the test suite) keeps its session; one
this module started is shut down when the job ends, so a batch leaves no Ray processes behind.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from summarize.errors import UsageError

#: Libraries whose C++ runtime, once loaded, makes ``ray.init`` abort the process
#: (``std::regex_error``; seen with usearch 2.26 and ray 2.60). Ray must be imported first.
CLASHING = ("usearch",)


def _clash() -> str | None:
    return next((m for m in CLASHING if m in sys.modules and "ray" not in sys.modules), None)


if (_first := _clash()) is not None:
    raise UsageError(f"{_first} was imported before ray, and ray would then abort the process: import "
                     f"summarize.distributed before summarize.archive")

import ray  # noqa: E402
import ray.data  # noqa: E402


@contextmanager
def ray_session(address: str | None = None, num_cpus: int | None = None) -> Iterator[Any]:
    """The ``ray`` module, connected. ``address=None`` follows ``RAY_ADDRESS`` and otherwise
    starts a local Ray with ``num_cpus`` CPUs (all of them by default)."""
    if ray.is_initialized():
        yield ray
        return
    try:
        ray.init(address=address, num_cpus=None if address else num_cpus, include_dashboard=False,
                 logging_level=logging.WARNING, configure_logging=True)
    except (ConnectionError, ValueError, RuntimeError) as exc:
        where = address or "RAY_ADDRESS / a local Ray"
        raise UsageError(f"cannot start or reach Ray at {where}: {str(exc).splitlines()[0]}") from None
    try:
        yield ray
    finally:
        ray.shutdown()


def quiet_data_context(progress: bool) -> Any:
    """The current Ray Data context set for a batch: blocks handed back in input order (so the
    output streams into its file as it is done), no progress bars of Ray's own (the command has
    one), and Ray's start-of-run summary only when progress is wanted."""
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = progress
    return ctx

