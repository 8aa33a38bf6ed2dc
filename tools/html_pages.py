"""Pages from another engine: the synthesizer's articles set in HTML and printed by Chromium.

    python tools/html_pages.py OUTDIR [--pages N] [--seed S] [--chromium PATH] [--engine weasyprint] [--hyphenate]
                               [--corpus shipped|heldout|varied]

broadsheet's own generator draws every glyph where its layout code decides, with PyMuPDF.
These pages come from a different producer altogether: CSS columns and grids, the browser's
own line breaking, justification, fonts, list discs drawn as shapes, synthetic bold, one
content stream in reading order. Gold JSON is written from what each page was given, so
`broadsheet eval OUTDIR --run` scores them like the dev set. Every page is marked held
out: no rule is tuned on them. Each page must print on one sheet; articles lose whole
paragraphs from their ends until it does, and gold keeps only what was printed.

``--engine weasyprint`` prints the same HTML with WeasyPrint instead (``pip install
weasyprint``; it needs Pango): a third producer, with its own line breaking, justification,
font subsetting and PDF writer, and no browser.

``--corpus heldout`` sets the pages from the held-out text (:mod:`broadsheet.synth.corpus_heldout`,
never used for tuning; docs/synth.md) instead of the shipped corpus; such pages record
``"corpus": "heldout"`` in their meta.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pymupdf

from broadsheet.synth import load_corpus
from broadsheet.synth.article_layout import pick_pull_quote
from broadsheet.synth.corpus_format import CORPORA, SCRIPTS, bare_credit
from broadsheet.synth.extract import extract_all
from broadsheet.synth.styles import LANGUAGE

FONTS = {
    "hant": ('"AR PL UMing TW", serif', '"AR PL UMing TW", serif'),
    "hans": ('"AR PL UMing CN", serif', '"AR PL UMing CN", serif'),
    "en": ('"DejaVu Serif", serif', '"DejaVu Sans", sans-serif'),
}
PAPERS = {
    "hant": ["灣畔日報", "港島晨報", "維港時報"],
    "hans": ["江城日报", "南方晨报", "滨海时报"],
    "en": ["THE LAKESIDE TIMES", "THE NORTHGATE HERALD", "HARBOUR EVENING POST"],
}
SECTIONS = {"hant": ["港聞", "社會", "兩岸"], "hans": ["要闻", "社会", "经济"], "en": ["City", "Metro", "Nation"]}
MAX_SHRINKS = 40

CSS = """
@page {{ size: A4; margin: 12mm; }}
body {{ font-family: {body_font}; font-size: {size}pt; line-height: {leading}; margin: 0; }}
.mast {{ display: flex; justify-content: space-between; align-items: baseline; border-bottom: 1.5pt solid #000;
         padding-bottom: 2pt; margin-bottom: 6pt; font-size: 8pt; }}
