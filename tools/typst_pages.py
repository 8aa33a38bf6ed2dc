"""Pages from a fifth producer: the synthesizer's articles set with Typst.

    python tools/typst_pages.py OUTDIR [--pages N] [--seed S]

Typst (``pip install typst``, the compiler as a Python wheel) typesets and writes PDFs its
own way, unlike broadsheet's generator, the two HTML printers and ReportLab: its own line
breaking (Knuth–Plass for Latin text, with hyphenation when justified), CJK justification
by letter spacing, its own gap between CJK and Latin text (drawn as white, no space glyph),
punctuation compression, list markers drawn as glyphs, and a PDF writer that places runs
with positioned TJ arrays. The page is laid out in Typst from a JSON file of the articles
(the template below): a masthead over a rule, then a lead story across the page or in a
wide column beside a stack of shorter ones (the lead's headline sometimes in a rail left of
its text), each story's body in balanced columns, a photo as a grey box with its caption
and right-set credit, a pull quote between rules, boxes framed, rules between stories.

Gold JSON is written from what each page was given, so ``broadsheet eval OUTDIR --run``
scores these pages like the dev set. Every page is marked held out: no rule is tuned on
them. Each page must print on one sheet; articles lose whole paragraphs from their ends
until it does, and gold keeps only what was printed.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from pathlib import Path

import pymupdf
import typst

sys.path.insert(0, str(Path(__file__).resolve().parent))
from html_pages import (MAX_SHRINKS, _page, _shrink, gold_page, pdf_page_count, producer_main,  # noqa: E402
                        pull_quote_of_lead, write_page_folder)  # (same articles, same gold)

from broadsheet.synth.corpus_format import SCRIPTS  # noqa: E402
from broadsheet.synth.verify import gold_strings, squeeze  # noqa: E402

FONT_PATHS = ["/usr/share/fonts/truetype/arphic", "/usr/share/fonts/truetype/dejavu"]
BODY_FONTS = {
    "hant": ["DejaVu Serif", "AR PL UMing TW"],
    "hans": ["DejaVu Serif", "AR PL UMing CN"],
    "en": ["DejaVu Serif"],
}
HEAD_FONTS = {
    "hant": ["DejaVu Sans", "AR PL UMing TW"],
    "hans": ["DejaVu Sans", "AR PL UMing CN"],
    "en": ["DejaVu Sans", "DejaVu Serif"],
}
TEXT_LANG = {"hant": ("zh", "hk"), "hans": ("zh", "cn"), "en": ("en", "gb")}

TEMPLATE = r"""
#let data = json("page.json")
#let st = data.style
#set page(paper: "a4", margin: 12mm)
#set text(font: st.body_fonts, size: st.size * 1pt, lang: st.lang, region: st.region, hyphenate: st.hyphenate)
#set par(justify: st.justify, leading: st.leading * 1em, spacing: st.para_gap * 1pt + st.leading * 1em,
         first-line-indent: (amount: st.indent * 1em, all: true))
#set smartquote(enabled: false)
#set list(marker: [#st.marker], indent: 2pt, body-indent: 5pt)

#let head-text(body, size) = text(font: st.head_fonts, size: size * 1pt, weight: "bold", body)

#let photo(c) = block(breakable: false, width: 100%, below: 6pt)[
  #rect(width: 100%, height: st.photo * 1pt, fill: luma(150), stroke: none)
  #set par(first-line-indent: 0pt, justify: false, spacing: 2pt)
  #text(size: 7.5pt, c.text)
  #align(right, text(size: 6.5pt, c.printed))
]

#let pull-quote(q) = block(width: 100%, above: 6pt, below: 6pt, inset: (y: 5pt), breakable: false,
  stroke: (top: 1pt, bottom: 1pt),
  { set par(first-line-indent: 0pt, justify: false); text(size: st.quote * 1pt, style: "italic", q) })

#let story-body(a) = {
  for c in a.captions { photo(c) }
  let items = ()
  let paragraphs = 0
  for b in a.body {
    if b.kind == "list_item" { items.push(b.text); continue }
    if items.len() > 0 { list(..items); items = () }
    if b.kind == "subhead" {
      block(above: 7pt, below: 4pt, sticky: true, text(font: st.head_fonts, weight: "bold", size: st.sub * 1pt, b.text))
    } else {
      par(b.text)
      paragraphs += 1
      if paragraphs == 2 and a.at("pull_quote", default: none) != none { pull-quote(a.pull_quote) }
    }
  }
  if items.len() > 0 { list(..items) }
  if a.signoff != none { align(right, text(size: 7.5pt, a.signoff)) }
}

// Columns of even height: the body measured in one column's width, divided among them.
#let balanced(a, n) = layout(size => {
  let gutter = 10pt
  let width = (size.width - (n - 1) * gutter) / n
  let tall = measure(block(width: width, story-body(a))).height
  // Room for a few lines more than the even share: a column breaks only between lines,
  // and content past the block's foot would run out of the columns.
  block(height: tall / n + 5 * st.size * 1pt * (1 + st.leading), columns(n, gutter: gutter, story-body(a)))
})

#let story(a, n, size, rail: false) = {
  let head = {
    block(below: 5pt, head-text(a.headline, size))
    for d in a.subheadlines { block(below: 4pt, text(size: st.deck * 1pt, style: st.deck_style, d)) }
    if a.byline != none { block(below: 5pt, text(size: 7.5pt, weight: "bold", a.byline)) }
  }
  let text-part = if n > 1 { balanced(a, n) } else { story-body(a) }
  // A rail: the headline, decks and byline in a column of their own left of the text.
  let inner = if rail { grid(columns: (1fr, 3fr), column-gutter: 12pt, head, text-part) } else { head; text-part }
  if a.box { block(width: 100%, stroke: 0.8pt, inset: 5pt, breakable: false, inner) }
  else { block(width: 100%, breakable: false, inner) }
}

