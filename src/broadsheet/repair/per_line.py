"""The shapes repairs share: find spans to cut in each line, cut them, record them; cut a
line in two where an extractor ran two things together."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import chain

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


def split_line(line: Line, at: int) -> tuple[Line, Line]:
    """The line cut in two at offset ``at`` of its text, each part without the spaces at the
    cut (which are not text: nothing is removed). The second part is a line of its own, not
    set in and with no blank line before it."""
    text = line.text
    return replace(line, text=text[:at].strip()), replace(line, text=text[at:].strip(), indent=0, blank_before=0)


def measure_near(widths: Sequence[int], counted: Sequence[bool], start: int, end: int, reach: int,
                 share: tuple[int, int], min_lines: int) -> int | None:
    """A column's measure, as the running text around lines ``start``..``end - 1`` shows it:
    the width that ``share`` (a fraction, numerator and denominator) of the ``counted`` lines
    within ``reach`` of them reach at most, most lines of a column being full ones. None
    where fewer than ``min_lines`` lines count."""
    near = sorted(widths[k] for k in chain(range(max(0, start - reach), start), range(end, min(len(widths), end + reach)))
                  if counted[k])
    if len(near) < min_lines:
        return None
    numerator, denominator = share
    return near[(numerator * len(near)) // denominator]
