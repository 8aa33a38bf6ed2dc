"""One PDF page → its text spans with input offsets, and the graphics that shape the layout.

The page's *input text* is every span's text in PyMuPDF's extraction order,
one line per PDF line, each line ended by ``\\n``. Every character any later
stage keeps or drops is named by its offset in that string, so a removal's
``input[start:end] == text`` holds for PDFs as it does for text input.

Span-level ``dict`` extraction costs about what a bare ``get_text()`` does;
per-character ``rawdict`` costs three to four times more, so characters are
read only for the lines of spans that overlap another span (the only place a
duplicate glyph can be), see :mod:`.chars`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pymupdf
from pymupdf import mupdf as _mupdf

from ..geometry import BBox, area, contains, height, width
from .chars import RawChars
from .line_art import LineArt, Subpath, is_four_sided, read_line_art, rectangle_of

# No ligature preservation (ﬁ comes out as "fi", which is what a reader searches
# for); no images in the text page (photo boxes come from the page's line art).
TEXT_FLAGS = (
    pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE
)
# Read once: a module attribute looked up per span adds up over a page's hundreds of spans.
_BOLD_FLAG = pymupdf.TEXT_FONT_BOLD
_ITALIC_FLAG = pymupdf.TEXT_FONT_ITALIC
# MuPDF's per-character paint flags (FZ_STEXT_FILLED, FZ_STEXT_STROKED): text with
# neither leaves no ink, as an OCR layer's searchable copy or clipping-only text.
_INKED_CHAR_FLAGS = 16 | 32
# FZ_STEXT_BOLD: with TEXT_COLLECT_STYLES, a character MuPDF saw drawn twice in place.
_SYNTHETIC_BOLD_CHAR_FLAG = 8
BOLD_FONT_WORDS = ("bold", "black", "heavy", "semibold", "demibold", "-w6", "-w7", "-w8", "-w9", "extrab", "ultrab")
# A drawn stroke thinner than this is a rule, not a box.
RULE_THICKNESS = 2.5
MIN_RULE_LENGTH = 18.0
# A photo box smaller than this (in points squared) is an icon or a bullet.
MIN_PHOTO_AREA = 900.0
# A box holding at most this many lines, covering at most this share of it, is a
# picture with a credit or label printed over it, not a frame around text.
MAX_OVERPRINT_LINES = 1
OVERPRINT_SHARE = 0.15
# A frame or photo box is at least this tall and wide: two lines of body type.
MIN_BOX_SIDE = 22.0
# A list mark an HTML renderer draws as a shape (a disc, a square): a small, near-square fill (pt).
MIN_MARK_SIDE = 1.5
MAX_MARK_SIDE = 7.0
MARK_ASPECT = 1.5


@dataclass(slots=True)
class PdfSpan:
    start: int  # offset of the span's first character in the page input
    text: str
    bbox: BBox
    size: float
    font: str
    color: int
    bold: bool
    italic: bool
    key: tuple[int, int, int]  # (block number, line, span) in the text page, for char look-up
    painted: bool = True  # False for text drawn invisibly (render mode 3 or 7, or fully transparent)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(slots=True)
class PdfLine:
    start: int
    end: int  # exclusive, before the "\n"
    bbox: BBox
    direction: tuple[float, float]
    spans: list[PdfSpan]
    # Set in vertical writing (characters advance down the page), from ``direction``: worked
    # out once here, as several stages ask it of every line.
    vertical: bool


@dataclass(slots=True)
class Graphics:
    photos: list[BBox] = field(default_factory=list)  # images and filled boxes with no text in them
    fills: list[BBox] = field(default_factory=list)  # filled rectangles (photo placeholders or tinted boxes)
    frames: list[BBox] = field(default_factory=list)  # stroked rectangles (boxes around sidebars)
    h_rules: list[BBox] = field(default_factory=list)
    v_rules: list[BBox] = field(default_factory=list)
    marks: list[BBox] = field(default_factory=list)  # small filled dots and squares: list marks drawn as shapes


class PageRecording:
    """A page's content as MuPDF interprets it once, to be read several ways.

    Interpreting the content stream (operators, fonts, glyph outlines) is most of what
    any reading of a page costs. MuPDF records it in a display list, and a text page
    made from the list costs a tenth of one made from the page, so the second and
    third readings (the styles inside one box, the line art and images) come almost
    free. Where the recording cannot be made or read, the page is read directly."""

    __slots__ = ("page", "_display", "_line_art")

    def __init__(self, page: "pymupdf.Page") -> None:
        self.page = page
        self._display = None
        self._line_art: LineArt | None = None
        # A page set to display turned is read in its unturned space, which PyMuPDF gets
        # by taking the page's /Rotate off while it reads: recorded as it displays, its
        # coordinates would be turned. Such pages are read directly.
        if not page.rotation:
            try:
                self._display = page.get_displaylist()
            except Exception:  # a content stream MuPDF cannot record is read directly, as before
                self._display = None

    def text_page(self, flags: int, clip: BBox | None = None) -> "pymupdf.TextPage":
        if self._display is not None:
            try:
                options = _mupdf.FzStextOptions()
                options.flags = flags
                if clip is not None:
                    # As Page.get_textpage sets a clip: the raw fz_rect, and the flag that reads
                    # it. The options point into ``rect``, which must outlive the text page's making.
                    rect = _mupdf.FzRect(*clip)
                    options.clip = rect.internal()
                    options.flags |= _mupdf.FZ_STEXT_CLIP_RECT
                textpage = pymupdf.TextPage(_mupdf.FzStextPage(self._display.this, options))
                textpage.parent = self.page
                return textpage
            except (AttributeError, TypeError):  # another PyMuPDF's bindings: read the page
                self._display = None
        return self.page.get_textpage(clip=pymupdf.Rect(*clip) if clip is not None else None, flags=flags)

    def line_art(self) -> LineArt:
        """The paths and images the page draws, from its recording (read once, on first use)."""
        if self._line_art is None:
            self._line_art = read_line_art(self._replay)
        return self._line_art

    def _replay(self, device) -> None:
        if self._display is not None:
            _mupdf.fz_run_display_list(self._display.this, device, _mupdf.FzMatrix(),
                                       _mupdf.FzRect(_mupdf.FzRect.Fixed_INFINITE), _mupdf.FzCookie())
        else:
            # As PyMuPDF reads a turned page's drawings: in its unturned space.
            rotation = self.page.rotation
            if rotation:
                self.page.set_rotation(0)
            try:
                _mupdf.fz_run_page(_mupdf.FzPage(self.page.this), device, _mupdf.FzMatrix(), _mupdf.FzCookie())
            finally:
                if rotation:
                    self.page.set_rotation(rotation)
        _mupdf.fz_close_device(device)


@dataclass(slots=True)
class PageText:
    number: int
    rect: BBox
    input_text: str
    lines: list[PdfLine]
    raw: RawChars
    recording: PageRecording
    _text_size: float | None = None
    _spans: list[PdfSpan] | None = None

    @property
    def text_size(self) -> float:
        """The size most characters on the page are set in (half-point bins), read once."""
        if self._text_size is None:
            # A plain dict and max(): Counter's update and most_common(1) cost more per span,
            # for the same answer (the first of equally common sizes, in insertion order).
            # Characters are counted by exact size first and binned after, once a size: a page
            # sets its type in a few sizes, and the bins keep the order of their first spans.
            by_size: dict[float, int] = {}
            get = by_size.get
            for span in self.spans:
                size = span.size
                by_size[size] = get(size, 0) + len(span.text)
            counts: dict[int, int] = {}
            for size, chars in by_size.items():
                half_points = round(size * 2)
                counts[half_points] = counts.get(half_points, 0) + chars
            self._text_size = max(counts.items(), key=lambda kv: kv[1])[0] / 2 if counts else 10.0
        return self._text_size

    def chars_of(self, span: PdfSpan) -> list[tuple[str, BBox]]:
        """The span's characters with their boxes (read per character on first use)."""
        chars = self.raw.chars(span.key, span.text)
        if chars is None:
            # Should not happen (one text page, two views); fall back to an even split.
            return _split_evenly(span)
        return chars

    def synthetic_spaces_of(self, span: PdfSpan) -> frozenset[int]:
        """Positions in the span's text of the spaces MuPDF made of a gap (no space glyph)."""
        return self.raw.synthetic_spaces(span.key, span.text)

    @property
    def spans(self) -> list[PdfSpan]:
        """Every span of the page in order (listed once: three stages ask for them)."""
        if self._spans is None:
            self._spans = [span for line in self.lines for span in line.spans]
        return self._spans


