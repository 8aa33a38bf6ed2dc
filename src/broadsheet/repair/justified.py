"""A justified English line that an extractor broke at its word gaps, one word a line.

Justification widens the gaps between a line's words; an extractor that starts a new line
wherever the gap between two glyphs is wide (PyMuPDF's ``get_text`` on producers that
place each word on its own) emits such a line a word at a time::

    in the financial district          in the financial district
    now                                now keep beehives on
    keep                        →      their roofs, up from just
    beehives
    on
    their roofs, up from just

Left so, the lone words read as furniture (``City``), section names or short last lines
that end paragraphs. A run of two or more lone words inside running text is set back on
lines no wider than the column its neighbours show. Nothing is removed: each line break
becomes a space the pipeline inserts, as between any two joined English lines.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .. import cues
from ..charclass import CJK_CHAR, ends_sentence
from ..cues import BULLET_MARKS
from ..model import Line, Removal, SourcedText

# Lines of running text near a run that show its column's measure.
NEIGHBOURHOOD = 20
MIN_MEASURE_LINES = 3
# A justified line's words fill at least this share of the measure.
FILLED_SHARE = 0.6
# A list item's first words, on a line of their own, fill less than this share of the measure.
OPENING_SHARE = 0.5
# A word of running text: letters, figures and the marks words carry, no space.
_LONE_WORD = regex.compile(r"[\p{Latin}\p{N}'’\"“”(),.;:!?%$&/-]+")
_LOWER_WORD = regex.compile(r"^[\"“(']?\p{Ll}")
_SPACE = SourcedText.inserted(" ")


def _lone_word(line: Line) -> bool:
    string = line.string.strip()
    return bool(string) and " " not in string and not CJK_CHAR.search(string) \
        and _LONE_WORD.fullmatch(string) is not None


def _measure(lines: list[Line], start: int, end: int) -> int | None:
    """The column's measure: the longest common length of the running text near the run."""
    near = sorted(len(line.string) for line in lines[max(0, start - NEIGHBOURHOOD): end + NEIGHBOURHOOD]
                  if line.string.count(" ") >= 2 and not CJK_CHAR.search(line.string))
    if len(near) < MIN_MEASURE_LINES:
        return None
    return near[(4 * len(near)) // 5]


def _stands_alone(word: str) -> bool:
    """A credit (Reuters, AFP) under the caption it closes is a line of its own."""
    return cues.may_be_credit(word) and cues.CREDIT.match(word) is not None


def _joined_lines(run: list[Line], measure: int) -> list[Line]:
    """The run's words set back on lines of at most ``measure`` characters. A word that ends
    a sentence and opens the run may be a paragraph's short last line: it stays alone; so
    does a credit. A word broken at a hyphen ends its line, where the hyphen is judged."""
    out: list[list[Line]] = []
    for k, line in enumerate(run):
        current = out[-1] if out else None
        fits = current is not None and sum(len(w.string) + 1 for w in current) + len(line.string) <= measure
        after_lone_stop = current is not None and len(current) == 1 and k == 1 and ends_sentence(current[0].string) \
            and not _LOWER_WORD.match(line.string)
        closed = current is not None and (current[-1].string.endswith(("-", "\u00ad")) or _stands_alone(current[-1].string))
        if fits and not after_lone_stop and not closed and not _stands_alone(line.string):
            current.append(line)
        else:
            out.append([line])
    joined = []
    for words in out:
        if len(words) == 1:
            joined.extend(words)
            continue
        parts: list[SourcedText] = []
        for word in words:
            if parts:
                parts.append(_SPACE)
            parts.append(word.text)
        joined.append(replace(words[0], text=SourcedText.concat(parts), word_spaced=True))
    return joined


def _broken_justified_line(run: list[Line], opening: Line | None, measure: int) -> bool:
    """Running text has words in lower case (a stack of capitalised words is a folio, a
    section name or a list), unless the words were broken from a list item's line. A
    justified line fills its column; a few words far short of it (a narrow headline set a
    word a line) or words each beside its copy are something else."""
    running = opening is not None or any(_LOWER_WORD.match(line.string) for line in run)
    return running and sum(len(line.string) + 1 for line in run) > FILLED_SHARE * measure \
        and not any(a.string == b.string for a, b in zip(run, run[1:]))


def _opens_the_item(before: Line, first: Line, measure: int) -> bool:
    """A list item's line well short of the measure, running on into lone words, is the
    broken line's first words (``• Lamma`` / ``(Yung`` / ``Shue`` / ``Wan):``)."""
    string = before.string.strip()
    return not first.blank_before and not before.bold and not before.word_spaced \
        and string[:1] in BULLET_MARKS and not CJK_CHAR.search(string) and not ends_sentence(string) \
        and len(string) < OPENING_SHARE * measure


def join_justified_word_lines(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """Set runs of lone words that a justified line was broken into back on their lines."""
    if any(line.bbox is not None for line in lines):
        return lines, []
    out: list[Line] = []
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j < n and _lone_word(lines[j]) and not lines[j].bold and (j == i or lines[j].blank_before == 0):
            j += 1
        run = lines[i:j]
        measure = _measure(lines, i, j) if j - i >= 2 else None
        opening = out[-1] if measure is not None and out and _opens_the_item(out[-1], lines[i], measure) else None
        if measure is not None and _broken_justified_line(run, opening, measure):
            if opening is not None:
                run = [out.pop(), *run]
            out.extend(_joined_lines(run, measure))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out, []
