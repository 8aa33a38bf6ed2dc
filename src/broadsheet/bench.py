"""Throughput on one core: pages per second of the text path, and of the PDF path set
against bare PyMuPDF text extraction on the same PDFs."""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from .pipeline import restore_text
from .samples import sample_text

TARGET_PAGE_BYTES = 15_000


def synthetic_bench_pages(count: int, page_bytes: int = TARGET_PAGE_BYTES, seed: int = 7) -> list[str]:
    """Pages of about ``page_bytes`` UTF-8 bytes, built by shuffling the sample page's
    blank-line-separated blocks (so each page keeps every artifact, in a new order)."""
    rng = random.Random(seed)
    blocks = [b for b in sample_text().split("\n\n") if b.strip()]
    return [compose_page(blocks, rng, page_bytes) for _ in range(count)]


def compose_page(blocks: list[str], rng: random.Random, page_bytes: int) -> str:
    """Blank-line-separated blocks drawn at random until the page holds ``page_bytes``."""
    parts: list[str] = []
    size = 0
    while size < page_bytes:
        block = rng.choice(blocks)
        parts.append(block)
        size += len(block.encode("utf-8")) + 2
    return "\n\n".join(parts)


def corpus_pages(directory: str | Path, limit: int) -> list[str]:
    files = sorted(Path(directory).rglob("*.txt"))[:limit]
    return [f.read_text(encoding="utf-8") for f in files]


def measure(pages: list[str], repeat: int = 1) -> dict:
    total_bytes = sum(len(p.encode("utf-8")) for p in pages)
    best = float("inf")
    for _ in range(repeat):
        forget_page_text()
        start = time.perf_counter()
        for page in pages:
            restore_text(page)
        best = min(best, time.perf_counter() - start)
    return {
        "pages": len(pages),
        "mean_page_bytes": round(total_bytes / max(1, len(pages))),
        "seconds": round(best, 3),
        "pages_per_second": round(len(pages) / best, 1) if best else None,
        "mb_per_second": round(total_bytes / best / 1e6, 2) if best else None,
    }


def forget_page_text() -> None:
    """Empty the caches keyed on the pages' own text (each line's role, each word's
    frequency). A second run over the same pages would find every line already answered,
    which a stream of new pages never offers: measured on the dev PDFs, the warm caches
    took 9 % off the PDF path's instructions. Caches keyed on single characters, font
    names and character pairs stay warm: any corpus repeats those from page to page."""
    from .layout.blocks import line_hint
    from .repair.lines import word_zipf

    line_hint.cache_clear()
    word_zipf.cache_clear()


def pdf_files(path: str | Path) -> list[Path]:
    """The PDF itself, or every PDF under a directory (in a stable order)."""
    path = Path(path)
    return [path] if path.is_file() else sorted(path.rglob("*.pdf"))


def measure_pdf(files: list[Path], repeat: int = 1) -> dict:
    """Bare ``page.get_text()`` and the PDF path (``restore_pdf``) on the same files, each
    timed from opening the file through its last page, fastest of ``repeat`` runs.

    The two are timed in turns within each run, so a machine busy for a while slows
    both alike. ``ratio`` divides the two best times; ``median_run_ratio`` is the median
    of each run's own ratio, which a shared machine's load shifting between the best
    runs of the two sides does not skew.
    """
    pages = _page_count(files)
    # One untimed pass each: imports, compiled patterns and MuPDF's font caches are
    # set up once per process and belong to neither side.
    _bare_get_text(files[:1])
    _restore_each(files[:1])
    runs = []
    for _ in range(repeat):
        forget_page_text()
        runs.append((_timed(lambda: _bare_get_text(files)), _timed(lambda: _restore_each(files))))
    best_bare = min(bare for bare, _restore in runs)
    best_restore = min(restore for _bare, restore in runs)
    return {
        "files": len(files),
        "pages": pages,
        "get_text": _rate(pages, best_bare),
        "restore": _rate(pages, best_restore),
        "ratio": round(best_restore / best_bare, 2) if best_bare else None,
        "median_run_ratio": round(statistics.median(restore / bare for bare, restore in runs if bare), 2),
    }


def _page_count(files: list[Path]) -> int:
    import pymupdf

    total = 0
    for f in files:
        with pymupdf.open(f) as document:
            total += document.page_count
    return total


def _bare_get_text(files: list[Path]) -> None:
    import pymupdf

    for f in files:
        with pymupdf.open(f) as document:
            for page in document:
                page.get_text()


def _restore_each(files: list[Path]) -> None:
    from .read.pdf import restore_pdf

    # Each result is dropped before the next file, as get_text()'s strings are: holding
    # them all would make the garbage collector walk a growing heap on this side only.
    for f in files:
        restore_pdf(f)


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _rate(pages: int, seconds: float) -> dict:
    return {"seconds": round(seconds, 3), "pages_per_second": round(pages / seconds, 1) if seconds else None}
