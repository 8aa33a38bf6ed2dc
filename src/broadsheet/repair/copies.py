"""Text printed a second time further down the page: a searchable OCR layer laid
under the picture of a page, or a box of teasers made by copying headlines.

The reader wants one copy. Lines long enough not to recur by chance, and not one
of the formulas a page repeats on purpose (sign-offs, bylines, credits, jump
lines, page furniture), are kept where they first appear; a later verbatim copy,
and the lines copied along with it, are dropped.
"""

from __future__ import annotations

from ..charclass import CJK_CHAR, ends_sentence
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


# A title copied a few words a line runs to a handful of lines; reading further only costs
# time on text that repeats itself (periodic input made the search quadratic).
MAX_COPIED_RUN = 40


def _copied_run(lines: list[Line], earlier: int, index: int) -> bool:
    """Short lines that copy, line for line, a run of lines printed earlier, together as long
    as a line that would not recur by chance (a headline wrapped a few words a line, Renters
    face / steepest increase in / five years): none of them a formula a page repeats."""
    strings = []
    offset = 0
    while offset < MAX_COPIED_RUN and index + offset < len(lines) and earlier + offset < index \
            and lines[index + offset].string == lines[earlier + offset].string:
        string = lines[index + offset].string
        if line_cue(string) not in (None, CAPTION) or string[:1] in "(（[【":
            break
        strings.append(string)
        offset += 1
    if earlier > 0 and not _ends_a_unit(lines[earlier - 1].string):
        # The earlier run breaks into running text (drawn there, out of reading order): which
        # copy stands where its story is cannot be told, so both stay for assembly to place.
        return False
    if len(strings) < 2 or not strings[0][:1].isupper() or 2 * sum(
            1 for string in strings[1:] if string[:1].islower()) < len(strings) - 1:
        # A phrase wrapped over lines goes on in lower case; a stack of labels each opening
        # on a capital or a figure (a table's head, a chart's axis) is repeated on purpose.
        return False
    joined = " ".join(strings)
    # Chinese titles are cut anywhere, copy and print alike, so two short lines in common
    # say little; English lines of words wrapped the same way say more.
    return len(strings) >= 2 and not CJK_CHAR.search(joined) and len(joined) >= MIN_COPIED_LATIN


def _ends_a_unit(string: str) -> bool:
    """The line closes what it belongs to: a sentence's end, or a line that says what it is."""
    return ends_sentence(string) or line_cue(string) is not None or string.rstrip()[-1:] in ")）"


def drop_later_copies(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    first_seen: dict[str, int] = {}
    drop: set[int] = set()
    for index, line in enumerate(lines):
        if index in drop:
            continue
        string = line.string
        earlier = first_seen.get(string)
        if earlier is None or _continues_a_kept_item(lines, index, drop) or not (
                _distinctive(string) or _copied_run(lines, earlier, index)):
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
