"""The text path: a byline or sign-off an extractor's text wrapped onto two lines."""

import pytest

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


def test_a_cjk_headline_wrapped_short_ends_on_its_tail_and_its_deck_stands_apart():
    # The headline wraps one line and two characters; the deck under it is a line of its own.
    text = "\n".join(["渡輪明年加價三成　居民憂開支再", "上升", "運輸署：加幅分兩年實施", "記者 陳大文 報道",
                      "運輸署昨日公布離島渡輪", "新收費方案，成人單程票價", "將於明年起分兩年上調約三", "成，長者優惠維持不變。"])
    article = broadsheet.restore(text).articles[0]
    assert article.headline.string == "渡輪明年加價三成　居民憂開支再上升"
    assert [s.string for s in article.subheadlines] == ["運輸署：加幅分兩年實施"]


def test_a_cjk_headline_whole_in_halves_whose_second_half_wrapped_ends_on_its_tail():
    # Both halves stand on the first line, but the column cut the second short: the few
    # characters under it end the headline, and the wider line after them is the deck.
    text = "\n".join(["渡輪明年加價三成　離島居民擔憂開支", "再上升", "長者優惠維持不變", "新華社香港3月2日電（記者 陳大文）",
                      "乘客在中環碼頭排隊登", "船。", "新華社", "運輸署昨日公布離島渡輪", "新收費方案，成人單程票價",
                      "將於明年起分兩年上調約三", "成，長者優惠維持不變。"])
    article = broadsheet.restore(text).articles[0]
    assert article.headline.string == "渡輪明年加價三成　離島居民擔憂開支再上升"
    assert [s.string for s in article.subheadlines] == ["長者優惠維持不變"]


def test_a_cjk_deck_wider_than_the_measure_its_headline_wrapped_at_stands_apart():
    # The headline wraps at eight characters a line; the deck under it runs to nine.
    text = "\n".join(["江边湿地公园扩建", "完工今起免费开放", "新增三公里滨江步道", "新华社南京3月2日电（记者 李明）",
                      "记者从园林部门获", "悉，江边湿地公园扩", "建工程日前完工，今", "起对市民免费开放。"])
    article = broadsheet.restore(text).articles[0]
    assert article.headline.string == "江边湿地公园扩建完工今起免费开放"
    assert [s.string for s in article.subheadlines] == ["新增三公里滨江步道"]


# pdftotext -raw sets a space where a typesetter put its gap between CJK and figures
# (约 200 个): no sign of two columns read across, whose lines meet at a space between CJK.
@pytest.mark.parametrize("three, two_hundred", [("3", "两百"), (" 3 ", " 200 ")])
def test_cjk_lines_of_a_wider_column_after_a_narrow_one_are_running_text_not_headlines(three, two_hundred):
    # A narrow column, then a story set across the page: its first line is no headline, and its
    # paragraphs part where a line stops short of the wide measure after a full stop.
    narrow = ["记者从园林部门获", "悉，江边湿地公园扩", "建工程日前完工，今", "起对市民免费开放。", "新建的滨江步道全长",
              f"约{three}公里，沿途设有", "观鸟平台和休息区。", "（完）"]
    wide = ["新华社北京3月2日电", "有关部门近日联合印发通知，启动新一轮旧房改造工作，计划在今",
            f"年内完成城区老旧小区改造约{two_hundred}个，重点覆盖中心城区。",
            "在东城区的一个小区，居民王大爷说，楼道里新装了扶手，上下楼方便多",
            "了，邻居们都很满意。"]
    page = broadsheet.restore("\n".join(["江边湿地公园扩建完工", "新华社南京3月2日电"] + narrow + ["老旧小区改造提速　年内再改两百个"] + wide))
    article = next(a for a in page.articles if a.byline is not None and a.byline.string == "新华社北京3月2日电")
    assert article.headline.string == "老旧小区改造提速　年内再改两百个"
    assert [b.string for b in article.body] == [wide[1] + wide[2], wide[3] + wide[4]]


def test_a_wider_columns_line_cut_off_mid_word_before_its_paragraphs_short_end_is_running_text():
    # Under a narrow column, one line of a wider story's paragraph runs past the measure and
    # breaks a word (工 / 程); the paragraph's short last line finishes word and sentence.
    narrow = ["记者从园林部门获", "悉，江边湿地公园扩", "建工程日前完工，今", "起对市民免费开放。", "新建的滨江步道全长",
              "约三公里，沿途设有", "观鸟平台和休息区。", "（完）"]
    wide = ["新华社北京3月2日电", "有关部门近日联合印发通知，启动新一轮旧房改造工作，城区老旧小区将获得工", "程补贴。"]
    page = broadsheet.restore("\n".join(["江边湿地公园扩建完工", "新华社南京3月2日电"] + narrow + ["老旧小区改造提速　年内再改两百个"] + wide))
    article = next(a for a in page.articles if a.byline is not None and a.byline.string == "新华社北京3月2日电")
    assert article.headline.string == "老旧小区改造提速　年内再改两百个"
    assert [b.string for b in article.body] == [wide[1] + wide[2]]


def test_a_cjk_headline_whole_on_its_line_is_a_block_of_its_own_and_its_deck_another():
    # The story above ends on its reporter's line; this one's headline and deck follow.
    text = "\n".join(["各區街市明年起延長營業時間至晚上十時，市民可於", "下班後購買新鮮食材。", "●記者 李小明 報道",
                      "舊區麵包店第二代接手　菠蘿包推出新口味", "少東：老味道也要跟上時代", "記者 陳大文 報道",
                      "位於灣仔的一間老麵包店開業已有五十年，上月由第二代接手經", "營。這位年輕店主曾在外地學習烘焙，回港後決定把店面重新裝",
                      "修，並保留店內的舊招牌。"])
    article = broadsheet.restore(text).articles[-1]
    assert article.headline.string == "舊區麵包店第二代接手　菠蘿包推出新口味"
    assert [s.string for s in article.subheadlines] == ["少東：老味道也要跟上時代"]


