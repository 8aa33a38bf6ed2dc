"""Draw a :class:`Canvas` into a one-page PDF, with a shadow method and a draw order.

Shadow methods reproduce how real producers fake bold or drop shadows on headlines and
captions, each leaving duplicate text in the content stream:

* ``offset-copy``  a second copy 0.3-1pt away, in grey or black, drawn before the original;
* ``fill-stroke``  the text drawn filled (render mode 0), then again as a separate text
  object stroked (render mode 1);
* ``run-repeat``   each word (Latin) or run of 1-3 characters (CJK) drawn twice in a row;
* ``glyph-double`` every glyph drawn twice in immediate succession, the second copy nudged
  by at most 0.3pt, in the same text object as the rest of the group (a fake-bold trick);
* ``ocr-layer``    the text drawn once, visibly; at the very end of the page's content an
  invisible (render mode 3) searchable layer repeats it the way an OCR pass writes one: word
  by word (Latin, in Helvetica sized to each word's printed width) or character by
  character (CJK, a little smaller), each at its printed place, the baseline a fraction of
  a point lower and every word a hair off sideways.
* ``halo``         a paper-white halo under the text, as producers set type over pictures:
  before the black text, either one white copy stroked (render mode 1) with a wide line
  (1.5-3pt, round joins), or a ring of 4 or 8 white filled copies 0.5-1pt away in every
  direction (the way renderers without stroked type build a halo).

``none`` draws every run once; it is used for the proof copy the verifier reads.
Draw orders: ``natural`` (reading order), ``shuffled`` (groups in random order),
``headlines-last`` (every headline group after everything else).
"""

from __future__ import annotations

import random
import re

import pymupdf

from .canvas import HEADLINE_GROUPS, Canvas, Run, Shape
from .typeset import face, missing_glyphs

SHADOW_METHODS = ("offset-copy", "fill-stroke", "run-repeat", "glyph-double", "ocr-layer", "halo")
HELD_OUT_SHADOW = "halo"
DRAW_ORDERS = ("natural", "shuffled", "headlines-last")
FIXED_DATE = "D:20261126000000Z"

_CJK_RUN = re.compile(r"\S+\s*")


def group_order(canvas: Canvas, order: str, rng: random.Random) -> list[int]:
    groups = list(range(len(canvas.group_kinds)))
    if order == "shuffled":
        rng.shuffle(groups)
    elif order == "headlines-last":
        groups = [g for g in groups if canvas.group_kinds[g] not in HEADLINE_GROUPS] + \
                 [g for g in groups if canvas.group_kinds[g] in HEADLINE_GROUPS]
    elif order != "natural":
        raise ValueError(f"unknown draw order {order!r}")
    return groups


def _draw_shape(page: pymupdf.Page, shape: Shape) -> None:
    x0, y0, x1, y1 = shape.rect
    if shape.kind == "rule":
        page.draw_line((x0, y0), (x1, y1), color=(0, 0, 0), width=0.5)
    elif shape.kind == "frame":
        # stroke only: a filled frame drawn after its text (shuffled order) would hide it
        page.draw_rect(pymupdf.Rect(shape.rect), color=(0, 0, 0), width=0.7)
    elif shape.kind == "photo":
        rect = pymupdf.Rect(shape.rect)
        page.draw_rect(rect, color=None, fill=(0.78, 0.78, 0.78))
        w, h = rect.width, rect.height
        dark = (0.45, 0.45, 0.45)
        if shape.variant == 0:  # hills and a sun
            page.draw_polyline([(x0, y1), (x0 + w * 0.3, y0 + h * 0.45), (x0 + w * 0.55, y1 - h * 0.2),
                                (x0 + w * 0.8, y0 + h * 0.35), (x1, y1)], color=None, fill=dark, closePath=True)
            page.draw_circle((x0 + w * 0.78, y0 + h * 0.22), min(w, h) * 0.1, color=None, fill=(0.95, 0.95, 0.95))
        elif shape.variant == 1:  # a figure
            page.draw_circle((x0 + w * 0.5, y0 + h * 0.3), min(w, h) * 0.12, color=None, fill=dark)
            page.draw_rect(pymupdf.Rect(x0 + w * 0.4, y0 + h * 0.45, x0 + w * 0.6, y1), color=None, fill=dark)
        elif shape.variant == 2:  # buildings
            for i, frac in enumerate((0.55, 0.3, 0.7, 0.45, 0.6)):
                bx = x0 + w * (0.05 + i * 0.18)
                page.draw_rect(pymupdf.Rect(bx, y0 + h * (1 - frac), bx + w * 0.14, y1), color=None, fill=dark)
        else:  # a diagonal band
            page.draw_polyline([(x0, y1), (x0, y1 - h * 0.4), (x1, y0 + h * 0.2), (x1, y1)], color=None,
                               fill=dark, closePath=True)
        page.draw_rect(rect, color=(0.3, 0.3, 0.3), width=0.4)


