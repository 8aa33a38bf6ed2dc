"""Pages from a fourth producer: the synthesizer's articles set with ReportLab's platypus.

    python tools/rl_pages.py OUTDIR [--pages N] [--seed S]

ReportLab writes PDFs the way report and catalogue generators do, not as a browser or
broadsheet's own generator does: each line a text object of its own, justification by word
spacing (``Tw``) or character spacing, paragraphs split from one column frame into the next,
bullets drawn as glyphs beside their items, English in the standard Times faces (not
embedded, so the reader substitutes a font) or in embedded DejaVu, Chinese in embedded
AR PL UMing, whose one weight makes bold headlines by filling and stroking each glyph in one
pass (text render mode 2). Stories are set in regions of a column grid, stacked under a
spanning lead or down a side column, with rules between them and boxes framed.

Gold JSON is written from what each region was given, so ``broadsheet eval OUTDIR --run``
scores these pages like the dev set. Every page is marked held out: no rule is tuned on
them. A story that does not fit its region loses whole paragraphs from its end, and gold
keeps only what was printed.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import pymupdf
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepTogether, Paragraph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from html_pages import PAPERS, SECTIONS, _gold_article, gold_page, write_page_folder  # noqa: E402  (same articles, same gold)

from broadsheet.synth import load_corpus  # noqa: E402
from broadsheet.synth.corpus_format import SCRIPTS  # noqa: E402
from broadsheet.synth.verify import squeeze  # noqa: E402

UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
_registered = False


def _register_fonts() -> None:
    global _registered
    if _registered:
        return
    pdfmetrics.registerFont(TTFont("UMingCN", UMING, subfontIndex=0))
    pdfmetrics.registerFont(TTFont("UMingTW", UMING, subfontIndex=2))
    pdfmetrics.registerFont(TTFont("DejaVuSerif", DEJAVU + "DejaVuSerif.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVuSerif-Bold", DEJAVU + "DejaVuSerif-Bold.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVuSans", DEJAVU + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", DEJAVU + "DejaVuSans-Bold.ttf"))
    _registered = True


@dataclass
class Faces:
    body: str
    bold: str  # the same as body where the face has one weight: then bold is fill and stroke
    sans: str
    cjk: bool

    @property
    def stroked_bold(self) -> bool:
        return self.bold == self.body


def _faces(script: str, rng: random.Random) -> Faces:
    if script == "hant":
        return Faces("UMingTW", "UMingTW", "UMingTW", True)
    if script == "hans":
        return Faces("UMingCN", "UMingCN", "UMingCN", True)
    if rng.random() < 0.5:
        return Faces("Times-Roman", "Times-Bold", "Helvetica", False)
    return Faces("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSans", False)


class Photo(Flowable):
    """A grey box where the photo would be."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.box_height = height

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.box_height

    def draw(self):
        self.canv.setFillGray(0.6)
        self.canv.rect(0, 0, self.width, self.box_height, stroke=0, fill=1)


class Headline(Paragraph):
    """A paragraph drawn in text render mode 2 (fill, then stroke the same outline) when its
    face has no bold weight: one text object, each glyph thickened, as CJK headlines are."""

    def __init__(self, text, style, stroke: float = 0.0) -> None:
        super().__init__(text, style)
        self.stroke = stroke

    def draw(self):
        if self.stroke:
            self.canv.saveState()
            self.canv.setLineWidth(self.stroke)
            self.canv._code.append("2 Tr")
            super().draw()
            self.canv._code.append("0 Tr")
            self.canv.restoreState()
        else:
            super().draw()


def _x(text: str) -> str:
    return escape(text)


@dataclass
class Look:
    size: float
    leading: float
    align: int
    indent: float
    para_gap: float
    headline_sizes: tuple[float, float]
    deck_size: float
    small: float
    gutter: float
    rules: bool


