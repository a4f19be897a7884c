"""Batch summaries (and archive building) on a Ray cluster; needs the ``ray`` extra."""
# session first: it refuses, with one clear line, an import order that would make ray abort.
from summarize.distributed.session import ray_session
from summarize.distributed.summaries import run_ray_batch

__all__ = ["ray_session", "run_ray_batch"]
