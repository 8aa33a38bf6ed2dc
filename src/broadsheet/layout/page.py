"""One PDF page through every layout stage, into a :class:`broadsheet.model.Page`."""

from __future__ import annotations

import re

import pymupdf

from ..classify import detect_language
from ..errors import ScannedPageError
from ..geometry import BBox, contains
from ..model import Line, Page, Removal
from ..repair import REPAIRS, repair_lines
from ..repair.lines import hyphenation_mark, join_wrapped_lines, vocabulary_if_hyphenated
from .articles import assemble
from .blocks import classify, join_text, join_wrapped_headlines, split_blocks, split_opening_bylines
from .dedupe import find_duplicate_glyphs
from .dingbats import (map_dingbat_bullets, mark_dash_led_items, mark_lines_after_drawn_marks,
                       mark_lines_after_marks_set_apart, symbol_offsets)
from .extract import (PageRecording, drawn_twice_in_place, read_graphics, read_page_text, spans_drawn_twice_in_place,
                      split_frames_and_photos)
from .letter_gaps import drop_letter_gap_spaces, space_word_gaps
from .lines import body_size, build_lines, merge_vertical_stacks, run_in_title_candidates
from .order import reading_order



# Glyphs drawn twice are found by geometry (dedupe.py), and reading order comes from the
# XY-cut: the text-level guesses at doubling and at columns read across would only misread
# genuine repeats (謝謝, 研究研究) or reorder lines geometry has already placed. What only an
# extractor's text shows is no PDF line's either: a bullet read as a letter (the PDF reader
# knows the fonts, dingbats.py), a drop capital on a line of its own (the PDF reader sees its
# size and place), and lines poppler ran together or broke apart.
TEXT_ONLY_REPAIRS = (
    "undouble_runs_broken_across_lines", "unshingle_redrawn_runs", "undouble_repeated_lines", "undouble_shadow_runs", "undouble_punctuation",
    "reorder_interleaved_columns", "map_bullets_read_as_letters", "join_drop_capitals",
    "split_vertical_lead_character", "split_jump_lines_run_into_text", "join_cjk_lines_broken_at_punctuation",
)
PDF_REPAIRS = tuple(name for name in REPAIRS if name not in TEXT_ONLY_REPAIRS)
# Lines a PDF repair can change: CJK and its compatibility forms (compat ideographs,
# justification spaces), or a mark that prints nothing (soft hyphens, zero-width spaces).
# Plain ranges, so the standard re, which scans a page's text for them faster than regex.
_WIDE = re.compile(r"[\u2e80-\U0002fa1f\u00ad\u200b-\u200d\u2060\ufeff]")


def restore_pdf_page(page: "pymupdf.Page", number: int, source: str) -> Page:
    text = read_page_text(page, number)
    if not text.input_text.strip():
        _refuse_if_scanned(text.recording, number)
        return Page(source=source, language="und", articles=[], unassigned=[], removed=[],
                    input_text=text.input_text, number=number)
    duplicates = find_duplicate_glyphs(text)
    duplicates.fake_bold |= _run_in_titles_drawn_twice(text, duplicates)
    lines, styles = build_lines(text, duplicates)
    removed = list(duplicates.removals)
    lines, spread = drop_letter_gap_spaces(lines, text)
    removed.extend(spread)
    lines = space_word_gaps(lines, text)
    lines, repaired = _repair(lines, text.input_text)
    removed.extend(repaired)
    lines, mapped = map_dingbat_bullets(lines, symbol_offsets(text.spans, text.input_text), text.input_text)
    removed.extend(mapped)
    # Before stacks are read: a column of lone bullets is no vertical line.
    lines, marks = mark_lines_after_marks_set_apart(lines)
    removed.extend(marks)
    lines = mark_dash_led_items(lines, text.spans)
    graphics = read_graphics(text.recording, text.rect)
    lines = merge_vertical_stacks(lines, styles, graphics.h_rules)
    lines = mark_lines_after_drawn_marks(lines, graphics.marks)
    split_frames_and_photos(graphics, [line.bbox for line in lines])
    body = body_size(lines)
    vertical = {id(line) for line in lines if (s := styles.get(line.bbox)) is not None and s.vertical}
    leaves = reading_order(lines, graphics, body, vertical, text.rect)
    blocks = split_blocks(leaves, styles, body, mostly_vertical=len(vertical) > len(lines) / 2)
    drawn_twice = _drawn_twice(text.recording, duplicates.removals)
    classify(blocks, graphics.photos, text.rect, body, styles, graphics.h_rules, drawn_twice)
    blocks = join_wrapped_headlines(blocks)
    language = detect_language(" ".join(line.string for line in lines[:400]))
    known = vocabulary_if_hyphenated(lines)
    # A page that hyphenates at all (a known vocabulary) may mark its breaks apart.
    mark = hyphenation_mark(lines) if known else None
    removed.extend(join_text(blocks, known, language, mark))
    blocks = split_opening_bylines(blocks)
    articles, unassigned = assemble(blocks, graphics.h_rules, graphics.v_rules, body, graphics.photos,
                                    drawn_bold=drawn_twice, removed=removed,
                                    join_lines=lambda pair: join_wrapped_lines(pair, known, language, mark))
    removed.sort(key=lambda r: r.start)
    for i, r in enumerate(removed):
        if r.page is None:
            removed[i] = type(r)(r.start, r.end, r.text, r.reason, r.replacement, number, r.bbox)
    return Page(source=source, language=language, articles=articles, unassigned=unassigned,
                removed=removed, input_text=text.input_text, number=number)


