"""Glyphs drawn twice at (nearly) one place: shadows, fake bold, fill-then-stroke passes.

Decided by geometry alone, before any text heuristic sees the page: two
characters are one glyph drawn twice when they are the same character, of
about the same size, from two different spans, with centres closer than a
quarter of the type size. Genuine repeated letters (``ll``, ``謝謝``) sit one
advance apart, at least half an em for CJK and about a quarter for the
narrowest Latin letters, and always inside one span, so they never qualify.

Which copy stays: the darker one, since a shadow or an under-copy is the
lighter; between equally dark copies (fake bold, fill + stroke), the one
drawn first, because the first pass usually carries the surrounding line and
the second is a fragment that MuPDF extracts as a line of its own, so keeping
the first leaves whole lines behind.

Text that paints nothing (render mode 3, as an OCR pass lays its searchable layer
over a page) is a copy when it lies on visible text with the same characters. Its
words need not line up glyph by glyph with the print, since OCR layers set each
word in a font of their own stretched to the word's width, so such a copy is
matched word by word; it goes as ``invisible_copy``. Invisible text over no
visible text (a scanned page's only text layer) stays.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from operator import itemgetter

import regex

from ..geometry import BBox, centre, centre_distance, union
from ..model import Removal
from .extract import PageText, PdfSpan

REASON = "duplicate_glyph"
INVISIBLE_REASON = "invisible_copy"
# An invisible word's box grown by this × type size still holds the visible word it copies.
INVISIBLE_REACH = 0.35
_WORD = regex.compile(r"\S+")
MAX_CENTRE_DISTANCE = 0.25  # × type size
MIN_SPAN_OVERLAP = 0.3  # of the smaller span's box
GLYPH_OVERLAP = 0.8  # × size: spans overlapping by a glyph's width on one baseline also qualify
SIZE_RATIO = 1.25
# Copies this close and equally dark are fake bold: the kept copy reads as bold.
FAKE_BOLD_DISTANCE = 0.12
_SLACK = 2.0  # a shadow may start a little above or left of the glyph it copies
# Two copies of a span this close in width and height (× size) advance glyph for glyph alike.
SAME_WIDTH = 0.05


@dataclass(slots=True)
class Dedupe:
    dropped: set[int] = field(default_factory=set)  # input offsets of dropped characters
    removals: list[Removal] = field(default_factory=list)
    fake_bold: set[tuple[int, int, int]] = field(default_factory=set)  # span keys of kept copies
    char_boxes: dict[int, BBox] = field(default_factory=dict)  # input offset → box, for spans read per char
    invisible: set[int] = field(default_factory=set)  # the dropped offsets that were an invisible copy
    # Span keys of kept copies of visibly redrawn type: shadowed or outlined, as display type is.
    redrawn: set[tuple[int, int, int]] = field(default_factory=set)
    unpainted: bool = False  # the page has text that paints nothing (an OCR layer, say)


def luminance(color: int) -> float:
    r, g, b = (color >> 16) & 255, (color >> 8) & 255, color & 255
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _candidate_pairs(spans: list[PdfSpan]) -> list[tuple[int, int]]:
    """Pairs of spans (earlier, later) whose boxes overlap enough to hold one glyph twice.

    A second copy of a glyph run starts inside the first copy's box (a shadow or a
    re-drawn word within a line), so for each span only the spans whose top-left
    corner lies in its box (grown up and left by the slack) are tried: a corner on or
    past the box's right or bottom edge leaves no overlap. They are found by bisection
    across the box's height (a vertical line's width), where few spans start; on an
    ordinary page no pair qualifies and no span's characters are ever read.
    """
    inked = [j for j, span in enumerate(spans) if span.painted and span.text.strip()]
    by_top = _Corners(spans, inked, 1)
    by_left: _Corners | None = None  # made for the first line set down the page: most pages have none
    pairs: set[tuple[int, int]] = set()
    # Runs for every span: the two indexes' bisections made here, not through a method.
    top_keys, top_entries = by_top.keys, by_top.entries
    # Each span's set of characters, made once: a shadowed line meets its copy and its
    # neighbours' copies, and every meeting asks for a shared character.
    glyphs: dict[int, frozenset[str]] = {}
    for i in inked:
        other = spans[i]
        ox0, oy0, ox1, oy1 = other.bbox
        # Either search finds the same corners; a box not much taller than wide (one glyph,
        # a short number) is searched across its height too, which finds its row's few spans
        # and leaves the left index unmade on a page without vertical lines.
        if oy1 - oy0 <= TALL * (ox1 - ox0):
            near = top_entries[bisect_left(top_keys, oy0 - _SLACK) : bisect_left(top_keys, oy1)]
            lo, hi = ox0 - _SLACK, ox1
        else:
            if by_left is None:
                by_left = _Corners(spans, inked, 0)
            left_keys = by_left.keys
            near = by_left.entries[bisect_left(left_keys, ox0 - _SLACK) : bisect_left(left_keys, ox1)]
            lo, hi = oy0 - _SLACK, oy1
        # The whole row (or column) of spans comes back: most lie beside the box, not in it.
        # A span starting on or past this one's right (or bottom) edge, as the next span of
        # its line does, cannot overlap it: it is left out of the search.
        for j, across in near:
            if lo <= across < hi and j != i and _may_copy(spans[j], other) and _share_char(j, i, spans, glyphs):
                pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)


# A span this many times taller than wide is a line set down the page, searched across its width.
TALL = 1.5


class _Corners:
    """Spans by one coordinate of their top-left corner (axis 0: x, 1: y), each with the
    corner's other coordinate: the corners from ``lo`` to ``hi`` are
    ``entries[bisect_left(keys, lo) : bisect_right(keys, hi)]``, (span index, other
    coordinate) each."""

    def __init__(self, spans: list[PdfSpan], indices: list[int], axis: int) -> None:
        boxes = [spans[j].bbox for j in indices]
        coords = [box[axis] for box in boxes]
        # A stable sort on the coordinate: ``indices`` ascend, so equal coordinates stay in
        # index order. Keyed by the list's own item lookup, so no Python function runs per span.
        order = sorted(range(len(indices)), key=coords.__getitem__)
        self.keys = [coords[k] for k in order]
        self.entries = [(indices[k], boxes[k][1 - axis]) for k in order]


def _may_copy(span: PdfSpan, other: PdfSpan) -> bool:
    """Type of about one size, boxes overlapping by a good share (a character in common is
    asked after, by :func:`_share_char`)."""
    ratio = span.size / other.size if other.size else 0
    if not (1 / SIZE_RATIO <= ratio <= SIZE_RATIO):
        return False
    x0, y0, x1, y1 = span.bbox
    ox0, oy0, ox1, oy1 = other.bbox
    # min()/max() of two written as the comparisons they make: this runs for every span
    # near another.
    w = (ox1 if ox1 < x1 else x1) - (ox0 if ox0 > x0 else x0)
    h = (oy1 if oy1 < y1 else y1) - (oy0 if oy0 > y0 else y0)
    area, other_area = (x1 - x0) * (y1 - y0), (ox1 - ox0) * (oy1 - oy0)
    smaller = other_area if other_area < area else area
    if w <= 0 or h <= 0 or smaller <= 0:
        return False
    # A run drawn again from a word back overlaps the one before by that word only.
    if w * h < MIN_SPAN_OVERLAP * smaller and not (w >= GLYPH_OVERLAP * span.size and h >= 0.5 * (y1 - y0)):
        return False
    return True


def _share_char(j: int, i: int, spans: list[PdfSpan], glyphs: dict[int, frozenset[str]]) -> bool:
    """Spans ``j`` and ``i`` have a character other than a space in common; ``glyphs``
    keeps each span's characters once made."""
    a = glyphs.get(j)
    if a is None:
        a = glyphs[j] = frozenset(spans[j].text.replace(" ", ""))
    b = glyphs.get(i)
    if b is None:
        b = glyphs[i] = frozenset(spans[i].text.replace(" ", ""))
    return not a.isdisjoint(b)


