"""Dask engine (the ``dask`` extra): the same :func:`.work.process_item` on a Dask cluster.

With no scheduler address a ``LocalCluster`` of worker processes is started on
this machine; with one, the work goes to that cluster (``dask-scheduler`` plus
``dask-worker`` on each machine; see docs/batch.md). Feeding is Dask's own
``as_completed`` with a bounded number of futures in flight, so a corpus of any
size streams through without being submitted all at once.

Inputs named by path must be readable at the same path on every worker (shared
storage); JSONL records travel with the task.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from collections.abc import Iterable, Iterator

from ..errors import BadInputError
from .inputs import WorkItem
from .work import ItemResult, WorkOptions, one_line_error, process_item

IN_FLIGHT_PER_THREAD = 2


def _require_distributed():
    try:
        import dask  # noqa: F401
        from dask import distributed
    except ImportError:
        raise BadInputError("the dask engine needs the dask extra: pip install 'broadsheet[dask]'") from None
    return distributed


def _connect(workers: int, scheduler: str | None):
    distributed = _require_distributed()
    import dask

    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise BadInputError(f"cannot reach the Dask scheduler: {one_line_error(exc)}", scheduler) from None
        return client, None
    # A document that kills its worker (hard timeout, crash) is an error to record,
    # not a task to retry on three more workers.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=logging.ERROR)
        client = distributed.Client(cluster)
    return client, cluster


def _slots(client, fallback: int) -> int:
    try:
        threads = sum(client.nthreads().values())
    except Exception:  # noqa: BLE001 - an old or busy scheduler: fall back to --workers
        threads = 0
    return max(1, threads or fallback) * IN_FLIGHT_PER_THREAD


def _killed_worker_error() -> type[BaseException]:
    try:
        from distributed.scheduler import KilledWorker
    except ImportError:  # pragma: no cover - moved in some distributed versions
        from distributed import KilledWorker  # type: ignore[no-redef]
    return KilledWorker


def run_dask(items: Iterable[WorkItem], options: WorkOptions, workers: int,
             scheduler: str | None = None) -> Iterator[ItemResult]:
    """Results as they complete; every item yields exactly one.

    When a worker dies, every task assigned to it fails with ``KilledWorker``,
    including tasks queued behind the one that killed it; each such task is
    submitted once more, so only a document that kills a worker twice is an error.
    """
    distributed = _require_distributed()
    killed_worker = _killed_worker_error()
    options = replace(options, hard_timeout=True)
    client, cluster = _connect(max(1, workers), scheduler)
    run_tag = uuid.uuid4().hex[:8]
    source = iter(items)
    submitted: dict[str, tuple[WorkItem, int]] = {}
    serial = 0
    pipeline = distributed.as_completed()

    def submit(item: WorkItem, attempt: int) -> None:
        nonlocal serial
        future = client.submit(process_item, item, options, key=f"broadsheet-{run_tag}-{serial}", pure=False)
        serial += 1
        submitted[future.key] = (item, attempt)
        pipeline.add(future)

    try:
        for _ in range(_slots(client, workers)):
            item = next(source, None)
            if item is None:
                break
            submit(item, 1)
        for future in pipeline:
            item, attempt = submitted.pop(future.key)
            try:
                result = future.result()
            except killed_worker:
                future.release()
                if attempt == 1:
                    submit(item, 2)
                    continue
                result = ItemResult(item.id, item.source, error=(
                    "worker process died on this document, twice (crash, out of memory, or past the "
                    f"{options.timeout:g} s timeout)"))
            except Exception as exc:  # noqa: BLE001 - a lost scheduler, a pickling error
                result = ItemResult(item.id, item.source, error=f"dask task failed: {one_line_error(exc)}")
            future.release()
            yield result
            following = next(source, None)
            if following is not None:
                submit(following, 1)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
