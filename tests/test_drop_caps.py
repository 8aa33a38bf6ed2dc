"""A drop capital an extractor set on a line of its own (repair/drop_caps.py)."""

import broadsheet
from broadsheet.read.text import split_lines
from broadsheet.repair.drop_caps import join_drop_capitals


def _joined(text: str) -> list[str]:
    lines, removed = join_drop_capitals(split_lines(text), text)
    assert removed == []
    return [line.string for line in lines]


def test_a_capital_alone_goes_back_before_the_rest_of_its_word():
    assert _joined("di Anna Rossi\nM\natteo ha oltrepassato un altro confine.\n") == [
        "di Anna Rossi", "Matteo ha oltrepassato un altro confine."]
    assert _joined("By Ann Lee\nT\nhe council voted on Monday.\n")[1] == "The council voted on Monday."
    assert _joined("L\na madre delle riforme è sempre incinta.\n") == ["La madre delle riforme è sempre incinta."]


def test_a_capital_over_a_word_of_its_own_stays():
    text = "Section\nA\nnew approach to parking was agreed.\n"
    assert _joined(text) == ["Section", "A", "new approach to parking was agreed."]


def test_the_story_opens_a_paragraph_of_its_own():
    page = broadsheet.restore("Storm cuts power to thousands\nBy Ann Lee\nT\nhe storm that crossed the coast on Sunday "
                              "left 40,000 homes without power.\nCrews worked through the night.\n")
    assert page.articles[0].body[0].string.startswith("The storm that crossed")
