"""Batch summaries (and archive building) on a Ray cluster; needs the ``ray`` extra."""
from summarize.distributed.summaries import run_ray_batch

__all__ = ["run_ray_batch"]
