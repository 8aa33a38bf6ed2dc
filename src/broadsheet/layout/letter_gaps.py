"""Spaces MuPDF makes of a justified CJK line's letter gaps.

A justified CJK column is filled by spreading every character of a line a little apart.
MuPDF never reads the gap between two CJK characters as a space, but it does after a
figure, a Latin letter or an opening quote, before a CJK character (``以2 小時41 分``,
``“ 換書角``): there the gap looks wide beside the narrow glyph before it. A reader sees
no space, only the line's even spread, so such a space is an artifact, as ``涉 港 、 涉 澳``
is in extracted text, told here by geometry: a space no wider than the line's own letter
gap, in a line whose CJK characters stand apart by that gap. A space glyph the line really
holds (``iPhone 16 發布``) is wider: its own advance and the gap.

Typesetters that set CJK text with Latin and figures (Typst, InDesign, Word, xeCJK) also
put a quarter-em or so of white between the two scripts, on either side of the figure
(``武汉11月11日电`` set as ``武汉 11 月 11 日电``). Drawn as white with no space glyph, it
is MuPDF that makes a space of it, after the figure only (after a CJK glyph its threshold,
which scales with the glyph, is never reached). So a space MuPDF made (a synthetic one)
after a Latin-script token holding a figure or an acronym, before a CJK character, no
wider than half an em, goes too. After a word or an address (``…@mail.com 環境局``) the
white may be the copy's own space, drawn as white by a producer that draws no space
glyphs, and is kept.

The converse: a producer that draws no space glyphs leaves a word space between two CJK
characters as white alone (a byline's names set apart, ``記者　何雨欣　報道``), and MuPDF
reads none there. White that much wider than the line's own letter gap, at a few places
in the line, is such a space, and :func:`space_word_gaps` puts one in (a space the pipeline
adds, with no input offset, as between joined English lines)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from statistics import median

import regex

from ..charclass import CJK_CHAR, has_cjk
from ..model import Line, Removal, SourcedText
from .extract import PageText

REASON = "drop_letter_gap_spaces"
# Where MuPDF makes a space of a letter gap: after a narrow glyph (a figure, a Latin letter,
# a percent sign, an opening quote), before a CJK character. After a CJK glyph it never
# does, so a space there is one the line holds; and Latin spread apart letter by letter is
# left as read. Every candidate space is found by this pattern.
_AFTER_NARROW = regex.compile(r"[0-9A-Za-z%“‘] (?=[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}])")
# The Latin-script token before such a space (``11``, ``5G``, ``4,999``, ``2.5%``, ``AI``):
# only one holding a figure, or an acronym, is taken; an English word or an e-mail address
# run in before CJK text (a byline's end, then its story) keeps a space that is often the
# copy's.
_TOKEN_BEFORE = regex.compile(r"[0-9A-Za-z.,:%/@_+-]+$")
MAX_ACRONYM = 5
# White wider than this (× size) between the scripts is more than their spacing.
MAX_SCRIPT_GAP = 0.5
# A line whose CJK characters stand at least this far apart (× size) is spread.
SPREAD_GAP = 0.05
# A space wider than the letter gap by this much (× size) is a real one: a space glyph's
# own advance is a fifth of an em or more.
SPACE_ADVANCE = 0.15
# Letter gaps needed to know a line's spread.
MIN_GAPS = 3


def drop_letter_gap_spaces(lines: list[Line], text: PageText) -> tuple[list[Line], list[Removal]]:
    """Lines without the spaces that are only a justified line's letter gap next to CJK."""
    # One search of the page first: a page with no CJK text (most English pages, whose
    # every line holds spaces) has no such space.
    if not has_cjk(text.input_text):
        return lines, []
    starts: list[int] | None = None  # the PDF lines' input offsets, listed on first need
    out = list(lines)
    removals: list[Removal] = []
    for i, line in enumerate(lines):
        if " " not in line.string:
            continue
        spaces = [match.start() + 1 for match in _AFTER_NARROW.finditer(line.string)]
        if not spaces:
            continue
        if starts is None:
            starts = [pdf_line.start for pdf_line in text.lines]
        cuts = [(j, j + 1) for j in _letter_gap_spaces(line, spaces, text, starts)]
        if cuts:
            cut_text, cut = line.text.cut(cuts, REASON)
            out[i] = replace(line, text=cut_text)
            removals.extend(cut)
    return out, removals


def _letter_gap_spaces(line: Line, spaces: list[int], text: PageText, starts: list[int]) -> list[int]:
    """Those of the ``spaces`` (positions in ``line.string``) no wider than the line's letter gap."""
    out: list[int] = []
    boxes: dict[int, tuple[str, tuple[float, float, float, float]]] | None = None
    gap = None
    for j in spaces:
        offset = line.text.source_of(j)
        if offset < 0:
            continue  # a space the pipeline put in, not one MuPDF read
        if boxes is None:
            boxes, gap, size, synthetic = _line_chars(text, starts, offset)
        if offset not in boxes:
            continue
        _ch, box = boxes[offset]
        wide = box[2] - box[0]
        if offset in synthetic and wide <= MAX_SCRIPT_GAP * size and _figure_or_acronym_before(line.string, j) \
                or gap is not None and wide <= gap + SPACE_ADVANCE * size:
            out.append(j)
    return out