def _look(script: str, rng: random.Random) -> Look:
    size = rng.choice([8.5, 9.0, 9.5, 10.0])
    cjk = script != "en"
    indent = (2 * size if rng.random() < 0.7 else 0.0) if cjk else rng.choice([0.0, size, 1.5 * size])
    return Look(
        size=size, leading=round(size * rng.choice([1.25, 1.35, 1.5]), 1),
        align=rng.choice([TA_JUSTIFY, TA_JUSTIFY, TA_LEFT]),
        indent=indent, para_gap=0.0 if indent and rng.random() < 0.7 else rng.choice([2.0, 4.0]),
        headline_sizes=(rng.choice([20.0, 24.0, 28.0]), rng.choice([13.0, 14.0, 16.0])),
        deck_size=rng.choice([10.5, 11.0, 12.0]), small=round(size * 0.8, 1),
        gutter=rng.choice([9.0, 11.0, 13.0]), rules=rng.random() < 0.6,
    )


def _styles(look: Look, faces: Faces) -> dict[str, ParagraphStyle]:
    wrap = "CJK" if faces.cjk else None
    base = dict(fontName=faces.body, fontSize=look.size, leading=look.leading, wordWrap=wrap)
    return {
        "p": ParagraphStyle("p", **base, alignment=look.align, firstLineIndent=look.indent, spaceAfter=look.para_gap),
        "sub": ParagraphStyle("sub", **{**base, "fontName": faces.bold, "fontSize": look.size + 1.5,
                                        "leading": look.leading + 2}, spaceBefore=4, spaceAfter=2),
        "item": ParagraphStyle("item", **base, alignment=TA_LEFT, leftIndent=1.4 * look.size, bulletIndent=0.2 * look.size,
                               spaceAfter=1),
        "deck": ParagraphStyle("deck", **{**base, "fontSize": look.deck_size, "leading": look.deck_size * 1.3},
                               spaceAfter=3),
        "byline": ParagraphStyle("byline", **{**base, "fontName": faces.bold if not faces.stroked_bold else faces.body,
                                              "fontSize": look.small, "leading": look.small * 1.3}, spaceAfter=3),
        "caption": ParagraphStyle("caption", **{**base, "fontName": faces.sans, "fontSize": look.small,
                                                "leading": look.small * 1.3}, spaceBefore=2),
        "credit": ParagraphStyle("credit", **{**base, "fontName": faces.sans, "fontSize": look.small - 1,
                                              "leading": look.small * 1.2}, alignment=TA_RIGHT, spaceAfter=5),
        "signoff": ParagraphStyle("signoff", **base, alignment=TA_RIGHT if faces.cjk else TA_LEFT, spaceBefore=2),
    }


def _headline_style(faces: Faces, size: float, align: int) -> ParagraphStyle:
    return ParagraphStyle("h", fontName=faces.bold, fontSize=size, leading=size * 1.18,
                          wordWrap="CJK" if faces.cjk else None, alignment=align, spaceAfter=4)


def _header(article: dict, styles, faces: Faces, size: float, align: int) -> list:
    out = [Headline(_x(article["headline"]), _headline_style(faces, size, align),
                    stroke=size * 0.03 if faces.stroked_bold else 0.0)]
    out += [Paragraph(_x(deck), styles["deck"]) for deck in article["subheadlines"]]
    if article["byline"]:
        out.append(Paragraph(_x(article["byline"]), styles["byline"]))
    return out


def _body(article: dict, styles, look: Look, rng: random.Random, bullet: str) -> list:
    out: list = []
    for caption in article["captions"]:
        # The photo, its caption and credit go to a column together: a caption never heads
        # the next column away from its picture.
        out.append(KeepTogether([Photo(rng.choice([70, 90, 110])), Paragraph(_x(caption["text"]), styles["caption"]),
                                 Paragraph(_x(caption["credit"]), styles["credit"])]))
    for block in article["body"]:
        if block["kind"] == "list_item":
            out.append(Paragraph(_x(block["text"]), styles["item"], bulletText=bullet))
        elif block["kind"] == "subhead":
            out.append(Paragraph(_x(block["text"]), styles["sub"]))
        else:
            out.append(Paragraph(_x(block["text"]), styles["p"]))
    if article["signoff"]:
        out.append(Paragraph(_x(article["signoff"]), styles["signoff"]))
    return out


