"""wordfreq's raw word lists, let go of once what is needed from them is read."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache


def release_word_lists() -> None:
    """Drop the whole-language word lists wordfreq keeps after a look-up.

    Each list holds hundreds of thousands of words in Python lists (seven languages
    for the Latin-script test alone), and every full garbage collection walks them
    for the rest of the process: in a run over many pages that was a few per cent of
    the time. What is read from them stays cached where it is used (the commonest
    words here, wordfreq's own frequency tables, which the collector does not walk);
    a list needed again is read again from wordfreq's data.
    """
    try:
        from wordfreq import get_frequency_list
    except ImportError:  # pragma: no cover - wordfreq is a core dependency
        return
    get_frequency_list.cache_clear()


# Character pairs seen inside Chinese words at least this often (wordfreq's share).
MIN_PAIR_FREQUENCY = 1e-7
# ...and pairs common enough that two lines rarely meet on one by chance (2.5 % of random
# joins against 16 % of true ones, where the commonest tier above meets 12 % of random ones).
COMMON_PAIR_FREQUENCY = 1e-5


@lru_cache(maxsize=1)
def chinese_pair_tiers() -> tuple[frozenset[str], frozenset[str]]:
    """Character pairs that occur inside Chinese words, from wordfreq's word list
    (Simplified; Traditional text is looked up through OpenCC): all of them, and the common ones."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - wordfreq is a core dependency
        return frozenset(), frozenset()
    frequencies = get_frequency_dict("zh")
    release_word_lists()
    weights: Counter = Counter()
    for word, frequency in frequencies.items():
        if frequency < MIN_PAIR_FREQUENCY:
            continue
        for i in range(len(word) - 1):
            weights[word[i : i + 2]] += frequency
    return (frozenset(pair for pair, weight in weights.items() if weight >= MIN_PAIR_FREQUENCY),
            frozenset(pair for pair, weight in weights.items() if weight >= COMMON_PAIR_FREQUENCY))


def in_chinese_word(pair: str) -> bool:
    """The two characters occur together inside a Chinese word (Traditional through OpenCC)."""
    return simplified_pair(pair) in chinese_pair_tiers()[0]


def in_common_chinese_word(pair: str) -> bool:
    """...inside common Chinese words: two lines seldom meet on such a pair by chance."""
    return simplified_pair(pair) in chinese_pair_tiers()[1]


@lru_cache(maxsize=65536)
def simplified_pair(pair: str) -> str:
    from .script import converter

    return converter("t2s").convert(pair)