def find_duplicate_glyphs(page: PageText) -> Dedupe:
    spans = page.spans
    result = Dedupe()
    invisible = [j for j, span in enumerate(spans) if not span.painted and span.text.strip()]
    result.unpainted = bool(invisible)
    if invisible and len(invisible) == sum(1 for span in spans if span.text.strip()):
        # Nothing on the page is painted: the invisible layer is the page's only text
        # (a scan with OCR), and its own doubles are found as on any page.
        spans = [replace(span, painted=True) for span in spans]
        invisible = []
    pairs = _candidate_pairs(spans)
    repeats = _repeated_tokens(spans)
    if not pairs and not repeats and not invisible:
        return result
    boxes: dict[int, list[tuple[str, BBox]]] = {}

    def chars(index: int) -> list[tuple[str, BBox]]:
        if index not in boxes:
            span = spans[index]
            # A one-glyph span's box is its glyph's box: no need to read rawdict for it.
            found = boxes[index] = [(span.text, span.bbox)] if len(span.text) == 1 else page.chars_of(span)
            result.char_boxes.update(zip(range(span.start, span.start + len(found)), [box for _c, box in found]))
        return boxes[index]

    for i, j in pairs:
        first, second = spans[i], spans[j]
        matches = _whole_span_copy(first, second, result.dropped)
        if matches is None:
            matches = _match_chars(first, chars(i), second, chars(j), result.dropped)
        if not matches:
            continue
        lum_first, lum_second = luminance(first.color), luminance(second.color)
        if lum_second < lum_first - 8:
            loser, winner, lost = first, second, [a for a, _b, _d in matches]
        else:
            loser, winner, lost = second, first, [b for _a, b, _d in matches]
        if abs(lum_first - lum_second) <= 8:
            size = max(first.size, 1.0)
            mean_distance = sum(d for _a, _b, d in matches) / len(matches)
            if mean_distance <= FAKE_BOLD_DISTANCE * size:
                result.fake_bold.add(winner.key)
        result.dropped.update(loser.start + k for k in lost)
        result.redrawn.add(winner.key)
    for index, matches in repeats.items():
        if _drop_redrawn_tokens(spans[index], chars(index), matches, result.dropped):
            result.redrawn.add(spans[index].key)
    if invisible:
        result.invisible = _invisible_copies(spans, invisible, chars, result.dropped)
        result.dropped |= result.invisible
    # Only spans holding a dropped glyph can gain a dropped space or give a removal.
    touched = _spans_holding(spans, result.dropped)
    _fill_inner_spaces(touched, result.dropped)
    result.removals = _removals(page, touched, result)
    return result


