"""Throughput of the text path: pages per second on one core."""

from __future__ import annotations

import random
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
