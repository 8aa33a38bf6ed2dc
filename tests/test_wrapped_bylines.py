"""A byline a narrow column wrapped, whose first line alone reads as none (PDF layout)."""

import pytest

from broadsheet.layout.blocks import _split_leaf
from broadsheet.layout.lines import Style
from broadsheet.model import Line, SourcedText


def _lines(rows):
    out, styles, top = [], {}, 100.0
    for text, size, bold in rows:
        box = (50.0, top, 50.0 + 5.0 * len(text), top + size * 1.2)
        line = Line(text=SourcedText.from_input(text, 0, len(text)), bbox=box, size=size, bold=bold)
        out.append(line)
        styles[box] = Style(size, bold, False, 0, "", False)
        top += size * 1.3
    return out, styles


BODY = [("Twelve rural schools will trial a four-day", 9.0, False),
        ("teaching week from next autumn, in an", 9.0, False),
        ("attempt to recruit and keep teachers.", 9.0, False)]


@pytest.mark.parametrize("byline", [
    ["Sarah Whitfield,", "Education", "Correspondent"],
    ["SINGAPORE, Oct 16 (", "Reuters) -"],
    ["BY MARIA LOPEZ AND", "DAVID CHEN"],
])
def test_a_wrapped_byline_is_one_block_apart_from_the_text(byline):
    lines, styles = _lines([(t, 8.5, True) for t in byline] + BODY)
    groups = _split_leaf(lines, styles, 9.0, False)
    assert [ln.string for ln in groups[0]] == byline
    assert groups[1][0].string == BODY[0][0]


def test_two_lines_of_text_that_do_not_read_as_a_byline_are_left_alone():
    lines, styles = _lines([("By the time the council met,", 9.0, False), ("Education officials had left.", 9.0, False)])
    groups = _split_leaf(lines, styles, 9.0, False)
    assert len(groups) == 1


def test_a_credit_set_after_its_caption_and_wrapped_stays_with_the_caption():
    # 專線小巴在旺角總站候客。　香港文匯 / 報記者 葉詠詩 攝: the credit's second half is no block of its own
    lines, styles = _lines([("專線小巴在旺角總站候客。\u3000香港文匯", 7.5, False), ("報記者 葉詠詩 攝", 7.5, False)])
    groups = _split_leaf(lines, styles, 9.0, False)
    assert len(groups) == 1


def test_a_caption_closing_on_a_whole_credit_is_left_alone():
    from broadsheet.layout.blocks import _credit_wrapped_after_caption
    assert not _credit_wrapped_after_caption("市民在街上。\u3000新華社", "記者王五攝")
    assert not _credit_wrapped_after_caption("他們在\u3000這裡", "報記者 葉詠詩 攝")


@pytest.mark.parametrize("signoff", [
    ["Contact Tom Baxter at", "tbaxter@ledger.com"],
    ["-- Additional reporting by", "Wendy Shaw"],
    ["The Associated Press", "contributed to this report."],
])
def test_a_wrapped_signoff_is_one_block(signoff):
    lines, styles = _lines(BODY + [(t, 8.5, False) for t in signoff])
    groups = _split_leaf(lines, styles, 9.0, False)
    assert [ln.string for ln in groups[-1]] == signoff


def test_a_signoff_that_breaks_off_on_no_word_takes_no_line_after_it():
    lines, styles = _lines([("(Reporting by Tom Lee)", 8.5, False), ("Next story", 8.5, False)])
    groups = _split_leaf(lines, styles, 9.0, False)
    assert len(groups) == 2


CJK_BODY = [("專家指出，平台企業應承", 9.0, False), ("擔更多責任，保障勞動者", 9.0, False), ("權益，亦應為騎手投保。", 9.0, False)]


def test_a_signoff_cut_at_the_column_edge_takes_its_short_tail():
    # ■香港文匯報記者 葉詠 reaches the measure; 詩 would not have fit after it.
    lines, styles = _lines(CJK_BODY + [("■香港文匯報記者 葉詠", 9.0, False), ("詩", 9.0, False)])
    groups = _split_leaf(lines, styles, 9.0, False)
    assert [ln.string for ln in groups[-1]] == ["■香港文匯報記者 葉詠", "詩"]


def test_a_signoff_short_of_the_column_edge_takes_no_line_after_it():
    lines, styles = _lines(CJK_BODY + [("■記者 葉詠詩", 9.0, False), ("完", 9.0, False)])
    groups = _split_leaf(lines, styles, 9.0, False)
    assert [ln.string for ln in groups[-1]] == ["完"]


@pytest.mark.parametrize("byline", [["□本报记者 马晓东 文", "/图"], ["□本报记者", "马晓东 文/", "图"]])
def test_a_marked_reporters_line_wrapped_over_the_story_is_one_block(byline):
    # The mark makes the first line alone read as a list item; whole, the lines are the reporter's.
    story = [("在市区一处建于", 9.0, False), ("上世纪80年代的老小", 9.0, False), ("区里，一家社区食堂", 9.0, False)]
    lines, styles = _lines([(t, 9.0, False) for t in byline] + story)
    groups = _split_leaf(lines, styles, 9.0, False)
    assert [ln.string for ln in groups[0]] == byline
    assert groups[1][0].string == story[0][0]


