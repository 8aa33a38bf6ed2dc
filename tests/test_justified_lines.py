"""A justified English line an extractor broke at its word gaps, one word a line."""

import pytest

from broadsheet.read.text import split_lines
from broadsheet.repair.justified import join_justified_word_lines

TEXT = "Forty office buildings in the\nfinancial district now keep\n{middle}\nup from just five in 2020, the\n" \
       "association said on Monday. It\nwas the first count since the\nscheme began three years ago."


def _joined(text: str) -> list[str]:
    lines, removed = join_justified_word_lines(split_lines(text), text)
    assert removed == []
    return [line.string for line in lines]


def test_lone_words_of_one_justified_line_are_set_back_on_it():
    lines = _joined(TEXT.format(middle="bees\non\ntheir\nroofs,"))
    assert lines[2] == "bees on their roofs,"
    assert len(lines) == 7


def test_the_joined_line_keeps_each_words_input_offsets():
    text = TEXT.format(middle="bees\non\ntheir\nroofs,")
    line = split_lines(text)
    joined = join_justified_word_lines(line, text)[0][2]
    assert [text[s:e] for s, e in joined.text.spans()] == ["bees", "on", "their", "roofs,"]
    assert joined.word_spaced


@pytest.mark.parametrize("middle", ["Sport\nWorld\nBusiness", "Storm\ncuts\npower", "bees\nbees\non\non"])
def test_stacks_that_are_no_justified_line_are_left_alone(middle):
    text = TEXT.format(middle=middle)
    assert _joined(text) == text.split("\n")


def test_a_run_longer_than_the_measure_is_set_on_several_lines():
    lines = _joined(TEXT.format(middle="bees\non\ntheir\nroofs,\nand\nthe\nhoney\nis\nsold\nin\nthe\nlobbies,"))
    assert all(len(line) <= 31 for line in lines)
    assert " ".join(lines[2:-4]) == "bees on their roofs, and the honey is sold in the lobbies,"


def test_pdf_lines_are_left_alone():
    from dataclasses import replace

    text = TEXT.format(middle="bees\non\ntheir\nroofs,")
    lines = [replace(line, bbox=(0.0, 0.0, 1.0, 1.0)) for line in split_lines(text)]
    assert join_justified_word_lines(lines, text)[0] == lines


def test_a_credit_and_a_word_broken_at_a_hyphen_end_their_lines():
    lines = _joined(TEXT.format(middle="bees\non\nthe\nroofs.\nReuters\nFerry\nfares\nare\nrising\nin\nde-\ncember"))
    assert "Reuters" in lines
    assert any(line.endswith("de-") for line in lines)


def test_a_list_items_line_broken_into_lone_words_is_whole_again():
    lines = _joined(TEXT.format(middle="• Lamma\n(Yung\nShue\nWan):\n$20"))
    assert "• Lamma (Yung Shue Wan): $20" in lines


def test_a_word_that_kept_its_space_goes_on_on_its_printed_line():
    """ReportLab draws each word with the space after it, and PyMuPDF keeps that space
    where it breaks the line: a full stop so followed ends no paragraph, and the words
    go back on the lines they were printed on."""
    text = ("Forty office towers\nin the city now keep\nbees on their roofs,\nthe group\n"
            "said. \n\"But \nwhen\nthe honey is sold in\nthe lobby, it goes in\na day.\nIt was the first count.")
    lines = _joined(text)
    assert lines[4:6] == ["said. \"But when", "the honey is sold in"]


def test_capitalised_words_inside_a_sentence_that_kept_their_space_are_one_line():
    text = ("Forty office towers\nin the city now keep\nbees, said Graham\nFisher of the\n"
            "Property \nOwners\nAssociation. \"They\nare not getting rich\nfrom it,\" he said.")
    assert "Property Owners" in _joined(text)


def test_a_space_kept_after_every_line_tells_nothing():
    text = ("Forty office buildings in the \nfinancial district now keep \nSport \nWorld \nBusiness \n"
            "up from just five in 2020, the \nassociation said on Monday.")
    assert _joined(text) == [line.rstrip() for line in text.split("\n")]
