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


def test_headlines_printed_after_the_stories_stay_titles_though_one_gives_a_speaker_s_words():
    # Drawn last, the headlines come out one under another at the foot of the text, no mark
    # of a sentence among them but the colon that gives a speaker's words.
    text = ("本報訊（記者 馮曉彤 報道）\n舊街市翻新工程上月\n完成，重開首週人流\n比翻新前多了一倍。\n"
            "賣魚的陳太說，攤位\n寬了，地面也乾淨，\n熟客都回來了。\n●記者 馮曉彤 報道\n"
            "本報訊（記者 羅家朗 報道）\n新小巴路線下月開通，\n來往屋邨與港鐵站，\n班次每十分鐘一班。\n"
            "居民何先生說，以後\n上班可省下二十分鐘。\n●記者 羅家朗 報道\n■小巴在站頭候客。\n美聯社\n"
            "海濱長廊明年再延長\n小巴新路線下月開通\n屋邨居民稱方便上班\n舊街市翻新工程完成\n攤販：熟客都回來了\n")
    page = broadsheet.restore(text)
    assert not any("攤販" in p for p in _paragraphs(page))
    titles = [b.string for a in page.articles for b in (a.headline, *a.subheadlines) if b is not None]
    assert any(t.startswith("小巴新路線下月開通") for t in titles)

