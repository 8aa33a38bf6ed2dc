"""Hard-wrapped lines: join them back into one paragraph string."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..charclass import CJK_CHAR, is_cjk
from ..model import Line, Removal, SourcedText
from ..wordlists import release_word_lists

# A hyphen: ASCII's, or U+2010 (HYPHEN), which some producers set where they hyphenate.
HYPHENS = "-\u2010"
_WORD_BEFORE_HYPHEN = regex.compile(rf"(\p{{L}}+)[{HYPHENS}]$")
_WORD_AFTER = regex.compile(r"^(\p{Ll}+)")
_NO_SPACE_AFTER = "—–/([{（「『“‘"
_NO_SPACE_BEFORE = "—–/)]}）」』”’，。、；：！？"

# wordfreq's Zipf scale: 3 is about once per million words.
KNOWN_WORD_ZIPF = 2.5


# Languages whose word frequencies settle a line-end hyphen; any other reads as English.
HYPHEN_LANGUAGES = frozenset({"en", "fr", "de", "es", "it", "pt", "nl"})


@lru_cache(maxsize=4096)
def word_zipf(word: str, language: str = "en") -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a core dependency
        return 0.0
    zipf = zipf_frequency(word, language)
    release_word_lists()
    return zipf


def hyphen_splits_word(head: str, tail: str, known: frozenset[str] = frozenset(), language: str = "en") -> bool:
    """``eco-`` + ``nomy`` split one word; ``well-`` + ``known`` is a compound that keeps its hyphen.

    The page's own usage decides first (the word elsewhere, whole or hyphenated),
    then the word frequencies of the page's language (``poliziot-`` + ``ti`` on an
    Italian page), English where wordfreq's lists hold no such language: the halves
    written as one word people use is that word. Halves that are common words on their
    own say nothing: hyphenation patterns break a closed compound at its seam
    (``school-`` + ``girl``), so a word written both ways (``well-being``) loses its
    hyphen unless the page spells it out elsewhere.
    """
    joined = (head + tail).lower()
    if joined in known:
        return True
    if f"{head}-{tail}".lower() in known:
        return False
    if language not in HYPHEN_LANGUAGES:
        language = "en"
    return word_zipf(joined, language) >= KNOWN_WORD_ZIPF


def _number_split_in_cjk(left: str, right: str) -> bool:
    """``202`` / ``0年``: a number a CJK column wrapped by the character."""
    return (left[-1:].isdigit() or left[-1:] in ".,") and right[:1].isdigit() and bool(
        CJK_CHAR.search(left) or CJK_CHAR.search(right))


def _opening_quote_alone(string: str, quotes_before: int) -> bool:
    """A straight quote set apart at a line end opens the next word (``"`` + ``We``)
    when the quotes before it are balanced."""
    return string[-1:] == '"' and (len(string) == 1 or string[-2] == " ") and quotes_before % 2 == 0


def _closing_quote_alone(string: str, quotes_before: int) -> bool:
    """``money,`` + ``"`` + ``said``: a lone straight quote that closes an open one."""
    return string[:1] == '"' and (len(string) == 1 or string[1] == " ") and quotes_before % 2 == 1


def _spaced_dash(before: str, after: str) -> bool:
    """A dash set with spaces round it (``loaf — "thank``) broken at one of them, between
    Latin words: the space the break took goes back. A closed dash (``loaf—thank``) and a
    CJK dash (``——``) join tight."""
    if after[:1] in "—–" and after[1:2] == " ":
        return bool(before) and not CJK_CHAR.match(before[-1])
    if before[-1:] in "—–" and before[-2:-1] == " ":
        return bool(after) and not CJK_CHAR.match(after[0])
    return False


def _word_before_hyphen(string: str) -> "regex.Match | None":
    """The word a line-end hyphen follows, if the line ends in one."""
    # The hyphen is last, or before a final newline ($): most lines need no search at all.
    if "-" not in string[-2:] and "\u2010" not in string[-2:]:
        return None
    return _WORD_BEFORE_HYPHEN.search(string[-40:])


def join_wrapped_lines(lines: list[Line], known_words: frozenset[str] = frozenset(),
                       language: str = "en", hyphenation: str | None = None) -> tuple[SourcedText, list[Removal]]:
    """One paragraph from its layout lines: CJK joins tight, Latin script with a space,
    and a line-end hyphen goes only where it split a word of the page's ``language``;
    on a page whose breaks are marked by a ``hyphenation`` character its text never
    prints (see :func:`hyphenation_mark`), that mark always goes and the text's own
    hyphen always stays."""
    parts: list[SourcedText] = []
    removals: list[Removal] = []
    previous: SourcedText | None = None
    broken = False  # the previous line ended on a word broken at a soft hyphen
    quotes = 0  # straight double quotes so far: odd means one is open
    for line in lines:
        text = line.text
        if previous is not None and previous.string and text.string:
            left, right = previous.string[-1], text.string[0]
            if broken:
                # The line ended on a soft hyphen (dropped as an invisible mark): a word the
                # typesetter broke (Typst's text layer, among others, reads its hyphens so).
                parts.append(text)
                previous, broken = text, line.broken_word
                quotes += text.string.count('"')
                continue
            hyphen = _word_before_hyphen(previous.string)
            after = _WORD_AFTER.match(text.string) if hyphen else None
            if hyphen and after and not is_cjk(right):
                mark = previous.string[-1]
                if mark == hyphenation if hyphenation is not None else \
                        hyphen_splits_word(hyphen.group(1), after.group(1), known_words, language):
                    kept, cut = previous.cut([(len(previous) - 1, len(previous))], "join_wrapped_lines")
                    parts[-1] = kept
                    removals.extend(cut)
            elif hyphen and (right.isupper() or right.isdigit()) \
                    or previous.string[-1] in HYPHENS and previous.string[-2:-1].isdigit() and right.isalnum():
                # ``mid-`` / ``December``, ``pre-`` / ``2020``, ``12-`` / ``metre``: a compound's
                # own hyphen, kept tight.
                pass
            elif _spaced_dash(previous.string, text.string) or not (
                    is_cjk(left) or is_cjk(right) or left in _NO_SPACE_AFTER or right in _NO_SPACE_BEFORE
                    or _number_split_in_cjk(previous.string, text.string)
                    or _opening_quote_alone(previous.string, quotes - 1)
                    or _closing_quote_alone(text.string, quotes)):
                parts.append(SourcedText.inserted(" "))
        parts.append(text)
        previous, broken = text, line.broken_word
        quotes += text.string.count('"')
    return SourcedText.concat(parts), removals


_PAGE_WORD = regex.compile(r"\p{L}+(?:-\p{L}+)*")


def ends_in_hyphen(string: str) -> bool:
    return bool(string) and string[-1] in HYPHENS


def vocabulary_if_hyphenated(lines: list[Line]) -> frozenset[str]:
    """The page's own words decide line-end hyphens; without a line-end hyphen none are needed."""
    if not any(ends_in_hyphen(line.string) for line in lines):
        return frozenset()
    return page_vocabulary([line.string for line in lines])


def hyphenation_mark(lines: list[Line]) -> str | None:
    """The character the page's typesetter hyphenates with, when it is not the text's own
    hyphen: WeasyPrint, like other engines, marks its breaks with U+2010 (HYPHEN) while
    the copy's compounds (``six-month``) carry ASCII's. Only line ends hold a U+2010 and
    only line insides an ASCII hyphen between letters: then a line-end U+2010 split a
    word (``water‐`` / ``front``, though ``water-front`` reads as a compound) and a
    line-end ASCII hyphen is a compound's own. None where nothing tells them apart."""
    ends = inside = False
    for line in lines:
        string = line.string.rstrip()
        if "\u2010" in string[:-1]:
            return None  # the text prints U+2010 itself
        ends = ends or string[-1:] == "\u2010"
        inside = inside or _HYPHEN_INSIDE.search(string[:-1]) is not None
    return "\u2010" if ends and inside else None


# An ASCII hyphen between two letters, inside a line.
_HYPHEN_INSIDE = regex.compile(r"\p{L}-\p{L}")


def page_vocabulary(strings: list[str]) -> frozenset[str]:
    """Lower-case words and hyphenated compounds the page prints inside its lines."""
    words: set[str] = set()
    for string in strings:
        words.update(w.lower() for w in _PAGE_WORD.findall(string) if len(w) > 3)
    return frozenset(words)
