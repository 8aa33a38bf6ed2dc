"""The page synthesizer: corpus, determinism, gold on the page, extractor files, held-out flags."""

from __future__ import annotations

import copy
import json
import random
import re
from dataclasses import replace
from pathlib import Path

import pymupdf
import pytest

from broadsheet.cli import main
from broadsheet.synth import (
    DRAW_ORDERS,
    GENERATOR_VERSION,
    HELD_OUT_LAYOUT,
    HELD_OUT_SHADOW,
    LAYOUT_FAMILIES,
    SHADOW_METHODS,
    build_page,
    fingerprint,
    load_corpus,
    plan_set,
)
from broadsheet.synth.corpus_format import CorpusFormatError, parse_corpus
from broadsheet.synth.extract import EXTRACTORS
from broadsheet.synth.generate import write_page
from broadsheet.synth.page_layout import PAGE_HEIGHT, PAGE_WIDTH
from broadsheet.synth.render import render
from broadsheet.synth.verify import (
    GoldMismatchError,
    check_gold_in_proof,
    check_lines_on_page,
    check_no_collisions,
    squeeze,
)

DEV = Path(__file__).resolve().parents[1] / "eval" / "dev"
DEV_COMMAND = {"pages": 36, "seed": 20261126, "script": "mixed"}
SEED = 4242


@pytest.fixture(scope="module")
def three_pages():
    """One page per script, built once for the module (each takes about a second)."""
    plans = plan_set(10, SEED, "mixed")
    chosen = {}
    for params in plans:
        chosen.setdefault(params.script, params)
    return [build_page(params) for params in chosen.values()]


# ---------------------------------------------------------------- corpus

def test_corpus_has_forty_articles_in_all_three_scripts():
    articles = [a for a in load_corpus() if a.kind == "article"]
    assert len(articles) >= 40
    by_script = {s: [a for a in articles if a.script == s] for s in ("hant", "hans", "en")}
    assert all(len(group) >= 10 for group in by_script.values())
    assert len({a.id for a in articles}) == len(articles)
    for article in articles:
        assert 3 <= len(article.body) <= 10, article.id


def test_corpus_keeps_genuine_repetitions_and_varied_parts():
    text = json.dumps([[a.headline, a.body, a.captions, a.byline, a.signoff] for a in load_corpus()], ensure_ascii=False)
    for repeated in ("謝謝", "常常", "研究研究", "高高興興", "2020年", "11月11日", "——", "……", "哈哈哈"):
        assert repeated in text, repeated
    articles = load_corpus()
    assert any(a.decks for a in articles) and any(a.captions for a in articles)
    assert any(kind == "subhead" for a in articles for kind, _ in a.body)
    assert any(kind == "list_item" for a in articles if a.kind == "article" for kind, _ in a.body)
    assert any(a.kind == "box" for a in articles)


def test_every_corpus_character_has_a_glyph_in_its_font():
    from broadsheet.synth.styles import CONTINUED_FROM, CONTINUES, PAPERS, SECTIONS
    from broadsheet.synth.typeset import missing_glyphs

    for script in ("hant", "hans", "en"):
        texts = [json.dumps([a.headline, a.decks, a.byline, a.body, a.captions, a.signoff], ensure_ascii=False)
                 for a in load_corpus(script)]
        markers = "•" if script == "en" else "●■◆▲"  # list and caption markers each style may draw
        texts += [*PAPERS[script], *SECTIONS[script], *CONTINUES[script], *CONTINUED_FROM[script], markers]
        font = "tiro" if script == "en" else "cjk"
        assert missing_glyphs("".join(texts).replace("\\n", ""), font) == set(), script


def test_corpus_markup_errors_are_reported():
    with pytest.raises(CorpusFormatError):
        parse_corpus("# headline before any header\n", "en")
    with pytest.raises(CorpusFormatError):
        parse_corpus("=== article x\n# Head\nBody.\n! caption without credit\n", "en")


# ---------------------------------------------------------------- planning and held-out flags

