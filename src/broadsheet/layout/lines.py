"""Kept glyphs → :class:`broadsheet.model.Line` objects, each with its typography.

A line's text is a :class:`SourcedText` over the page input, so the text
repairs (compatibility ideographs, justification spaces, …) run on PDF lines
exactly as on extracted text and keep their offsets.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import itemgetter

from ..charclass import ends_sentence, is_cjk, is_han
from ..geometry import BBox, union
from ..model import Line, SourcedText
from .dedupe import Dedupe
from .extract import PageText, PdfLine, PdfSpan


@dataclass(slots=True)
class Style:
    """What the type of a line says: its size, weight, slant, colour and direction."""

    size: float
    bold: bool
    italic: bool
    color: int
    font: str
    vertical: bool


@lru_cache(maxsize=4096)
def _style_size(size: float) -> float:
    """A span's size to a hundredth of a point, as a line's style keeps it; remembered, as a
    page sets its type in a few sizes and rounding to digits goes through a decimal string."""
    return round(size, 2)


def _kept_ranges(span: PdfSpan, dropped: set[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    start = None
    end = span.end  # a property: read once, not once a character
    if dropped.issuperset(range(span.start, end)):
        return ranges  # a copy dropped whole, as most are: told in C, not a step per character
    for offset in range(span.start, end + 1):
        kept = offset < end and offset not in dropped
        if kept and start is None:
            start = offset
        elif not kept and start is not None:
            ranges.append((start, offset))
            start = None
    return ranges


def build_lines(page: PageText, dedupe: Dedupe) -> tuple[list[Line], dict[BBox, Style]]:
    """One Line per PDF line that keeps any visible glyph; styles keyed by the line's box."""
    lines: list[Line] = []
    styles: dict[BBox, Style] = {}
    text = page.input_text
    touched = _lines_holding(page.lines, dedupe.dropped)
    previous_block = None
    previous_index = -1
    edges: dict[int, list[tuple[float, float]]] | None = None
    spread: dict[int, int] | None = None

    def column_right(block_no: int, left: float, size: float) -> float:
        nonlocal edges
        if edges is None:
            edges = _column_edges(page.lines)  # made for the first justified row: most pages have none
        return _column_right(edges[block_no], left, size)

    def spread_to_measure(index: int, previous: int) -> bool:
        nonlocal spread
        if spread is None:
            spread = _rows_spread_to_measure(page.lines)  # likewise made on first need
        row = spread.get(index)
        return row is not None and spread.get(previous) == row

    # The previous line, unstripped, with its reach, main span and whether it is display type
    # (glyphs of it were redrawn, or it is set well above the running text's size).
    last_piece: tuple[SourcedText, BBox, PdfSpan, bool] | None = None
    display_size = DISPLAY_SCALE * page.text_size
    for index, pdf_line in enumerate(page.lines):
        block_no = pdf_line.spans[0].key[0]
        vertical = pdf_line.vertical
        if index in touched:
            built = _kept_line(pdf_line, text, dedupe)
            if built is None:
                continue
            joined, bbox, main, extent = built
        else:
            # Nothing dropped: the whole line, one run, the box MuPDF measured.
            joined = SourcedText.from_input(text, pdf_line.start, pdf_line.end)
            bbox = extent = pdf_line.bbox
            if text[pdf_line.end - 1] == " " and not vertical:
                bbox = _inked_to(pdf_line, page, bbox)
            spans = pdf_line.spans
            main = spans[0] if len(spans) == 1 else _main_span(spans)
        if not joined.string.strip():
            continue
        piece_bold = False
        redrawn = index in touched
        display = redrawn or main.size >= display_size
        spaced = lines and last_piece is not None and not vertical and (display or last_piece[3]) \
            and _an_em_apart(last_piece, joined, extent, main)
        if lines and last_piece is not None and not vertical and (spaced or _continues_piece(last_piece, extent, main)):
            # A printed line drawn in pieces (runs re-drawn over each other, so MuPDF
            # starts a new line at each) is one line again, spaces between pieces kept.
            last = lines.pop()
            last_joined, last_extent, last_main, _display = last_piece
            # Pieces come in drawing order, which may put a line's start after its end.
            if spaced:
                # The full-width space between the two pieces was not drawn as a glyph.
                joined = SourcedText.concat([last_joined, SourcedText.inserted("\u3000"), joined])
            elif _abuts(extent, last_extent, PIECE_GAP * (main.size or 1.0)):
                joined = _join_pieces(joined, last_joined, overlap=extent[2] > last_extent[0])
            else:
                joined = _join_pieces(last_joined, joined, overlap=last_extent[2] > extent[0])
            extent = union([last_extent, extent])
            bbox = union([last.bbox, bbox])
            if len(last_joined.string.strip()) >= len(joined.string.strip()) / 2:
                main = last_main
            piece_bold = last.bold
            styles.pop(last.bbox, None)
        last_piece = (joined, extent, main, display)
        string = joined.string
        if not string[0].isspace() and not string[-1].isspace():  # most lines: nothing to strip, no indent
            sourced, indent = joined, 0
        else:
            sourced = joined.strip()
            lead = string[: len(string) - len(string.lstrip())]
            if display and string.rstrip(" \t\r\n").endswith("\u3000") and sourced.string:
                # The wide space parting a headline's two halves, where the line broke at
                # it: kept, so the halves join with it (join_text drops it at a block's end).
                sourced = joined[len(lead) : len(string.rstrip(" \t\r\n"))]
            # Leading spaces sit inside the span's box, so an indent made of spaces shows only here.
            indent = len(lead) + lead.count("\u3000")  # an ideographic space counts two
        # Positional, as Style and Line declare their fields: this runs once per line of the page.
        style = Style(_style_size(main.size), piece_bold or main.bold or main.key in dedupe.fake_bold, main.italic,
                      main.color, main.font, vertical)
        if lines and _same_justified_line(lines[-1], bbox, style, styles) \
                and (previous_block == block_no and bbox[0] - lines[-1].bbox[2] <= JUSTIFIED_GAP * style.size
                     and lines[-1].bbox[2] < column_right(block_no, lines[-1].bbox[0], style.size) - 0.5 * style.size
                     or spread_to_measure(index, previous_index)):
            # Justification opened word gaps wide enough for MuPDF to end the line: the
            # words of one printed line, one block, one baseline, are one line again; so are
            # a row's pieces however wide apart, in blocks of their own or not, where the row
            # spans its column's measure.
            last = lines.pop()
            merged_box = (last.bbox[0], min(last.bbox[1], bbox[1]), bbox[2], max(last.bbox[3], bbox[3]))
            tight = is_cjk(last.string[-1:] or "a") or is_cjk(sourced.string[:1] or "a")
            joiner = [] if tight else [SourcedText.inserted(" ")]
            sourced = SourcedText.concat([last.text, *joiner, sourced])
            style = styles.pop(last.bbox)
            bbox, indent = merged_box, last.indent
            last_piece = (sourced, bbox, main, display)
        previous_block = block_no
        previous_index = index
        # Two lines can share a box only when one was drawn over the other and partly
        # survived; a hair's offset keeps their styles apart.
        while bbox in styles:
            bbox = (bbox[0], bbox[1], bbox[2] + 1e-3, bbox[3])
        styles[bbox] = style
        lines.append(Line(sourced, indent, page.number, bbox, style.size, style.bold))
    return _mark_run_in_leads(lines, page, dedupe), styles


