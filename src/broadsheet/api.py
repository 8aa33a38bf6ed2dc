"""The library's entry points: restore text, restore a file."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import BadInputError, TooLargeError
from .model import Document, Page
from .pipeline import restore_text, restore_text_pages
from .read.text import decode_page_bytes

# Beyond this a "page" is not a page; the CLI can raise it.
MAX_INPUT_BYTES = 64 * 1024 * 1024


def restore(text: str, source: str = "<text>") -> Page:
    """Restore one page of raw extracted text into articles. Text of several pages parted
    by form feeds goes to :func:`restore_bytes` or :func:`restore_file`, which restore it a
    page at a time."""
    if not isinstance(text, str):
        raise TypeError("restore() takes decoded text; use restore_bytes() or restore_file() for bytes")
    return restore_text(text, source)


def restore_bytes(data: bytes, source: str = "<bytes>", encoding: str | None = None) -> Page | Document:
    """Decode and restore extracted text: one page, or a :class:`Document` where form feeds
    part several (``pdftotext paper.pdf`` ends each page with one)."""
    if len(data) > MAX_INPUT_BYTES:
        raise TooLargeError(f"{len(data)} bytes is more than the {MAX_INPUT_BYTES}-byte limit for one page", source)
    text = decode_page_bytes(data, encoding, source)
    if not text.strip():
        raise BadInputError("empty input: no text to restore", source)
    return restore_text_pages(text, source)


def restore_file(path: str | os.PathLike, encoding: str | None = None, pages: str | None = None) -> Page | Document:
    """Restore a text file (one page, or a :class:`Document` where form feeds part pages) or
    a PDF (a :class:`Document` of pages)."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise BadInputError("no such file", name)
    if p.is_dir():
        raise BadInputError("is a directory, not a file", name)
    try:
        with p.open("rb") as handle:
            head = handle.read(5)
    except OSError as exc:
        raise BadInputError(f"cannot read: {exc.strerror}", name) from None
    if head.startswith(b"%PDF") or p.suffix.lower() == ".pdf":
        from .read.pdf import restore_pdf

        return restore_pdf(p, pages=pages)
    size = p.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise TooLargeError(f"{size} bytes is more than the {MAX_INPUT_BYTES}-byte limit for one page", name)
    return restore_bytes(p.read_bytes(), name, encoding)
