"""Progress of a batch: a rich bar on a terminal, plain log lines otherwise, and the summary.

Counters live in :class:`BatchCounts`; the two displays only read them. The
total is filled in later by a background count of the inputs (inputs stream
lazily, so it is not known up front); until then there is no ETA.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from typing import TextIO

from .work import ItemResult

LOG_INTERVAL_SECONDS = 10.0
# The first errors are shown as they happen; the errors file has them all.
ERRORS_SHOWN = 20


@dataclass(slots=True)
class BatchCounts:
    started: float = field(default_factory=time.perf_counter)
    items: int = 0
    pages: int = 0
    errors: int = 0
    skipped: int = 0
    total: int | None = None

    def add(self, result: ItemResult) -> None:
        self.items += 1
        self.pages += result.pages
        self.errors += result.error is not None

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def pages_per_second(self) -> float:
        seconds = self.seconds
        return self.pages / seconds if seconds > 0 else 0.0


class LogProgress:
    """For logs and pipes: one line per interval, one per error, to stderr."""

    def __init__(self, counts: BatchCounts, stream: TextIO | None = None, interval: float = LOG_INTERVAL_SECONDS):
        self.counts = counts
        self.stream = stream or sys.stderr
        self.interval = interval
        self._last = time.perf_counter()
        self._lock = threading.Lock()

    def __enter__(self) -> LogProgress:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def _line(self, text: str) -> None:
        with self._lock:
            print(f"broadsheet batch: {text}", file=self.stream, flush=True)

    def set_total(self, total: int) -> None:
        self.counts.total = total
        self._line(f"{total} inputs to do")

    def update(self, result: ItemResult) -> None:
        if result.error is not None and self.counts.errors <= ERRORS_SHOWN:
            more = " (further errors only in the errors file)" if self.counts.errors == ERRORS_SHOWN else ""
            self._line(f"error: {result.id}: {result.error}{more}")
        now = time.perf_counter()
        if now - self._last >= self.interval:
            self._last = now
            c = self.counts
            of_total = f"/{c.total - c.skipped}" if c.total is not None else ""
            self._line(f"{c.items}{of_total} inputs, {c.pages} pages, {c.pages_per_second:.1f} pages/s, "
                       f"{c.errors} errors, {c.seconds:.0f} s")


class RichProgress:
    """For a terminal: a live bar with pages, pages/s, errors and ETA."""

    def __init__(self, counts: BatchCounts):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.counts = counts
        self.progress = Progress(
            TextColumn("[bold]batch"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[pages]} pages"), TextColumn("{task.fields[rate]:.1f} pages/s"),
            TextColumn("{task.fields[errors]} errors"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False,
        )
        self.task = self.progress.add_task("batch", total=None, pages=0, rate=0.0, errors=0)

    def __enter__(self) -> RichProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def set_total(self, total: int) -> None:
        self.counts.total = total
        self.progress.update(self.task, total=max(0, total - self.counts.skipped))

    def update(self, result: ItemResult) -> None:
        c = self.counts
        if result.error is not None and c.errors <= ERRORS_SHOWN:
            more = " (further errors only in the errors file)" if c.errors == ERRORS_SHOWN else ""
            self.progress.console.print(f"error: {result.id}: {result.error}{more}", markup=False, highlight=False)
        # Items skipped by --resume are not work: they leave the total, not the bar.
        total = max(c.items, c.total - c.skipped) if c.total is not None else None
        self.progress.update(self.task, total=total, completed=c.items, pages=c.pages, rate=c.pages_per_second,
                             errors=c.errors)


def make_progress(counts: BatchCounts, stream: TextIO | None = None, quiet: bool = False):
    stream = stream or sys.stderr
    if not quiet and stream.isatty():
        return RichProgress(counts)
    return LogProgress(counts, stream, interval=float("inf") if quiet else LOG_INTERVAL_SECONDS)


def summary_line(counts: BatchCounts, out: str, errors_path: str, previous_records: int = 0) -> str:
    parts = [f"{counts.pages} pages from {counts.items - counts.errors} inputs",
             f"{counts.errors} errors",
             f"{counts.seconds:.1f} s",
             f"{counts.pages_per_second:.1f} pages/s"]
    text = ", ".join(parts) + f" -> {out}"
    if counts.skipped:
        text += f" (resumed: {counts.skipped} inputs already done, {previous_records} records kept)"
    if counts.errors:
        text += f"; errors in {errors_path}"
    return text
