"""Bylines, datelines, credits and sign-offs in the forms real papers and wire services print
them, beyond the shipped text's: each rule's lines, and running text it must leave alone."""

import pytest

from broadsheet.segment import line_cue


def _cases(kind, lines):
    return [(line, kind) for line in lines]


# Rule: English bylines (capitals, "Story by", "in <place>", staff reports, name and desk, dated wire datelines).
ENGLISH_BYLINES = _cases("byline", [
    "BY MARIA LOPEZ AND DAVID CHEN", "By Emily Tsang in Hong Kong", "Story by Tom Baxter",
    "Text and photos by Ana Ruiz", "From staff reports", "Staff and wire reports",
    "Sarah Whitfield, Education Correspondent", "Tom Lee | Staff Writer",
    "SINGAPORE, Oct 16 (Reuters) -", "TAIPEI, Taiwan (AP) —",
]) + _cases(None, [
    "By Monday the council voted to", "Staff reports said the number", "said John Smith, a senior reporter",
    "The station's reports were late", "Story by story, the case grew",
])


@pytest.mark.parametrize("line, kind", ENGLISH_BYLINES)
def test_english_bylines(line, kind):
    assert line_cue(line) == kind


# Rule: Chinese bylines (Taiwan's 〔〕 brackets, Macau's 【本報消息】, CNA datelines, marked reporter
# lines, 通讯员, 文、圖, Singapore's name + 报道 + address).
CHINESE_BYLINES = _cases("byline", [
    "〔記者吳俊賢／澎湖報導〕", "【本報消息】", "中央社記者林佳慧台北15日電", "中央社東京15日專電",
    "记者 何雨欣 通讯员 张伟", "文、圖：陳小明",
    "游佩琪 报道 yoopq@zaobao.com.sg", "林小明 报道",
]) + _cases(None, [
    "據媒體報道", "外電報道", "他們在會上報道", "共同努力推動", "特別是記者會上", "中央社報道指出，台北",
]) + _cases("signoff", ["□本报记者 马晓东 文/图", "■香港文匯報記者 葉詠詩"]) + [("■設單車徑", "list_item"), ("□市民可到各區辦事處登記", "list_item")]


@pytest.mark.parametrize("line, kind", CHINESE_BYLINES)
def test_chinese_bylines(line, kind):
    assert line_cue(line) == kind


@pytest.mark.parametrize("line, byline", [
    ("〔記者吳俊賢／澎湖報導〕澎湖縣政府推動", "〔記者吳俊賢／澎湖報導〕"),
    ("（中央社記者林佳慧台北15日電）台北市立圖書館", "（中央社記者林佳慧台北15日電）"),
    ("中新网杭州10月16日电 (记者 钱佳怡)金秋时节", "中新网杭州10月16日电 (记者 钱佳怡)"),
    ("中新网杭州10月16 日电( 记者钱佳怡)金秋时节", "中新网杭州10月16 日电( 记者钱佳怡)"),
    ("□本报记者 马晓东 文/图在市区一处", "□本报记者 马晓东 文/图"),
    ("游佩琪 报道 yoopq@zaobao.com.sg环境局在五个", "游佩琪 报道 yoopq@zaobao.com.sg"),
])
def test_a_byline_run_into_the_first_paragraph_is_cut_where_it_ends(line, byline):
    from broadsheet import cues
    assert cues.BYLINE_OPENING.match(line).group().strip() == byline


