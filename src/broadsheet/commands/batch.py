"""``broadsheet batch INPUT... -o OUT``: restore a corpus into sharded JSONL or Parquet.

Exit codes: 0 every input restored, 4 some failed (listed in the errors file),
1 none succeeded or bad arguments.
"""

from __future__ import annotations

import argparse
import sys


def register(subparsers) -> None:
    from ..run.inputs import DEFAULT_MAX_PAGE_BYTES
    from ..run.shards import DEFAULT_SHARD_SIZE, FORMATS
    from ..run.work import DEFAULT_TIMEOUT

    p = subparsers.add_parser(
        "batch", help="restore many pages (files, directories, globs, JSONL) in parallel",
        description="Restore a corpus into sharded records, one per page. Output shards are committed "
                    "atomically; --resume continues a run that was interrupted, without losing or "
                    "repeating a record.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="text or PDF files, directories (recursive), globs, or .jsonl files with a text field")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output directory")
    p.add_argument("--workers", type=int, help="worker processes (default: the number of CPUs)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local process pool (default) or Dask (needs broadsheet[dask])")
    p.add_argument("--scheduler", metavar="ADDR", help="Dask scheduler address, e.g. tcp://head:8786 "
                   "(default: start a local Dask cluster)")
    p.add_argument("--resume", action="store_true", help="continue an interrupted run in OUT")
    p.add_argument("--format", choices=FORMATS, default="jsonl", dest="fmt",
                   help="jsonl (default) or parquet (needs broadsheet[parquet])")
    p.add_argument("--convert", metavar="CONFIG", help="convert output text with OpenCC (t2s, s2t, s2hk, t2tw, ...)")
    p.add_argument("--errors", metavar="ERRORS.jsonl", help="where to list failed inputs (default: OUT/_errors.jsonl)")
    p.add_argument("--text-field", default="text", help="JSONL field holding the page text (default: text)")
    p.add_argument("--id-field", default="id", help="JSONL field holding the record id (default: id)")
    p.add_argument("--shard-size", type=int, default=DEFAULT_SHARD_SIZE,
                   help=f"records per output shard (default {DEFAULT_SHARD_SIZE})")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                   help="seconds one document may take before it is recorded as an error "
                        f"(default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--max-page-bytes", type=int, default=DEFAULT_MAX_PAGE_BYTES,
                   help="larger text inputs are recorded as errors, not restored (default 4 MiB)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..run import BatchConfig, run_batch

    config = BatchConfig(
        inputs=tuple(args.inputs), out=args.output, workers=args.workers, engine=args.engine,
        scheduler=args.scheduler, resume=args.resume, fmt=args.fmt, convert=args.convert, errors=args.errors,
        text_field=args.text_field, id_field=args.id_field, shard_size=args.shard_size, timeout=args.timeout,
        max_page_bytes=args.max_page_bytes,
    )
    outcome = run_batch(config)
    print(f"broadsheet batch: {outcome.summary}", file=sys.stderr)
    return outcome.exit_code
