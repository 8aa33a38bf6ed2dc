"""Bullets set in a symbol font: Wingdings, Zapf Dingbats and kin.

Such fonts draw a bullet, a box or an arrow for an ordinary code point: Wingdings'
``l`` is a filled circle, Wingdings 2's ``¢`` a square, Zapf Dingbats' ``n`` a square.
Extracted as text they read as stray letters (``h Horaires``) that no cue can take
for a list marker. Each such character becomes ``•``, recorded as a replacement, so
the list and caption rules see the mark the reader sees.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

import regex

from .. import cues
from ..model import Line, Removal
from .extract import PdfSpan

REASON = "map_dingbat_bullets"
BULLET = "•"
# A paper's own symbol fonts name themselves in its language: symbols, pictograms, arrows
# (Italian Simboli, Frecce; French Symboles, Flèches; German Pfeile).
_SYMBOL_FONT = regex.compile(r"wingding|webding|dingbat|zapf|marlett|symbolmt|^symbol$|simbol|symbole|pictogram|frecce|fleches|pfeile",
                             regex.IGNORECASE)


@lru_cache(maxsize=1024)
def is_symbol_font(font: str) -> bool:
    # Subset fonts carry a tag before the name: "ABCDEF+Wingdings-Regular".
    return bool(_SYMBOL_FONT.search(font.split("+", 1)[-1]))


def symbol_offsets(spans: list[PdfSpan], text: str) -> set[int]:
    """Input offsets of the visible characters drawn in a symbol font, and of the same
    character echoed in the text font right after it (some layout programs follow the
    bullet glyph with its code point in the text font, a sliver wide)."""
    offsets: set[int] = set()
    for k, span in enumerate(spans):
        if not is_symbol_font(span.font):
            continue
        offsets.update(o for o in range(span.start, span.end) if not text[o].isspace())
        mark = span.text.strip()[-1:]
        # The echo comes next in drawing order, or just before the glyph it echoes.
        for echo in spans[max(0, k - 1) : k] + spans[k + 1 : k + 2]:
            if mark and echo.text.startswith(mark) and not is_symbol_font(echo.font) \
                    and abs(echo.bbox[0] - span.bbox[2]) <= ECHO_GAP and abs(echo.bbox[3] - span.bbox[3]) <= 0.5 * span.size:
                offsets.add(echo.start)
    return offsets


# Points between a bullet glyph's right edge and the echo of its code point.
ECHO_GAP = 0.5


def map_dingbat_bullets(lines: list[Line], offsets: set[int], source: str) -> tuple[list[Line], list[Removal]]:
    """Each character a symbol font drew becomes ``•``, recorded with its replacement."""
    if not offsets:
        return lines, []
    out: list[Line] = []
    removals: list[Removal] = []
    # Each run looks up the few marked offsets it covers, not each of its characters.
    marked = sorted(offsets)
    for line in lines:
        mapping = {
            pos + o - src: BULLET for pos, src, length in line.text.runs if src >= 0
            for o in marked[bisect_left(marked, src) : bisect_left(marked, src + length)]
            if line.text.string[pos + o - src] != BULLET
        }
        if not mapping:
            out.append(line)
            continue
        text, found = line.text.replace_chars(mapping, REASON, source)
        removals.extend(found)
        out.append(replace(line, text=text))
    return out, removals


def mark_lines_after_marks_set_apart(lines: list[Line]) -> tuple[list[Line], list[Removal]]:
    """Lines led by a list mark set as a glyph of its own: a line of one bullet character
    just left of a line on its row (WeasyPrint sets a list's markers so, in boxes of their
    own drawn after the list). The item's line is marked, as for a drawn mark, and the
    bullet dropped as its marker: left standing, the column of bullets read as a title
    of its own and the items, set in from the text, as indented paragraphs."""
    marks = [ln for ln in lines if ln.bbox is not None and len(ln.string) == 1 and ln.string in MARKS_SET_APART]
    if not marks:
        return lines, []
    leading: dict[int, Line] = {}
    for mark in marks:
        # An item is a line of words: a character stacked in a vertical column is none.
        item = next((ln for ln in lines if ln is not mark and ln.bbox is not None and id(ln) not in leading
                     and len(ln.string) > 1 and _set_before(mark, ln)), None)
        if item is not None:
            leading[id(item)] = mark
    if not leading:
        return lines, []
    used = {id(mark) for mark in leading.values()}
    out: list[Line] = []
    removals: list[Removal] = []
    for line in lines:
        if id(line) in used:
            _kept, cut = line.text.cut([(0, len(line.text))], "strip_bullet_marker")
            removals.extend(replace(r, bbox=line.bbox) for r in cut)
            continue
        out.append(replace(line, marked=True) if id(line) in leading else line)
    return out, removals


# List marks that are never text: the middle dots (・ ‧) part words in CJK and Japanese,
# and ※ flags a note.
MARKS_SET_APART = "".join(ch for ch in cues.BULLET_MARKS if ch not in "・‧※")


def _set_before(mark: Line, line: Line) -> bool:
    """``mark`` stands on ``line``'s row, just left of its first glyph (its box may reach a
    little into the line's: a glyph's box holds its side bearings)."""
    return _left_on_row(mark.bbox, line, MARK_TOUCH)


# A mark set as a glyph may reach this far (× the line's size) into its line's box.
MARK_TOUCH = 0.2


def _left_on_row(box, line: Line, touch: float = 0.0) -> bool:
    """``box`` centres on ``line``'s row and ends just left of its first glyph: at most
    MARK_REACH before it, at most ``touch`` (× size) into it."""
    x0, y0, _x1, y1 = line.bbox
    size = line.size or (y1 - y0)
    centre_y = (box[1] + box[3]) / 2
    return y0 <= centre_y <= y1 and -touch * size <= x0 - box[2] <= MARK_REACH * size


__all__ = ["map_dingbat_bullets", "mark_lines_after_marks_set_apart", "symbol_offsets", "is_symbol_font"]


def mark_lines_after_drawn_marks(lines: list[Line], marks: list) -> list[Line]:
    """Lines led by a list mark drawn as a shape (the disc or square an HTML renderer
    paints for a list item): no character says it is an item, so the line says it."""
    if not marks:
        return lines
    out = []
    for line in lines:
        if line.bbox is not None and not line.marked and any(_leads(mark, line) for mark in marks):
            line = replace(line, marked=True)
        out.append(line)
    return out


# A drawn mark sits left of its line's first glyph, at most this far (× the line's size).
MARK_REACH = 2.0


def _leads(mark, line: Line) -> bool:
    size = line.size or (line.bbox[3] - line.bbox[1])
    return _left_on_row(mark, line) and mark[3] - mark[1] < 0.8 * size


# Dashes lead list items in some papers and lines of dialogue in others.
_DASH_LED = regex.compile(r"^[-–—]\s+\S")
DASHES = "-–—"
# Items a dash leads stand one above the other at most this far apart (× size): a few wrapped lines.
DASH_ITEM_REACH = 5.0


def dashes_in_own_face(spans: list[PdfSpan]) -> set[int]:
    """Input offsets of dashes drawn as a span of their own in another face or size than the
    text right after them on their line: a list's bullet glyph, set in the bullet's own font."""
    out: set[int] = set()
    for k, span in enumerate(spans[:-1]):
        if len(span.text) > 3:
            continue  # most spans: words, not a lone mark (spaces around it at most)
        mark = span.text.strip()
        if len(mark) != 1 or mark not in DASHES:
            continue
        for after in spans[k + 1 : k + 4]:
            if after.key[:2] != span.key[:2]:
                break
            if not after.text.strip():
                continue  # the space after the mark, in either face
            if after.font != span.font or abs(after.size - span.size) > 0.1 * max(after.size, 1.0):
                out.add(span.start + span.text.index(mark))
            break
    return out


def mark_dash_led_items(lines: list[Line], spans: list[PdfSpan]) -> list[Line]:
    """Lines a dash leads, taken for a list's items: two or more on the page whose dash is
    set in a face or size of its own (or one, over its wrapped line hung under its text),
    or two or more at one left edge, one over the other, where an item's wrapped line
    hangs under its text. A dash opens a line of dialogue as
    well, but dialogue is set in the text's own face and wraps back to the column's edge."""
    leads = [ln for ln in lines if ln.bbox is not None and not ln.marked and ln.string[:1] in DASHES
             and _DASH_LED.match(ln.string)]
    if not leads:
        return lines
    own_face = dashes_in_own_face(spans)
    own = [ln for ln in leads if _dash_in_own_face(ln, own_face)]
    # A list of one item has its own face to go by and the hang of its wrapped line.
    chosen = {id(ln) for ln in own if len(own) >= 2 or _hangs_under(ln, lines)}
    for line in leads:
        if id(line) in chosen:
            continue
        size = line.size or (line.bbox[3] - line.bbox[1])
        partners = [other for other in leads if other is not line and abs(other.bbox[0] - line.bbox[0]) <= 1.0
                    and abs(other.bbox[1] - line.bbox[1]) <= DASH_ITEM_REACH * size]
        if partners and any(_hangs_under(ln, lines) for ln in [line, *partners]):
            chosen.add(id(line))
    if not chosen:
        return lines
    return [replace(line, marked=True) if id(line) in chosen else line for line in lines]


def _dash_in_own_face(line: Line, own_face: set[int]) -> bool:
    pos, src, _length = line.text.runs[0]
    return pos == 0 and src in own_face


def _hangs_under(item: Line, lines: list[Line]) -> bool:
    """A line right under ``item`` starts in from its dash, where the item's text starts."""
    x0, _y0, x1, y1 = item.bbox
    size = item.size or (item.bbox[3] - item.bbox[1])
    return any(0.5 * size <= ln.bbox[0] - x0 <= 3.0 * size and -0.3 * size <= ln.bbox[1] - y1 <= 0.8 * size
               and ln.bbox[0] < x1 and not _DASH_LED.match(ln.string)
               for ln in lines if ln.bbox is not None and ln is not item)