def test_a_cjk_headline_whose_halves_an_extractor_parted_with_a_plain_space_follows_a_signoff():
    # pdftotext -raw prints the ideographic space as a plain one; the sign-off's name has one too.
    # The headline is as wide as the column above it, so it looks like a full line of text.
    text = "\n".join(["各區街市明年起延長營業時間至晚上十時", "，市民可於下班後購買新鮮食材，街市管", "理處表示會增加人手。",
                      "有攤販表示歡迎新安排，認為可吸引更多", "年輕顧客光顧街市，但亦有攤販擔心人手", "不足，要求當局提供支援。", "●記者 李小明 報道",
                      "舊區麵包店第二代接手 菠蘿包推出新口味", "少東：老味道也要跟上時代", "記者 陳大文 報道",
                      "位於灣仔的一間老麵包店開業已有五十年，上月由第二代接手經", "營。這位年輕店主曾在外地學習烘焙，回港後決定把店面重新裝",
                      "修，並保留店內的舊招牌。"])
    article = broadsheet.restore(text).articles[-1]
    assert article.headline.string.replace(" ", "") == "舊區麵包店第二代接手菠蘿包推出新口味"
    assert [s.string for s in article.subheadlines] == ["少東：老味道也要跟上時代"]


def test_a_cjk_headline_across_columns_whose_second_half_ran_on_keeps_its_last_words():
    # The headline runs wider than the column and its second half goes on to a line of its own;
    # in the second story an extractor printed the halves' space as a plain one, and a deck follows.
    column = ["一年一度的城市馬拉松昨日", "清晨舉行，雖然天雨路滑，", "仍有約三萬名跑手參加，人", "數創歷年新高。"]
    text = "\n".join(["渣華道馬拉松破紀錄　三萬人冒雨", "起步", "本報訊"] + column + ["（本報綜合報道）",
                      "水費十年來首次上調 住戶每月多", "付約12元", "水務署：加幅分兩年實施", "本報訊"] + column)
    page = broadsheet.restore(text)
    assert [a.headline.string for a in page.articles] == ["渣華道馬拉松破紀錄　三萬人冒雨起步", "水費十年來首次上調 住戶每月多付約12元"]
    assert [s.string for s in page.articles[1].subheadlines] == ["水務署：加幅分兩年實施"]


def test_a_cjk_headlines_second_half_parted_by_a_plain_space_takes_the_tail_a_narrow_column_wrapped():
    # pdftotext -raw prints the halves' full-width space as a plain one; the narrow column
    # wraps the second half a few characters short (…充电桩建 / 到村口, …不 / 再一家独大).
    column = ["商务部等部门近日联合印发", "通知，启动新一轮新能源汽", "车下乡活动，计划在今年内", "新建乡村充电桩约十万个。"]
    text = "\n".join(["新能源汽车下乡 充电桩建", "到村口", "新华社北京3月2日电"] + column + ["（完）",
                      "高考志愿填报季 “热门专业”不", "再一家独大", "本报讯"] + column)
    page = broadsheet.restore(text)
    assert [a.headline.string for a in page.articles] == ["新能源汽车下乡 充电桩建到村口", "高考志愿填报季 “热门专业”不再一家独大"]


def test_a_plain_space_between_cjk_halves_parts_them_as_the_full_width_one_does():
    # Without it, the short tail of a second half so parted reads as a deck of its own.
    from broadsheet.assemble import _halves, _short_tail_of_the_second_half
    from broadsheet.model import Block
    from broadsheet.read.text import split_lines

    def title(string):
        lines = split_lines(string)
        return Block("title", lines[0].text, lines)

    assert _halves("高考志愿填报季 “热门专业”不") == _halves("高考志愿填报季　“热门专业”不") == 2
    assert _halves("国产手机 5G 新品发布") == 1  # a space beside a figure or Latin is the scripts' gap
    assert _short_tail_of_the_second_half(title("新能源汽车下乡 充电桩建"), title("到村口"))


@pytest.mark.parametrize("space", [" ", "\u3000"])
@pytest.mark.parametrize("wrapped", [["機械人廚師進駐", "大學飯堂{}炒飯", "兩分鐘上碟"], ["機械人廚師進", "駐大學飯堂{}炒飯兩分鐘上碟"]])
def test_a_first_half_a_narrow_column_wrapped_runs_on_into_the_line_that_holds_the_halves_space(space, wrapped):
    # The line holding the halves' space is no deck in two halves of its own: the column cut
    # the first line at its edge, as wide as the line under it, or inside a word (進駐).
    column = ["城中一所大學的飯堂昨日", "起由機械人廚師主理，炒", "一碟飯只需兩分鐘，學生", "反應熱烈，午飯時間大排", "長龍。校方表示會觀察半", "年再決定是否擴展。"]
    text = "\n".join([line.format(space) for line in wrapped] + ["本報訊（記者 羅家朗 報道）"] + column)
    article = broadsheet.restore(text).articles[0]
    assert article.headline.string == f"機械人廚師進駐大學飯堂{space}炒飯兩分鐘上碟"
    assert article.subheadlines == []


def test_a_cjk_headline_in_two_short_halves_right_above_its_byline_stands_whole():
    # Alone, a second half this short may be where the column cut the headline; right above the
    # byline the headline has ended.
    from broadsheet.read.text import split_lines
    from broadsheet.segment import _whole_headline, _Widths
    lines = split_lines("\n".join(["车速不宜高于40公里每小时", "乡村公路修到家门　村民出行更方便", "新华社南京3月2日电"]))
    assert _whole_headline(lines, _Widths(lines), 1)
    lines = split_lines("\n".join(["车速不宜高于40公里每小时", "乡村公路修到家门　村民出行更方便", "记者从交通部门获悉，"]))
    assert not _whole_headline(lines, _Widths(lines), 1)


def test_a_justified_line_broken_into_lone_words_is_running_text_not_a_headline():
    # PyMuPDF breaks a justified line wherever its word gaps are wide: a quoted sentence
    # alone on such a line must stay a paragraph of the story, not head one of its own.
    page = broadsheet.restore(
        "Bakery thanks its donors\nBy Ann Lee\n"
        "A family bakery that nearly closed in the\nspring will stay open after neighbours\n"
        "raised enough money to replace its two\nbroken ovens, the owners said on Monday.\n"
        '"Until\nnow\nwe\ncould\nonly\nwait."\n'
        "The new ovens will be installed in January\nand the shop will reopen the same week.\n")
    assert [a.headline.string for a in page.articles] == ["Bakery thanks its donors"]
    assert ("paragraph", '"Until now we could only wait."') in [(b.kind, b.string) for b in page.articles[0].blocks()]