# A token repeated right after itself inside one span ("to to", "• •"): either written
# so, or a run drawn again from a word back, which MuPDF keeps in the same span.
_REPEATED_TOKEN = regex.compile(r"(?<!\S)(\S+) (?=\1(?!\S))")


def _repeated_tokens(spans: list[PdfSpan]) -> dict[int, list["regex.Match"]]:
    out: dict[int, list] = {}
    for index, span in enumerate(spans):
        if " " not in span.text:
            continue  # the pattern needs a space between the copies: most CJK spans have none
        words = span.text.split()
        if len(set(words)) < len(words):  # some token comes twice: cheap before the regex
            matches = list(_REPEATED_TOKEN.finditer(span.text))
            if matches:
                out[index] = matches
    return out


def _drop_redrawn_tokens(span: PdfSpan, chars: list[tuple[str, BBox]], matches: list, dropped: set[int]) -> bool:
    """A repeated token whose second copy lies where the first was drawn is the same ink
    twice: the second copy and the space before it go. A written ``that that`` sits one
    word further on and stays."""
    limit = MAX_CENTRE_DISTANCE * max(span.size, 1.0)
    found = False
    for match in matches:
        first, length = match.start(1), len(match.group(1))
        second = match.end()
        if second + length > len(chars):
            continue
        if all(centre_distance(chars[first + k][1], chars[second + k][1]) <= limit for k in range(length)):
            dropped.update(span.start + k for k in range(match.end(1), second + length))
            found = True
    return found


