"""pdftotext (default mode) joins side-by-side CJK column lines with one space."""

from broadsheet.read.text import split_lines
from broadsheet.repair import repair_lines

# Two invented columns of seven characters a line, read across as pdftotext does.
ACROSS = "\n".join([
    "小明今天去公园 大家都说天气很",
    "散步，看见很多 好，下午一起去",
    "花开了，心情很 河边看船，玩得",
    "好。 很开心，到家了。",
]) + "\n"


def test_two_columns_read_across_are_read_down():
    lines, removed = repair_lines(split_lines(ACROSS), ACROSS)
    assert [line.string for line in lines] == [
        "小明今天去公园", "散步，看见很多", "花开了，心情很", "好。",
        "大家都说天气很", "好，下午一起去", "河边看船，玩得", "很开心，到家了。",
    ]
    assert not removed


def test_a_two_part_headline_printed_twice_is_not_cut():
    text = "城市公园今日开放 市民排队入园参观\n城市公园今日开放 市民排队入园参观\n"
    lines, _ = repair_lines(split_lines(text), text)
    assert [line.string for line in lines][0].startswith("城市公园今日开放 市民")
