"""Traditional or Simplified Chinese, and conversion between them, with OpenCC."""

from __future__ import annotations

from functools import lru_cache

import regex

_HAN = regex.compile(r"\p{Han}+")
SAMPLE_CHARS = 400


@lru_cache(maxsize=None)
def converter(config: str):
    import opencc

    return opencc.OpenCC(config if config.endswith(".json") else f"{config}.json")


def traditional_or_simplified(text: str) -> str:
    """Characters t2s changes are Traditional-only; those s2t changes, Simplified-only.
    Each character is judged on its own and remembered: OpenCC's dictionaries fall out
    of the CPU cache between pages, so converting each page's sample anew costs far more
    than looking up the few characters not seen before."""
    han = "".join(_HAN.findall(text, concurrent=False))[:SAMPLE_CHARS]
    if not han:
        return "und"
    # difference() looks each of the sample's characters up in the table; subtracting the
    # table's keys view would walk the whole table, which grows with every page read.
    _learn_scripts(set(han).difference(_SCRIPT_OF))
    # Each character's mark in one string, counted by C loops, not a Python step per character.
    scripts = "".join(map(_SCRIPT_OF.__getitem__, han))
    return "zh-Hant" if scripts.count("t") >= scripts.count("s") else "zh-Hans"


# Character → "t" (Traditional only), "s" (Simplified only) or "" (both or neither).
_SCRIPT_OF: dict[str, str] = {}


def _learn_scripts(chars: set[str]) -> None:
    if not chars:
        return
    ordered = sorted(chars)
    # One line per character, so OpenCC converts each alone, never as part of a phrase.
    as_simplified = converter("t2s").convert("\n".join(ordered)).split("\n")
    as_traditional = converter("s2t").convert("\n".join(ordered)).split("\n")
    for ch, simple, traditional in zip(ordered, as_simplified, as_traditional):
        _SCRIPT_OF[ch] = "t" if simple != ch else "s" if traditional != ch else ""


def convert_text(text: str, config: str) -> str:
    """Convert script with an OpenCC configuration name (t2s, s2t, s2hk, t2tw, …)."""
    return converter(config).convert(text)
