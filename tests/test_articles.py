"""Article assembly on small pages written for the purpose."""

from collections import Counter

import pytest

import broadsheet
from broadsheet import assemble

BODY_A = ("東區海濱長廊延伸工程昨日獲立法會通過撥\n款，涉及開支約十九億元，工程明年動工。\n")
BODY_B = ("中央圖書館由本月起延長開放時間至晚上十\n時，以配合學生溫習需要，館方表示歡迎。\n")


def articles(text):
    return broadsheet.restore(text).articles


def classified(text):
    """The text path's blocks of ``text``, kinds set, before articles are assembled."""
    from broadsheet.classify import classify_blocks
    from broadsheet.read.text import split_lines
    from broadsheet.segment import segment_lines

    blocks, _removed = classify_blocks(segment_lines(split_lines(text)), frozenset(), "en")
    return blocks


def test_headline_above_its_body():
    page = articles("海濱長廊延伸工程明年動工\n\n" + BODY_A + "\n圖書館延長開放時間\n\n" + BODY_B)
    assert [a.headline.string for a in page] == ["海濱長廊延伸工程明年動工", "圖書館延長開放時間"]


def test_headline_printed_at_the_foot_of_the_page_finds_its_body():
    text = "海濱長廊延伸工程明年動工\n\n" + BODY_A + "●記者 王五 報道\n\n" + BODY_B + "（本報綜合報道）\n\n圖書館延長開放時間\n"
    page = articles(text)
    heads = {a.headline.string if a.headline else None: a for a in page}
    assert "圖書館延長開放時間" in heads
    assert heads["圖書館延長開放時間"].body[0].string.startswith("中央圖書館")


def test_two_signoffs_never_overwrite_each_other():
    text = BODY_A + "●記者 王五 報道\n記者 李四 報道\n" + BODY_B
    page = broadsheet.restore(text)
    texts = [b.string for a in page.articles for b in a.blocks()] + [b.string for b in page.unassigned]
    assert "●記者 王五 報道" in texts and "記者 李四 報道" in texts


def test_byline_after_a_closed_story_opens_the_next():
    text = BODY_A + "●記者 王五 報道\n記者 李四 報道\n" + BODY_B
    page = articles(text)
    assert page[-1].byline is not None and page[-1].byline.string == "記者 李四 報道"


def test_bullet_box_with_its_own_title_is_its_own_article():
    text = ("海濱長廊延伸工程明年動工\n\n" + BODY_A + "\n工程要點\n●全長三點二公里\n●設單車徑\n" + BODY_B)
    page = articles(text)
    box = [a for a in page if a.headline and a.headline.string == "工程要點"]
    assert box and [b.string for b in box[0].body] == ["全長三點二公里", "設單車徑"]


def test_caption_with_a_credit_line_after_it():
    text = "海濱長廊延伸工程明年動工\n\n" + BODY_A + "▲市民在長廊散步。\n資料圖片\n"
    caption = articles(text)[0].captions[0]
    assert (caption.string, caption.credit.string) == ("市民在長廊散步。", "資料圖片")


def test_english_byline_and_signoff():
    text = ("Ferry fares to rise in January\n\nBy Jane Doe\n\nFerry fares between Central and the islands\n"
            "will rise by 7.5 per cent from January.\n\n(Additional reporting by Tom Chan)\n")
    article = articles(text)[0]
    assert article.headline.string == "Ferry fares to rise in January"
    assert article.byline.string == "By Jane Doe"
    assert article.signoff.string == "(Additional reporting by Tom Chan)"


def test_two_headlines_on_one_line_are_split_between_their_bodies():
    text = (BODY_A + "●記者 王五 報道\n\n" + BODY_B + "（本報綜合報道）\n\n"
            "海濱長廊延伸工程明年動工中央圖書館延長開放時間\n")
    heads = {a.headline.string: a.body[0].string[:4] for a in articles(text) if a.headline}
    assert heads == {"海濱長廊延伸工程明年動工": "東區海濱", "中央圖書館延長開放時間": "中央圖書"}


def test_unpunctuated_lines_at_the_column_measure_over_a_byline_are_its_headline():
    # No doubling marks the headline as display type and its lines fill the measure,
    # but text without a clause mark right before 本報訊 heads the story.
    text = "\n".join([
        "漁港轉型生態導賞", "魚排變身戶外課室", "本報訊（記者 王五", "西貢報道）",
        "在西貢海面經營", "魚排超過三十年的", "漁民，近年把部分", "漁排改建為課室，", "為學校提供導賞。",
        "漁民表示，導賞團", "每月約有五百人參", "加，反應踴躍。",
    ])
    page = broadsheet.restore(text)
    assert len(page.articles) == 1
    article = page.articles[0]
    assert article.headline is not None and article.headline.string == "漁港轉型生態導賞魚排變身戶外課室"
    assert article.byline is not None and article.byline.string.startswith("本報訊")


def test_unpunctuated_lines_at_the_measure_over_a_reporter_line_that_reads_as_a_signoff_are_the_headline():
    # 記者 王五 報道 also closes stories; above the text it is the byline, so the lines over it head the story.
    text = "\n".join([
        "社區長者飯堂開進舊屋邨", "一頓午飯十元", "記者 王五 報道",
        "中午十一時半，屋邨", "長者飯堂已經坐滿老", "人，一菜一湯只需十", "元。", "飯堂負責人表示，菜",
        "單每周更換，並會因", "應長者需要少鹽少油。",
    ])
    page = broadsheet.restore(text)
    heads = [a.headline.string for a in page.articles if a.headline]
    assert heads == ["社區長者飯堂開進舊屋邨一頓午飯十元"]
    assert page.articles[0].body[0].string.startswith("中午十一時半")


def test_unpunctuated_lines_over_a_continued_from_line_are_the_jump_headline():
    text = "\n".join([
        "城市書房全年通宵開放", "深夜讀者多為年輕人", "上接A3版",
        "書房管理員介紹，書房", "藏書約兩萬冊，讀者刷", "證即可進入。夜間讀者", "九成是年輕人。",
    ])
    page = broadsheet.restore(text)
    assert page.articles[0].headline is not None
    assert page.articles[0].headline.string == "城市書房全年通宵開放深夜讀者多為年輕人"
    assert page.articles[0].continued_from is not None


def test_a_sentence_before_a_byline_stays_body_text():
    text = "\n".join([
        "市民昨日到場支持，", "場面熱鬧。", "本報訊（記者 王五", "西貢報道）", "在西貢海面經營魚排",
        "超過三十年的漁民，", "近年把部分漁排改建。",
    ])
    page = broadsheet.restore(text)
    assert all(a.headline is None or "市民" not in a.headline.string for a in page.articles)


def test_a_headline_and_deck_over_a_byline_are_titles_though_the_headline_fills_the_measure():
    text = "\n".join([
        "Night ferry service returns after five-year", "pause",
        "Operators expect 1,200 passengers a week on the restored crossing",
        "By Laura Chen",
        "The night ferry between the north pier and", "Harbour Island will run again from Monday,",
        "five years after the service was cut for lack", "of passengers, the transport office said.",
    ])
    article = broadsheet.restore(text).articles[0]
    assert article.headline is not None and article.headline.string == "Night ferry service returns after five-year pause"
    assert [d.string for d in article.subheadlines] == ["Operators expect 1,200 passengers a week on the restored crossing"]


def test_a_short_unpunctuated_line_between_paragraphs_stands_alone_and_a_one_character_line_ends_a_title():
    text = "\n".join([
        "東區海濱長廊全線開放", "本報訊（記者 何嘉欣）全長約四公", "里的東區海濱長廊昨日全線開放，市",
        "民可由北角步行至筲箕灣。", "不少市民昨日一早到場。退休教師陳", "先生說：「每天都會來散步。」",
        "單車徑設限速", "當局提醒，單車徑限速每小時十公", "里，行人路段禁止踏單車。",
        "小學明年推每周閱讀", "課", "本報訊　教育局昨日公布，下學年起", "全港公營小學將推行每周閱讀課。",
    ])
    page = broadsheet.restore(text)
    headlines = [a.headline.string for a in page.articles if a.headline]
    assert headlines[0] == "東區海濱長廊全線開放" and headlines[-1] == "小學明年推每周閱讀課"
    # The subhead is a title of its own (a subhead, or a headline where the page is too
    # small to tell), never the tail of the paragraph above it.
    texts = [b.string for a in page.articles for b in [a.headline, *a.body] if b is not None]
    assert "單車徑設限速" in texts
    assert not any("單車徑設限速" in t and t != "單車徑設限速" for t in texts)


def test_two_halves_of_a_headline_on_two_lines_are_one_headline():
    text = "海濱長廊延伸工程\n明年動工\n\n" + BODY_A + "\n圖書館延長開放時間\n\n" + BODY_B
    page = articles(text)
    assert page[0].headline.string == "海濱長廊延伸工程明年動工"
    assert not page[0].subheadlines


def test_headline_wrapped_over_three_lines_of_a_narrow_column_is_one_headline():
    text = "海濱長廊延伸工程\n明年動\n工\n\n" + BODY_A + "\n圖書館延長開放時間\n\n" + BODY_B
    assert articles(text)[0].headline.string == "海濱長廊延伸工程明年動工"


def test_a_title_line_under_a_two_half_headline_stays_a_deck():
    text = "海濱長廊延伸工程　明年動工\n立法會通過撥款\n\n" + BODY_A + "\n圖書館延長開放時間\n\n" + BODY_B
    article = articles(text)[0]
    assert article.headline.string == "海濱長廊延伸工程　明年動工"
    assert [s.string for s in article.subheadlines] == ["立法會通過撥款"]


def test_a_title_line_past_a_headline_s_length_stays_a_deck():
    text = "海濱長廊延伸工程\n明年動工\n立法會昨日通過十九億元撥款動工\n\n" + BODY_A
    article = articles(text)[0]
    assert article.headline.string == "海濱長廊延伸工程明年動工"
    assert [s.string for s in article.subheadlines] == ["立法會昨日通過十九億元撥款動工"]


def test_headlines_of_two_stories_printed_together_stay_apart():
    text = BODY_A + "●記者 王五 報道\n\n" + BODY_B + "（本報綜合報道）\n\n海濱長廊延伸工程\n圖書館延長開放時間\n"
    heads = sorted(a.headline.string for a in articles(text) if a.headline)
    assert heads == ["圖書館延長開放時間", "海濱長廊延伸工程"]


def test_a_line_wrapped_just_after_the_space_between_halves_is_finished_by_the_next():
    text = "海濱長廊延伸　工\n程明年動工\n\n" + BODY_A + "\n圖書館延長開放時間\n\n" + BODY_B
    assert articles(text)[0].headline.string == "海濱長廊延伸　工程明年動工"