def _invisible_copies(spans: list[PdfSpan], invisible: list[int], chars, dropped: set[int]) -> set[int]:
    """Offsets of the invisible words whose characters all lie, as visible ink, within
    reach of the word's box; with them, the spaces of an invisible span left empty."""
    visible = sorted((j for j, span in enumerate(spans) if span.painted and span.text.strip()),
                     key=lambda j: spans[j].bbox[1])
    tops = [spans[j].bbox[1] for j in visible]
    tallest = max((spans[j].bbox[3] - spans[j].bbox[1] for j in visible), default=0.0)
    out: set[int] = set()
    inks: dict[int, tuple[list[float], list[tuple[str, float, float]]]] = {}

    def ink_of(j: int) -> tuple[list[float], list[tuple[str, float, float]]]:
        """A visible span's kept glyphs and their centres, left to right by centre, with
        the centres' xs apart (read once): a word's box takes a slice of them by bisection,
        not a test of every glyph of the line it lies on."""
        if j not in inks:
            start = spans[j].start
            dots = sorted(((c, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2) for k, (c, box) in enumerate(chars(j))
                           if not c.isspace() and start + k not in dropped), key=itemgetter(1))
            inks[j] = ([cx for _c, cx, _cy in dots], dots)
        return inks[j]

    for i in invisible:
        span = spans[i]
        reach = INVISIBLE_REACH * max(span.size, 1.0)
        x0, y0, x1, y1 = span.bbox
        grown = (x0 - reach, y0 - reach, x1 + reach, y1 + reach)
        # Only spans whose tops lie within a span's height above the grown box can meet it.
        band = visible[bisect_left(tops, grown[1] - tallest) : bisect_right(tops, grown[3])]
        near = [ink_of(j) for j in band if _boxes_meet(spans[j].bbox, grown)]
        if not near:
            continue
        boxes = chars(i)
        for word in _WORD.finditer(span.text):
            wx0, wy0, wx1, wy1 = union(box for _c, box in boxes[word.start() : word.end()])
            wx0, wy0, wx1, wy1 = wx0 - reach, wy0 - reach, wx1 + reach, wy1 + reach
            under = Counter(c for xs, dots in near for c, _cx, cy in dots[bisect_left(xs, wx0) : bisect_right(xs, wx1)]
                            if wy0 <= cy <= wy1)
            if not Counter(word.group()) - under:
                out.update(range(span.start + word.start(), span.start + word.end()))
        if all(ch.isspace() or span.start + k in out for k, ch in enumerate(span.text)):
            out.update(range(span.start, span.end))
    return out


def _boxes_meet(a: BBox, b: BBox) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _spans_holding(spans: list[PdfSpan], offsets: set[int]) -> list[PdfSpan]:
    """The spans, in page order, that hold any of ``offsets`` (each offset lies in a span).
    The offsets are taken in order, and a span's other offsets passed over by bisection: a
    shadowed span drops every glyph it has."""
    starts = [span.start for span in spans]
    ordered = sorted(offsets)
    out: list[PdfSpan] = []
    i = 0
    while i < len(ordered):
        span = spans[bisect_right(starts, ordered[i]) - 1]
        out.append(span)
        i = bisect_left(ordered, span.end, i + 1)
    return out


