"""Lay one article (or bullet box) into a rectangle and report its gold.

Every random choice is drawn beforehand into an :class:`ArticleSpec`, so laying the same
spec into the same rectangle always gives the same result; the page layout relies on that
to try heights (fitting) before it commits.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

from .canvas import Canvas, Rect
from .corpus_format import CorpusArticle, bare_credit
from .styles import CONTINUED_FROM, CONTINUES, Style, pointer
from .typeset import break_lines, face, tokens

GUTTER = 9.0
MIN_BODY_LINES = 3


@dataclass(slots=True)
class PhotoSpec:
    caption: tuple[str, str]  # (text, credit)
    columns: int  # how many body columns the photo spans (clamped to what the article has)
    align_right: bool
    aspect: float
    middle: bool  # placed part-way down the columns rather than at the top
    variant: int
    credit_place: str  # "inline" (after the caption), "own-line" (right-aligned below) or "on-photo"
    credit_brackets: bool


@dataclass(slots=True)
class DoglegSpec:
    """An L-shaped story: its headline is set above the leg only, its text runs down the leg
    columns beside a notch at the top of the article's area, then continues in a band across
    all its columns beneath the notch."""

    notch_columns: int  # grid columns the notch takes (the leg keeps the others)
    notch_left: bool  # the notch is on the left, the leg on the right
    story: ArticleSpec | None = None  # a story set in the notch; None: the article's own photo fills it
    depth: float = 0.0  # height of the notch story, set by the page layout once it has fitted it


@dataclass(slots=True)
class BriefSpec:
    """One item of a news-in-brief column: a short headline and the story's first paragraphs,
    no byline, no picture. A column sets all its items one way."""

    paragraphs: int  # at most this many of the article's paragraphs (fewer when space runs out)
    run_in: bool  # the headline, in bold at text size, runs into the first line of the text
    rule_above: bool  # a hairline in the gap parts it from the item above
    label: str | None = None  # the column's label (IN BRIEF, 簡訊), set above the first item


@dataclass(slots=True)
class InsetSpec:
    """A framed box inset in a story's text, two of its columns wide and part-way down them: the
    story's text runs above it and on beneath it in those columns, and at least one column of
    the story stays clear of it to the right."""

    box: ArticleSpec
    first: int  # the body column it starts in (moved left when the story has too few columns)
    depth: float  # its top, as a share of the height from the top of its columns to the body's foot


@dataclass(slots=True)
class ArticleSpec:
    article: CorpusArticle
    head_pos: str  # "above" | "beside" | "sidesaddle" | "below" | "box" | "brief"
    head_size: float
    deck_size: float
    byline_inline: bool
    start: int = 0  # first body element on this page (> 0 for a continued article)
    continued_from: str | None = None
    continues: str = ""
    photo: PhotoSpec | None = None
    pull_quote: str | None = None
    strip_right: bool = False
    rule_under_head: bool = False
    decks: tuple[str, ...] = ()
    dogleg: DoglegSpec | None = None
    sidebar: ArticleSpec | None = None  # a framed bullet box set at the top of the article's last column
    brief: BriefSpec | None = None  # set as one item of a news-in-brief column (head_pos "brief")
    inset: InsetSpec | None = None  # a framed box set two columns wide in the middle of the text


@dataclass(slots=True)
class FlowLine:
    text: str
    font: str
    size: float
    advance: float
    role: str
    ref: tuple
    end: int = 0  # offset just past this line in its source string (for cut paragraphs)
    indent: float = 0.0
    align: str = "left"
    space_before: float = 0.0
    justify: bool = False  # a full line inside a paragraph: spread to the measure when the style justifies


@dataclass(slots=True)
class Segment:
    x: float
    top: float
    bottom: float
    width: float


@dataclass(slots=True)
class Outcome:
    viable: bool
    complete: bool
    gold: dict | None = None
    pull_quote: str | None = None
    lines_under_notch: int = 0  # a dogleg's body lines in the band beneath its notch
    # gold of the framed box set inside the article (a sidebar or an inset): its own article
    sidebar: dict | None = None
    label: str | None = None  # a column label drawn with the article (page furniture, unassigned)


def line_ends(source: str, parts: list[str]) -> list[int]:
    ends, pos = [], 0
    for part in parts:
        start = source.index(part, pos)
        pos = start + len(part)
        ends.append(pos)
    return ends


_SENTENCE_CJK = re.compile(r"[^。！？]+[。！？]」?")
_SENTENCE_EN = re.compile(r"[A-Z][^.!?]+[.!?]")


def pick_pull_quote(article: CorpusArticle, rng: random.Random, cjk: bool) -> str | None:
    candidates = []
    for text in article.paragraphs:
        for sentence in (_SENTENCE_CJK if cjk else _SENTENCE_EN).findall(text):
            sentence = sentence.strip()
            low, high = (12, 40) if cjk else (40, 130)
            if low <= len(sentence) <= high and sentence.count("「") == sentence.count("」") \
                    and sentence.count("“") == sentence.count("”") and sentence.count('"') % 2 == 0:
                candidates.append(sentence)
    return rng.choice(candidates) if candidates else None


def make_spec(article: CorpusArticle, style: Style, rng: random.Random, head_pos: str, lead: bool,
              photo_chance: float, quote_chance: float, continued_chance: float) -> ArticleSpec:
    script = style.script
    if head_pos == "box":
        return ArticleSpec(article, "box", head_size=rng.choice((10.5, 11.0, 12.0)), deck_size=0,
                           byline_inline=False)
    if style.cjk:
        head_size = rng.uniform(21, 27) if lead else rng.uniform(15, 20)
        deck_size = rng.uniform(10.5, 12.5)
    else:
        head_size = rng.uniform(19, 25) if lead else rng.uniform(13, 17)
        deck_size = rng.uniform(10, 12)
    if head_pos == "beside":
        head_size = min(head_size, 20 if style.cjk else 16)
    spec = ArticleSpec(article, head_pos, round(head_size, 1), round(deck_size, 1),
                       byline_inline=style.cjk and rng.random() < 0.55)
    spec.decks = tuple(d for d in article.decks if rng.random() < 0.85)
    spec.continues = pointer(rng.choice(CONTINUES[script]), rng)
    spec.rule_under_head = rng.random() < 0.3
    spec.strip_right = rng.random() < 0.35
    if not lead and len(article.paragraphs) >= 4 and rng.random() < continued_chance:
        spec.start = rng.randint(1, len(article.body) // 2)
        while spec.start < len(article.body) and article.body[spec.start][0] != "paragraph":
            spec.start += 1
        spec.continued_from = pointer(rng.choice(CONTINUED_FROM[script]), rng)
        spec.decks = ()
    if article.captions and rng.random() < photo_chance:
        spec.photo = PhotoSpec(
            caption=rng.choice(article.captions), columns=rng.choice((1, 2, 2, 3, 9)),
            align_right=rng.random() < 0.4, aspect=rng.uniform(0.55, 0.8), middle=rng.random() < 0.3,
            variant=rng.randint(0, 3), credit_place=rng.choice(("inline", "inline", "own-line", "on-photo")), credit_brackets=rng.random() < 0.5,
        )
    if len(article.paragraphs) >= 3 and rng.random() < quote_chance:
        spec.pull_quote = pick_pull_quote(article, rng, style.cjk)
    return spec


# ---------------------------------------------------------------- flow of the body text

_FLOW_CACHE: dict[tuple[int, float, Style], tuple[ArticleSpec, list[FlowLine]]] = {}


def build_flow(spec: ArticleSpec, width: float, style: Style) -> list[FlowLine]:
    """The article's lines at one column width (cached: fitting asks for the same width often)."""
    key = (id(spec), round(width, 3), style)
    hit = _FLOW_CACHE.get(key)
    if hit is not None and hit[0] is spec:
        return hit[1]
    if len(_FLOW_CACHE) > 512:
        _FLOW_CACHE.clear()
    lines = _build_flow(spec, width, style)
    _FLOW_CACHE[key] = (spec, lines)
    return lines


