"""Compose a whole page: furniture band, a layout family's rows of column stacks, rules.

A family is a planner that turns the page's random stream into rows; each row holds
stacks (a run of grid columns) and each stack holds articles top to bottom. Rows other
than the last take the height their articles need (found by trial); the last row fills
the page, and an article that does not fit there is cut with a continuation line.
Reading order of the gold is rows top-down, stacks left to right, articles top-down.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .article_layout import (
    GUTTER,
    ArticleSpec,
    DoglegSpec,
    InsetSpec,
    Outcome,
    column_span,
    lay_article,
    make_brief_spec,
    make_spec,
    notch_column_range,
    notch_rect,
)
from .canvas import Canvas, Rect
from .corpus_format import CorpusArticle
from .styles import BRIEF_LABELS, Furniture, Style
from .typeset import face

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0
MARGIN = 28.0
CONTENT_TOP = 70.0
ARTICLE_GAP = 12.0

LAYOUT_FAMILIES = ("stacked", "lead-rail", "vertical-heads", "heads-below", "mosaic", "dogleg", "briefs", "inset")
HELD_OUT_LAYOUT = "inset"
BRIEFS_IN_COLUMN = 3


@dataclass(slots=True)
class Stack:
    col0: int
    col1: int
    specs: list[ArticleSpec]


@dataclass(slots=True)
class Plan:
    columns: int
    rows: list[list[Stack]]
    first_row_share: float = 0.6  # most of the page a non-final row may take
    # makes one more article when the last row has room left (None: leave the space)
    filler: Callable[[int, int], ArticleSpec] | None = None  # arguments: the stack's columns, attempt


class ArticlePicker:
    """Draws distinct articles of one script; the lead comes from the longer half."""

    def __init__(self, corpus: list[CorpusArticle], rng: random.Random):
        self.rng = rng
        self.articles = [a for a in corpus if a.kind == "article"]
        self.boxes = [a for a in corpus if a.kind == "box"]
        self.used: set[str] = set()

    def _size(self, article: CorpusArticle) -> int:
        return sum(len(text) for _, text in article.body)

    def article(self, long: bool = False, short: bool = False) -> CorpusArticle:
        pool = [a for a in self.articles if a.id not in self.used]
        pool.sort(key=lambda a: (self._size(a), a.id))
        if long:
            pool = pool[len(pool) // 2:]
        elif short:
            pool = pool[: max(1, len(pool) // 2)]
        choice = self.rng.choice(pool)
        self.used.add(choice.id)
        return choice

    @property
    def boxes_drawn(self) -> int:
        return sum(1 for a in self.boxes if a.id in self.used)

    def box(self) -> CorpusArticle:
        pool = [a for a in self.boxes if a.id not in self.used] or self.boxes
        choice = self.rng.choice(pool)
        self.used.add(choice.id)
        return choice


def _split(rng: random.Random, columns: int, parts: int) -> list[tuple[int, int]]:
    cuts = sorted(rng.sample(range(1, columns), parts - 1))
    edges = [0, *cuts, columns]
    return list(zip(edges, edges[1:]))


def plan_page(family: str, rng: random.Random, style: Style, picker: ArticlePicker) -> Plan:
    plan = _plan_rows(family, rng, style, picker)
    positions = {"vertical-heads": ("beside",), "mosaic": ("above", "beside", "below"),
                 "dogleg": ("above", "sidesaddle")}.get(family, ("above",))

    def filler(columns: int, attempt: int) -> ArticleSpec:
        if columns <= 2 and not picker.boxes_drawn and rng.random() < 0.4:
            return make_spec(picker.box(), style, rng, "box", False, 0, 0, 0)
        # a retry sets the headline above: a vertical strip may not fit the space left
        position = rng.choice(positions) if attempt == 0 else "above"
        return make_spec(picker.article(short=True), style, rng, position, False, 0.3, 0.1, 0.2)

    plan.filler = filler
    return plan


def _plan_rows(family: str, rng: random.Random, style: Style, picker: ArticlePicker) -> Plan:
    def spec(head_pos: str, lead: bool = False, photo: float = 0.4, quote: float = 0.2, continued: float = 0.15,
             long: bool = False, short: bool = False) -> ArticleSpec:
        article = picker.article(long=long or lead, short=short)
        return make_spec(article, style, rng, head_pos, lead, photo, quote, continued)

    def box() -> ArticleSpec:
        return make_spec(picker.box(), style, rng, "box", False, 0, 0, 0)

    if family == "stacked":
        n = rng.choice((4, 5, 6) if style.cjk else (4, 5))
        lower = []
        for c0, c1 in _split(rng, n, 2):
            specs = [spec("above")]
            if rng.random() < 0.4:
                specs.append(box() if (c1 - c0 <= 3 and not picker.boxes_drawn and rng.random() < 0.5)
                             else spec("above", short=True))
            lower.append(Stack(c0, c1, specs))
        return Plan(n, [[Stack(0, n, [spec("above", lead=True, photo=0.9, quote=0.45)])], lower])
    if family == "lead-rail":
        n = rng.choice((5, 6) if style.cjk else (4, 5))
        rail = 2 if n == 6 else 1
        main = Stack(0, n - rail, [spec("above", lead=True, photo=0.9, quote=0.45), spec("above")])
        side = Stack(n - rail, n, [box(), spec("above", short=True, photo=0.2)])
        if rng.random() < 0.5:
            side.specs.reverse()
        return Plan(n, [[main, side]], first_row_share=1.0)
    if family == "vertical-heads":
        n = rng.choice((4, 5, 6) if style.cjk else (4, 5))
        lower = [Stack(c0, c1, [spec("beside", photo=0.3)]) for c0, c1 in _split(rng, n, 2)]
        return Plan(n, [[Stack(0, n, [spec("beside", lead=True, photo=0.7)])], lower])
    if family == "heads-below":
        n = rng.choice((3, 4, 5))
        feature = spec("below", lead=True, photo=1.0, quote=0.35)
        if feature.photo is not None:
            feature.photo.middle = False
            feature.photo.columns = 9
        lower = []
        for c0, c1 in _split(rng, n, 2):
            specs = [spec("above")]
            if rng.random() < 0.3:
                specs.append(box())
            lower.append(Stack(c0, c1, specs))
        return Plan(n, [[Stack(0, n, [feature])], lower], first_row_share=0.55)
    if family == "mosaic":
        n = rng.choice((3, 4, 5, 6) if style.cjk else (3, 4, 5))
        positions = ("above", "above", "beside", "below")
        rows = []
        budget = MAX_ARTICLES
        for row_index in range(2):
            parts = min(rng.choice((1, 2, 2, 3)), n - 1) if row_index else rng.choice((1, 2))
            stacks = []
            for c0, c1 in _split(rng, n, parts) if parts > 1 else [(0, n)]:
                if budget <= 0:
                    break
                if c1 - c0 == 1 and not picker.boxes_drawn and rng.random() < 0.4:
                    specs = [box()]
                else:
                    specs = [spec(rng.choice(positions), lead=(row_index == 0 and parts == 1), photo=0.6, quote=0.5,
                                  continued=0.25)]
                budget -= 1
                stacks.append(Stack(c0, c1, specs))
            if stacks:
                rows.append(stacks)
        return Plan(n, rows, first_row_share=0.55)
    if family == "dogleg":
        n = rng.choice((4, 5, 6) if style.cjk else (4, 5))
        lead = spec("above", lead=True, photo=0.9, quote=0.3)
        lead.dogleg = _plan_dogleg(lead, n, rng, lambda head_pos: spec(head_pos, photo=0.0, quote=0.0,
                                                                          continued=0.1, short=True))
        lower = []
        for c0, c1 in _split(rng, n, 2):
            wide = c1 - c0 >= 2  # room for a sidesaddle head or a sidebar box beside the body
            if wide and not picker.boxes_drawn and rng.random() < 0.45:
                story = spec("above", photo=0.0, quote=0.0)
                story.sidebar = box()
            else:
                story = spec("sidesaddle" if wide and rng.random() < 0.6 else "above", photo=0.3)
            lower.append(Stack(c0, c1, [story]))
        return Plan(n, [[Stack(0, n, [lead])], lower], first_row_share=0.6)
    if family == "briefs":
        return _plan_briefs(rng, style, picker, spec)
    if family == "inset":
        n = rng.choice((4, 5, 6) if style.cjk else (4, 5))
        lead = spec("above", lead=True, photo=0.6, quote=0.0)
        if lead.photo is not None:  # one column at the top right, clear of the inset's columns
            lead.photo.columns, lead.photo.align_right, lead.photo.middle = 1, True, False
        lead.inset = InsetSpec(box(), first=rng.randint(0, 2), depth=round(rng.uniform(0.3, 0.5), 2))
        lower = [Stack(c0, c1, [spec("above", photo=0.3)]) for c0, c1 in _split(rng, n, 2)]
        return Plan(n, [[Stack(0, n, [lead])], lower], first_row_share=0.62)
    raise ValueError(f"unknown layout family {family!r}")


def _plan_briefs(rng: random.Random, style: Style, picker: ArticlePicker,
                 spec: Callable[..., ArticleSpec]) -> Plan:
    """A news-in-brief column the height of the page, left or right of a lead and a second story:
    short items, each a headline (on its own line a point or three above the text, or run into
    the text's first line in bold at text size) and the first paragraphs of its story, parted by
    hairlines or by space alone, under a label. The column holds several articles top to bottom,
    their headlines hardly larger than the text."""
    n = rng.choice((4, 5, 6) if style.cjk else (4, 5))
    left = rng.random() < 0.35
    run_in = rng.random() < 0.5
    hairlines = rng.random() < 0.7
    label = rng.choice(BRIEF_LABELS[style.script]) if rng.random() < 0.8 else None
    briefs = []
    for i in range(BRIEFS_IN_COLUMN):
        paragraphs = 4 if i == BRIEFS_IN_COLUMN - 1 else rng.choice((1, 2, 2, 3))
        briefs.append(make_brief_spec(picker.article(short=True), style, rng, run_in, paragraphs,
                                      rule_above=hairlines and i > 0, label=label if i == 0 else None))
    main_specs = [spec("above", lead=True, photo=0.9, quote=0.3), spec("above", photo=0.4, long=True)]
    if left:
        return Plan(n, [[Stack(0, 1, briefs), Stack(1, n, main_specs)]], first_row_share=1.0)
    return Plan(n, [[Stack(0, n - 1, main_specs), Stack(n - 1, n, briefs)]], first_row_share=1.0)


def _plan_dogleg(lead: ArticleSpec, columns: int, rng: random.Random,
                 notch_story: Callable[[str], ArticleSpec]) -> DoglegSpec:
    """Shape the lead as an L: a notch at its top, beside its headline, filled with the lead's
    own photo (1 column up to half of them) or, half the time or when it has none, with a short
    story (2 columns up to half, so its headline stays short enough for a shallow notch),
    headline above or sidesaddle. The leg keeps at least half the columns: a lead headline in
    a narrower leg runs so deep that it, not the text, fills the space beside the notch."""
    dogleg = DoglegSpec(notch_columns=1, notch_left=rng.random() < 0.3)
    if lead.photo is None or rng.random() < 0.5:
        dogleg.notch_columns = rng.randint(2, columns // 2)
        dogleg.story = notch_story("sidesaddle" if rng.random() < 0.5 else "above")
    else:
        dogleg.notch_columns = rng.randint(1, columns // 2)
        lead.photo.columns = dogleg.notch_columns
        lead.photo.middle = False
    return dogleg


@dataclass(slots=True)
class Composed:
    canvas: Canvas
    articles: list[dict]
    unassigned: list[dict]
    columns: int
    dropped: list[str] = field(default_factory=list)


def _column_edges(columns: int) -> list[tuple[float, float]]:
    width = (PAGE_WIDTH - 2 * MARGIN - (columns - 1) * GUTTER) / columns
    return [(MARGIN + c * (width + GUTTER), MARGIN + c * (width + GUTTER) + width) for c in range(columns)]


def _fit_height(spec: ArticleSpec, x0: float, x1: float, columns: int, top: float, limit: float,
                style: Style) -> tuple[float, Outcome]:
    """Smallest height (to 2pt) at which the article is complete; else the limit, cut."""
    at_limit = lay_article(spec, (x0, top, x1, limit), columns, style, None)
    if not at_limit.viable or not at_limit.complete:
        return limit - top, at_limit
    low, high = 20.0, limit - top
    while high - low > 2:
        mid = (low + high) / 2
        trial = lay_article(spec, (x0, top, x1, top + mid), columns, style, None)
        if trial.viable and trial.complete:
            high = mid
        else:
            low = mid
    return high, lay_article(spec, (x0, top, x1, top + high), columns, style, None)


MAX_ARTICLES = 5
FILL_MIN_HEIGHT = 140.0  # room left in a last-row stack that is worth another article
# most of a row a dogleg's notch story may take, tried in turn until the L has text under it
NOTCH_SHARES = (0.55, 0.4, 0.3, 0.22)
MIN_LINES_UNDER_NOTCH = 2


class _StackFill:
    """One stack of a row being filled top-down."""

    def __init__(self, stack: Stack, edges: list[tuple[float, float]], top: float):
        self.stack = stack
        self.x0, self.x1 = edges[stack.col0][0], edges[stack.col1 - 1][1]
        self.columns = stack.col1 - stack.col0
        self.y = top
        self.items: list[list] = []
        self.closed = False  # an article was cut at the row's foot: nothing fits below it

    def place(self, spec: ArticleSpec, limit: float, style: Style, dropped: list[str]) -> int:
        """Fit ``spec`` under what is already here; returns how many articles were placed."""
        if spec.dogleg and spec.dogleg.story:
            height, outcome, spec = self._fit_dogleg_with_story(spec, limit, style, dropped)
        else:
            height, outcome = _fit_height(spec, self.x0, self.x1, self.columns, self.y, limit, style)
        if not outcome.viable:
            dropped.append(spec.article.id)
            return 0
        self.items.append([spec, (self.x0, self.y, self.x1, self.y + height), self.columns])
        self.y += height + ARTICLE_GAP
        self.closed = not outcome.complete
        return _articles_in(spec)

    def _fit_dogleg_with_story(self, spec: ArticleSpec, limit: float, style: Style,
                               dropped: list[str]) -> tuple[float, Outcome, ArticleSpec]:
        """Fit the story in a dogleg's notch first (the L's shape depends on its depth), then the
        L. A deep notch can leave the leg holding all of the L's text and the band beneath the
        notch empty, which is no dogleg: then the notch story gets less room (and is cut)."""
        dogleg = spec.dogleg
        first, last = notch_column_range(dogleg, self.columns)
        nx0, nx1 = column_span((self.x0, self.y, self.x1, limit), self.columns, first, last)
        fallback = None
        for share in NOTCH_SHARES:
            depth, story_outcome = _fit_height(dogleg.story, nx0, nx1, last - first, self.y,
                                               self.y + (limit - self.y) * share, style)
            if not story_outcome.viable:
                continue
            shaped = replace(spec, dogleg=replace(dogleg, depth=depth))
            height, outcome = _fit_height(shaped, self.x0, self.x1, self.columns, self.y, limit, style)
            if outcome.viable and outcome.lines_under_notch >= MIN_LINES_UNDER_NOTCH:
                return height, outcome, shaped
            if outcome.viable and fallback is None:
                fallback = (height, outcome, shaped)
        if fallback:
            return fallback
        # no story fits the notch: the lead is set as a plain story
        dropped.append(dogleg.story.article.id)
        plain = replace(spec, dogleg=None)
        return (*_fit_height(plain, self.x0, self.x1, self.columns, self.y, limit, style), plain)


def compose_page(plan: Plan, style: Style, furniture: Furniture) -> Composed:
    canvas = Canvas()
    unassigned = _draw_furniture(canvas, furniture, style)
    bottom_limit = PAGE_HEIGHT - (46.0 if furniture.bottom else 34.0)
    edges = _column_edges(plan.columns)
    placements: list[tuple[ArticleSpec, Rect, int]] = []
    dropped: list[str] = []
    budget = MAX_ARTICLES
    top = CONTENT_TOP
    for row_index, row in enumerate(plan.rows):
        final = row_index == len(plan.rows) - 1
        row_limit = bottom_limit if final else top + (bottom_limit - top) * plan.first_row_share
        fills = [_StackFill(stack, edges, top) for stack in row]
        for fill in fills:  # first the planned articles of every stack ...
            for spec in fill.stack.specs:
                if budget == 0 or fill.closed or row_limit - fill.y < 60:
                    dropped.append(spec.article.id)
                    continue
                if spec.sidebar and budget < _articles_in(spec):  # keep within the article budget
                    dropped.append(spec.sidebar.article.id)
                    spec = replace(spec, sidebar=None)
                budget -= fill.place(spec, row_limit, style, dropped)
        if final and plan.filler:  # ... then extra articles where the last row still has room
            for fill in fills:
                failures = 0
                while failures < 3 and budget > 0 and not fill.closed and row_limit - fill.y >= FILL_MIN_HEIGHT:
                    placed = fill.place(plan.filler(fill.columns, failures), row_limit, style, dropped)
                    budget -= placed
                    failures += 1 - placed
        row_items = [(fill.stack, fill.items) for fill in fills]
        row_bottom = max([top] + [fill.y - ARTICLE_GAP for fill in fills if fill.items])
        row_bottom = min(row_bottom, row_limit)
        for stack, items in row_items:
            if items and not final:
                # stretch the stack's last article down to the row's bottom: only white space is added
                spec, rect, columns = items[-1]
                items[-1][1] = (rect[0], rect[1], rect[2], max(rect[3], row_bottom))
            placements.extend((spec, rect, columns) for spec, rect, columns in items)
        drawn = [(stack, items) for stack, items in row_items if items]
        for (left, _), (right, _) in zip(drawn, drawn[1:]):
            x = (edges[left.col1 - 1][1] + edges[right.col0][0]) / 2
            canvas.shape("rule", (x, top, x, row_bottom), canvas.group("rule"))
        if not final and drawn:
            canvas.shape("rule", (MARGIN, row_bottom + 6, PAGE_WIDTH - MARGIN, row_bottom + 6), canvas.group("rule"))
        if drawn:
            top = row_bottom + ARTICLE_GAP + 2

    articles: list[dict] = []
    quotes: list[dict] = []
    for spec, rect, columns in (part for placement in placements for part in _with_notch_story(*placement)):
        outcome = lay_article(spec, rect, columns, style, canvas)
        if not outcome.viable:
            dropped.append(spec.article.id)
            continue
        articles.append(outcome.gold)
        if outcome.sidebar:  # a box inside an article's columns comes right after that article
            articles.append(outcome.sidebar)
        if outcome.pull_quote:
            quotes.append({"kind": "pull_quote", "text": outcome.pull_quote})
        if outcome.label:  # a briefs column's label is furniture, like the section name
            unassigned.append({"kind": "furniture", "text": outcome.label})
    bottom_items = []
    if furniture.bottom:
        group = canvas.group("furniture")
        y = PAGE_HEIGHT - 30
        canvas.shape("rule", (MARGIN, y - 10, PAGE_WIDTH - MARGIN, y - 10), group)
        canvas.text(MARGIN, y, furniture.bottom, style.furniture_font, 7.5, "furniture", group)
        bottom_items.append({"kind": "furniture", "text": furniture.bottom})
    return Composed(canvas, articles, unassigned + quotes + bottom_items, plan.columns, dropped)


def _articles_in(spec: ArticleSpec) -> int:
    """How many gold articles placing ``spec`` makes: itself, a notch story, a sidebar or inset box."""
    return 1 + bool(spec.dogleg and spec.dogleg.story) + bool(spec.sidebar) + bool(spec.inset)


def _with_notch_story(spec: ArticleSpec, rect: Rect, columns: int) -> list[tuple[ArticleSpec, Rect, int]]:
    """A dogleg and the story in its notch, in reading order: both start at the same height,
    so the one on the left comes first."""
    story = spec.dogleg.story if spec.dogleg else None
    if story is None:
        return [(spec, rect, columns)]
    notch = (story, notch_rect(spec.dogleg, rect, columns), spec.dogleg.notch_columns)
    return [notch, (spec, rect, columns)] if spec.dogleg.notch_left else [(spec, rect, columns), notch]


def _draw_furniture(canvas: Canvas, furniture: Furniture, style: Style) -> list[dict]:
    folio, section, paper, date = furniture.top
    group = canvas.group("furniture")
    font = style.furniture_font
    head_font = style.head_font
    baseline = 50.0
    canvas.text(MARGIN, baseline, folio, head_font, 14, "furniture", group)
    folio_w = face(head_font).width(folio, 14)
    canvas.text(MARGIN + folio_w + 10, baseline, section, font, 11, "furniture", group)
    paper_w = face(head_font).width(paper, 16)
    canvas.text((PAGE_WIDTH - paper_w) / 2, baseline, paper, head_font, 16, "furniture", group)
    date_w = face(font).width(date, 8.5)
    canvas.text(PAGE_WIDTH - MARGIN - date_w, baseline, date, font, 8.5, "furniture", group)
    canvas.shape("rule", (MARGIN, 60, PAGE_WIDTH - MARGIN, 60), group)
    return [{"kind": "furniture", "text": text} for text in (folio, section, paper, date)]
