"""Repairs: each a pure function named for the artifact it cures.

A repair takes the page's lines (and the decoded input, for provenance) and
returns new lines plus the removals it made; the removal's ``reason`` is the
repair's name, so the JSON leads straight to the code. ``REPAIRS`` is the
order they run in: invisible marks first (they split the runs every later repair
compares), then glyph mapping (so doubled runs compare equal), whole
repeated lines before chunk doubling, columns read across after the doubling
repairs (a piece cut from a line reads as a doubled run where the line did not:
爸爸高高兴兴) and before spaces (the space between the columns is their evidence),
spaces last (a doubled spaced line would otherwise lose its evidence).
"""

from __future__ import annotations

from typing import Callable

from ..model import Line, Removal
from .broken_doubles import undouble_runs_broken_across_lines
from .columns import reorder_interleaved_columns
from .drop_caps import join_drop_capitals
from .glyphs import map_compat_ideographs
from .invisible import drop_invisible_marks
from .jumps import split_jump_lines_run_into_text
from .letter_bullets import map_bullets_read_as_letters
from .merged import split_columns_read_across
from .punctuation_breaks import join_cjk_lines_broken_at_punctuation
from .shingles import unshingle_redrawn_runs
from .shadow import undouble_punctuation, undouble_repeated_lines, undouble_shadow_runs
from .spacing import drop_justify_spaces
from .vertical import split_vertical_lead_character

Repair = Callable[[list[Line], str], tuple[list[Line], list[Removal]]]

REPAIRS: dict[str, Repair] = {
    "drop_invisible_marks": drop_invisible_marks,
    "map_compat_ideographs": map_compat_ideographs,
    "map_bullets_read_as_letters": map_bullets_read_as_letters,
    "join_drop_capitals": join_drop_capitals,
    "split_vertical_lead_character": split_vertical_lead_character,
    "split_jump_lines_run_into_text": split_jump_lines_run_into_text,
    "undouble_runs_broken_across_lines": undouble_runs_broken_across_lines,
    "unshingle_redrawn_runs": unshingle_redrawn_runs,
    "undouble_repeated_lines": undouble_repeated_lines,
    "reorder_interleaved_columns": reorder_interleaved_columns,
    "undouble_shadow_runs": undouble_shadow_runs,
    "undouble_punctuation": undouble_punctuation,
    "split_columns_read_across": split_columns_read_across,
    "drop_justify_spaces": drop_justify_spaces,
    "join_cjk_lines_broken_at_punctuation": join_cjk_lines_broken_at_punctuation,
}


def repair_lines(lines: list[Line], source: str, enabled: tuple[str, ...] | None = None) -> tuple[list[Line], list[Removal]]:
    removals: list[Removal] = []
    for name, repair in REPAIRS.items():
        if enabled is not None and name not in enabled:
            continue
        lines, removed = repair(lines, source)
        removals.extend(removed)
    # A line a repair emptied (a doubled copy of nothing) leaves no trace but its removals.
    return [line for line in lines if line.text.string.strip()], removals


__all__ = ["REPAIRS", "Repair", "repair_lines"]
