"""The HTML report: one self-contained file that shows what broadsheet did to a page.

Left, the raw input with every removed character marked by its reason; right,
the restored articles as a reader sees them; the two linked through provenance
(every restored block names the input offsets it was read from). For a PDF the
rendered page is shown too, with the blocks boxed in reading order. With a gold
file, each gold article is diffed against its best-matching restored article.

Offsets are Python code points. The browser never computes an offset: the raw
text is cut here, at every span and removal boundary, into ``<span>`` elements
that carry the block id (``data-b``) and the offsets (``data-s``/``data-e``), so
JavaScript only toggles classes on elements that share an id. One element per
run, never per character, keeps long pages light.

Everything from the page goes through :func:`html.escape`; the file loads
nothing from the network (CSS and JS are inlined from ``report_assets/``).
"""

from __future__ import annotations

import base64
import difflib
import html
import importlib
import math
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Article, Block, Document, Page

# reason -> (legend label, colour). Reasons not listed get DEFAULT_REASON_COLOUR
# and their own name as label, so a new repair still shows up in the legend.
REASON_STYLES: dict[str, tuple[str, str]] = {
    "undouble_shadow_runs": ("doubled run / shadow", "#f6a5a5"),
    "undouble_punctuation": ("doubled punctuation", "#f8c27a"),
    "undouble_repeated_lines": ("repeated line", "#dcb0f2"),
    "drop_later_copies": ("later copy of a line", "#e6c3f5"),
    "repeated_title": ("deck repeating its headline", "#f0b8d0"),
    "unshingle_redrawn_runs": ("redrawn run (shingled lines)", "#e9a3c9"),
    "undouble_runs_broken_across_lines": ("redrawn run (broken inside a copy)", "#e9a3c9"),
    "drop_invisible_marks": ("invisible mark", "#b8e0d2"),
    "drop_justify_spaces": ("justification space", "#8fcdf4"),
    "drop_letter_gap_spaces": ("letter gap read as a space", "#a8d8f8"),
    "strip_bullet_marker": ("bullet marker", "#a9e29a"),
    "strip_caption_marker": ("caption marker", "#7fd6c2"),
    "strip_credit_brackets": ("credit brackets", "#d2c29a"),
    "join_wrapped_lines": ("line-end hyphen", "#f2dc5d"),
    "map_compat_ideographs": ("compatibility character (→ replacement)", "#bdb6ff"),
    "duplicate_glyph": ("dropped duplicate glyph (PDF)", "#ff8fc7"),
    "invisible_copy": ("invisible copy of visible text, e.g. an OCR layer (PDF)", "#f4b183"),
    "map_dingbat_bullets": ("symbol-font bullet (→ •)", "#c7b3e6"),
    "map_bullets_read_as_letters": ("bullet read as a letter (→ •)", "#c7b3e6"),
}
DEFAULT_REASON_COLOUR = "#cfcfcf"
# Input characters that are neither in a restored block nor in ``removed``:
# the provenance invariant says there should be none besides whitespace.
LOST = "lost"
LOST_LABEL = "unaccounted (in no block, not removed)"

# Box colours on the page image, by block kind.
KIND_COLOURS: dict[str, str] = {
    "headline": "#d7301f",
    "deck": "#fc8d59",
    "subhead": "#ef6548",
    "byline": "#6a51a3",
    "paragraph": "#2171b5",
    "list_item": "#4292c6",
    "caption": "#238b45",
    "credit": "#41ab5d",
    "signoff": "#807dba",
    "continuation": "#8c6bb1",
    "continues": "#8c6bb1",
    "continued_from": "#8c6bb1",
    "pull_quote": "#e7298a",
    "furniture": "#737373",
}
DEFAULT_KIND_COLOUR = "#525252"

# Page images: grey PNG at this resolution, and never wider than MAX_IMAGE_PX,
# so a report of a broadsheet page stays a few hundred kilobytes.
IMAGE_DPI = 96
MAX_IMAGE_PX = 1400

# Two paragraphs at least this similar (0-1) are shown as one changed paragraph.
SAME_PARAGRAPH = 0.5



@dataclass(slots=True)
class ShownBlock:
    """One restored block as the report shows it, wherever it came from."""

    id: str
    kind: str
    text: str
    spans: list[tuple[int, int]]
    bbox: tuple[float, float, float, float] | None = None
    credit: ShownBlock | None = None


