"""The shape most repairs share: find spans to cut in each line, cut them, record them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..model import Line, Removal


def cut_in_each_line(lines: list[Line], find_cuts: Callable[[str], list[tuple[int, int]]],
                     reason: str) -> tuple[list[Line], list[Removal]]:
    """Each line less the ``(start, end)`` spans ``find_cuts`` names in its text, every cut
    recorded under ``reason``; a line with nothing to cut is passed on as it is."""
    out: list[Line] = []
    removals: list[Removal] = []
    for line in lines:
        cuts = find_cuts(line.text.string)
        if not cuts:
            out.append(line)
            continue
        text, cut = line.text.cut(cuts, reason)
        removals.extend(cut)
        out.append(replace(line, text=text))
    return out, removals
