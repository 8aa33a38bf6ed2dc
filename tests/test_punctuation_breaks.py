"""A justified CJK line `pdftotext -raw` broke after its punctuation (repair/punctuation_breaks.py)."""

from broadsheet.read.text import split_lines
from broadsheet.repair.punctuation_breaks import join_cjk_lines_broken_at_punctuation

# A column of 17 characters; three of its printed lines come out in pieces.
BROKEN = """新华社南京7月28日电
受副热带高压影响，
江苏、
浙江、
安徽
等地连续多日出现三十五摄氏度以上
高温天气，部分地区最高气温超过四十
摄氏度。国家电网华东分部数据显示，
全网用电负荷达到三点八亿千瓦，创
历史新高。
电力部门启动有序用电预案，
优
先保障居民生活用电。气象专家提醒，
高温天气可能持续至下周，市民应尽量
避免在中午前后户外活动，注意防暑降
温。“我们会加派人手巡查线路，
确保
供电。
”"""


def _joined(text: str) -> list[str]:
    lines, removed = join_cjk_lines_broken_at_punctuation(split_lines(text), text)
    assert removed == []
    return [line.string for line in lines]


def test_a_printed_line_broken_after_its_marks_is_whole_again():
    lines = _joined(BROKEN)
    assert "受副热带高压影响，江苏、浙江、安徽" in lines
    assert "电力部门启动有序用电预案，优" in lines
    assert "温。“我们会加派人手巡查线路，确保" in lines


def test_a_closing_quotation_mark_alone_closes_the_line_above():
    assert _joined(BROKEN)[-1] == "供电。”"


def test_the_joined_line_keeps_each_pieces_input_offsets():
    lines, _ = join_cjk_lines_broken_at_punctuation(split_lines(BROKEN), BROKEN)
    joined = next(line for line in lines if line.string.startswith("受副热带"))
    assert [BROKEN[s:e] for s, e in joined.text.spans()] == ["受副热带高压影响，", "江苏、", "浙江、", "安徽"]


def test_running_text_with_a_short_clause_or_two_is_left_alone():
    """A line or two that only happen to fit (a box's label and its value) are no extractor's
    broken lines: the page must show the break again and again."""
    text = "\n".join(line for line in BROKEN.split("\n")[5:10]) + "\n营业时间：\n上午十时\n" + "\n".join(BROKEN.split("\n")[12:16])
    assert _joined(text) == text.split("\n")


def test_a_paragraphs_short_last_line_takes_nothing_after_it():
    lines = _joined(BROKEN)
    assert "历史新高。" in lines


# A column of 11 characters; the extractor broke two printed lines before a closing mark,
# on a page that breaks no line after a clause's mark often enough for the repair above.
PUSHED = """以馆藏文物为原型设计
的冰箱贴、书签等文创产
品销售火爆，上线一个月
销量超过十万件。“谢谢
大家喜欢，我们会继续开
发更多有意思的文创小
产品。
”文创部负责人林静
说。下一批产品将在国
庆前推出，价格维持不
变，网上同步发售。
”"""


def test_a_line_opening_on_a_closing_mark_goes_back_onto_the_line_it_was_broken_from():
    lines = _joined(PUSHED)
    assert "产品。”文创部负责人林静" in lines
    assert lines[-1] == "变，网上同步发售。”"


def test_a_line_a_typesetter_opened_on_a_mark_stays_where_the_line_above_is_full():
    """Some typesetters set a comma at a line's start themselves: the line above fills the
    measure, and the two together would overrun it."""
    text = PUSHED.replace("\n”文创部负责人林静\n说。", "\n，文创部负责人林静说\n。")
    lines = _joined(text)
    assert "，文创部负责人林静说" in lines and "。" not in lines


def test_a_mark_set_vertically_stays_a_line_of_its_own():
    text = "\n".join("文物热”持续升温") + "\n"
    assert _joined(text) == list("文物热”持续升温")


def test_a_stop_alone_on_a_line_goes_back_where_the_typesetter_keeps_marks_off_line_starts():
    lines = _joined(PUSHED.replace("变，网上同步发售。\n”", "变，网上同步发售\n。"))
    assert lines[-1] == "变，网上同步发售。"


