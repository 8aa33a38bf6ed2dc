"""read → repair → segment → classify → assemble: one page of extracted text."""

from __future__ import annotations

from .assemble import assemble_articles
from .classify import classify_blocks, detect_language
from .model import Line, Page
from .read.text import split_lines
from .repair import repair_lines
from .repair.lines import page_vocabulary
from .segment import segment_lines


def restore_lines(lines: list[Line], source_text: str, source: str = "<text>", number: int | None = None) -> Page:
    """Restore a page from lines that already carry provenance (text or PDF reader)."""
    lines, removed = repair_lines(lines, source_text)
    known = page_vocabulary([line.string for line in lines])
    line_blocks = segment_lines(lines)
    blocks, joined_removals = classify_blocks(line_blocks, known)
    removed.extend(joined_removals)
    articles, unassigned = assemble_articles(blocks)
    language = detect_language(" ".join(line.string for line in lines[:400]))
    removed.sort(key=lambda r: (r.page or 0, r.start))
    return Page(source=source, language=language, articles=articles, unassigned=unassigned,
                removed=removed, input_text=source_text, number=number)


def restore_text(text: str, source: str = "<text>") -> Page:
    return restore_lines(split_lines(text), text, source)