def test_dev_sized_plan_covers_every_family_shadow_order_and_script():
    plans = plan_set(36, DEV_COMMAND["seed"], "mixed")
    assert {p.layout for p in plans} == set(LAYOUT_FAMILIES)
    assert {p.shadow for p in plans} == set(SHADOW_METHODS)
    assert {p.draw_order for p in plans} == set(DRAW_ORDERS)
    scripts = [p.script for p in plans]
    assert (scripts.count("hant"), scripts.count("hans"), scripts.count("en")) == (14, 11, 11)
    for p in plans:
        assert p.held_out == (p.layout == HELD_OUT_LAYOUT or p.shadow == HELD_OUT_SHADOW)
    held = sum(p.held_out for p in plans)
    assert 0 < held < len(plans) / 2


def test_held_out_flag_is_written_to_meta_and_gold(three_pages):
    for page in three_pages:
        assert page.meta["held_out"] == (page.meta["layout"] == HELD_OUT_LAYOUT or page.meta["shadow"] == HELD_OUT_SHADOW)
        assert page.gold["meta"] == page.meta
        assert set(page.meta) >= {"script", "layout", "shadow", "draw_order", "held_out", "seed", "columns"}


# ---------------------------------------------------------------- determinism

def test_same_seed_gives_identical_gold_and_pdf(three_pages):
    again = build_page(three_pages[0].params)
    assert json.dumps(again.gold, ensure_ascii=False) == json.dumps(three_pages[0].gold, ensure_ascii=False)
    assert again.pdf == three_pages[0].pdf


def test_different_seed_gives_a_different_page(three_pages):
    params = three_pages[0].params
    other = build_page(replace(params, seed=params.seed + 1))
    assert other.gold["articles"] != three_pages[0].gold["articles"] or other.pdf != three_pages[0].pdf


# ---------------------------------------------------------------- gold against the page

def test_every_gold_string_is_on_the_page(three_pages):
    for page in three_pages:
        assert 2 <= len(page.gold["articles"]) <= 5
        # strict: each gold string is a substring of the unshadowed, reading-order proof copy
        proof = render(page.canvas, PAGE_WIDTH, PAGE_HEIGHT, "none", "natural", random.Random(0))
        check_gold_in_proof(page.gold, proof)
        # and every line drawn on the real (shadowed, reordered) page is found where it was drawn
        check_lines_on_page(page.canvas, page.pdf)


def test_markers_are_not_part_of_gold_text(three_pages):
    for page in three_pages:
        for article in page.gold["articles"]:
            for block in article["body"]:
                assert block["text"] and block["text"][0] not in "●■◆•", block
            for caption in article["captions"]:
                assert caption["text"] and caption["text"][0] not in "▲■•", caption
                assert caption["credit"] and not caption["credit"].startswith("（")


def test_gold_check_fails_on_a_string_that_is_not_on_the_page(three_pages):
    page = three_pages[0]
    proof_gold = copy.deepcopy(page.gold)
    proof_gold["articles"][0]["body"][0]["text"] += "不在頁面上的字 NOT ON PAGE"
    with pytest.raises(GoldMismatchError):
        check_gold_in_proof(proof_gold, page.pdf)


def test_line_check_fails_when_a_drawn_line_is_missing(three_pages):
    from broadsheet.synth.canvas import Canvas

    canvas = Canvas()
    group = canvas.group("body")
    canvas.text(100, 400, "Nowhere on this page", "tiro", 9, "paragraph", group)
    with pytest.raises(GoldMismatchError):
        check_lines_on_page(canvas, three_pages[0].pdf)


def test_layouts_do_not_collide_and_the_check_can_fail(three_pages):
    from broadsheet.synth.canvas import Canvas

    for page in three_pages:
        check_no_collisions(page.canvas, PAGE_WIDTH, PAGE_HEIGHT)
    canvas = Canvas()
    group = canvas.group("body")
    canvas.text(100, 400, "one line", "tiro", 9, "paragraph", group)
    canvas.text(104, 401, "another line", "tiro", 9, "paragraph", group)
    with pytest.raises(GoldMismatchError, match="text over text"):
        check_no_collisions(canvas, PAGE_WIDTH, PAGE_HEIGHT)