def test_a_box_title_sharing_words_with_a_story_heads_the_box_not_the_story():
    # Headlines printed last, after both bodies: each body gets one, the box its own.
    box = "●中央泳池：晚上十時關門\n●東區泳池：晚上九時關門\n（本報綜合報道）\n\n"
    story = ("記者 王五 報道\n康文署宣布，由下月起延長東區泳池的開放時間，\n方便市民在晚上夜泳。\n"
             "●記者 王五 報道\n\n")
    page = articles(box + story + "泳池晚上關門時間\n\n東區泳池延長開放　市民夜泳更方便\n")
    heads = {a.headline.string: [b.string for b in a.body] for a in page if a.headline}
    assert heads["泳池晚上關門時間"][0] == "中央泳池：晚上十時關門"
    assert heads["東區泳池延長開放　市民夜泳更方便"][0].startswith("康文署宣布")


def test_running_text_cut_mid_clause_does_not_take_a_story_s_headline():
    from broadsheet.charclass import cut_mid_clause

    assert cut_mid_clause("截至上月底，約有三千宗申請正在")
    assert not cut_mid_clause("東區泳池開放至晚上　市民夜泳更方便")
    assert not cut_mid_clause("康文署：泳池開放時間延長，市民歡迎。")


def test_a_title_like_line_right_above_a_jump_line_is_the_story_s_cut_end():
    text = ("海濱長廊延伸工程明年動工\n\n" + BODY_A + "工務小組委員會主席表示\n（轉A8版）\n"
            "本報訊（記者 李四 報道）\n" + BODY_B)
    page = articles(text)
    story = next(a for a in page if a.headline and a.headline.string == "海濱長廊延伸工程明年動工")
    assert story.body[-1].string == "工務小組委員會主席表示"
    assert story.continues is not None and story.continues.string == "（轉A8版）"


def test_a_byline_after_a_jump_line_opens_the_next_story():
    text = "海濱長廊延伸工程明年動工\n\n" + BODY_A + "（轉A8版）\n本報訊（記者 李四 報道）\n" + BODY_B
    page = articles(text)
    story = next(a for a in page if a.continues is not None)
    assert story.byline is None
    assert any(a.byline is not None and a.body and a.body[0].string.startswith("中央圖書館") for a in page)


def test_a_title_whose_story_is_taken_heads_another_only_if_it_shares_its_words():
    # Title 0 heads story 3; title 1 also fits story 3 best, and story 2 only by position
    # (printed next to it) in the first case, by words too in the second.
    for shares, expected in ((False, {0: 3, 1: 3}), (True, {0: 3, 1: 2})):
        owner, heads = {}, {}
        assemble._assign_headlines({0: [(1.45, 3, True)], 1: [(0.75, 3, True), (0.45, 2, shares)]}, owner, heads)
        assert owner == expected
        assert heads[3] == (1.45, 0)


def test_a_line_set_apart_by_a_blank_line_sharing_no_words_does_not_carry_a_headline_on():
    text = "海濱長廊延伸工程\n\n市民期待\n\n" + BODY_A + "\n圖書館延長開放時間\n\n" + BODY_B
    assert articles(text)[0].headline.string == "海濱長廊延伸工程"


@pytest.mark.parametrize("text, head", [
    ("Ferry fares between the\nislands will rise by seven\nper cent from January,\nthe operator said.\n\n"
     "Storm cuts power to the\nnorthern suburbs\nHigh winds brought down\ntrees and power lines in\n"
     "the north, leaving homes\nwithout electricity.\n", "Storm cuts power to the northern suburbs"),
    # In a narrow column a headline wraps to a third line over its story.
    ("Ferry fares between\nthe islands will\nrise by seven per\ncent from January,\nthe operator said.\n\n"
     "Night bus routes\nreach the\nharbour front\n\nTwo overnight bus\nroutes will run as\nfar as the harbour\n"
     "from Monday, the\nbureau said on\nFriday.\n", "Night bus routes reach the harbour front"),
])
def test_an_english_headline_wrapped_at_the_body_s_measure_between_stories_is_a_headline(text, head):
    assert [a.headline.string for a in articles(text) if a.headline] == [head]


WIDE_STORY = ("Ferry fares between the islands will rise by seven\nper cent from January, the operator said on\n"
              "Friday, the first rise in six years.\n\n")
WIDE_BODY = ("Two overnight bus routes will run as far as the\nharbour from Monday, the bureau said on Friday,\n"
             "after years of calls from shift workers.\n")


@pytest.mark.parametrize("narrow, heads", [
    # No doubling marks it (pdftotext drops the second drawing), yet a word or two a line
    # short of the column is a headline in a narrow column, over as many lines as it needs.
    ("Night bus\nroutes reach\nthe harbour\nfront\n\n", ["Night bus routes reach the harbour front"]),
    # ...but not a quotation broken up as short lines.
    ("\"Thank you\nall who\nwrote in\nto us\n\n", []),
])
def test_an_english_headline_a_word_or_two_a_line_in_a_narrow_column_is_a_headline(narrow, heads):
    assert [a.headline.string for a in articles(WIDE_STORY + narrow + WIDE_BODY) if a.headline] == heads


def test_three_unpunctuated_lines_at_the_measure_with_no_story_under_them_stay_running_text():
    # A sentence cut off at the foot of a column reads like a title but tells nothing under it.
    text = ("Ferry fares between\nthe islands will\nrise by seven per\ncent from January,\nthe operator said.\n\n"
            "Carter thanked her\nstaff at the hall and\nturned to housing\n")
    assert not [a.headline for a in articles(text) if a.headline]


def test_an_english_subhead_is_a_few_words_a_headline_more():
    def title(text):
        return broadsheet.model.Block("title", broadsheet.model.SourcedText.inserted(text))

    assert assemble._subhead_sized(title("Next stop: the world youth championship"))
    assert not assemble._subhead_sized(title("Reservoir levels fall to lowest in a decade"))


def test_a_sentence_closed_by_a_photographer_s_bracket_is_a_caption():
    text = ("Storm cuts power to the northern suburbs\n\nHigh winds brought down trees and power lines.\n"
            "Crews repair a line on Hill Road. (Photo by Sam Lee)\nPower was restored by evening.\n")
    article = articles(text)[0]
    assert [(c.string, c.credit.string) for c in article.captions] == [("Crews repair a line on Hill Road.", "Photo by Sam Lee")]


def test_a_sentence_closed_by_an_unbracketed_photo_by_name_is_a_caption_and_ends_there():
    text = ("By Jane Doe\nHigh winds brought down trees and power lines on Sunday.\n"
            "Crews repair a line on Hill Road. Photo by Sam Lee\n"
            "Storm cuts power to 40,000 homes\n")
    page = broadsheet.restore(text)
    captions = [(c.string, c.credit.string) for a in page.articles for c in a.captions]
    assert captions == [("Crews repair a line on Hill Road.", "Photo by Sam Lee")]
    assert [a.headline.string for a in page.articles if a.headline] == ["Storm cuts power to 40,000 homes"]


def test_a_marker_a_shadow_printed_twice_is_stripped_whole():
    text = "Storm cuts power to the northern suburbs\n\nHigh winds brought down trees.\n• • Crews repair a line on Hill Road. (Reuters)\n"
    captions = [c.string for a in articles(text) for c in a.captions]
    assert captions == ["Crews repair a line on Hill Road."]


def test_lines_of_chinese_without_a_single_mark_are_a_stack_of_headlines_not_a_paragraph():
    # Headlines printed after the stories, under a bulleted box, at the body's measure.
    text = (BODY_A + "●記者 王五 報道\n\n" + BODY_B + "（本報綜合報道）\n\n"
            "■ 多喝開水，少喝含糖飲品\n■ 室內冷氣溫度不宜低於二十六度\n"
            "防暑小貼士\n海濱長廊延伸工程明年動工\n立法會通過十九億元撥款\n圖書館延長開放時間\n學生溫習有好去處\n")
    page = articles(text)
    assert not any(b.kind == "paragraph" and "圖書館延長開放時間" in b.string for a in page for b in a.body)
    heads = [a.headline.string for a in page if a.headline]
    assert any(h.startswith("圖書館延長開放時間") for h in heads)


def test_an_unpunctuated_run_of_chinese_longer_than_a_clause_is_a_stack_of_titles():
    from broadsheet.classify import _unpunctuated_cjk_stack

    assert _unpunctuated_cjk_stack("海濱長廊延伸工程明年動工立法會通過十九億元撥款圖書館延長開放時間")
    assert not _unpunctuated_cjk_stack("海濱長廊延伸工程明年動工，立法會昨日通過十九億元撥款，圖書館延長開放時間")
    assert not _unpunctuated_cjk_stack("海濱長廊延伸工程明年動工")


BODY_C = ("渡輪公司宣布，來往離島的夜航班次由下月\n起增加兩班，以方便晚上下班的居民回家。\n")


def test_three_headlines_in_vertical_type_down_the_edge_are_cut_between_their_bodies():
    vertical = "".join(ch + "\n" for ch in "海濱長廊延伸工程明年動工中央圖書館延長開放時間離島渡輪增加夜航")
    text = (BODY_A + "●記者 王五 報道\n\n" + BODY_B + "（本報綜合報道）\n\n" + BODY_C + "●記者 李四 報道\n\n" + vertical)
    heads = {a.headline.string: a.body[0].string[:4] for a in articles(text) if a.headline and a.body}
    assert heads == {"海濱長廊延伸工程明年動工": "東區海濱", "中央圖書館延長開放時間": "中央圖書", "離島渡輪增加夜航": "渡輪公司"}


def test_vertical_headlines_run_together_are_never_cut_inside_a_word_no_story_prints():
    # No body prints 公共: the seam between the first two headlines falls before it, not
    # mid-way through it (…延伸工程明年動工公 / 共圖書館…).
    vertical = "".join(ch + "\n" for ch in "海濱長廊延伸工程明年動工公共圖書館延長開放時間離島渡輪增加夜航")
    text = (BODY_A + "●記者 王五 報道\n\n" + BODY_B + "（本報綜合報道）\n\n" + BODY_C + "●記者 李四 報道\n\n" + vertical)
    heads = {a.headline.string: a.body[0].string[:4] for a in articles(text) if a.headline and a.body}
    assert heads == {"海濱長廊延伸工程明年動工": "東區海濱", "公共圖書館延長開放時間": "中央圖書", "離島渡輪增加夜航": "渡輪公司"}


def test_a_headline_set_upright_heads_its_story_over_a_deck_printed_above_the_text():
    # Each of two stories has a plain title over its text; the headlines, set upright down
    # the page's edge, come after every story. Upright type is display type: the headline.
    vertical = "".join(ch + "\n" for ch in "海濱長廊延伸工程明年動工中央圖書館延長開放時間離島渡輪增加夜航")
    text = ("立法會通過十九億撥款\n" + BODY_A + "●記者 王五 報道\n\n" + "館方：配合學生溫習需要\n" + BODY_B
            + "（本報綜合報道）\n\n" + BODY_C + "●記者 李四 報道\n\n" + vertical)
    heads = {a.body[0].string[:4]: (a.headline.string, [d.string for d in a.subheadlines]) for a in articles(text) if a.body}
    assert heads["東區海濱"] == ("海濱長廊延伸工程明年動工", ["立法會通過十九億撥款"])
    assert heads["中央圖書"] == ("中央圖書館延長開放時間", ["館方：配合學生溫習需要"])


