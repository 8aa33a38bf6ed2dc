"""The text path on pages whose extractor followed the PDF's drawing order, not the
page's: pieces of stories, and the headlines over them, printed wherever they were drawn."""

import broadsheet

NIGHT_MARKET = ("Night market returns to the old pier\nBy Jane Doe\n"
                "The night market on the old pier will\nreopen next month after two years, the\n"
                "district council said, with about 80\nstalls selling food, clothes and\n")
ELM_STREET = ("The council voted 7-2 on Tuesday to\nclose the street from Friday evening\n"
              "to Sunday night, starting in May.\nShop owners were divided on the plan.\n")


def _paragraphs(page) -> list[str]:
    return [b.string for a in page.articles for b in a.body]


def test_a_headline_across_columns_printed_among_a_column_s_lines_is_no_line_of_its_paragraph():
    # The headline runs far past the column's measure, the lines either side keep to it:
    # it was drawn across columns, where the extractor happened to print it.
    wide = "Council votes to close Elm Street to cars on weekends"
    text = NIGHT_MARKET + wide + "\n" + ELM_STREET + "souvenirs until midnight.\n"
    page = broadsheet.restore(text)
    assert not any(wide in p for p in _paragraphs(page))
    assert any(a.headline is not None and a.headline.string == wide for a in page.articles)


def test_a_wide_column_s_lines_stay_one_paragraph():
    # Lines of a story set across two columns' width come many together: none stands alone.
    text = ("Ferry operator adds late sailings\nBy Jane Doe\n"
            "The ferry company will run two extra sailings every night from next month,\n"
            "the transport department said on Monday, after residents of the outlying\n"
            "islands asked for years for a boat home later than the last one at eleven.\n"
            + ELM_STREET)
    assert _paragraphs(broadsheet.restore(text))[0].startswith("The ferry company will run two extra sailings every night")
    assert "eleven." in _paragraphs(broadsheet.restore(text))[0]