def test_pdf_is_small_and_embeds_a_subset_cjk_font(three_pages):
    for page in three_pages:
        assert len(page.pdf) < 200_000
        with pymupdf.open(stream=page.pdf, filetype="pdf") as doc:
            fonts = doc[0].get_fonts()
            assert doc.metadata["creationDate"] == "D:20261126000000Z"
        if page.params.script != "en":
            cjk = [f for f in fonts if "UMing" in f[3]]
            assert cjk and all(re.match(r"^[A-Z]{6}\+", f[3]) for f in cjk)  # subset tag
            assert all(f[1] == "ttf" for f in cjk)  # embedded, not referenced


def test_shadow_methods_leave_duplicate_text_in_the_stream(three_pages):
    params = replace(three_pages[0].params, shadow="fill-stroke", draw_order="natural", layout="stacked")
    doubled = build_page(params)
    with pymupdf.open(stream=doubled.pdf, filetype="pdf") as doc:
        text = squeeze(doc[0].get_text())
    first_headline = squeeze(doubled.gold["articles"][0]["headline"])
    assert text.count(first_headline[:3]) >= 2, first_headline


# ---------------------------------------------------------------- the held-out pair: inset and halo

@pytest.fixture(scope="module")
def held_out_pages():
    """An inset page drawn with the halo method in each script."""
    chosen = {}
    for params in plan_set(10, SEED, "mixed"):
        chosen.setdefault(params.script, replace(params, layout=HELD_OUT_LAYOUT, shadow=HELD_OUT_SHADOW))
    return [build_page(params) for params in chosen.values()]


def _lay(script: str, head_pos: str, rect, columns: int, dogleg=None, sidebar: bool = False, inset=None,
         fit: bool = False):
    """The longest article of ``script`` laid into ``rect`` on a fresh canvas; ``inset``:
    (first column, depth) of a framed box inset in its text; ``fit``: as short as the page
    layout would make it (the smallest height that holds it all, ``rect``'s foot at most)."""
    from broadsheet.synth.article_layout import InsetSpec, lay_article, make_spec
    from broadsheet.synth.canvas import Canvas
    from broadsheet.synth.page_layout import _fit_height
    from broadsheet.synth.styles import make_style

    style = make_style(script, random.Random(1))
    corpus = load_corpus(script)
    article = max((a for a in corpus if a.kind == "article"), key=lambda a: sum(len(text) for _, text in a.body))
    spec = make_spec(article, style, random.Random(2), head_pos, True, 0.0, 0.0, 0.0)
    spec.dogleg = dogleg
    box = next(a for a in corpus if a.kind == "box")
    if sidebar:
        spec.sidebar = make_spec(box, style, random.Random(3), "box", False, 0, 0, 0)
    if inset:
        spec.inset = InsetSpec(make_spec(box, style, random.Random(3), "box", False, 0, 0, 0), *inset)
    if fit:
        height, _ = _fit_height(spec, rect[0], rect[2], columns, rect[1], rect[3], style)
        rect = (rect[0], rect[1], rect[2], rect[1] + height)
    canvas = Canvas()
    return spec, lay_article(spec, rect, columns, style, canvas), canvas


def test_held_out_pair_is_inset_and_halo():
    assert (HELD_OUT_LAYOUT, HELD_OUT_SHADOW, GENERATOR_VERSION) == ("inset", "halo", "4")
    params = plan_set(1, SEED, "en")[0]
    assert not replace(params, layout="mosaic", shadow="run-repeat").held_out  # tuned on since version 2
    assert not replace(params, layout="dogleg", shadow="glyph-double").held_out  # tuned on since version 3
    assert not replace(params, layout="briefs", shadow="ocr-layer").held_out  # tuned on since version 4
    assert replace(params, layout="inset", shadow="offset-copy").held_out
    assert replace(params, layout="stacked", shadow="halo").held_out


def test_dev_sized_plan_holds_out_about_six_pages_of_each():
    plans = plan_set(DEV_COMMAND["pages"], DEV_COMMAND["seed"], DEV_COMMAND["script"])
    assert sum(p.layout == HELD_OUT_LAYOUT for p in plans) == 6
    assert sum(p.shadow == HELD_OUT_SHADOW for p in plans) == 6
    # every tuned family keeps at least four pages of the dev set
    assert all(sum(p.layout == name for p in plans) >= 4 for name in LAYOUT_FAMILIES)


