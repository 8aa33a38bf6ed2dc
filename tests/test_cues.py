"""What a line says about itself (tests/cases/cues.json)."""

import pytest
from conftest import load_cases

from broadsheet.segment import line_cue


@pytest.mark.parametrize("case", load_cases("cues.json"), ids=lambda c: c["line"])
def test_line_cue(case):
    assert line_cue(case["line"]) == case["kind"]