def _mark_run_in_leads(lines: list[Line], page: PageText, dedupe: Dedupe) -> list[Line]:
    """Lines that open in display type (bold, or redrawn as shadowed type is) and go on in
    plain type: where the plain type begins and where the display lead ends."""
    spans = page.spans
    marked = dedupe.fake_bold | dedupe.redrawn
    # Most pages mark no span: then the fonts alone say, and no span key is hashed.
    display = [s.bold or s.key in marked for s in spans] if marked else [s.bold for s in spans]
    if not any(display):
        return lines
    starts = [s.start for s in spans]
    out = lines
    for n, line in enumerate(lines):
        runs = line.text.runs  # the first and last runs give the line's input range cheaply
        first = runs[0][1] if runs[0][1] >= 0 else line.text.start
        first_span = bisect_right(starts, first) - 1
        if not display[first_span]:
            continue
        last = runs[-1][1] + runs[-1][2] - 1 if runs[-1][1] >= 0 else line.text.end - 1
        if bisect_right(starts, last) - 1 == first_span:
            continue
        found = _plain_after_display(line.text, spans, starts, display)
        if found is not None:
            if out is lines:
                out = list(lines)
            out[n] = replace(line, run_in=found)
    return out


def _plain_after_display(text: SourcedText, spans: list[PdfSpan], starts: list[int],
                         display: list[bool]) -> tuple[int, float] | None:
    """(offset where plain type begins, right edge of the display lead) when ``text`` is
    display type up to a point and plain type from there on, else None. Plain type in the
    lead's own face, told apart only by not being redrawn, must run on for a few characters:
    one or two at a redrawn title's end that were not redrawn are still the title."""
    lead_right = None
    lead_fonts: set[str] = set()
    plain_from = None
    plain_chars = 0
    plain_fonts: set[str] = set()
    for _pos, src, length in text.runs:
        if src < 0:
            continue
        k = bisect_right(starts, src) - 1
        end = src + length
        while k < len(spans) and spans[k].start < end:
            span = spans[k]
            lo, hi = max(src, span.start), min(end, span.end)
            piece = span.text[lo - span.start : hi - span.start]
            if piece.strip():
                if display[k]:
                    if plain_from is not None:
                        return None  # display type again after plain: emphasis, not a lead
                    lead_right = max(lead_right or span.bbox[0], span.bbox[2])
                    lead_fonts.add(span.font)
                else:
                    if plain_from is None:
                        if lead_right is None:
                            return None
                        plain_from = lo + (len(piece) - len(piece.lstrip()))
                    plain_chars += len(piece.replace(" ", ""))
                    plain_fonts.add(span.font)
            k += 1
    if plain_from is None or lead_right is None:
        return None
    if plain_fonts <= lead_fonts and plain_chars < MIN_PLAIN_RUN:
        return None
    return plain_from, lead_right


