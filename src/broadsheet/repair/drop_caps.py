"""A story's first letter set as a drop capital, read as a line of its own.

A drop capital is a glyph several lines tall at the start of a story's first paragraph.
An extractor that builds lines from baselines (PyMuPDF's ``get_text``) gives it a line
of its own, and the word it begins is cut in two::

    di Stefano Cappellini                 di Stefano Cappellini
    M                             →       Matteo Salvini ha oltrepassato
    atteo Salvini ha oltrepassato

Joined as any two lines are, it reads ``M atteo``. A line holding one capital letter,
followed by a line that opens in lower case, is such a capital where the two make a word
(wordfreq's lists, in the languages they hold) commoner than the rest alone: ``Matteo``
against ``atteo``, ``In`` against ``n``; a letter left as the rest is weighed as a word
(``La`` against ``a``). A capital over a word of its own (``A`` / ``new approach``) stays,
``Anew`` being rarer than ``new``. The letter's line is set before the next line, with no
space. Nothing is removed.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from ..model import Line, Removal, SourcedText
from .lines import word_zipf

# Languages whose word lists may confirm a drop capital's word.
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl")
# The word the capital begins is a word people write (a Zipf frequency of 3 is about one
# in a million words), and commoner than its rest alone by this much.
MIN_WORD_ZIPF = 3.0
MIN_GAIN = 0.3
_CAPITAL = regex.compile(r"\p{Lu}")
_REST = regex.compile(r"(\p{Ll}+)(?=[\s,.;:!?’'\"»”]|$)")


def _best_zipf(word: str) -> float:
    return max(word_zipf(word.lower(), language) for language in LANGUAGES)


def _drop_capital(capital: Line, following: Line) -> bool:
    letter = capital.string.strip()
    if len(letter) != 1 or not _CAPITAL.fullmatch(letter) or following.blank_before:
        return False
    rest = _REST.match(following.string)
    if rest is None:
        return False
    word, tail = letter + rest.group(1), rest.group(1)
    gain = _best_zipf(word) - _best_zipf(tail)
    return _best_zipf(word) >= MIN_WORD_ZIPF and (gain >= MIN_GAIN or (len(tail) == 1 and gain >= 0))


def join_drop_capitals(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """Set a drop capital read as a line of its own back before the rest of its word."""
    if not any(len(line.string) == 1 and _CAPITAL.fullmatch(line.string) for line in lines):
        return lines, []  # most pages have no line of one capital letter
    out: list[Line] = []
    skip = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        if i + 1 < len(lines) and len(line.string) <= 2 and _drop_capital(line, lines[i + 1]):
            following = lines[i + 1]
            # A drop capital opens a story's first paragraph: the line starts a block.
            out.append(replace(following, text=SourcedText.concat((line.text, following.text)),
                               blank_before=max(1, line.blank_before), indent=line.indent))
            skip = True
            continue
        out.append(line)
    return out, []