def _split_evenly(span: PdfSpan) -> list[tuple[str, BBox]]:
    x0, y0, x1, y1 = span.bbox
    n = max(1, len(span.text))
    step = (x1 - x0) / n
    return [(ch, (x0 + i * step, y0, x0 + (i + 1) * step, y1)) for i, ch in enumerate(span.text)]


@lru_cache(maxsize=1024)
def _bold_name(font: str) -> bool:
    name = font.lower()
    return any(word in name for word in BOLD_FONT_WORDS)


def unrotated_rect(page: "pymupdf.Page") -> BBox:
    """The page's bounds in the space text and drawings are reported in: a page with
    /Rotate set is displayed turned, but its content keeps the unrotated coordinates."""
    box = page.cropbox
    return (0.0, 0.0, box.width, box.height)


def read_page_text(page: "pymupdf.Page", number: int) -> PageText:
    recording = PageRecording(page)
    textpage = recording.text_page(TEXT_FLAGS)
    data = textpage.extractDICT()
    pieces: list[str] = []
    pos = 0
    lines: list[PdfLine] = []
    # Runs once per span of the page: the span is built inline, its fields read from
    # the ``dict`` span directly, and the one per-font test cached. The ``dict`` gives
    # every line its box and direction as tuples, and every span its box as a tuple, its
    # size as a float and its font, flags and colour (an int), so they are taken as they
    # come; only the paint fields are newer, and may be missing.
    bold_name = _bold_name
    for block in data["blocks"]:
        bi = block["number"]
        for li, line in enumerate(block.get("lines", ())):
            spans: list[PdfSpan] = []
            start = pos
            for si, sp in enumerate(line["spans"]):
                text = sp["text"]
                if not text:
                    continue
                # Bold by the font's flag or, failing that, its name; painted unless MuPDF
                # saw neither fill nor stroke (or full transparency).
                font = sp["font"]
                flags = sp["flags"]
                spans.append(PdfSpan(pos, text, sp["bbox"], sp["size"], font, sp["color"],
                                     bool(flags & _BOLD_FLAG) or bold_name(font), bool(flags & _ITALIC_FLAG),
                                     (bi, li, si),
                                     bool(sp.get("char_flags", _INKED_CHAR_FLAGS) & _INKED_CHAR_FLAGS)
                                     and sp.get("alpha", 255) > 0))
                pieces.append(text)
                pos += len(text)
            if not spans:
                continue
            direction = line["dir"]
            lines.append(PdfLine(start, pos, line["bbox"], direction, spans, abs(direction[1]) > abs(direction[0])))
            pieces.append("\n")
            pos += 1
    rect = unrotated_rect(page)
    return PageText(number, rect, "".join(pieces), lines, RawChars(textpage), recording)


