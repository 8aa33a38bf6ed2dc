"""A list's bullets read as a letter: a symbol glyph whose font tells no character for it.

A bullet drawn from a symbol font, or from a subset font with no character map for the
glyph, reaches the text as the code the PDF used for it, most often a plain letter::

    G 新建乡村充电桩：约10万个            • 新建乡村充电桩：约10万个
    G 覆盖范围：中西部重点县       →      • 覆盖范围：中西部重点县
    I Cheung Chau ordinary: HK$15.90      • Cheung Chau ordinary: HK$15.90
    I Cheung Chau fast: HK$28.40          • Cheung Chau fast: HK$28.40

Left so, the items read as a paragraph with stray letters in it. The PDF reader maps the
symbol fonts it sees (layout/dingbats.py); extracted text shows no font, so the mark is
known by what a list does: the same lone letter opens several lines close together, each
followed by an item, not by the words a sentence would go on with. Each such letter becomes
``•``, recorded as a replacement.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

import regex

from ..model import Line, Removal

REASON = "map_bullets_read_as_letters"
BULLET = "•"
# A lone letter, a space, then what follows it.
_LETTER_MARK = regex.compile(r"([A-Za-z]) (\S)")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# An item after a Latin mark opens as an item does: a capital, a figure, a bracket.
_ITEM_OPENING = regex.compile(r"[\p{Lu}\p{N}(\"“'‘$£€¥]")
# Letters that are words of their own (English ``A``, ``I``; ``a`` and ``o`` elsewhere):
# two lines opening on them is common enough in prose that they need a third.
_WORD_LETTERS = frozenset("AaIiOo")
# Lines between one mark and the next in a list: an item may run on a few lines.
MAX_GAP = 6
MIN_MARKS = 2
MIN_WORD_LETTER_MARKS = 3


def _opening_mark(line: Line) -> str | None:
    match = _LETTER_MARK.match(line.string)
    if match is None:
        return None
    follower = match.group(2)
    return match.group(1) if _CJK.match(follower) or _ITEM_OPENING.match(follower) else None


def _lists(positions: list[int], letter: str) -> list[list[int]]:
    """Runs of lines opening on the same letter close enough together to be one list."""
    groups: list[list[int]] = []
    for index in positions:
        if groups and index - groups[-1][-1] <= MAX_GAP:
            groups[-1].append(index)
        else:
            groups.append([index])
    least = MIN_WORD_LETTER_MARKS if letter in _WORD_LETTERS else MIN_MARKS
    return [group for group in groups if len(group) >= least]


def map_bullets_read_as_letters(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """``G 新建乡村充电桩`` → ``• 新建乡村充电桩`` where the same letter opens a list's lines."""
    by_letter: dict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        letter = _opening_mark(line)
        if letter is not None:
            by_letter[letter].append(index)
    if "Q" in by_letter and "A" in by_letter:
        del by_letter["Q"], by_letter["A"]  # an interview's questions and answers
    marked = [index for letter, positions in by_letter.items() for group in _lists(positions, letter) for index in group]
    # A bullet printed twice (fake bold) leaves its first copy on a line of its own.
    marked += [index - 1 for index in marked if index > 0 and lines[index - 1].string == lines[index].string[0]]
    if not marked:
        return lines, []
    out = list(lines)
    removals: list[Removal] = []
    for index in sorted(marked):
        text, found = out[index].text.replace_chars({0: BULLET}, REASON, source)
        removals.extend(found)
        out[index] = replace(out[index], text=text)
    return out, removals
