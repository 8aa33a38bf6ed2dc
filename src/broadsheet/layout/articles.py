"""Typed blocks with boxes → articles, by the areas headlines govern.

A headline governs the area beneath it, across its own width, down to the next
rule or the next headline in any of its columns; type stacked tight under it is
its deck, a short bold label right above it its kicker. Text no headline governs
goes, in order, to a side headline level with it (a vertical strip, or a rail of
big type, never across a vertical rule), to an empty headline right below it (a
headline set under its body), to the story in the column to its left at the same
height, or to the story it follows in reading order unless that one is closed;
else it stands as an article without a headline. Pull quotes are set aside
first, so they end no story's area. A frame (a ruled or tinted box) is an
article of its own, assembled by the same rules inside it. Within a story,
blocks are read down each column; a paragraph cut by a column break is joined
again. A caption goes to the article whose area holds its photo.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter

import regex

from ..charclass import CJK_CHAR, RUN_ON_WORDS, bracket_balance, ends_in_title_abbreviation, ends_sentence, joins_tight
from ..assemble import text_features
from ..classify import is_title_like
from ..geometry import BBox, height, in_one_column, intersection_area, union, width, x_overlap, y_overlap
from ..model import (
    BYLINE, CAPTION, CONTINUATION, CREDIT, DECK, FURNITURE, HEADLINE, LIST_ITEM, PARAGRAPH, PULL_QUOTE, SIGNOFF,
    SUBHEAD, Article, Block, Line, Removal, SourcedText,
)
from ..repair.lines import ends_in_hyphen
from .blocks import FULL_SLACK, LayoutBlock, continuation_direction, ends_paragraph
from .order import INDENT_ROOM

# A block belongs under a headline when this share of its width lies under it.
GOVERNED_SHARE = 0.5
CREDIT_REACH = 3.0
# A headline-sized block this close (× its size) under a headline continues it as a deck.
STACK_GAP = 1.2
STACK_SIZE = 1.05
KICKER_GAP = 0.9
KICKER_WORDS = 4
KICKER_CHARS = 16
KICKER = "kicker"
OVERHANG = 1.5
# Points of extra distance charged to text on the side a side headline does not read to.
FAR_SIDE = 200.0
# A pull quote repeats this many letters or digits of its story, at least and at most.
MIN_QUOTE = 8
QUOTE_SIZE = 1.2  # × body: pull quotes are set large
# The quoted sentence may run across a column break in the body: compare its opening.
QUOTE_PREFIX = 24
MAX_QUOTE = 120
# A headline of this many lines in a narrow rail, with white this tall (× body) under
# it before the next text, is set beside its story rather than over it.
RAIL_LINES = 3
RAIL_DROP = 2.0
# A rail's text starts within this many of the rail's type sizes to its right.
RAIL_GAP = 3.0
MAX_SUBHEAD_LINES = 2
# A block this much wider than the story's median block spans columns.
SPAN_WIDTH = 1.4
# A deck lies within this many of its type sizes under its headline (or that headline's deck).
DECK_REACH = 2.5
# A deck beside a vertical strip starts within this many of the strip's sizes of its top.
STRIP_DECK_DROP = 2.0
# Columns of one story stand at most this far apart (× body size).
MAX_COLUMN_GAP = 4.0
# Line boxes of big type reach below its baseline: a block under a headline may start
# this far (× the headline's size) above the headline box's foot.
OVERLAP_SLACK = 0.3
# A rule this close under a headline (× its size) underlines it; it separates nothing.
UNDERLINE_GAP = 0.6
# White this deep (× body) between two blocks of a column parts two stories.
STORY_BAND = 1.5
# A headline with no text and text with no headline this close (× body) are one story.
PAIR_REACH = 8.0
# White over a subhead or a jump line ("Continued on A6"), at most (× body).
LOOSE_REACH = 2.5
# White over a headline set under its story, at most (× the headline's size).
FOOT_REACH = 0.75


# Blocks in the page's reading order, as the sorts below take them (a C getter, not a Python call per block).
_page_order = attrgetter("order")


@dataclass(slots=True)
class _Story:
    headline: LayoutBlock | None
    members: list[LayoutBlock] = field(default_factory=list)
    frame: BBox | None = None
    article: Article | None = None
    # Blocks of the story turned under a neighbour (a dogleg), read when its columns come down to them.
    turned: set[int] = field(default_factory=set)
    # Its end, set apart and signed off: read last, wherever the page put it.
    tail: set[int] = field(default_factory=set)

    @property
    def first(self) -> int:
        orders = [m.order for m in self.members]
        if self.headline is not None:
            orders.append(self.headline.order)
        return min(orders) if orders else 0

    @property
    def area(self) -> BBox | None:
        boxes = [m.bbox for m in self.members]
        if self.headline is not None:
            boxes.append(self.headline.bbox)
        return union(boxes)


def assemble(blocks: list[LayoutBlock], h_rules: list[BBox], v_rules: list[BBox], body: float,
             photos: list[BBox] = (), drawn_bold: Callable[[BBox, int], bool] | None = None,
             join_lines: JoinLines | None = None, removed: list[Removal] | None = None) -> tuple[list[Article], list[Block]]:
    """``drawn_bold`` tells, at a cost, whether the type in a box (holding so many letters)
    is drawn twice: a copy already dropped, or one drawn in place (which the extraction
    merged away); it is asked only where a rule needs to know. ``join_lines`` joins two
    lines as the page's paragraphs were joined (its hyphens settled by the page's words);
    a paragraph run on across a column break is joined by it, and what it cuts goes to
    ``removed``."""
    unassigned: list[Block] = []
    illustrations: list[LayoutBlock] = []
    before = len(unassigned)
    blocks = _set_aside_pull_quotes(blocks, unassigned, body, h_rules)
    # The rules a pull quote is set between frame the quote; they part no story.
    quotes = [(union(line.bbox for line in quote.lines), max((line.size or body for line in quote.lines), default=body))
              for quote in unassigned[before:]]
    framing = [r for r in h_rules if any(_frames_quote(r, q, size) for q, size in quotes)]
    h_rules = [r for r in h_rules if r not in framing]
    # A quote's place on the page runs out to the rules that frame it.
    quotes = [union([q, *(r for r in framing if _frames_quote(r, q, size))]) for q, size in quotes]
    by_frame: dict[BBox | None, list[LayoutBlock]] = {}
    for lb in blocks:
        if lb.kind == FURNITURE:
            unassigned.append(lb.block)
        elif lb.kind in (CAPTION, CREDIT):
            illustrations.append(lb)
        else:
            by_frame.setdefault(lb.frame, []).append(lb)
    stories: list[_Story] = []
    pictures = list(photos) + [lb.bbox for lb in illustrations]
    for frame, members in by_frame.items():
        stories.extend(_stories_in_area(members, h_rules, v_rules, body, frame, pictures, quotes, drawn_bold))
    _run_on_lower_case(stories)
    stories = _headless_runs_on(stories)
    stories = _tails_signed_by_a_byline(stories)
    for story in stories:
        story.article = _build_article(story, join_lines, removed)
    _attach_illustrations(illustrations, stories, h_rules, v_rules, body, unassigned)
    stories.sort(key=lambda s: s.first)
    articles = [s.article for s in stories if s.article is not None and s.article.blocks()]
    return articles, unassigned


def _deck_across_from_strip(h: LayoutBlock, strips: list[LayoutBlock], headlines: list[LayoutBlock],
                            v_rules: list[BBox], members: list[LayoutBlock]) -> bool:
    """Smaller type level with the top of a vertical strip set at the right edge of its
    story, at the head of the columns on the strip's left (no text over it in its column),
    with no rule and no other headline between: the strip's deck, however many columns lie
    between them."""
    for strip in strips:
        sb, hb = strip.bbox, h.bbox
        if h.size >= strip.size or abs(hb[1] - sb[1]) > STRIP_DECK_DROP * strip.size or hb[2] > sb[0]:
            continue
        if _rule_parts(hb, sb, v_rules):
            continue
        if _text_over_in_column(h, members, sb[1] - strip.size):
            continue  # the column's text runs on above it: a subhead
        if any(o is not h and o is not strip and o.bbox[0] >= hb[2] - 1.0 and o.bbox[2] <= sb[0] + 1.0
               and y_overlap(o.bbox, sb) > 0 for o in headlines):
            continue
        return True
    return False


def _text_over_in_column(block: LayoutBlock, members: list[LayoutBlock], top: float) -> bool:
    """Running text stands over the block in its column, starting no higher than ``top``."""
    box = block.bbox
    return any(m.kind in (PARAGRAPH, LIST_ITEM) and m.bbox[3] <= box[1] + 1.0 and m.bbox[1] >= top
               and in_one_column(m.bbox, box) for m in members)


# A subhead set between paragraphs of a narrow column may wrap to this many lines, and is set
# smaller than its story's headline by this factor at least.
MAX_RUNNING_SUBHEAD_LINES = 4
SUBHEAD_UNDER = 0.9


def _titles_alike_in_column(block: LayoutBlock, members: list[LayoutBlock]) -> bool:
    """Another title in the block's column set in its size: a column of briefs, each title
    heading an item, not a story's subhead."""
    return any(m is not block and m.kind in (HEADLINE, DECK) and abs(m.size - block.size) <= 0.05 * block.size
               and in_one_column(m.bbox, block.bbox) for m in members)


def _next_brief_title(deck: LayoutBlock, headlines: list[LayoutBlock], members: list[LayoutBlock],
                      h_rules: list[BBox]) -> bool:
    """A column of briefs: the deck-sized title is set under a separating rule, however
    short, and a title higher in its column, in its size and at its edge, heads a brief of
    its own. Each title heads the next item, not a subhead of the first."""
    box = deck.bbox
    return any(h.bbox[3] <= box[1] + 1.0 and abs(h.size - deck.size) <= 0.1 * deck.size and abs(h.bbox[0] - box[0]) <= deck.size
               and in_one_column(h.bbox, box) for h in headlines) \
        and _ruled_off_above(deck, members, h_rules)


def _ruled_off_above(block: LayoutBlock, members: list[LayoutBlock], h_rules: list[BBox]) -> bool:
    """A rule, however short, stands between the block and the text right above it in its column."""
    box = block.bbox
    last = _right_above_in_column(block, members)
    return last is not None and any(last.bbox[3] - 1.0 <= r[1] and r[3] <= box[1] + 1.0 and x_overlap(r, box) > 0 for r in h_rules)


def _right_above_in_column(block: LayoutBlock, members: list[LayoutBlock]) -> LayoutBlock | None:
    """The member ending lowest over the block in its column, if any."""
    box = block.bbox
    over = [m for m in members if m is not block and m.bbox[3] <= box[1] + 1.0 and in_one_column(m.bbox, box)]
    return max(over, key=lambda m: m.bbox[3], default=None)


def _right_under_a_picture(block: LayoutBlock, pictures: list[BBox], body: float) -> bool:
    """A picture (a photo, or its caption) stands right over the block in its column: the
    photo set into the column parts the block from the text above it."""
    box = block.bbox
    return any(in_one_column(p, box) and -1.0 <= box[1] - p[3] <= LOOSE_REACH * body for p in pictures)


def _set_in_running_text(block: LayoutBlock, members: list[LayoutBlock], h_rules: list[BBox], body: float,
                         above_too: bool = True) -> bool:
    """Paragraphs stand right above the block and right under it in its column, with no
    more white than a subhead's air and no rule between: it parts one story's text, it
    heads no story of its own."""
    box = block.bbox

    def tight(upper: BBox, lower: BBox) -> bool:
        # Any rule between them, however short (a brief's separator), parts them.
        return in_one_column(upper, lower) and -1.0 <= lower[1] - upper[3] <= LOOSE_REACH * body \
            and not any(upper[3] - 1.0 <= r[1] and r[3] <= lower[1] + 1.0 and x_overlap(r, lower) > 0 for r in h_rules)

    above = not above_too or any(m.kind == PARAGRAPH and tight(m.bbox, box) for m in members if m is not block)
    under = any(m.kind == PARAGRAPH and tight(box, m.bbox) for m in members if m is not block)
    return above and under


