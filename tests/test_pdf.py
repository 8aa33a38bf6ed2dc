"""Born-digital PDFs: duplicate glyphs, reading order, articles, and every way a file can be bad.

The PDFs are drawn here with PyMuPDF (tests/fixtures/pdf/newspage.py) from
fictional text, so each test knows exactly what the page says.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pymupdf
import pytest

from broadsheet.cli import main
from broadsheet.errors import BadInputError, ScannedPageError
from broadsheet.layout import order
from broadsheet.model import Line, SourcedText
from broadsheet.read.pdf import parse_pages, restore_pdf

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "pdf"))
import newspage  # noqa: E402


@pytest.fixture(scope="module")
def three_column(tmp_path_factory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("pdf") / "three_column.pdf"
    expected = newspage.build_three_column_pdf(path)
    return path, expected


@pytest.fixture(scope="module")
def three_column_page(three_column):
    path, _expected = three_column
    return restore_pdf(path).pages[0]


@pytest.fixture
def page():
    """A blank A4 page (595 x 842 pt) in a new document, for a test to draw its newspaper page on."""
    doc = pymupdf.open()
    yield doc.new_page()
    doc.close()


@pytest.fixture
def restored(page, tmp_path):
    """``restored()`` saves the document ``page`` is drawn on and gives what restore_pdf
    makes of its first page."""
    def restore():
        path = tmp_path / "page.pdf"
        page.parent.save(path)
        return restore_pdf(path).pages[0]
    return restore


def _line(text: str, box, size: float) -> Line:
    """A layout line whose text is its own input (for tests of one layout stage)."""
    return Line(text=SourcedText.from_input(text, 0, len(text)), bbox=box, size=size)


def _story_under(head, members):
    """A story headed by ``head`` holding ``members``, its foot measured from its last deck."""
    from broadsheet.layout.articles import _Story
    from broadsheet.layout.blocks import DECK
    head.foot = max([head.bbox[3]] + [m.bbox[3] for m in members if m.kind == DECK])
    story = _Story(head, frame=None)
    story.members = list(members)
    return story


def _item(text: str, box, size: float) -> order.Item:
    return order.Item(box, "line", _line(text, box, size))


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- duplicate glyphs --------------------------------------------------------

def _write_paragraph(page, x: float, y: float, lines: list[str], indent: float, leading: float = 14, font: str = "china-t",
                     size: float = 10) -> float:
    """A paragraph whose first line is set in by ``indent``; the y under its last line."""
    for k, text in enumerate(lines):
        page.insert_text((x + (indent if k == 0 else 0), y + k * leading), text, fontname=font, fontsize=size)
    return y + len(lines) * leading


def _write_columns(page, columns, top: float, leading: float = 11, font: str = "tiro", size: float = 9) -> None:
    """Lines of text set in columns: ``columns`` is [(left x, [line, ...]), ...]."""
    for x, lines in columns:
        for i, text in enumerate(lines):
            page.insert_text((x, top + i * leading), text, fontname=font, fontsize=size)


def test_shadowed_headline_and_fake_bold_caption_are_undoubled_with_boxes(three_column_page):
    page = three_column_page
    duplicates = [r for r in page.removed if r.reason == "duplicate_glyph"]
    removed_text = "".join(r.text for r in duplicates).replace(" ", "")
    assert newspage.HEADLINE.replace(" ", "") in removed_text
    assert newspage.CAPTION.replace(" ", "") in removed_text
    for removal in duplicates:
        assert page.input_text[removal.start:removal.end] == removal.text
        assert removal.page == 1
        x0, y0, x1, y1 = removal.bbox
        assert x1 > x0 and y1 > y0
    # The grey shadow copy is the one dropped: its box sits 1.2 pt right of and below the headline's.
    headline_box = page.articles[0].headline.bbox
    shadow = [r for r in duplicates if "Harbour" in r.text]
    assert shadow and shadow[0].bbox[0] > headline_box[0] + 0.5


def test_fake_bold_caption_reads_as_bold(three_column_page):
    caption = three_column_page.articles[0].captions[0]
    assert all(line.bold for line in caption.lines)


def test_fill_and_stroke_passes_and_genuine_repeats(page, restored):
    """Fill then stroke of one word is one word; ``balloon``, ``謝謝`` and ``研究研究`` stay whole."""
    page.insert_text((72, 100), "Outlined Harbour Notice", fontname="hebo", fontsize=20, render_mode=0)
    page.insert_text((72, 100), "Outlined Harbour Notice", fontname="hebo", fontsize=20, render_mode=1)
    page.insert_text((72, 140), "The balloon sellers will return.", fontname="helv", fontsize=10)
    page.insert_text((72, 300), "謝謝大家研究研究", fontname="china-t", fontsize=10)
    result = restored()
    texts = [b.string for a in result.articles for b in a.blocks()] + [b.string for b in result.unassigned]
    assert "Outlined Harbour Notice" in texts
    assert "The balloon sellers will return." in texts
    assert "謝謝大家研究研究" in texts
    assert [r.text.strip() for r in result.removed if r.reason == "duplicate_glyph"] == ["Outlined Harbour Notice"]


def test_characters_read_line_by_line_are_rawdicts(three_column):
    """The per-line character reader gives rawdict's very characters and boxes, and the
    page reads the same when it has to fall back to rawdict for the whole page."""
    from broadsheet.layout import chars
    from broadsheet.layout.extract import TEXT_FLAGS, read_page_text

    path, _expected = three_column
    with pymupdf.open(path) as doc:
        page = doc[0]
        text = read_page_text(page, 1)
        raw = page.get_textpage(flags=TEXT_FLAGS).extractRAWDICT()
        by_number = {block["number"]: block for block in raw["blocks"]}
        for span in text.spans:
            block, line, index = span.key
            want = [(c["c"], tuple(c["bbox"])) for c in by_number[block]["lines"][line]["spans"][index]["chars"]]
            assert text.chars_of(span) == want
    fast = restore_pdf(path).to_dict()
    low_level = chars._extra
    try:
        chars._extra = None
        assert restore_pdf(path).to_dict() == fast
    finally:
        chars._extra = low_level


def test_a_span_drawn_again_whole_matches_as_its_glyphs_would(tmp_path):
    """The whole-span shortcut gives the pairs, and about the distance, that reading each
    glyph gives; a copy of other width or text is left to the glyph-by-glyph match."""
    from broadsheet.layout import dedupe
    from broadsheet.layout.extract import read_page_text

    path = tmp_path / "shadow.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72.6, 100.5), "Harbour ferry returns", fontname="hebo", fontsize=20, color=(0.7, 0.7, 0.7))
    page.insert_text((72, 100), "Harbour ferry returns", fontname="hebo", fontsize=20)
    page.insert_text((72.5, 160.5), "港口渡輪復航", fontname="china-t", fontsize=20, color=(0.7, 0.7, 0.7))
    page.insert_text((72, 160), "港口渡輪復航", fontname="china-t", fontsize=20)
    page.insert_text((72, 220), "Harbour ferry returns", fontname="hebo", fontsize=20)
    page.insert_text((72.4, 220.4), "Harbour ferry", fontname="hebo", fontsize=20)
    doc.save(path)
    with pymupdf.open(path) as reopened:
        text = read_page_text(reopened[0], 1)
    spans = text.spans
    pairs = dedupe._candidate_pairs(spans)
    assert len(pairs) == 3
    shortcuts = 0
    for i, j in pairs:
        a, b = spans[i], spans[j]
        by_glyph = dedupe._match_chars(a, text.chars_of(a), b, text.chars_of(b), set())
        whole = dedupe._whole_span_copy(a, b, set())
        if whole is None:
            assert a.text != b.text  # the shorter redrawn run
            continue
        shortcuts += 1
        assert [(x, y) for x, y, _d in whole] == [(x, y) for x, y, _d in by_glyph]
        assert all(d == pytest.approx(w, abs=0.05) for (_x, _y, d), (_a, _b, w) in zip(by_glyph, whole))
    assert shortcuts == 2


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_a_pdf_leaves_the_cycle_collector_as_it_found_it(three_column, enabled):
    import gc

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        restore_pdf(three_column[0])
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


# -- reading order and articles -----------------------------------------------

def test_three_columns_read_in_order_with_headlines_attached(three_column_page, three_column):
    _path, expected = three_column
    page = three_column_page
    assert len(page.articles) == 2
    for article, want in zip(page.articles, expected["articles"]):
        assert article.headline.string == want["headline"]
        assert (article.byline.string if article.byline else None) == want["byline"]
        assert [b.string for b in article.body] == want["body"]
        assert [c.string for c in article.captions] == want["captions"]
        assert all(b.kind == "paragraph" for b in article.body)


def test_blocks_carry_page_and_bbox_in_json(three_column_page):
    data = three_column_page.to_dict()
    body = data["articles"][0]["body"][0]
    assert body["page"] == 1 and len(body["bbox"]) == 4
    assert body["spans"] and all(isinstance(a, int) for span in body["spans"] for a in span)


def _covered(page) -> list[int]:
    seen = bytearray(len(page.input_text))
    texts = [b.text for a in page.articles for b in a.blocks()] + [b.text for b in page.unassigned]
    texts += [b.credit for a in page.articles for b in a.captions if b.credit is not None]
    for text in texts:
        for a, b in text.spans():
            seen[a:b] = b"\x01" * (b - a)
    for r in page.removed:
        seen[r.start:r.end] = b"\x01" * (r.end - r.start)
    return [i for i, ch in enumerate(page.input_text) if not ch.isspace() and not seen[i]]


def test_every_visible_character_is_in_an_output_field_or_removed(three_column_page, tmp_path):
    assert _covered(three_column_page) == []
    path = tmp_path / "three_pages.pdf"
    newspage.build_multipage_pdf(path)
    for page in restore_pdf(path).pages:
        assert page.input_text.strip()
        assert _covered(page) == []


def _vertical_strip(page, x: float, top: float, headline: str, font: str) -> None:
    """A headline set vertically, one 24-point character under another."""
    for i, ch in enumerate(headline):
        page.insert_text((x, top + i * 26), ch, fontname=font, fontsize=24)


def test_vertical_headline_strip_goes_with_the_body_beside_it(page, restored):
    headline = "港口渡輪復航"
    _vertical_strip(page, 60, 110, headline, "china-t")
    body = ["停航四個月的藍色渡輪週一清晨再次啟航，", "船長表示船員整個冬天都在修理引擎。"]
    _write_columns(page, [(100, body)], 100, 15, font="china-t", size=10)
    page.insert_text((300, 100), "圖書館週四延長開放", fontname="china-t", fontsize=18)
    page.insert_text((300, 125), "市立圖書館下週起每逢週四開放至晚上九時。", fontname="china-t", fontsize=10)
    result = restored()
    by_headline = {a.headline.string: "".join(b.string for b in a.body) for a in result.articles if a.headline}
    assert by_headline[headline] == "".join(body)
    assert by_headline["圖書館週四延長開放"] == "市立圖書館下週起每逢週四開放至晚上九時。"


def test_a_deck_at_the_head_of_the_columns_left_of_a_right_hand_strip_is_the_strips_deck(page, restored):
    headline = "長者食堂開進老區"
    _vertical_strip(page, 520, 90, headline, "china-s")
    page.insert_text((40, 84), "已覆蓋全市八成街道", fontname="china-s", fontsize=14)
    columns = [(40, ["中午十一時半，社區食堂已坐滿", "老人，午飯一葷一素一湯，六十", "歲以上長者只需十元。"]),
               (200, ["七十八歲的張婆婆幾乎每天都來", "吃飯，她說在家一個人懶得煮，", "來這裏熱鬧，吃得也香。"]),
               (360, ["民政局表示，全市已建成約六百", "家長者食堂，覆蓋約八成街道，", "明年還會再增加一百家。"])]
    _write_columns(page, columns, 110, 14, font="china-s", size=10)
    result = restored()
    assert [(a.headline.string, [d.string for d in a.subheadlines]) for a in result.articles] == [
        (headline, ["已覆蓋全市八成街道"])]


def test_a_rail_headline_under_another_headline_with_its_text_on_its_right_is_no_deck(page, restored):
    _write_columns(page, [(40, ["Bees are kept on forty office roofs in the", "city centre, up from five in 2020, and the",
                                "honey is sold in the lobbies of the towers."])], 60)
    page.insert_text((40, 110), "Rooftop hives buzz on towers", fontname="tibo", fontsize=14)
    _write_columns(page, [(40, ["Mayor", "wins", "second", "term"])], 142, 15, font="tibo", size=13)
    _write_columns(page, [(100, ["The mayor told supporters at the", "town hall that she would focus on",
                                 "housing and buses in her second term,", "and thanked the volunteers."])], 137)
    result = restored()
    got = [(a.headline.string if a.headline else None, [d.string for d in a.subheadlines]) for a in result.articles]
    assert got == [("Rooftop hives buzz on towers", []), ("Mayor wins second term", [])]
    mayor = result.articles[1]
    assert " ".join(b.string for b in mayor.body).startswith("The mayor told supporters")


def test_a_headline_under_its_story_takes_the_text_over_a_photo_set_with_wide_margins(page, restored):
    """A photo in the middle of the column over a headline set under its story has more
    white round it than the text's leading; the text above it is still the story's."""
    y = 60.0
    for text in ["By Ann Lee", "A phone maker showed a folding", "phone on Monday that costs less", "than any sold so far."]:
        page.insert_text((40, y), text, fontname="tiro", fontsize=9)
        y += 11
    page.draw_rect(pymupdf.Rect(40, y + 8, 190, y + 58), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((40, y + 67), "Visitors try the new phone.", fontname="helv", fontsize=7)
    y += 82
    for text in ["The company said parts made in", "its own plants cut the cost by", "almost a third this year."]:
        page.insert_text((40, y), text, fontname="tiro", fontsize=9)
        y += 11
    page.insert_text((40, y + 14), "Folding phone price falls", fontname="tibo", fontsize=16)
    page.draw_line((210, 40), (210, 300), color=(0, 0, 0), width=0.5)
    _write_columns(page, [(230, ["Library opens late", "on Thursdays"])], 60, 18, font="tibo", size=16)
    page.insert_text((230, 100), "The city library will stay open until nine.", fontname="tiro", fontsize=9)
    result = restored()
    phone = next(a for a in result.articles if a.headline and a.headline.string == "Folding phone price falls")
    text = " ".join(b.string for b in phone.body)
    assert text.startswith("A phone maker showed") and "third this year." in text
    assert [c.string for c in phone.captions] == ["Visitors try the new phone."]


def _run_in_brief(page, y: float, title: str, lines: list[str], twice: bool) -> float:
    """A brief whose title runs into its text in the text's own face, the title made bold
    (or not) only by drawing each glyph twice at one place."""
    size = 10
    font = pymupdf.Font("china-t")
    writer = pymupdf.TextWriter(page.rect)
    x = 40.0
    for ch in title:
        # Each glyph and its copy, a hair apart, in one text object: MuPDF keeps one glyph
        # and leaves no trace of the other unless asked to collect styles.
        writer.append((x, y), ch, font=font, fontsize=size)
        if twice:
            writer.append((x + 0.2, y), ch, font=font, fontsize=size)
        x += font.text_length(ch, fontsize=size)
    writer.write_text(page)
    x += size  # an em of white after the title
    page.insert_text((x, y), lines[0], fontname="china-t", fontsize=size)
    for k, text in enumerate(lines[1:], 1):
        page.insert_text((40, y + k * 14), text, fontname="china-t", fontsize=size)
    return y + len(lines) * 14 + 12


@pytest.mark.parametrize("twice", [True, False])
def test_brief_titles_run_into_their_text_bold_only_by_glyphs_drawn_twice_head_their_items(page, restored, twice):
    y = _run_in_brief(page, 80, "渡輪加價兩成", ["公司昨日宣布", "下月起加價，乘客排隊買票。", "公司稱燃油成本上升。"], twice)
    _run_in_brief(page, y, "圖書館延長開放", ["市立圖書", "館下週起每逢週四開放至晚上", "九時，方便考生溫習。"], twice)
    result = restored()
    headlines = [a.headline.string for a in result.articles if a.headline]
    if twice:
        assert headlines == ["渡輪加價兩成", "圖書館延長開放"]
        assert "".join(b.string for b in result.articles[0].body).startswith("公司昨日宣布下月起加價")
    else:
        assert headlines == []  # drawn once, the words are just the text's first words


def test_a_label_the_pages_top_band_made_furniture_stays_furniture_over_one_item(page, restored):
    page.insert_text((40, 56), "IN BRIEF", fontname="hebo", fontsize=9)
    page.draw_line((40, 60), (200, 60), color=(0, 0, 0), width=0.6)
    page.insert_text((40, 100), "Ferry fares to rise", fontname="hebo", fontsize=10)
    _write_columns(page, [(40, ["Fares on the island ferries will", "rise by a tenth from May, the", "operator said on Monday."])],
                   114, 12, font="tiro", size=9)
    result = restored()
    assert ("furniture", "IN BRIEF") in [(b.kind, b.string) for b in result.unassigned]
    assert all("IN BRIEF" not in d.string for a in result.articles for d in a.subheadlines)


def test_a_column_stopping_over_a_photo_and_going_on_in_lower_case_under_it_is_read_on(page, restored):
    """One of two columns stops mid-sentence over a photo set across them and goes on under
    it in lower case: each column is read down past the photo, not row by row."""
    page.insert_text((40, 60), "Rooftop hives buzz on towers", fontname="tibo", fontsize=18)
    above = [(40, ["Forty office towers now keep", "bees on their roofs, and the", "honey is sold in the lobbies,", "says the beekeepers' chief"]),
             (200, ["Some tenants complained of", "bees near the air vents, and", "two buildings removed their", "hives after staff objected."])]
    below = [(40, ["executive, who said the bees", "fly up to three kilometres."]),
             (200, ["The city will now ask every", "roof keeper to be registered."])]
    _write_columns(page, above, 84)
    page.draw_rect(pymupdf.Rect(40, 130, 340, 220), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((40, 229), "A hive on an office roof.", fontname="helv", fontsize=7)
    _write_columns(page, below, 246)
    article = restored().articles[0]
    text = " ".join(b.string for b in article.body)
    assert "the beekeepers' chief executive, who said" in text
    assert text.index("three kilometres.") < text.index("Some tenants complained")


def test_columns_stopping_over_a_framed_box_set_across_them_are_read_on_under_it(page, restored):
    """A framed box of facts set across a story's two columns, the text flowing round it:
    each column is read down past the box, as past a photo, not row by row."""
    page.insert_text((40, 60), "Rooftop hives buzz on towers", fontname="tibo", fontsize=18)
    above = [(40, ["Forty office towers now keep", "bees on their roofs, and the", "honey is sold in the lobbies,", "says the beekeepers' chief"]),
             (200, ["Some tenants complained of", "bees near the air vents, and", "two buildings removed their", "hives, though the city says"])]
    below = [(40, ["executive, who said the bees", "fly up to three kilometres."]),
             (200, ["the risk is small and it will", "now register every keeper."])]
    _write_columns(page, above, 84)
    page.draw_rect(pymupdf.Rect(40, 135, 340, 205), color=(0, 0, 0), width=0.7)
    page.insert_text((48, 152), "Hives at a glance", fontname="hebo", fontsize=10)
    page.insert_text((48, 170), "Towers with hives: 40", fontname="helv", fontsize=9)
    page.insert_text((48, 186), "Honey a year: 2 tonnes", fontname="helv", fontsize=9)
    _write_columns(page, below, 222)
    article = restored().articles[0]
    text = " ".join(b.string for b in article.body)
    assert "the beekeepers' chief executive, who said" in text
    assert "the city says the risk is small" in text
    assert text.index("three kilometres.") < text.index("Some tenants complained")


STORY_UNDER_BYLINE = ["為期一個月的全民閱讀", "活動昨天在市圖書館啟", "動，館方延長開放時間", "至晚上九時。"]


def _words_set_apart(page, x: float, y: float, words: list[str], white: float, size: float = 9) -> None:
    """CJK words drawn one by one with ``white`` points between them and no space glyph."""
    for word in words:
        page.insert_text((x, y), word, fontname="china-t", fontsize=size)
        x += size * len(word) + white


def test_white_a_producer_set_between_the_words_of_a_cjk_byline_is_a_space(page, restored):
    page.insert_text((40, 60), "全民閱讀月開幕", fontname="china-t", fontsize=18)
    _words_set_apart(page, 40, 90, ["記者", "何雨欣", "報道"], white=4.5)
    _write_paragraph(page, 40, 106, STORY_UNDER_BYLINE, indent=0)
    article = restored().articles[0]
    assert article.byline is not None and article.byline.string == "記者 何雨欣 報道"


def test_a_spread_title_takes_no_spaces_between_its_characters(page, restored):
    # Every character as far from the next: the title's spread, no word's white.
    _words_set_apart(page, 40, 60, list("全民閱讀月開幕"), white=6, size=18)
    _write_paragraph(page, 40, 90, STORY_UNDER_BYLINE, indent=0)
    assert restored().articles[0].headline.string == "全民閱讀月開幕"


def test_a_byline_broken_off_before_its_last_name_takes_it_back_from_the_story(page, restored):
    """記者 何雨欣 通訊員 / 張偉為期一個月…: the name carried down opens the story's first
    line, the story run on after it."""
    page.insert_text((40, 60), "全民閱讀月開幕", fontname="china-t", fontsize=18)
    page.insert_text((40, 90), "記者 何雨欣 通訊員", fontname="china-t", fontsize=9)
    _write_paragraph(page, 40, 104, ["張偉" + STORY_UNDER_BYLINE[0]] + STORY_UNDER_BYLINE[1:], indent=0)
    article = restored().articles[0]
    assert article.byline is not None and article.byline.string.replace(" ", "") == "記者何雨欣通訊員張偉"
    assert article.body[0].string.startswith("為期一個月")


def test_a_byline_run_in_beside_its_storys_first_line_is_parted_at_the_white_between_them(page, restored):
    """本報記者　孫曉梅 set on the story's first line, the name's piece drawn apart from the
    label's: MuPDF reads two lines; the white between the pieces is the word space."""
    page.insert_text((40, 60), "地鐵新線下月開通", fontname="china-t", fontsize=18)
    page.insert_text((40, 90), "本報記者", fontname="china-t", fontsize=10)
    page.insert_text((40 + 40 + 12, 90), "孫曉梅市軌道交通集團昨", fontname="china-t", fontsize=10)
    _write_paragraph(page, 40, 104, ["天宣布，地鐵九號線一期工程將", "於下月開通試運營，全長二十", "一點六公里，設站十五座。"], indent=0)
    article = restored().articles[0]
    assert article.byline is not None and article.byline.string == "本報記者 孫曉梅"
    assert article.body[0].string.startswith("市軌道交通集團昨天宣布")


# A subhead wrapped to three lines in a narrow column, and the paragraph under it.
SUBHEAD_LINES = ["Next stop: the", "world youth", "championship"]
AFTER_SUBHEAD = ["She will play at the world", "youth event in September,", "her coach said on Monday."]


def _assert_one_story_with_a_subhead(result, headline: str) -> None:
    assert [a.headline.string for a in result.articles] == [headline]
    assert [b.kind for b in result.articles[0].body] == ["paragraph", "subhead", "paragraph"]


def test_a_wrapped_subhead_between_paragraphs_of_a_narrow_column_stays_a_subhead(page, restored):
    """Deck-sized bold type wrapped to three lines between two paragraphs of a narrow column,
    smaller than the headline over the column: a subhead of that story, not a new story; the
    same type as the headline (a column of briefs) still heads items of its own."""
    _write_columns(page, [(40, ["Girl, 11,", "wins chess", "title"])], 60, leading=17, font="hebo", size=15)
    _write_columns(page, [(40, ["An eleven-year-old won the", "national chess title on", "Sunday, the youngest winner."])], 120)
    _write_columns(page, [(40, SUBHEAD_LINES)], 161, leading=13, font="hebo", size=10.5)
    _write_columns(page, [(40, AFTER_SUBHEAD)], 202)
    _assert_one_story_with_a_subhead(restored(), "Girl, 11, wins chess title")


def test_a_wrapped_subhead_at_the_top_of_a_storys_next_column_stays_a_subhead(page, restored):
    page.insert_text((40, 60), "Girl, 11, wins national chess title", fontname="hebo", fontsize=18)
    left = ["An eleven-year-old won the", "national chess title on", "Sunday, the youngest winner",
            "in the event's history, with", "seven wins and two draws in", "nine games. She learned on a",
            "folding board at her aunt's", "flat and played every day", "after school, her mother said,", "for four years."]
    _write_columns(page, [(40, left)], 90)
    _write_columns(page, [(170, SUBHEAD_LINES)], 150, leading=13, font="hebo", size=10.5)
    _write_columns(page, [(170, AFTER_SUBHEAD)], 194)
    _assert_one_story_with_a_subhead(restored(), "Girl, 11, wins national chess title")