def _build_flow(spec: ArticleSpec, width: float, style: Style) -> list[FlowLine]:
    size, adv, cjk = style.body_size, style.body_advance, style.cjk
    body_face = face(style.body_font)
    lines: list[FlowLine] = []
    if spec.continued_from:
        for part in break_lines(spec.continued_from, width, size - 0.5, face(style.byline_font), cjk=cjk):
            lines.append(FlowLine(part, style.byline_font, size - 0.5, adv, "continuation", ("continued_from",)))
    byline = spec.article.byline if spec.start == 0 else None
    prefix = ""
    if byline and spec.byline_inline:
        prefix = byline
    elif byline:
        for part in break_lines(byline, width, size - 0.5, face(style.byline_font), cjk=cjk):
            lines.append(FlowLine(part, style.byline_font, size - 0.5, adv, "byline", ("byline",)))
    first_paragraph = True
    gap = adv * (0.15 if cjk else 0.1)
    for index in range(spec.start, len(spec.article.body)):
        kind, text = spec.article.body[index]
        if kind == "paragraph":
            base = len(prefix) if first_paragraph else 0
            source = (prefix + text) if first_paragraph else text
            indent = 0.0 if (first_paragraph and (prefix or not cjk)) else (size * 2 if cjk else size * 1.2)
            parts = break_lines(source, width, size, body_face, first_indent=indent, cjk=cjk)
            for j, (part, end) in enumerate(zip(parts, line_ends(source, parts))):
                lines.append(FlowLine(part, style.body_font, size, adv, "paragraph", ("body", index, base),
                                      end=end, indent=indent if j == 0 else 0.0, space_before=gap if j == 0 else 0.0,
                                      justify=j < len(parts) - 1))
            first_paragraph = False
        elif kind == "subhead":
            sub_size = size + 1.5
            parts = break_lines(text, width, sub_size, face(style.subhead_font), cjk=cjk)
            for j, (part, end) in enumerate(zip(parts, line_ends(text, parts))):
                lines.append(FlowLine(part, style.subhead_font, sub_size, sub_size * 1.35, "subhead",
                                      ("body", index, 0), end=end, space_before=adv * 0.6 if j == 0 else 0.0))
        else:
            marker = style.list_marker + " "
            marker_width = face(style.body_font).width(marker, size)
            parts = break_lines(text, width - marker_width, size, body_face, cjk=cjk)
            for j, (part, end) in enumerate(zip(parts, line_ends(text, parts))):
                lines.append(FlowLine((marker + part) if j == 0 else part, style.body_font, size, adv, "list_item",
                                      ("body", index, 0), end=end, indent=0.0 if j == 0 else marker_width,
                                      space_before=gap if j == 0 else 0.0))
    if spec.article.signoff:
        signoff = spec.article.signoff
        align = "right" if cjk and signoff.startswith("●") else "left"
        for part in break_lines(signoff, width, size - 0.5, face(style.byline_font), cjk=cjk):
            lines.append(FlowLine(part, style.byline_font, size - 0.5, adv, "signoff", ("signoff",), align=align,
                                  space_before=adv * 0.3))
    return lines


def flow(lines: list[FlowLine], segments: list[Segment]) -> tuple[list[tuple[FlowLine, Segment, float]], int]:
    """Place lines top-down through the segments; returns placements and how many fitted."""
    placed = []
    si, y = 0, None
    for count, line in enumerate(lines):
        while si < len(segments):
            seg = segments[si]
            top = seg.top if y is None else y + line.space_before
            if top + line.advance <= seg.bottom + 0.01:
                placed.append((line, seg, top + line.size * 0.95))
                y = top + line.advance
                break
            si, y = si + 1, None
        else:
            return placed, count
    return placed, len(lines)