# Plain type in a redrawn lead's own face is text of its own from this many characters on.
MIN_PLAIN_RUN = 4


# Type this much larger than the commonest size is display type (headlines, decks).
DISPLAY_SCALE = 1.4


def _same_type_on_baseline(last_extent: BBox, last_main: PdfSpan, extent: BBox, main: PdfSpan) -> bool:
    """Two pieces in one font and size whose boxes end at one baseline."""
    size = main.size or 1.0
    return (
        last_main.font == main.font and abs(last_main.size - main.size) < 0.05 * size
        and abs(last_extent[3] - extent[3]) < 0.2 * size
    )


def _continues_piece(previous: tuple[SourcedText, BBox, PdfSpan, bool], extent: BBox, main: PdfSpan) -> bool:
    """This piece starts where the previous one ends, on its baseline, in its type: the two
    are one printed line. Columns never abut: a gutter is at least half an em wide."""
    _joined, last_extent, last_main, _display = previous
    size = main.size or 1.0
    # Tops level first: consecutive lines of a column fail there, before the type is compared.
    return (
        abs(last_extent[1] - extent[1]) < 0.2 * size
        and _same_type_on_baseline(last_extent, last_main, extent, main)
        and (_abuts(last_extent, extent, PIECE_GAP * size) or _abuts(extent, last_extent, PIECE_GAP * size))
    )


def _an_em_apart(previous: tuple[SourcedText, BBox, PdfSpan, bool], joined: SourcedText, extent: BBox,
                 main: PdfSpan) -> bool:
    """Two CJK pieces of display type on one baseline, in one type, exactly one em apart:
    the full-width space of one headline (``接手　蛋撻``, ``三十年　“村里人”``), which printed as no glyph."""
    last_joined, last_extent, last_main, _display = previous
    size = main.size or 1.0
    left, right = last_joined.string.rstrip()[-1:], joined.string.lstrip()[:1]
    return (
        bool(left) and bool(right) and (is_han(left) or left in _CLOSING_MARKS)
        and (is_han(right) or right in _OPENING_MARKS)
        and _same_type_on_baseline(last_extent, last_main, extent, main)
        and abs(extent[0] - last_extent[2] - size) <= EM_SLACK * size
    )


