"""Columns read across: an extractor that emits one line of each column in turn.

pdfminer and poppler's default mode, facing narrow columns whose lines sit at
the same heights, often emit every line as its own box: column 1 line 1,
column 2 line 1, …, column 1 line 2. The text then arrives as single lines
between blank lines, cycling through the columns. Such a run seldom cycles
from end to end: a masthead, a headline or a story set alone reads straight
down above or below the stretch that cycles, and two stories side by side
cycle with another count than the three columns under them. So the run is cut
into stretches, each read down or across its own count of columns, whichever
the page's words bear out best: joins that put a line after its true
successor make character pairs (or word pairs) the page or its language uses;
wrong joins rarely do.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from statistics import median_high

import regex

from ..charclass import CJK_CHAR, display_width, ends_sentence
from ..model import BYLINE, SIGNOFF, Line, Removal
from ..segment import line_cue
from .lines import ends_in_hyphen
from ..wordlists import chinese_pair_tiers, in_chinese_word, simplified_pair

MIN_RUN = 6
MAX_COLUMNS = 6
# The winning cycle must beat reading straight down by this much (share of joins).
MIN_GAIN = 0.15

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_NEVER_STARTS_A_LINE = "，。、；：？！」』）》〉,.;:?!)"


def _vocabulary(lines: list[Line]) -> tuple[Counter, Counter]:
    char_pairs: Counter = Counter()
    word_pairs: Counter = Counter()
    for line in lines:
        string = line.string
        char_pairs.update(string[i : i + 2] for i in range(len(string) - 1))
        words = _WORD.findall(string.lower())
        word_pairs.update(zip(words, words[1:]))
    return char_pairs, word_pairs


def _join_score(a: str, b: str, char_pairs: Counter, word_pairs: Counter) -> float:
    if not a or not b:
        return 0.0
    if b[0] in _NEVER_STARTS_A_LINE:
        return 0.0
    if CJK_CHAR.match(a[-1]) and CJK_CHAR.match(b[0]):
        pair = a[-1] + b[0]
        if char_pairs[pair] > 0 or in_chinese_word(pair):
            return 1.0
        return 0.0
    if ends_in_hyphen(a) and b[:1].islower():
        return 1.0
    if b[:1].islower() and ends_sentence(a):
        return 0.0
    last = _WORD.findall(a.lower())[-1:]
    first = _WORD.findall(b.lower())[:1]
    if last and first and word_pairs[(last[0], first[0])] > 0:
        return 1.0
    return 0.25 if b[:1].islower() else 0.1


def _isolated_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """Stretches of lines that each stand alone between blank lines."""
    runs = []
    start = None
    for i in range(len(lines) + 1):
        alone = i < len(lines) and (i == 0 or lines[i].blank_before > 0) and (
            i + 1 >= len(lines) or lines[i + 1].blank_before > 0)
        if alone and start is None:
            start = i
        elif not alone and start is not None:
            if i - start >= MIN_RUN:
                runs.append((start, i))
            start = None
    return runs


def _looks_like_column_lines(strings: list[str]) -> bool:
    """Lines cut from columns: most at one width, most stopping mid-sentence (not a
    double-spaced list or a stack of headlines)."""
    widths = [display_width(s) for s in strings]
    mode, _count = Counter(widths).most_common(1)[0]
    at_measure = sum(1 for w in widths if abs(w - mode) <= 2)
    unfinished = sum(1 for s in strings if not ends_sentence(s))
    return at_measure >= 0.4 * len(strings) and unfinished >= 0.3 * len(strings)


def _best_cycle(strings: list[str], char_pairs: Counter, word_pairs: Counter) -> int:
    def score(k: int) -> float:
        joins = [_join_score(strings[j], strings[j + k], char_pairs, word_pairs) for j in range(len(strings) - k)]
        return sum(joins) / len(joins) if joins else 0.0

    straight = score(1)
    best_k, best = 1, straight
    for k in range(2, min(MAX_COLUMNS, len(strings) // 2) + 1):
        value = score(k)
        if value > best:
            best_k, best = k, value
    return best_k if best >= straight + MIN_GAIN else 1


# Log odds that a line carries on the one before it, against two lines taken at random
# (measured on extracted pages of every engine): a CJK pair the page spells or the language
# uses often is about fifteen times likelier a true join, a rarer one a little likelier, one
# unknown half as likely; a line opening on a stop or in lower case after a finished
# sentence almost never carries on.
KNOWN_JOIN = 2.6
RARE_PAIR_JOIN = 0.3
UNKNOWN_CJK_JOIN = -0.6
NEVER_JOINS = -2.5
# Evidence a stretch read in k > 1 columns must gather before it is read so.
MIN_STREAM_EVIDENCE = 4.0
# ...and this much more for each of its lines: over a long run some reading across gathers
# a little evidence by chance (lines dealt in no order at all), a true one gathers far more.
STREAM_LINE_EVIDENCE = 0.2
# The longest stretch weighed as one (bounds the work on a long run).
MAX_STRETCH = 120


def _join_evidence(a: str, b: str, char_pairs: Counter, word_pairs: Counter) -> float:
    if not a or not b:
        return 0.0
    if b[0] in _NEVER_STARTS_A_LINE:
        return NEVER_JOINS
    if CJK_CHAR.match(a[-1]) and CJK_CHAR.match(b[0]):
        pair = a[-1] + b[0]
        if char_pairs[pair] > 0:
            return KNOWN_JOIN
        every, common = chinese_pair_tiers()
        simplified = simplified_pair(pair)
        if simplified in common:
            return KNOWN_JOIN
        if simplified in every:
            return RARE_PAIR_JOIN
        # After a stop or a comma, or before a bracket, any word will do: no pair is expected there.
        return UNKNOWN_CJK_JOIN if _WORD.match(a[-1]) and _WORD.match(b[0]) else 0.0
    if ends_in_hyphen(a) and b[:1].islower():
        return KNOWN_JOIN
    if b[:1].islower() and ends_sentence(a):
        return NEVER_JOINS
    last = _WORD.findall(a.lower())[-1:]
    first = _WORD.findall(b.lower())[:1]
    if last and first and word_pairs[(last[0], first[0])] > 0:
        return KNOWN_JOIN
    return 0.0


# A line this much wider than the widest column of a stretch spans its columns (a headline over them).
SPANNING = 1.4


def _without_display_ends(strings: list[str], first: int, last: int, k: int) -> tuple[int, int]:
    """The stretch first..last without the lines at either end that are no column's: a
    line that names itself (a dateline, a reporter's line, the page's date) or one wider
    than any of the stretch's columns (a headline set over them)."""
    widths = [display_width(string) for string in strings]
    widest = max(median_high(widths[first + c:last:k]) for c in range(k))

    def display(i: int) -> bool:
        return widths[i] > SPANNING * widest or line_cue(strings[i]) is not None

    while first < last and display(first):
        first += 1
    while last > first and display(last - 1):
        last -= 1
    return first, last