def _flow(canvas: Canvas, flowables: list, frames: list[tuple[float, float, float, float]]) -> bool:
    """Pour ``flowables`` through the column frames (x, y, width, height) in turn; whether all fit."""
    pending = list(flowables)
    for x, y, w, h in frames:
        frame = Frame(x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, showBoundary=0)
        frame.addFromList(pending, canvas)
        if not pending:
            return True
    return not pending


def _scratch() -> Canvas:
    return Canvas(BytesIO(), pagesize=A4)


@dataclass
class Region:
    x: float
    top: float  # ReportLab's y of the region's top edge (y grows upward)
    width: float
    columns: int
    boxed: bool = False


def _set_story(canvas: Canvas | None, article: dict, region: Region, height: float, look: Look, faces: Faces,
               styles, rng_state: tuple, lead: bool) -> bool:
    """Set one story in ``region`` down to ``height``; with ``canvas`` None, only ask whether it fits."""
    rng = random.Random()
    rng.setstate(rng_state)
    target = canvas or _scratch()
    pad = 5.0 if region.boxed else 0.0
    x, width = region.x + pad, region.width - 2 * pad
    top = region.top - pad
    # A narrow region takes a smaller headline, as a side column's does: never below the text's.
    size = max(look.size + 3, min(look.headline_sizes[0 if lead else 1], width / (7 if faces.cjk else 9)))
    header = _header(article, styles, faces, size, TA_CENTER if region.boxed and faces.cjk else TA_LEFT)
    used = 0.0
    for flowable in header:
        _w, h = flowable.wrap(width, 10_000)
        used += h + flowable.getSpaceAfter() + flowable.getSpaceBefore()
    body_height = height - 2 * pad - used - 2
    if body_height < 3 * look.leading:
        return False
    if canvas is not None:
        y = top
        for flowable in header:
            _w, h = flowable.wrap(width, 10_000)
            y -= h + flowable.getSpaceBefore()
            flowable.drawOn(canvas, x, y)
            y -= flowable.getSpaceAfter()
        if region.boxed:
            canvas.setLineWidth(0.8)
            canvas.rect(region.x, region.top - height, region.width, height, stroke=1, fill=0)
    gutter = look.gutter
    column = (width - gutter * (region.columns - 1)) / region.columns
    frames = [(x + k * (column + gutter), top - used - body_height - 2, column, body_height)
              for k in range(region.columns)]
    bullet = rng.choice(["•", "■", "●"]) if faces.cjk else rng.choice(["•", "–", "■"])
    fits = _flow(target, _body(article, styles, look, rng, bullet), frames)
    if canvas is not None and look.rules and region.columns > 1:
        canvas.setLineWidth(0.3)
        for k in range(1, region.columns):
            gx = x + k * (column + gutter) - gutter / 2
            canvas.line(gx, frames[0][1] + 2, gx, frames[0][1] + body_height)
    return fits


def _shrink(article: dict) -> bool:
    body = article["body"]
    if len(body) <= 1:
        return False
    body.pop()
    while len(body) > 1 and body[-1]["kind"] == "subhead":
        body.pop()
    return True


def _fit(article: dict, region: Region, room: float, look: Look, faces: Faces, styles, rng: random.Random,
         lead: bool) -> tuple[float, tuple] | None:
    """A height under ``room`` that sets the whole story, dropping paragraphs from its end
    while none does, with the state its setting draws on; None when not even its first
    paragraph fits."""
    state = rng.getstate()
    rng.random()
    while True:
        if _set_story(None, article, region, room, look, faces, styles, state, lead):
            lo, hi = 3 * look.leading, room
            while hi - lo > 2:
                mid = (lo + hi) / 2
                if _set_story(None, article, region, mid, look, faces, styles, state, lead):
                    hi = mid
                else:
                    lo = mid
            # Not the least height to the point: that one ends a paragraph at the foot of a
            # column more often than chance would (a column of whole paragraphs is where the
            # search stops). A few lines more, as an editor's cut would leave it.
            return min(room, hi + rng.uniform(0.0, 3.0) * look.leading), state
        if not _shrink(article):
            return None