def test_a_title_line_leaving_a_quotation_open_runs_on_to_the_line_that_closes_it():
    from broadsheet.read.text import split_lines
    from broadsheet.segment import segment_lines

    text = ("老街書店重開門\n「街坊都是我的\n老朋友」\n位於油麻地的一家老書店昨日重\n"
            "開，店主陳先生說，書店停業半\n年後，得到街坊捐款才能重新開\n門。他說：「沒有他們，書店早\n就不在了。」\n")
    blocks = [[line.string for line in block.lines] for block in segment_lines(split_lines(text))]
    assert blocks[:2] == [["老街書店重開門"], ["「街坊都是我的", "老朋友」"]]


def test_a_list_item_wider_than_the_narrow_column_beside_it_keeps_its_wrapped_line():
    page = broadsheet.restore(
        "消委會提醒市民網購時留意退貨條款，並保存付款紀錄。\n委員會去年接獲約一千宗與網購有關的投訴，主要涉及延\n遲送貨及貨不對辦。\n"
        "● 保留付款及對話紀\n錄\n● 查清退貨期限及運\n費\n● 留意「限時優惠」\n是否真實\n整理：區嘉儀\n"
        "本報訊一年\n一度的城市\n馬拉松昨日\n清晨舉行，\n雖然天雨路\n滑，仍有約\n三萬名跑手\n參加，人數\n創歷年新\n高。\n")
    items = [b.string for a in page.articles for b in a.blocks() if b.kind == "list_item"]
    assert items == ["保留付款及對話紀錄", "查清退貨期限及運費", "留意「限時優惠」是否真實"]
    assert all(a.headline is None for a in page.articles)


def test_a_line_of_running_text_ending_like_a_credit_stays_in_its_paragraph():
    # 會為每位讀者免費提供 reads as a credit (…提供, as 受訪者提供) on its own; between two
    # full lines of one sentence it is a line of that sentence.
    page = broadsheet.restore(
        "圖書館延長開放時間\n記者 李明 報道\n市立圖書館昨日宣布，由\n下月起延長開放時間，並\n會為每位讀者免費提供\n"
        "兩小時自修室座位。館方\n表示，措施會試行半年，\n視乎使用情況再檢討。\n")
    blocks = [(b.kind, b.string) for a in page.articles for b in a.blocks()]
    assert ("paragraph", "市立圖書館昨日宣布，由下月起延長開放時間，並會為每位讀者免費提供兩小時自修室座位。"
            "館方表示，措施會試行半年，視乎使用情況再檢討。") in blocks


def test_a_line_opening_after_a_sentence_and_ending_on_an_agency_in_brackets_is_a_caption():
    from broadsheet.read.text import split_lines
    from broadsheet.segment import segment_lines

    text = ("The ferry operator said fares would rise by 7.5 per\ncent from January, the first rise since 2020.\n"
            "Passengers queue at the Central piers on Monday. (Reuters)\nCommuter groups reacted angrily to the news.\n"
            "市民在碼頭排隊登船。（新華社）\n")
    kinds = [(b.kind, b.lines[0].string) for b in segment_lines(split_lines(text))]
    assert ("caption", "Passengers queue at the Central piers on Monday. (Reuters)") in kinds
    assert ("caption", "市民在碼頭排隊登船。（新華社）") in kinds
    assert kinds[0][0] == "paragraph"


def test_a_line_ending_on_an_opening_quotation_mark_runs_on_across_a_blank_line():
    from broadsheet.read.text import split_lines
    from broadsheet.segment import segment_lines

    text = ('Tenant groups called for a\ntemporary cap on rents. "\n\nWages are not rising at anything\n'
            'like this speed," said Carla Diaz.\n\nLandlords said costs had risen too.\n')
    blocks = [" ".join(line.string for line in block.lines) for block in segment_lines(split_lines(text))]
    assert blocks[0] == ('Tenant groups called for a temporary cap on rents. " Wages are not rising at anything '
                         'like this speed," said Carla Diaz.')


def test_a_bracketed_signoff_a_narrow_column_wrapped_is_a_signoff():
    from broadsheet.read.text import split_lines
    from broadsheet.segment import segment_lines

    text = "專家指出，平\n台企業應承擔\n更多責任，保\n障勞動者權益。\n（本報綜合\n報道）\n"
    kinds = [(b.kind, "".join(line.string for line in b.lines)) for b in segment_lines(split_lines(text))]
    assert kinds == [("paragraph", "專家指出，平台企業應承擔更多責任，保障勞動者權益。"), ("signoff", "（本報綜合報道）")]


def test_a_deck_running_to_a_clause_under_a_narrow_headline_is_the_deck():
    """A headline and deck set a word or two a line in a narrow column, over a byline: the
    deck's semicolon parts two clauses; it finishes no sentence."""
    page = broadsheet.restore(
        "The hall reopens on Friday, the museum said.\n(Additional\nreporting by Ben\nCarter)\n"
        "Renters face\nsteepest\nincrease in\nfive years\nAverage\nmonthly rent\ntops $2,400;\nadvocates\nurge cap\n"
        "By Jane Doe\nAverage rents in\nthe metropolitan\narea rose 9.2 per\ncent in the year to\nOctober, the\n"
        "fastest pace since\n2021, figures show.\n")
    article = next(a for a in page.articles if a.byline is not None and a.byline.string == "By Jane Doe")
    assert article.headline.string == "Renters face steepest increase in five years"
    assert [d.string for d in article.subheadlines] == ["Average monthly rent tops $2,400; advocates urge cap"]


