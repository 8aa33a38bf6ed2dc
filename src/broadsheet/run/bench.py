"""``broadsheet bench --batch``: corpus throughput of ``batch`` with 1, 2, … workers.

Pages of ~15 KB are composed from the text of pages that ``broadsheet.synth``
renders (or, with ``--batch-text sample`` or without synth, from the bundled sample
page's blocks, as ``broadsheet bench`` does) and written as files, so the measurement
includes what a real run does: walking the corpus, reading files, restoring,
writing sharded JSONL. Each worker count runs in a fresh child process, so its
peak memory (``ru_maxrss`` of the batch process itself, and of its largest
worker via ``RUSAGE_CHILDREN``) is its own and not the previous run's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

DEFAULT_BATCH_PAGES = 10_000
DEFAULT_PAGE_BYTES = 15_000
FILES_PER_FOLDER = 1000
GENERATE_CHUNK = 200
SYNTH_SEED_PAGES = 8
SYNTH_SEED = 2026


def register_batch_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("corpus mode (--batch)")
    group.add_argument("--batch", action="store_true",
                       help="time `broadsheet batch` on a generated corpus instead of restore on one core")
    group.add_argument("--batch-pages", type=int, default=DEFAULT_BATCH_PAGES,
                       help=f"pages in the generated corpus (default {DEFAULT_BATCH_PAGES})")
    group.add_argument("--batch-workers", default="1,2",
                       help="worker counts to time, comma-separated (default 1,2)")
    group.add_argument("--batch-engine", choices=("local", "dask"), default="local")
    group.add_argument("--batch-text", choices=("synth", "sample"), default="synth",
                       help="page text from broadsheet.synth pages (default; falls back to the sample "
                            "when synth is unavailable) or from the bundled sample page")
    group.add_argument("--batch-dir", help="where to write the corpus and outputs (default: a temporary "
                       "directory, removed afterwards; an existing corpus there is reused)")


def synth_blocks(seed_pages: int = SYNTH_SEED_PAGES, seed: int = SYNTH_SEED) -> dict[str, list[str]]:
    """Text blocks, by script, extracted from pages that ``broadsheet.synth`` lays out and renders.

    Rendering a synthetic page takes seconds, too slow for 10,000; a few are made and
    their extracted blocks (with the renderer's shadow and spacing artifacts) recombined.
    Empty when the synth package is missing or fails: the caller falls back.
    """
    try:
        import pymupdf

        from ..synth import build_page, plan_set
    except ImportError:
        return {}
    pools: dict[str, list[str]] = {}
    try:
        for params in plan_set(seed_pages, seed, "mixed"):
            rendered = build_page(params)
            with pymupdf.open(stream=rendered.pdf, filetype="pdf") as document:
                for page in document:
                    for block in page.get_text("blocks"):
                        if block[6] == 0 and block[4].strip():  # type 0: text, not an image
                            pools.setdefault(params.script, []).append(block[4].strip())
    except Exception:  # noqa: BLE001 - another team's generator; the sample page still works
        return {}
    return pools


def bench_pages(count: int, page_bytes: int, pools: dict[str, list[str]], seed: int = 7) -> Iterator[str]:
    """``count`` pages of about ``page_bytes`` UTF-8 bytes, lazily.

    From ``pools`` (one script per page, scripts in turn, blocks drawn at random) when
    given, else from the bundled sample page via the bench generator.
    """
    if not pools:
        from ..bench import synthetic_bench_pages

        for start in range(0, count, GENERATE_CHUNK):
            yield from synthetic_bench_pages(min(GENERATE_CHUNK, count - start), page_bytes, seed=seed + start)
        return
    from ..bench import compose_page

    rng = random.Random(seed)
    scripts = sorted(pools)
    for number in range(count):
        yield compose_page(pools[scripts[number % len(scripts)]], rng, page_bytes)


def generate_corpus(directory: Path, pages: int, page_bytes: int, pools: dict[str, list[str]]) -> int:
    """Write ``pages`` generated text pages under ``directory``; returns total bytes."""
    total = 0
    for number, text in enumerate(bench_pages(pages, page_bytes, pools)):
        path = directory / f"{number // FILES_PER_FOLDER:04d}" / f"page-{number:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def _corpus_description(directory: Path, pages: int, page_bytes: int, asked: str) -> str | None:
    """What an existing generated corpus holds, if it is the one asked for."""
    marker = directory / ".generated"
    if not marker.exists():
        return None
    try:
        made = json.loads(marker.read_text())
        same = (made["pages"], made["page_bytes"], made["asked"]) == (pages, page_bytes, asked)
        return made["text"] if same else None
    except (ValueError, KeyError, TypeError):
        return None


def _own_peak_rss_mb() -> float:
    """This process's peak RSS. Linux keeps ``ru_maxrss`` across exec, so a child started
    by a large parent would report the parent's size; ``VmHWM`` belongs to this process alone."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _measure_child(argv: list[str]) -> None:
    """Run one batch in this process and print its timing and peak memory as JSON."""
    from ..run import BatchConfig, run_batch

    corpus, out, workers, engine = argv
    started = time.perf_counter()
    outcome = run_batch(BatchConfig(inputs=(corpus,), out=out, workers=int(workers), engine=engine),
                        stream=open(os.devnull, "w"))  # noqa: SIM115 - the summary is ours to print
    seconds = time.perf_counter() - started
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    print(json.dumps({
        "cpu_seconds": round(cpu_seconds, 2),
        "pages": outcome.counts.pages,
        "errors": outcome.failures_total,
        "seconds": round(seconds, 2),
        "parent_max_rss_mb": _own_peak_rss_mb(),
        "worker_max_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }))


def time_batch(corpus: Path, out: Path, workers: int, engine: str = "local") -> dict:
    if out.exists():
        shutil.rmtree(out)
    command = [sys.executable, "-m", "broadsheet.run.bench", str(corpus), str(out), str(workers), engine]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"batch with {workers} workers failed: {done.stderr.strip()[-500:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["workers"] = workers
    result["pages_per_second"] = round(result["pages"] / result["seconds"], 1) if result["seconds"] else None
    # On a shared machine wall time depends on the neighbours; CPU time per page does not.
    cpu = result["cpu_seconds"]
    result["pages_per_cpu_second"] = round(result["pages"] / cpu, 1) if cpu else None
    result["load_average_after"] = round(os.getloadavg()[0], 2)
    return result


def bench_batch(args: argparse.Namespace) -> int:
    pages = args.batch_pages
    page_bytes = getattr(args, "page_bytes", DEFAULT_PAGE_BYTES) or DEFAULT_PAGE_BYTES
    try:
        worker_counts = [int(w) for w in str(args.batch_workers).split(",") if w.strip()]
    except ValueError:
        worker_counts = []
    if pages < 1 or not worker_counts or min(worker_counts) < 1:
        print("broadsheet bench: --batch-pages and --batch-workers must be positive", file=sys.stderr)
        return 2
    base = Path(args.batch_dir) if args.batch_dir else Path(tempfile.mkdtemp(prefix="broadsheet-bench-batch-"))
    corpus = base / "corpus"
    try:
        text_source = _corpus_description(corpus, pages, page_bytes, args.batch_text)
        if text_source is None:
            if corpus.exists():
                shutil.rmtree(corpus)
            pools: dict[str, list[str]] = {}
            if args.batch_text == "synth":
                print(f"rendering {SYNTH_SEED_PAGES} synthetic pages for their text …", file=sys.stderr)
                pools = synth_blocks()
            text_source = (f"blocks of {SYNTH_SEED_PAGES} broadsheet.synth pages ({', '.join(sorted(pools))}), "
                           "recombined" if pools else "the bundled sample page's blocks, reshuffled")
            print(f"generating {pages} pages of ~{page_bytes} bytes in {corpus} …", file=sys.stderr)
            generate_corpus(corpus, pages, page_bytes, pools)
            made = {"pages": pages, "page_bytes": page_bytes, "asked": args.batch_text, "text": text_source}
            (corpus / ".generated").write_text(json.dumps(made))
        runs = []
        for workers in worker_counts:
            print(f"timing batch with {workers} worker(s) …", file=sys.stderr)
            runs.append(time_batch(corpus, base / f"out-{workers}", workers, args.batch_engine))
    finally:
        if not args.batch_dir:
            shutil.rmtree(base, ignore_errors=True)
    single = next((r for r in runs if r["workers"] == 1), None)
    for run in runs:
        run["speedup"] = round(run["pages_per_second"] / single["pages_per_second"], 2) if single else None
    result = {
        "pages": pages,
        "page_bytes": page_bytes,
        "engine": args.batch_engine,
        "text": text_source,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "runs": runs,
    }
    if getattr(args, "json", False):
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"batch bench: {pages} generated pages of ~{page_bytes} bytes ({text_source}), "
              f"{args.batch_engine} engine ({result['machine']})")
        print(f"{'workers':>7} {'seconds':>8} {'pages/s':>8} {'speedup':>7} {'pages/cpu-s':>11} "
              f"{'parent MB':>9} {'worker MB':>9} {'errors':>6} {'load':>5}")
        for run in runs:
            print(f"{run['workers']:>7} {run['seconds']:>8} {run['pages_per_second']:>8} {run['speedup'] or '':>7} "
                  f"{run['pages_per_cpu_second']:>11} {run['parent_max_rss_mb']:>9} {run['worker_max_rss_mb']:>9} "
                  f"{run['errors']:>6} {run['load_average_after']:>5}")
    return 0


if __name__ == "__main__":
    _measure_child(sys.argv[1:])