def read_graphics(recording: PageRecording, page_rect: BBox | None = None) -> Graphics:
    """Photo boxes, frames and rules: the separators and anchors a layout is built from.
    ``page_rect`` is the page's :func:`unrotated_rect` when already read (it costs a
    round of MuPDF's Python layer)."""
    out = Graphics()
    if page_rect is None:
        page_rect = unrotated_rect(recording.page)
    page_area = area(page_rect)
    try:
        art = recording.line_art()
    except Exception:  # a broken content stream still has its text
        return out
    for image in art.images:
        box = _clip(image, page_rect)
        if box and area(box) >= MIN_PHOTO_AREA and area(box) < 0.9 * page_area and min(width(box), height(box)) >= MIN_BOX_SIDE:
            out.photos.append(box)
    for path in art.paths:
        box = _clip(path.box, page_rect)
        if box is None:
            continue
        sides = _ring_sides(path.subpaths()) if path.even_odd and path.fill is not None else None
        if sides is not None:
            _add_border(out, box, sides, page_rect, page_area)
            continue
        if _add_rule(out, box):
            continue
        w, h = width(box), height(box)
        fill = path.fill
        if fill is not None and not _is_white(fill) and MIN_MARK_SIDE <= min(w, h) and max(w, h) <= MAX_MARK_SIDE \
                and max(w, h) <= MARK_ASPECT * min(w, h):
            out.marks.append(box)
            continue
        if not _may_be_a_box(box, page_area):
            continue  # a page background, or a highlight bar behind one line
        if path.stroke is not None and _is_box_outline(path.subpaths()):
            out.frames.append(box)
        elif fill is not None and not _is_white(fill) and area(box) >= MIN_PHOTO_AREA:
            out.fills.append(box)
    return out