#grid(columns: (1fr, 1fr, 1fr), align: (left + bottom, center + bottom, right + bottom),
  text(size: 8pt, data.furniture.at(1)), text(size: 8pt, data.furniture.at(2)),
  head-text(data.furniture.at(0), 20))
#line(length: 100%, stroke: 1.5pt)

#let lead = data.articles.at(0)
#let rest = data.articles.slice(1)
#let rule = line(length: 100%, stroke: 0.6pt)
#if st.layout == "across" {
  story(lead, st.lead_columns, st.h1, rail: st.rail)
  rule
  grid(columns: rest.len(), column-gutter: 12pt, ..rest.map(a => story(a, 1, st.h2)))
} else {
  grid(columns: st.split.map(x => x * 1fr), column-gutter: 12pt,
    story(lead, st.lead_columns, st.h1),
    stack(spacing: 6pt, ..rest.map(a => (story(a, 1, st.h2), rule)).flatten()))
}
"""


def _style(rng: random.Random, script: str) -> dict:
    size = rng.choice([8.5, 9.0, 9.5])
    across = rng.random() < 0.5
    lang, region = TEXT_LANG[script]
    indent = rng.choice([0, 1, 2]) if script == "en" else rng.choice([0, 2])
    style = {
        "body_fonts": BODY_FONTS[script], "head_fonts": HEAD_FONTS[script], "lang": lang, "region": region,
        "size": size, "leading": rng.choice([0.5, 0.65, 0.8]), "justify": rng.random() < 0.7,
        "hyphenate": script == "en" and rng.random() < 0.5,
        "indent": indent,
        # A paper sets its paragraphs apart by an indent, white between them, or both:
        # with neither, a break after a line that fills the measure shows nowhere.
        "para_gap": rng.choice([0, 3]) if indent else rng.choice([3, 4]),
        "photo": rng.choice([80, 110, 140]),
        "layout": "across" if across else "side", "split": rng.choice([[2, 1], [3, 2]]),
        "lead_columns": rng.choice([3, 4]) if across else rng.choice([2, 3]),
        "h1": rng.choice([20, 22, 26]), "h2": rng.choice([13, 14, 16]), "deck": rng.choice([11, 12]),
        "deck_style": rng.choice(["italic", "normal"]), "sub": size + 1.5, "marker": rng.choice(["•", "●", "■"]),
        "rail": across and rng.random() < 0.3, "quote": rng.choice([11, 12, 13]),
    }
    return style



def _compile(page: dict, style: dict, furniture: list[str], quote: str | None = None) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        articles = [a | {"captions": [c | {"printed": c.get("printed", c["credit"])} for c in a["captions"]]}
                    for a in page["articles"]]
        if quote is not None:
            articles[0]["pull_quote"] = quote
        data = {"style": style, "furniture": furniture, "articles": articles}
        (root / "page.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        (root / "page.typ").write_text(TEMPLATE, encoding="utf-8")
        return typst.compile(str(root / "page.typ"), root=str(root), font_paths=FONT_PATHS, ignore_system_fonts=True)


def _check(gold: dict, pdf: bytes) -> list[str]:
    """Gold strings (whitespace removed) not found in the page's text as MuPDF reads it: a
    miss is a bug in this tool, not in what it measures. Typst's hyphens at line ends are
    read as soft hyphens (U+00AD), which the text never had."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        text = squeeze(doc[0].get_text()).replace("\u00ad", "")
    return [where for where, s in gold_strings(gold) if squeeze(s) not in text]


def build(outdir: Path, pages: int, seed: int, corpus: str = "shipped") -> None:
    rng = random.Random(seed)
    outdir.mkdir(parents=True, exist_ok=True)
    for index in range(1, pages + 1):
        script = SCRIPTS[(index - 1) % len(SCRIPTS)]
        page, meta = _page(rng, script, corpus)
        style = _style(rng, script)
        quote = pull_quote_of_lead(page["articles"][0], script, rng) if rng.random() < 0.4 else None
        meta.update({"layout": f"typst-{style['layout']}", "engine": "typst", "style": style})
        for _ in range(MAX_SHRINKS):
            pdf = _compile(page, style, meta["furniture"], quote)
            if pdf_page_count(pdf) == 1 or not _shrink(page, rng):
                break
        if quote and not any(quote in b["text"] for b in page["articles"][0]["body"]):
            # The page shed the quoted paragraph to fit: a pull quote repeats printed text.
            quote = None
            pdf = _compile(page, style, meta["furniture"], quote)
        if pdf_page_count(pdf) != 1:
            raise SystemExit(f"page {index}: does not fit one sheet")
        folder = outdir / f"t{index:04d}-{script}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "page.pdf").write_bytes(pdf)
        unassigned = [{"kind": "furniture", "text": text} for text in meta["furniture"]] \
            + ([{"kind": "pull_quote", "text": quote}] if quote else [])
        gold = gold_page(folder, script, page["articles"], unassigned, meta)
        missing = _check(gold, pdf)
        if missing:
            raise SystemExit(f"{folder.name}: gold not on the page: {', '.join(missing[:4])}")
        write_page_folder(folder, gold, meta)
        print(folder.name, len(page["articles"]), "stories", file=sys.stderr)


def main() -> None:
    producer_main(__doc__, build)


if __name__ == "__main__":
    main()
