"""Spaces MuPDF reads into a justified CJK line's letter gaps (layout/letter_gaps.py)."""

import re
from pathlib import Path

import pytest

pymupdf = pytest.importorskip("pymupdf")

from broadsheet.read.pdf import restore_pdf  # noqa: E402

UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")  # fonts-arphic-uming, installed by setup.sh


def _spread_line_pdf(path: Path, lines: list[tuple[str, float]]) -> Path:
    """Each line drawn a character at a time, ``gap`` points after each glyph's advance,
    as a justified CJK column spreads its lines."""
    doc = pymupdf.open()
    page = doc.new_page(width=320, height=220)
    page.insert_font(fontname="um", fontfile=str(UMING))
    font = pymupdf.Font(fontfile=str(UMING))
    size = 8.5
    for row, (text, gap) in enumerate(lines):
        x, y = 20.0, 40.0 + 20.0 * row
        # A figure or a Latin word is set as one piece; each CJK character on its own.
        for piece in re.findall(r"[ -~]+|.", text):
            page.insert_text((x, y), piece, fontname="um", fontsize=size)
            x += font.text_length(piece, fontsize=size) + gap
    doc.save(path)
    return path


@pytest.mark.skipif(not UMING.exists(), reason="needs fonts-arphic-uming")
def test_spaces_read_into_a_spread_lines_letter_gaps_are_dropped_and_accounted_for(tmp_path):
    pdf = _spread_line_pdf(tmp_path / "spread.pdf", [
        ("女子組冠軍由本地跑手以2小時41分衝線。", 1.7),  # spread: MuPDF reads "2 小時41 分"
        ("記者 王五 攝", 0.0),  # set tight, its spaces are glyphs the line holds
        ("新款iPhone 16 發布，香港門市排長龍。", 1.7),  # spread, and a real space after the figure
    ])
    raw = pymupdf.open(pdf)[0].get_text()
    assert "2 小時41 分" in raw  # the artifact is there to be repaired
    page = restore_pdf(pdf).pages[0]
    text = page.to_text()
    assert "以2小時41分衝線。" in text
    assert "記者 王五 攝" in text
    assert "iPhone 16 發布" in text
    dropped = [r for r in page.removed if r.reason == "drop_letter_gap_spaces"]
    assert [r.text for r in dropped] == [" ", " "]
    assert all(r.page == 1 for r in dropped)


def test_extracted_text_loses_the_letter_gap_read_after_a_figure_but_keeps_real_spaces():
    """In extracted text the gap shows as a space on one side of a figure run into CJK text
    (以2 小時41 分); a paper that spaces its figures spaces both sides (全程 42 公里)."""
    from broadsheet.pipeline import restore_text
    from broadsheet.repair.spacing import drop_letter_gap_spaces
    from broadsheet.model import Line, SourcedText

    def line(text):
        return Line(text=SourcedText.from_input(text, 0, len(text)))

    lines, removed = drop_letter_gap_spaces([line("女子組冠軍以2 小時41 分衝線，約3,500 名跑手完賽。"),
                                            line("他說：“ 以前車子多位少。”"),
                                            line("全程 42 公里，iPhone 16 發布，記者 王五")])
    assert [ln.string for ln in lines] == ["女子組冠軍以2小時41分衝線，約3,500名跑手完賽。", "他說：“以前車子多位少。”",
                                           "全程 42 公里，iPhone 16 發布，記者 王五"]
    assert [r.text for r in removed] == [" "] * 4 and {r.reason for r in removed} == {"drop_letter_gap_spaces"}
    text = "市區馬拉松昨日舉行\n\n女子組冠軍由本地跑手以2 小時41 分衝線，打破紀錄。\n"
    page = restore_text(text)
    assert "以2小時41分衝線" in page.to_text()
    assert sorted(r.start for r in page.removed if r.reason == "drop_letter_gap_spaces") == \
        [text.index("2 小") + 1, text.index("41 分") + 2]


def _pieces_pdf(path: Path, rows: list[list[tuple[str, float]]]) -> Path:
    """Each row drawn piece by piece, each piece followed by that much white (× size) and
    no space glyph, as a typesetter spaces CJK text from the figures set in it."""
    doc = pymupdf.open()
    page = doc.new_page(width=320, height=220)
    page.insert_font(fontname="um", fontfile=str(UMING))
    font = pymupdf.Font(fontfile=str(UMING))
    size = 9.0
    for row, pieces in enumerate(rows):
        x, y = 20.0, 40.0 + 20.0 * row
        for piece, white in pieces:
            page.insert_text((x, y), piece, fontname="um", fontsize=size)
            x += font.text_length(piece, fontsize=size) + white * size
    doc.save(path)
    return path


@pytest.mark.skipif(not UMING.exists(), reason="needs fonts-arphic-uming")
def test_white_set_between_cjk_and_figures_is_no_space_but_white_beside_a_word_is_kept(tmp_path):
    pdf = _pieces_pdf(tmp_path / "autospace.pdf", [
        # A dateline with a quarter em of white on each side of its figures, no glyph drawn.
        [("新華社武漢", 0.25), ("11", 0.25), ("月", 0.25), ("11", 0.25), ("日電", 0.0)],
        # The white after a name or an address may be the copy's space. (MuPDF reads none
        # into white this narrow after a CJK glyph: its threshold scales with the glyph.)
        [("記者", 0.25), ("Mary Chan", 0.25), ("報道", 0.0)],
        [("黃敏報道 wong@mail.com", 0.25), ("環境局昨日公布新措施。", 0.0)],
        [("中學引入AI", 0.25), ("助教", 0.0)],  # an acronym is set as a CJK word is
        [("覆蓋約80%", 0.25), ("的街道", 0.0)],  # a percentage's sign ends its figure
    ])
    raw = pymupdf.open(pdf)[0].get_text()
    assert "11 月" in raw and "Mary Chan 報道" in raw  # MuPDF reads the white as spaces
    page = restore_pdf(pdf).pages[0]
    text = page.to_text()
    assert "新華社武漢11月11日電" in text
    assert "Mary Chan 報道" in text
    assert "wong@mail.com 環境局" in text
    assert "中學引入AI助教" in text
    assert "覆蓋約80%的街道" in text
    dropped = [r for r in page.removed if r.reason == "drop_letter_gap_spaces"]
    assert [r.text for r in dropped] == [" "] * 4
