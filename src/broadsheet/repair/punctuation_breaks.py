"""A justified CJK line an extractor broke after its punctuation.

To justify a CJK line, some typesetters (Typst, XeLaTeX) squeeze or stretch the space a
comma or a stop takes and set what follows as a run of its own. ``pdftotext -raw`` starts a
new line at each such run, so one printed line comes out in pieces, each but the last ending
on a mark::

    受副热带高压影响，                     受副热带高压影响，江苏、浙江、安徽
    江苏、                          →      等地连续多日出现35摄氏度以上高温天
    浙江、
    安徽
    等地连续多日出现35摄氏度以上高温天

Left so, the pieces read as short lines that end paragraphs, and the short lines after them as
paragraphs of a word or two. A line ending on a clause's mark, short of its column's measure,
takes the lines after it while they fit the rest, each but the last ending on such a mark, on
a page that shows three such lines at least. Where most of a story's printed lines came in
pieces, the measure is the one their pieces keep summing to. On such a page, a line ending on
a sentence's stop takes pieces after it only where they fill the measure exactly and end
where the measure cut them, with text running on below: a paragraph's last line followed by
the next paragraph's first would overfill it. A closing quotation mark left on a line of its
own goes back to the line it closes. Nothing is removed: the pieces join tight, as CJK lines
do.

No CJK line opens on a closing mark (the typesetter's rule, kinsoku), so a line an extractor
gave opening on one was broken off the line above, where a mark was squeezed or pushed past
the measure (XeLaTeX through ``pdftotext -raw``: ``产品。`` / ``”文创部负责人林静``). On any
page, such a line goes back onto the line above where the two fit the column's measure;
a typesetter that opened a line on a mark itself (some do) filled the line above already,
and type set vertically (a glyph a line) keeps its marks on lines of their own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import regex

from ..charclass import CJK_CHAR, SPACE_BETWEEN_HAN, display_width, has_cjk
from ..model import Line, Removal, SourcedText
from ..segment import line_cue
from .per_line import measure_near

# Marks a justified CJK line is taken to be broken after: a clause's (after a sentence's
# stop the piece that follows may be the next paragraph's first line, so a page must show
# these first, and such a piece must fill the line).
CLAUSE_MARKS = "，、；：,"
STOP_MARKS = "。！？"
CLOSING_QUOTES = "」』”’"
# Lines on either side that show the column's measure.
NEIGHBOURHOOD = 12
MIN_MEASURE_LINES = 4
MEASURE_SHARE = (3, 4)
# ...of the lines the measure cut, fewer reach it: besides whole printed lines they hold the
# last pieces of broken ones, each short of the measure by the pieces before it, and lines
# holding figures, a digit half a character (支線在非繁忙時段的載客率不足三成。」 / 他 fills a
# 19-character measure that three in four of the cut lines around it fell short of).
CUT_MEASURE_SHARE = (5, 6)
# Half-width cells a printed line may fall short of (or pass) the measure by: a digit's
# space, a squeezed mark.
SLACK = 2


def _width(string: str) -> int:
    # Spaces an extractor puts between CJK and figures (了 30 年) are no part of the measure.
    return display_width(string.replace(" ", ""))


def _mostly_cjk(string: str) -> bool:
    wide = len(CJK_CHAR.findall(string))
    return wide > 0 and wide >= len(_LATIN_LETTER.findall(string))


_LATIN_LETTER = regex.compile(r"[A-Za-z]")


def _measure(widths: list[int], cjk: list[bool], index: int) -> int | None:
    """The column's measure near ``index``: the width most CJK lines around it reach."""
    return measure_near(widths, cjk, index, index + 1, NEIGHBOURHOOD, MEASURE_SHARE, MIN_MEASURE_LINES)


