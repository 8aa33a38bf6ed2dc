"""Column segments → typed blocks, from typography and position as well as words.

A new block starts where the type changes (size or weight), where the white
space between lines grows, where a line is indented, after a short line that
ends a sentence, and at a line whose words announce a role (cues). The kind
then comes from the type relative to the page's body size (headline, deck,
subhead, credit), from position (a caption sits right under a photo box; page
furniture in the top and bottom margins) and from the same text cues the
text pipeline uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from .. import cues
from ..charclass import (
    CJK_CHAR, CLOSING_QUOTES, RUN_ON_WORDS, bracket_balance, ends_in_title_abbreviation, ends_sentence, has_cjk, is_cjk,
    joins_tight, leads_on_to_a_date,
)
from ..geometry import BBox, contains, height, union, width, x_overlap, y_overlap
from ..model import (
    BYLINE, CAPTION, CONTINUATION, CREDIT, DECK, FURNITURE, HEADLINE, LIST_ITEM, PARAGRAPH, SIGNOFF,
    SUBHEAD, Block, Line, Removal, SourcedText,
)
from ..repair.lines import join_wrapped_lines
from ..segment import BYLINE_MARKS, MAX_CARRIED_CHARS, MAX_CARRIED_WORDS, SENTENCE_THEN_CREDIT, line_cue
from .lines import MIN_PLAIN_RUN, Style
from .order import HEADLINE_TYPE, MAX_LEADING_GAP, Leaf, kicker_over

# Whether the type in a box holding so many characters is drawn twice (asked at a cost).
DrawnTwice = Callable[[BBox, int], bool]

HEADLINE_SIZE = 1.3  # × body size
DECK_SIZE = 1.1
CREDIT_SIZE = 0.86
DROP_CAP_SIZE = 1.8
# Paragraphs are indented on a page where this share of lines is (a first line in 30).
INDENT_SHARE = 0.03
# A line ending within this many of its type sizes of the column's right edge is full.
FULL_SLACK = 1.8
# Lines whose sizes differ by this ratio are in different type (a 9.5-pt body, an 8.5-pt caption).
STYLE_CHANGE = 1.08
MAX_SUBHEAD_LINES = 2
MAX_CREDIT_CHARS = 24
# A subhead sits this close (× body size) under the running text before it.
SUBHEAD_REACH = 2.5
# Large type running longer than this is body text set large (a page of big type, an intro).
MAX_TITLE_LINES = 14  # a headline in a narrow rail breaks after every word or two
MAX_TITLE_CHARS = 120
# A caption starts within this many of its own type sizes under the photo.
CAPTION_REACH = 2.2
MARGIN_SHARE = 0.1
SINGLE_LINE_KINDS = (CREDIT, BYLINE, SIGNOFF, CONTINUATION, FURNITURE)


@dataclass(slots=True)
class LayoutBlock:
    kind: str
    lines: list[Line]
    size: float
    bold: bool
    frame: BBox | None
    order: int
    vertical_strip: bool = False
    leaf: int = 0
    indented: bool = False  # the first line is set in from the column's left edge
    ends_full: bool = False  # the last line reaches the column's right edge
    ends_spread: bool = False  # the last line of a justified Latin column, spread to its edge
    margin: bool = False  # set in the page's outer band
    indents: bool = False  # the page marks paragraphs by indenting their first lines
    photo: BBox | None = None  # for a caption: the photo it describes
    block: Block | None = None  # the model block, once its text is joined
    run_in_head: bool = False  # a headline whose story's text starts on its last line
    runs_in: bool = False  # text that starts on the last line of a run-in headline
    bbox: BBox = (0.0, 0.0, 0.0, 0.0)  # set from the lines on creation
    foot: float = 0.0  # for a headline: the bottom of it and the decks set right under it

    def __post_init__(self) -> None:
        self.bbox = union(line.bbox for line in self.lines)
        self.foot = self.bbox[3]


def _is_vertical(line: Line, styles: dict[BBox, Style]) -> bool:
    style = styles.get(line.bbox)
    return style is not None and style.vertical


def split_blocks(leaves: list[Leaf], styles: dict[BBox, Style], body: float,
                 mostly_vertical: bool = False) -> list[LayoutBlock]:
    """Blocks of each leaf. On a page set mostly horizontally, a vertical line is a headline strip."""
    blocks: list[LayoutBlock] = []
    indents = _page_uses_indents(leaves)
    by_size: dict[float, list[Line]] = {}
    for leaf in leaves:
        for ln in leaf.lines:
            by_size.setdefault(ln.size or 0.0, []).append(ln)
    for leaf_index, leaf in enumerate(leaves):
        leaf_lines = _attach_drop_caps(leaf.lines, styles)
        leaf_lines, heads, opens = _cut_run_in_heads(leaf_lines, styles, body)
        left = _column_left(leaf_lines, by_size)
        right = leaf.column_right or max((ln.bbox[2] for ln in leaf_lines), default=0.0)
        # Each line's style looked up once (a box key hashes four floats): the leaf's split reads them too.
        line_styles = [styles.get(ln.bbox) for ln in leaf_lines]
        vertical_leaf = sum(1 for style in line_styles if style is not None and style.vertical) > len(leaf_lines) / 2
        split = _split_vertical_leaf(leaf_lines, styles, body) if vertical_leaf else _join_wrapped_marked_signoffs(
            _split_leaf(leaf_lines, styles, body, indents, opens, heads, line_styles), body)
        # A justified column's last line spread to its edge is no paragraph's last line:
        # that is set at the type's own spacing, and fills the measure only by chance.
        spread_foot = not vertical_leaf and bool(leaf_lines) and _spread_to_edge(leaf_lines)
        for lines in split:
            style = _main_style(lines, styles)
            strip = not mostly_vertical and all(_is_vertical(ln, styles) for ln in lines)
            indented = _indented(lines[0], left, lines[0].size or body)
            last = lines[-1]
            ends_full = (len(lines) > 1 or leaf.column_right is not None) and last.bbox[2] >= right - FULL_SLACK * (last.size or body)
            blocks.append(LayoutBlock(PARAGRAPH, lines, style.size, style.bold, leaf.frame, len(blocks), strip,
                                      leaf_index, indented, ends_full, spread_foot and lines[-1] is leaf_lines[-1],
                                      margin=leaf.margin, indents=indents,
                                      run_in_head=id(lines[-1]) in heads,
                                      runs_in=bool(blocks) and blocks[-1].run_in_head and id(blocks[-1].lines[-1]) in heads
                                      and blocks[-1].leaf == leaf_index))
    return _join_bylines_wrapped_across_leaves(blocks)


def _join_bylines_wrapped_across_leaves(blocks: list[LayoutBlock]) -> list[LayoutBlock]:
    """A byline or sign-off whose last characters a column's foot, or loose leading, set apart
    in the next leaf (編輯：王曉 審核：李 / 敏, （本报记者 马晓 / 东）): the line that reads as
    none alone and the few characters after it read as one together; they are one block."""
    out: list[LayoutBlock] = []
    for block in blocks:
        last = out[-1] if out else None
        if last is not None and block.leaf != last.leaf and len(last.lines) == 1 and len(block.lines) == 1 \
                and _tail_of_a_wrapped_byline(last, block):
            _take_lines(last, block)
            last.ends_full = block.ends_full
            continue
        out.append(block)
    for index, block in enumerate(out):
        block.order = index
    return out


def _take_lines(block: LayoutBlock, other: LayoutBlock) -> None:
    """``block`` runs on into ``other``'s lines: its box grows to hold them."""
    block.lines = block.lines + other.lines
    block.bbox = union(line.bbox for line in block.lines)
    block.foot = block.bbox[3]


def _tail_of_a_wrapped_byline(head: LayoutBlock, tail: LayoutBlock) -> bool:
    top, below = head.lines[0], tail.lines[0]
    carried = below.string.strip()
    if not carried or len(carried) > MAX_CARRIED_CHARS or len(carried.split()) > MAX_CARRIED_WORDS \
            or head.frame != tail.frame or head.margin or tail.margin \
            or abs((top.size or 0) - (below.size or 0)) >= 0.1 or head.bold != tail.bold:
        return False
    if line_hint(top.string) is not None or line_hint(carried) is not None:
        return False
    joined = joined_string([top, below])
    return bracket_balance(joined) == 0 and line_hint(joined) == SIGNOFF


def _join_wrapped_marked_signoffs(split: list[list[Line]], body: float) -> list[list[Line]]:
    """A sign-off led by a bullet (``●記者 唐志偉 報道``) wrapped in a narrow column: the
    bullet opened a list item and the tail (``報道``, set flush right) a block of its own.
    Joined, the two read as the sign-off, so they are one block."""
    out: list[list[Line]] = []
    for lines in split:
        last = out[-1] if out else None
        if last is not None and len(last) == 1 and _line_role(last[0]) == LIST_ITEM and len(lines) == 1 \
                and 0 <= lines[0].bbox[1] - last[0].bbox[3] <= body \
                and line_hint(joined_string(last + lines)) == SIGNOFF:
            out[-1] = last + lines
        else:
            out.append(lines)
    return out


