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


def test_a_bare_jump_line_under_a_headline_says_where_the_story_comes_from():
    # 接A6版 names the page that joins this one, not which way: right under the headline,
    # before any text, the story comes from there, and the text under it is that story's.
    text = ("颱風過後　市民清理街道\n本報訊\n颱風昨晚離開本港，全港多處有樹木倒塌。\n"
            "政府出動大批人員清理，部分道路今早仍然封閉。\n（本報綜合報道）\n"
            "海濱長廊延長工程動工　明年夏天開放\n接A6版\n新一段長廊全長約一公里，沿途設有單車徑及休憩處。\n"
            "區議員表示，居民期待多年，希望工程可以如期完成。\n●記者 潘詠儀 報道\n")
    page = broadsheet.restore(text)
    story = next(a for a in page.articles if a.headline is not None and a.headline.string.startswith("海濱長廊"))
    assert story.continued_from is not None and story.continued_from.string == "接A6版"
    assert [b.string[:5] for b in story.body] == ["新一段長廊", "區議員表示"]


def test_a_bare_jump_line_after_the_text_says_where_the_story_goes_on():
    text = ("海濱長廊延長工程動工　明年夏天開放\n本報訊\n新一段長廊全長約一公里，沿途設有單車徑及休憩處。\n"
            "區議員表示，居民期待多年，希望工程\n接A6版\n")
    story = broadsheet.restore(text).articles[0]
    assert story.continues is not None and story.continues.string == "接A6版"


def test_a_headline_wrapped_a_few_words_a_line_and_copied_again_at_the_foot_is_kept_once():
    # An OCR layer laid under the page prints every headline again after everything else.
    # Wrapped in a narrow column, no one line of it is long enough to tell a copy from a
    # chance repeat; the lines together, in the same order, are.
    text = ("(Additional reporting by Ann Lee)\nFerry fares\nrise on three\nisland routes\nBy Jane Doe\n"
            "Fares on three outlying island routes will rise by 8 per cent from March, the operator said.\n"
            "Commuters' groups said the increase was the second in two years.\n"
            "Ferry fares\nrise on three\nisland routes\n")
    page = broadsheet.restore(text)
    assert [a.headline.string for a in page.articles if a.headline] == ["Ferry fares rise on three island routes"]
    assert sum(r.reason == "drop_later_copies" for r in page.removed) >= 3


def test_lines_repeated_where_the_first_run_breaks_into_running_text_both_stay():
    # Drawn out of reading order, the first copy sits inside another story's text: which
    # copy stands where its story is cannot be told from the text, so neither is dropped.
    text = ("By Jane Doe\nFares on three outlying island routes will rise from March, and\n"
            "Ferry fares\nrise on three\nisland routes\ncommuters' groups said the increase was the second.\n"
            "Ferry fares\nrise on three\nisland routes\n")
    page = broadsheet.restore(text)
    assert not any(r.reason == "drop_later_copies" for r in page.removed)


def test_a_european_jump_line_under_a_headline_says_where_the_story_comes_from():
    # The PDF path reads "segue da pagina 3", "suite de la page 5", "Fortsetzung von Seite 2"
    # as the pointer back to a story's first part; so must the text path.
    text = ("Il sindaco vince al ballottaggio\nsegue da pagina 3\n"
            "Il nuovo sindaco ha promesso di ridurre le tasse locali entro la fine del prossimo anno.\n"
            "I consiglieri di opposizione hanno chiesto un riconteggio delle schede.\n")
    story = broadsheet.restore(text).articles[0]
    assert story.headline is not None and story.headline.string == "Il sindaco vince al ballottaggio"
    assert story.continued_from is not None and story.continued_from.string == "segue da pagina 3"
    assert story.continues is None and len(story.body) == 2


def test_a_table_s_head_repeated_where_the_table_goes_on_stays():
    # Labels each opening on a capital (a table's head, a chart's axis) are printed again on
    # purpose; a phrase wrapped over lines is what goes on in lower case.
    head = "Action\nLabor cost\nParts cost\nCost per product\n"
    text = ("The agency estimates these costs.\n" + head + "Wiring change 1 hour $85\n"
            "The agency estimates further costs.\n" + head + "Sensor test 40 hours $3,400\n")
    page = broadsheet.restore(text)
    assert not any(r.reason == "drop_later_copies" for r in page.removed)