def column_segments(body: Rect, columns: int, obstacles: list[tuple[int, int, float, float]]) -> list[Segment]:
    """Columns of ``body`` split around obstacles given as (first column, last column + 1, top, bottom)."""
    x0, y0, x1, y1 = body
    width = (x1 - x0 - (columns - 1) * GUTTER) / columns
    segments = []
    for col in range(columns):
        intervals = [(y0, y1)]
        for c0, c1, top, bottom in obstacles:
            if not (c0 <= col < c1):
                continue
            cut = []
            for a, b in intervals:
                if bottom <= a or top >= b:
                    cut.append((a, b))
                    continue
                if top - a > 1:
                    cut.append((a, top - 5))
                if b - bottom > 1:
                    cut.append((bottom + 5, b))
            intervals = cut
        for a, b in intervals:
            if b - a > 4:
                segments.append(Segment(x0 + col * (width + GUTTER), a, b, width))
    return segments


def column_width(body: Rect, columns: int) -> float:
    return (body[2] - body[0] - (columns - 1) * GUTTER) / columns


def justified_pieces(text: str, font: str, size: float, measure: float, cjk: bool) -> list[tuple[float, str]]:
    """Place a line's pieces (CJK characters or Latin words) so it fills the measure, as
    justifying producers do: each piece gets its own position, the slack goes between them."""
    fontface = face(font)
    pieces: list[tuple[float, str]] = []
    x = 0.0
    # CJK: every character moves (Latin words inside stay whole); Latin: only word gaps widen
    for token in (tokens(text) if cjk else re.split(r"(\s+)", text)):
        if not token:
            continue
        if token.isspace():
            x += fontface.width(token, size)
            continue
        # tokens are already whole Latin words or single CJK characters
        pieces.append((x, token))
        x += fontface.width(token, size)
    slack = measure - x
    if len(pieces) < 2 or slack <= 0.3 or slack > measure * 0.25:
        return [(0.0, text)]
    step = slack / (len(pieces) - 1)
    return [(px + i * step, piece) for i, (px, piece) in enumerate(pieces)]


# ---------------------------------------------------------------- one article

def _text_block(canvas: Canvas | None, group: int, x: float, y: float, width: float, text: str, font: str,
                size: float, advance: float, role: str, style: Style, shadow: bool = False,
                align: str = "left") -> float:
    """Draw wrapped text from top ``y``; returns the y below it."""
    for part in break_lines(text, width, size, face(font), cjk=style.cjk):
        if canvas is not None:
            w = face(font).width(part, size)
            dx = width - w if align == "right" else (width - w) / 2 if align == "center" else 0.0
            canvas.text(x + dx, y + size * 0.95, part, font, size, role, group, shadow=shadow)
        y += advance
    return y


def _block_height(text: str, width: float, font: str, size: float, advance: float, style: Style) -> float:
    return len(break_lines(text, width, size, face(font), cjk=style.cjk)) * advance


def _caption_layout(spec: ArticleSpec, width: float, style: Style) -> tuple[list[tuple[str, str, float, str]], float]:
    """Caption lines as (text, font, size, align) and their height."""
    text, credit = spec.photo.caption
    # a credit the text writes in brackets, "（中通社圖片）", is printed in them wherever it goes
    brackets = spec.photo.credit_brackets or bare_credit(credit) != credit
    credit = bare_credit(credit)
    size = style.body_size - (1.0 if style.cjk else 1.5)
    advance = size * (1.35 if style.cjk else 1.2)
    marker = style.caption_marker
    lines = []
    if spec.photo.credit_place == "inline":
        if brackets:
            tail = f"（{credit}）" if style.cjk else f" ({credit})"
        else:
            tail = f"　{credit}" if style.cjk else f" {credit}"
        for part in break_lines(marker + text + tail, width, size, face(style.caption_font), cjk=style.cjk):
            lines.append((part, style.caption_font, size, "left"))
    else:
        for part in break_lines(marker + text, width, size, face(style.caption_font), cjk=style.cjk):
            lines.append((part, style.caption_font, size, "left"))
    if spec.photo.credit_place == "own-line":
        shown = f"（{credit}）" if (style.cjk and brackets) else credit
        for part in break_lines(shown, width, size - 0.5, face(style.credit_font), cjk=style.cjk):
            lines.append((part, style.credit_font, size - 0.5, "right"))
    return lines, len(lines) * advance


def _head_lines(spec: ArticleSpec, width: float, style: Style) -> list[str]:
    return break_lines(spec.article.headline, width, spec.head_size, face(style.head_font), cjk=style.cjk)


def _head_block_height(spec: ArticleSpec, width: float, style: Style) -> float:
    height = len(_head_lines(spec, width, style)) * spec.head_size * 1.18
    for deck in spec.decks:
        height += _block_height(deck, width, style.deck_font, spec.deck_size, spec.deck_size * 1.35, style)
    return height + 6


def _draw_head_block(canvas: Canvas | None, spec: ArticleSpec, x: float, y: float, width: float, style: Style) -> float:
    head_group = canvas.group("headline") if canvas else -1
    y = _text_block(canvas, head_group, x, y, width, spec.article.headline, style.head_font, spec.head_size,
                    spec.head_size * 1.18, "headline", style, shadow=True)
    if spec.decks:
        deck_group = canvas.group("deck") if canvas else -1
        for deck in spec.decks:
            y = _text_block(canvas, deck_group, x, y, width, deck, style.deck_font, spec.deck_size,
                            spec.deck_size * 1.35, "deck", style)
    return y + 6


def _fit_head_to_width(spec: ArticleSpec, width: float, style: Style) -> ArticleSpec:
    """Shrink a Latin headline so its longest word fits the width: headlines never split words."""
    widest = max(face(style.head_font).width(word, 1.0) for word in spec.article.headline.split())
    if widest * spec.head_size <= width - 2:
        return spec
    return replace(spec, head_size=round((width - 2) / widest - 0.05, 1))