def test_a_headline_stacked_in_a_narrow_column_keeps_its_short_last_line_whatever_story_it_names():
    # Its last line (讀服務) holds a common word the other story prints (服務): a stack
    # wrapped at its measure, its line before full, still goes on into it.
    text = ("社區飯堂開進舊屋邨\n本報訊（記者 王五 報道）\n社區飯堂為長者提供送餐服\n務，每餐只收十二元，街坊\n都說服務周到。\n"
            "●記者 王五 報道\n全民閱讀活\n動啟動\n圖\n書館推出夜\n讀服務\n本報訊（記者 李四 報道）\n為期一個月的全民閱讀活動\n"
            "昨天在市圖書館啟動，館方\n每周五延長開放至晚上九時。\n")
    heads = [(a.headline.string, [d.string for d in a.subheadlines]) for a in articles(text)]
    assert heads == [("社區飯堂開進舊屋邨", []), ("全民閱讀活動啟動圖書館推出夜讀服務", [])]


def test_a_line_ending_on_the_space_that_closes_the_first_half_finishes_the_half_begun_above():
    # A narrow column cut the first half inside a word (五 / 年); the next line ends on the
    # halves' space, and the second half follows.
    text = ("長江禁漁五\n年成效顯著　\n江豚頻頻“露臉”\n新華社武漢11月11日電\n記者從農業部門了解到，長江十\n"
            "年禁漁實施五年來，干流魚類資源\n明顯恢復，江豚也常常露面。\n")
    [article] = articles(text)
    assert article.headline.string.replace("\u3000", "") == "長江禁漁五年成效顯著江豚頻頻“露臉”"
    assert article.subheadlines == []


def test_a_line_opening_on_the_end_of_a_word_then_the_halves_space_is_more_of_the_headline():
    # 小 / 區: the first half ends a character into the line, which a deck never opens so.
    text = ("社區長者飯堂開進舊小\n區　一頓午飯只要十元\n已覆蓋全市八成街道\n記者 趙靜 報道\n"
            "中午11點半，位於觀塘的一家社區長\n者飯堂已經坐滿了老人，街坊說飯菜\n清淡可口。\n")
    [article] = articles(text)
    assert article.headline.string == "社區長者飯堂開進舊小區　一頓午飯只要十元"
    assert [d.string for d in article.subheadlines] == ["已覆蓋全市八成街道"]


def test_two_headlines_run_together_in_vertical_type_are_cut_where_their_stories_words_change():
    # Only two bodies share the run's words (a third shares one pair): the run is cut in two
    # where the first story's words stop and the second's start.
    third = "渡輪公司表示，碼頭維修工程下月完成。"
    groups = [assemble._Group(k, features=assemble.text_features(b)) for k, b in enumerate([BODY_A, BODY_B, third])]
    df = Counter()
    for group in groups:
        df.update(group.features)
    cuts = assemble._cuts_between_several_titles("海濱長廊延伸工程明年動工中央圖書館延長開放時間", groups, df)
    assert cuts == [len("海濱長廊延伸工程明年動工")]


def test_figures_in_a_headline_set_upright_stay_in_it_not_read_as_page_numbers():
    vertical = "".join(ch + "\n" for ch in "海濱長廊延伸工程涉及開支約") + "19\n" + "".join(ch + "\n" for ch in "億元明年動工")
    text = BODY_A + "●記者 王五 報道\n\n" + BODY_B + "（本報綜合報道）\n\n" + vertical
    heads = [a.headline.string for a in articles(text) if a.headline]
    assert "海濱長廊延伸工程涉及開支約19億元明年動工" in heads


def test_a_run_of_text_with_commas_is_never_cut_into_headlines():
    from collections import Counter

    group = assemble._Group(0, features=assemble.text_features(BODY_A + BODY_B + BODY_C))
    assert assemble._cuts_between_several_titles("海濱長廊延伸工程明年動工，中央圖書館延長開放時間，離島渡輪增加夜航",
                                                 [group], Counter()) == []


def test_a_deck_repeating_its_own_headline_is_removed_not_kept():
    # The page's headline, then the same headline again in vertical type by the story.
    vertical = "".join(ch + "\n" for ch in "中央圖書館延長開放時間")
    text = ("海濱長廊延伸工程明年動工\n\n" + BODY_A + "●記者 王五 報道\n\n"
            "中央圖書館延長開放時間\n\n" + BODY_B + "（本報綜合報道）\n\n" + vertical)
    page = broadsheet.restore(text)
    article = next(a for a in page.articles if a.headline and a.headline.string.startswith("中央"))
    assert article.headline.string == "中央圖書館延長開放時間"
    assert article.subheadlines == []
    assert "".join(r.text for r in page.removed if r.reason == "repeated_title") == "中央圖書館延長開放時間"


def test_a_dateline_s_reporter_in_brackets_on_the_next_line_is_part_of_the_byline():
    text = ("中央圖書館延長開放時間\n\n新華社香港5月6日電\n（記者 李四）\n" + BODY_B + "（完）\n")
    page = broadsheet.restore(text)
    bylines = [a.byline.string for a in page.articles if a.byline]
    assert bylines == ["新華社香港5月6日電（記者 李四）"]
    assert not any(a.headline and "記者" in a.headline.string for a in page.articles)


def test_a_column_of_vertical_headlines_printed_twice_is_still_cut_between_their_bodies():
    # The extractor gives every character of the doubled vertical run twice: 海/海/濱/濱/...
    doubled = "".join(ch + "\n" + ch + "\n" for ch in "海濱長廊延伸工程明年動工中央圖書館延長開放時間離島渡輪增加夜航")
    text = (BODY_A + "●記者 王五 報道\n\n" + BODY_B + "（本報綜合報道）\n\n" + BODY_C + "●記者 李四 報道\n\n" + doubled)
    heads = {a.headline.string: a.body[0].string[:4] for a in articles(text) if a.headline and a.body}
    assert heads == {"海濱長廊延伸工程明年動工": "東區海濱", "中央圖書館延長開放時間": "中央圖書", "離島渡輪增加夜航": "渡輪公司"}


def test_a_column_of_english_headlines_after_their_stories_wrapped_a_word_or_two_a_line_heads_each_story():
    text = "\n".join([
        "By Olivia Brooks",
        "Six months after the city library stopped charging",
        "late fees, more than 4,000 overdue books have come",
        "back to the shelves, librarians said on Monday.",
        "By Michael Grant",
        "Mayor Diane Carter won a second term by 312 votes",
        "on Friday after a three-day recount confirmed her",
        "lead over challenger Steven Ruiz.",
        "Library", "scraps", "overdue fines,", "and the books", "come back",
        "Mayor", "narrowly", "wins second", "term after", "recount",
    ])
    heads = {a.headline.string: a.body[0].string[:9] for a in articles(text) if a.headline and a.body}
    assert heads == {"Library scraps overdue fines, and the books come back": "Six month",
                     "Mayor narrowly wins second term after recount": "Mayor Dia"}


def test_a_title_in_display_type_claims_its_story_before_a_plain_deck_that_shares_more_words():
    # Title 0 (plain, a deck) describes story 5 better than title 1 (printed twice) does;
    # the page marks its headlines by display type, so title 1 heads story 5.
    choices = {0: [(0.9, 5, True), (0.1, 6, False)], 1: [(0.6, 5, True), (0.3, 6, False)]}
    owner, best_headline = {}, {}
    assemble._assign_headlines(choices, owner, best_headline, display={1})
    assert best_headline[5][1] == 1 and owner[0] == 5


def test_an_english_list_item_ends_before_a_capital_unless_its_phrase_runs_on():
    text = "\n".join([
        "By Jane Doe",
        "The night clinic opens next week in the old post office on Dock Road.",
        "• Address: 212 King",
        "Street",
        "• Hours: 8pm to 6am, Monday to",
        "Saturday",
        "• Start date: May 2, 2027",
        "The clinic will be reviewed after one year.",
        "• Bring your own blanket",
        "Mayor narrowly wins second term",
        "By Michael Grant",
        "Mayor Diane Carter won a second term on Friday.",
    ])
    page = broadsheet.restore(text)
    items = [b.string for a in page.articles for b in a.body if b.kind == "list_item"]
    assert items == ["Address: 212 King Street", "Hours: 8pm to 6am, Monday to Saturday",
                     "Start date: May 2, 2027", "Bring your own blanket"]
    assert "Mayor narrowly wins second term" in [a.headline.string for a in page.articles if a.headline]


def test_an_english_fact_ending_on_a_sum_of_money_ends_before_the_headline_under_it():
    # Lamma (Yung Shue Wan): / HK$20.70 / Library scraps…: the fare ends the item; the
    # capitalised line after it is the next story's headline, wrapped in a narrow column.
    text = "\n".join([
        "New fares at a glance", "• Cheung Chau ordinary: HK$15.90", "• Lamma (Yung Shue Wan):", "HK$20.70",
        "Library scraps", "overdue fines, and", "the books come", "back", "By Olivia Brooks",
        "Six months after the city library stopped charging late fees, more than 3,000 overdue",
        "books have come back, some of them decades late, the head librarian said.",
    ])
    page = broadsheet.restore(text)
    items = [b.string for a in page.articles for b in a.body if b.kind == "list_item"]
    assert items == ["Cheung Chau ordinary: HK$15.90", "Lamma (Yung Shue Wan): HK$20.70"]
    library = next(a for a in page.articles if a.byline is not None)
    assert library.headline.string == "Library scraps overdue fines, and the books come back"


def test_a_dateline_wrapped_in_a_narrow_column_is_one_byline_and_ends_the_title_above_it():
    text = "\n".join([
        "高鐵全線貫通", "兩地只需兩小時", "新華社廣州3月2日", "電（記者王曉東）",
        "記者從鐵路部門獲", "悉，廣州至湛江高", "速鐵路今天全線貫", "通，預計年底前開", "通運營。",
    ])
    page = broadsheet.restore(text)
    article = page.articles[0]
    assert article.byline is not None and article.byline.string == "新華社廣州3月2日電（記者王曉東）"
    assert article.headline is not None and article.headline.string == "高鐵全線貫通兩地只需兩小時"
    assert article.body[0].string.startswith("記者從鐵路部門")


def test_a_line_of_english_display_type_opening_lower_case_runs_on_from_the_one_above():
    # Display lines as the repairs leave them: the last words of a doubled headline on a line of
    # their own (… lowest in / a decade), over a wider headline, so they do not reach its edge.
    from dataclasses import replace

    from broadsheet.read.text import split_lines
    from broadsheet.segment import segment_lines

    text = "Reservoir levels fall to lowest in\na decade\nHarbour ferry fares to rise for first time since 2020\n"
    lines = [replace(line, bold=True) for line in split_lines(text)]
    blocks = [" ".join(line.string for line in block.lines) for block in segment_lines(lines)]
    assert "Reservoir levels fall to lowest in a decade" in blocks