def _plan(rng: random.Random, script: str) -> tuple[list[dict], dict]:
    corpus = load_corpus(script)
    stories = [a for a in corpus if a.kind == "article"]
    boxes = [a for a in corpus if a.kind == "box"]
    picked = rng.sample(stories, rng.randint(3, 5))
    picked.sort(key=lambda a: not a.captions)
    articles = [_gold_article(a) for a in picked]
    for article in articles[1:]:
        if rng.random() < 0.7:
            article["captions"] = []
    if boxes and rng.random() < 0.6:
        articles.insert(rng.randint(2, len(articles)), _gold_article(rng.choice(boxes)))
    return articles, {"layout": rng.choice(["rl-stack", "rl-side"])}


def _draw_page(articles: list[dict], meta: dict, script: str, rng: random.Random) -> tuple[bytes, list[dict]]:
    width, height = A4
    faces = _faces(script, rng)
    look = _look(script, rng)
    styles = _styles(look, faces)
    margin = rng.choice([28.0, 34.0, 40.0])
    canvas = Canvas(buffer := BytesIO(), pagesize=A4, invariant=1)
    paper, folio, section = meta["furniture"]
    # Masthead: the paper's name, the page's folio and section, a rule under them.
    top = height - margin
    canvas.setFont(faces.bold, 22)
    if faces.stroked_bold:
        canvas._code.append("2 Tr")
        canvas.setLineWidth(0.6)
    canvas.drawString(margin, top - 20, paper)
    canvas._code.append("0 Tr")
    canvas.setFont(faces.sans, 8)
    canvas.drawRightString(width - margin, top - 8, folio)
    canvas.drawRightString(width - margin, top - 19, section)
    canvas.setLineWidth(1.5)
    canvas.line(margin, top - 26, width - margin, top - 26)
    top -= 34
    bottom = margin
    inner = width - 2 * margin
    grid = rng.choice([5, 6]) if faces.cjk else rng.choice([4, 5, 6])
    gutter = look.gutter
    unit = (inner + gutter) / grid
    placed: list[dict] = []
    layout = meta["layout"]

    def place(article: dict, region: Region, room: float, lead: bool) -> float | None:
        fitted = _fit(article, region, room, look, faces, styles, rng, lead)
        if fitted is None:
            return None
        used, state = fitted
        _set_story(canvas, article, region, used, look, faces, styles, state, lead)
        placed.append(article)
        return used

    def stack(article: dict, x: float, top_y: float, cols: int) -> float | None:
        """Set a story under ``top_y`` in a slot ``cols`` grid columns wide, with a rule under
        it; the top of the room left under the rule, or None when the story did not fit."""
        used = place(article, Region(x, top_y, cols * unit - gutter, cols, boxed=article["box"]), top_y - bottom, False)
        if used is None:
            return None
        below = top_y - used - 10
        canvas.setLineWidth(0.5)
        canvas.line(x, below + 5, x + cols * unit - gutter, below + 5)
        return below

    if layout == "rl-stack":
        lead_region = Region(margin, top, inner, min(grid, 5 if faces.cjk else 4))
        used = place(articles[0], lead_region, (top - bottom) * rng.choice([0.45, 0.55]), True)
        y = top - (used or 0) - 8
        canvas.setLineWidth(0.6)
        canvas.line(margin, y + 4, width - margin, y + 4)
        rest = articles[1:]
        # The rest side by side under the lead, each slot a few grid columns wide, a slot's
        # later stories stacked under its first.
        x = margin
        slots = []
        for cols in _split_grid(grid, min(len(rest), 3), rng):
            slots.append([x, cols, y])
            x += cols * unit
        for sx, _cols, _y in slots[1:]:
            canvas.setLineWidth(0.4)
            canvas.line(sx - gutter / 2, y, sx - gutter / 2, bottom)
        for k, article in enumerate(rest):
            slot = slots[k % len(slots)]
            sx, cols, cursor = slot
            if cursor - bottom < 60:
                continue
            below = stack(article, sx, cursor, cols)
            if below is not None:
                slot[2] = below
    else:
        side_cols = rng.choice([1, 2]) if grid >= 5 else 1
        main_cols = grid - side_cols
        left_side = rng.random() < 0.3
        main_x = margin + (side_cols * unit if left_side else 0)
        side_x = margin if left_side else margin + main_cols * unit
        main_region = Region(main_x, top, main_cols * unit - gutter, main_cols)
        used = place(articles[0], main_region, (top - bottom) * rng.choice([0.55, 0.7]), True)
        y = top - (used or 0) - 8
        canvas.setLineWidth(0.6)
        canvas.line(main_x, y + 4, main_x + main_cols * unit - gutter, y + 4)
        side_room_top = top
        below = [a for a in articles[1:] if a["box"] is False][:1]
        side = [a for a in articles[1:] if a not in below]
        if below:
            place(below[0], Region(main_x, y, main_cols * unit - gutter, main_cols), y - bottom, False)
        sy = side_room_top
        rule_x = side_x + side_cols * unit - gutter / 2 if left_side else side_x - gutter / 2
        canvas.setLineWidth(0.4)
        canvas.line(rule_x, top, rule_x, bottom)
        for article in side:
            if sy - bottom < 60:
                break
            below = stack(article, side_x, sy, side_cols)
            if below is not None:
                sy = below
    canvas.showPage()
    canvas.save()
    return buffer.getvalue(), placed