def _figure_or_acronym_before(string: str, j: int) -> bool:
    """The Latin-script token before the space at ``j`` holds a figure or is an acronym
    (``AI``, ``NBA``): set inside CJK text as a CJK word is, not as an English phrase."""
    token = _TOKEN_BEFORE.search(string, 0, j)
    if token is None:
        return False
    word = token.group()
    return any(ch.isdigit() for ch in word) or len(word) <= MAX_ACRONYM and word.isalpha() and word.isupper()


def _line_chars(text: PageText, starts: list[int], offset: int):
    """The characters (by input offset) of the PDF line holding ``offset``, that line's
    letter gap between CJK characters (None unless it is spread), its type size, and the
    offsets of the spaces MuPDF made of white (no glyph drawn)."""
    pdf_line = text.lines[_pdf_line_index(starts, offset)]
    size = max((span.size for span in pdf_line.spans), default=10.0)
    boxes = _chars_by_offset(text, pdf_line)
    synthetic = {span.start + n for span in pdf_line.spans for n in text.synthetic_spaces_of(span)}
    if pdf_line.vertical:
        return boxes, None, size, synthetic
    ordered = [boxes[o] for o in sorted(boxes)]
    gaps = [b[0] - a[2] for (ca, a), (cb, b) in zip(ordered, ordered[1:])
            if CJK_CHAR.match(ca) and CJK_CHAR.match(cb) and not ca.isspace() and not cb.isspace()]
    if len(gaps) < MIN_GAPS:
        return boxes, None, size, synthetic
    gap = median(gaps)
    return boxes, (gap if gap >= SPREAD_GAP * size else None), size, synthetic


def _pdf_line_index(starts: list[int], offset: int) -> int:
    """The PDF line (by index, from the lines' input offsets ``starts``) holding ``offset``."""
    return bisect_right(starts, offset) - 1


def _chars_by_offset(text: PageText, pdf_line) -> dict[int, tuple[str, tuple[float, float, float, float]]]:
    """Each character of a PDF line with its box, by input offset."""
    return {span.start + n: (ch, box) for span in pdf_line.spans for n, (ch, box) in enumerate(text.chars_of(span))}


# White between two CJK characters this much (× size) wider than the line's letter gap is a
# word space a producer drew as white (记者　何雨欣　通讯员: a byline's names set apart).
WORD_GAP = 0.3
# A line with more such gaps than this is display type spread apart, not words spaced.
MAX_WORD_GAPS = 3
_HAN_OR_KANA = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


def space_word_gaps(lines: list[Line], text: PageText) -> list[Line]:
    """Lines with a space where white as wide as a space stands between two CJK characters,
    which MuPDF never reads as one."""
    if not has_cjk(text.input_text):
        return lines
    starts: list[int] | None = None
    out = list(lines)
    for i, line in enumerate(lines):
        string = line.string
        if len(string) < MIN_GAPS + 2 or not has_cjk(string):
            continue
        if starts is None:
            starts = [pdf_line.start for pdf_line in text.lines]
        at = _word_gaps(line, text, starts)
        if at:
            parts, last = [], 0
            for j in at:
                parts.extend([line.text[last:j], SourcedText.inserted(" ")])
                last = j
            parts.append(line.text[last:])
            out[i] = replace(line, text=SourcedText.concat(parts))
    return out


def _word_gaps(line: Line, text: PageText, starts: list[int]) -> list[int]:
    """Positions in ``line.string`` where white as wide as a word space stands between two
    CJK characters (none on a line spread wider at more places: display type)."""
    string = line.string
    offsets = [line.text.source_of(j) for j in range(len(string))]
    # The line may join pieces MuPDF read as several lines (a byline run in beside its story).
    pdf_lines = [text.lines[k] for k in sorted({_pdf_line_index(starts, o) for o in offsets if o >= 0})]
    if not pdf_lines or any(pdf_line.vertical for pdf_line in pdf_lines):
        return []
    size = max((span.size for pdf_line in pdf_lines for span in pdf_line.spans), default=10.0)
    boxes = {}
    for pdf_line in pdf_lines:
        boxes.update(_chars_by_offset(text, pdf_line))
    pairs = []
    for j in range(len(string) - 1):
        a, b = offsets[j], offsets[j + 1]
        if a < 0 or b < 0 or a not in boxes or b not in boxes:
            continue
        if _HAN_OR_KANA.match(string[j]) and _HAN_OR_KANA.match(string[j + 1]):
            pairs.append((j + 1, boxes[b][1][0] - boxes[a][1][2]))
    if len(pairs) < MIN_GAPS:
        return []
    usual = median(gap for _j, gap in pairs)
    wide = [j for j, gap in pairs if gap >= usual + WORD_GAP * size]
    return wide if len(wide) <= MAX_WORD_GAPS else []

