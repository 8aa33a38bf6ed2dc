"""Sharded output committed atomically, with a manifest that makes ``--resume`` exact.

Layout of OUT::

    part-00000.jsonl        records (or .parquet), complete or absent, never half-written
    _done/part-00000.json   the commit marker: ids whose records are in that shard,
                            and the documents that failed (with their reasons)
    .part-00001.jsonl.tmp   the shard being written (not a shard yet)
    _errors.jsonl           regenerated from the markers at the end of every run (--errors)

A shard is committed in two atomic steps, each ``write temp, fsync, os.replace``:
first the shard file takes its name, then its marker. A run killed at any moment
leaves one of three states for the shard in progress:

1. only a temp file: it is deleted on resume, its documents are redone;
2. the shard file without a marker: deleted on resume, its documents redone
   (a reader that looks during this window may see it; ``--resume`` retracts it);
3. shard and marker: committed; resume skips every id the marker lists.

A document's pages all go into one shard, so an id is either wholly committed
or not at all. Hence: every record exactly once, however often the run dies.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterator

from ..errors import BadInputError
from .work import ItemResult

FORMATS = ("jsonl", "parquet")
DEFAULT_SHARD_SIZE = 1000
DONE_DIR = "_done"
# The leading underscore keeps it out of readers that skip metadata files (pyarrow datasets, Spark).
DEFAULT_ERRORS_NAME = "_errors.jsonl"
_SHARD_NAME = re.compile(r"^part-(\d{5,})\.(jsonl|parquet)$")
_MARKER_NAME = re.compile(r"^part-(\d{5,})\.json$")
# Parquet row groups of this many records keep the writer's memory bounded.
PARQUET_ROWS_PER_GROUP = 256


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _replace_durably(temp: Path, final: Path) -> None:
    os.replace(temp, final)
    _fsync_dir(final.parent)


def write_atomically(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    with temp.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    _replace_durably(temp, path)


@dataclass(slots=True)
class ResumeState:
    """What earlier runs committed into OUT."""

    done_ids: set[str] = field(default_factory=set)
    records: int = 0
    failures: int = 0
    next_index: int = 0


def _shard_path(out: Path, index: int, fmt: str) -> Path:
    return out / f"part-{index:05d}.{fmt}"


def _marker_path(out: Path, index: int) -> Path:
    return out / DONE_DIR / f"part-{index:05d}.json"


def iter_markers(out: Path) -> Iterator[dict]:
    done = out / DONE_DIR
    if not done.is_dir():
        return
    for marker in sorted(done.iterdir()):
        if _MARKER_NAME.match(marker.name):
            yield json.loads(marker.read_text(encoding="utf-8"))


def prepare_output(out: Path, resume: bool) -> ResumeState:
    """Make OUT ready; on resume, drop uncommitted work and read what was committed."""
    out.mkdir(parents=True, exist_ok=True)
    (out / DONE_DIR).mkdir(exist_ok=True)
    shards = {int(m.group(1)): p for p in out.iterdir() if (m := _SHARD_NAME.match(p.name))}
    markers = {int(m.group(1)) for p in (out / DONE_DIR).iterdir() if (m := _MARKER_NAME.match(p.name))}
    if not resume:
        if shards or markers:
            raise BadInputError("already holds batch output; pass --resume to continue it, "
                                "or choose an empty directory", str(out))
        return ResumeState()
    for directory in (out, out / DONE_DIR):
        for leftover in directory.iterdir():
            if leftover.name.startswith(".") and leftover.name.endswith(".tmp"):
                leftover.unlink()
    for index, shard in shards.items():
        if index not in markers:
            shard.unlink()  # renamed into place, but the run died before its marker
    state = ResumeState(next_index=max(markers, default=-1) + 1)
    for marker in iter_markers(out):
        state.done_ids.update(marker["ids"])
        state.done_ids.update(f["id"] for f in marker["failed"])
        state.records += marker["records"]
        state.failures += len(marker["failed"])
    return state


class _JsonlShard:
    def __init__(self, temp: Path):
        self.handle = temp.open("w", encoding="utf-8")

    def write(self, records: list[dict]) -> None:
        for record in records:
            self.handle.write(json.dumps(record, ensure_ascii=False))
            self.handle.write("\n")

    def finish(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()

    def abandon(self) -> None:
        self.handle.close()


class _ParquetShard:
    def __init__(self, temp: Path):
        import pyarrow.parquet as pq

        from .records import record_schema

        self.temp = temp
        self.schema = record_schema()
        self.writer = pq.ParquetWriter(temp, self.schema)
        self.buffer: list[dict] = []

    def _flush_rows(self) -> None:
        import pyarrow as pa

        if self.buffer:
            self.writer.write_table(pa.Table.from_pylist(self.buffer, schema=self.schema))
            self.buffer = []

    def write(self, records: list[dict]) -> None:
        self.buffer.extend(records)
        if len(self.buffer) >= PARQUET_ROWS_PER_GROUP:
            self._flush_rows()

    def finish(self) -> None:
        self._flush_rows()
        self.writer.close()
        with self.temp.open("rb+") as handle:
            os.fsync(handle.fileno())

    def abandon(self) -> None:
        try:
            self.writer.close()
        except Exception:  # noqa: BLE001 - the temp file is deleted on resume anyway
            pass


def require_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise BadInputError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise BadInputError("Parquet output needs pyarrow: pip install 'broadsheet[parquet]'") from None


class ShardWriter:
    """Streams results into shards of about ``shard_size`` records, committing each atomically.

    Records go to the open shard's temp file as they arrive, so memory does not
    grow with the shard size; only ids (for the marker) are kept.
    """

    def __init__(self, out: Path, fmt: str = "jsonl", shard_size: int = DEFAULT_SHARD_SIZE, first_index: int = 0):
        require_format(fmt)
        self.out = out
        self.fmt = fmt
        self.shard_size = max(1, shard_size)
        self.index = first_index
        self.shards_committed = 0
        self._open = None
        self._ids: list[str] = []
        self._failed: list[dict] = []
        self._records = 0

    def _temp_path(self) -> Path:
        return self.out / f".part-{self.index:05d}.{self.fmt}.tmp"

    def add(self, result: ItemResult) -> None:
        if result.error is not None:
            self._failed.append(result.error_entry())
        else:
            if self._open is None:
                self._open = (_ParquetShard if self.fmt == "parquet" else _JsonlShard)(self._temp_path())
            self._open.write(result.records)
            self._ids.append(result.id)
            self._records += len(result.records)
        if self._records + len(self._failed) >= self.shard_size:
            self.commit()

    def commit(self) -> None:
        if not self._ids and not self._failed:
            return
        shard_name = None
        if self._open is not None:
            self._open.finish()
            self._open = None
            final = _shard_path(self.out, self.index, self.fmt)
            _replace_durably(self._temp_path(), final)
            shard_name = final.name
        marker = {"shard": shard_name, "records": self._records, "ids": self._ids, "failed": self._failed}
        write_atomically(_marker_path(self.out, self.index), json.dumps(marker, ensure_ascii=False))
        self.index += 1
        self.shards_committed += 1
        self._ids, self._failed, self._records = [], [], 0

    def abandon(self) -> None:
        """Stop without committing (an interrupted run): resume will redo the open shard."""
        if self._open is not None:
            self._open.abandon()
            self._open = None


def write_errors_file(out: Path, errors_path: Path) -> int:
    """Rewrite the errors file from every committed marker; returns how many errors.

    Derived from the markers, not appended to as the run goes, so a crash can
    neither lose an error line nor write one twice.
    """
    errors_path.parent.mkdir(parents=True, exist_ok=True)
    temp = errors_path.with_name(f".{errors_path.name}.tmp")
    count = 0
    with temp.open("w", encoding="utf-8") as handle:
        for marker in iter_markers(out):
            for entry in marker["failed"]:
                handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
                count += 1
        handle.flush()
        os.fsync(handle.fileno())
    _replace_durably(temp, errors_path)
    return count