def _governing(box: BBox, headlines: list[LayoutBlock], h_rules: list[BBox],
               rail_reach: dict[int, tuple[float, float]] | None = None,
               beside_pictures: list[tuple[LayoutBlock, BBox]] = ()) -> LayoutBlock | None:
    """The lowest headline above ``box`` whose width covers it, with no rule in between and
    no other headline under it first: a headline's area runs across its full width down to
    the next headline in any of its columns. ``rail_reach`` gives, for a rail headline, the
    span of the columns its story fills beside it. A picture in between with a headline of
    its own set level beside it (``beside_pictures``) ends the area as a headline would."""
    top, box_width = box[1], width(box)
    # Runs for every block of the page: headlines are taken lowest first (a stable sort,
    # ties in the given order) and each is tested only when reached, as the first that
    # governs ends the search.
    for h in sorted(headlines, key=_bottom, reverse=True):
        hb = h.bbox
        if h.vertical_strip:
            continue
        # max() and min() of two as the comparisons they make: this runs for every pair of a
        # block and a headline.
        slack = OVERLAP_SLACK * h.size
        if not hb[3] <= top + (slack if slack > 2.0 else 2.0):
            continue
        head_width = hb[2] - hb[0]
        if not (x_overlap(hb, box) >= GOVERNED_SHARE * (head_width if head_width < box_width else box_width)
                or _starts_under(box, h)):
            continue
        if any(_rule_between(r, hb, box) and r[1] - h.foot > UNDERLINE_GAP * h.size for r in h_rules):
            continue
        if any(
            o is not h and not o.vertical_strip and o.bbox[1] >= hb[3] - 1.0 and o.bbox[3] <= box[1] + 2.0
            and x_overlap(o.bbox, hb) > 0
            for o in headlines
        ):
            continue
        if any(o is not h and _rail_beside(o, hb, box, rail_reach) for o in headlines):
            continue
        if any(o is not h and p[1] >= hb[3] - 1.0 and p[3] <= box[1] + 2.0
               and in_one_column(p, box) for o, p in beside_pictures):
            return None
        return h
    return None


def _bottom(lb: LayoutBlock) -> float:
    return lb.bbox[3]


def _starts_under(box: BBox, h: LayoutBlock) -> bool:
    """The block starts under the headline, a few of its characters in from its end: a
    story's text reaching past a headline set over a photo and one column."""
    return h.bbox[0] - 1.0 <= box[0] and box[0] + UNDER_CHARS * h.size <= h.bbox[2]


UNDER_CHARS = 3


def _rail_beside(rail: LayoutBlock, upper: BBox, box: BBox,
                 rail_reach: dict[int, tuple[float, float]] | None = None) -> bool:
    """A headline set in a rail under ``upper``, right beside the block (or the block in a
    further column of the rail's story) and level with its top or above it: the block is
    the rail's story, not the one above."""
    rb = rail.bbox
    # Asked of every headline for each block: the level tests, cheapest, come first.
    if not (rb[1] >= upper[3] - 1.0 and rb[1] <= box[1] + rail.size and rb[3] > box[1] - rail.size):
        return False
    # Beside on either side: a rail set right of its story reads to its left.
    gap = box[0] - rb[2] if box[0] >= rb[2] - 1.0 else rb[0] - box[2]
    reach = rail_reach.get(id(rail)) if rail_reach else None
    # Within the reach by its middle: the reach ends where the level line of its last
    # column does, and a ragged right edge lets a longer line below run past it.
    beside = -1.0 <= gap <= RAIL_GAP * rail.size or (
        reach is not None and gap >= -1.0 and reach[0] - 1.0 <= box[0] and (box[0] + box[2]) / 2 <= reach[1])
    return beside and (not rail.vertical_strip or _has_words(rail)) and x_overlap(rb, upper) > 0


def _has_words(h: LayoutBlock) -> bool:
    """A strip of letters, not a column of bullets or marks stacked one per line."""
    return sum(ch.isalpha() for ch in h.block.string) >= 2


def _rail_reaches(headlines: list[LayoutBlock], text: list[LayoutBlock], v_rules: list[BBox],
                  body: float) -> dict[int, tuple[float, float]]:
    """For each headline with text starting level with its top right beside it (a rail),
    the span of the columns its story fills on that side: a column starting level with the
    rail's top, a gutter from the last, carries the story on (a rail beside a story of
    several columns). Right of the rail when there is text on both sides."""
    reaches: dict[int, tuple[float, float]] = {}
    for h in headlines:
        if h.vertical_strip:
            continue
        hb = h.bbox
        level = [t for t in text if abs(t.bbox[1] - hb[1]) <= h.size]
        if not level:
            continue
        right = _chain_of_columns(hb, level, 1, RAIL_GAP * h.size, v_rules, body)
        left = hb[0] if right > hb[2] else _chain_of_columns(hb, level, -1, RAIL_GAP * h.size, v_rules, body)
        if right > hb[2] or left < hb[0]:
            reaches[id(h)] = (left, right)
    return reaches


def _chain_of_columns(start: BBox, level: list[LayoutBlock], direction: int, first_gap: float,
                      v_rules: list[BBox], body: float) -> float:
    """How far columns starting level with ``start`` run on from it, each within a gutter
    of the last, to the right (direction 1) or the left (-1), no vertical rule between."""
    origin = edge = start[2] if direction > 0 else start[0]
    allowed = first_gap
    grew = True
    while grew:
        grew = False
        for t in level:
            near, far = (t.bbox[0], t.bbox[2]) if direction > 0 else (-t.bbox[2], -t.bbox[0])
            reached = edge * direction
            if far <= reached + 1.0 or near < origin * direction - 1.0 or near - reached > allowed:
                continue
            lo, hi = (edge, t.bbox[0]) if direction > 0 else (t.bbox[2], edge)
            if any(lo - 1.0 <= r[0] and r[2] <= hi + 1.0 and y_overlap(r, t.bbox) > 0 for r in v_rules):
                continue
            edge = far * direction
            allowed = MAX_COLUMN_GAP * body
            grew = True
    return edge


def _rule_between(rule: BBox, upper: BBox, lower: BBox) -> bool:
    return upper[3] - 1.0 <= rule[1] and rule[3] <= lower[1] + 1.0 and x_overlap(rule, lower) >= 0.5 * width(lower)


def _side_headline(box: BBox, side: list[LayoutBlock], bands: dict[int, float], body: float,
                   v_rules: list[BBox], beside_text: list[LayoutBlock] = ()) -> LayoutBlock | None:
    """A headline set beside its body (a vertical strip, a rail of big type next to the
    columns) reads with the text level with it, down to the next headline or rule under
    it, and not across a vertical rule. The nearest such headline wins; a horizontal rail
    is read before its text, so text on a rail's left is charged extra distance."""
    middle = (box[1] + box[3]) / 2
    best, best_gap = None, float("inf")
    for h in side:
        hb = h.bbox
        if not (hb[1] - body <= middle <= bands[id(h)]):
            continue
        if h.vertical_strip and box[1] > hb[3] and _text_level_on_left(box, beside_text, body):
            continue  # starting under the strip's foot, level with a story's row on its left: that story's column
        gap = max(box[0] - hb[2], hb[0] - box[2])
        # A rail's longest word may reach over into the column beside it.
        if gap < -OVERHANG * h.size or x_overlap(box, hb) > 0.5 * width(box):
            continue
        if _rule_parts(hb, box, v_rules):
            continue
        if not h.vertical_strip and box[0] < hb[0]:
            gap += FAR_SIDE
        if gap < best_gap:
            best, best_gap = h, gap
    return best


def _side_headline_open_for(lb: LayoutBlock, side: list[LayoutBlock], stories: dict[int, _Story],
                            bands: dict[int, float], body: float, v_rules: list[BBox],
                            text: list[LayoutBlock]) -> LayoutBlock | None:
    """The nearest headline beside the block (:func:`_side_headline`) among those whose
    story is still open to it: a strip whose story ended above the block yields it to the
    next nearest."""
    open_sides = [h for h in side if not _past_the_strips_foot(lb, h, stories[id(h)], body)]
    return _side_headline(lb.bbox, open_sides, bands, body, v_rules, text)


def _past_the_strips_foot(lb: LayoutBlock, strip: LayoutBlock, story: _Story, body: float) -> bool:
    """Text starting under a vertical strip's foot, once the story's text has begun beside
    the strip, is its story's only where that text runs down its column into it; past
    white as deep as between stories, or in a column the story has not used, it starts
    another story. (A strip over a photo has its text start under its foot.)"""
    box = lb.bbox
    return strip.vertical_strip and box[1] > strip.bbox[3] and any(m.kind == PARAGRAPH for m in story.members) and not any(
        0 <= box[1] - m.bbox[3] <= LOOSE_REACH * body and in_one_column(m.bbox, box)
        for m in story.members)


def _row_runs_into_a_headed_story(deck: LayoutBlock, members: list[LayoutBlock], headlines: list[LayoutBlock],
                                  h_rules: list[BBox], v_rules: list[BBox], body: float) -> bool:
    """The deck-sized line opens a row of columns that starts level with it and runs on, a
    gutter at a time, into text a headline governs: a subhead of that story's row run on
    leftwards under its neighbour (a story set as an L), not a headline."""
    box = deck.bbox
    column = [m for m in members if m.kind == PARAGRAPH and -1.0 <= m.bbox[1] - box[3] <= LOOSE_REACH * body
              and x_overlap(m.bbox, box) > 0.5 * width(box)]
    if not column:
        return False
    start = union([box, *(m.bbox for m in column)])
    level = [m for m in members if m.kind == PARAGRAPH and abs(m.bbox[1] - box[1]) <= body and m.bbox[0] > start[2] - 1.0]
    edge = _chain_of_columns(start, level, 1, MAX_COLUMN_GAP * body, v_rules, body)
    return any(m.bbox[2] <= edge + 1.0 and _governing(m.bbox, headlines, h_rules) is not None for m in level)


def _text_level_on_left(box: BBox, text: list[LayoutBlock], body: float) -> bool:
    """Running text starting level with the box's top a gutter to its left."""
    return any(abs(t.bbox[1] - box[1]) <= body and 0 <= box[0] - t.bbox[2] <= MAX_COLUMN_GAP * body for t in text)


def _rule_parts(a: BBox, b: BBox, v_rules: list[BBox]) -> bool:
    """A vertical rule stands between two boxes side by side."""
    lo, hi = min(a[2], b[2]), max(a[0], b[0])
    return any(lo - 1.0 <= r[0] and r[2] <= hi + 1.0 and y_overlap(r, b) > 0 for r in v_rules)


def _band_end(h: LayoutBlock, headlines: list[LayoutBlock], h_rules: list[BBox],
              text_under: list[LayoutBlock] = ()) -> float:
    """Where the area beside a headline ends: the next headline or rule below it in its
    columns, or the first text set under it (a rail's story runs beside it, not below)."""
    hb = h.bbox
    ends = [o.bbox[1] for o in headlines if o is not h and o.bbox[1] >= hb[3] - 1.0 and x_overlap(o.bbox, hb) > 0]
    ends += [r[1] for r in h_rules if r[1] >= hb[3] - 1.0 and x_overlap(r, hb) > 0.5 * width(hb)]
    ends += [m.bbox[1] for m in text_under
             if m.bbox[1] >= hb[3] - 1.0 and in_one_column(m.bbox, hb)]
    return min(ends) if ends else float("inf")


def _text_to_the_left(block: LayoutBlock, members: list[LayoutBlock], body: float) -> bool:
    """Running text level with the block in the column to its left. That column's right
    edge is its widest paragraph's, not the one level with the block, which may be a
    ragged short ending."""
    box = block.bbox
    for o in members:
        if o.kind != PARAGRAPH or y_overlap(o.bbox, box) <= 0 or o.bbox[0] >= box[0]:
            continue
        # None when every paragraph of that column runs past the block's left edge.
        right = max((m.bbox[2] for m in members if m.kind == PARAGRAPH and abs(m.bbox[0] - o.bbox[0]) <= 2.0
                     and m.bbox[2] <= box[0]), default=None)
        if right is not None and 0 <= box[0] - right <= MAX_COLUMN_GAP * body:
            return True
    return False


def _byline_lower_on_the_left(block: LayoutBlock, above: LayoutBlock, members: list[LayoutBlock],
                              headlines: list[LayoutBlock], h_rules: list[BBox]) -> bool:
    """The story of the headline ``above`` has its byline in a column left of the block, level
    with the block's top or lower: the story starts there, and the block stands in its
    running text (a subhead atop a later column)."""
    box = block.bbox
    return any(m.kind == BYLINE and m.bbox[2] <= box[0] + 1.0 and m.bbox[1] >= box[1] - 0.5 * m.size
               and _governing(m.bbox, headlines, h_rules) is above for m in members)


def _own_text_to_the_left(block: LayoutBlock, above: LayoutBlock, members: list[LayoutBlock],
                          headlines: list[LayoutBlock], h_rules: list[BBox], body: float) -> bool:
    """Running text of the story under ``above`` stands level with the block in the column
    to its left: the story's columns started higher, so the block stands in them."""
    box = block.bbox
    return any(m.kind == PARAGRAPH and y_overlap(m.bbox, box) > 0 and 0 <= box[0] - m.bbox[2] <= MAX_COLUMN_GAP * body
               and _governing(m.bbox, headlines, h_rules) is above for m in members)