def _ring_sides(subpaths: list[Subpath]) -> list[BBox] | None:
    """The sides of the ring an even-odd fill paints between a rectangle and one inside it
    (a CSS border, as WeasyPrint draws it, one path a box however many sides it shows);
    None for any other path. Read as its box, a border under a story was a grey box the
    size of the story."""
    if len(subpaths) != 2:
        return None
    a, b = rectangle_of(subpaths[0]), rectangle_of(subpaths[1])
    if a is None or b is None:
        return None
    outer, inner = (a, b) if contains(a, b, 0.01) else (b, a)
    if not contains(outer, inner, 0.01):
        return None
    ox0, oy0, ox1, oy1 = outer
    ix0, iy0, ix1, iy1 = inner
    sides = [(ox0, oy0, ox1, iy0), (ox0, iy1, ox1, oy1), (ox0, oy0, ix0, oy1), (ix1, oy0, ox1, oy1)]
    return [side for side in sides if side[2] - side[0] > 0.01 and side[3] - side[1] > 0.01]


def _add_border(out: Graphics, box: BBox, sides: list[BBox], page_rect: BBox, page_area: float) -> None:
    """A border on all four sides frames its box; one on fewer sides draws those sides as rules."""
    if len(sides) == 4:
        if _may_be_a_box(box, page_area):
            out.frames.append(box)
        return
    for side in sides:
        side = _clip(side, page_rect)
        if side is not None:
            _add_rule(out, side)


def _add_rule(out: Graphics, box: BBox) -> bool:
    """A thin, long box is a rule, across or down the page: added, and True."""
    w, h = width(box), height(box)
    if h <= RULE_THICKNESS and w >= MIN_RULE_LENGTH:
        out.h_rules.append(box)
        return True
    if w <= RULE_THICKNESS and h >= MIN_RULE_LENGTH:
        out.v_rules.append(box)
        return True
    return False


def _may_be_a_box(box: BBox, page_area: float) -> bool:
    """Big enough each way for a frame or a picture, and not the page's own background."""
    return area(box) < 0.8 * page_area and min(width(box), height(box)) >= MIN_BOX_SIDE


def _is_box_outline(subpaths: list[Subpath]) -> bool:
    """A stroke that may draw a box: a four-sided outline in it, or straight lines only,
    three at least (a box drawn side by side); a curve is a circle or a flourish."""
    if any(is_four_sided(subpath) for subpath in subpaths):
        return True
    return not any(subpath.curved for subpath in subpaths) and sum(subpath.segments for subpath in subpaths) >= 3


def _is_white(fill) -> bool:
    return all(component >= 0.97 for component in fill)


def _clip(box: BBox, page_rect: BBox) -> BBox | None:
    x0, y0 = max(box[0], page_rect[0]), max(box[1], page_rect[1])
    x1, y1 = min(box[2], page_rect[2]), min(box[3], page_rect[3])
    if x1 <= x0 or y1 <= y0:
        # A horizontal line drawn as a zero-height path is still a rule.
        if x1 > x0 and y0 == y1 or y1 > y0 and x0 == x1:
            return (x0, y0, x1, y1)
        return None
    return (x0, y0, x1, y1)


