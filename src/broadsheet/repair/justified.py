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

Some producers draw each word with the space after it (ReportLab's justified text), and
PyMuPDF keeps that space where it breaks the line: ``said. `` / ``"But `` / ``when``. A word
so ended goes on on the printed line; a word without it ends the printed line. Where a run
shows both, its printed lines are known, and they are set back as printed: a full stop ends
no paragraph when its line goes on, and capitalised words inside a sentence
(``Property `` / ``Owners``) are set back on their line too. Where every line keeps its last
space (Typst), the space tells nothing, and the run is judged by its measure alone.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .. import cues
from ..charclass import CJK_CHAR, ends_sentence
from ..model import Line, Removal, SourcedText
from .per_line import measure_near

# Lines of running text near a run that show its column's measure.
NEIGHBOURHOOD = 20
MIN_MEASURE_LINES = 3
MEASURE_SHARE = (4, 5)
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
    """The column's measure: the longest common length of the running text near the run
    ``start``..``end`` (lone words themselves, holding no space, never count)."""
    lo = max(0, start - NEIGHBOURHOOD)
    window = lines[lo : end + NEIGHBOURHOOD]
    lengths = [len(line.string) for line in window]
    running = [line.string.count(" ") >= 2 and not CJK_CHAR.search(line.string) for line in window]
    return measure_near(lengths, running, start - lo, end - lo, NEIGHBOURHOOD, MEASURE_SHARE, MIN_MEASURE_LINES)


def _stands_alone(word: str) -> bool:
    """A credit (Reuters, AFP) under the caption it closes is a line of its own."""
    return cues.may_be_credit(word) and cues.CREDIT.match(word) is not None


def _goes_on(line: Line, source: str) -> bool:
    """The extractor kept the space after the line's last word: the printed line goes on."""
    end = line.text.end
    return 0 <= end < len(source) and source[end] == " "


def _printed_line_ends(run: list[Line], source: str) -> list[bool] | None:
    """Which of the run's words end their printed line, where the run shows it: some of its
    words keep the space after them and some do not."""
    going_on = [_goes_on(line, source) for line in run]
    if any(going_on[:-1]) and not all(going_on):
        return [not on for on in going_on]
    return None


def _joined_lines(run: list[Line], measure: int, line_ends: list[bool] | None = None) -> list[Line]:
    """The run's words set back on lines of at most ``measure`` characters, or on the lines
    they were printed on where ``line_ends`` says which words end them. A word that ends
    a sentence and opens the run may be a paragraph's short last line: it stays alone; so
    does a credit. A word broken at a hyphen ends its line, where the hyphen is judged."""
    out: list[list[Line]] = []
    for k, line in enumerate(run):
        current = out[-1] if out else None
        if line_ends is not None:
            if current is not None and not line_ends[k - 1]:
                current.append(line)
            else:
                out.append([line])
            continue
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


def _opens_the_item(before: Line, first: Line, measure: int) -> bool:
    """A list item's line well short of the measure, running on into lone words, is the
    broken line's first words (``• Lamma`` / ``(Yung`` / ``Shue`` / ``Wan):``)."""
    string = before.string.strip()
    return not first.blank_before and not before.bold and not before.word_spaced \
        and string[:1] in cues.BULLET_MARKS and not CJK_CHAR.search(string) and not ends_sentence(string) \
        and len(string) < OPENING_SHARE * measure


def join_justified_word_lines(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """Set runs of lone words that a justified line was broken into back on their lines."""
    if any(line.bbox is not None for line in lines):
        return lines, []
    out: list[Line] = []
    i, n = 0, len(lines)
    while i < n:
        end = i
        while end < n and _lone_word(lines[end]) and not lines[end].bold and (end == i or lines[end].blank_before == 0):
            end += 1
        if end - i < 2 or _ends_a_byline(out, lines[i], lines):
            out.append(lines[i])
            i += 1
        else:
            _join_run(lines, i, end, out, source)
            i = end
    return out, []


def _ends_a_byline(out: list[Line], line: Line, lines: list[Line]) -> bool:
    """The lone word ends the byline above it (cues.name_carried_below): no justified line's
    first word, though the story's words follow it."""
    word = line.string.strip()
    if not out or not word[:1].isupper() or not cues.byline_may_match(out[-1].string):
        return False
    above = out[-1].string.strip()
    if cues.BYLINE.match(above) is None or cues.BYLINE.match(f"{above} {word}") is None:
        return False
    return cues.name_carried_below(above, word, (other.string for other in lines if other is not line and other is not out[-1]))


def _join_run(lines: list[Line], start: int, end: int, out: list[Line], source: str) -> None:
    """Append the run of lone words ``start``..``end`` to ``out``: its words from the first
    that opens a broken justified line on are set back on lines, those before stay alone.
    Running text has words in lower case (a stack of capitalised words is a folio, a
    section name or a list), unless the words were broken from a list item's line. A
    justified line fills its column; a few words far short of it (a narrow headline set a
    word a line) or words each beside its copy are something else. What each start would
    see to its run's end is summed once, from the end: a long stack stays linear. Where
    the words show which of them end their printed lines, capitalised words inside a
    sentence are a broken line too."""
    strings = [line.string for line in lines[start:end]]
    line_ends = _printed_line_ends(lines[start:end], source)
    in_sentence = bool(out) and out[-1].string.count(" ") >= 2 and not ends_sentence(out[-1].string) \
        and not CJK_CHAR.search(out[-1].string)
    size = len(strings)
    lower_from = [False] * (size + 1)
    width_from = [0] * (size + 1)
    repeat_from = [False] * (size + 1)
    for k in range(size - 1, -1, -1):
        lower_from[k] = lower_from[k + 1] or _LOWER_WORD.match(strings[k]) is not None
        width_from[k] = width_from[k + 1] + len(strings[k]) + 1
        repeat_from[k] = repeat_from[k + 1] or (k + 1 < size and strings[k] == strings[k + 1])
    for k in range(size):
        i = start + k
        measure = _measure(lines, i, end) if size - k >= 2 else None
        if measure is not None:
            opening = out[-1] if out and _opens_the_item(out[-1], lines[i], measure) else None
            if (opening is not None or lower_from[k] or (line_ends is not None and k == 0 and in_sentence)) \
                    and width_from[k] > FILLED_SHARE * measure and not repeat_from[k]:
                run = lines[i:end] if opening is None else [out.pop(), *lines[i:end]]
                ends = line_ends[k:] if line_ends is not None and opening is None else None
                out.extend(_joined_lines(run, measure, ends))
                return
        out.append(lines[i])
