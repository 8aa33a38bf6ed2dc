"""The first character of a vertical headline read onto the horizontal line beside it.

A headline set in vertical type comes out a character a line. poppler's ``pdftotext
-raw`` builds lines from glyphs that share a baseline, so the column's first character,
level with a line of horizontal text next to it, ends that line after a space
(``溫習室延長開放 圖`` / ``書`` / ``館`` / ``延`` …). The character is set back at the head of
its column: the line is cut at the space. Nothing is removed (spaces are not text); the
cut line may then match its own shadow copy, which the doubling repairs after this see.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from ..model import Line, Removal
from .per_line import split_line

# A column of vertical type this long follows (single characters a line).
MIN_COLUMN = 3
# The horizontal line holds no other space: one that does may be a credit or byline whose
# last character is its own (記者 張詠琪 攝).
_LEAD = regex.compile(r"^\s*\S+[ \u00a0]+(\p{Han})\s*$")
_ONE_HAN = regex.compile(r"^\p{Han}$")


def _column_follows(lines: list[Line], i: int) -> bool:
    after = lines[i + 1 : i + 1 + MIN_COLUMN]
    return len(after) == MIN_COLUMN and all(_ONE_HAN.match(line.string.strip()) for line in after)


def split_vertical_lead_character(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """Cut a vertical column's first character off the horizontal line it was read onto."""
    out: list[Line] = []
    for i, line in enumerate(lines):
        match = _LEAD.match(line.string)
        if match is None or not _column_follows(lines, i):
            out.append(line)
            continue
        head, lead = split_line(line, match.start(1))
        out.extend((head, replace(lead, display_unit=None)))
    return out, []