def _passes_gold_checks(page, held_out: bool) -> None:
    """The page's meta says whether it is held out and is the gold's; every gold string is
    in the unshadowed proof copy; every line is drawn where it was planned; nothing collides."""
    assert page.meta["held_out"] is held_out and page.gold["meta"] == page.meta
    proof = render(page.canvas, PAGE_WIDTH, PAGE_HEIGHT, "none", "natural", random.Random(0))
    check_gold_in_proof(page.gold, proof)
    check_lines_on_page(page.canvas, page.pdf)
    check_no_collisions(page.canvas, PAGE_WIDTH, PAGE_HEIGHT)


def test_inset_halo_pages_pass_the_gold_checks(held_out_pages):
    for page in held_out_pages:
        assert 2 <= len(page.gold["articles"]) <= 5
        _passes_gold_checks(page, held_out=True)


def _inset_frame(page):
    """The page's one framed box, when it is wider than a column (>150pt on a page of 4-6) and
    has story text both above and beneath it within its width; else None."""
    frames = [shape.rect for shape in page.canvas.shapes if shape.kind == "frame"]
    if len(frames) != 1:
        return None
    x0, y0, x1, y1 = frames[0]
    inside = [r for r in page.canvas.runs if r.role == "paragraph" and x0 - 1 <= r.x < x1]
    if x1 - x0 > 150 and any(r.y < y0 for r in inside) and any(r.y > y1 for r in inside):
        return frames[0]
    return None


def test_inset_pages_set_a_box_part_way_down_the_lead(held_out_pages):
    for page in held_out_pages:
        assert _inset_frame(page) is not None, page.params
        # the box is an article of its own, right after the lead it is inset in
        boxes = [i for i, a in enumerate(page.gold["articles"])
                 if a["body"] and all(b["kind"] == "list_item" for b in a["body"])]
        assert boxes == [1], [a["headline"] for a in page.gold["articles"]]
    # a page of another family has no such box
    other = build_page(replace(held_out_pages[0].params, layout="stacked", shadow="offset-copy"))
    assert _inset_frame(other) is None


@pytest.mark.parametrize("script", ["hant", "en"])
def test_inset_box_spans_two_columns_part_way_down_and_the_text_runs_on_beneath_it(script):
    from broadsheet.synth.article_layout import column_span

    rect, columns = (28.0, 70.0, 567.0, 800.0), 4
    spec, outcome, canvas = _lay(script, "above", rect, columns, inset=(1, 0.4), fit=True)
    assert outcome.viable and outcome.sidebar is not None
    assert outcome.sidebar["headline"] == spec.inset.box.article.headline
    assert [b["kind"] for b in outcome.sidebar["body"]] == ["list_item"] * len(spec.inset.box.article.body)
    (box,) = [shape for shape in canvas.shapes if shape.kind == "frame"]
    frame = box.rect
    cx0, cx1 = column_span(rect, columns, 1, 3)  # body columns 2 and 3 of 4
    assert abs(frame[0] - cx0) < 0.5 and abs(frame[2] - cx1) < 0.5
    # the story's text (drawn before the box, whose own items come after it)
    body = [r for r in canvas.runs if r.role in ("paragraph", "subhead", "list_item") and r.group < box.group]
    for first, last in ((1, 2), (2, 3)):
        x0, x1 = column_span(rect, columns, first, last)
        column = [r for r in body if x0 - 0.5 <= r.x < x1]
        assert len({round(r.y) for r in column if r.y < frame[1]}) >= 3  # lines of text above the box ...
        assert len({round(r.y) for r in column if r.y > frame[3]}) >= 3  # ... and on beneath it
        assert not [r for r in column if frame[1] - 2 < r.y < frame[3] + 2]
    lx0, _ = column_span(rect, columns, 3, 4)
    assert [r for r in body if r.x >= lx0 - 0.5]  # the last column is the story's own
    # read down the columns, the text skips the box: column 2 above it, then beneath it, then column 3
    starts = [column_span(rect, columns, i, i + 1)[0] for i in range(columns)]
    order = [(max(i for i, x in enumerate(starts) if x <= r.x + 0.5), r.y > frame[3])
             for r in body if cx0 - 0.5 <= r.x < cx1]
    assert order == sorted(order) and order[0] == (1, False) and order[-1] == (2, True)
    check_no_collisions(canvas, PAGE_WIDTH, PAGE_HEIGHT)