def _set_feet(headlines: list[LayoutBlock], members: list[LayoutBlock]) -> None:
    """A rule under a headline's deck underlines the pair; measure from the deck's foot."""
    decks = [b for b in members if b.kind in (DECK, SUBHEAD)]
    for h in headlines:
        h.foot = h.bbox[3]
        for d in sorted(decks, key=lambda b: b.bbox[1]):
            if h.foot - OVERLAP_SLACK * h.size <= d.bbox[1] <= h.foot + STACK_GAP * h.size and x_overlap(d.bbox, h.bbox) > 0:
                h.foot = max(h.foot, d.bbox[3])


def _stack_headlines(headlines: list[LayoutBlock], h_rules: list[BBox],
                     members: list[LayoutBlock] = ()) -> dict[int, LayoutBlock]:
    """Headline-sized blocks set tight under another (a second line in other type, a deck):
    each maps to the headline that leads its stack. A headline with text level with its
    top just to its left, under the upper headline, is a rail's, set beside its story,
    not a deck."""
    leads: dict[int, LayoutBlock] = {}
    text = [m for m in members if m.kind not in (HEADLINE, DECK, KICKER)]
    for h in sorted(headlines, key=lambda b: b.bbox[1]):
        if h.vertical_strip:
            continue
        above = _governing(h.bbox, [o for o in headlines if o is not h], h_rules)
        if above is None or above is h:
            continue
        if any((_level_with_top_on_left(m, h) or len(h.lines) >= RAIL_LINES and _level_with_top_on_right(m, h))
               and x_overlap(m.bbox, above.bbox) > 0.5 * width(m.bbox) for m in text):
            continue  # text of the upper story's width beside it: a rail's headline
        gap = h.bbox[1] - above.bbox[3]
        kicker_over = h.size > STACK_SIZE * above.size and len(above.lines) == 1 \
            and _names_a_topic(above.lines[0].string) and id(above) not in leads
        # A rule right under a kicker (Il caso, over a rule across the column, over the
        # headline) underlines the kicker: it parts it from nothing.
        ruled = any(_rule_between(r, above.bbox, h.bbox)
                    and not (kicker_over and r[1] - above.bbox[3] <= UNDERLINE_GAP * above.size) for r in h_rules)
        if gap > STACK_GAP * h.size or ruled or _footing_then_heading(above, h, text, h_rules):
            continue
        if gap > RAIL_STACK_WHITE * h.size and h.bold == above.bold and h.size >= RAIL_STACK_SIZE * above.size \
                and any(_starts_level_beside(m, h) for m in text):
            continue  # rails stacked in one column, each beside the text it heads
        # A deck is set no larger than its headline: larger type under a headline heads a
        # story of its own (a headline set under its story, then the next story's), unless
        # what stands over it is a word or two, a kicker naming its topic.
        if h.size <= STACK_SIZE * above.size:
            leads[id(h)] = leads.get(id(above), above)
        elif kicker_over:
            leads[id(above)] = h
    return leads


def _footing_then_heading(upper: LayoutBlock, lower: LayoutBlock, text: list[LayoutBlock], h_rules: list[BBox]) -> bool:
    """Two headlines in one type, one under the other with white between, and running text
    right over the upper one with no rule between: the upper is set under its story, the
    lower heads the next story. A deck is set tight under its headline, or in other type."""
    if upper.bold != lower.bold or abs(lower.size - upper.size) > FOOTING_PAIR_SIZE * upper.size \
            or lower.bbox[1] - upper.bbox[3] < FOOTING_PAIR_WHITE * lower.size:
        return False
    box = upper.bbox
    return any(m.kind == PARAGRAPH and 0 <= box[1] - m.bbox[3] <= FOOTING_PAIR_WHITE * 2 * upper.size
               and x_overlap(m.bbox, box) > 0.5 * width(m.bbox) and not any(_rule_between(r, m.bbox, box) for r in h_rules)
               for m in text)


# Two headlines whose sizes differ by at most this share are in one type; white this deep
# (× size) between them parts them.
FOOTING_PAIR_SIZE = 0.05
FOOTING_PAIR_WHITE = 0.5
# Under a rail headline, another in its own type (weight alike, size within this share) with
# this much white over it (× its size) and text starting level with it is a rail of its own.
RAIL_STACK_WHITE = 0.5
RAIL_STACK_SIZE = 0.9


def _starts_level_beside(m: LayoutBlock, h: LayoutBlock) -> bool:
    """Block ``m`` starts level with the headline's top, a gutter from either side."""
    hb, mb = h.bbox, m.bbox
    return abs(mb[1] - hb[1]) <= 0.5 * h.size and -1.0 <= max(mb[0] - hb[2], hb[0] - mb[2]) <= RAIL_GAP * h.size


def _level_with_top_on_left(m: LayoutBlock, h: LayoutBlock) -> bool:
    """Block ``m`` stands level with the headline's first line, just left of it."""
    top = h.lines[0].bbox
    return y_overlap(m.bbox, top) > 0 and 0 <= top[0] - m.bbox[2] <= RAIL_GAP * h.size


def _level_with_top_on_right(m: LayoutBlock, h: LayoutBlock) -> bool:
    """Block ``m`` starts level with the headline's first line, just right of it."""
    top = h.lines[0].bbox
    return y_overlap(m.lines[0].bbox, top) > 0 and 0 <= m.bbox[0] - h.bbox[2] <= RAIL_GAP * h.size


def _names_a_topic(string: str) -> bool:
    """A word or two (a few characters in CJK): a kicker's length, not a headline's."""
    return len(string.split()) <= KICKER_WORDS and len(string.strip()) <= KICKER_CHARS


def _led_by_a_symbol(string: str) -> bool:
    return bool(string) and unicodedata.category(string[0]) == "So"


def _kicker_of(lb: LayoutBlock, headlines: list[LayoutBlock]) -> LayoutBlock | None:
    """A short label set right above a headline (``GIUSTIZIA``, ``Il caso``) belongs to it."""
    if len(lb.lines) != 1 or lb.kind not in (PARAGRAPH, SUBHEAD, DECK, BYLINE) or len(lb.block.string.split()) > KICKER_WORDS:
        return None
    if lb.kind == PARAGRAPH and not lb.bold and not _led_by_a_symbol(lb.block.string):
        return None  # a kicker is set apart in bold, other type or a mark (▨, ■); a short plain line is text
    box = lb.bbox
    for h in headlines:
        hb = h.bbox
        gap = hb[1] - box[3]
        if -1.0 <= gap <= KICKER_GAP * h.size and x_overlap(hb, box) >= 0.8 * width(box) and h.size > lb.size:
            return h
    return None


def _stories_in_area(members: list[LayoutBlock], h_rules: list[BBox], v_rules: list[BBox], body: float,
                     frame: BBox | None, pictures: list[BBox], quotes: list[BBox] = (),
                     drawn_bold: Callable[[BBox, int], bool] | None = None) -> list[_Story]:
    members = sorted(members, key=_page_order)
    headlines = [b for b in members if b.kind == HEADLINE]
    if frame is not None and not headlines:
        title = _box_title(members, body)
        if title is not None:
            title.kind = HEADLINE
            headlines = [title]
    if frame is None:
        headlines = _briefs_titled_like_a_run_in_one(headlines, members, body, drawn_bold)
    # Deck-sized type that no headline stands right above is a smaller story's headline.
    strips = [h for h in headlines if h.vertical_strip]
    strip_bands = {id(h): _band_end(h, headlines, h_rules) for h in strips}
    # Smaller horizontal type set level with a vertical strip's top is that strip's deck.
    for h in [h for h in headlines if not h.vertical_strip and strips]:
        beside = _side_headline(h.bbox, strips, strip_bands, body, v_rules)
        if (
            beside is not None and h.size < beside.size
            and abs(h.bbox[1] - beside.bbox[1]) <= STRIP_DECK_DROP * beside.size
            and max(h.bbox[0] - beside.bbox[2], beside.bbox[0] - h.bbox[2]) <= STRIP_DECK_DROP * beside.size
        ) or _deck_across_from_strip(h, strips, headlines, v_rules, members):
            h.kind = DECK
            headlines.remove(h)
    for deck in (b for b in members if b.kind == DECK):
        above = _governing(deck.bbox, headlines, h_rules)
        beside = _side_headline(deck.bbox, strips, strip_bands, body, v_rules) if strips else None
        if beside is not None:
            # The deck of a vertical headline strip set beside it starts level with the
            # strip's top; further down it is a subhead of the text beside the strip.
            if len(deck.lines) <= MAX_SUBHEAD_LINES and (deck.bbox[1] - beside.bbox[1] > STRIP_DECK_DROP * beside.size
                                                         or _text_over_in_column(deck, members, beside.bbox[1] - beside.size)):
                deck.kind = SUBHEAD
            continue
        far = above is None or deck.bbox[1] - above.foot > DECK_REACH * deck.size
        if far and _next_brief_title(deck, headlines, members, h_rules):
            deck.kind = HEADLINE
            headlines.append(deck)
        elif far and len(deck.lines) <= MAX_SUBHEAD_LINES and (
                _text_to_the_left(deck, members, body) or _row_runs_into_a_headed_story(deck, members, headlines, h_rules, v_rules, body)) \
                or far and len(deck.lines) <= MAX_RUNNING_SUBHEAD_LINES and _text_to_the_left(deck, members, body) \
                and _set_in_running_text(deck, members, h_rules, body, above_too=False) \
                and not _titles_alike_in_column(deck, members):
            deck.kind = SUBHEAD  # a subhead at the top of a story's next column, or of its row run on leftwards
        elif far and above is not None and deck.size < SUBHEAD_UNDER * above.size \
                and len(deck.lines) <= MAX_RUNNING_SUBHEAD_LINES \
                and _set_in_running_text(deck, members, h_rules, body, above_too=not _right_under_a_picture(deck, pictures, body)):
            # A subhead between paragraphs of the story whose headline, in larger type,
            # governs the column, wrapped in a narrow column (titles in the governing
            # headline's own type are the next items of a column of briefs).
            deck.kind = SUBHEAD
        elif far:
            deck.kind = HEADLINE  # deck-sized type far from any headline heads a story of its own
            headlines.append(deck)
        elif len(deck.lines) <= MAX_RUNNING_SUBHEAD_LINES and _text_to_the_left(deck, members, body) \
                and (_byline_lower_on_the_left(deck, above, members, headlines, h_rules)
                     or _own_text_to_the_left(deck, above, members, headlines, h_rules, body)):
            # Right under the headline, yet past the story's start: its byline stands lower in
            # an earlier column, or its own text runs level on the left. A subhead atop a
            # later column.
            deck.kind = SUBHEAD
    headlines.sort(key=_page_order)
    _set_feet(headlines, members)
    stacked = _stack_headlines(headlines, h_rules, members)
    headlines = [h for h in headlines if id(h) not in stacked]
    stories = {id(h): _Story(h, frame=frame) for h in headlines}
    owner: dict[int, _Story] = {}
    for lb in members:
        lead = stacked.get(id(lb))
        if lead is None:
            continue
        lb.kind = KICKER if lb.bbox[3] <= lead.bbox[1] else DECK
        stories[id(lead)].members.append(lb)
        owner[id(lb)] = stories[id(lead)]
    if stacked:
        _set_feet(headlines, members)  # a stacked second headline is a deck: measure from its foot
    for lb in members:
        if id(lb) in owner or id(lb) in stories:
            continue
        kicked = _kicker_of(lb, headlines)
        if kicked is not None:
            lb.kind = KICKER
            stories[id(kicked)].members.append(lb)
            owner[id(lb)] = stories[id(kicked)]
    footing = _bodies_over_footing_headlines(headlines, members, owner, h_rules, v_rules, body, pictures, quotes)
    for h, claimed in footing.items():
        for lb in claimed:
            stories[h].members.append(lb)
            owner[id(lb)] = stories[h]
    # A headline set under its story governs nothing beneath it: that is the next story's.
    governing = [h for h in headlines if id(h) not in footing]
    rail_reach = _rail_reaches(governing, [m for m in members if m.kind not in (HEADLINE, DECK, KICKER)], v_rules, body)
    # Headlines with nothing under them, set level beside a picture: the picture is their
    # story's, and so is the text under it.
    # Which headlines stand bare is read once: the blocks keep their places from here on.
    bare = [h for h in governing if _bare(h, members, body)]
    beside_pictures = [(h, p) for h in bare if not h.vertical_strip
                       and (p := _picture_level_beside(h.bbox, pictures, body, v_rules)) is not None]
    orphans: list[LayoutBlock] = []
    run_in_heads = {lb.order: lb for lb in headlines if lb.run_in_head}
    for lb in members:
        if id(lb) in stories or id(lb) in owner:
            continue
        # Text that starts on a run-in headline's last line is its story's; a footing
        # headline's own deck still sits under it.
        h = run_in_heads.get(lb.order - 1) if lb.runs_in else None
        h = h or _governing(lb.bbox, headlines if lb.kind == DECK else governing, h_rules, rail_reach, beside_pictures)
        if h is None:
            orphans.append(lb)
            continue
        stories[id(h)].members.append(lb)
        owner[id(lb)] = stories[id(h)]
    # A headline in a narrow rail with text level beside it and only a distant column
    # under it heads the text beside it; what lies under it belongs to others.
    for h in headlines:
        story = stories[id(h)]
        if _is_side_rail(h, story, orphans, body) and not _picture_under(h, pictures, body):
            for m in story.members:
                if m.kind not in (DECK, KICKER):
                    owner.pop(id(m), None)
                    orphans.append(m)
            story.members = [m for m in story.members if m.kind in (DECK, KICKER)]
    orphans.sort(key=_page_order)
    # Headlines that govern nothing beneath them are set beside their body or under it.
    side = [h for h in headlines if h.vertical_strip or not _has_body(stories[id(h)])]
    text = [m for m in members if m.kind not in (HEADLINE, DECK, KICKER)]
    bands = {id(h): _band_end(h, headlines, h_rules, [] if h.vertical_strip else text) for h in side}
    for lb in orphans:
        h = _side_headline_open_for(lb, side, stories, bands, body, v_rules, text)
        if h is not None:
            stories[id(h)].members.append(lb)
            owner[id(lb)] = stories[id(h)]
    empty = [stories[id(h)] for h in headlines if not _has_body(stories[id(h)]) and not h.vertical_strip]
    extra: list[_Story] = []
    briefs: list[_Story] = []
    brief_titles: dict[int, LayoutBlock] = {}
    previous: LayoutBlock | None = None
    for lb in members:
        if id(lb) in stories:
            previous = lb
            continue
        if id(lb) in owner:
            previous = lb
            continue
        story = _empty_headline_below(lb.bbox, empty) or _sole_empty_headline_between_rules(lb.bbox, headlines, empty, h_rules)
        if story is None:
            h = _headline_over_picture_beside(lb.bbox, governing, pictures, body) \
                or _headline_beside_picture_above(lb.bbox, bare, pictures, body, v_rules)
            story = stories[id(h)] if h is not None else None
        if story is None and lb.kind != BYLINE:
            story = _story_to_the_left(lb, members, owner, stories, v_rules, body)
        if story is None and lb.kind != BYLINE:
            h = _headline_up_left(lb.bbox, governing, v_rules, body)
            story = stories[id(h)] if h is not None else None
        if story is None and lb.kind != BYLINE and _under_a_rule(lb.bbox, h_rules, body):
            story = _story_along_the_row(lb, members, owner, stories, v_rules, body)
            if story is not None:
                story.turned.add(id(lb))
        if story is None and previous is not None and lb.kind != BYLINE:
            prior = stories.get(id(previous)) or owner.get(id(previous))
            if prior is not None and (not _closed(prior) or _signs_off_under(prior, lb, members)):
                story = prior
        # Text no headline governs, opened by a title in display type at the text's size:
        # a column of briefs, each title heading its item (a later title in the same type
        # opens the next item).
        opens_brief = (story is None or id(story) in brief_titles and _same_type(brief_titles[id(story)], lb)) \
            and frame is None and _titles_an_item(lb, members, body, drawn_bold)
        if opens_brief:
            lb.kind = HEADLINE
            story = _Story(lb, frame=frame)
            briefs.append(story)
            brief_titles[id(story)] = lb
            owner[id(lb)] = story
            previous = lb
            continue
        if story is None:
            story = _Story(None, frame=frame)
            extra.append(story)
        if previous is not None and id(previous) in story.turned:
            story.turned.add(id(lb))  # the turned row's next column
        story.members.append(lb)
        owner[id(lb)] = story
        previous = lb
    if frame is not None:
        # A frame is one article: whatever no headline in it governs joins its first story.
        all_stories = [s for s in stories.values()] + extra
        if len(all_stories) > 1 and extra and stories:
            lead = min(stories.values(), key=lambda s: s.first)
            for s in extra:
                lead.members.extend(s.members)
            extra = []
    extra = _join_row_to_the_right(extra, list(stories.values()), v_rules, body)
    extra = _pair_headless_with_empty(extra, [stories[id(h)] for h in headlines], h_rules, v_rules, body)
    return list(stories.values()) + briefs + extra


