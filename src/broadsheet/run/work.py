"""The one stage every engine runs: a work item in, its page records (or one error) out.

Engines (local process pool, Dask) only decide where :func:`process_item` runs;
what it does is the same everywhere, so the two engines give the same records.
It never raises: whatever goes wrong with a document becomes ``ItemResult.error``,
a one-line reason for the errors file.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BroadsheetError
from .inputs import DEFAULT_MAX_PAGE_BYTES, WorkItem
from .records import page_record

DEFAULT_TIMEOUT = 120.0
# The soft timeout interrupts Python code; C code (a PDF parser stuck in a loop)
# does not see it, so the process is ended this much later, and the engine
# records the document as having killed its worker.
HARD_TIMEOUT_GRACE = 15.0
MAX_ERROR_CHARS = 400


@dataclass(slots=True, frozen=True)
class WorkOptions:
    convert: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES
    # Only a process that exists to run documents may be ended by the hard timeout.
    hard_timeout: bool = False


@dataclass(slots=True)
class ItemResult:
    id: str
    source: str
    records: list[dict] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

    @property
    def pages(self) -> int:
        return len(self.records)

    def error_entry(self) -> dict:
        return {"id": self.id, "path": self.source, "error": self.error}


class DocumentTimeout(Exception):
    pass


def one_line_error(exc: BaseException) -> str:
    if isinstance(exc, BroadsheetError):
        text = str(exc)
    else:
        message = str(exc)
        text = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    text = " ".join(text.split()) or type(exc).__name__
    return text if len(text) <= MAX_ERROR_CHARS else text[: MAX_ERROR_CHARS - 1] + "…"


def _restore_item(item: WorkItem, options: WorkOptions) -> list[dict]:
    from ..api import restore, restore_file
    from ..errors import BadInputError, TooLargeError
    from ..model import Document

    convert = None
    if options.convert:
        from functools import partial

        from ..script import convert_text

        convert = partial(convert_text, config=options.convert)

    if item.text is not None:
        if len(item.text.encode("utf-8")) > options.max_page_bytes:
            raise TooLargeError(f"more than the {options.max_page_bytes}-byte page limit")
        if not item.text.strip():
            raise BadInputError("empty input: no text to restore")
        return [page_record(restore(item.text, item.source), item.id, item.source, convert)]
    assert item.path is not None
    path = Path(item.path)
    is_pdf = path.suffix.lower() == ".pdf" or _starts_like_pdf(path)
    if not is_pdf and path.is_file() and path.stat().st_size > options.max_page_bytes:
        raise TooLargeError(f"{path.stat().st_size} bytes is more than the {options.max_page_bytes}-byte page limit")
    result = restore_file(path)
    pages = result.pages if isinstance(result, Document) else [result]
    if not pages:
        raise BadInputError("no pages")
    return [page_record(page, item.id, item.source, convert) for page in pages]


def _starts_like_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5).startswith(b"%PDF")
    except OSError:
        return False


# Seconds between repeats of the soft-timeout signal once the deadline has passed: an
# exception raised while Python runs a finaliser or a weakref callback is swallowed, so
# the signal comes again until one lands in ordinary code.
TIMEOUT_REPEAT = 0.05


class _SoftAlarm:
    """SIGALRM raising DocumentTimeout in the work once its time is up, repeated until
    stopped. Stopped, it raises no more: a repeat landing while the timeout is being
    handled (or the work has just finished) must not escape from the handler itself."""

    def __init__(self, seconds: float):
        self.live = True
        self.deadline = time.perf_counter() + seconds
        self.previous = signal.signal(signal.SIGALRM, self._fire)
        signal.setitimer(signal.ITIMER_REAL, seconds, TIMEOUT_REPEAT)

    def _fire(self, signum, frame):  # noqa: ARG002 - signal handler signature
        if self.live:
            raise DocumentTimeout

    def expired(self) -> bool:
        return time.perf_counter() >= self.deadline

    def stop(self) -> None:
        if self.live:
            self.live = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)


_DEVNULL = None


def _arm_hard_timeout(seconds: float) -> None:
    global _DEVNULL
    if _DEVNULL is None:
        _DEVNULL = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the worker
    faulthandler.dump_traceback_later(seconds, exit=True, file=_DEVNULL)


def process_item(item: WorkItem, options: WorkOptions = WorkOptions()) -> ItemResult:
    """Restore one item; never raises. Runs in a worker process (or a Dask task)."""
    started = time.perf_counter()
    if item.problem is not None:
        return ItemResult(item.id, item.source, error=item.problem)
    # Import the pipeline before the clock starts: a fresh worker's first document
    # should not be charged for loading the library.
    from .. import api  # noqa: F401

    soft = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    alarm = _SoftAlarm(options.timeout) if soft else None
    if options.hard_timeout:
        _arm_hard_timeout(options.timeout + HARD_TIMEOUT_GRACE if soft else options.timeout)
    try:
        try:
            records = _restore_item(item, options)
        finally:
            if alarm is not None:
                alarm.stop()
        if alarm is not None and alarm.expired():
            raise DocumentTimeout  # every signal was swallowed, and the work ran on past the deadline
        return ItemResult(item.id, item.source, records=records, seconds=time.perf_counter() - started)
    except DocumentTimeout:
        if alarm is not None:
            alarm.stop()
        error = f"timed out after {options.timeout:g} s"
    except RecursionError:
        error = "too deeply nested to restore (recursion limit)"
    except MemoryError:
        error = "out of memory on this document"
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus
        error = one_line_error(exc)
    finally:
        if alarm is not None:
            alarm.stop()
        if options.hard_timeout:
            faulthandler.cancel_dump_traceback_later()
    return ItemResult(item.id, item.source, error=error, seconds=time.perf_counter() - started)