def test_inset_box_needs_a_column_of_text_beside_it():
    # two body columns: the box would leave no column clear of it, so the story is not viable
    _, outcome, _ = _lay("en", "above", (28.0, 70.0, 300.0, 600.0), 2, inset=(0, 0.4))
    assert not outcome.viable
    # a first column past the last allowed one is moved left, not dropped
    spec, outcome, canvas = _lay("en", "above", (28.0, 70.0, 567.0, 600.0), 4, inset=(2, 0.4))
    (frame,) = [shape.rect for shape in canvas.shapes if shape.kind == "frame"]
    assert outcome.viable and frame[2] < 567.0 - 100


def _white_copies(pdf: bytes):
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        spans = doc[0].get_texttrace()
    white = [s for s in spans if s["color"] == (1.0, 1.0, 1.0)]
    return spans, white


@pytest.mark.parametrize("kind", [("stroke", 2.4, 1), ("ring", 0.8, 4), ("ring", 0.6, 8)])
def test_halo_draws_each_headline_again_in_white_under_the_text(held_out_pages, kind, monkeypatch):
    import broadsheet.synth.render as render_module

    monkeypatch.setattr(render_module, "_halo_params", lambda rng: kind)
    for page in held_out_pages[:2]:
        pdf = render(page.canvas, PAGE_WIDTH, PAGE_HEIGHT, "halo", "natural", random.Random(5))
        spans, white = _white_copies(pdf)
        check_lines_on_page(page.canvas, pdf)
        shadowed = [run for run in page.canvas.runs if run.shadow]
        copies = kind[2]
        white_text = squeeze("".join(chr(c[0]) for s in white for c in s["chars"]))
        assert len(white_text) == copies * len(squeeze("".join(r.text for r in shadowed)))
        if kind[0] == "stroke":
            assert {s["type"] for s in white} == {1} and all(s["linewidth"] == pytest.approx(2.4) for s in white)
        else:
            assert {s["type"] for s in white} == {0}
            # copies all round the text: some left of and above it, some right of and below it
            run = shadowed[0]
            offsets = [(c[2][0] - run.x, c[2][1] - run.y) for s in white for c in s["chars"]
                       if chr(c[0]) == run.text[0] and abs(c[2][0] - run.x) < 1.5 and abs(c[2][1] - run.y) < 1.5]
            assert len(offsets) == copies
            assert all(0.3 < (dx * dx + dy * dy) ** 0.5 <= kind[1] + 0.02 for dx, dy in offsets)
            assert min(dx for dx, _ in offsets) < 0 < max(dx for dx, _ in offsets)
            assert min(dy for _, dy in offsets) < 0 < max(dy for _, dy in offsets)
        # each white copy comes before the black text it lies under
        for run in shadowed[:3]:
            holding = [s for s in spans if squeeze(run.text)[:2] in squeeze("".join(chr(c[0]) for c in s["chars"]))]
            colours = [s["color"] for s in sorted(holding, key=lambda s: s["seqno"])]
            assert colours[0] == (1.0, 1.0, 1.0) and colours[-1] == (0.0, 0.0, 0.0), run.text


def test_halo_copies_are_text_to_the_extractors(held_out_pages, tmp_path):
    page = held_out_pages[0]
    write_page(page, tmp_path)
    meta = json.loads((tmp_path / page.params.page_id / "meta.json").read_text(encoding="utf-8"))
    assert (meta["layout"], meta["shadow"], meta["held_out"]) == ("inset", "halo", True)
    heads = [squeeze(a["headline"])[:4] for a in page.gold["articles"]]
    for name in ("pymupdf", "pdfminer", "pdftotext-raw"):  # white is text too: every headline twice or more
        text = squeeze((tmp_path / page.params.page_id / "text" / f"{name}.txt").read_text(encoding="utf-8"))
        assert all(text.count(head) >= 2 for head in heads), (name, heads)


# ---------------------------------------------------------------- generator 3's pair, tuned on since version 4

