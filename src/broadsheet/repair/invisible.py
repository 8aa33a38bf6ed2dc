"""Characters that print nothing: zero-width spaces and joiners, soft hyphens, a byte-order
mark inside the text.

Extractors pass them through from the PDF's text layer (a soft hyphen where the
typesetter allowed a break, a zero-width space between CJK characters so a browser may
wrap there); they split words and CJK runs for search and for every cue, while a reader
never sees them. Each is removed and recorded. Zero-width joiners inside emoji
sequences are left alone. A soft hyphen that ends a line is the one trace of a word the
typesetter broke across the lines: the line is marked ``broken_word``, and the join
(:func:`broadsheet.repair.lines.join_wrapped_lines`) puts no space after it.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from ..model import Line, Removal
from .per_line import cut_in_each_line

REASON = "drop_invisible_marks"
# ZWSP, word joiner, BOM / ZWNBSP, soft hyphen, and ZWNJ / ZWJ outside emoji sequences.
_INVISIBLE = regex.compile(r"[\u200b\u2060\ufeff\u00ad]|(?<!\p{Emoji})[\u200c\u200d](?!\p{Emoji})")
# Any of those marks at all, wherever it stands.
_ANY_MARK = regex.compile(r"[\u200b\u2060\ufeff\u00ad\u200c\u200d]")


def drop_invisible_marks(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """``新\\u200b聞`` → ``新聞``, ``eco\\u00adnomy`` → ``economy``: marks no reader sees."""
    # Most pages hold none: one search over all their lines, not one per line.
    if not _ANY_MARK.search("".join(line.text.string for line in lines)):
        return list(lines), []
    out, removals = cut_in_each_line(lines, _invisible_marks, REASON)
    return [replace(cut, broken_word=True) if line.string.rstrip().endswith("\u00ad") else cut
            for line, cut in zip(lines, out)], removals


def _invisible_marks(string: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _INVISIBLE.finditer(string)]


__all__ = ["drop_invisible_marks"]
