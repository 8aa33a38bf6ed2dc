"""The text path on pages other engines printed (browsers, WeasyPrint): what their
extractors' text looks like there, in pages written for the purpose."""

import pytest

import broadsheet

BOX_STORY = ("颱風季節將至　市民應及早準備\n本報訊\n天文台表示，今年首個颱風可能於下月初襲港，\n"
             "呼籲市民及早檢查家居安全，並留意最新天氣消息。\n")
ITEMS = ["檢查門窗是否穩固", "準備電筒及後備電池", "留意天文台最新消息"]


def test_a_list_marker_on_a_line_of_its_own_marks_the_item_on_the_next_line():
    # An engine that sets a list's markers as glyphs in boxes of their own leaves them, to an
    # extractor reading by position, on lines of their own right before their items' text.
    text = BOX_STORY + "".join(f"• \n\n{item}\n\n" for item in ITEMS) + "（本報綜合報道）\n"
    page = broadsheet.restore(text)
    assert [(b.kind, b.string) for b in page.articles[0].body][-3:] == [("list_item", item) for item in ITEMS]
    assert all("•" not in b.string for a in page.articles for b in a.body)


def test_list_markers_read_apart_from_their_items_in_a_row_are_no_items_of_their_own():
    # ...and, to one reading in drawing order, all in a row after everything else.
    text = BOX_STORY + "".join(f"{item}\n" for item in ITEMS) + "（本報綜合報道）\n" + "• \n" * 3
    page = broadsheet.restore(text)
    strings = [b.string for a in page.articles for b in a.body] + [c.string for a in page.articles for c in a.captions]
    assert not any(s.strip() in ("", "•") for s in strings)
    assert sum(r.text == "•" for r in page.removed) == 3


def test_a_short_page_in_two_measures_is_wrapped_text_though_few_lines_share_a_width():
    # Two stories, one at each of two measures: few lines are at either width, and short
    # paragraphs end many lines on a stop, as text never wrapped does; but lines cut off in
    # mid-clause are wrapping's alone, and the paragraphs run on over them.
    text = ("夜市攤檔重開　遊客回流帶旺生意\n本報訊（記者 林志偉 台南報道）\n"
            "台南花園夜市上週末重開，共有約400個攤檔\n營業。夜市自治會會長郭進財表示，過去三\n"
            "個週末的人流已回升至疫情前約八成。\n賣蚵仔煎的王老闆說，最近多了不少日本及\n"
            "韓國遊客，「他們很有禮貌，吃完會說謝\n謝」。他的攤檔每晚可賣出約300份。\n"
            "颱風「白鷺」逼近　天文台考慮改發八號風球\n本報訊\n"
            "天文台表示，颱風「白鷺」正以每小時18公里向西北偏西移動，預料\n"
            "明日早上最接近本港，屆時會在本港以南約150公里掠過。\n"
            "教育局表示，如八號風球在早上6時仍然生效，全港學校將停課。\n（本報綜合報道）\n")
    first = broadsheet.restore(text).articles[0]
    assert [p.string[:5] for p in first.body] == ["台南花園夜", "賣蚵仔煎的"]


def test_text_never_wrapped_still_holds_a_paragraph_a_line():
    text = ("夜市攤檔重開\n本報訊\n台南花園夜市上週末重開，共有約400個攤檔營業。\n"
            "夜市自治會會長郭進財表示，過去三個週末的人流已回升至疫情前約八成。\n"
            "賣蚵仔煎的王老闆說，最近多了不少日本及韓國遊客。\n他的攤檔每晚可賣出約300份。\n"
            "市府觀光旅遊局計劃於明年推出夜市電子地圖，並增設多語言指示牌，方便外地遊客。\n"
            "不少攤販表示歡迎。\n自治會希望政府資助更換照明設備，改善夜市環境及衞生。\n"
            "有遊客說，夜市是台南之旅不可缺少的一站，每次都會來。\n")
    body = broadsheet.restore(text).articles[0].body
    assert len(body) == 8


def test_a_space_drawn_as_a_glyph_of_its_own_between_words_is_no_blank_line():
    # WeasyPrint draws the word spaces of a justified row as glyphs; PyMuPDF then gives a
    # word a line with a line holding only a space between them. On a page whose blank lines
    # part paragraphs, those are not blank lines.
    text = ("Ferry fares rise again\n\nBy Jane Doe\n\n"
            "Passengers\n \nboard\n \nan\n \noutlying-island ferry at the pier as fares rise\n"
            "by an average of 7.5 per cent from January, the operator announced.\n\n"
            "The operator blamed the cost of fuel and crew.\n\n"
            "Riders groups said the rise was the third in four years.\n")
    body = broadsheet.restore(text).articles[0].body
    assert body[0].string.startswith("Passengers board an outlying-island ferry")
    assert len(body) == 3