def _cut_run_in_heads(lines: list[Line], styles: dict[BBox, Style], body: float) -> tuple[list[Line], set[int], set[int]]:
    """Headlines set in text-size display type and run in to their text (news in brief:
    ``Reservoirs fall  Water levels…``), cut from it where the display type ends: the
    lines, the ids of each headline's last part and the ids of its first line."""
    heads: set[int] = set()
    opens: set[int] = set()
    at_text_size = [abs((ln.size or 0.0) - body) <= RUN_IN_SIZE * body for ln in lines]
    if not any(fits and (ln.run_in is not None or _display_line(ln, styles)) for fits, ln in zip(at_text_size, lines)):
        return lines, heads, opens
    gaps = sorted(b.bbox[1] - a.bbox[3] for a, b in zip(lines, lines[1:]) if b.bbox[1] > a.bbox[3] - 1.0)
    leading = max(0.0, gaps[len(gaps) // 2]) if gaps else 0.0
    out: list[Line] = []
    for i, line in enumerate(lines):
        if not at_text_size[i]:
            out.append(line)
            continue
        if line.run_in is not None:
            cut = _cut_in_line(line)
            found = cut is not None and _run_in_head_from(lines, i, styles, line.string[: cut[0]], line.string[cut[0]:], leading,
                                                           same_face=False)
            if found is not None:
                k, lead_right = cut
                x0, y0, x1, y1 = line.bbox
                head = replace(line, text=line.text[:k].strip(), bbox=(x0, y0, lead_right, y1), bold=True, run_in=None)
                rest = replace(line, text=line.text[k:], bbox=(lead_right, y0, x1, y1), bold=False, run_in=None, indent=0)
                style = styles.get(line.bbox)
                if style is not None:
                    styles[head.bbox] = replace(style, bold=True)
                    styles[rest.bbox] = replace(style, bold=False)
                heads.add(id(head))
                opens.add(id(lines[found]) if found < i else id(head))
                out.extend((head, rest))
                continue
        elif i + 1 < len(lines) and _display_line(line, styles) and _plain_line_after(line, lines[i + 1], styles):
            found = _run_in_head_from(lines, i, styles, line.string, lines[i + 1].string, leading,
                                      same_face=_same_face(line, lines[i + 1], styles))
            if found is not None:
                heads.add(id(line))
                opens.add(id(lines[found]))
        out.append(line)
    return out, heads, opens


def _cut_in_line(line: Line) -> tuple[int, float] | None:
    """Where in the line (index, x) its display lead gives way to plain type."""
    offset, lead_right = line.run_in
    k = next((p + (offset - src) for p, src, n in line.text.runs if src >= 0 and src <= offset < src + n), None)
    if k is None or not line.bbox[0] < lead_right < line.bbox[2]:
        return None
    return k, lead_right


def _same_face(line: Line, other: Line, styles: dict[BBox, Style]) -> bool:
    a, b = styles.get(line.bbox), styles.get(other.bbox)
    return a is not None and b is not None and a.font == b.font


def _plain_line_after(line: Line, nxt: Line, styles: dict[BBox, Style]) -> bool:
    """``nxt`` goes on in plain type of the same size on ``line``'s row, just after it."""
    gap = nxt.bbox[0] - line.bbox[2]
    size = line.size or 10.0
    return (not _display_line(nxt, styles) and nxt.size == line.size and -1.0 <= gap <= 3.0 * size
            and y_overlap(line.bbox, nxt.bbox) > 0.5 * min(height(line.bbox), height(nxt.bbox)))


def _run_in_head_from(lines: list[Line], i: int, styles: dict[BBox, Style], lead: str, rest: str,
                      leading: float, same_face: bool) -> int | None:
    """The first line of a headline run in to its story on line ``i`` (``lead`` the display
    type there, ``rest`` the plain type after it), when it opens a new item (at the
    column's top, after white or after a finished paragraph, with any wholly display lines
    above it), reads as a title and plain text starts a sentence after it."""
    line = lines[i]
    top = i
    size = line.size or 10.0
    while top > 0 and _display_line(lines[top - 1], styles) and lines[top - 1].size == line.size \
            and lines[top].bbox[1] - lines[top - 1].bbox[3] < leading + RUN_IN_GAP * size:
        top -= 1
    if top > 0:
        above, first = lines[top - 1], lines[top]
        gap = first.bbox[1] - above.bbox[3]
        if gap < leading + RUN_IN_GAP * size and not ends_paragraph(above.string):
            return None  # display type inside a running paragraph: emphasis
    lead = " ".join([ln.string for ln in lines[top:i]] + [lead]).strip()
    rest = rest.lstrip()
    words = len(lead.split()) + len(CJK_CHAR.findall(lead))
    if (
        words < 2 or lead.endswith(_RUN_IN_LABEL_ENDS) or not rest or (same_face and len(rest.replace(" ", "")) < MIN_RUN_IN_TEXT)
        or not (rest[0].isalnum() or rest[0] in _OPENING_QUOTES)
        or (lead.isupper() and len(lead.split()) <= 2) or line_hint(lead) is not None or _RUN_IN_BYLINE.match(lead)
        or lines[top].marked
    ):
        return None
    return top


def _display_line(line: Line, styles: dict[BBox, Style]) -> bool:
    style = styles.get(line.bbox)
    return line.bold or (style is not None and style.bold)


# White above a run-in headline's first line, beyond the usual leading (× size), that parts
# it from the text above.
RUN_IN_GAP = 0.3
# Text run in after a headline in the same face (told apart only by being redrawn) starts
# with a few characters at least: a character or two at the end of a redrawn title that
# happened not to be redrawn is no text of its own.
MIN_RUN_IN_TEXT = MIN_PLAIN_RUN
# A run-in headline is set at the text's size, give or take this share.
RUN_IN_SIZE = 0.06
# A bold lead ending so is a label of the text after it ("Hours:"), not a headline.
_RUN_IN_LABEL_ENDS = (":", "：", ",", "，", "、", "-", "–", "—", "(", "（")
_OPENING_QUOTES = "\"'“‘「『《"


def _column_left(leaf_lines: list[Line], by_size: dict[float, list[Line]]) -> float:
    """The left edge of the column a segment stands in. A segment of one line (a
    paragraph's indented first line before a column break) shows no edge of its own: the
    same-size lines of its column above and below show it."""
    left = min((ln.bbox[0] for ln in leaf_lines), default=0.0)
    if len(leaf_lines) != 1:
        return left
    line = leaf_lines[0]
    size = line.size or 10.0
    column = [
        ln.bbox[0] for ln in by_size.get(line.size or 0.0, ())
        if ln is not line and left - INDENT_REACH * size <= ln.bbox[0] <= left and (
            # A line of its column reaches about as far right (a narrower grid's line does not),
            x_overlap(ln.bbox, line.bbox) >= 0.5 * width(line.bbox) and abs(ln.bbox[1] - line.bbox[1]) <= COLUMN_REACH * size
            and ln.bbox[2] >= line.bbox[2] - INDENT_REACH * size
            # or stands right over it, however short (the last line of the paragraph before).
            or 0 <= line.bbox[1] - ln.bbox[3] <= 0.8 * size)
    ]
    return min(column, default=left)


# A paragraph's first line is set in at most this many of its type sizes; lines of the
# same column lie within this many sizes above or below.
INDENT_REACH = 3.0
COLUMN_REACH = 12.0


def _attach_drop_caps(lines: list[Line], styles: dict[BBox, Style]) -> list[Line]:
    """A drop cap (one big letter beside a paragraph's first line) joins that line with no space."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        cap = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (
            nxt is not None and len(cap.string) == 1 and cap.string.isalpha() and cap.size and nxt.size
            and cap.size >= DROP_CAP_SIZE * nxt.size and y_overlap(cap.bbox, nxt.bbox) > 0
            and nxt.bbox[0] >= cap.bbox[2] - 1.0
        ):
            # The paragraph's box keeps the drop cap's top; its left edge stays the text's.
            box = (nxt.bbox[0], min(cap.bbox[1], nxt.bbox[1]), nxt.bbox[2], nxt.bbox[3])
            styles.setdefault(box, styles.get(nxt.bbox) or Style(nxt.size, nxt.bold, False, 0, "", False))
            out.append(replace(nxt, text=SourcedText.concat([cap.text, nxt.text]), bbox=box))
            i += 2
            continue
        out.append(cap)
        i += 1
    return out


def _main_style(lines: list[Line], styles: dict[BBox, Style]) -> Style:
    best = max(lines, key=lambda ln: len(ln.string))
    return styles.get(best.bbox) or Style(best.size or 10.0, best.bold, False, 0, "", False)


def _split_leaf(lines: list[Line], styles: dict[BBox, Style], body: float, indents: bool,
                opens: set[int] = frozenset(), ends: set[int] = frozenset(),
                line_styles: list[Style | None] | None = None) -> list[list[Line]]:
    """Lines of a leaf grouped into blocks; a line in ``opens`` starts one, a line in
    ``ends`` ends one (the first and last lines of run-in headlines, by id). ``line_styles``:
    each line's style from ``styles``, when the caller has looked them up."""
    if not lines:
        return []
    left = min(ln.bbox[0] for ln in lines)
    right = _measure_right(lines)
    gaps: list[float] = []
    for a, b in zip(lines, lines[1:]):
        if b.bbox[1] > a.bbox[1]:
            # max(0.0, gap) as the comparison it makes: this runs for every line of the page.
            gap = b.bbox[1] - a.bbox[3]
            gaps.append(gap if gap > 0.0 else 0.0)
    gaps.sort()
    usual_gap = min(gaps[len(gaps) // 2], MAX_LEADING_GAP * body) if gaps else 0.0
    usual_pitch = _usual_pitch(lines)
    groups: list[list[Line]] = [[lines[0]]]
    # Each line's style looked up once (a box key hashes four floats): the test of every
    # pair of lines reads it twice.
    if line_styles is None:
        line_styles = [styles.get(ln.bbox) for ln in lines]
    hints = [_line_role(ln) for ln in lines]
    # A line of body type that happens to end in 提供 or 攝 is running text, not a credit.
    hints = [None if h == CREDIT and (ln.size or body) >= 0.95 * body else h for h, ln in zip(hints, lines)]
    _hint_wrapped_bracketed_signoffs(lines, hints)
    _unhint_addresses_mid_sentence(lines, hints)
    hints, byline_runs_on, byline_ends = _wrapped_bylines(lines, hints, line_styles, right)
    in_item = hints[0] == LIST_ITEM  # the current group opens with a list item
    hang = _item_hang(lines, hints) if LIST_ITEM in hints else None
    justified = _set_justified(lines, right)
    for i in range(1, len(lines)):
        line, prev = lines[i], lines[i - 1]
        if byline_runs_on and id(line) in byline_runs_on:
            groups[-1].append(line)
            continue
        if id(line) in opens or id(prev) in ends or (byline_ends and id(prev) in byline_ends) \
                or _starts_block(line, prev, hints[i], hints[i - 1], groups[-1], in_item, line_styles[i], line_styles[i - 1],
                                 left, right, usual_gap, body, indents, hang, justified, usual_pitch):
            groups.append([line])
            in_item = hints[i] == LIST_ITEM
        else:
            groups[-1].append(line)
    return groups


def _measure_right(lines: list[Line]) -> float:
    """The column's right edge: where its furthest lines end, unless a justified column's
    lines mostly end level a little short of that (by an em and a half at most): then a
    few lines reach past the measure (CJK setting hangs a closing stop or comma in the
    margin rather than carry it down; a sign-off set flush right may overrun), and the
    level edge is the measure."""
    right = max(ln.bbox[2] for ln in lines)
    if len(lines) < JUSTIFIED_MIN_LINES:
        return right
    need = max(3, int(LEVEL_SHARE * len(lines)))
    if sum(1 for ln in lines if ln.bbox[2] >= right - 1.0) >= need:
        return right  # most columns: their lines end level at the furthest
    ends = sorted((ln.bbox[2] for ln in lines), reverse=True)
    size = lines[0].size or 10.0
    for k in range(len(ends) - need + 1):
        if ends[k] < right - 1.5 * size:
            break
        if ends[k] - ends[k + need - 1] <= 1.0:
            # Few lines overhang a measure; where a fifth or more reach past, they set it.
            return ends[k] if k <= OVERHANG_SHARE * len(lines) else right
    return right


# At most this share of a column's lines hang past the level edge of the rest.
OVERHANG_SHARE = 0.2


# A column's lines end level when this share of them (and at least three) end within a point.
LEVEL_SHARE = 0.3


def _usual_pitch(lines: list[Line]) -> float | None:
    """The commonest step from one line's top to the next one's, among lines of one size
    one under the other (the median), or None with fewer than three such steps."""
    if len(lines) < 4:
        return None
    steps = []
    for a, b in zip(lines, lines[1:]):
        step = b.bbox[1] - a.bbox[1]
        if step > 0 and a.size == b.size:
            steps.append(step)
    if len(steps) < 3:
        return None
    steps.sort()
    return steps[len(steps) // 2]


def _unhint_addresses_mid_sentence(lines: list[Line], hints: list[str | None]) -> None:
    """An e-mail address alone on a line reads as a sign-off; after a line that stops short
    of a sentence's end it is that sentence's wrapped end (``emailed to: 9-`` / ``ANM-…@faa.gov.``)."""
    for i in range(1, len(lines)):
        if hints[i] == SIGNOFF and cues.is_bare_address(lines[i].string) and not ends_paragraph(lines[i - 1].string):
            hints[i] = None


def _hint_wrapped_bracketed_signoffs(lines: list[Line], hints: list[str | None]) -> None:
    """A sign-off in brackets wrapped over lines of a narrow column ("(Additional reporting"
    / "by Kevin O'Neill)") names itself only whole: its first line is hinted as one when it
    and the lines after it, up to the one closing its bracket, read as a sign-off. The
    lines after run on to it (see the bracket test in _starts_block)."""
    for i, line in enumerate(lines):
        if hints[i] is not None or line.string[:1] not in "(（" or bracket_balance(line.string) <= 0:
            continue
        joined = [line]
        for nxt in lines[i + 1 : i + MAX_SIGNOFF_LINES]:
            joined.append(nxt)
            if bracket_balance(joined_string(joined)) <= 0:
                if line_hint(joined_string(joined)) == SIGNOFF:
                    hints[i] = SIGNOFF
                break


# A bracketed sign-off wraps over at most this many lines.
MAX_SIGNOFF_LINES = 3
# A wrapped item line may start this far (× size) right of where the leaf's wrapped items hang.
HANG_SLACK = 0.3
# White between two lines this much deeper than the usual (× size), and at least this deep,
# parts paragraphs set without indents.
PARAGRAPH_GAP_EXTRA = 0.3
PARAGRAPH_GAP_MIN = 0.4
# ... or this much deeper, under a line ending a sentence.
SENTENCE_GAP_EXTRA = 0.15


MAX_WRAPPED_CREDIT = 24


def _credit_wrapped_after_caption(prev: str, line: str) -> bool:
    """``prev`` ends a sentence, then a wide space and the start of a credit that ``line``
    finishes (專線小巴在旺角總站候客。　香港文匯 / 報記者 葉詠詩 攝)."""
    head, _, tail = prev.rpartition("\u3000")
    tail, line = tail.strip(), line.strip()
    if not tail or not line or not ends_sentence(head.rstrip()) or len(tail) + len(line) > MAX_WRAPPED_CREDIT:
        return False
    whole = tail + line
    return cues.may_be_credit(whole) and cues.CREDIT.match(whole) is not None and not cues.CREDIT.match(tail)


def _pushed_down_bracket(prev: Line, line: Line, right: float, size: float) -> bool:
    """A CJK line a character short of the edge over a line that opens with a bracket or
    quote: the bracket may not end a line, so it went down with the text it opens."""
    return line.string[:1] in LINE_END_FORBIDDEN and prev.bbox[2] >= right - 1.5 * size


# Opening brackets and quotes, which CJK setting never leaves at a line's end.
LINE_END_FORBIDDEN = "「『（《〈【〔“‘"


def _set_justified(lines: list[Line], right: float) -> bool:
    """Whether the leaf's running lines are justified: most end on its right edge to the
    point, which ragged lines do only by chance. Then a line stopping short of the edge
    ends its paragraph, whether or not the next word would have fitted there."""
    if len(lines) < JUSTIFIED_MIN_LINES:
        return False
    on_edge = sum(1 for ln in lines[:-1] if ln.bbox[2] >= right - JUSTIFIED_EDGE_SLACK)
    return on_edge >= JUSTIFIED_SHARE * (len(lines) - 1)


# A leaf is justified when this share of its lines (the last aside) ends within this many
# points of its right edge; fewer lines than this say nothing.
JUSTIFIED_SHARE = 0.6
JUSTIFIED_EDGE_SLACK = 0.5
JUSTIFIED_MIN_LINES = 4
# In a justified leaf a line short of the edge by this much (× size) is short: a CJK
# paragraph's last line may lack a single character.
JUSTIFIED_FULL_SLACK = 0.3


def _spread_to_edge(lines: list[Line]) -> bool:
    """Whether the leaf's last line is a justified Latin line spread to the measure: the
    leaf is justified and the line ends on its right edge to the point."""
    # The cheap tests first: most leaves are short, or end on a short line.
    if len(lines) < JUSTIFIED_MIN_LINES:
        return False
    last = lines[-1].string.rstrip()
    if not last or CJK_CHAR.match(last[-1]):
        return False
    right = max(ln.bbox[2] for ln in lines)
    return lines[-1].bbox[2] >= right - JUSTIFIED_EDGE_SLACK and _set_justified(lines, right)


def _item_hang(lines: list[Line], hints: list[str | None]) -> float | None:
    """Where a list item's wrapped lines start in this leaf (under its text, past the
    bullet), as its first wrapped line shows; None if no item wraps."""
    for i in range(1, len(lines)):
        if hints[i - 1] == LIST_ITEM and hints[i] is None and lines[i].bbox[0] > lines[i - 1].bbox[0] \
                and lines[i].bbox[1] >= lines[i - 1].bbox[3] - 1.0:
            return lines[i].bbox[0]
    return None


def _starts_block(line, prev, hint, prev_hint, current, in_item, style, prev_style, left, right, usual_gap, body, indents,
                  hang: float | None = None, justified: bool = False, usual_pitch: float | None = None) -> bool:
    """Whether ``line`` (in ``style``) opens a new block after ``prev`` (in ``prev_style``),
    the last line of ``current`` (``in_item``: ``current`` opens with a list item)."""
    # Runs for every pair of lines of the page: min()/max() of two are written as the
    # comparisons they make (the first argument unless the second is smaller / larger), and
    # brackets are counted only in a line holding one.
    size, prev_size = line.size or body, prev.size or body
    # _is_vertical on the styles just read (this runs for every line of the page).
    if (style is not None and style.vertical) or (prev_style is not None and prev_style.vertical):
        return True  # a vertical line in horizontal text stands alone (a headline strip)
    # Fragments of one visual row (a bold lead-in, a dropped-copy remnant) run on,
    # except after a byline set at the head of the column ("By Sam Wilson  Needing 42…").
    box, prev_box = line.bbox, prev.bbox
    tall, prev_tall = box[3] - box[1], prev_box[3] - prev_box[1]
    same_row = box[1] < prev_box[3] - 0.5 * (prev_tall if prev_tall < tall else tall)
    if same_row:
        return prev_hint == BYLINE and len(current) == 1
    if prev_hint == BYLINE and (hint is None or hint == FURNITURE) and style and prev_style and style.bold == prev_style.bold \
            and abs(size - prev_size) < 0.1 and line_hint(joined_string([prev, line])) == BYLINE:
        return False  # "By Emily" / "Clarke": a byline wrapped in a narrow column
    larger = prev_size if prev_size > size else size
    smaller = prev_size if prev_size < size else size
    if larger / (0.1 if 0.1 > smaller else smaller) > STYLE_CHANGE:
        return True
    if style and prev_style and style.bold != prev_style.bold and not _weight_flicker(style, prev_style, body):
        return True
    if prev_hint == BYLINE and hint is None and _GLUED_REPORTER.match(prev.string) and prev.bbox[2] >= right - FULL_SLACK * prev_size \
            and not _indented(line, left, size) and line_hint(joined_string([prev, line])) is None:
        return False  # "记者从铁路部" filling its line, then "门获悉…": a sentence, not a reporter's name
    # ``報記者攝）`` closing the bracket the line before opened: a credit wrapped inside its caption.
    prev_string = prev.string
    if "\u3000" in prev_string and (hint is None or hint == CREDIT) and _credit_wrapped_after_caption(prev_string, line.string):
        return False  # "…候客。　香港文匯" / "報記者 葉詠詩 攝": a credit set after its caption, wrapped
    if ("(" in prev_string or "（" in prev_string) and bracket_balance(prev_string) > 0 \
            and (hint is None or (hint == CREDIT and bracket_balance(line.string) < 0)):
        return False  # "(Additional reporting by Grace" runs on to "Kim)"
    if hint == FURNITURE and prev_hint in (None, LIST_ITEM) and leads_on_to_a_date(prev_string) \
            and cues.DATE_LINE.match(line.string.strip()):
        return False  # "Start date:" / "May 2, 2027": a date ending the phrase above, no masthead's
    if hint == CREDIT and prev_hint is None and _caption_ends_above_its_credit(prev, line, style, prev_style):
        return False  # "…at a terminal in" / "Singapore. REUTERS/Edgar Su": the caption's last words, then its credit
    if prev_hint is None and (hint is None or hint == FURNITURE) and prev_string.rstrip().endswith(_CREDIT_LEADS) \
            and len(line.string.split()) <= MAX_CREDIT_NAME_WORDS:
        return False  # "…the trial. ST PHOTO:" / "KELVIN LIM": the photographer's name after the lead
    if hint is not None or prev_hint in SINGLE_LINE_KINDS:
        return True
    gap = box[1] - prev_box[3]
    least, usual = PARAGRAPH_GAP_MIN * size, usual_gap + PARAGRAPH_GAP_EXTRA * size
    if gap > (usual if usual > least else least):
        return True
    # A sentence's end over white a few points deeper than the usual: paragraphs set apart
    # by a little space, which the leading's own rounding never opens.
    if gap > least and gap > usual_gap + SENTENCE_GAP_EXTRA * size and ends_paragraph(prev.string):
        return True
    # The same, measured line to line: where the lines' boxes overlap (leading tighter than
    # the type's ascent and descent) a point or two of space between paragraphs leaves less
    # white between boxes than the test above asks, but the lines step down further. Both
    # edges must step further, so one tall glyph in a line cannot fake it.
    if usual_pitch is not None and box[1] - prev_box[1] > usual_pitch + SENTENCE_GAP_EXTRA * size \
            and box[3] - prev_box[3] > usual_pitch + SENTENCE_GAP_EXTRA * size \
            and abs(size - prev_size) < 0.05 * size and ends_paragraph(prev.string):
        return True
    prev_full = prev.bbox[2] >= right - FULL_SLACK * prev_size
    # Left of the text of the item above (past the slack): no wrapped line of it.
    left_of_item = in_item and line.bbox[0] < current[0].bbox[0] - HANG_SLACK * size
    # A short item line, then a new sentence: the list is over; unless the line's first
    # word would not have fitted after the short one and it starts under the item's text:
    # then the item wrapped before a capital (``100 to 400 Elm`` / ``Street``).
    if in_item and hint is None and not prev_full and line.string[:1].isupper() and not _stops_mid_phrase(prev.string) \
            and (left_of_item or _next_word_fits(prev, line, right)):
        return True
    # Under the item's text, where its wrapped lines hang; set in further, a new paragraph.
    hanging = in_item and line.bbox[0] > current[0].bbox[0] and (hang is None or line.bbox[0] <= hang + HANG_SLACK * size)
    # On a page of indented paragraphs, a line indented from the column's edge but set left
    # of the text of an item whose mark stands apart is a paragraph's first line: the
    # item's wrapped lines hang under its text, or go back to the edge.
    if left_of_item and indents and current[0].marked and _indented(line, left, size):
        return True
    if _indented(line, left, size) and not _indented(prev, left, size) and not hanging:
        return True
    # A paragraph of one line, then the next, each set in: no paragraph's second line is
    # indented like its first (in a wide measure most paragraphs are a line or two).
    if indents and not in_item and _indented(line, left, size) and _indented(prev, left, size) \
            and abs(line.bbox[0] - prev.bbox[0]) <= 0.3 * size and ends_paragraph(prev.string):
        return True
    # A CJK line is full when no further character fits (each takes an em); a Latin
    # line's next word might be long.
    tight = justified or CJK_CHAR.match(prev.string[-1:] or "a") is not None
    full = prev.bbox[2] >= right - (JUSTIFIED_FULL_SLACK if tight else FULL_SLACK) * prev_size
    # Where paragraphs are indented, the indent alone marks a new one; elsewhere a
    # line that stops on a sentence end although the next word would have fitted, or,
    # where every running line is justified to the edge, short of it at all (a CJK line
    # still needs room for the next character: its ragged lines end level too).
    if not full and not indents and ends_paragraph(prev.string) and not _pushed_down_bracket(prev, line, right, prev_size) \
            and (justified and not CJK_CHAR.match(line.string[:1]) or _next_word_fits(prev, line, right)):
        return True
    # Anything else runs on: a headline wrapping short, a caption or list item's next line.
    return False


# 記者 with a name glued to it and nothing after: a byline, or a sentence about reporters.
_GLUED_REPORTER = regex.compile(r"^(?:記者|记者)\p{Han}")


# A credit's lead, ending a caption's line, with the photographer's name on the next.
_CREDIT_LEADS = ("PHOTO:", "PHOTOS:", "Photo:", "Photos:", "PICTURE:", "Picture:", "圖：", "图：", "攝影：", "摄影：")
MAX_CREDIT_NAME_WORDS = 4


def _caption_ends_above_its_credit(prev: Line, line: Line, style, prev_style) -> bool:
    """A line a credit closes that opens on the end of a sentence the line above left open:
    the caption's last line, wrapped before its credit."""
    return not ends_paragraph(prev.string) and SENTENCE_THEN_CREDIT.match(line.string) is not None \
        and style is not None and prev_style is not None and style.bold == prev_style.bold \
        and abs((line.size or 0) - (prev.size or 0)) < 0.1


def _weight_flicker(style: Style, prev_style: Style, body: float) -> bool:
    """Headline type in one font that reads bold on one line and not the next: the weight
    came from glyphs drawn twice (fake bold), and a line whose every glyph was drawn once
    (a headline's short last line) still belongs to its headline."""
    return style.font == prev_style.font and style.size >= HEADLINE_TYPE * body and abs(style.size - prev_style.size) < 0.05 * style.size


_FINAL_STOPS = "。！？!?.…"

# Continuation pointers in the forms papers print that broadsheet.cues does not name
# ("See Page A7", "From Page 1", "續見A3版"); a bare 接 before a page points back.
_CONTINUES = re.compile(
    r"^[（(]?\s*(?:(?:下轉|下转|轉|转|續見|续见|續|续)(?:第)?\s*[A-Z]?\s*[\d一二三四五六七八九十]+\s*(?:版|頁|页)"
    r"|(?:Continued on|Continues on|See|Turn to|More on)\s+(?:[Pp]age|PAGE|p\.)?\s*[A-Z]?\d+[A-Z]?\.?)\s*[）)]?$"
)
_CONTINUED_FROM = re.compile(
    r"^[（(]?\s*(?:(?:上接|接|承)(?:第)?\s*[A-Z]?\s*[\d一二三四五六七八九十]+\s*(?:版|頁|页)"
    r"|(?:Continued from|From)\s+(?:[Pp]age|PAGE|p\.)?\s*[A-Z]?\d+[A-Z]?\.?)\s*[）)]?$"
)


# The first character of each form above, past an opening bracket and space: few lines
# open on one, so the forms are tried only on those that do (every line is asked).
_POINTER_OPENINGS = "上接承下轉转續续CFSTM"


def continuation_direction(text: str) -> str | None:
    """"continues", "continued_from", or None when the text is not a continuation pointer."""
    return _pointer_direction(text.strip())


def _pointer_direction(text: str) -> str | None:
    """:func:`continuation_direction` of a text with no space around it."""
    # The forms above open on characters cues.CONTINUATION opens on, and name a page by
    # a figure as it does: its gate is theirs (most lines fail it).
    if not cues.may_be_continuation(text):
        return None
    opening = text[1:].lstrip() if text[:1] in "（(" else text
    if opening[:1] in _POINTER_OPENINGS:
        if _CONTINUED_FROM.match(text):
            return "continued_from"
        if _CONTINUES.match(text):
            return "continues"
    match = cues.CONTINUATION.match(text)
    if match:
        return "continued_from" if (match.group("from") or match.group("from_en") or match.group("from_eu")) else "continues"
    return None


# Sign-offs and bylines broadsheet.cues does not name: "（完）", and a byline run in
# ahead of the first line of text ("记者 孙悦 报道在成都…").
_END_MARK = re.compile(r"^[（(]\s*完\s*[）)]$")
_RUN_IN_BYLINE = regex.compile(r"^(?:本[報报])?(?:記者|记者)(?:\s*\p{Han}{2,4}){1,3}\s*(?:報道|报道)(?=\S)")


def _line_role(line: Line) -> str | None:
    """What a PDF line announces: a list item when a drawn mark leads it, else its words' cue."""
    return LIST_ITEM if line.marked else line_hint(line.string)


@lru_cache(maxsize=8192)
def line_hint(string: str) -> str | None:
    """The role a line's words announce (broadsheet.cues, plus the forms above)."""
    stripped = string.strip()
    first = stripped[:1]
    # Every line of a page is asked: the pointer's opening (a stripped line opens on no
    # space) is told here, before the calls that would tell it.
    if first in cues.CONTINUATION_OPENINGS and _pointer_direction(stripped):
        return CONTINUATION
    # Each form opens on a character few lines open on: tried only on those that do.
    if first in "（(" and _END_MARK.match(stripped):
        return SIGNOFF
    if first in "dpv":
        names = _without_trailing_jump(stripped)
        if _BY_IN_OTHER_LANGUAGES.match(names):
            # With the jump to the page it runs on, the reporters' line closes the story's
            # part on this page (a front page's summary): it signs off.
            return SIGNOFF if len(names) < len(stripped) else BYLINE
    # The pointer test above tried cues.CONTINUATION on the stripped string: on a string
    # with nothing to strip, line_cue need not try it again.
    return line_cue(string, no_pointer=len(stripped) == len(string))


# "By" in the other languages of European papers, on a line of its own (a PDF line set
# apart in its own type: a wrapped line of running text starting "di Roma" is not one).
# Several reporters are listed with commas and "and" (di Elena Dusi, Giovanni Egidio e
# Alessandro Puglia); a list of three or more may give surnames alone (di Candito, Cerami,
# Ciriaco, Foschini), which two words of running text ("di Roma e Milano") cannot pass for.
_EU_NAME = r"\p{Lu}[\p{L}'’.-]+"
_EU_AND = r"(?:\s*,\s*|\s+(?:e|et|und|y|en|and)\s+)"
_BY_IN_OTHER_LANGUAGES = regex.compile(
    rf"^(?:di|par|von|por|door)\s+(?:{_EU_NAME}(?:\s+{_EU_NAME}){{1,2}}(?:{_EU_AND}{_EU_NAME}(?:\s+{_EU_NAME}){{1,2}})*"
    rf"|{_EU_NAME}(?:{_EU_AND}{_EU_NAME}(?:\s+{_EU_NAME})?){{2,}})$")
# The jump to the story's page set after a byline, behind a bullet (di Massimo Pisa •a pagina 8).
_JUMP_MARKS = "•●■▶►→»"
_TRAILING_JUMP = regex.compile(rf"\s*[{_JUMP_MARKS}]\s*\S[^{_JUMP_MARKS}]*$")


def _without_trailing_jump(line: str) -> str:
    """The line without a jump line run on after a bullet at its end."""
    match = _TRAILING_JUMP.search(line) if any(mark in line for mark in _JUMP_MARKS) else None
    if match is None:
        return line
    jump = match.group().strip()
    if not (cues.CONTINUATION.match(jump) or _PAGES_EU.match(jump.lstrip(_JUMP_MARKS + " "))):
        return line
    return line[:match.start()]


# Where the story runs, in the European papers' words: "da pagina 2 a 7", "alle pagine 20 e 21".
_PAGES_EU = regex.compile(r"(?i:(?:a|alla|alle|da|dalla|dalle|en|à\s+la|de\s+la)\s+)?"
                          r"(?i:pagin[ae]|pages?|seiten?|página|páginas)\s*\d+(?:\s*(?:a|e|et|und|y|-|–|,)\s*\d+)*$")


MAX_WRAPPED_BYLINE = 80


def _wrapped_bylines(lines: list[Line], hints: list[str | None], styles: list[Style | None], right: float | None = None
                     ) -> tuple[list[str | None], set[int], set[int]]:
    """A byline a narrow column wrapped where its first line alone reads as none ("BY MARIA
    LOPEZ AND" / "DAVID CHEN", "Sarah Whitfield," / "Education" / "Correspondent"): two or
    three lines in one type that read as a byline only together are one, its first line's
    hint a byline's. (A later line, a lone word in capitals or a section's name, may read as
    furniture.) A sign-off likewise: "Contact Tom Baxter at" / "tbaxter@ledger.com", or one
    that reads as a sign-off already but breaks off on a word that wants more ("-- Additional
    reporting by" / "Wendy Shaw") or inside an e-mail address ("…@dailyledger.co." / "uk",
    "…@dailyle" / "dger.co.uk"). Where two lines read whole and a third of a word or two
    still reads on ("-- Additional" / "reporting by Wendy" / "Shaw"), all three are one.
    Returns the hints, the ids of the lines that run on and of the last lines."""
    out, runs_on, ends = hints, set(), set()
    i, n = 0, len(lines)
    while i < n - 1:
        first = lines[i]
        hint = hints[i]
        name_list = False
        if hint is None:
            if not (cues.may_be_byline(first.string) or hints[i + 1] == SIGNOFF or cues.may_be_signoff(first.string)
                    or "@" in first.string and not has_cjk(first.string)):
                i += 1
                continue
        elif hint == LIST_ITEM and first.string[:1] in BYLINE_MARKS:
            pass  # □本报记者 马晓东 文 / /图: a paper's mark before its reporter's line, wrapped
        elif hint == BYLINE and _names_run_on(first.string, lines[i + 1].string):
            name_list = True
        elif hint in (BYLINE, SIGNOFF) and right is not None and _cut_at_the_edge(first, lines[i + 1], hints[i + 1], right):
            runs_on.add(id(lines[i + 1]))
            ends.add(id(lines[i + 1]))
            i += 2
            continue
        elif hint != SIGNOFF or not (_BREAKS_OFF.search(first.string) or _ADDRESS_BROKEN_OFF.search(first.string)):
            i += 1
            continue
        taken: tuple[int, str] | None = None
        for k in (2, 3):
            group = lines[i:i + k]
            if len(group) < k or hints[i + k - 1] not in (None, FURNITURE, SIGNOFF) \
                    or any(h not in (None, FURNITURE) for h in hints[i + 1:i + k - 1]) \
                    or sum(len(ln.string) for ln in group) > MAX_WRAPPED_BYLINE:
                break
            a, b = styles[i], styles[i + k - 1]
            below = group[-2]
            # (A list of names runs on in its own type, but the jump after it may be set in
            # the text's: the two lines' weights may differ there.)
            if a is None or b is None or a.bold != b.bold and not name_list \
                    or abs((first.size or 0) - (group[-1].size or 0)) >= 0.1 \
                    or group[-1].bbox[1] < below.bbox[3] - 0.5 * (below.bbox[3] - below.bbox[1]):
                break
            whole = line_hint(joined_string(group))
            if whole is None and "@" in first.string and not any(has_cjk(ln.string) for ln in group):
                # an e-mail address a narrow column broke mid-word (…@dailyle / dger.co.uk)
                whole = line_hint("".join(ln.string.strip() for ln in group))
            if taken is not None:
                # a third line, a word or two, that the whole still reads on into
                # (-- Additional / reporting by Wendy / Shaw)
                if whole == taken[1] and len(group[-1].string.split()) <= MAX_CARRIED_WORDS:
                    taken = (k, whole)
                break
            if whole == BYLINE and (hint is None or name_list) and hints[i + k - 1] != SIGNOFF or whole == SIGNOFF:
                taken = (k, whole)
                continue
        if taken is not None:
            k, whole = taken
            group = lines[i:i + k]
            out = list(out) if out is hints else out
            out[i] = whole
            runs_on.update(id(ln) for ln in group[1:])
            ends.add(id(group[-1]))
            i += k - 1
        i += 1
    return out, runs_on, ends


def _cut_at_the_edge(line: Line, below: Line, below_hint: str | None, right: float) -> bool:
    """A byline or sign-off that reads whole but met its column's edge (By Emily Tsang in
    Hong / Kong, -- Additional reporting by Wendy / Shaw, ■香港文匯報記者 葉詠 / 詩): it
    reaches the measure, the words carried down are few, fill less than half of it and sit
    right under it in its type, and the two read as the one line together."""
    size = line.size or 10.0
    tail = below.string.strip()
    if below_hint not in (None, FURNITURE, SIGNOFF) or not tail or len(tail) > MAX_CARRIED_CHARS \
            or len(tail.split()) > MAX_CARRIED_WORDS or ends_paragraph(line.string) \
            or line.string.rstrip().endswith((")", "）", "】")):  # (a bracket closed: the line is whole)
        return False
    if abs((below.size or 0) - (line.size or 0)) >= 0.1 or 2 * (below.bbox[2] - below.bbox[0]) > right - line.bbox[0] \
            or below.bbox[1] < line.bbox[3] - 0.5 * (line.bbox[3] - line.bbox[1]) or below.bbox[1] > line.bbox[3] + size:
        return False
    # The first word carried down would not have fit after the line: the column's edge, not
    # the writer, broke it (a ragged English column's line ends short of the measure).
    advance = (below.bbox[2] - below.bbox[0]) / max(1, len(tail))
    first_word = tail.split()[0] if not is_cjk(tail[:1]) else tail[:1]
    if line.bbox[2] + advance * (len(first_word) + (0 if is_cjk(tail[:1]) else 1)) <= right:
        return False
    joined = joined_string([line, below])
    return bracket_balance(joined) == 0 and line_hint(joined) == line_hint(line.string)


def _names_run_on(first: str, second: str) -> bool:
    """A European paper's byline ("di Candito, Cerami, Ciriaco, Foschini") whose list of
    names runs on into the next line ("Scaramuzzi e Vecchio •da pagina 2 a 7")."""
    stripped = first.strip()
    return stripped[:1] in "dpv" and second.strip()[:1].isupper() \
        and _BY_IN_OTHER_LANGUAGES.match(_without_trailing_jump(stripped)) is not None


# An e-mail address cut off at its dot or mid-word.
_ADDRESS_BROKEN_OFF = re.compile(r"@[A-Za-z0-9.-]*(?:\.|[A-Za-z0-9](?<!\.com)(?<!\.org)(?<!\.net))$")
# A line that breaks off on a word wanting more: "Reporting by", "Jane Doe and", "at", a comma.
_BREAKS_OFF = re.compile(r"(?:\b(?:by|and|at|of|for)|[,;&:：、])\s*$")


def joined_string(lines: list[Line]) -> str:
    """The block's text as a reader joins it: CJK tight, Latin with spaces (for cue tests)."""
    out = ""
    for line in lines:
        s = line.string
        if out and not joins_tight(out, s):
            out += " "
        out += s
    return out


def ends_paragraph(text: str) -> bool:
    """A sentence stop, possibly inside closing quotes: a closing bracket alone
    (``」``, ``）``) ends a phrase, often mid-sentence, so it does not count."""
    text = text.rstrip().rstrip("」』”’\"')）)")
    return bool(text) and text[-1] in _FINAL_STOPS and not ends_in_title_abbreviation(text)


def _split_vertical_leaf(lines: list[Line], styles: dict[BBox, Style], body: float) -> list[list[Line]]:
    """Vertical writing, columns read right to left: a block ends where the type changes,
    the gap between columns widens, or a column starts lower than the one before (an indent)."""
    groups: list[list[Line]] = [[lines[0]]]
    top = min(ln.bbox[1] for ln in lines)
    for prev, line in zip(lines, lines[1:]):
        size = line.size or body
        gap = prev.bbox[0] - line.bbox[2]
        changed = max(size, prev.size or body) / max(min(size, prev.size or body), 0.1) > STYLE_CHANGE
        indented = line.bbox[1] - top >= 0.7 * size and prev.bbox[1] - top < 0.7 * size
        if changed or gap > 0.8 * size or indented or line.bbox[3] < prev.bbox[1] or line.bbox[1] > prev.bbox[3]:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


# A line's first word: up to a space or a CJK character.
_LEADING_WORD = regex.compile(r"[^\s\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")


def _next_word_fits(prev: Line, line: Line, right: float) -> bool:
    string = line.string
    lead = _LEADING_WORD.match(string)
    if CJK_CHAR.match(string[:1]):
        need = line.size or 10.0
    elif lead is not None and CJK_CHAR.match(string[lead.end():lead.end() + 1]):
        # Digits or letters run into CJK text (78岁的…): the line may break after them, and
        # they are set half an em wide.
        need = 0.5 * (line.size or 10.0) * len(lead.group())
    else:
        word = lead.group() if lead else string
        # Measured on the tighter of the two lines: justification spreads a full line, and
        # a paragraph's last line is set at the type's own spacing. A line stopping well
        # short of the edge is not spread: the word is measured on it alone (a short line of
        # narrow letters, "to staff.", would make a long word seem to fit).
        own = width(line.bbox) / max(len(string), 1)
        if line.bbox[2] < right - FULL_SLACK * (line.size or 10.0):
            per_char = own
        else:
            per_char = min(own, width(prev.bbox) / max(len(prev.string), 1))
        need = per_char * (len(word) + 1)
    return prev.bbox[2] + need <= right + 1.0


def _page_uses_indents(leaves: list[Leaf]) -> bool:
    """Whether this page marks paragraphs by indenting their first lines."""
    indented = total = 0
    for leaf in leaves:
        if len(leaf.lines) < 3:
            continue
        left = min(ln.bbox[0] for ln in leaf.lines)
        item_left = None  # where the wrapped lines of the list item above hang
        mark_left = None  # where the bullet glyph leading the item above stands
        after_signoff = False
        lines = leaf.lines
        for k, ln in enumerate(lines):
            total += k > 0
            size = ln.size or 10.0
            # List items are set in from the text (a marker, or a disc drawn beside them),
            # and so are their wrapped lines, under the item's text: past the glyph of an
            # item's bullet, within an em or three of it.
            if ln.marked or ln.string[:1] in cues.BULLET_MARKS:
                item_left = ln.bbox[0] if ln.marked else None
                mark_left = None if ln.marked else ln.bbox[0]
                # A sign-off led by a bullet (●記者 王五 報道), wrapped: its tail is no indent.
                after_signoff = k + 1 < len(lines) and line_hint(joined_string(lines[k : k + 2])) == SIGNOFF
                continue
            if k == 0:
                continue
            if item_left is not None and abs(ln.bbox[0] - item_left) <= 1.0 \
                    or mark_left is not None and 0 < ln.bbox[0] - mark_left <= 3.0 * size:
                continue
            item_left = mark_left = None
            # A sign-off set flush right or in from the edge, and its wrapped tail, is no
            # paragraph's first line.
            # (A marked line went on above: its role is its words'.)
            if after_signoff or line_hint(ln.string) == SIGNOFF:
                after_signoff = True
                continue
            indented += _indented(ln, left, size)
    return total > 0 and indented >= 2 and indented >= INDENT_SHARE * total




def _stops_mid_phrase(text: str) -> bool:
    words = text.split()
    return bool(words) and (words[-1].lower() in RUN_ON_WORDS or text.rstrip().endswith((",", "-", "、", "，", ":", "：")))


def _indented(line: Line, left: float, size: float) -> bool:
    return line.bbox[0] - left >= 0.7 * size or line.indent >= 2


def classify(blocks: list[LayoutBlock], photos: list[BBox], page_rect: BBox, body: float,
             styles: dict[BBox, Style], h_rules: list[BBox] = (), drawn_twice: DrawnTwice | None = None) -> None:
    """Set each block's kind from type, position and words."""
    per_leaf: dict[int, int] = {}
    for block in blocks:
        per_leaf[block.leaf] = per_leaf.get(block.leaf, 0) + 1
    _classify_each(blocks, photos, page_rect, body, styles, per_leaf)
    _promote_centred_titles(blocks, body)
    _promote_rail_titles(blocks, body, photos)
    _promote_decks_under_headlines(blocks, styles, body)
    _demote_column_decks(blocks, body)
    _find_flush_right_credits(blocks)
    if h_rules:
        _find_column_labels(blocks, h_rules, width(page_rect), drawn_twice)


def _classify_each(blocks: list[LayoutBlock], photos: list[BBox], page_rect: BBox, body: float,
                   styles: dict[BBox, Style], per_leaf: dict[int, int]) -> None:
    page_h = height(page_rect)
    top_margin, bottom_margin = page_rect[1] + MARGIN_SHARE * page_h, page_rect[3] - MARGIN_SHARE * page_h
    for block in blocks:
        first = block.lines[0].string
        n = len(block.lines)
        hint = _line_role(block.lines[0])
        if n > 1 and n <= 3:
            # A sign-off or pointer wrapped onto two lines names itself only when joined;
            # a drawn mark leads a sign-off as well as a list item.
            whole = line_hint(joined_string(block.lines))
            if whole in ((SIGNOFF,) if block.lines[0].marked else (SIGNOFF, CONTINUATION, CREDIT, BYLINE)):
                hint = whole
        elif hint == BYLINE and n > 3 and line_hint(joined_string(block.lines[:3])) != BYLINE:
            # A narrow column's first line "记者从农业农" reads as a reporter's name; the
            # paragraph it opens ("…村部门了解到，…") does not.
            hint = None
        box = block.bbox
        # The page's outer band holds its furniture, but a line right under a photo of the
        # text area is the photo's caption (a photo set down to the band's edge; art in the
        # band itself, a masthead's, heads no caption).
        if block.margin and (n > 2 or _photo_above(box, [p for p in photos if top_margin < p[1] < bottom_margin],
                                                    block.size) is None):
            block.kind = FURNITURE
            continue
        if block.vertical_strip:
            beside = _photo_beside(box, photos, block.size)
            if beside is not None and block.size < body:
                # Small type set up a photo's edge is its credit, not a headline strip.
                block.kind = CREDIT
                block.photo = beside
            else:
                block.kind = HEADLINE
            continue
        photo = _photo_above(box, photos, block.size)
        if photo is not None and (_text_between(photo, block, blocks) or _caption_to_the_left(photo, block, blocks)):
            photo = None
        in_band = box[3] <= top_margin or box[1] >= bottom_margin
        if (
            block.frame is None and n <= 2 and per_leaf[block.leaf] == 1 and in_band
            and hint not in (CONTINUATION, SIGNOFF, BYLINE, CAPTION) and photo is None
            and not block.lines[0].marked  # led by a drawn list disc: no running foot is a list item
            and (hint == FURNITURE or block.size <= body * 1.05)
            and _outside_text(block, blocks, photos) and not _over_a_jump_line(block, blocks, body)
            and not (box[3] <= top_margin and _labels_display_type(block, blocks))
        ):
            block.kind = FURNITURE
            continue
        if hint == CAPTION or (photo is not None and hint not in (BYLINE, SIGNOFF, CONTINUATION)
                               and block.size < HEADLINE_SIZE * body and _reads_as_caption(block, styles, body)):
            if hint == CREDIT or (block.size <= CREDIT_SIZE * body and n == 1 and cues.CREDIT.match(first)):
                block.kind = CREDIT
            else:
                block.kind = CAPTION
            block.photo = photo
            continue
        if hint in (BYLINE, SIGNOFF, CONTINUATION, CREDIT, LIST_ITEM):
            block.kind = hint
            if hint == CREDIT:
                # A credit printed over its photo names the photo whose caption it joins,
                # however far along the caption's row it stands.
                block.photo = _photo_holding(box, photos)
            continue
        if block.run_in_head:
            block.kind = HEADLINE
            continue
        if n == 1 and cues.DATE_LINE.match(first.strip()):
            block.kind = FURNITURE  # a masthead's date, set as large as it likes
            continue
        under = _photo_holding(box, photos) if n <= 2 and block.size < body else None
        if under is not None:
            block.kind = CREDIT  # small type printed over a photo: its credit or label
            block.photo = under
            continue
        # Runs for every block: the joined text is measured only in type a title is set in
        # (deck size and up; headline size is larger still).
        title_length = block.size >= DECK_SIZE * body and n <= MAX_TITLE_LINES \
            and len(joined_string(block.lines)) <= MAX_TITLE_CHARS
        if block.size >= HEADLINE_SIZE * body and title_length:
            block.kind = HEADLINE
        elif block.size >= DECK_SIZE * body and title_length:
            block.kind = DECK
        elif block.size <= CREDIT_SIZE * body and n == 1 and len(first) <= 40 and hint != FURNITURE \
                and _near_photo(box, photos, body):
            block.kind = CREDIT  # bold or not: no subhead is set smaller than its text
        elif block.size <= CREDIT_SIZE * body and n == 1 and len(first) <= 40 and hint != FURNITURE \
                and (photo := _photo_captioned_over(box, blocks, body)) is not None:
            block.kind = CREDIT  # small type right under a photo's caption, within the photo's width
            block.photo = photo
        elif block.bold and n <= MAX_SUBHEAD_LINES and not ends_sentence(block.lines[-1].string) \
                and len(" ".join(ln.string for ln in block.lines)) <= 90:
            block.kind = SUBHEAD
        elif hint == FURNITURE and n == 1:
            block.kind = FURNITURE
        else:
            block.kind = PARAGRAPH


def _find_column_labels(blocks: list[LayoutBlock], h_rules: list[BBox], page_width: float,
                        drawn_twice: DrawnTwice | None = None) -> None:
    """A word or two standing on a rule at the head of a column, with a title under the
    rule, labels the column (``IN BRIEF``, ``快訊``): furniture, not a headline of its own.
    Every title under it in that column then heads an item of its own."""
    for block in blocks:
        if block.kind in (CAPTION, CREDIT) or (block.kind == PARAGRAPH and not block.bold) or len(block.lines) != 1:
            continue
        text = block.lines[0].string.strip()
        # The CJK characters counted in one findall (the class matches one character at a time).
        if len(text) > MAX_LABEL_CHARS or len(CJK_CHAR.findall(text)) > MAX_LABEL_CJK or ends_sentence(text):
            continue
        box = block.bbox
        rule = next((r for r in h_rules if -0.2 * block.size <= r[1] - box[3] <= LABEL_RULE_GAP * block.size
                     and x_overlap(r, box) >= LABEL_RULE_COVER * width(box) and width(r) <= LABEL_RULE_SHARE * page_width),
                    None)
        if rule is None or any(_in_column_above(other, box, rule) or _level_over_rule(other, box, rule)
                               for other in blocks if other is not block):
            continue
        under = _first_under(blocks, rule, box)
        if under is None or len(joined_string(under.lines)) < LABEL_TITLE_RATIO * len(text) \
                or not (under.run_in_head or _text_under(under, blocks)) or not _reads_as_title(under, drawn_twice):
            continue
        column = (rule[0] - 1.0, rule[1], rule[2] + 1.0, float("inf"))
        titles = [t for t in blocks if t is not block and contains(column, t.bbox, 0.0)
                  and (t.run_in_head or _text_under(t, blocks))  # a run-in title's text is on its last line
                  and _reads_as_title(t, drawn_twice)
                  and not any(h.kind == HEADLINE and 0 <= t.bbox[1] - h.bbox[3] <= DECK_TIGHT * h.size
                              and x_overlap(h.bbox, t.bbox) > 0 for h in blocks)]
        if len(titles) < 2:
            # One story under it: the label names that story's topic, a kicker (unless the
            # page's furniture already claimed it).
            if block.kind != FURNITURE:
                block.kind = SUBHEAD
            continue
        block.kind = FURNITURE
        for title in titles:
            title.kind = HEADLINE


def _reads_as_title(block: LayoutBlock, drawn_twice: DrawnTwice | None = None) -> bool:
    """Title type: a headline, deck or subhead, or a few bold lines stopping short of a
    sentence (bold by their font or, asked last at a cost, drawn twice)."""
    if block.kind in (HEADLINE, DECK, SUBHEAD):
        return True
    # A title may end on a quoted word (江豚频频“露脸”); only a stop before the quote ends a sentence.
    if not (block.kind == PARAGRAPH and len(block.lines) <= MAX_BRIEF_TITLE_LINES
            and not ends_sentence(block.lines[-1].string.rstrip().rstrip(CLOSING_QUOTES))):
        return False
    string = joined_string(block.lines)
    if len(string) > MAX_BRIEF_TITLE_CHARS:
        return False
    return block.bold or drawn_twice is not None and drawn_twice(block.bbox, sum(1 for ch in string if not ch.isspace()))


def _in_column_above(other: LayoutBlock, box: BBox, rule: BBox) -> bool:
    ob = other.bbox
    return other.kind != FURNITURE and ob[3] <= box[1] + 1.0 and x_overlap(ob, (rule[0], 0, rule[2], 0)) > 0 \
        and box[1] - ob[3] < 3.0 * other.size


def _level_over_rule(other: LayoutBlock, box: BBox, rule: BBox) -> bool:
    """Other text level with the label over the same rule: a table's header row, not a label."""
    return y_overlap(other.bbox, box) > 0 and x_overlap(other.bbox, (rule[0], 0, rule[2], 0)) > 0


def _first_under(blocks: list[LayoutBlock], rule: BBox, box: BBox) -> LayoutBlock | None:
    """The block right under a rule, level with ``box``, if it starts within a few lines."""
    under = [b for b in blocks if b.bbox[1] >= rule[1] - 1.0 and x_overlap(b.bbox, box) > 0
             and b.bbox[1] - rule[1] <= 3.0 * b.size]
    return min(under, key=lambda b: b.bbox[1], default=None)


def _text_under(block: LayoutBlock, blocks: list[LayoutBlock]) -> bool:
    """Running text (not another title) comes next under the block in its column, or
    runs on from its last line."""
    if block.run_in_head:
        return True
    box = block.bbox
    # Line boxes of tightly led type overlap a little: the next block may start a hair above.
    under = [b for b in blocks if b is not block and b.bbox[1] >= box[3] - 0.4 * block.size
             and x_overlap(b.bbox, box) > 0 and b.bbox[1] - box[3] <= 3.0 * block.size]
    nxt = min(under, key=lambda b: b.bbox[1], default=None)
    return nxt is not None and nxt.kind in (PARAGRAPH, BYLINE, LIST_ITEM)


# A column label is at most this long; its rule lies within this much (× size) under it.
MAX_LABEL_CHARS = 24
MAX_LABEL_CJK = 6
LABEL_RULE_GAP = 1.0
# A column label's rule spans its column (most of the label's width at least; bold type may
# overhang it), not the page (at most this share of its width).
LABEL_RULE_COVER = 0.9
LABEL_RULE_SHARE = 0.5
# A brief's title in a narrow column wraps to at most this many lines, this many characters.
MAX_BRIEF_TITLE_LINES = 4
MAX_BRIEF_TITLE_CHARS = 80
# The title under a label says more than the label does.
LABEL_TITLE_RATIO = 1.5


def join_wrapped_headlines(blocks: list[LayoutBlock]) -> list[LayoutBlock]:
    """A headline's next line that the column cut set apart (a headline beside a rail) is
    the same headline again: same type, same left edge, set tight under it; so is the rest
    of its last row, set on past the white between two words of a title in a narrow
    column, which the cut took for a gutter (治见效　| 地铁口重)."""
    heads = [b for b in blocks if b.kind == HEADLINE and not b.vertical_strip]
    if len(heads) < 2:
        return blocks
    merged: dict[int, LayoutBlock] = {}
    for head in sorted(heads, key=lambda b: b.bbox[1]):
        if id(head) in merged:
            continue
        for other in heads:
            if other is head or id(other) in merged or other.frame != head.frame:
                continue
            size = head.size
            if (
                abs(other.size - size) <= 0.02 * size and other.bold == head.bold
                and (_set_on_one_axis(head.bbox, other.bbox, size)
                     and (-0.5 * size <= other.bbox[1] - head.bbox[3] <= WRAPPED_HEAD_GAP * size
                          or _wrapped_under_open_leading(head, other) and not _set_under_text(head, blocks))
                     or _goes_on_along_last_row(head, other))
                and len(head.lines) + len(other.lines) <= MAX_TITLE_LINES
                and not ends_sentence(head.lines[-1].string)
            ):
                head.lines = head.lines + other.lines
                head.bbox = union([head.bbox, other.bbox])
                head.foot = head.bbox[3]
                merged[id(other)] = head
    return [b for b in blocks if id(b) not in merged]


def _set_on_one_axis(head: BBox, other: BBox, size: float) -> bool:
    """``other``, a headline's next line, is set on the line above's axis: flush left with it,
    or (no wider than it) centred under it or flush right with it, as a box's title is."""
    if abs(other[0] - head[0]) <= 0.5 * size:
        return True
    return width(other) <= width(head) + 0.5 * size and (
        abs((other[0] + other[2]) - (head[0] + head[2])) <= size or abs(other[2] - head[2]) <= 0.5 * size)


# A headline's wrapped line stands at most this far (× size) under the line above.
WRAPPED_HEAD_GAP = 0.3
# ... or this far, flush left under a line as wide as the headline's widest: type set with
# open leading (Typst's default leading parts a headline's lines by half an em and more).
OPEN_HEAD_GAP = 0.8


def _set_under_text(head: LayoutBlock, blocks: list[LayoutBlock]) -> bool:
    """Running text stands right over the headline: it may be a headline set under its
    story, and the same type under it, past white, the next story's."""
    top = head.bbox[1]
    return any(b.kind in (PARAGRAPH, LIST_ITEM) and x_overlap(b.bbox, head.bbox) > 0
               and 0 <= top - b.bbox[3] <= head.size for b in blocks)


def _wrapped_under_open_leading(head: LayoutBlock, other: LayoutBlock) -> bool:
    """``other`` goes on from ``head``'s last line, which filled the headline's measure (as
    wide as its widest line, or too full for the next line's first word: ragged type)."""
    size = head.size
    if not (0 <= other.bbox[1] - head.bbox[3] <= OPEN_HEAD_GAP * size and abs(other.bbox[0] - head.bbox[0]) <= 0.5 * size):
        return False
    # The last row, which justification may have cut into pieces (``final`` … ``test``).
    last = head.lines[-1]
    row = [line.bbox for line in head.lines if y_overlap(line.bbox, last.bbox) > 0.5 * height(last.bbox)]
    row_width = max(b[2] for b in row) - min(b[0] for b in row)
    lines = (*head.lines, *other.lines)
    widest = max(width(line.bbox) for line in lines)
    return row_width >= widest - size or not _next_word_fits(last, other.lines[0], max(line.bbox[2] for line in lines))


def _goes_on_along_last_row(head: LayoutBlock, other: LayoutBlock) -> bool:
    """``other`` opens on ``head``'s last row, right of its short last line and within the
    headline's own measure (a headline in the next column starts past it)."""
    if len(head.lines) < 2:
        return False
    last, first = head.lines[-1].bbox, other.lines[0].bbox
    return y_overlap(last, first) > 0.5 * min(height(last), height(first)) \
        and 0.0 <= first[0] - last[2] <= ROW_WORD_GAP * head.size and first[0] < head.bbox[2]


# The white between two words of a title's row is at most this wide (× size).
ROW_WORD_GAP = 1.5


# Type this close in size (share) set level in the next column is a line of the same row.
LEVEL_TYPE = 0.1


def _labels_display_type(block: LayoutBlock, blocks: list[LayoutBlock]) -> bool:
    """Set right over larger type (a story's label over its headline): a kicker, however
    near the top of the page, not a running head."""
    return any(kicker_over(block.bbox, block.size, other.bbox, other.size) for other in blocks if other is not block)


def _outside_text(block: LayoutBlock, blocks: list[LayoutBlock], photos: list[BBox] = ()) -> bool:
    """Above or below all the other text in its columns: a running head or foot line,
    not the last line of a column that runs down into the margin band (right on, or past a
    photo set into the column, under the photo and its caption)."""
    box = block.bbox
    for other in blocks:
        if other is block or other.margin:
            continue
        if x_overlap(other.bbox, box) <= 0:
            # Text of about its size (a byline a little smaller) level with it in the next
            # column: a row of columns, not a running head or foot.
            if abs(other.size - block.size) <= LEVEL_TYPE * block.size and y_overlap(other.bbox, box) > 0.3 * height(box) \
                    and other.kind != FURNITURE:
                return False
            continue
        if abs(other.size - block.size) > 0.05 * block.size:
            continue  # other type: a foot line under a column, not the column's own last line
        if other.bbox[1] < box[1] < other.bbox[3] + 2.0 * block.size and box[1] > other.bbox[1]:
            return False  # text just above in the same column: it runs on into the band
        if other.bbox[3] <= box[1] and any(
                x_overlap(p, box) > 0 and -1.0 <= p[1] - other.bbox[3] <= 2.0 * block.size
                and 0 <= box[1] - p[3] <= RESUME_UNDER_PICTURE * block.size for p in photos):
            return False  # the column's text runs on under a photo set into it
        if box[3] < other.bbox[1] and other.bbox[1] - box[3] < 2.0 * block.size:
            return False  # text just below
    return True


# Under a photo, room (× the text's size) for its caption before the column's text resumes.
RESUME_UNDER_PICTURE = 5.0


def _find_flush_right_credits(blocks: list[LayoutBlock]) -> None:
    """Under one photo, a short line set flush right beside or under the caption is its credit."""
    captions = [b for b in blocks if b.kind == CAPTION and b.photo is not None]
    for block in captions:
        if len(block.lines) != 1 or len(block.lines[0].string) > MAX_CREDIT_CHARS:
            continue
        photo = block.photo
        others = [c for c in captions if c is not block and c.photo == photo]
        flush_right = abs(block.bbox[2] - photo[2]) <= 3.0 and block.bbox[0] > photo[0] + 0.3 * width(photo)
        if others and (flush_right or any(block.bbox[0] >= c.bbox[2] - 2.0 for c in others)):
            block.kind = CREDIT


def _promote_centred_titles(blocks: list[LayoutBlock], body: float) -> None:
    """A short line at body size centred over two columns of text (a title, an author's
    name, set in body type by a book-like layout) cannot be a line of either column: it is
    the title of what stands under it, the first such line the headline and the rest decks."""
    text = [b for b in blocks if b.kind == PARAGRAPH and not b.margin]
    if not text:
        return
    left, right = min(b.bbox[0] for b in text), max(b.bbox[2] for b in text)
    centre, span = (left + right) / 2, right - left
    titles = [
        b for b in text
        if len(b.lines) == 1 and len(b.lines[0].string) <= MAX_TITLE_CHARS // 4
        and not ends_sentence(b.lines[0].string) and width(b.bbox) < TITLE_SHARE * span
        and abs((b.bbox[0] + b.bbox[2]) / 2 - centre) <= CENTRE_SLACK * span and b.bbox[0] < centre < b.bbox[2]
        and _columns_under(b, text)
    ]
    for k, b in enumerate(sorted(titles, key=lambda b: b.bbox[1])):
        b.kind = HEADLINE if k == 0 else DECK


def _over_a_jump_line(block: LayoutBlock, blocks: list[LayoutBlock], body: float) -> bool:
    """A "continued on" line stands right under the block in its column: the block is the
    end of a story's text, not the page's furniture, however near the foot it is set."""
    box = block.bbox
    return any(
        other is not block and 0 <= other.bbox[1] - box[3] <= 2.0 * body
        and x_overlap(other.bbox, box) > 0 and _line_role(other.lines[0]) == CONTINUATION
        for other in blocks
    )


def _promote_rail_titles(blocks: list[LayoutBlock], body: float, photos: list[BBox] = ()) -> None:
    """Bold lines stopping short of a sentence, set in a rail with a byline starting level
    with them right beside it, or a photo whose story's byline stands right under it, title
    that story, whatever their size: a narrow rail's headline may be set little above the
    text's size."""
    bylines = [b for b in blocks if b.kind == BYLINE]
    if not bylines:
        return
    # A photo with a byline right under it (its caption between) stands at the head of its story.
    heads = [(b.bbox, b.frame) for b in bylines]
    for photo in photos:
        under = next((b for b in bylines if x_overlap(photo, b.bbox) > 0 and 0 <= b.bbox[1] - photo[3] <= RAIL_PHOTO_DROP * body),
                     None)
        if under is not None:
            heads.append((photo, under.frame))
    for block in blocks:
        if block.kind not in (PARAGRAPH, SUBHEAD) or not block.bold or block.frame is not None \
                or len(block.lines) > MAX_RAIL_TITLE_LINES or ends_sentence(block.lines[-1].string) \
                or any(len(line.string) > MAX_RAIL_LINE_CHARS for line in block.lines):
            continue
        box = block.bbox
        if any(abs(head[1] - box[1]) <= 0.5 * body and 0 <= head[0] - box[2] <= RAIL_BYLINE_GAP * body
               and frame == block.frame for head, frame in heads):
            block.kind = HEADLINE


# A rail title: up to this many lines of at most this many characters, its byline at most
# this far (× body) to its right.
MAX_RAIL_TITLE_LINES = 8
MAX_RAIL_LINE_CHARS = 24
RAIL_BYLINE_GAP = 3.0
# ...or a photo at most this far (× body) over its story's byline (a caption between).
RAIL_PHOTO_DROP = 4.0


def _columns_under(title: LayoutBlock, text: list[LayoutBlock]) -> bool:
    """Paragraphs stand under the line on both sides of its centre, none across it and none
    over it (lines of one, like an author's name under a title, aside): it heads columns."""
    mid = (title.bbox[0] + title.bbox[2]) / 2
    under = [b for b in text if b.bbox[1] > title.bbox[3] and b is not title and len(b.lines) > 1]
    above = [b for b in text if b.bbox[3] <= title.bbox[1] and len(b.lines) > 1 and x_overlap(b.bbox, title.bbox) > 0]
    return (not above and any(b.bbox[2] < mid for b in under) and any(b.bbox[0] > mid for b in under)
            and not any(b.bbox[0] < mid < b.bbox[2] for b in under))


# A centred title is narrower than this share of the text area, its centre within this
# share of the area's centre.
TITLE_SHARE = 0.4
CENTRE_SLACK = 0.03


def _promote_decks_under_headlines(blocks: list[LayoutBlock], styles: dict[BBox, Style], body: float) -> None:
    """A short line or two set tight under a headline in type apart from the body
    (italic, or a little larger) and stopping short of a sentence is the headline's deck."""
    headlines = [b for b in blocks if b.kind == HEADLINE]
    for block in blocks:
        if block.kind != PARAGRAPH or len(block.lines) > MAX_DECK_LINES or ends_sentence(block.lines[-1].string):
            continue
        style = styles.get(block.lines[0].bbox)
        if not (style is not None and style.italic or block.size >= DECK_APART * body):
            continue
        box = block.bbox
        if any(-0.3 * h.size <= box[1] - h.bbox[3] <= DECK_TIGHT * h.size and x_overlap(h.bbox, box) > 0.5 * width(box)
               for h in headlines):
            block.kind = DECK


# Type this much larger than the body (×) is set apart from it; white this deep under a
# headline (× its size) still sets a deck tight under it.
DECK_APART = 1.05
DECK_TIGHT = 0.6
# A deck may wrap to this many lines under a headline a column or two wide.
MAX_DECK_LINES = 4


def _demote_column_decks(blocks: list[LayoutBlock], body: float) -> None:
    """Deck-sized type set inside a column, right under running text, is a subhead, unless
    a title of its size heads the column above it, under no headline and no text: a column
    of briefs titled in deck-sized type, each title heading its own item."""
    headlines = [b for b in blocks if b.kind == HEADLINE]
    under_text: list[LayoutBlock] = []
    heading: list[LayoutBlock] = []
    for block in blocks:
        if block.kind != DECK or len(block.lines) > MAX_SUBHEAD_LINES:
            continue
        box = block.bbox
        if any(0 <= box[1] - h.bbox[3] <= 1.5 * block.size and x_overlap(h.bbox, box) > 0 for h in headlines):
            continue  # right under a headline: its deck
        for other in blocks:
            ob = other.bbox
            if other.kind == PARAGRAPH and len(other.lines) >= 2 and other.frame == block.frame \
                    and 0 <= box[1] - ob[3] <= SUBHEAD_REACH * body \
                    and x_overlap(ob, box) >= 0.5 * min(width(ob), width(box)):
                under_text.append(block)
                break
        else:
            heading.append(block)
    for block in under_text:
        box = block.bbox
        if not any(t.bbox[3] <= box[1] and abs(t.size - block.size) <= 0.05 * block.size and abs(t.bbox[0] - box[0]) <= body
                   for t in heading):
            block.kind = SUBHEAD


def _reads_as_caption(block: LayoutBlock, styles: dict[BBox, Style], body: float) -> bool:
    """Under a photo, a caption is set apart from body type, or is short; running text is neither."""
    style = styles.get(block.lines[0].bbox)
    distinct = abs(block.size - body) > 0.03 * body or block.bold or (style is not None and style.italic)
    return distinct


def _caption_to_the_left(photo: BBox, block: LayoutBlock, blocks: list[LayoutBlock]) -> bool:
    """A block under the photo, on this block's row but starting at the photo's left edge,
    is the caption; this one, further right, opens a column under the photo."""
    box = block.bbox
    if box[0] - photo[0] < 2 * block.size:
        return False
    return any(
        other is not block and abs(other.bbox[0] - photo[0]) <= block.size and other.bbox[2] <= box[0]
        and abs(other.bbox[1] - box[1]) <= 0.5 * block.size
        for other in blocks
    )


def _text_between(photo: BBox, block: LayoutBlock, blocks: list[LayoutBlock]) -> bool:
    """Another block lies between the photo and this one: the caption is that one, not this."""
    top = block.bbox[1]
    for other in blocks:
        if other is block:
            continue
        ob = other.bbox
        if ob[1] >= photo[3] - 2.0 and ob[3] <= top + 1.0 and x_overlap(ob, photo) > 0 and x_overlap(ob, block.bbox) > 0:
            return True
    return False


def _photo_holding(box: BBox, photos: list[BBox]) -> BBox | None:
    """The photo the box is printed on (its credit or label), if any."""
    return next((p for p in photos if contains(p, box, 2.0)), None)


def _photo_above(box: BBox, photos: list[BBox], size: float) -> BBox | None:
    best = None
    for photo in photos:
        gap = box[1] - photo[3]
        if -2.0 <= gap <= CAPTION_REACH * size + 4 and x_overlap(box, photo) >= 0.5 * width(box):
            if best is None or photo[3] > best[3]:
                best = photo
    return best


def _photo_beside(box: BBox, photos: list[BBox], size: float) -> BBox | None:
    """The photo whose left or right edge the box runs along, inside its height."""
    for photo in photos:
        touches = abs(box[0] - photo[2]) <= size or abs(photo[0] - box[2]) <= size
        if touches and box[1] >= photo[1] - size and box[3] <= photo[3] + size:
            return photo
    return None


def _photo_captioned_over(box: BBox, blocks: list[LayoutBlock], body: float) -> BBox | None:
    """The photo whose caption ends right over ``box`` (within a line of white), ``box``
    lying within the photo's width: a credit set under a caption of two or three lines
    stands too far under the photo itself to be near it."""
    for c in blocks:
        p = c.photo
        if c.kind == CAPTION and p is not None and 0 <= box[1] - c.bbox[3] <= body \
                and box[0] >= p[0] - 1.0 and box[2] <= p[2] + 1.0:
            return p
    return None


def _near_photo(box: BBox, photos: list[BBox], body: float) -> bool:
    return any(
        x_overlap(box, p) > 0 and -2 * body <= box[1] - p[3] <= 3 * body
        or abs(box[0] - p[2]) <= body and box[1] < p[3] and box[3] > p[1]
        for p in photos
    )


def join_text(blocks: list[LayoutBlock], known_words: frozenset[str], language: str = "en",
              hyphenation: str | None = None) -> list[Removal]:
    """Give each layout block its model block: joined text, markers stripped, credits split.
    Line-end hyphens are settled by the page's words, then its ``language``'s."""
    removals: list[Removal] = []
    for lb in blocks:
        if lb.vertical_strip:
            text = SourcedText.concat(line.text for line in lb.lines)
        else:
            text, cut = join_wrapped_lines(lb.lines, known_words, language, hyphenation)
            removals.extend(cut)
            if text.string.endswith("\u3000"):
                text = text.strip()  # a display line's kept wide space, with no half after it
        credit = None
        if lb.kind == LIST_ITEM:
            text, cut = _strip_lead(text, _BULLET, "strip_bullet_marker")
            removals.extend(cut)
        if lb.kind == CREDIT:
            text, cut = _strip_brackets(text)
            removals.extend(cut)
        if lb.kind == CAPTION:
            text, cut = _strip_lead(text, _CAPTION_MARK, "strip_caption_marker")
            removals.extend(cut)
            text, credit, cut = split_caption_credit(text)
            removals.extend(cut)
        lb.block = Block(lb.kind, text, lb.lines, credit=credit)
    return removals


def split_caption_credit(text: SourcedText) -> tuple[SourcedText, SourcedText | None, list[Removal]]:
    """A caption's closing credit, in any of the forms papers print it:
    ``…慶功宴。（網上圖片）``, ``… (Reuters)``, ``…表演。　記者 罗佳 摄``, ``… room. Photo by Ann Lee``.
    Brackets around the credit are recorded as removed; the credit keeps its words."""
    string = text.string
    for pattern in (cues.TRAILING_CREDIT, _PAREN_CREDIT, _SPACED_CREDIT, _PHOTO_BY, _TAIL_CREDIT):
        match = pattern.search(string)
        if not match or match.start() < 4:
            continue
        group = next((g for g in cues.CREDIT_GROUPS if g in pattern.groupindex and match.group(g)), None)
        if group is None:
            continue
        credit_text = match.group(group)
        if pattern is _PAREN_CREDIT and len(credit_text.split()) > 5:
            continue
        if pattern is _SPACED_CREDIT and not (_CREDIT_TAIL.search(credit_text) or cues.CREDIT.match(credit_text)):
            continue
        body = text[: match.start()].strip()
        credit = text[match.start(group) : match.end(group)].strip()
        marks = [(match.start(), match.start(group)), (match.end(group), match.end())]
        return body, credit, _removed_marks(text, marks, "strip_credit_brackets")
    return text, None, []


def _removed_marks(text: SourcedText, intervals: list[tuple[int, int]], reason: str) -> list[Removal]:
    """Removals for the visible characters (brackets) in ``intervals``; spaces need none."""
    out: list[Removal] = []
    for a, b in intervals:
        piece = text[a:b]
        for k, ch in enumerate(piece.string):
            if not ch.isspace():
                out.extend(piece[k : k + 1].as_removals(reason))
    return out


def _strip_lead(text: SourcedText, pattern, reason: str) -> tuple[SourcedText, list[Removal]]:
    match = pattern.match(text.string)
    if not match or match.end() >= len(text.string):
        return text, []
    return text.cut([(0, match.end())], reason)


# Any symbol, and the bullets a caption may open with (• is punctuation to Unicode).
_CAPTION_MARK = regex.compile(rf"^[\p{{So}}\p{{Sm}}{regex.escape(cues.BULLET_MARKS)}]+\s*(?=\S)")
# A marker, or one drawn twice a little apart ("• • Horaires": a shadowed bullet).
_BULLET = regex.compile(rf"^(?:[{regex.escape(cues.BULLET_MARKS + cues.CAPTION_MARKS)}\-–*]\s*)+")
_PAREN_CREDIT = regex.compile(r"\s*[（(](?P<credit>[^()（）。.!?]{2,40})[）)]\s*$")
_SPACED_CREDIT = regex.compile(r"\u3000+(?P<credit>[^\u3000]{1,20})$")


_CREDIT_TAIL = regex.compile(r"(?:[攝摄](?:影)?|供[圖图]|[圖图]片|提供|[社台]|Photo|photo)$")


def _strip_brackets(text: SourcedText) -> tuple[SourcedText, list[Removal]]:
    """``（資料圖片）`` → ``資料圖片``: the brackets set a credit apart; they are not its words."""
    string = text.string
    if len(string) > 2 and string[0] in "（(" and string[-1] in "）)":
        return text.cut([(0, 1), (len(string) - 1, len(string))], "strip_credit_brackets")
    return text, []


# After the caption's last full stop, a few words with no stop of their own: the credit
# ("… main hall. Museum handout", "…作業。新華社").
_TAIL_CREDIT = regex.compile(
    r"(?:(?<=[.!?])\s+(?P<credit>[A-Z][\w'’&/.-]*(?:\s+[\w'’&/-]+){0,3})"
    r"|(?<=[。！？])\s*(?P<bare>[^。！？\s][^。！？]{0,11}))$"
)
_PHOTO_BY = regex.compile(
    r"(?<=[.!?。！？])\s+(?P<credit>(?:Photo|Picture|Photograph|Image)s?\s*(?:by\s|:)\s*[^.!?]{2,40}"
    r"|(?:AP|AFP|Reuters|Getty Images|EPA|Bloomberg|Xinhua|Associated Press)(?:\s+(?:Photo|photo|Images))?)$"
)
def split_opening_bylines(blocks: list[LayoutBlock]) -> list[LayoutBlock]:
    """``本報訊（記者…）`` opening a paragraph is the article's byline: give it a block of its
    own. A wire dateline wrapped before its reporter's bracket takes the bracket back."""
    out: list[LayoutBlock] = []
    for lb in _join_blocks_cut_inside_a_bracket(blocks):
        if lb.kind == PARAGRAPH and lb.block is not None and out and out[-1].kind == BYLINE and out[-1].block is not None \
                and _WIRE_DATELINE_END.search(out[-1].block.string) and (bracket := _REPORTER_BRACKET.match(lb.block.string)):
            head = out[-1]
            head.block = Block(BYLINE, SourcedText.concat([head.block.text, lb.block.text[: bracket.end()].strip()]),
                               head.lines + lb.lines[:1])
            lb.block = Block(PARAGRAPH, lb.block.text[bracket.end():].strip(), lb.lines)
        if lb.kind == PARAGRAPH and lb.block is not None and out and out[-1].kind == BYLINE \
                and out[-1].block is not None and out[-1].frame == lb.frame:
            _take_the_bylines_tail(out[-1], lb)
        if lb.kind == PARAGRAPH and lb.block is not None:
            byline = rest = None
            end = cues.byline_opening_end(lb.block.string)
            if end is None:
                match = _RUN_IN_BYLINE.match(lb.block.string)
                end = match.end() if match else None
            if end is not None and end < len(lb.block.string):
                byline, rest = lb.block.text[:end].strip(), lb.block.text[end:].strip()
            if byline is not None:
                head = LayoutBlock(BYLINE, lb.lines[:1], lb.size, lb.bold, lb.frame, lb.order)
                head.block = Block(BYLINE, byline, lb.lines[:1])
                out.append(head)
                lb.block = Block(PARAGRAPH, rest, lb.lines)
        out.append(lb)
    return out


def _take_the_bylines_tail(head: LayoutBlock, lb: LayoutBlock) -> None:
    """A byline broken off before its last words, which open the story's first line with the
    story run on after them (记者 何雨欣 通讯员 / 张伟为期一个月…, 游佩琪 报道 /
    yoopq@zaobao.com.sg 环境局…): the byline takes them back, as far as it reads on."""
    byline, text = head.block.text, lb.block.text
    joiner = [] if joins_tight(byline.string, text.string) else [SourcedText.inserted(" ")]
    joined = SourcedText.concat([byline, *joiner, text])
    end = cues.byline_opening_end(joined.string)
    start = len(byline.string) + len(joiner)
    if end is not None and start < end < len(joined.string):
        head.block = Block(BYLINE, joined[:end].strip(), head.lines + lb.lines[:1])
        lb.block = Block(PARAGRAPH, joined[end:].strip(), lb.lines)
    elif end is not None and not joiner and _BYLINE_NAME_END < end < len(byline.string) \
            and not _closes_a_bracket(byline.string[end:]):
        # 记者 何雨欣 通讯员 张伟为期 / 一个月的…: the byline's line ran the story's first
        # words on after the name; they open the story.
        head.block = Block(BYLINE, byline[:end].strip(), head.lines)
        lb.block = Block(PARAGRAPH, SourcedText.concat([byline[end:].strip(), text]), head.lines[-1:] + lb.lines)


# A byline gives back no more than what follows its first few characters (记者 + a name).
_BYLINE_NAME_END = 4


def _closes_a_bracket(string: str) -> bool:
    return any(ch in string for ch in "）)】〕］")


def _join_blocks_cut_inside_a_bracket(blocks: list[LayoutBlock]) -> list[LayoutBlock]:
    """A paragraph ending inside a bracket its next block closes within a few characters
    (新华社郑州10月16日电（记者 赵文涛 刘 / 晓燕）记者从…: a reporter's bracket the story's
    type change cut) is one block with it."""
    out: list[LayoutBlock] = []
    for lb in blocks:
        last = out[-1] if out else None
        if last is not None and last.kind == PARAGRAPH and lb.kind == PARAGRAPH and last.block is not None \
                and lb.block is not None and last.frame == lb.frame and bracket_balance(last.block.string) > 0 \
                and _CLOSED_SOON.match(lb.block.string):
            last.block = Block(PARAGRAPH, SourcedText.concat([last.block.text, lb.block.text]), last.lines + lb.lines)
            _take_lines(last, lb)
            continue
        out.append(lb)
    return out


_CLOSED_SOON = regex.compile(r"^[^（(）)]{1,6}[）)]")


# A wire service's dateline ("新华社广州3月2日电"), and the reporter's bracket that follows it.
_WIRE_DATELINE_END = regex.compile(r"\d{1,2}月\d{1,2}日(?:電|电)\s*$")
_REPORTER_BRACKET = regex.compile(r"^\s*[（(](?:本報|本报)?(?:記者|记者)\s*[^）)]{2,24}[）)]\s*(?=\S)")


__all__ = ["HEADLINE", "DECK", "LayoutBlock", "classify", "join_text", "join_wrapped_headlines", "split_blocks",
           "split_opening_bylines"]