@pytest.fixture(scope="module")
def briefs_ocr_pages():
    """A briefs page drawn with the ocr-layer method in each script."""
    chosen = {}
    for params in plan_set(10, SEED, "mixed"):
        chosen.setdefault(params.script, replace(params, layout="briefs", shadow="ocr-layer"))
    return [build_page(params) for params in chosen.values()]


def test_briefs_ocr_layer_pages_pass_the_gold_checks(briefs_ocr_pages):
    for page in briefs_ocr_pages:
        assert 2 <= len(page.gold["articles"]) <= 5
        _passes_gold_checks(page, held_out=False)


def test_ocr_layer_repeats_headlines_invisibly_after_everything_else(briefs_ocr_pages, tmp_path):
    for page in briefs_ocr_pages:
        with pymupdf.open(stream=page.pdf, filetype="pdf") as doc:
            spans = doc[0].get_texttrace()
        invisible = [span for span in spans if span["type"] == 3]
        assert invisible and all(span["type"] != 3 for span in spans[: len(spans) - len(invisible)])  # last
        layer = squeeze("".join(chr(c[0]) for span in invisible for c in span["chars"]))
        shadowed = [run for run in page.canvas.runs if run.shadow]
        assert layer == squeeze("".join(run.text for run in shadowed))  # the shadowed runs, once, in order
        assert {span["font"] for span in invisible} <= {"Helvetica", "Times-Bold", "Helvetica-Bold", "Times-Roman"} \
            or page.params.script != "en"
    page = briefs_ocr_pages[0]
    write_page(page, tmp_path)
    meta = json.loads((tmp_path / page.params.page_id / "meta.json").read_text(encoding="utf-8"))
    assert (meta["layout"], meta["shadow"], meta["held_out"]) == ("briefs", "ocr-layer", False)
    # every extractor keeps the invisible copy: a headline comes out twice
    for name in EXTRACTORS:
        text = squeeze((tmp_path / page.params.page_id / "text" / f"{name}.txt").read_text(encoding="utf-8"))
        heads = [squeeze(a["headline"]) for a in page.gold["articles"]]
        assert any(text.count(head[:4]) >= 2 for head in heads), name


def _brief_column(script: str, run_in: bool, height: float = 700.0):
    from broadsheet.synth.article_layout import lay_article, make_brief_spec
    from broadsheet.synth.canvas import Canvas
    from broadsheet.synth.styles import make_style

    style = make_style(script, random.Random(1))
    article = next(a for a in load_corpus(script) if a.kind == "article" and len(a.paragraphs) >= 3)
    spec = make_brief_spec(article, style, random.Random(2), run_in, 3, rule_above=True, label="LABEL")
    canvas = Canvas()
    return spec, lay_article(spec, (28.0, 70.0, 128.0, 70.0 + height), 1, style, canvas), canvas


@pytest.mark.parametrize("script", ["hant", "en"])
@pytest.mark.parametrize("run_in", [True, False])
def test_brief_is_a_headline_and_the_first_paragraphs_under_the_column_label(script, run_in):
    spec, outcome, canvas = _brief_column(script, run_in)
    assert outcome.viable and outcome.complete and outcome.label == "LABEL"
    gold = outcome.gold
    assert gold["headline"] == spec.article.headline and gold["byline"] is None
    assert [b["text"] for b in gold["body"]] == spec.article.paragraphs[:3]
    heads = [r for r in canvas.runs if r.role == "headline"]
    body = [r for r in canvas.runs if r.role == "paragraph"]
    assert all(r.shadow for r in heads) and not any(r.shadow for r in body)
    (label,) = [r for r in canvas.runs if r.role == "furniture"]
    assert label.y < min(r.y for r in heads)
    if run_in:  # the text starts on the headline's last line, right of it, in text size ...
        assert heads[-1].size == body[0].size
        if heads[-1].width + body[0].size * 5 <= 100.0:
            assert abs(heads[-1].y - body[0].y) < 0.01 and body[0].x > heads[-1].x + heads[-1].width
        else:  # ... unless that line leaves no room for a few characters of text
            assert body[0].y > heads[-1].y
    else:
        assert body[0].y > heads[-1].y and heads[0].size > body[0].size
    check_no_collisions(canvas, PAGE_WIDTH, PAGE_HEIGHT)


