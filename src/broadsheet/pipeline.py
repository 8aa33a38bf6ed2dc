"""read → repair → segment → classify → assemble: one page of extracted text."""

from __future__ import annotations

from dataclasses import replace

from .assemble import assemble_articles
from .charclass import has_cjk
from .classify import classify_blocks, detect_language
from .model import Document, Line, Page, Removal
from .read.text import split_lines
from .repair import repair_lines
from .repair.copies import drop_later_copies
from .repair.justified import join_justified_word_lines
from .repair.lines import vocabulary_if_hyphenated
from .repair.spacing import drop_letter_gap_spaces
from .segment import segment_lines


def restore_lines(lines: list[Line], source_text: str, source: str = "<text>", number: int | None = None) -> Page:
    """Restore a page from lines that already carry provenance (text or PDF reader)."""
    lines, removed = repair_lines(lines, source_text)
    # Only raw text needs this: a PDF's invisible layer is told apart by its render mode.
    lines, copies = drop_later_copies(lines, source_text)
    removed.extend(copies)
    # After the copies: a line set back together from lone words may match a line the page
    # really printed twice, which is no copy to drop.
    lines, _ = join_justified_word_lines(lines, source_text)
    # The page's own words settle line-end hyphens, before its language's word frequencies.
    known = vocabulary_if_hyphenated(lines)
    language = detect_language(" ".join(line.string for line in lines[:400]))
    line_blocks = segment_lines(lines)
    removed.extend(_drop_letter_gap_spaces_in_blocks(line_blocks, source_text))
    blocks, joined_removals = classify_blocks(line_blocks, known, language)
    removed.extend(joined_removals)
    articles, unassigned = assemble_articles(blocks, removed)
    removed = _settle_removals(removed, source_text)
    removed.sort(key=lambda r: (r.page or 0, r.start))
    return Page(source=source, language=language, articles=articles, unassigned=unassigned,
                removed=removed, input_text=source_text, number=number)


def _drop_letter_gap_spaces_in_blocks(line_blocks, source_text: str) -> list[Removal]:
    """The blocks' lines without letter gaps read as spaces (a page with no CJK text has none)."""
    if not has_cjk(source_text):
        return []
    lines, removed = drop_letter_gap_spaces([line for block in line_blocks for line in block.lines])
    repaired = iter(lines)
    for block in line_blocks:
        block.lines = [next(repaired) for _ in block.lines]
    return removed


def restore_text(text: str, source: str = "<text>", number: int | None = None) -> Page:
    return restore_lines(split_lines(text), text, source, number)


# Extractors end each page of a document with a form feed (pdftotext, pdfminer's
# extract_text): text that holds several is a document, restored a page at a time.
PAGE_BREAK = "\f"


def restore_text_pages(text: str, source: str = "<text>") -> Page | Document:
    """One page of text, or a :class:`Document` where form feeds part several pages. Each
    page is restored alone, numbered as the extractor's pages are (an empty page keeps its
    number), its offsets counted from its own start, as a PDF page's are."""
    parts = [(number, part) for number, part in enumerate(text.split(PAGE_BREAK), 1) if part.strip()]
    if len(parts) <= 1:
        return restore_text(text, source)
    return Document(source=source, pages=[restore_text(part, source, number) for number, part in parts])


def _settle_removals(removed: list[Removal], source_text: str) -> list[Removal]:
    """A removal's text is the input's, even where an earlier repair rewrote the
    character; and a rewritten character that was later dropped keeps only its drop."""
    dropped = {offset for r in removed if r.replacement is None for offset in range(r.start, r.end)}
    settled = []
    for r in removed:
        if r.replacement is not None and r.start in dropped:
            continue
        if source_text[r.start : r.end] != r.text:
            r = replace(r, text=source_text[r.start : r.end])
        settled.append(r)
    return settled