def _runs_of(run: Run) -> list[tuple[float, str]]:
    """Split a line into the pieces a run-repeating producer draws twice: (x, text)."""
    if run.font == "cjk":
        pieces, text, i = [], run.text, 0
        # deterministic 1-3 character runs, so the same page always splits the same way
        step_cycle = (2, 1, 3, 2)
        k = 0
        while i < len(text):
            step = step_cycle[k % len(step_cycle)]
            pieces.append(text[i:i + step])
            i += step
            k += 1
    else:
        pieces = _CJK_RUN.findall(run.text) or [run.text]
    out, x = [], run.x
    for piece in pieces:
        out.append((x, piece))
        x += face(run.font).width(piece, run.size)
    return out


class _TextBatch:
    """Consecutive same-colour text goes into one TextWriter: every ``write_text`` call with the
    CJK font costs ~15 ms (MuPDF re-resolves the 20 MB font), so calls are kept few. Content
    stream order is unchanged: the batch is flushed before any shape or shadow pass is drawn."""

    def __init__(self, page: pymupdf.Page):
        self.page = page
        self.writer: pymupdf.TextWriter | None = None
        self.color = (0.0, 0.0, 0.0)

    def add(self, runs: list[Run], color=(0.0, 0.0, 0.0), repeat: bool = False,
            double: tuple[float, float] | None = None) -> None:
        if not runs:
            return
        if self.writer is not None and color != self.color:
            self.flush()
        if self.writer is None:
            self.writer, self.color = pymupdf.TextWriter(self.page.rect), color
        if double is not None:
            _append_doubled_glyphs(self.writer, runs, double)
        else:
            _append(self.writer, runs, repeat=repeat)

    def flush(self) -> None:
        if self.writer is not None:
            self.writer.write_text(self.page, color=self.color)
            self.writer = None


def _append(writer: pymupdf.TextWriter, runs: list[Run], dx: float = 0.0, dy: float = 0.0,
            repeat: bool = False) -> None:
    for run in runs:
        font = face(run.font).font
        if repeat:
            for x, piece in _runs_of(run):
                if piece.strip():
                    writer.append((x + dx, run.y + dy), piece, font=font, fontsize=run.size)
                    writer.append((x + dx, run.y + dy), piece, font=font, fontsize=run.size)
        else:
            writer.append((run.x + dx, run.y + dy), run.text, font=font, fontsize=run.size)


def _append_doubled_glyphs(writer: pymupdf.TextWriter, runs: list[Run], nudge: tuple[float, float]) -> None:
    """Each glyph, then the same glyph again ``nudge`` away, before the next glyph: the way some
    producers fake bold, so the copies sit interleaved in one text object (ABAB, not AB AB)."""
    for run in runs:
        fontface = face(run.font)
        x = run.x
        for ch in run.text:
            if not ch.isspace():
                writer.append((x, run.y), ch, font=fontface.font, fontsize=run.size)
                writer.append((x + nudge[0], run.y + nudge[1]), ch, font=fontface.font, fontsize=run.size)
            x += fontface.width(ch, run.size)


def _glyph_nudge(rng: random.Random) -> tuple[float, float]:
    """Where glyph-double puts each copy: mostly sideways, sometimes a hair down too, never
    more than 0.3pt away (MuPDF and poppler then drop it as a duplicate, pdfminer keeps it)."""
    return round(rng.uniform(0.1, 0.3), 2), rng.choice((0.0, 0.0, 0.1))


OCR_FONT = "helv"  # the one face the layer uses for Latin text (CJK keeps the page's Ming font)
_WORD = re.compile(r"\S+")


def _ocr_params(rng: random.Random) -> tuple[float, float, random.Random]:
    """The layer's baseline drop, its CJK size factor and the stream its sideways jitter comes from."""
    return round(rng.uniform(0.2, 0.8), 2), round(rng.uniform(0.9, 0.97), 2), random.Random(rng.random())


