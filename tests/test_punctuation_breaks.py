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
