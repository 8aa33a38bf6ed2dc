"""wordfreq's raw word lists, let go of once what is needed from them is read."""

from __future__ import annotations


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
