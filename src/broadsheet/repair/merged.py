"""Two columns on one line: an extractor that joined side-by-side CJK lines with a space.

poppler's pdftotext (its default, non-raw mode) builds lines from words that share
a baseline; when two CJK columns sit close and their lines share baselines it
often takes the line of the left column and the line of the right one as one
line, joined by a single space (它说：“刚开始常常想放弃， 本报讯受冷空气影响，). Chinese and
Japanese running text puts no spaces between characters, so a run of lines that
each hold one space between two long stretches of CJK text, the part before the
space at one width (a column's measure), is two columns read across. The lines
are cut at the space and the pieces read column by column: left pieces, then
right pieces. A line of the run without a space belongs to whichever column its
text continues (the column whose last piece stops in mid-sentence, or whose
characters pair with its first one). Nothing is removed: only the joining space
is left out, and spaces are not text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import regex

from ..charclass import display_width, ends_sentence
from ..model import Line, Removal
from .columns import _join_score, _vocabulary
from .per_line import split_line

# The gap between two CJK runs: one or two spaces (an ideographic space is a real indent).
_GAP = regex.compile(r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}，。、；：？！」』）”])[ ]{1,2}(?=[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}「『（“\p{N}])")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# Running text has commas and stops every line or two; headlines have almost none.
_RUNNING_TEXT = "，。、；："
# Each side of the gap holds at least this many CJK characters.
MIN_SIDE = 4
# Lines joined across in one run, at the least.
MIN_JOINED = 2


def _gap(string: str) -> int | None:
    """Where the one space between two CJK runs starts, or None."""
    gaps = list(_GAP.finditer(string))
    if len(gaps) != 1 or string.count(" ") != len(gaps[0].group()):
        return None
    return gaps[0].start()


def _split_point(string: str) -> int | None:
    """The gap of a line plainly read across two columns (long CJK text both sides), or None."""
    at = _gap(string)
    if at is None:
        return None
    if len(_CJK.findall(string[:at])) < MIN_SIDE or len(_CJK.findall(string[at:])) < MIN_SIDE:
        return None
    return at


def _three_columns(string: str) -> bool:
    pieces = [piece for piece in _GAP.split(string)]
    return sum(1 for piece in pieces if len(_CJK.findall(piece)) >= MIN_SIDE) >= 3


def _runs(lines: list[Line], splits: list[int | None]) -> list[tuple[int, int]]:
    """Stretches without a blank line from a joined line to the last joined line."""
    runs = []
    i = 0
    n = len(lines)
    while i < n:
        if splits[i] is None:
            i += 1
            continue
        start = i
        j = i + 1
        while j < n and not lines[j].blank_before:
            j += 1
        runs.append((start, j))
        i = j
    return runs


def split_columns_read_across(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """Cut lines that hold two CJK columns and read the pieces column by column (nothing is removed)."""
    if not lines or any(line.bbox is not None for line in lines):
        return lines, []
    splits = [_split_point(line.string) for line in lines]
    if sum(1 for s in splits if s is not None) < MIN_JOINED:
        return lines, []
    char_pairs = word_pairs = None
    out: list[Line] = []
    done = 0
    for start, end in _runs(lines, splits):
        joined = [k for k in range(start, end) if splits[k] is not None]
        if len(joined) < MIN_JOINED or any(_three_columns(lines[k].string) for k in range(start, end)):
            continue  # three columns read across: two streams would not sort them
        if len({lines[k].string for k in joined}) < len(joined):
            continue  # a line printed twice is a shadowed headline in two parts, not two columns
        if sum(1 for k in joined if any(mark in lines[k].string for mark in _RUNNING_TEXT)) < 0.5 * len(joined):
            continue  # headlines in two parts (主題 副題) stacked, not running text
        widths = Counter(display_width(lines[k].string[: splits[k]]) for k in joined)
        left_measure, count = widths.most_common(1)[0]
        if count < max(MIN_JOINED, 0.5 * len(joined)):
            continue
        right_measure = Counter(display_width(lines[k].string[splits[k]:].strip()) for k in joined).most_common(1)[0][0]
        cuts = {}
        for k in range(start, end):
            at = splits[k] if splits[k] is not None else _gap(lines[k].string)
            # A short piece either side is a paragraph's last line beside a full line of the other column.
            if at is not None and (splits[k] is not None or abs(display_width(lines[k].string[:at]) - left_measure) <= 2
                                   or abs(display_width(lines[k].string[at:].strip()) - right_measure) <= 2):
                cuts[k] = at
        widest = max(left_measure, right_measure) + 2
        if any(k not in cuts and display_width(lines[k].string) > widest for k in range(start, end)):
            continue  # a line holds both columns where no space tells them apart: leave the run as it came
        if char_pairs is None:
            char_pairs, word_pairs = _vocabulary(lines)
        left: list[Line] = []
        right: list[Line] = []
        for k in range(start, end):
            line = lines[k]
            at = cuts.get(k)
            if at is not None:
                head, tail = split_line(line, at)
                left.append(replace(head, blank_before=0))
                right.append(tail)
                continue
            to_left = _belongs_left(left, right, line.string, char_pairs, word_pairs, left_measure, right_measure)
            (left if to_left else right).append(replace(line, blank_before=0))
        out.extend(lines[done:start])
        left[0] = replace(left[0], blank_before=lines[start].blank_before)
        right[0] = replace(right[0], blank_before=1)
        out.extend(left)
        out.extend(right)
        done = end
    if not done:
        return lines, []
    out.extend(lines[done:])
    return out, []


def _belongs_left(left: list[Line], right: list[Line], string: str, char_pairs: Counter, word_pairs: Counter,
                  left_measure: int, right_measure: int) -> bool:
    if not right:
        return True
    width = display_width(string)
    if left_measure != right_measure:
        # Wider than one column's measure: it can only be the other's.
        if width > left_measure + 1 and width <= right_measure + 1:
            return False
        if width > right_measure + 1 and width <= left_measure + 1:
            return True
    a, b = left[-1].string, right[-1].string
    a_open, b_open = not ends_sentence(a), not ends_sentence(b)
    if a_open != b_open:
        # A paragraph's first line is set in two characters and runs on; it follows a
        # finished sentence. Any other line carries on the sentence left open.
        measure = left_measure if a_open else right_measure
        if not ends_sentence(string) and measure - 4 <= width <= measure - 2:
            return not a_open
        return a_open
    score_a = _join_score(a, string, char_pairs, word_pairs)
    score_b = _join_score(b, string, char_pairs, word_pairs)
    if score_a != score_b:
        return score_a > score_b
    return True