def _join_row_to_the_right(headless: list[_Story], headed: list[_Story], v_rules: list[BBox],
                           body: float) -> list[_Story]:
    """Text no headline governs whose top is level with a headed story's text right beside
    it on the right, a gutter away and no rule between, is that story's last row run on
    leftwards under its neighbour (a story set as an L). Text continued from another page
    keeps its own article."""
    left: list[_Story] = []
    for story in headless:
        if _continued_from_elsewhere(story):
            left.append(story)
            continue
        area = union(m.bbox for m in story.members)
        beside = None
        for other in headed:
            beside = next((m for m in other.members if m.kind in (PARAGRAPH, LIST_ITEM) and abs(m.bbox[1] - area[1]) <= body
                           and 0 <= m.bbox[0] - area[2] <= MAX_COLUMN_GAP * body and not _rule_parts(area, m.bbox, v_rules)),
                          None)
            if beside is not None:
                break
        if beside is None:
            left.append(story)
            continue
        # The row is read where it runs on: after the story's rows above, before the text
        # beside it (the page's order reads it first, being further left).
        row = [m for m in other.members if abs(m.bbox[1] - beside.bbox[1]) <= body and m.bbox[0] >= area[2] - 1.0]
        first = min(m.order for m in row)
        moved = sorted(story.members, key=_page_order)
        for i, m in enumerate(moved):
            m.order = first - 1 + (i + 1) / (len(moved) + 1)
        other.members.extend(moved)
    return left


def _titles_an_item(lb: LayoutBlock, members: list[LayoutBlock], body: float,
                    drawn_bold: Callable[[BBox, int], bool] | None = None) -> bool:
    """A short title in bold at about the text's size (bold by its font, or drawn twice in
    place), stopping short of a sentence, with running text starting right under it."""
    if lb.kind not in (SUBHEAD, PARAGRAPH) or len(lb.lines) > MAX_BRIEF_TITLE_LINES:
        return False
    if not BRIEF_TITLE_SIZES[0] * body <= (lb.size or 0.0) <= BRIEF_TITLE_SIZES[1] * body or not is_title_like(lb.block.string, len(lb.lines), display=True):
        return False
    box = lb.bbox
    text_under = any(
        m.kind in (PARAGRAPH, LIST_ITEM, BYLINE) and -1.0 <= m.bbox[1] - box[3] <= LOOSE_REACH * body
        and in_one_column(m.bbox, box)
        for m in members if m is not lb
    )
    # The costly look at how the type was drawn comes last, where all else says title.
    return text_under and (lb.bold or drawn_bold is not None and drawn_bold(box, len(_plain(lb.block.string))))


# A brief's title wraps over at most this many lines of a narrow column.
MAX_BRIEF_TITLE_LINES = 4


def _briefs_titled_like_a_run_in_one(headlines: list[LayoutBlock], members: list[LayoutBlock], body: float,
                                     drawn_bold: Callable[[BBox, int], bool] | None) -> list[LayoutBlock]:
    """A brief's title run in to its text at the text's size makes its column a column of
    briefs: a short title further down it, on a line of its own in that size and bold (or
    drawn twice), opens the next brief rather than being a line of this one's text."""
    run_in = [h for h in headlines if h.run_in_head and BRIEF_TITLE_SIZES[0] * body <= (h.size or 0.0) <= BRIEF_TITLE_SIZES[1] * body]
    if not run_in:
        return headlines
    found = [lb for lb in members if lb.kind in (PARAGRAPH, SUBHEAD)
             and any(lb.bbox[1] >= h.bbox[3] - 1.0 and abs(lb.bbox[0] - h.bbox[0]) <= body
                     and abs((lb.size or 0.0) - (h.size or 0.0)) <= 0.5 for h in run_in)
             and _titles_an_item(lb, members, body, drawn_bold)]
    for lb in found:
        lb.kind = HEADLINE
    return sorted(headlines + found, key=_page_order) if found else headlines


# A brief's title is set at about the text's size (× body, low and high).
BRIEF_TITLE_SIZES = (0.9, 1.2)


def _same_type(a: LayoutBlock, b: LayoutBlock) -> bool:
    return a.bold == b.bold and abs((a.size or 0.0) - (b.size or 0.0)) <= 0.5


def _pair_headless_with_empty(headless: list[_Story], headed: list[_Story], h_rules: list[BBox], v_rules: list[BBox],
                              body: float) -> list[_Story]:
    """Last resort: a headline left with no text and, close by, text left with no headline
    (a headline under its photo, the text beside both) are one story. Text continued from
    another page keeps its own headless article."""
    empty = [s for s in headed if not _has_body(s) and not s.headline.vertical_strip]
    left: list[_Story] = []
    for story in headless:
        if not empty or _continued_from_elsewhere(story):
            left.append(story)
            continue
        area = union(m.bbox for m in story.members)
        best = min(empty, key=lambda s: _box_gap(s.headline.bbox, area))
        hb = best.headline.bbox
        if _box_gap(hb, area) > PAIR_REACH * body or _rule_parts(hb, area, v_rules) \
                or any(_rule_between(r, hb, area) or _rule_between(r, area, hb) for r in h_rules):
            left.append(story)
            continue
        best.members.extend(story.members)
        empty.remove(best)
    return left


def _bodies_over_footing_headlines(headlines: list[LayoutBlock], members: list[LayoutBlock], owner: dict[int, _Story],
                                   h_rules: list[BBox], v_rules: list[BBox], body: float,
                                   pictures: list[BBox], quotes: list[BBox] = ()) -> dict[int, list[LayoutBlock]]:
    """Headlines set under their story: a headline with no text under it or level with it,
    right under a stack of text, heads that stack, up to the deep white that parts it from
    the story above (which a headline higher up would otherwise claim as its own area).
    A pull quote set into the stack's column, like a picture, is inside the story: the
    white it leaves parts nothing."""
    insets = list(pictures) + list(quotes)
    others = [m for m in members if m.kind not in (HEADLINE, DECK, KICKER) and id(m) not in owner]
    out: dict[int, list[LayoutBlock]] = {}
    for h in headlines:
        if h.vertical_strip or _text_under_or_beside(h, members, body) or _picture_under(h, pictures, body) \
                or _picture_level_beside(h.bbox, pictures, body, v_rules) is not None and _bare(h, members, body):
            continue
        claimed: list[LayoutBlock] = []
        # The boxes whose tops the stack above must reach down to, each with the most
        # white allowed over it: a headline is set with more air above it than a paragraph.
        frontier = [(h.bbox, max(STORY_BAND * body, FOOT_REACH * h.size))]
        pictured: list[tuple[BBox, float]] = []
        taken = {id(lb) for c in out.values() for lb in c}
        # Only text above the headline can be its story's stack.
        candidates = [lb for lb in sorted(others, key=lambda b: -b.bbox[3])
                      if lb.bbox[1] < h.bbox[1] and id(lb) not in taken]
        grew = True
        while grew:
            grew = False
            for lb in candidates:
                if id(lb) in taken or _over_the_stacks_byline(lb, claimed, headlines, members, h_rules, v_rules, body):
                    continue
                # A picture is set with more air round it than a paragraph: text that far
                # over a claimed picture is the story's, unless a headline above governs it.
                if _stacks_on(lb, frontier, h_rules) or _level_with_claimed(lb, claimed, h, body) \
                        or _stacks_on(lb, pictured, h_rules) and _governing(lb.bbox, headlines, h_rules) is None \
                        or _hangs_under(lb, claimed, h, body, h_rules) \
                        or _next_column_of(lb, claimed, h, body, v_rules) and (
                            _governing(lb.bbox, headlines, h_rules) is None or _closed_above(lb, members)):
                    claimed.append(lb)
                    taken.add(id(lb))
                    # A subhead has air above it; a jump line sits at its column's foot.
                    frontier.append((lb.bbox, LOOSE_REACH * body if lb.kind in (CONTINUATION, SUBHEAD) else STORY_BAND * body))
                    # A picture set tight on top of the stack, across its columns, is inside
                    # the story: its text goes on above the picture.
                    on_top = _pictures_on(lb.bbox, insets, body)
                    while on_top:  # a photo on its caption on the stack
                        picture = on_top.pop()
                        # A pull quote is set with more air round it than a paragraph.
                        reach = (LOOSE_REACH if picture in quotes else STORY_BAND) * body
                        if (picture, reach) not in frontier:
                            frontier.append((picture, reach))
                            if picture not in quotes:
                                pictured.append((picture, LOOSE_REACH * body))
                            on_top.extend(_pictures_on(picture, insets, body))
                    grew = True
        if claimed:
            out[id(h)] = sorted(claimed, key=lambda b: (b.order, b.bbox[3]))  # a run-in byline before its paragraph
    return out