def test_a_list_under_a_plain_subhead_at_the_end_of_a_story_is_the_story_s_not_a_box():
    # The page prints its headlines twice (display type); the plain title over the list
    # is a subhead of the story still running, not the title of a box of its own.
    text = ("海濱長廊延伸工程明年動工\n海濱長廊延伸工程明年動工\n\n" + BODY_A + "\n工程要點\n●全長三點二公里\n●設單車徑\n\n"
            "圖書館延長開放時間\n圖書館延長開放時間\n\n" + BODY_B)
    page = articles(text)
    assert [a.headline.string for a in page] == ["海濱長廊延伸工程明年動工", "圖書館延長開放時間"]
    assert [(b.kind, b.string) for b in page[0].body][1:] == [
        ("subhead", "工程要點"), ("list_item", "全長三點二公里"), ("list_item", "設單車徑")]


STORY_POOL = "記者 王五 報道\n康文署宣布，由下月起延長東區泳池的開放時間，\n方便市民在晚上夜泳。\n（本報綜合報道）\n\n"


def test_a_headline_sharing_no_word_with_any_story_heads_the_story_left_without_one():
    # Headlines printed after the stories; the box's title names none of its figures.
    box = "●長洲：十五元九角\n●南丫島：二十元七角\n\n"
    text = box + STORY_POOL + "船費新舊對照一覽\n\n東區泳池延長開放　市民夜泳更方便\n"
    heads = {a.headline.string: [b.string for b in a.body] for a in articles(text)}
    assert heads["船費新舊對照一覽"] == ["長洲：十五元九角", "南丫島：二十元七角"]
    assert heads["東區泳池延長開放　市民夜泳更方便"][0].startswith("康文署")


def test_a_line_under_a_headline_set_whole_in_two_halves_is_another_title_not_more_headline():
    # Headlines printed after the stories, each display line printed twice on its own; the
    # first headline is the widest line of the run, so width alone reads it as wrapped.
    def twice(line):
        return line + "\n" + line + "\n"

    text = (BODY_A + "●記者 王五 報道\n" + BODY_B + "●記者 李四 報道\n" + twice("海濱長廊延伸工程明年動工　居民一路走到筲箕灣")
            + twice("工程要點一覽") + twice("圖書館延長開放時間　考生溫習更方便"))
    page = articles(text)
    assert page[0].headline.string == "海濱長廊延伸工程明年動工　居民一路走到筲箕灣"
    assert [d.string for d in page[0].subheadlines] == ["工程要點一覽"]


def test_a_headline_whose_second_half_the_column_cut_still_runs_on_into_the_next_line():
    head, tail = "海濱長廊延伸工程明年動工　東區居民\n", "一路走到筲箕灣\n"
    page = articles(head + head + tail + tail + "\n本報訊（記者 王五 報道）\n" + BODY_A)
    assert page[0].headline.string == "海濱長廊延伸工程明年動工　東區居民一路走到筲箕灣"


def test_a_titles_overlap_with_a_story_does_not_depend_on_the_order_its_features_come_in():
    """Feature sets hand their members out in an order that changes from run to run with
    string hashing; a score summed in that order changed which headline won a near tie."""
    from itertools import permutations
    from broadsheet.assemble import _Group, _overlap
    df = Counter({"harbour": 1, "ferry": 10**16, "fares": 10**16, "rise": 3})
    group = _Group(index=0)
    group.features = {"ferry", "fares", "rise"}
    scores = {_overlap(list(order), group, df) for order in permutations(["harbour", "ferry", "fares", "rise"])}
    assert len(scores) == 1


def test_a_headline_right_above_a_byline_never_runs_on_from_the_text_before_it():
    # pdftotext cuts a column mid-sentence at its own block break: the text above the
    # headline stops on a comma, at the column's measure, and a capital follows.
    text = ("By Jane Doe\n\nFerry fares between the harbour and the\noutlying islands will rise from March, the\n"
            "operator said on Monday, and the groups who\nrepresent commuters said the rise was unfair,\n\n"
            "Late collapse costs county side the title\nBy Sam Wilson\n\n"
            "Needing 42 runs from the final eight overs,\nWestbridge lost by nine runs on Sunday.\n")
    page = broadsheet.restore(text)
    heads = {a.headline.string: a.byline.string for a in page.articles if a.headline and a.byline}
    assert heads == {"Late collapse costs county side the title": "By Sam Wilson"}
    assert all("Late collapse" not in b.string for a in page.articles for b in a.body)


def test_text_above_a_byline_that_reads_as_running_text_stays_in_its_block():
    from broadsheet.segment import BYLINE, _titles_a_byline
    from broadsheet.read.text import split_lines

    def titles(strings):
        lines = split_lines("\n".join(strings) + "\n")
        hints = [BYLINE if s.startswith("By ") else None for s in strings]
        return _titles_a_byline(lines, hints, len(strings) - 2)

    assert titles(["Storm cuts power to the", "Night ferry service resumes", "By Ann Lee"])
    assert not titles(["• Peng Chau (Ferry", "Pier): HK$9.80", "By Ann Lee"])  # the rest of a bracket
    assert not titles(["the chairman said the", "The council said about", "By Ann Lee"])  # ends on a function word
    assert not titles(["of the plan, which", "costs about $4m. The mayor", "By Ann Lee"])  # a sentence stop inside


# Three stories' text with no headline over any of them, as an extractor gives a page whose
# headlines were drawn after everything else.
_THREE_STORIES = (
        "記者王小明報道\n市政府昨日宣布，北區新建的單車徑將於下月開通，全長約八公里，連接三個屋邨及兩個港鐵站。\n"
        "居民陳先生說，以往踩單車上班要走馬路，現在有專用單車徑，安全得多。\n●記者 王小明 報道\n"
        "本報訊（記者 李美華報道）\n南灣泳灘昨日因發現大量水母暫時關閉，康文署派員清理，預計明日重開。\n"
        "救生員表示，今年水母數量比往年多，提醒泳客留意告示。\n●記者 李美華 報道\n"
        "本報訊（記者張志強報道）\n本地一間小學的機械人隊伍在國際比賽中奪得冠軍，擊敗來自二十個國家的隊伍。\n"
        "隊長表示，團隊每星期練習三晚，終於取得佳績。\n●記者 張志強 報道\n"
)


def test_headlines_drawn_after_every_story_head_the_stories_in_order():
    # A page that draws its headlines last: each story's text first, then all the
    # headlines in one run, in the stories' order. The middle headline shares no word
    # with its story; only the order says it heads it, not the one before it.
    text = _THREE_STORIES + "北區單車徑下月開通\n消暑好去處暫停\n小學機械人隊奪國際冠軍\n"
    page = broadsheet.restore(text)
    heads = {a.body[0].string[:4]: a.headline.string if a.headline else None for a in page.articles if a.body}
    assert heads == {"市政府昨": "北區單車徑下月開通", "南灣泳灘": "消暑好去處暫停", "本地一間": "小學機械人隊奪國際冠軍"}


def test_a_wrapped_headlines_wordless_last_piece_among_headlines_drawn_last_ends_it():
    # The second headline wrapped in a narrow column: its last piece (小心) shares no word
    # with any story, yet a run drawn after every story holds headlines, not strays.
    text = _THREE_STORIES + "北區單車徑下月開通\n南灣泳灘現水母\n泳客要\n小心\n小學機械人隊奪國際冠軍\n"
    page = broadsheet.restore(text)
    heads = {a.body[0].string[:4]: a.headline.string if a.headline else None for a in page.articles if a.body}
    assert heads == {"市政府昨": "北區單車徑下月開通", "南灣泳灘": "南灣泳灘現水母泳客要小心", "本地一間": "小學機械人隊奪國際冠軍"}
    assert all(a.body for a in page.articles)


def test_a_headline_read_as_a_paragraph_among_headlines_drawn_last_is_a_title():
    # An extractor set one headline of the run drawn after all the text as a line of
    # its own at the column's measure, and it was read as a paragraph.
    from broadsheet.classify import TITLE
    from broadsheet.model import PARAGRAPH
    text = _THREE_STORIES + "北區單車徑下月開通\n泳灘驚現水母南灣泳灘“暫停”\n小學機械人隊奪國際冠軍\n"
    blocks = classified(text)
    read_as_text = [b for b in blocks if b.string == "泳灘驚現水母南灣泳灘“暫停”"]
    assert len(read_as_text) == 1 and read_as_text[0].kind == TITLE
    read_as_text[0].kind = PARAGRAPH
    articles, _unassigned = assemble.assemble_articles(blocks, [])
    heads = {a.body[0].string[:4]: a.headline.string if a.headline else None for a in articles if a.body}
    assert heads["南灣泳灘"] == "泳灘驚現水母南灣泳灘“暫停”"
    assert all("暫停”" not in b.string for a in articles for b in a.body)


def test_a_run_of_headline_halves_is_read_two_lines_at_a_time():
    # Both headlines drawn together above the first story, each in two half-lines; the
    # second half of the first names words that only a later piece of that story repeats.
    text = ("海濱長廊延伸工程\n市民期待新景點\n圖書館延長開放\n夜讀人士受惠\n\n" + BODY_A + "●記者 王五 報道\n\n"
            + BODY_B + "（本報綜合報道）\n\n有市民期待新景點落成後，假日可\n到海邊散步。\n")
    headlines = [a.headline.string for a in articles(text) if a.headline]
    assert "海濱長廊延伸工程市民期待新景點" in headlines
    assert "圖書館延長開放夜讀人士受惠" in headlines


def test_an_english_headline_wrapped_inside_a_name_its_story_prints_is_one_headline():
    # A narrow column wrapped the headline between Elm and Street; the next line opens on a
    # capital as a deck would, but the story prints the name whole.
    text = ("Council votes to close Elm\nStreet to cars on weekends\nBy Jane Roe\n"
            "The city council voted on Monday night to close four blocks of Elm Street to motor traffic\n"
            "every Saturday and Sunday from May, turning the strip into a plaza.\n")
    [article] = articles(text)
    assert article.headline.string == "Council votes to close Elm Street to cars on weekends"
    assert article.subheadlines == []


def test_an_english_deck_under_its_headline_stays_a_deck():
    text = ("Ferry fares to rise in January\nOperator blames fuel costs\nBy Jane Roe\n"
            "Fares on the island routes will rise by seven per cent in January, the operator said,\n"
            "citing fuel costs that have climbed for a third straight year.\n")
    [article] = articles(text)
    assert article.headline.string == "Ferry fares to rise in January"
    assert [deck.string for deck in article.subheadlines] == ["Operator blames fuel costs"]


def test_a_title_goes_to_the_body_that_holds_its_words_not_to_the_one_printed_under_it():
    # Printed over a council story it shares no word with; the lantern story holds two of its words.
    text = ("Harbour lanterns: elders recall quieter autumns gone\n\n"
            "The council approved a new budget for road repairs across the district on Monday. Work begins next spring.\n\n"
            "By Jane Roe\n\n"
            "Volunteers hung hundreds of paper lanterns along the harbour wall for the festival, which opens tonight.\n")
    page = articles(text)
    headed = [a for a in page if a.headline is not None]
    assert len(headed) == 1
    assert headed[0].body[0].string.startswith("Volunteers hung")


