"""Fonts and line breaking: turn a string into lines that fit a measure.

Only whole tokens move between lines (a CJK character, a Latin word, a number),
so the lines of a paragraph joined without whitespace give back the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pymupdf

CJK_FONT_PATH = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
CJK_FONT_PACKAGE = "fonts-arphic-uming"

# Characters a CJK line may not start with (kinsoku): they are pulled back onto the previous line.
NO_LINE_START = set("，。、；：？！）」』】》〉”’…—％,.;:!?)%")
# Characters a CJK line may not end with: the line breaks before them instead.
NO_LINE_END = set("（「『【《〈“‘(")

_TOKEN = re.compile(r"\s+|[A-Za-z0-9$%&@'.,:/+\-]+|.", re.S)


class MissingFontError(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class FontFace:
    """A font the page draws with: ``key`` names it in the PDF, ``font`` measures it."""

    key: str
    font: pymupdf.Font

    def width(self, text: str, size: float) -> float:
        return self.font.text_length(text, fontsize=size)


@lru_cache(maxsize=None)
def face(key: str) -> FontFace:
    """``cjk`` is the embedded Ming font; the others are PyMuPDF's built-in Latin faces."""
    if key == "cjk":
        if not CJK_FONT_PATH.exists():
            raise MissingFontError(f"{CJK_FONT_PATH} not found: apt-get install {CJK_FONT_PACKAGE}")
        return FontFace(key, pymupdf.Font(fontfile=str(CJK_FONT_PATH)))
    return FontFace(key, pymupdf.Font(key))


@lru_cache(maxsize=None)
def _has_glyph(key: str, ch: str) -> bool:
    return bool(face(key).font.has_glyph(ord(ch)))


def missing_glyphs(text: str, key: str) -> set[str]:
    """Characters of ``text`` the font cannot draw (PyMuPDF would silently use a fallback font)."""
    return {ch for ch in set(text) if not ch.isspace() and not _has_glyph(key, ch)}


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def break_lines(text: str, measure: float, size: float, fontface: FontFace, first_indent: float = 0.0,
                cjk: bool = True) -> list[str]:
    """Greedy line breaking; whitespace at a break is dropped, nothing else is.

    CJK rules: a line never starts with closing punctuation (the character before it moves
    down with it) and never ends with opening punctuation. No line is wider than the
    measure unless a single token is, and then that token is split by characters.
    """
    lines: list[str] = []
    current: list[str] = []
    limit = measure - first_indent

    def width_of(parts: list[str]) -> float:
        return sum(fontface.width(t, size) for t in parts)

    def flush(carry: list[str]) -> None:
        nonlocal current, limit
        text_line = "".join(current).strip()
        if text_line:
            lines.append(text_line)
            limit = measure
        current = carry

    for token in tokens(text):
        if token.isspace():
            if current:
                current.append(token)
            continue
        w = fontface.width(token, size)
        if current and width_of(current) + w > limit + 0.01:
            carried: list[str] = []
            if cjk and token[0] in NO_LINE_START:
                # take characters back until the one before the punctuation can lead the next line
                while current and (current[-1].isspace() or current[-1][0] in NO_LINE_START):
                    carried.insert(0, current.pop())
                if len(current) > 1:
                    carried.insert(0, current.pop())
            while cjk and len(current) > 1 and current[-1] and current[-1][-1] in NO_LINE_END:
                carried.insert(0, current.pop())
            if not "".join(current).strip():  # nothing left to end the line with: keep it whole
                current, carried = current + carried, []
            while carried and carried[0].isspace():
                carried.pop(0)
            flush(carried)
        if w > limit:
            # a token wider than the measure (a long number or word): split it by characters
            if current and "".join(current).strip():
                flush([])
            piece = ""
            for ch in token:
                if piece and fontface.width(piece + ch, size) > limit:
                    lines.append(piece)
                    limit = measure
                    piece = ""
                piece += ch
            current = [piece]
            continue
        current.append(token)
    if current and "".join(current).strip():
        lines.append("".join(current).strip())
    return lines
