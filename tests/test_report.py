"""The HTML report (``broadsheet inspect``): the HTML itself, then the page in headless Chromium."""

from __future__ import annotations

import base64
import io
import json
import re
import sys
import time
import types
from pathlib import Path
from html.parser import HTMLParser

import pytest

import broadsheet
from broadsheet.cli import main
from broadsheet.model import Document, Removal
from broadsheet.write.report import (
    DEFAULT_REASON_COLOUR,
    REASON_STYLES,
    best_matches,
    paragraph_diff,
    render_document_report,
    render_report,
    write_report_index,
)

from browser.cdp import Chromium, find_chromium
from browser.pages import HOSTILE_PAGE, MIXED_PAGE, SIMPLIFIED_PAGE, long_page, restore_pdf_lines, write_pdf


# ---------------------------------------------------------------------------
# reading a report back


class ReportParser(HTMLParser):
    """Collects the raw pane's text and pieces, and every element linked to a block."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth_in_raw = 0
        self.raw_text = ""
        self.raw_pieces: list[dict] = []  # attrs + "text" of each <span> in the raw pane
        self.linked: list[dict] = []  # attrs + "tag" of each data-b element outside the raw pane
        self.legend: list[dict] = []
        self.attribute_names: set[str] = set()
        self.scripts = 0
        self.classes: list[str] = []
        self._piece: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.attribute_names.update(attrs)
        self.classes.append(attrs.get("class") or "")
        if tag == "script":
            self.scripts += 1
        if tag == "li" and "data-reason" in attrs:
            self.legend.append(attrs)
        if self.depth_in_raw:
            self.depth_in_raw += 1
            if tag == "span":
                self._piece = dict(attrs, text="")
                self.raw_pieces.append(self._piece)
            return
        if tag == "pre" and "raw" in (attrs.get("class") or "").split():
            self.depth_in_raw = 1
            return
        if "data-b" in attrs:
            self.linked.append(dict(attrs, tag=tag))

    def handle_endtag(self, tag):
        if self.depth_in_raw:
            self.depth_in_raw -= 1
            self._piece = None

    def handle_data(self, data):
        if self.depth_in_raw:
            self.raw_text += data
            if self._piece is not None:
                self._piece["text"] += data


def parse(report: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(report)
    parser.close()
    return parser


def merged(ranges) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def contract_blocks(page: dict) -> list[tuple[str, list[tuple[int, int]]]]:
    """(text, spans) of every restored block, read from the JSON contract."""
    out = []
    for article in page["articles"]:
        spans = article["spans"]
        for name in ("headline", "byline", "signoff", "continues", "continued_from"):
            if article[name]:
                out.append((article[name], [tuple(s) for s in spans[name]]))
        for deck, deck_spans in zip(article["subheadlines"], spans.get("subheadlines", []), strict=True):
            out.append((deck, [tuple(s) for s in deck_spans]))
        for block in article["body"]:
            out.append((block["text"], [tuple(s) for s in block["spans"]]))
        for caption in article["captions"]:
            out.append((caption["text"], [tuple(s) for s in caption["spans"]]))
            if caption.get("credit"):
                out.append((caption["credit"], [tuple(s) for s in caption.get("credit_spans", [])]))
    for block in page["unassigned"]:
        out.append((block["text"], [tuple(s) for s in block["spans"]]))
    return out


def marked_offsets(parsed: ReportParser, reason: str | None = None) -> set[int]:
    offsets: set[int] = set()
    for piece in parsed.raw_pieces:
        if "rm" in piece.get("class", "").split() and (reason is None or piece.get("data-r") == reason):
            offsets.update(range(int(piece["data-s"]), int(piece["data-e"])))
    return offsets


# ---------------------------------------------------------------------------
# the HTML, without a browser


@pytest.mark.parametrize("text", [MIXED_PAGE, SIMPLIFIED_PAGE, HOSTILE_PAGE], ids=["hant-en", "hans", "hostile"])
def test_raw_pane_holds_the_input_code_point_for_code_point(text):
    page = broadsheet.restore(text)
    report = render_report(page, text)
    parsed = parse(report)
    assert parsed.raw_text == text
    assert 'class="warn"' not in report
    for piece in parsed.raw_pieces:
        assert piece["text"] == text[int(piece["data-s"]):int(piece["data-e"])]


@pytest.mark.parametrize("text", [MIXED_PAGE, SIMPLIFIED_PAGE], ids=["hant-en", "hans"])
def test_every_removal_is_marked_with_its_reason(text):
    page = broadsheet.restore(text)
    assert page.removed, "the sample page should exercise the repairs"
    parsed = parse(render_report(page, text))
    for removal in page.removed:
        assert set(range(removal.start, removal.end)) <= marked_offsets(parsed, removal.reason), removal
    all_removed = {i for r in page.removed for i in range(r.start, r.end)}
    assert marked_offsets(parsed) == all_removed


def test_a_replacement_is_shown_beside_the_character_it_replaces():
    page = broadsheet.restore(MIXED_PAGE)
    replaced = [r for r in page.removed if r.replacement is not None]
    assert replaced
    parsed = parse(render_report(page, MIXED_PAGE))
    for removal in replaced:
        pieces = [p for p in parsed.raw_pieces if int(p["data-s"]) == removal.start]
        assert pieces and pieces[0]["data-rep"] == removal.replacement
        assert removal.replacement in pieces[0]["title"]


@pytest.mark.parametrize("text", [MIXED_PAGE, SIMPLIFIED_PAGE, long_page(30)], ids=["hant-en", "hans", "long"])
def test_each_restored_block_links_to_exactly_its_input_spans(text):
    page = broadsheet.restore(text)
    contract = page.to_dict()
    parsed = parse(render_report(page, text))
    expected = {tuple(merged(spans)): block_text for block_text, spans in contract_blocks(contract)}
    linked: dict[tuple, str] = {}
    for element in parsed.linked:
        pieces = [p for p in parsed.raw_pieces if element["data-b"] in p.get("data-b", "").split()]
        spans = tuple(merged((int(p["data-s"]), int(p["data-e"])) for p in pieces))
        # Read back through the link, the input gives the block's text
        # (replacements applied, joining spaces aside).
        linked[spans] = "".join(p.get("data-rep", p["text"]) for p in pieces)
    assert len(parsed.linked) == len(contract_blocks(contract))
    assert set(linked) == set(expected)
    for spans, block_text in expected.items():
        assert re.sub(r"\s", "", linked[spans]) == re.sub(r"\s", "", block_text)


def test_a_long_page_is_cut_into_runs_not_characters():
    text = long_page()
    assert len(text) > 20_000
    page = broadsheet.restore(text)
    parsed = parse(render_report(page, text))
    span_count = sum(len(spans) for _text, spans in contract_blocks(page.to_dict()))
    # Each span and each removal adds at most one boundary, so at most one piece more.
    assert len(parsed.raw_pieces) <= span_count + 2 * len(page.removed) + 1
    assert len(parsed.raw_pieces) < len(text) / 20


def test_article_markup_follows_the_article_structure():
    page = broadsheet.restore(MIXED_PAGE)
    report = render_report(page, MIXED_PAGE)
    parsed = parse(report)
    assert report.count('<article class="art"') == len(page.articles)
    kinds = [e["data-kind"] for e in parsed.linked]
    assert kinds.count("headline") == sum(1 for a in page.articles if a.headline)
    assert kinds.count("list_item") == sum(1 for a in page.articles for b in a.body if b.kind == "list_item")
    for field in ("byline", "continues", "signoff"):
        assert kinds.count(field) == sum(1 for a in page.articles if getattr(a, field) is not None)
    assert kinds.count("caption") == sum(len(a.captions) for a in page.articles)
    assert kinds.count("headline") >= 2  # the sample page has a Chinese and an English story
    assert re.search(r'<li class="blk k-list_item"', report)


def test_legend_lists_exactly_the_reasons_present_with_counts():
    page = broadsheet.restore(MIXED_PAGE)
    parsed = parse(render_report(page, MIXED_PAGE))
    counts: dict[str, int] = {}
    for removal in page.removed:
        counts[removal.reason] = counts.get(removal.reason, 0) + 1
    # "lost" (input in no block and not removed) is listed apart; its own test is below.
    assert {item["data-reason"] for item in parsed.legend} - {"lost"} == set(counts)
    report = render_report(page, MIXED_PAGE)
    for reason, count in counts.items():
        item = re.search(rf'<li class="reason[^"]*" data-reason="{reason}"[^>]*>(.*?)</li>', report)
        assert item, reason
        # A reason the report does not know yet is listed under its own name.
        assert REASON_STYLES.get(reason, (reason,))[0] in item.group(1)
        assert f'<span class="count">{count}</span>' in item.group(1)


def test_unknown_reason_gets_the_default_colour_and_its_own_name():
    page = broadsheet.restore(MIXED_PAGE).to_dict()
    page["removed"].append({"start": 0, "end": 2, "text": MIXED_PAGE[:2], "reason": "drop_duplicate_glyphs"})
    report = render_report(page, MIXED_PAGE)
    parsed = parse(report)
    unknown = [item for item in parsed.legend if item["data-reason"] == "drop_duplicate_glyphs"]
    assert unknown and "unknown" in unknown[0]["class"]
    selector = '.rm[data-r="drop_duplicate_glyphs"],ul.legend .sw[data-r="drop_duplicate_glyphs"]'
    rule = f"{selector}{{background:{DEFAULT_REASON_COLOUR}}}"
    assert rule in report
    assert {0, 1} <= marked_offsets(parsed, "drop_duplicate_glyphs")


def test_input_that_is_in_no_block_and_not_removed_is_flagged():
    page = broadsheet.restore(MIXED_PAGE).to_dict()
    dropped = page["articles"][0]["body"].pop(0)
    report = render_report(page, MIXED_PAGE)
    lost = [p for p in parse(report).raw_pieces if p.get("class") == "lost"]
    lost_offsets = {i for p in lost for i in range(int(p["data-s"]), int(p["data-e"]))}
    a, b = dropped["spans"][0]
    assert set(range(a, b)) <= lost_offsets
    assert 'data-reason="lost"' in report


def test_offsets_from_another_text_are_flagged():
    page = broadsheet.restore(MIXED_PAGE)
    report = render_report(page, SIMPLIFIED_PAGE)
    assert re.search(r'<p class="warn">\d+ removals or spans do not fit this input', report)


def test_a_page_object_brings_its_own_input_text():
    page = broadsheet.restore(MIXED_PAGE)
    assert parse(render_report(page, "")).raw_text == MIXED_PAGE


def test_page_text_is_escaped_everywhere():
    page = broadsheet.restore(HOSTILE_PAGE)
    assert "<script>" in page.to_text()
    report = render_report(page, HOSTILE_PAGE, gold=page.to_dict(), metrics={"<b>f1</b>": 1.0})
    parsed = parse(report)
    assert parsed.scripts == 1  # the report's own
    assert not [name for name in parsed.attribute_names if name.startswith("on")]
    assert "&lt;script&gt;window.__pwned" in report
    assert "&lt;b&gt;f1&lt;/b&gt;" in report


def test_page_and_its_dict_give_the_same_report():
    page = broadsheet.restore(MIXED_PAGE)
    assert render_report(page, MIXED_PAGE) == render_report(page.to_dict(), MIXED_PAGE)


def test_report_assets_ship_in_the_package():
    """The CSS and JS are package data: a wheel without them cannot write a report."""
    import fnmatch
    import tomllib

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    patterns = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["broadsheet"]
    for asset in ("write/report_assets/report.css", "write/report_assets/report.js"):
        assert any(fnmatch.fnmatch(asset, pattern) for pattern in patterns), f"add {asset!r} to package-data"


def test_report_loads_nothing_from_the_network():
    report = render_report(broadsheet.restore(MIXED_PAGE), MIXED_PAGE)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", report)
    assert "@import" not in report and "url(" not in report


# ---------------------------------------------------------------------------
# gold diff and metrics


def _english_article(page_dict: dict) -> int:
    """Index of the article that holds the English bridge story."""
    return next(i for i, a in enumerate(page_dict["articles"]) if any("eight months" in b["text"] for b in a["body"]))


def _gold_from(page_dict: dict) -> dict:
    """A gold page that differs from the prediction in known ways (and lists the articles backwards)."""
    gold = json.loads(json.dumps(page_dict))
    english = gold["articles"][_english_article(gold)]
    for block in english["body"]:
        block["text"] = block["text"].replace("eight months", "nine months")
    english["body"].append({"kind": "paragraph", "text": "A paragraph the restorer never saw."})
    gold["articles"][0]["headline"] = "市議會通過新年度預算"
    gold["articles"].reverse()
    return gold


def test_gold_articles_find_their_restored_articles():
    predicted = broadsheet.restore(MIXED_PAGE).to_dict()
    gold = _gold_from(predicted)
    matches = best_matches(gold["articles"], predicted["articles"])
    assert [index for index, _score in matches] == list(reversed(range(len(predicted["articles"]))))
    assert all(score > 0.8 for _index, score in matches)


def test_paragraph_diff_marks_changed_missing_and_extra():
    rows = paragraph_diff(["same one", "the cat sat on the mat", "a paragraph only gold has"],
                          ["same one", "the dog sat on the mat", "something else entirely"])
    assert rows == [
        ("equal", "same one"),
        ("changed", "the <del>cat</del><ins>dog</ins> sat on the mat"),
        ("missing", "a paragraph only gold has"),
        ("extra", "something else entirely"),
    ]
    cjk = paragraph_diff(["市議會通過預算"], ["市議会通過預算"])
    assert cjk == [("changed", "市議<del>會</del><ins>会</ins>通過預算")]
    gone = paragraph_diff(["one", "two"], ["one"])
    assert gone == [("equal", "one"), ("missing", "two")]


def test_report_with_gold_shows_the_diff_and_given_metrics():
    page = broadsheet.restore(MIXED_PAGE)
    english = _english_article(page.to_dict()) + 1
    metrics = {"block_f1": 0.875, "counts": {"articles": 3}}
    report = render_report(page, MIXED_PAGE, gold=_gold_from(page.to_dict()), metrics=metrics)
    assert "<del>nine</del><ins>eight</ins>" in report
    assert '<tr class="missing"><th>missing</th><td>A paragraph the restorer never saw.</td></tr>' in report
    assert f'href="#p1-a{english}">restored article {english}</a>' in report
    assert "<th>block_f1</th><td class=\"num\">0.875</td>" in report
    assert "<th>counts.articles</th><td class=\"num\">3</td>" in report


def test_evaluator_metrics_are_used_when_the_module_exists(monkeypatch):
    calls = []
    metrics_module = types.ModuleType("broadsheet.evaluate.metrics")

    def score_page(gold, prediction):
        calls.append((gold, prediction))
        return {"article_f1": 0.5}

    metrics_module.score_page = score_page
    monkeypatch.setitem(sys.modules, "broadsheet.evaluate", types.ModuleType("broadsheet.evaluate"))
    monkeypatch.setitem(sys.modules, "broadsheet.evaluate.metrics", metrics_module)
    page = broadsheet.restore(MIXED_PAGE)
    gold = page.to_dict()
    report = render_report(page, MIXED_PAGE, gold=gold)
    assert calls and calls[0][0] is gold and calls[0][1] == page.to_dict()
    assert "<th>article_f1</th><td class=\"num\">0.500</td>" in report


def test_the_real_evaluator_scores_the_page_when_installed():
    pytest.importorskip("broadsheet.evaluate.metrics", reason="broadsheet.evaluate.metrics not in this tree")
    page = broadsheet.restore(MIXED_PAGE)
    report = render_report(page, MIXED_PAGE, gold=_gold_from(page.to_dict()))
    assert 'class="metrics"' in report and "<th>block_f1</th>" in report
    assert "score_page failed" not in report


def test_without_an_evaluator_the_gold_report_shows_the_diff_only(monkeypatch):
    monkeypatch.setitem(sys.modules, "broadsheet.evaluate.metrics", None)  # import fails
    page = broadsheet.restore(MIXED_PAGE)
    report = render_report(page, MIXED_PAGE, gold=page.to_dict())
    assert 'class="gold"' in report and 'class="metrics"' not in report


# ---------------------------------------------------------------------------
# PDF pages


@pytest.fixture(scope="module")
def pdf_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "page.pdf"
    write_pdf(path)
    page, source = restore_pdf_lines(path)
    return path, page, source


def test_pdf_report_draws_the_page_and_a_numbered_box_per_block(pdf_page):
    import pymupdf

    path, page, source = pdf_page
    page.removed.append(Removal(0, 1, source[0], "drop_duplicate_glyphs", page=1, bbox=(30.0, 20.0, 50.0, 44.0)))
    try:
        report = render_report(page, source, pdf_path=str(path))
    finally:
        page.removed.pop()
    image = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', report)
    assert image
    pixmap = pymupdf.Pixmap(base64.b64decode(image.group(1)))
    assert abs(pixmap.width - 460 * 96 / 72) <= 1 and pixmap.n == 1  # grey, at IMAGE_DPI
    blocks = [b for a in page.articles for b in a.blocks()] + page.unassigned
    boxes = re.findall(r'<g class="box" data-b="([^"]+)" data-kind="([^"]+)"><title>(\d+)\.', report)
    assert len(boxes) == len(blocks)
    assert [int(n) for _id, _kind, n in boxes] == list(range(1, len(blocks) + 1))
    assert boxes[0][1] == "headline"
    assert report.count('class="drop" data-r="drop_duplicate_glyphs"') == 1


def test_document_report_has_one_section_per_page(pdf_page):
    path, page, source = pdf_page
    report = render_document_report(Document(str(path), [page, page]), pdf_path=str(path))
    assert report.count('<section class="page"') == 2
    assert 'id="p1"' in report and 'id="p2"' in report
    ids = re.findall(r'<h3 class="blk k-headline" data-b="([^"]+)"', report)
    assert len(ids) == len(set(ids)) == 2 * sum(1 for a in page.articles if a.headline)


# ---------------------------------------------------------------------------
# index and command line


def test_index_lists_reports_worst_first(tmp_path):
    entries = [
        {"name": "good", "href": "good.html", "score": 0.9, "metrics": {"f1": 0.9}},
        {"name": "<bad>", "href": "bad.html", "score": 0.1, "metrics": {"f1": 0.1, "extra": 2}},
        {"name": "unscored", "href": "none.html", "score": None, "metrics": {}},
        {"name": "middling", "href": "mid.html", "score": 0.5, "metrics": {"f1": 0.5}},
    ]
    path = write_report_index(entries, tmp_path / "reports")
    assert path == tmp_path / "reports" / "index.html"
    text = path.read_text(encoding="utf-8")
    order = [m for m in re.findall(r'<a href="([^"]+)">', text)]
    assert order == ["bad.html", "mid.html", "good.html", "none.html"]
    assert "&lt;bad&gt;" in text and "<th>extra</th>" in text


def test_inspect_command_writes_a_report(tmp_path, capsys):
    source = tmp_path / "page.txt"
    source.write_text(MIXED_PAGE, encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(_gold_from(broadsheet.restore(MIXED_PAGE).to_dict()), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["inspect", str(source), "-o", str(out), "--gold", str(gold)]) == 0
    report = out.read_text(encoding="utf-8")
    assert parse(report).raw_text == MIXED_PAGE
    assert "<del>nine</del>" in report
    assert capsys.readouterr().out.strip() == str(out)


def test_inspect_command_reads_standard_input(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SIMPLIFIED_PAGE.encode("utf-8"))))
    out = tmp_path / "stdin.html"
    assert main(["inspect", "-", "-o", str(out)]) == 0
    assert parse(out.read_text(encoding="utf-8")).raw_text == SIMPLIFIED_PAGE


def test_inspect_command_defaults_to_a_file_named_after_the_input(tmp_path, monkeypatch):
    source = tmp_path / "page.txt"
    source.write_text(SIMPLIFIED_PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["inspect", str(source)]) == 0
    assert (tmp_path / "page.txt.report.html").exists()


def test_inspect_command_on_a_pdf_draws_each_page(tmp_path):
    pytest.importorskip("broadsheet.read.pdf", reason="the PDF reader is not in this tree")
    import pymupdf

    pdf = tmp_path / "two.pdf"
    write_pdf(pdf)
    with pymupdf.open() as doc, pymupdf.open(pdf) as one:  # the same page twice
        doc.insert_pdf(one)
        doc.insert_pdf(one)
        doc.save(tmp_path / "twice.pdf")
    out = tmp_path / "twice.html"
    assert main(["inspect", str(tmp_path / "twice.pdf"), "-o", str(out)]) == 0
    report = out.read_text(encoding="utf-8")
    document = broadsheet.restore_file(tmp_path / "twice.pdf")
    assert report.count('<section class="page"') == 2
    assert report.count('src="data:image/png;base64,') == 2
    boxed = sum(1 for page in document.pages for a in page.articles for b in a.blocks() if b.bbox is not None)
    boxed += sum(1 for page in document.pages for b in page.unassigned if b.bbox is not None)
    assert boxed and report.count('<g class="box"') == boxed
    assert parse(report).raw_text == "".join(page.input_text for page in document.pages)


@pytest.mark.parametrize("gold_text, message", [
    ("{not json", "not valid JSON"),
    ('{"headline": "x"}', 'neither "articles" nor "pages"'),
])
def test_inspect_command_rejects_a_bad_gold_file(tmp_path, capsys, gold_text, message):
    source = tmp_path / "page.txt"
    source.write_text(MIXED_PAGE, encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(gold_text, encoding="utf-8")
    assert main(["inspect", str(source), "--gold", str(gold), "-o", str(tmp_path / "r.html")]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_inspect_command_rejects_a_missing_input(tmp_path, capsys):
    assert main(["inspect", str(tmp_path / "absent.txt"), "-o", str(tmp_path / "r.html")]) == 1
    assert "no such file" in capsys.readouterr().err


# ---------------------------------------------------------------------------
# in the browser

CHROMIUM = find_chromium()
browser = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (Debian package: chromium)")


@pytest.fixture(scope="module")
def chromium():
    started = time.monotonic()
    with Chromium(CHROMIUM) as instance:
        yield instance
    # The brief for these tests: one browser, well under 40 s in all.
    assert time.monotonic() - started < 40


@pytest.fixture(scope="module")
def reports(tmp_path_factory, pdf_page):
    folder = tmp_path_factory.mktemp("reports")
    out = {}
    for name, text in (("mixed", MIXED_PAGE), ("hans", SIMPLIFIED_PAGE), ("hostile", HOSTILE_PAGE), ("long", long_page())):
        page = broadsheet.restore(text)
        path = folder / f"{name}.html"
        path.write_text(render_report(page, text), encoding="utf-8")
        out[name] = (path, page, text)
    path, page, source = pdf_page
    pdf_report = folder / "pdf.html"
    pdf_report.write_text(render_report(page, source, pdf_path=str(path)), encoding="utf-8")
    out["pdf"] = (pdf_report, page, source)
    return out


# Each restored block in the right pane: its id and its own text (nested linked
# elements, such as a caption's credit, and kind tags left out).
BLOCKS_JS = """
Array.from(document.querySelectorAll('.out-pane [data-b]')).map(function (el) {
  var copy = el.cloneNode(true);
  copy.querySelectorAll('[data-b], .kind-tag').forEach(function (inner) { inner.remove(); });
  return {id: el.getAttribute('data-b'), text: copy.textContent.trim()};
})
"""
HIGHLIGHTED_JS = """
Array.from(document.querySelectorAll('pre.raw .%s')).map(function (el) {
  return [Number(el.getAttribute('data-s')), Number(el.getAttribute('data-e'))];
})
"""


def _dispatch(kind: str, selector: str) -> str:
    return (f"document.querySelector({json.dumps(selector)})"
            f".dispatchEvent(new MouseEvent('{kind}', {{bubbles: true, cancelable: true, view: window}}))")


@browser
@pytest.mark.browser
def test_dom_holds_every_article_and_every_removal(chromium, reports):
    for name in ("mixed", "hans", "hostile", "long"):
        path, page, text = reports[name]
        chromium.open(path)
        assert chromium.evaluate("document.querySelector('pre.raw').textContent") == text
        assert chromium.evaluate("document.querySelectorAll('article.art').length") == len(page.articles)
        pieces = chromium.evaluate(
            "Array.from(document.querySelectorAll('pre.raw .rm')).map(e => [e.dataset.r, +e.dataset.s, +e.dataset.e])")
        marked = {(reason, i) for reason, a, b in pieces for i in range(a, b)}
        assert marked == {(r.reason, i) for r in page.removed for i in range(r.start, r.end)}
        shown = "".join(block["text"] for block in chromium.evaluate(BLOCKS_JS))
        for article in page.articles:
            for block in article.blocks():
                assert block.string.strip() in shown


@browser
@pytest.mark.browser
@pytest.mark.parametrize("name", ["mixed", "hans", "pdf"])
def test_hovering_a_block_lights_its_source_and_back(chromium, reports, name):
    path, page, _text = reports[name]
    chromium.open(path)
    expected = {text: merged(spans) for text, spans in contract_blocks(page.to_dict())}
    blocks = chromium.evaluate(BLOCKS_JS)
    assert len(blocks) == len(expected)
    for block in blocks:
        chromium.evaluate(_dispatch("mouseover", f'.out-pane [data-b="{block["id"]}"]'))
        lit = merged(tuple(pair) for pair in chromium.evaluate(HIGHLIGHTED_JS % "hl"))
        assert lit == expected[block["text"]], block["text"]
        # ...and from the raw side: hovering the block's first source piece lights the block.
        chromium.evaluate(_dispatch("mouseover", 'body'))
        assert chromium.evaluate("document.querySelectorAll('.hl').length") == 0
        first = lit[0][0]
        chromium.evaluate(_dispatch("mouseover", f'pre.raw [data-s="{first}"]'))
        assert chromium.evaluate(f"document.querySelector('.out-pane [data-b=\"{block['id']}\"]').classList.contains('hl')")
    if name == "pdf":
        boxes = chromium.evaluate("document.querySelectorAll('.pdf-page g.box.hl').length")
        assert boxes == 1


@browser
@pytest.mark.browser
def test_clicking_pins_the_link_and_scrolls_the_other_pane(chromium, reports):
    path, page, text = reports["long"]
    chromium.open(path, width=1400, height=800)
    assert chromium.evaluate("document.querySelector('.raw-pane').scrollTop") == 0
    last = chromium.evaluate(BLOCKS_JS)[-1]
    chromium.evaluate(_dispatch("click", f'.out-pane [data-b="{last["id"]}"]'))
    pinned = chromium.evaluate(HIGHLIGHTED_JS % "pin")
    assert pinned and pinned[-1][1] >= len(text.rstrip()) - 1
    visible = """(function () {
      var pane = document.querySelector('%s').getBoundingClientRect();
      var el = document.querySelector('%s').getBoundingClientRect();
      return el.top >= pane.top && el.bottom <= pane.bottom;
    })()"""
    assert chromium.evaluate(visible % (".raw-pane", "pre.raw .pin"))
    # From the raw side: clicking the input's first paragraph scrolls the restored pane back to it.
    chromium.evaluate("document.querySelector('.out-pane').scrollTop = 1e6")
    first_piece = chromium.evaluate("document.querySelector('pre.raw [data-b]').getAttribute('data-s')")
    chromium.evaluate(_dispatch("click", f'pre.raw [data-s="{first_piece}"]'))
    assert chromium.evaluate(visible % (".out-pane", ".out-pane .pin"))
    assert chromium.evaluate("document.querySelectorAll('pre.raw .pin').length") >= 1


@browser
@pytest.mark.browser
def test_a_legend_entry_steps_through_its_removals(chromium, reports):
    path, page, _text = reports["long"]
    chromium.open(path, width=1400, height=800)
    reason = "undouble_punctuation"
    starts = sorted(r.start for r in page.removed if r.reason == reason)
    assert len(starts) > 20
    flashed = []
    for _ in range(3):
        chromium.evaluate(_dispatch("click", f'ul.legend li[data-reason="{reason}"]'))
        flashed.append(chromium.evaluate("Number(document.querySelector('pre.raw .flash').getAttribute('data-s'))"))
    assert flashed == starts[:3]
    for _ in range(len(starts) - 3):
        chromium.evaluate(_dispatch("click", f'ul.legend li[data-reason="{reason}"]'))
    last = chromium.evaluate("""(function () {
      var pane = document.querySelector('.raw-pane').getBoundingClientRect();
      var el = document.querySelector('pre.raw .flash').getBoundingClientRect();
      return {s: Number(document.querySelector('pre.raw .flash').getAttribute('data-s')),
              visible: el.top >= pane.top && el.bottom <= pane.bottom};
    })()""")
    assert last == {"s": starts[-1], "visible": True}
    assert chromium.evaluate("document.querySelectorAll('pre.raw .flash').length") == 1


@browser
@pytest.mark.browser
def test_markup_in_the_page_stays_text(chromium, reports):
    path, _page, _text = reports["hostile"]
    chromium.open(path)
    assert chromium.evaluate("typeof window.__pwned") == "undefined"
    assert chromium.evaluate("document.scripts.length") == 1
    assert chromium.evaluate("document.querySelectorAll('img').length") == 0
    assert "<script>window.__pwned = 1</script>" in chromium.evaluate("document.querySelector('.out-pane').textContent")


@browser
@pytest.mark.browser
def test_phone_width_stacks_the_panes(chromium, reports):
    path, _page, _text = reports["mixed"]
    chromium.open(path, width=390, height=800, mobile=True)
    layout = chromium.evaluate("""(function () {
      var raw = document.querySelector('.raw-pane').getBoundingClientRect();
      var out = document.querySelector('.out-pane').getBoundingClientRect();
      return {rawBottom: raw.bottom, outTop: out.top, rawWidth: raw.width,
              scrollWidth: document.documentElement.scrollWidth};
    })()""")
    assert layout["outTop"] >= layout["rawBottom"]
    assert layout["scrollWidth"] <= 390
    assert layout["rawWidth"] > 300


@browser
@pytest.mark.browser
@pytest.mark.parametrize("name", ["mixed", "pdf"])
def test_screenshot_is_not_blank(chromium, reports, name):
    import pymupdf

    path, _page, _text = reports[name]
    chromium.open(path, width=1200, height=700)
    png = chromium.screenshot()
    pixmap = pymupdf.Pixmap(png)
    assert (pixmap.width, pixmap.height) == (1200, 700)
    samples = pixmap.samples
    distinct = set(samples[:: max(1, len(samples) // 200_000)])
    assert len(distinct) > 16, "the screenshot is (nearly) one colour"