# Rule: photo credits in more forms (a wire's picture handed on, slash and source leads, bracketed
# 取自, the wires' own capitals, photographer/paper, PHOTO:, courtesy of).
CREDITS = _cases("credit", [
    "新华社发", "新華社發（李明攝）", "香港文匯報記者 葉詠詩 攝", "图/视觉中国", "圖／澎湖縣政府提供",
    "图片来源：市图书馆", "（取自台中市政府臉書）", "（翻攝畫面）", "REUTERS/Edgar Su", "AP Photo/Kin Cheung",
    "ST PHOTO: KELVIN LIM", "Jane Fong/Bloomberg via Getty Images", "AFP via Getty Images",
    "Photo: Tom Baxter/The Ledger", "Courtesy of the museum", "KELVIN CHNG/THE STRAITS TIMES",
]) + _cases(None, [
    "取自古詩的名字", "他說這是新华社发", "and/or the council", "Monday/Tuesday", "The council said/claimed",
    "Courtesy calls were made to", "他們在香港拍攝電影時記者拍攝",
])


@pytest.mark.parametrize("line, kind", CREDITS)
def test_credits(line, kind):
    assert line_cue(line) == kind


# Rule: a file picture as Taiwan's and mainland papers credit it (資料照, 檔案照), China Foto Press,
# an illustration or a graphic's maker; and a caption closing on （資料照）.
FILE_PICTURES = _cases("credit", ["資料照片", "（資料照）", "档案照", "（CFP）", "Illustration: Jane Doe",
                                  "Graphics by Tom Chan"]) \
    + _cases(None, ["資料照片顯示，當年的碼頭", "Graphic designers said the council"])


@pytest.mark.parametrize("line, kind", FILE_PICTURES)
def test_file_pictures_and_illustrations(line, kind):
    assert line_cue(line) == kind


def test_a_caption_closing_on_a_file_picture_note_hands_it_over_as_its_credit():
    from broadsheet import cues
    match = cues.TRAILING_CREDIT.search("市民在碼頭排隊登船。（資料照）")
    assert match is not None and match.group("credit") == "資料照"


# Rule: sign-offs in more forms (the desk's editor or the reporter in brackets, 據 a wire, a wire
# after a dash, "… contributed to this report.", the reporter's address).
SIGNOFFS = _cases("signoff", [
    "（編輯：陳培煌）1150315", "【编辑：孙静波】", "（本報記者 何詠欣）", "（本报记者 马晓东）",
    "（据新华社）", "— Bloomberg", "-- Reuters", "-- Additional reporting by Wendy Shaw",
    "The Associated Press contributed to this report.", "Staff writer Ann Lee contributed reporting to this story.",
    "sarah.whitfield@dailyledger.co.uk", "Contact Tom Baxter at tbaxter@ledger.com",
]) + _cases(None, [
    "— a move the council rejected", "- AP said", "Write to us at the address below",
    "the email address info@city.gov.hk was", "（編輯部認為這是錯的）", "He contributed to this report and others",
    "（記者會上）",
]) + [("（记者 王晓东）", None)]  # a wire dateline's reporter, wrapped onto a line of its own


@pytest.mark.parametrize("line, kind", SIGNOFFS)
def test_signoffs(line, kind):
    assert line_cue(line) == kind


@pytest.mark.parametrize("caption, credit", [
    ("專線小巴在旺角總站候客。\u3000香港文匯報記者 葉詠詩 攝", "香港文匯報記者 葉詠詩 攝"),
    ("市民在图书馆换书角挑选图书。（图片来源：市图书馆）", "图片来源：市图书馆"),
    ("9号线列车在车辆段进行调试。（图/视觉中国）", "图/视觉中国"),
    ("遊客在夜市購買小吃。（取自台中市政府臉書）", "取自台中市政府臉書"),
    ("农民在收购点排队售粮。 新华社发", "新华社发"),
    ("他說記者 王五攝", None),
])
def test_a_credit_closing_its_caption(caption, credit):
    from broadsheet import cues
    match = cues.TRAILING_CREDIT.search(caption)
    assert (match and (match.group("credit") or match.group("bare"))) == credit