def test_brief_drops_whole_paragraphs_when_space_runs_out():
    _, full, _ = _brief_column("en", True)
    full_h = max(r.y for r in _brief_column("en", True)[2].runs) - 70.0
    spec, short, canvas = _brief_column("en", True, height=full_h * 0.6)
    assert short.viable and not short.complete
    assert 1 <= len(short.gold["body"]) < len(full.gold["body"])
    assert short.gold["continues"] is None  # a brief is shortened, never cut mid-paragraph


# ---------------------------------------------------------------- generator 2's pair, tuned on since version 3

@pytest.fixture(scope="module")
def dogleg_glyph_double_page():
    params = next(p for p in plan_set(10, SEED, "mixed") if p.script == "en")
    return build_page(replace(params, layout="dogleg", shadow="glyph-double"))


def test_dogleg_glyph_double_page_passes_the_gold_checks(dogleg_glyph_double_page):
    _passes_gold_checks(dogleg_glyph_double_page, held_out=False)


def test_glyph_double_shows_doubled_glyphs_to_pdfminer(dogleg_glyph_double_page, tmp_path):
    page = dogleg_glyph_double_page
    write_page(page, tmp_path)
    # pdfminer keeps both copies of each glyph, one after the other: "LLiibbrraarryy"
    text = squeeze((tmp_path / page.params.page_id / "text" / "pdfminer.txt").read_text(encoding="utf-8"))
    headlines = [squeeze(a["headline"]) for a in page.gold["articles"]]
    assert any("".join(ch * 2 for ch in head[:3]) in text for head in headlines), headlines


@pytest.mark.parametrize("script", ["hant", "en"])
def test_dogleg_text_runs_down_the_leg_then_across_the_band_beneath_the_notch(script):
    from broadsheet.synth.article_layout import DoglegSpec, column_span

    # an empty notch 150pt deep and a band 110pt deep beneath it: the long article is cut there
    rect, columns = (28.0, 70.0, 567.0, 330.0), 4
    dogleg = DoglegSpec(notch_columns=2, notch_left=False, depth=150.0)
    spec, outcome, canvas = _lay(script, "above", rect, columns, dogleg)
    assert outcome.viable and outcome.lines_under_notch > 0
    notch_x0, _ = column_span(rect, columns, 2, 4)
    notch_bottom = rect[1] + dogleg.depth
    assert all(r.x + r.width <= notch_x0 for r in canvas.runs if r.role in ("headline", "deck"))
    body = [r for r in canvas.runs if r.role == "paragraph"]
    assert all(r.x < notch_x0 for r in body if r.y < notch_bottom)  # nothing beside the leg but the notch
    # drawn (and so in gold) order: every line of the leg above the seam before any line of the band
    below = [r.y > notch_bottom for r in body]
    assert below == sorted(below) and any(below)
    drawn = squeeze("".join(r.text for r in body))
    assert all(squeeze(b["text"]) in drawn for b in outcome.gold["body"] if b["kind"] == "paragraph")


@pytest.mark.parametrize("script", ["hans", "en"])
def test_sidesaddle_headline_sits_in_the_first_column_left_of_its_body(script):
    rect = (28.0, 70.0, 420.0, 700.0)
    spec, outcome, canvas = _lay(script, "sidesaddle", rect, 3)
    assert outcome.viable
    heads = [r for r in canvas.runs if r.role == "headline"]
    body = [r for r in canvas.runs if r.role in ("paragraph", "byline")]
    assert heads and len(heads) >= 2  # set horizontally in a narrow column, so it wraps
    assert max(r.x + r.width for r in heads) < min(r.x for r in body)
    assert min(r.y for r in heads) <= min(r.y for r in body) + spec.head_size  # level with the body's top


@pytest.mark.parametrize("script", ["hant", "en"])
def test_sidebar_box_fills_the_top_of_the_last_column_and_is_its_own_article(script):
    rect = (28.0, 70.0, 400.0, 500.0)
    spec, outcome, canvas = _lay(script, "above", rect, 3, sidebar=True)
    assert outcome.viable and outcome.sidebar is not None
    assert outcome.sidebar["headline"] == spec.sidebar.article.headline
    assert [b["kind"] for b in outcome.sidebar["body"]] == ["list_item"] * len(spec.sidebar.article.body)
    (frame,) = [shape.rect for shape in canvas.shapes if shape.kind == "frame"]
    assert frame[0] > rect[0] + (rect[2] - rect[0]) / 2 and abs(frame[2] - rect[2]) < 0.5  # the last column
    body = [r for r in canvas.runs if r.role == "paragraph"]
    assert not [r for r in body if r.x >= frame[0] - 1 and r.y < frame[3]]  # text only beneath it there
    check_no_collisions(canvas, PAGE_WIDTH, PAGE_HEIGHT)