.mast .paper {{ font-family: {head_font}; font-size: 20pt; font-weight: bold; }}
.grid {{ display: grid; grid-template-columns: {grid}; column-gap: 12pt; }}
article {{ border-bottom: 0.6pt solid #444; padding-bottom: 5pt; margin-bottom: 7pt; break-inside: avoid; }}
h1, h2 {{ font-family: {head_font}; font-weight: bold; margin: 0 0 3pt 0; line-height: 1.15; }}
h1 {{ font-size: {h1}pt; }} h2 {{ font-size: {h2}pt; }}
.deck {{ font-size: {deck}pt; font-style: {deck_style}; margin: 0 0 3pt 0; }}
.byline {{ font-weight: bold; font-size: {small}pt; margin: 0 0 3pt 0; }}
.cols {{ column-gap: 10pt; text-align: {align}; }}
p {{ margin: 0 0 {para_gap}pt 0; text-indent: {indent}; hyphens: {hyphens}; }}
h3 {{ font-family: {head_font}; font-size: {sub}pt; margin: 3pt 0 2pt 0; break-after: avoid; }}
figure {{ margin: 0 0 5pt 0; break-inside: avoid; }}
figure .photo {{ background: #999; height: {photo}pt; }}
figcaption {{ font-size: {small}pt; margin-top: 2pt; }}
figcaption .credit {{ display: block; text-align: right; font-size: {credit}pt; }}
ul {{ margin: 2pt 0 2pt 0; padding-left: 14pt; }}
li {{ margin-bottom: 1pt; }}
.box {{ border: 0.8pt solid #000; padding: 5pt; }}
.signoff {{ font-size: {small}pt; text-indent: 0; }}
"""


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _article_html(article: dict, columns: int, lead: bool) -> str:
    out = ["<article class='box'>" if article["box"] else "<article>"]
    out.append(f"<{'h1' if lead else 'h2'}>{_e(article['headline'])}</{'h1' if lead else 'h2'}>")
    out.extend(f"<div class='deck'>{_e(deck)}</div>" for deck in article["subheadlines"])
    if article["byline"]:
        out.append(f"<div class='byline'>{_e(article['byline'])}</div>")
    out.append(f"<div class='cols' style='column-count:{columns}'>")
    for caption in article["captions"]:
        out.append(f"<figure><div class='photo'></div><figcaption>{_e(caption['text'])}"
                   f"<span class='credit'>{_e(caption.get('printed', caption['credit']))}</span></figcaption></figure>")
    items: list[str] = []
    for block in article["body"]:
        if block["kind"] == "list_item":
            items.append(f"<li>{_e(block['text'])}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        tag = "h3" if block["kind"] == "subhead" else "p"
        out.append(f"<{tag}>{_e(block['text'])}</{tag}>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    if article["signoff"]:
        out.append(f"<p class='signoff'>{_e(article['signoff'])}</p>")
    out.append("</div></article>")
    return "".join(out)


def _gold_article(source) -> dict:
    return {
        "headline": source.headline,
        "subheadlines": list(source.decks),
        "byline": source.byline,
        "body": [{"kind": kind, "text": text} for kind, text in source.body],
        # a credit written in brackets is printed in them; the gold keeps it without (the contract)
        "captions": [{"text": text, "credit": bare_credit(credit)}
                     | ({"printed": credit} if bare_credit(credit) != credit else {})
                     for text, credit in source.captions[:1]],
        "signoff": source.signoff,
        "continues": None,
        "continued_from": None,
        "box": source.kind == "box",
    }


def _page(rng: random.Random, script: str, text: str = "shipped") -> tuple[dict, dict]:
    corpus = load_corpus(script, text)
    stories = [a for a in corpus if a.kind == "article"]
    boxes = [a for a in corpus if a.kind == "box"]
    picked = rng.sample(stories, rng.randint(2, 4))
    # The lead is the story with a photo, when one was picked.
    picked.sort(key=lambda a: not a.captions)
    articles = [_gold_article(a) for a in picked]
    for article in articles[1:]:
        article["captions"] = []  # one photo a page keeps every page on one sheet more often
    if rng.random() < 0.5 and boxes:
        articles.insert(rng.randint(1, len(articles)), _gold_article(rng.choice(boxes)))
    body_font, head_font = FONTS[script]
    size = rng.choice([8.5, 9.0, 9.5])
    style = {
        "body_font": body_font, "head_font": head_font, "size": size, "leading": rng.choice([1.3, 1.4, 1.5]),
        "grid": rng.choice(["2fr 1fr", "1fr 2fr", "3fr 2fr", "1fr"]),
        "h1": rng.choice([20, 22, 26]), "h2": rng.choice([13, 14, 16]), "deck": rng.choice([11, 12]),
        "deck_style": rng.choice(["italic", "normal"]), "small": 7.5, "credit": 6.5, "sub": size + 1.5,
        "align": rng.choice(["justify", "left"]),
        "indent": rng.choice(["0", "1em", "2em"]) if script == "en" else rng.choice(["2em", "0"]),
        "para_gap": rng.choice([0, 3]), "photo": rng.choice([90, 120, 150]),
    }
    furniture = [rng.choice(PAPERS[script]), f"A{rng.randint(2, 12)}", rng.choice(SECTIONS[script])]
    meta = {"script": script, "layout": "html-chromium", "shadow": "none", "draw_order": "natural",
            "held_out": True, "style": style, "furniture": furniture}
    if text != "shipped":
        meta["corpus"] = text
    return {"articles": articles}, meta


def _html(page: dict, meta: dict) -> str:
    style = meta["style"]
    paper, folio, section = meta["furniture"]
    articles = page["articles"]
    lead, rest = articles[0], articles[1:]
    side_columns = 1 if style["grid"] != "1fr" else 2
    main = _article_html(lead, 3 if style["grid"] in ("2fr 1fr", "3fr 2fr", "1fr") else 2, lead=True)
    side = "".join(_article_html(a, side_columns, lead=False) for a in rest)
    body = f"<div class='grid'><div>{main}</div><div>{side}</div></div>" if style["grid"] != "1fr" else main + side
    head = (f"<div class='mast'><span>{_e(folio)}</span><span>{_e(section)}</span>"
            f"<span class='paper'>{_e(paper)}</span></div>")
    lang = {"hant": "zh-Hant", "hans": "zh-Hans", "en": "en"}[meta["script"]]
    return (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><style>"
            + CSS.format(**style, hyphens="auto" if meta.get("hyphenate") else "manual")
            + "</style></head><body>" + head + body + "</body></html>")


def gold_page(folder: Path, script: str, articles: list[dict], unassigned: list[dict], meta: dict) -> dict:
    """The gold JSON of a page written to ``folder``: its articles as printed (a caption's
    credit without the brackets it is printed in), its furniture and other loose text."""
    return {
        "schema_version": 1, "source": f"{folder.name}/page.pdf", "language": LANGUAGE[script], "number": 1,
        "articles": [{k: ([{"text": c["text"], "credit": c["credit"]} for c in v] if k == "captions" else v)
                      for k, v in a.items() if k not in ("box", "pull_quote")} for a in articles],
        "unassigned": unassigned,
        "meta": {k: v for k, v in meta.items() if k != "style"},
    }


def write_page_folder(folder: Path, gold: dict, meta: dict) -> None:
    """``gold.json``, ``meta.json`` and each extractor's text beside the folder's ``page.pdf``."""
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for name, text in extract_all(folder / "page.pdf").items():
        (folder / "text" / f"{name}.txt").write_text(text, encoding="utf-8")


def pdf_page_count(pdf: bytes) -> int:
    """Sheets in a PDF a producer wrote: each page must print on one."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return len(doc)


def pull_quote_of_lead(lead: dict, script: str, rng: random.Random) -> str | None:
    """A sentence of the lead story's first paragraphs (those a page short of room keeps),
    set again as a pull quote (the generator's choice)."""
    paragraphs = [b["text"] for b in lead["body"] if b["kind"] == "paragraph"][:2]
    return pick_pull_quote(SimpleNamespace(paragraphs=paragraphs), rng, script != "en")


def producer_main(doc: str, build) -> None:
    """The command line the typesetting producers share: OUTDIR, --pages, --seed, --corpus."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", choices=tuple(CORPORA), default="shipped",
                        help="text to set the pages from (heldout: never used for tuning, score in aggregate only)")
    args = parser.parse_args()
    build(args.outdir, args.pages, args.seed, args.corpus)


def _shrink(page: dict, rng: random.Random) -> bool:
    """Drop one paragraph (or list item) from the end of the longest article body."""
    candidates = [a for a in page["articles"] if len(a["body"]) > 1]
    if not candidates:
        return False
    longest = max(candidates, key=lambda a: sum(len(b["text"]) for b in a["body"]))
    longest["body"].pop()
    while longest["body"] and longest["body"][-1]["kind"] == "subhead":
        longest["body"].pop()  # a subhead with nothing under it
    longest["signoff"] = None if rng.random() < 0.5 else longest["signoff"]
    return True


def _print(chromium: str, source: Path, target: Path) -> int:
    if chromium == "weasyprint":
        import weasyprint  # a tool's own need, not the package's

        weasyprint.HTML(filename=str(source)).write_pdf(str(target))
    else:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={target}", str(source)], check=True, capture_output=True, timeout=120)
    with pymupdf.open(target) as doc:
        return len(doc)


def build(outdir: Path, pages: int, seed: int, chromium: str, hyphenate: bool = False,
          corpus: str = "shipped") -> None:
    rng = random.Random(seed)
    outdir.mkdir(parents=True, exist_ok=True)
    for index in range(1, pages + 1):
        script = SCRIPTS[(index - 1) % len(SCRIPTS)]
        page, meta = _page(rng, script, corpus)
        meta["layout"] = "html-weasyprint" if chromium == "weasyprint" else "html-chromium"
        if hyphenate:
            meta["hyphenate"] = True
        folder = outdir / f"h{index:04d}-{script}"
        (folder / "text").mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "page.html"
            for _ in range(MAX_SHRINKS):
                source.write_text(_html(page, meta), encoding="utf-8")
                if _print(chromium, source, folder / "page.pdf") == 1 or not _shrink(page, rng):
                    break
            shutil.copy(source, folder / "page.html")
        with pymupdf.open(folder / "page.pdf") as doc:
            if len(doc) != 1:
                raise SystemExit(f"{folder.name}: does not fit one page")
        furniture = [{"kind": "furniture", "text": text} for text in meta["furniture"]]
        write_page_folder(folder, gold_page(folder, script, page["articles"], furniture, meta), meta)
        print(folder.name, file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--engine", choices=("chromium", "weasyprint"), default="chromium")
    parser.add_argument("--hyphenate", action="store_true",
                        help="let the engine hyphenate running text (WeasyPrint sets U+2010 at the breaks)")
    parser.add_argument("--corpus", choices=tuple(CORPORA), default="shipped",
                        help="text to set the pages from (heldout: never used for tuning, score in aggregate only)")
    args = parser.parse_args()
    build(args.outdir, args.pages, args.seed, "weasyprint" if args.engine == "weasyprint" else args.chromium,
          args.hyphenate, args.corpus)


if __name__ == "__main__":
    main()
