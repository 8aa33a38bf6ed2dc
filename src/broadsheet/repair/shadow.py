"""Shadowed, outlined and fake-bold type: the same text drawn twice.

Extractors emit such text twice, either interleaved in chunks of any length
(``張三與李四張三與李四1212日至日至``), as doubled marks (``，，``, ``●●``) or as a
whole line or block printed twice in a row. Genuine repetition (謝謝, 研究研究,
``——``, 2020年, 哈哈哈) looks the same pair by pair, so the decision is taken
from the evidence of the whole line and its neighbours, never one pair alone.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from ..model import Line, Removal
from .per_line import cut_in_each_line

MAX_CHUNK = 48

# A line counts as shadowed when doubled chunks cover this share of its
# non-space characters and the undoubled text has this many distinct characters
# (so 哈哈哈哈哈哈 or ——…… never qualify on their own).
SHADOW_COVERAGE = 0.75
NEIGHBOUR_COVERAGE = 0.9
MIN_DISTINCT = 3
# Inside an ordinary line, a run of doubled chunks is shadow only when its
# undoubled text is this long and this varied (研究研究 and 高高興興 are not).
MIN_REGION_CJK = 4
MIN_REGION_LATIN = 7

_NEVER_DOUBLED = regex.compile(r"([，。、；：,（）「」『』《》〈〉【】〔〕])\1+")
_LEADING_MARK = regex.compile(r"^([●▲■◆◇□△▼▽•★☆◎○※►▶])\1+")
_HAS_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def _chunk_pattern(length: int) -> "regex.Pattern[str]":
    return _doubled_chunk(min(MAX_CHUNK, max(1, length // 2)))


@lru_cache(maxsize=None)
def _doubled_chunk(longest: int) -> "regex.Pattern[str]":
    # Greedy and leftmost: at each position the longest chunk repeated right
    # away (one optional space between the copies), else move one on.
    return regex.compile(r"(\S.{0,%d})[ \u3000]?\1" % (longest - 1))


class _Evidence:
    __slots__ = ("tokens", "coverage", "distinct")

    def __init__(self, string: str):
        # token: (start, end, chunk_length) for string[start:end] == chunk, sep?, chunk
        if len(set(string)) == len(string):
            self.tokens = []  # no character repeats: nothing can be doubled (the common case)
        else:
            self.tokens = [(m.start(), m.end(), len(m.group(1))) for m in _chunk_pattern(len(string)).finditer(string)
                           if not _spoken_repetition(m.group(1), m.group(0))]
        if not self.tokens:
            self.coverage, self.distinct = 0.0, 0
            return
        solid = len(string) - string.count(" ") - string.count("\u3000")
        covered = 0
        kept = []
        for start, end, length in self.tokens:
            chunk = string[start : start + length]
            covered += 2 * (length - chunk.count(" "))
            kept.append(chunk)
        self.coverage = covered / solid if solid else 0.0
        self.distinct = len(set("".join(kept)) - {" ", "\u3000"})

    def shadowed(self) -> bool:
        return self.coverage >= SHADOW_COVERAGE and self.distinct >= MIN_DISTINCT


_LATIN_WORD_END = regex.compile(r"\p{Latin}[,!?…]$")


def _spoken_repetition(chunk: str, whole: str) -> bool:
    """``thank you, thank you,`` or ``no, no``: words repeated after a comma and a space are
    said twice, not drawn twice (a shadow's copy has no comma of its own between)."""
    return bool(_LATIN_WORD_END.search(chunk.rstrip())) and (chunk[-1] == " " or len(whole) > 2 * len(chunk))


def _second_copies(tokens: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    # Keep the first copy: cut the (optional) separator and the second copy.
    return [(start + length, end) for start, end, length in tokens]


def _doubled_gaps(string: str, tokens: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """In a shadowed line the spaces between doubled words are doubled too."""
    gaps = []
    for (_s, end, _n), (start, _e, _m) in zip(tokens, tokens[1:]):
        width = start - end
        if width >= 2 and width % 2 == 0 and not string[end:start].strip():
            gaps.append((end + width // 2, start))
    return gaps


def _strong_regions(string: str, tokens: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Tokens inside runs of adjacent doubled chunks long and varied enough to be shadow."""
    chosen: list[tuple[int, int, int]] = []
    group: list[tuple[int, int, int]] = []

    def flush() -> None:
        if not group:
            return
        undoubled = "".join(string[s : s + n] for s, _e, n in group).replace(" ", "")
        floor = MIN_REGION_CJK if _HAS_CJK.search(undoubled) else MIN_REGION_LATIN
        if len(undoubled) >= floor and len(set(undoubled)) >= MIN_REGION_CJK:
            chosen.extend(group)

    for token in tokens:
        if group and token[0] != group[-1][1]:
            flush()
            group = []
        group.append(token)
    flush()
    return chosen


def undouble_shadow_runs(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """``張三與李四張三與李四1212日至日至`` → ``張三與李四12日至``, decided line by line with neighbours."""
    evidence = [_Evidence(line.text.string) for line in lines]
    out: list[Line] = []
    removals: list[Removal] = []
    for i, (line, ev) in enumerate(zip(lines, evidence)):
        if not ev.tokens:
            out.append(line)
            continue
        string = line.text.string
        whole_line = ev.shadowed() or (ev.coverage >= NEIGHBOUR_COVERAGE and _neighbour_shadowed(lines, evidence, i))
        if whole_line:
            cuts = _second_copies(ev.tokens) + _doubled_gaps(string, ev.tokens)
        else:
            cuts = _second_copies(_strong_regions(string, ev.tokens))
        if not cuts:
            out.append(line)
            continue
        text, cut = line.text.cut(cuts, "undouble_shadow_runs")
        removals.extend(cut)
        # Text drawn twice is display type (bold, shadowed): a headline, a caption.
        out.append(replace(line, text=text, bold=line.bold or whole_line))
    return out, removals


def _neighbour_shadowed(lines: list[Line], evidence: list[_Evidence], i: int) -> bool:
    before = i > 0 and lines[i].blank_before == 0 and evidence[i - 1].shadowed()
    after = i + 1 < len(lines) and lines[i + 1].blank_before == 0 and evidence[i + 1].shadowed()
    return before or after


def undouble_punctuation(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """``，，`` → ``，`` and a leading ``●●`` → ``●``: marks no writer ever doubles."""
    return cut_in_each_line(lines, _doubled_marks, "undouble_punctuation")


def _doubled_marks(string: str) -> list[tuple[int, int]]:
    cuts = [(m.start() + 1, m.end()) for m in _NEVER_DOUBLED.finditer(string)]
    lead = _LEADING_MARK.match(string)
    if lead:
        cuts.append((1, lead.end()))
    return cuts


MIN_REPEATED_LINE = 4
# A vertical headline comes out one character per line: a doubled one repeats
# a block of dozens of lines.
MAX_REPEATED_BLOCK = 64


MIN_VERTICAL_PAIRS = 3
# Poppler keeps one copy of a glyph drawn twice at the very same spot, so a few characters
# of a doubled vertical headline come out once (圖/圖/…/開/開/放/至/午/午): at most one
# such line for every SINGLES_PER_PAIR pairs.
SINGLES_PER_PAIR = 0.5


def _undouble_vertical_pairs(strings: list[str], lines: list[Line], drop: set[int], shadowed: dict[int, int]) -> None:
    """Vertical type one character a line, each line emitted twice: 茶/茶/农/农/直/直.

    Only a run in which nearly every line comes in an identical pair counts (a
    genuine 高/高/興/興 sits among lines that do not pair up)."""
    n = len(strings)
    i = 0
    while i < n:
        j = i
        while j < n and len(strings[j]) == 1 and j not in drop and (j == i or lines[j].blank_before == 0):
            j += 1
        pairs, singles = _vertical_pairs(strings, i, j)
        if len(pairs) >= MIN_VERTICAL_PAIRS and len(singles) <= SINGLES_PER_PAIR * len(pairs) \
                and len(set(strings[i:j])) >= MIN_DISTINCT:
            for k in range(pairs[0], pairs[-1] + 2):
                shadowed[k] = pairs[0]
            drop.update(k + 1 for k in pairs)
        i = max(j, i + 1)


def _vertical_pairs(strings: list[str], i: int, j: int) -> tuple[list[int], list[int]]:
    """The first line of each identical pair in lines i..j-1, and the lines between the
    first pair and the last that pair with neither neighbour (lines before or after the
    pairs are other text run on)."""
    pairs: list[int] = []
    singles: list[int] = []
    k = i
    while k < j:
        if k + 1 < j and strings[k] == strings[k + 1]:
            pairs.append(k)
            k += 2
        else:
            singles.append(k)
            k += 1
    return pairs, [k for k in singles if pairs[0] < k < pairs[-1]] if pairs else singles


def undouble_repeated_lines(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """A line, or a block of lines, printed twice in a row: keep the first copy."""
    strings = [line.text.string for line in lines]
    n = len(lines)
    # Where each line's text next recurs: the only block lengths worth testing.
    next_same = [0] * n
    last_seen: dict[str, int] = {}
    for index in range(n - 1, -1, -1):
        next_same[index] = last_seen.get(strings[index], -1)
        last_seen[strings[index]] = index
    drop: set[int] = set()
    shadowed: dict[int, int] = {}
    i = 0
    doubled_until = -1  # where the last doubled run ended
    while i < n:
        matched = 0
        j = next_same[i]
        while 0 < j - i <= MAX_REPEATED_BLOCK:
            k = j - i
            # A short line may repeat by chance, but not right after text printed twice:
            # there it is the wrapped end of the same doubled headline (人手 / 人手).
            long_enough = sum(len(s) - s.count(" ") for s in strings[i:j]) >= MIN_REPEATED_LINE or (
                i == doubled_until and lines[i].blank_before == 0)
            if (strings[i:j] == strings[j : j + k] and long_enough
                    and all(lines[m].blank_before == 0 for m in range(i + 1, j + k) if m != j)):
                matched = k
                break
            j = next_same[j]
        if matched:
            shadowed.update((index, i) for index in range(i, i + matched))
            drop.update(range(i + matched, i + 2 * matched))
            i += 2 * matched
            doubled_until = i
        else:
            i += 1
    _undouble_vertical_pairs(strings, lines, drop, shadowed)
    if not drop:
        return lines, []
    removals: list[Removal] = []
    out: list[Line] = []
    for index, line in enumerate(lines):
        if index in drop:
            removals.extend(line.text.as_removals("undouble_repeated_lines"))
        elif index in shadowed:
            out.append(replace(line, bold=True, display_unit=shadowed[index]))
        else:
            out.append(line)
    return out, removals