# A CJK headline's halves a narrow column wrapped, and the whole headline they make.
WRAPPED_HALVES = [
    pytest.param(  # the next line opens by finishing the first half (大雪, a word the story uses)
        "哈尔滨迎来今冬首场大\n雪　市民高兴堆雪\n人\n本报讯\n"
        "受冷空气影响，哈尔滨昨日迎来今冬首场大雪，市区积雪深度达12厘米。气象部门预计，未来三天气温将降至零下20摄氏度左右。\n"
        "雪后，不少市民带着孩子到公园堆雪人、打雪仗，孩子们都很开心。\n",
        "哈尔滨迎来今冬首场大雪　市民高兴堆雪人", id="first-half-cut-before-its-space"),
    pytest.param(  # 多付 is in no sentence of the story, but it is a Chinese word
        "水費十年來首次上調　住戶每月多\n付約12元\n本報訊\n"
        "水務署建議由明年4月起上調水費9%，這是十年來首次加價。以一個四人家庭計算，每月水費將增加約12元。\n"
        "水務署署長解釋，濾水廠營運成本持續上升，水費收入已不足以應付開支。\n",
        "水費十年來首次上調　住戶每月多付約12元", id="second-half-cut-inside-a-word-of-the-language"),
    pytest.param(  # three characters right under the second half, which they bring to a half's length
        "颱風「白鷺」逼近　天文台考慮改發八\n號風球\n本報訊\n"
        "天文台表示，颱風正以每小時18公里向西北偏西移動，預料明日早上最接近本港。\n"
        "各大超級市場昨晚出現搶購潮，蔬菜及麵包貨架一度清空。\n",
        "颱風「白鷺」逼近　天文台考慮改發八號風球", id="a-few-characters-left-under-the-second-half"),
]


@pytest.mark.parametrize(("text", "headline"), WRAPPED_HALVES)
def test_a_headlines_halves_wrapped_in_a_narrow_column_are_one_headline_with_no_deck(text, headline):
    article = broadsheet.restore(text).articles[0]
    assert article.headline.string == headline
    assert article.subheadlines == []


def test_a_title_wrapped_a_few_characters_a_line_after_a_bulleted_box_is_no_item_of_it():
    text = ("夏季防暑小貼士\n● 多喝清水，少喝汽水\n● 正午時段避免戶外活動\n● 冷氣溫度不宜低於二十六度\n"
            "屋邨長者\n飯堂開進\n舊區大廈\n午飯十元\n（上接第一版）\n"
            "民政事務處表示，截至十月底，全港已有約六百間長者飯堂，為區內老人提供平價膳食。\n")
    items = [block.string for article in broadsheet.restore(text).articles for block in article.body
             if block.kind == "list_item"]
    assert items == ["多喝清水，少喝汽水", "正午時段避免戶外活動", "冷氣溫度不宜低於二十六度"]


def _segmented(text):
    from broadsheet.read.text import split_lines
    from broadsheet.segment import segment_lines

    return [(b.kind, " ".join(line.string for line in b.lines)) for b in segment_lines(split_lines(text))]


NARROW_BODY = ("Twelve rural schools will\ntrial a four-day teaching\nweek from next autumn, in\nan attempt to recruit and\n"
               "keep staff in the villages.\n")


@pytest.mark.parametrize("byline, tail", [
    ("By Emily Tsang in Hong", "Kong"),  # whole alone, but for the word the column's edge carried down
    ("BY MARIA LOPEZ AND DAVID", "CHEN"),
])
def test_a_byline_cut_at_the_column_edge_takes_its_short_tail(byline, tail):
    blocks = _segmented(f"{byline}\n{tail}\n{NARROW_BODY}")
    assert blocks[0] == ("byline", f"{byline} {tail}")
    assert blocks[1][1].startswith("Twelve rural schools")


def test_a_byline_short_of_the_column_takes_no_line_after_it():
    # "By Emily Tsang" stops well short of the measure: "Kong" is not its tail.
    blocks = _segmented(f"By Emily Tsang\nKong\n{NARROW_BODY}")
    assert blocks[0] == ("byline", "By Emily Tsang")


def test_a_cjk_signoff_cut_in_a_name_takes_its_tail():
    text = "專家指出，平台企業應承\n擔更多責任，保障勞動者\n權益，亦應為騎手投保。\n■香港文匯報記者 葉詠\n詩\n"
    assert _segmented(text)[-1] == ("signoff", "■香港文匯報記者 葉詠 詩")


def test_a_cjk_byline_over_a_short_first_line_takes_no_line_after_it():
    # The story's first line is short because the reader lost its indent, not a carried name.
    text = "本报记者\u3000孙晓梅\n市轨道交通\n集团昨天宣布，地铁9\n号线一期工程将于下月\n28日开通试运营，全长\n21.6公里，设站15座。\n"
    assert _segmented(text)[0] == ("byline", "本报记者\u3000孙晓梅")


def test_a_byline_wrapped_over_three_lines_is_one_block():
    blocks = _segmented(f"Sarah Whitfield,\nEducation\nCorrespondent\n{NARROW_BODY}")
    assert blocks[0] == ("byline", "Sarah Whitfield, Education Correspondent")


def test_a_line_tail_before_a_byline_wrapped_once_is_no_part_of_it():
    text = "小巴司機荒未解　業界倡放寬輸入外\n勞\n香港文匯報訊（記者 葉\n詠詩）\n本港專線小巴業界\n昨日聯署致函運輸及物\n流局，指全港約有800個\n"
    assert ("byline", "香港文匯報訊（記者 葉 詠詩）") in _segmented(text)
    assert not any(kind == "byline" and string == "勞" for kind, string in _segmented(text))


# The address may be parted from the story by a space, or by nothing (then it reads as a
# sign-off's address on its own: yoopq@zaobao.com.sg环境).
@pytest.mark.parametrize("gap", [" ", ""])
def test_a_reporters_address_run_into_the_story_parts_from_it(gap):
    text = (f"小贩中心推行自助回收餐具\n游佩琪 报道\nyoopq@zaobao.com.sg{gap}环境\n局在五个小贩中心推行自\n助回收餐具计划，首月餐\n"
            "具回收率达到九成，比计\n划推行前提高了近三成。\n")
    article = broadsheet.restore(text).articles[0]
    assert article.byline.string.replace(" ", "") == "游佩琪报道yoopq@zaobao.com.sg"
    assert article.body[0].string.startswith("环境局在五个小贩中心")


def test_an_address_cut_at_the_column_edge_after_the_last_sentence_is_the_signoff():
    text = NARROW_BODY + "sarah.whitfield@dailyle\ndger.co.uk\n"
    assert _segmented(text)[-1] == ("signoff", "sarah.whitfield@dailyle dger.co.uk")


@pytest.mark.parametrize("line", ["（联合早报）", "（明報）", "编辑：王晓 审核：李敏"])
def test_a_papers_name_in_brackets_or_an_editor_and_reviewer_sign_off(line):
    from broadsheet.segment import line_cue

    assert line_cue(line) == "signoff"