def _leaves(*groups):
    from broadsheet.layout.order import Leaf
    leaves, styles, top = [], {}, 100.0
    for rows in groups:
        lines, more = _lines(rows)
        # each leaf further down the page, past loose leading
        lines = [Line(text=ln.text, bbox=(ln.bbox[0], ln.bbox[1] + top, ln.bbox[2], ln.bbox[3] + top), size=ln.size)
                 for ln in lines]
        styles.update({ln.bbox: Style(ln.size, False, False, 0, "", False) for ln in lines})
        top += 20.0 * len(rows) + 20.0
        leaves.append(Leaf(lines, None))
    return leaves, styles


@pytest.mark.parametrize("signoff", [["编辑：王晓 审核：李", "敏"], ["（本报记者 马晓", "东）"]])
def test_a_signoff_whose_last_characters_fell_into_the_next_leaf_is_one_block(signoff):
    from broadsheet.layout.blocks import split_blocks
    # set a size smaller than the story's, as papers set them
    leaves, styles = _leaves(CJK_BODY + [(signoff[0], 8.0, False)], [(signoff[1], 8.0, False)])
    blocks = split_blocks(leaves, styles, 9.0)
    assert [ln.string for ln in blocks[-1].lines] == signoff


def test_a_short_line_in_the_next_leaf_that_makes_no_signoff_stays_apart():
    # 本报记者昨天走访了多家 would pass for a byline's form, and that is no sign-off.
    from broadsheet.layout.blocks import split_blocks
    leaves, styles = _leaves(CJK_BODY + [("本报记者昨天走访", 8.0, False)], [("多家", 8.0, False)])
    blocks = split_blocks(leaves, styles, 9.0)
    assert [ln.string for ln in blocks[-1].lines] == ["多家"]


def _layout_blocks(rows):
    from broadsheet.layout.blocks import LayoutBlock
    from broadsheet.model import Block
    out = []
    for n, (kind, text, leaf) in enumerate(rows):
        line = Line(text=SourcedText.from_input(text, 0, len(text)), bbox=(50.0, 100.0 + 20 * n, 150.0, 110.0 + 20 * n), size=9.0)
        lb = LayoutBlock(kind, [line], 9.0, False, None, n, leaf=leaf)
        lb.block = Block(kind, line.text, [line])
        out.append(lb)
    return out


def test_a_reporters_bracket_cut_between_two_blocks_is_the_wire_bylines():
    from broadsheet.layout.blocks import split_opening_bylines
    blocks = split_opening_bylines(_layout_blocks([
        ("paragraph", "新華社鄭州10月16日電（記者 趙文濤 劉", 0), ("paragraph", "曉燕）記者從河南省糧食局獲悉", 1)]))
    assert [(b.kind, b.block.string) for b in blocks] == [
        ("byline", "新華社鄭州10月16日電（記者 趙文濤 劉曉燕）"), ("paragraph", "記者從河南省糧食局獲悉")]


def test_a_byline_line_that_ran_the_storys_first_words_on_gives_them_back():
    from broadsheet.layout.blocks import split_opening_bylines
    blocks = split_opening_bylines(_layout_blocks([
        ("byline", "記者 何雨欣 通訊員 張偉為期", 0), ("paragraph", "一個月的全民閱讀活動昨天啟動。", 0)]))
    assert [(b.kind, b.block.string) for b in blocks] == [
        ("byline", "記者 何雨欣 通訊員 張偉"), ("paragraph", "為期一個月的全民閱讀活動昨天啟動。")]


@pytest.mark.parametrize("signoff", [
    ["-- Additional", "reporting by Wendy", "Shaw"],
    ["sarah.whitfield@dailyle", "dger.co.uk"],
    ["sarah.whitfield@dailyledger.co.", "uk"],
])
def test_a_signoff_a_narrow_column_broke_twice_or_mid_address_is_one_block(signoff):
    lines, styles = _lines(BODY + [(t, 8.5, False) for t in signoff])
    groups = _split_leaf(lines, styles, 9.0, False)
    assert [ln.string for ln in groups[-1]] == signoff


@pytest.mark.parametrize("caption", [
    ["Cranes load containers at a terminal in", "Singapore. REUTERS/Edgar Su"],
    ["Pupils arrive at a village primary school", "taking part in the trial. ST PHOTO:", "KELVIN LIM"],
])
def test_a_caption_wrapped_before_or_inside_its_credit_is_one_block(caption):
    lines, styles = _lines([(t, 7.5, False) for t in caption])
    groups = _split_leaf(lines, styles, 9.0, False)
    assert [[ln.string for ln in g] for g in groups] == [caption]
