"""Corpus mode: restore many pages in parallel into sharded, resumable output.

``inputs`` streams work items, ``work`` restores one item into page records,
``local`` and ``dask`` are engines that run ``work`` in parallel, ``shards``
commits output atomically, ``progress`` reports, and ``executor`` ties them into
one batch run. See docs/batch.md.
"""

from .executor import BatchConfig, BatchOutcome, run_batch

__all__ = ["BatchConfig", "BatchOutcome", "run_batch"]
