"""Display type drawn twice, run by run, with the extractor's line breaks inside a copy.

Poppler's default reading order breaks a redrawn headline wherever its layout analysis
sees a new line, and that is often in the middle of a run's copy::

    颱風「          颱風「 颱風「 白鷺」 白鷺」 逼近 逼近
    颱風
    「白鷺」
    白鷺」逼近
    逼近

No single line is doubled (the repairs that read a line, or a line against the one above,
find nothing), but the lines read together are: each run followed at once by its copy,
from the first character to the last. Chance does not print a stretch of lines like that;
genuine repetition (謝謝, 研究研究) doubles a word inside text that is not doubled around
it. The lines are joined into the one line they were drawn from and every second copy is
recorded as removed. Where every run's two copies are broken alike (a shingled chain breaks
between copies, a block printed twice at the same places in each), the other doubling
repairs already read the lines, and this one stays out.
"""

from __future__ import annotations

from dataclasses import replace

from ..charclass import HAN
from ..model import Line, Removal, SourcedText

REASON = "undouble_runs_broken_across_lines"
# Lines of one redrawn title: a headline of a few lines broken at every run, twice a
# headline's length at most.
MAX_GROUP_LINES = 16
MAX_GROUP_CHARS = 120
# The longest run drawn at once (a word or a few).
MAX_RUN = 24
# Poppler keeps one copy of a glyph drawn twice at the same spot, often the title's last:
# a character or two after the last doubled run end the title (過渡過渡 / 屋), a few more
# where they finish the line the last copy ends on (房房運作。).
MAX_UNDOUBLED_TAIL = 2
MAX_TAIL_IN_LINE = 4
# The undoubled title is at least this long and varied (not 哈哈哈哈).
MIN_TITLE = 4
MIN_DISTINCT = 3
_SPACES = " \u3000"


def _cover(string: str) -> list[tuple[int, int] | None]:
    """For each offset q, how ``string[:q]`` is covered by runs each followed at once by its
    copy (a single space may stand between runs): ``(start, length)`` of the run whose copy
    ends at q, ``(q - 1, 0)`` after a space kept, None where it cannot be covered. One pass
    serves every line a group may end on."""
    n = len(string)
    back: list[tuple[int, int] | None] = [None] * (n + 1)
    back[0] = (0, 0)
    for q in range(n):
        if back[q] is None:
            continue
        if string[q] in _SPACES:
            if q > 0 and string[q - 1] not in _SPACES and back[q + 1] is None:
                back[q + 1] = (q, 0)
            continue
        for k in range(min(MAX_RUN, (n - q) // 2), 0, -1):
            if back[q + 2 * k] is None and string[q + k - 1] not in _SPACES \
                    and string[q : q + k] == string[q + k : q + 2 * k]:
                back[q + 2 * k] = (q, k)
    return back


def _runs_up_to(string: str, end: int, last_line: int, back: list[tuple[int, int] | None]) -> list[tuple[int, int]] | None:
    """The runs covering ``string[:end]`` but for a short tail (longer if it opens inside
    the last line, which starts at ``last_line``); None when it is not so covered."""
    covered = None
    for tail in range(0, MAX_TAIL_IN_LINE + 1):
        q = end - tail
        if q <= 0:
            break
        if tail and (string[q] in _SPACES or tail > (MAX_TAIL_IN_LINE if q > last_line else MAX_UNDOUBLED_TAIL)):
            break
        # The runs end on a copy, or on a space kept before the tail (豪豪 攝）).
        if back[q] is not None and (back[q][1] or (tail and q > 1)):
            covered = q
            break
    if covered is None:
        return None
    runs = []
    q = covered
    while q > 0:
        start, length = back[q]
        if length:
            runs.append((start, length))
        q = start
    runs.reverse()
    return runs


def _doubled_runs(string: str) -> list[tuple[int, int]] | None:
    """The runs covering all of one line (see _runs_up_to)."""
    return _runs_up_to(string, len(string), 0, _cover(string))


def _title_from(string: str, runs: list[tuple[int, int]]) -> str:
    second_copies = set()
    for p, k in runs:
        second_copies.update(range(p + k, p + 2 * k))
    return "".join(c for index, c in enumerate(string) if index not in second_copies)


def _copies_broken_differently(breaks: list[int], runs: list[tuple[int, int]]) -> bool:
    """Some run's two copies are broken at different places: a block printed twice (each
    copy broken alike) is the repeated-lines repair's."""
    for p, k in runs:
        first = {b - p for b in breaks if p < b < p + k}
        second = {b - p - k for b in breaks if p + k < b < p + 2 * k}
        if first != second:
            return True
    return False


def _redrawn_group(strings: list[str], lines: list[Line], i: int) -> tuple[int, list[tuple[int, int]]] | None:
    """The last line of the longest group opening at line ``i`` that is one title drawn
    twice run by run, broken inside a copy, and its runs; None if there is none."""
    first = strings[i]
    if not first or first[0] in _SPACES:
        return None
    joined = first
    breaks: list[int] = []
    for j in range(i + 1, min(len(lines), i + MAX_GROUP_LINES)):
        if lines[j].blank_before or not strings[j] or strings[j][0] in _SPACES \
                or len(joined) + len(strings[j]) > MAX_GROUP_CHARS:
            break
        if j == i + 1 and (strings[j] == first or not _opens_doubled(first + strings[j])
                           or _doubled_runs(first) is not None):
            # (A line printed twice, or doubled all by itself, is another repair's.)
            return None
        breaks.append(len(joined))
        joined += strings[j]
    if not breaks or not HAN.search(joined):
        return None
    back = _cover(joined)
    ends = breaks[1:] + [len(joined)]
    for last in range(len(ends) - 1, -1, -1):
        runs = _runs_up_to(joined, ends[last], breaks[last], back)
        if runs is None or not _copies_broken_differently(breaks[: last + 1], runs):
            continue
        title = _title_from(joined[: ends[last]], runs)
        if len(title) >= MIN_TITLE and len(set(title) - set(_SPACES)) >= MIN_DISTINCT:
            return i + 1 + last, runs
    return None


def _opens_doubled(string: str) -> bool:
    """The text opens with a run and as much of its copy as follows it (the copy may go on
    in the lines below)."""
    first = string[0]
    # Found by str.find: on most lines the first character does not come again soon.
    k = string.find(first, 1, MAX_RUN + 1)
    while k != -1:
        if string.startswith(string[: min(k, len(string) - k)], k):
            return True
        k = string.find(first, k + 1, MAX_RUN + 1)
    return False


def undouble_runs_broken_across_lines(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """``颱風「 / 颱風 / 「白鷺」 / 白鷺」逼近 / 逼近`` → ``颱風「白鷺」逼近`` (see the module's note)."""
    strings = [line.text.string for line in lines]
    out: list[Line] = []
    removals: list[Removal] = []
    i = 0
    while i < len(lines):
        group = _redrawn_group(strings, lines, i)
        if group is None:
            out.append(lines[i])
            i += 1
            continue
        last, runs = group
        second_copies = [(p + k, p + 2 * k) for p, k in runs]
        parts = []
        offset = 0
        for j in range(i, last + 1):
            length = len(strings[j])
            cuts = [(max(a, offset) - offset, min(b, offset + length) - offset)
                    for a, b in second_copies if a < offset + length and b > offset]
            rest, cut = lines[j].text.cut(cuts, REASON)
            removals.extend(cut)
            parts.append(rest)
            offset += length
        out.append(replace(lines[i], text=SourcedText.concat(parts), bold=True))
        i = last + 1
    return out, removals


__all__ = ["undouble_runs_broken_across_lines"]