def _stacked_text(chain: list[Line]) -> SourcedText:
    """The characters of a vertical stack top to bottom, white left undrawn between two of
    them (a vertical headline's two phrases) put back as a space. Only in a stack of
    letters alone: vertical text with its stops and brackets (a gazette's body)
    sets them off the column's axis, and its steps vary round them."""
    if not all(ch.isalnum() for ln in chain for ch in ln.string.strip()):
        return SourcedText.concat(ln.text for ln in chain)
    # Measured as the step from one character's top to the next past the stack's usual step:
    # a character's box is taller than its em, so the white between boxes says too little.
    steps = sorted(below.bbox[1] - above.bbox[1] for above, below in zip(chain, chain[1:]))
    usual = steps[len(steps) // 2]
    parts = [chain[0].text]
    for above, below in zip(chain, chain[1:]):
        white = below.bbox[1] - above.bbox[1] - usual
        size = below.size or 1.0
        if white >= UNDRAWN_SPACE * size:
            parts.append(SourcedText.inserted(" "))
        parts.append(below.text)
    return SourcedText.concat(parts)


# Extra white this deep (× size) between two letters of a vertical stack is a space no glyph
# drew. It goes back as a plain space whatever its depth: a full-width one would read as the
# gap before a caption's credit (圖為…。　記者 王五 攝) where the PDF set none.
UNDRAWN_SPACE = 0.4

# Full-width brackets and quotes may close the piece before the space or open the one after.
_CLOSING_MARKS = "”’」』）》〉"
_OPENING_MARKS = "“‘「『（《〈"
# How far from one em the gap of an undrawn full-width space may be (× size).
EM_SLACK = 0.15


def _join_pieces(left: SourcedText, right: SourcedText, overlap: bool) -> SourcedText:
    """Two pieces that both drew the space between them keep it once (spaces are not
    glyphs: the copy left out needs no removal)."""
    string = right.string
    if string[:1].isspace() and (overlap or left.string[-1:].isspace()):
        right = right[len(string) - len(string.lstrip()):]
    return SourcedText.concat([left, right])


def _abuts(left: BBox, right: BBox, gap: float) -> bool:
    """``right`` starts where ``left`` ends: a little after it, or over its last
    characters (a space both pieces drew)."""
    return left[0] < right[0] and right[0] - left[2] <= gap and right[2] > left[2]


# Pieces of one printed line abut; allow for rounding and a squeezed mark.
PIECE_GAP = 0.3


def _main_span(spans: list[PdfSpan]) -> PdfSpan:
    """The span whose type sets the line: of the type that inks most of it (a CJK line's
    figures may be set in a Latin face of another weight, each run a span of its own)."""
    width_by_type: dict[tuple[str, bool], float] = {}
    for span in spans:
        if span.text.strip():
            key = (span.font, span.bold)
            width_by_type[key] = width_by_type.get(key, 0.0) + span.bbox[2] - span.bbox[0]
    if len(width_by_type) < 2:
        return max(spans, key=lambda s: len(s.text.strip()))
    font, bold = max(width_by_type, key=width_by_type.get)
    return max((s for s in spans if s.font == font and s.bold == bold), key=lambda s: len(s.text.strip()))


# How far left of a line's right edge (in ems of its last span) its end is read for the last
# inked glyph: a trailing space or two and the glyph before them.
LINE_END_REACH = 3.0


def _inked_to(pdf_line: PdfLine, page: PageText, bbox: BBox) -> BBox:
    """The line's box ending at its last inked glyph: MuPDF's box takes in a space that
    ends the line (some producers set the space a line broke at), which may reach across
    half a narrow gutter, where a reader sees white."""
    # The line's last few characters answer, when they hold a glyph; else the whole line.
    end = page.raw.line_end(pdf_line.spans[-1].key, page.input_text[pdf_line.start:pdf_line.end], bbox[2],
                            LINE_END_REACH * (pdf_line.spans[-1].size or 1.0))
    for ch, box in reversed(end or ()):
        if not ch.isspace():
            return (bbox[0], bbox[1], min(bbox[2], box[2]), bbox[3]) if box[2] > bbox[0] else bbox
    for span in reversed(pdf_line.spans):
        for ch, box in reversed(page.chars_of(span)):
            if not ch.isspace():
                return (bbox[0], bbox[1], min(bbox[2], box[2]), bbox[3]) if box[2] > bbox[0] else bbox
    return bbox


def _column_edges(pdf_lines: list[PdfLine]) -> dict[int, list[tuple[float, float]]]:
    """Left and right edges of every line of each MuPDF block, where a row's column ends;
    and of rows MuPDF cut into three or more words at wide justification gaps, as one span
    each: in a narrow justified column every line may be cut, and then no single line
    shows where the column ends."""
    edges: dict[int, list[tuple[float, float]]] = {}
    rows: dict[int, list[list[float]]] = {}  # block → [x0, x1, pieces, baseline] per row
    for pdf_line in pdf_lines:
        x0, _y0, x1, y1 = pdf_line.bbox
        first = pdf_line.spans[0]
        block_no = first.key[0]
        block_edges = edges.get(block_no)
        if block_edges is None:
            block_edges = edges[block_no] = []
            rows[block_no] = []
        block_edges.append((x0, x1))
        size = first.size or 1.0
        block = rows[block_no]
        last = block[-1] if block else None
        if last is not None and abs(last[3] - y1) < 0.2 * size and 0 <= x0 - last[1] <= JUSTIFIED_GAP * size:
            last[1], last[2] = x1, last[2] + 1
        else:
            block.append([x0, x1, 1, y1])
    for block_no, block in rows.items():
        edges[block_no].extend((row[0], row[1]) for row in block if row[2] >= 3)
    return edges


def _column_right(edges: list[tuple[float, float]], left: float, size: float) -> float:
    """The right edge of the lines that start where this row starts (or up to a paragraph
    indent left of it): its column's edge. A row that reaches it is complete; what follows
    on the baseline is another column."""
    return max((x1 for x0, x1 in edges if left - 3.0 * size <= x0 <= left + 2.0), default=float("inf"))


def _rows_spread_to_measure(pdf_lines: list[PdfLine]) -> dict[int, int]:
    """The pieces of rows that justification spread to their column's measure (each
    piece's index to its row's number), as MuPDF reads them: a line each, in some
    producers' output each in a block of its own, the spaces between as lines of their
    own. Such a row's pieces run on along one baseline, left to right in one size, from
    where at least two other rows start (or an indent right of it) to where they end: the
    column's measure, which its captions share too. However wide its gaps (a narrow
    column of long words opens them to four ems and more), such a row stays inside its
    column; a short line and the next column's text beside it reach past the measure."""
    rows: list[list[int]] = []
    for index, pdf_line in enumerate(pdf_lines):
        if rows and not pdf_line.vertical:
            last = pdf_lines[rows[-1][-1]]
            size = pdf_line.spans[0].size or 1.0
            if not last.vertical and abs(last.bbox[3] - pdf_line.bbox[3]) < 0.2 * size \
                    and pdf_line.bbox[0] >= last.bbox[2] and abs((last.spans[0].size or 1.0) - size) < 0.05 * size:
                rows[-1].append(index)
                continue
        rows.append([index])
    by_right: dict[int, list[float]] = {}
    for row in rows:
        first, end = pdf_lines[row[0]], pdf_lines[row[-1]]
        if not first.vertical:
            by_right.setdefault(round(end.bbox[2]), []).append(first.bbox[0])
    out: dict[int, int] = {}
    for number, row in enumerate(rows):
        if len(row) < 2:
            continue
        left, right = pdf_lines[row[0]].bbox[0], pdf_lines[row[-1]].bbox[2]
        size = pdf_lines[row[0]].spans[0].size or 1.0
        alike = sum(1 for key in (round(right) - 1, round(right), round(right) + 1) for x0 in by_right.get(key, ())
                    if -INDENT_REACH * size <= x0 - left <= MEASURE_SLACK)
        if alike >= 3:  # itself and two others
            out.update((index, number) for index in row)
    return out


# Rows set to one measure start and end this close (pt); a paragraph's first row may
# start up to this far (× size) right of the others, indented.
MEASURE_SLACK = 1.0
INDENT_REACH = 3.0


def _same_justified_line(last: Line, box: BBox, style: Style, styles: dict[BBox, Style]) -> bool:
    """``box``, in ``style``, goes on the row of the line before it, in its type."""
    size = style.size or 1.0
    # The row first, the type after: this runs for every line of the page, and a line under
    # the one before fails at once, without its style looked up (a box key hashes four floats).
    if not (abs(last.bbox[3] - box[3]) < 0.2 * size and abs(last.bbox[1] - box[1]) < 0.2 * size
            and 0 <= box[0] - last.bbox[2] and not style.vertical and abs((last.size or 0) - size) < 0.05 * size):
        return False
    last_style = styles.get(last.bbox)
    return last_style is None or (last_style.font == style.font and last_style.bold == style.bold)


def _lines_holding(lines: list[PdfLine], offsets: set[int]) -> set[int]:
    """Indexes of the lines that hold any of ``offsets``, found by bisecting the line starts.
    The offsets are taken in order, and a line's other offsets passed over by bisection too:
    a shadowed line drops every glyph it has."""
    held: set[int] = set()
    if not offsets:
        return held
    starts = [line.start for line in lines]
    ordered = sorted(offsets)
    i = 0
    while i < len(ordered):
        offset = ordered[i]
        k = bisect_right(starts, offset) - 1
        if k >= 0 and offset < lines[k].end:
            held.add(k)
            i = bisect_left(ordered, lines[k].end, i + 1)
        else:
            i += 1
    return held


def _kept_line(pdf_line, text: str, dedupe: Dedupe) -> tuple[SourcedText, BBox, PdfSpan, BBox] | None:
    """A line some of whose glyphs were dropped: its kept text, their box, its main span,
    and the box of its kept characters spaces included."""
    dropped = dedupe.dropped
    parts: list[SourcedText] = []
    boxes: list[BBox] = []
    offsets: list[int] = []
    weight: dict[int, int] = {}
    for span in pdf_line.spans:
        if not dropped.isdisjoint(range(span.start, span.end)):  # probed in C, not per glyph in Python
            for a, b in _kept_ranges(span, dropped):
                parts.append(SourcedText.from_input(text, a, b))
                offsets.extend(range(a, b))
                solid = [o for o in range(a, b) if not text[o].isspace()]
                boxes.extend(dedupe.char_boxes[o] for o in solid if o in dedupe.char_boxes)
                weight[id(span)] = weight.get(id(span), 0) + len(solid)
        else:
            parts.append(SourcedText.from_input(text, span.start, span.end))
            if span.text.strip():
                boxes.append(span.bbox)
            weight[id(span)] = weight.get(id(span), 0) + len(span.text.strip())
    joined = SourcedText.concat(parts)
    if not joined.string.strip() or not boxes:
        return None
    main = max(pdf_line.spans, key=lambda s: weight.get(id(s), 0))
    # The kept text's reach with its spaces: where a piece drawn after it would start.
    reach = [dedupe.char_boxes[o] for o in offsets if o in dedupe.char_boxes] or boxes
    return joined, union(boxes), main, union(reach)


def body_size(lines: list[Line]) -> float:
    """The page's running-text size: the most common size by characters (half-point bins),
    or a larger size that holds at least a quarter of the characters too. Footnotes and
    captions are set smaller than the body, never larger, so on a page where they
    outweigh the body the larger of the big sizes is still the body's."""
    # Plain dicts, as in PageText.text_size: max() keeps the first of equal counts, as most_common(1) does.
    counts: dict[float, int] = {}
    line_counts: dict[float, int] = {}
    for line in lines:
        if line.size:
            half_points = round(line.size * 2) / 2
            counts[half_points] = counts.get(half_points, 0) + len(line.text.string)
            line_counts[half_points] = line_counts.get(half_points, 0) + 1
    if not counts:
        return 10.0
    total = sum(counts.values())
    common = max(counts.items(), key=itemgetter(1))[0]
    # Running text fills many lines; a headline holding a quarter of a sparse page does not.
    big = [size for size, n in counts.items()
           if n >= BODY_SHARE * total and size > common and line_counts[size] >= BODY_MIN_LINES]
    return max(big) if big else common


BODY_SHARE = 0.25
BODY_MIN_LINES = 12


# The widest word gap (× size) justification opens inside one printed line.
JUSTIFIED_GAP = 2.0


# Characters stacked one per line this close (× size) form one vertical line.
STACK_GAP = 1.1
STACK_ALIGN = 0.3


def merge_vertical_stacks(lines: list[Line], styles: dict[BBox, Style], h_rules: list[BBox] = ()) -> list[Line]:
    """Characters drawn one per line down the page (vertical writing, a headline strip)
    become one vertical line, read top to bottom; a rule across the column ends it."""
    singles = [ln for ln in lines if len(ln.string) == 1 and not ln.string.isspace()
               or (st := styles.get(ln.bbox)) is not None and st.vertical]
    if len(singles) < 2:
        return lines
    singles.sort(key=lambda ln: (round((ln.bbox[0] + ln.bbox[2]) / 2), ln.bbox[1]))
    chains: list[list[Line]] = []
    for line in singles:
        if chains:
            prev = chains[-1][-1]
            size = max(line.size or 1.0, prev.size or 1.0)
            same_column = abs((line.bbox[0] + line.bbox[2]) - (prev.bbox[0] + prev.bbox[2])) / 2 <= STACK_ALIGN * size
            gap = line.bbox[1] - prev.bbox[3]
            same_type = abs((line.size or 0) - (prev.size or 0)) <= 0.1 * size
            # The rules are searched last, only between characters that would stack (a
            # page set vertically has thousands of single characters, a gazette many rules).
            if same_column and same_type and -size <= gap <= STACK_GAP * size and not any(
                    prev.bbox[3] - 1.0 <= r[1] <= line.bbox[1] + 1.0 and r[0] <= line.bbox[2] and r[2] >= line.bbox[0]
                    for r in h_rules):
                chains[-1].append(line)
                continue
        chains.append([line])
    merged: dict[int, Line | None] = {}
    for chain in chains:
        if len(chain) < 2:
            continue
        if all(len(ln.string) > 1 for ln in chain):
            continue  # vertical lines MuPDF already joined: kept as they are
        box = union(ln.bbox for ln in chain)
        first = chain[0]
        base = styles.get(first.bbox)
        style = Style(first.size or 10.0, any(ln.bold for ln in chain), base.italic if base else False,
                      base.color if base else 0, base.font if base else "", True)
        while box in styles:
            box = (box[0], box[1], box[2] + 1e-3, box[3])
        styles[box] = style
        column = Line(text=_stacked_text(chain), page=first.page, bbox=box, size=first.size, bold=style.bold)
        merged[id(first)] = column
        for ln in chain[1:]:
            merged[id(ln)] = None
    if not merged:
        return lines
    out: list[Line] = []
    for line in lines:
        if id(line) in merged:
            column = merged[id(line)]
            if column is not None:
                out.append(column)
        else:
            out.append(line)
    return out


# A title run into its text is parted from it by at least this much white (× type size),
# and at most RUN_IN_MAX_GAP (more is another column, or a line of its own).
RUN_IN_GAP = 0.8
RUN_IN_MAX_GAP = 3.0
# ...and reads as a title over at most this many lines, the last one holding the gap.
RUN_IN_TITLE_LINES = 3
# A column's edge shows in the lines starting at it within this far (× size) up or down.
COLUMN_EDGE_REACH = 4.0


def run_in_title_candidates(page: PageText, dedupe: Dedupe) -> list[tuple[list[PdfSpan], list[PdfSpan]]]:
    """Where a news-in-brief title may run into its text in the text's own face, whose only
    mark may be glyphs drawn twice in place (which MuPDF merges without a trace): a CJK
    piece at the text's size opening a row, stopping short of a sentence, an em or so of
    white before the rest of the row where no other line starts. Each as (the piece with
    the lines of the same left edge right above it, the rest of its row and the line under
    it): only these are worth the costly second look, and the title is one only if its type
    is drawn twice and the text after it is not."""
    # Printed lines only: an OCR layer's invisible words start everywhere.
    lines = [ln for ln in page.lines if not ln.vertical and (not dedupe.unpainted or all(span.painted for span in ln.spans))]
    # Sorted by foot through the feet's own list (a C key, not a Python call per line).
    line_feet = [ln.bbox[3] for ln in lines]
    by_foot = [lines[k] for k in sorted(range(len(lines)), key=line_feet.__getitem__)]
    feet = [ln.bbox[3] for ln in by_foot]
    starts = sorted((ln.bbox[0], ln.bbox[1], ln.bbox[2]) for ln in lines)
    lefts = [x for x, _y, _r in starts]

    def near_starts(x: float, y: float, size: float, by: float) -> list[tuple[float, float, float]]:
        """Lines starting at ``x`` (give or take ``by`` × size) within a few ems up or down."""
        return [s for s in starts[bisect_left(lefts, x - by * size) : bisect_right(lefts, x + by * size)]
                if abs(s[1] - y) <= COLUMN_EDGE_REACH * size]

    def mid_column(piece, left, size: float) -> bool:
        """The piece goes on the row inside the left piece's column, not in the next column
        past a gutter: no other line nearby starts where it does, or it ends no further right
        than the lines that start where the left piece does (CJK set on a grid starts lines
        of one column at the same places)."""
        x = piece.bbox[0]
        at = bisect_right(lefts, x + 0.3 * size) - bisect_left(lefts, x - 0.3 * size)
        # Most pieces start where no other line does, anywhere on the page: asked first, cheaply.
        if at <= 1 or len(near_starts(x, piece.bbox[1], size, 0.3)) <= 1:
            return True
        column_right = max(r for _x, _y, r in near_starts(left.bbox[0], left.bbox[1], size, 0.5))
        return piece.bbox[2] <= column_right + 0.5 * size

    # Pieces that could be a title, with another piece of their row an em or so to their
    # right, starting mid-column, found in one pass over the rows: only these are looked at
    # further. The title's own tests come first: most pieces fail them (an English page's
    # all do), and they cost less than looking along the row.
    text_size = page.text_size
    firsts = []
    start = 0
    for end in range(1, len(by_foot) + 1):
        if end < len(by_foot) and feet[end] - feet[end - 1] <= 0.2 * (by_foot[end].spans[0].size or 1.0):
            continue
        row = sorted(by_foot[start:end], key=lambda ln: ln.bbox[0]) if end - start > 1 else ()
        for k, left in enumerate(row):
            size = left.spans[0].size or 1.0
            if not _may_be_run_in_title(left, page.input_text, size, text_size):
                continue
            if any(RUN_IN_GAP * size <= right.bbox[0] - left.bbox[2] <= RUN_IN_MAX_GAP * size
                   and mid_column(right, left, size)
                   for right in row[k + 1:]):
                firsts.append(left)
        start = end
    if not firsts:
        return []
    out: list[tuple[list[PdfSpan], list[PdfSpan]]] = []
    for first in firsts:
        size = first.spans[0].size or 1.0
        fb = first.bbox
        row = by_foot[bisect_left(feet, fb[3] - 0.2 * size) : bisect_right(feet, fb[3] + 0.2 * size)]
        # The rest of the row starts mid-column: where no other line starts (else it is the
        # next column, past a gutter).
        rest = [ln for ln in row if RUN_IN_GAP * size <= ln.bbox[0] - fb[2] <= RUN_IN_MAX_GAP * size
                and mid_column(ln, first, size)]
        if not rest:
            continue
        rest += [ln for ln in by_foot[bisect_left(feet, fb[3] + 0.5 * size) : bisect_right(feet, fb[3] + 2.0 * size)]
                 if abs(ln.bbox[0] - fb[0]) <= 0.5 * size]
        title = [first]
        # The title's earlier lines: set from the same left edge right above, in the same
        # size, with the pieces their row goes on in (a title line drawn in runs).
        top = fb
        for _ in range(RUN_IN_TITLE_LINES - 1):
            above = by_foot[bisect_left(feet, top[1] - 0.8 * size) : bisect_right(feet, top[1] + 0.5 * size)]
            prev = next((ln for ln in above if abs(ln.bbox[0] - fb[0]) <= 0.5 * size and ln.bbox[1] < top[1]
                         and abs((ln.spans[0].size or 0) - size) <= 0.05 * size), None)
            if prev is None:
                break
            pieces = sorted((ln for ln in by_foot[bisect_left(feet, prev.bbox[3] - 0.2 * size) :
                                                   bisect_right(feet, prev.bbox[3] + 0.2 * size)]
                             if ln.bbox[0] >= prev.bbox[0]), key=lambda ln: ln.bbox[0])
            right = prev.bbox[0]
            for piece in pieces:
                if piece.bbox[0] - right > RUN_IN_MAX_GAP * size:
                    break
                title.append(piece)
                right = max(right, piece.bbox[2])
            top = prev.bbox
        out.append(([span for ln in title for span in ln.spans], [span for ln in rest for span in ln.spans]))
    return out


def _may_be_run_in_title(piece: PdfLine, text: str, size: float, text_size: float) -> bool:
    """A brief's title run in is CJK at the text's size, in the text's weight, and ends no
    sentence; a piece of more than 40 characters holds no such title (at most 24)."""
    if piece.end - piece.start > 40 or abs(size - text_size) > 0.1 * text_size:
        return False
    lead = text[piece.start : piece.end].strip()
    return bool(lead) and len(lead) <= 24 and is_cjk(lead[0]) and not ends_sentence(lead) \
        and not any(span.bold for span in piece.spans)