def test_a_marked_reporters_line_run_into_the_story_over_a_line_break_parts_from_it():
    text = ("社区食堂开进老小区\n□本报记者马晓东\n文/图在市区一处建\n于上世纪80年代的老\n小区里，一家社区食\n"
            "堂开业不到半年，每\n天接待老人超过300\n人次。\n")
    article = broadsheet.restore(text).articles[0]
    assert article.byline.string == "□本报记者马晓东文/图"
    assert article.body[0].string.startswith("在市区一处建于上世纪")


def test_a_marked_reporters_line_cut_inside_its_last_words_and_run_into_the_story_parts_from_it():
    # The reporter's line, marked as papers mark a list's items, breaks inside 文/圖 and runs
    # on into the story; the two lines over it are the story's headline.
    text = ("據介紹，新線各車站均設\n有無障礙電梯，並首次試\n點手機掃碼進站。\n●記者 王五 報道\n"
            "社區飯堂開進舊屋邨\n長者吃飯不再犯愁\n□本報記者 馬曉東 文/\n圖在市區一處建於上世\n紀80年代的舊屋邨裏，\n"
            "一家社區飯堂開業不到\n半年，每天接待長者超\n過300人次。\n")
    article = broadsheet.restore(text).articles[-1]
    assert article.headline.string == "社區飯堂開進舊屋邨長者吃飯不再犯愁"
    assert article.byline.string == "□本報記者 馬曉東 文/圖"
    assert article.body[0].string.startswith("在市區一處建於上世紀")


def test_a_reporter_and_a_correspondent_run_together_read_as_a_byline():
    from broadsheet.segment import line_cue

    assert line_cue("记者何雨欣通讯员张伟") == "byline"


def test_a_signoffs_bracket_runs_on_into_the_note_that_closes_it():
    text = NARROW_BODY + "(Reporting by Aradhana Lim;\nEditing by Kim Coghill)\n"
    assert _segmented(text)[-1] == ("signoff", "(Reporting by Aradhana Lim; Editing by Kim Coghill)")


@pytest.mark.parametrize("text, caption, credit", [
    ("■學童在風雨中步行上學。（明報記\n者梁家豪攝）\n", "學童在風雨中步行上學。", "明報記者梁家豪攝"),
    ("■老人在社区食堂用\n餐。（马晓东 摄）\n", "老人在社区食堂用餐。", "马晓东 摄"),
    ("• Cranes load containers at a terminal in Singapore. (\nREUTERS/Edgar Su)\n",
     "Cranes load containers at a terminal in Singapore.", "REUTERS/Edgar Su"),
])
def test_a_marked_caption_whose_credit_the_column_edge_cut_is_one_caption(text, caption, credit):
    page = broadsheet.restore(NARROW_BODY + text)
    captions = [c for a in page.articles for c in a.captions] + [b for b in page.unassigned if b.kind == "caption"]
    assert [(c.string, c.credit.string if c.credit else None) for c in captions] == [(caption, credit)]


def test_a_photographers_name_in_capitals_carried_below_his_papers_lead_stays_on_the_caption():
    # Alone, the name in capitals reads as a section's; after the lead it is the credit's end.
    blocks = _segmented(NARROW_BODY + "Pupils arrive at a village school\ntaking part in the trial. ST PHOTO:\nKELVIN LIM\n")
    assert blocks[-1][1] == "Pupils arrive at a village school taking part in the trial. ST PHOTO: KELVIN LIM"


def test_an_agency_photo_credit_the_column_edge_cut_stays_on_its_caption():
    blocks = _segmented(NARROW_BODY + "Shoppers walk past closed\nstores in Sham Shui Po. AP\nPhoto/Kin Cheung\n")
    assert blocks[-1][1] == "Shoppers walk past closed stores in Sham Shui Po. AP Photo/Kin Cheung"


@pytest.mark.parametrize("line, credit", [
    ("A firefighter monitors a back-burn. Photo courtesy of the County Fire Department", "Photo courtesy of the County Fire Department"),
    ("A firefighter monitors a back-burn. (Photo courtesy of the County Fire Department)", "Photo courtesy of the County Fire Department"),
    ("Cranes load containers. ( REUTERS/Edgar Su)", "REUTERS/Edgar Su"),
    ("Pupils arrive at a village school. (ST PHOTO: KELVIN LIM)", "ST PHOTO: KELVIN LIM"),
    ("Pupils arrive at a village school. ST PHOTO: KELVIN LIM", "ST PHOTO: KELVIN LIM"),
])
def test_trailing_credits_an_english_caption_closes_on(line, credit):
    from broadsheet import cues

    match = cues.TRAILING_CREDIT.search(line)
    assert next(g for g in match.groups() if g) == credit


def test_a_quotation_left_open_at_a_sentences_end_runs_on_to_the_line_that_closes_it():
    text = ('Head teacher Alan Morris said\nthe move had already helped: "We\nadvertised a maths post\n'
            'and got nine applicants.\nLast year we got none."\nTeaching unions welcomed the\ntrial.\n')
    blocks = _segmented(text)
    assert blocks[0][1].endswith('Last year we got none."')


def test_a_closed_quotation_leaves_the_next_sentence_its_own_paragraph():
    text = ('Head teacher Alan Morris said\nthe move had "already helped"\nin the first term.\n'
            '"Last year we got none," he said.\n')
    assert len(_segmented(text)) == 2


def test_a_dateline_wrapped_over_three_lines_into_the_story_parts_from_it():
    text = ("今年新建的12座高标准粮仓已\n全部投入使用。\n新华社郑州10月16\n日电（记者 赵文涛\n刘晓燕）记者从河\n南省粮食和物资储\n"
            "备局获悉，今年秋\n粮收购已完成计划\n的五成以上。\n")
    article = next(a for a in broadsheet.restore(text).articles if a.byline is not None)
    assert article.byline.string.replace(" ", "") == "新华社郑州10月16日电（记者赵文涛刘晓燕）"
    assert article.body[0].string.startswith("记者从河南省粮食")


def test_a_credit_breaking_off_on_via_takes_its_next_line():
    blocks = _segmented(NARROW_BODY + "People walk across the restored\nswing bridge.\nJane Fong/Bloomberg via\nGetty Images\n")
    assert blocks[-1] == ("credit", "Jane Fong/Bloomberg via Getty Images")


def test_a_credits_first_word_left_at_a_captions_last_line_goes_on_below():
    blocks = _segmented(NARROW_BODY + "People walk across the restored\nswing bridge. Jane\nFong/Bloomberg via Getty Images\n")
    assert blocks[-1][1] == "People walk across the restored swing bridge. Jane Fong/Bloomberg via Getty Images"