@dataclass(slots=True)
class ShownPage:
    source: str
    language: str
    number: int | None
    articles: list[list[ShownBlock]]
    unassigned: list[ShownBlock]
    removed: list[dict]
    contract: dict = field(default_factory=dict)  # the page as JSON, for the gold diff
    prefix: str = "p1"  # makes element ids unique across the pages of one report

    def blocks(self) -> Iterable[ShownBlock]:
        for article in self.articles:
            for block in article:
                yield block
                if block.credit is not None:
                    yield block.credit
        yield from self.unassigned


# ---------------------------------------------------------------------------
# public entry points


def render_report(
    page: Page | dict,
    raw_text: str,
    gold: dict | None = None,
    metrics: dict | None = None,
    pdf_path: str | None = None,
    page_number: int | None = None,
) -> str:
    """One page's report as a complete HTML document.

    ``page`` is a :class:`Page` or its ``to_dict()``; ``raw_text`` is the decoded
    input its offsets refer to. ``gold`` (same contract) adds a per-article diff;
    ``metrics`` are shown as given, or, with gold and no metrics, computed by
    ``broadsheet.evaluate.metrics`` when that module exists. With ``pdf_path``,
    page ``page_number`` (1-based; default the page's ``number``, else 1) is drawn
    with the blocks' boxes over it.
    """
    if isinstance(page, Document):
        return render_document_report(page, gold=gold, pdf_path=pdf_path)
    if not raw_text and isinstance(page, Page):
        raw_text = page.input_text
    shown = _shown_page(page, "p1")
    if gold is not None and metrics is None:
        metrics = _evaluator_metrics(shown.contract, gold)
    if pdf_path is not None and page_number is None:
        page_number = shown.number or 1
    section = _page_section(shown, raw_text, gold, metrics, pdf_path, page_number)
    return _document_shell(shown.source, [section], [])


def render_document_report(
    document: Document | dict,
    raw_texts: Sequence[str] | None = None,
    gold: dict | None = None,
    pdf_path: str | None = None,
) -> str:
    """A multi-page input (a PDF) as one report, one section per page.

    ``raw_texts`` defaults to each page's ``input_text`` (a :class:`Document`);
    for a document given as a dict it is required. ``gold`` is a document
    contract (``{"pages": [...]}``, matched by page number, else by position)
    or, for a one-page document, a page contract.
    """
    if isinstance(document, Document):
        pages: list[Page | dict] = list(document.pages)
        source = document.source
        if raw_texts is None:
            raw_texts = [p.input_text for p in document.pages]
    else:
        pages = list(document.get("pages", []))
        source = document.get("source", "")
        if raw_texts is None:
            raise ValueError("render_document_report needs raw_texts when the document is a dict")
    if len(raw_texts) != len(pages):
        raise ValueError(f"{len(pages)} pages but {len(raw_texts)} raw texts")
    sections: list[str] = []
    nav: list[tuple[str, str]] = []
    for index, (page, raw) in enumerate(zip(pages, raw_texts, strict=True), start=1):
        prefix = f"p{index}"
        shown = _shown_page(page, prefix)
        if not shown.source:
            shown.source = source
        number = shown.number or index
        page_gold = _gold_for_page(gold, number, index, len(pages))
        metrics = _evaluator_metrics(shown.contract, page_gold) if page_gold is not None else None
        sections.append(_page_section(shown, raw, page_gold, metrics, pdf_path,
                                      number if pdf_path is not None else None))
        nav.append((prefix, f"page {number}"))
    return _document_shell(source, sections, nav if len(sections) > 1 else [])