def _sidesaddle_frame(spec: ArticleSpec, rect: Rect, columns: int, style: Style):
    """A sidesaddle head is set horizontally in the first grid column(s) of the article's area
    (two when it has five or more), decks under it; the body runs in the columns to its right.
    Returns (spec, strip as (x, width), body rect, body columns), or None when it cannot fit."""
    if columns < 2:
        return None
    head_columns = 2 if columns >= 5 else 1
    strip_w = head_columns * column_width(rect, columns) + (head_columns - 1) * GUTTER
    if not style.cjk:
        spec = _fit_head_to_width(spec, strip_w, style)
    if _head_block_height(spec, strip_w, style) > rect[3] - rect[1]:
        return None
    body = (rect[0] + strip_w + GUTTER, rect[1], rect[2], rect[3])
    return spec, (rect[0], strip_w), body, columns - head_columns


def _sidebar_rect(sidebar: ArticleSpec, body: Rect, columns: int, cw: float, style: Style) -> Rect | None:
    """A sidebar box fills the top of the body's last column; the article's text flows on beneath
    it. None when it needs a column of its own the article lacks, or leaves no room for text."""
    if columns < 2:
        return None
    x = body[0] + (columns - 1) * (cw + GUTTER)
    height = box_height(sidebar, cw, style)
    if body[1] + height + 5 + style.body_advance * MIN_BODY_LINES > body[3]:
        return None
    return (x, body[1], x + cw, body[1] + height + 0.5)  # +0.5: the box must not fail its own fit on rounding


INSET_COLUMNS = 2


def _inset_rect(inset: InsetSpec, body: Rect, columns: int, cw: float, obstacles: list, style: Style
                ) -> tuple[int, Rect] | None:
    """Where an inset box goes: (its first body column, its frame). It spans two body columns
    with at least three lines of the story above it and three beneath it in both, and leaves
    the story's last column free, so the text read down its columns always runs on beneath
    the box. None when the story has fewer than three columns or no such room."""
    if columns < INSET_COLUMNS + 1:
        return None
    first = min(inset.first, columns - INSET_COLUMNS - 1)
    x = body[0] + first * (cw + GUTTER)
    width = INSET_COLUMNS * cw + (INSET_COLUMNS - 1) * GUTTER
    height = box_height(inset.box, width, style)
    # below whatever already sits at the top of those columns (a photo and its caption)
    area_top = max([body[1]] + [bottom + 8 for c0, c1, _, bottom in obstacles
                                if c0 < first + INSET_COLUMNS and first < c1])
    # three lines above and beneath it (one line's worth more for a subhead or a paragraph
    # gap among them), past the 5pt its columns keep clear of it on each side
    room = style.body_advance * (MIN_BODY_LINES + 1) + 8
    # at its share of the way down, raised when that leaves too little beneath it
    top = min(area_top + (body[3] - area_top) * inset.depth, body[3] - room - height)
    if top < area_top + room:
        return None
    return first, (x, top, x + width, top + height + 0.5)  # +0.5: as for a sidebar


# ---------------------------------------------------------------- doglegs (L-shaped stories)

@dataclass(slots=True)
class Notch:
    """The notch of a dogleg as laid out: its x extent, its foot and what fills it."""

    x0: float
    x1: float
    bottom: float  # foot of what fills the notch; the band beneath starts 5pt lower
    obstacles: list[tuple[int, int, float, float]]  # for column_segments
    photo_box: Rect | None = None  # the article's own photo, when it fills the notch
    caption_lines: list | None = None


def notch_column_range(dogleg: DoglegSpec, columns: int) -> tuple[int, int]:
    """The article's grid columns [first, last) the notch takes."""
    return (0, dogleg.notch_columns) if dogleg.notch_left else (columns - dogleg.notch_columns, columns)


def leg_column_range(dogleg: DoglegSpec, columns: int) -> tuple[int, int]:
    """The article's grid columns [first, last) beside the notch."""
    return (dogleg.notch_columns, columns) if dogleg.notch_left else (0, columns - dogleg.notch_columns)


def column_span(rect: Rect, columns: int, first: int, last: int) -> tuple[float, float]:
    """x extent of grid columns [first, last) of ``rect`` split into ``columns``."""
    cw = column_width(rect, columns)
    return rect[0] + first * (cw + GUTTER), rect[0] + last * (cw + GUTTER) - GUTTER


def leg_span(dogleg: DoglegSpec, rect: Rect, columns: int) -> tuple[float, float]:
    """(x, width) of a dogleg's leg: the columns beside the notch."""
    lx0, lx1 = column_span(rect, columns, *leg_column_range(dogleg, columns))
    return lx0, lx1 - lx0


def notch_rect(dogleg: DoglegSpec, rect: Rect, columns: int) -> Rect:
    """Where the page layout sets the story that fills a dogleg's notch."""
    nx0, nx1 = column_span(rect, columns, *notch_column_range(dogleg, columns))
    return (nx0, rect[1], nx1, rect[1] + dogleg.depth)


def _dogleg_notch(spec: ArticleSpec, rect: Rect, columns: int, style: Style) -> Notch:
    dogleg = spec.dogleg
    first, last = notch_column_range(dogleg, columns)
    nx0, nx1 = column_span(rect, columns, first, last)
    photo_box = caption_lines = None
    if dogleg.story is None and spec.photo is not None:
        # the article's own photo fills the notch; its height does not depend on the rectangle,
        # so fitting sees the same notch at every trial height
        caption_lines, caption_h = _caption_layout(spec, nx1 - nx0, style)
        photo_box = (nx0, rect[1], nx1, rect[1] + min((nx1 - nx0) * spec.photo.aspect, 200.0))
        bottom = photo_box[3] + 3 + caption_h
    else:
        bottom = rect[1] + dogleg.depth
    # the notch blocks its columns from the top; a zero-height seam cuts the leg's columns at
    # the same height, so the band beneath starts level in every column
    obstacles = [(first, last, rect[1] - 1, bottom), (*leg_column_range(dogleg, columns), bottom, bottom)]
    return Notch(nx0, nx1, bottom, obstacles, photo_box, caption_lines)