def test_lines_that_each_give_a_label_and_its_value_are_a_fact_box_s_items():
    # A fact box whose markers the engine drew as shapes: each line a label, a colon and its
    # value. The last item does not run on into the headline under it.
    text = ("New fares at a glance\nCheung Chau ordinary: HK$15.90\nCheung Chau fast: HK$28.40\n"
            "Lamma (Yung Shue Wan): HK$20.70\nHarbour ferry fares to rise for first time in six years\n"
            "By Jane Doe\nFerry fares between Central and the outlying islands will rise by an\n"
            "average of 7.5 per cent from January, the first increase since 2020.\n")
    page = broadsheet.restore(text)
    items = [b.string for a in page.articles for b in a.body if b.kind == "list_item"]
    assert items == ["Cheung Chau ordinary: HK$15.90", "Cheung Chau fast: HK$28.40", "Lamma (Yung Shue Wan): HK$20.70"]
    cjk = broadsheet.restore("水費調整要點\n一般住戶：每立方米由4.16元增至4.53元\n非住宅用戶：加幅為10%\n"
                             "生效日期：2027年4月1日\n")
    assert [b.kind for a in cjk.articles for b in a.body] == ["list_item"] * 3


@pytest.mark.parametrize("headline", [["水費十年來首次上調 住戶", "每月多付約12元"], ["雙十一網購熱潮南下", "本地物流公司加派人手"]])
def test_a_box_s_unmarked_items_end_where_the_next_story_s_headline_begins(headline):
    # The box's markers were drawn as shapes; under its items comes the next story's headline,
    # its halves parted by a plain space (pdftotext -raw) or one a line, then the byline.
    text = "\n".join(["（本報綜合報道）", "新收費要點", "成人車費維持3元", "長者優惠維持2元", "學生月票每月200元"]
                     + headline + ["本報訊", "水務署建議由明年4月起上調水費，這是十年來首次加價，以一個四人家庭",
                                   "計算，每月水費將增加約12元。"])
    page = broadsheet.restore(text)
    items = [b.string for a in page.articles for b in a.body if b.kind == "list_item"]
    assert items == ["成人車費維持3元", "長者優惠維持2元", "學生月票每月200元"]
    story = next(a for a in page.articles if a.byline is not None)
    assert story.headline.string == "".join(headline)


@pytest.mark.parametrize("column", [["消防處高級消", "防區長葉志堅提醒", "市民行山前應查看", "天氣並帶備足夠食"],
                                    ["關注基層住屋", "的團體「劏房住戶", "聯盟」發言人楊淑", "儀則指出，數以萬"]])
def test_a_narrow_column_s_text_before_the_next_headline_or_byline_is_no_box(column):
    # Short lines after a finished sentence, then a headline in halves or a byline: a narrow
    # column's running text breaks words across its lines or holds its marks; items do not.
    for after in (["中學引入AI助教 老師：減輕批改負擔", "本報訊"], ["本報訊（記者 林志偉 報道）"]):
        text = "\n".join(["救援人員凌晨將兩人救出。"] + column + after + ["教育局推出試驗計劃，在十二間公立中學引入人工",
                                                             "智能助教系統，協助老師批改作文。"])
        blocks = [b for a in broadsheet.restore(text).articles for b in a.body]
        assert not any(b.kind == "list_item" for b in blocks), [(b.kind, b.string) for b in blocks]


def test_a_box_title_wrapped_over_two_lines_still_heads_its_items_after_the_last_story():
    text = ("Village bakery saved by crowdfunding\nBy Emily Clarke\n"
            "A village bakery that has sold bread on the same corner since 1921 will stay open\n"
            "after customers raised enough money to buy new ovens.\n"
            "The new ovens will be installed in January, the owners said on Tuesday.\n"
            "(Additional reporting by Ben Carter)\n"
            "How to save\nwater\nTake shorter showers\nFix dripping taps\nRun dishwashers only when\nfull\n"
            "Water gardens after sunset\n")
    page = broadsheet.restore(text)
    box = next(a for a in page.articles if a.headline and a.headline.string == "How to save water")
    assert [b.string for b in box.body] == ["Take shorter showers", "Fix dripping taps",
                                            "Run dishwashers only when full", "Water gardens after sunset"]
    assert all(b.kind == "list_item" for b in box.body)