def _over_the_stacks_byline(lb: LayoutBlock, claimed: list[LayoutBlock], headlines: list[LayoutBlock],
                            members: list[LayoutBlock], h_rules: list[BBox], v_rules: list[BBox], body: float) -> bool:
    """The stack's byline opens its story: text wholly above the byline's level, in a
    column where the stack starts level with the byline with more white over it than
    between paragraphs, is the story before (a headline set under its story, the previous
    story's text right over this one's byline and columns), where a headline governs it or
    heads the row of columns it stands in."""
    box = lb.bbox
    for byline in (m for m in claimed if m.kind == BYLINE):
        top = byline.bbox[1]
        if box[3] <= top + 1.0 and any(abs(m.bbox[1] - top) <= body and m.bbox[1] - box[3] >= STORY_AIR * body
                                        and in_one_column(m.bbox, box) for m in claimed):
            return _governing(box, headlines, h_rules) is not None or _in_a_headlines_row(box, headlines, members, v_rules, body)
    return False


def _in_a_headlines_row(box: BBox, headlines: list[LayoutBlock], members: list[LayoutBlock], v_rules: list[BBox],
                        body: float) -> bool:
    """The box stands in a row of columns that starts right under a headline narrower than
    its story and runs on level to its right, a gutter at a time."""
    for h in headlines:
        if h.vertical_strip:
            continue
        under = [m for m in members if m.kind not in (HEADLINE, DECK, KICKER) and _starts_just_under(m.bbox, h.bbox, body)]
        if not under:
            continue
        top = min(m.bbox[1] for m in under)
        level = [m for m in members if m.kind not in (HEADLINE, DECK, KICKER) and abs(m.bbox[1] - top) <= body]
        edge = _chain_of_columns(union(m.bbox for m in under), level, 1, MAX_COLUMN_GAP * body, v_rules, body)
        if box[1] >= top - 1.0 and h.bbox[0] - 1.0 <= box[0] and box[2] <= edge + 1.0:
            return True
    return False


# White over a story's first line, at least (× body): more than between its paragraphs.
STORY_AIR = 0.8


def _pictures_on(box: BBox, pictures: list[BBox], body: float) -> list[BBox]:
    """Pictures (photos and their captions) standing right on top of the box, in its column."""
    return [p for p in pictures if p[3] <= box[1] + 1.0 and box[1] - p[3] < STORY_BAND * body
            and in_one_column(p, box)]


def _stacks_on(lb: LayoutBlock, frontier: list[tuple[BBox, float]], h_rules: list[BBox]) -> bool:
    """The block stands right on top of one of the frontier's boxes, in its column."""
    box = lb.bbox
    top, bottom, box_width = box[1], box[3], width(box)
    # Asked of each candidate against each frontier box, pass after pass: the level
    # tests, cheapest and most often false, come first.
    for f, reach in frontier:
        if top <= f[1] + 1.0 and f[1] - bottom < reach and x_overlap(box, f) > 0.5 * min(box_width, width(f)) \
                and not any(_rule_between(r, box, f) for r in h_rules):
            return True
    return False


def _hangs_under(lb: LayoutBlock, claimed: list[LayoutBlock], h: LayoutBlock, body: float,
                 h_rules: list[BBox]) -> bool:
    """The block carries on a claimed one down its column, above the headline."""
    box = lb.bbox
    return box[3] <= h.bbox[1] + 1.0 and any(
        in_one_column(box, c.bbox)
        and -1.0 <= box[1] - c.bbox[3] < LOOSE_REACH * body
        and not any(_rule_between(r, c.bbox, box) for r in h_rules)
        for c in claimed
    )


def _level_with_claimed(lb: LayoutBlock, claimed: list[LayoutBlock], h: LayoutBlock, body: float) -> bool:
    """A column of the story that ends short of the others: it starts level with a claimed
    block, over the headline's width and above it."""
    box, hb = lb.bbox, h.bbox
    return (
        box[3] <= hb[1] + 1.0 and x_overlap(box, hb) > 0.5 * width(box)
        and any(abs(c.bbox[1] - box[1]) <= body for c in claimed)
    )


def _next_column_of(lb: LayoutBlock, claimed: list[LayoutBlock], h: LayoutBlock, body: float,
                    v_rules: list[BBox]) -> bool:
    """A column beyond the headline's width, level with and right beside a claimed one:
    a headline narrower than its story."""
    box = lb.bbox
    # Level with the story's top (its byline may be short), right beside its column.
    return box[3] <= h.bbox[1] + 1.0 and any(abs(c.bbox[1] - box[1]) <= body for c in claimed) and any(
        0 <= box[0] - c.bbox[2] <= MAX_COLUMN_GAP * body and c.bbox[1] - box[3] < body and box[1] - c.bbox[3] < body
        and not _rule_parts(c.bbox, box, v_rules)
        for c in claimed
    )


def _closed_above(lb: LayoutBlock, members: list[LayoutBlock]) -> bool:
    """Right above the block in its column a story signs off: whatever headline governs
    that column, the block does not carry its story on."""
    last = _right_above_in_column(lb, members)
    return last is not None and last.kind in (SIGNOFF, CONTINUATION)


def _headline_over_picture_beside(box: BBox, headlines: list[LayoutBlock], pictures: list[BBox],
                                  body: float) -> LayoutBlock | None:
    """Text starting level with a picture's top, right beside it, where the picture stands
    right under a headline (and its decks) that does not reach over the text, a few
    characters past the picture at most: a headline over its photo, its story set beside
    the photo."""
    for picture in pictures:
        if abs(box[1] - picture[1]) > PICTURE_LEVEL * body or not 0 <= box[0] - picture[2] <= MAX_COLUMN_GAP * body:
            continue
        for h in headlines:
            hb = h.bbox
            if not h.vertical_strip and _starts_just_under(picture, _with_decks(h), body) \
                    and x_overlap(picture, hb) > 0.5 * width(picture) and x_overlap(box, hb) < GOVERNED_SHARE * width(box):
                return h
    return None


# Text beside a picture starts within this much (× body) of the picture's top.
PICTURE_LEVEL = 2.0


def _picture_level_beside(box: BBox, pictures: list[BBox], body: float, v_rules: list[BBox]) -> BBox | None:
    """A picture whose top is level with the box's, right beside it on either side, no
    column rule between them (a picture across the rule is another column's)."""
    for picture in pictures:
        if abs(box[1] - picture[1]) <= PICTURE_LEVEL * body \
                and 0 <= max(box[0] - picture[2], picture[0] - box[2]) <= MAX_COLUMN_GAP * body \
                and not _rule_parts(box, picture, v_rules):
            return picture
    return None


def _bare(h: LayoutBlock, members: list[LayoutBlock], body: float) -> bool:
    """Nothing starts right under the headline: no deck, byline or text (tight leading
    may set a deck's box a little into the headline's)."""
    hb = h.bbox
    middle, reach = (hb[1] + hb[3]) / 2, hb[3] + STORY_BAND * body
    return not any(m is not h and middle <= m.bbox[1] <= reach and x_overlap(m.bbox, hb) > 0 for m in members)


def _headline_beside_picture_above(box: BBox, headlines: list[LayoutBlock], pictures: list[BBox],
                                   body: float, v_rules: list[BBox]) -> LayoutBlock | None:
    """Text starting right under a picture (or under its caption), where a headline stands
    level beside the picture: a headline set beside its story's photo, the story's text under
    both. Such a headline has nothing under it, so it would otherwise be read as set under
    the story above it."""
    above = next((p for p in pictures if _starts_just_under(box, p, body)), None)
    while above is not None:
        for h in headlines:
            if not h.vertical_strip and _picture_level_beside(h.bbox, [above], body, v_rules) is not None \
                    and x_overlap(box, h.bbox) <= 0:
                return h
        above = next((p for p in pictures if p != above and _starts_just_under(above, p, body)), None)
    return None


def _starts_just_under(box: BBox, above: BBox, body: float) -> bool:
    """The box starts under ``above``, in its columns, with less than a story's white between."""
    return box[1] >= above[3] - 1.0 and box[1] - above[3] <= STORY_BAND * body and x_overlap(box, above) > 0


def _picture_under(h: LayoutBlock, pictures: list[BBox], body: float) -> bool:
    """A picture starts right under the headline, or under the decks set under it."""
    head = _with_decks(h)
    return any(_starts_just_under(p, head, body) for p in pictures)


def _with_decks(h: LayoutBlock) -> BBox:
    """The headline's box down to the foot of the decks set under it."""
    hb = h.bbox
    return (hb[0], hb[1], hb[2], max(hb[3], h.foot))


def _text_under_or_beside(h: LayoutBlock, members: list[LayoutBlock], body: float) -> bool:
    hb = h.bbox
    # A deck set under the headline is read with it: the story's text starts under the deck.
    bottom = hb[3]
    for m in sorted((m for m in members if m.kind == DECK), key=lambda m: m.bbox[1]):
        if m.bbox[1] > hb[1] and bottom - 1.0 <= m.bbox[3] and m.bbox[1] - bottom <= STORY_BAND * body and x_overlap(m.bbox, hb) > 0:
            bottom = m.bbox[3]
    for m in members:
        if m is h or m.kind in (HEADLINE, DECK, KICKER):
            continue
        mb = m.bbox
        # Beside: text that starts level with the headline (a column running down past
        # it from higher up belongs to the story above).
        if hb[1] - body <= mb[1] <= hb[3] and max(mb[0] - hb[2], hb[0] - mb[2]) <= MAX_COLUMN_GAP * body:
            return True
        # Under (_starts_just_under, written out: this runs for every headline against
        # every block of its area).
        if mb[1] >= hb[3] - 1.0 and mb[1] - bottom <= STORY_BAND * body and x_overlap(mb, hb) > 0:
            return True
    return False


def _headline_up_left(box: BBox, headlines: list[LayoutBlock], v_rules: list[BBox], body: float) -> LayoutBlock | None:
    """A column that starts right under the level of a headline ending just left of it (a
    headline narrower than its story, a photo under it) is that headline's."""
    for h in headlines:
        hb = h.bbox
        if h.vertical_strip or not (0 <= box[1] - hb[3] <= HEAD_DROP * h.size):
            continue
        if -1.0 <= box[0] - hb[2] <= MAX_COLUMN_GAP * body and box[0] > hb[0] and not _rule_parts(hb, box, v_rules):
            return h
    return None


# A column beside a headline's end starts at most this far under it (× the headline's size).
HEAD_DROP = 2.0


def _story_to_the_left(lb: LayoutBlock, members: list[LayoutBlock], owner: dict[int, _Story],
                       stories: dict[int, _Story], v_rules: list[BBox], body: float) -> _Story | None:
    """A column no headline spans continues the story in the column to its left at the
    same height (a headline a little narrower than its story), unless a rule parts them."""
    box = lb.bbox
    best, best_gap = None, MAX_COLUMN_GAP * body
    for other in members:
        # Runs for every block against every other: where it stands is asked before whose it is.
        ob = other.bbox
        gap = box[0] - ob[2]
        if gap < -2.0 or other is lb:
            continue
        if gap > best_gap:
            # A paragraph's short last line ("on record.") stops well short of its column's
            # edge, which the column's widest paragraph shows.
            if ob[0] >= box[0] or y_overlap(ob, box) < 0.3 * min(height(ob), height(box)):
                continue
            gap = box[0] - max(m.bbox[2] for m in members if abs(m.bbox[0] - ob[0]) <= 2.0 and m.bbox[2] <= box[0] + 2.0)
            if gap < -2.0 or gap > best_gap:
                continue
        story = owner.get(id(other)) or stories.get(id(other))
        if story is None or y_overlap(ob, box) < 0.3 * min(height(ob), height(box)):
            continue
        if any(r[0] >= ob[2] - 1.0 and r[2] <= box[0] + 1.0 and y_overlap(r, box) > 0 for r in v_rules):
            continue
        best, best_gap = story, gap
    return best