def _write_ocr_layer(page: pymupdf.Page, runs: list[Run], params: tuple[float, float, random.Random]) -> None:
    """An invisible text layer over ``runs``, in their reading order, as one text object drawn
    after everything else: each Latin word at its printed x in the OCR font, sized so it spans
    the printed word; each CJK character at its printed x, ``shrink`` times its size."""
    if not runs:
        return
    drop, shrink, jitter = params
    ocr = face(OCR_FONT)
    writer = pymupdf.TextWriter(page.rect)
    for run in runs:
        printed = face(run.font)
        pieces = ([(m.start(), m.group()) for m in _WORD.finditer(run.text)] if run.font != "cjk"
                  else [(i, ch) for i, ch in enumerate(run.text) if not ch.isspace()])
        for start, piece in pieces:
            x = run.x + printed.width(run.text[:start], run.size) + round(jitter.uniform(-0.25, 0.25), 2)
            if run.font == "cjk":
                font, size = printed.font, round(run.size * shrink, 2)
            elif missing_glyphs(piece, OCR_FONT):
                font, size = printed.font, run.size
            else:
                scale = printed.width(piece, run.size) / max(ocr.width(piece, run.size), 0.01)
                font, size = ocr.font, round(run.size * min(1.25, max(0.75, scale)), 2)
            writer.append((x, run.y + drop), piece, font=font, fontsize=size)
    writer.write_text(page, render_mode=3)


PAPER = (1.0, 1.0, 1.0)
_LINE_WIDTH = re.compile(rb"\n[0-9.]+ w\n")
_RING = ((1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1))  # unit steps, 8 directions


def _halo_params(rng: random.Random) -> tuple[str, float, int]:
    """(kind, size, copies): a stroked copy with a line ``size`` wide, or a ring of ``copies``
    filled copies ``size`` away (4: the diagonals; 8: every compass direction)."""
    if rng.random() < 0.5:
        return "stroke", round(rng.uniform(1.5, 3.0), 2), 1
    return "ring", round(rng.uniform(0.5, 1.0), 2), rng.choice((4, 8))


def _write_halo(page: pymupdf.Page, runs: list[Run], params: tuple[str, float, int]) -> None:
    """A paper-white halo under ``runs``, as its own text object(s), drawn before the text."""
    kind, size, copies = params
    if kind == "stroke":
        _write(page, runs, color=PAPER, render_mode=1)
        # TextWriter sets a thin line (1/20 of the first font size): widen it, and round the
        # joins, in the stream just written
        xref = page.get_contents()[-1]
        stream = page.parent.xref_stream(xref)
        widened = _LINE_WIDTH.sub(f"\n{size:g} w\n1 j\n".encode(), stream, count=1)
        if widened == stream:
            raise ValueError("halo: no line width to widen in the text object")
        page.parent.update_stream(xref, widened)
        return
    writer = pymupdf.TextWriter(page.rect)
    steps = _RING[1::2] if copies == 4 else _RING
    for sx, sy in steps:
        # a diagonal step keeps the same distance as a straight one
        scale = size / (2 ** 0.5) if sx and sy else size
        _append(writer, runs, dx=round(sx * scale, 2), dy=round(sy * scale, 2))
    writer.write_text(page, color=PAPER)


def _write(page: pymupdf.Page, runs: list[Run], color=(0, 0, 0), dx: float = 0.0, dy: float = 0.0,
           render_mode: int = 0) -> None:
    """One separate text object (BT..ET) holding ``runs``."""
    if not runs:
        return
    writer = pymupdf.TextWriter(page.rect)
    _append(writer, runs, dx, dy)
    writer.write_text(page, color=color, render_mode=render_mode)


