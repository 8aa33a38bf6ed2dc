"""Per-character boxes for a few lines of a text page, without ``rawdict`` for the whole page.

Duplicate glyphs sit in a few lines of a page, but ``extractRAWDICT`` builds a
Python dict for every character on it, three times what the span-level ``dict``
costs. PyMuPDF builds each line of ``rawdict`` with ``JM_make_spanlist``; calling
that same function on just the lines asked for gives the very characters and
boxes ``rawdict`` would. It is PyMuPDF's low-level interface, so wherever it is
missing or answers differently (another PyMuPDF version) the whole page's
``rawdict`` is read instead, once.
"""

from __future__ import annotations

from typing import Any

import pymupdf

try:
    from pymupdf import extra as _extra
    from pymupdf import mupdf as _mupdf
except ImportError:  # a PyMuPDF without the low-level bindings: rawdict only
    _extra = _mupdf = None

Char = tuple[str, tuple[float, float, float, float]]
# A finite stand-in for an unbounded side of a clip: JM_make_spanlist clips only to a finite rect.
_HUGE = 1e30


class RawChars:
    """The ``rawdict`` characters of text-page spans, keyed by (block number, line, span)."""

    def __init__(self, textpage: "pymupdf.TextPage") -> None:
        self._textpage = textpage
        # (block, line) → each span's characters. Only these small tuples are kept, not
        # rawdict's dict per character, which the garbage collector would walk for the
        # rest of the page.
        self._lines: dict[tuple[int, int], list[list[Char] | None]] = {}
        self._blocks: list[Any] | None = None  # the text page's raw fz_stext_block pointers, by number, so far
        self._page_rect: Any = None  # the text page's bounds, as JM_make_spanlist takes them
        self._page_box: Any = None  # the same bounds as the raw fz_rect struct
        self._whole_plane = False  # the bounds are infinite: no line lies off the page
        self._buffer: Any = None  # JM_make_spanlist's scratch buffer, one for the page
        self._block_lines: dict[int, list[Any]] = {}  # block number → the raw lines rawdict lists
        self._page: dict[int, dict] | None = None  # the whole rawdict, once the line reader failed
        # (block, line, span) → positions of the spaces MuPDF made of a gap, with no space
        # glyph drawn there, for the spans read so far.
        self._synthetic: dict[tuple[int, int, int], frozenset[int]] = {}

    def chars(self, key: tuple[int, int, int], text: str) -> list[Char] | None:
        """The characters of the span at ``key``, or None when the text page has no such
        span or its characters do not spell ``text``."""
        if self._page is None:
            found = self._from_line(key)
            if found is not None and _spells(found, text):
                return found
            # The line reader failed or disagrees: from here on only the whole rawdict is trusted.
            self._page = {block["number"]: block for block in self._textpage.extractRAWDICT()["blocks"]}
        found = self._from_page(key)
        return found if found is not None and _spells(found, text) else None

    def synthetic_spaces(self, key: tuple[int, int, int], text: str) -> frozenset[int]:
        """Positions in the span at ``key`` of the spaces MuPDF put in for a gap between
        glyphs: the page draws no space there."""
        if self.chars(key, text) is None:
            return frozenset()
        return self._synthetic.get(key, frozenset())

    def _from_line(self, key: tuple[int, int, int]) -> list[Char] | None:
        block, line, index = key
        if _extra is None:
            return None
        if (block, line) not in self._lines:
            try:
                raw_spans = self._read_line(block, line)
            except Exception:  # noqa: BLE001 - PyMuPDF internals; the whole rawdict still answers
                return None
            self._lines[(block, line)] = [_span_chars(raw_spans, k) for k in range(len(raw_spans))]
            self._note_synthetic(block, line, raw_spans)
        spans = self._lines[(block, line)]
        return spans[index] if 0 <= index < len(spans) else None

    def _from_page(self, key: tuple[int, int, int]) -> list[Char] | None:
        block, line, index = key
        try:
            spans = self._page[block]["lines"][line]["spans"]
        except (IndexError, KeyError):
            return None
        self._note_synthetic(block, line, spans)
        return _span_chars(spans, index)

    def _note_synthetic(self, block: int, line: int, spans: list[dict]) -> None:
        for k, span in enumerate(spans):
            made = frozenset(n for n, c in enumerate(span.get("chars", ())) if c.get("synthetic"))
            if made:
                self._synthetic[(block, line, k)] = made

    def line_end(self, key: tuple[int, int, int], text: str, right: float, reach: float) -> list[Char] | None:
        """The last characters of the line holding the span at ``key``: those whose boxes
        reach right of ``right - reach``, where ``right`` is the line's right edge and
        ``text`` its whole text. MuPDF still measures every character of the line, but
        only these are made into Python objects: a dense page ends most lines on a space,
        and reading each such line whole to find its last inked glyph was a third of the
        work. None unless they are the line's last characters in order, spelling the end
        of ``text`` up to its last character box at ``right``; the caller then reads the
        line whole, as before."""
        if self._page is not None or _extra is None or "\\" in text:
            # A backslash can make rawdict's characters spell other than the line's text
            # (PyMuPDF decodes the text with escapes); the whole line's reading settles it.
            return None
        block, line, _index = key
        if (block, line) in self._lines:
            return None  # read whole already: the caller's whole-line path costs nothing
        try:
            self._load_page_bounds()
            if self._whole_plane:
                clip = _mupdf.FzRect(right - reach, -_HUGE, _HUGE, _HUGE)
            else:
                page = self._page_box
                clip = _mupdf.FzRect(max(right - reach, page.x0), page.y0, page.x1, page.y1)
            spans = self._read_line(block, line, clip)
        except Exception:  # noqa: BLE001 - the whole line answers instead
            return None
        chars = [(c["c"], tuple(c["bbox"])) for span in spans for c in span.get("chars", ())]
        if not chars or not text.endswith("".join(c for c, _box in chars)) or chars[-1][1][2] != right:
            return None
        return chars

    def _load_page_bounds(self) -> None:
        if self._page_rect is None:
            # Read once a page: each look through the SWIG layer costs more than the test it serves.
            self._page_box = self._textpage.this.m_internal.mediabox
            self._whole_plane = _mupdf.ll_fz_is_infinite_rect(self._page_box)
            self._page_rect = _mupdf.FzRect(self._page_box)
            self._buffer = _mupdf.fz_new_buffer(128)  # cleared by JM_make_spanlist on each call

    def _read_line(self, block: int, line: int, clip: Any = None) -> list[dict]:
        """The spans, with characters, that ``rawdict`` lists for one line of one block
        (only the characters whose boxes meet ``clip``, an FzRect, when given)."""
        self._load_page_bounds()
        if block not in self._block_lines:
            # rawdict leaves out the lines lying wholly outside the page, so its line numbers count only
            # the others. The block's lines are walked as raw fz_stext_line structs: its line iterator
            # would wrap every line in an FzStextLine, whose overloaded constructor costs more than
            # reading a line's characters; only the line read is wrapped.
            raw_line = _mupdf.FzStextBlock(self._raw_block(block)).begin().__ref__().m_internal
            lines = []
            page_box, whole_plane = self._page_box, self._whole_plane
            while raw_line is not None:
                if whole_plane or _on_page(raw_line, page_box):
                    lines.append(raw_line)
                raw_line = raw_line.next
            self._block_lines[block] = lines
        line_dict: dict = {}
        _extra.JM_make_spanlist(line_dict, _mupdf.FzStextLine(self._block_lines[block][line]), 1, self._buffer,
                                self._page_rect if clip is None else clip)
        return line_dict["spans"]

    def _raw_block(self, number: int) -> Any:
        """Block ``number`` of the text page, found along its linked list: PyMuPDF's block
        iterator would wrap every block of the page in a Python object on the way. The list
        is followed only as far as the blocks asked for (each step is a round of the SWIG layer)."""
        blocks = self._blocks
        if blocks is None:
            blocks = self._blocks = [self._textpage.this.m_internal.first_block]
        while len(blocks) <= number:
            block = blocks[-1].next
            if block is None:
                raise IndexError(number)  # no such block: the whole rawdict answers instead
            blocks.append(block)
        return blocks[number]


def _span_chars(spans: list[dict], index: int) -> list[Char] | None:
    if not 0 <= index < len(spans) or "chars" not in spans[index]:
        return None
    return [(c["c"], tuple(c["bbox"])) for c in spans[index]["chars"]]


def _on_page(line: Any, page_box: Any) -> bool:
    """Some of the (raw fz_stext_line) line lies on the (finite) page."""
    # On raw fz_rect structs: an FzRect wrapper's overloaded constructor costs more than the test.
    return not _mupdf.ll_fz_is_empty_rect(_mupdf.ll_fz_intersect_rect(page_box, line.bbox))


def _spells(chars: list[Char], text: str) -> bool:
    return "".join(c for c, _box in chars) == text
