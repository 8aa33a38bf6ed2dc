"""Each repair on its own, cases as data (tests/cases/repairs.json)."""

import pytest
from conftest import load_cases

from broadsheet.read.text import split_lines
from broadsheet.repair import REPAIRS, repair_lines


def run_repair(name: str, text: str):
    lines = split_lines(text)
    lines, removals = REPAIRS[name](lines, text)
    return "\n".join(line.string for line in lines), removals


@pytest.mark.parametrize("case", load_cases("repairs.json"), ids=lambda c: c["label"])
def test_repair_case(case):
    output, removals = run_repair(case["repair"], case["input"])
    assert output == case["expect"]
    for removal in removals:
        assert case["input"][removal.start : removal.end] == removal.text
        assert removal.reason == case["repair"]
    if "removed" in case:
        assert [r.text for r in removals] == case["removed"]


@pytest.mark.parametrize("case", load_cases("negative.json"), ids=lambda c: c["label"])
def test_genuine_text_is_left_alone(case):
    lines, removals = repair_lines(split_lines(case["input"]), case["input"])
    assert removals == []
    assert [line.string for line in lines] == [line.strip() for line in case["input"].splitlines() if line.strip()]


@pytest.mark.parametrize("case", load_cases("known-failures.json"), ids=lambda c: c["label"])
@pytest.mark.xfail(strict=True, reason="known failure, see tests/cases/known-failures.json")
def test_known_failure(case):
    _lines, removals = repair_lines(split_lines(case["input"]), case["input"])
    assert removals == []


def test_compat_mapping_is_recorded_with_replacement():
    text = "進\u2f8f"
    _output, removals = run_repair("map_compat_ideographs", text)
    assert [(r.start, r.end, r.text, r.replacement) for r in removals] == [(1, 2, "\u2f8f", "行")]


def test_full_width_punctuation_survives_compat_mapping():
    text = "他說：「好（對）。」，\u2f00"
    output, removals = run_repair("map_compat_ideographs", text)
    assert output == "他說：「好（對）。」，一"
    assert len(removals) == 1


def _drop_copies(text: str):
    from broadsheet.repair.copies import drop_later_copies

    lines, removals = drop_later_copies(split_lines(text), text)
    return [line.string for line in lines], removals


def test_a_later_verbatim_copy_of_a_headline_and_its_caption_is_dropped():
    text = ("Night market returns to the waterfront\nStalls reopened on Friday after two years.\n"
            "Visitors queue for grilled squid at the pier.\nReuters\n"
            "Night market returns to the waterfront\nVisitors queue for grilled squid at the pier.\nReuters\n")
    kept, removals = _drop_copies(text)
    assert kept == ["Night market returns to the waterfront", "Stalls reopened on Friday after two years.",
                    "Visitors queue for grilled squid at the pier.", "Reuters"]
    assert {r.reason for r in removals} == {"drop_later_copies"}
    assert "".join(r.text for r in removals) == ("Night market returns to the waterfront"
                                                  "Visitors queue for grilled squid at the pier.Reuters")


def test_formulas_a_page_repeats_on_purpose_stay():
    text = ("（本報綜合報道）\n夜市攤檔昨日重開，遊客回流。\n（本報綜合報道）\n"
            "(Additional reporting by\nGrace Kim)\n(Additional reporting by\nTom Chan)\n"
            "● 多喝水，少喝含糖飲料\n● 多喝水，少喝含糖飲料\n")
    kept, removals = _drop_copies(text)
    assert removals == []


def test_the_wrapped_line_of_a_kept_bulleted_item_stays_with_it():
    text = ("Borrowing limit raised from ten to\nfifteen items for every card holder\n"
            "• Borrowing limit raised from ten to\nfifteen items for every card holder\n")
    kept, removals = _drop_copies(text)
    assert removals == []


def test_a_copied_run_is_read_no_further_than_a_titles_few_lines():
    """Text that repeats itself (the same two lines a thousand times) is one long copy of
    its own start; the search for a title copied a few words a line reads a bounded run."""
    from broadsheet.read.text import split_lines
    from broadsheet.repair import copies

    class CountedLines(list):
        reads = 0

        def __getitem__(self, index):
            CountedLines.reads += 1
            return super().__getitem__(index)

    text = "Alpha beta gamma delta.\nGamma rays\n" * 1000
    lines = CountedLines(split_lines(text))
    copies._copied_run(lines, 0, 1000)
    assert CountedLines.reads <= 4 * copies.MAX_COPIED_RUN + 8
