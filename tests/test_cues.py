"""What a line says about itself (tests/cases/cues.json)."""

import pytest
from conftest import load_cases

from broadsheet.segment import line_cue


@pytest.mark.parametrize("case", load_cases("cues.json"), ids=lambda c: c["line"])
def test_line_cue(case):
    assert line_cue(case["line"]) == case["kind"]


@pytest.mark.parametrize("text, ends", [
    ("the clinic's medical director, Dr.", False),
    ("said Mrs.", False),
    ("down on St.", False),
    ("the service would run for two years.", True),
    ("“我們會繼續努力。”", True),
])
def test_a_title_abbreviation_ends_no_sentence(text, ends):
    from broadsheet.charclass import ends_sentence
    assert ends_sentence(text) is ends