def _under_a_rule(box: BBox, h_rules: list[BBox], body: float) -> bool:
    """A rule across the block's width lies right over it: what stands above is closed off."""
    return any(r[3] <= box[1] + 1.0 and box[1] - r[3] <= STORY_BAND * body and x_overlap(r, box) >= 0.5 * width(box)
               for r in h_rules)


def _story_along_the_row(lb: LayoutBlock, members: list[LayoutBlock], owner: dict[int, _Story],
                         stories: dict[int, _Story], v_rules: list[BBox], body: float) -> _Story | None:
    """Text a rule closes off from the story above it, in a row of columns that runs on,
    level, into a headed story's columns to its right: that story, turned under its
    neighbour (a dogleg). The row may hold other unclaimed columns on the way."""
    box = lb.bbox
    level = [m for m in members if m is not lb and m.bbox[0] >= box[2] - 2.0
             and y_overlap(m.bbox, box) >= 0.3 * min(height(m.bbox), height(box))]
    edge = box
    for other in sorted(level, key=lambda m: m.bbox[0]):
        ob = other.bbox
        if ob[0] - edge[2] > MAX_COLUMN_GAP * body:
            return None
        if any(r[0] >= edge[2] - 1.0 and r[2] <= ob[0] + 1.0 and y_overlap(r, ob) > 0 for r in v_rules):
            return None
        story = owner.get(id(other)) or stories.get(id(other))
        if story is not None:
            return story if story.headline is not None else None
        edge = (edge[0], edge[1], max(edge[2], ob[2]), edge[3])
    return None


def _is_side_rail(h: LayoutBlock, story: _Story, orphans: list[LayoutBlock], body: float) -> bool:
    if h.vertical_strip or len(h.lines) < RAIL_LINES:
        return False
    governed = [m for m in story.members if m.kind not in (DECK, KICKER)]
    if not governed:
        return False
    hb = h.bbox
    if _column_runs_under(h, governed, body):
        return False  # its story runs down the column under it: text beside is another's
    if any(abs(o.bbox[1] - hb[1]) <= body and 0 <= o.bbox[0] - hb[2] <= MAX_COLUMN_GAP * body for o in orphans):
        return True  # text starts level with the headline's top, right beside it: its story
    # Measured from the foot of its decks: text right under the deck is under the headline.
    if min(m.bbox[1] for m in governed) - h.foot <= RAIL_DROP * body:
        return False
    return any(y_overlap(o.bbox, hb) > 0 and (o.bbox[2] <= hb[0] + 2.0 or o.bbox[0] >= hb[2] - 2.0) for o in orphans)


def _column_runs_under(h: LayoutBlock, governed: list[LayoutBlock], body: float) -> bool:
    """A byline tight under the headline's foot (closer than a line of body type) and
    running text under it, in the headline's column: the story starts under the headline,
    not beside it. A byline further down, past white, opens the next story of the rail."""
    below = sorted((m for m in governed if x_overlap(m.bbox, h.bbox) > 0.5 * width(m.bbox)), key=lambda m: m.bbox[1])
    if len(below) < 2 or below[0].kind != BYLINE or below[0].bbox[1] - h.foot > body:
        return False
    return below[1].kind == PARAGRAPH and below[1].bbox[1] - below[0].bbox[3] <= STORY_BAND * body


def _has_body(story: _Story) -> bool:
    """Whether anything but its own decks and kickers stands under the headline."""
    return any(m.kind not in (DECK, KICKER) for m in story.members)


def _set_aside_pull_quotes(blocks: list[LayoutBlock], unassigned: list[Block], body: float,
                           h_rules: list[BBox] = ()) -> list[LayoutBlock]:
    """Big type repeating a line of the body (a pull quote) heads no story: set it aside
    before headlines claim their areas, or it would end the area of the story it quotes."""
    # Only big type of a quote's length is tested: its own text is read, the body's once.
    candidates = [(lb, text) for lb in blocks if (_may_be_pull_quote(lb, body) or _framed_quote_type(lb, body, h_rules))
                  and MIN_QUOTE <= len(text := _plain(lb.block.string)) <= MAX_QUOTE]
    if not candidates:
        return list(blocks)
    # All running text in reading order, run together: the quoted sentence may be cut by
    # a column break, or by the quote's own box set in the middle of it.
    pieces = [_plain(b.block.string) for b in sorted(blocks, key=_page_order)
              if b.kind in (PARAGRAPH, LIST_ITEM) and b.block is not None and b.size < QUOTE_SIZE * body]
    running = "".join(pieces)
    quotes = {id(lb) for lb, text in candidates if text[:QUOTE_PREFIX] in running
              or _quoted_in_parts(lb.block.string, running) or _quoted_across_pieces(text, pieces)
              or _set_into_a_sentence(lb, blocks, body) or _sentence_under_a_larger_headline(lb, blocks)}
    kept = []
    for lb in blocks:
        if id(lb) in quotes:
            lb.kind = PULL_QUOTE
            lb.block.kind = PULL_QUOTE
            unassigned.append(lb.block)
            continue
        kept.append(lb)
    return kept


def _set_into_a_sentence(lb: LayoutBlock, blocks: list[LayoutBlock], body: float) -> bool:
    """A sentence in big type set into a column between two parts of one sentence of the
    running text (the part over it stops mid-sentence, the part under it goes on): a pull
    quote whose sentence may stand on another page, not a headline (which ends in no full
    stop)."""
    if _unquoted(lb.block.string)[-1:] not in FULL_STOPS:
        return False
    box = lb.bbox

    def in_column(other: LayoutBlock) -> bool:
        return other.kind == PARAGRAPH and in_one_column(other.bbox, box)

    over = max((b for b in blocks if in_column(b) and 0 <= box[1] - b.bbox[3] <= QUOTE_AIR * body),
               key=lambda b: b.bbox[3], default=None)
    under = min((b for b in blocks if in_column(b) and 0 <= b.bbox[1] - box[3] <= QUOTE_AIR * body),
                key=lambda b: b.bbox[1], default=None)
    if over is None or under is None or over.block is None or under.block is None:
        return False
    return not ends_paragraph(over.lines[-1].string) and not under.indented


def _sentence_under_a_larger_headline(lb: LayoutBlock, blocks: list[LayoutBlock]) -> bool:
    """Big type ending in a full stop, set in the area of a larger headline above it: a
    sentence pulled out of a story (its own text may be on another page), not a headline,
    which ends in no full stop."""
    string = _unquoted(lb.block.string)
    if not string.endswith(("。", ".")) or string.endswith("..") or ends_in_title_abbreviation(string):
        return False
    box = lb.bbox
    return any(h.kind == HEADLINE and h is not lb and h.size >= SUBHEAD_UNDER_QUOTE * lb.size and h.bbox[3] <= box[1] + 1.0
               and x_overlap(h.bbox, box) > 0.5 * width(box) for h in blocks)


def _unquoted(string: str) -> str:
    """The string without the closing quotes after its last word or stop."""
    return string.rstrip().rstrip("”’」』\"'")


# A headline over a pulled sentence is set this much larger than it, at least (×).
SUBHEAD_UNDER_QUOTE = 1.2
# White round a pull quote set into a column, at most (× body); the stops that end its sentence.
QUOTE_AIR = 3.0
FULL_STOPS = frozenset("。.!?！？")


def _quoted_across_pieces(text: str, pieces: list[str]) -> bool:
    """The quoted sentence runs from the end of one block of running text on at the top of
    another that reading order did not set next to it (a story's text carried on in another
    column, past other stories' text), or its opening, long enough to tell, ends a block (the
    story jumps to another page mid-sentence)."""
    quote = text[:QUOTE_PREFIX]
    splits = range(MIN_QUOTE_SPLIT, len(quote) - MIN_QUOTE_SPLIT + 1)
    # Runs for big type against all the running text of the page: each piece is tried
    # on every split at once (``endswith`` takes a tuple), split by split only on a match.
    heads = tuple(quote[:k] for k in splits)
    ends = {k for p in pieces if p.endswith(heads) for k in splits if p.endswith(quote[:k])}
    if not ends:
        return False
    if max(ends) >= MIN_QUOTE_PART:
        return True  # a sentence's long opening ends the text here: its rest is on another page
    tails = tuple(quote[k:] for k in splits)
    starts = {k for p in pieces if p.startswith(tails) for k in splits if p.startswith(quote[k:])}
    return not ends.isdisjoint(starts)


# Each side of a quoted sentence split between two blocks holds at least this many letters.
MIN_QUOTE_SPLIT = 4


def _quoted_in_parts(string: str, running: str) -> bool:
    """A pull quote joining sentences the body keeps apart (the attribution between them
    left out): each of its sentences opens somewhere in the running text."""
    parts = [p for p in (_plain(part) for part in _SENTENCE_END.split(string)) if len(p) >= MIN_QUOTE_PART]
    return len(parts) >= 2 and all(p[:QUOTE_PREFIX] in running for p in parts)


_SENTENCE_END = regex.compile(r"(?<=[.!?。！？;；])\s*")
# A sentence this short (letters) says too little to tell a quotation by.
MIN_QUOTE_PART = 12


def _framed_quote_type(lb: LayoutBlock, body: float, h_rules: list[BBox]) -> bool:
    """Type only a little larger than the body, set between a rule over it and a rule under
    it: the frame sets a pull quote apart where its size does not (Typst's 11 pt over 9.5)."""
    if lb.kind not in (HEADLINE, DECK, SUBHEAD, PARAGRAPH) or lb.block is None or lb.size < FRAMED_QUOTE_SIZE * body:
        return False
    box = lb.bbox
    framing = [r for r in h_rules if _frames_quote(r, box, lb.size)]
    return any(r[1] <= box[1] for r in framing) and any(r[1] >= box[3] for r in framing)


# Type between two rules this much larger than the body (×) may be a pull quote.
FRAMED_QUOTE_SIZE = 1.1


def _may_be_pull_quote(lb: LayoutBlock, body: float) -> bool:
    """A block in a kind and a size a pull quote is set in."""
    return lb.kind in (HEADLINE, DECK, SUBHEAD, PARAGRAPH) and lb.block is not None and lb.size >= QUOTE_SIZE * body


def _box_title(members: list[LayoutBlock], body: float) -> LayoutBlock | None:
    """A box with no headline type in it is still titled by its first line when that line
    is a short title over the rest, in type no smaller than the body's ("Key dates" over a
    list, in a weight the PDF does not name)."""
    if len(members) < 2:
        return None
    first, rest = members[0], members[1:]
    if first.kind not in (PARAGRAPH, SUBHEAD) or len(first.lines) != 1 or (first.size or 0) < 0.95 * body:
        return None
    if first.bbox[3] > min(lb.bbox[1] for lb in rest) + 1.0:
        return None  # not over the rest
    return first if is_title_like(first.block.string, 1) else None


def _frames_quote(rule: BBox, quote: BBox, size: float) -> bool:
    """A rule within a line and a half of the quote's own type from its top or foot, across
    half its width at least: a typesetter pads a quote in proportion to its type (TeX sets
    each rule as a line of its own, a full line of the quote away)."""
    near_edge = min(abs(rule[1] - quote[1]), abs(rule[1] - quote[3])) <= 1.5 * size
    return near_edge and x_overlap(rule, quote) >= 0.5 * width(rule)


def _plain(text: str) -> str:
    """The letters and digits of ``text``."""
    # Runs over all the running text of a page: ASCII text (its kind known without a
    # scan) drops its other characters through a table, eight times quicker.
    if text.isascii():
        return text.translate(_ASCII_NOT_ALNUM)
    return "".join(filter(str.isalnum, text))


_ASCII_NOT_ALNUM = {code: None for code in range(128) if not chr(code).isalnum()}


def _empty_headline_below(box: BBox, empty: list[_Story]) -> _Story | None:
    best = None
    for story in empty:
        hb = story.headline.bbox
        if hb[1] >= box[3] - 2.0 and x_overlap(hb, box) >= GOVERNED_SHARE * min(width(box), width(hb)):
            if best is None or hb[1] < best.headline.bbox[1]:
                best = story
    return best


def _sole_empty_headline_between_rules(box: BBox, headlines: list[LayoutBlock], empty: list[_Story],
                                       h_rules: list[BBox]) -> _Story | None:
    """Rules across the page part it into modules; text in a module whose one headline has
    no text under it (set under its photo, its text beside) is that headline's story."""
    middle = (box[0] + box[2]) / 2
    across = [r for r in h_rules if r[0] - 1.0 <= middle <= r[2] + 1.0]
    top = max((r[3] for r in across if r[3] <= box[1] + 1.0), default=None)
    foot = min((r[1] for r in across if r[1] >= box[3] - 1.0), default=float("inf"))
    if top is None:
        return None
    inside = [h for h in headlines if top - 1.0 <= h.bbox[1] and h.bbox[3] <= foot + 1.0]
    if len(inside) != 1:
        return None
    return next((s for s in empty if s.headline is inside[0]), None)


