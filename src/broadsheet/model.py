"""The one document model every stage reads and returns.

Text never travels as a bare ``str``: it travels as :class:`SourcedText`, which
remembers, for every character, where in the decoded input it came from. That
is what lets each removal name its input offsets, lets the HTML report link a
restored paragraph back to its source lines, and lets a property test check
that nothing was lost.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Sequence

BBox = tuple[float, float, float, float]

# A run says: string[pos:pos+length] was read from input[src:src+length].
# src == -1 marks text the pipeline inserted (a joining space): it has no source.
Run = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Removal:
    """Input characters that are in no output field, and why.

    ``input[start:end] == text`` always holds. A character that was rewritten
    rather than dropped (a Kangxi radical mapped to its unified ideograph)
    carries the ``replacement`` that now stands in the output.
    """

    start: int
    end: int
    text: str
    reason: str
    replacement: str | None = None
    page: int | None = None
    bbox: BBox | None = None

    def to_dict(self) -> dict:
        out: dict = {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason}
        if self.replacement is not None:
            out["replacement"] = self.replacement
        if self.page is not None:
            out["page"] = self.page
        if self.bbox is not None:
            out["bbox"] = [round(v, 2) for v in self.bbox]
        return out


class SourcedText:
    """An immutable string that knows the input offset of each character."""

    __slots__ = ("string", "runs")

    def __init__(self, string: str, runs: tuple[Run, ...]):
        self.string = string
        self.runs = runs

    # -- construction -------------------------------------------------
    @classmethod
    def from_input(cls, source: str, start: int, end: int) -> "SourcedText":
        if end <= start:
            return EMPTY
        return cls(source[start:end], ((0, start, end - start),))

    @classmethod
    def inserted(cls, string: str) -> "SourcedText":
        """Text the pipeline adds (a space between joined English lines)."""
        if not string:
            return EMPTY
        return cls(string, ((0, -1, len(string)),))

    @classmethod
    def concat(cls, parts: Iterable["SourcedText"]) -> "SourcedText":
        strings: list[str] = []
        runs: list[Run] = []
        pos = 0
        for part in parts:
            if not part.string:
                continue
            strings.append(part.string)
            for rpos, src, length in part.runs:
                if runs:
                    lpos, lsrc, llen = runs[-1]
                    if lsrc >= 0 and src == lsrc + llen and lpos + llen == pos + rpos:
                        runs[-1] = (lpos, lsrc, llen + length)
                        continue
                runs.append((pos + rpos, src, length))
            pos += len(part.string)
        if not strings:
            return EMPTY
        return cls("".join(strings), tuple(runs))

    # -- queries --------------------------------------------------------
    def __len__(self) -> int:
        return len(self.string)

    def __bool__(self) -> bool:
        return bool(self.string)

    def __str__(self) -> str:
        return self.string

    def __repr__(self) -> str:
        return f"SourcedText({self.string!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SourcedText):
            return self.string == other.string and self.runs == other.runs
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.string, self.runs))

    def source_of(self, index: int) -> int:
        """Input offset of ``string[index]``, or -1 for inserted text."""
        i = bisect_right(self.runs, (index, float("inf"), 0)) - 1
        pos, src, _length = self.runs[i]
        return -1 if src < 0 else src + (index - pos)

    def spans(self) -> list[tuple[int, int]]:
        """Merged input ranges this text was read from (gaps are removed text)."""
        out: list[tuple[int, int]] = []
        for _pos, src, length in self.runs:
            if src < 0:
                continue
            if out and out[-1][1] == src:
                out[-1] = (out[-1][0], src + length)
            else:
                out.append((src, src + length))
        return out

    @property
    def start(self) -> int:
        spans = self.spans()
        return spans[0][0] if spans else -1

    @property
    def end(self) -> int:
        spans = self.spans()
        return spans[-1][1] if spans else -1

    # -- derivation -----------------------------------------------------
    def __getitem__(self, key: slice) -> "SourcedText":
        start, stop, step = key.indices(len(self.string))
        if step != 1:
            raise ValueError("SourcedText slices must be contiguous")
        if stop <= start:
            return EMPTY
        if start == 0 and stop == len(self.string):
            return self
        runs: list[Run] = []
        for pos, src, length in self.runs:
            # max() and min() of two as the comparisons they make: every cut of a line's text slices it.
            lo = start if start > pos else pos
            end = pos + length
            hi = stop if stop < end else end
            if lo < hi:
                runs.append((lo - start, -1 if src < 0 else src + (lo - pos), hi - lo))
        return SourcedText(self.string[start:stop], tuple(runs))

    def strip(self, chars: str | None = None) -> "SourcedText":
        string = self.string
        left = len(string) - len(string.lstrip(chars))
        right = len(string.rstrip(chars))
        if left == 0 and right == len(string) and string:
            return self  # nothing to strip, as self[0:len] would answer, without the slice
        return self[left:right] if right > left else EMPTY

    def cut(self, intervals: Sequence[tuple[int, int]], reason: str) -> tuple["SourcedText", list[Removal]]:
        """Drop ``string[a:b]`` for each interval; return the rest and the removals.

        Intervals are positions in this text. Inserted characters (src == -1)
        vanish without a removal, since they were never in the input.
        """
        if not intervals:
            return self, []
        keep: list[SourcedText] = []
        removals: list[Removal] = []
        cursor = 0
        for a, b in sorted(intervals):
            if a < cursor:
                a = cursor
            if b <= a:
                continue
            keep.append(self[cursor:a])
            removals.extend(self[a:b].as_removals(reason))
            cursor = b
        keep.append(self[cursor:])
        return SourcedText.concat(keep), removals

    def as_removals(self, reason: str) -> list[Removal]:
        """This whole text, accounted for as removed input."""
        out = []
        for pos, src, length in self.runs:
            if src >= 0:
                out.append(Removal(src, src + length, self.string[pos : pos + length], reason))
        return out

    def replace_chars(self, mapping: dict[int, str], reason: str, source: str) -> tuple["SourcedText", list[Removal]]:
        """Rewrite single characters in place (same length), recording each as a replacement."""
        if not mapping:
            return self, []
        chars = list(self.string)
        removals = []
        for index, new in sorted(mapping.items()):
            src = self.source_of(index)
            chars[index] = new
            if src >= 0:
                removals.append(Removal(src, src + 1, source[src], reason, replacement=new))
        return SourcedText("".join(chars), self.runs), removals


EMPTY = SourcedText("", ())


@dataclass(slots=True)
class Line:
    """One physical line as the extractor (or the PDF reader) produced it."""

    text: SourcedText
    indent: int = 0  # leading spaces, an ideographic space counting two
    page: int | None = None
    bbox: BBox | None = None
    size: float | None = None
    bold: bool = False
    blank_before: int = 0  # blank lines between this line and the previous one
    # Lines of one block the page printed twice (a shadowed headline) share a number.
    display_unit: int | None = None
    # A list mark drawn as a shape, not a character, stands before it (PDFs printed from HTML).
    marked: bool = False
    # A lead set in display type runs into text type on this line (a run-in headline):
    # the input offset where the text type begins, and the x where the lead ends (PDFs).
    run_in: tuple[int, float] | None = None
    # The line ended on a soft hyphen (removed): the typesetter broke a word there, and
    # the next line goes on with it, joined tight.
    broken_word: bool = False
    # The line ended on an ideographic space (stripped from its text): a CJK headline's
    # first half, the second set on the next line (雙十一網購熱潮南下　/ 本地物流公司加派人手).
    half_open: bool = False
    # Joined from lone words an extractor broke a justified line into: running text, set
    # to the column's measure (repair/justified.py).
    word_spaced: bool = False
    # ``text.string`` as a plain attribute, not a property: the layout stages read it a
    # thousand times and more a page, and a property call costs several attribute reads.
    # A line is never changed in place (``replace`` makes a new one), so it cannot go stale.
    string: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.string = self.text.string


# Block kinds, named as the JSON contract names them where they reach it.
HEADLINE = "headline"
DECK = "deck"
SUBHEAD = "subhead"
BYLINE = "byline"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
CAPTION = "caption"
CREDIT = "credit"
SIGNOFF = "signoff"
PULL_QUOTE = "pull_quote"
CONTINUATION = "continuation"
FURNITURE = "furniture"
BLOCK_KINDS = (
    HEADLINE, DECK, SUBHEAD, BYLINE, PARAGRAPH, LIST_ITEM, CAPTION, CREDIT,
    SIGNOFF, PULL_QUOTE, CONTINUATION, FURNITURE,
)


@dataclass(slots=True)
class Block:
    """A run of lines that reads as one unit: a paragraph, a headline, a caption."""

    kind: str
    text: SourcedText
    lines: list[Line] = field(default_factory=list)
    # For a caption: the credit split off its end (or printed on its own line next to it).
    credit: SourcedText | None = None

    @property
    def string(self) -> str:
        return self.text.string

    @property
    def page(self) -> int | None:
        return self.lines[0].page if self.lines else None

    @property
    def bbox(self) -> BBox | None:
        boxes = [line.bbox for line in self.lines if line.bbox is not None]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


@dataclass(slots=True)
class Article:
    headline: Block | None = None
    subheadlines: list[Block] = field(default_factory=list)
    byline: Block | None = None
    body: list[Block] = field(default_factory=list)
    captions: list[Block] = field(default_factory=list)
    signoff: Block | None = None
    continues: Block | None = None
    continued_from: Block | None = None

    def blocks(self) -> list[Block]:
        """Every block of the article, in reading order."""
        out: list[Block] = []
        for block in (self.headline, *self.subheadlines, self.byline, self.continued_from):
            if block is not None:
                out.append(block)
        out.extend(self.body)
        out.extend(self.captions)
        for block in (self.signoff, self.continues):
            if block is not None:
                out.append(block)
        return out


@dataclass(slots=True)
class Page:
    source: str
    language: str
    articles: list[Article]
    unassigned: list[Block]
    removed: list[Removal]
    input_text: str = ""
    number: int | None = None

    def to_dict(self) -> dict:
        from .write.json import page_to_dict

        return page_to_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        from .write.json import page_to_json

        return page_to_json(self, indent=indent)

    def to_markdown(self) -> str:
        from .write.markdown import page_to_markdown

        return page_to_markdown(self)

    def to_text(self) -> str:
        from .write.plain import page_to_text

        return page_to_text(self)


@dataclass(slots=True)
class Document:
    """A multi-page input (a PDF): one :class:`Page` per page read."""

    source: str
    pages: list[Page]

    def to_dict(self) -> dict:
        from .write.json import document_to_dict

        return document_to_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        from .write.json import document_to_json

        return document_to_json(self, indent=indent)

    def to_markdown(self) -> str:
        return "\n\n---\n\n".join(page.to_markdown() for page in self.pages)

    def to_text(self) -> str:
        return "\n\n\f\n\n".join(page.to_text() for page in self.pages)
