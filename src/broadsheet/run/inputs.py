"""Turn the command line's INPUT arguments into a lazy stream of work items.

An INPUT is a file, a directory (walked recursively, in sorted order), a glob
(``corpus/**/*.pdf``) or a JSON Lines file whose records carry the page text.
Nothing is read ahead: a directory of a million files costs one directory
listing at a time, and a JSONL file one line at a time, so memory stays flat
however large the corpus is.

Every item gets a stable id that does not depend on where or how the batch
runs: a file's path relative to the input root (the directory argument, or the
file's own folder), or, for a JSONL record, ``<file>#<id field>`` (falling back
to ``<file>#line-<n>`` when the record has no id). ``--resume`` skips by this id.
"""

from __future__ import annotations

import glob
import json
import os
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterator

JSONL_SUFFIXES = (".jsonl", ".ndjson")
# A newspaper page of extracted text is tens of kilobytes; past this it is not a page
# (a log, a dump, a 50 MB single line) and restoring it would only stall a worker.
DEFAULT_MAX_PAGE_BYTES = 4 * 1024 * 1024


@dataclass(slots=True, frozen=True)
class WorkItem:
    """One unit of work: a file to restore (text or PDF) or one JSONL record's text.

    ``problem`` is set when the item is already known to be bad while reading the
    inputs (an unparsable JSONL line); it then goes straight to the errors file.
    """

    id: str
    source: str
    path: str | None = None
    text: str | None = None
    problem: str | None = None


@dataclass(slots=True, frozen=True)
class InputOptions:
    text_field: str = "text"
    id_field: str = "id"
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES
    # The batch's own output directory, when it lies inside an input directory:
    # its shards must not come back as inputs.
    exclude_dir: str | None = None


def _has_magic(pattern: str) -> bool:
    return glob.has_magic(pattern)  # type: ignore[attr-defined]


def _glob_root(pattern: str) -> Path:
    """The directory part of a glob before its first wildcard: ids are relative to it."""
    parts = Path(pattern).parts
    root_parts: list[str] = []
    for part in parts:
        if _has_magic(part):
            break
        root_parts.append(part)
    return Path(*root_parts) if root_parts else Path(".")


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk_files(directory: Path, exclude_dir: str | None = None) -> Iterator[Path]:
    """Regular files under ``directory``, sorted, hidden files and folders skipped."""
    excluded = os.path.realpath(exclude_dir) if exclude_dir else None
    for current, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not _is_hidden(d)
                         and not (excluded and os.path.realpath(os.path.join(current, d)) == excluded))
        for name in sorted(files):
            if not _is_hidden(name):
                yield Path(current) / name


def _relative_id(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _read_bounded_line(handle, limit: int) -> tuple[bytes, bool]:
    """The next line, or its first ``limit`` bytes and True when it is longer (the rest
    is skipped without ever being held in memory)."""
    line = handle.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, False
    while True:
        rest = handle.readline(1 << 20)
        if not rest or rest.endswith(b"\n"):
            return line[:limit], True


def _jsonl_items(path: Path, file_id: str, options: InputOptions) -> Iterator[WorkItem]:
    source = path.as_posix()
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield WorkItem(id=file_id, source=source, problem=f"cannot read: {exc.strerror}")
        return
    with handle:
        number = 0
        while True:
            line, too_long = _read_bounded_line(handle, options.max_page_bytes)
            if not line:
                break
            number += 1
            line_id = f"{file_id}#line-{number}"
            if too_long:
                yield WorkItem(id=line_id, source=source,
                               problem=f"line {number} is longer than the {options.max_page_bytes}-byte page limit")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, UnicodeDecodeError) as exc:
                yield WorkItem(id=line_id, source=source, problem=f"line {number} is not JSON: {exc}")
                continue
            if not isinstance(record, dict):
                yield WorkItem(id=line_id, source=source, problem=f"line {number} is not a JSON object")
                continue
            record_id = record.get(options.id_field)
            item_id = f"{file_id}#{record_id}" if isinstance(record_id, (str, int)) and record_id != "" else line_id
            text = record.get(options.text_field)
            if not isinstance(text, str):
                yield WorkItem(id=item_id, source=source,
                               problem=f"line {number} has no string field {options.text_field!r}")
                continue
            yield WorkItem(id=item_id, source=source, text=text)


def _file_items(path: Path, root: Path, options: InputOptions) -> Iterator[WorkItem]:
    item_id = _relative_id(path, root)
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _jsonl_items(path, item_id, options)
    else:
        # Absolute, because a worker (a Dask worker on another machine) has its own cwd.
        yield WorkItem(id=item_id, source=path.as_posix(), path=os.path.abspath(path))


def expand_inputs(inputs: list[str], options: InputOptions = InputOptions()) -> Iterator[WorkItem]:
    """Work items for every INPUT, lazily, in a deterministic order.

    An argument that names nothing yields one problem item, so a typo shows up in
    the errors file and the exit code instead of silently shrinking the corpus.
    """
    for argument in inputs:
        path = Path(argument)
        if path.is_dir():
            for file in _walk_files(path, options.exclude_dir):
                yield from _file_items(file, path, options)
        elif path.is_file():
            yield from _file_items(path, path.parent, options)
        elif _has_magic(argument):
            root = _glob_root(argument)
            matched = False
            for name in glob.iglob(argument, recursive=True):
                match = Path(name)
                if match.is_file() and not _is_hidden(match.name):
                    matched = True
                    yield from _file_items(match, root, options)
            if not matched:
                yield WorkItem(id=argument, source=argument, problem="glob matched no files")
        else:
            yield WorkItem(id=argument, source=argument, problem="no such file or directory")


def count_inputs(inputs: list[str], options: InputOptions = InputOptions()) -> int:
    """How many items :func:`expand_inputs` will yield (for the progress bar's ETA).

    JSONL files are counted by lines, without parsing, so this is an estimate
    only when a file has blank lines.
    """
    total = 0
    for argument in inputs:
        path = Path(argument)
        if path.is_dir():
            files: Iterator[Path] = _walk_files(path, options.exclude_dir)
        elif path.is_file():
            files = iter([path])
        elif _has_magic(argument):
            files = (Path(n) for n in glob.iglob(argument, recursive=True) if Path(n).is_file())
        else:
            total += 1
            continue
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                total += _count_lines(file)
            else:
                total += 1
    return total


def _count_lines(path: Path) -> int:
    count = 0
    last = b"\n"
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                count += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 1
    return count + (last != b"\n")