def _running_text(story: _Story) -> list[LayoutBlock]:
    """The story's paragraphs and list items, in reading order."""
    return sorted((m for m in story.members if m.kind in (PARAGRAPH, LIST_ITEM) and m.block is not None),
                  key=_page_order)


def _run_on_lower_case(stories: list[_Story]) -> None:
    """Text opening in lower case goes on with a sentence. Where the story that geometry gave
    it has no sentence open before it, and one other story's text, read earlier, stops
    mid-sentence with no sign-off or jump line after it, the text and what its story holds
    from its level down are that story's: a dogleg run on under another story's headline."""
    for story in stories:
        text = _running_text(story)
        for i, lb in enumerate(text):
            # A list item may open in lower case (after a colon); a paragraph going on may not
            # be indented.
            if lb.kind != PARAGRAPH or lb.indented or not lb.block.string[:1].islower() \
                    or i and not ends_sentence(text[i - 1].block.string):
                continue
            open_ = [t for t in stories if t is not story and t.frame == story.frame and _stops_mid_sentence_before(t, lb)]
            if len(open_) != 1:
                continue
            # The row it opens: what the story holds from its level down, read from it on.
            moved = [m for m in story.members if m.order >= lb.order and m.bbox[1] >= lb.bbox[1] - 1.0]
            story.members = [m for m in story.members if m not in moved]
            open_[0].members.extend(moved)
            break


def _headless_runs_on(stories: list[_Story]) -> list[_Story]:
    """Text no headline took that opens mid-paragraph (flush, where a paragraph cut by a
    column break would go on, for two lines at least) is the rest of the one story holding a
    paragraph it carries on: one that stops mid-sentence, read earlier, with nothing of its
    own story carrying it on (a dogleg reached past another story's columns)."""
    kept: list[_Story] = []
    for story in stories:
        text = _running_text(story)
        if story.headline is not None or not text or text[0].kind != PARAGRAPH or len(text[0].lines) < 2 \
                or _continued_from_elsewhere(story):
            kept.append(story)
            continue
        first = text[0]
        opening = first.block.string[:1]
        if not (opening.islower() or CJK_CHAR.match(opening)):
            kept.append(story)  # Latin text going on opens in lower case
            continue
        open_ = [t for t in stories if t is not story and t.frame == story.frame and not _jumps_off_the_page(t)
                 and _left_open_for(t, first)]
        if not open_ and opening.islower():
            # Lower case can only go on with a sentence: the one story whose text stops
            # mid-sentence, closed by nothing, takes it as its end, though read after it.
            open_ = [t for t in stories if t is not story and t.frame == story.frame and _ends_open_for(t, first)]
            if len(open_) == 1:
                open_[0].tail.update(id(m) for m in story.members)
        if len(open_) != 1:
            kept.append(story)
            continue
        open_[0].members.extend(story.members)
        open_[0].turned |= story.turned
    return kept


def _ends_open_for(story: _Story, first: LayoutBlock) -> bool:
    """The story's last paragraph stops mid-sentence, nothing closes the story, and ``first``
    carries that paragraph on."""
    last = _last_paragraph_left_open(story)
    return last is not None and _runs_on(last, first)


def _tails_signed_by_a_byline(stories: list[_Story]) -> list[_Story]:
    """Headless text signed off by a reporter (●記者 黃嘉敏 報道, 整理：黃嘉敏) is the end of
    the one story left open (no sign-off, no jump line) whose byline names that reporter:
    a story's tail set apart from its beginning."""
    kept: list[_Story] = []
    for story in stories:
        signoffs = [m for m in story.members if m.kind == SIGNOFF and m.block is not None]
        names = [n for m in signoffs for n in _REPORTER_NAME.findall(_SIGNOFF_WORDS.sub(" ", m.block.string))]
        if story.headline is not None or not names:
            kept.append(story)
            continue
        signed = [t for t in stories if t is not story and t.headline is not None and t.frame == story.frame
                  and not _closed(t) and any(m.kind == BYLINE and m.block is not None
                                             and any(n in m.block.string.replace(" ", "") for n in names)
                                             for m in t.members)]
        if len(signed) != 1:
            kept.append(story)
            continue
        signed[0].members.extend(story.members)
        signed[0].tail.update(id(m) for m in story.members)
    return kept


# The words of a reporter's line around the name, and the name they leave (two to four Han).
_SIGNOFF_WORDS = regex.compile(r"本[報报]|[記记]者|[報报][道導导]|整理|[綜综]合|通[訊讯]員|通[訊讯]员|[實实]習|特[約约]|撰文|[編编][譯译]|攝|摄|[\p{P}\p{S}\s]+")
_REPORTER_NAME = regex.compile(r"\p{Han}{2,4}")


def _left_open_for(story: _Story, first: LayoutBlock) -> bool:
    """The story holds a paragraph, read before ``first``, that ``first`` carries on and
    that none of the story's own later text carries on."""
    text = _running_text(story)
    before = [m for m in text if m.order < first.order]
    if not before or before[-1].kind != PARAGRAPH or not _runs_on(before[-1], first):
        return False
    later = [m for m in text if m.order > first.order]
    return not later or not _runs_on(before[-1], later[0])


def _stops_mid_sentence_before(story: _Story, lb: LayoutBlock) -> bool:
    """The story's text, all read before the block, ends mid-sentence, closed by nothing."""
    return not any(m.order > lb.order for m in story.members) and _last_paragraph_left_open(story) is not None


def _last_paragraph_left_open(story: _Story) -> LayoutBlock | None:
    """The story's last paragraph, when it stops mid-sentence and nothing closes the story."""
    if _closed(story):
        return None
    text = _running_text(story)
    if not text or text[-1].kind != PARAGRAPH:
        return None
    string = text[-1].block.string.rstrip()
    return text[-1] if string and not ends_sentence(string) and string[-1:].isalnum() else None


def _continued_from_elsewhere(story: _Story) -> bool:
    """The story holds a jump line saying it goes on from another page."""
    return _holds_jump_line(story, "continued_from")


def _jumps_off_the_page(story: _Story) -> bool:
    """The story holds a jump line saying it goes on on another page: what it left open
    is carried on there, not by text on this page."""
    return _holds_jump_line(story, "continues")


def _holds_jump_line(story: _Story, direction: str) -> bool:
    return any(m.kind == CONTINUATION and _direction(m.block) == direction for m in story.members)


def _closed(story: _Story) -> bool:
    """A sign-off or a jump line ends the story. A reporter line before any of its text
    reads the same as a sign-off ("记者 张三 报道") but is its byline, and closes nothing."""
    return _jumps_off_the_page(story) or bool(_closing_signoffs(story))


def _closing_signoffs(story: _Story) -> list[LayoutBlock]:
    first_text = min((m.order for m in story.members if m.kind in (PARAGRAPH, LIST_ITEM)), default=None)
    return [] if first_text is None else [m for m in story.members if m.kind == SIGNOFF and m.order > first_text]


def _signs_off_under(story: _Story, lb: LayoutBlock, members: list[LayoutBlock]) -> bool:
    """The story's sign-off, already found (within its headline's width), stands right under
    the block in its column: it closes the story after the block, which is its last text."""
    signoffs = _closing_signoffs(story)
    return bool(signoffs) and not _jumps_off_the_page(story) \
        and all(_right_above_in_column(s, members) is lb for s in signoffs)


def _direction(block: Block) -> str:
    return continuation_direction(block.string) or "continues"


def _turned_in_place(blocks: list[LayoutBlock], turned: set[int]) -> list[LayoutBlock]:
    """A story's text turned under its neighbour is read where the story's own columns come
    down to its level, not where the page's order or its place on the left would put it."""
    moved = [b for b in blocks if id(b) in turned]
    if not moved:
        return blocks
    level = min(b.bbox[1] for b in moved)
    size = max((b.size or 0.0) for b in moved) or 1.0
    rest = [b for b in blocks if id(b) not in turned]
    at = next((k for k, b in enumerate(rest)
               if b.kind in (PARAGRAPH, SUBHEAD, LIST_ITEM, SIGNOFF, CONTINUATION) and b.bbox[1] >= level - size), len(rest))
    return rest[:at] + moved + rest[at:]


