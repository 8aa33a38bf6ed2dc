"""Runs of text drawn again from a little way back: each run repeats the tail of the one
before it (a shadow or fake bold drawn run by run), so an extractor that starts a new
line whenever the pen moves back emits *shingled* lines::

    高考            A
    高考志愿填報     A beekeeper
    愿填報季　       beekeeper checks
    季　「熱         checks a a hive

Each line opens with the end of the line above it. One such overlap is a coincidence
any wrapped text can show (a line ending 研究 over one starting 研究); a chain of them,
line after line, is not. A chain is joined back into the line it was drawn from, every
repeated opening recorded as removed.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from ..model import Line, Removal, SourcedText
from .per_line import split_line

REASON = "unshingle_redrawn_runs"
# A chain of this many overlaps in a row is a redrawn line, not chance.
MIN_LINKS = 3
# The longest piece of a line drawn again (a run is a word or a few characters).
MAX_OVERLAP = 24
# Fake bold drawn glyph by glyph leaves lines of a glyph or two, each opening with the
# glyph that ended the line above (S / St / tu / ud): there the overlap may cut a word.
# Wrapped text seldom sets even one line this short. Narrow glyphs (l, i) pack a few
# pairs into one line of up to PACKED_PAIRS.
GLYPH_PAIR = 3
PACKED_PAIRS = 10
_LATIN_WORD = regex.compile(r"[\p{Latin}\p{N}]")
_DOUBLED_WORD = regex.compile(r"(?<![\p{L}\p{N}])([\p{L}\p{N}]+) (?=\1(?![\p{L}\p{N}]))")


def _overlap(upper: str, lower: str, glyph_pairs: bool = False) -> int:
    """Length of the longest end of ``upper`` that ``lower`` opens with (whole words for
    Latin text, unless both lines are ``glyph_pairs``), or of ``lower`` itself when
    ``upper`` ends with all of it."""
    upper, lower = upper.rstrip(), lower.lstrip()
    if not upper or not lower:
        return 0
    first = lower[0]
    longest = min(MAX_OVERLAP, len(upper), len(lower))
    for k in range(longest, 0, -1):
        if upper[-k] != first or not lower.startswith(upper[-k:]):
            continue
        if _LATIN_WORD.match(first) and not _whole_words(upper, lower, k) and not (glyph_pairs and k == 1):
            continue
        return k
    return 0


def _glyph_pairs(strings: list[str], i: int) -> bool:
    """Line ``i`` is a glyph pair of a word redrawn glyph by glyph: short itself, or a few
    pairs packed together (narrow glyphs) that open with the glyph ending the line above
    and end with the glyph opening the line below."""
    def line(j: int) -> str:
        return strings[j].strip() if 0 <= j < len(strings) else ""
    here, above, below = line(i), line(i - 1), line(i + 1)
    if len(here) <= GLYPH_PAIR:
        return True
    return len(here) <= PACKED_PAIRS and bool(above) and bool(below) \
        and len(above) <= PACKED_PAIRS >= len(below) and above[-1] == here[0] and here[-1] == below[0]


def _inside_word(upper: str, lower: str, k: int) -> bool:
    """The overlap of two linked lines cuts a Latin word (glyph pairs), so the pieces join with no space."""
    upper, lower = upper.rstrip(), lower.lstrip()
    return bool(_LATIN_WORD.match(lower[0])) and not _whole_words(upper, lower, k)


def _whole_words(upper: str, lower: str, k: int) -> bool:
    before = upper[-k - 1] if k < len(upper) else " "
    after = lower[k] if k < len(lower) else " "
    return not _LATIN_WORD.match(before) and not _LATIN_WORD.match(after)


def _chains(lines: list[Line]) -> list[tuple[int, list[int]]]:
    """(first line, overlaps of the lines after it) for each chain long enough to act on,
    and each shorter one that follows such a chain within a line."""
    strings = [line.text.string for line in lines]
    links = [0] + [
        _overlap(strings[i - 1], strings[i], _glyph_pairs(strings, i - 1) and _glyph_pairs(strings, i))
        if lines[i].blank_before == 0 else 0 for i in range(1, len(lines))
    ]
    chains: list[tuple[int, list[int]]] = []
    i = 1
    while i < len(lines):
        if not links[i]:
            i += 1
            continue
        start = i - 1
        while i < len(lines) and links[i]:
            i += 1
        overlaps = links[start + 1 : i]
        if len(overlaps) >= MIN_LINKS or _contained_pair(strings, start, overlaps):
            chains.append((start, overlaps))
        elif chains and start - (chains[-1][0] + len(chains[-1][1])) <= 1:
            # A shorter chain right under one: the same display type's next line, redrawn
            # run by run (獨大 / 獨大 under a redrawn first line; 座位 / 座位一位難求 / 位難求).
            chains.append((start, overlaps))
    return chains


def _contained_pair(strings: list[str], start: int, overlaps: list[int]) -> bool:
    """Two links, the first taking a whole line (``高考志`` / ``高考志願填報季`` / ``願填報季``):
    a line printed with its own first and last runs again, as poppler's reading order emits
    a line drawn run by run. The last run may carry on past the line it repeats the end of
    (``溫習`` / ``溫習室延長開`` / ``延長開放``), as a redrawn run overlapping the next does."""
    if len(overlaps) != 2:
        return False
    first, middle, last = (strings[start + m].strip() for m in range(3))
    return overlaps[0] == len(first) >= MIN_CONTAINED and overlaps[1] >= MIN_CONTAINED \
        and len(middle) > max(len(first), len(last))


MIN_CONTAINED = 2


def unshingle_redrawn_runs(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """Shingled lines (each opening with the end of the one above) → the line they were drawn from."""
    if len(lines) <= MIN_LINKS:
        return lines, []
    chains = _chains(lines)
    if not chains:
        return lines, []
    removals: list[Removal] = []
    merged: dict[int, Line] = {}
    absorbed: set[int] = set()
    split_off: dict[int, Line] = {}
    for start, overlaps in chains:
        first = lines[start].text
        cut_at = _text_read_across(first.string, overlaps[0])
        if cut_at is not None:
            # The chain's first run came out on one line with the text level with it.
            split_off[start], run = split_line(lines[start], cut_at)
            first = run.text
        parts = [first]
        for offset, k in enumerate(overlaps, start=1):
            text = lines[start + offset].text
            lead = len(text.string) - len(text.string.lstrip())
            rest, cut = text.cut([(0, lead + k)], REASON)
            removals.extend(cut)
            if rest.string.strip():
                upper = lines[start + offset - 1].text.string
                if not _inside_word(upper, text.string, k) and _needs_space(parts[-1].string, rest.string):
                    parts.append(SourcedText.inserted(" "))
                parts.append(rest)
            absorbed.add(start + offset)
        joined = SourcedText.concat(parts)
        joined, cut = _undouble_words(joined)
        removals.extend(cut)
        merged[start] = replace(lines[start], text=joined, bold=True)
    out = []
    for i, line in enumerate(lines):
        if i in split_off:
            out.append(split_off[i])
        if i not in absorbed:
            out.append(merged.get(i, line))
    return out, removals


# A line of running text (it holds a clause mark or a stop) and, after a plain space, a
# redrawn title's first run: poppler's -raw mode joins glyphs that share a baseline.
_READ_ACROSS = regex.compile(r"[，。、；！？」』）][ \u00a0]+(?=\p{Han})")


def _text_read_across(string: str, overlap: int) -> int | None:
    """Where the run a chain starts with begins, if the line holds other text before it
    (東京及首爾上映。 導演 / 導演余 / 余卓文（…): None when the line is the run alone."""
    match = None
    for match in _READ_ACROSS.finditer(string):
        pass
    if match is None or len(string) - match.end() < overlap:
        return None
    return match.end()


def _needs_space(left: str, right: str) -> bool:
    return bool(left) and not left[-1].isspace() and not right[0].isspace() \
        and bool(_LATIN_WORD.match(left[-1])) and bool(_LATIN_WORD.match(right[0]))


def _undouble_words(text: SourcedText) -> tuple[SourcedText, list[Removal]]:
    """A word drawn twice where two runs met inside one extracted line (``checks a a hive``)."""
    cuts = [(m.start(), m.end()) for m in _DOUBLED_WORD.finditer(text.string)]
    if not cuts:
        return text, []
    return text.cut(cuts, REASON)


__all__ = ["unshingle_redrawn_runs"]
