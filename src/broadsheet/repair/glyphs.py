"""Compatibility code points that CJK PDF fonts map glyphs to."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import regex

from ..model import Line, Removal

# Kangxi radicals, the CJK radicals supplement and compatibility ideographs look
# exactly like unified ideographs but never match them in search. These ranges
# only; NFKC over the whole text would also turn full-width ，：（） into ASCII.
_COMPAT = regex.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


def unified_form(ch: str) -> str | None:
    """The unified ideograph a compatibility character stands for, if Unicode names one."""
    mapped = unicodedata.normalize("NFKC", ch)
    if mapped != ch and len(mapped) == 1 and unicodedata.category(mapped) == "Lo":
        return mapped
    return None


def map_compat_ideographs(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """``⾏`` → ``行``: each mapping is recorded as a removal with its replacement."""
    # Most pages hold none: one search over all their lines, not one per line.
    if not _COMPAT.search("".join(line.text.string for line in lines)):
        return list(lines), []
    removals: list[Removal] = []
    out: list[Line] = []
    for line in lines:
        string = line.text.string
        if not _COMPAT.search(string):
            out.append(line)
            continue
        mapping = {}
        for match in _COMPAT.finditer(string):
            unified = unified_form(match.group())
            if unified:
                mapping[match.start()] = unified
        text, found = line.text.replace_chars(mapping, "map_compat_ideographs", source)
        removals.extend(found)
        out.append(replace(line, text=text))
    return out, removals