# ---------------------------------------------------------------- files and CLI

def test_written_page_has_all_extractor_texts(three_pages, tmp_path):
    page = three_pages[1]
    write_page(page, tmp_path)
    folder = tmp_path / page.params.page_id
    assert (folder / "page.pdf").read_bytes() == page.pdf
    assert json.loads((folder / "gold.json").read_text(encoding="utf-8")) == page.gold
    for name in EXTRACTORS:
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        assert text.strip(), name
        # order differs between extractors, but every character of the body text must come out
        body_chars = {ch for a in page.gold["articles"] for b in a["body"] for ch in squeeze(b["text"])}
        assert body_chars <= set(text), (name, sorted(body_chars - set(text))[:10])


def test_cli_writes_manifest_with_fingerprint(tmp_path, capsys):
    out = tmp_path / "set"
    assert main(["synth", str(out), "--pages", "2", "--seed", "7", "--script", "en", "-q"]) == 0
    manifest = json.loads((out / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["count"] == 2 and manifest["seed"] == 7 and len(manifest["pages"]) == 2
    assert manifest["fingerprint"] == fingerprint(out)
    for page_id in manifest["pages"]:
        meta = json.loads((out / page_id / "meta.json").read_text(encoding="utf-8"))
        assert meta["script"] == "en"
    assert "wrote 2 pages" in capsys.readouterr().out


def test_cli_rejects_bad_arguments(tmp_path, capsys):
    assert main(["synth", str(tmp_path / "x"), "--pages", "0"]) == 1
    assert "--pages" in capsys.readouterr().err


# ---------------------------------------------------------------- the committed dev set

@pytest.mark.skipif(not (DEV / "MANIFEST.json").exists(), reason="eval/dev not generated")
def test_committed_dev_set_matches_its_manifest():
    manifest = json.loads((DEV / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["count"] == DEV_COMMAND["pages"] == len(manifest["pages"])
    assert manifest["seed"] == DEV_COMMAND["seed"]
    assert manifest["fingerprint"] == fingerprint(DEV)
    total = sum(p.stat().st_size for p in DEV.rglob("*") if p.is_file())
    assert total < 8 * 1024 * 1024
    for page_id in manifest["pages"]:
        for name in ("page.pdf", "gold.json", "meta.json", *(f"text/{e}.txt" for e in EXTRACTORS)):
            assert (DEV / page_id / name).stat().st_size > 0, (page_id, name)


@pytest.mark.skipif(not (DEV / "MANIFEST.json").exists(), reason="eval/dev not generated")
@pytest.mark.parametrize("index", [0, 28])  # page 29 once came out of pdfminer in two orders
def test_committed_dev_page_regenerates_byte_for_byte(index, tmp_path):
    from broadsheet.synth.extract import tool_versions

    manifest = json.loads((DEV / "MANIFEST.json").read_text(encoding="utf-8"))
    if manifest["generator_version"] != GENERATOR_VERSION:
        pytest.skip(f"eval/dev was written by generator {manifest['generator_version']}, this is "
                    f"{GENERATOR_VERSION}: regenerate it with the command in docs/synth.md")
    params = plan_set(DEV_COMMAND["pages"], DEV_COMMAND["seed"], DEV_COMMAND["script"])[index]
    page = build_page(params)
    committed = json.loads((DEV / params.page_id / "gold.json").read_text(encoding="utf-8"))
    assert page.gold == committed
    if manifest["tools"] != tool_versions():  # PDF bytes and texts are only stable under the same tools
        return
    write_page(page, tmp_path)
    for name in ("page.pdf", *(f"text/{e}.txt" for e in EXTRACTORS)):
        assert (tmp_path / params.page_id / name).read_bytes() == (DEV / params.page_id / name).read_bytes(), name