def test_a_photographers_name_and_wire_is_a_trailing_credit_only_after_a_sentence():
    from broadsheet import cues

    assert cues.TRAILING_CREDIT.search("The restored swing bridge. Jane Fong/Bloomberg").group("bare") == "Jane Fong/Bloomberg"
    assert cues.TRAILING_CREDIT.search("Shoppers in Sham Shui Po. AP Photo/Kin Cheung").group("bare") == "AP Photo/Kin Cheung"


def test_a_paragraphs_indented_first_line_under_a_wrapped_byline_opens_the_paragraph():
    text = ("中央社記者林佳慧台北15\n日電\n台北市立圖書館宣\n布，由下月起總館及五間\n分館的開放時間延長至晚\n"
            "上10時，為期半年試行。\n館方表示，近年夜間讀者\n人數增加逾兩成，不少上\n班族希望下班後仍有地方\n溫習。\n")
    blocks = _segmented(text)
    assert blocks[1][1].startswith("台北市立圖書館宣 布，由下月起")


def test_a_bracketed_reporter_wrapped_under_a_dateline_is_part_of_the_byline():
    text = ("新华社郑州10月16日电\n（记者 赵文涛 刘晓\n燕）\n记者从河南省粮\n食和物资储备局获\n悉，今年秋粮收购\n已完成计划的五成\n以上。\n")
    assert _segmented(text)[0] == ("byline", "新华社郑州10月16日电 （记者 赵文涛 刘晓 燕）")


def test_a_marked_reporters_line_run_into_the_story_on_one_line_is_no_list_item():
    from broadsheet.segment import line_cue

    assert line_cue("□本报记者 马晓东 文/图在市区一处建于上世纪80年代的老小区里") is None
    assert line_cue("□本报记者 马晓东 文/图") == "signoff"


def test_a_marked_line_under_a_credit_is_its_photos_caption_but_a_labelled_item_is_not():
    blocks = _segmented(NARROW_BODY + "REUTERS/Edgar Su\n• Cranes load containers at a terminal in Singapore.\n")
    assert blocks[-2:] == [("credit", "REUTERS/Edgar Su"), ("caption", "• Cranes load containers at a terminal in Singapore.")]
    blocks = _segmented(NARROW_BODY + "讀者在總館自修室溫習。\n中央社記者林佳慧攝\n■ 三號風球：幼稚園停課\n■ 八號風球：全港學校停課\n")
    assert [kind for kind, _ in blocks[-2:]] == ["list_item", "list_item"]


def test_a_credit_read_over_its_caption_goes_to_that_caption():
    page = broadsheet.restore("Port volumes slip\n" + NARROW_BODY + "(Reporting by Ann Lim)\nREUTERS/Edgar Su\n"
                              "• Cranes load containers at a terminal in Singapore.\n")
    captions = [c for a in page.articles for c in a.captions]
    assert [(c.string, c.credit.string) for c in captions] == [
        ("Cranes load containers at a terminal in Singapore.", "REUTERS/Edgar Su")]


def test_a_credit_over_a_caption_is_not_taken_by_an_uncredited_caption_further_up():
    page = broadsheet.restore("Port volumes slip\n" + NARROW_BODY + "▲ Trucks queue at the gate.\n" + NARROW_BODY.replace("Twelve", "Six")
                              + "REUTERS/Edgar Su\n▲ Cranes load containers at a terminal in Singapore.\n")
    captions = {c.string: (c.credit.string if c.credit else None) for a in page.articles for c in a.captions}
    assert captions == {"Trucks queue at the gate.": None,
                        "Cranes load containers at a terminal in Singapore.": "REUTERS/Edgar Su"}


def test_a_captions_credit_runs_on_to_a_line_in_lower_case():
    blocks = _segmented(NARROW_BODY + "• People walk across the restored swing bridge. Jane Fong/Bloomberg\nvia Getty Images\n")
    assert blocks[-1] == ("caption", "• People walk across the restored swing bridge. Jane Fong/Bloomberg via Getty Images")


def test_a_cjk_line_two_characters_short_ending_a_sentence_ends_its_paragraph():
    # Twenty characters a line; the first paragraph's last line stops two short.
    text = ("康樂及文化事務署宣布，由本月起，中央圖書\n館及三間分區圖書館的自修室會延長開放至午\n夜十二時，為期兩個月，以配合考試季。\n"
            "署方統計，去年考試季期間，自修室的平均使\n用率相當高，不少學生要在早上排隊等候入\n場。\n")
    blocks = _segmented(text)
    assert [b[1][:4] for b in blocks] == ["康樂及文", "署方統計"]


def test_a_set_in_first_line_two_characters_short_after_a_finished_line_runs_on():
    # 不過，… is a paragraph's first line, set in by two characters: full, though short.
    text = ("宿舍太吵，圖書館是唯一能專心讀書的地\n方，「以前九點就要收拾，現在可以多讀\n一小時」。\n"
            "不過，館員工會擔心夜班人手不足。\n工會幹事黃麗華說，晚上要處理的讀者糾\n紛不少，希望館方加派保安。\n")
    blocks = _segmented(text)
    assert blocks[-1][1].startswith("不過，館員工會擔心夜班人手不足。 工會幹事")


@pytest.mark.parametrize("head", [["果園採摘遊", "升溫　農戶", "增收有了新", "門路"], ["果園採摘遊升溫　農戶", "增收有了新門路"]])
def test_a_title_under_a_wide_caption_that_ended_its_sentence_is_no_part_of_the_caption(head):
    # The caption, set wide under its photo (drawn twice), ends on its stop; the next story's
    # headline follows, stacked in a narrow column or holding its halves' space, then that
    # story's text at its measure.
    lines = ["圖/本報記者", "▲9號線列車在車廠進行調試。", "▲9號線列車在車廠進行調試。", *head, *head,
             "本報訊（記者 錢佳怡）", "金秋時節，本地多個", "果園迎來採摘高峰。記者", "在元朗一處士多啤梨種植",
             "場看到，不少市民帶着孩", "子前來採摘，農場停車場", "幾乎停滿。"]
    page = broadsheet.restore("\n".join(lines))
    assert [a.headline.string for a in page.articles if a.headline] == ["果園採摘遊升溫　農戶增收有了新門路"]
    captions = [(c.string, c.credit.string) for a in page.articles for c in a.captions]
    assert captions == [("9號線列車在車廠進行調試。", "圖/本報記者")]