def test_unpunctuated_english_with_no_running_text_after_it_is_a_headline():
    # Column pieces emitted out of order: one headline lands before the page's folio lines,
    # another after a photo credit at the very end; neither is running text.
    text = ("Night market returns to the old bus depot after\ntwo years\nB10\nBusiness\nBy Anna Lee\n"
            "Food stalls and craft sellers filled\nthe old bus depot on Saturday as the\nnight market returned after a break.\n"
            "Visitors queued for grilled squid and\nhandmade soap until midnight.\n"
            "Crowds at the depot gates.\nPhoto by Anna Lee\nFerry pier reopens after storm\nrepairs\n")
    page = articles(text)
    headlines = [a.headline.string for a in page if a.headline]
    assert "Night market returns to the old bus depot after two years" in headlines
    assert "Ferry pier reopens after storm repairs" in headlines
    assert not any(b.string.startswith("Ferry pier") for a in page for b in a.body)


def test_a_caption_in_display_type_ends_at_its_credit_before_the_headline_under_it():
    # Fake bold caption and headline as the repairs leave them: both bold, no blank line between.
    from dataclasses import replace

    from broadsheet.read.text import split_lines
    from broadsheet.segment import segment_lines

    text = "Volunteers plant oaks along the canal. Reuters\nTown pays for new trees\n"
    lines = [replace(line, bold=True) for line in split_lines(text)]
    blocks = [" ".join(line.string for line in block.lines) for block in segment_lines(lines)]
    assert blocks == ["Volunteers plant oaks along the canal. Reuters", "Town pays for new trees"]


def test_a_credit_s_name_wrapped_in_display_type_stays_with_it():
    from dataclasses import replace

    from broadsheet.read.text import split_lines
    from broadsheet.segment import segment_lines

    text = "Volunteers plant oaks along the canal. AFP/Getty\nImages\n"
    lines = [replace(line, bold=True) for line in split_lines(text)]
    assert [len(block.lines) for block in segment_lines(lines)] == [2]


def test_a_cjk_headline_whose_halves_an_extractor_parted_by_a_plain_space_is_whole():
    # poppler prints the full-width space between a headline's halves as a plain one.
    from dataclasses import replace

    from broadsheet.read.text import split_lines
    from broadsheet.segment import segment_lines

    text = "海濱公園重新開放 市民周末踴躍前往\n新巴士路線今日通車\n"
    lines = [replace(line, bold=True) for line in split_lines(text)]
    blocks = [[line.string for line in block.lines] for block in segment_lines(lines)]
    assert blocks == [["海濱公園重新開放 市民周末踴躍前往"], ["新巴士路線今日通車"]]


def test_a_sign_off_left_open_does_not_run_on_into_display_type():
    # The sign-off's last word was read elsewhere; the next line is a headline drawn twice.
    from dataclasses import replace

    from broadsheet.read.text import split_lines
    from broadsheet.segment import segment_lines

    text = "(Additional reporting by Ann\n\nTown pays for new trees\n"
    lines = split_lines(text)
    lines[1] = replace(lines[1], bold=True)
    blocks = [[line.string for line in block.lines] for block in segment_lines(lines)]
    assert blocks == [["(Additional reporting by Ann"], ["Town pays for new trees"]]


def test_lines_doubled_one_at_a_time_where_the_page_doubles_whole_blocks_are_two_titles():
    # The extractor repeats a wrapped headline block by block (two lines, then both again),
    # so two display lines each repeated on its own were drawn apart: two titles.
    from broadsheet.read.text import split_lines
    from broadsheet.repair import repair_lines
    from broadsheet.segment import segment_lines

    text = ("市民踴躍參觀新館\n周末開放時間延長\n市民踴躍參觀新館\n周末開放時間延長\n館方表示，首日人數破紀錄。\n\n"
            "海濱長廊延伸工程明年動工\n海濱長廊延伸工程明年動工\n圖書館添置新書\n圖書館添置新書\n正文第一行，內容如下。\n")
    lines, _removed = repair_lines(split_lines(text), text)
    blocks = [[line.string for line in block.lines] for block in segment_lines(lines)]
    assert ["海濱長廊延伸工程明年動工"] in blocks and ["圖書館添置新書"] in blocks
    assert ["市民踴躍參觀新館", "周末開放時間延長"] in blocks


def test_a_headline_at_the_body_measure_over_a_deck_with_a_semicolon_and_a_byline_heads_the_story():
    from broadsheet.pipeline import restore_text

    text = ("City council approves new cycle lanes on the old\nharbour road\n"
            "Plan costs $3 million; shop owners fear the loss of parking\nBy Ann Lee\n"
            "The council voted on Tuesday to build protected\ncycle lanes along four kilometres of the old\n"
            "harbour road, the busiest route into the centre.\nWork will begin in March and take a year, the\n"
            "transport department said in a statement.\nShop owners on the road said they feared that\n"
            "customers would stop coming once the parking\nspaces along the kerb were taken out.\n")
    page = restore_text(text)
    assert [(a.headline.string, [d.string for d in a.subheadlines]) for a in page.articles] == [
        ("City council approves new cycle lanes on the old harbour road",
         ["Plan costs $3 million; shop owners fear the loss of parking"])]


def test_a_title_at_the_measure_under_another_title_is_a_title_too():
    # Headlines printed one under another: the one above is unfinished but is no running text.

    text = ("Owners of the boats said the new prices were\nfair, and most of them had already paid.\n"
            "Parking fees rise in the city centre\nnext month\n"
            "Harbour walk reopens after two years of\nrepairs\n"
            "Boats return to the old marina as the summer\nseason starts and berths fill up again.\n"
            "The marina will open on Friday with thirty\nberths for visiting boats and ten for local\nowners.\n")
    blocks = classified(text)
    assert [b.kind for b in blocks][1:3] == ["title", "title"]


def test_the_tail_of_a_wrapped_line_that_closes_a_bracket_it_never_opened_is_no_title():
    # The extractor parted a sign-off from its last word: "Lee)" alone above the next story.

    text = ("The ferry pier on the east shore reopened on\nMonday after three months of repairs to its\n"
            "wooden deck, the harbour office said.\n(Additional reporting by Sara\nWork on the north pier will start\n\n"
            "Lee)\n\n"
            "The Saturday night market will move into\nthe old train shed on Wharf Road from next\nmonth, organisers said.\n")
    blocks = classified(text)
    assert "Lee)" not in [b.string for b in blocks if b.kind == "title"]
    assert [b.string for b in blocks if b.kind == "signoff"] == ["(Additional reporting by Sara Work on the north pier will start Lee)"]


def test_an_english_title_that_breaks_off_on_a_word_no_phrase_ends_on_runs_on_into_the_next():
    # The extractor set each line of a wrapped headline apart: "…to" is no whole headline,
    # and the line after it is not its deck.
    text = ("Ferry pier reopens after repairs\n\n"
            "The ferry pier on the east shore reopened on\nMonday after three months of repairs to its\n"
            "wooden deck, the harbour office said.\n\n"
            "Gale cuts the lights to\n\n"
            "12,000 flats\n\n"
            "Strong winds brought down cables across the\nwestern hills overnight, leaving thousands of\n"
            "flats without light until the morning.\n")
    page = articles(text)
    assert [(a.headline.string, [d.string for d in a.subheadlines]) for a in page] == [
        ("Ferry pier reopens after repairs", []), ("Gale cuts the lights to 12,000 flats", [])]


def test_a_line_of_running_text_read_apart_that_breaks_off_mid_phrase_goes_back_before_the_next_paragraph():
    # "An adult ticket to" reads as a title (short, capitalised, unpunctuated), but no
    # headline ends on "to": the extractor read a line of the story apart, past a credit.

    text = ("Bus fares rise in May\n\n"
            "Bus fares will rise by five per cent from May,\nthe transport office said on Monday.\n\n"
            "An adult ticket to\n\n"
            "Reuters\n\n"
            "Riverside will cost $3.20, up from $3.05, and a\nchild's ticket $1.60.\n")
    blocks = classified(text)
    assert "An adult ticket to" not in [b.string for b in blocks if b.kind == "title"]
    assert [b.string for b in blocks if b.kind == "paragraph"][-1].startswith("An adult ticket to Riverside will cost")


def test_a_headline_run_into_the_first_line_of_its_story_is_cut_off_where_the_story_begins():
    # The extractor set the headline's last line and the story's first on one line
    # (…after the gales The harbour…). The story opens on a capital after an unpunctuated
    # run that reads as a title and whose words the story goes on to use.
    text = ("Ferry pier reopens after repairs\n\n"
            "The ferry pier on the east shore reopened on\nMonday after three months of repairs to its\n"
            "wooden deck, the harbour office said.\n\n"
            "Harbour wall rebuilt\nafter the gales The harbour wall\nthat the winter gales broke open\n"
            "has been rebuilt at a cost of $2\nmillion, the port said on Friday.\n")
    page = articles(text)
    assert [a.headline.string for a in page] == ["Ferry pier reopens after repairs", "Harbour wall rebuilt after the gales"]
    assert page[1].body[0].string.startswith("The harbour wall that the winter gales")


def test_a_paragraph_naming_a_place_in_capitals_is_not_cut_into_a_headline():
    # The words before "Market Street" read as a title, but the story never comes back to them.
    text = ("Ferry pier reopens after repairs\n\n"
            "Traders welcomed the ferry back Market Street\nshops said trade on the ferry days had\n"
            "doubled since the repairs, and that the cafes\nby the pier were full again, the harbour\noffice said.\n")
    page = articles(text)
    assert [(a.headline.string, a.subheadlines) for a in page] == [("Ferry pier reopens after repairs", [])]
    assert page[0].body[0].string.startswith("Traders welcomed the ferry back Market Street")


@pytest.mark.parametrize("fragment", ["主辦單位表示，明年會把", "星期二"])
def test_a_whole_headline_in_two_halves_heads_its_story_over_a_fragment_taken_for_one(fragment):
    # A line of running text cut off mid-clause, or a weekday off the folio, read just above
    # the headline: the headline in two halves is the story's, not that fragment's deck.
    body = ("一連五日的中秋綵燈會昨晚圓滿結束，主辦單位估計共吸引約十萬人次入場，\n巨型玉兔花燈前大排長龍，市民爭相拍照留念。\n"
            "主辦單位表示，明年會把燈會擴展至三個場地。\n")
    page = articles(fragment + "\n\n中秋燈會吸引十萬人次　巨型玉兔成打卡熱點\n記者 王五 報道\n" + body)
    assert [a.headline.string for a in page] == ["中秋燈會吸引十萬人次\u3000巨型玉兔成打卡熱點"]