def test_bold_lines_in_a_rail_beside_a_photo_over_its_storys_byline_title_that_story(page, restored):
    _write_columns(page, [(40, ["Girl, 11,", "wins chess", "title"])], 80, 12, font="hebo", size=10)
    page.draw_rect(pymupdf.Rect(110, 71, 330, 180), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((110, 190), "The final round in the town hall.", fontname="helv", fontsize=7)
    page.insert_text((110, 206), "By Tom Chan", fontname="hebo", fontsize=9)
    _write_columns(page, [(110, ["An eleven-year-old from the city", "won the national chess title on",
                                 "Sunday, the youngest winner yet."])], 220, size=9.5)
    result = restored()
    assert [(a.headline.string if a.headline else None, a.byline.string if a.byline else None)
            for a in result.articles] == [("Girl, 11, wins chess title", "By Tom Chan")]


def test_text_over_a_jump_line_at_the_foot_of_the_page_is_the_storys_not_furniture(page, restored):
    # The page is 842 pt tall: its foot band starts near 758.
    page.insert_text((40, 640), "中秋燈會吸引十萬人次", fontname="china-t", fontsize=18)
    _write_columns(page, [(40, ["一連五日的中秋綵燈會昨晚圓滿結束，", "主辦單位估計共吸引約十萬人次入場，",
                                "較去年增加約兩成。"])], 670, leading=14, font="china-t", size=10)
    page.draw_rect(pymupdf.Rect(40, 706, 230, 746), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((40, 755), "■市民與巨型玉兔花燈合照。", fontname="china-t", fontsize=7)
    _write_columns(page, [(60, ["帶同子女入場的吳先生說：「小朋友由"]), (40, ["", "入場笑到出場，值得再"])], 772,
                   leading=14, font="china-t", size=10)
    page.insert_text((170, 808), "續見A4版", fontname="china-t", fontsize=9)
    result = restored()
    body = "".join(b.string for b in result.articles[0].body)
    assert "吳先生說" in body
    assert not any("吳先生說" in b.string for b in result.unassigned)


# -- pages, bad files, scans ---------------------------------------------------

def test_pages_option_picks_pages_and_numbers_them(tmp_path, capsys):
    path = tmp_path / "three_pages.pdf"
    headlines = newspage.build_multipage_pdf(path)
    code, out, _err = _cli(capsys, "restore", str(path), "--pages", "2-3")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == 1 and data["source"] == str(path)
    assert [p["number"] for p in data["pages"]] == [2, 3]
    assert [p["articles"][0]["headline"] for p in data["pages"]] == headlines[1:]
    code, _out, err = _cli(capsys, "restore", str(path), "--pages", "4")
    assert code == 1 and "3 page" in err and err.count("\n") == 1


def test_parse_pages():
    assert parse_pages("1-3,7", 9) == [1, 2, 3, 7]
    assert parse_pages(None, 2) == [1, 2]
    assert parse_pages("2-", 4) == [2, 3, 4]
    for bad in ("x", "0", "3-1", "10"):
        with pytest.raises(BadInputError):
            parse_pages(bad, 9)


def test_encrypted_pdf_is_a_one_line_error(tmp_path, capsys):
    path = tmp_path / "locked.pdf"
    newspage.build_encrypted_pdf(path)
    code, out, err = _cli(capsys, "restore", str(path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "encrypted" in err and "Traceback" not in err


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_pdf_is_a_one_line_error(three_column, tmp_path, capsys, keep):
    path, _expected = three_column
    data = path.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: int(len(data) * keep)])
    code, out, err = _cli(capsys, "restore", str(cut))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "truncated" in err


def test_non_pdf_with_pdf_name_is_a_one_line_error(tmp_path, capsys):
    path = tmp_path / "notes.pdf"
    path.write_text("just some notes, not a PDF\n")
    code, _out, err = _cli(capsys, "restore", str(path))
    assert code == 1 and err.count("\n") == 1 and "not a PDF" in err


def test_corrupt_body_is_a_one_line_error(three_column, tmp_path, capsys):
    path, _expected = three_column
    data = bytearray(path.read_bytes())
    # Keep the header and the %%EOF trailer, scramble everything between.
    middle = range(20, len(data) - 40)
    for i in middle:
        data[i] = (data[i] * 7 + 13) % 256
    bad = tmp_path / "scrambled.pdf"
    bad.write_bytes(bytes(data))
    code, _out, err = _cli(capsys, "restore", str(bad))
    assert code in (1, 3) and err.count("\n") == 1 and "Traceback" not in err


def test_image_only_page_is_a_scan(tmp_path, capsys):
    path = tmp_path / "scan.pdf"
    newspage.build_image_only_pdf(path)
    with pytest.raises(ScannedPageError, match="page 1 has no text layer"):
        restore_pdf(path)
    code, out, err = _cli(capsys, "restore", str(path))
    assert code == 3 and out == ""
    assert err.count("\n") == 1 and "OCR is not supported yet" in err


def test_headline_set_under_its_body_heads_that_body(page, restored):
    """A story whose headline is printed below its text (then a rule, then the next story)."""
    body = "Lanterns lined the old canal on Saturday as the winter fair opened with music and stalls."
    y = 120.0
    for text in newspage.wrap(body, 300):
        page.insert_text((60, y), text, fontname="helv", fontsize=9)
        y += 11
    page.insert_text((60, y + 22), "Winter Fair Opens by the Canal", fontname="hebo", fontsize=20)
    page.draw_line((60, y + 32), (500, y + 32), width=0.8)
    page.insert_text((60, y + 62), "Bakery Queue Wraps the Block", fontname="hebo", fontsize=20)
    second = "A new sourdough bakery drew a queue around the block before it opened its doors at seven."
    yy = y + 84
    for text in newspage.wrap(second, 300):
        page.insert_text((60, yy), text, fontname="helv", fontsize=9)
        yy += 11
    result = restored()
    by_headline = {a.headline.string: " ".join(b.string for b in a.body) for a in result.articles if a.headline}
    assert by_headline == {"Winter Fair Opens by the Canal": body, "Bakery Queue Wraps the Block": second}


def test_words_of_a_justified_line_split_by_mupdf_are_one_line_again(page, restored):
    """Wide justification gaps make MuPDF end a line after every word; the words rejoin."""
    page.insert_text((72, 100), "Ferry Timetable Changes", fontname="hebo", fontsize=18)
    x = 72.0
    for word in ("to", "motor", "traffic", "every"):
        page.insert_text((x, 130), word, fontname="tiro", fontsize=9)
        x += pymupdf.get_text_length(word, fontname="tiro", fontsize=9) + 11.0
    page.insert_text((72, 141), "weekend from May onwards.", fontname="tiro", fontsize=9)
    result = restored()
    assert [b.string for b in result.articles[0].body] == ["to motor traffic every weekend from May onwards."]


def test_a_framed_box_under_a_rule_at_the_pages_foot_is_a_story_not_furniture(page, restored):
    """A page-wide rule low on the page closes off a foot band only when a row or two of
    small type stands under it; a framed box with a title and items set under the rule
    that closes the story above is a story of its own."""
    page.insert_text((40, 560), "Ferry fares to rise in January", fontname="hebo", fontsize=18)
    story = ["Ferry fares will rise by seven per cent from January, the operator said on",
             "Monday, the first increase in three years. Commuter groups said the rise would",
             "hurt island families who have no other way to reach work or school each day."]
    _write_columns(page, [(40, story)], 590, leading=12)
    page.draw_line((34, 740), (562, 740), color=(0.3, 0.3, 0.3), width=0.7)
    page.draw_rect(pymupdf.Rect(34, 747, 562, 806), color=(0, 0, 0), width=0.6)
    page.insert_text((42, 768), "New fares at a glance", fontname="hebo", fontsize=14)
    for i, item in enumerate(("Ordinary ferry: 15.90", "Fast ferry: 28.40", "Night ferry: 22.70")):
        x, y = 50 + 260 * (i % 2), 786 + 14 * (i // 2)
        page.draw_circle((x, y - 3), 1.6, color=None, fill=(0, 0, 0))  # discs drawn as shapes, as browsers do
        page.insert_text((x + 8, y), item, fontname="helv", fontsize=9)
    result = restored()
    box = next((a for a in result.articles if a.headline and a.headline.string == "New fares at a glance"), None)
    assert box is not None and [b.kind for b in box.body] == ["list_item"] * 3


def test_a_border_drawn_as_an_even_odd_ring_is_a_rule_not_a_grey_box(page, restored):
    """WeasyPrint paints a CSS border as one even-odd fill of a box and the box inside it,
    so the path's bounds are the whole element: under the masthead row that read as a
    grey box the masthead's size, and the paper's name as a headline. The ring's sides
    are what is painted: a rule under the row, closing off the page's top band."""
    page.insert_text((34, 56), "A6", fontname="helv", fontsize=8)
    page.insert_text((250, 56), "City", fontname="helv", fontsize=8)
    page.insert_text((420, 56), "THE LAKESIDE TIMES", fontname="hebo", fontsize=16)
    shape = page.new_shape()
    shape.draw_rect(pymupdf.Rect(34, 34, 562, 64))
    shape.draw_rect(pymupdf.Rect(34, 34, 562, 65.5))
    shape.finish(fill=(0, 0, 0), color=None, even_odd=True)
    shape.commit()
    page.insert_text((34, 100), "Ferry fares to rise in January", fontname="hebo", fontsize=20)
    _write_columns(page, [(34, ["Ferry fares will rise by seven per cent from January, the operator",
                                "said on Monday, the first increase in three years."])], 124, size=9.5)
    result = restored()
    assert [a.headline.string for a in result.articles] == ["Ferry fares to rise in January"]
    assert {b.string for b in result.unassigned if b.kind == "furniture"} >= {"A6", "City", "THE LAKESIDE TIMES"}


def test_bullets_set_as_glyphs_of_their_own_left_of_their_items_mark_list_items(page, restored):
    """WeasyPrint sets a list's markers in boxes of their own, drawn after the list: a line
    of one bullet left of each item. Each marks its item and is dropped as its marker;
    left standing, the bullets stacked into a "title" and the items read as indented
    paragraphs of one block."""
    page.insert_text((40, 100), "Ferry fares to rise in January", fontname="hebo", fontsize=18)
    _write_columns(page, [(40, ["Ferry fares will rise by seven per cent from January, the operator",
                                "said on Monday. Three routes change:"])], 124)
    items = ["Ordinary ferry to 15.90", "Fast ferry to 28.40", "Night ferry to 22.70"]
    _write_columns(page, [(54, items)], 150)
    _write_columns(page, [(42, ["\u25cf"] * 3)], 150, font="china-t")
    result = restored()
    [story] = result.articles
    assert [(b.kind, b.string) for b in story.body[1:]] == [("list_item", item) for item in items]
    assert [r.reason for r in result.removed if r.text == "\u25cf"] == ["strip_bullet_marker"] * 3


def test_a_bracketed_sign_off_wrapped_in_a_narrow_column_is_the_story_s_sign_off(page, restored):
    """Neither half of "(Additional reporting" / "by Kevin O'Neill)" reads as a sign-off
    alone; set flush under an indented paragraph's last line with little white, it was
    run into that paragraph."""
    page.insert_text((40, 100), "Rents rise again", fontname="hebo", fontsize=14)
    _write_columns(page, [(40, ["   Average rents rose by nine", "per cent this year, the board",
                                "said on Thursday.", "   The minister is expected to", "respond next week."])], 120, 10.6, size=8.5)
    _write_columns(page, [(40, ["(Additional reporting", "by Kevin O'Neill)"])], 176.6, 10.6, size=8.5)
    result = restored()
    [story] = result.articles
    assert story.signoff is not None and story.signoff.string == "(Additional reporting by Kevin O'Neill)"
    assert story.body[-1].string == "The minister is expected to respond next week."


def test_flush_paragraphs_two_points_apart_under_leading_tighter_than_the_type_are_parted(page, restored):
    """Set solid (10 pt lines for 9 pt type, whose boxes overlap) with two points between
    paragraphs and no indent: the white between the boxes is a point, less than the gap
    rules ask, but the lines step down two points further at each paragraph's end."""
    page.insert_text((40, 100), "Night clinic opens downtown", fontname="hebo", fontsize=14)
    paragraphs = [["A walk-in clinic that opens at", "8pm started seeing patients this", "week, aimed at night workers."],
                  ["The clinic treated 54 people in", "its first three nights, mostly", "for minor injuries."],
                  ["It will run as a two-year pilot", "funded by the city."]]
    y = 120.0
    for lines in paragraphs:
        _write_columns(page, [(40, lines)], y, 10)
        y += 10 * len(lines) + 2
    result = restored()
    [story] = result.articles
    assert [b.string for b in story.body] == [" ".join(lines) for lines in paragraphs]


def test_wrapped_lines_of_a_box_s_first_item_and_a_sign_off_set_in_are_no_paragraph_indents():
    """A flush page: paragraphs parted by white, a box of bullet items whose wrapped lines
    hang under their text (the box's first line an item), a sign-off set in from the edge
    and wrapped. None of these is a paragraph's indent; read as indents they made the page
    an indented one, where a flush column top carries the paragraph over it on."""
    from broadsheet.layout.blocks import _page_uses_indents

    text = [_line(s, (212, 107 + 15 * k, 282, 117 + 15 * k), 10.0)
            for k, s in enumerate(["土木工程拓展署", "回應指，已收到", "居民意見，會在", "詳細設計階段考", "次維持不變。"])]
    signoff = [_line("●記者 馬嘉欣", (221, 184, 286, 194), 10.0), _line("報道", (271, 199, 291, 209), 10.0)]
    items = [_line("• 檢查門窗是", (403, 99, 467, 109), 10.0), _line("否穩固", (415, 114, 445, 124), 10.0),
             _line("• 準備電筒及", (403, 130, 467, 140), 10.0), _line("後備電池", (415, 145, 455, 155), 10.0)]
    assert not _page_uses_indents([order.Leaf(text + signoff, None), order.Leaf(items, None)])
    indented = [_line(s, (x, 107 + 15 * k, 282, 117 + 15 * k), 10.0)
                for k, (x, s) in enumerate([(232, "土木工程拓展"), (212, "署回應指，已收"), (232, "居民意見，會在"),
                                            (212, "詳細設計階段"), (232, "工程期間，街"), (212, "渡服務將改用")])]
    assert _page_uses_indents([order.Leaf(indented, None)])


def test_a_stop_hung_past_a_cjk_column_s_measure_does_not_widen_it(page, restored):
    """CJK setting may hang a line's closing stop in the margin rather than carry it down.
    Taken for the column's edge, that one line made every full line one character short,
    and a full line ending a sentence (but not its paragraph) ended the paragraph."""
    lines = ["參加導賞的小學生在", "魚排上觀察海膽及海", "星，不時發出驚呼。", "帶隊老師表示，學生", "在課室讀過海洋生態",
             "，但親眼見到，感受", "完全不同。"]
    _write_columns(page, [(40, lines)], 120, 12.5, font="china-t", size=10)
    _write_columns(page, [(40, ["漁農自然護理署表示", "會繼續資助漁民轉型", "，今年已批出約兩千", "萬元，用於改建魚排",
                                "的珊瑚群落造成破壞。"])], 215, 12.5, font="china-t", size=10)
    result = restored()
    paragraphs = [b.string for a in result.articles for b in a.body]
    assert paragraphs[0] == "".join(lines)


def test_a_long_word_with_no_room_on_a_short_line_of_narrow_letters_goes_on_its_paragraph(page, restored):
    """Ragged and flush: "lobbies or given to all staff." stops short on a full stop, and
    "Association" had no room after it. Measured by the short line's narrow letters the
    word seemed to fit, so the line seemed to end its paragraph."""
    page.insert_text((40, 100), "Rooftop hives buzz", fontname="hebo", fontsize=14)
    lines = ["The hives made 900kg of honey, which", "was sold at markets and in building", "lobbies or given to all staff.",
             "Association said", "the bees travel three kilometres."]
    _write_columns(page, [(40, lines)], 120, 11)
    result = restored()
    [story] = result.articles
    assert [b.string for b in story.body] == [" ".join(lines)]


def test_an_address_alone_on_a_line_ends_the_sentence_it_wraps_not_the_story(page, restored):
    """An e-mail address alone on a line reads as a sign-off; after "may be emailed to:" it is
    the sentence's wrapped end, and the paragraph goes on."""
    page.insert_text((40, 100), "Comments invited on new rule", fontname="hebo", fontsize=14)
    lines = ["Requests for approval may be emailed to:", "approvals-desk@example.org.", "The office will answer within",
             "thirty days of receiving them."]
    _write_columns(page, [(40, lines)], 120, 11)
    result = restored()
    [story] = result.articles
    assert story.signoff is None and story.body[0].string == " ".join(lines[:2])


def _dash_led_lines(page, y: float, lines: list[str], dash_font: str, hang: bool) -> float:
    """Lines a dash leads at x 40 (set in ``dash_font``), the text after it at 48; an
    unled line is the item's wrapped line, hung under its text (``hang``) or set back at
    the column's edge, as dialogue wraps."""
    writer = pymupdf.TextWriter(page.rect)  # insert_text would encode the dash as a middle dot
    for text in lines:
        if text.startswith("\u2013 "):
            writer.append((40, y), "\u2013", font=pymupdf.Font(dash_font), fontsize=9)
            writer.append((48, y), text[2:], font=pymupdf.Font("tiro"), fontsize=9)
        else:
            writer.append((48 if hang else 40, y), text, font=pymupdf.Font("tiro"), fontsize=9)
        y += 11
    writer.write_text(page)
    return y


@pytest.mark.parametrize("dash_font, hang", [("helv", False), ("tiro", True)])
def test_dashes_at_one_edge_in_a_face_of_their_own_or_over_hung_lines_lead_list_items(page, restored, dash_font, hang):
    """ReportLab draws a list's bullet (an en dash, say) in its own font, and hangs an
    item's wrapped lines under its text. Either way the dashes lead items, not paragraphs
    run together."""
    page.insert_text((40, 100), "How to save water", fontname="hebo", fontsize=14)
    _dash_led_lines(page, 120, ["\u2013 Take shorter showers", "\u2013 Run dishwashers only", "when they are full",
                                "\u2013 Water gardens after sunset"], dash_font, hang)
    result = restored()
    [box] = result.articles
    assert [(b.kind, b.string) for b in box.body] == [
        ("list_item", "Take shorter showers"), ("list_item", "Run dishwashers only when they are full"),
        ("list_item", "Water gardens after sunset")]


def test_one_dash_in_a_face_of_its_own_over_its_hung_wrapped_line_leads_an_item(page, restored):
    page.insert_text((40, 100), "What readers can expect", fontname="hebo", fontsize=12)
    _dash_led_lines(page, 120, ["\u2013 No fines on", "books, films or magazines"], "helv", True)
    result = restored()
    [box] = result.articles
    assert [(b.kind, b.string) for b in box.body] == [("list_item", "No fines on books, films or magazines")]


def test_an_item_s_last_word_carried_down_for_want_of_room_stays_in_the_item(page, restored):
    """"- Address: 212 Harbour Road" / "Riverside": the item's line stops short and its next
    line opens on a capital, as a paragraph after a list does; but the word had no room."""
    page.insert_text((40, 100), "Night clinic opens", fontname="hebo", fontsize=14)
    _write_columns(page, [(40, ["The clinic said it would open six nights", "a week from Monday."])], 120)
    _dash_led_lines(page, 145, ["\u2013 Hours: 8pm to 6am, Monday", "to Saturday", "\u2013 Address: 212 Harbour Road",
                                "Riverside"], "helv", True)
    page.insert_text((40, 190), "Bookings are not needed.", fontname="tiro", fontsize=9)
    result = restored()
    [story] = result.articles
    assert [(b.kind, b.string) for b in story.body[1:3]] == [
        ("list_item", "Hours: 8pm to 6am, Monday to Saturday"), ("list_item", "Address: 212 Harbour Road Riverside")]


def test_a_box_title_centred_over_two_lines_is_one_headline(page, restored):
    """A box's title set centred, wrapped: its short second line is centred under the first,
    not flush with it, and was taken for a deck."""
    page.draw_rect(pymupdf.Rect(380, 60, 590, 200), color=(0, 0, 0), width=0.8)
    page.insert_text((452.5, 85), "溫習室延長", fontname="china-t", fontsize=13)
    page.insert_text((472, 100), "開放", fontname="china-t", fontsize=13)
    _write_columns(page, [(390, ["● 中央圖書館：至午夜12時", "● 九龍公共圖書館：至晚上11時", "● 沙田公共圖書館：至晚上11時"])],
                   125, 14, font="china-t", size=10)
    result = restored()
    [box] = result.articles
    assert box.headline.string == "溫習室延長開放" and not box.subheadlines


def test_an_indented_paragraph_after_items_whose_marks_stand_apart_is_no_wrapped_item_line(page, restored):
    """Bullets drawn as glyphs of their own at 44, items' text (and its wrapped lines) at 54;
    the paragraph after the list indented an em from the edge, at 49: left of the items'
    text, so not a wrapped line of the last item."""
    page.insert_text((40, 100), "Elm Street to close to cars", fontname="hebo", fontsize=14)
    for y, (x, text) in enumerate([(49, "The council voted 7-2 on Monday to"), (40, "close four blocks to cars at weekends."),
                                   (49, "Opponents said the plan would push"), (40, "traffic into the streets around it."),
                                   (54, "Closure hours: 10am to 9pm"), (54, "Start date: May 2, 2027, on weekends only"),
                                   (49, "The measure will be reviewed"), (40, "after one year.")]):
        page.insert_text((x, 120 + 11 * y), text, fontname="tiro", fontsize=9)
    _write_columns(page, [(44, ["\u25cf", "\u25cf"])], 164, font="china-t")
    result = restored()
    [story] = result.articles
    assert [(b.kind, b.string) for b in story.body[-3:]] == [
        ("list_item", "Closure hours: 10am to 9pm"), ("list_item", "Start date: May 2, 2027, on weekends only"),
        ("paragraph", "The measure will be reviewed after one year.")]


def test_dialogue_a_dash_opens_in_the_text_face_wrapping_to_the_edge_is_no_list(page, restored):
    page.insert_text((40, 100), "A night on the last ferry", fontname="hebo", fontsize=14)
    _dash_led_lines(page, 120, ["\u2013 Is this the last boat tonight? asked a woman", "with two bags.",
                                "\u2013 It is, said the deckhand, and it leaves", "in five minutes."], "tiro", False)
    result = restored()
    assert not [b for a in result.articles for b in a.body if b.kind == "list_item"]


def test_a_middle_dot_in_a_vertical_column_is_text_not_a_list_mark(page, restored):
    """Set vertically a character a line, the middle dot of 一‧五 stands alone on its line
    just left of the column before's character: CJK punctuation, never a list's mark."""
    for column, text in enumerate(("以下各項同時生效", "規定改為一‧五米")):  # read right to left
        for row, ch in enumerate(text):
            page.insert_text((200 - 16 * column, 100 + 14 * row), ch, fontname="china-t", fontsize=12)
    result = restored()
    assert "‧" in "".join(b.string for a in result.articles for b in a.body)
    assert not any(r.reason == "strip_bullet_marker" for r in result.removed)


def test_deck_type_atop_a_later_column_beside_the_storys_own_text_is_a_subhead(page, restored):
    """Under a headline across three columns, the byline and a photo open the first; the
    second column's text starts right under the headline, and level with it, atop the
    third, stands a line in deck type. The story's own text runs level on its left, so
    the story began before it: a subhead, not the headline's deck."""
    page.insert_text((40, 100), "Museum night openings sell out in a week", fontname="hebo", fontsize=22)
    page.insert_text((40, 112), "By Tom Chan", fontname="hebo", fontsize=8)
    page.draw_rect(pymupdf.Rect(40, 118, 200, 230), color=None, fill=(0.6, 0.6, 0.6))
    first = ["Evening tickets to the city museum", "sold out within minutes on each", "night of the first week."]
    second = ["Visitors said the quieter galleries", "made the evening visits better than", "the crowded daytime hours.",
              "Guides said children asked more", "questions at night than by day."]
    third = ["Gift shop sales doubled as well,", "led by postcards of the old maps", "and a jigsaw of the main hall."]
    _write_columns(page, [(40, first)], 244)
    _write_columns(page, [(210, second)], 128)
    page.insert_text((350, 128), "Shop sales soar", fontname="hebo", fontsize=11)
    _write_columns(page, [(350, third)], 144)
    result = restored()
    [story] = result.articles
    assert story.headline.string == "Museum night openings sell out in a week"
    assert story.subheadlines == []
    assert "Shop sales soar" in [b.string for b in story.body if b.kind == "subhead"]


def test_a_paragraph_over_its_storys_sign_off_beyond_the_headlines_width_stays_in_the_story(page, restored):
    """The headline stops short of the story's second column. Its last paragraph, under
    the end of the first column, has no text beside it to follow; the sign-off under it,
    within the headline's width, was already the story's. That sign-off closes the story
    after the paragraph, not before it: the paragraph is the story's, not a headless one."""
    page.insert_text((40, 100), "Harbour ferry fares rise", fontname="hebo", fontsize=22)
    _write_columns(page, [(40, ["Ferry fares will rise by seven per cent from Janu-", "ary, the operator said on Monday, the first rise",
                                "in three years, and the price of a monthly pass", "goes up by the same share."])], 124)
    _write_columns(page, [(250, ["Commuter groups said the rise would hurt island", "families who have no other way to reach work",
                                 "or school, and asked for a cheaper weekly pass."])], 124)
    _write_columns(page, [(250, ["The operator said the new fares would pay for two", "new boats to enter service next summer."])], 172)
    page.insert_text((250, 204), "(END)", fontname="tiro", fontsize=9)
    result = restored()
    [story] = result.articles
    assert len(story.body) == 3 and story.signoff is not None


def test_lines_led_by_drawn_discs_are_list_items_under_their_box_title(page, restored):
    """An HTML renderer paints list discs as shapes, and its synthetic bold names no weight:
    the discs still make items, and the box's first short line still titles it."""
    page.insert_text((72, 100), "Ferry Timetable Changes", fontname="hebo", fontsize=18)
    _write_columns(page, [(72, ["Boats leave every forty minutes from the north pier after nine.",
                                "The last crossing on Fridays and Saturdays is at two in the morning."])], 130, 12)
    page.draw_rect(pymupdf.Rect(66, 170, 330, 240), color=(0, 0, 0), width=0.8)
    page.insert_text((72, 186), "New sailings", fontname="tiro", fontsize=10)
    for i, item in enumerate(("Weekdays 9pm to 1am", "Fridays until 2am", "Single fare 3.50")):
        y = 202 + i * 12
        page.draw_circle((80, y - 3), 1.6, color=None, fill=(0, 0, 0))
        page.insert_text((88, y), item, fontname="tiro", fontsize=9)
    result = restored()
    box = next(a for a in result.articles if any(b.kind == "list_item" for b in a.body))
    assert box.headline is not None and box.headline.string == "New sailings"
    assert [(b.kind, b.string) for b in box.body] == [
        ("list_item", "Weekdays 9pm to 1am"), ("list_item", "Fridays until 2am"), ("list_item", "Single fare 3.50")]
    assert not _covered(result)


def test_a_dateline_row_between_two_rules_is_furniture_and_a_pull_quote_may_join_sentences(page, restored):
    page.insert_text((200, 50), "THE NORTHGATE HERALD", fontname="hebo", fontsize=20)
    page.draw_line((40, 58), (555, 58), width=1.5)
    page.insert_text((40, 68), "Vol. 12 No. 48", fontname="helv", fontsize=7)
    page.insert_text((250, 68), "Saturday, 5 December 2026", fontname="helv", fontsize=7)
    page.insert_text((520, 68), "Page 3", fontname="helv", fontsize=7)
    page.draw_line((40, 72), (555, 72), width=0.5)
    page.insert_text((40, 100), "City approves street tree plan", fontname="hebo", fontsize=20)
    body = ["The council approved the plan on Friday.", "\"Shade is not a luxury,\" said councillor",
            "Amira Haddad. \"On the hottest days it is", "the difference between a street people",
            "use and one they avoid.\" Planting starts", "in April, officials said."]
    _write_columns(page, [(40, body)], 125, 12, font="tiro", size=9)
    page.insert_text((260, 125), "\"Shade is not a luxury. On the", fontname="tiit", fontsize=13)
    page.insert_text((260, 142), "hottest days it is the difference\"", fontname="tiit", fontsize=13)
    result = restored()
    furniture = [b.string for b in result.unassigned if b.kind == "furniture"]
    assert "Saturday, 5 December 2026" in furniture and "Page 3" in furniture
    assert [b.kind for b in result.unassigned if b.string.startswith("\"Shade is not")] == ["pull_quote"]
    assert [a.headline.string for a in result.articles if a.headline] == ["City approves street tree plan"]


@pytest.mark.parametrize("rotation", [0, 90])
def test_a_page_set_to_display_turned_reads_as_it_was_laid_out(page, restored, rotation):
    """/Rotate turns the page for display only; text and drawings keep the unrotated
    coordinates, so the margin bands must be measured in those too."""
    page.insert_text((200, 56), "Lakeside Evening Paper", fontname="hebo", fontsize=16)
    page.draw_line((40, 64), (556, 64), width=1.5)  # 87 % of the page's width, 61 % of its height
    page.insert_text((40, 100), "Night Ferry Service Returns", fontname="hebo", fontsize=20)
    _write_columns(page, [(40, ["The night ferry will run again from Monday, five years after",
                                "the service was cut for lack of passengers, officials said."])], 130, 12)
    page.set_rotation(rotation)
    result = restored()
    assert [a.headline.string for a in result.articles if a.headline] == ["Night Ferry Service Returns"]
    assert [b.string for b in result.unassigned if b.kind == "furniture"] == ["Lakeside Evening Paper"]


def test_a_cut_whose_far_side_is_all_wrapped_tails_is_no_cut(monkeypatch):
    """Found on a Chromium-printed page: the band's far side held only the wrapped tail of
    the line over it, which went up with it, and the XY-cut recursed on the same region
    without end (reported as a damaged page)."""
    items = [_item("Night ferry returns", (0, 0, 200, 12), 10.0), _item("after five years", (0, 30, 120, 42), 10.0)]
    monkeypatch.setattr(order, "_with_wrapped_tails", lambda top, rest: (top + rest, []))
    assert order._cut(items, ([], []), 10.0, set(), 9.0) == [items]


def test_a_rule_closing_a_story_in_its_grid_cell_does_not_cut_the_column_beside_it():
    """Found on Chromium-printed grid pages: the rule under a story in the left cell lay in a
    paragraph gap of the right cell's column, and the cut across it read both cells as rows."""
    left = [_item(f"left {i}", (30, 100 + 12 * i, 380, 110 + 12 * i), 9.0) for i in range(4)]
    left += [_item(f"lower {i}", (30, 170 + 12 * i, 380, 180 + 12 * i), 9.0) for i in range(4)]
    right = [_item(f"right {i}", (400, 100 + 12 * i, 560, 110 + 12 * i), 9.0) for i in range(5)]
    right += [_item(f"more {i}", (400, 170 + 12 * i, 560, 180 + 12 * i), 9.0) for i in range(4)]
    # Under the left story only (two thirds of the width), in the right column's paragraph gap.
    rule = (30.0, 160.0, 380.0, 160.6)
    groups = order._cut(left + right, ([rule], []), 9.0, set(), 8.1)
    # The left cell's two stories, then the right column whole: never the right column in two
    # pieces, each read beside a story of the left cell.
    assert [g[0].line.string for g in groups] == ["left 0", "lower 0", "right 0", "more 0"]


def test_a_byline_over_a_photo_takes_no_caption_line_as_its_column_tail():
    """Found on a Chromium-printed page: a byline and a headline stood over a photo, both
    'stopping mid-sentence', and the caption's last line (in the byline's size) was read as
    the byline's column resumed under the photo."""
    headline = order.Leaf([_line("Rooftop beehives buzz", (34, 100, 300, 126), 26.0),
                           _line("towers", (34, 132, 134, 162), 26.0)], None)
    byline = order.Leaf([_line("By Hannah Moore", (34, 167, 110, 176), 7.5)], None)
    caption = order.Leaf([_line("A beekeeper checks a hive on the roof of an", (34, 303, 117, 312), 7.5),
                          _line("office tower.", (34, 326, 80, 335), 7.5)], None)
    leaves = [headline, byline, caption]
    assert order._columns_resumed_under((34, 180, 130, 300), leaves, 9.5) == leaves


def test_a_narrow_justified_column_cut_into_words_on_every_line_is_read_whole(page, restored):
    """When every line of a narrow justified column is cut at its wide gaps, no single piece
    shows where the column ends; rows of three or more words on one baseline do."""
    page.insert_text((72, 100), "Ferry Timetable Changes", fontname="hebo", fontsize=18)
    rows = [("Boats", "will", "leave"), ("every", "forty", "minutes"), ("from", "the", "pier.")]
    # Gaps of 1.2-1.8 em: wide enough for MuPDF to end a line at each, within justification.
    right = 72 + max(sum(pymupdf.get_text_length(w, fontname="tiro", fontsize=9) for w in r) for r in rows) + 22
    for r, words in enumerate(rows):
        widths = [pymupdf.get_text_length(w, fontname="tiro", fontsize=9) for w in words]
        gap = (right - 72 - sum(widths)) / (len(words) - 1)
        x = 72.0
        for word, w in zip(words, widths):
            page.insert_text((x, 130 + 11 * r), word, fontname="tiro", fontsize=9)
            x += w + gap
    result = restored()
    assert [b.string for b in result.articles[0].body] == ["Boats will leave every forty minutes from the pier."]


def _justify(page, words: list[str], left: float, right: float, y: float, size: float = 9,
             spaces: bool = False) -> None:
    """One row of a justified column: the words spread evenly from ``left`` to ``right``;
    with ``spaces``, each gap's space drawn as a glyph of its own in its middle, as
    WeasyPrint does."""
    widths = [pymupdf.get_text_length(w, fontname="tiro", fontsize=size) for w in words]
    gap = (right - left - sum(widths)) / max(1, len(words) - 1)
    x = left
    for k, (word, w) in enumerate(zip(words, widths)):
        page.insert_text((x, y), word, fontname="tiro", fontsize=size)
        if spaces and k < len(words) - 1:
            page.insert_text((x + w + gap / 2 - 1, y), " ", fontname="tiro", fontsize=size)
        x += w + gap


def test_a_justified_row_whose_spaces_are_drawn_as_glyphs_of_their_own_is_one_line(page, restored):
    """WeasyPrint draws each space of a justified row as a glyph of its own, midway along
    its gap: MuPDF reads a line of one space between the words, which is no reason to
    leave the row in pieces (the pieces set in from the column's left read as indents,
    and a page "marking paragraphs by indents" parted nothing at its short last lines)."""
    page.insert_text((72, 100), "Ferry Timetable Changes", fontname="hebo", fontsize=18)
    rows = [["Ferries", "to", "the", "far"], ["northern", "islands"], ["resume", "on", "Sunday"], ["after", "repairs."],
            ["Conservators", "checked"], ["every", "hull", "twice"], ["before", "the", "first"], ["sailings."]]
    for r, words in enumerate(rows):
        y = 130 + 11 * r
        if words[-1].endswith("."):
            page.insert_text((72, y), " ".join(words), fontname="tiro", fontsize=9)
        else:
            _justify(page, words, 72, 172, y, spaces=True)
    result = restored()
    assert [b.string for b in result.articles[0].body] == [
        "Ferries to the far northern islands resume on Sunday after repairs.",
        "Conservators checked every hull twice before the first sailings."]


def test_in_a_justified_column_a_sentence_stopping_short_of_the_edge_ends_its_paragraph(page, restored):
    """Where the running lines end on the column's edge to the point, a line stopping short
    of it ends a paragraph even when the next word, a long one, would not have fitted in
    the room left: ragged text gives no such sign, and needs the room."""
    page.insert_text((72, 100), "Ferry Timetable Changes", fontname="hebo", fontsize=18)
    rows = [["Ferries", "to", "the", "northern", "islands"], ["resume", "their", "usual", "timetable", "on"],
            ["Sunday", "after", "the", "repairs."], ["Conservators", "checked", "every"],
            ["hull", "twice", "before", "the", "harbour"], ["master", "signed", "off", "the", "sailings."]]
    for r, words in enumerate(rows):
        y = 130 + 11 * r
        if r in (2, 5):  # a paragraph's last line, set flush left at the type's own spacing
            page.insert_text((72, y), " ".join(words), fontname="tiro", fontsize=9)
        else:
            _justify(page, words, 72, 190, y)
    assert 72 + pymupdf.get_text_length("Sunday after the repairs. Conservators", fontname="tiro", fontsize=9) > 190
    result = restored()
    assert [b.string for b in result.articles[0].body] == [
        "Ferries to the northern islands resume their usual timetable on Sunday after the repairs.",
        "Conservators checked every hull twice before the harbour master signed off the sailings."]


# A CJK story in a column eleven characters wide; its first paragraph's last line is a
# character short.
CJK_OPENING = ["渡輪公司昨日宣布，來往", "長洲及梅窩的航線下月起", "加密班次，繁忙時間每二", "十分鐘一班應付需求。"]
CJK_NEXT = ["公司發言人表示，新船將", "於年底前投入服務，票價", "維持不變，長者半價。"]


def test_in_a_cjk_column_a_sentence_a_character_short_of_the_edge_ends_its_paragraph(page, restored):
    """Every running line of the column ends on its edge; one stopping a character short
    on a full stop, with room for the next, ends its paragraph: no indent or white says so."""
    lines = CJK_OPENING + CJK_NEXT
    _write_paragraph(page, 72, 130, lines, 0, leading=13, size=9)
    result = restored()
    assert [b.string for b in result.articles[0].body] == ["".join(lines[:4]), "".join(CJK_NEXT)]


def test_a_cjk_line_a_character_short_over_an_opening_quote_runs_on(page, restored):
    """The quote's opening bracket may not end a line, so it went down with the words it
    opens and left the line above a character short: one paragraph still."""
    quote = ["「新船將於年底前投入服", "務，票價維持不變。」公", "司發言人說。"]
    lines = CJK_OPENING + quote
    _write_paragraph(page, 72, 130, lines, 0, leading=13, size=9)
    result = restored()
    assert [b.string for b in result.articles[0].body] == ["".join(lines)]


def test_a_cjk_line_stopping_on_a_full_stop_with_room_for_a_character_ends_its_paragraph(page, restored):
    """Ragged CJK lines end within a character of the edge; one stopping on a full stop
    with room for a whole character more ends its paragraph, though a Latin line that
    short might just stand over a long word."""
    lines = ["渡輪公司昨日宣布，來往", "長洲的航線由下月起加", "密班次，繁忙時間每二十", "分鐘一班以應付需求。",
             "公司發言人表示，新船將", "於年底前投入服務，票", "價維持不變。"]
    _write_paragraph(page, 72, 130, lines, 0, leading=13, size=9)
    result = restored()
    assert [b.string for b in result.articles[0].body] == ["".join(lines[:4]), "".join(lines[4:])]


def test_a_cjk_paragraph_opening_on_digits_after_a_line_with_room_for_them_is_a_new_one(page, restored):
    """The next paragraph opens on digits run into CJK text (2艘…): what has to fit after
    the short line above is the digits, not the whole unspaced line read as one word."""
    lines = ["渡輪公司昨日宣布，來往", "長洲的航線由下月起加", "密班次，繁忙時間每二", "十分鐘一班應付需求。",
             "2艘新船將於年底前投", "入服務，票價維持不變。"]
    _write_paragraph(page, 72, 130, lines, 0, leading=13, size=9)
    result = restored()
    assert [b.string for b in result.articles[0].body] == ["".join(lines[:4]), "".join(lines[4:])]


def test_a_cjk_headline_broken_at_the_wide_space_between_its_halves_keeps_it(page, restored):
    """A two-part CJK headline broken where its halves meet, at the ideographic space: the
    space ends the first line, and the halves join with it, not run together."""
    page.insert_text((72, 100), "渡輪加密班次\u3000", fontname="china-t", fontsize=20)
    page.insert_text((72, 124), "長洲居民歡迎", fontname="china-t", fontsize=20)
    _write_paragraph(page, 72, 150, CJK_OPENING, 0, leading=13, size=9)
    result = restored()
    assert result.articles[0].headline.string == "渡輪加密班次\u3000長洲居民歡迎"


def test_the_wrapped_lines_of_list_items_are_no_paragraph_indents(page, restored):
    """List items hang their wrapped lines under their text, set in from the column: not
    the page's paragraph indents, which would leave its short last lines parting nothing."""
    page.insert_text((40, 100), "Ferry fares to rise in January", fontname="hebo", fontsize=18)
    _write_columns(page, [(40, ["Ferry fares will rise by seven per cent from January, the",
                                "operator said on Monday.", "Commuter groups said the rise would hurt island",
                                "families who have no other way to reach work."])], 124)
    items = [["Ordinary ferry to 15.90 from", "14.80 on weekdays"], ["Fast ferry to 28.40 from", "26.50 at all hours"]]
    y = 180
    for item in items:
        page.draw_circle((44, y - 3), 1.6, color=None, fill=(0, 0, 0))
        _write_columns(page, [(52, item)], y)
        y += 24
    page.insert_text((40, y), "(Reporting by Tom Chan)", fontname="tiro", fontsize=9)
    result = restored()
    [story] = result.articles
    assert [b.kind for b in story.body] == ["paragraph", "paragraph", "list_item", "list_item"]


def test_a_sentence_over_white_a_few_points_deeper_than_the_leading_ends_its_paragraph(page, restored):
    """Paragraphs set apart by two points more than the leading, in a narrow column where
    the next word would not fit after the short line: the sentence end over the deeper
    white parts them; the same white under a line running on does not."""
    page.insert_text((72, 100), "Ferry Timetable Changes", fontname="hebo", fontsize=18)
    first = ["Ferries to the", "northern islands", "resume on Sunday", "after repairs."]
    second = ["Conservators", "checked every hull", "twice before the", "first sailings."]
    _write_columns(page, [(72, first)], 130, leading=15)
    _write_columns(page, [(72, second)], 130 + 4 * 15 + 2, leading=15)
    result = restored()
    assert [b.string for b in result.articles[0].body] == [" ".join(first), " ".join(second)]


def test_rows_of_a_justified_column_spread_to_its_measure_are_one_line_however_wide_the_gaps(page, restored):
    """A narrow justified column of long words spreads a row's few gaps to two, four ems,
    more than the white between columns. Such a row still starts and ends where the
    column's other lines do (or an indent right of where they start), so it is one
    printed line. Read as pieces, the words set in from the column's left looked like
    indents, and on a page "marking paragraphs by indents" the short last line that ends
    a paragraph here parted nothing."""
    page.insert_text((72, 100), "Ferry Timetable Changes", fontname="hebo", fontsize=18)
    rows = [["Ferries", "to", "the", "far"], ["northern", "islands"], ["resume", "on", "Sunday"], ["after", "repairs."],
            ["Conservators", "checked"], ["every", "hull", "twice"], ["before", "the", "first"], ["sailings."]]
    for r, words in enumerate(rows):
        y = 130 + 11 * r
        if words[-1].endswith("."):  # a paragraph's short last line, set flush left
            page.insert_text((72, y), " ".join(words), fontname="tiro", fontsize=9)
        else:  # the second paragraph's first row indented
            _justify(page, words, 84 if words[0] == "Conservators" else 72, 172, y)
    result = restored()
    assert [b.string for b in result.articles[0].body] == [
        "Ferries to the far northern islands resume on Sunday after repairs.",
        "Conservators checked every hull twice before the first sailings."]


# -- bench --------------------------------------------------------------------

def test_bench_pdf_times_get_text_and_restore_on_the_same_pages(three_column, tmp_path, capsys):
    path, _expected = three_column
    folder = tmp_path / "pdfs"
    folder.mkdir()
    (folder / "three_column.pdf").write_bytes(path.read_bytes())
    newspage.build_multipage_pdf(folder / "multipage.pdf", pages=3)
    code, out, _err = _cli(capsys, "bench", "--pdf", str(folder), "--repeat", "1", "--json")
    assert code == 0
    result = json.loads(out)
    assert (result["files"], result["pages"], result["repeat"]) == (2, 4, 1)
    for side in ("get_text", "restore"):
        assert result[side]["seconds"] >= 0 and result[side]["pages_per_second"] > 0
    assert result["ratio"] > 0 and result["median_run_ratio"] > 0
    code, out, _err = _cli(capsys, "bench", "--pdf", str(folder / "multipage.pdf"), "--repeat", "1")
    assert code == 0 and "3 pages in 1 PDF file(s)" in out and "restore/get_text time" in out


def _redrawn_run_by_run(page, x: float, y: float, words: list[str], size: float, per_writer: bool) -> None:
    """Each run of two words drawn from the start of the run before's last word, the way a
    shadow drawn run by run comes out of some producers: every word but the ends twice."""
    font = pymupdf.Font("helv")
    starts, pos = [], x
    for word in words:
        starts.append(pos)
        pos += font.text_length(word + " ", fontsize=size)
    writer = pymupdf.TextWriter(page.rect)
    for k in range(len(words) - 1):
        if per_writer:
            writer = pymupdf.TextWriter(page.rect)
        writer.append((starts[k], y), f"{words[k]} {words[k + 1]} ", font=font, fontsize=size)
        if per_writer:
            writer.write_text(page)
    if not per_writer:
        writer.write_text(page)


@pytest.mark.parametrize("per_writer", [True, False], ids=["run per text object", "runs in one text object"])
def test_a_headline_redrawn_run_by_run_reads_once(page, restored, per_writer):
    words = "Storm cuts power to homes".split()
    _redrawn_run_by_run(page, 72, 100, words, 20, per_writer)
    page.insert_text((72, 130), "High winds brought down trees and power lines overnight.", fontname="helv", fontsize=9)
    page.insert_text((72, 141), "Crews expect to restore every home by the evening.", fontname="helv", fontsize=9)
    result = restored()
    assert [a.headline.string for a in result.articles if a.headline] == ["Storm cuts power to homes"]
    dropped = [r.text.strip() for r in result.removed if r.reason == "duplicate_glyph"]
    assert sorted(dropped) == sorted(["cuts", "power", "to"])


def test_bullets_set_in_a_dingbat_font_open_list_items(page, restored):
    """ZapfDingbats' "n" is a square: read as the letter it would open no list item."""
    page.insert_text((72, 100), "What changes on Monday", fontname="hebo", fontsize=18)
    page.insert_text((72, 125), "The council listed three changes for the riverside market.", fontname="helv", fontsize=9)
    items = ["Stalls open at seven", "Parking moves to Quay Street", "Dogs stay on a lead"]
    for k, item in enumerate(items):
        y = 145 + 14 * k
        page.insert_text((72, y), "n", fontname="zadb", fontsize=7)
        page.insert_text((84, y), item, fontname="helv", fontsize=9)
    result = restored()
    listed = [b.string for a in result.articles for b in a.body if b.kind == "list_item"]
    assert listed == items
    mapped = [(r.text, r.replacement) for r in result.removed if r.reason == "map_dingbat_bullets"]
    assert mapped == [("n", "•")] * 3


def test_a_headline_redrawn_in_runs_keeps_its_undrawn_full_width_space(tmp_path):
    """Runs drawn again from a character back, and a full-width space that prints no glyph:
    the two halves of the headline are still one headline, the space put back."""
    path = tmp_path / "cjk_runs.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    size = 20.0
    x0, y = 72.0, 100.0
    # (cell, text): each run starts again a character back, 2 pt to the right (as a
    # shadow drawn run by run is); cell 4, the full-width space, is never drawn.
    runs = [(0, "渡輪加"), (2, "加價"), (5, "乘客"), (6, "客排隊")]
    for k, (cell, text) in enumerate(runs):
        page.insert_text((x0 + cell * size + (2.0 if k % 2 else 0.0), y), text, fontname="china-t", fontsize=size)
    page.insert_text((72, 130), "渡輪公司昨日宣布下月起加價兩成，早上碼頭已有不少乘客排隊買票。", fontname="china-t", fontsize=10)
    doc.save(path)
    from broadsheet.layout.dedupe import find_duplicate_glyphs
    from broadsheet.layout.extract import read_page_text
    from broadsheet.layout.lines import build_lines

    with pymupdf.open(path) as reopened:
        text = read_page_text(reopened[0], 1)
        lines, _styles = build_lines(text, find_duplicate_glyphs(text))
    assert [line.string for line in lines if line.size == size] == ["渡輪加價\u3000乘客排隊"]
    result = restore_pdf(path).pages[0]
    assert [a.headline.string for a in result.articles if a.headline] == ["渡輪加價\u3000乘客排隊"]


def test_a_masthead_date_in_large_type_is_furniture_not_a_headline(page, restored):
    page.insert_text((72, 140), "Lunedì 3 marzo 2025", fontname="helv", fontsize=15)
    page.insert_text((72, 190), "Il ponte riapre dopo i lavori", fontname="hebo", fontsize=22)
    body = ["Il vecchio ponte sul fiume riapre oggi al traffico dopo otto mesi",
            "di lavori. Il comune ha rifatto il fondo stradale e le ringhiere,",
            "e da domani passeranno anche gli autobus della linea quattro."]
    _write_columns(page, [(72, body)], 220, 13, font="helv", size=10)
    result = restored()
    assert [a.headline.string for a in result.articles if a.headline] == ["Il ponte riapre dopo i lavori"]
    assert [(b.kind, b.string) for b in result.unassigned] == [("furniture", "Lunedì 3 marzo 2025")]


def test_a_credit_set_up_a_photos_edge_is_its_credit(page, restored):
    page.insert_text((72, 90), "Flood waters reach the old town", fontname="hebo", fontsize=20)
    photo = pymupdf.Rect(72, 110, 372, 300)
    page.draw_rect(photo, color=(0.4, 0.4, 0.4), fill=(0.6, 0.6, 0.6))
    page.insert_text((376, 296), "Anna Berti / Agency", fontname="helv", fontsize=5, rotate=90)
    page.insert_text((72, 314), "A street under water in the old town on Sunday.", fontname="helv", fontsize=8)
    body = "Heavy rain flooded the lower streets of the old town overnight, and shops stayed shut on Sunday."
    page.insert_text((72, 334), body, fontname="helv", fontsize=9)
    result = restored()
    assert [a.headline.string for a in result.articles if a.headline] == ["Flood waters reach the old town"]
    credits = [c.credit.string for a in result.articles for c in a.captions if c.credit is not None]
    assert credits == ["Anna Berti / Agency"]


def test_an_agency_credit_printed_in_a_wide_photos_corner_is_its_captions_credit(page, restored):
    """The credit names an agency (a credit by its words), printed inside the photo's
    bottom right corner, far along the row from the caption set under the photo's left."""
    page.insert_text((72, 90), "馬拉松冒雨起步", fontname="china-t", fontsize=20)
    photo = pymupdf.Rect(72, 110, 472, 300)
    page.draw_rect(photo, color=(0.4, 0.4, 0.4), fill=(0.6, 0.6, 0.6))
    page.insert_text((448, 296), "美聯社", fontname="china-t", fontsize=6)
    page.insert_text((72, 314), "跑手冒雨在大橋上奔跑。", fontname="china-t", fontsize=8)
    _write_paragraph(page, 72, 336, ["一年一度的城市馬拉松昨日清晨舉行，約三萬名跑手參加。"], 20)
    result = restored()
    assert [(c.string, c.credit.string if c.credit else None) for a in result.articles for c in a.captions] == [
        ("跑手冒雨在大橋上奔跑。", "美聯社")]
    assert not [b for b in result.unassigned if b.kind == "credit"]


@pytest.mark.parametrize("byline", ["di Marta Rinaldi", "par Claire Dubois", "von Jonas Weber"])
def test_a_byline_in_another_european_language_is_a_byline(page, restored, byline):
    page.insert_text((72, 90), "La piazza torna ai pedoni", fontname="hebo", fontsize=20)
    page.insert_text((72, 112), byline, fontname="hebo", fontsize=12)
    page.insert_text((72, 130), "Il consiglio ha votato ieri la chiusura della piazza al traffico.", fontname="helv", fontsize=9)
    result = restored()
    assert [(a.headline.string, a.byline.string if a.byline else None) for a in result.articles] == [
        ("La piazza torna ai pedoni", byline)]


def test_a_title_centred_over_two_columns_in_body_type_is_the_headline(page, restored):
    page.insert_text((270, 80), "老码头", fontname="china-s", fontsize=10)
    page.insert_text((275, 104), "林舟", fontname="china-s", fontsize=10)
    left = "江边的老码头在清晨最安静，渡船还没有开，卖早点的小摊已经支起了炉子，热气从锅里慢慢升起来。"
    right = "等到七点钟，第一班渡船靠岸，赶着上班的人一下子涌上台阶，码头又变回了平日里热闹的样子。"
    for k in range(0, len(left), 16):
        page.insert_text((90, 130 + k // 16 * 14), left[k:k + 16], fontname="china-s", fontsize=10)
    for k in range(0, len(right), 16):
        page.insert_text((320, 130 + k // 16 * 14), right[k:k + 16], fontname="china-s", fontsize=10)
    result = restored()
    headed = [(a.headline.string, [d.string for d in a.subheadlines]) for a in result.articles if a.headline]
    assert headed == [("老码头", ["林舟"])]


def _ocr_layer(page, x: float, y: float, text: str, size: float) -> None:
    """An OCR pass's searchable copy: each word invisible (render mode 3) in Helvetica,
    stretched to the printed word's width, a little low and a hair to the side."""
    printed, ocr = pymupdf.Font("tiro"), pymupdf.Font("helv")
    writer = pymupdf.TextWriter(page.rect)
    start = 0
    for word in text.split(" "):
        left = x + printed.text_length(text[:start], size)
        scale = printed.text_length(word, size) / ocr.text_length(word, size)
        writer.append((left + 0.2, y + 0.5), word, font=ocr, fontsize=round(size * scale, 2))
        start += len(word) + 1
    writer.write_text(page, render_mode=3)


def test_an_invisible_ocr_copy_of_visible_text_is_removed_and_a_scans_own_layer_kept(tmp_path):
    body = ["Harbour ferries will run every twenty minutes", "from the first of March, the operator said,",
            "after a winter of complaints about crowding."]
    path = tmp_path / "ocr_layer.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 90), "Ferries to run more often", fontname="tiro", fontsize=20)
    _write_columns(page, [(72, body)], 120, 12, font="tiro", size=9)
    _ocr_layer(page, 72, 90, "Ferries to run more often", 20)
    for i, text in enumerate(body):
        _ocr_layer(page, 72, 120 + i * 12, text, 9)
    scan = doc.new_page()  # a scan's only text is its invisible layer: nothing to drop
    _ocr_layer(scan, 72, 120, body[0], 9)
    doc.save(path)
    printed, scanned = restore_pdf(path).pages
    article = printed.articles[0]
    assert article.headline.string == "Ferries to run more often"
    assert [b.string for b in article.body] == [" ".join(body)]
    copies = [r for r in printed.removed if r.reason == "invisible_copy"]
    assert " ".join(r.text for r in copies).split() == "Ferries to run more often".split() + " ".join(body).split()
    assert all(r.bbox is not None and r.page == 1 for r in copies)
    assert not _covered(printed)
    assert [b.string for a in scanned.articles for b in a.blocks()] == [body[0]]
    assert not scanned.removed


def _brief_column(page, x: float, label: str | None, items: list[tuple[list[str], list[str]]], rules: bool) -> None:
    """A news-in-brief column: each item's headline in bold at text size, its text run in on
    the headline's last line; items parted by a short centred hairline or by white."""
    y = 80.0
    if label:
        page.insert_text((x, y), label, fontname="hebo", fontsize=9)
        page.draw_line((x, y + 4), (x + 130, y + 4), width=0.6)
        y += 20
    for n, (head, text) in enumerate(items):
        if n and rules:
            page.draw_line((x + 40, y - 9), (x + 90, y - 9), width=0.4)
        for k, part in enumerate(head):
            page.insert_text((x, y), part, fontname="hebo", fontsize=9)
            if k == len(head) - 1:
                page.insert_text((x + pymupdf.Font("hebo").text_length(part, 9) + 4, y), text[0], fontname="tiro", fontsize=9)
            y += 11
        for part in text[1:]:
            page.insert_text((x, y), part, fontname="tiro", fontsize=9)
            y += 11
        y += 14


BRIEFS = [
    (["Reservoirs fall to lowest", "level in a decade"], ["Water", "levels at the three main reservoirs", "dropped to 38 per cent after the", "driest autumn on record."]),
    (["Rooftop bees buzz"], ["Forty-two", "office towers now keep hives on", "their roofs, up from five in 2020."]),
    (["Night buses return"], ["Three", "routes will run all night again from", "Friday, the transport office said."]),
]


@pytest.mark.parametrize("rules", [True, False])
def test_headlines_run_in_to_their_items_under_a_column_label(page, restored, rules):
    _brief_column(page, 40, "AROUND THE REGION", BRIEFS, rules)
    result = restored()
    assert [(a.headline.string, [b.string for b in a.body]) for a in result.articles] == [
        (" ".join(head), [" ".join(text)]) for head, text in BRIEFS]
    assert [b.string for b in result.unassigned if b.kind == "furniture"] == ["AROUND THE REGION"]
    assert not _covered(result)


def test_bold_words_opening_a_line_inside_a_paragraph_are_no_headline(page, restored):
    page.insert_text((40, 60), "Council backs new cycle lanes", fontname="hebo", fontsize=20)
    lines = [("The council voted on Tuesday to build", None), ("six new cycle lanes by", "next spring, said"),
             ("the mayor, who called it overdue.", None)]
    for i, (plain, after) in enumerate(lines):
        y = 90 + i * 11
        if after is None:
            page.insert_text((40, y), plain, fontname="tiro", fontsize=9)
        else:
            page.insert_text((40, y), plain, fontname="hebo", fontsize=9)
            page.insert_text((40 + pymupdf.Font("hebo").text_length(plain, 9) + 3, y), after, fontname="tiro", fontsize=9)
    result = restored()
    assert [a.headline.string for a in result.articles] == ["Council backs new cycle lanes"]
    assert "six new cycle lanes by next spring, said" in [b.string for b in result.articles[0].body]


def test_bold_titles_wrapped_over_three_lines_under_a_column_label_head_their_items(page, restored):
    x, y = 40.0, 80.0
    page.insert_text((x, y), "IN BRIEF", fontname="hebo", fontsize=9)
    page.draw_line((x, y + 4), (x + 110, y + 4), width=0.6)
    y += 20
    for head, text in BRIEFS:
        for part in (*head, "across the county") if len(head) == 2 else (head[0], "in the old town", "this weekend"):
            page.insert_text((x, y), part, fontname="hebo", fontsize=9.5)
            y += 11
        for part in text[1:]:
            page.insert_text((x + 8 if part is text[1] else x, y), part, fontname="tiro", fontsize=9)
            y += 11
        y += 12
    result = restored()
    assert [a.headline.string.split()[:2] for a in result.articles] == [head[0].split()[:2] for head, _text in BRIEFS]
    assert [b.string for b in result.unassigned if b.kind == "furniture"] == ["IN BRIEF"]


def test_a_headline_under_its_story_takes_the_column_that_starts_level_after_another_story_signs_off(page, restored):
    """Two stories one above the other; the lower one's headline is set under its text and
    is narrower than its two columns. Its second column starts level with its byline, under
    the sign-off that closes the story above, so it is still the lower story's."""
    page.insert_text((40, 70), "Museum reopens its great hall", fontname="tibo", fontsize=20)
    upper_left = ["The great hall reopened on Saturday", "after two years of repairs to its", "glass roof and its tiled floor.",
                  "Visitors queued from early morning,", "and the first thousand were let in", "free of charge, the museum said."]
    upper_right = ["The repairs cost less than planned,", "the director told reporters."]
    _write_columns(page, [(40, upper_left), (190, upper_right)], 92, 11, font="tiro", size=9)
    page.insert_text((190, 92 + 2 * 11 + 4), "(Additional reporting by Ann Lee)", fontname="hebo", fontsize=8)
    page.insert_text((40, 180), "By Sam Ortiz", fontname="hebo", fontsize=8)
    lower_left = ["Gales brought down trees and power", "lines across the valley overnight,", "leaving homes without electricity."]
    lower_right = ["Crews worked through the night, and", "most homes had power by noon,", "the utility said on Sunday."]
    _write_columns(page, [(40, lower_left)], 192, 11, font="tiro", size=9)
    _write_columns(page, [(190, lower_right)], 180, 11, font="tiro", size=9)
    page.insert_text((40, 240), "Gales cut power", fontname="tibo", fontsize=16)
    result = restored()
    lower = next(a for a in result.articles if a.headline and a.headline.string.startswith("Gales"))
    text = " ".join(b.string for b in lower.body)
    assert "Crews worked through the night" in text and "Gales brought down trees" in text
    upper = next(a for a in result.articles if a.headline and a.headline.string.startswith("Museum"))
    assert "Crews worked" not in " ".join(b.string for b in upper.body)


def test_a_narrow_paragraph_opening_with_reporter_and_two_more_characters_is_no_byline(page, restored):
    """``记者从农业农`` alone on a narrow column's first line looks like 记者 + a name; the
    paragraph it opens does not read as a byline."""
    page.insert_text((40, 60), "江边新建湿地公园开放", fontname="china-s", fontsize=18)
    lines = ["记者从园林部", "门获悉，江边", "新建的湿地公", "园昨日起对市", "民免费开放。"]
    _write_columns(page, [(40, lines)], 90, 13, font="china-s", size=9)
    result = restored()
    article = result.articles[0]
    assert article.byline is None
    assert [b.kind for b in article.body] == ["paragraph"] and article.body[0].string == "".join(lines)


def test_a_reporters_name_run_into_the_first_line_is_the_byline_on_a_pdf_too(page, restored):
    page.insert_text((40, 60), "地铁新线下月开通", fontname="china-s", fontsize=18)
    lines = ["本报记者　孙晓梅市轨道交通", "集团昨天宣布，地铁九号线一", "期工程将于下月开通试运营，", "全长二十一公里。"]
    _write_columns(page, [(40, lines)], 90, 13, font="china-s", size=9)
    article = restored().articles[0]
    assert article.byline is not None and article.byline.string == "本报记者　孙晓梅"
    assert article.body[0].string.startswith("市轨道交通集团昨天宣布")


def test_a_headline_under_its_story_takes_the_text_above_a_photo_set_across_the_story(page, restored):
    upper = [["Rents in the city rose again last", "month, the housing board said,", "the fastest pace in five years."],
             ["Tenant groups asked for a cap on", "rises, and landlords said costs", "had gone up for them as well."]]
    lower = [["A typical flat now costs more", "than a third of a nurse's pay."], ["The minister is due to answer", "calls for a cap next week."]]
    _write_columns(page, [(40 + col * 170, lines) for col, lines in enumerate(upper)], 60)
    page.draw_rect(pymupdf.Rect(40, 92, 370, 200), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((40, 210), "New flats in the inner suburbs. Reuters", fontname="hebo", fontsize=7)
    _write_columns(page, [(40 + col * 170, lines) for col, lines in enumerate(lower)], 224)
    page.insert_text((40, 262), "Renters face the steepest rise in years", fontname="tibo", fontsize=18)
    result = restored()
    assert [a.headline.string if a.headline else None for a in result.articles] == ["Renters face the steepest rise in years"]
    body = " ".join(b.string for b in result.articles[0].body)
    assert body.startswith("Rents in the city rose again") and "next week." in body


def test_a_headline_beside_its_photo_heads_the_text_under_the_photo_not_the_story_above(page, restored):
    """A headline set level beside a photo, nothing under it, heads the text under the photo
    and the photo's caption; the story above, whose column ends over the headline, keeps its
    own text."""
    page.insert_text((40, 60), "Night buses to run all week", fontname="tibo", fontsize=18)
    upper = [["The city will run night buses", "on every day of the week from", "March, the transport office said."],
             ["Riders had asked for the change", "for years, and the council agreed", "to pay for it from parking fees."]]
    _write_columns(page, [(40 + col * 170, lines) for col, lines in enumerate(upper)], 84)
    page.draw_rect(pymupdf.Rect(40, 130, 330, 240), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((346, 144), "Reservoirs fall", fontname="tibo", fontsize=16)
    page.insert_text((346, 162), "to a ten-year low", fontname="tibo", fontsize=16)
    page.insert_text((40, 250), "The dry bed of the north reservoir.", fontname="helv", fontsize=7)
    lower = [["Water in the three reservoirs", "fell to a third of capacity after", "the driest autumn on record."],
             ["The water office asked homes to", "cut their use by a tenth and said", "hoses may be banned in May."]]
    _write_columns(page, [(40 + col * 150, lines) for col, lines in enumerate(lower)], 266)
    result = restored()
    by_headline = {a.headline.string if a.headline else None: a for a in result.articles}
    assert set(by_headline) == {"Night buses to run all week", "Reservoirs fall to a ten-year low"}
    reservoirs = by_headline["Reservoirs fall to a ten-year low"]
    text = " ".join(b.string for b in reservoirs.body)
    assert text.startswith("Water in the three reservoirs") and "hoses may be banned in May." in text
    assert "night buses" not in text and "parking fees" not in text
    assert [c.string for c in reservoirs.captions] == ["The dry bed of the north reservoir."]
    buses = " ".join(b.string for b in by_headline["Night buses to run all week"].body)
    assert "parking fees." in buses


def test_a_column_stopping_at_a_photo_under_two_stories_goes_on_at_its_next_column(page, restored):
    """A photo across the page under two stories side by side is in the middle of neither:
    a column stopping mid-sentence over it goes on at the top of its story's next column,
    not in the text under the photo."""
    page.insert_text((40, 60), "Night market reopens", fontname="tibo", fontsize=18)
    page.insert_text((320, 60), "Lantern show draws crowds", fontname="tibo", fontsize=18)
    columns = [
        (40, ["The night market reopened on", "Saturday with four hundred", "stalls, and from next week"]),
        (180, ["the stalls will open at six", "every evening, the market", "committee said on Sunday."]),
        (320, ["The lantern show ended last", "night after five days, with", "about a hundred thousand"]),
        (460, ["visitors in all, twice the", "number of last year, and the", "organisers said they would"]),
    ]
    _write_columns(page, columns, 84)
    page.draw_rect(pymupdf.Rect(40, 124, 560, 260), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((40, 270), "Lanterns in the park on Friday.", fontname="helv", fontsize=7)
    under = [(40, ["bring the show back next", "year, with a third venue."]),
             (180, ["The lanterns were made from", "bottles and boxes this year."])]
    _write_columns(page, under, 286)
    result = restored()
    market = next(a for a in result.articles if a.headline and a.headline.string == "Night market reopens")
    text = " ".join(b.string for b in market.body)
    assert "from next week the stalls will open at six" in text
    assert "from next week bring the show" not in text


def test_a_sign_off_wrapped_to_the_next_column_closes_its_bracket_there(page, restored):
    page.insert_text((40, 60), "Bridge repairs finish early", fontname="tibo", fontsize=18)
    first = ["The repairs to the river bridge", "finished a week early, and the", "road opens again on Monday.",
             "The works cost less than planned,", "the roads office said on Friday."]
    _write_columns(page, [(40, first)], 84, 11, font="tiro", size=9)
    page.insert_text((40, 84 + 5 * 11 + 4), "(Additional reporting by", fontname="hebo", fontsize=8)
    page.insert_text((200, 84), "Mia Ross)", fontname="hebo", fontsize=8)
    article = restored().articles[0]
    assert article.signoff is not None and article.signoff.string == "(Additional reporting by Mia Ross)"
    assert all("Mia Ross" not in b.string for b in article.body)


def test_bold_lines_in_a_rail_beside_a_byline_title_its_story_at_text_size(page, restored):
    stories = [
        (40, ["Students fly", "their own", "satellite"], "By Ann Lee",
         ["A satellite the size of a shoebox,", "built by students at the city", "university, passed its last test",
          "on Tuesday and will fly in spring.", "The team spent three years on it."]),
        (300, ["Girl, 11,", "wins chess", "title"], "By Tom Chan",
         ["An eleven-year-old from the city", "won the national chess title on", "Sunday, the youngest winner in",
          "the event's history, with seven", "wins and two draws in nine games."]),
    ]
    for x, title, byline, text in stories:
        _write_columns(page, [(x, title)], 80, 12, font="hebo", size=10)
        page.insert_text((x + 70, 80), byline, fontname="hebo", fontsize=9)
        _write_columns(page, [(x + 70, text)], 94, 11, font="tiro", size=9.5)
    result = restored()
    got = {a.headline.string if a.headline else None: (a.byline.string if a.byline else None) for a in result.articles}
    assert got == {"Students fly their own satellite": "By Ann Lee", "Girl, 11, wins chess title": "By Tom Chan"}


def test_a_pull_quote_of_a_sentence_split_between_two_blocks_apart_is_set_aside(page, restored):
    """The quoted sentence starts at the foot of one column and goes on at the top of a
    column read later, other text read in between: the big type is still a pull quote."""
    page.insert_text((40, 60), "Village doctor keeps going at 70", fontname="tibo", fontsize=18)
    columns = [
        (40, ["The doctor visits every home in", "the valley twice a week, on foot", "when the road is closed. He carries"]),
        (200, ["The clinic opened in 1990 and", "has one room, one bed and a", "stove for the winter months."]),
        (360, ["a small notebook with each", "patient's readings, and knows", "every family by name."]),
    ]
    _write_columns(page, columns, 84)
    quote = ["He carries a small notebook", "with each patient's readings"]
    _write_columns(page, [(360, quote)], 140, 16, font="tiit", size=13)
    result = restored()
    assert [a.headline.string for a in result.articles if a.headline] == ["Village doctor keeps going at 70"]
    assert [b.kind for b in result.unassigned] == ["pull_quote"]


def test_text_under_a_rule_running_level_into_a_story_to_its_right_is_that_storys_dogleg(page, restored):
    """A row of columns under the rule that closes one story, running on level into the
    columns of the story to its right, is that story turned under its neighbour: it joins
    that story, read after the story's text above its level, and not the story over it."""
    page.insert_text((40, 60), "Cup final goes to penalties", fontname="tibo", fontsize=14)
    page.insert_text((40, 78), "By Sam Hill", fontname="hebo", fontsize=8)
    _write_columns(page, [(40, ["The cup final was settled on", "penalties after a goalless two", "hours, the home side winning."])],
                   92, 11, font="tiro", size=9)
    page.draw_line((40, 130), (300, 130), color=(0, 0, 0), width=0.6)
    page.insert_text((320, 60), "Library ends late fines", fontname="tibo", fontsize=18)
    page.insert_text((320, 78), "By Ann Lee", fontname="hebo", fontsize=8)
    right = [(320, ["The city library stopped charging", "late fees six months ago, and", "four thousand books came back."]),
             (460, ["One guide to roses was returned", "thirty years late with a note", "saying sorry for the delay."])]
    _write_columns(page, right, 92)
    _write_columns(page, [(320, ["The fines brought in little money", "and kept many readers away."])],
                   142, 11, font="tiro", size=9)
    dogleg = [(40, ["The head librarian said members", "had risen by a tenth since May,"]),
              (180, ["and that the fines had cost more", "to collect than they brought in."])]
    _write_columns(page, dogleg, 142)
    result = restored()
    by_headline = {a.headline.string: a for a in result.articles if a.headline}
    library, cup = by_headline["Library ends late fines"], by_headline["Cup final goes to penalties"]
    assert library.byline is not None and library.byline.string == "By Ann Lee"
    text = " ".join(b.string for b in library.body)
    assert "head librarian" in text and "head librarian" not in " ".join(b.string for b in cup.body)
    assert text.index("delay.") < text.index("The head librarian")


def test_a_headline_line_the_column_cut_set_apart_rejoins_its_headline():
    """A two-line headline beside a rail can be cut between its lines: the second line, in
    the same type right under the first, is the same headline; a headline further down is not."""
    from broadsheet.layout.blocks import HEADLINE, LayoutBlock, join_wrapped_headlines
    first = LayoutBlock(HEADLINE, [_line("Old tram depot turns into", (40, 60, 330, 86), 24)], 24, True, None, 0)
    second = LayoutBlock(HEADLINE, [_line("a covered food market", (40, 84, 290, 110), 24)], 24, True, None, 3)
    other = LayoutBlock(HEADLINE, [_line("Bridge works to close a lane", (40, 300, 330, 326), 24)], 24, True, None, 5)
    smaller = LayoutBlock(HEADLINE, [_line("Night buses return", (40, 326, 250, 344), 16)], 16, True, None, 6)
    kept = join_wrapped_headlines([first, second, other, smaller])
    assert kept == [first, other, smaller]
    assert [ln.string for ln in first.lines] == ["Old tram depot turns into", "a covered food market"]
    assert first.bbox == (40, 60, 330, 110)


def test_the_rest_of_a_titles_row_cut_off_at_the_white_between_its_words_rejoins_it():
    """A title wrapped in a narrow column, its second row parted at the white between two
    phrases: the cut read the row's right piece apart, but it goes on along the title's last
    row, within its measure. A title in the next column, level with it, is another story's."""
    from broadsheet.layout.blocks import HEADLINE, LayoutBlock, join_wrapped_headlines
    head = LayoutBlock(HEADLINE, [_line("舊廠房改建成為", (485, 488, 561, 498), 9.5),
                                  _line("美食廣場", (485, 503, 523, 513), 9.5)], 9.5, True, None, 0)
    rest = LayoutBlock(HEADLINE, [_line("週末人流", (533, 503, 561, 513), 9.5),
                                  _line("回升", (485, 519, 504, 529), 9.5)], 9.5, True, None, 2)
    beside = LayoutBlock(HEADLINE, [_line("海灣渡輪加開", (571, 488, 647, 498), 9.5),
                                    _line("夜航班次", (571, 503, 609, 513), 9.5)], 9.5, True, None, 4)
    kept = join_wrapped_headlines([head, rest, beside])
    assert kept == [head, beside]
    assert [ln.string for ln in head.lines] == ["舊廠房改建成為", "美食廣場", "週末人流", "回升"]


def test_larger_type_under_a_headline_heads_its_own_story_unless_a_word_or_two_stands_over_it():
    from broadsheet.layout.articles import _stack_headlines
    from broadsheet.layout.blocks import HEADLINE, LayoutBlock
    footing = LayoutBlock(HEADLINE, [_line("Local film passes a hundred million", (40, 300, 380, 318), 17)], 17, True, None, 0)
    next_story = LayoutBlock(HEADLINE, [_line("Water bills to rise for the first time", (40, 330, 420, 352), 21)], 21, True, None, 1)
    deck = LayoutBlock(HEADLINE, [_line("Households to pay about 12 dollars more", (40, 356, 330, 370), 14)], 14, True, None, 2)
    kicker = LayoutBlock(HEADLINE, [_line("Floods", (40, 500, 100, 514), 14)], 14, True, None, 3)
    lead = LayoutBlock(HEADLINE, [_line("River bursts its banks in the old town", (40, 518, 430, 540), 22)], 22, True, None, 4)
    stacked = _stack_headlines([footing, next_story, deck, kicker, lead], [])
    assert id(next_story) not in stacked
    assert stacked[id(deck)] is next_story
    assert stacked[id(kicker)] is lead and id(lead) not in stacked


def test_a_kicker_underlined_by_a_rule_across_its_column_still_tops_the_headline_under_it():
    """A label in smaller type over a rule across the column, the headline under the rule:
    the rule underlines the label, so the label is the headline's kicker, not a story of its
    own. A rule further under a larger headline still parts it from the one below."""
    from broadsheet.layout.articles import _stack_headlines
    from broadsheet.layout.blocks import HEADLINE, LayoutBlock
    kicker = LayoutBlock(HEADLINE, [_line("The case", (726, 209, 763, 223), 14)], 14, False, None, 0)
    lead = LayoutBlock(HEADLINE, [_line("Driver held after", (673, 242, 816, 263), 21),
                                  _line("crash on the bridge", (673, 264, 816, 285), 21)], 21, False, None, 1)
    underline = (672.0, 230.0, 817.0, 230.4)
    assert _stack_headlines([kicker, lead], [underline]) == {id(kicker): lead}
    low_rule = (672.0, 237.0, 817.0, 237.4)
    assert _stack_headlines([kicker, lead], [low_rule]) == {}


def test_a_column_of_one_line_cut_off_by_a_photo_is_read_on_under_it():
    """After a subhead, a column's only line over a photo stops mid-sentence: its text goes
    on under the photo, and the next column's part over the photo waits until it has."""
    first = order.Leaf([_line("Every Tuesday the doctor walks up the", (40, 100, 200, 109), 8.5),
                        _line("valley with his bag and a notebook of", (40, 112, 200, 121), 8.5)], None)
    subhead = order.Leaf([_line("Hoping for a successor", (210, 96, 300, 106), 10.0)], None)
    second = order.Leaf([_line("His greatest wish is that a young doc", (210, 112, 370, 121), 8.5)], None)
    under_first = order.Leaf([_line("blood pressures for every family.", (40, 260, 200, 269), 8.5)], None)
    under_second = order.Leaf([_line("tor will come back to the village.", (210, 260, 370, 269), 8.5)], None)
    leaves = [first, subhead, second, under_first, under_second]
    out = order._columns_resumed_under((40, 130, 370, 250), leaves, 8.5)
    assert [lf.lines[0].string for lf in out] == [
        "Every Tuesday the doctor walks up the", "blood pressures for every family.", "Hoping for a successor",
        "His greatest wish is that a young doc", "tor will come back to the village."]


def test_a_rail_headline_beside_its_text_under_another_headline_is_no_deck_of_it():
    from broadsheet.layout.articles import _stack_headlines
    from broadsheet.layout.blocks import HEADLINE, PARAGRAPH, LayoutBlock
    upper = LayoutBlock(HEADLINE, [_line("Reservoir levels fall to", (28, 520, 200, 536), 14),
                                   _line("lowest in a decade", (28, 537, 170, 553), 14)], 14, True, None, 0)
    rail = LayoutBlock(HEADLINE, [_line("Rooftop", (158, 568, 215, 584), 13), _line("beehives", (158, 585, 220, 601), 13)],
                       13, True, None, 2)
    text = LayoutBlock(PARAGRAPH, [_line("Forty-two office", (28, 570, 150, 579), 9),
                                   _line("buildings keep hives", (28, 581, 150, 590), 9)], 9, False, None, 1)
    assert _stack_headlines([upper, rail], [], [upper, text, rail]) == {}
    deck = LayoutBlock(HEADLINE, [_line("Rainfall half the usual", (28, 560, 180, 574), 13)], 13, True, None, 2)
    assert _stack_headlines([upper, deck], [], [upper, deck]) == {id(deck): upper}


def test_a_narrow_headline_whose_text_starts_under_its_deck_is_no_side_rail():
    from broadsheet.layout.articles import _is_side_rail
    from broadsheet.layout.blocks import DECK, HEADLINE, PARAGRAPH, LayoutBlock
    head = LayoutBlock(HEADLINE, [_line("Old bakery", (439, 468, 564, 484), 15.6), _line("passes to a", (439, 486, 564, 502), 15.6),
                                  _line("third generation", (439, 505, 560, 521), 15.6)], 15.6, True, None, 5)
    deck = LayoutBlock(DECK, [_line("New owner keeps the old oven", (439, 523, 562, 536), 12.3),
                              _line("and adds matcha tarts", (439, 540, 540, 553), 12.3)], 12.3, False, None, 6)
    text = LayoutBlock(PARAGRAPH, [_line("The bakery opened sixty years ago", (439, 562, 567, 572), 9)], 9, False, None, 7)
    beside = LayoutBlock(PARAGRAPH, [_line("Fish farmers now guide school", (330, 470, 430, 480), 9)], 9, False, None, 3)
    assert not _is_side_rail(head, _story_under(head, [deck, text]), [beside], 9.0)


def test_a_subhead_beside_a_ragged_column_ending_still_has_text_to_its_left():
    from broadsheet.layout.articles import _text_to_the_left
    from broadsheet.layout.blocks import DECK, PARAGRAPH, LayoutBlock
    full = LayoutBlock(PARAGRAPH, [_line("Opponents, including several restaurant", (351, 200, 455, 209), 9)], 9, False, None, 1)
    short = LayoutBlock(PARAGRAPH, [_line("life to shops that had", (351, 69, 426, 78), 9),
                                    _line("pandemic.", (351, 93, 390, 102), 9)], 9, False, None, 0)
    subhead = LayoutBlock(DECK, [_line("What changes", (463, 69, 527, 84), 10.5)], 10.5, True, None, 2)
    assert _text_to_the_left(subhead, [short, full, subhead], 9.0)
    assert not _text_to_the_left(subhead, [subhead, full], 9.0)


def test_text_beside_a_photo_under_a_narrower_headline_is_that_headlines_story(page, restored):
    page.insert_text((28, 180), "Reservoirs fall to a ten-year low", fontname="tibo", fontsize=15)
    page.draw_line((28, 188), (567, 188), width=0.6)
    page.draw_rect(pymupdf.Rect(28, 196, 380, 350), color=None, fill=(0.7, 0.7, 0.7))
    page.insert_text((395, 204), "By Ann Lee", fontname="hebo", fontsize=8)
    lines = ["Water levels at the three main", "reservoirs have dropped to 38", "per cent, the lowest in ten years,",
             "after the driest autumn on record."]
    _write_columns(page, [(395, lines)], 216, 11, font="tiro", size=9)
    result = restored()
    [article] = result.articles
    assert article.headline.string == "Reservoirs fall to a ten-year low"
    assert article.byline is not None and article.byline.string == "By Ann Lee"
    assert [b.string for b in article.body] == [" ".join(lines)]


def test_a_rail_headline_set_right_of_its_story_takes_it_from_the_headline_above():
    from broadsheet.layout.articles import _rail_beside
    from broadsheet.layout.blocks import HEADLINE, LayoutBlock
    upper = (335, 235, 600, 270)  # a headline over two columns
    rail = LayoutBlock(HEADLINE, [_line("Storm cuts", (532, 390, 610, 408), 16), _line("power", (532, 410, 590, 428), 16)],
                       16, True, None, 4)
    text_left = (335, 392, 520, 520)
    assert _rail_beside(rail, upper, text_left)
    assert not _rail_beside(rail, upper, (335, 600, 520, 700))  # far under the rail's top


def test_a_label_on_a_rule_over_a_single_story_is_its_kicker(page, restored):
    """Over one story, not a column of items, the label names the story's topic."""
    page.insert_text((300, 300), "MOTOR RACING", fontname="hebo", fontsize=9)
    page.draw_line((300, 304), (560, 304), width=0.6)
    page.insert_text((300, 330), "Two red cars finish first and second", fontname="tibo", fontsize=16)
    _write_columns(page, [(300, ["The team's two drivers took the first two", "places on Sunday, the first such result",
                                 "for the team in three seasons."])], 352)
    result = restored()
    [article] = result.articles
    assert article.headline.string == "Two red cars finish first and second"
    assert [b.string for b in article.subheadlines] == ["MOTOR RACING"]
    assert not [b for b in result.unassigned if b.kind == "furniture"]


def test_a_rail_headline_right_of_a_story_of_two_columns_takes_both_from_the_headline_above(page, restored):
    """Under a headline over the whole width, a narrow rail headline set right of its story
    heads every column that starts level with its top, not just the one next to it."""
    page.insert_text((40, 70), "Mayor narrowly wins a second term after a recount", fontname="tibo", fontsize=18)
    upper = [["Carter told supporters at City Hall", "that she would serve the full term.", "Turnout was higher than last time."],
             ["Ruiz conceded in a short statement", "and thanked his volunteers for their", "work across the whole campaign."]]
    _write_columns(page, [(40 + col * 140, lines) for col, lines in enumerate(upper)], 92)
    page.insert_text((40, 160), "By Ann Lee", fontname="hebo", fontsize=8)
    storm = [["High winds brought down trees and", "power lines across the northern", "suburbs overnight, officials said."],
             ["Crews had restored power to most", "homes by evening but warned that", "some could wait until Tuesday."]]
    _write_columns(page, [(40, storm[0])], 172, 11, font="tiro", size=9)
    _write_columns(page, [(180, storm[1])], 160, 11, font="tiro", size=9)
    _write_columns(page, [(330, ["Storm cuts", "power to", "40,000 homes"])], 164, 18, font="hebo", size=15)
    result = restored()
    storm_story = next(a for a in result.articles if a.headline and a.headline.string.startswith("Storm"))
    text = " ".join(b.string for b in storm_story.body)
    assert "High winds brought down" in text and "Crews had restored" in text
    assert storm_story.byline is not None and storm_story.byline.string == "By Ann Lee"
    mayor = next(a for a in result.articles if a.headline and a.headline.string.startswith("Mayor"))
    assert "High winds" not in " ".join(b.string for b in mayor.body)


def test_a_headline_under_its_story_takes_the_text_over_a_pull_quote_set_in_its_column(page, restored):
    """A pull quote between two rules sits inside the story's column: the white round it
    does not part the text over it from the headline set under the story."""
    page.insert_text((40, 66), "By Rachel Ng", fontname="hebo", fontsize=8)
    top = ["A shoebox-sized satellite built by", "students passed its last vibration", "test on Tuesday, clearing the way",
           "for a launch next spring. The small", "craft will carry a camera to watch", "air pollution over the river delta."]
    _write_columns(page, [(40, top)], 78, 11, font="tiro", size=9)
    page.draw_line((40, 152), (210, 152), width=0.6)
    _write_columns(page, [(42, ["The small craft will carry a", "camera to watch air pollution", "over the river delta."])],
                   170, 16, font="tiit", size=12)
    page.draw_line((40, 214), (210, 214), width=0.6)
    under = ["The team spent three years on it,", "mostly in the evenings, and raised", "the money from two donors."]
    _write_columns(page, [(40, under)], 228, 11, font="tiro", size=9)
    page.insert_text((40, 282), "Student satellite clears its final test", fontname="tibo", fontsize=20)
    result = restored()
    [article] = result.articles
    assert article.headline.string == "Student satellite clears its final test"
    body = " ".join(b.string for b in article.body)
    assert body.startswith("A shoebox-sized satellite") and "two donors." in body
    assert article.byline is not None


def test_bold_titles_opening_text_no_headline_governs_head_their_items(page, restored):
    """A column of briefs with no label over it: each bold title at the text's size with
    text under it heads an item of its own, and the second title is no subhead of the first."""
    page.draw_line((380, 60), (380, 400), width=0.6)
    items = [(["Ferry fares to rise", "for the first time"], ["Fares on the island routes rise", "by six per cent from next month,", "the operator said on Monday."]),
             (["Night market opens", "again after repairs"], ["About 400 stalls traded on the", "first night, the organisers said,", "and more will join in spring."])]
    y = 70
    for title, text in items:
        y = _write_paragraph(page, 390, y, title, 0, 11, font="hebo", size=9) + 3
        y = _write_paragraph(page, 390, y, text, 0, 11, font="tiro", size=9) + 12
    result = restored()
    assert [a.headline.string if a.headline else None for a in result.articles] == [
        "Ferry fares to rise for the first time", "Night market opens again after repairs"]
    assert [b.string for b in result.articles[1].body] == [" ".join(items[1][1])]


def test_a_headline_beside_its_photo_is_no_headline_set_under_the_story_above(page, restored):
    """A narrow headline with a photo level with its top right beside it heads the story
    round the photo; the text ending right above it is the story above's."""
    page.insert_text((40, 66), "Night clinic opens for shift workers", fontname="tibo", fontsize=18)
    upper = [["A walk-in clinic that opens at 8pm", "started seeing patients this week,", "aimed at nurses and drivers."],
             ["It treats minor injuries and gives", "prescription renewals, and it is", "free with a health card."]]
    _write_columns(page, [(40 + col * 180, lines) for col, lines in enumerate(upper)], 86)
    _write_columns(page, [(40, ["Late collapse", "costs county", "the title"])], 128, 15, font="tibo", size=13)
    page.draw_rect(pymupdf.Rect(140, 118, 400, 240), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((140, 250), "Players celebrate the winning wicket.", fontname="hebo", fontsize=7)
    _write_columns(page, [(140, ["Needing 42 runs from the last eight", "overs, the county lost five wickets", "for 19 runs on the last day."])],
                   266, 11, font="tiro", size=9)
    result = restored()
    by_head = {a.headline.string: " ".join(b.string for b in a.body) for a in result.articles if a.headline}
    assert "A walk-in clinic" in by_head["Night clinic opens for shift workers"]
    assert "It treats minor injuries" in by_head["Night clinic opens for shift workers"]
    assert by_head["Late collapse costs county the title"].startswith("Needing 42 runs")


def test_a_reporter_line_before_a_storys_text_closes_nothing():
    """``记者 张三 报道`` reads the same at either end of a story: before its text it is the
    byline and the story still runs on into a column no headline spans; after, it signs off."""
    from broadsheet.layout.articles import _closed, _Story
    from broadsheet.layout.blocks import HEADLINE, PARAGRAPH, SIGNOFF, LayoutBlock
    head = LayoutBlock(HEADLINE, [_line("老字號餅店第三代接手", (28, 71, 291, 120), 22)], 22, False, None, 0)
    reporter = LayoutBlock(SIGNOFF, [_line("記者 張詠琪 報道", (28, 128, 96, 137), 8.5)], 8.5, False, None, 1)
    text = LayoutBlock(PARAGRAPH, [_line("位於深水埗的餅家開業超過60年。", (28, 144, 156, 207), 9)], 9, False, None, 2)
    story = _Story(head, members=[reporter, text])
    assert not _closed(story)
    closing = LayoutBlock(SIGNOFF, [_line("●記者 張詠琪 報道", (490, 303, 567, 311), 8.5)], 8.5, False, None, 3)
    story.members.append(closing)
    assert _closed(story)


def test_a_story_row_run_on_leftwards_under_a_closed_neighbour_is_the_storys(page, restored):
    """A story set as an L: its last row runs on from under its own headline to the left,
    under a boxed neighbour that signed off. The row's left part, level with the story's
    text beside it, is the story's, read after the story's upper row."""
    page.insert_text((40, 70), "Robot chefs", fontname="tibo", fontsize=16)
    _write_columns(page, [(40, ["Two robots now cook", "fried rice in the campus", "canteen, 200 an hour."])],
                   90, 11, font="tiro", size=9)
    page.insert_text((40, 124), "(Additional reporting", fontname="hebo", fontsize=8)
    page.insert_text((40, 134), "by Ann Lee)", fontname="hebo", fontsize=8)
    page.draw_line((40, 140), (150, 140), width=0.6)
    page.draw_line((155, 60), (155, 138), width=0.6)
    page.insert_text((165, 70), "Library to stay open late", fontname="tibo", fontsize=16)
    upper = [["The central library will", "stay open until midnight", "from this month, it said."],
             ["Students queue at eight.", "One pupil said it was the", "only quiet place where"]]
    _write_columns(page, [(165 + col * 120, lines) for col, lines in enumerate(upper)], 90)
    lower = [["he could study there, and it", "helped him a great deal."], ["Unions asked for more", "staff for late shifts."],
             ["The department said it", "had hired 60 more staff."]]
    _write_columns(page, list(zip((40, 165, 285), lower)), 156)
    result = restored()
    library = next(a for a in result.articles if a.headline and a.headline.string.startswith("Library"))
    text = " ".join(b.string for b in library.body)
    assert "he could study" in text and text.index("quiet place where") < text.index("he could study") < text.index("Unions asked")
    robots = next(a for a in result.articles if a.headline and a.headline.string.startswith("Robot"))
    assert "he could study" not in " ".join(b.string for b in robots.body)
    assert len(result.articles) == 2


def _glyphs_drawn_twice_in_place(page, x: float, y: float, text: str, size: float) -> None:
    """Helvetica text whose every glyph is drawn twice at one place inside one text object
    (a glyph, a step back by its own width, the glyph again): bold to the eye, merged into
    one glyph by MuPDF's text extraction."""
    font = pymupdf.Font("helv")
    parts = []
    for char in text:
        glyph = "<%02x>" % ord(char)
        parts.append(f"{glyph} {font.glyph_advance(ord(char)) * 1000:.0f} {glyph}")
    ops = f"\nq BT 1 0 0 1 {x} {page.rect.height - y} Tm /helv {size} Tf [{' '.join(parts)}] TJ ET Q\n"
    doc, xref = page.parent, page.get_contents()[0]
    doc.update_stream(xref, doc.xref_stream(xref) + ops.encode())


@pytest.mark.parametrize("title_passes", [2, 1])
def test_brief_titles_made_bold_by_drawing_each_glyph_twice_in_place_head_their_items(page, restored, title_passes):
    """Titles in the text's own face, made bold by drawing each glyph twice at one place
    (which MuPDF merges away unless asked to collect styles), head their briefs; drawn
    once, the same lines are only text."""
    page.draw_line((380, 60), (380, 400), width=0.6)
    items = [(["Ferry fares rise", "for the first time"], ["Fares on the island routes", "rise by six per cent next", "month, the operator said."]),
             (["Night market opens", "after the repairs"], ["About 400 stalls traded on", "the first night, organisers", "said on Sunday evening."])]
    y = 70
    for title, text in items:
        for line in title:
            if title_passes == 2:
                _glyphs_drawn_twice_in_place(page, 390, y, line, 9)
            else:
                page.insert_text((390, y), line, fontname="helv", fontsize=9)
            y += 11
        y += 3
        y = _write_paragraph(page, 390, y, text, 9, 11, font="helv", size=9) + 12  # first line indented
    result = restored()
    headlines = [a.headline.string if a.headline else None for a in result.articles]
    if title_passes == 2:
        assert headlines == ["Ferry fares rise for the first time", "Night market opens after the repairs"]
    else:
        assert headlines == [None]


def test_a_storys_columns_that_start_level_are_read_left_to_right_whatever_the_pages_order():
    """Over a headline set under its story, the page's order may take the story's middle
    column first (a photo above cut the columns apart); one row of columns reads left to
    right. Columns that do not start level keep the page's order."""
    from broadsheet.layout.articles import _column_order
    from broadsheet.layout.blocks import PARAGRAPH, LayoutBlock

    def block(text, box, order):
        return LayoutBlock(PARAGRAPH, [_line(text, box, 9.5)], 9.5, False, None, order)

    middle = block("升機搜救，至晚上9時許將兩人救出。", (138, 651, 237, 676), 0)
    left = block("兩名男子前日下午在大帽山行山時迷路，", (28, 651, 123, 739), 1)
    right = block("消防處提醒市民，行山前應查看天氣。", (247, 651, 342, 724), 2)
    assert _column_order([middle, left, right]) == [left, middle, right]
    lower_middle = block("升機搜救，至晚上9時許將兩人救出。", (138, 700, 237, 725), 0)
    assert _column_order([lower_middle, left, right]) == [lower_middle, left, right]


def test_two_rail_headlines_stacked_in_one_column_each_head_the_text_level_with_them():
    """Two narrow headlines in the same type one under the other, white between them, each
    with a story starting level with its top on its right: the lower is no deck of the upper.
    A deck in other type, or with no text starting level with it, still is."""
    from broadsheet.layout.articles import _stack_headlines
    from broadsheet.layout.blocks import BYLINE, HEADLINE, PARAGRAPH, LayoutBlock
    upper = LayoutBlock(HEADLINE, [_line("Reservoir levels", (165, 454, 253, 472), 15.4),
                                   _line("fall to a low", (165, 473, 250, 491), 15.4)], 15.4, True, None, 0)
    lower = LayoutBlock(HEADLINE, [_line("Mayor narrowly", (165, 507, 260, 524), 14.3),
                                   _line("wins a second term", (165, 525, 258, 542), 14.3)], 14.3, True, None, 1)
    upper_text = LayoutBlock(PARAGRAPH, [_line("Farmers in the valley said", (274, 455, 416, 465), 8.5)], 8.5, False, None, 2)
    byline = LayoutBlock(BYLINE, [_line("By Michael Grant", (274, 508, 339, 519), 8.0)], 8.0, True, None, 3)
    assert _stack_headlines([upper, lower], [], [upper, lower, upper_text, byline]) == {}
    assert _stack_headlines([upper, lower], [], [upper, lower, upper_text]) == {id(lower): upper}
    deck = LayoutBlock(HEADLINE, [_line("Rain half the usual", (165, 507, 260, 524), 14.3)], 14.3, False, None, 1)
    assert _stack_headlines([upper, deck], [], [upper, deck, upper_text, byline]) == {id(deck): upper}


@pytest.mark.parametrize("strip", ["哈尔滨迎来首场大雪", "•••"])
def test_a_vertical_headline_strip_under_another_headline_takes_the_text_beside_it(page, restored, strip):
    """A vertical headline strip set in the area of a headline above it heads the text
    beside it, as a horizontal rail does; a column of bullets stacked one per line does not."""
    page.insert_text((28, 70), "南方多地持续高温电网负荷创新高", fontname="china-s", fontsize=20)
    for col in range(3):
        for i in range(3):
            page.insert_text((28 + col * 110, 95 + i * 12), "受副热带高压影响多地连续高温" [col:col + 8], fontname="china-s", fontsize=9)
    page.insert_text((248, 140), "（完）", fontname="china-s", fontsize=8)
    for i, char in enumerate(strip):
        page.insert_text((33, 175 + i * 14), char, fontname="china-s", fontsize=12)
    beside = ["受冷空气影响，哈尔滨昨日", "迎来今冬首场大雪，市区积", "雪深度达12厘米。"]
    _write_columns(page, [(58, beside)], 175, 12, font="china-s", size=9)
    result = restored()
    owner = next(a for a in result.articles if any("哈尔滨昨日" in b.string for b in a.body))
    if strip.startswith("哈"):
        assert owner.headline is not None and owner.headline.string == strip
    else:
        assert owner.headline is None or owner.headline.string != strip


def test_a_column_starting_under_a_strips_foot_level_with_a_storys_row_is_that_storys(page, restored):
    """A vertical headline strip reads to the text beside it; a column starting below the
    strip's foot, level with the row of a story on its left whose headline is narrower
    than its columns, is that story's last column."""
    for i, char in enumerate("江豚频频露脸"):
        page.insert_text((390, 100 + i * 15), char, fontname="china-s", fontsize=12)
    _write_columns(page, [(410, ["在湖北宜昌江段，市民常", "常可以看到江豚成群出水。", "志愿者说以前难得一见。"])], 100, 12, font="china-s", size=9)
    page.insert_text((28, 260), "共享单车乱停放整治见效", fontname="china-s", fontsize=16)
    columns = [["上海市交通部门联合", "三家共享单车企业，在"], ["全市两百多个地铁站", "口划设电子围栏。车辆"],
               ["停在围栏外将无法结", "束计费，用户需另付"], ["五元调度费。企业方", "面表示会动态调整。"]]
    _write_columns(page, [(28 + col * 90, lines) for col, lines in enumerate(columns)], 285, 12, font="china-s", size=9)
    result = restored()
    bikes = next(a for a in result.articles if a.headline and a.headline.string.startswith("共享单车"))
    assert "面表示会动态调整" in "".join(b.string for b in bikes.body)


def test_a_deck_sized_line_opening_a_storys_row_run_on_under_its_photo_is_a_subhead(page, restored):
    """A story set as an L round its photo: the row under the photo runs on, level, into
    the columns its headline governs. A deck-sized line opening that row is the story's
    subhead, not the headline of a story of its own."""
    page.draw_rect(pymupdf.Rect(28, 70, 238, 200), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((248, 90), "Tram routes to merge", fontname="tibo", fontsize=22)
    upper = [["The transport office will", "merge three tram routes", "next year, it said."],
             ["Fares will not change,", "and older riders keep", "their discount, it added."]]
    _write_columns(page, [(248 + col * 110, lines) for col, lines in enumerate(upper)], 112)
    page.insert_text((28, 209), "A tram in the western district.", fontname="hebo", fontsize=7)
    page.insert_text((28, 230), "Councillors want time", fontname="tiro", fontsize=11)
    row = [(28, 244, ["Councillors asked for", "three months of talks"]),
           (138, 230, ["and public meetings in", "every district first."]),
           (248, 230, ["A scholar said trams are", "the city's living room."]),
           (358, 230, ["The office will report to", "the council in January."])]
    for x, y, lines in row:
        _write_columns(page, [(x, lines)], y, 11, font="tiro", size=9)
    result = restored()
    headlines = [a.headline.string for a in result.articles if a.headline]
    assert headlines == ["Tram routes to merge"]
    body = result.articles[0].body
    assert any(b.kind == "subhead" and b.string == "Councillors want time" for b in body)


def test_a_headline_whose_text_starts_under_its_deck_heads_that_text_not_the_story_above():
    """Headline, deck, then the byline a little more than a paragraph's white under the
    headline's foot: the headline opens its story, it is not set under the one above."""
    from broadsheet.layout.articles import _text_under_or_beside
    from broadsheet.layout.blocks import BYLINE, DECK, HEADLINE, PARAGRAPH, LayoutBlock
    above = LayoutBlock(PARAGRAPH, [_line("the museum said on Monday.", (28, 381, 156, 404), 9)], 9, False, None, 1)
    head = LayoutBlock(HEADLINE, [_line("Renters face a steep rise", (28, 417, 318, 437), 14)], 14, True, None, 2)
    deck = LayoutBlock(DECK, [_line("Average rent tops a record", (28, 435, 265, 449), 10.8)], 10.8, False, None, 3)
    byline = LayoutBlock(BYLINE, [_line("By Jo Lee", (28, 455, 79, 467), 8.5)], 8.5, False, None, 4)
    assert _text_under_or_beside(head, [above, head, deck, byline], 9.0)
    assert not _text_under_or_beside(head, [above, head, byline], 9.0)


def test_a_ragged_line_under_a_photo_longer_than_any_over_it_still_resumes_its_column():
    """Ragged-right columns: the column's line under the photo runs past its longest line
    over it, short of the next column. It is still that column's text read on."""
    first = order.Leaf([_line("A small satellite built by students", (138, 83, 236, 95), 9.5),
                        _line("passed its test before a launch next", (138, 96, 230, 108), 9.5)], None)
    second = order.Leaf([_line("named Kestrel, it will carry a small", (247, 83, 341, 95), 9.5),
                         _line("camera and a radio, said the team", (247, 96, 338, 108), 9.5)], None)
    under_first = order.Leaf([_line("spring, the team said on Monday.", (138, 216, 234, 228), 9.5)], None)
    under_second = order.Leaf([_line('"Thank you, thank you," said its head', (259, 216, 346, 228), 9.5),
                               _line("of the team after the final test.", (247, 229, 331, 241), 9.5)], None)
    out = order._columns_resumed_under((138, 115, 346, 205), [first, second, under_first, under_second], 9.5)
    assert [lf.lines[0].string for lf in out] == [
        "A small satellite built by students", "spring, the team said on Monday.",
        "named Kestrel, it will carry a small", '"Thank you, thank you," said its head']
    assert len(out[-1].lines) == 2


def test_a_narrow_headline_with_its_byline_and_text_tight_under_it_is_no_side_rail():
    """Text of another story starts level with the headline on its right, but the headline's
    own byline sits tight under it with a column of text under that: it heads that column."""
    from broadsheet.layout.articles import _is_side_rail
    from broadsheet.layout.blocks import BYLINE, HEADLINE, PARAGRAPH, LayoutBlock
    head = LayoutBlock(HEADLINE, [_line("Rooftop", (28, 69, 78, 89), 14.4), _line("beehives buzz", (28, 86, 118, 106), 14.4),
                                  _line("on office towers", (28, 103, 125, 123), 14.4)], 14.4, True, None, 4)
    byline = LayoutBlock(BYLINE, [_line("By Jo Lee", (28, 126, 105, 138), 9)], 9, False, None, 5)
    text = LayoutBlock(PARAGRAPH, [_line("Forty-two office buildings", (28, 140, 128, 150), 9.5)], 9.5, False, None, 6)
    beside = LayoutBlock(BYLINE, [_line("By Ann Ng", (138, 69, 196, 81), 9)], 9, False, None, 7)
    story = _story_under(head, [byline, text])
    assert not _is_side_rail(head, story, [beside], 9.5)
    byline.bbox = (28, 143, 105, 155)  # past a line of white: the next story's byline
    text.bbox = (28, 157, 128, 167)
    assert _is_side_rail(head, story, [beside], 9.5)


def test_a_bold_credit_in_small_type_under_a_photos_caption_is_its_credit(page, restored):
    """A narrow column: photo, a caption wrapped to two lines, the credit in smaller bold
    type set right under it, then the text going on. No subhead is set that small."""
    page.insert_text((28, 90), "Old skeleton", fontname="hebo", fontsize=15)
    page.insert_text((28, 140), "By Jo Lee", fontname="hebo", fontsize=9)
    _write_columns(page, [(28, ["The twelve-metre skeleton", "returned to the main hall", "on Saturday after two"])], 155, 12, size=9.5)
    page.draw_rect(pymupdf.Rect(28, 200, 128, 260), color=(0.4, 0.4, 0.4), fill=(0.6, 0.6, 0.6))
    _write_columns(page, [(28, ["The skeleton, restored, in", "the museum's main hall."])], 270, 9, font="helv", size=7.5)
    page.insert_text((67, 289), "Museum handout", fontname="hebo", fontsize=7)
    _write_columns(page, [(28, ["years away, and crowds", "came to see it again."])], 305, 12, size=9.5)
    result = restored()
    assert [a.headline.string for a in result.articles if a.headline] == ["Old skeleton"]
    assert [(c.string, c.credit.string if c.credit else None) for a in result.articles for c in a.captions] == [
        ("The skeleton, restored, in the museum's main hall.", "Museum handout")]
    assert [b.kind for a in result.articles for b in a.body] == ["paragraph"]


def test_a_run_in_brief_title_is_found_though_a_line_far_up_the_page_starts_where_its_text_does(page, restored):
    """The brief's text starts mid-column, an em after its title; a section name in the
    masthead far above happens to start at the same x. That is no column edge."""
    y = _run_in_brief(page, 80, "渡輪加價兩成", ["公司昨日宣布", "下月起加價，乘客排隊買票。", "公司稱燃油成本上升。"], True)
    _run_in_brief(page, y, "圖書館延長開放", ["市立圖書", "館下週起每逢週四開放至晚上", "九時，方便考生溫習。"], True)
    rest_x = 40 + pymupdf.Font("china-t").text_length("渡輪加價兩成", fontsize=10) + 10
    page.insert_text((rest_x, 24), "要聞", fontname="china-t", fontsize=11)
    result = restored()
    assert [a.headline.string for a in result.articles if a.headline] == ["渡輪加價兩成", "圖書館延長開放"]


def test_brief_titles_at_text_size_set_with_a_drop_shadow_head_their_items(page, restored):
    """Titles on lines of their own, in the text's face and size, marked only by a grey
    copy set a hair down and right (the shadow the glyph dedupe drops)."""
    y = 80.0
    for title, lines in (("城市書房通宵開放", ["在錦江區，一家通宵開放的城市書房成了", "不少年輕人的夜間去處。"]),
                         ("長江江豚頻頻露面", ["禁漁五年來，市民常常可以看到江豚", "成群出水。"])):
        page.insert_text((41, y + 1), title, fontname="china-t", fontsize=9, color=(0.5, 0.5, 0.5))
        page.insert_text((40, y), title, fontname="china-t", fontsize=9)
        page.insert_text((58, y + 14), lines[0], fontname="china-t", fontsize=9)  # indented two characters
        _write_columns(page, [(40, lines[1:])], y + 27, 13, font="china-t")
        y += 14 + 13 * len(lines) + 16
    result = restored()
    assert [a.headline.string for a in result.articles if a.headline] == ["城市書房通宵開放", "長江江豚頻頻露面"]


def test_a_title_on_its_own_line_under_a_run_in_brief_title_opens_the_next_brief(page, restored):
    """The first brief's title runs in to its text; the next brief's title, drawn twice in
    place like it, stands on a line of its own. It is a title, not a line of the first."""
    y = _run_in_brief(page, 80, "渡輪加價兩成", ["公司昨日宣布", "下月起加價，乘客排隊買票。", "公司稱燃油成本上升。"], True)
    font = pymupdf.Font("china-t")
    writer = pymupdf.TextWriter(page.rect)
    x = 40.0
    for ch in "圖書館延長開放":
        writer.append((x, y), ch, font=font, fontsize=10)
        writer.append((x + 0.2, y), ch, font=font, fontsize=10)
        x += font.text_length(ch, fontsize=10)
    writer.write_text(page)
    page.insert_text((60, y + 14), "市立圖書館下週起每逢週四開放至", fontname="china-t", fontsize=10)
    page.insert_text((40, y + 28), "晚上九時，方便考生溫習。", fontname="china-t", fontsize=10)
    result = restored()
    assert [a.headline.string for a in result.articles if a.headline] == ["渡輪加價兩成", "圖書館延長開放"]
    assert "".join(b.string for b in result.articles[1].body).startswith("市立圖書館")


def test_deck_sized_titles_down_a_column_of_briefs_head_their_items_not_subheads(page, restored):
    """No label and no headline over the column: the first title heads it, and titles of
    its size further down, each right under the text before, head the next items."""
    y = 80.0
    titles = ["Ferry fares to rise in May", "Library opens until midnight", "Night market returns"]
    for title in titles:
        page.insert_text((40, y), title, fontname="hebo", fontsize=10.5)
        _write_columns(page, [(40, ["The operator said on Monday that fares on", "the island routes would rise by a tenth,",
                                    "the first rise since the autumn of 2020."])], y + 15, 11, size=8.5)
        y += 15 + 33 + 12
    page.insert_text((200, 80), "Harbour tunnel to close for repairs", fontname="hebo", fontsize=22)
    page.insert_text((200, 100), "Night closures for six weeks from June", fontname="helv", fontsize=10.5)
    _write_columns(page, [(200, ["The tunnel will close each night from June,", "the roads office said on Monday."])], 118, 11, size=8.5)
    result = restored()
    headlines = [a.headline.string for a in result.articles if a.headline]
    assert headlines[:3] == titles and "Harbour tunnel to close for repairs" in headlines
    assert not [b.string for a in result.articles for b in a.body if b.kind == "subhead"]


def test_a_run_in_brief_title_is_found_where_a_line_of_its_column_starts_at_its_texts_x(page, restored):
    """CJK set on a grid starts lines of one column at the same places: a right-set
    sign-off just above starts where the brief's text does, an em after its title. The
    text ends inside the column, so it is no next column."""
    y = _run_in_brief(page, 80, "渡輪加價兩成", ["公司昨日宣布", "下月起加價，乘客排隊買票。", "公司稱燃油成本上升。"], True)
    rest_x = 40 + pymupdf.Font("china-t").text_length("圖書館延長開放", fontsize=10) + 10
    page.insert_text((rest_x, y - 4), "記者陳明報道", fontname="china-t", fontsize=10)
    _run_in_brief(page, y + 16, "圖書館延長開放", ["市立圖書", "館下週起每逢週四開放至晚上", "九時，方便考生溫習。"], True)
    result = restored()
    assert [a.headline.string for a in result.articles if a.headline] == ["渡輪加價兩成", "圖書館延長開放"]


def test_a_subhead_under_a_columns_run_on_line_left_of_a_strip_is_a_subhead_not_the_strips_deck(page, restored):
    """The second column opens, at the top of the page, with the last line of the first
    column's sentence (level with the byline over the first column), then a subhead: that
    line is text, not a running head, and the subhead is no deck of the strip."""
    headline = "茶農直播帶貨"
    _vertical_strip(page, 520, 70, headline, "china-t")
    page.insert_text((40, 62), "本報訊（記者 李明 報道）", fontname="china-t", fontsize=9.5)
    _write_columns(page, [(40, ["清晨六點，茶園裏霧氣還沒", "散去，茶農已架好手機開始", "直播。也有茶農擔心價格戰", "，協會提醒要守住品質底"])],
                   80, 14, font="china-t", size=10)
    page.insert_text((220, 62), "線，不能衝銷量。", fontname="china-t", fontsize=10)
    page.insert_text((220, 86), "年輕人回鄉創業", fontname="china-t", fontsize=12)
    _write_columns(page, [(220, ["村裏已有十多名年輕人回", "鄉從事直播，收入比在外", "打工還要高一些。"])], 104, 14, font="china-t", size=10)
    result = restored()
    assert [(a.headline.string, [d.string for d in a.subheadlines]) for a in result.articles] == [(headline, [])]
    body = result.articles[0].body
    assert [b.kind for b in body] == ["paragraph", "subhead", "paragraph"]
    assert body[0].string.endswith("品質底線，不能衝銷量。")


def test_a_top_line_level_with_a_slightly_smaller_byline_in_the_next_column_is_no_running_head():
    from broadsheet.layout.blocks import BYLINE, DECK, PARAGRAPH, LayoutBlock, _outside_text
    byline = LayoutBlock(BYLINE, [_line("本報訊（記者 李明 報道）", (28, 70, 140, 79), 8.0)], 8.0, False, None, 0)
    top = LayoutBlock(PARAGRAPH, [_line("線，不能衝銷量以次充好。", (200, 70, 319, 79), 8.5)], 8.5, False, None, 1)
    subhead = LayoutBlock(DECK, [_line("年輕人回鄉創業", (200, 92, 270, 103), 10.0)], 10.0, False, None, 2)
    text = LayoutBlock(PARAGRAPH, [_line("村裏已有十多名年輕人回鄉", (200, 108, 362, 157), 8.5)], 8.5, False, None, 3)
    assert not _outside_text(top, [byline, top, subhead, text])
    folio = LayoutBlock(PARAGRAPH, [_line("城市早報", (200, 30, 260, 40), 8.5)], 8.5, False, None, 1)
    assert _outside_text(folio, [byline, folio, subhead, text])


def test_columns_whose_parts_under_a_photo_stop_mid_sentence_are_read_on_under_it():
    """Each column over the photo happens to end a sentence, but each part under it, but
    the last, stops mid-sentence at the column's foot: the columns run down past the photo
    and on at the next column's top."""
    def leaf(lines, x, y):
        return order.Leaf([_line(text, (x, y + 13 * k, x + 93, y + 13 * k + 9), 8.5) for k, text in enumerate(lines)], None)
    above = [leaf(["村裏的老醫生每天上山，", "他要走兩個小時山路。"], 28, 148),
             leaf(["診。他記下每位老人的", "血壓，也記下孩子疫苗。"], 138, 148),
             leaf(["家會診。他最大的心願", "是有年輕醫生回村。"], 247, 148)]
    under = [leaf(["每週二和週五，他都會", "背着藥箱上門巡"], 28, 300),
             leaf(["遇到疑難病例，他可以", "通過視頻請縣醫院的專"], 138, 300),
             leaf(["去年縣裏招來一名醫學", "生，畢業後將回村工作。"], 247, 300)]
    out = order._columns_resumed_under((28, 180, 340, 290), above + under, 8.5)
    assert [lf.lines[0].string for lf in out] == [
        "村裏的老醫生每天上山，", "每週二和週五，他都會", "診。他記下每位老人的", "遇到疑難病例，他可以",
        "家會診。他最大的心願", "去年縣裏招來一名醫學"]


def test_a_sentence_in_big_type_set_between_two_parts_of_a_sentence_is_a_pull_quote(page, restored):
    """The quoted sentence stands on another page; the quote still splits a sentence of its
    column, and a headline ends in no full stop."""
    page.insert_text((40, 80), "折疊屏手機降價", fontname="china-s", fontsize=20)
    _write_columns(page, [(40, ["深圳一家手機廠商昨日發布", "新款折疊屏手機，起售價四"])], 110, 14, font="china-s", size=10)
    _write_columns(page, [(42, ["預計明年出貨量", "將突破一千萬台。"])], 158, 17, font="china-s", size=13)
    _write_columns(page, [(40, ["千九百九十九元，這是國產", "折疊屏手機首次跌破五千元。"])], 210, 14, font="china-s", size=10)
    result = restored()
    assert [a.headline.string for a in result.articles] == ["折疊屏手機降價"]
    assert "".join(b.string for b in result.articles[0].body).endswith("起售價四千九百九十九元，這是國產折疊屏手機首次跌破五千元。")
    assert [b.kind for b in result.unassigned if "出貨量" in b.string] == ["pull_quote"]


def test_a_wire_dateline_wrapped_before_its_reporters_bracket_takes_the_bracket_back(page, restored):
    page.insert_text((40, 80), "廣湛高鐵全線貫通", fontname="china-s", fontsize=20)
    _write_columns(page, [(40, ["新華社廣州3月2日電", "（記者 王曉東）記者從鐵路", "部門獲悉，廣州至湛江高速", "鐵路今天實現全線貫通。"])],
                   110, 14, font="china-s", size=10)
    article = restored().articles[0]
    assert article.byline.string.replace(" ", "") == "新華社廣州3月2日電（記者王曉東）"
    assert "".join(b.string for b in article.body).startswith("記者從鐵路部門獲悉")


def test_text_opening_in_lower_case_under_another_headline_goes_on_with_the_story_stopped_mid_sentence(page, restored):
    """A dogleg: the first story's second column stops mid-sentence; its text goes on in the
    next column, under the second story, whose own text ends its sentences above."""
    page.insert_text((40, 80), "Renters face a steep rise", fontname="tibo", fontsize=20)
    _write_columns(page, [(40, ["Average rents in the city rose", "by nine per cent this year, the", "housing board said on Monday."]),
                          (200, ["Tenant groups called for a cap", "on rises. \"Wages are not rising", "at anything"])], 110, 12)
    page.insert_text((360, 80), "County side loses title", fontname="tibo", fontsize=14)
    _write_columns(page, [(360, ["Needing 42 runs from the last", "eight overs, the county side", "fell short for the first time", "since 1998."])], 100, 12)
    page.draw_line((360, 150), (520, 150), width=0.5)
    _write_columns(page, [(360, ["like this,\" said a tenant, who", "asked not to be named, and the", "board will meet again in May."])], 166, 12)
    result = restored()
    by_headline = {a.headline.string: " ".join(b.string for b in a.body) for a in result.articles if a.headline}
    assert by_headline["Renters face a steep rise"].endswith("meet again in May.")
    assert by_headline["County side loses title"].endswith("since 1998.")


def test_titles_on_lines_of_their_own_drawn_twice_in_place_under_a_column_label_head_their_items(page, restored):
    """A labelled column of briefs whose titles, at the text's size in its face, are bold
    only by glyphs drawn twice in place; one title ends on a quoted word."""
    page.insert_text((40, 80), "新聞簡報", fontname="china-t", fontsize=11)
    page.draw_line((40, 85), (170, 85), width=0.6)
    font = pymupdf.Font("china-t")
    y = 102.0
    titles = ["渡輪加價兩成", "江豚頻頻“露臉”"]
    for title, lines in zip(titles, (["公司昨日宣布下月起加價，", "乘客排隊買票。"], ["禁漁五年來，市民常常可以", "看到江豚成群出水。"])):
        writer = pymupdf.TextWriter(page.rect)
        x = 40.0
        for ch in title:
            writer.append((x, y), ch, font=font, fontsize=10)
            writer.append((x + 0.2, y), ch, font=font, fontsize=10)
            x += font.text_length(ch, fontsize=10)
        writer.write_text(page)
        page.insert_text((60, y + 14), lines[0], fontname="china-t", fontsize=10)
        _write_columns(page, [(40, lines[1:])], y + 28, 14, font="china-t", size=10)
        y += 28 + 14 * (len(lines) - 1) + 16
    result = restored()
    assert [a.headline.string for a in result.articles if a.headline] == titles
    assert ("furniture", "新聞簡報") in [(b.kind, b.string) for b in result.unassigned]


def test_a_sentence_in_big_type_under_a_larger_headline_is_a_pull_quote_though_its_text_is_elsewhere(page, restored):
    """The story goes on from another page; the sentence pulled out of it is not on this one.
    Ending in a full stop, under the story's larger headline, it heads nothing."""
    page.insert_text((40, 80), "老字號餅店第三代接手", fontname="china-t", fontsize=20)
    _write_columns(page, [(42, ["店內招牌蛋撻沿用", "舊配方，吸引不少", "年輕顧客。"])], 120, 17, font="china-t", size=13)
    page.insert_text((40, 190), "上接第一版", fontname="china-t", fontsize=9)
    _write_columns(page, [(40, ["面對租金上升，店主坦言", "壓力不小，但會堅持下去。"])], 208, 14, font="china-t", size=10)
    result = restored()
    assert [a.headline.string for a in result.articles] == ["老字號餅店第三代接手"]
    assert [b.kind for b in result.unassigned if "招牌" in b.string] == ["pull_quote"]


def test_headless_text_going_on_mid_paragraph_is_the_rest_of_the_story_left_open(page, restored):
    """A dogleg in CJK: the first story's second column stops mid-sentence; its text goes on
    flush, past a rule, under the second story, which its sign-off closes."""
    page.insert_text((40, 80), "鄉村醫生堅守三十年", fontname="china-s", fontsize=20)
    _write_paragraph(page, 40, 110, ["在貴州的大山深處，五十", "八歲的鄉村醫生已經堅守", "了三十年，最遠的一戶要"], 20, font="china-s")
    _write_paragraph(page, 200, 110, ["走兩個小時山路。每週二", "和週五，他都會背着藥箱", "上門巡診，他隨身帶着"], 0, font="china-s")
    page.insert_text((360, 80), "哈爾濱迎來首場大雪", fontname="china-s", fontsize=14)
    _write_paragraph(page, 360, 104, ["受冷空氣影響，哈爾濱", "昨日迎來今冬首場大雪，", "市民紛紛出門堆雪人。", "（本報綜合報道）"], 20,
                     font="china-s")
    page.draw_line((360, 166), (520, 166), width=0.5)
    _write_columns(page, [(360, ["一個筆記本，記錄着每位", "老人的血壓和血糖。"])], 184, 14, font="china-s", size=10)
    result = restored()
    by_headline = {a.headline.string if a.headline else None: "".join(b.string for b in a.body) for a in result.articles}
    assert by_headline["鄉村醫生堅守三十年"].endswith("他隨身帶着一個筆記本，記錄着每位老人的血壓和血糖。")
    assert None not in by_headline


def test_headless_text_signed_off_by_the_reporter_of_an_open_storys_byline_is_its_end(page, restored):
    """The end of a story set apart under another one (past a rule), starting a new paragraph:
    its sign-off names the reporter in the open story's byline, and it is read last."""
    page.insert_text((40, 80), "漁民轉型生態導賞", fontname="china-t", fontsize=20)
    page.insert_text((40, 104), "本報訊（記者 黃嘉敏 報道）", fontname="china-t", fontsize=10)
    _write_paragraph(page, 40, 122, ["經營魚排超過三十年的漁", "民譚志強，去年起開辦生", "態導賞團。"], 20)
    page.insert_text((360, 80), "小巴試行電子支付", fontname="china-t", fontsize=14)
    _write_paragraph(page, 360, 104, ["全港專線小巴下月起", "接受電子支付。", "（本報綜合報道）"], 20)
    page.draw_line((360, 150), (520, 150), width=0.5)
    _write_paragraph(page, 360, 168, ["譚志強說，近年漁獲大", "減，導賞團每月約有五百", "人報名。"], 20)
    page.insert_text((360, 218), "整理：黃嘉敏", fontname="china-t", fontsize=9)
    result = restored()
    articles = {a.headline.string if a.headline else None: a for a in result.articles}
    assert None not in articles
    lead = articles["漁民轉型生態導賞"]
    assert "".join(b.string for b in lead.body).endswith("導賞團每月約有五百人報名。")
    assert lead.signoff is not None and lead.signoff.string == "整理：黃嘉敏"


def test_headless_text_under_a_jump_line_is_not_the_end_of_the_story_that_jumped(page, restored):
    """The story on the left stops mid-sentence and jumps to another page; under its jump
    line, past a rule, text goes on mid-sentence, signed off by the reporter of the story on
    the right, whose text stops mid-sentence too. The jump line says the left story's
    sentence goes on elsewhere: the tail is the right story's end."""
    page.insert_text((40, 80), "水費十年來首次上調", fontname="china-t", fontsize=16)
    _write_paragraph(page, 40, 110, ["水務署建議明年起上調", "水費，消委會認為加幅", "合理，但建議"], 20)
    page.insert_text((120, 160), "續見A9版", fontname="china-t", fontsize=9)
    page.draw_line((40, 170), (200, 170), width=0.5)
    _write_paragraph(page, 40, 188, ["詢，並向立法會交通事", "務委員會提交方案。"], 0)
    page.insert_text((40, 222), "●記者 陳志明 報道", fontname="china-t", fontsize=9)
    page.insert_text((240, 80), "電車路線明年重整", fontname="china-t", fontsize=16)
    page.insert_text((240, 104), "本報訊（記者 陳志明 香港報道）", fontname="china-t", fontsize=9)
    _write_paragraph(page, 240, 122, ["運輸署昨日公布電車路", "線重整方案，預計明年", "一月前完成諮"], 20)
    result = restored()
    articles = {a.headline.string if a.headline else None: a for a in result.articles}
    assert set(articles) == {"水費十年來首次上調", "電車路線明年重整"}
    tram = articles["電車路線明年重整"]
    assert "".join(b.string for b in tram.body).endswith("預計明年一月前完成諮詢，並向立法會交通事務委員會提交方案。")
    assert tram.signoff is not None and tram.signoff.string == "●記者 陳志明 報道"
    assert "".join(b.string for b in articles["水費十年來首次上調"].body).endswith("但建議")


def test_a_rail_storys_last_column_is_its_own_below_a_short_first_line(page, restored):
    """A headline in a rail with its story's columns level beside it, under a wide story:
    the last column opens on a paragraph's short last line, and the lines under it run
    further right. The whole column is the rail's story, not the wide one's above."""
    page.insert_text((40, 70), "Renters face the steepest increase in years", fontname="hebo", fontsize=18)
    _write_columns(page, [(110, ["Average rents rose nine", "per cent in the year to", "October, the board said."]),
                          (225, ["Tenant groups called for", "a cap on increases.", "(Reporting by Jane Doe)"])], 92)
    _write_columns(page, [(40, ["Farmers'", "market", "moves", "indoors"])], 180, 16, font="hebo", size=14)
    _write_columns(page, [(110, ["The Saturday market will", "move into the old train", "shed, helped by a large"]),
                          (225, ["grant from the city.", "   Customers kept telling", "us they loved the market", "but hated the weather, its", "manager said on Friday."])], 178)
    result = restored()
    body = {a.headline.string if a.headline else None: " ".join(b.string for b in a.body) for a in result.articles}
    assert "Customers kept telling us" in body["Farmers' market moves indoors"]
    assert "Customers" not in body["Renters face the steepest increase in years"]


def test_cjk_paragraph_cut_by_a_column_break_before_a_figure_runs_on(page, restored):
    """A CJK sentence cut by a column break right before a number ("共有" | "126名"): the
    next column's top carries the paragraph on as a character would."""
    page.insert_text((40, 80), "馬拉松冒雨起步", fontname="china-t", fontsize=20)
    _write_paragraph(page, 40, 110, ["一年一度的城市馬拉松", "昨日清晨舉行。"], 20)
    _write_paragraph(page, 40, 146, ["大會醫療隊表示，共有"], 20)
    _write_paragraph(page, 200, 110, ["126名跑手在途中不適，", "其中8人需送院治理。"], 0)
    result = restored()
    assert [b.string for b in result.articles[0].body] == [
        "一年一度的城市馬拉松昨日清晨舉行。", "大會醫療隊表示，共有126名跑手在途中不適，其中8人需送院治理。"]


def test_deck_type_right_under_the_headline_past_the_storys_start_is_a_subhead(page, restored):
    """A title in deck type at the top of the story's last column, right under the headline,
    where the story starts lower in the first column (its byline under a photo) and its text
    runs level on the left: a subhead in the running text, not the headline's deck."""
    page.insert_text((40, 70), "Schoolgirl becomes youngest chess champion", fontname="hebo", fontsize=20)
    photo = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 24), False)
    photo.clear_with(150)
    page.insert_image(pymupdf.Rect(40, 84, 240, 150), pixmap=photo)
    page.insert_text((40, 168), "By Rachel Ng", fontname="hebo", fontsize=9)
    _write_columns(page, [(40, ["An eleven-year-old girl", "won the national title on", "Sunday in the capital."])], 182)
    _write_columns(page, [(260, ["   She learned to play on", "a folding board in her", "grandmother's kitchen and",
                                 "won seven of her nine", "games at the final, the", "last of them in under an",
                                 "hour on Sunday evening."])], 96)
    _write_columns(page, [(380, ["Next stop: the", "world youth final"])], 96, 13, font="hebo", size=11)
    _write_columns(page, [(380, ["   She will play at the", "world final in Batumi", "in September, and her",
                                 "school will hold a party", "for her on Monday."])], 128)
    result = restored()
    [article] = result.articles
    assert article.subheadlines == []
    assert [(b.kind, b.string) for b in article.body if b.kind == "subhead"] == [("subhead", "Next stop: the world youth final")]
    assert article.byline is not None and article.byline.string == "By Rachel Ng"


def test_text_level_on_the_left_that_runs_past_the_blocks_edge_is_no_column_beside_it():
    """A paragraph level with a title starts left of it but runs on under it (a wide block):
    no column of that edge ends left of the title, so there is no text beside it, and asking
    does not fail."""
    from broadsheet.layout.articles import _text_to_the_left
    from broadsheet.layout.blocks import DECK, PARAGRAPH, LayoutBlock
    title = LayoutBlock(DECK, [_line("Next stop", (200, 100, 260, 112), 11.0)], 11.0, True, None, 1)
    wide = LayoutBlock(PARAGRAPH, [_line("A paragraph set wide", (40, 96, 300, 140), 9.0)], 9.0, False, None, 0)
    assert _text_to_the_left(title, [wide, title], 9.0) is False


def test_white_left_undrawn_in_a_vertical_headline_comes_back_as_a_space(page, restored):
    """A vertical headline strip whose two phrases half an em of extra white parts: the
    white is a space again, inserted, not read from the input."""
    _write_paragraph(page, 200, 120, ["漁民譚志強去年起開辦生態導賞團，", "每月約有五百人報名參加。"], 20)
    y = 100.0
    for k, ch in enumerate("漁民轉型導賞魚排變身課室"):
        y += 18 + (9 if k == 6 else 0)
        page.insert_text((60, y), ch, fontname="china-t", fontsize=18)
    result = restored()
    [article] = result.articles
    headline = article.headline.text
    assert headline.string == "漁民轉型導賞 魚排變身課室"
    assert headline.source_of(headline.string.index(" ")) == -1  # inserted, not input


@pytest.mark.parametrize("caption", ["何小雨在茶館表演變臉。記者 羅佳 攝", "何小雨在茶館表演變臉。 記者 羅佳 攝"])
def test_a_captions_credit_is_not_split_between_reporter_and_name(caption):
    from broadsheet.layout.blocks import split_caption_credit
    text, credit, _cut = split_caption_credit(SourcedText.from_input(caption, 0, len(caption)))
    assert (text.string.strip(), credit.string) == ("何小雨在茶館表演變臉。", "記者 羅佳 攝")


@pytest.mark.parametrize("caption, credit", [
    ("A firefighter watches a ridge. (Photo courtesy of the County Fire Department)", "Photo courtesy of the County Fire Department"),
    ("Pupils arrive at a school. (ST PHOTO: KELVIN LIM)", "ST PHOTO: KELVIN LIM"),
])
def test_an_english_captions_credit_in_brackets_is_split_off(caption, credit):
    from broadsheet.layout.blocks import split_caption_credit
    text, found, _cut = split_caption_credit(SourcedText.from_input(caption, 0, len(caption)))
    assert found is not None and (text.string, found.string) == (caption[:caption.index(" (")], credit)


@pytest.mark.parametrize("line, direction", [
    ("a pagina 24", "continues"), ("• alle pagine 20 e 21", "continues"), ("Suite page 5", "continues"),
    ("Fortsetzung auf Seite 3", "continues"), ("Continúa en la página 4", "continues"),
    ("Lees verder op pagina 7", "continues"), ("segue da pagina 1", "continued_from"),
    ("Fortsetzung von Seite 1", "continued_from"), ("Viene de la página 2", "continued_from"),
    ("alla pagina 3 del giornale", None), ("a pagina", None)])
def test_jump_lines_of_european_papers_are_continuation_pointers(line, direction):
    from broadsheet.layout.blocks import continuation_direction
    assert continuation_direction(line) == direction


def test_a_headline_under_its_story_then_the_next_storys_headline_in_the_same_type(page, restored):
    """A headline set under its story, and with white under it the next story's headline in
    the same type over its byline and text: two headlines, not a headline and its deck."""
    _write_columns(page, [(40, ["The Saturday market will", "move into the old train", "shed on the waterfront."]),
                          (160, ["About sixty stallholders", "signed up for the season", "of indoor trading."])], 80)
    page.insert_text((40, 125), "Farmers' market moves indoors", fontname="hebo", fontsize=14)
    page.insert_text((40, 154), "Village bakery saved by donors", fontname="hebo", fontsize=14)
    page.insert_text((40, 172), "By Emily Clarke", fontname="hebo", fontsize=8)
    _write_columns(page, [(40, ["A village bakery that has", "sold bread since 1931 will", "stay open after all."])], 184)
    result = restored()
    assert [(a.headline.string, [d.string for d in a.subheadlines], a.byline.string if a.byline else None)
            for a in result.articles] == [("Farmers' market moves indoors", [], None),
                                          ("Village bakery saved by donors", [], "By Emily Clarke")]


def test_a_footing_headlines_story_starts_at_its_byline(page, restored):
    """A headline set under its story, whose byline opens the first column and whose other
    column starts level with the byline: the text over them, past more white than parts
    paragraphs, is the story before, under that story's own headline."""
    page.insert_text((40, 60), "Night clinic opens for shift workers downtown", fontname="hebo", fontsize=16)
    _write_columns(page, [(40, ["A walk-in clinic that opens", "at eight in the evening", "treated its first patients."]),
                          (170, ["It is run by a health group", "as a pilot funded by the", "city for two years."])], 96)
    page.insert_text((40, 142), "By Michael Grant", fontname="hebo", fontsize=8)
    _write_columns(page, [(40, ["Mayor Diane Carter won a", "second term by 312 votes", "after a recount."]),
                          (170, ["Carter told supporters she", "would focus on housing", "and public transport."])], 153)
    page.insert_text((40, 208), "Mayor wins second term after recount", fontname="hebo", fontsize=16)
    result = restored()
    bodies = {a.headline.string: " ".join(b.string for b in a.body) for a in result.articles}
    assert bodies["Mayor wins second term after recount"].startswith("Mayor Diane Carter won")
    assert "clinic" not in bodies["Mayor wins second term after recount"]
    assert "It is run by a health group" in bodies["Night clinic opens for shift workers downtown"]


def test_a_column_beside_a_short_last_line_goes_on_with_that_columns_story(page, restored):
    """Two stories stacked, each headline over two of its three columns. The upper story's
    third column starts level with a paragraph's short last line ("on record.") atop its
    second: the column's edge is its widest paragraph's, a gutter away, so the third column
    is the upper story's, though the page reads it after the lower story's first columns."""
    page.insert_text((40, 60), "Reservoir levels fall", fontname="hebo", fontsize=14)
    page.insert_text((40, 80), "By Priya Raman", fontname="hebo", fontsize=8)
    _write_columns(page, [(40, ["Water levels at the three", "main reservoirs dropped", "to 38 per cent, the"]),
                          (150, ["   The water authority urged", "households to cut use by", "ten per cent this month."]),
                          (275, ["   Farmers in the valley said", "they had already cut back", "on planting this year."])], 92)
    page.insert_text((40, 125), "lowest in ten years", fontname="tiro", fontsize=9)
    page.insert_text((150, 80), "on record.", fontname="tiro", fontsize=9)
    page.insert_text((275, 80), "rainfall does not improve.", fontname="tiro", fontsize=9)
    page.insert_text((40, 160), "Storm cuts power to homes", fontname="hebo", fontsize=14)
    page.insert_text((40, 180), "By Tom Chan", fontname="hebo", fontsize=8)
    _write_columns(page, [(40, ["High winds brought down", "trees and power lines", "across the north."]),
                          (150, ["   The utility said crews", "had restored power to", "most customers."]),
                          (275, ["   Emergency services took", "more than 600 calls, and", "no one was hurt."])], 192)
    result = restored()
    bodies = {a.headline.string: " ".join(b.string for b in a.body) for a in result.articles}
    assert "rainfall does not improve. Farmers in the valley" in bodies["Reservoir levels fall"]
    assert "rainfall" not in bodies["Storm cuts power to homes"]


def test_a_headline_and_deck_over_a_photo_head_the_text_beside_the_photo():
    """A headline with a deck under it, over a photo three columns wide; the story's text
    runs beside the photo from its top. The deck's foot, not the headline's, stands over
    the photo, and the headline reaches a few characters past the photo over the text's
    column, not over the text: it heads that text."""
    from broadsheet.layout.articles import _headline_over_picture_beside
    from broadsheet.layout.blocks import HEADLINE, LayoutBlock
    headline = LayoutBlock(HEADLINE, [_line("廣湛高鐵全線貫通兩地只需兩小時", (28, 572, 368, 589), 16.0)], 16.0, True, None, 0)
    headline.foot = 603.5  # its deck's foot
    photo = (28.0, 612.0, 348.0, 777.0)
    text_beside = (357.0, 613.0, 442.0, 623.0)
    assert _headline_over_picture_beside(text_beside, [headline], [photo], 9.5) is headline


def test_headless_text_in_lower_case_ends_the_one_story_left_mid_sentence_though_read_before_it(page, restored):
    """Text opening in lower case under a closed story, past a rule, that the page reads
    before the story it ends: the one story whose text stops mid-sentence takes it as its
    end, read last."""
    page.insert_text((40, 60), "Library scraps fines", fontname="hebo", fontsize=14)
    _write_columns(page, [(40, ["Six months after the city", "library stopped charging", "late fees, books came back."])], 80)
    page.insert_text((40, 118), "(Reporting by Grace Kim)", fontname="hebo", fontsize=8)
    page.draw_line((40, 126), (180, 126), width=0.5)
    _write_columns(page, [(40, ["buildings removed their hives", "after staff raised allergy", "concerns last summer."])], 142)
    page.insert_text((220, 60), "Rooftop beehives buzz", fontname="hebo", fontsize=14)
    _write_columns(page, [(220, ["Forty-two office buildings", "now keep beehives on their", "roofs, up from five in 2020.", "   A handful of tenants have",
                                 "complained about bees near", "air vents, and two"])], 80)
    result = restored()
    bodies = {a.headline.string if a.headline else None: " ".join(b.string for b in a.body) for a in result.articles}
    assert None not in bodies
    assert bodies["Rooftop beehives buzz"].endswith("and two buildings removed their hives after staff raised allergy concerns last summer.")


def test_two_columns_over_a_photo_are_read_down_when_their_breaks_then_fall_where_paragraphs_do():
    """The first column over the photo ends a paragraph and its part under the photo opens
    an indented one; the second column over it opens flush, mid-sentence. Read down each
    column, every break agrees with the paragraphs; read across the row, none does."""
    def leaf(lines, x, y, indent=0.0):
        return order.Leaf([_line(text, (x + (indent if k == 0 else 0), y + 13 * k, x + 93, y + 13 * k + 9), 9.0)
                           for k, text in enumerate(lines)], None)
    above = [leaf(["飯堂本學期引入兩部", "炒菜機械人，紓緩人", "手不足的問題。"], 367, 120),
             leaf(["了一點鑊氣。」也有", "學生笑說機械人十分", "準時。經理表示廚師"], 466, 120)]
    under = [leaf(["不少學生好奇排隊試", "食，有學生說：「但少"], 367, 300, indent=18),
             leaf(["則專注研發新菜式，", "並無裁員計劃。"], 466, 300)]
    out = order._columns_resumed_under((367, 170, 560, 290), above + under, 9.0)
    assert [lf.lines[0].string for lf in out] == ["飯堂本學期引入兩部", "不少學生好奇排隊試", "了一點鑊氣。」也有", "則專注研發新菜式，"]


def test_a_photo_with_its_credit_under_the_caption_over_a_story_headed_at_its_foot_is_that_storys(page, restored):
    page.draw_rect(pymupdf.Rect(28, 62, 130, 120), color=(0.4, 0.4, 0.4), fill=(0.6, 0.6, 0.6))
    page.insert_text((28, 130), "▲遊客在夜市品嘗小吃。", fontname="china-t", fontsize=8)
    page.insert_text((95, 140), "（中央社）", fontname="china-t", fontsize=7)
    page.insert_text((28, 158), "本報訊（記者 林志偉）", fontname="china-t", fontsize=9)
    _write_paragraph(page, 28, 172, ["台南花園夜市上週末", "重開，共有約四百個", "攤檔營業。"], 18, font="china-t", size=9)
    page.insert_text((28, 236), "夜市攤檔重開", fontname="china-t", fontsize=16)
    page.insert_text((140, 80), "颱風逼近　天文台考慮改發八號風球", fontname="china-t", fontsize=16)
    _write_paragraph(page, 140, 104, ["天文台表示，颱風正以每小時十八公里", "向西北移動，預料明早最接近本港。"], 18, font="china-t", size=9)
    result = restored()
    captions = {a.headline.string: [c.string for c in a.captions] for a in result.articles if a.headline}
    assert captions["夜市攤檔重開"] == ["遊客在夜市品嘗小吃。"]


def test_the_air_over_a_subhead_low_in_one_column_is_no_band_between_rows():
    """Two columns on one line grid; the right one stopped well above, and the left one has
    a subhead with its first line under a little more white than a story's band. That white
    is the subhead's air: the columns are read one by one, subhead in its column."""
    left = [_item(f"left line {k}", (302, 137 + 14 * k, 430, 146 + 14 * k), 8.5) for k in range(14)]
    right = [_item(f"right line {k}", (439, 137 + 14 * k, 567, 146 + 14 * k), 8.5) for k in range(10)]
    subhead = _item("subhead", (302, 342, 372, 352), 10)
    under = _item("under line", (319, 357, 430, 366), 8.5)
    assert order._subhead_air_in_one_column(left + right + [subhead, under], 329, 342, 8.5)
    # With the right column running down level with the left one, the white parts two rows.
    right_full = [_item(f"right line {k}", (439, 137 + 14 * k, 567, 146 + 14 * k), 8.5) for k in range(14)]
    assert not order._subhead_air_in_one_column(left + right_full + [subhead, under], 329, 342, 8.5)
    pieces = order._cut(left + right + [subhead, under], ([], []), 8.5, set(), 9.0)
    assert [p[0].line.string for p in pieces] == ["left line 0", "subhead", "under line", "right line 0"]


def test_a_long_single_line_stopping_mid_sentence_runs_on_into_the_next_columns_top():
    """A row of one-line columns under a photo, read as one long line, stops mid-sentence;
    the next column's flush top carries it on (a short line would be a title over an author)."""
    from broadsheet.layout.articles import _runs_on
    from broadsheet.layout.blocks import PARAGRAPH, LayoutBlock
    from broadsheet.model import Block
    row = _line("新華社廣州3月2日電（記者 王曉東）記者從鐵路部門獲悉，廣州至湛江高速鐵路今天實現全線", (28, 371, 428, 381), 9)
    top = _line("貫通，預計年底前開通運營。", (439, 122, 565, 132), 9)
    before = LayoutBlock(PARAGRAPH, [row], 9, False, None, 0, False, 3, False, False)
    after = LayoutBlock(PARAGRAPH, [top], 9, False, None, 1, False, 4, False, False)
    before.block, after.block = Block(PARAGRAPH, row.text, [row]), Block(PARAGRAPH, top.text, [top])
    assert _runs_on(before, after)
    title = _line("城市書房通宵開放", (28, 371, 120, 381), 9)
    before.lines, before.block = [title], Block(PARAGRAPH, title.text, [title])
    assert not _runs_on(before, after)


def test_a_one_line_segment_finds_its_column_edge_only_in_lines_of_its_own_column():
    """A column's one line under a photo, flush at its column's edge: the lines of a
    narrower grid further down, starting a little further left, are not its column and do
    not make it indented."""
    from broadsheet.layout.blocks import _column_left
    segment = _line("要守住品質底線，不能為了衝銷量以", (198, 455, 350, 465), 9.5)
    other_grid = [_line("孩子到公園堆雪人、打雪", (180.7, 510 + 14 * k, 285, 520 + 14 * k), 9.5) for k in range(4)]
    own_column = [_line("不過，也有茶農擔心價格戰。茶", (198, 160 + 14 * k, 350, 170 + 14 * k), 9.5) for k in range(2)]
    assert _column_left([segment], {9.5: [segment, *other_grid]}) == 198
    indented = _line("　　黃志強今年三十八歲，二〇", (217, 455, 350, 465), 9.5)
    column = [_line("今年起開始嘗試網絡直播，起", (198, 470 + 14 * k, 350, 480 + 14 * k), 9.5) for k in range(3)]
    assert _column_left([indented], {9.5: [indented, *column, *own_column]}) == 198


def test_a_one_line_segment_under_its_paragraphs_short_last_line_is_indented_from_it():
    """A new paragraph's first line alone at the foot of a column, right under the short
    last line of the paragraph before: that short line shows the column's edge, so the
    segment is indented and its sentence runs on at the next column's top."""
    from broadsheet.layout.blocks import _column_left
    last = _line("面。", (247, 771, 265, 780), 9.0)
    first = _line("在大澳居住了50年的", (265, 785, 348, 795), 9.0)
    assert _column_left([first], {9.0: [last, first]}) == 247


def test_a_line_set_in_past_where_a_lists_wrapped_items_hang_opens_a_paragraph_after_the_list():
    """Wrapped item lines hang under the item's text, just past the bullet; the line after
    the last item is set in further (a paragraph's indent): it opens a paragraph."""
    from broadsheet.layout.blocks import _split_leaf
    lines = [_line("• Closure hours: 10am to", (356.8, 391, 446, 403), 9), _line("9pm, Saturdays and", (362.2, 402, 433, 414), 9),
             _line("• Start date: May 2, 2027", (356.8, 447, 447, 459), 9), _line("The measure will be", (367.6, 459, 457, 471), 9),
             _line("reviewed after one year.", (356.8, 470, 444, 482), 9)]
    groups = _split_leaf(lines, {}, 9.0, False)
    assert [[ln.string for ln in g] for g in groups] == [
        ["• Closure hours: 10am to", "9pm, Saturdays and"], ["• Start date: May 2, 2027"],
        ["The measure will be", "reviewed after one year."]]


def test_an_italic_deck_wrapped_to_three_lines_under_a_narrow_headline_is_its_deck(page, restored):
    """A headline one column wide wraps its italic deck to three lines: still the deck, not
    a paragraph opening the story (which would leave the story under it without a head)."""
    _write_columns(page, [(40, ["Harbour ferry", "fares to rise"])], 70, 17, font="tibo", size=15)
    _write_columns(page, [(40, ["Operator blames fuel", "costs; riders call it", "'a tax on the islands'"])], 108, 13,
                   font="tiit", size=10)
    _write_columns(page, [(40, ["Ferry fares between the", "islands will rise by an", "average of 7.5 per cent",
                                "from January, the firm", "said yesterday."])], 160, 11, size=9.5)
    article = restored().articles[0]
    assert article.headline.string == "Harbour ferry fares to rise"
    assert [d.string for d in article.subheadlines] == ["Operator blames fuel costs; riders call it 'a tax on the islands'"]
    assert article.body[0].string.startswith("Ferry fares between")


def test_a_rail_headline_beside_a_photo_heads_the_text_under_it_not_the_story_above_running_on():
    """Over the photo, two columns of another story stop mid-sentence; level with the photo,
    in a rail of its own to the left, stands a headline: the photo opens that headline's
    story, so the text under the photo is not read on from the columns above."""
    def leaf(lines, x, y, size=9.5, wide=100):
        return order.Leaf([_line(text, (x, y + 12 * k, x + wide, y + 12 * k + 10), size) for k, text in enumerate(lines)], None)
    above = [leaf(["A walk-in clinic opens", "at night for workers"], 122, 390), leaf(["who finish late and", "as a pilot funded"], 237, 390)]
    rail = leaf(["Reservoirs", "fall to a low"], 28, 437, size=15, wide=76)
    under = [leaf(["Water levels at the", "three reservoirs have"], 122, 600), leaf(["capacity, the lowest", "in ten years."], 237, 600)]
    leaves = above + [rail] + under
    photo = (122, 437, 343, 585)
    assert order._columns_resumed_under(photo, leaves, 9.5, [photo]) == leaves
    # With the headline's own text under it, the headline heads a story in its rail, and the
    # columns stopping mid-sentence over the photo run on under it.
    headed = leaf(["The rail's own text", "starts right here."], 28, 475, wide=76)
    read = order._columns_resumed_under(photo, leaves + [headed], 9.5, [photo])
    assert [lf.lines[0].string for lf in read[:4]] == [
        "A walk-in clinic opens", "Water levels at the", "who finish late and", "capacity, the lowest"]


def test_a_byline_beside_a_line_of_the_next_column_in_smaller_type_is_cut_from_it():
    """A byline in one column and the first line of text in the next share a row, apart and
    in two sizes: two columns, not a label tabbed away from its line; so do a line of text
    and a sign-off set at the next column's top. A running head and its folio, far apart in
    one type, stay one row."""
    byline = _item("By Emily Clarke", (28, 620, 90, 628), 8.0)
    text = _item("A village bakery that has", (182, 619, 292, 628), 9.5)
    assert [[it.line.string for it in g] for g in order._cut([byline, text], ([], []), 9.5, set(), 9.0)] == [
        ["By Emily Clarke"], ["A village bakery that has"]]
    text = _item("避免對脆弱的珊瑚", (393, 495, 469, 505), 9.5)
    signoff = _item("整理：黃嘉敏", (485, 495, 539, 504), 9.0)
    assert len(order._cut([text, signoff], ([], []), 9.5, set(), 9.0)) == 2
    head = _item("Chapter 5 - Item 265", (28, 30, 140, 39), 9.0)
    folio = _item("77", (540, 30, 552, 39), 9.0)
    assert order._cut([head, folio], ([], []), 9.5, set(), 9.0) == [[head, folio]]


def test_a_column_stopping_on_a_subhead_over_a_photo_goes_on_under_it():
    """Three columns stop at a photo set across the story, the middle one on a subhead: the
    subhead's text is the middle column's part under the photo, read right after it, not
    after the whole row."""
    def leaf(lines, x, y, size=9.5, right=None):
        return order.Leaf([_line(text, (x, y + 15 * k, right or x + 160, y + 15 * k + 10), size) for k, text in enumerate(lines)],
                          None)
    above = [leaf(["房屋委員會最新數字顯示，一般", "申請者的平均輪候時間已升至"], 66, 170),
             leaf(["關注基層住屋的團體發言人則", "指出，仍有大量家庭住在劏房。"], 236, 150),
             leaf(["劏房戶：只求有扇窗"], 236, 193, size=11.0),
             leaf(["「小朋友做功課要坐在床上。」", "梁太說，她已輪候公屋五年，"], 406, 170)]
    under = [leaf(["六年，較去年同期增加。"], 66, 462), leaf(["住在油麻地劏房的梁太一家四", "口，單位面積不足一百呎。"], 255, 462, right=397),
             leaf(["希望孩子升中前可以上樓。"], 406, 462)]
    out = order._columns_resumed_under((66, 215, 567, 430), above + under, 9.5)
    assert [lf.lines[0].string for lf in out] == [
        "房屋委員會最新數字顯示，一般", "六年，較去年同期增加。", "關注基層住屋的團體發言人則", "劏房戶：只求有扇窗",
        "住在油麻地劏房的梁太一家四", "「小朋友做功課要坐在床上。」", "希望孩子升中前可以上樓。"]


def test_text_under_a_vertical_strips_foot_past_its_storys_sign_off_starts_another_story():
    """A strip stands right of its story's one column, signed off at its foot; under the
    strip's foot, past a story's depth of white, a byline opens a row of columns: another
    story's (its headline set under it), not the strip's. A column running on from the
    strip's text, and text starting under a strip whose story has not begun, stay its own."""
    from broadsheet.layout.articles import _past_the_strips_foot, _Story
    from broadsheet.layout.blocks import BYLINE, HEADLINE, PARAGRAPH, SIGNOFF, LayoutBlock
    strip = LayoutBlock(HEADLINE, [_line("新能源汽车下乡", (545, 348, 562, 611), 16.9)], 16.9, True, None, 0, vertical_strip=True)
    text = LayoutBlock(PARAGRAPH, [_line("商务部等部门近日联合印发通知，", (28, 364, 190, 373), 9.0)], 9.0, False, None, 1)
    signed = LayoutBlock(SIGNOFF, [_line("（完）", (28, 581, 54, 590), 8.5)], 8.5, False, None, 2)
    story = _Story(strip, frame=None)
    story.members = [text, signed]
    byline = LayoutBlock(BYLINE, [_line("本报讯", (28, 627, 54, 636), 8.5)], 8.5, False, None, 3)
    beside = LayoutBlock(PARAGRAPH, [_line("迎来今冬首场大雪，市区积雪深", (165, 628, 293, 637), 9.0)], 9.0, False, None, 4)
    assert _past_the_strips_foot(byline, strip, story, 9.0)
    assert _past_the_strips_foot(beside, strip, story, 9.0)
    running_on = LayoutBlock(PARAGRAPH, [_line("业内人士表示，乡村充电基础", (28, 616, 190, 625), 9.0)], 9.0, False, None, 5)
    story.members = [text, LayoutBlock(PARAGRAPH, [_line("在河南兰考县的一个村子，", (28, 560, 190, 605), 9.0)],
                                       9.0, False, None, 2)]
    assert not _past_the_strips_foot(running_on, strip, story, 9.0)
    story.members = []
    assert not _past_the_strips_foot(byline, strip, story, 9.0)


def test_a_bulleted_sign_off_wrapped_in_a_narrow_column_is_one_block():
    """``●記者 唐志偉 報道`` set in a narrow column wraps its last word flush right: the
    bullet opened what reads as a list item and the tail a block of its own, but joined
    the two lines are the sign-off. A list item over a short line of text stays apart."""
    from broadsheet.layout.blocks import _join_wrapped_marked_signoffs
    text = [_line("夜搜索後將他們救出。", (39, 640, 94, 649), 9.0)]
    bullet = [_line("●記者 唐志偉", (39, 664, 94, 673), 8.5)]
    tail = [_line("報道", (77, 680, 94, 689), 8.5)]
    assert _join_wrapped_marked_signoffs([text, bullet, tail], 9.0) == [text, bullet + tail]
    item = [_line("● 保留付款紀錄", (39, 664, 94, 673), 9.0)]
    after = [_line("查清退貨期限", (39, 680, 94, 689), 9.0)]
    assert _join_wrapped_marked_signoffs([item, after], 9.0) == [item, after]

def test_a_caption_under_a_photo_set_down_to_the_pages_foot_is_its_caption_not_furniture(page, restored):
    """The bottom band holds the page's furniture, but the line right under a story's photo
    that reaches down into it is the photo's caption."""
    # The page is 842 pt high: the band starts some way over the foot.
    page.insert_text((40, 70), "Canteen robots cook fried rice", fontname="tibo", fontsize=18)
    _write_columns(page, [(40, [f"Line {k} of the story about the robots in the canteen." for k in range(30)])], 100, 11,
                   size=9)
    page.draw_rect(pymupdf.Rect(40, 450, 300, 805), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((40, 815), "A cooking robot at work in the university canteen.", fontname="tiro", fontsize=8)
    result = restored()
    assert [c.string for a in result.articles for c in a.captions] == ["A cooking robot at work in the university canteen."]
    assert not [b for b in result.unassigned if b.kind == "furniture"]


def test_deck_sized_titles_under_short_rules_down_a_column_of_briefs_each_head_a_brief(page, restored):
    """A column of briefs beside a story: each title, in deck-sized type, is set under a
    short separating rule after the item above. The first heads its brief; so does each
    next one, though running text stands level with it in the story's column on its left."""
    page.insert_text((28, 90), "广湛高铁全线贯通　通行缩短", fontname="china-s", fontsize=20)
    story = ["记者从铁路部门获悉，广州至", "湛江高速铁路今天实现全线贯", "通，两地通行时间将缩短。"] * 8
    _write_columns(page, [(28, story[:12]), (165, story[12:])], 125, 14, font="china-s", size=8.5)
    y = 84.0
    titles = ["外卖骑手纳入工伤保险", "川剧演员走进茶馆", "折叠屏手机价格下探"]
    for k, title in enumerate(titles):
        if k:
            page.draw_line((330, y - 8), (390, y - 8), color=(0, 0, 0), width=0.5)
        page.insert_text((302, y + 4), title, fontname="china-s", fontsize=10.6 - 0.3 * k)
        _write_columns(page, [(302, ["人力资源和社会保障部近日", "发布消息，新就业形态人员", "职业伤害保障试点扩大。"])],
                       y + 20, 13, font="china-s", size=8.5)
        y += 80
    result = restored()
    assert [a.headline.string for a in result.articles if a.headline][-3:] == titles
    assert not [b for a in result.articles for b in a.body if b.kind == "subhead"]


def test_a_pull_quote_whose_sentence_jumps_to_another_page_mid_way_is_still_a_quote():
    """The story's text stops mid-sentence where it jumps to another page; the quote set in
    big type repeats that sentence whole. Its long opening ending a block of running text
    is enough to tell it; a short one is not."""
    from broadsheet.layout.articles import _plain, _quoted_across_pieces
    quote = _plain("馆方正在研究增加夜场场次，并推出更多文创产品。")
    pieces = [_plain("今年以来博物馆接待观众已超过400万人次。馆方正在研究增加夜场场次，并推"),
              _plain("随着高考成绩陆续公布，考生和家长进入志愿填报的关键时期。")]
    assert _quoted_across_pieces(quote, pieces)
    assert not _quoted_across_pieces(quote, [_plain("今年以来观众已超过400万人次。馆方正在研究"), pieces[1]])


def test_deck_type_atop_a_later_column_level_with_the_storys_byline_is_a_subhead(page, restored):
    """The headline spans three columns; the story's byline opens the first right under it
    and, level with the byline, a title in deck type tops the third: a subhead atop a later
    column of the running text, not the headline's deck."""
    page.insert_text((40, 70), "Library scraps overdue fines, and the books come back", fontname="hebo", fontsize=16)
    page.insert_text((40, 92), "By Olivia Brooks", fontname="hebo", fontsize=9)
    _write_columns(page, [(40, ["Six months after the city", "library stopped charging", "late fees, more than 4,000",
                                "overdue books have been", "returned, some of them", "decades late."])], 104)
    _write_columns(page, [(180, ["Head librarian Samuel", "Okafor said membership", "had risen 12 per cent",
                                 "since the change. Fines", "were keeping people away,", "especially families."])], 92)
    page.insert_text((290, 92), "What readers can expect", fontname="hebo", fontsize=11)
    _write_columns(page, [(290, ["No fines on books, films", "or magazines; lost items", "are still charged at their",
                                 "replacement cost."])], 106)
    [article] = restored().articles
    assert article.subheadlines == []
    assert [b.string for b in article.body if b.kind == "subhead"] == ["What readers can expect"]
    assert article.byline is not None and article.byline.string == "By Olivia Brooks"


def test_a_caption_naming_the_story_beside_its_photo_goes_to_that_story(page, restored):
    """The photo of the chess story on the left is set into the columns of the cricket story
    on its right; its caption names the girl only the chess story speaks of, and nothing
    of the cricket story's. It is the chess story's caption."""
    page.insert_text((40, 70), "Schoolgirl wins chess title", fontname="hebo", fontsize=16)
    _write_columns(page, [(40, ["Mei Lin Zhou, eleven, won", "the national chess title", "on Sunday. Her coach said",
                                "Zhou had studied for hours", "every day since spring."]),
                          (170, ["She learned the game on a", "folding board in the", "kitchen of her grandmother",
                                 "and will play the world", "youth final in September."])], 92)
    page.insert_text((300, 70), "Late collapse costs title", fontname="hebo", fontsize=16)
    _write_columns(page, [(300, ["Needing 42 runs from the", "last eight overs, Westbridge", "lost five wickets for 19",
                                 "runs and handed the match", "to Eastmoor at the ground."])], 92)
    page.draw_rect(pymupdf.Rect(300, 150, 540, 250), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((300, 262), "Mei Lin Zhou during the final round at the national championship.", fontname="tiro",
                     fontsize=7.5)
    articles = restored().articles
    captions = {a.headline.string: [c.string for c in a.captions] for a in articles}
    assert captions["Schoolgirl wins chess title"] == ["Mei Lin Zhou during the final round at the national championship."]
    assert captions["Late collapse costs title"] == []


def test_text_in_the_row_a_narrow_headline_heads_is_no_footing_headlines_stack():
    """A headline narrower than its story heads a row of columns running on to its right;
    under that row a story headed at its foot starts with its byline. The row's text over
    the byline's level is the upper story's, though its headline does not span it."""
    from broadsheet.layout.articles import _in_a_headlines_row, _over_the_stacks_byline
    from broadsheet.layout.blocks import BYLINE, HEADLINE, PARAGRAPH, LayoutBlock

    def para(box, order):
        return LayoutBlock(PARAGRAPH, [_line("text", box, 9.0)], 9.0, False, None, order)
    head = LayoutBlock(HEADLINE, [_line("Village bakery saved by crowdfunding", (28, 497, 270, 515), 13.3)], 13.3, True,
                       None, 0)
    row = [para((28, 519, 129, 600), 1), para((138, 519, 238, 599), 2), para((247, 519, 348, 554), 3),
           para((357, 519, 457, 542), 4)]
    lower = para((357, 543, 457, 600), 5)
    byline = LayoutBlock(BYLINE, [_line("By Michael Grant", (247, 612, 317, 624), 8.5)], 8.5, False, None, 6)
    below = [byline, para((247, 624, 348, 693), 7), para((357, 612, 457, 692), 8)]
    members = [head] + row + [lower] + below
    assert _in_a_headlines_row(lower.bbox, [head], members, [], 9.0)
    assert not _in_a_headlines_row((600, 543, 700, 600), [head], members, [], 9.0)
    assert _over_the_stacks_byline(lower, below, [head], members, [], [], 9.0)


def test_a_picture_under_a_headlines_decks_is_under_the_headline():
    """A rail headline, its deck, then its photo under the deck: the photo stands under the
    headline (measured from the deck's foot), so the text under the photo is the rail's
    story, not text a side rail lets go."""
    from broadsheet.layout.articles import _picture_under
    from broadsheet.layout.blocks import HEADLINE, LayoutBlock
    head = LayoutBlock(HEADLINE, [_line("漁民轉型生態導賞", (28, 232, 94, 308), 16.6)], 16.6, True, None, 0)
    head.foot = 321.0  # its deck's foot
    assert _picture_under(head, [(28, 330, 110, 386)], 8.5)
    assert not _picture_under(head, [(28, 360, 110, 420)], 8.5)


def test_a_columns_last_line_under_its_photo_in_the_pages_foot_band_is_text_not_furniture(page, restored):
    """A photo set into a column near the page's foot, its caption under it, then the
    column's last line, in the band where running feet stand: the story's text running on
    past the picture, not a foot line."""
    # The page is 842 pt high, so the line at 774 stands in its foot band.
    page.insert_text((40, 560), "Hikers rescued on the peak", fontname="hebo", fontsize=16)
    _write_columns(page, [(40, ["Two hikers lost their way on", "the peak on Sunday afternoon,",
                                "and one of them hurt an ankle.", "Firefighters and a helicopter",
                                "searched for them until nine"])], 590, 11)
    page.draw_rect(pymupdf.Rect(40, 650, 200, 738), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((40, 750), "A helicopter joins the search.", fontname="tiro", fontsize=7.5)
    page.insert_text((40, 774), "o'clock, when both were found.", fontname="tiro", fontsize=9)
    result = restored()
    assert not [b.string for b in result.unassigned if b.kind == "furniture"]
    assert "".join(b.string for b in result.articles[0].body).endswith("o'clock, when both were found.")


def test_a_subhead_right_under_a_photo_set_into_its_column_is_a_subhead():
    """Under a rail headline's photo and caption, a title a little larger than the text,
    with the story's text under it: the photo parts it from the text above, yet it stands in
    the running text; it is a subhead, not the next story's headline."""
    from broadsheet.layout.articles import _right_under_a_picture
    from broadsheet.layout.blocks import DECK, LayoutBlock
    subhead = LayoutBlock(DECK, [_line("年轻人回乡创业", (28, 431, 102, 442), 10.5)], 10.5, False, None, 20)
    assert _right_under_a_picture(subhead, [(28, 340, 127, 410), (28, 415, 124, 423)], 9.0)
    assert not _right_under_a_picture(subhead, [(140, 340, 240, 423)], 9.0)


def test_a_strip_whose_story_ended_above_a_block_yields_it_to_the_next_strip():
    """A strip on the left heads the columns beside it, which end well above a byline set
    under its foot; a strip on the right heads the text on its left from that byline down.
    The byline is the right-hand strip's, though the left-hand one stands nearer."""
    from broadsheet.layout.articles import _side_headline, _side_headline_open_for, _Story
    from broadsheet.layout.blocks import BYLINE, HEADLINE, PARAGRAPH, LayoutBlock
    left = LayoutBlock(HEADLINE, [_line("共享单车乱停放整治见效", (33, 71, 46, 339), 13.5)], 13.5, True, None, 0,
                       vertical_strip=True)
    right = LayoutBlock(HEADLINE, [_line("外卖骑手纳入工伤保险", (367, 356, 379, 608), 12.0)], 12.0, True, None, 9,
                        vertical_strip=True)
    column = LayoutBlock(PARAGRAPH, [_line("上海市交通部门联合三家共享", (60, 100, 162, 272), 9.0)], 9.0, False, None, 1)
    stories = {id(left): _Story(left, members=[column]), id(right): _Story(right)}
    byline = LayoutBlock(BYLINE, [_line("本报讯人力资源和社会保", (28, 356, 127, 366), 9.0)], 9.0, False, None, 10)
    bands = {id(left): float("inf"), id(right): float("inf")}
    assert _side_headline(byline.bbox, [left, right], bands, 9.0, [], [column, byline]) is left  # the nearer
    assert _side_headline_open_for(byline, [left, right], stories, bands, 9.0, [], [column, byline]) is right


def test_a_page_that_hyphenates_with_u2010_and_prints_ascii_hyphens_loses_every_u2010_at_line_ends():
    """WeasyPrint marks its own breaks with U+2010 while the copy's compounds carry ASCII
    hyphens: ``water‐`` / ``front`` is one word, though ``water-front`` reads as a compound,
    and ``two-`` / ``bedroom`` keeps its hyphen."""
    from broadsheet.repair.lines import hyphenation_mark, join_wrapped_lines
    strings = ["Stallholders moved to the water\u2010", "front after a six-month trial, and a two-",
               "bedroom flat near West\u2010", "bridge costs more."]
    lines = [_line(s, (40, 100 + 12 * k, 200, 110 + 12 * k), 9) for k, s in enumerate(strings)]
    assert hyphenation_mark(lines) == "\u2010"
    text, removed = join_wrapped_lines(lines, frozenset(), "en", hyphenation_mark(lines))
    assert text.string == ("Stallholders moved to the waterfront after a six-month trial, and a two-bedroom "
                           "flat near Westbridge costs more.")
    assert [r.text for r in removed] == ["\u2010", "\u2010"]
    # A page printing U+2010 inside its lines uses it as its hyphen: the words decide.
    inside = lines + [_line("a well\u2010known plan", (40, 160, 200, 170), 9)]
    assert hyphenation_mark(inside) is None


def test_a_list_item_wrapped_before_a_capital_the_short_line_had_no_room_for_runs_on(page, restored):
    """``Blocks affected: 100 to 400 Elm`` / ``Street``: the item's first line stops short
    because ``Street`` did not fit after it, so the capital opens no new sentence; a line
    whose first word would have fitted, or set out left of the item's text, ends the list."""
    page.insert_text((40, 100), "Elm Street closes to cars", fontname="hebo", fontsize=18)
    _write_columns(page, [(40, ["Elm Street will close to cars on weekends", "from May, the council said on Monday."])], 124)
    items = [["Closure hours: 10am to 9pm,", "Saturdays and Sundays"], ["Blocks affected: 100 to 400 Elm", "Street"],
             ["Start date: May 2, 2027"]]
    y = 146
    for item in items:
        page.draw_circle((44, y - 3), 1.6, color=None, fill=(0, 0, 0))
        _write_columns(page, [(52, item)], y)
        y += 11 * len(item)
    _write_columns(page, [(40, ["The council said it would review the", "measure after one year of trading."])], y)
    result = restored()
    [story] = result.articles
    assert [(b.kind, b.string) for b in story.body[1:]] == [
        ("list_item", "Closure hours: 10am to 9pm, Saturdays and Sundays"),
        ("list_item", "Blocks affected: 100 to 400 Elm Street"),
        ("list_item", "Start date: May 2, 2027"),
        ("paragraph", "The council said it would review the measure after one year of trading.")]


def test_a_justified_columns_last_line_spread_to_its_edge_runs_on_at_the_next_columns_top():
    """A justified paragraph's last line is set at the type's own spacing: a column whose
    last line is spread to the edge breaks mid-paragraph, though that line ends a sentence
    (``from a quarter`` / ``five years ago.`` | ``"We have held fares…``)."""
    from broadsheet.layout.articles import _runs_on
    from broadsheet.layout.blocks import PARAGRAPH, LayoutBlock, _spread_to_edge
    from broadsheet.model import Block
    strings = ["Ferry fares", "between Central", "and the outlying", "islands will rise", "since 2020.",
               "The company", "said fuel now", "running costs, up", "from a quarter", "five years ago."]
    rights = [114.9, 114.9, 114.9, 114.9, 86.3, 114.9, 114.9, 114.9, 114.9, 114.9]
    column = [_line(s, (34, 480 + 13.5 * k, r, 490 + 13.5 * k), 9) for k, (s, r) in enumerate(zip(strings, rights))]
    assert _spread_to_edge(column)
    assert not _spread_to_edge(column[:5])  # a paragraph's short last line
    ragged = [_line(s, (34, 480 + 13.5 * k, 80 + 4 * len(s), 490 + 13.5 * k), 9) for k, s in enumerate(strings)]
    assert not _spread_to_edge(ragged)
    top = _line('"We have held fares as long as', (124, 480, 205, 490), 9)
    before = LayoutBlock(PARAGRAPH, column[5:], 9, False, None, 0, False, 3, False, True, True)
    after = LayoutBlock(PARAGRAPH, [top], 9, False, None, 1, False, 4, False, False)
    last = column[-1]
    before.block, after.block = Block(PARAGRAPH, last.text, column[5:]), Block(PARAGRAPH, top.text, [top])
    assert _runs_on(before, after)
    before.ends_spread = False
    assert not _runs_on(before, after)


def test_a_word_hyphenated_at_a_column_break_is_one_word_again(page, restored):
    """``custom-`` at the foot of a column and ``ers`` at the next one's top: the paragraph
    runs on across the break, and the hyphen is settled as a line-end hyphen inside a
    column is (cut, recorded), where a compound's own (``two-`` / ``bedroom``) stays tight."""
    page.insert_text((40, 100), "Bakery saved by its customers", fontname="hebo", fontsize=18)
    _write_columns(page, [(40, ["A village bakery that has sold bread", "on the same corner since 1931 will",
                                "stay open after custom-"]),
                          (230, ["ers raised more than $85,000 in three", "weeks. Its owner rents a two-"]),
                          (420, ["bedroom flat above the shop."])], 124)
    result = restored()
    [story] = result.articles
    assert [b.string for b in story.body] == [
        "A village bakery that has sold bread on the same corner since 1931 will stay open after customers raised "
        "more than $85,000 in three weeks. Its owner rents a two-bedroom flat above the shop."]
    assert [(r.text, r.reason) for r in result.removed] == [("-", "join_wrapped_lines")]


def test_a_short_last_line_under_an_indented_first_line_is_read_after_it(page, restored):
    """``映。`` under ``　　電影將於…上``, alone in a column: the indent less the stop's hanging
    half leaves a sliver of white between the two lines, as wide as a gutter. They share no
    row and stand a leading apart, so they are one column, read top to bottom."""
    page.insert_text((40, 80), "本地電影票房破億", fontname="china-t", fontsize=20)
    first = [(1, "本地電影《街角那盞燈》上映第"), (0, "五週，累積票房突破億元，成為今年"), (0, "最賣座的華語片。"),
             (1, "飾演祖母的資深演員白淑芬今年"), (0, "八十歲，她笑言：「第一次有人找我"), (0, "做女主角，真係高高興興。」")]
    for i, (indent, text) in enumerate(first):
        page.insert_text((40 + 19 * indent, 110 + 14 * i), text, fontname="china-t", fontsize=9.5)
    for i, (indent, text) in enumerate([(1, "電影將於明年2月在東京及首爾上"), (0, "映。")]):
        page.insert_text((212 + 19.5 * indent, 110 + 14 * i), text, fontname="china-t", fontsize=9.5)
    [story] = restored().articles
    assert [b.string for b in story.body][-1] == "電影將於明年2月在東京及首爾上映。"



def test_small_type_right_under_a_two_line_caption_is_its_credit(page, restored):
    """A credit set under a caption of two lines, flush right in the photo's width, stands
    too far under the photo to be near it: it is the caption's credit all the same, not a
    paragraph of the story."""
    page.insert_text((40, 80), "Hikers rescued from hillside", fontname="hebo", fontsize=20)
    page.draw_rect(pymupdf.Rect(40, 100, 150, 250), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((40, 261), "A government helicopter joins", fontname="helv", fontsize=7.5)
    page.insert_text((40, 272), "the search on Tuesday.", fontname="helv", fontsize=7.5)
    credit_width = pymupdf.get_text_length("Government Flying Service", fontname="helv", fontsize=6.5)
    page.insert_text((150 - credit_width, 283), "Government Flying Service", fontname="helv", fontsize=6.5)
    _write_columns(page, [(165, ["Two men who lost their way on the", "hill on Tuesday were lifted off by",
                                 "helicopter, the fire service said.", "Both were taken to hospital with",
                                 "light injuries, and walkers were", "asked to keep to marked paths."])], 110,
                   leading=12, size=8.5)
    [story] = restored().articles
    assert [(c.string, c.credit.string if c.credit else None) for c in story.captions] == [
        ("A government helicopter joins the search on Tuesday.", "Government Flying Service")]
    assert [b.kind for b in story.body] == ["paragraph"]


def test_a_date_ending_the_phrase_above_it_is_no_masthead_date(page, restored):
    """``Start date:`` / ``May 2, 2027``, a list item wrapped in a narrow column: a line
    that is a date and nothing else is furniture at a masthead, but after a line stopping
    mid-phrase (on a colon) it ends that phrase, in its block."""
    page.insert_text((40, 100), "Elm Street closes to cars", fontname="hebo", fontsize=18)
    _write_columns(page, [(40, ["Elm Street will close to", "cars on weekends, the", "council said."])], 124)
    items = [["Closure hours: 10am", "to 9pm, weekends"], ["Start date:", "May 2, 2027"]]
    y = 157
    for item in items:
        page.draw_circle((44, y - 3), 1.6, color=None, fill=(0, 0, 0))
        _write_columns(page, [(52, item)], y)
        y += 11 * len(item)
    _write_columns(page, [(40, ["The council will review", "the measure in a year."])], y)
    result = restored()
    [story] = result.articles
    assert [(b.kind, b.string) for b in story.body if b.kind == "list_item"] == [
        ("list_item", "Closure hours: 10am to 9pm, weekends"), ("list_item", "Start date: May 2, 2027")]
    assert not result.unassigned



def test_a_month_ending_the_cjk_item_above_it_is_no_masthead_date(page, restored):
    """``試驗期：2026年9月至`` / ``2027年7月``: a month's date alone on a line dates a page,
    but after a line stopping on a word that leads on to it (至) it ends that item."""
    page.insert_text((40, 100), "中學引入人工智能助教", fontname="china-t", fontsize=18)
    _write_columns(page, [(40, ["教育局推出試驗計劃，在十二", "間公立中學引入人工智能助", "教系統。"])], 124,
                   font="china-t", size=9)
    items = [["試驗學校：十二間公立中學"], ["試驗期：2026年9月至", "2027年7月"]]
    y = 168
    for item in items:
        page.draw_circle((44, y - 3), 1.6, color=None, fill=(0, 0, 0))
        _write_columns(page, [(52, item)], y, font="china-t", size=9)
        y += 11 * len(item)
    _write_columns(page, [(40, ["教育局表示，計劃會在學期", "結束後檢討。"])], y + 4, font="china-t", size=9)
    result = restored()
    items = [b.string for a in result.articles for b in a.body if b.kind == "list_item"]
    assert "試驗期：2026年9月至2027年7月" in items, items
    assert not any(b.string.startswith("2027") for b in result.unassigned)


def test_a_list_item_led_by_a_drawn_mark_in_the_pages_foot_band_is_no_furniture(page, restored):
    """A story's last item, under a subhead in larger type, printed down in the page's outer
    band: a line led by a drawn list disc is no running foot or folio, and stays the story's."""
    page.insert_text((40, 682), "Library scraps overdue fines", fontname="hebo", fontsize=18)
    _write_columns(page, [(40, ["Six months after the city library stopped", "charging late fees, more than 4,000",
                                "overdue books have come back, some of", "them decades late."])], 706)
    page.insert_text((40, 762), "What readers can expect", fontname="hebo", fontsize=10)
    page.draw_circle((44, 789 - 3), 1.6, color=None, fill=(0, 0, 0))
    _write_columns(page, [(52, ["No fines on books, films or magazines"])], 789)
    result = restored()
    [story] = result.articles
    assert [(b.kind, b.string) for b in story.body][-1] == ("list_item", "No fines on books, films or magazines")
    assert not result.unassigned


def test_a_european_papers_reporters_line_with_a_jump_after_it_signs_off_its_summary():
    """"di" and a name, or a list of names (surnames alone once there are three), is a
    byline; with the jump to the story's page run on after a bullet it closes the summary
    as its sign-off. Two words of running text are neither."""
    from broadsheet.layout.blocks import BYLINE, SIGNOFF, line_hint
    assert line_hint("di Marta Bellini") == BYLINE
    assert line_hint("di Luca Ferri, Anna Conti e Paolo Gallo") == BYLINE
    assert line_hint("di Rossi, Bianchi, Greco, Moretti") == BYLINE
    assert line_hint("di Marta Bellini •a pagina 8") == SIGNOFF
    assert line_hint("di Luca Ferri e Anna Conti •alle pagine 20 e 21") == SIGNOFF
    assert line_hint("di Roma e Milano") is None
    assert line_hint("di Marta Bellini • una giornata lunga") is None  # no jump: not a byline at all


def test_a_european_byline_whose_names_run_on_into_the_next_line_is_one_sign_off():
    from broadsheet.layout.blocks import SIGNOFF, _split_leaf
    from broadsheet.layout.lines import Style
    lines = [_line("Il ministro ha poi lasciato la sala senza", (40, 100, 240, 109), 9.3),
             _line("rispondere alle domande.", (40, 111, 150, 120), 9.3),
             _line("di Rossi, Bianchi, Greco, Moretti", (40, 122, 200, 131), 9.3),
             _line("Ferrara e Villa •da pagina 2 a 7", (40, 133, 190, 142), 9.3)]
    plain, bold = Style(9.3, False, False, 0, "Serif", False), Style(9.3, True, False, 0, "Serif-Bold", False)
    styles = {lines[0].bbox: plain, lines[1].bbox: plain, lines[2].bbox: bold, lines[3].bbox: plain}
    groups = _split_leaf(lines, styles, 9.3, indents=False)
    assert [[ln.string for ln in g] for g in groups][-1] == ["di Rossi, Bianchi, Greco, Moretti", "Ferrara e Villa •da pagina 2 a 7"]
    from broadsheet.layout.blocks import joined_string, line_hint
    assert line_hint(joined_string(groups[-1])) == SIGNOFF


def test_a_space_ending_each_line_does_not_close_a_narrow_gutter(page, restored):
    """Some producers (Typst) set the space a line broke at, so MuPDF's box of every line
    reaches past the last word into the gutter: read as ink, two boxes' width of space
    closes a gutter that shows 0.8 em of white. The columns are still read one after the other."""
    size, leading, left = 9.5, 12.0, 40.0
    columns = [
        ["The council voted on Monday to ", "close four blocks of the street ", "to motor traffic on weekends ",
         "from May, turning the shops into ", "a pedestrian plaza for summer."],
        ["Opponents said the closure would ", "push traffic into quiet streets ", "nearby, and asked for a review ",
         "of the plan after six months of ", "the trial had passed."],
    ]
    page.insert_text((left, 60), "Street to close on weekends", fontname="hebo", fontsize=18)
    measure = max(pymupdf.get_text_length(row.rstrip(), fontname="tiro", fontsize=size) for rows in columns for row in rows)
    for n, rows in enumerate(columns):
        x = left + n * (measure + 0.5 * size)
        for k, row in enumerate(rows):
            page.insert_text((x, 90 + k * leading), row, fontname="tiro", fontsize=size)
    raw = page.get_text("dict")
    ends = [ln["bbox"][2] for b in raw["blocks"] for ln in b.get("lines", []) if ln["bbox"][0] < 100 and ln["bbox"][1] > 75]
    starts = [ln["bbox"][0] for b in raw["blocks"] for ln in b.get("lines", []) if ln["bbox"][0] > 100 and ln["bbox"][1] > 75]
    assert min(starts) - max(ends) < 0.6 * size  # MuPDF's boxes leave less than a gutter's white
    [story] = restored().articles
    text = " ".join(b.string for b in story.body)
    assert text.index("a pedestrian plaza for summer.") < text.index("Opponents said")
    assert "Monday to close four blocks" in text


UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")  # fonts-arphic-uming, installed by setup.sh


@pytest.mark.skipif(not UMING.exists(), reason="needs fonts-arphic-uming")
def test_a_label_led_by_a_mark_right_over_a_headline_is_its_kicker_even_at_the_page_top(page, restored):
    """``〓 話題１`` (a mark, then a word) in running-text type, set right over a headline: the story's label
    (a kicker), not a running head (the first sits in the page's top band) nor a line of
    the story before (the second)."""
    page.insert_font(fontname="um", fontfile=str(UMING))
    stories = [
        (40, "〓 話題１", "圖書館延長開放時間", ["中央圖書館由下月起延長開放至晚上十時，", "方便學生在考試期間溫習。館方表示，",
                                                    "自修室座位亦會增加約一百個。"]),
        (300, "〓 話題２", "海濱長廊新增單車徑", ["海濱長廊將加建一段單車徑，全長約兩公里，", "預計明年年中完工。區議員表示，",
                                                   "居民早已要求增設有關設施。"]),
    ]
    for top, label, headline, body in stories:
        page.insert_text((60, top + 14), label, fontname="um", fontsize=12)
        page.insert_text((60, top + 38), headline, fontname="um", fontsize=18, render_mode=2, border_width=0.03)
        for k, line in enumerate(body):
            page.insert_text((60, top + 70 + k * 18), line, fontname="um", fontsize=12)
    restored_page = restored()
    assert [a.headline.string for a in restored_page.articles] == ["圖書館延長開放時間", "海濱長廊新增單車徑"]
    for article, (_top, label, _headline, body) in zip(restored_page.articles, stories):
        assert label in [d.string for d in article.subheadlines]
        assert label not in " ".join(b.string for b in article.body)
    assert not [u for u in restored_page.unassigned if "話題" in u.string]


@pytest.mark.skipif(not UMING.exists(), reason="needs fonts-arphic-uming")
def test_a_headline_wrapped_with_open_leading_is_one_headline(page, restored):
    """A CJK headline wrapped in a narrow measure, its lines set 0.7 em apart (Typst's leading
    for a headline left at the text's): each line fills the measure but the last, and
    together they are one headline, not a headline and three decks."""
    page.insert_font(fontname="um", fontfile=str(UMING))
    size = 20.0
    for k, line in enumerate(["老字號餅店第", "三代接手　蛋", "撻加入抹茶口", "味"]):
        page.insert_text((40, 80 + k * 1.75 * size), line, fontname="um", fontsize=size)
    body = ["周浩然每天凌晨四時開工，親手搓皮、打蛋。", "他說，做餅要有耐性，急不來。店內招牌蛋撻",
            "沿用舊配方，但他新增了抹茶及芝麻兩款口味，", "吸引不少年輕顧客。街坊陳伯光顧了四十多年，",
            "他笑說味道冇變，只係包裝靚咗。他每星期總會", "來買兩次雞仔餅，買返屋企俾孫仔食。"]
    _write_columns(page, [(190, body)], 80, leading=13, font="um", size=8.5)
    [story] = restored().articles
    assert story.headline.string == "老字號餅店第三代接手　蛋撻加入抹茶口味"
    assert story.subheadlines == []


def test_one_line_paragraphs_each_set_in_are_each_a_paragraph(page, restored):
    """In a wide measure most paragraphs are a line or two. A line set in under a line set in
    just as far, which ended a sentence, opens a paragraph: a paragraph's second line goes
    back to the column's edge."""
    page.insert_text((40, 60), "Council backs late-night bus trial", fontname="hebo", fontsize=18)
    size, indent = 9.0, 18.0
    rows = [
        (indent, "The council voted on Monday to run four night bus routes for six months from January, at a cost"),
        (0, "of about two million dollars, paid from the transport budget."),
        (indent, "Residents of the outer districts had asked for a night service for years."),
        (indent, "Operators said drivers would be hired from the day routes on overtime."),
        (indent, "A review will decide next summer whether the routes stay, and the council will publish"),
        (0, "the figures for each route every month."),
    ]
    for k, (x, text) in enumerate(rows):
        page.insert_text((40 + x, 90 + k * 12), text, fontname="tiro", fontsize=size)
    [story] = restored().articles
    assert [b.string[:20] for b in story.body] == [
        "The council voted on", "Residents of the out", "Operators said drive", "A review will decide"]


def test_a_ragged_headline_wrapped_with_open_leading_is_one_headline():
    """Ragged English lines set 0.6 em apart in a narrow rail (Typst), the XY-cut having read
    each apart: a line is full when the next line's first word would not have fitted after
    it, however short it stops, and a row justified into pieces is as wide as its pieces.
    A line that stops where the next word would have fitted ends the headline."""
    from broadsheet.layout.blocks import HEADLINE, LayoutBlock, join_wrapped_headlines

    def head(rows, order):
        return LayoutBlock(HEADLINE, [_line(text, box, 20) for text, box in rows], 20, True, None, order)
    lines = [head([("Student-", (34, 100.8, 132.2, 120.8))], 0),
             head([("built satellite", (34, 132.0, 161.1, 152.0))], 1),
             head([("final", (34, 163.2, 83.4, 183.2)), ("test", (111.9, 163.2, 156.5, 183.2))], 2),
             head([("before launch", (34, 194.4, 158.0, 214.4))], 3)]
    stop = head([("Night", (34, 400.0, 90.0, 420.0))], 4)
    after = head([("buses return", (34, 431.2, 160.0, 451.2))], 5)
    kept = join_wrapped_headlines([*lines, stop, after])
    assert [ln.string for ln in kept[0].lines] == ["Student-", "built satellite", "final", "test", "before launch"]
    assert kept[1:] == [stop, after]


@pytest.mark.skipif(not UMING.exists(), reason="needs fonts-arphic-uming")
def test_a_cjk_line_whose_figures_are_set_in_a_bold_latin_face_keeps_the_lines_type(page, restored):
    """A CJK face with one weight and its figures in a bold Latin face (Typst falls back so):
    the line's type is the face that inks most of it, so the headline's short last line,
    ``約12元``, is the same type as the line above and goes on the headline."""
    page.insert_font(fontname="um", fontfile=str(UMING))
    size = 18.0
    page.insert_text((40, 80), "水費十年來首次上調　住戶每月多付", fontname="um", fontsize=size)
    x = 40.0
    for piece, font in (("約", "um"), ("12", "hebo"), ("元", "um")):
        page.insert_text((x, 104), piece, fontname=font, fontsize=size)
        x += pymupdf.get_text_length(piece, fontname="hebo", fontsize=size) if font == "hebo" else size
    body = ["水務署建議由明年四月起上調水費，這是十年來首次加價。", "以一個四人家庭計算，每月水費將增加約十二元。",
            "消費者委員會認為加幅合理，但建議政府為低收入家庭", "提供水費寬免。"]
    _write_columns(page, [(40, body)], 132, leading=14, font="um", size=10)
    [story] = restored().articles
    assert story.headline.string == "水費十年來首次上調　住戶每月多付約12元"
    assert story.subheadlines == []


@pytest.mark.skipif(not UMING.exists(), reason="needs fonts-arphic-uming")
def test_a_bracket_hung_left_of_its_column_does_not_close_the_gutter(page, restored):
    """Typst hangs half of an opening bracket left of a CJK column's edge: that half stands
    in the gutter, which the lines' boxes otherwise leave an em wide. The columns are still
    read one after the other."""
    page.insert_font(fontname="um", fontfile=str(UMING))
    size, leading = 9.5, 14.0
    page.insert_text((40, 60), "房委會公布公屋輪候時間", fontname="um", fontsize=18)
    left = ["房委會資助房屋小組委員會主席表", "示，隨着多個大型屋邨落成，輪候", "時間可望在兩年內回落至五年以下", "，但團體認為仍然太慢，應加快興", "建過渡性房屋以紓緩壓力。"]
    right = ["梁太已輪候公屋五年，她希望可以", "在孩子升中前上樓，一家人就可以", "「開開心心食一餐飯」。房屋局發", "言人表示，政府會繼續透過計劃縮", "短輪候時間，首批單位明年入伙。"]
    x_right = 40 + 15 * size + 1.0 * size
    # Each column drawn whole, one after the other, as a typesetter draws its columns.
    for k, a in enumerate(left):
        page.insert_text((40, 90 + k * leading), a, fontname="um", fontsize=size)
    for k, b in enumerate(right):
        page.insert_text((x_right - (0.5 * size if b.startswith("「") else 0), 90 + k * leading), b, fontname="um",
                         fontsize=size)
    [story] = restored().articles
    text = "".join(b.string for b in story.body)
    assert text.index("建過渡性房屋以紓緩壓力。") < text.index("梁太已輪候公屋五年")
    assert "一家人就可以「開開心心食一餐飯」" in text


def test_rules_a_line_of_the_quotes_own_type_away_still_frame_it(page, restored):
    """A sentence of the story set again in 10 pt italic over 8.5 pt text, each rule a full
    line of the quote's type from it (as TeX sets a rule, a line of its own): the rules are
    measured by the quote's type, not the text's, so they frame it and it is a pull quote,
    not a story of its own."""
    page.insert_text((40, 60), "Lantern fair draws record crowds", fontname="hebo", fontsize=20)
    rows = ["The five-day fair ended on Sunday night with about a", "hundred thousand visitors, the organisers said. Every",
            "lantern was made from recycled bottles and card."]
    _write_columns(page, [(40, rows)], 90, leading=11, size=8.5)
    quote_top, quote_foot = 142, 152  # the quote's line box: 10 pt type on a baseline at 150
    page.draw_line((40, quote_top - 14), (300, quote_top - 14), width=1)
    page.insert_text((40, 150), "Every lantern was made from recycled bottles.", fontname="tiit", fontsize=10)
    page.draw_line((40, quote_foot + 14), (300, quote_foot + 14), width=1)
    more = ["The designers spent half a year collecting the bottles", "from schools and housing estates across the city."]
    _write_columns(page, [(40, more)], 182, leading=11, size=8.5)
    _assert_one_story_and_its_pull_quote(restored(), "Lantern fair draws record crowds", "half a year",
                                         "Every lantern was made from recycled bottles.")


def test_type_a_little_larger_than_the_text_between_two_rules_repeating_it_is_a_pull_quote(page, restored):
    """A sentence of the story set again in 11 pt italic over 9.5 pt text, a rule over it and
    a rule under it: the frame sets the pull quote apart where its size alone would not; it
    heads no story of its own."""
    page.insert_text((40, 60), "Drought shrinks the lake", fontname="hebo", fontsize=20)
    rows = ["The lake has fallen by forty metres since spring, the", "water board said on Monday. Farmers in the valley said",
            "they had already cut back on planting this year."]
    _write_columns(page, [(40, rows)], 90, leading=12, size=9.5)
    page.draw_line((40, 130), (300, 130), width=1)
    page.insert_text((40, 146), "Farmers in the valley said they had already cut back.", fontname="tiit", fontsize=11)
    page.draw_line((40, 154), (300, 154), width=1)
    more = ["The board will meet again next month to decide whether", "to limit watering in the towns around the lake."]
    _write_columns(page, [(40, more)], 170, leading=12, size=9.5)
    _assert_one_story_and_its_pull_quote(restored(), "Drought shrinks the lake", "to limit watering",
                                         "Farmers in the valley said they had already cut back.")


def _assert_one_story_and_its_pull_quote(restored_page, headline: str, under_the_quote: str, quote: str) -> None:
    """One story, its text under the quote still in its body, and the quote set aside."""
    [story] = restored_page.articles
    assert story.headline.string == headline
    assert under_the_quote in " ".join(b.string for b in story.body)
    assert [b.string for b in restored_page.unassigned if b.kind == "pull_quote"] == [quote]


def _lone_line_under_a_photo(page, x: float, lone: str, column_two: list[str], last: list[str]) -> None:
    """A story over two columns: a photo, its caption and one line (``lone``, set at ``x``)
    in the first; in the second, the rest of that paragraph, then an indented one."""
    page.insert_text((40, 60), "颱風逼近天文台考慮改發八號風球", fontname="china-t", fontsize=24)
    page.draw_rect((40, 80, 160, 150), color=None, fill=(0.6, 0.6, 0.6))
    page.insert_text((40, 160), "市民在超級市場搶購蔬菜。", fontname="china-t", fontsize=7)
    page.insert_text((x, 190), lone, fontname="china-t", fontsize=10)
    _write_columns(page, [(175, column_two)], 90, leading=14, font="china-t", size=10)
    page.insert_text((195, 136), "天文台科學主任說，視乎", fontname="china-t", fontsize=10)
    _write_columns(page, [(175, last)], 150, leading=14, font="china-t", size=10)


def test_a_paragraphs_one_line_under_a_photo_at_a_columns_foot_goes_on_in_the_next_column(page, restored):
    """Under a photo and its caption, a column's last line opens a paragraph and fills the
    column, and the paragraph goes on at the top of the next column. One line has no column
    of its own to measure it by; the column it goes on in has the story's measure, and the
    line is as wide as that column's lines, so it is full and the paragraph carries on."""
    _lone_line_under_a_photo(page, 40, "天文台表示，颱風正以每小",
                             ["時十八公里向西北偏西移動", "，預料明日早上最接近本港", "，屆時會在本港以南掠過。"],
                             ["颱風的移動速度，天文台會", "在今晚考慮改發八號烈風信", "號，市民應盡早作好防風準",
                              "備，並留意最新天氣消息。"])
    restored_page = restored()
    [story] = restored_page.articles
    assert [b.string for b in story.body] == [
        "天文台表示，颱風正以每小時十八公里向西北偏西移動，預料明日早上最接近本港，屆時會在本港以南掠過。",
        "天文台科學主任說，視乎颱風的移動速度，天文台會在今晚考慮改發八號烈風信號，市民應盡早作好防風準備，並留意最新天氣消息。"]


def test_list_marks_hung_left_of_their_column_do_not_close_the_gutter(page, restored):
    """Two columns a little over half an em apart; the right one ends on a list whose marks
    the typesetter hung left of the column, into the gutter. The marks stand out of the
    column the text over them shows, so the gutter still parts the two columns, and each
    column reads whole."""
    page.insert_text((40, 60), "圖書館延長開放時間", fontname="china-t", fontsize=22)
    left = ["康樂及文化事務署宣布，由", "本月起，中央圖書館及三間", "分區圖書館的自修室會延長", "開放至午夜十二時，為期兩",
            "個月，以配合考試季需要。", "署方統計，去年考試季期間", "，自修室的平均使用率高達", "九成，不少學生要在早上八",
            "時前排隊。"]
    _write_columns(page, [(40, left)], 90, leading=12, font="china-t", size=9)
    right = ["中六學生李卓賢說，以往圖", "書館晚上九時關門，他要轉", "到快餐店溫習，延長開放後", "方便得多。"]
    _write_columns(page, [(154, right)], 90, leading=12, font="china-t", size=9)
    items = ["■中央圖書館：至午夜十二時", "■九龍公共圖書館：至十一時", "■沙田公共圖書館：至十一時"]
    _write_columns(page, [(154 - 3.4, items)], 144, leading=12, font="china-t", size=9)
    restored_page = restored()
    [story] = restored_page.articles
    body = [b.string for b in story.body]
    assert body[0].startswith("康樂及文化事務署宣布，由本月起，中央圖書館")
    assert any(b.startswith("中六學生李卓賢說，以往圖書館晚上九時關門") for b in body)


def test_an_indented_lone_line_at_a_columns_foot_goes_on_in_the_next_column(page, restored):
    """On a page that sets its paragraphs in by two characters, a paragraph opening on the
    last line of a column under a photo is that indent short of the measure: still full,
    and the paragraph goes on at the top of the next column."""
    _lone_line_under_a_photo(page, 60, "天文台表示，颱風正以",
                             ["每小時十八公里向西北偏西移", "動，預料明日早上最接近本港", "，屆時會在本港以南掠過。"],
                             ["颱風的移動速度，天文台會", "在今晚考慮改發八號烈風信", "號。"])
    page.insert_text((195, 192), "市民應盡早作好防風準備", fontname="china-t", fontsize=10)
    page.insert_text((175, 206), "，並留意最新天氣消息。", fontname="china-t", fontsize=10)
    restored_page = restored()
    [story] = restored_page.articles
    assert [b.string for b in story.body] == [
        "天文台表示，颱風正以每小時十八公里向西北偏西移動，預料明日早上最接近本港，屆時會在本港以南掠過。",
        "天文台科學主任說，視乎颱風的移動速度，天文台會在今晚考慮改發八號烈風信號。",
        "市民應盡早作好防風準備，並留意最新天氣消息。"]