"""A batch run: inputs -> engine -> shards, with progress and a summary.

The executor owns what is the same for every engine (datatrove's split): the
input stream, skipping what an earlier run committed, the shard writer, the
errors file, the counters and the exit code. The engine only turns work items
into results, in any order.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from collections.abc import Iterator

from ..errors import BadInputError
from .inputs import DEFAULT_MAX_PAGE_BYTES, InputOptions, WorkItem, count_inputs, expand_inputs
from .progress import BatchCounts, make_progress, summary_line
from .shards import (DEFAULT_ERRORS_NAME, DEFAULT_SHARD_SIZE, ShardWriter, prepare_output, require_format,
                     write_errors_file)
from .work import DEFAULT_TIMEOUT, WorkOptions

ENGINES = ("local", "dask")
EXIT_DONE, EXIT_NOTHING_SUCCEEDED, EXIT_SOME_FAILED = 0, 1, 4


@dataclass(slots=True, frozen=True)
class BatchConfig:
    inputs: tuple[str, ...]
    out: str
    workers: int | None = None
    engine: str = "local"
    scheduler: str | None = None
    resume: bool = False
    fmt: str = "jsonl"
    convert: str | None = None
    errors: str | None = None
    text_field: str = "text"
    id_field: str = "id"
    shard_size: int = DEFAULT_SHARD_SIZE
    timeout: float = DEFAULT_TIMEOUT
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES


@dataclass(slots=True, frozen=True)
class BatchOutcome:
    exit_code: int
    counts: BatchCounts
    records_total: int
    failures_total: int
    errors_path: str
    summary: str


def _check_convert(config: str | None) -> None:
    if not config:
        return
    from ..script import converter

    try:
        converter(config)
    except Exception:  # noqa: BLE001 - OpenCC raises a bare Exception for an unknown config
        raise BadInputError(f"unknown OpenCC conversion {config!r} (e.g. t2s, s2t, s2hk, t2tw)") from None


def _engine(config: BatchConfig, items: Iterator[WorkItem], options: WorkOptions):
    if config.engine == "dask":
        from .dask import run_dask
        from .local import default_workers

        return run_dask(items, options, config.workers or default_workers(), config.scheduler)
    if config.engine != "local":
        raise BadInputError(f"unknown engine {config.engine!r} (choose from {', '.join(ENGINES)})")
    if config.scheduler:
        raise BadInputError("--scheduler needs --engine dask")
    from .local import run_local

    return run_local(items, options, config.workers)


def _count_in_background(config: BatchConfig, input_options: InputOptions, progress) -> None:
    def count() -> None:
        try:
            progress.set_total(count_inputs(list(config.inputs), input_options))
        except Exception:  # noqa: BLE001 - the count only feeds the ETA
            pass

    threading.Thread(target=count, name="broadsheet-count-inputs", daemon=True).start()


def run_batch(config: BatchConfig, stream: TextIO | None = None) -> BatchOutcome:
    if not config.inputs:
        raise BadInputError("no INPUT given")
    if config.workers is not None and config.workers < 1:
        raise BadInputError("--workers must be at least 1")
    if config.shard_size < 1:
        raise BadInputError("--shard-size must be at least 1")
    if config.timeout <= 0:
        raise BadInputError("--timeout must be positive")
    require_format(config.fmt)
    _check_convert(config.convert)
    out = Path(config.out)
    if out.exists() and not out.is_dir():
        raise BadInputError("output must be a directory", str(out))
    errors_path = Path(config.errors) if config.errors else out / DEFAULT_ERRORS_NAME
    state = prepare_output(out, config.resume)

    input_options = InputOptions(config.text_field, config.id_field, config.max_page_bytes, exclude_dir=str(out))
    work_options = WorkOptions(convert=config.convert, timeout=config.timeout, max_page_bytes=config.max_page_bytes)
    counts = BatchCounts()

    def todo() -> Iterator[WorkItem]:
        for item in expand_inputs(list(config.inputs), input_options):
            if item.id in state.done_ids:
                counts.skipped += 1
                continue
            yield item

    writer = ShardWriter(out, config.fmt, config.shard_size, state.next_index)
    stream = stream or sys.stderr
    with make_progress(counts, stream) as progress:
        _count_in_background(config, input_options, progress)
        results = _engine(config, todo(), work_options)
        try:
            for result in results:
                writer.add(result)
                counts.add(result)
                progress.update(result)
            writer.commit()
        except BaseException:
            writer.abandon()
            raise
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()
    failures_total = write_errors_file(out, errors_path)
    records_total = state.records + counts.pages
    if failures_total == 0:
        if records_total == 0 and counts.skipped == 0:
            raise BadInputError("no input files found", ", ".join(config.inputs))
        code = EXIT_DONE
    elif records_total == 0:
        code = EXIT_NOTHING_SUCCEEDED
    else:
        code = EXIT_SOME_FAILED
    summary = summary_line(counts, str(out), str(errors_path), state.records)
    if failures_total and failures_total != counts.errors:
        summary += f" ({failures_total} errors in all, with earlier runs)"
    return BatchOutcome(code, counts, records_total, failures_total, str(errors_path), summary)
