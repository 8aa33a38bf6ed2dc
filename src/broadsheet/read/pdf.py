"""Born-digital PDFs: open, check, pick pages, restore each page from its layout.

Every way a file can fail to be a readable PDF ends in one clear line:
:class:`BadInputError` (not a PDF, encrypted, truncated or damaged, a bad
``--pages``) or :class:`ScannedPageError` (a page with no text layer).
MuPDF's own warnings are silenced: they would reach the user as noise on
stderr, and every problem they describe is reported here instead.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from pathlib import Path

import pymupdf

from ..errors import BadInputError, BroadsheetError
from ..model import Document

# A complete PDF ends with %%EOF; incremental updates and trailing junk may put
# a little after it, so it is looked for in the file's last bytes only.
EOF_WINDOW = 2048
HEADER_WINDOW = 1024

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


def parse_pages(spec: str | None, page_count: int, name: str | None = None) -> list[int]:
    """``"1-3,7"`` → ``[1, 2, 3, 7]`` (1-based, in the order given, no repeats)."""
    if spec is None or not spec.strip():
        return list(range(1, page_count + 1))
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        try:
            if "-" in part:
                lo_text, hi_text = part.split("-", 1)
                lo = int(lo_text) if lo_text.strip() else 1
                hi = int(hi_text) if hi_text.strip() else page_count
            else:
                lo = hi = int(part)
        except ValueError:
            raise BadInputError(f"--pages {spec!r}: expected page numbers like 1-3,7", name) from None
        if lo < 1 or hi < lo:
            raise BadInputError(f"--pages {spec!r}: {part!r} is not a range of pages from 1", name)
        if hi > page_count:
            raise BadInputError(f"--pages {spec!r}: the PDF has {page_count} page(s)", name)
        out.extend(n for n in range(lo, hi + 1) if n not in out)
    return out


def _check_file(path: Path, name: str) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(HEADER_WINDOW)
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - EOF_WINDOW))
            tail = handle.read()
    except OSError as exc:
        raise BadInputError(f"cannot read: {exc.strerror}", name) from None
    if b"%PDF-" not in head:
        raise BadInputError("not a PDF file (no %PDF header)", name)
    if b"%%EOF" not in tail:
        raise BadInputError("truncated PDF: the file ends before its %%EOF marker", name)


def open_pdf(path: str | os.PathLike) -> "pymupdf.Document":
    p = Path(path)
    name = str(path)
    _check_file(p, name)
    try:
        doc = pymupdf.open(p, filetype="pdf")
    except Exception as exc:  # MuPDF raises several types for damaged files
        raise BadInputError(f"damaged PDF, MuPDF cannot open it ({_first_line(exc)})", name) from None
    if doc.needs_pass:
        doc.close()
        raise BadInputError("encrypted PDF: it needs a password, and none can be given", name)
    if doc.page_count == 0:
        doc.close()
        raise BadInputError("damaged PDF: no pages could be read", name)
    return doc


def restore_pdf(path: str | os.PathLike, pages: str | None = None) -> Document:
    """Restore the chosen pages (all by default) of a born-digital PDF."""
    from ..layout import restore_pdf_page
    from ..layout.extract import unrotated_rect
    from ..layout.running_heads import MIN_PAGES_AS_FURNITURE, furniture_repeated_across_pages

    name = str(path)
    doc = open_pdf(path)
    try:
        numbers = parse_pages(pages, doc.page_count, name)
        out = []
        heights: dict[int, float] = {}
        # Running heads are told across pages: a single page or two needs no heights.
        across_pages = len(numbers) > MIN_PAGES_AS_FURNITURE
        for number in numbers:
            try:
                page = doc.load_page(number - 1)
                with _collector_paused():
                    out.append(restore_pdf_page(page, number, name))
                if across_pages:
                    heights[number] = unrotated_rect(page)[3]
            except BroadsheetError as exc:
                exc.path = exc.path or name
                raise
            except (RuntimeError, pymupdf.FileDataError) as exc:
                raise BadInputError(f"page {number} is damaged and cannot be read ({_first_line(exc)})", name) from None
        if across_pages:
            # A running head read as a headline on one page is furniture on the others.
            furniture_repeated_across_pages(out, heights)
        return Document(source=name, pages=out)
    finally:
        doc.close()


@contextmanager
def _collector_paused():
    """The cycle collector off while one page is read. A page's text arrives as thousands of
    fresh dicts and tuples, and each few hundred of them start a collection that walks them
    all again (about a sixteenth of the PDF path's time); none of them forms a cycle, so
    reference counting frees them as before. A collector someone else turned off stays off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:120] or type(exc).__name__


__all__ = ["open_pdf", "parse_pages", "restore_pdf"]
