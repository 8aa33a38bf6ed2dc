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

Left so, a piece ending on a stop reads as a paragraph's short last line, and the piece after
it as a paragraph of a character or two. A line ending on a mark, short of its column's
measure, takes the lines after it while they fit the measure; after a sentence's stop, only
where they fill the line to the measure, as the rest of one printed line does and the next
paragraph's opening does not. A closing quotation mark left on a line of its own goes back
to the line it closes. Nothing is removed: the pieces join tight, as CJK lines do.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from ..charclass import CJK_CHAR, display_width, has_cjk
from ..model import Line, Removal, SourcedText

# Marks a justified CJK line may be broken after: mid-sentence, and a sentence's end.
CLAUSE_MARKS = "，、；：,"
SENTENCE_MARKS = "。！？"
CLOSING_QUOTES = "」』”’"
# Lines on either side that show the column's measure.
NEIGHBOURHOOD = 12
MIN_MEASURE_LINES = 4
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
    near = sorted(widths[k] for k in range(max(0, index - NEIGHBOURHOOD), min(len(widths), index + NEIGHBOURHOOD + 1))
                  if cjk[k] and k != index)
    if len(near) < MIN_MEASURE_LINES:
        return None
    return near[(3 * len(near)) // 4]


def _breaks_after(string: str) -> str | None:
    """``clause`` or ``sentence``: the mark a broken piece ends on, past any closing quotes."""
    trimmed = string.rstrip(CLOSING_QUOTES)
    if not trimmed:
        return None
    if trimmed[-1] in CLAUSE_MARKS:
        return "clause"
    if trimmed[-1] in SENTENCE_MARKS:
        return "sentence"
    return None


def _joined(parts: list[Line]) -> Line:
    return replace(parts[0], text=SourcedText.concat(line.text for line in parts))


def _pieces(lines: list[Line], widths: list[int], cjk: list[bool], start: int, room: int) -> int:
    """The end of the pieces from ``start`` on that fit in ``room``: each but the last
    ends on a clause's mark, as where the extractor broke the line."""
    end, used = start, 0
    while end < len(lines) and cjk[end] and lines[end].blank_before == 0 and used + widths[end] <= room + SLACK:
        used += widths[end]
        end += 1
        if _breaks_after(lines[end - 1].string) != "clause":
            break
    return end


def _broken_lines(lines: list[Line], widths: list[int], cjk: list[bool]) -> dict[int, int]:
    """Each line that opens a broken printed line, with the end of its pieces: a line ending
    on a clause's mark short of the measure, with pieces after it that fit the rest. Running
    text never has that: its line after a short one is a paragraph's next, at the measure."""
    found: dict[int, int] = {}
    for i, line in enumerate(lines):
        if not cjk[i] or _breaks_after(line.string) != "clause":
            continue
        measure = _measure(widths, cjk, i)
        if measure is None or measure - widths[i] < 2 * SLACK:
            continue
        end = _pieces(lines, widths, cjk, i + 1, measure - widths[i])
        if end > i + 1:
            found[i] = end
    return found


# A page whose extractor broke its lines so shows it on this many lines: a line or two that
# only happen to fit are a short clause and a short line of something else.
MIN_BROKEN_LINES = 3


def join_cjk_lines_broken_at_punctuation(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """Set a justified CJK line an extractor broke after its marks back together."""
    if any(line.bbox is not None for line in lines) or not has_cjk(source):
        return lines, []
    # Most pages break no line so: the page must end three lines on a clause's mark at least.
    if sum(1 for line in lines if _breaks_after(line.string) == "clause") < MIN_BROKEN_LINES:
        return lines, []
    # A paragraph's first line is set in: its indent is part of the measure it fills.
    widths = [_width(line.string) + line.indent for line in lines]
    cjk = [_mostly_cjk(line.string) for line in lines]
    broken = _broken_lines(lines, widths, cjk)
    if len(broken) < MIN_BROKEN_LINES:
        return lines, []
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