def _whole_span_copy(a: PdfSpan, b: PdfSpan, dropped: set[int]) -> list[tuple[int, int, float]] | None:
    """The matches of a span drawn again whole, same text and same width, shifted by less
    than the match limit (most shadows and fake bold): every glyph moved by the boxes'
    shift, so the glyphs need not be read. None when the copy is not that plain."""
    text = a.text
    if text != b.text or text != text.strip():
        return None  # an edge space would stay behind, and its box is wanted then
    ax0, ay0, ax1, ay1 = a.bbox
    bx0, by0, bx1, by1 = b.bbox
    size = max(min(a.size, b.size), 1.0)
    if abs((ax1 - ax0) - (bx1 - bx0)) > SAME_WIDTH * size or abs((ay1 - ay0) - (by1 - by0)) > SAME_WIDTH * size:
        return None
    distance = (((bx0 + bx1 - ax0 - ax1) / 2) ** 2 + ((by0 + by1 - ay0 - ay1) / 2) ** 2) ** 0.5
    if distance > MAX_CENTRE_DISTANCE * size:
        return None
    # Set against ranges: the probes run in C, not one Python step per glyph.
    if not dropped.isdisjoint(range(a.start, a.start + len(text))) or not dropped.isdisjoint(range(b.start, b.start + len(text))):
        return None
    return [(k, k, distance) for k, ch in enumerate(text) if not ch.isspace()]


def _match_chars(a: PdfSpan, a_chars, b: PdfSpan, b_chars, dropped: set[int]) -> list[tuple[int, int, float]]:
    """(index in a, index in b, centre distance) for each glyph of b that a also drew there."""
    # a's glyphs by character, each with its centre, worked out once rather than per glyph of b.
    by_char: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
    for k, (c, box) in enumerate(a_chars):
        if not c.isspace() and a.start + k not in dropped:
            by_char[c].append((k, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2))
    limit = MAX_CENTRE_DISTANCE * max(min(a.size, b.size), 1.0)
    used: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for k, (c, box) in enumerate(b_chars):
        if c.isspace() or b.start + k in dropped or c not in by_char:
            continue
        cx, cy = centre(box)
        best, best_d = None, limit
        for ka, ax, ay in by_char[c]:
            if ka in used:
                continue
            d = ((ax - cx) ** 2 + (ay - cy) ** 2) ** 0.5
            if d <= best_d:
                best, best_d = ka, d
        if best is not None:
            used.add(best)
            out.append((best, k, best_d))
    return out


def _fill_inner_spaces(spans: list[PdfSpan], dropped: set[int]) -> None:
    """A space between two dropped characters of one span goes with them."""
    for span in spans:
        start = span.start
        # Each run of spaces between two other characters, looked at once, not per character.
        for gap in _INNER_SPACES.finditer(span.text):
            if start + gap.start() - 1 in dropped and start + gap.end() in dropped:
                dropped.update(range(start + gap.start(), start + gap.end()))


# Spaces (as str.isspace counts them: the standard re's \s) with another character either side.
_INNER_SPACES = re.compile(r"(?<=\S)\s+(?=\S)")


def _removals(page: PageText, spans: list[PdfSpan], result: Dedupe) -> list[Removal]:
    out: list[Removal] = []
    text = page.input_text
    dropped = sorted(result.dropped)
    char_boxes = result.char_boxes
    for span in spans:
        held = dropped[bisect_left(dropped, span.start) : bisect_left(dropped, span.end)]
        # Runs of consecutive offsets, each one removal. Along a run an offset less its place
        # in ``held`` stays the same, and it only grows (offsets ascend without repeats), so
        # each run's end is found by bisection, not by a step per offset.
        steps = [offset - place for place, offset in enumerate(held)]
        k = 0
        while k < len(held):
            end = bisect_right(steps, steps[k], k)
            run = held[k:end]
            start = run[0]
            box = union([char_boxes[o] for o in run if o in char_boxes]) or span.bbox
            reason = INVISIBLE_REASON if start in result.invisible else REASON
            out.append(Removal(start, run[-1] + 1, text[start : run[-1] + 1], reason, page=page.number, bbox=box))
            k = end
    return out