def _split_grid(grid: int, parts: int, rng: random.Random) -> list[int]:
    """Grid columns for ``parts`` stories side by side, each at least two wide where it can be."""
    if parts <= 1:
        return [grid]
    cuts = sorted(rng.sample(range(2, grid - 1), parts - 1)) if grid - 3 >= parts - 1 else list(range(1, parts))
    widths = [b - a for a, b in zip([0, *cuts], [*cuts, grid])]
    return widths if all(w >= 1 for w in widths) else [grid // parts] * (parts - 1) + [grid - grid // parts * (parts - 1)]


def _check(gold: dict, pdf: bytes) -> list[str]:
    """Gold strings (whitespace removed) not found in the page's text as MuPDF reads it in
    content order: a miss is a bug in this tool, not in what it measures."""
    from broadsheet.synth.verify import gold_strings

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        text = squeeze(doc[0].get_text())
    return [where for where, s in gold_strings(gold) if squeeze(s) not in text]


def build(outdir: Path, pages: int, seed: int) -> None:
    _register_fonts()
    rng = random.Random(seed)
    outdir.mkdir(parents=True, exist_ok=True)
    for index in range(1, pages + 1):
        script = SCRIPTS[(index - 1) % len(SCRIPTS)]
        articles, meta = _plan(rng, script)
        meta.update({"script": script, "shadow": "none", "draw_order": "natural", "held_out": True,
                     "engine": "reportlab",
                     "furniture": [rng.choice(PAPERS[script]), f"A{rng.randint(2, 12)}", rng.choice(SECTIONS[script])]})
        pdf, placed = _draw_page(articles, meta, script, rng)
        folder = outdir / f"r{index:04d}-{script}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "page.pdf").write_bytes(pdf)
        furniture = [{"kind": "furniture", "text": text} for text in meta["furniture"]]
        gold = gold_page(folder, script, placed, furniture, meta)
        missing = _check(gold, pdf)
        if missing:
            raise SystemExit(f"{folder.name}: gold not on the page: {', '.join(missing[:4])}")
        write_page_folder(folder, gold, meta)
        print(folder.name, len(placed), "stories", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    build(args.outdir, args.pages, args.seed)


if __name__ == "__main__":
    main()
