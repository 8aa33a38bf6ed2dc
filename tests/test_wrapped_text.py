"""The text path: a byline or sign-off an extractor's text wrapped onto two lines."""

import broadsheet

PAGE = """Crews gain ground on hillside fire
BY MARIA LOPEZ AND
DAVID CHEN
Firefighters made progress on Thursday against a wildfire that has burned
more than 2,000 acres in the hills east of the city, helped by calmer winds.
The fire was 40 per cent contained by late afternoon, fire officials said.
{signoff}
"""


def _article(signoff):
    return broadsheet.restore(PAGE.format(signoff=signoff)).articles[0]


def test_a_byline_breaking_off_on_and_takes_its_next_line():
    assert _article("(Reporting by Tom Lee)").byline.string == "BY MARIA LOPEZ AND DAVID CHEN"


def test_a_signoff_wrapped_onto_two_lines_is_whole():
    assert _article("Contact Tom Baxter at\ntbaxter@ledger.com").signoff.string == "Contact Tom Baxter at tbaxter@ledger.com"
    assert _article("-- Additional reporting by\nWendy Shaw").signoff.string == "-- Additional reporting by Wendy Shaw"


def test_a_signoff_breaking_off_takes_no_headline_after_it():
    page = broadsheet.restore(PAGE.format(signoff="-- Additional reporting by\nLate collapse costs county side the title"))
    assert all(a.signoff is None or "Late" not in a.signoff.string for a in page.articles)