# Rule: forms from general knowledge the varied pages do not print: correspondents, a wire's
# reporters on their own line, compiled/translated by in brackets, With reporting by,
# Contributing:, Supplied.
MORE = _cases("byline", ["本報特派記者 王五", "本报驻京记者 李四", "新华社记者 张三 李四", "新華社特派記者 陳某"]) \
    + _cases("signoff", ["（記者 王五 整理）", "（李四編譯）", "With reporting by Ann Lee",
                         "Contributing: Jane Doe, The Associated Press"]) \
    + [("Supplied", "credit")] \
    + _cases(None, ["新华社记者从国家", "新华社记者从国家统计局获悉", "Contributing factors include the", "with reporting by"])


@pytest.mark.parametrize("line, kind", MORE)
def test_more_forms(line, kind):
    assert line_cue(line) == kind


# Rule: Taiwan's correspondents and translators with where they filed from, and a writer's
# line naming the photographer too.
FILED_FROM = _cases("byline", ["特派員王五／東京報導", "駐歐特派員李四／布魯塞爾報導", "編譯陳某／綜合外電報導",
                               "编译张三／综合报道", "撰文／王五　攝影／李四", "文：王五 圖：李四"]) \
    + _cases(None, ["編譯王五說，政府將在下月", "特派員制度將於明年檢討", "撰文／王五在會上指出，交通改善後"])


@pytest.mark.parametrize("line, kind", FILED_FROM)
def test_correspondents_and_translators_filing_from_a_place(line, kind):
    assert line_cue(line) == kind


# Rule: more closing notes: a bracketed end mark (【完】), wire services after a dash, where to
# follow the reporter and who the reporter is, a line of its own under the text.
CLOSING_NOTES = _cases("signoff", ["【完】", "— With Associated Press", "— with wire services",
                                   "Jane Doe is a staff writer at The Lakeside Times.",
                                   "Jane Doe is the paper's health correspondent.", "Follow Jane Doe on X: @janedoe"]) \
    + _cases(None, ["The mayor is a former reporter who said the plan", "Jane Doe is a teacher at the school.",
                    "Follow the signs to the ferry pier"])


@pytest.mark.parametrize("line, kind", CLOSING_NOTES)
def test_closing_notes(line, kind):
    assert line_cue(line) == kind


@pytest.mark.parametrize("line", ["记者从铁路部", "記者昨日在現場", "本报记者近日从有关部门获悉，", "记者了解到，该市"])
def test_a_reporter_opening_a_sentence_names_nobody(line):
    """記者 and what a reporter did (记者从…获悉, 記者昨日…): running text cut at a narrow
    column's edge, not a reporter's name."""
    assert line_cue(line) is None


@pytest.mark.parametrize("line", ["记者王晓东", "本报记者 马晓东", "記者陳志明"])
def test_a_reporter_and_a_name_is_still_a_byline(line):
    assert line_cue(line) == "byline"


def test_a_captions_line_broken_right_after_its_credits_bracket_leaves_no_bracket_on_either():
    import broadsheet
    text = ("Port volumes slip\n\nThroughput fell for a third month in a row, the port authority said on Monday.\n\n"
            "Cranes load containers at a terminal in Singapore. (\nREUTERS/Edgar Su)\n")
    page = broadsheet.restore(text)
    captions = [(c.string, c.credit.string if c.credit else None) for a in page.articles for c in a.captions]
    captions += [(b.string, b.credit.string if b.credit else None) for b in page.unassigned if b.kind == "caption"]
    assert captions == [("Cranes load containers at a terminal in Singapore.", "REUTERS/Edgar Su")]
    assert sorted(r.text for r in page.removed if r.reason == "strip_credit_brackets") == ["(", ")"]


def test_an_address_with_the_storys_text_run_on_after_it_is_no_signoff():
    # 游佩琪 报道 / yoopq@zaobao.com.sg环境局在…: the story opens on the address's line.
    assert line_cue("yoopq@zaobao.com.sg环境局在") is None
    assert line_cue("yoopq@zaobao.com.sg") == "signoff"