def write_report_index(entries: list[dict], out_dir) -> Path:
    """``out_dir/index.html``: one row per report, worst score first.

    Each entry is ``{"name", "href", "score", "metrics"}``; ``href`` is relative
    to ``out_dir``. Entries without a score sort last; metric columns are the
    union of the entries' scalar metrics.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    def order(entry: dict) -> tuple:
        score = entry.get("score")
        missing = not isinstance(score, (int, float)) or isinstance(score, bool) or math.isnan(score)
        return (missing, score if not missing else 0.0, str(entry.get("name", "")))

    rows = sorted(entries, key=order)
    columns: list[str] = []
    for entry in rows:
        for key, _value in _flat_metrics(entry.get("metrics") or {}):
            if key not in columns:
                columns.append(key)
    head = "".join(f"<th>{_e(c)}</th>" for c in ["page", "score", *columns])
    body = []
    for entry in rows:
        values = dict(_flat_metrics(entry.get("metrics") or {}))
        cells = [f'<td><a href="{_e(entry.get("href", ""))}">{_e(entry.get("name", ""))}</a></td>',
                 f'<td class="num">{_e(_fmt(entry.get("score")))}</td>']
        cells += [f'<td class="num">{_e(_fmt(values.get(c)))}</td>' for c in columns]
        body.append("<tr>" + "".join(cells) + "</tr>")
    doc = (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>broadsheet reports ({len(rows)})</title><style>{_asset('report.css')}</style></head>"
        f'<body class="index"><header><h1>broadsheet reports</h1><p>{len(rows)} pages, worst first.</p></header>'
        f'<table class="scores"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></body></html>\n'
    )
    path = out / "index.html"
    path.write_text(doc, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# the page, whatever form it came in, as ShownBlocks


def _shown_page(page: Page | dict, prefix: str) -> ShownPage:
    ids = _Ids(prefix)
    if isinstance(page, Page):
        contract = page.to_dict()
        articles = [_article_from_model(a, ids) for a in page.articles]
        unassigned = [_from_block(b, ids) for b in page.unassigned]
        removed = [r.to_dict() for r in page.removed]
        return ShownPage(page.source, page.language, page.number, articles, unassigned, removed, contract, prefix)
    if not isinstance(page, dict):
        raise TypeError(f"render_report takes a Page or its to_dict(), not {type(page).__name__}")
    articles = [_article_from_dict(a, ids) for a in page.get("articles", [])]
    unassigned = [_from_dict_block(b, b.get("kind") or "unassigned", ids) for b in page.get("unassigned", [])]
    return ShownPage(page.get("source", ""), page.get("language", ""), page.get("number"), articles,
                     unassigned, list(page.get("removed", [])), page, prefix)


class _Ids:
    def __init__(self, prefix: str):
        self.prefix = prefix
        self.count = 0

    def next(self) -> str:
        self.count += 1
        return f"{self.prefix}b{self.count}"


def _from_block(block: Block, ids: _Ids, kind: str | None = None) -> ShownBlock:
    credit = None
    if block.credit is not None:
        credit = ShownBlock(ids.next(), "credit", block.credit.string, block.credit.spans())
    shown = ShownBlock(ids.next(), kind or block.kind, block.string, block.text.spans(), block.bbox, credit)
    return shown


def _article_from_model(article: Article, ids: _Ids) -> list[ShownBlock]:
    out: list[ShownBlock] = []
    if article.headline is not None:
        out.append(_from_block(article.headline, ids, "headline"))
    out += [_from_block(b, ids, "deck") for b in article.subheadlines]
    if article.byline is not None:
        out.append(_from_block(article.byline, ids, "byline"))
    if article.continued_from is not None:
        out.append(_from_block(article.continued_from, ids, "continued_from"))
    out += [_from_block(b, ids) for b in article.body]
    out += [_from_block(b, ids, "caption") for b in article.captions]
    if article.signoff is not None:
        out.append(_from_block(article.signoff, ids, "signoff"))
    if article.continues is not None:
        out.append(_from_block(article.continues, ids, "continues"))
    return out


def _spans_of(value: Any) -> list[tuple[int, int]]:
    out = []
    for pair in value or []:
        if isinstance(pair, (list, tuple)) and len(pair) == 2:
            out.append((int(pair[0]), int(pair[1])))
    return out


def _bbox_of(value: Any) -> tuple[float, float, float, float] | None:
    if isinstance(value, (list, tuple)) and len(value) == 4:
        return tuple(float(v) for v in value)  # type: ignore[return-value]
    return None


def _from_dict_block(block: dict, kind: str, ids: _Ids) -> ShownBlock:
    credit = None
    if block.get("credit"):
        credit = ShownBlock(ids.next(), "credit", block["credit"], _spans_of(block.get("credit_spans")))
    return ShownBlock(ids.next(), kind, block.get("text") or "", _spans_of(block.get("spans")),
                      _bbox_of(block.get("bbox")), credit)


def _article_from_dict(article: dict, ids: _Ids) -> list[ShownBlock]:
    spans = article.get("spans") or {}
    out: list[ShownBlock] = []

    def single(name: str, kind: str) -> None:
        if article.get(name):
            out.append(ShownBlock(ids.next(), kind, article[name], _spans_of(spans.get(name))))

    single("headline", "headline")
    deck_spans = spans.get("subheadlines") or []
    for i, deck in enumerate(article.get("subheadlines") or []):
        out.append(ShownBlock(ids.next(), "deck", deck, _spans_of(deck_spans[i] if i < len(deck_spans) else [])))
    single("byline", "byline")
    single("continued_from", "continued_from")
    out += [_from_dict_block(b, b.get("kind") or "paragraph", ids) for b in article.get("body") or []]
    out += [_from_dict_block(c, "caption", ids) for c in article.get("captions") or []]
    single("signoff", "signoff")
    single("continues", "continues")
    return out


# ---------------------------------------------------------------------------
# HTML pieces


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


# The HTML parser turns CR and CRLF into LF and NUL into U+FFFD; control
# characters are written as references so the raw pane keeps every code point.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f]")


def _text(value: str) -> str:
    escaped = html.escape(value, quote=False)
    if _CONTROL.search(escaped):
        escaped = _CONTROL.sub(lambda m: "\ufffd" if m.group() == "\x00" else f"&#{ord(m.group())};", escaped)
    return escaped


def _asset(name: str) -> str:
    return resources.files("broadsheet.write").joinpath("report_assets", name).read_text(encoding="utf-8")


def _reason_label(reason: str) -> str:
    return REASON_STYLES.get(reason, (reason, ""))[0]


def _reason_colour(reason: str) -> str:
    return REASON_STYLES.get(reason, ("", DEFAULT_REASON_COLOUR))[1]


def _document_shell(source: str, sections: list[str], nav: list[tuple[str, str]]) -> str:
    reasons = sorted({m for s in sections for m in re.findall(r'data-r="([^"]*)"', s)})
    # Per-reason colours as CSS, keyed on the (escaped) reason attribute value.
    rules = [f'pre.raw .rm[data-r="{r}"],ul.legend .sw[data-r="{r}"]{{background:{_reason_colour(r)}}}'
             for r in reasons if re.fullmatch(r"[\w.:-]+", r)]
    nav_html = ""
    if nav:
        nav_html = '<nav class="pages">' + " ".join(f'<a href="#{_e(p)}">{_e(label)}</a>' for p, label in nav) + "</nav>"
    title = f"broadsheet inspect: {source}" if source else "broadsheet inspect"
    return (
        "<!DOCTYPE html>\n<html lang=\"und\"><head><meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_asset('report.css')}\n{''.join(rules)}</style>\n</head>\n"
        '<body><header class="top"><h1>broadsheet inspect</h1>'
        f'<span class="src">{_e(source)}</span>'
        '<label class="toggle"><input type="checkbox" id="show-kinds"> show block kinds</label>'
        f"{nav_html}</header>\n"
        + "\n".join(sections)
        + f"\n<script>{_asset('report.js')}</script>\n</body></html>\n"
    )


def _page_section(shown: ShownPage, raw_text: str, gold: dict | None, metrics: dict | None,
                  pdf_path: str | None, page_number: int | None) -> str:
    raw_html, reason_counts, lost = _raw_pane(raw_text, shown)
    blocks = list(shown.blocks())
    stats = [
        ("language", shown.language or "?"),
        ("articles", str(len(shown.articles))),
        ("blocks", str(len(blocks))),
        ("unassigned", str(len(shown.unassigned))),
        ("removed", str(len(shown.removed))),
        ("input", f"{len(raw_text):,} chars"),
    ]
    stats_html = "".join(f'<span class="stat"><b>{_e(k)}</b> {_e(v)}</span>' for k, v in stats)
    heading = f"page {shown.number}" if shown.number is not None else (shown.source or "page")
    # The page's language picks the right glyph forms for unified Han characters.
    lang = f' lang="{_e(shown.language)}"' if _LANGUAGE_TAG.fullmatch(shown.language or "") else ""
    parts = [f'<section class="page" id="{_e(shown.prefix)}"{lang}>',
             f'<div class="page-head"><h2>{_e(heading)}</h2>{stats_html}</div>']
    mismatches = offset_mismatches(raw_text, shown)
    if mismatches:
        parts.append(f'<p class="warn">{mismatches} removals or spans do not fit this input: '
                     "the offsets refer to another text, so the highlights below are wrong.</p>")
    parts.append(_legend(reason_counts, lost))
    if metrics:
        parts.append(_metrics_table(metrics))
    image = ""
    if pdf_path is not None and page_number is not None:
        image = _image_pane(pdf_path, page_number, shown)
    panes_class = "panes with-image" if image else "panes"
    parts.append(f'<div class="{panes_class}">{image}'
                 f'<div class="pane raw-pane"><h3>input</h3><pre class="raw">{raw_html}</pre></div>'
                 f'<div class="pane out-pane"><h3>restored</h3>{_restored_pane(shown)}</div></div>')
    if gold is not None:
        parts.append(_gold_section(gold, shown))
    parts.append("</section>")
    return "\n".join(parts)


def offset_mismatches(raw_text: str, shown: ShownPage) -> int:
    """Removals whose text is not the input at their offsets, plus spans beyond the input's end."""
    bad = sum(1 for r in shown.removed if raw_text[int(r.get("start", 0)):int(r.get("end", 0))] != r.get("text"))
    bad += sum(1 for block in shown.blocks() for _a, b in block.spans if b > len(raw_text))
    return bad