def test_a_headline_whose_halves_lost_their_space_heads_its_story_over_running_text_cut_mid_clause():
    # Poppler's default mode drops the space between a headline's halves: the phrase as long
    # as two, not the clause read just above it, is the headline.
    body = ("一連五日的中秋綵燈會昨晚圓滿結束，主辦單位估計共吸引約十萬人次入場，\n巨型玉兔花燈前大排長龍，市民爭相拍照留念。\n"
            "主辦單位表示，明年會把燈會擴展至三個場地。\n")
    page = articles("主辦單位表示，明年會把\n\n中秋燈會吸引十萬人次巨型玉兔成打卡熱點\n記者 王五 報道\n" + body)
    assert [a.headline.string for a in page] == ["中秋燈會吸引十萬人次巨型玉兔成打卡熱點"]
    # A phrase a word long stays a deck: it is as often the next story's headline.
    assert not assemble._whole_over_a_part("主辦單位表示，明年會把", "玉兔")
    # A headline in two halves may hold a comma: it heads over its deck.
    assert not assemble._whole_over_a_part("掃地機器人價格戰升級　消費者：功能多了，毛病也多了", "投訴集中在撞家具和售後難")


def test_a_headline_cut_short_of_its_second_half_gives_way_to_the_whole_copy_under_it():
    body = ("位於深水埗的餅家開業超過六十年，上月由第三代傳人接手，\n新增抹茶及芝麻兩款蛋撻，吸引不少年輕顧客。\n"
            "他說，爺爺常常講，做餅要有耐性，急不來。\n")
    page = articles("老字號餅店\n\n老字號餅店第三代接手　蛋撻加入抹茶口味\n記者 王五 報道\n" + body)
    assert [a.headline.string for a in page] == ["老字號餅店第三代接手\u3000蛋撻加入抹茶口味"]


def test_a_credit_in_brackets_gives_way_to_a_whole_headline():
    body = ("一連五日的中秋綵燈會昨晚圓滿結束，主辦單位估計共吸引約十萬人次入場，\n巨型玉兔花燈前大排長龍，市民爭相拍照留念。\n"
            "主辦單位表示，明年會把燈會擴展至三個場地。\n")
    page = articles("（政府新聞處）\n\n中秋燈會吸引十萬人次　巨型玉兔成打卡熱點\n記者 王五 報道\n" + body)
    assert [a.headline.string for a in page] == ["中秋燈會吸引十萬人次\u3000巨型玉兔成打卡熱點"]


@pytest.mark.parametrize("fragment", ["專線小巴試行電子支付　司機：", "（政府新聞處）", "星期二", "主辦單位表示，明年會把"])
def test_a_half_cut_off_at_its_colon_a_credit_a_weekday_or_a_clause_is_no_headline_of_its_own(fragment):
    assert assemble._no_headline_of_its_own(fragment)
    assert not assemble._no_headline_of_its_own("中秋燈會吸引十萬人次　巨型玉兔成打卡熱點")


@pytest.mark.parametrize("fragment", ['They are not getting rich."', '"Thank you, thank you —', "Owners of the boats said the"])
def test_a_headline_gives_way_to_none_that_is_running_text_read_just_above_it(fragment):
    # A line of a story read out of place, over the headline: it finishes a sentence, breaks
    # off on a dash or on a word no phrase ends on, or opens a quotation; the headline is the one under it.
    body = ("The ferry pier on the east shore reopened on\nMonday after three months of repairs to its\n"
            "wooden deck, the harbour office said.\nBoat owners said the work had been worth the\n"
            "wait, and that bookings were already up.\n")
    page = articles(fragment + "\n\nFerry pier reopens after three months\nBy Ann Lee\n" + body)
    assert [a.headline.string for a in page if a.headline] == ["Ferry pier reopens after three months"]


def test_a_headline_in_a_narrow_side_column_read_onto_the_end_of_a_block_is_split_off():
    # The extractor ran a side headline, a few words a line, onto the last list item before it.

    text = ("The pier will open at six on weekdays.\n\nNew fares at a glance\n\n• Cheung Sha (Lower\nPier): HK$18.10\n\n"
            "• Peng Chau (Tai Wan\nPier): HK$18.10\nNight buses\nreturn to the\nharbour route\n\n"
            "The night bus to the harbour will run again from\nFriday, the transport office said.\n")
    blocks = classified(text)
    kinds = [(b.kind, b.string) for b in blocks]
    assert ("list_item", "Peng Chau (Tai Wan Pier): HK$18.10") in kinds
    assert ("title", "Night buses return to the harbour route") in kinds


def test_short_lines_that_finish_a_sentence_after_a_list_are_not_a_side_headline():

    text = "• Hours: 8pm to 6am,\nMonday to Saturday\nfor a walk.\"\n"
    blocks = classified(text)
    assert "title" not in [b.kind for b in blocks]


def test_a_credit_printed_above_its_marked_caption_leaves_the_paragraph_before_it_as_text():
    text = ("海濱長廊延伸工程明年動工\n\n" + BODY_A + "署方表示會盡快公布詳情。\n新華社\n▲市民在長廊散步。\n\n"
            "圖書館延長開放時間\n\n" + BODY_B)
    story = articles(text)[0]
    # The credit names the photo under it, not the story's text above it.
    assert story.body[-1].kind == "paragraph" and story.body[-1].string.endswith("署方表示會盡快公布詳情。")
    assert [(c.string, c.credit.string) for c in story.captions] == [("市民在長廊散步。", "新華社")]


def test_a_label_of_a_word_over_a_headline_does_not_head_the_story():
    # A kicker (獨家) set over the headline, both right above the byline.
    text = ("獨家\n\n海濱長廊延伸工程明年動工\n\n記者 王五 報道\n\n" + BODY_A + "\n圖書館延長開放時間\n\n" + BODY_B)
    assert articles(text)[0].headline.string == "海濱長廊延伸工程明年動工"


def test_short_unmarked_lines_between_a_story_s_text_and_its_sign_off_are_its_list():
    # A list whose bullets were drawn as shapes comes out as bare short lines: between the
    # story's last sentence and the sign-off that closes it, they are its items, not titles.
    text = ("海濱長廊延伸工程明年動工\n\n" + BODY_A + "康文署提醒市民注意以下事項：\n"
            "長廊晚上十一時關閉\n單車須在指定路段行駛\n寵物必須以繩牽引\n（本報綜合報道）\n\n"
            "圖書館延長開放時間\n\n" + BODY_B)
    page = articles(text)
    assert [a.headline.string for a in page] == ["海濱長廊延伸工程明年動工", "圖書館延長開放時間"]
    assert [(b.kind, b.string) for b in page[0].body][-3:] == [
        ("list_item", "長廊晚上十一時關閉"), ("list_item", "單車須在指定路段行駛"), ("list_item", "寵物必須以繩牽引")]
    assert page[0].signoff.string == "（本報綜合報道）"


def test_short_unmarked_english_lines_before_a_story_s_sign_off_are_its_list():
    text = ("Night market returns to the pier\n\nBy Tom Lee\n\nThe night market on the old pier reopens on Friday\n"
            "with forty stalls and a stage for local bands.\nTraders must keep to three new rules this year.\n"
            "Opening: 6pm to midnight, Friday to Sunday\nFee: HK$200 a stall a night\nParking: none on the pier\n"
            "(Additional reporting by Ann Wu)\n")
    page = articles(text)
    assert len(page) == 1 and page[0].headline.string == "Night market returns to the pier"
    assert [b.kind for b in page[0].body][-3:] == ["list_item", "list_item", "list_item"]
    assert page[0].signoff.string == "(Additional reporting by Ann Wu)"


def test_a_headline_in_two_halves_over_a_reporter_s_sign_off_is_not_a_list():
    # Lines with a space between two halves are a headline's, wrapped; the items rule leaves them.
    text = ("海濱長廊延伸工程明年動工\n\n" + BODY_A + "署方表示會盡快公布詳情。\n"
            "圖書館延長\n開放　學生歡迎\n考試季\n●記者 王五 報道\n\n" + BODY_B)
    kinds = [b.kind for a in articles(text) for b in a.body]
    assert "list_item" not in kinds


# Two stories, each with its headline and byline, for what follows them on the page.
TWO_HEADED_STORIES = ("Night market returns to the pier\n\nBy Tom Lee\n\nThe night market on the old pier reopens on Friday\n"
                      "with forty stalls and a stage for local bands.\n\n(Additional reporting by Ann Wu)\n\n"
                      "Heat warning stays in force\n\nBy Sue Park\n\nThe weather office kept its heat warning in force\n"
                      "for a third day as temperatures stayed above 33 degrees.\n\n")


def test_short_lines_under_a_title_after_every_headed_story_are_a_box_of_list_items():
    # The box's bullets were drawn as shapes; every story above has its own headline.
    text = TWO_HEADED_STORIES + "How to keep cool\nDrink water often\nStay in the shade at noon\nCheck on older neighbours\n"
    page = articles(text)
    assert [a.headline.string for a in page] == [
        "Night market returns to the pier", "Heat warning stays in force", "How to keep cool"]
    assert [(b.kind, b.string) for b in page[2].body] == [
        ("list_item", "Drink water often"), ("list_item", "Stay in the shade at noon"),
        ("list_item", "Check on older neighbours")]


def test_a_page_s_headlines_printed_again_after_its_stories_are_not_a_box():
    text = TWO_HEADED_STORIES + "Night market\nBy the old pier\nHeat warning\nStays in force\n"
    assert "list_item" not in [b.kind for a in articles(text) for b in a.body]


def test_a_second_half_cut_short_by_the_column_runs_on_into_the_line_under_it():
    # 消防處調 is shorter than a finished half: the next line completes it, not a deck.
    text = ("山火蔓延郊野公園　消防處調\n派直升機灌救\n本報訊（記者 王五 報道）\n"
            "西貢郊野公園昨午發生山火，消防處調派直升機灌救，\n火勢至傍晚受控，無人受傷。\n\n圖書館延長開放時間\n\n" + BODY_B)
    page = articles(text)
    assert page[0].headline.string == "山火蔓延郊野公園　消防處調派直升機灌救" and not page[0].subheadlines


def test_short_titles_inside_a_story_are_subheads_where_every_headed_story_opens_on_a_byline():
    # Two subheads in the first story (their parts share few words); the other stories'
    # headlines, too long to be subheads, all stand over bylines: a short title with running text
    # and no byline under it is a subhead, not a new story.
    text = ("東區海濱長廊延伸工程明年動工　居民期待\n本報訊（記者 王五 報道）\n"
            "東區海濱長廊延伸工程昨日獲立法會通過撥款，涉及開支約十九億元。\n"
            "單車徑分段開放\n"
            "運輸署表示，新單車徑將分三期啟用，首期於年底前完成。\n"
            "居民反應熱烈\n"
            "住在北角的陳太說，每晚都會帶孫兒到海邊散步，十分期待。\n"
            "●記者 王五 報道\n"
            "中央圖書館延長開放時間　考生溫習更方便\n本報訊（記者 李四 報道）\n"
            "中央圖書館由本月起延長開放時間至晚上十時，以配合學生溫習需要。\n"
            "（本報綜合報道）\n"
            "郊野公園山火受控　消防處出動直升機\n本報訊（記者 張三 報道）\n"
            "西貢郊野公園昨午發生山火，消防處調派直升機灌救，無人受傷。\n")
    page = articles(text)
    assert [a.headline.string for a in page] == [
        "東區海濱長廊延伸工程明年動工　居民期待", "中央圖書館延長開放時間　考生溫習更方便", "郊野公園山火受控　消防處出動直升機"]
    assert [b.string for b in page[0].body if b.kind == "subhead"] == ["單車徑分段開放", "居民反應熱烈"]