def _measure_of_cut_lines(widths: list[int], cjk: list[bool], cut: list[bool], index: int) -> int | None:
    """The measure as the lines the measure cut show it (no mark ends them), leaving out the
    last pieces of broken lines (under half the measure): where an extractor broke most
    printed lines after their marks (Typst), most lines near one are pieces, and the width
    most of them reach is a piece's."""
    plain = _measure(widths, cjk, index)
    if plain is None:
        return None
    counted = [c and w * 2 >= plain for c, w in zip(cut, widths)]
    return max(plain, measure_near(widths, counted, index, index + 1, NEIGHBOURHOOD, CUT_MEASURE_SHARE, MIN_MEASURE_LINES)
               or plain)


def _printed_widths(lines: list[Line], widths: list[int], cjk: list[bool], cut: list[bool]) -> list[frozenset[int]]:
    """For each line the measure cut, the width of the printed line it ends, were the pieces
    before it that end on a clause's mark its own (within the slack either way)."""
    out: list[frozenset[int]] = []
    for k in range(len(lines)):
        if not cut[k]:
            out.append(frozenset())
            continue
        total = widths[k]
        j = k - 1
        while j >= 0 and k - j < MAX_PIECES and cjk[j] and lines[j + 1].blank_before == 0 \
                and _ends_on_a_clause(lines[j].string):
            total += widths[j]
            j -= 1
        out.append(frozenset(range(total - SLACK, total + SLACK + 1)))
    return out


# A printed line is seldom broken into more pieces than this.
MAX_PIECES = 6