def split_frames_and_photos(graphics: Graphics, line_boxes: list[BBox]) -> None:
    """A box (filled or ruled) with text inside is a sidebar frame; without text it is a
    picture (a photo, a chart drawn as bars in a ruled box). Shapes inside a picture are
    part of it, not pictures of their own."""
    frames: list[BBox] = []
    # An image with text set over it is the paper or tint behind that text (a page-sized
    # border picture), neither a photo nor a frame.
    pictures = [box for box in graphics.photos if not _holds_text(box, line_boxes)]
    for box in graphics.fills + graphics.frames:
        if _holds_text(box, line_boxes):
            frames.append(box)
        else:
            pictures.append(box)
    pictures.sort(key=area, reverse=True)
    kept: list[BBox] = []
    for box in pictures:
        if not any(contains(k, box, 2.0) for k in kept):
            kept.append(box)
    graphics.photos = kept
    graphics.frames = frames
    graphics.fills = []
    # Lines drawn inside a picture (a chart's axes, a photo's border) separate nothing.
    graphics.h_rules = [r for r in graphics.h_rules if not any(contains(p, r, 2.0) for p in kept)]
    graphics.v_rules = [r for r in graphics.v_rules if not any(contains(p, r, 2.0) for p in kept)]


def _holds_text(box: BBox, line_boxes: list[BBox]) -> bool:
    """Text set inside the box, more than a credit printed over the corner of a photo."""
    # contains(box, lb, 2.0) over every line of the page, written out on the grown box.
    x0, y0, x1, y1 = box[0] - 2.0, box[1] - 2.0, box[2] + 2.0, box[3] + 2.0
    inside = [lb for lb in line_boxes if lb[0] >= x0 and lb[1] >= y0 and lb[2] <= x1 and lb[3] <= y1]
    return len(inside) > MAX_OVERPRINT_LINES or sum(area(lb) for lb in inside) > OVERPRINT_SHARE * area(box)


# A share of a box's characters this large MuPDF found drawn twice in place makes it bold.
DRAWN_BOLD_SHARE = 0.8


def drawn_twice_in_place(recording: PageRecording, box: BBox) -> bool:
    """Whether the type in ``box`` is made bold by drawing each glyph twice at one place.

    MuPDF merges such a second copy into the first without a trace unless it is asked to
    collect styles, which costs several times a plain reading of the page; so it is asked
    only here, for one box at a time, where a layout rule needs to know (a replay of the
    page's recording, clipped to the box)."""
    inset = 0.5
    pieces = _styled_pieces(recording, (box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset))
    total = sum(count for _box, count, _synthetic in pieces)
    bold = sum(count for _box, count, synthetic in pieces if synthetic)
    return total > 0 and bold >= DRAWN_BOLD_SHARE * total


def _styled_pieces(recording: PageRecording, clip: BBox) -> list[tuple[BBox, int, bool]]:
    """The spans MuPDF reads inside ``clip`` when asked to collect styles: (box, characters
    other than spaces, drawn twice in place) each."""
    textpage = recording.text_page(TEXT_FLAGS | pymupdf.TEXT_COLLECT_STYLES, clip)
    return [(tuple(sp["bbox"]), len(sp["text"].strip()), bool(sp.get("char_flags", 0) & _SYNTHETIC_BOLD_CHAR_FLAG))
            for block in textpage.extractDICT()["blocks"] for line in block.get("lines", ()) for sp in line["spans"]]


def spans_drawn_twice_in_place(recording: PageRecording, spans: list[PdfSpan]) -> set[tuple[int, int, int]]:
    """The keys of those ``spans`` whose type is made bold by drawing each glyph twice at one
    place, read from one extraction with styles over the spans' joint box (one replay of
    the page's recording, whatever the number of spans)."""
    if not spans:
        return set()
    x0 = min(s.bbox[0] for s in spans)
    y0 = min(s.bbox[1] for s in spans)
    x1 = max(s.bbox[2] for s in spans)
    y1 = max(s.bbox[3] for s in spans)
    styled = _styled_pieces(recording, (x0 - 1, y0 - 1, x1 + 1, y1 + 1))
    out: set[tuple[int, int, int]] = set()
    for span in spans:
        bold = total = 0
        for box, count, synthetic in styled:
            # A styled piece is the span's when its centre lies in the span's box.
            cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
            if span.bbox[0] <= cx <= span.bbox[2] and span.bbox[1] <= cy <= span.bbox[3]:
                total += count
                bold += count if synthetic else 0
        if total and bold >= DRAWN_BOLD_SHARE * total:
            out.add(span.key)
    return out