def test_a_box_of_unmarked_items_over_a_story_s_headline_is_its_own_article():
    # Box title, three items (bullets drawn as shapes), then the next story's headline and deck.
    text = ("Night market returns to the pier\n\nBy Tom Lee\n\nThe night market on the old pier reopens on Friday\n"
            "with forty stalls and a stage for local bands.\n\n(Additional reporting by Ann Wu)\n\n"
            "How to keep cool\nDrink water often\nStay in the shade at noon\nCheck on older neighbours\n"
            "Heat warning stays in force\nWeather office says relief may come next week, with showers along the coast\n"
            "By Sue Park\nThe weather office kept its heat warning in force\n"
            "for a third day as temperatures stayed above 33 degrees.\n")
    page = articles(text)
    heads = {a.headline.string: a for a in page}
    assert [(b.kind, b.string) for b in heads["How to keep cool"].body] == [
        ("list_item", "Drink water often"), ("list_item", "Stay in the shade at noon"),
        ("list_item", "Check on older neighbours")]
    story = heads["Heat warning stays in force"]
    assert story.byline.string == "By Sue Park" and story.body[0].string.startswith("The weather office")


def test_a_cjk_box_of_unmarked_items_over_a_headline_in_two_halves_is_its_own_article():
    text = ("海濱長廊延伸工程明年動工\n\n" + BODY_A + "●記者 王五 報道\n"
            "溫習室開放時間\n中央圖書館：至午夜十二時\n九龍公共圖書館：至晚上十一時\n沙田公共圖書館：至晚上十一時\n"
            "圖書館延長開放時間　考生溫習更方便\n本報訊（記者 李四 報道）\n" + BODY_B)
    heads = {a.headline.string: a for a in articles(text)}
    assert [b.kind for b in heads["溫習室開放時間"].body] == ["list_item"] * 3
    assert heads["圖書館延長開放時間　考生溫習更方便"].body[0].string.startswith("中央圖書館由本月起")


def test_a_box_title_over_short_unmarked_phrases_one_wider_than_the_last_is_a_list():
    # The box's discs were drawn as shapes: the text shows a title and three phrases, none
    # ending a sentence, the third wider than the wrap of the second could be.
    text = (BODY_A + "（本報綜合報道）\n"
            "行山安全貼士\n帶備足夠食水，穿好鞋\n出發前查看天氣報告\n切勿走進未開發的危險山徑\n"
            "郊野公園山火受控　消防處出動直升機\n本報訊（記者 張三 報道）\n"
            "西貢郊野公園昨午發生山火，消防處調派直升機灌救，無人受傷。\n")
    page = articles(text)
    box = next(a for a in page if a.headline and a.headline.string == "行山安全貼士")
    assert [(b.kind, b.string) for b in box.body] == [
        ("list_item", "帶備足夠食水，穿好鞋"), ("list_item", "出發前查看天氣報告"), ("list_item", "切勿走進未開發的危險山徑")]
    assert any(a.headline and a.headline.string == "郊野公園山火受控　消防處出動直升機" for a in page)


def test_short_unmarked_phrases_under_a_box_title_before_a_headline_s_first_half_are_a_list():
    # PyMuPDF prints the ideographic space between a headline's halves at the end of the
    # first half's line; running text never stops short of a stop before a headline.
    text = (BODY_A + "●記者 王五 報道\n"
            "渡輪新班次\n晚上十時半開出\n晚上十一時半開出\n凌晨零時半開出\n"
            "離島夜航增加班次　\n居民下班回家更方便\n本報訊（記者 張三 報道）\n" + BODY_C)
    page = articles(text)
    box = next(a for a in page if a.headline and a.headline.string == "渡輪新班次")
    assert [(b.kind, b.string) for b in box.body] == [
        ("list_item", "晚上十時半開出"), ("list_item", "晚上十一時半開出"), ("list_item", "凌晨零時半開出")]
    assert any(a.headline and a.headline.string.startswith("離島夜航增加班次") for a in page)


def test_a_headline_wrapped_at_its_own_short_measure_is_one_headline_not_a_subhead():
    # Three title lines as wide as each other and short of the body's column: one headline
    # wrapped at its measure, though its first two lines look set in like a paragraph's.
    text = ("海濱長廊延伸工\n程明年動工　居\n民散步添新去處\n工程耗資約十九億元\n本報訊（記者 張三 報道）\n"
            "東區海濱長廊的延伸\n工程昨日獲立法會通\n過撥款，涉及開支約\n十九億元，工程將於\n明年動工，預計三年\n內完成。\n")
    page = articles(text)
    assert page[0].headline.string == "海濱長廊延伸工程明年動工　居民散步添新去處"


def test_a_short_title_over_text_sharing_the_storys_names_is_its_subhead():
    # The part under the title is short and shares little with the story above it (its
    # protagonist's name, its subject), still far more than a different story would; the
    # page has parts enough for a word pair found in two of them to be rare.
    page = broadsheet.restore(
        "老街書店重開門\n位於油麻地的老書店昨日重開，店主陳大文說，書店停業半年後，得到街坊捐款才能重新開門。\n"
        "店內仍有不少絕版舊書，吸引年輕人專程前來，週末更要排隊入場。\n盼有人接手經營\n"
        "陳大文最大的心願是找到接班人，讓書店開下去。區議員表示，會協助申請文化保育資助，並研究在附近設立閱讀角。\n"
        "海濱長廊延伸至西區\n新一段海濱長廊昨日開放，全長約兩公里，沿途設有單車徑及休憩處。\n"
        "康文署表示，長廊每日早上六時至晚上十一時開放。\n"
        "夜市攤檔重開\n台南花園夜市上週末重開，共有約四百個攤檔營業，遊客明顯回流。\n"
        "電車增設夜間班次\n電車公司宣布，由下月起在週五及週六增設夜間班次，方便市民。\n")
    assert [a.headline.string for a in page.articles] == ["老街書店重開門", "海濱長廊延伸至西區", "夜市攤檔重開", "電車增設夜間班次"]
    assert ("subhead", "盼有人接手經營") in [(b.kind, b.string) for b in page.articles[0].blocks()]


HEADLESS_PAGE = """Ferry fares to rise for first time in six years
By Jane Doe
Ferry fares between Central and the outlying islands will rise by an average of 7.5 per
cent from January, the ferry operator announced on Monday.
The operator said fuel now accounts for nearly 40 per cent of its running costs.
Storm cuts power to 40,000 homes
By Sam Lee
High winds brought down trees and power lines across the northern suburbs overnight,
leaving about 40,000 homes without electricity on Sunday morning.
(Additional reporting by Tom Chan)
{part}
Night market returns to the waterfront
By Ann Lee
The night market on the waterfront reopened on Friday with about 400 stalls selling
snacks, clothes and toys.
"""


def test_a_headless_part_printed_after_another_story_joins_the_story_it_speaks_of():
    page = broadsheet.restore(HEADLESS_PAGE.format(
        part="Island residents said the higher ferry fares would hit families who commute to Central\n"
             "every day, and asked the operator to keep the discount for students."))
    assert [a.headline.string if a.headline else None for a in page.articles] == [
        "Ferry fares to rise for first time in six years", "Storm cuts power to 40,000 homes",
        "Night market returns to the waterfront"]
    assert page.articles[0].body[-1].string.startswith("Island residents said the higher ferry fares")


def test_a_headless_part_that_speaks_of_no_story_on_the_page_stays_apart():
    page = broadsheet.restore(HEADLESS_PAGE.format(
        part="The school choir won the regional competition in May and will sing at the\n"
             "national finals in Auckland next spring, its conductor said."))
    assert [a.headline.string if a.headline else None for a in page.articles] == [
        "Ferry fares to rise for first time in six years", "Storm cuts power to 40,000 homes", None,
        "Night market returns to the waterfront"]


def test_a_deck_sharing_the_words_of_the_text_under_a_subhead_does_not_cut_the_story_there():
    # The deck sits over the byline; its words are those of the story's last part. The
    # subhead joins that part to the story, so the deck decks the story, not the part.
    page = broadsheet.restore(
        "區議員：協助申請保育資助\n記者 陳小明 報道\n"
        "位於油麻地的老書店昨日重開，店主陳大文說，書店停業半年後，得到街坊捐款才能重新開門。\n"
        "店內仍有不少絕版舊書，吸引年輕人專程前來，週末更要排隊入場。\n"
        "街坊踴躍捐款\n"
        "陳大文說，他最大的心願是找到接班人，讓書店開下去。區議員表示，會協助申請文化保育資助。\n"
        "●記者 陳小明 報道\n"
        "海濱長廊延伸至西區\n記者 李嘉欣 報道\n新一段海濱長廊昨日開放，全長約兩公里，沿途設有單車徑及休憩處。\n"
        "康文署表示，長廊每日早上六時至晚上十一時開放。\n●記者 李嘉欣 報道\n"
        "電車增設夜間班次\n記者 張家明 報道\n電車公司宣布，由下月起在週五及週六增設夜間班次，方便市民。\n●記者 張家明 報道\n"
        "老街書店重開門\n老街書店重開門\n")
    story = page.articles[0]
    assert story.headline.string == "老街書店重開門"
    assert [deck.string for deck in story.subheadlines] == ["區議員：協助申請保育資助"]
    assert ("subhead", "街坊踴躍捐款") in [(b.kind, b.string) for b in story.body]
    assert story.body[-1].string.startswith("陳大文說")
    assert len(page.articles) == 3


def _set_in_column(paragraph: str, measure: int = 9, indent: int = 2) -> str:
    """A paragraph as an extractor gives a justified column: the first line set in (the
    indent itself lost), the rest at the measure."""
    lines, rest = [paragraph[: measure - indent]], paragraph[measure - indent :]
    while rest:
        lines.append(rest[:measure])
        rest = rest[measure:]
    return "\n".join(lines) + "\n"


def test_a_paragraph_s_first_line_as_wide_as_the_title_over_it_opens_the_paragraph():
    # 盼有人接手经营 / 陈大文最大的心 are one width, as a title wrapped in two would be; the
    # full line under them goes on with the word the second breaks off (心愿).
    page = broadsheet.restore(
        "老街书店重开门\n本报讯（记者 王五）\n"
        + _set_in_column("油麻地一间老字号书店昨日重开，店主陈大文说，书店停业半年后，得到街坊捐款才能重新开门。")
        + _set_in_column("店内仍有不少绝版旧书，吸引年轻人专程前来，周末更要排队入场。")
        + "盼有人接手经营\n"
        + _set_in_column("陈大文最大的心愿是有年轻人接手书店，让它一直开下去。区议员表示，会协助申请文化保育资助。")
        + "●记者 王五 报道\n")
    blocks = [b for article in page.articles for b in article.blocks()]
    assert [b.kind for b in blocks if b.string.startswith("陈大文最大的心")] == ["paragraph"]
    assert [b.string for b in blocks if b.kind in ("headline", "deck", "subhead")] == ["老街书店重开门", "盼有人接手经营"]