# Most lines of a column fill its measure, to within this share of it (two cells at least).
MEASURE_SLACK = 0.1
MIN_AT_MEASURE = 0.5


def _keeps_a_measure(strings: list[str]) -> bool:
    """Most of the lines fill one width, as a column's do; lines dealt to a column they do
    not belong to (a box's items, a caption, another story's) seldom do."""
    widths = [display_width(string) for string in strings]
    measure = Counter(widths).most_common(1)[0][0]
    slack = max(2, MEASURE_SLACK * measure)
    return sum(1 for width in widths if abs(width - measure) <= slack) >= MIN_AT_MEASURE * len(widths)


def _runs_on(string: str) -> bool:
    """Not a reporter's line or a dateline: those are blocks of their own, and what
    follows one makes no word with its last character (新华社北京3月2日电 / 气象…)."""
    return line_cue(string) not in (BYLINE, SIGNOFF)


def _stretches_in_columns(strings: list[str], char_pairs: Counter, word_pairs: Counter) -> list[tuple[int, int, int]]:
    """Cut a run of lines into stretches, each read down (k = 1) or across k columns in
    turn (start, end, k): a headline, a page's masthead or a story set alone reads down,
    two stories side by side read across. A stretch is read across where the joins that
    reading makes beat the joins of reading it down by MIN_STREAM_EVIDENCE."""
    n = len(strings)
    top = min(MAX_COLUMNS, n // 2)
    runs_on = [_runs_on(string) for string in strings]
    # sums[k][t]: evidence of the joins s -> s + k for s < t
    sums = {}
    for k in range(1, top + 1):
        total = [0.0]
        for s in range(n - k):
            evidence = _join_evidence(strings[s], strings[s + k], char_pairs, word_pairs) if runs_on[s] else 0.0
            total.append(total[-1] + evidence)
        sums[k] = total
    straight = sums[1]
    # best[j]: the most evidence gained over reading lines 0..j-1 straight down
    best = [0.0] * (n + 1)
    choice: list[tuple[int, int]] = [(j - 1, 1) for j in range(n + 1)]
    for j in range(1, n + 1):
        best[j] = best[j - 1]
        for k in range(2, top + 1):
            for i in range(j - 2 * k, max(-1, j - MAX_STRETCH - 1), -1):
                gain = (sums[k][j - k] - sums[k][i]) - (straight[j - 1] - straight[i]) - MIN_STREAM_EVIDENCE \
                    - STREAM_LINE_EVIDENCE * (j - i)
                if best[i] + gain > best[j]:
                    best[j] = best[i] + gain
                    choice[j] = (i, k)
    stretches = []
    j = n
    while j > 0:
        i, k = choice[j]
        stretches.append((i, j, k))
        j = i
    return stretches[::-1]


# A CJK paragraph's first line, its indent lost, stops this many cells short of its column.
OPENING_SHORTFALL = (3, 5)


def _opens_paragraph(stream: list[Line]) -> bool:
    """The stream's first line stops an indent short of the measure its other lines keep."""
    widths = [display_width(line.string) for line in stream]
    if len(widths) < 3 or not CJK_CHAR.match(stream[0].string[:1]):
        return False
    measure = Counter(widths[1:]).most_common(1)[0][0]
    return OPENING_SHORTFALL[0] <= measure - widths[0] <= OPENING_SHORTFALL[1]


def _leftmost_first(streams: list[list[Line]], before: str, char_pairs: Counter, word_pairs: Counter) -> list[list[Line]]:
    """The columns of a stretch that began mid-row, put back in order from the left one.

    The extractor read each row from the left, so the stretch's columns come in turn but
    may start from any of them: where the line before the stretch breaks off mid-sentence,
    the column that carries it on is the leftmost (a column opening a paragraph cannot be)."""
    if ends_sentence(before) or not _runs_on(before):
        return streams

    def carries_on(stream: list[Line]) -> float:
        evidence = _join_evidence(before, stream[0].string, char_pairs, word_pairs)
        return evidence - 1.0 if _opens_paragraph(stream) else evidence

    scores = [carries_on(stream) for stream in streams]
    leftmost = max(range(len(streams)), key=lambda column: scores[column])
    if scores[leftmost] <= scores[0]:
        return streams
    return streams[leftmost:] + streams[:leftmost]


def _column_stretches(strings: list[str], char_pairs: Counter, word_pairs: Counter) -> list[tuple[int, int, int]]:
    """The run cut into stretches (start, end, k), each read down (k = 1) or across k columns.
    A run that cycles through one count of columns from end to end is one stretch; any
    other is cut where its lines say, and a line spanning a stretch's columns at either
    end of it (a headline over them) is left out of it."""
    k = _best_cycle(strings, char_pairs, word_pairs) if _looks_like_column_lines(strings) else 1
    if k > 1:
        return [(0, len(strings), k)]
    out = []
    for first, last, k in _stretches_in_columns(strings, char_pairs, word_pairs):
        if k > 1:
            inner_first, inner_last = _without_display_ends(strings, first, last, k)
            if inner_last - inner_first >= 2 * k and all(
                    _keeps_a_measure(strings[inner_first + c:inner_last:k]) for c in range(k)):
                out.extend((i, i + 1, 1) for i in range(first, inner_first))
                out.append((inner_first, inner_last, k))
                out.extend((i, i + 1, 1) for i in range(inner_last, last))
                continue
            k = 1
        out.append((first, last, 1))
    return out


def reorder_interleaved_columns(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """Put lines that arrived one column at a time back into column order (nothing is removed)."""
    runs = _isolated_runs(lines)
    if not runs:
        return lines, []
    char_pairs, word_pairs = _vocabulary(lines)
    out = list(lines)
    for start, end in runs:
        run = lines[start:end]
        reordered: list[Line] = []
        for first, last, k in _column_stretches([line.string for line in run], char_pairs, word_pairs):
            stretch = run[first:last]
            if k == 1:
                reordered.extend(stretch)
                continue
            streams = [stretch[column::k] for column in range(k)]
            before = (reordered[-1] if reordered else lines[start - 1] if start else None)
            if before is not None:
                streams = _leftmost_first(streams, before.string, char_pairs, word_pairs)
            for stream in streams:
                reordered.append(replace(stream[0], blank_before=1))
                # A reporter's line stays a block of its own in its column.
                reordered.extend(replace(line, blank_before=0 if _runs_on(above.string) else 1)
                                 for above, line in zip(stream, stream[1:]))
        out[start:end] = reordered
    return out, []