def render(canvas: Canvas, width: float, height: float, shadow: str, order: str, rng: random.Random) -> bytes:
    """A one-page PDF with fonts subset and fixed metadata, so equal input gives equal bytes."""
    doc = pymupdf.open()
    page = doc.new_page(width=width, height=height)
    runs_by_group: dict[int, list[Run]] = {}
    for run in canvas.runs:
        runs_by_group.setdefault(run.group, []).append(run)
    shapes_by_group: dict[int, list[Shape]] = {}
    for shape in canvas.shapes:
        shapes_by_group.setdefault(shape.group, []).append(shape)
    offset = (round(rng.uniform(0.3, 1.0), 2), round(rng.uniform(0.3, 1.0), 2))
    shadow_gray = rng.choice((0.0, 0.35, 0.5, 0.6))
    # drawn only for glyph-double, so the other methods' pages (and their shuffled draw
    # order) come out byte for byte as generator 1 drew them from the same page parameters
    nudge = _glyph_nudge(rng) if shadow == "glyph-double" else None
    ocr = _ocr_params(rng) if shadow == "ocr-layer" else None
    halo = _halo_params(rng) if shadow == "halo" else None
    layer: list[Run] = []  # what the ocr-layer method repeats invisibly at the end
    batch = _TextBatch(page)
    for group in group_order(canvas, order, rng):
        shapes = shapes_by_group.get(group, ())
        if shapes:
            batch.flush()
            for shape in shapes:
                _draw_shape(page, shape)
        runs = runs_by_group.get(group, [])
        plain = [r for r in runs if not r.shadow or shadow == "none"]
        shadowed = [r for r in runs if r.shadow and shadow != "none"]
        batch.add(plain, color=(0.1, 0.1, 0.1) if group_is_furniture(canvas, group) else (0.0, 0.0, 0.0))
        if not shadowed:
            continue
        if shadow == "run-repeat":
            batch.add(shadowed, repeat=True)
            continue
        if shadow == "glyph-double":
            batch.add(shadowed, double=nudge)
            continue
        if shadow == "ocr-layer":
            batch.add(shadowed)
            layer.extend(shadowed)
            continue
        batch.flush()
        if shadow == "halo":
            _write_halo(page, shadowed, halo)
            batch.add(shadowed)  # the black text over its halo
            continue
        if shadow == "offset-copy":
            _write(page, shadowed, color=(shadow_gray,) * 3, dx=offset[0], dy=offset[1])
            _write(page, shadowed)
        elif shadow == "fill-stroke":
            _write(page, shadowed, render_mode=0)
            _write(page, shadowed, render_mode=1)
        else:
            raise ValueError(f"unknown shadow method {shadow!r}")
    batch.flush()
    if ocr is not None:
        # in the layout's reading order, whatever order the page was drawn in
        index = {id(run): i for i, run in enumerate(canvas.runs)}
        _write_ocr_layer(page, sorted(layer, key=lambda run: index[id(run)]), ocr)
    doc.set_metadata({"creationDate": FIXED_DATE, "modDate": FIXED_DATE, "producer": "broadsheet synth",
                      "creator": "broadsheet synth", "title": "", "author": "", "subject": "", "keywords": ""})
    doc.subset_fonts()
    _shrink_cjk_to_unicode(doc, page, {ch for run in canvas.runs if run.font == "cjk" for ch in run.text})
    data = doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    doc.close()
    return data


_CMAP_HEAD = """/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <</Registry(Adobe)/Ordering(UCS)/Supplement 0>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
"""
_CMAP_TAIL = """endcmap
CMapName currentdict /CMapResource defineresource pop
end
end
"""


def _shrink_cjk_to_unicode(doc: pymupdf.Document, page: pymupdf.Page, chars: set[str]) -> None:
    """Replace the CJK font's ToUnicode map (all ~30,000 glyphs, ~32 KB) by one for the glyphs
    the page uses. Subsetting keeps glyph ids, and with Identity-H a code is its glyph id."""
    if not chars:
        return
    font = face("cjk").font
    pairs = sorted({(font.has_glyph(ord(ch)), ch) for ch in chars})
    if any(gid == 0 for gid, _ in pairs):
        raise ValueError(f"characters without a glyph in the CJK font: {[ch for gid, ch in pairs if gid == 0]}")
    entries = [f"<{gid:04x}> <{ch.encode('utf-16-be').hex()}>" for gid, ch in pairs]
    body = []
    for start in range(0, len(entries), 100):
        chunk = entries[start:start + 100]
        body.append(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n")
    cmap = (_CMAP_HEAD + "".join(body) + _CMAP_TAIL).encode("ascii")
    for xref, _, _, name, _, _ in page.get_fonts():
        if "UMing" not in name:
            continue
        kind, value = doc.xref_get_key(xref, "ToUnicode")
        if kind == "xref":
            doc.update_stream(int(value.split()[0]), cmap)


def group_is_furniture(canvas: Canvas, group: int) -> bool:
    return canvas.group_kinds[group] == "furniture"