_JUSTIFIED_STORY = ("Firefighters\nmade\nprogress\non\nThursday against a wildfire that has\nburned more than 2,000 acres in the\n"
                    "hills above the town, officials said, as\ncooler weather slowed its advance.\n")


def test_a_name_in_capitals_carried_below_its_byline_over_a_justified_column_ends_the_byline():
    # The column's first line came a word a line, so its measure tells nothing; the name's
    # last word in capitals under a byline in capitals is the byline's.
    page = broadsheet.restore("BY MARIA LOPEZ AND DAVID\nCHEN\n" + _JUSTIFIED_STORY)
    article = page.articles[0]
    assert article.byline.string == "BY MARIA LOPEZ AND DAVID CHEN"
    assert article.body[0].string.startswith("Firefighters made progress on Thursday")


def test_a_story_word_under_a_byline_in_mixed_case_stays_in_the_story():
    page = broadsheet.restore("By Priya Raman\nHigh\nwinds\nbrought\ndown\ntrees and power lines across the\n"
                              "northern suburbs overnight, leaving about\n40,000 homes without power.\n")
    article = page.articles[0]
    assert article.byline.string == "By Priya Raman"
    assert article.body[0].string.startswith("High winds brought down trees")


def test_a_place_carried_below_its_byline_is_the_bylines_where_the_page_prints_it_whole():
    page = broadsheet.restore("By Emily Tsang in Hong\nKong\n" + _JUSTIFIED_STORY.replace("the town", "Hong Kong"))
    article = page.articles[0]
    assert article.byline.string == "By Emily Tsang in Hong Kong"
    assert article.body[0].string.startswith("Firefighters made progress")


def test_a_line_wider_than_a_cjk_list_items_own_line_is_no_wrap_of_it():
    # The item, bullet and all, would fill its box's measure had it wrapped; the headline
    # under the box is wider than it.
    text = "\n".join(["港鐵新線一期工程", "■ 全長：21.6公里", "■ 車站：15個", "■ 班次：繁忙時間4分鐘", "小販中心推行自助回收餐具",
                      "首月回收率", "達九成", "記者 游佩琪 報道", "環境局在五個小販中心推", "行自助回收餐具計劃。"])
    blocks = _segmented(text)
    assert ("list_item", "■ 班次：繁忙時間4分鐘") in blocks
    assert ("paragraph", "小販中心推行自助回收餐具 首月回收率 達九成") in blocks


def test_a_place_after_in_carried_below_its_byline_is_the_bylines_under_any_measure():
    """The byline's own type wrapped it short of the story's wider measure: a capitalised word
    alone under "… in Hong" finishes the place, as no story's first line stops on one word."""
    wide_body = ("Twelve rural schools will trial a four-day\nteaching week from next autumn, in an attempt\n"
                 "to recruit and keep staff in the villages,\nthe education department said on Monday.\n")
    blocks = _segmented(f"By Emily Tsang in Hong\nKong\n{wide_body}")
    assert blocks[0] == ("byline", "By Emily Tsang in Hong Kong")
    assert blocks[1][1].startswith("Twelve rural schools")


def test_a_reporters_address_alone_under_the_byline_is_the_bylines():
    text = "游佩琪 报道\nyoopq@zaobao.com.sg\n环境局在五个小贩中\n心推行自助回收餐具计\n划，首月回收率达九成。\n"
    blocks = _segmented(text)
    assert blocks[0] == ("byline", "游佩琪 报道 yoopq@zaobao.com.sg")
    assert blocks[1][1].startswith("环境局")



def test_a_cjk_deck_wider_than_its_headlines_wrap_stands_apart_where_a_plain_space_parts_the_halves():
    # pdftotext -raw gives the full-width space between the halves as a plain one.
    text = "广湛高铁全线贯\n通 两地通行时\n间缩短至两小时\n沿线新设七座车站\n新华社广州3月2日电（记者 王晓东）\n"
    assert _segmented(text)[:2] == [("paragraph", "广湛高铁全线贯 通 两地通行时 间缩短至两小时"),
                                    ("paragraph", "沿线新设七座车站")]


def test_a_reporters_line_wrapped_before_wen_tu_takes_it():
    """文/图 (words and pictures) alone reads as a byline's form, but under a reporter's line
    that filled the column it is that line's end."""
    text = "□本报记者 马晓东\n文/图\n在市区一处建\n于上世纪80年代的\n老小区里，一家社\n区食堂开业不到半\n年，每天接待老人\n超过300人次。\n"
    assert _segmented(text)[0] == ("signoff", "□本报记者 马晓东 文/图")


def test_lines_wrapped_at_a_narrower_measure_of_their_own_run_on():
    """A pull quote's box sets its text narrower than the column: each of its lines falls short
    of the column's measure, but they are all as wide as each other and run on."""
    column = "小巴商會主席鄧志\n強說，現職司機平\n均年齡已超過六十\n歲，年輕人寧願送\n外賣，也不願做一\n份辛苦的工作。\n"
    quote = "他建議當局參\n考巴士業的做\n法，容許業界\n輸入有經驗的\n內地司機。\n"
    blocks = _segmented(column + quote)
    assert blocks[-1] == ("paragraph", "他建議當局參 考巴士業的做 法，容許業界 輸入有經驗的 內地司機。")


def test_a_fact_box_a_narrow_column_wrapped_keeps_each_fact_whole():
    """Labels and values with their markers drawn as shapes, each value wrapped under its
    label: one item a label, the wrapped lines its own, the box's last taking its line only
    where its own stops on a comma."""
    english = ("to four hours.\nClosure hours:\n10am to 9pm,\nSaturdays and\nSundays\nBlocks affected:\n100 to 400 Elm\n"
               "Street\nStart date: May 2,\n2027\nThe measure will\nbe reviewed after one\nyear.\n")
    assert _segmented(english)[1:5] == [
        ("list_item", "Closure hours: 10am to 9pm, Saturdays and Sundays"), ("list_item", "Blocks affected: 100 to 400 Elm Street"),
        ("list_item", "Start date: May 2, 2027"), ("paragraph", "The measure will be reviewed after one year.")]
    chinese = "累計上升近兩成。\n一般住戶：每立方米由4.16元增至4.53\n元\n非住宅用戶：加幅為10%\n生效日期：2027年4月1日\n"
    assert _segmented(chinese)[1:] == [("list_item", "一般住戶：每立方米由4.16元增至4.53 元"),
                                       ("list_item", "非住宅用戶：加幅為10%"), ("list_item", "生效日期：2027年4月1日")]
    page = broadsheet.restore("Elm Street to close at weekends\n" + english)
    items = [b.string for a in page.articles for b in a.body if b.kind == "list_item"]
    assert items[0] == "Closure hours: 10am to 9pm, Saturdays and Sundays"


