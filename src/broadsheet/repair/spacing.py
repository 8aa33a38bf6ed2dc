"""Spaces that justification put between CJK characters (``涉 港 、 涉 澳``)."""

from __future__ import annotations

from dataclasses import replace

import regex

from ..charclass import CJK, has_cjk
from ..model import Line, Removal
from .per_line import cut_in_each_line

_CJK_OR_DIGIT = f"[{CJK}0-9]"
_SPACED = regex.compile(f"(?<=[{CJK}])[ \u00a0](?=[{CJK}])")
_SPACED_WITH_DIGITS = regex.compile(f"(?<={_CJK_OR_DIGIT})[ \u00a0](?={_CJK_OR_DIGIT})")
_TIGHT = regex.compile(f"[{CJK}](?=[{CJK}])")
_DIGITS_BOTH_SIDES = regex.compile(r"[0-9] [0-9]")
# Three or more CJK characters each one space apart: a spaced-out stretch even
# inside an otherwise tight line.
_SPACED_STRETCH = regex.compile(f"[{CJK}](?:[ \u00a0][{CJK}]){{3,}}")

# A line is justified-and-spaced when at least this share of its CJK neighbours
# are split by a single space; one space in a tight line is a real one
# (a headline's two parts, 記者 王五).
SPACED_SHARE = 0.5
MIN_SPACED = 2


# The spaces either side of a reporter's or photographer's name (記者 王五 攝, 记者 陈晨
# 报道) are set on purpose, however few characters the line holds.
_AROUND_A_NAME = regex.compile(r"(?:記者|记者|通訊員|通讯员|攝影|摄影)[ \u00a0]\p{Han}{2,4}(?:[ \u00a0](?=\p{Han}))?")


def _spaced_counts(string: str) -> tuple[int, int]:
    if " " not in string and "\u00a0" not in string:
        return 0, 1
    if "者" in string or "員" in string or "员" in string or "影" in string:
        string = _AROUND_A_NAME.sub(lambda m: m.group().replace(" ", "").replace("\u00a0", ""), string)
    return len(_SPACED.findall(string)), len(_TIGHT.findall(string))


def _is_spaced(string: str) -> bool:
    spaced, tight = _spaced_counts(string)
    return spaced >= MIN_SPACED and spaced >= SPACED_SHARE * (spaced + tight)


# A figure run into CJK text on its left (以2, 約3,500) and spaced from it on its right
# (2 小時, 3,500 名): MuPDF reads a justified line's letter gap after a narrow glyph as a
# space, never the gap after a CJK one, so the space stands on one side only. A paper that
# spaces its figures (以 2 小時) spaces both sides. An opening quote is as narrow (“ 以前),
# and no text sets a space inside one. Text input only: a PDF line's geometry tells its
# letter gaps apart from its spaces (layout/letter_gaps.py). Dropped once the lines are
# grouped into blocks: a line's length is evidence of where it wraps, and the gap was part
# of that length.
_SPACE_AFTER_NARROW = regex.compile(r"(?<=\p{Han}[0-9]+(?:[.,:][0-9]+)*|[“‘])[ \u00a0](?=\p{Han})")


def drop_justify_spaces(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """Remove single spaces between CJK characters in lines that justification spaced out."""
    spaced = [_is_spaced(line.text.string) for line in lines]
    out: list[Line] = []
    removals: list[Removal] = []
    for i, line in enumerate(lines):
        string = line.text.string
        if " " not in string and "\u00a0" not in string:
            out.append(line)
            continue
        if spaced[i] or _tail_of_spaced_line(lines, spaced, i):
            cuts = [(m.start(), m.end()) for m in _SPACED_WITH_DIGITS.finditer(string)
                    if not _DIGITS_BOTH_SIDES.fullmatch(string[max(0, m.start() - 1) : m.end() + 1])]
        else:
            cuts = [(m.start(), m.end()) for stretch in _SPACED_STRETCH.finditer(string)
                    for m in _SPACED.finditer(string, stretch.start(), stretch.end())]
        if not cuts:
            out.append(line)
            continue
        text, cut = line.text.cut(cuts, "drop_justify_spaces")
        removals.extend(cut)
        out.append(replace(line, text=text))
    return out, removals


def _tail_of_spaced_line(lines: list[Line], spaced: list[bool], i: int) -> bool:
    """A short last line ("台 灣") is judged by the spaced line it wraps from."""
    s, t = _spaced_counts(lines[i].text.string)
    return bool(s) and t == 0 and i > 0 and spaced[i - 1] and lines[i].blank_before == 0


def drop_letter_gap_spaces(lines: list[Line]) -> tuple[list[Line], list[Removal]]:
    """Lines without the letter gaps read as spaces after figures (or an opening quote)
    run into CJK text: ``以2 小時41 分`` → ``以2小時41分``."""
    def cuts(string: str) -> list[tuple[int, int]]:
        # The standard library's search for a CJK character first: an English line (with
        # spaces throughout) is passed over without the lookbehind's scan.
        if " " not in string and "\u00a0" not in string or not has_cjk(string):
            return []
        return [(m.start(), m.end()) for m in _SPACE_AFTER_NARROW.finditer(string)]
    return cut_in_each_line(lines, cuts, "drop_letter_gap_spaces")