_LANGUAGE_TAG = re.compile(r"(?!und\b)[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def _legend(reason_counts: dict[str, int], lost: int) -> str:
    items = []
    for reason, count in sorted(reason_counts.items(), key=lambda kv: (-kv[1], kv[0])):
        known = reason in REASON_STYLES
        items.append(
            f'<li class="reason{"" if known else " unknown"}" data-reason="{_e(reason)}" '
            f'title="{_e(reason)}: click for the next one">'
            f'<span class="sw" data-r="{_e(reason)}"></span>{_e(_reason_label(reason))} '
            f'<span class="count">{count}</span></li>')
    if lost:
        items.append(f'<li class="reason" data-reason="{LOST}" title="click for the next one">'
                     f'<span class="sw lost-sw"></span>{_e(LOST_LABEL)} '
                     f'<span class="count">{lost}</span></li>')
    if not items:
        return '<ul class="legend"><li class="none">nothing removed</li></ul>'
    return '<ul class="legend">' + "".join(items) + "</ul>"


def _raw_pane(raw_text: str, shown: ShownPage) -> tuple[str, dict[str, int], int]:
    """The input cut at every span and removal boundary, each piece tagged.

    Returns the HTML, the count of removals per reason and the number of
    non-space characters that are in no block and no removal.
    """
    size = len(raw_text)
    starts: dict[int, list[tuple[str, Any]]] = {}
    ends: dict[int, list[tuple[str, Any]]] = {}
    cuts = {0, size}

    def add(a: int, b: int, item: tuple[str, Any]) -> None:
        a, b = max(0, min(a, size)), max(0, min(b, size))
        if b <= a:
            return
        starts.setdefault(a, []).append(item)
        ends.setdefault(b, []).append(item)
        cuts.update((a, b))

    for block in shown.blocks():
        for a, b in block.spans:
            add(a, b, ("b", block.id))
    reason_counts: dict[str, int] = {}
    for index, removal in enumerate(shown.removed):
        reason = str(removal.get("reason", "?"))
        reason_counts[reason] = reason_counts.get(reason, 0) + 1
        add(int(removal.get("start", 0)), int(removal.get("end", 0)), ("r", index))

    out: list[str] = []
    lost = 0
    active_blocks: list[str] = []
    active_removals: list[int] = []
    points = sorted(cuts)
    for a, b in zip(points, points[1:], strict=False):
        for kind, key in ends.get(a, []):
            (active_blocks if kind == "b" else active_removals).remove(key)
        for kind, key in starts.get(a, []):
            (active_blocks if kind == "b" else active_removals).append(key)
        piece = raw_text[a:b]
        if not active_blocks and not active_removals:
            lost += _plain_or_lost(piece, a, out)
            continue
        attrs = [f'data-s="{a}" data-e="{b}"']
        classes = []
        if active_blocks:
            classes.append("s")
            attrs.append(f'data-b="{_e(" ".join(active_blocks))}"')
        if active_removals:
            removal = shown.removed[active_removals[-1]]
            reason = str(removal.get("reason", "?"))
            classes.append("rm")
            attrs.append(f'data-r="{_e(reason)}"')
            title = _reason_label(reason)
            replacement = removal.get("replacement")
            if replacement is not None:
                classes.append("rep")
                attrs.append(f'data-rep="{_e(replacement)}"')
                title += f": {removal.get('text', '')} → {replacement}"
            if reason not in REASON_STYLES:
                classes.append("unknown")
            attrs.append(f'title="{_e(title)}"')
        out.append(f'<span class="{" ".join(classes)}" {" ".join(attrs)}>{_text(piece)}</span>')
    return "".join(out), reason_counts, lost


def _plain_or_lost(piece: str, offset: int, out: list[str]) -> int:
    """Text outside every block and removal: whitespace is expected, anything else is flagged."""
    if not piece.strip():
        out.append(_text(piece))
        return 0
    lost = 0
    cursor = 0
    for match in re.finditer(r"\S(?:[^\n]*\S)?", piece):
        out.append(_text(piece[cursor:match.start()]))
        a, b = offset + match.start(), offset + match.end()
        out.append(f'<span class="lost" data-s="{a}" data-e="{b}" title="{_e(LOST_LABEL)}">{_text(match.group())}</span>')
        lost += sum(1 for ch in match.group() if not ch.isspace())
        cursor = match.end()
    out.append(_text(piece[cursor:]))
    return lost


def _blk(tag: str, block: ShownBlock, inner: str | None = None) -> str:
    cls = f"blk k-{block.kind}"
    empty = "" if block.spans else ' data-nospans="1"'
    content = _e(block.text) if inner is None else inner
    return (f'<{tag} class="{_e(cls)}" data-b="{_e(block.id)}" data-kind="{_e(block.kind)}"{empty}>'
            f"{content}</{tag}>")


_ARTICLE_TAGS = {
    "headline": "h3", "deck": "p", "byline": "p", "continued_from": "p", "subhead": "h4",
    "paragraph": "p", "signoff": "p", "continues": "p", "continuation": "p",
}


def _restored_pane(shown: ShownPage) -> str:
    out: list[str] = []
    for number, article in enumerate(shown.articles, start=1):
        out.append(f'<article class="art" id="{_e(shown.prefix)}-a{number}">'
                   f'<div class="art-no">article {number}</div>')
        if not article or article[0].kind != "headline":
            out.append('<h3 class="untitled">(no headline)</h3>')
        in_list = False
        for block in article:
            if block.kind == "list_item":
                if not in_list:
                    out.append("<ul>")
                    in_list = True
                out.append(_blk("li", block))
                continue
            if in_list:
                out.append("</ul>")
                in_list = False
            if block.kind == "caption":
                credit = ""
                if block.credit is not None:
                    credit = " " + _blk("span", block.credit)
                out.append(f'<figure class="cap">{_blk("figcaption", block, _e(block.text) + credit)}</figure>')
            elif block.kind == "pull_quote":
                out.append(_blk("blockquote", block))
            else:
                out.append(_blk(_ARTICLE_TAGS.get(block.kind, "p"), block))
        if in_list:
            out.append("</ul>")
        out.append("</article>")
    if not shown.articles:
        out.append('<p class="none">no articles</p>')
    if shown.unassigned:
        out.append('<div class="unassigned"><h3>unassigned</h3>')
        for block in shown.unassigned:
            tag = "blockquote" if block.kind == "pull_quote" else "p"
            inner = f'<span class="kind-tag">{_e(block.kind)}</span> {_e(block.text)}'
            if block.credit is not None:
                inner += " " + _blk("span", block.credit)
            out.append(_blk(tag, block, inner))
        out.append("</div>")
    return "".join(out)


# ---------------------------------------------------------------------------
# PDF page image


def _image_pane(pdf_path: str, page_number: int, shown: ShownPage) -> str:
    import pymupdf

    try:
        with pymupdf.open(pdf_path) as pdf:
            if not 1 <= page_number <= pdf.page_count:
                return f'<div class="pane img-pane"><p class="none">no page {page_number} in the PDF</p></div>'
            pdf_page = pdf[page_number - 1]
            width, height = pdf_page.rect.width, pdf_page.rect.height
            dpi = min(IMAGE_DPI, MAX_IMAGE_PX * 72 / max(width, 1))
            pixmap = pdf_page.get_pixmap(dpi=max(int(dpi), 24), colorspace=pymupdf.csGRAY, alpha=False)
            png = pixmap.tobytes("png")
    except (RuntimeError, ValueError, OSError) as exc:  # PyMuPDF: missing, damaged or encrypted file
        return f'<div class="pane img-pane"><p class="none">cannot render the page: {_e(exc)}</p></div>'
    data = base64.b64encode(png).decode("ascii")
    shapes: list[str] = []
    order = 0
    for block in shown.blocks():
        if block.bbox is None:
            continue
        order += 1
        x0, y0, x1, y1 = block.bbox
        colour = KIND_COLOURS.get(block.kind, DEFAULT_KIND_COLOUR)
        shapes.append(
            f'<g class="box" data-b="{_e(block.id)}" data-kind="{_e(block.kind)}">'
            f'<title>{order}. {_e(block.kind)}: {_e(block.text[:80])}</title>'
            f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{max(x1 - x0, 0.5):.1f}" height="{max(y1 - y0, 0.5):.1f}" '
            f'stroke="{colour}" fill="{colour}"/>'
            f'<text x="{x0 - 1.5:.1f}" y="{y0 + 7:.1f}" fill="{colour}" text-anchor="end">{order}</text></g>')
    for removal in shown.removed:
        bbox = _bbox_of(removal.get("bbox"))
        if bbox is None:
            continue
        x0, y0, x1, y1 = bbox
        reason = str(removal.get("reason", "?"))
        shapes.append(
            f'<rect class="drop" data-r="{_e(reason)}" x="{x0:.1f}" y="{y0:.1f}" width="{max(x1 - x0, 0.5):.1f}" '
            f'height="{max(y1 - y0, 0.5):.1f}"><title>{_e(_reason_label(reason))}: {_e(removal.get("text", ""))}</title></rect>')
    kinds = sorted({b.kind for b in shown.blocks() if b.bbox is not None})
    key = "".join(f'<span class="kind-key" style="border-color:{KIND_COLOURS.get(k, DEFAULT_KIND_COLOUR)}">{_e(k)}</span>'
                  for k in kinds)
    return (f'<div class="pane img-pane"><h3>page image</h3><div class="kinds-key">{key}</div>'
            f'<div class="pdf-page"><img alt="page {page_number}" src="data:image/png;base64,{data}">'
            f'<svg viewBox="0 0 {width:.1f} {height:.1f}" preserveAspectRatio="none">{"".join(shapes)}</svg></div></div>')


# ---------------------------------------------------------------------------
# gold diff and metrics


def _gold_for_page(gold: dict | None, number: int, index: int, page_count: int) -> dict | None:
    if gold is None:
        return None
    pages = gold.get("pages")
    if pages is None:
        return gold if page_count == 1 else None
    for candidate in pages:
        if candidate.get("number") == number:
            return candidate
    return pages[index - 1] if index - 1 < len(pages) else None


def _evaluator_metrics(prediction: dict, gold: dict | None) -> dict | None:
    """``broadsheet.evaluate.metrics.score_page(gold, prediction)`` when that module is installed."""
    if gold is None:
        return None
    try:
        module = importlib.import_module("broadsheet.evaluate.metrics")
    except ImportError:
        return None
    scorer = getattr(module, "score_page", None)
    if not callable(scorer):
        return None
    try:
        result = scorer(gold, prediction)
    except Exception as exc:  # noqa: BLE001 - a scoring bug must not cost the user the report
        return {"error": f"score_page failed: {type(exc).__name__}: {exc}"}
    return result if isinstance(result, dict) else {"score": result}


def _flat_metrics(metrics: dict, prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in metrics.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out += _flat_metrics(value, name + ".")
        elif isinstance(value, (str, int, float, bool)) or value is None:
            out.append((name, value))
    return out


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return "–" if math.isnan(value) else f"{value:.3f}"
    return "–" if value is None else str(value)


def _metrics_table(metrics: dict) -> str:
    rows = "".join(f'<tr><th>{_e(k)}</th><td class="num">{_e(_fmt(v))}</td></tr>' for k, v in _flat_metrics(metrics))
    return f'<details class="metrics" open><summary>metrics</summary><table>{rows}</table></details>'


def _article_text(article: dict) -> str:
    parts = [article.get("headline") or ""]
    parts += [b.get("text", "") for b in article.get("body") or []]
    return "\n".join(p for p in parts if p)


def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) / 100.0


def best_matches(gold_articles: list[dict], predicted: list[dict]) -> list[tuple[int | None, float]]:
    """For each gold article, the index of its most similar predicted article and the similarity (0-1)."""
    texts = [_article_text(a) for a in predicted]
    out: list[tuple[int | None, float]] = []
    for gold in gold_articles:
        target = _article_text(gold)
        best: tuple[int | None, float] = (None, 0.0)
        for index, text in enumerate(texts):
            score = _similarity(target, text)
            if score > best[1]:
                best = (index, score)
        out.append(best)
    return out


# Latin words and numbers diff as units, every other character (a Han
# character, a mark) alone, so a CJK diff shows the characters that differ.
_TOKEN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+|\s+|.", re.S)


def inline_diff(gold: str, predicted: str) -> str:
    """HTML marking what the prediction lacks (``del``) and adds (``ins``)."""
    a, b = _TOKEN.findall(gold), _TOKEN.findall(predicted)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(_e("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{_e(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{_e(''.join(b[j1:j2]))}</ins>")
    return "".join(out)


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def paragraph_diff(gold_paragraphs: list[str], predicted_paragraphs: list[str]) -> list[tuple[str, str]]:
    """Rows ``(status, html)``: status is equal, changed, missing (gold only) or extra (prediction only)."""
    a = [_norm(p) for p in gold_paragraphs]
    b = [_norm(p) for p in predicted_paragraphs]
    rows: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            rows += [("equal", _e(p)) for p in a[i1:i2]]
            continue
        pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(pairs):
            # Side by side only when the two are versions of one paragraph;
            # an inline diff of unrelated text is noise.
            if _similarity(a[i1 + k], b[j1 + k]) >= SAME_PARAGRAPH:
                rows.append(("changed", inline_diff(a[i1 + k], b[j1 + k])))
            else:
                rows += [("missing", _e(a[i1 + k])), ("extra", _e(b[j1 + k]))]
        rows += [("missing", _e(p)) for p in a[i1 + pairs:i2]]
        rows += [("extra", _e(p)) for p in b[j1 + pairs:j2]]
    return rows


def _field_row(name: str, gold: str | None, predicted: str | None) -> str:
    g, p = _norm(gold), _norm(predicted)
    if not g and not p:
        return ""
    status = "equal" if g == p else "changed"
    body = _e(g) if status == "equal" else inline_diff(g, p)
    return f'<tr class="{status}"><th>{_e(name)}</th><td>{body}</td></tr>'


def _gold_section(gold: dict, shown: ShownPage) -> str:
    predicted = list(shown.contract.get("articles") or [])
    gold_articles = list(gold.get("articles") or [])
    matches = best_matches(gold_articles, predicted)
    prefix = shown.prefix
    out = [f'<details class="gold" open><summary>gold diff: {len(gold_articles)} gold articles, '
           f'{len(predicted)} restored</summary>'
           '<p class="diff-key"><del>in gold, not restored</del> <ins>restored, not in gold</ins></p>']
    used = set()
    for number, (article, (index, score)) in enumerate(zip(gold_articles, matches, strict=True), start=1):
        pred = predicted[index] if index is not None else {}
        if index is not None:
            used.add(index)
            target = f'<a href="#{_e(prefix)}-a{index + 1}">restored article {index + 1}</a> ({score:.0%} similar)'
        else:
            target = "no restored article matches"
        rows = [
            _field_row("headline", article.get("headline"), pred.get("headline")),
            _field_row("decks", " / ".join(article.get("subheadlines") or []), " / ".join(pred.get("subheadlines") or [])),
            _field_row("byline", article.get("byline"), pred.get("byline")),
        ]
        for status, cell in paragraph_diff([b.get("text", "") for b in article.get("body") or []],
                                           [b.get("text", "") for b in pred.get("body") or []]):
            rows.append(f'<tr class="{status}"><th>{_e(status)}</th><td>{cell}</td></tr>')
        rows += [
            _field_row("captions", " / ".join(c.get("text", "") for c in article.get("captions") or []),
                       " / ".join(c.get("text", "") for c in pred.get("captions") or [])),
            _field_row("signoff", article.get("signoff"), pred.get("signoff")),
            _field_row("continues", article.get("continues"), pred.get("continues")),
            _field_row("continued from", article.get("continued_from"), pred.get("continued_from")),
        ]
        headline = article.get("headline") or "(no headline)"
        out.append(f'<div class="gold-art"><h4>gold {number}: {_e(headline)} → {target}</h4>'
                   f'<table class="diff">{"".join(r for r in rows if r)}</table></div>')
    extra = [i + 1 for i in range(len(predicted)) if i not in used]
    if extra:
        out.append('<p class="extra-arts">restored articles no gold article chose: '
                   + ", ".join(f'<a href="#{_e(prefix)}-a{i}">{i}</a>' for i in extra) + "</p>")
    out.append("</details>")
    return "".join(out)


__all__ = [
    "REASON_STYLES",
    "best_matches",
    "inline_diff",
    "paragraph_diff",
    "render_document_report",
    "render_report",
    "write_report_index",
]
