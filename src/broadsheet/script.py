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
    """Characters a t2s conversion changes are Traditional-only; s2t, Simplified-only."""
    han = "".join(_HAN.findall(text))[:SAMPLE_CHARS]
    if not han:
        return "und"
    as_simplified = converter("t2s").convert(han)
    as_traditional = converter("s2t").convert(han)
    traditional_only = sum(1 for a, b in zip(han, as_simplified) if a != b)
    simplified_only = sum(1 for a, b in zip(han, as_traditional) if a != b)
    return "zh-Hant" if traditional_only >= simplified_only else "zh-Hans"


def convert_text(text: str, config: str) -> str:
    """Convert script with an OpenCC configuration name (t2s, s2t, s2hk, t2tw, …)."""
    return converter(config).convert(text)
