"""Lines of side-by-side columns that an extractor printed one at a time, in turn."""

from collections import Counter

from broadsheet.read.text import split_lines
from broadsheet.repair import repair_lines
from broadsheet.repair.columns import (
    _join_evidence, _keeps_a_measure, _leftmost_first, _stretches_in_columns, _vocabulary, _without_display_ends,
)

# Three invented columns, each set to its own measure (7, 10 and 14 characters) and each
# line cut inside a word (特|别, 选|择, 开|放, 参|观, 比|赛, 市|民), read across a line at a
# time under a masthead read down, each line a block of its own (pdfminer's boxes,
# pdftotext's blocks where side-by-side lines do not share baselines). No one width holds
# most of the lines, so the run is no cycle of one column's lines from end to end.
COLUMN_A = ["今年夏天天气特", "别炎热，市民选", "择到海边消暑。"]
COLUMN_B = ["博物馆下月起将延长开", "放时间，晚上游客可参", "观特别展览，欢迎光临。"]
COLUMN_C = ["城市公园本周末将举行马拉松比", "赛，约三千名选手报名参加，市", "民可到场观看，为选手加油打气。"]
MASTHEAD = ["城市日报", "第三版"]


def _isolated(strings: list[str]) -> str:
    return "\n\n".join(strings) + "\n"


def _read_across(*columns: list[str]) -> list[str]:
    return [line for row in zip(*columns) for line in row]


def test_columns_read_across_a_line_at_a_time_under_a_masthead_are_read_down():
    text = _isolated(MASTHEAD + _read_across(COLUMN_A, COLUMN_B, COLUMN_C))
    lines, removed = repair_lines(split_lines(text), text)
    assert [line.string for line in lines] == MASTHEAD + COLUMN_A + COLUMN_B + COLUMN_C
    assert not removed


def test_each_column_opens_a_block_of_its_own():
    text = _isolated(MASTHEAD + _read_across(COLUMN_A, COLUMN_B, COLUMN_C))
    lines, _ = repair_lines(split_lines(text), text)
    openings = [line.string for i, line in enumerate(lines) if i == 0 or line.blank_before]
    assert openings == MASTHEAD + [COLUMN_A[0], COLUMN_B[0], COLUMN_C[0]]


def test_the_same_lines_read_down_stay_as_they_came():
    column = COLUMN_A + COLUMN_B + COLUMN_C
    text = _isolated(MASTHEAD + column)
    lines, _ = repair_lines(split_lines(text), text)
    assert [line.string for line in lines] == MASTHEAD + column


def test_a_line_set_across_the_columns_under_them_stays_after_them():
    footer = "本版责任编辑：王明　美术编辑：李华"
    text = _isolated(_read_across(COLUMN_A, COLUMN_B, COLUMN_C) + [footer])
    lines, _ = repair_lines(split_lines(text), text)
    assert [line.string for line in lines] == COLUMN_A + COLUMN_B + COLUMN_C + [footer]


def test_a_dateline_alone_on_the_first_row_heads_the_columns_it_stands_over():
    # The dateline's last character and the third column's first make a word (电|视) by
    # chance; a dateline runs on into nothing, so the columns still start under it.
    dateline = "新华社北京3月2日电"
    column_c = ["视频平台本周末将直播马拉松比"] + COLUMN_C[1:]
    text = _isolated([dateline] + _read_across(COLUMN_A, COLUMN_B, column_c))
    lines, _ = repair_lines(split_lines(text), text)
    assert [line.string for line in lines] == [dateline] + COLUMN_A + COLUMN_B + column_c


def _lines(strings: list[str]) -> list:
    return split_lines("\n".join(strings) + "\n")


def test_columns_dealt_from_mid_row_are_put_back_from_the_one_carrying_on_the_line_before():
    # The stretch began on the second column's line; the line before it breaks off
    # mid-word (特|别), and the column carrying it on is the leftmost.
    before = "今年夏天天气特"
    dealt = [_lines(COLUMN_B), _lines(["别炎热，市民选", "择到海边消暑。"])]
    char_pairs, word_pairs = _vocabulary(dealt[0] + dealt[1])
    ordered = _leftmost_first(dealt, before, char_pairs, word_pairs)
    assert [[line.string for line in stream] for stream in ordered] == [["别炎热，市民选", "择到海边消暑。"], COLUMN_B]


def test_columns_after_a_finished_sentence_keep_the_order_they_were_dealt_in():
    dealt = [_lines(COLUMN_B), _lines(COLUMN_C)]
    char_pairs, word_pairs = _vocabulary(dealt[0] + dealt[1])
    ordered = _leftmost_first(dealt, "到海边消暑。", char_pairs, word_pairs)
    assert ordered == dealt


def test_a_join_weighs_as_much_as_its_pair_is_common():
    # Joins on a pair common in the language (特|别) rarely happen by chance; one on a rare
    # pair (蹒|跚) often does, and one on no known pair counts against; after a comma any
    # word may follow, so that join says nothing either way.
    char_pairs, word_pairs = _vocabulary(_lines(["天气很好"]))
    common = _join_evidence("今年夏天天气特", "别炎热", char_pairs, word_pairs)
    rare = _join_evidence("老人走路蹒", "跚而行", char_pairs, word_pairs)
    unknown = _join_evidence("老人走路蹒", "别炎热", char_pairs, word_pairs)
    after_comma = _join_evidence("今年夏天，", "别炎热", char_pairs, word_pairs)
    assert common > rare > after_comma > unknown
    assert after_comma == 0


def _no_known_pairs(count: int) -> list[str]:
    # Lines that open and end on characters no word joins (鼋, 鼍, 夔, 魑 … pair with nothing).
    rare = "鼋鼍夔魑魍魉獬豸"
    return [rare[i % 8] + "文字" + rare[(i + 3) % 8] for i in range(count)]


def test_a_long_run_with_a_join_or_two_across_by_chance_reads_down():
    # Twenty lines in no order; two of them meet a line two on by chance (特|别, 选|择).
    strings = _no_known_pairs(20)
    strings[0] = strings[0][:-1] + "特"
    strings[2] = "别" + strings[2][1:]
    strings[17] = strings[17][:-1] + "选"
    strings[19] = "择" + strings[19][1:]
    stretches = _stretches_in_columns(strings, Counter(), Counter())
    assert all(k == 1 for _, _, k in stretches)


def test_a_headline_over_the_columns_and_a_date_under_them_stay_out_of_the_stretch():
    strings = (["夏日消暑好去处　海边游人如织景点迎来暑期旺季"] + _read_across(COLUMN_A, COLUMN_B, COLUMN_C)
               + ["2026年7月5日　星期日"])
    assert _without_display_ends(strings, 0, len(strings), 3) == (1, len(strings) - 1)


def test_lines_dealt_to_a_column_keep_its_measure_and_a_box_s_items_do_not():
    assert _keeps_a_measure(COLUMN_C[:2] + ["城市公园本周末将举行马拉松比"])
    assert not _keeps_a_measure(["● 多喝水，少喝饮料", "冰箱贴，上线一个月销量超过", "10万件。", "文创产品受追捧"])