def _column_order(members: list[LayoutBlock]) -> list[LayoutBlock]:
    """A story's blocks as its reader takes them: down each column, columns left to right.
    Reading order across the page may visit a column in pieces (the rows above and below
    a photo set across the columns); within one story the columns decide.
    Vertical writing keeps the page's order."""
    everything = sorted(members, key=_page_order)
    # Decks and kickers read before the text, wherever the page puts them (a deck under a
    # headline set under its story comes last in the page's order).
    heads = [b for b in everything if b.kind in (DECK, KICKER, HEADLINE)]
    ordered = [b for b in everything if b.kind not in (DECK, KICKER, HEADLINE)]
    body = [b for b in ordered if b.kind in (PARAGRAPH, SUBHEAD, LIST_ITEM)]
    if len(body) < 3 or any(_is_vertical_text(b) for b in ordered):
        return heads + ordered
    widths = sorted(width(b.bbox) for b in body)
    median = widths[len(widths) // 2]
    if any(width(b.bbox) > SPAN_WIDTH * median for b in ordered):
        return heads + ordered  # something spans columns: the page's order already places it
    columns: list[list[LayoutBlock]] = []
    visits: list[int] = []
    for lb in ordered:
        box = lb.bbox
        for index, column in enumerate(columns):
            ref = column[0].bbox
            if x_overlap(ref, box) >= 0.5 * min(width(ref), width(box)):
                column.append(lb)
                break
        else:
            index = len(columns)
            columns.append([lb])
        if not visits or visits[-1] != index:
            visits.append(index)
    if len(visits) == len(set(visits)) and not _one_row_read_out_of_turn(columns, visits, body) or _in_rows(body, columns):
        return heads + ordered  # each column read in one go, or rows of columns read in turn
    columns.sort(key=lambda c: min(b.bbox[0] for b in c))
    return heads + [lb for column in columns for lb in sorted(column, key=lambda b: b.bbox[1])]


def _one_row_read_out_of_turn(columns: list[list[LayoutBlock]], visits: list[int], body: list[LayoutBlock]) -> bool:
    """The story's columns all start level (one row of columns) but the page's order takes
    them other than left to right (a story stacked over a headline set under it, its
    columns cut apart by a photo above them): its reader still goes left to right."""
    lefts = [min(b.bbox[0] for b in columns[i]) for i in visits]
    if all(a < b for a, b in zip(lefts, lefts[1:])):
        return False
    tops = [min(b.bbox[1] for b in column) for column in columns]
    size = max((lb.size or 0.0) for lb in body)
    return max(tops) - min(tops) <= size


def _in_rows(body: list[LayoutBlock], columns: list[list[LayoutBlock]]) -> bool:
    """The story's text stands in two rows of columns, one wholly above the other and the
    lower one starting level across its columns (an L round a photo beside the headline):
    each row is read across before the next."""
    column_of = {id(lb): i for i, column in enumerate(columns) for lb in column}
    size = max((lb.size or 0.0) for lb in body)
    for edge in sorted({lb.bbox[3] for lb in body}):
        if not all(lb.bbox[3] <= edge + 1.0 or lb.bbox[1] > edge for lb in body):
            continue
        above = {column_of[id(lb)] for lb in body if lb.bbox[3] <= edge + 1.0}
        row_tops: dict[int, float] = {}
        for lb in body:
            if lb.bbox[1] > edge:
                column = column_of[id(lb)]
                row_tops[column] = min(row_tops.get(column, lb.bbox[1]), lb.bbox[1])
        if len(above) >= 2 and len(row_tops) >= 2 and max(row_tops.values()) - min(row_tops.values()) <= 0.5 * size:
            return True
    return False


def _is_vertical_text(lb: LayoutBlock) -> bool:
    # Asked of every line of every story: the shape (height() and width() written out),
    # cheaper than the text, first.
    for ln in lb.lines:
        x0, y0, x1, y1 = ln.bbox
        if y1 - y0 > 2 * (x1 - x0) and len(ln.string) >= 3:
            return True
    return False


# Two lines joined into one text, and what the join cut (a line-end hyphen).
JoinLines = Callable[[list[Line]], tuple[SourcedText, list[Removal]]]


def _build_article(story: _Story, join_lines: JoinLines | None = None, removed: list[Removal] | None = None) -> Article:
    article = Article()
    previous_leaf_paragraph: LayoutBlock | None = None
    if story.headline is not None:
        story.headline.block.kind = HEADLINE
        article.headline = story.headline.block
    ordered = _turned_in_place(_column_order(story.members), story.turned)
    if story.tail:
        ordered = [m for m in ordered if id(m) not in story.tail] + [m for m in ordered if id(m) in story.tail]
    for lb in ordered:
        block = lb.block
        kind = lb.kind
        if kind not in (PARAGRAPH, LIST_ITEM):
            previous_leaf_paragraph = None  # only running text runs on across a column break
        if kind == KICKER:
            block.kind = DECK
            article.subheadlines.append(block)
            continue
        if kind in (HEADLINE, DECK):
            if article.headline is None:
                block.kind = HEADLINE
                article.headline = block
            elif not article.body and kind == DECK:
                block.kind = DECK
                article.subheadlines.append(block)
            elif kind == HEADLINE and not article.body:
                block.kind = DECK
                article.subheadlines.append(block)
            else:
                block.kind = SUBHEAD
                article.body.append(block)
            continue
        # Reporter lines read the same at either end ("记者 罗佳 报道"): before the
        # body it is the byline, after it the sign-off.
        if kind == SIGNOFF and article.byline is None and not article.body:
            kind = BYLINE
        if kind == BYLINE and article.byline is None and not article.body:
            block.kind = BYLINE
            article.byline = block
            continue
        if kind in (SIGNOFF, BYLINE) and article.signoff is None and article.body:
            block.kind = SIGNOFF
            article.signoff = block
            continue
        if kind == CONTINUATION:
            direction = _direction(block)
            if direction == "continues" and article.continues is None:
                article.continues = block
                continue
            if direction == "continued_from" and article.continued_from is None:
                article.continued_from = block
                continue
        block.kind = kind if kind in (SUBHEAD, LIST_ITEM) else PARAGRAPH
        if previous_leaf_paragraph is not None and _runs_on(previous_leaf_paragraph, lb):
            last = article.body[-1]
            head = last.text
            joiner = [] if joins_tight(last.string, block.string) or last.lines[-1].broken_word \
                else [SourcedText.inserted(" ")]
            if join_lines is not None and ends_in_hyphen(last.string) and block.string[:1].islower():
                # A word hyphenated at the column break: its hyphen is settled as a
                # line-end hyphen inside the column is, and the halves join tight.
                joiner = []
                if join_lines([last.lines[-1], block.lines[0]])[1]:
                    head, cut = head.cut([(len(head) - 1, len(head))], "join_wrapped_lines")
                    if removed is not None:
                        removed.extend(cut)
            last.text = SourcedText.concat([head, *joiner, block.text])
            last.lines = last.lines + block.lines
            previous_leaf_paragraph = lb
            continue
        article.body.append(block)
        previous_leaf_paragraph = lb if block.kind in (PARAGRAPH, LIST_ITEM) else None
    _close_wrapped_signoff(article)
    return article


# A sign-off's closing part, wrapped away from it, is at most this many characters.
MAX_SIGNOFF_TAIL = 40


def _close_wrapped_signoff(article: Article) -> None:
    """A sign-off whose bracket stays open (``(Additional reporting by``) wrapped onto a line
    that a column break or a photo set apart: the short paragraph that closes the bracket
    and opens none is its tail, wherever the story's reading put it."""
    signoff = article.signoff
    if signoff is None or bracket_balance(signoff.string) <= 0:
        return
    for k, block in enumerate(article.body):
        string = block.string.strip()
        if block.kind == PARAGRAPH and len(block.lines) == 1 and len(string) <= MAX_SIGNOFF_TAIL \
                and bracket_balance(string) == -bracket_balance(signoff.string) and "(" not in string and "（" not in string:
            joiner = [] if joins_tight(signoff.string, string) else [SourcedText.inserted(" ")]
            signoff.text = SourcedText.concat([signoff.text, *joiner, block.text])
            signoff.lines = signoff.lines + block.lines
            del article.body[k]
            return


def _runs_on(before: LayoutBlock, after: LayoutBlock) -> bool:
    """A paragraph cut by a column break: it stops mid-sentence and the next column starts
    flush, with a full line before the break or a word that cannot start a sentence after it."""
    first = after.block.string[:1]
    last_word = before.block.string.rsplit(None, 1)[-1].lower() if before.block.string.split() else ""
    if before.leaf == after.leaf or after.kind != PARAGRAPH or not first:
        return False
    if before.kind == LIST_ITEM:
        # An item's wrapped line hangs under its text, so it is indented; a new paragraph
        # after a list starts a sentence of its own.
        return not ends_paragraph(before.block.string) and len(after.lines) <= 2 and (
            not first.isupper() or last_word in RUN_ON_WORDS
        )
    if after.indented:
        return False
    if before.indents and before.ends_full:
        return True  # where paragraphs are indented, a flush column top carries on
    if before.ends_spread:
        return True  # a justified column's last line spread to its edge: no paragraph ends there
    # CJK has no capitals to tell a new sentence: a column top mid-sentence carries on,
    # unless the text before it is one short line (a title over an author line). A figure
    # after CJK text is its sentence going on as much as a character is ("共有" | "126名").
    cjk_going_on = bool(CJK_CHAR.match(first)) or first.isdigit() and bool(CJK_CHAR.match(before.block.string.rstrip()[-1:]))
    cjk_on = cjk_going_on and (len(before.lines) > 1 or before.indented
                               or len(before.block.string) >= RUN_ON_LINE_CHARS
                               and width(before.bbox) > height(before.bbox))
    # No paragraph ends on a comma, or on a bare word: the next column carries on.
    tail = before.block.string.rstrip().rstrip(_CLOSING_MARKS)
    mid_sentence = tail.endswith(_MID_SENTENCE_MARKS) or bool(tail) and tail[-1].isalnum() and not CJK_CHAR.match(tail[-1])
    return not ends_paragraph(before.block.string) and (
        before.ends_full or first.islower() or cjk_on or last_word in RUN_ON_WORDS or mid_sentence
        or _fills_the_measure_it_goes_on_in(before, after)
    )


def _fills_the_measure_it_goes_on_in(before: LayoutBlock, after: LayoutBlock) -> bool:
    """A lone line (under a photo at a column's foot, say) has no column of its own to be
    measured by; the column its text goes on in has the story's measure. As wide as that
    column's widest line, it is full; on a page that indents its paragraphs, the line may
    open one, and is full short of the measure by an indent."""
    if len(before.lines) != 1 or len(after.lines) < 2:
        return False
    line = before.lines[0]
    size = line.size or after.size or 1.0
    measure = max(width(ln.bbox) for ln in after.lines)
    indent = INDENT_ROOM * size if before.indents else 0.0
    return width(line.bbox) + indent >= measure - FULL_SLACK * size


_MID_SENTENCE_MARKS = (",", "，", "、", ";", "；")
# A single line this long (characters), set across, is running text, not a title over an author line.
RUN_ON_LINE_CHARS = 20
_CLOSING_MARKS = "\"'”’」』）)"


# A line ending on one of these words stops mid-phrase: the next column carries on.


def _attach_illustrations(illustrations: list[LayoutBlock], stories: list[_Story], h_rules: list[BBox],
                          v_rules: list[BBox], body: float, unassigned: list[Block]) -> None:
    captions = [lb for lb in illustrations if lb.kind == CAPTION]
    credits = [lb for lb in illustrations if lb.kind == CREDIT]
    words: dict[int, set[str]] = {}  # each story's words, read once a caption needs them
    for lb in captions:
        story = _footing_story_under(lb, stories, body, credits) \
            or (_story_beside_its_picture(lb.photo, stories, body, v_rules) if lb.photo is not None else None) \
            or _story_for(lb.photo or lb.bbox, lb.frame, stories, h_rules)
        story = _story_the_caption_names(lb, story, stories, words, body) or story
        if story is None:
            unassigned.append(lb.block)
            continue
        story.article.captions.append(lb.block)
    for lb in illustrations:
        if lb.kind != CREDIT:
            continue
        free = [c for c in captions if c.block.credit is None and c.frame == lb.frame]
        # The caption of the same photo (a credit set flush right on the caption's row),
        # else a caption close by.
        near = [c for c in free if lb.photo is not None and c.photo == lb.photo]
        near = near or [c for c in free if _box_gap(c.bbox, lb.bbox) <= CREDIT_REACH * body]
        if near:
            target = min(near, key=lambda c: _box_gap(c.bbox, lb.bbox))
            target.block.credit = lb.block.text
        else:
            unassigned.append(lb.block)


def _story_words(story: _Story) -> set[str]:
    """The words (Han bigrams, English content words) of the story's headline and text."""
    blocks = ([story.headline] if story.headline is not None else []) + story.members
    return text_features(" ".join(b.block.string for b in blocks if b.block is not None))


def _story_the_caption_names(caption: LayoutBlock, placed: _Story | None, stories: list[_Story],
                             words: dict[int, set[str]], body: float) -> _Story | None:
    """A photo set into the next story's columns: its caption names people and places only
    one story on the page speaks of, set beside the photo, and none the story whose area
    holds it. That story, headed, is the caption's."""
    box = caption.photo or caption.bbox
    beside = [s for s in stories if s is not placed and s.headline is not None and s.frame == caption.frame
              and any(_box_gap(m.bbox, box) <= MAX_COLUMN_GAP * body for m in s.members)]
    if not beside:
        return None
    for s in stories:
        if id(s) not in words:
            words[id(s)] = _story_words(s)
    distinctive = {w for w in text_features(caption.block.string)
                   if sum(w in words[id(s)] for s in stories) == 1}
    if len(distinctive) < NAMING_WORDS or placed is not None and distinctive & words[id(placed)]:
        return None
    named = [s for s in stories if s.headline is not None and len(distinctive & words[id(s)]) >= NAMING_WORDS]
    return named[0] if len(named) == 1 and named[0] in beside else None


# A caption names a story by this many words that story alone holds on the page.
NAMING_WORDS = 2


def _story_beside_its_picture(picture: BBox, stories: list[_Story], body: float, v_rules: list[BBox]) -> _Story | None:
    """The story whose headline stands level beside the picture and whose text all lies
    from the picture's top down, some of it under the picture: a headline set beside its
    story's photo. A headline higher up whose area the picture falls in does not get it."""
    for story in stories:
        h = story.headline
        if h is None or h.vertical_strip or _picture_level_beside(h.bbox, [picture], body, v_rules) is None:
            continue
        text = [m for m in story.members if m.kind not in (HEADLINE, DECK, KICKER)]
        if text and all(m.bbox[1] >= picture[1] for m in text) \
                and any(m.bbox[1] >= picture[3] - 1.0 and x_overlap(m.bbox, picture) > 0 for m in text):
            return story
    return None


def _footing_story_under(caption: LayoutBlock, stories: list[_Story], body: float,
                         credits: list[LayoutBlock] = ()) -> _Story | None:
    """A photo and caption (and the credit set under it) at the top of a story's stack whose
    headline stands under it (a headline set under its story) are that story's, not the
    one above's."""
    box = caption.bbox
    for credit in credits:
        cb = credit.bbox
        if credit.frame == caption.frame and -1.0 <= cb[1] - box[3] <= body and x_overlap(cb, box) > 0:
            box = union([box, cb])
    best, best_gap = None, STORY_BAND * body
    for story in stories:
        if story.headline is None or story.headline.bbox[1] < box[3] or story.frame != caption.frame:
            continue
        for m in story.members:
            gap = m.bbox[1] - box[3]
            if -1.0 <= gap < best_gap and in_one_column(m.bbox, box):
                best, best_gap = story, gap
    return best


def _box_gap(a: BBox, b: BBox) -> float:
    dx = max(0.0, -x_overlap(a, b))
    dy = max(0.0, -y_overlap(a, b))
    return (dx * dx + dy * dy) ** 0.5


def _story_for(box: BBox, frame: BBox | None, stories: list[_Story], h_rules: list[BBox]) -> _Story | None:
    pool = [s for s in stories if s.frame == frame and s.article is not None] or [s for s in stories if s.article is not None]
    if not pool:
        return None
    headlines = [s.headline for s in pool if s.headline is not None]
    governing = _governing(box, headlines, h_rules)
    if governing is not None:
        for s in pool:
            if s.headline is governing:
                return s
    # Else the story whose blocks overlap or lie nearest the photo.
    def score(s: _Story) -> tuple[float, float]:
        area = s.area
        if area is None:
            return (0.0, float("inf"))
        return (intersection_area(area, box), _box_gap(area, box))

    return max(pool, key=lambda s: (score(s)[0], -score(s)[1]))


__all__ = ["assemble"]
