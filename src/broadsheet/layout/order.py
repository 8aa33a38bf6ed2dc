"""Columns and reading order: a recursive XY-cut over line boxes, photos and frames.

At each level the region is cut where a rule runs across it, else down the
widest white gutter that runs its full height, else across the widest
white band that runs its full width; each part is cut again until no cut is
left. That reads a spanning headline before the columns under it, columns
left to right (right to left for vertical writing), and a framed box as one
unit at its place, whose own contents are then cut the same way.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter

import regex

from ..cues import BULLET_MARKS
from ..geometry import BBox, area, contains, height, union, width, x_overlap, y_overlap
from ..model import Line
from .extract import Graphics

# Gaps in multiples of the page's body type size.
MIN_GUTTER = 0.6
MIN_BAND = 0.9
BAND_OVER_LEADING = 0.5
# A band at least this deep (× body size) is the space between two stories.
STORY_BAND = 1.5
# No leading sets lines further apart than this (× body size); a wider median is a sparse page.
MAX_LEADING_GAP = 1.2
# Between lines of different type (a headline over its byline) a narrower band cuts.
MIN_STYLE_BAND = 0.25
STYLE_CHANGE = 1.12
MIN_STYLE_GUTTER = 0.02
# The outer band of the page (share of its width or height) that holds only furniture.
MARGIN_BAND = 0.06
# Type this much larger than the body (×) is headline type.
HEADLINE_TYPE = 1.3
# Marks a CJK line may hang past its column's right edge (at most two of them).
HANGING_MARKS = "，。、；：？！」』”’）》〉"
# Opening marks a typesetter may hang left of a CJK column's edge.
OPENING_MARKS = "「『“‘（《〈【〔"
MAX_TOP_ROWS = 4
PHOTO_EDGE = 450
# A line ending in one of these is complete: nothing below it is its wrapped tail.
FINISHED_LINE = "。！？.!?）)」』”’\"'"

# Lines narrower than this share of a region are column lines, not spanning ones.
NARROW_SHARE = 0.55
# A rule this wide (share of the page) within this band of the top or bottom closes off furniture.
FURNITURE_RULE_WIDTH = 0.7
FURNITURE_BAND = 0.15
# A foot rule's band holds this many rows of type at most.
FOOT_ROWS = 2
# A rule separates when it crosses this share of the region it would cut.
RULE_COVERAGE = 0.6


@dataclass(slots=True)
class Item:
    bbox: BBox
    kind: str  # "line" | "photo" | "frame"
    line: Line | None = None
    children: list["Item"] = field(default_factory=list)  # a frame's contents
    # The box less a hanging mark: every cut reads it, so it is computed once, up front.
    trimmed: BBox = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.trimmed = _without_hanging_mark(self)


@dataclass(slots=True)
class Leaf:
    """Lines of one column segment, in reading order."""

    lines: list[Line]
    frame: BBox | None
    photos: list[BBox] = field(default_factory=list)
    margin: bool = False  # read apart from the page's outer band: running heads, folios
    # The right edge of the column, when the segment is too short to show it (a column's
    # tail resumed under a photo).
    column_right: float | None = None


def reading_order(lines: list[Line], graphics: Graphics, body: float, vertical: set[int],
                  page_rect: BBox | None = None) -> list[Leaf]:
    """Leaves in reading order. ``vertical`` holds ids of lines set in vertical writing.

    Lines wholly inside the page's outer margin (running heads, folios, a stamp up
    the side) are read apart, before or after the rest: one such line spanning the
    columns would otherwise leave the XY-cut no gutter to cut down.
    """
    head: list[Line] = []
    tail: list[Line] = []
    if page_rect is not None:
        inner = []
        top, bottom = _furniture_rules(graphics.h_rules, page_rect, lines, body)
        # The text block's own edges: a short word flush with a column's edge is not a
        # margin note, however close to the paper's edge the column is set.
        wide_enough = 0.15 * width(page_rect)
        wide = [ln.bbox for ln in lines if width(ln.bbox) >= wide_enough]
        left = min((b[0] for b in wide), default=page_rect[2])
        right = max((b[2] for b in wide), default=page_rect[0])
        sides = {}
        inner_box = _inside_margin_band(page_rect)
        for line in lines:
            where = _margin_side(line.bbox, inner_box)
            if where == "side" and left - 1.0 < line.bbox[2] and line.bbox[0] < right + 1.0:
                where = None
            ruled = False
            if where is None and line.bbox[3] <= top + 1.0:
                where, ruled = "top", True
            elif where is None and line.bbox[1] >= bottom - 1.0:
                where, ruled = "bottom", True
            sides[id(line)] = (where, ruled)
        for line in lines:
            where, ruled = sides[id(line)]
            # In the band but set as the next line of a column running into it: text, not
            # furniture (a rule closing off the band settles it either way).
            if where in ("top", "bottom") and not ruled and _continues_a_column(line, lines, sides, where):
                where = None
            elif where == "top" and not ruled and _labels_a_headline(line, lines, sides):
                where = None
            (head if where == "top" else tail if where else inner).append(line)
        lines = inner
    leaves = _read(lines, graphics, body, vertical)
    before = [Leaf([ln], None, margin=True) for ln in sorted(head, key=lambda ln: (ln.bbox[1], ln.bbox[0]))]
    after = [Leaf([ln], None, margin=True) for ln in sorted(tail, key=lambda ln: (ln.bbox[1], ln.bbox[0]))]
    return before + leaves + after


def _continues_a_column(line: Line, lines: list[Line], sides: dict, where: str) -> bool:
    box = line.bbox
    reach = 2.0 * (line.size or 10.0)
    for other in lines:
        if other is line or sides[id(other)][0] is not None:
            continue
        ob = other.bbox
        if x_overlap(ob, box) <= 0 or abs((other.size or 0) - (line.size or 0)) > 0.05 * (line.size or 10.0):
            continue
        gap = box[1] - ob[3] if where == "bottom" else ob[1] - box[3]
        if -1.0 <= gap <= reach:
            return True
    return False


def _labels_a_headline(line: Line, lines: list[Line], sides: dict) -> bool:
    """A line in the top band set right over larger type below the band (a story's label
    over its headline, the page's first): a kicker, not a running head."""
    box, size = line.bbox, line.size or 10.0
    return any(kicker_over(box, size, other.bbox, other.size or 0) for other in lines
               if other is not line and sides[id(other)][0] is None)


def kicker_over(box: BBox, size: float, other: BBox, other_size: float) -> bool:
    """Type in ``box`` stands right over larger type in ``other``, within its width: as a
    story's label stands over its headline."""
    return other_size >= KICKER_TYPE * size and 0 <= other[1] - box[3] <= KICKER_REACH * size \
        and x_overlap(other, box) >= 0.8 * width(box)


# A kicker's headline is set this much larger (×) and at most this far under it (× its size).
KICKER_TYPE = 1.15
KICKER_REACH = 0.9


def _furniture_rules(h_rules: list[BBox], page: BBox, lines: list[Line], body: float) -> tuple[float, float]:
    """The full-width rules that close off a page's top band (folio, section, paper, date)
    and its foot line, if the page draws them; else the page's own edges. Under the
    masthead's rule a second one may close off a dateline row: one row of small type."""
    w, h = width(page), height(page)
    wide = [r for r in h_rules if width(r) >= FURNITURE_RULE_WIDTH * w]
    tops = sorted(r[3] for r in wide if r[3] <= page[1] + FURNITURE_BAND * h)
    # A foot rule closes off a row or two of small type; a box of its own under it (a
    # title, items) is a story set at the page's foot, under the rule closing the one above.
    bottoms = [r[1] for r in wide if r[1] >= page[3] - FURNITURE_BAND * h and _furniture_under(r[1], lines, body)]
    top = tops[0] if tops else page[1]
    for lower in tops[1:]:
        between = [ln for ln in lines if ln.bbox[1] >= top - 1.0 and ln.bbox[3] <= lower + 1.0]
        if not between or len(_visual_rows(between)) > 1 or any((ln.size or body) > body for ln in between):
            break
        top = lower
    return (top, max(bottoms) if bottoms else page[3])


def _furniture_under(y: float, lines: list[Line], body: float) -> bool:
    under = [ln for ln in lines if ln.bbox[1] >= y - 1.0]
    return len(_visual_rows(under)) <= FOOT_ROWS and not any((ln.size or body) > body for ln in under)


def _inside_margin_band(page: BBox) -> BBox:
    """The box the page's outer band runs round: worked out once a page, not per line."""
    w, h = width(page), height(page)
    return (page[0] + MARGIN_BAND * w, page[1] + MARGIN_BAND * h, page[2] - MARGIN_BAND * w, page[3] - MARGIN_BAND * h)


def _margin_side(box: BBox, inner: BBox) -> str | None:
    """The side of the page's outer band the box lies wholly in (``inner``: the box the band runs round)."""
    if box[3] <= inner[1]:
        return "top"
    if box[1] >= inner[3]:
        return "bottom"
    if box[2] <= inner[0] or box[0] >= inner[2]:
        return "side"
    return None


def _hung_opening_marks(lines: list[Line]) -> dict[int, float]:
    """Lines opening on a bracket, a quote or a list mark that the typesetter hung left of
    the column (Typst hangs half of 「 so; TeX sets a wide list mark out into the margin),
    by how far: a line over or under it, in the same column, starts that much (a third to
    two thirds of an em) further right. Left in, the hung mark narrows the gutter to the
    column on the left below what parts columns. A list mark's own item wrapped under it
    (a hanging indent) shows no column edge: for a mark, the line showing the edge is
    running text over the list."""
    # The lines opening on a mark, by their tops: few on any page.
    marked = sorted((ln for ln in lines if ln.string[:1] in HANGING_OPENERS and ln.size), key=lambda ln: ln.bbox[1])
    if not marked:
        return {}
    list_marks = [ln for ln in lines if ln.string[:1] in BULLET_MARKS]
    # Each marked line looks only at the lines whose tops lie near its own (a little wider
    # than the test below, which then decides), in page order, not at every line of the page.
    by_top = sorted(range(len(lines)), key=lambda k: lines[k].bbox[1])
    tops = [lines[k].bbox[1] for k in by_top]
    out: dict[int, float] = {}
    for line in marked:
        box, size = line.bbox, line.size
        list_mark = line.string[:1] in BULLET_MARKS
        reach = 2.5 * size + 1.0
        near = sorted(by_top[bisect_left(tops, box[1] - reach) : bisect_right(tops, box[1] + reach)])
        for k in near:
            other = lines[k]
            ob = other.bbox
            if other is not line and abs(ob[1] - box[1]) <= 2.5 * size and x_overlap(ob, box) > 0 \
                    and HUNG_MIN * size <= ob[0] - box[0] <= HUNG_MAX * size and abs((other.size or 0) - size) < 0.05 * size \
                    and not (list_mark and (ob[1] >= box[1] or _wraps_an_item(other, list_marks, box[0], size))):
                out[id(line)] = ob[0] - box[0]
                break
    # The marks of a list down a column hang alike: the next mark under a hung one hangs
    # by as much, though only the first has a line of text by it.
    if out:
        for k, lower in enumerate(marked):
            if id(lower) in out:
                continue
            upper = next((up for up in reversed(marked[:k]) if id(up) in out
                          and abs(lower.bbox[0] - up.bbox[0]) <= 0.05 * up.size
                          and 0 < lower.bbox[1] - up.bbox[1] <= 2.5 * up.size), None)
            if upper is not None:
                out[id(lower)] = out[id(upper)]
    return out


def _wraps_an_item(line: Line, list_marks: list[Line], mark_x: float, size: float) -> bool:
    """The line sits just under one of ``list_marks`` (lines opening on a list mark) set at
    ``mark_x``: the wrapped text of that item."""
    top = line.bbox[1]
    return any(abs(o.bbox[0] - mark_x) <= 0.05 * size and 0 < top - o.bbox[1] <= 2.5 * size for o in list_marks)


HANGING_OPENERS = OPENING_MARKS + BULLET_MARKS
# A bracket or list mark hung left of its column's edge stands out by this much of an em.
HUNG_MIN, HUNG_MAX = 0.3, 0.7


def _read(lines: list[Line], graphics: Graphics, body: float, vertical: set[int]) -> list[Leaf]:
    frames = [f for f in sorted(graphics.frames, key=area) if any(contains(f, ln.bbox, 2.0) for ln in lines)]
    frames = _outermost_distinct(frames)
    frame_items = [Item(f, "frame") for f in frames]
    top: list[Item] = []
    hung = _hung_opening_marks(lines)
    for line in lines:
        holder = next((fi for fi in frame_items if contains(fi.bbox, line.bbox, 2.0)), None) if frame_items else None
        item = Item(line.bbox, "line", line)
        if hung and id(line) in hung:
            x0, y0, x1, y1 = item.trimmed
            item.trimmed = (x0 + hung[id(line)], y0, x1, y1)
        (holder.children if holder else top).append(item)
    for fi in frame_items:
        if fi.children:
            top.append(fi)
    for photo in graphics.photos:
        if not any(contains(fi.bbox, photo, 2.0) for fi in frame_items):
            top.append(Item(photo, "photo"))
    rules = (graphics.h_rules, graphics.v_rules)
    # A band between rows must be wider than the white space between two lines of
    # a paragraph, which loose CJK leading can make as wide as the type is tall.
    horizontal = [ln for ln in lines if id(ln) not in vertical]
    band = max(MIN_BAND * body, min(line_gap(horizontal), MAX_LEADING_GAP * body) + BAND_OVER_LEADING * body)
    leaves: list[Leaf] = []
    for group in _cut(top, rules, body, vertical, band):
        _emit(group, None, rules, body, vertical, leaves, band)
    for photo in graphics.photos:
        leaves = _columns_resumed_under(photo, leaves, body, graphics.photos)
    # A framed box set across a story's columns interrupts them as a photo does.
    for frame in frames:
        leaves = _columns_resumed_under(frame, leaves, body, graphics.photos)
    return leaves


# How far (× body size) under a photo the text resuming its columns may start: room for a caption.
RESUME_DEPTH = 5.0
# ...and how far over it (× body size) the text it interrupts may stop.
RESUME_GAP = 3.0
# A paragraph's first line may be set in this far (× body size) from its column's left edge.
INDENT_ROOM = 2.5


def _columns_resumed_under(photo: BBox, leaves: list[Leaf], body: float, photos: Sequence[BBox] = ()) -> list[Leaf]:
    """A photo set across the middle of a story's columns, each column running on under it:
    the cut across the photo read the row of columns above, then the row under it. Each
    column's part under the photo is read right after its part above, when most of the
    parts above stop mid-sentence at the photo and no headline starts under it."""
    slack = 0.5 * body
    # Running text only: columns of body type, not a byline or a headline over the photo;
    # a column may stop on a subhead, whose text then has to follow under the photo.
    above = [
        lf for lf in leaves
        if lf.lines and not lf.margin and lf.frame is None
        and ((len(lf.lines) >= 2 or _running_line(lf.lines[-1], body)) and _in_body_type(lf.lines[-1], body)
             or _stops_on_subhead(lf, body))
        and photo[0] - slack <= lf.lines[-1].bbox[0] and lf.lines[-1].bbox[2] <= photo[2] + slack
        and -1.0 <= photo[1] - lf.lines[-1].bbox[3] <= RESUME_GAP * body
    ]
    # A subhead with its text under it, over the photo, is no column's end.
    above = [lf for lf in above if not _stops_on_subhead(lf, body) or not any(
        other is not lf and x_overlap(other.lines[0].bbox, lf.lines[-1].bbox) > 0
        and lf.lines[-1].bbox[3] - 1.0 <= other.lines[0].bbox[1] < photo[1] for other in above)]
    if len(above) < 2 or _headed_apart(above, leaves, photo, body) or _headed_beside(photo, above, leaves, photos, body):
        return leaves
    stopped = [lf for lf in above if not _finished(lf.lines[-1])]
    under = [ln for lf in leaves if not lf.margin and lf.frame is None for ln in lf.lines
             if ln.bbox[1] >= photo[3] - 1.0 and x_overlap(ln.bbox, photo) > 0]
    moved: dict[int, tuple[list[Line], float]] = {}  # leaf id → its column's part under the photo, right edge
    taken: set[int] = set()
    lefts = [min(ln.bbox[0] for ln in lf.lines) for lf in above]
    for lf, left in zip(above, lefts):
        last = lf.lines[-1]
        size = body if _stops_on_subhead(lf, body) else last.size or 0
        right = max(ln.bbox[2] for ln in lf.lines)
        # Ragged lines under the photo may run past the longest above it, short of the next column.
        reach = min([x for x in lefts if x > right] + [max(right, photo[2]) + slack])
        column = [ln for ln in under if id(ln) not in taken and left - slack <= ln.bbox[0] <= left + INDENT_ROOM * body
                  and ln.bbox[2] < reach and abs((ln.size or 0) - size) < 0.05 * body]
        column.sort(key=lambda ln: ln.bbox[1])
        if not column or column[0].bbox[1] > photo[3] + RESUME_DEPTH * body:
            continue
        run = [column[0]]
        for ln in column[1:]:
            if ln.bbox[1] - run[-1].bbox[3] > MAX_LEADING_GAP * body:
                break
            run.append(ln)
        moved[id(lf)] = (run, right)
        taken.update(id(ln) for ln in run)
    if not moved:
        return leaves
    # Most columns stopping mid-sentence over the photo tell; so does each one that stops
    # going on under the photo in lower case, mid-sentence past doubt; so do the parts under
    # the photo stopping mid-sentence at their feet, each but the last column's, to go on
    # at the top of the next column.
    if 2 * len(stopped) <= len(above) and not (stopped and all(_goes_on_lower_case(lf, under, photo, body) for lf in stopped)) \
            and not _feet_run_on(moved) and not _paragraphs_agree_down_columns(above, moved, body):
        return leaves
    # A headline between the photo and the text under it starts the next story there.
    resumed_by = max(run[0].bbox[1] for run, _right in moved.values())
    if any((ln.size or 0) >= HEADLINE_TYPE * body and ln.bbox[1] <= resumed_by for ln in under):
        return leaves
    out: list[Leaf] = []
    for lf in leaves:
        kept = [ln for ln in lf.lines if id(ln) not in taken]
        if kept or lf.photos or not lf.lines:
            out.append(lf if len(kept) == len(lf.lines) else replace(lf, lines=kept))
        if id(lf) in moved:
            run, right = moved[id(lf)]
            out.append(Leaf(run, lf.frame, column_right=right))
    return out


# How far (× body) over the tops of the columns stopping at a photo their headlines may stand.
HEADED_REACH = 4.0


def _in_body_type(line: Line, body: float) -> bool:
    """Set in the page's body size, give or take a tenth (a column's running text)."""
    return abs((line.size or 0) - body) <= 0.1 * body


def _stops_on_subhead(leaf: Leaf, body: float) -> bool:
    """The column's last line is a subhead, a little larger than the body type: alone, or
    under the column's text."""
    lines = leaf.lines
    return (len(lines) == 1 or _in_body_type(lines[-2], body)) \
        and SUBHEAD_TYPE * body <= (lines[-1].size or 0) < HEADLINE_TYPE * body


# A subhead is set at least this much (× body) larger than the text.
SUBHEAD_TYPE = 1.08


def _paragraphs_agree_down_columns(above: list[Leaf], moved: dict[int, tuple[list[Line], float]], body: float) -> bool:
    """Read down each column past the photo, more column breaks fall where paragraphs do
    (a finished sentence, then an indented line; mid-sentence, then a flush one) than read
    across the row over the photo first."""
    columns = sorted((lf for lf in above if id(lf) in moved), key=lambda lf: lf.lines[0].bbox[0])
    if len(columns) < 2:
        return False

    def agrees(last: Line, first: Line, left: float) -> bool:
        return _finished(last) == (first.bbox[0] > left + INDENT_SHARE * (first.size or body))

    lefts = [min(ln.bbox[0] for ln in lf.lines) for lf in columns]
    down = sum(agrees(lf.lines[-1], moved[id(lf)][0][0], left) for lf, left in zip(columns, lefts))
    across = sum(agrees(a.lines[-1], b.lines[0], left) for a, b, left in zip(columns, columns[1:], lefts[1:]))
    # Across the row, the last column over the photo runs on under the first one.
    across += agrees(columns[-1].lines[-1], moved[id(columns[0])][0][0], lefts[0])
    return down > across


# A first line set in this far (× its size) from its column's edge is indented.
INDENT_SHARE = 0.5


def _feet_run_on(moved: dict[int, tuple[list[Line], float]]) -> bool:
    """The columns' parts under the photo (of three columns at least) stop mid-sentence, all
    but the rightmost: each runs on at the top of the next column, not into the next part."""
    runs = sorted((run for run, _right in moved.values()), key=lambda run: run[0].bbox[0])
    return len(runs) >= 3 and not any(_finished(run[-1]) for run in runs[:-1])


def _goes_on_lower_case(leaf: Leaf, under: list[Line], photo: BBox, body: float) -> bool:
    """The first line under the photo in the leaf's column opens in lower case (Latin)."""
    left, size = min(ln.bbox[0] for ln in leaf.lines), leaf.lines[-1].size or 0
    # The column's own type: a caption under the photo is not its text.
    column = [ln for ln in under if abs(ln.bbox[0] - left) <= INDENT_ROOM * body and ln.bbox[1] <= photo[3] + RESUME_DEPTH * body
              and abs((ln.size or 0) - size) < 0.05 * body]
    first = min(column, key=lambda ln: ln.bbox[1], default=None)
    return first is not None and first.string[:1].islower()


def _headed_apart(above: list[Leaf], leaves: list[Leaf], photo: BBox, body: float) -> bool:
    """The columns stopping at the photo stand under two headlines side by side: the photo
    runs under two stories, not across the middle of one, and a column stopping mid-sentence
    there goes on at the top of its story's next column."""
    # Headline type from a little over the columns' tops down to the photo (a rail headline
    # stands level with its columns).
    top = min(lf.lines[0].bbox[1] for lf in above) - HEADED_REACH * body
    heads = [ln.bbox for lf in leaves for ln in lf.lines
             if (ln.size or 0) >= HEADLINE_TYPE * body and top <= ln.bbox[1] and ln.bbox[3] <= photo[1] + 1.0
             and x_overlap(ln.bbox, photo) > 0]
    return any(x_overlap(a, b) <= 0 for i, a in enumerate(heads) for b in heads[i + 1:])


def _headed_beside(photo: BBox, above: list[Leaf], leaves: list[Leaf], photos: Sequence[BBox], body: float) -> bool:
    """A headline in a rail of its own stands beside the photo, level with it and under the
    columns stopping over it, a gutter away: the photo is the picture at the head of that
    headline's story, and the text under it is that story's, not the story's above running
    on. A headline with its text or picture under it heads a story beside the photo instead;
    big type ending a sentence is a pull quote."""
    foot = max(lf.lines[-1].bbox[3] for lf in above)
    lines = [ln for lf in leaves for ln in lf.lines]
    return any((ln.size or 0) >= HEADLINE_TYPE * body and foot - 1.0 <= ln.bbox[1] < photo[3]
               and 0 <= max(photo[0] - ln.bbox[2], ln.bbox[0] - photo[2]) <= BESIDE_GUTTER * body
               and not _finished(lf.lines[-1]) and not _set_under(ln.bbox, lines, photos, body)
               for lf in leaves for ln in lf.lines)


def _set_under(head: BBox, lines: list[Line], photos: Sequence[BBox], body: float) -> bool:
    """Body type or a picture starts under the headline line, in its column, within a deck's depth."""
    return any(x_overlap(p, head) > 0 and 0 <= p[1] - head[3] <= RAIL_DEPTH * body for p in photos) or any(
        _in_body_type(ln, body) and x_overlap(ln.bbox, head) > 0
        and 0 <= ln.bbox[1] - head[3] <= RAIL_DEPTH * body for ln in lines)


# How far (× body) from a photo's side a headline beside it may stand: a gutter, no column.
BESIDE_GUTTER = 3.0
# Under a rail headline, no body type this near (× body): a deck's depth and the air round it.
RAIL_DEPTH = 8.0


def _finished(line: Line) -> bool:
    """The line ends on a sentence's stop or a closing mark."""
    return line.string.rstrip()[-1:] in FINISHED_LINE


def _running_line(line: Line, body: float) -> bool:
    """A line of running text cut off mid-sentence (a leaf of one line after a subhead),
    not a byline or a title: body type, a good length, no closing mark."""
    string = line.string.rstrip()
    return abs((line.size or 0) - body) <= 0.05 * body and len(string) >= RUNNING_LINE_CHARS \
        and string[-1:] not in FINISHED_LINE


# A line of running text holds at least this many characters (a byline or a title fewer).
RUNNING_LINE_CHARS = 10


def line_gap(lines: list[Line]) -> float:
    """The usual white space between a line and the next one under it in its column."""
    boxes = sorted((ln.bbox for ln in lines), key=itemgetter(1))
    tops = [b[1] for b in boxes]
    gaps: list[float] = []
    for i, (x0, y0, x1, y1) in enumerate(boxes):
        floor = y1 - 0.5 * (y1 - y0)
        # The boxes of this row are the ones up to the floor: skipped by bisection, within
        # the same look-ahead of 39 boxes.
        for ox0, oy0, ox1, oy1 in boxes[bisect_left(tops, floor, i + 1) : i + 40]:
            if ox0 >= x1 or ox1 <= x0:
                continue  # in another column
            # min()/max() of two as the comparisons they make: this runs for every line.
            shared = (ox1 if ox1 < x1 else x1) - (ox0 if ox0 > x0 else x0)
            if shared > 0.5 * (ox1 - ox0 if ox1 - ox0 < x1 - x0 else x1 - x0):
                gap = oy0 - y1
                gaps.append(gap if gap > 0.0 else 0.0)
                break
    if not gaps:
        return 0.0
    gaps.sort()
    return gaps[len(gaps) // 2]


def _outermost_distinct(frames: list[BBox]) -> list[BBox]:
    """Frames that do not nest in another frame (a box drawn twice, or a frame round a frame)."""
    keep: list[BBox] = []
    for f in sorted(frames, key=area, reverse=True):
        if not any(contains(k, f, 2.0) for k in keep):
            keep.append(f)
    return keep


def _emit(group: list[Item], frame: BBox | None, rules, body: float, vertical: set[int], out: list[Leaf], band: float) -> None:
    lines = [it for it in group if it.kind == "line"]
    photos = [it.bbox for it in group if it.kind == "photo"]
    frames = [it for it in group if it.kind == "frame"]
    if not frames:
        if lines or photos:
            for part in _apart_by_type([it.line for it in lines], body):
                out.append(Leaf(_rows(part, vertical), frame, photos))
                photos = []
        return
    # A frame the cut could not separate from its neighbours: read it at its place.
    pending = sorted(group, key=lambda it: (it.bbox[1], it.bbox[0]))
    run: list[Item] = []
    for item in pending:
        if item.kind == "frame":
            if run:
                _emit(run, frame, rules, body, vertical, out, band)
                run = []
            for sub in _cut(item.children, rules, body, vertical, band):
                _emit(sub, item.bbox, rules, body, vertical, out, band)
        else:
            run.append(item)
    if run:
        _emit(run, frame, rules, body, vertical, out, band)


def _apart_by_type(lines: list[Line], body: float) -> list[list[Line]]:
    """Headline type and body type sharing rows (a headline rail pressed against its
    columns, no white between them) are two segments, never one interleaved one."""
    # A drop cap (one big letter) stays with the text it opens.
    big = [ln for ln in lines if (ln.size or 0) >= HEADLINE_TYPE * body and len(ln.string) > 1]
    small = [ln for ln in lines if not ((ln.size or 0) >= HEADLINE_TYPE * body and len(ln.string) > 1)]
    if not big or not small:
        return [lines]
    shared = any(
        y_overlap(b.bbox, s.bbox) > 0.5 * min(height(b.bbox), height(s.bbox)) for b in big for s in small
    )
    if not shared:
        return [lines]
    parts = sorted((big, small), key=lambda part: min(ln.bbox[1] for ln in part))
    return parts


def _rows(lines: list[Line], vertical: set[int]) -> list[Line]:
    """Lines of a column segment in reading order; fragments of one visual row left to right."""
    if lines and sum(1 for ln in lines if id(ln) in vertical) > len(lines) / 2:
        return sorted(lines, key=lambda ln: (-ln.bbox[2], ln.bbox[1]))
    return [ln for row in _visual_rows(lines) for ln in (row if len(row) == 1 else sorted(row, key=_left_edge))]


def _left_edge(line: Line) -> float:
    return line.bbox[0]


def _gaps(boxes: list[BBox], axis: int) -> list[tuple[float, float]]:
    """White intervals between the boxes' extents along one axis (0: x, 1: y)."""
    # Runs twice at every cut: sorted on the near edge alone (a float key sorts about twice
    # as fast as an (edge, edge) pair). Which of two extents starting at one place comes
    # first changes nothing unless one of them ends before it starts.
    far = axis + 2
    ordered = sorted(boxes, key=itemgetter(axis))
    out: list[tuple[float, float]] = []
    reach = ordered[0][far]
    for box in ordered:
        lo, hi = box[axis], box[far]
        if hi < lo:
            return _gaps_of_extents(sorted(map(itemgetter(axis, far), boxes)))
        if lo > reach:
            out.append((reach, lo))
        if hi > reach:
            reach = hi
    return out


def _gaps_of_extents(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """:func:`_gaps` over (start, end) extents sorted on both."""
    out: list[tuple[float, float]] = []
    reach = spans[0][1]
    for lo, hi in spans[1:]:
        if lo > reach:
            out.append((reach, lo))
        if hi > reach:
            reach = hi
    return out


def _is_vertical_region(items: list[Item], vertical: set[int]) -> bool:
    if not vertical:
        return False
    lines = [it for it in items if it.kind == "line"]
    return bool(lines) and sum(1 for it in lines if id(it.line) in vertical) > len(lines) / 2


def _cut(items: list[Item], rules, body: float, vertical: set[int], band: float) -> list[list[Item]]:
    if len(items) <= 1:
        return [items]
    boxes = [it.bbox for it in items]
    region = union(boxes)
    h_rules, v_rules = rules
    best: tuple[float, int, float, float] | None = None  # (priority, axis, position, the gap's width)
    # Vertical writing is set in tiers across the page, each read right to left:
    # there the band between tiers outranks the gaps between columns.
    tiers_first = _is_vertical_region(items, vertical)
    gap_sets = ((1, _gaps(boxes, 1)), (0, _gaps([it.trimmed for it in items], 0)))
    # Every gap of the region is weighed against these: worked out once, not per gap.
    gutter, story_band = MIN_GUTTER * body, max(band, STORY_BAND * body)
    # White gaps and rules first; the weaker, costlier cues only where neither cuts.
    for axis, gaps in gap_sets:
        rule_set = [r for r in (h_rules if axis == 1 else v_rules) if _reaches(r, region)]
        extent = width(region) if axis == 1 else height(region)
        for lo, hi in gaps:
            size = hi - lo
            if rule_set and any(_rule_in_gap(r, lo, hi, region, axis, extent)
                                and (axis == 0 or not _column_past_rule(r, boxes, lo, hi)) for r in rule_set):
                priority = 3000 + size
            elif axis == 0 and size >= gutter:
                priority = (1000 if tiers_first else 2000) + size
            elif axis == 1 and size >= story_band and not tiers_first:
                # White this deep between rows parts stories stacked in a grid; it outranks
                # a narrower column gutter that happens to run through all of them. Not the
                # air over a subhead in one column, though: that parts nothing.
                if _subhead_air_in_one_column(items, lo, hi, body):
                    continue
                priority = 2000 + size
            elif axis == 1 and size >= band:
                priority = (2000 if tiers_first else 1000) + size
            else:
                continue
            if best is None or priority > best[0]:
                best = (priority, axis, (lo + hi) / 2, size)
    # Items kept above the cut whatever their centres: a photo and the caption hanging into the band.
    held: list[Item] = []
    has_photo = any(it.kind == "photo" for it in items)
    if not tiers_first and (best is None or not ruled_cut(best[0])) and has_photo:
        past_photo = _band_past_photo(items, body, band)
        if past_photo is not None:
            lo, hi, group = past_photo
            priority = (2000 if hi - lo >= STORY_BAND * body else 1000) + hi - lo
            if best is None or priority > best[0]:
                best, held = (priority, 1, (lo + hi) / 2, hi - lo), group
    if best is None:
        edges: _TypeEdges | None = None  # sorted on first use: most regions left here have no band that wide
        for axis, gaps in gap_sets:
            for lo, hi in gaps:
                size = hi - lo
                if axis == 1 and size >= MIN_STYLE_BAND * body and (edges := edges or _TypeEdges(items)).type_changes(lo, hi):
                    priority = 500 + size
                elif axis == 1 and has_photo and size >= MIN_STYLE_GUTTER * body and _photo_edge(items, lo, hi):
                    priority = PHOTO_EDGE + size  # a photo's top or foot parts the text above from below
                elif axis == 0 and size >= MIN_STYLE_GUTTER * body and _type_changes_across(items, lo, hi):
                    priority = 400 + size
                else:
                    continue
                if best is None or priority > best[0]:
                    best = (priority, axis, (lo + hi) / 2, size)
    if best is None:
        # Both searches below look for a gutter among some of the items: asked once for both.
        if _no_gutter_in_any_part(items):
            return [items]
        groups = _split_off_spanning_band(items, region, body) or _split_off_top_rows(items, body)
        if groups is None or len(groups) < 2:
            return [items]
        return [leaf for group in groups for leaf in _cut(group, rules, body, vertical, band)]
    _priority, axis, position, gap = best
    before: list[Item] = []
    after: list[Item] = []
    # Each item goes by its centre; halving is exact, so the edges' sum is held against the
    # doubled position instead, one division less per item.
    far, doubled = axis + 2, 2 * position
    for it in items:
        box = it.bbox
        (before if box[axis] + box[far] < doubled else after).append(it)
    if held:
        before = before + [it for it in held if it in after]
        after = [it for it in after if it not in held]
    if not before or not after:
        return [items]
    if axis == 0 and not ruled_cut(best[0]) and (_one_row(before, after, body) or _one_row(after, before, body)):
        return [items]  # a number or label tabbed away from its line, not a column
    if axis == 0 and not ruled_cut(best[0]) and _only_marks(before):
        return [items]  # bullets hung in the margin of their list, not a column
    if axis == 0 and gap < STACKED_GUTTER * body and not ruled_cut(best[0]) and not tiers_first \
            and _stacked_across_narrow_white(before, after, body, band):
        return [items]  # a line and the line under it, in one column
    if axis == 1:
        lowest = max(it.bbox[3] for it in before)
        edge = [it for it in before if it.bbox[3] >= lowest - 1.0]
        edge, after = _with_wrapped_tails(edge, after)
        before = before + [it for it in edge if it not in before]
    if not before or not after:
        return [items]  # the far side was all wrapped tails (or held items): no cut after all
    if axis == 0 and _is_vertical_region(items, vertical):
        before, after = after, before  # vertical writing reads right to left
    return _cut(before, rules, body, vertical, band) + _cut(after, rules, body, vertical, band)


def _stacked_across_narrow_white(before: list[Item], after: list[Item], body: float, band: float) -> bool:
    """Two sides of a narrow gutter (under STACKED_GUTTER, which the caller tests first:
    this is asked only of such cuts) that share no row and stand a line's leading apart,
    neither parted by a gutter of its own: a paragraph's short last line under its indented
    first (``映。`` under ``　　電影將於…上``), where the white is the indent and a hanging
    stop's trimmed half. A column gutter parts text set side by side; this is one column."""
    top_b, foot_b = min(it.bbox[1] for it in before), max(it.bbox[3] for it in before)
    top_a, foot_a = min(it.bbox[1] for it in after), max(it.bbox[3] for it in after)
    white = top_a - foot_b if foot_b <= top_a else top_b - foot_a if foot_a <= top_b else None
    if white is None or white >= band:
        return False
    gutter = MIN_GUTTER * body
    return not any(hi - lo >= gutter for side in (before, after) for lo, hi in _gaps([it.trimmed for it in side], 0))


# A gutter narrower than this (× body) between sides sharing no row parts no columns.
STACKED_GUTTER = 1.0


def _subhead_air_in_one_column(items: list[Item], lo: float, hi: float, body: float) -> bool:
    """The white across the region from ``lo`` to ``hi`` is only the air over a subhead in
    one column: everything under it stands on one side of a gutter between the rows just
    over it, where that column runs down to the white, while the other side's text stopped
    well above it. Read column by column, the subhead stays in its column."""
    below = [it for it in items if it.bbox[1] >= hi - 0.5]
    near = [it for it in items if it.bbox[3] <= lo + 0.5 and it.bbox[3] >= lo - NEAR_ROWS * body]
    if not below or not near:
        return False
    gaps = [(a, b) for a, b in _gaps([it.trimmed for it in near + below], 0) if b - a >= MIN_GUTTER * body]
    for g_lo, g_hi in gaps:
        left = all(it.bbox[2] <= g_lo + 0.5 for it in below)
        right = all(it.bbox[0] >= g_hi - 0.5 for it in below)
        if left == right:
            continue
        same = [it.bbox[3] for it in near if (it.bbox[2] <= g_lo + 0.5 if left else it.bbox[0] >= g_hi - 0.5)]
        other = [it.bbox[3] for it in near if (it.bbox[0] >= g_hi - 0.5 if left else it.bbox[2] <= g_lo + 0.5)]
        if same and other and hi - max(same) <= LOOSE_AIR * body and max(same) - max(other) >= 2.0 * body:
            return True
    return False


# Rows this deep (× body) over a white band show the columns it runs across.
NEAR_ROWS = 8.0
# The air over a subhead in a column, at most (× body).
LOOSE_AIR = 2.5


def _band_past_photo(items: list[Item], body: float, band: float) -> tuple[float, float, list[Item]] | None:
    """White across the region but for a photo and its caption hanging into it (a photo
    beside a headline, its caption ending level with the text under the headline): the
    band, and the photo with its caption and credit, which read above it."""
    for photo in (it for it in items if it.kind == "photo"):
        # A credit printed over the photo goes with it.
        over_photo = [it for it in items if it.line is not None and contains(photo.bbox, it.bbox, 1.0)]
        group = [photo, *over_photo, *_caption_under(photo, items, body)]
        foot = max(it.bbox[3] for it in group)
        in_group = {id(it) for it in group}
        rest = [it.bbox for it in items if id(it) not in in_group]
        # The white band, if any, that the photo's foot falls in: from the first text under
        # the foot up to the lowest text over it (no sort: one pass each way).
        hi = min((b[1] for b in rest if b[1] >= foot - 0.5), default=None)
        if hi is None:
            continue
        lo = max((b[3] for b in rest if b[1] < hi), default=None)
        if lo is not None and hi - lo >= band and photo.bbox[1] < lo < foot and _rows_overlap(rest, lo, hi, photo.bbox):
            return lo, hi, group
    return None


def _rows_overlap(boxes: list[BBox], lo: float, hi: float, photo: BBox) -> bool:
    """Text under the band runs on under the text beside the photo over it (rows of one
    story), not only under the photo."""
    over = [b for b in boxes if b[3] <= lo + 0.01 and b[1] >= photo[1] - 1.0]
    under = [b for b in boxes if b[1] >= hi - 0.01]
    return any(x_overlap(a, b) > 0 for a in over for b in under)


def _caption_under(photo: Item, items: list[Item], body: float) -> list[Item]:
    """Lines in type smaller than the body's set close under the photo, within its width."""
    x0, _y0, x1, foot = photo.bbox
    under = sorted((it for it in items if it.line is not None and (it.line.size or body) < CAPTION_TYPE * body
                    and it.bbox[0] >= x0 - 2.0 and it.bbox[2] <= x1 + 2.0 and it.bbox[1] >= foot - 1.0),
                   key=lambda it: it.bbox[1])
    caption: list[Item] = []
    for it in under:
        if it.bbox[1] - foot > CAPTION_GAP * body:
            break
        caption.append(it)
        foot = max(foot, it.bbox[3])
    return caption


# Caption type is smaller than the body's (×), and set within this much (× body) of what it follows.
CAPTION_TYPE = 0.97
CAPTION_GAP = 1.5


def _without_hanging_mark(item: Item) -> BBox:
    """The box less the one character a line may hang past its column's edge (a CJK
    comma or stop set outside the measure), so that it does not close the gutter."""
    box = item.bbox
    if item.line is None or not item.line.size:
        return box
    string = item.line.string
    if string[-1:] not in HANGING_MARKS:
        return box  # the common case, told by the last character without stripping
    hanging = min(len(string) - len(string.rstrip(HANGING_MARKS)), 2)
    if not hanging:
        return box
    trim = min(hanging * item.line.size, 0.3 * width(box))
    return (box[0], box[1], box[2] - trim, box[3])


def _split_off_spanning_band(items: list[Item], region: BBox, body: float) -> list[list[Item]] | None:
    """Columns with lines across them set tight above (a headline, a caption under a wide
    photo) or below (a headline set under its story): no white band parts them, but the
    columns' gutter shows once the wide lines are set aside, and every line crossing it
    lies above or below all the column lines. Cut there, by centres: above, columns, below.
    Asked only where some part of the region may hold a gutter (:func:`_no_gutter_in_any_part`)."""
    narrow = [it for it in items if width(it.bbox) <= NARROW_SHARE * width(region)]
    if len(narrow) < 4:
        return None
    gutters = [(lo, hi) for lo, hi in _gaps([it.trimmed for it in narrow], 0) if hi - lo >= MIN_GUTTER * body]
    centre = lambda it: (it.bbox[1] + it.bbox[3]) / 2  # noqa: E731
    for lo, hi in sorted(gutters, key=lambda g: g[0] - g[1]):
        crossing = [it for it in items if it.trimmed[0] < hi and it.trimmed[2] > lo]
        if not crossing:
            continue
        columns = [it for it in items if not (it.trimmed[0] < hi and it.trimmed[2] > lo)]
        if not any(it.bbox[2] <= lo for it in columns) or not any(it.bbox[0] >= hi for it in columns):
            continue
        first, last = min(centre(it) for it in columns), max(centre(it) for it in columns)
        inside = [it for it in crossing if first <= centre(it) <= last]
        if inside:
            continue
        top = [it for it in items if centre(it) < first and it not in columns]
        bottom = [it for it in items if centre(it) > last and it not in columns]
        middle = [it for it in items if it not in top and it not in bottom and it not in inside]
        if top:
            top, middle = _with_wrapped_tails(top, middle)
        return [group for group in (top, middle, bottom) if group]
    return None


def _split_off_top_rows(items: list[Item], body: float) -> tuple[list[Item], list[Item]] | None:
    """A line or two across the top (a caption under a wide photo) with columns under it,
    pressed too close for a white band: set aside the top rows until a gutter shows.
    A row is counted once however many pieces the extractor cut it into (a shadowed
    caption often comes in one piece per run). Asked only where some part of the region may
    hold a gutter (:func:`_no_gutter_in_any_part`)."""
    rows = _visual_rows(items)
    for k in range(1, min(MAX_TOP_ROWS, len(rows) - 1) + 1):
        top = [it for row in rows[:k] for it in row]
        rest = [it for row in rows[k:] for it in row]
        if len(rest) < 3:
            break
        trimmed = [it.trimmed for it in rest]
        for lo, hi in _gaps(trimmed, 0):
            if hi - lo >= MIN_GUTTER * body and sum(b[2] <= lo for b in trimmed) >= 2 and sum(b[0] >= hi for b in trimmed) >= 2:
                return _with_wrapped_tails(top, rest)
    return None


def _no_gutter_in_any_part(items: list[Item]) -> bool:
    """Every item's trimmed box spans one common x: no subset of them leaves a white
    gutter, so a search for one among parts of the region (most regions the cut leaves
    are a single column) need not start."""
    return max(it.trimmed[0] for it in items) <= min(it.trimmed[2] for it in items)


def _visual_rows(items: list) -> list[list]:
    """Items or lines (anything with a ``bbox``) grouped top-down into rows: one joins the
    row above when it shares most of its height with that row's last member."""
    rows: list[list] = []
    # Runs for every leaf and every region the cut leaves: the overlap written out on the
    # two boxes, not built from geometry's helpers.
    last_top = last_foot = 0.0
    for it in sorted(items, key=_vertical_centre):
        _x0, top, _x1, foot = it.bbox
        # min()/max() of two as the comparisons they make (first argument unless the second is smaller / larger).
        shared = (foot if foot < last_foot else last_foot) - (top if top > last_top else last_top)
        if rows and shared > 0.5 * (foot - top if foot - top < last_foot - last_top else last_foot - last_top):
            rows[-1].append(it)
        else:
            rows.append([it])
        last_top, last_foot = top, foot
    return rows


def _vertical_centre(item) -> float:
    return (item.bbox[1] + item.bbox[3]) / 2


def _with_wrapped_tails(top: list[Item], rest: list[Item]) -> tuple[list[Item], list[Item]]:
    """A top row's own wrapped last line (a caption's ``攝）``) goes up with it."""
    # Runs at every cut between rows, for each line under them: the top lines that may
    # wrap on are found once (in order, a line moved up joining them in turn).
    unfinished = [row for row in top if _may_wrap_on(row)]
    if not unfinished:
        return top, rest
    for it in list(rest):
        if it.line is None:
            continue
        for row in unfinished:
            gap = it.bbox[1] - row.bbox[3]
            if abs((it.line.size or 0) - row.line.size) < 0.3 and -1.0 <= gap <= 0.6 * row.line.size \
                    and abs(it.bbox[0] - row.bbox[0]) <= 2.0 and width(it.bbox) < width(row.bbox):
                top.append(it)
                rest.remove(it)
                if _may_wrap_on(it):
                    unfinished.append(it)
                break
    return top, rest


def _may_wrap_on(row: Item) -> bool:
    """A line of known size not ending on a closing mark: its next line may be its tail."""
    return row.line is not None and bool(row.line.size) and not _finished(row.line)


def _only_marks(side: list[Item]) -> bool:
    """Every item is a line of list marks alone (``•``, ``■``, ``1.``)."""
    return all(
        it.kind == "line" and it.line is not None and _LIST_MARKS.fullmatch(it.line.string.strip()) for it in side
    )


_LIST_MARKS = regex.compile(rf"(?:[{regex.escape(BULLET_MARKS)}]\s*){{1,3}}|\d{{1,2}}[.)]")


def ruled_cut(priority: float) -> bool:
    return priority >= 3000


def _one_row(side: list[Item], other: list[Item], body: float) -> bool:
    """``side`` is a single line that sits on the same row as a line of ``other``."""
    if len(side) != 1 or side[0].kind != "line":
        return False
    box = side[0].bbox
    return any(
        it.kind == "line" and y_overlap(it.bbox, box) > 0.5 * min(height(it.bbox), height(box))
        and not _set_apart_on_row(it, side[0], body) for it in other
    ) and len([it for it in other if it.kind == "line"]) <= 2


def _set_apart_on_row(a: Item, b: Item, body: float) -> bool:
    """Two lines on one row, in type of two sizes and farther apart than a word space: a
    byline, sign-off or jump line in one column beside a line of text in the next, not one
    line in pieces or a label tabbed from its line (a running head and its folio, a number
    and its item, share their type)."""
    white = max(a.bbox[0] - b.bbox[2], b.bbox[0] - a.bbox[2])
    sizes = (a.line.size or 0.0, b.line.size or 0.0)
    return white > SET_APART * body and abs(sizes[0] - sizes[1]) > 0.03 * max(sizes)


# White wider than this (× body) between two lines on one row is no word space.
SET_APART = 1.2


class _TypeEdges:
    """The type sizes of a region's lines by where they end and start, sorted once, so
    that every band between rows asks about its two edges by bisection."""

    def __init__(self, items: list[Item]):
        sized = [it for it in items if it.line is not None and it.line.size]
        # Each edge list transposed into its ys and their sizes: a band's sizes are then one
        # slice of the sizes, bisected on the plain ys (one band asks per gap, dozens a page).
        self.feet = _transposed(sorted((it.bbox[3], it.line.size) for it in sized))
        self.heads = _transposed(sorted((it.bbox[1], it.line.size) for it in sized))

    @staticmethod
    def _sizes(edges: tuple[tuple[float, ...], tuple[float, ...]], lo: float, hi: float) -> tuple[float, ...]:
        ys, sizes = edges
        return sizes[bisect_left(ys, lo) : bisect_right(ys, hi)]

    def type_changes(self, lo: float, hi: float) -> bool:
        """The type just above a band differs in size from the type just below it: every
        line on one side set larger than every line on the other (a headline over its
        byline; one pull quote's first line under a row of body lines is no such change)."""
        above = self._sizes(self.feet, lo - 3.0, lo + 0.01)
        if not above:
            return False
        below = self._sizes(self.heads, hi - 0.01, hi + 3.0)
        if not below:
            return False
        return min(above) > STYLE_CHANGE * max(below) or min(below) > STYLE_CHANGE * max(above)


def _transposed(edges: list[tuple[float, float]]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """``[(y, size), …]`` as ``((y, …), (size, …))``."""
    return tuple(zip(*edges)) if edges else ((), ())  # type: ignore[return-value]


def _reaches(rule: BBox, region: BBox, by: float = 3.0) -> bool:
    """The rule, grown by ``by`` on every side, overlaps the region over some area."""
    # Called for every rule at every cut: the overlap test written out, not built from
    # boxes, and min()/max() of two as the comparisons they make.
    right, region_right = rule[2] + by, region[2]
    left, region_left = rule[0] - by, region[0]
    if not (region_right if region_right < right else right) > (region_left if region_left > left else left):
        return False
    foot, region_foot = rule[3] + by, region[3]
    top, region_top = rule[1] - by, region[1]
    return (region_foot if region_foot < foot else foot) > (region_top if region_top > top else top)


def _photo_edge(items: list[Item], lo: float, hi: float) -> bool:
    return any(
        it.kind == "photo" and (hi - 0.01 <= it.bbox[1] <= hi + 3.0 or lo - 3.0 <= it.bbox[3] <= lo + 0.01)
        for it in items
    )


def _type_changes_across(items: list[Item], lo: float, hi: float) -> bool:
    """Big type on one side of a narrow gutter and body type on the other: a headline
    rail beside its columns, however tight."""
    # A drop cap is one big letter beside body type: part of its paragraph, not a rail.
    sized = [it for it in items if it.line is not None and it.line.size and len(it.line.string) > 1]
    left = [it.line.size for it in sized if it.bbox[2] <= lo + 0.01]
    right = [it.line.size for it in sized if it.bbox[0] >= hi - 0.01]
    if not left or not right:
        return False
    a, b = max(left), max(right)
    return max(a, b) / min(a, b) > 1.3 and (min(left) / max(left) > 0.8 or min(right) / max(right) > 0.8)


def _column_past_rule(rule: BBox, boxes: list[BBox], lo: float, hi: float) -> bool:
    """Text runs on past a horizontal rule's end, both over and under it (a column beside a
    story that the rule closes off in its grid cell): the rule parts that story from the
    next, not the whole region."""
    beside = [b for b in boxes if b[0] >= rule[2] + 2.0 or b[2] <= rule[0] - 2.0]
    return any(b[3] <= lo + 0.01 for b in beside) and any(b[1] >= hi - 0.01 for b in beside)


def _rule_in_gap(rule: BBox, lo: float, hi: float, region: BBox, axis: int, extent: float) -> bool:
    """A rule lying in the gap and crossing most of the region."""
    tol = 3.0
    if axis == 1:
        inside = rule[1] >= lo - tol and rule[3] <= hi + tol
        cover = x_overlap(rule, region)
    else:
        inside = rule[0] >= lo - tol and rule[2] <= hi + tol
        cover = y_overlap(rule, region)
    # No clamp of the overlap at 0 needed: a rule beside the region (a negative overlap)
    # falls short of a positive share of it as surely as no overlap does.
    return inside and extent > 0 and cover >= RULE_COVERAGE * extent