DRAWN_STORIES = [
    ("長洲渡輪票價明年上調", "本報訊（記者 王五）", [
        "長洲渡輪票價明年起上調，往返中環的普通船每程加價一元，渡輪公司指燃油成本上升。",
        "不少長洲居民批評渡輪加價幅度過大，要求政府為離島居民提供渡輪票價補貼。",
        "渡輪公司回應說，會為長者及學生保留優惠票價，並增加長洲渡輪航線的班次。"]),
    ("圖書館自修室延至午夜", "本報訊（記者 李四）", [
        "中央圖書館自修室由下月起延長開放至午夜，方便考試季的學生到圖書館溫習。",
        "圖書館職員表示，自修室座位經常爆滿，不少學生一早到圖書館排隊等候入場。",
        "康文署說，會在考試季後檢討圖書館延長自修室開放時間的安排。"]),
    ("夜市攤檔重開遊客回流", "本報訊（記者 張三）", [
        "台南花園夜市上週末重開，約四百個夜市攤檔營業，遊客人數明顯回升。",
        "賣蚵仔煎的攤主說，夜市重開後攤檔生意回到疫情前約八成，不少遊客回流夜市。",
        "夜市管理委員會表示，會為攤檔增設垃圾桶，讓回流的遊客享受整潔的夜市。"]),
]


def _drawn_out_of_order(blank: str = "") -> str:
    # Each story's column pieces drawn under the others' headlines: story k's headline
    # and byline, then paragraph 1 of story k, 2 of story k + 1, 3 of story k + 2.
    text = ""
    for k, (headline, byline, _paragraphs) in enumerate(DRAWN_STORIES):
        pieces = [DRAWN_STORIES[(k + p) % 3][2][p] for p in range(3)]
        text += headline + "\n" + byline + "\n" + "".join(blank + _set_in_column(p, 12) for p in pieces)
    return text


def test_paragraphs_drawn_under_another_story_s_headline_go_to_the_story_whose_words_they_hold():
    page = broadsheet.restore(_drawn_out_of_order())
    placed = {a.headline.string: sorted(b.string for b in a.body if b.kind == "paragraph") for a in page.articles}
    assert placed == {headline: sorted(paragraphs) for headline, _byline, paragraphs in DRAWN_STORIES}


def test_text_whose_blocks_an_extractor_parted_with_blank_lines_keeps_its_order():
    # pdfminer and poppler's default mode read the layout: their order is not the drawing's.
    page = broadsheet.restore(_drawn_out_of_order(blank="\n"))
    first = next(a for a in page.articles if a.headline.string == DRAWN_STORIES[0][0])
    assert [b.string for b in first.body if b.kind == "paragraph"][1] == DRAWN_STORIES[1][2][1]


def test_lines_of_headlines_printed_after_every_story_and_read_as_one_paragraph_are_headlines():
    # The page drew its headlines last; the extractor ran their wrapped lines, each at the
    # column's measure, into one block that no comma or stop breaks.
    text = "".join(byline + "\n" + "".join(_set_in_column(p, 12) for p in paragraphs) + "●" + byline[4:-1] + " 報道\n"
                   for _headline, byline, paragraphs in DRAWN_STORIES[:2])
    page = broadsheet.restore(text + "長洲渡輪「加價」在即\n票價明年全面上調一元\n圖書館自修室延至午夜\n學生：終於有位溫書\n")
    assert [a.headline.string if a.headline else None for a in page.articles] == [
        "長洲渡輪「加價」在即票價明年全面上調一元", "圖書館自修室延至午夜學生：終於有位溫書"]


def test_text_under_headings_of_a_word_or_two_stays_where_it_was_printed():
    # A heading of a word or two (a worksheet's `▨ 新聞１`, a section's name) says too
    # little of a story's words to take paragraphs from under another.
    stories = [(name, byline, paragraphs) for name, (_headline, byline, paragraphs)
               in zip(["渡輪", "圖書館", "夜市"], DRAWN_STORIES)]
    text = ""
    for k, (heading, byline, _paragraphs) in enumerate(stories):
        text += heading + "\n" + byline + "\n" + "".join(_set_in_column(stories[(k + p) % 3][2][p], 12) for p in range(3))
    page = broadsheet.restore(text)
    first = next(a for a in page.articles if a.headline is not None and a.headline.string == "渡輪")
    assert [b.string for b in first.body if b.kind == "paragraph"][1] == DRAWN_STORIES[1][2][1]


def test_a_headlines_second_line_joins_it_when_each_points_to_another_part_of_one_story():
    # A stream that drew the story's column pieces apart leaves it in two parts: the first
    # line's words are the first part's, the second line's the second part's.
    from broadsheet.classify import TITLE
    from broadsheet.model import Block, SourcedText

    def block(kind, string):
        return Block(kind, SourcedText.from_input(string, 0, len(string)))

    first_part = assemble._Group(0, features=assemble.text_features(
        "天文台表示，颱風「白鷺」正以每小時十八公里向西北移動，預料明日逼近本港。"))
    second_part = assemble._Group(1, features=assemble.text_features(
        "天文台科學主任說，視乎「白鷺」的移動速度，會在今晚考慮改發八號風球。"))
    other_story = assemble._Group(2, features=assemble.text_features(
        "運輸署宣布，全港專線小巴下月起接受電子支付，乘客可用八達通以外的方法付款。"))
    head, piece = block(TITLE, "颱風「白鷺」逼近"), block(TITLE, "天文台考慮改發八號風球")
    groups = [first_part, other_story, second_part]
    df = Counter(f for g in groups for f in g.features)
    assert assemble._continues_headline(head, piece, groups, df)
    # ...but not a line about another story, whose words the headline shares none of.
    assert not assemble._continues_headline(head, block(TITLE, "專線小巴試行電子支付"), groups, df)


def test_a_title_wrapped_a_few_characters_a_line_goes_on_while_its_lines_fill_the_measure():
    from broadsheet.classify import TITLE
    from broadsheet.model import Block, SourcedText
    from broadsheet.read.text import split_lines

    def title(text):
        lines = split_lines(text)
        return Block(TITLE, SourcedText.concat(line.text for line in lines), lines)

    body = assemble._Group(0, features=assemble.text_features("民政事務處表示，全港已有約六百間長者飯堂。"))
    df = Counter(body.features)
    assert assemble._continues_headline(title("屋邨長者\n飯堂開進\n舊區\n"), title("午飯十元"), [body], df) is False
    assert assemble._continues_headline(title("屋邨長者\n飯堂開進\n舊區大廈\n"), title("午飯十元"), [body], df)


@pytest.mark.parametrize("agency", ["美聯社", "中央社"])
def test_a_caption_wrapped_onto_a_line_ending_in_its_credit_is_one_caption(agency):
    text = ("本報訊 夜市昨晚重\n開，攤檔營業至凌\n晨。市民說，很久\n沒有這麼熱鬧了。\n"
            f"▲遊客在夜市品嘗\n小吃。（{agency}）\n"
            "記者 區嘉儀 報道\n內地購物節即將來\n臨，物流公司加派\n人手應付包裹。\n")
    captions = [(c.string, c.credit.string if c.credit else None)
                for a in broadsheet.restore(text).articles for c in a.captions]
    assert captions == [("遊客在夜市品嘗小吃。", agency)]


FERRY_BODY = ["Ferry fares between Central and the outlying islands will rise by an",
              "average of 7.5 per cent from January, the operator announced yesterday,",
              "the first increase since 2020. The company said fuel now accounts for",
              "almost half of its running costs."]
FERRY_DECK = ["Operator blames fuel costs; commuter groups call increase 'a tax on", "the outlying islands'"]


def test_a_deck_with_clauses_over_a_byline_stays_a_deck_where_the_headline_was_drawn_last():
    # The headline comes at the foot of the page; over the byline, after a photo's caption and
    # credit, the deck's clauses (fuel costs; commuter groups) make it no running text.
    page = articles("\n".join(["The exposed bed of Lake Marlow, where water has receded by 40 metres.", "AFP"]
                              + FERRY_DECK + ["By Jane Doe"] + FERRY_BODY
                              + ["Harbour ferry fares to rise for first time since 2020"]))
    ferry = next(a for a in page if a.byline is not None)
    assert ferry.headline.string == "Harbour ferry fares to rise for first time since 2020"
    assert [s.string for s in ferry.subheadlines] == [" ".join(FERRY_DECK)]
    assert ferry.body[0].string.startswith("Ferry fares between")


def test_a_finished_sentence_over_a_byline_is_no_deck():
    page = articles("\n".join(["The exposed bed of Lake Marlow, where water has receded by 40 metres.", "AFP",
                               "The lake has not been this low since records began in 1911.", "By Jane Doe"] + FERRY_BODY))
    assert all("records began" not in s.string for a in page for s in a.subheadlines)


def test_a_reporters_name_run_into_the_first_line_is_the_byline_and_the_line_runs_on():
    """本报记者 孙晓梅 set beside the story's first line: an extractor gives them as one line,
    wider than the column; the byline is the name, and the line runs on into the paragraph."""
    text = ("地铁新线下月开通\n"
            "本报记者 孙晓梅 市轨道交通集团昨天宣布，\n"
            "地铁九号线一期工程将于下月\n二十八日开通试运营，全长二\n十一公里，设站十五座，连接\n城东新区和老城区。\n"
            "沿线居民表示，新线开通后上\n班时间可以缩短半个小时。\n")
    article = articles(text)[0]
    assert article.byline.text.string == "本报记者 孙晓梅"
    assert article.body[0].text.string.startswith("市轨道交通集团昨天宣布，地铁九号线一期工程将于下月")


def test_a_headline_in_two_halves_takes_no_line_that_would_make_its_second_half_overlong():
    """Headlines drawn last come one under another: a box's title under a whole two-half
    headline is no wrap of its second half (a half runs to a dozen characters at most)."""
    from broadsheet.assemble import _may_join

    assert not _may_join("地铁新线下月开通　沿线居民出行更便捷", "9号线一期工程")
    assert _may_join("地铁新线下月开通　沿线居民出行", "更便捷")
    assert _may_join("地铁新线下月", "开通　沿线居民出行更便捷")


def test_a_papers_mark_before_its_reporters_line_wrapped_before_the_name_is_a_signoff():
    text = ("勞工團體則反\n對放寬。職工會聯\n盟總幹事何俊明認\n為，業界應先改善\n薪酬及工時，而不\n是輸入外勞壓低工\n資。\n"
            "■香港文匯報記者\n葉詠詩\n")
    kinds = [(b.kind, b.string) for b in classified(text)]
    assert ("signoff", "■香港文匯報記者葉詠詩") in kinds, kinds
