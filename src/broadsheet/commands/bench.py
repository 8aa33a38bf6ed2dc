"""``broadsheet bench``: pages/s of restore on this machine, one core."""

from __future__ import annotations

import argparse
import json
import os
import platform


def register(subparsers) -> None:
    p = subparsers.add_parser("bench", help="measure restore throughput (pages/s) on this machine")
    p.add_argument("--pages", type=int, default=200, help="number of pages (default 200)")
    p.add_argument("--page-bytes", type=int, default=15_000, help="size of each generated page (default 15000)")
    p.add_argument("--corpus", help="bench on the .txt files under this directory instead of generated pages")
    p.add_argument("--pdf", metavar="PATH",
                   help="bench the PDF path against bare PyMuPDF get_text() on this PDF or the PDFs under this directory")
    p.add_argument("--repeat", type=int, default=3, help="runs; the fastest is reported")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    from ..run.bench import register_batch_options

    register_batch_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "batch", False):
        from ..run.bench import bench_batch

        return bench_batch(args)
    if args.pdf:
        return run_pdf(args)
    from ..bench import corpus_pages, measure, synthetic_bench_pages

    if args.pages < 1:
        raise SystemExit("broadsheet bench: --pages must be at least 1")
    pages = corpus_pages(args.corpus, args.pages) if args.corpus else synthetic_bench_pages(args.pages, args.page_bytes)
    result = measure(pages, repeat=max(1, args.repeat))
    result["input"] = args.corpus or f"generated from the bundled sample page, ~{args.page_bytes} bytes each"
    result["machine"] = _machine()
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"{result['pages']} pages of {result['mean_page_bytes']} bytes: {result['seconds']} s, "
              f"{result['pages_per_second']} pages/s, {result['mb_per_second']} MB/s ({result['machine']})")
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    from ..bench import measure_pdf, pdf_files

    files = pdf_files(args.pdf)
    if not files:
        raise SystemExit(f"broadsheet bench: no PDF at {args.pdf}")
    result = measure_pdf(files, repeat=max(1, args.repeat))
    result["input"] = args.pdf
    result["repeat"] = max(1, args.repeat)
    result["machine"] = _machine()
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        bare, restore = result["get_text"], result["restore"]
        print(f"{result['pages']} pages in {result['files']} PDF file(s), best of {result['repeat']}: "
              f"get_text() {bare['pages_per_second']} pages/s ({bare['seconds']} s), "
              f"restore {restore['pages_per_second']} pages/s ({restore['seconds']} s), "
              f"restore/get_text time {result['ratio']}x, median of runs {result['median_run_ratio']}x "
              f"({result['machine']})")
    return 0


def _machine() -> str:
    from ..extensions import compiled_summary

    return (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, one process, "
            f"{compiled_summary()}")