def test_paragraphs_that_open_on_a_speakers_colon_are_no_fact_box():
    # (a justified column: the lines under a paragraph's first are as wide as it)
    text = ("陳太說：我們一家四口住在劏房，\n單位面積不足一百平方呎，孩子們\n做功課要坐在床上\n"
            "李先生說：輪候公屋已經五年，希\n望可以在孩子升中前上樓，到時一\n家人就可以好好吃一頓飯\n"
            "黃小姐說：租金佔收入近一半，每\n個月都要精打細算，生活十分緊張\n，只求有一扇窗\n")
    assert "list_item" not in [kind for kind, _text in _segmented(text)]


def test_a_boxs_phrases_with_their_markers_drawn_apart_after_them_are_items():
    """WeasyPrint may draw a list's markers after its items: a title, three phrases, and three
    markers alone on their lines."""
    text = ("高温天气可能持续至下周。\n（完）\n防暑降温小贴士\n多喝水，少喝含糖饮料\n避免中午时段户外活动\n"
            "空调温度不宜低于26摄氏度\n•\n•\n•\n")
    items = [string for kind, string in _segmented(text) if kind == "list_item" and string != "•"]
    assert items == ["多喝水，少喝含糖饮料", "避免中午时段户外活动", "空调温度不宜低于26摄氏度"]



# The project's XeLaTeX page through PyMuPDF: a narrow story, then a headline over a wide
# one, and the next story's narrow headline under it.
NARROW_THEN_WIDE = """屏手机价格首次跌破5,000 元大关。
公司产品总监郑晓峰在发布会上表示，通
过自研铰链和屏幕供应链整合，成本较
上一代下降约三成。新机重量为228 克，
支持5G 和卫星通话。
新机重量为228 克，支持5G
和卫星通话。
市场研究机构分析师钱雨认为，价格下
探将推动折叠屏手机进入主流市场。预
计明年国内折叠屏手机出货量将突破
1,500 万台。
广湛高铁全线贯通　两地通行时间缩
短至两小时
沿线新设七座车站
新华社广州3 月2 日电（记者　王晓东）
记者从铁路部门获悉，广州至湛江高速铁路今天实现全线贯通，
预计年底前开通运营。届时，广州至湛江的最快通行时间将由
目前的约5 小时缩短至2 小时左右。
广湛高铁全长约400 公里，设计时速350 公里，沿线新设7
座车站。项目负责人刘建国介绍，施工团队克服了软土地基、
跨海大桥等多项技术难题。
“以前回老家要坐大半天车，以后早上出发，中午就能和家人一
起吃饭了。”在广州工作的湛江人陈丽华说。
据了解，铁路部门将在开通前进行约3 个月的联调联试，确保
线路安全稳定。
（完）
城市书房24 小时不打烊　深夜读者
多为年轻人
记者　孙悦　报道
在成都锦江区，一家24 小时开放的城市书房成了不少年轻人"""


def test_a_storys_first_line_past_the_narrow_measure_above_it_runs_on_into_a_line_as_wide():
    """The wide story's first two lines are the only ones near them past the narrow measure;
    the first, holding a hung comma, is past it by more than the second."""
    block = next(text for _kind, text in _segmented(NARROW_THEN_WIDE) if text.startswith("记者从铁路部门获悉"))
    assert block.endswith("2 小时左右。")



# The project's XeLaTeX page through PyMuPDF: a story's last paragraph, its first line set in
# and stopping before a figure, then a wider story under the next headline.
SET_IN_BEFORE_A_WIDER_STORY = """刘建国介绍，施工团队克服了软土地基、跨海
大桥等多项技术难题。
“以前回老家要坐大半天车，以后早上出
发，中午就能和家人一起吃饭了。”在广州工
作的湛江人陈丽华说。
据了解，铁路部门将在开通前进行约3
个月的联调联试，确保线路安全稳定。
（完）
国产手机新品发布　折叠屏价格首次
跌破五千元
本报讯（记者　吴昊　深圳报道）
深圳一家手机厂商昨日发布新款折叠屏手机，起售价4,999 元，
这是国产折叠屏手机价格首次跌破5,000 元大关。
公司产品总监郑晓峰在发布会上表示，通过自研铰链和屏幕供应
链整合，成本较上一代下降约三成。新机重量为228 克，支持5G 和
卫星通话。
市场研究机构分析师钱雨认为，价格下探将推动折叠屏手机进入
主流市场。预计明年国内折叠屏手机出货量将突破1,500 万台。
防暑降温小贴士
●多喝水，少喝含糖饮料
●避免中午时段户外活动
●空调温度不宜低于26 摄氏度"""


def test_a_short_line_holding_a_clauses_mark_runs_on_though_a_wider_storys_measure_is_read_near_it():
    paragraph = next(text for _kind, text in _segmented(SET_IN_BEFORE_A_WIDER_STORY) if text.startswith("据了解"))
    assert paragraph.endswith("确保线路安全稳定。")


def test_one_editor_named_under_a_storys_last_sentence_signs_it_off_and_the_pages_staff_line_is_furniture():
    text = ("新线车站均设有无障碍电\n梯和母婴室，并首次试点\n手机扫码进站。\n责任编辑：周婷\n"
            "主产区新建粮仓投入使用\n责任编辑：刘洋　美术编辑：林峰\n")
    blocks = _segmented(text)
    assert ("signoff", "责任编辑：周婷") in blocks
    assert ("furniture", "责任编辑：刘洋　美术编辑：林峰") in blocks
    # Alone at the head of a page, it is the page's.
    assert _segmented("责任编辑：周婷\n" + text.split("责任编辑：周婷\n")[0])[0] == ("furniture", "责任编辑：周婷")