def dogleg_order(segments: list[Segment], seam: float) -> list[Segment]:
    """Reading order of an L-shaped body: the leg's columns above the seam, then the band
    beneath it, each left to right (plain column order would run every column to the foot)."""
    return sorted(segments, key=lambda seg: (seg.top > seam, seg.x, seg.top))


def _draw_notch_rules(canvas: Canvas, notch: Notch, rect: Rect) -> None:
    """Rules that part the notch story from the dogleg: one in the gutter beside it, one under it."""
    group = canvas.group("rule")
    x = notch.x1 + GUTTER / 2 if notch.x0 <= rect[0] + 0.01 else notch.x0 - GUTTER / 2
    canvas.shape("rule", (x, rect[1], x, notch.bottom), group)
    canvas.shape("rule", (notch.x0, notch.bottom + 2, notch.x1, notch.bottom + 2), group)


# ---------------------------------------------------------------- one article, laid out

def lay_article(spec: ArticleSpec, rect: Rect, columns: int, style: Style, canvas: Canvas | None) -> Outcome:
    if spec.head_pos == "box":
        return _lay_box(spec, rect, style, canvas)
    if spec.head_pos == "brief":
        return _lay_brief(spec, rect, style, canvas)
    x0, y0, x1, y1 = rect
    width = x1 - x0
    strip = None  # (x, width) of a beside or sidesaddle headline strip
    # a dogleg's headline spans only its leg: the notch beside it starts at the top
    head_x, head_w = leg_span(spec.dogleg, rect, columns) if spec.dogleg else (x0, width)
    if spec.head_pos in ("above", "below") and not style.cjk:
        spec = _fit_head_to_width(spec, head_w, style)
    if spec.head_pos == "above":
        head_h = _head_block_height(spec, head_w, style)
        body = (x0, y0 + head_h, x1, y1)
    elif spec.head_pos == "below":
        head_h = _head_block_height(spec, width, style)
        body = (x0, y0, x1, y1 - head_h - 4)
    elif spec.head_pos == "sidesaddle":
        frame = _sidesaddle_frame(spec, rect, columns, style)
        if frame is None:
            return Outcome(viable=False, complete=False)
        spec, strip, body, columns = frame
    else:
        head_size = spec.head_size
        if style.cjk:
            # one character per line: shrink the type (not below 12pt) until the strip fits
            units = sum(0.5 if ch.isspace() else 1.08 for ch in spec.article.headline)
            head_size = max(12.0, min(head_size, round((y1 - y0 - 4) / units, 1)))
            strip_w = head_size + 10
            strip_h = units * head_size + 4
        else:
            strip_w = min(width * 0.34, max(70.0, width / (columns + 1)))
            # shrink the type until the longest word fits the strip: a side head never splits a word
            widest = max(face(style.head_font).width(word, 1.0) for word in spec.article.headline.split())
            head_size = max(10.0, min(head_size, round((strip_w - 6) / widest, 1)))
            if widest * head_size > strip_w - 4 or width - strip_w - 8 < style.body_size * 7:
                return Outcome(viable=False, complete=False)
            spec = replace(spec, head_size=head_size)
            strip_h = _head_block_height(spec, strip_w - 4, style)
        if strip_h > y1 - y0:
            return Outcome(viable=False, complete=False)
        strip = (x1 - strip_w, strip_w) if spec.strip_right else (x0, strip_w)
        body = (x0, y0, x1 - strip_w - 8, y1) if spec.strip_right else (x0 + strip_w + 8, y0, x1, y1)
        if style.cjk and spec.decks:
            deck_h = sum(_block_height(d, body[2] - body[0], style.deck_font, spec.deck_size, spec.deck_size * 1.35,
                                       style) for d in spec.decks) + 4
            body = (body[0], body[1] + deck_h, body[2], body[3])
        columns = max(1, columns - 1) if columns > 2 else columns
    if body[3] - body[1] < style.body_advance * MIN_BODY_LINES:
        return Outcome(viable=False, complete=False)
    grid_columns = columns
    columns = max(1, min(columns, int((body[2] - body[0] + GUTTER) // (style.body_size * 7 + GUTTER))))
    if spec.dogleg and columns != grid_columns:  # the notch is counted in grid columns
        return Outcome(viable=False, complete=False)
    cw = column_width(body, columns)

    obstacles = []
    photo_box = caption_lines = notch = None
    photo_obstacle = None
    if spec.dogleg:
        notch = _dogleg_notch(spec, rect, columns, style)
        if y1 < notch.bottom + 5 + style.body_advance * MIN_BODY_LINES:
            return Outcome(viable=False, complete=False)  # no room for the band beneath the notch
        obstacles.extend(notch.obstacles)
        photo_box, caption_lines = notch.photo_box, notch.caption_lines
    if spec.photo is not None and photo_box is None:
        # in a dogleg the photo goes into the band beneath the notch, never beside it
        area_top = max(body[1], notch.bottom + 5) if notch else body[1]
        span = min(spec.photo.columns, columns)
        first = columns - span if spec.photo.align_right else 0
        px0 = body[0] + first * (cw + GUTTER)
        pw = span * cw + (span - 1) * GUTTER
        ph = min(pw * spec.photo.aspect, 230.0)
        caption_lines, caption_h = _caption_layout(spec, pw, style)
        available = body[3] - area_top
        if span == columns:  # a full-width photo must leave room for text beneath it
            ph = min(ph, available - caption_h - style.body_advance * MIN_BODY_LINES - 8)
        else:
            ph = min(ph, available - caption_h - 8)
        fits_lower = available * 0.3 + ph + caption_h + 3 <= available
        top = area_top + (available * 0.3 if spec.photo.middle and fits_lower else 0)
        if ph >= 45:
            photo_box = (px0, top, px0 + pw, top + ph)
            photo_obstacle = (first, first + span, top, top + ph + 3 + caption_h)
            obstacles.append(photo_obstacle)
    sidebar_rect = None
    if spec.sidebar is not None:
        sidebar_rect = _sidebar_rect(spec.sidebar, body, columns, cw, style)
        if sidebar_rect is None:
            return Outcome(viable=False, complete=False)
        obstacles.append((columns - 1, columns, sidebar_rect[1] - 1, sidebar_rect[3]))
    inset_rect = None
    if spec.inset is not None:
        placed_inset = _inset_rect(spec.inset, body, columns, cw, obstacles, style)
        if placed_inset is None:
            return Outcome(viable=False, complete=False)
        inset_first, inset_rect = placed_inset
        obstacles.append((inset_first, inset_first + INSET_COLUMNS, inset_rect[1] - 1, inset_rect[3]))
    quote_lines = None
    if spec.pull_quote and columns >= 2:
        qsize = style.body_size + 3
        qparts = break_lines(spec.pull_quote, cw - 4, qsize, face(style.quote_font), cjk=style.cjk)
        qh = len(qparts) * qsize * 1.3 + 16
        qcol = columns - 1 if not (photo_obstacle and photo_obstacle[1] == columns) else 0
        available = body[3] - body[1]
        # part-way down the column, but never so low that it cannot be placed: fitting looks for
        # the smallest height that holds everything, and a quote that vanished in short
        # trials would never be chosen
        qtop = min(body[1] + available * 0.45, body[3] - qh - style.body_advance * 3)
        qtop = max(qtop, body[1] + style.body_advance * 2)
        for c0, c1, top, bottom in obstacles:  # keep clear of the photo in the same column
            if c0 <= qcol < c1 and qtop < bottom + 8 and top < qtop + qh:
                qtop = bottom + 12
        if qtop + qh + style.body_advance * 3 <= body[3]:
            quote_lines = (qcol, qtop, qparts, qsize, qh)
            obstacles.append((qcol, qcol + 1, qtop, qtop + qh))

    lines = build_flow(spec, cw, style)
    segments = column_segments(body, columns, obstacles)
    if notch:
        segments = dogleg_order(segments, notch.bottom)
    placed, fitted = flow(lines, segments)
    body_lines = [i for i, line in enumerate(lines) if line.role not in ("signoff",)]
    complete = fitted >= (body_lines[-1] + 1 if body_lines else 0)
    continues = None
    if not complete:
        # reserve the last line of the last segment for the continuation pointer
        if not segments:
            return Outcome(viable=False, complete=False)
        last = segments[-1]
        segments[-1] = Segment(last.x, last.top, last.bottom - style.body_advance, last.width)
        placed, fitted = flow(lines, segments)
        continues = (spec.continues, Segment(last.x, last.bottom - style.body_advance, last.bottom, last.width))
        placed = [p for p in placed if p[0].role != "signoff"]
    content_placed = [p for p in placed if p[0].role in ("paragraph", "subhead", "list_item")]
    if len(content_placed) < MIN_BODY_LINES:
        return Outcome(viable=False, complete=False)
    signoff_shown = sum(1 for p in placed if p[0].role == "signoff") == sum(1 for line in lines if line.role == "signoff")
    if not signoff_shown:  # never print half a sign-off
        placed = [p for p in placed if p[0].role != "signoff"]
    all_fit = complete and (signoff_shown or not spec.article.signoff)

    # where the body actually ends: a headline set below goes under it
    text_bottom = max(p[2] + p[0].size * 0.3 for p in placed)
    if continues:
        text_bottom = max(text_bottom, continues[1].bottom)
    for _, _, _, obstacle_bottom in obstacles:  # photo with caption, pull quote
        text_bottom = max(text_bottom, obstacle_bottom)
    outcome = Outcome(viable=True, complete=all_fit)
    if notch:
        outcome.lines_under_notch = sum(1 for _, seg, _ in content_placed if notch.x0 - 0.5 <= seg.x < notch.x1)
    if canvas is None:
        return outcome

    # ---- draw, in reading order (the renderer may reorder groups later)
    if spec.head_pos == "above":
        y = _draw_head_block(canvas, spec, head_x, y0, head_w, style)
        if spec.rule_under_head:
            canvas.shape("rule", (head_x, y - 3, head_x + head_w, y - 3), canvas.group("rule"))
    elif spec.head_pos == "sidesaddle":
        _draw_head_block(canvas, spec, strip[0], y0, strip[1], style)
    elif spec.head_pos == "beside":
        sx, sw = strip
        if style.cjk:
            group = canvas.group("headline")
            y = y0
            for ch in spec.article.headline:
                if ch.isspace():
                    y += head_size * 0.5
                    continue
                cx = sx + (sw - face(style.head_font).width(ch, head_size)) / 2
                canvas.text(cx, y + head_size * 0.95, ch, style.head_font, head_size, "headline", group, shadow=True)
                y += head_size * 1.08
            if spec.decks:
                dy = y0
                deck_group = canvas.group("deck")
                for deck in spec.decks:
                    dy = _text_block(canvas, deck_group, body[0], dy, body[2] - body[0], deck, style.deck_font,
                                     spec.deck_size, spec.deck_size * 1.35, "deck", style)
        else:
            _draw_head_block(canvas, spec, sx, y0, sw - 4, style)
    segment_groups: dict[int, int] = {}
    for line, seg, baseline in placed:
        key = id(seg)
        if key not in segment_groups:
            segment_groups[key] = canvas.group("body")
        w = face(line.font).width(line.text, line.size)
        x = seg.x + line.indent
        if line.align == "right":
            x = seg.x + seg.width - w
        if style.justify and line.justify:
            for dx, piece in justified_pieces(line.text, line.font, line.size, seg.width - line.indent, style.cjk):
                canvas.text(x + dx, baseline, piece, line.font, line.size, line.role, segment_groups[key])
        else:
            canvas.text(x, baseline, line.text, line.font, line.size, line.role, segment_groups[key])
    if continues:
        text, seg = continues
        group = canvas.group("body")
        size = style.body_size - 0.5
        w = face(style.byline_font).width(text, size)
        if w > seg.width:  # a narrow column sets the pointer smaller rather than past its edge
            size = round(size * seg.width / w - 0.05, 2)
            w = face(style.byline_font).width(text, size)
        canvas.text(seg.x + seg.width - w, seg.top + size * 0.95, text, style.byline_font, size, "continuation", group)
    if notch and spec.dogleg.story:
        _draw_notch_rules(canvas, notch, rect)
    if sidebar_rect:
        outcome.sidebar = _lay_box(spec.sidebar, sidebar_rect, style, canvas).gold
    if inset_rect:  # an article has a sidebar or an inset, never both
        outcome.sidebar = _lay_box(spec.inset.box, inset_rect, style, canvas).gold
    caption_gold = []
    if photo_box:
        group = canvas.group("photo")
        canvas.shape("photo", photo_box, group, spec.photo.variant)
        cap_group = canvas.group("caption")
        size = style.body_size - (1.0 if style.cjk else 1.5)
        advance = size * (1.35 if style.cjk else 1.2)
        y = photo_box[3] + 3
        for text, font, fsize, align in caption_lines:
            w = face(font).width(text, fsize)
            x = photo_box[0] + (photo_box[2] - photo_box[0] - w if align == "right" else 0)
            canvas.text(x, y + fsize * 0.95, text, font, fsize, "caption", cap_group, shadow=True)
            y += advance
        if spec.photo.credit_place == "on-photo":
            # small type inside the picture's lower right corner, drawn with the picture
            credit, csize = bare_credit(spec.photo.caption[1]), 6.0
            cw_credit = face(style.credit_font).width(credit, csize)
            if cw_credit > photo_box[2] - photo_box[0] - 6:
                csize = round(csize * (photo_box[2] - photo_box[0] - 6) / cw_credit - 0.05, 2)
                cw_credit = face(style.credit_font).width(credit, csize)
            canvas.text(photo_box[2] - cw_credit - 3, photo_box[3] - 3, credit, style.credit_font, csize,
                        "photo_credit", group)
        caption_gold.append({"text": spec.photo.caption[0], "credit": bare_credit(spec.photo.caption[1])})
    if quote_lines:
        qcol, qtop, qparts, qsize, qh = quote_lines
        group = canvas.group("pull_quote")
        qx = body[0] + qcol * (cw + GUTTER)
        canvas.shape("rule", (qx, qtop + 2, qx + cw, qtop + 2), group)
        y = qtop + 8
        for part in qparts:
            canvas.text(qx + 2, y + qsize * 0.95, part, style.quote_font, qsize, "pull_quote", group)
            y += qsize * 1.3
        canvas.shape("rule", (qx, qtop + qh - 4, qx + cw, qtop + qh - 4), group)
        outcome.pull_quote = spec.pull_quote
    if spec.head_pos == "below":
        _draw_head_block(canvas, spec, x0, text_bottom + 6, width, style)

    outcome.gold = _gold(spec, lines, placed, caption_gold, continues)
    return outcome


def _gold(spec: ArticleSpec, lines: list[FlowLine], placed, captions: list[dict], continues) -> dict:
    article = spec.article
    ends: dict[int, tuple[int, int]] = {}
    for line, _, _ in placed:
        if line.ref[0] == "body":
            ends[line.ref[1]] = (line.end, line.ref[2])
    body = []
    for index in range(spec.start, len(article.body)):
        if index not in ends:
            break
        kind, text = article.body[index]
        end, base = ends[index]
        shown = text if end - base >= len(text) else text[: end - base].rstrip()
        body.append({"kind": kind, "text": shown})
    signoff_lines = sum(1 for line in lines if line.role == "signoff")
    signoff_placed = sum(1 for line, _, _ in placed if line.role == "signoff")
    return {
        "headline": article.headline,
        "subheadlines": list(spec.decks),
        "byline": article.byline if spec.start == 0 and article.byline else None,
        "body": body,
        "captions": captions,
        "signoff": article.signoff if signoff_lines and signoff_placed == signoff_lines else None,
        "continues": continues[0] if continues else None,
        "continued_from": spec.continued_from,
    }


BOX_PAD = 6.0


def _box_item_lines(spec: ArticleSpec, width: float, style: Style) -> list[list[str]]:
    marker_width = face(style.body_font).width(style.list_marker + " ", style.body_size)
    return [break_lines(text, width - 2 * BOX_PAD - marker_width, style.body_size, face(style.body_font),
                        cjk=style.cjk) for _, text in spec.article.body]


def box_height(spec: ArticleSpec, width: float, style: Style) -> float:
    """Height of a framed bullet box ``width`` wide: padding, title, items."""
    title_h = _block_height(spec.article.headline, width - 2 * BOX_PAD, style.head_font, spec.head_size,
                            spec.head_size * 1.25, style)
    item_lines = _box_item_lines(spec, width, style)
    return BOX_PAD + title_h + 4 + sum(len(parts) for parts in item_lines) * style.body_advance + BOX_PAD


def _lay_box(spec: ArticleSpec, rect: Rect, style: Style, canvas: Canvas | None) -> Outcome:
    x0, y0, x1, y1 = rect
    pad = BOX_PAD
    inner = x1 - x0 - 2 * pad
    size = style.body_size
    advance = style.body_advance
    marker = style.list_marker + " "
    marker_width = face(style.body_font).width(marker, size)
    items = [text for kind, text in spec.article.body]
    item_lines = _box_item_lines(spec, x1 - x0, style)
    height = box_height(spec, x1 - x0, style)
    if height > y1 - y0:
        return Outcome(viable=False, complete=False)
    outcome = Outcome(viable=True, complete=True)
    if canvas is None:
        return outcome
    frame_group = canvas.group("frame")
    canvas.shape("frame", (x0, y0, x1, y0 + height), frame_group)
    title_group = canvas.group("box-title")
    y = _text_block(canvas, title_group, x0 + pad, y0 + pad, inner, spec.article.headline, style.head_font,
                    spec.head_size, spec.head_size * 1.25, "headline", style, shadow=True)
    y += 4
    item_group = canvas.group("body")
    for parts in item_lines:
        for j, part in enumerate(parts):
            text = marker + part if j == 0 else part
            canvas.text(x0 + pad + (0 if j == 0 else marker_width), y + size * 0.95, text, style.body_font, size,
                        "list_item", item_group)
            y += advance
    outcome.gold = {
        "headline": spec.article.headline, "subheadlines": [], "byline": None,
        "body": [{"kind": "list_item", "text": text} for text in items],
        "captions": [], "signoff": None, "continues": None, "continued_from": None,
    }
    return outcome


# ---------------------------------------------------------------- news in brief

def make_brief_spec(article: CorpusArticle, style: Style, rng: random.Random, run_in: bool, paragraphs: int,
                    rule_above: bool, label: str | None) -> ArticleSpec:
    """An item of a briefs column. A run-in head is set in the headline face at text size; a head
    on its own line is a little larger than the text, far smaller than a story's headline."""
    size = style.body_size if run_in else round(style.body_size + rng.uniform(1.5, 3.0), 1)
    return ArticleSpec(article, "brief", head_size=size, deck_size=0, byline_inline=False,
                       brief=BriefSpec(paragraphs=paragraphs, run_in=run_in, rule_above=rule_above, label=label))


@dataclass(slots=True)
class _BriefLine:
    dx: float  # from the column's left edge
    top: float  # from the item's top
    text: str
    font: str
    size: float
    role: str  # "label" | "headline" | "paragraph"
    measure: float = 0.0  # width to justify to; 0: set as it is


BRIEF_LABEL_SIZE = {True: 10.5, False: 9.5}  # by style.cjk


def _brief_lines(spec: ArticleSpec, width: float, style: Style, count: int) -> tuple[list[_BriefLine], float]:
    """The item's lines with ``count`` paragraphs, and its height."""
    brief, cjk = spec.brief, style.cjk
    size, adv = style.body_size, style.body_advance
    out: list[_BriefLine] = []
    y = 0.0
    if brief.label:
        label_size = BRIEF_LABEL_SIZE[cjk]
        out.append(_BriefLine(0.0, y, brief.label, style.head_font, label_size, "label"))
        y += label_size * 1.3 + 7  # the rule under the label sits in this gap
    head_face = face(style.head_font)
    if brief.run_in:
        heads = break_lines(spec.article.headline, width, spec.head_size, head_face, cjk=cjk)
        for part in heads:
            out.append(_BriefLine(0.0, y, part, style.head_font, spec.head_size, "headline"))
            y += adv
        gap = size * (1.0 if cjk else 0.6)
        indent = head_face.width(heads[-1], spec.head_size) + gap
        if indent + size * 4 <= width:
            y -= adv  # the text starts on the head's last line
        else:
            indent = 0.0 if not cjk else size * 2
    else:
        for part in break_lines(spec.article.headline, width, spec.head_size, head_face, cjk=cjk):
            out.append(_BriefLine(0.0, y, part, style.head_font, spec.head_size, "headline"))
            y += spec.head_size * 1.18
        y += 2
        indent = size * 2 if cjk else 0.0
    body_face = face(style.body_font)
    for number, text in enumerate(spec.article.paragraphs[:count]):
        if number:
            indent = size * 2 if cjk else size * 1.2
            y += adv * (0.15 if cjk else 0.1)
        parts = break_lines(text, width, size, body_face, first_indent=indent, cjk=cjk)
        for j, part in enumerate(parts):
            dx = indent if j == 0 else 0.0
            measure = width - dx if (style.justify and j < len(parts) - 1) else 0.0
            out.append(_BriefLine(dx, y, part, style.body_font, size, "paragraph", measure))
            y += adv
    return out, y


def _lay_brief(spec: ArticleSpec, rect: Rect, style: Style, canvas: Canvas | None) -> Outcome:
    """Headline and the first paragraphs, as many as fit (at least one, at most the spec's)."""
    x0, y0, x1, y1 = rect
    width = x1 - x0
    wanted = min(spec.brief.paragraphs, len(spec.article.paragraphs))
    for count in range(wanted, 0, -1):
        lines, height = _brief_lines(spec, width, style, count)
        if height <= y1 - y0 + 0.01:
            break
    else:
        return Outcome(viable=False, complete=False)
    outcome = Outcome(viable=True, complete=count == wanted, label=spec.brief.label)
    if canvas is None:
        return outcome
    if spec.brief.rule_above:
        canvas.shape("rule", (x0 + width * 0.3, y0 - 6, x1 - width * 0.3, y0 - 6), canvas.group("rule"))
    groups: dict[str, int] = {}
    for line in lines:
        if line.role not in groups:
            groups[line.role] = canvas.group({"label": "furniture", "headline": "headline"}.get(line.role, "body"))
        group, baseline = groups[line.role], y0 + line.top + line.size * 0.95
        if line.role == "label":
            canvas.text(x0, baseline, line.text, line.font, line.size, "furniture", group)
            rule_y = y0 + line.top + line.size * 1.3 + 2
            canvas.shape("rule", (x0, rule_y, x1, rule_y), canvas.group("rule"))
        elif line.measure:
            for dx, piece in justified_pieces(line.text, line.font, line.size, line.measure, style.cjk):
                canvas.text(x0 + line.dx + dx, baseline, piece, line.font, line.size, line.role, group)
        else:
            canvas.text(x0 + line.dx, baseline, line.text, line.font, line.size, line.role, group,
                        shadow=line.role == "headline")
    outcome.gold = {
        "headline": spec.article.headline, "subheadlines": [], "byline": None,
        "body": [{"kind": "paragraph", "text": text} for text in spec.article.paragraphs[:count]],
        "captions": [], "signoff": None, "continues": None, "continued_from": None,
    }
    return outcome
