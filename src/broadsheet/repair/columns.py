"""Columns read across: an extractor that emits one line of each column in turn.

pdfminer and poppler's default mode, facing narrow columns whose lines sit at
the same heights, often emit every line as its own box: column 1 line 1,
column 2 line 1, …, column 1 line 2. The text then arrives as single lines
between blank lines, cycling through the columns. The cycle length is found
from the page's own words: joins that put a line after its true successor
make character pairs (or word pairs) the page uses elsewhere; wrong joins
rarely do. No dictionary is needed, so it works for any script.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

import regex

from ..charclass import CJK_CHAR, display_width, ends_sentence
from ..model import Line, Removal
from .lines import ends_in_hyphen
from ..wordlists import release_word_lists

MIN_RUN = 6
MAX_COLUMNS = 6
# The winning cycle must beat reading straight down by this much (share of joins).
MIN_GAIN = 0.15

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_NEVER_STARTS_A_LINE = "，。、；：？！」』）》〉,.;:?!)"


def _vocabulary(lines: list[Line]) -> tuple[Counter, Counter]:
    char_pairs: Counter = Counter()
    word_pairs: Counter = Counter()
    for line in lines:
        string = line.string
        char_pairs.update(string[i : i + 2] for i in range(len(string) - 1))
        words = _WORD.findall(string.lower())
        word_pairs.update(zip(words, words[1:]))
    return char_pairs, word_pairs


# Character pairs seen inside Chinese words at least this often (wordfreq's share).
MIN_PAIR_FREQUENCY = 1e-7


@lru_cache(maxsize=1)
def _chinese_pairs() -> frozenset[str]:
    """Character pairs that occur inside Chinese words, from wordfreq's word list
    (Simplified; Traditional text is looked up through OpenCC)."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - wordfreq is a core dependency
        return frozenset()
    frequencies = get_frequency_dict("zh")
    release_word_lists()
    weights: Counter = Counter()
    for word, frequency in frequencies.items():
        if frequency < MIN_PAIR_FREQUENCY:
            continue
        for i in range(len(word) - 1):
            weights[word[i : i + 2]] += frequency
    return frozenset(pair for pair, weight in weights.items() if weight >= MIN_PAIR_FREQUENCY)


@lru_cache(maxsize=65536)
def _simplified(pair: str) -> str:
    from ..script import converter

    return converter("t2s").convert(pair)


def _join_score(a: str, b: str, char_pairs: Counter, word_pairs: Counter) -> float:
    if not a or not b:
        return 0.0
    if b[0] in _NEVER_STARTS_A_LINE:
        return 0.0
    if CJK_CHAR.match(a[-1]) and CJK_CHAR.match(b[0]):
        pair = a[-1] + b[0]
        if char_pairs[pair] > 0 or _simplified(pair) in _chinese_pairs():
            return 1.0
        return 0.0
    if ends_in_hyphen(a) and b[:1].islower():
        return 1.0
    if b[:1].islower() and ends_sentence(a):
        return 0.0
    last = _WORD.findall(a.lower())[-1:]
    first = _WORD.findall(b.lower())[:1]
    if last and first and word_pairs[(last[0], first[0])] > 0:
        return 1.0
    return 0.25 if b[:1].islower() else 0.1


def _isolated_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """Stretches of lines that each stand alone between blank lines."""
    runs = []
    start = None
    for i in range(len(lines) + 1):
        alone = i < len(lines) and (i == 0 or lines[i].blank_before > 0) and (
            i + 1 >= len(lines) or lines[i + 1].blank_before > 0)
        if alone and start is None:
            start = i
        elif not alone and start is not None:
            if i - start >= MIN_RUN:
                runs.append((start, i))
            start = None
    return runs


def _looks_like_column_lines(strings: list[str]) -> bool:
    """Lines cut from columns: most at one width, most stopping mid-sentence (not a
    double-spaced list or a stack of headlines)."""
    widths = [display_width(s) for s in strings]
    mode, _count = Counter(widths).most_common(1)[0]
    at_measure = sum(1 for w in widths if abs(w - mode) <= 2)
    unfinished = sum(1 for s in strings if not ends_sentence(s))
    return at_measure >= 0.4 * len(strings) and unfinished >= 0.3 * len(strings)


def _best_cycle(strings: list[str], char_pairs: Counter, word_pairs: Counter) -> int:
    def score(k: int) -> float:
        joins = [_join_score(strings[j], strings[j + k], char_pairs, word_pairs) for j in range(len(strings) - k)]
        return sum(joins) / len(joins) if joins else 0.0

    straight = score(1)
    best_k, best = 1, straight
    for k in range(2, min(MAX_COLUMNS, len(strings) // 2) + 1):
        value = score(k)
        if value > best:
            best_k, best = k, value
    return best_k if best >= straight + MIN_GAIN else 1


def reorder_interleaved_columns(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """Put lines that arrived one column at a time back into column order (nothing is removed)."""
    runs = _isolated_runs(lines)
    if not runs:
        return lines, []
    char_pairs, word_pairs = _vocabulary(lines)
    out = list(lines)
    for start, end in runs:
        run = lines[start:end]
        strings = [line.string for line in run]
        if not _looks_like_column_lines(strings):
            continue
        k = _best_cycle(strings, char_pairs, word_pairs)
        if k == 1:
            continue
        reordered: list[Line] = []
        for column in range(k):
            stream = run[column::k]
            reordered.append(replace(stream[0], blank_before=1))
            reordered.extend(replace(line, blank_before=0) for line in stream[1:])
        out[start:end] = reordered
    return out, []
