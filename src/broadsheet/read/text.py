"""Raw extracted page text: decode it and cut it into lines with input offsets."""

from __future__ import annotations

import codecs

from ..charclass import HAN
from ..errors import BadInputError
from ..model import Line, SourcedText

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy CJK encodings charset-normalizer may name; a page that decodes in the
# wider superset should use it, since HKSCS and GB18030 only add characters.
_WIDEN = {"big5": "big5hkscs", "cp950": "big5hkscs", "gb2312": "gb18030", "gbk": "gb18030", "hz": "gb18030"}


def decode_page_bytes(data: bytes, encoding: str | None = None, name: str | None = None) -> str:
    """Decode extracted text: a BOM wins, then UTF-8, then charset-normalizer's best guess."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise BadInputError(f"unknown encoding {encoding!r}", name) from None
        except UnicodeDecodeError as exc:
            raise BadInputError(f"not valid {encoding} at byte {exc.start}", name) from None
    if not data:
        return ""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise BadInputError(f"not valid {codec} after its byte-order mark (byte {exc.start})", name) from None
    if _looks_binary(data):
        raise BadInputError("binary data, not extracted text (pass a PDF as a .pdf file)", name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _guess_legacy(data, name)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith(b"%PDF"):
        return True
    # UTF-16 without a BOM has NULs in every other byte; charset-normalizer names it.
    nul = head.count(b"\x00")
    if nul and not _utf16_shaped(head):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > max(4, len(head) // 50)


def _utf16_shaped(head: bytes) -> bool:
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = max(1, len(head) // 2)
    return max(even, odd) > half * 0.3 and min(even, odd) < half * 0.05


def _guess_legacy(data: bytes, name: str | None) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144] if len(data) > 262144 else data).best()
    if best is None:
        raise BadInputError("cannot tell the text encoding; pass --encoding", name)
    codec = _WIDEN.get(best.encoding, best.encoding)
    for candidate in (codec, best.encoding):
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    raise BadInputError(f"looks like {best.encoding} but does not decode as it; pass --encoding", name)


_LINE_ENDS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _space_drawn_alone(body: str, raws: list[str], index: int) -> bool:
    """A line of nothing but plain spaces right between two lines of text is no blank line: an
    engine that draws the word spaces of a justified row as glyphs of their own (WeasyPrint)
    leaves an extractor reading glyph runs with a word a line and a space a line between them
    (Passengers / ␠ / board / ␠ / an), which says nothing of paragraphs. A line an extractor
    left empty is a blank line, and so is a space line next to one."""
    if not body or body.strip(" ") or not 0 < index < len(raws) - 1:
        return False
    return all(raws[j].rstrip(_LINE_ENDS).strip() for j in (index - 1, index + 1))


def split_lines(source: str) -> list[Line]:
    """Non-blank lines with their offsets; blank lines survive as ``blank_before`` counts."""
    lines: list[Line] = []
    blanks = 0
    pos = 0
    raws = source.splitlines(keepends=True)
    for index, raw in enumerate(raws):
        body = raw.rstrip(_LINE_ENDS)
        content = body.strip()
        if not content and _space_drawn_alone(body, raws, index):
            pass  # no blank line: see _space_drawn_alone
        elif content:
            lead_len = len(body) - len(body.lstrip())
            lead = body[:lead_len]
            indent = sum(2 if ch == "\u3000" else 4 if ch == "\t" else 1 for ch in lead)
            start = pos + lead_len
            text = SourcedText.from_input(source, start, start + len(content))
            half_open = body.endswith("\u3000") and bool(HAN.match(content[-1]))
            lines.append(Line(text=text, indent=indent, blank_before=blanks, half_open=half_open))
            blanks = 0
        else:
            blanks += 1
        pos += len(raw)
    return lines
