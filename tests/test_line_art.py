"""The page's paths and images, read from its recording, and what the layout makes of them."""

from __future__ import annotations

import io

import pymupdf
import pytest

from broadsheet.layout.extract import PageRecording, read_graphics, split_frames_and_photos
from broadsheet.layout.line_art import is_four_sided, rectangle_of


@pytest.fixture
def page():
    doc = pymupdf.open()
    yield doc.new_page()
    doc.close()


def _png(width: int = 8, height: int = 8) -> bytes:
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    pixmap.set_rect(pixmap.irect, (90, 120, 150))
    return pixmap.tobytes("png")


def _graphics(page):
    """The page's graphics as the layout reads them, a saved and reopened copy of it."""
    data = page.parent.tobytes()
    doc = pymupdf.open("pdf", data)
    recording = PageRecording(doc[0])
    return recording, read_graphics(recording)


def test_each_path_has_its_box_and_paint_and_a_fill_stroked_again_is_one_path(page):
    page.draw_rect((50, 60, 250, 200), color=(0, 0, 0), width=0.8)  # stroked only
    page.draw_rect((300, 60, 500, 200), color=None, fill=(0.2, 0.4, 0.6))  # filled only
    page.draw_rect((50, 300, 250, 400), color=(1, 0, 0), fill=(0, 0, 1))  # filled and stroked (B)
    page.draw_circle((400, 350), 40, color=(0, 0, 0))
    recording, _graphics_read = _graphics(page)
    paths = recording.line_art().paths
    assert len(paths) == 4
    stroked, filled, both, circle = paths
    assert stroked.box == pytest.approx((50, 60, 250, 200)) and stroked.fill is None
    assert stroked.stroke == pytest.approx((0, 0, 0))
    assert filled.stroke is None and filled.fill == pytest.approx((0.2, 0.4, 0.6), abs=0.01)
    assert both.fill == pytest.approx((0, 0, 1)) and both.stroke == pytest.approx((1, 0, 0))
    assert [rectangle_of(s) for s in stroked.subpaths()] == [pytest.approx((50, 60, 250, 200))]
    assert all(is_four_sided(s) for s in both.subpaths())
    assert circle.box == pytest.approx((360, 310, 440, 390), abs=0.5)
    assert [s.curved for s in circle.subpaths()] == [True]
    assert not any(is_four_sided(s) for s in circle.subpaths())


def test_a_grid_of_separate_lines_is_bounded_by_all_of_them(page):
    # One stroked path of separate vertical lines, each drawn up from its foot, two rows of
    # cells: its box reaches the foot of the lower row (PyMuPDF's get_cdrawings leaves each
    # line's first point out of the box, so it stopped at the upper row's foot).
    shape = page.new_shape()
    for x in (100, 150, 200):
        shape.draw_line((x, 200), (x, 100))
    for x in (120, 180):
        shape.draw_line((x, 400), (x, 200))
    shape.finish(color=(0, 0, 0), width=0.5)
    shape.commit()
    recording, graphics = _graphics(page)
    assert [path.box for path in recording.line_art().paths] == [pytest.approx((100, 100, 200, 400))]
    assert graphics.frames == [pytest.approx((100, 100, 200, 400))]


def test_an_image_set_inline_in_the_content_stream_is_a_photo(page):
    # An inline image (BI … ID … EI) names no image resource on the page, yet it prints.
    gray = bytes(range(0, 256, 4))  # 8 x 8 grey levels
    stream = b"q 200 0 0 150 100 500 cm BI /W 8 /H 8 /CS /G /BPC 8 ID " + gray + b" EI Q"
    page.insert_text((100, 100), "A line of text so the page is not a scan.", fontsize=9)
    doc = page.parent
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, stream)
    page_xref = page.xref
    contents = page.get_contents()
    doc.xref_set_key(page_xref, "Contents", "[" + " ".join(f"{c} 0 R" for c in contents) + f" {xref} 0 R]")
    assert page.get_images() == []
    _recording, graphics = _graphics(page)
    assert graphics.photos == [pytest.approx((100, 842 - 650, 300, 842 - 500))]


def test_an_image_with_text_set_over_it_is_the_paper_behind_the_text_not_a_photo(page):
    page.insert_image(pymupdf.Rect(20, 20, 575, 820), stream=_png())
    for i in range(20):
        page.insert_text((60, 80 + 14 * i), f"Line {i} of a story printed over a tinted page background.", fontsize=9)
    page.insert_image(pymupdf.Rect(60, 500, 300, 680), stream=_png())  # a photo, nothing over it
    recording, graphics = _graphics(page)
    assert len(recording.line_art().images) == 2
    lines = [tuple(line["bbox"]) for block in recording.page.get_text("dict")["blocks"] for line in block.get("lines", ())]
    split_frames_and_photos(graphics, lines)
    assert graphics.photos == [pytest.approx((60, 500, 300, 680))]
    assert graphics.frames == []


def _ends_on_a_space_page():
    document = pymupdf.open()
    page = document.new_page(width=320, height=160)
    page.insert_text((20, 40), "a line set to end on the space it broke at ", fontsize=10)
    page.insert_text((20, 70), "a back\\slash line ends on a space ", fontsize=10)
    page.insert_text((20, 100), "ends on two spaces  ", fontsize=10)
    return document, page


def _last_inked_right_read_whole(read, pdf_line):
    chars = [c for span in pdf_line.spans for c in read.chars_of(span)]
    return [box for ch, box in chars if not ch.isspace()][-1][2]


def test_a_line_ending_on_a_space_ends_at_its_last_glyph_read_from_its_end_alone():
    from broadsheet.layout.extract import read_page_text
    from broadsheet.layout.lines import LINE_END_REACH, _inked_to

    document, page = _ends_on_a_space_page()
    read = read_page_text(page, 1)
    ending = [ln for ln in read.lines if read.input_text[ln.end - 1] == " "]
    assert len(ending) == 3
    ends = [read.raw.line_end(ln.spans[-1].key, read.input_text[ln.start:ln.end], ln.bbox[2],
                              LINE_END_REACH * ln.spans[-1].size) for ln in ending]
    # Only the end is read (a glyph and the spaces after it), not the whole line; a line
    # with a backslash is read whole, since its characters may not spell its text.
    assert ends[0] is not None and 2 <= len(ends[0]) < 10 and "".join(c for c, _ in ends[0]).endswith("at ")
    assert ends[1] is None
    assert ends[2] is not None and "".join(c for c, _ in ends[2]).endswith("s  ")
    # The box ends where reading the whole line says, on a fresh reading of the page.
    for pdf_line in read_page_text(page, 1).lines:
        if read.input_text[pdf_line.end - 1] != " ":
            continue
        whole = read_page_text(page, 1)
        assert _inked_to(pdf_line, read_page_text(page, 1), pdf_line.bbox)[2] == _last_inked_right_read_whole(whole, pdf_line)
        assert _inked_to(pdf_line, whole, pdf_line.bbox)[2] < pdf_line.bbox[2]
    document.close()