def _wider_measure_of_printed_lines(printed: list[frozenset[int]], index: int, measure: int) -> int | None:
    """A measure wider than ``measure`` that many lines the measure cut near ``index`` fill,
    with the pieces before them: where most printed lines of a story came in pieces, under or
    over a story of a narrower measure, neither a piece's width nor the few whole lines show
    it, but the sums of a line's pieces keep coming to it."""
    support: Counter = Counter()
    for k in range(max(0, index - NEIGHBOURHOOD), min(len(printed), index + NEIGHBOURHOOD + 1)):
        support.update(w for w in printed[k] if w > measure + SLACK)
    if not support:
        return None
    best = max(support.values())
    if best < MIN_PRINTED_LINES:
        return None
    hits = sorted(w for w, count in support.items() if count == best)
    return hits[len(hits) // 2]


def _cut_by_the_measure(lines: list[Line], cjk: list[bool]) -> list[bool]:
    """CJK lines no mark ends: the column's edge cut them."""
    return [c and line.string.rstrip(CLOSING_QUOTES)[-1:] not in CLAUSE_MARKS + STOP_MARKS for c, line in zip(cjk, lines)]


def _ends_on_a_clause(string: str) -> bool:
    """The line ends on a clause's mark, past any closing quotes: where the extractor broke."""
    trimmed = string.rstrip(CLOSING_QUOTES)
    return bool(trimmed) and trimmed[-1] in CLAUSE_MARKS


def _joined(parts: list[Line]) -> Line:
    return replace(parts[0], text=SourcedText.concat(line.text for line in parts))


def _pieces(lines: list[Line], widths: list[int], cjk: list[bool], start: int, room: int) -> int:
    """The end of the pieces from ``start`` on that fit in ``room``: each but the last
    ends on a clause's mark, as where the extractor broke the line."""
    end, used = start, 0
    while end < len(lines) and cjk[end] and lines[end].blank_before == 0 and used + widths[end] <= room + SLACK:
        used += widths[end]
        end += 1
        if not _ends_on_a_clause(lines[end - 1].string):
            break
    return end


def _broken_lines(lines: list[Line], widths: list[int], cjk: list[bool], cut: list[bool],
                  clause_ends: list[int]) -> dict[int, int]:
    """Each line that opens a broken printed line, with the end of its pieces: a line ending
    on a clause's mark (``clause_ends``) short of the measure, with pieces after it that fit
    the rest. Running text never has that: its line after a short one is a paragraph's
    next, at the measure."""
    found: dict[int, int] = {}
    for i in clause_ends:
        if not cjk[i]:
            continue
        measure = _measure_of_cut_lines(widths, cjk, cut, i)
        if measure is None or measure - widths[i] < 2 * SLACK:
            continue
        end = _pieces(lines, widths, cjk, i + 1, measure - widths[i])
        if end > i + 1:
            found[i] = end
    return found


def _widened(lines: list[Line], widths: list[int], cjk: list[bool], cut: list[bool], clause_ends: list[int],
             broken: dict[int, int]) -> dict[int, int]:
    """``broken``, where pieces that a wider measure near them fills, to where it cut them,
    are broken lines of that measure: near a story of another measure, that story's lines
    may set the measure here. (Only on a page known to break its lines so: the sums it
    reads are worked out once, when first needed.)"""
    out = dict(broken)
    printed: list[frozenset[int]] | None = None
    for i in clause_ends:
        end = broken.get(i, i + 1)
        if not cjk[i] or (end > i + 1 and cut[end - 1]):
            continue
        measure = _measure_of_cut_lines(widths, cjk, cut, i)
        if measure is None:
            continue
        printed = printed if printed is not None else _printed_widths(lines, widths, cjk, cut)
        wider = _wider_measure_of_printed_lines(printed, i, measure)
        if wider is not None and wider - widths[i] >= 2 * SLACK:
            widened = _pieces(lines, widths, cjk, i + 1, wider - widths[i])
            if widened > end and cut[widened - 1]:
                out[i] = widened
    return out


# A paragraph's first line is set in by two characters (four cells) at most: a line without a
# closing mark shorter than the measure by more than twice that is no paragraph's first line.
FIRST_LINE_INDENT = 4


def _lines_broken_after_a_stop(lines: list[Line], widths: list[int], cjk: list[bool], cut: list[bool],
                               broken: dict[int, int]) -> dict[int, int]:
    """On a page whose extractor broke its printed lines after their marks, a line ending on a
    sentence's stop short of the measure (or pieces so ending), with pieces after it that fill
    the rest of the measure and end where the measure cut (no mark), or on a mark with a whole
    printed line below, is a printed line too (…赢得满堂喝彩。 / 台下; …会诊设备。 / 遇到疑难;
    …坐满了老人。 / 红烧肉、): a paragraph's last line over the next
    paragraph's first would overfill the measure, that first line being near it, and a title
    under a paragraph is seldom just the width the paragraph's last line left. Where the text
    does not run on below (a list, a blank line, a cue), or the line holds a headline's halves
    set apart by a space, it is taken for a title."""
    inside = {k for start, end in broken.items() for k in range(start + 1, end)}
    found: dict[int, int] = {}
    for i in range(len(lines)):
        if i in inside or not cjk[i]:
            continue
        end = broken.get(i, i + 1)
        if end in inside or lines[end - 1].string.rstrip(CLOSING_QUOTES)[-1:] not in STOP_MARKS:
            continue
        width = sum(widths[i:end])
        measure = _measure_of_cut_lines(widths, cjk, cut, i)
        if measure is None or width >= measure:
            continue
        last = _pieces(lines, widths, cjk, end, measure - width)
        if last == end or widths[last - 1] > measure - 2 * FIRST_LINE_INDENT \
                or width + sum(widths[end:last]) < measure - SLACK:
            continue
        # (headline halves are set apart by a space; running text puts spaces only beside figures and Latin)
        if any(line_cue(lines[k].string) or SPACE_BETWEEN_HAN.search(lines[k].string) for k in range(end, last)):
            continue
        # The text runs on below the line the measure cut; under a title comes a list or a break.
        if last == len(lines) or lines[last].blank_before or not cjk[last] or line_cue(lines[last].string):
            continue
        # A printed line may end on a clause's mark too, but so may the next paragraph's first
        # piece: then the rest of that (set-in) first line follows, short of the measure, where
        # under a printed line comes the next, whole.
        if not cut[last - 1] and abs(widths[last] - measure) > SLACK:
            continue
        found[i] = last
        inside.update(range(end, last))
    # A piece broken after a clause's mark that the line now takes is no line's start.
    return {start: end for start, end in {**broken, **found}.items() if start not in inside}


# A page whose extractor broke its lines so shows it on this many lines: a line or two that
# only happen to fit are a short clause and a short line of something else.
MIN_BROKEN_LINES = 3
MIN_PRINTED_LINES = MIN_BROKEN_LINES


# Marks no CJK line opens on (the typesetter's rule, kinsoku): a line an extractor gave
# opening on one was broken off the line above it, at a mark squeezed or pushed past the
# measure (产品。 / ”文创部负责人林静).
NEVER_OPEN_A_LINE = "，、。．；：？！」』”’）》〉】"


MAX_VERTICAL_LINE = 1


def _rejoin_lines_opening_on_closing_marks(lines: list[Line]) -> list[Line]:
    """A line opening on a mark no line opens on goes back onto the line above it, where the
    two fit the column's measure, and so do marks alone on a line: a typesetter that set a
    mark at a line's start itself (some do) filled the line above already. On a page whose
    typesetter shows it does so, a stop alone on a line is its own too, and stays: that
    short line is what shows the paragraph ended."""
    opening = [i for i in range(1, len(lines)) if lines[i].blank_before == 0
               and lines[i].string.strip()[:1] in NEVER_OPEN_A_LINE and CJK_CHAR.search(lines[i - 1].string)
               # (Type set vertically comes a glyph a line, its marks too: 热 / ” / 持.)
               and len(lines[i - 1].string.strip()) > MAX_VERTICAL_LINE]
    if not opening:
        return lines
    widths = [_width(line.string) + line.indent for line in lines]
    cjk = [_mostly_cjk(line.string) for line in lines]
    measures = {i: _measure(widths, cjk, i) for i in opening}
    wraps_marks_itself = any(
        lines[i].string.strip().strip(NEVER_OPEN_A_LINE) and (measure is None or widths[i - 1] + widths[i] > measure + SLACK)
        for i, measure in measures.items())
    out: list[Line] = []
    width = 0
    for i, line in enumerate(lines):
        if i in measures:
            string = line.string.strip()
            marks_alone = string.strip(NEVER_OPEN_A_LINE) == ""
            measure = measures[i]
            if (marks_alone and (string.strip(CLOSING_QUOTES) == "" or not wraps_marks_itself)) or (
                    not marks_alone and cjk[i] and measure is not None and width + widths[i] <= measure + SLACK):
                out[-1] = _joined([out[-1], line])
                width += widths[i]
                continue
        out.append(line)
        width = widths[i]
    return out


def join_cjk_lines_broken_at_punctuation(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """Set a justified CJK line an extractor broke after its marks back together."""
    if not has_cjk(source):
        return lines, []
    lines = _rejoin_lines_opening_on_closing_marks(lines)
    # Most pages break no line so: the page must end three lines on a clause's mark at least.
    clause_ends = [i for i, line in enumerate(lines) if _ends_on_a_clause(line.string)]
    if len(clause_ends) < MIN_BROKEN_LINES:
        return lines, []
    # A paragraph's first line is set in: its indent is part of the measure it fills.
    widths = [_width(line.string) + line.indent for line in lines]
    cjk = [_mostly_cjk(line.string) for line in lines]
    cut = _cut_by_the_measure(lines, cjk)
    broken = _broken_lines(lines, widths, cjk, cut, clause_ends)
    if len(broken) < MIN_BROKEN_LINES:
        return lines, []
    broken = _lines_broken_after_a_stop(lines, widths, cjk, cut, _widened(lines, widths, cjk, cut, clause_ends, broken))
    out: list[Line] = []
    i, n = 0, len(lines)
    while i < n:
        end = broken.get(i, i + 1)
        # A closing quotation mark alone closes the line above it.
        while cjk[i] and end < n and lines[end].blank_before == 0 and lines[end].string.strip(CLOSING_QUOTES) == "":
            end += 1
        out.append(_joined(lines[i:end]) if end > i + 1 else lines[i])
        i = end
    return out, []
