"""Text printed a second time further down the page: a searchable OCR layer laid
under the picture of a page, or a box of teasers made by copying headlines.

The reader wants one copy. Lines long enough not to recur by chance, and not one
of the formulas a page repeats on purpose (sign-offs, bylines, credits, jump
lines, page furniture), are kept where they first appear; a later verbatim copy,
and the lines copied along with it, are dropped.
"""

from __future__ import annotations

from ..charclass import CJK_CHAR
from ..model import CAPTION, LIST_ITEM, Line, Removal
from ..segment import line_cue

# Shorter lines recur by chance ("Reuters", 記者 王五 報道).
MIN_COPIED_LATIN = 20
MIN_COPIED_CJK = 8


def _distinctive(string: str) -> bool:
    long_enough = len(string) >= (MIN_COPIED_CJK if CJK_CHAR.search(string) else MIN_COPIED_LATIN)
    # A bracketed line opens a formula too: (Additional reporting by / Grace Kim).
    return long_enough and line_cue(string) in (None, CAPTION) and string[0] not in "(（[【"


def _continues_a_kept_item(lines: list[Line], index: int, drop: set[int]) -> bool:
    """A bulleted line that stays (bullets repeat on purpose) keeps its wrapped lines too."""
    previous = index - 1
    return previous >= 0 and previous not in drop and line_cue(lines[previous].string) == LIST_ITEM


def drop_later_copies(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    first_seen: dict[str, int] = {}
    drop: set[int] = set()
    for index, line in enumerate(lines):
        if index in drop:
            continue
        string = line.string
        earlier = first_seen.get(string)
        if earlier is None or not _distinctive(string) or _continues_a_kept_item(lines, index, drop):
            first_seen.setdefault(string, index)
            continue
        # The copy runs on as long as it follows the earlier text line for line.
        offset = 0
        while index + offset < len(lines) and earlier + offset < index \
                and lines[index + offset].string == lines[earlier + offset].string:
            drop.add(index + offset)
            offset += 1
    if not drop:
        return lines, []
    removals = [r for index in sorted(drop) for r in lines[index].text.as_removals("drop_later_copies")]
    return [line for index, line in enumerate(lines) if index not in drop], removals
