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
    # A corner bracket closes a sentence only with its stop inside: 。」 ends one,
    # a quoted name at the line's end (本月「開放日」 / 將於周六舉行) does not.
    ("他說：「我們會繼續努力。」", True),
    ("大學本月「開放日」", False),
    ("書名為『山城舊事』", False),
    ("（記者 張三 報道）", True),
])
def test_a_title_abbreviation_ends_no_sentence(text, ends):
    from broadsheet.charclass import ends_sentence
    assert ends_sentence(text) is ends


@pytest.mark.parametrize("text, language", [
    ("Il consiglio comunale ha approvato ieri sera la chiusura della strada al traffico, che sarà "
     "pedonale il sabato e la domenica per tutta la stagione estiva, con un mercato dei produttori.", "it"),
    ("Le conseil municipal a voté lundi soir la fermeture de la rue aux voitures le samedi et le "
     "dimanche, pour y installer un marché des producteurs pendant toute la saison.", "fr"),
    ("The city council voted on Monday night to close the street to cars on Saturdays and Sundays, "
     "so that a farmers' market can set up there for the whole season.", "en"),
    ("Road closed on Sundays.", "en"),
])
def test_latin_script_language_from_its_commonest_words(text, language):
    from broadsheet.classify import detect_language
    assert detect_language(text) == language


@pytest.mark.parametrize("line, date", [
    ("Lunedì 3 marzo 2025", True),
    ("MERCREDI 5 NOVEMBRE 2025", True),
    ("Donnerstag, 6. November 2025", True),
    ("jueves 6 de noviembre de 2025", True),
    ("Thursday, 6 November 2025", True),
    ("November 6, 2025", True),
    ("2025年11月6日 星期四", True),
    ("3 marzo 2025 il consiglio ha deciso", False),
    ("Marzo pazzerello", False),
])
def test_a_line_that_is_only_a_date(line, date):
    from broadsheet import cues
    assert bool(cues.DATE_LINE.match(line)) is date
