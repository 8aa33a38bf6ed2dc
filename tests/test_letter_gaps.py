"""Spaces MuPDF reads into a justified CJK line's letter gaps (layout/letter_gaps.py)."""

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
        for ch in text:
            page.insert_text((x, y), ch, fontname="um", fontsize=size)
            x += font.text_length(ch, fontsize=size) + gap
    doc.save(path)
    return path


@pytest.mark.skipif(not UMING.exists(), reason="needs fonts-arphic-uming")
def test_spaces_read_into_a_spread_lines_letter_gaps_are_dropped_and_accounted_for(tmp_path):
    pdf = _spread_line_pdf(tmp_path / "spread.pdf", [
        ("女子組冠軍由本地跑手以2小時41分衝線。", 1.7),  # spread: MuPDF reads "2 小時4 1 分"
        ("記者 王五 攝", 0.0),  # set tight, its spaces are glyphs the line holds
        ("香港 Hong Kong 記者 王五", 1.7),  # spread, real spaces among the gaps: "H o n g K o n g"
    ])
    raw = pymupdf.open(pdf)[0].get_text()
    assert "2 小時4 1 分" in raw and "H o n g K o n g" in raw  # the artifact is there to be repaired
    page = restore_pdf(pdf).pages[0]
    text = page.to_text()
    assert "以2小時41分衝線。" in text
    assert "記者 王五 攝" in text
    assert "香港 Hong Kong 記者 王五" in text
    dropped = [r for r in page.removed if r.reason == "drop_justify_spaces"]
    assert [r.text for r in dropped] == [" "] * 9
    assert all(r.page == 1 for r in dropped)