def test_a_stop_alone_stays_where_the_typesetter_wraps_marks_itself():
    """A typesetter that opens full lines on marks wraps a stop alone too: that short line
    is the paragraph's last."""
    text = PUSHED.replace("\n”文创部负责人林静\n说。", "\n，文创部负责人林静说\n。").replace("变，网上同步发售。\n”", "变，网上同步发售\n。")
    lines = _joined(text)
    assert lines[-2:] == ["变，网上同步发售", "。"]


def _broken_after_every_mark(text: str, measure: int) -> str:
    """Set text in a column ``measure`` characters wide, then break each printed line after
    every clause's mark, as pdftotext -raw reads Typst's justified lines."""
    printed = [text[k:k + measure] for k in range(0, len(text), measure)]
    out = []
    for line in printed:
        piece = ""
        for ch in line:
            piece += ch
            if ch in "，、；：":
                out.append(piece)
                piece = ""
        if piece:
            out.append(piece)
    return "\n".join(out)


def test_where_most_lines_are_pieces_the_measure_is_the_cut_lines():
    """On a page broken after nearly every mark, most lines near one are pieces: the width
    most of them reach is a piece's, not the column's. The lines the measure cut show it."""
    story = ("在成都一家历史悠久的老茶馆里面，二十二岁的川剧演员何小雨表演了一段精彩的传统变脸节目，"
             "赢得满堂喝彩，台下的老戏迷们笑个不停，连声叫好。何小雨十一岁开始跟随师父学戏，每天练功"
             "四个小时，她说，刚开始常常想放弃，腿疼得睡不着觉，但每次站上舞台看到观众的笑脸就觉得一切"
             "都值得。为了吸引更多年轻观众，何小雨和同伴们把精心剪辑的川剧片段发到短视频平台，单条视频的"
             "播放量最高超过五百万次，成都市川剧院院长表示，剧院近三年招收了四十多名年轻演员。")
    text = _broken_after_every_mark(story, 18)
    lines = _joined(text)
    assert "".join(lines) == story
    assert sum(1 for line in lines if len(line) >= 16) >= 0.6 * len(lines), lines


def _printed_and_broken(text: str, measure: int, marks: str = "，、；：。", every: int = 2) -> tuple[list[str], str]:
    """The printed lines of ``text`` in a column ``measure`` characters wide, and the text
    an extractor gives that breaks one in ``every`` of them after each of ``marks`` (where
    the typesetter stretched the space after them)."""
    printed = [text[k:k + measure] for k in range(0, len(text), measure)]
    out = []
    for number, line in enumerate(printed):
        if number % every != every - 1:
            out.append(line)
            continue
        piece = ""
        for ch in line:
            piece += ch
            if ch in marks:
                out.append(piece)
                piece = ""
        if piece:
            out.append(piece)
    return printed, "\n".join(out)


# Sentences that end inside printed lines: a piece after a stop runs on to the column's edge.
STOPS_INSIDE = ("在贵州东南部的大山深处，五十八岁的乡村医生杨德华已经坚守了三十年。村里有三百多户人家，"
                "散落在几座山头上。最远的一户要走两个小时山路。每周二和周五，杨德华都会背着药箱上门巡诊。"
                "他随身带着一个笔记本，记录着每位老人的血压和血糖。村里建起了标准化卫生室，配备了心电图机。"
                "遇到疑难病例，杨德华可以通过视频请县医院的专家会诊。县里通过定向培养计划招来一名医学生。")


def test_a_piece_after_a_stop_that_fills_the_line_to_the_measure_joins_it():
    printed, text = _printed_and_broken(STOPS_INSIDE, 19)
    lines = _joined(text)
    assert "".join(lines) == STOPS_INSIDE
    assert lines == printed, [line for line in lines if line not in printed]


def test_a_printed_line_that_ends_on_a_clauses_mark_after_a_stop_is_whole_again():
    """…坐满了老人。 / 红烧肉、: the printed line ends on the comma, and the next one is whole."""
    story = ("中午十一点半，位于杭州拱墅区的一家社区长者食堂里已经坐满了老人。红烧肉、清炒时蔬、番茄蛋汤，一荤一素"
             "一汤，六十岁以上老人只需十元。七十八岁的张奶奶几乎每天都来，她说以前一个人在家懒得做饭，常常随便吃点"
             "面条。现在这里热热闹闹的，吃饭也香了。市民政局介绍，截至十月底，全市已建成长者食堂约六百家，覆盖约八"
             "成的街道。食堂由政府补贴场地，引入社会餐饮企业运营。")
    printed, text = _printed_and_broken(story, 18)
    assert "区长者食堂里已经坐满了老人。红烧肉、" in printed
    assert _joined(text) == printed


