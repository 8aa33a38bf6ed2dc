"""Local engine: a stdlib process pool, fed lazily with a bounded number in flight.

A worker that dies (a segfault in a PDF library, the out-of-memory killer, the
hard timeout in :mod:`.work`) breaks a ``ProcessPoolExecutor`` and fails every
document it had in flight, not only the guilty one. Those documents are re-run
one at a time in a fresh single-worker pool: the one that kills it again is
recorded as the culprit, the others come back normally, and the run goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from collections.abc import Callable, Iterable, Iterator

from ..errors import BroadsheetError
from .inputs import WorkItem
from .work import HARD_TIMEOUT_GRACE, ItemResult, WorkOptions, one_line_error, process_item

# Documents queued per worker: enough to keep every worker busy, few enough that
# memory does not grow with the corpus.
IN_FLIGHT_PER_WORKER = 2
# A worker process is replaced after this many documents, so a slow leak in a
# parser cannot accumulate over a million pages.
TASKS_PER_WORKER_PROCESS = 500
PARENT_CHECK_SECONDS = 1.0
WORKER_START_SECONDS = 120.0


def default_workers() -> int:
    return os.cpu_count() or 1


def _exit_with_parent(parent_pid: int) -> None:
    """Worker initializer: when the batch process dies (kill -9, a crash), its workers
    would otherwise live on as orphans, finishing work nobody will collect."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="broadsheet-exit-with-parent", daemon=True).start()


def _new_pool(workers: int) -> ProcessPoolExecutor:
    # "spawn": the parent holds threads (progress bar, input counter), which fork would copy half-alive.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               max_tasks_per_child=TASKS_PER_WORKER_PROCESS,
                               initializer=_exit_with_parent, initargs=(os.getpid(),))


def _died_error(options: WorkOptions) -> str:
    return ("worker process died on this document (crash, out of memory, or stuck past the "
            f"{options.timeout + HARD_TIMEOUT_GRACE:g} s hard timeout)")


Process = Callable[[WorkItem, WorkOptions], ItemResult]


def _healthy_pool(workers: int) -> ProcessPoolExecutor:
    """A new pool whose workers are known to start.

    If a worker cannot even start (the library fails to import, the machine is out
    of processes), every document would be recorded as a crash; stop instead, so
    the committed shards stay and ``--resume`` continues once the cause is fixed.
    """
    pool = _new_pool(workers)
    try:
        pool.submit(os.getpid).result(timeout=WORKER_START_SECONDS)
    except (BrokenProcessPool, TimeoutError) as exc:
        pool.shutdown(wait=False, cancel_futures=True)
        raise BroadsheetError(f"worker processes cannot start ({one_line_error(exc)}); "
                              "fix the cause and rerun with --resume") from None
    return pool


def _rerun_one_at_a_time(suspects: Iterable[WorkItem], options: WorkOptions, process: Process) -> Iterator[ItemResult]:
    pool = _healthy_pool(1)
    try:
        for item in suspects:
            try:
                yield pool.submit(process, item, options).result()
            except BrokenProcessPool:
                yield ItemResult(item.id, item.source, error=_died_error(options))
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _healthy_pool(1)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def run_local(items: Iterable[WorkItem], options: WorkOptions, workers: int | None = None,
              process: Process = process_item) -> Iterator[ItemResult]:
    """Results as they complete (not in input order); every item yields exactly one.

    ``process`` must be importable by a fresh worker (a module-level function).
    """
    workers = max(1, workers or default_workers())
    options = replace(options, hard_timeout=True)
    limit = workers * IN_FLIGHT_PER_WORKER
    source = iter(items)
    exhausted = False
    pending: dict[Future, WorkItem] = {}
    pool = _new_pool(workers)
    finished = False
    try:
        while True:
            while not exhausted and len(pending) < limit:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                pending[pool.submit(process, item, options)] = item
            if not pending:
                finished = True
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            suspects: deque[WorkItem] = deque()
            for future in done:
                item = pending.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    suspects.append(item)
                except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                    yield ItemResult(item.id, item.source, error=one_line_error(exc))
            if suspects:
                # The pool is gone: what was still in flight failed with it, except
                # results that had already come back.
                wait(pending, timeout=10)
                for future, item in pending.items():
                    if future.done() and not future.cancelled() and future.exception() is None:
                        yield future.result()
                    else:
                        suspects.append(item)
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                yield from _rerun_one_at_a_time(suspects, options, process)
                pool = _healthy_pool(workers)
    finally:
        # A finished run waits for its workers (so they are reaped and counted in
        # RUSAGE_CHILDREN); an interrupted one does not wait for work in flight.
        pool.shutdown(wait=finished, cancel_futures=not finished)