def _run_in_titles_drawn_twice(text, duplicates) -> set[tuple[int, int, int]]:
    """Span keys of brief titles run into their text in the text's own face, bold only by
    glyphs drawn twice in place: MuPDF is asked only about the few spans that could be one,
    and a title is one when its type is drawn twice and the text after it is not."""
    candidates = run_in_title_candidates(text, duplicates)
    if not candidates:
        return set()
    bold = spans_drawn_twice_in_place(text.recording, [span for title, rest in candidates for span in title + rest])
    out: set[tuple[int, int, int]] = set()
    for title, rest in candidates:
        if title[0].key in bold and not any(span.key in bold for span in rest):
            out.update(span.key for span in title if span.key in bold)
    return out


def _drawn_twice(recording: PageRecording, removals: list[Removal]):
    """Whether the type in a box holding ``chars`` characters is drawn twice: its copies
    already dropped (a shadow, an offset or fill-and-stroke pass) for at least half of
    them, else, at a cost, glyphs drawn twice at one place, which MuPDF merges unseen."""
    copies: list[tuple[BBox, int]] | None = None  # made on the first question: most pages ask none

    def drawn_twice(box: BBox, chars: int) -> bool:
        nonlocal copies
        if copies is None:
            copies = [(r.bbox, sum(1 for ch in r.text if not ch.isspace())) for r in removals
                      if r.reason == "duplicate_glyph" and r.bbox is not None]
        dropped = sum(n for b, n in copies if contains(box, b, 2.0))
        return 2 * dropped >= chars or drawn_twice_in_place(recording, box)
    return drawn_twice


def _repair(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """The text repairs, run only on lines they can change (CJK, or a mark that prints
    nothing), so the Latin lines of an English page skip the regexes."""
    # One search over the whole page first: an English page has no such line at all.
    if not _WIDE.search("".join(line.string for line in lines)):
        return lines, []
    wide = [line for line in lines if _WIDE.search(line.string)]
    if not wide:
        return lines, []
    repaired, removals = repair_lines(wide, source, PDF_REPAIRS)
    by_box = {line.bbox: line for line in repaired}
    wide_ids = {id(line) for line in wide}
    out = []
    for line in lines:
        if id(line) in wide_ids:
            if line.bbox in by_box:
                out.append(by_box[line.bbox])
        else:
            out.append(line)
    return out, removals


def _refuse_if_scanned(recording: PageRecording, number: int) -> None:
    """No text but a picture: a scanned page. No text and no picture: a blank page, read as empty."""
    if recording.line_art().images:
        raise ScannedPageError(f"page {number} has no text layer: it looks like a scan, and OCR is not supported yet")