def test_a_title_under_a_paragraph_that_fits_what_its_last_line_left_stays_a_title():
    """…会诊。 + 防暑降温小贴士 fill the measure by chance: a list follows the title, not text."""
    printed, text = _printed_and_broken(STOPS_INSIDE, 19)
    boxed = text + "\n防暑降温小贴士\n● 多喝水，少喝含糖饮料\n● 避免中午时段户外活动"
    lines = _joined(boxed)
    assert lines[-3:] == ["防暑降温小贴士", "● 多喝水，少喝含糖饮料", "● 避免中午时段户外活动"]
    # A headline's halves, set apart by a space, are no piece of running text either.
    headed = text + "\n国产手机 折价\n深圳一家手机厂商昨日发布新款折叠屏手机，起售价四千九百九十九元，"
    assert "国产手机 折价" in _joined(headed)


def test_under_a_narrow_story_a_wider_ones_pieces_are_measured_by_their_own_sums():
    """A story of 19 characters a line, every line in pieces, under one of 12: the lines the
    measure cut near it are the narrow story's, but the wider story's pieces keep summing to 19."""
    narrow = ("受冷空气影响，哈尔滨昨日迎来今冬首场大雪，市区积雪深度达十二厘米，气象部门预计未来三天"
              "气温将降至零下二十摄氏度左右，不少市民带着孩子到公园堆雪人，打雪仗，还给雪人戴上了红色围巾。")
    wide = ("人力资源和社会保障部近日发布消息，新就业形态人员职业伤害保障试点将扩大至七个省市，"
            "外卖骑手、快递员等群体将获得工伤保障，在北京送外卖的骑手刘强说，以前最怕路上出事，"
            "摔一跤，几天不能跑单，医药费还得自己出，他表示，参保后心里踏实多了，专家指出，"
            "平台企业应承担更多责任，保障劳动者合法权益，各地将在年底前完成参保登记。")
    narrow_printed, narrow_text = _printed_and_broken(narrow, 12, "，、；：")
    wide_printed, wide_text = _printed_and_broken(wide, 19, "，、；：", every=1)
    lines = _joined(narrow_text + "\n外卖骑手纳入工伤保险\n" + wide_text)
    whole = [line for line in wide_printed[:-1] if line in lines]
    assert len(whole) >= len(wide_printed) - 2, [line for line in lines if len(line) < 15]


# Typst's justified lines through pdftotext -raw (the project's own Typst page of a
# generated story): nearly every printed line in pieces, many holding figures.
FIGURES_AND_PIECES = """運輸署昨日公布電車路線重整方案，
建議由明年 3 月起合併西環及跑馬地三條
支線，並在繁忙時段加密主線班次。署方表
示
，
方案可令平均候車時間由6分鐘縮短至
4 分鐘。
電車公司營運總監梁家輝在記者會上
說：
「我們研究研究了兩年，乘客數據顯示
支線在非繁忙時段的載客率不足三成。」
他
強調，重整後票價維持不變，長者仍可享用
2 元優惠。
不過，關注公共交通的
「街坊出行關注
組」
批評方案欠缺諮詢。組織發言人何美玲
指出，不少長者常常在上午 10 時前後乘車
往街市，支線取消後要多走一段斜路，
「對
腿腳不好的人來說，十分鐘路程就是一件
大事」。
區議員要求延長諮詢
多名區議員昨日聯署致函運輸署
，
要求
把諮詢期由一個月延長至三個月，並在各
區舉辦居民大會。運輸署回應指會
「積極考
慮」，但未有承諾具體日期。
交通研究學者黃子健認為
，
電車的價值
不止於運輸——「它是城市的慢速客廳」
。
他建議當局考慮以小型接駁巴士補足支線
服務，而不是一刀切取消。
運輸署預計在 2027 年 1 月前完成諮"""


def test_the_measure_the_cut_lines_show_allows_for_pieces_and_figures():
    """Most lines the measure cut here are the last pieces of broken lines or hold a digit,
    half a character: three in four fall short of the 19 characters that 。」 + 他 fill."""
    lines = _joined(FIGURES_AND_PIECES)
    assert "".join(lines) == FIGURES_AND_PIECES.replace("\n", "")
    assert "支線在非繁忙時段的載客率不足三成。」他" in lines
