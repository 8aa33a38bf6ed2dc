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


# The planes Unicode assigns characters in (the basic, the supplementary and the special-purpose).
_ASSIGNED_PLANES = (range(0x40000), range(0xE0000, 0xF0000))


def _possible_ends(pattern: str, flags: int = 0, reverse: bool = False, let_through=lambda char: False) -> set[str]:
    """Every character that a match of ``pattern`` can open on (``reverse``: end on), by the
    regex module's partial matching, but those a gate ``let_through`` anyway."""
    import regex
    compiled = regex.compile(("(?r)" if reverse else "") + pattern, flags | regex.V0)
    out = set()
    for code in (code for plane in _ASSIGNED_PLANES for code in plane):
        char = chr(code)
        if let_through(char):
            continue
        found = compiled.search(char, partial=True) if reverse else compiled.match(char, partial=True)
        if found is not None and found.span() == (0, 1):
            out.add(char)
    return out


def _without(pattern: str, alternative: str) -> str:
    assert alternative in pattern, "the form changed: read its openings off it again"
    return pattern.replace(alternative, "", 1)


def test_each_form_is_tried_on_every_line_it_can_match():
    """A line is tried against a form only when it opens on one of the form's openings (or,
    where the gate says so, on a space or a digit; or a credit ends on a Chinese form's ending)."""
    import re

    import regex

    from broadsheet import cues

    def ignorecase(pattern):
        return regex.IGNORECASE if pattern.flags & re.IGNORECASE else 0

    for pattern, openings, spaces in [
            (cues.NAMED_SOURCE, cues.NAMED_SOURCE_OPENINGS, False), (cues.CAPTION_LEAD, cues.CAPTION_LEAD_OPENINGS, False),
            (cues.STAFF_LINE, cues.STAFF_LINE_OPENINGS, False), (cues.SIGNOFF, cues.SIGNOFF_OPENINGS, True),
            (cues.CONTINUATION, cues.CONTINUATION_OPENINGS, True)]:
        let_through = str.isspace if spaces else (lambda char: False)
        assert _possible_ends(pattern.pattern, ignorecase(pattern), let_through=let_through) <= set(openings), pattern.pattern[:40]
    # The …報訊 byline (its 訊 within the first eight characters) and the shortest furniture
    # (a paper's name) are let through by tests of their own.
    byline = _without(cues.BYLINE.pattern, r"|\S{0,6}(?:報|报)(?:訊|讯)(?:[（(][^）)]{1,30}[）)])?$")
    # and the Singapore form, opening on the reporter's name, tried on a line reading 报道
    byline = _without(byline, r"|\p{Han}{2,4}(?:\s*[、和]\s*\p{Han}{2,4})*\s+(?:報道|报道|報導|报导)"
                              r"(?:\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?$")
    # and another paper's reporter, let through by 記者 after the paper's name, and a wire's
    # reporter, by the wire's name at the end
    byline = _without(byline, r"|\p{Han}{1,4}(?:報|报)(?:特約|特约|實習|实习|見習|见习|特派|[駐驻]\S{1,4})?(?:記者|记者)"
                              r"[ \u3000]+\p{Han}{2,4}(?:[ \u3000、]+\p{Han}{2,4})*$")
    byline = _without(byline, r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*,\s*(?:" + "|".join(cues._WIRES_EN) + r")$")
    assert _possible_ends(byline) <= set(cues.BYLINE_OPENINGS)
    # Furniture is a re form: its digits are re's, which str.isdigit holds (the regex module's,
    # from a newer Unicode, are more).
    furniture = _without(cues._FURNITURE.pattern, r"\S{1,4}[日晨晚早時时商週周都][報报]|")
    regex_digit = regex.compile(r"\d")
    assert _possible_ends(furniture, ignorecase(cues._FURNITURE),
                          let_through=lambda char: char.isspace() or char.isdigit() or regex_digit.match(char)) \
        <= cues._FURNITURE_OPENINGS
    # A credit in one of the English forms opens on an opening; one in a Chinese form ends on an ending.
    chinese = (rf"(?:{cues._AGENCIES_ZH})(?:圖片|图片|照片)?|資料圖片|资料图片|資料圖|资料图|資料照片?|资料照片?|檔案照片?|档案照片?|CFP"
               r"|網上圖片|网上图片|網絡圖片|网络图片"
               r"|視覺中國|视觉中国|東方IC|东方IC|人民視覺|人民视觉|",
               r"受訪者供圖|受访者供图|受訪者提供|受访者提供|視頻截圖|视频截图|本報記者\S{0,6}[攝摄]|[\p{Han}\s]{1,12}[攝摄](?:影)?"
               r"|[\p{Han}]{1,8}供圖|[\p{Han}]{1,8}供图|[\p{Han}]{1,8}提供"
               rf"|(?:{cues._AGENCIES_ZH})(?:發|发)(?:\s*[（(]?[\p{{Han}}\s]{{1,8}}[攝摄][）)]?)?|[\p{{Han}}\s]{{4,8}}(?:記者|记者)\s?[\p{{Han}}\s]{{2,8}}[攝摄]|")
    english = (r"IC\s?Photo|", r"|(?:Photo|Photograph|Picture|Image|Credit|Illustration|Graphic|Artwork)s?\s*(?:[:：]|by)\s*.{1,60}"
               rf"|(?:{cues._AGENCIES_EN})(?:\s*(?:photo|Photo|PHOTO))?(?:\s*/\s*\S.{{0,40}})?(?:\s+via\s+Getty\s+Images)?"
               r"|(?:[A-Z][\w.&'’-]*\s+){1,3}(?:handout|Handout|HANDOUT)(?:\s+(?:photo|Photo|image|Image))?"
               + cues._CREDIT_LEADS)
    english_only = _without(_without(cues.CREDIT.pattern, chinese[0]), chinese[1])
    chinese_only = _without(_without(cues.CREDIT.pattern, english[0]), english[1])
    assert _possible_ends(english_only, let_through=str.isspace) <= set(cues.CREDIT_OPENINGS)
    assert _possible_ends(chinese_only, reverse=True) <= set(cues.CREDIT_CHINESE_ENDINGS)



@pytest.mark.parametrize("line", [
    "By Emily Tsang in Hong Kong", "BY MARIA LOPEZ AND DAVID CHEN", "Story and photos by Jane Doe", "Text by Ann Lee",
    "Reporting by Tom Baxter", "Analysis by Kevin O'Neill", "Words by Ann Lee", "From staff reports",
    "Staff and wire reports", "News services", "Sarah Whitfield, Education Correspondent", "Tom Baxter | Staff Writer",
    "Ann Lee, Bureau Chief", "LONDON, March 5 (Reuters) -", "TAIPEI, Taiwan (AP) —",
])
def test_an_english_byline_passes_the_gate_before_its_form(line):
    # byline_may_match spares the form the English lines that open on a capital but on no
    # word a byline opens on: every line the form matches must pass it.
    from broadsheet import cues
    assert cues.BYLINE.match(line)
    assert cues.byline_may_match(line)


def test_the_gate_spares_the_form_plain_english_lines():
    from broadsheet import cues
    assert not cues.byline_may_match("The council voted on Tuesday to close the library.")
    assert cues.may_be_byline("Sarah Whitfield,")  # a wrapped byline's first line is still looked at



@pytest.mark.parametrize("line", [
    "Photo: AP", "Photographs by Jane Doe", "AFP/Getty Images", "Jane Fong/Bloomberg via Getty Images",
    "KELVIN CHNG/THE STRAITS TIMES", "ST PHOTO: KELVIN CHNG", "Photo courtesy of Jane Doe", "Courtesy: ABC",
    "Police Handout photo", "Museum handout", "CFP", "IC Photo", "Reuters", "File photo", "Supplied", "Illustration: Ann Lee",
])
def test_an_english_credit_passes_the_gate_before_its_form(line):
    from broadsheet import cues
    assert cues.CREDIT.match(line)
    assert cues.may_be_credit(line)


@pytest.mark.parametrize("line", [
    "Additional reporting by Grace Kim", "Reporting by Tom Baxter; Editing by Jane Doe", "Edited by Ann Lee",
    "Compiled by Ann Lee", "With additional reporting by Ann Lee", "Contributing: Jane Doe, The Associated Press",
    "-- Additional reporting by Wendy Shaw", "(Reporting by Tom Baxter)",
])
def test_an_english_sign_off_passes_the_gate_before_its_form(line):
    from broadsheet import cues
    assert cues.SIGNOFF.match(line)
    assert cues.may_be_signoff(line)


def test_the_credit_and_sign_off_gates_spare_the_forms_plain_english_lines():
    from broadsheet import cues
    for line in ("The council voted on Tuesday.", "Residents said the plan", "Eventually the road reopened."):
        assert not cues.may_be_credit(line) and not cues.may_be_signoff(line)


def test_a_short_line_opening_on_no_furnitures_character_is_furniture_only_as_a_papers_name():
    from broadsheet import cues
    assert cues.is_furniture("維城日報") and cues.is_furniture("星島日報\n") and cues.is_furniture("香港商報")
    assert not cues.is_furniture("記者 王五") and not cues.is_furniture("報道")

def test_an_english_section_name_as_its_form_reads_it():
    from broadsheet import cues
    for line in ("News", "Sports", "Nation", "News\n", "news", "News today", "", "Metro "):
        assert cues.is_section_en(line) == bool(cues.SECTION_EN.match(line)), line

def test_an_address_alone_on_a_line_after_a_sentence_broken_off_is_no_sign_off():
    import broadsheet

    text = ("Comments invited on new rule\nRequests for approval may be emailed to:\napprovals-desk@example.org.\n"
            "The office will answer within thirty days.\n")
    page = broadsheet.restore(text)
    assert all(a.signoff is None for a in page.articles)
    assert any("approvals-desk@example.org." in b.string for a in page.articles for b in a.body)


def test_a_pages_number_of_the_documents_pages_is_furniture():
    from broadsheet.cues import is_furniture

    for folio in ("页数 1 / 2", "頁數：3/12", "第1页，共2页", "第 12 頁", "頁碼 7", "Page 1 of 2", "PAGE 3 / 8"):
        assert is_furniture(folio), folio
    for text in ("第一页的内容", "页面设计由本报完成", "Page 1 of the report said", "第1页写着"):
        assert not is_furniture(text), text


def test_a_wires_dateline_with_its_figures_spaced_apart_opens_a_story():
    """MuPDF reads a justified CJK line's letter gap after a figure as a space (7 月28 日)."""
    for dateline in ("新华社南京7 月28 日电", "新華社北京3 月2 日電", "（新华社北京3 月2 日电）"):
        assert line_cue(dateline) == "byline", dateline
    assert line_cue("新华社记者从铁路部门获悉") is None


def test_a_months_date_or_a_date_in_figures_alone_on_a_line_is_furniture():
    from broadsheet.cues import DATE_LINE, is_furniture

    for date in ("2023 年 5 月", "2023 年5月", "2026年7月", "May 2023", "2026-07-17", "2026/7/17", "2026.07.17 星期五"):
        assert is_furniture(date) and DATE_LINE.match(date), date
    for text in ("2023年5月起實施", "2023年5月，", "May 2023 was wet", "In May 2023", "2026-07/17", "3.14.15"):
        assert not is_furniture(text), text


def test_a_months_date_heading_a_page_is_no_headline_and_a_date_ending_an_item_stays_in_it():
    import broadsheet

    text = ("2023 年 5 月\n城市花園開放日\n本報訊 市政府昨日宣布，全市二十個公園將於週末舉行開放日，"
            "市民可參觀溫室及苗圃。\n開放日設有導賞團，名額有限。\n"
            "● 報名日期：2023年5月2日至\n2023年5月9日\n● 地點：各區公園\n")
    page = broadsheet.restore(text)
    assert [a.headline.string for a in page.articles if a.headline] == ["城市花園開放日"]
    assert any(b.kind == "furniture" and b.string == "2023 年 5 月" for b in page.unassigned)
    items = [b.string for a in page.articles for b in a.body if b.kind == "list_item"]
    assert "報名日期：2023年5月2日至2023年5月9日" in items, items


def test_a_date_ending_an_item_in_a_box_of_its_own_stays_in_the_item():
    """pdfminer may set a blank line between an item and its wrapped end, a box each."""
    import broadsheet

    text = ("城市花園開放日\n\n本報訊 市政府昨日宣布，全市二十個公園將於週末舉行開放日，市民可參觀溫室及苗圃。\n\n"
            "● 報名日期：2023年5月2日至\n\n2023年5月9日\n\n● 地點：各區公園\n")
    items = [b.string for a in broadsheet.restore(text).articles for b in a.body if b.kind == "list_item"]
    assert "報名日期：2023年5月2日至2023年5月9日" in items, items


@pytest.mark.parametrize("line, byline", [
    ("本报记者　孙晓梅市轨道交通集团昨天宣布，", "本报记者　孙晓梅"),
    ("本报记者 孙晓梅 市轨道交通集团昨天宣布，", "本报记者 孙晓梅"),
    ("记者 何雨欣 通讯员 张伟为期一个月的全民阅读活动", "记者 何雨欣 通讯员 张伟"),
    ("本報記者 王芳在昨天的會議上說", "本報記者 王芳"),
    # the white between the words lost: the second role word parts the first name off
    ("记者何雨欣通讯员张伟为期一个月的全民阅读活动", "记者何雨欣通讯员张伟"),
])
def test_a_reporters_name_run_into_the_story_ends_where_the_story_opens(line, byline):
    from broadsheet.cues import byline_opening_end

    assert line[:byline_opening_end(line)] == byline


@pytest.mark.parametrize("line", [
    "本报记者 孙晓梅", "记者 何雨欣 通讯员 张伟", "记者 陳志明 香港報道", "本报记者 孙晓梅 李明 王芳",
    "记者昨天从市教育局获悉，今年", "记者何雨欣通讯员张伟", "记者从市教育局和通讯员处获悉",
])
def test_a_reporters_line_alone_or_running_text_opens_on_no_run_in_byline(line):
    from broadsheet.cues import byline_opening_end

    assert byline_opening_end(line) is None


def test_a_narrow_columns_first_line_holds_the_name_and_a_character_or_two_of_the_story():
    from broadsheet.cues import byline_opening_end

    line = "本报记者 孙晓梅市轨道"
    assert line[:byline_opening_end(line)] == "本报记者 孙晓梅"
    assert byline_opening_end("本报记者 欧阳晓梅") is None


@pytest.mark.parametrize("line", [
    "人民日報記者 王五", "明報記者 陳大文", "本報實習記者 陳大文", "見習記者 陳大文", "特派記者 陳大文 東京報導",
    "本报通讯员 张三 记者 李四", "文／本報記者 陳大文", "編譯／陳大文",
    "Jane Doe, The Associated Press", "Special to The Times", "By Jane Doe jane.doe@ledger.com",
])
def test_reporters_lines_in_forms_other_papers_use_are_bylines(line):
    from broadsheet.segment import line_cue

    assert line_cue(line) == "byline"


@pytest.mark.parametrize("line", ["據報記者王五說", "記者從鐵路部門獲悉", "He told Reuters", "Officials told The Associated Press"])
def test_running_text_naming_a_reporter_or_a_wire_is_no_byline(line):
    from broadsheet.segment import line_cue

    assert line_cue(line) != "byline"
