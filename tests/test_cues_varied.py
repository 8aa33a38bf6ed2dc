"""Bylines, datelines, credits and sign-offs in the forms real papers and wire services print
them, beyond the shipped text's: each rule's lines, and running text it must leave alone."""

import pytest

from broadsheet.segment import line_cue


def _cases(kind, lines):
    return [(line, kind) for line in lines]


# Rule: English bylines (capitals, "Story by", "in <place>", staff reports, name and desk, dated wire datelines).
ENGLISH_BYLINES = _cases("byline", [
    "BY MARIA LOPEZ AND DAVID CHEN", "By Emily Tsang in Hong Kong", "Story by Tom Baxter",
    "Text and photos by Ana Ruiz", "From staff reports", "Staff and wire reports",
    "Sarah Whitfield, Education Correspondent", "Tom Lee | Staff Writer",
    "SINGAPORE, Oct 16 (Reuters) -", "TAIPEI, Taiwan (AP) —",
]) + _cases(None, [
    "By Monday the council voted to", "Staff reports said the number", "said John Smith, a senior reporter",
    "The station's reports were late", "Story by story, the case grew",
])


@pytest.mark.parametrize("line, kind", ENGLISH_BYLINES)
def test_english_bylines(line, kind):
    assert line_cue(line) == kind
