"""Lines → blocks: where a paragraph (or caption, or list item) starts and ends.

Extracted text has blank lines inside paragraphs, between them, or none at all
(``pdftotext -raw``), so a blank line is only one piece of evidence. The others
are the ones a reader uses: a sentence that ends before the column does, an
indented first line, a line that says what it is (a byline, a caption), and
whether the page's blank lines have proved trustworthy elsewhere.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from . import cues
from .charclass import (CJK_CHAR, HAN, RUN_ON_WORDS, SPACE_BETWEEN_HAN, bracket_balance, display_width,
                        ends_in_title_abbreviation, ends_sentence, headline_halves, leads_on_to_a_date, quote_balance)
from .model import (
    BYLINE, CAPTION, CONTINUATION, CREDIT, FURNITURE, LIST_ITEM, PARAGRAPH, SIGNOFF, Line,
)
from .wordlists import in_chinese_word

# Kinds a line announces by itself and that never run on into the next line.
SINGLE_LINE_KINDS = (CREDIT, BYLINE, SIGNOFF, CONTINUATION, FURNITURE)
WINDOW = 12
UNWRAPPED_SHARE = 0.45
UNWRAPPED_CUT_SHARE = 0.2
MEASURE_SHARE = 0.15
# A CJK line overruns its column past this share of it and these cells (hanging punctuation).
OVERFULL_SHARE = 1.25
OVERFULL_CELLS = 4
VERTICAL = "vertical"


@dataclass(slots=True)
class LineBlock:
    """Lines that belong together, before their text is joined."""

    kind: str
    lines: list[Line]
    # Its first line fills the column and another follows: set as body text, not a title.
    body_measure: bool = False


MAX_BYLINE_CHARS = 80


# Marks some papers set before their reporter's line, as others set them before a list's items.
BYLINE_MARKS = "□■◎"


def line_cue(string: str, no_pointer: bool = False) -> str | None:
    """The role a line announces by its words alone, if any. ``no_pointer``: the caller
    has found that ``cues.CONTINUATION`` does not match the string."""
    first = string[0]
    # Each form is tried only where the line opens on a character it can open on (see cues).
    if first in cues.NAMED_SOURCE_OPENINGS and cues.NAMED_SOURCE.match(string):
        return CREDIT
    if first in cues.CAPTION_MARKS or (first in cues.CAPTION_LEAD_OPENINGS and cues.CAPTION_LEAD.match(string)):
        return CAPTION
    if not no_pointer and cues.may_be_continuation(string) and cues.CONTINUATION.match(string):
        return CONTINUATION
    if first in cues.STAFF_LINE_OPENINGS and cues.STAFF_LINE.match(string):
        return FURNITURE
    # The opening asked here first, as it costs no call: most lines open on none.
    if (first in cues.SIGNOFF_OPENINGS or first.isspace()) and cues.may_be_signoff(string) and cues.SIGNOFF.match(string):
        return SIGNOFF
    if len(string) <= MAX_BYLINE_CHARS and cues.may_be_signoff_note(string) and cues.SIGNOFF_NOTE.match(string.strip()):
        return SIGNOFF
    if first in cues.BULLET_MARKS:
        if first in BYLINE_MARKS and _opens_paragraph(string):
            return None  # □本报记者 马晓东 文/图在市区…: the reporter's line run into the story
        # A paper's mark before its reporter's line (■香港文匯報記者 葉詠詩, □本报记者 马晓东 文/图):
        # not an item but a sign-off, as ●記者 陳志明 報道 is (one opening a story, before its
        # text, is taken for its byline there).
        if first in BYLINE_MARKS and len(string) <= MAX_BYLINE_CHARS and cues.BYLINE.match(string):
            return SIGNOFF
        # Some papers mark captions with a bullet too; a credit at the end tells.
        return CAPTION if cues.TRAILING_CREDIT.search(string) else LIST_ITEM
    if len(string) <= 40 and cues.may_be_credit(string) and cues.CREDIT.match(string):
        return CREDIT
    if len(string) <= MAX_BYLINE_CHARS and cues.byline_may_match(string) and cues.BYLINE.match(string) \
            and not _opens_paragraph(string):
        return BYLINE
    # (An English section's name opens on a capital: asked first, as it costs no call.)
    if len(string) <= 60 and (cues.is_furniture(string) or "A" <= first <= "Z" and cues.is_section_en(string)):
        return FURNITURE
    return None


def _fits_but_for_its_byline(widths: _Widths, i: int) -> bool:
    """A line wider than its column that opens on a byline the story runs on from (本报记者
    孙晓梅 市轨道交通集团昨天宣布，): the byline was set beside the story's first line, which
    fits the column alone."""
    string = widths.strings[i]
    end = cues.byline_opening_end(string)
    return end is not None and end < len(string) and \
        display_width(string[end:].strip()) <= widths.column(i) * OVERFULL_SHARE + OVERFULL_CELLS


def _opens_paragraph(string: str) -> bool:
    """``本報訊（記者 王五 廣州報道）東區…``: a byline that runs straight into the body."""
    end = cues.byline_opening_end(string)
    return end is not None and end < len(string)


MAX_FOLIO_TOKENS = 12


def _line_hint(string: str) -> str | None:
    cue = line_cue(string)
    if cue is None and _is_folio(string):
        return FURNITURE
    return cue


# "(Photo by Rachel Ng)", "(Photo: AP)", "（記者 陳晨 攝）": a bracket that names who took a picture;
# unbracketed, "Photo by Rachel Ng" names no more than the photographer.
_PHOTO_CREDIT = regex.compile(
    r"(?:[.!?。！？][\"”’」]?)\s*(?:\((?:Photo|Picture|Image)s?\s*(?:by|:)\s*[^()]{1,40}\)"
    r"|(?:Photo|Picture|Image)s?\s+by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"|（[^（）]{1,16}(?:攝|摄)）)$")


_SENTENCE_THEN_BRACKET = regex.compile(r"[.!?。！？][\"”’」]?\s*[（(][^（）()]+[）)]$")


def _photo_captions(lines: list[Line], hints: list[str | None]) -> list[str | None]:
    """A line that opens after a finished sentence and ends on a bracket naming the
    photographer (… in a clean room. (Photo by Rachel Ng)) or a picture agency alone
    (… after the recount. (Reuters)) is a photo caption: running text credits no picture.
    (A caption wrapped over lines is left to its first line: its last line, credit and
    all, runs on from a caption line that stops mid-sentence, ▲遊客在夜市品嘗小 / 吃。（美聯社）.)"""
    out = list(hints)
    for i, line in enumerate(lines):
        string = line.string
        credited = _PHOTO_CREDIT.search(string) or (
            _SENTENCE_THEN_BRACKET.search(string) and cues.BRACKETED_AGENCY.search(string))
        if hints[i] is None and credited and (
                i == 0 or hints[i - 1] not in (None, CAPTION) or ends_sentence(lines[i - 1].string)):
            out[i] = CAPTION
    # A marked line right under a credit: the photo's caption, the credit set over it
    # (REUTERS/Edgar Su / • Cranes load containers at a terminal in Singapore.); not a fact
    # box's labelled item under a caption's credit (■ 三號風球：幼稚園停課).
    for i in range(1, len(lines)):
        if out[i] == LIST_ITEM and out[i - 1] == CREDIT and lines[i].string[:1] in cues.CAPTION_MARKS + cues.BULLET_MARKS \
                and not _LABELLED.search(lines[i].string):
            out[i] = CAPTION
    # A marked line whose sentence or credit the line below finishes: one caption, not an
    # item and a caption (■老人在社区食堂用 / 餐。（马晓东 摄）, ■學童在風雨中步行上學。（明報記 / 者梁家豪攝）).
    for i in range(1, len(lines)):
        if hints[i - 1] == LIST_ITEM and out[i] in (None, CAPTION, CREDIT) \
                and _caption_runs_on_to_its_credit(lines, out, i):
            out[i - 1] = CAPTION
            out[i] = None
    return out


# An item's label before its value: 三號風球：…, Burned: 2,000 acres.
_LABELLED = regex.compile(r"[：:](?!\d)")


def _caption_runs_on_to_its_credit(lines: list[Line], hints: list[str | None], i: int, kind: str = CAPTION) -> bool:
    """A caption's line below that finishes its credit, which the column's edge cut: the
    bracket opened above closes there (（明報記 / 者梁家豪攝）), or the credit's words go on
    (… Sham Shui Po. AP / Photo/Kin Cheung: an unmarked caption, read as a paragraph so
    far, as well); or that finishes its sentence and credits it (■老人在社区食堂用 / 餐。（马晓东 摄）)."""
    above, below = lines[i - 1].string, lines[i].string
    # (a name in capitals alone reads as a section's: … the trial. ST PHOTO: / KELVIN LIM)
    if hints[i] not in (None, CAPTION, CREDIT, FURNITURE) or lines[i].bold != lines[i - 1].bold:
        return False
    if kind != CAPTION and _SENTENCE_THEN_WORDS.search(above) is None:
        return False  # (a paragraph's credit follows a sentence's end on the line above)
    joined = run_together(above, below)
    credit = cues.TRAILING_CREDIT.search(joined)
    if credit is None or credit.start() >= len(above):
        return kind == CAPTION and credit is not None and not ends_sentence(above) \
            and SENTENCE_THEN_CREDIT.match(below) is not None
    if bracket_balance(above) > 0:
        return kind == CAPTION and bracket_balance(joined) == 0
    started = cues.TRAILING_CREDIT.search(above)
    if started is None:
        # the credit's first word alone at the line's end, after the caption's last sentence
        # (… swing bridge. Jane / Fong/Bloomberg via Getty Images)
        return len(below.split()) <= MAX_CARRIED_CREDIT_WORDS and ends_sentence(joined[: credit.start()])
    words = len(below.split())
    # (a line opening in lower case goes on from the line above: no title opens so)
    return started.start() == credit.start() and (
        words <= MAX_CARRIED_WORDS or (below[:1].islower() and words <= MAX_CARRIED_CREDIT_WORDS))


# A sentence's end, then words after it, on a line (… Sham Shui Po. AP, … 吃。（美聯社）).
_SENTENCE_THEN_WORDS = regex.compile(r"[。！？.!?][\"”’」]?\s*\S+(?:\s+\S+){0,6}\s*$")
# The most words a credit's end carried to the line below can be (Fong/Bloomberg via Getty Images).
MAX_CARRIED_CREDIT_WORDS = 4
# A credit breaks off on a word none ends on (Jane Fong/Bloomberg via / Getty Images).
_CREDIT_BREAKS_OFF = regex.compile(r"(?:\b(?:via|and|for|of)|[/&,])\s*$")

# A caption's last line: its sentence's end, then only its credit (吃。（美聯社）, … ridge. AP).
SENTENCE_THEN_CREDIT = regex.compile(r"^[^。！？.!?]{0,40}[。！？.!?][\"”’」]?\s*\S")


def run_together(first: str, second: str) -> str:
    """Two lines as a reader runs them together: CJK tight, Latin with a space."""
    if first and second and not (CJK_CHAR.match(first[-1]) or CJK_CHAR.match(second[0])):
        return f"{first} {second}"
    return first + second


# A line that breaks off on a word wanting more: "BY ANA LIM AND", "Reporting by", "at", a comma.
_BREAKS_OFF = regex.compile(r"(?:\b(?:by|and|AND|at|of|for)|[,;&:：、])\s*$")


def _signoff_wrapped(first: str, second: str) -> bool:
    """A sign-off wrapped: the first line reads as none alone (Contact Tom Baxter at /
    tbaxter@ledger.com) or breaks off (-- Additional reporting by / Wendy Shaw), and the two
    run together read as one."""
    if line_cue(first) == SIGNOFF:
        # Complete alone but for its last word: what follows is a name or two, closing any
        # bracket it opened, not the next story's headline (text has no type to tell).
        if not _BREAKS_OFF.search(first) or len(second.split()) > 3 or len(second) > 24:
            return False
    joined = run_together(first, second)
    if bracket_balance(joined) != 0:
        return False
    return len(joined) <= MAX_BYLINE_CHARS and line_cue(joined) == SIGNOFF


def _byline_wrapped(first: str, second: str) -> bool:
    """The two lines, run together, read as a byline."""
    joined = run_together(first, second)
    # The byline pattern first: it fails on nearly every pair, and line_cue asks many.
    return len(joined) <= MAX_BYLINE_CHARS and cues.BYLINE.match(joined) is not None and line_cue(joined) == BYLINE


# The most a byline's or sign-off's last words carried to a line of their own can be.
MAX_CARRIED_WORDS = 2
MAX_CARRIED_CHARS = 24


def _cut_at_the_edge(lines: list[Line], widths: "_Widths", i: int, kind: str, block: list[Line]) -> bool:
    """A byline or sign-off that reads whole but met its column's edge (By Emily Tsang in
    Hong / Kong, -- Additional reporting by Wendy / Shaw, ■香港文匯報記者 葉詠 / 詩,
    sarah.whitfield@dailyle / dger.co.uk): the line above fills the column, the words
    carried down are few and fill less than half of it, and the two run together still
    read as the one line. (A story's next line after its byline, or the next story's headline,
    starts a line of its own and seldom stops so short.)"""
    last = i - 1
    tail = lines[i].string.strip()
    # (文/图 alone reads as a byline's form itself: □本报记者 马晓东 / 文/图)
    if widths.hints[i] not in (None, FURNITURE, SIGNOFF, BYLINE) or lines[i].bold != lines[last].bold:
        return False
    if not tail or len(tail) > MAX_CARRIED_CHARS or len(tail.split()) > MAX_CARRIED_WORDS:
        return False
    if ends_sentence(lines[last].string) or lines[last].string.rstrip().endswith((")", "）", "】")):
        return False  # (a bracket closed: the line is whole)
    if not _name_carried_whole(lines, i) and (
            2 * widths.widths[i] > widths.column(i) or not widths.is_full(last) or widths.is_full(i)):
        return False
    joined = run_together(" ".join(line.string.strip() for line in block), tail)
    if bracket_balance(joined) != 0 or len(joined) > MAX_BYLINE_CHARS:
        return False
    if kind == BYLINE:
        return cues.BYLINE.match(joined) is not None and line_cue(joined) == BYLINE
    return line_cue(joined) == SIGNOFF


def _name_carried_whole(lines: list[Line], i: int) -> bool:
    """A name's last word alone on line i, where the column's measure cannot be read
    (cues.name_carried_below)."""
    return cues.name_carried_below(lines[i - 1].string, lines[i].string,
                                   (line.string for k, line in enumerate(lines) if k not in (i - 1, i)))


def _byline_runs_on_into_the_story(byline: str, below: str) -> bool:
    """A byline whose last words, then the story's first, open the line below (游佩琪 报道 /
    yoopq@zaobao.com.sg 环境局…, □本报记者马晓东 / 文/图在市区…; a marked one reads as a
    sign-off alone): one block, a byline run into its story, which classify parts."""
    joined = run_together(byline, below)
    match = cues.BYLINE_OPENING.match(joined)
    return match is not None and len(byline) < match.end() < len(joined)


# A byline opening a story runs over at most this many lines of a narrow column.
MAX_OPENING_LINES = 3


def _byline_opening_carried(lines: list[Line], hints: list[str | None], i: int) -> int:
    """How many lines after line ``i`` a byline opening a story runs over before the story's
    first words follow it on the last of them (新华社郑州10月16 / 日电（记者 赵文涛 / 刘晓燕）记者
    从河…): 0 where none does, or the opening ends on line ``i`` itself."""
    first = lines[i].string
    if not cues.may_be_byline(first) or cues.BYLINE_OPENING.match(first):
        return 0
    joined = first
    for k in range(1, MAX_OPENING_LINES):
        if i + k >= len(lines) or hints[i + k] not in (None, BYLINE, SIGNOFF) or lines[i + k].bold != lines[i].bold:
            return 0
        before = len(joined)
        joined = run_together(joined, lines[i + k].string)
        match = cues.BYLINE_OPENING.match(joined)
        if match is not None:
            return k if before < match.end() < len(joined) else 0
    return 0


def _credit_wrapped(first: str, second: str) -> bool:
    """The two lines run together read as a credit (the credit forms asked first: they fail on
    nearly every pair, and line_cue asks many)."""
    joined = run_together(first, second)
    return (cues.CREDIT.match(joined) is not None or cues.NAMED_SOURCE.match(joined) is not None) \
        and line_cue(joined) == CREDIT


def _address_wrapped(first: str, second: str) -> bool:
    """An e-mail address alone, cut where its column ended: sarah.whitfield@dailyle / dger.co.uk."""
    first, second = first.strip(), second.strip()
    return "@" in first and " " not in first and " " not in second and cues.is_bare_address(first + second)


def _address_under_its_byline(byline: str, below: str) -> bool:
    """The reporter's e-mail address alone under a byline of the form that gives one (游佩琪
    报道 / yoopq@zaobao.com.sg): the byline's, not the story's first line."""
    if not cues.is_bare_address(below):
        return False
    joined = run_together(byline, below)
    match = cues.BYLINE_OPENING.match(joined)
    return match is not None and match.end() == len(joined)


def _byline_wrapped_twice(lines: list[Line], hints: list[str | None], i: int) -> bool:
    """A byline a narrow column wrapped over three lines (Sarah Whitfield, / Education /
    Correspondent), that reads as one only with both lines after its first."""
    if i + 2 >= len(lines) or hints[i + 1] not in (None, FURNITURE) or hints[i + 2] not in (None, FURNITURE):
        return False
    first, second, third = lines[i].string, lines[i + 1].string, lines[i + 2].string
    # The three together first: they fail on nearly every line, and line_cue asks many forms.
    if not cues.byline_may_match(first + " " + second + " " + third):
        return False
    head = run_together(first, second)
    if not _byline_wrapped(head, third):
        return False
    # (and not a line's tail before a byline wrapped once: 輸入外 / 勞 / 香港文匯報訊（記者 葉 / 詠詩）)
    return not _byline_wrapped(first, second) and line_cue(first) != BYLINE and not _byline_wrapped(second, third)


def _wrapped_bylines(lines: list[Line], hints: list[str | None]) -> list[str | None]:
    """A dateline a narrow column wrapped (新华社广州3月2日 / 电（记者王晓东））reads as a
    byline only with its next line: its first line opens a block, as a byline's does."""
    out = list(hints)
    for i in range(len(lines) - 1):
        # (the second line, a lone word in capitals, may read as furniture: "BY ANA LIM AND" / "DAVID")
        if hints[i] is None and hints[i + 1] in (None, FURNITURE) and _byline_wrapped(lines[i].string, lines[i + 1].string):
            out[i] = BYLINE
        elif hints[i] is None and _byline_wrapped_twice(lines, hints, i):
            out[i] = BYLINE
        elif hints[i] is None and hints[i + 1] == SIGNOFF and _signoff_wrapped(lines[i].string, lines[i + 1].string):
            out[i] = SIGNOFF  # "Contact Tom Baxter at" / "tbaxter@ledger.com"
        elif hints[i] is None and hints[i + 1] in (None, CREDIT) and _CREDIT_BREAKS_OFF.search(lines[i].string) \
                and _credit_wrapped(lines[i].string, lines[i + 1].string):
            out[i] = CREDIT  # Jane Fong/Bloomberg via / Getty Images
        elif hints[i] is None and hints[i + 1] is None and (i == 0 or ends_sentence(lines[i - 1].string)) \
                and _address_wrapped(lines[i].string, lines[i + 1].string):
            out[i] = SIGNOFF  # sarah.whitfield@dailyle / dger.co.uk, after the story's last sentence
        elif hints[i] is None and hints[i + 1] is None and lines[i].string[:1] in "（(" \
                and (i == 0 or ends_sentence(lines[i - 1].string)) and _signoff_wrapped(lines[i].string, lines[i + 1].string):
            out[i] = SIGNOFF  # a bracketed sign-off a narrow column wrapped: （本報綜合 / 報道）
    return out


def _is_folio(string: str) -> bool:
    """A folio an extractor set on one line (A12 經濟 維城日報 2026年1月15日 星期四, A7 NATION
    THE HARBOUR COURIER Monday, August 24, 2026): every piece of it is page furniture."""
    tokens = string.split()
    if not 2 <= len(tokens) <= MAX_FOLIO_TOKENS:
        return False
    # covered[j]: tokens[:j] split into furniture pieces.
    covered = [True] + [False] * len(tokens)
    for end in range(1, len(tokens) + 1):
        covered[end] = any(covered[start] and _is_furniture(" ".join(tokens[start:end])) for start in range(end))
    return covered[-1]


def _is_furniture(piece: str) -> bool:
    return cues.is_furniture(piece) or cues.is_section_en(piece)


_BARE_NUMBER = regex.compile(r"^\d{1,3}$")


def _numbers_in_running_text(lines: list[Line], hints: list[str | None]) -> list[str | None]:
    """A bare number looks like a page number, but one between a line that stops
    mid-sentence and a line that goes on in lower case is a word of the sentence
    (``more than`` / ``200`` / ``emails``): an extractor split a justified line at its gaps."""
    out = list(hints)
    for i in range(1, len(lines) - 1):
        if hints[i] == FURNITURE and _BARE_NUMBER.match(lines[i].string) \
                and not ends_sentence(lines[i - 1].string) and lines[i + 1].string[:1].islower():
            out[i] = None
    return out


def _dates_in_running_text(lines: list[Line], hints: list[str | None]) -> list[str | None]:
    """A date alone on a line dates the page, but one right under a phrase it ends is that
    phrase's wrapped end: an item's or a sentence's, no masthead's (pdfminer may set a blank
    line between them, a box each)."""
    out = list(hints)
    for i in range(1, len(lines)):
        if hints[i] == FURNITURE and hints[i - 1] in (None, LIST_ITEM) \
                and cues.DATE_LINE.match(lines[i].string.strip()) and leads_on_to_a_date(lines[i - 1].string):
            out[i] = None
    return out


# "Start date: May 2, 2027", "生效日期：2027年4月1日": a short label, a colon, its value.
_FACT_LINE = regex.compile(
    r"^(?:\p{Lu}[\p{L}\d'’()&-]*(?: [\p{L}\d'’()&-]+){0,4}: |[\p{Han}A-Za-z\d（）「」]{2,10}：)\S")
MIN_FACT_LINES = 3


# A label alone, its value wrapped to the lines under it (Closure hours: / 10am to 9pm,).
_BARE_LABEL = regex.compile(r"^(?:\p{Lu}[\p{L}\d'’()&-]*(?: [\p{L}\d'’()&-]+){0,4}:|[\p{Han}A-Za-z\d（）「」]{2,10}：)$")
# A fact's value a narrow box wrapped runs to this many lines under its label's at most.
MAX_FACT_WRAPS = 3
# A line a fact's value wrapped onto ends on one of these where more of it follows.
_VALUE_GOES_ON = ",，、:："


def _wrapped_facts(lines: list[Line], hints: list[str | None]) -> dict[int, int]:
    """Fact lines (see _fact_lines) a narrow box wrapped (一般住戶：每立方米由4.16元增至4.53 /
    元 / 非住宅用戶：…; Closure hours: / 10am to 9pm, / Saturdays and / Sundays / Blocks
    affected: …): three or more label lines, each with up to MAX_FACT_WRAPS lines of its value
    under it, none a label's or ending a sentence, each narrower than its label's line (a
    paragraph's lines under its first are as wide as it). Each label line, with the number of
    lines its value wrapped onto: the last item takes lines only where its own stops
    unfinished (on a comma, a bare label's colon), as where the box ends the next block begins."""
    found: dict[int, int] = {}
    labels = [hint is None and _is_label_line(line.string) for line, hint in zip(lines, hints)]
    i, n = 0, len(lines)
    while i < n:
        items: dict[int, int] = {}
        j = i
        while j < n and labels[j]:
            k = j + 1
            while k < n and k - j <= MAX_FACT_WRAPS and hints[k] is None and not labels[k] \
                    and not ends_sentence(lines[k].string) and lines[k].string.strip() \
                    and display_width(lines[k].string) < display_width(lines[j].string):
                k += 1
            if k < n and labels[k]:
                items[j] = k - j - 1
                j = k
                continue
            # (the last takes a wrapped line while the line above it stops unfinished)
            wraps = 0
            while wraps < k - j - 1 and lines[j + wraps].string.rstrip()[-1:] in _VALUE_GOES_ON:
                wraps += 1
            items[j] = wraps
            j += 1 + wraps
            break
        if len(items) >= MIN_FACT_LINES and any(items.values()):
            found.update(items)
        i = max(j, i + 1)
    return found


def _is_label_line(string: str) -> bool:
    # (the colon asked first: most lines hold none, and the forms cost more than the test)
    return (":" in string or "：" in string) and (
        _FACT_LINE.match(string) is not None or _BARE_LABEL.match(string.strip()) is not None) and not ends_sentence(string)


def _signs_the_story_above(lines: list[Line], hints: list[str | None], k: int) -> bool:
    """One editor named right under a story's last sentence (…试点手机扫码进站。 / 责任编辑：
    周婷) signs that story off; the page's staff line names its editors together (责任编辑：
    刘洋　美术编辑：林峰) and is the page's."""
    string = lines[k].string.strip()
    return k > 0 and hints[k - 1] is None and ends_sentence(lines[k - 1].string) and CJK_CHAR.search(lines[k - 1].string) \
        and cues.STAFF_LINE.match(string) is not None and string.count("：") + string.count(":") == 1


def _fact_lines(lines: list[Line], hints: list[str | None]) -> list[str | None]:
    """Three or more lines in a row, each a short label, a colon and its value, none ending a
    sentence: a fact box's items ("at a glance"), whose markers an engine drew as shapes or
    set apart, so that the text shows none. Each line is a whole item of its own (what follows
    the last is the next block: Lamma: HK$20.70 / Harbour ferry fares…); running text does
    not open line after line on a label."""
    out = list(hints)
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j < n and hints[j] is None and _FACT_LINE.match(lines[j].string) and not ends_sentence(lines[j].string):
            j += 1
        if j - i >= MIN_FACT_LINES:
            for k in range(i, j):
                out[k] = LIST_ITEM
        i = max(j, i + 1)
    return out


# Marks a narrow column's running text breaks its lines at, and a box's items seldom hold.
_RUNNING_TEXT_MARKS = regex.compile(r"[，、；「」『』“”（）]")
# A CJK headline set on two lines over its byline runs to this many characters at most.
MAX_HEADLINE_OVER_BYLINE = 24
# A CJK headline's two halves on one line, a plain space between them (新能源汽车下乡 充电桩).
_HALVES_ON_A_LINE = regex.compile(r"^\p{Han}[^\s。！？]{3,}[\p{Han}”」] +[\p{Han}“「][^\s。！？]*$")
# A box's item: a short CJK phrase with no stop in it or at its end (多喝水，少喝含糖饮料).
_BOX_ITEM = regex.compile(r"^\p{Han}[^\s。！？!?]{3,17}$")
# A box's title: a shorter phrase still, with no mark of a sentence at all.
_BOX_TITLE = regex.compile(r"^\p{Han}[^\s，、；：。！？,;:!?]{2,11}$")
# A line stopping on one of these was cut mid-sentence.
_CUT_MARKS = "，、；：,;:"
# A wrapped line is never two characters wider than the line it wrapped from (a mark hung
# past the edge or a figure set half-width makes it a cell or two wider at most).
ITEM_WIDER_CELLS = 4


def _whole_title(string: str) -> bool:
    """A CJK headline set whole in halves (新能源汽车下乡　充电桩建到村口), each half a phrase."""
    halves = headline_halves(string)
    return len(halves) == 2 and all(len(half) >= MIN_HEADLINE_HALF for half in halves) \
        and not any(ch in _SENTENCE_MARKS for ch in string)


def _word_broken_across(above: str, below: str) -> bool:
    """``below`` opens on the end of a word ``above`` broke off (获得工 / 伤保障。): the two
    are one sentence wrapped."""
    above, below = above.rstrip(), below.lstrip()
    return bool(above) and bool(below) and bool(HAN.match(above[-1])) and bool(HAN.match(below[0])) \
        and in_chinese_word(above[-1] + below[0])


def _box_items(lines: list[Line], hints: list[str | None], widths: list[int]) -> set[int]:
    """A short title after a finished sentence, then three or more short phrases none of
    which ends a sentence (防暑降温小贴士 / 多喝水，少喝含糖饮料 / 避免中午时段户外活动 /
    空调温度不宜低于26摄氏度): a box's items whose markers were drawn as shapes, so the text
    shows none, where one phrase after the second is wider than the line above it or a
    headline's first half follows them. Running text ends on a stop, before another story's
    headline above all, and its wrapped lines are never wider than the line before them; a
    line of the run that is wider was set whole on its own. The run ends where the next line
    cannot go on from it: the text's end, a headline in halves, or a line wider still
    (another measure), or as many of a list's markers as it has phrases, drawn apart after
    them. Runs never overlap: an item ends no sentence, so no title follows one."""
    items: set[int] = set()
    n = len(lines)
    for t in range(n - 2):
        if hints[t] is not None or not (t == 0 or hints[t - 1] is not None or ends_sentence(lines[t - 1].string)) \
                or not _BOX_TITLE.match(lines[t].string.strip()):
            continue
        j = t + 1
        while j < n and hints[j] is None and _BOX_ITEM.match(lines[j].string.strip()) and not ends_sentence(lines[j].string) \
                and lines[j].string.rstrip()[-1] not in _CUT_MARKS and not lines[j].half_open:
            j += 1
        # An engine that draws a list's markers apart may draw them all after it, one a phrase.
        markers = j
        while markers < n and marker_only(lines[markers].string):
            markers += 1
        if j - t > 2 and markers - j == j - t - 1:
            items.update(range(t + 1, j))
            continue
        # A headline's first half (its space printed at the line's end) ends the run outright,
        # and so do its halves printed on one line with a plain space between (pdftotext -raw
        # prints the full-width space so) or the line or two a byline opens a story under.
        half_next = j < n and hints[j] is None and lines[j].half_open
        if not half_next and j < n and (hints[j] is None and _HALVES_ON_A_LINE.match(lines[j].string.strip()) or hints[j] == BYLINE):
            if hints[j] == BYLINE:
                j -= 2 if j - t > 5 and len(lines[j - 2].string.strip()) + len(lines[j - 1].string.strip()) <= MAX_HEADLINE_OVER_BYLINE else 1
            # ...where the run reads as no narrow column's running text: no line goes on with a
            # word the line above broke off (消防處高級消 / 防區長…), and none holds the marks
            # running text breaks at (…發言人楊淑 / 儀則指出，數以萬).
            half_next = not any(_word_broken_across(lines[k - 1].string, lines[k].string)
                                or _RUNNING_TEXT_MARKS.search(lines[k].string) for k in range(t + 1, j))
        # (A space in a wider line may be two columns read across, which tells nothing.)
        if j < n and not (half_next or hints[j] is None and (_whole_title(lines[j].string) or (
                widths[j] >= widths[j - 1] + ITEM_WIDER_CELLS and " " not in lines[j].string.strip()))):
            continue
        # (The second may be wider than the first by a paragraph's indent alone; and before
        # another story's headline, running text would have ended on a stop.)
        if not (half_next and j - t > 3) and not any(widths[k] >= widths[k - 1] + ITEM_WIDER_CELLS for k in range(t + 3, j)):
            continue
        items.update(range(t + 1, j))
    return items


# A line's hanging punctuation and squeezed marks make it up to this many cells wider or
# narrower than another line of its measure.
HANGING_CELLS = 3


class _Widths:
    """The column width around each line, from the lines near it."""

    def __init__(self, lines: list[Line]):
        self.widths = [display_width(line.string) + line.indent for line in lines]
        self.latin = [not CJK_CHAR.search(line.string[:8]) for line in lines]
        self.bold = [line.bold for line in lines]
        self._columns: list[int] | None = None
        self.lengths = [len(line.string) for line in lines]
        self.strings = [line.string for line in lines]
        self.finished = [ends_sentence(line.string) for line in lines]
        self.unwrapped = self._page_unwrapped()
        # What each line announces by its words (a byline, a credit), computed once.
        hints = _wrapped_bylines(lines, _photo_captions(
            lines, _dates_in_running_text(lines, _numbers_in_running_text(lines, [_line_hint(line.string) for line in lines]))))
        # An address alone on a line ends a sentence broken off on the line before it (see cues).
        hints = [None if h == SIGNOFF and k and cues.is_bare_address(lines[k].string)
                 and not ends_sentence(lines[k - 1].string) else h for k, h in enumerate(hints)]
        hints = [SIGNOFF if h == FURNITURE and _signs_the_story_above(lines, hints, k) else h for k, h in enumerate(hints)]
        hints = self._credits_in_running_text(lines, hints)
        # A box's facts wrapped: each label line, with the lines its value wrapped onto.
        self.fact_wraps = _wrapped_facts(lines, hints)
        self.hints: list[str | None] = _fact_lines(lines, hints)
        for k in self.fact_wraps:
            self.hints[k] = LIST_ITEM
        # Lines that are a fact box's items by their label alone: each is one whole item.
        self.facts = {i for i, (before, after) in enumerate(zip(hints, self.hints)) if before != after}
        # ...and so are a titled box's phrases that no wrap can have set (see _box_items).
        for k in _box_items(lines, self.hints, self.widths):
            self.hints[k] = LIST_ITEM
            self.facts.add(k)
        self._unit_sizes = Counter(line.display_unit for line in lines if line.display_unit is not None)
        self._carried: dict[int, int] = {}
        # The page repeats a wrapped block whole (a unit of several lines): its extractor keeps
        # a block's lines together, so lines doubled one at a time were drawn apart. Vertical
        # type, doubled a character at a time, tells nothing of that.
        wrapped = Counter(line.display_unit for line in lines if line.display_unit is not None and len(line.string.strip()) > 1)
        self.blocks_printed_twice = any(size > 1 for size in wrapped.values())

    def _credits_in_running_text(self, lines: list[Line], hints: list[str | None]) -> list[str | None]:
        """A CJK line read as a credit by its last words (人的健康需求提供, 某某攝) that fills its
        column between a full line stopping mid-sentence and a line of text is a line of that
        text: a credit closes a caption, and no bracket holds this one."""
        out = list(hints)
        for i in range(1, len(lines) - 1):
            string = lines[i].string
            if hints[i] == CREDIT and hints[i - 1] is None and hints[i + 1] is None and not self.latin[i] \
                    and not any(ch in string for ch in "（()）") and not self.finished[i - 1] \
                    and self.is_full(i - 1) and self.is_full(i) and not self.overfull(i):
                out[i] = None
        return out

    def opening_carried(self, lines: list[Line], i: int) -> int:
        """:func:`_byline_opening_carried` for line ``i``, worked out once (the segmenter asks
        it of a line as a block's start and as the line after one)."""
        carried = self._carried.get(i)
        if carried is None:
            carried = self._carried[i] = _byline_opening_carried(lines, self.hints, i)
        return carried

    def unit_size(self, line: Line) -> int:
        return self._unit_sizes[line.display_unit] if line.display_unit is not None else 0

    def column(self, i: int) -> int:
        if self._columns is None:
            self._columns = self._set_wider_columns(self._column_widths())
        return self._columns[i]

    def _set_wider_columns(self, columns: list[int]) -> list[int]:
        """Lines past their neighbours' measure that are running text cut mid-sentence
        (商务部等部门近日联合印发通知，启动…计划在今 / 年内新建…地区。) are a wider column's,
        not a headline across columns: the measure the lines near them set is another
        column's. Such a run is two lines or more past the measure, or one that a wide line
        finishing the sentence follows; its own measure is the widest of its lines. (A line
        holding a plain space is two columns' lines read across, which tells neither's measure.)"""
        n = len(columns)
        i = 0
        while i < n:
            j = i
            while j < n and self._wide_cjk(j, columns) and self.widths[j] > columns[j] * OVERFULL_SHARE + OVERFULL_CELLS:
                j += 1
            # (a line as wide as the one past the measure goes on at its measure, though the
            # hanging punctuation the first holds made only that one past the allowance)
            while j - i == 1 and j < n and self._wide_cjk(j, columns) and not self.finished[i] \
                    and abs(self.widths[j] - self.widths[i]) <= HANGING_CELLS:
                j += 1
            if j - i == 1 and j < n and self.finished[j] and not self.finished[i] \
                    and any(ch in _CLAUSE_MARKS for ch in self.strings[i]) \
                    and (self._wide_cjk(j, columns) or _word_broken_across(self.strings[i], self.strings[j])):
                j += 1
            if j - i >= 2 and any(any(ch in _CLAUSE_MARKS for ch in self.strings[k]) for k in range(i, j)):
                widest = max(self.widths[i:j])
                columns[i:j] = [widest] * (j - i)
            i = max(j, i + 1)
        return columns

    def _wide_cjk(self, i: int, columns: list[int]) -> bool:
        return not self.latin[i] and self.widths[i] > columns[i] and not _SPACE_BETWEEN_CJK.search(self.strings[i].strip())

    def _column_widths(self) -> list[int]:
        """For each line, the column's measure from the lines near it: most lines
        of a column are full ones (hanging punctuation makes a few wider, not the
        column). Where no width recurs, the 75th percentile stands in."""
        widths = self.widths
        n = len(widths)
        counts: Counter = Counter(w for w in widths[: WINDOW + 1] if w > 4)
        out = []
        for i in range(n):
            if i > 0:
                entering = i + WINDOW
                leaving = i - WINDOW - 1
                if entering < n and widths[entering] > 4:
                    counts[widths[entering]] += 1
                if leaving >= 0 and widths[leaving] > 4:
                    counts[widths[leaving]] -= 1
                    if not counts[widths[leaving]]:
                        del counts[widths[leaving]]
            # The commonest width, if it is common enough to be the measure and
            # not a couple of short lines (bylines) that happen to match.
            total = sum(counts.values())
            top = max(counts.values()) if counts else 0
            if top >= max(3, MEASURE_SHARE * total):
                column = max(w for w, c in counts.items() if c == top)
            else:
                near = sorted(widths[max(0, i - WINDOW) : i + WINDOW + 1])
                column = near[min(len(near) - 1, (3 * len(near)) // 4)]
            out.append(column)
        return out

    def _page_unwrapped(self) -> bool:
        """Wrapped text sets most lines at one of a few column widths; text that was
        never wrapped (a line per paragraph) has widths all over the place."""
        cjk = [i for i, (latin, line_len) in enumerate(zip(self.latin, self.lengths)) if not latin and line_len > 3]
        if len(cjk) < 8:
            return False
        widths = [self.widths[i] for i in cjk]
        # A big page may have a few column widths; a small one has one.
        modes = [w for w, _count in Counter(widths).most_common(max(1, min(3, len(cjk) // 20)))]
        at_measure = sum(1 for w in widths if any(abs(w - m) <= 2 for m in modes))
        # ...and its lines end where sentences end, not mid-sentence.
        finished = sum(1 for i in cjk if self.finished[i])
        # A line of running text cut off mid-clause (a clause mark in it, no stop at its end)
        # is what wrapping makes: text never wrapped has next to none, however its widths
        # vary (a short page in two measures has few lines at either one).
        cut = sum(1 for i in cjk if not self.finished[i] and any(ch in _SENTENCE_MARKS for ch in self.strings[i]))
        return at_measure < UNWRAPPED_SHARE * len(cjk) and finished >= UNWRAPPED_SHARE * len(cjk) \
            and cut < UNWRAPPED_CUT_SHARE * len(cjk)

    def is_full(self, i: int) -> bool:
        width, column = self.widths[i], self.column(i)
        slack = 0.25 if self.latin[i] else 0.12
        return width >= column * (1 - slack) or column - width <= 2

    def latin_column(self, i: int) -> int:
        """Ragged right: the column is about as wide as its longest lines."""
        lo, hi = max(0, i - WINDOW), min(len(self.widths), i + WINDOW + 1)
        near = sorted(w for w, latin, bold in zip(self.widths[lo:hi], self.latin[lo:hi], self.bold[lo:hi]) if latin and not bold)
        if not near:
            return self.column(i)
        # Headlines and captions run across columns; they are not the measure.
        median = near[len(near) // 2]
        near = [w for w in near if w <= 1.6 * median]
        return near[min(len(near) - 1, (4 * len(near)) // 5)]

    def overfull(self, i: int) -> bool:
        """Wider than its column by more than hanging punctuation allows (CJK only)."""
        return not self.latin[i] and self.widths[i] > self.column(i) * OVERFULL_SHARE + OVERFULL_CELLS

    def is_indented_first_line(self, i: int) -> bool:
        """A CJK paragraph's first line is set in by two characters: short by four to
        eight cells (digits and Latin are half-width, so allow some play)."""
        if self.latin[i]:
            return False
        short_by = self.column(i) - self.widths[i]
        return 3 <= short_by <= 8


def _blank_lines_are_reliable(lines: list[Line], widths: _Widths) -> bool:
    """Blank lines mark paragraphs only if they rarely fall inside a sentence."""
    inside = between = 0
    for i in range(1, len(lines)):
        if not lines[i].blank_before:
            continue
        previous = lines[i - 1].string
        # A body line cut off mid-sentence (a headline wider than the column is not one).
        if widths.is_full(i - 1) and not widths.overfull(i - 1) and not ends_sentence(previous):
            inside += 1
        else:
            between += 1
    total = inside + between
    if total == 0:
        return False
    # A blank after almost every line says nothing either.
    if total > 0.8 * len(lines) and inside > 0.1 * total:
        return False
    return inside <= 0.15 * total


def _uses_indentation(lines: list[Line]) -> bool:
    indented = sum(1 for line in lines if line.indent >= 2)
    return 0 < indented < 0.6 * len(lines)


def _is_vertical_char(line: Line) -> bool:
    string = line.string
    return len(string) == 1 and bool(CJK_CHAR.match(string))


# Figures a headline set upright prints a line each (城 / 市 / 书 / 房 / 2 / 4 / 小 / 时…), a
# few in a row at most.
MAX_UPRIGHT_FIGURES = 4
_FIGURE_OR_LETTER = regex.compile(r"^[0-9A-Za-z%]{1,2}$")


def _figure_set_upright(lines: list[Line], start: int, j: int) -> bool:
    """Line j, a figure or a letter alone, inside a headline set upright that began at
    ``start``: it follows the run's characters and more of them follow it, not a page number."""
    if j == start or not _FIGURE_OR_LETTER.match(lines[j].string.strip()):
        return False
    for k in range(j + 1, min(len(lines), j + MAX_UPRIGHT_FIGURES + 1)):
        if _is_vertical_char(lines[k]):
            return lines[k].display_unit == lines[start].display_unit
        if not _FIGURE_OR_LETTER.match(lines[k].string.strip()):
            return False
    return False


def segment_lines(lines: list[Line]) -> list[LineBlock]:
    """Group lines into blocks, each with the kind its first line announced (or paragraph)."""
    if not lines:
        return []
    widths = _Widths(lines)
    blanks_reliable = _blank_lines_are_reliable(lines, widths)
    indentation = _uses_indentation(lines)
    hints = widths.hints
    blocks: list[LineBlock] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        # A headline set in vertical type comes out one character per line.
        if _is_vertical_char(line):
            j = i
            # ...and two such headlines printed one after the other stay apart.
            while j < n and lines[j].display_unit == line.display_unit and (
                    _is_vertical_char(lines[j]) or _figure_set_upright(lines, i, j)):
                j += 1
            if j - i >= 3:
                blocks.append(LineBlock(VERTICAL, lines[i:j]))
                i = j
                continue
        hint = hints[i]
        kind = hint or PARAGRAPH
        block = LineBlock(kind, [line])
        start = i
        i += 1
        carried = widths.opening_carried(lines, start) if hint is None else 0
        if carried:
            # 新华社郑州10月16 / 日电（记者 赵文涛 / 刘晓燕）记者从河…: the dateline and the story's
            # first words, one block that classify parts.
            block.lines.extend(lines[i : i + carried])
            i += carried
        if kind == LIST_ITEM and _marker_before_its_item(lines, hints, start):
            # The marker alone on its line, its item's text on the next.
            block.lines.append(lines[i])
            i += 1
        # (The line below may read as a sign-off for its address: yoopq@zaobao.com.sg环境局…;
        # a marked reporter's line cut short reads as a list's item: □本报记者 马晓东 文/ / 图在…)
        if (kind in (BYLINE, SIGNOFF) or (kind == LIST_ITEM and line.string[:1] in BYLINE_MARKS)) and i < n \
                and hints[i] in (None, BYLINE, SIGNOFF) and _byline_runs_on_into_the_story(line.string, lines[i].string):
            kind = block.kind = PARAGRAPH
            block.lines.append(lines[i])
            i += 1
        if kind in SINGLE_LINE_KINDS:
            # "(Additional reporting by Grace" / "Kim)": a bracket left open runs on, though
            # never into display type (the rest may be lost, or read elsewhere); a sign-off's
            # bracket, into the note that closes it ("(Reporting by Ann Lim;" / "Editing by Kim Lee)").
            while i < n and len(block.lines) < 3 and bracket_balance(block.lines[-1].string) > 0 \
                    and (hints[i] is None or (kind == SIGNOFF and hints[i] == SIGNOFF and bracket_balance(lines[i].string) < 0)) \
                    and lines[i].bold == block.lines[-1].bold:
                block.lines.append(lines[i])
                i += 1
            if kind == BYLINE and i + 1 < n and hints[i] is None and hints[i + 1] is None \
                    and _bracketed_reporter(lines[i].string + lines[i + 1].string, block.lines[-1].string):
                block.lines.extend(lines[i : i + 2])  # 新华社郑州10月16日电 / （记者 赵文涛 刘晓 / 燕）
                i += 2
            elif kind == BYLINE and i < n and hints[i] in (None, FURNITURE) and (
                    _bracketed_reporter(lines[i].string, block.lines[-1].string)
                    or _address_under_its_byline(line.string, lines[i].string)
                    or ((line_cue(line.string) != BYLINE or _BREAKS_OFF.search(line.string))
                        and _byline_wrapped(line.string, lines[i].string))):
                block.lines.append(lines[i])
                i += 1
            elif kind == BYLINE and _byline_wrapped_twice(lines, hints, start):
                block.lines.extend(lines[i : i + 2])  # Sarah Whitfield, / Education / Correspondent
                i += 2
            elif kind == SIGNOFF and len(block.lines) == 1 and i < n and hints[i] in (None, SIGNOFF) \
                    and (_signoff_wrapped(line.string, lines[i].string) or _address_wrapped(line.string, lines[i].string)):
                block.lines.append(lines[i])
                i += 1
            if kind in (BYLINE, SIGNOFF) and i < n and _cut_at_the_edge(lines, widths, i, kind, block.lines):
                block.lines.append(lines[i])
                i += 1
            elif kind == CREDIT and len(block.lines) == 1 and i < n and hints[i] in (None, CREDIT) \
                    and _CREDIT_BREAKS_OFF.search(line.string) and lines[i].bold == line.bold \
                    and _credit_wrapped(line.string, lines[i].string):
                block.lines.append(lines[i])  # Jane Fong/Bloomberg via / Getty Images
                i += 1
        elif start in widths.fact_wraps:
            wraps = widths.fact_wraps[start]
            block.lines.extend(lines[i : i + wraps])
            i += wraps
        elif start not in widths.facts:
            while i < n and ((kind in (CAPTION, PARAGRAPH) and _caption_runs_on_to_its_credit(lines, hints, i, kind)) or (
                    hints[i] is None and (_quotation_closes_here(block.lines, lines[i], kind)
                                          or not _starts_new_block(lines, widths, i, blanks_reliable, indentation, kind)))):
                block.lines.append(lines[i])
                i += 1
        block.body_measure = (len(block.lines) > 1 and widths.is_full(start)) or any(line.word_spaced for line in block.lines)
        blocks.append(block)
    return blocks


def marker_only(string: str) -> bool:
    """A line that holds a list marker and nothing else."""
    stripped = string.strip()
    return bool(stripped) and all(ch in cues.BULLET_MARKS or ch.isspace() for ch in stripped)


def _marker_before_its_item(lines: list[Line], hints: list[str | None], i: int) -> bool:
    """Line i is a list marker alone, and the item it marks is the next line. An engine that
    sets a list's markers as glyphs in boxes of their own (outside the item's line box) leaves
    them to the extractor as lines of their own: one right before its item's text when the
    extractor reads in position order, or all of them in a row elsewhere (at the end of the
    page, drawn last) when it reads in drawing order. A run of markers marks no line after it."""
    if not marker_only(lines[i].string) or i + 1 >= len(lines) or (i > 0 and marker_only(lines[i - 1].string)):
        return False
    following = lines[i + 1].string
    return hints[i + 1] is None and not marker_only(following) and following.strip()[:1] not in cues.BULLET_MARKS


def _bracketed_reporter(string: str, byline: str) -> bool:
    """A dateline's reporter in brackets on the next line (新华社广州3月2日电 / （记者 王晓东））
    is part of the byline: the whole line is one bracket, and the two read as a byline."""
    string = string.strip()
    return (len(string) > 2 and string[0] in "（(" and string[-1] in "）)" and bracket_balance(string) == 0
            and "）" not in string[1:-1] and ")" not in string[1:-1] and line_cue(byline + string) == BYLINE)


def _is_first_line_of_paragraph(lines: list[Line], widths: _Widths, i: int) -> bool:
    """Line i opens a paragraph by its indentation: set in, unfinished, after a finished
    sentence or a line that announced itself (a byline)."""
    if not widths.is_indented_first_line(i) or ends_sentence(lines[i].string) or lines[i].bold:
        return False
    if i == 0 or lines[i].blank_before or lines[i - 1].bold != lines[i].bold:
        return True
    previous = lines[i - 1].string
    return (ends_sentence(previous) or widths.hints[i - 1] is not None
            # (or the last line of a byline wrapped: 中央社記者林佳慧台北15 / 日電)
            or (i > 1 and widths.hints[i - 2] == BYLINE and _byline_wrapped(lines[i - 2].string, previous))
            or (i > 1 and ends_sentence(lines[i - 2].string) and _looks_like_subhead(lines, widths, i - 1))
            or _title_wrap_ended(lines, widths, i))


# Marks inside a CJK sentence: a line holding one is running text, not a title.
_CLAUSE_MARKS = "，、；"
# Two columns' lines read across meet at a space with no figure or Latin letter beside it; a
# space beside one is the gap a typesetter sets between scripts (价 4,999 元).
_SPACE_BETWEEN_CJK = regex.compile(r"(?<![A-Za-z0-9.,%])\s+(?![A-Za-z0-9])")
# Marks that put a subhead's words into a sentence (a colon is fine: 劏房戶：只求有扇窗).
_SENTENCE_MARKS = "，。、；！？,.;!?"


def _looks_like_subhead(lines: list[Line], widths: _Widths, i: int) -> bool:
    """A short unpunctuated line followed by a paragraph's indented first line
    (not by a two-line paragraph's last line)."""
    return (not any(ch in _SENTENCE_MARKS for ch in lines[i].string)
            and i + 1 < len(lines) and widths.is_indented_first_line(i + 1)
            and not ends_sentence(lines[i + 1].string) and not _one_short_measure(lines, widths, i, i + 3))


def _one_short_measure(lines: list[Line], widths: _Widths, start: int, end: int) -> bool:
    """Lines start..end - 1, three or more, are as wide as each other, and all but the last
    (which may close on a quote) are CJK title lines: where they stop short of the column,
    a title wrapped at its own measure (乡村医生坚守三 / 十年　“村里人 / 就是我的家人”), not
    a subhead over a paragraph's first line set in, which full lines follow."""
    if start < 0 or end > len(lines) or end - start < 3:
        return False
    measure = widths.widths[start]
    return measure >= MIN_TITLE_MEASURE and all(widths.widths[k] == measure for k in range(start, end)) \
        and _title_lines(lines, widths, start, end - 1) and not widths.latin[end - 1]


def _runs_on_at_its_own_measure(lines: list[Line], widths: _Widths, i: int) -> bool:
    """Lines i - 2 and i - 1, running text with no sentence ended (a clause's mark in them or
    line i: titles have none), are exactly as wide as each other and narrower than the column,
    and line i is no wider: text wrapped at a measure of its own (a pull quote's box: 考巴士業
    的做 / 法，容許業界 / 輸入有經驗的 / 內地司機。), whose lines run on though each falls
    short of the column's."""
    if i < 2 or any(widths.latin[k] or widths.hints[k] is not None for k in (i - 2, i - 1, i)):
        return False
    measure = widths.widths[i - 1]
    return measure >= MIN_TITLE_MEASURE and widths.widths[i - 2] == measure and widths.widths[i] <= measure \
        and not widths.is_full(i - 1) and not widths.finished[i - 2] and not widths.finished[i - 1] \
        and all(_FULL_WIDTH_LINE.match(lines[k].string.strip()) for k in (i - 2, i - 1)) \
        and any(ch in _CLAUSE_MARKS for k in (i - 2, i - 1, i) for ch in lines[k].string)


def _wrapped_at_edge(lines: list[Line], widths: _Widths, i: int) -> bool:
    """Line i of a run of display lines is as wide as the widest of them: it wrapped."""
    lo = i
    while lo > 0 and lines[lo - 1].bold and not lines[lo].blank_before:
        lo -= 1
    hi = i + 1
    while hi < len(lines) and lines[hi].bold and not lines[hi].blank_before:
        hi += 1
    widest = max(widths.widths[lo:hi])
    if hi - lo < 2 or ends_sentence(lines[i].string) or i + 1 >= hi:
        return False
    if widths.latin[i]:
        next_word = lines[i + 1].string.split(" ", 1)[0]
        return widths.widths[i] + 1 + len(next_word) > widest * 0.95
    return widths.widths[i] >= widest - 2


MAX_SUBHEAD_WORDS = 8
MAX_SUBHEAD_LINES = 2
_PHRASE_PUNCT = regex.compile(r"[.,;!?\"“”()]")


def _ends_sentence_case_subhead(lines: list[Line], last: int) -> bool:
    """Lines ``last`` and before it, since the last full stop, read as a subhead set in
    sentence case (``Subsidy review``, ``What readers can`` / ``expect``): a few words,
    a capital first and a lower-case word last, no punctuation of a sentence. A sentence
    cut at a line end stops on a capitalised name as often as not (``The Transport`` /
    ``Department said``); a subhead's last word is lower case."""
    first = last
    while first > 0 and last - first < MAX_SUBHEAD_LINES and not ends_sentence(lines[first - 1].string):
        first -= 1
    if first == 0 or not ends_sentence(lines[first - 1].string) or lines[first].bold:
        return False
    words = " ".join(line.string for line in lines[first : last + 1]).split()
    return (2 <= len(words) <= MAX_SUBHEAD_WORDS and words[0][:1].isupper() and words[0].lower() not in _SENTENCE_OPENERS
            and all(w.islower() for w in words[1:] if w.isalpha()) and words[-1].isalpha()
            and words[-1] not in FUNCTION_WORDS and not any(_PHRASE_PUNCT.search(w) for w in words))


# A line ending on one of these stops mid-phrase; a sentence, not a subhead, starts with the others.
FUNCTION_WORDS = frozenset(
    "a an the and or but nor of to in on at by for from with about into over than as that which who "
    "said says is are was were be been has have had will would can could may might its their his her".split())
_SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i you his her its their our this that these those there in on at "
    "but and mr ms mrs dr".split())


MAX_HEADLINE_WORDS = 18
_INNER_STOP = regex.compile(r"[.!?;]\s")


def _titles_a_byline(lines: list[Line], hints: list[str | None], i: int) -> bool:
    """English line i (with at most one wrapped line after it) stands right above a byline:
    it is the story's headline or deck, whatever ran before it. Papers set the byline under
    the headline, and an extractor that cuts a column mid-sentence (pdftotext at its own
    block breaks) otherwise runs the headline on into the text above. Running text right
    above a byline reads otherwise: it opens lower case or on a quote, has a sentence stop
    or a trailing comma in it, or ends on a word no headline ends on (the, of, said)."""
    end = next((k for k in (i + 1, i + 2) if k < len(lines) and hints[k] == BYLINE), None)
    if end is None or any(hints[k] is not None for k in range(i, end)) or any(lines[k].blank_before for k in range(i + 1, end)):
        return False
    title = " ".join(line.string.strip() for line in lines[i:end])
    words = title.split()
    if bracket_balance(title) != 0 or (i > 0 and bracket_balance(lines[i - 1].string) > 0):
        return False  # the rest of a bracket: Lamma (Yung Shue / Wan): HK$20.70
    return (title[:1].isupper() and 2 <= len(words) <= MAX_HEADLINE_WORDS and not ends_sentence(title)
            and not _INNER_STOP.search(title) and title[-1] not in ",;:-–—" and words[-1].lower() not in FUNCTION_WORDS
            and not CJK_CHAR.search(title))


# Lines around a full stop, and how many of them hold a word alone, in a justified line an
# extractor broke at every gap: five in six. A narrow ragged column sets a long word or two
# alone too (two-year / restoration. / Conservators); there, the words alone in a row before
# the next line's do not fit one line of the column, as a printed line's words would.
LONE_WORD_WINDOW = (3, 2)
MIN_LONE_WORD_LINES = 5


def _lone_word(line: Line) -> bool:
    return " " not in line.string.strip()


def _in_a_run_of_lone_words(lines: list[Line], i: int, column: int) -> bool:
    if not (i > 1 and _lone_word(lines[i]) and _lone_word(lines[i - 1]) and _lone_word(lines[i - 2])
            and lines[i - 2].blank_before == 0):
        return False
    before, after = LONE_WORD_WINDOW
    window = lines[max(0, i - before): i + after + 1]
    if sum(1 for line in window if _lone_word(line)) >= min(MIN_LONE_WORD_LINES, len(window)):
        return True
    first = i
    while first > 0 and _lone_word(lines[first - 1]) and lines[first].blank_before == 0:
        first -= 1
    return sum(len(line.string.strip()) + 1 for line in lines[first:i + 1]) - 1 <= column


def _latin_break(lines: list[Line], widths: _Widths, i: int, blanks_reliable: bool) -> bool:
    """Ragged-right English: a line ended by choice if the next word would have fit on it."""
    line, previous = lines[i], lines[i - 1]
    if line.blank_before and blanks_reliable:
        return True
    column = widths.latin_column(i - 1)
    next_word = line.string.split(" ", 1)[0]
    if ends_in_title_abbreviation(previous.string):
        return False  # Dr. / Elena Russo: a title goes on to its name
    if ends_sentence(previous.string):
        # A justified line an extractor broke at every wide word gap comes out a word a
        # line; a paragraph's last line is never justified, so a full stop inside such a
        # run of single words ends a sentence, not the paragraph.
        if _in_a_run_of_lone_words(lines, i, column):
            return False
        # News paragraphs are a sentence or two: after a full stop, a capital
        # or an opening quote starts a new one unless the text plainly runs on.
        return not line.string[0].islower()
    if line.string[0].islower():
        return False
    if _ends_sentence_case_subhead(lines, i - 1) and line.string[0].isupper():
        return True
    # Justification can make an extractor break a line at every wide gap,
    # one word a line: a run of such fragments runs on.
    if " " not in previous.string and (" " not in line.string or (i > 1 and " " not in lines[i - 2].string)):
        return False
    # A proportional font fits more or fewer letters than the count says: a
    # line ended by choice leaves clear room for the next word.
    roomy = widths.widths[i - 1] + 1 + len(next_word) <= column * 0.75
    return roomy and widths.widths[i - 1] < 0.6 * column


_ITEM_RUNS_ON = ",:;-–—/(&"


# An English line this much wider than its column's measure runs across columns.
LATIN_OVERRUN = 1.4
LATIN_WIDE_NEIGHBOUR = 1.2


def _wrapped_tail(string: str) -> bool:
    """The rest of a wrapped title (``before launch``): lower case, no sentence ended."""
    return string[:1].islower() and not ends_sentence(string)


def _lone_wide_line(lines: list[Line], widths: _Widths, i: int) -> bool:
    """English line i runs well past its column's measure while the lines either side keep
    to it, and ends no sentence: a headline across columns, printed among the column's
    lines (an extractor that follows the drawing order prints it where it was drawn), not a
    line of the paragraph it stands in. A paragraph in a wide column has wide lines around."""
    string = lines[i].string.strip()
    if not widths.latin[i] or ends_sentence(string):
        return False
    # A line opening in lower case or holding a sentence's end is two columns' lines read
    # across as one (default pdftotext does that), not a headline.
    if string[:1].islower() or _INNER_STOP.search(string):
        return False
    column = widths.latin_column(i)
    if widths.widths[i] <= LATIN_OVERRUN * column:
        return False
    if not all(widths.widths[k] <= column for k in (i - 1, i + 1) if 0 <= k < len(lines)):
        return False
    # ...and no other line near it runs wide: a wide column's lines come many together.
    lo, hi = max(0, i - WINDOW), min(len(lines), i + WINDOW + 1)
    return not any(widths.widths[k] > LATIN_WIDE_NEIGHBOUR * column for k in range(lo, hi)
                   if k != i and widths.latin[k] and lines[k].string != lines[i].string)


def _latin_item_finished(item_line: str, next_line: str) -> bool:
    """An English list item rarely wraps onto a capital: its phrase ran on only if it stops
    on a comma or colon, an open bracket, a word no phrase ends on, or a name (400 Elm /
    Street). A line that stops on a plain lower-case word (Water gardens after sunset), on
    a sum of money or a share (HK$20.70 / Library scraps…), or on a number before a word
    that opens sentences (May 2, 2027 / The measure…), ended the item; a headline or the
    story's next paragraph follows."""
    tail = item_line.rstrip()
    if not next_line[:1].isupper() or not tail or tail[-1] in _ITEM_RUNS_ON or bracket_balance(tail) > 0:
        return False
    last = tail.split()[-1]
    if _AMOUNT.fullmatch(last):
        return True
    if last.lower() in RUN_ON_WORDS or last[:1].isupper():
        return False
    if last.isalpha():
        return True
    return next_line.split()[0].lower() in _SENTENCE_OPENERS


# A sum of money or a share ends a fact's value (Lamma (Yung Shue Wan): HK$20.70 / Library
# scraps overdue fines): no item runs on past it onto a capital.
_AMOUNT = regex.compile(r"(?:[A-Z]{0,3}[$€£¥][\d.,]*\d|\d[\d.,]*%)[.,;]?")


def _list_item_ran_short(lines: list[Line], widths: _Widths, i: int) -> bool:
    """A bulleted item wraps at its box's measure, which its first line shows: a wrapped
    line well short of it ended the item, and what follows is something else (a run of
    headlines printed after the box)."""
    start = i - 1
    while start > 0 and widths.hints[start] is None:
        start -= 1
    return start < i - 1 and widths.widths[i - 1] < widths.widths[start] - LIST_WRAP_SLACK


def _wider_than_its_item(widths: _Widths, i: int) -> bool:
    """A CJK item's first line, bullet and all, fills its box's measure where the item wraps:
    a line wider than it is no wrap of it (■ 行车间隔：高峰4分钟 / 小贩中心推行自助回收餐具)."""
    if widths.hints[i - 1] != LIST_ITEM or widths.latin[i - 1] or widths.latin[i]:
        return False
    # (A space between words is a break a line may take short of the measure: □本报记者 / 马晓东 文/
    # / 图; but not the one between a headline's halves, 长江禁渔五年成效显著 江豚频频.)
    line = widths.strings[i]
    # (A bullet set full-width may count a cell short.)
    return SPACE_BETWEEN_HAN.search(widths.strings[i - 1]) is None and widths.widths[i] > widths.widths[i - 1] + 1 \
        and (SPACE_BETWEEN_HAN.search(line) is None or min(map(len, headline_halves(line))) >= MIN_WHOLE_HALF)


# Cells a wrapped item line may fall short of its first line (a bullet and a character).
LIST_WRAP_SLACK = 4
# A title wrapped a few characters a line: at least this many lines, within this many cells
# of each other's width, each at most this share of the item line over them.
MIN_STACK_LINES = 3
STACK_WIDTH_PLAY = 2
STACK_SHARE_OF_ITEM = 0.5


def _narrow_title_stack(lines: list[Line], widths: _Widths, i: int) -> bool:
    """After a bulleted item, lines a few characters wide, about as wide as each other and
    with no mark of a sentence (社区长者 / 食堂开进 / 老小区 / 一顿午饭): a title wrapped in a
    narrow column, not the item's wrap, which finishes the item in a line."""
    end = i + MIN_STACK_LINES
    if end > len(lines) or any(lines[k].blank_before or widths.hints[k] is not None for k in range(i + 1, end)):
        return False
    stack = widths.widths[i:end]
    return max(stack) <= STACK_SHARE_OF_ITEM * widths.widths[i - 1] and max(stack) - min(stack) <= STACK_WIDTH_PLAY \
        and _title_lines(lines, widths, i, end)


def _wrapped_title_tail(string: str, prev_string: str) -> bool:
    """One or two CJK characters on a line of their own after a line with no sentence
    mark: the end of a title wrapped short (閱讀 / 課), not a block of its own."""
    stripped = string.strip()
    return (0 < len(stripped) <= 2 and all(CJK_CHAR.match(ch) for ch in stripped)
            and not any(ch in _SENTENCE_MARKS for ch in prev_string) and len(prev_string.strip()) >= 4)


def _titled_line(lines: list[Line], widths: _Widths, i: int) -> bool:
    """Line i stops well short of the column with no mark of a sentence in it, and text
    follows: in CJK running text only a title line does that (a paragraph's last line
    ends on a stop)."""
    string = lines[i].string
    return (not widths.latin[i] and i + 1 < len(lines) and 3 <= len(string.strip())
            and not any(ch in _SENTENCE_MARKS for ch in string) and not ends_sentence(string)
            and widths.column(i) - widths.widths[i] >= SUBHEAD_SHORTFALL and not widths.overfull(i))


# Marks a typesetter never starts a line with: it carries the character before them down too.
_NO_LINE_START = "，。、；：！？）」』”’—…"
# A paragraph's first line is set in by at least this many cells from the full line above it.
INDENT_CELLS = 3


def _opens_after_column_foot(lines: list[Line], widths: _Widths, i: int) -> bool:
    """Line i - 1, running text (it has a sentence mark), fills its column and stops
    mid-sentence; line i is set in as a paragraph opens, and full lines follow it. Inside a
    paragraph a wrapped line stops short only before what it could not break or end on (a
    number or Latin word: 約 / 2,500人; a character carried down with a mark no line
    starts with: 說 / 好。」), so line i opens a paragraph, and the line before it is a
    column's foot whose story goes on elsewhere on a page an extractor read out of order.
    A blank line before it leaves the call to the blank lines; and where a space parts the
    letters of a line, the extractor set pieces from side by side on one line and may
    alternate columns line by line: there a short line among full ones tells nothing."""
    if i + 1 >= len(lines) or widths.latin[i] or widths.latin[i - 1] or lines[i].bold:
        return False
    if lines[i].blank_before or any(" " in lines[j].string.strip() for j in (i - 1, i, i + 1)):
        return False
    return (widths.is_indented_first_line(i) and widths.widths[i] <= widths.widths[i - 1] - INDENT_CELLS
            and not ends_sentence(lines[i].string)
            and any(ch in _SENTENCE_MARKS for ch in lines[i - 1].string)
            and widths.is_full(i + 1) and not widths.overfull(i + 1) and not _carried_down(lines[i + 1].string))


# A straight double quote that opens: at a line's start or after a space or bracket, before a word.
_OPENING_STRAIGHT_QUOTE = regex.compile(r'(?:^|(?<=[\s(\[—–-]))"(?=\w)')


def _quotation_closes_here(block: list[Line], line: Line, kind: str) -> bool:
    """English running text whose quotation, opened in the block and left open at a
    sentence's end, the line closes (… helped: "We advertised a post and got nine
    applicants. / Last year we got none."): the quotation, and its paragraph, go on."""
    string = line.string
    if kind != PARAGRAPH or ('"' not in string and "”" not in string) or line.bold != block[-1].bold \
            or CJK_CHAR.search(string):
        return False
    text = " ".join(piece.string for piece in block)
    if CJK_CHAR.search(text):
        return False
    curly = text.count("“") - text.count("”")
    straight_open = text.count('"') % 2 == 1 and _OPENING_STRAIGHT_QUOTE.search(text) is not None
    if not (curly > 0 or straight_open):
        return False
    first_quote = regex.search(r'["“”]', string)
    if first_quote is None:
        return False
    mark = first_quote.group()
    return mark == "”" or (mark == '"' and _OPENING_STRAIGHT_QUOTE.match(string, first_quote.start()) is None)


def _opens_a_quotation(string: str) -> bool:
    """The line ends on a quotation mark that opens (a straight one after a space, or a
    curly opening one): justification left it at the line's end, and no block ends on one."""
    string = string.rstrip()
    return string.endswith((' "', " '", "“", "‘")) and len(string) > 2


def _carried_down(string: str) -> bool:
    """The line opens on a piece that did not fit at the end of the line before."""
    head = string.strip()[:3]
    return not HAN.match(head) or any(ch in _NO_LINE_START for ch in head[1:])


# A CJK headline set whole on one line (主題　副句): each half at least this many characters,
# the second at least MIN_LAST_HALF. A shorter second half (…獲救　消防提醒 / 勿走未開發山徑;
# …價格首次 / 跌破五千元) is where the column cut it, and so is a next line shorter than a half.
MIN_HEADLINE_HALF = 5
MIN_LAST_HALF = 8


def _headline_in_halves(string: str) -> bool:
    """A CJK headline set whole on one line: two halves parted by a full-width space (or
    the plain one an extractor printed for it), no mark of a sentence, the second half as
    long as a finished one."""
    halves = headline_halves(string)
    return (len(halves) == 2 and not any(ch in _SENTENCE_MARKS for ch in string)
            and all(len(half) >= MIN_HEADLINE_HALF and CJK_CHAR.match(half[0]) for half in halves)
            and len(halves[1]) >= MIN_LAST_HALF)


def _whole_headline(lines: list[Line], widths: _Widths, i: int) -> bool:
    """Line i is a CJK headline set whole on its line, its halves parted by a full-width
    space (主題　副句): a block of its own in running text. An extractor may print a plain
    space for it, but also between two columns it reads across: a plain space counts only
    where the line before it ends a sentence or names itself (a sign-off), as the text
    before a story's headline does, and the lines either side hold none (but in a name: 記者 陳大文)."""
    string = lines[i].string
    if "\u3000" in string:
        if i + 1 < len(lines) and widths.hints[i + 1] == BYLINE:
            # Right above its byline a headline has ended, however short its second half.
            return _whole_title(string) and all(CJK_CHAR.match(half[0]) for half in headline_halves(string))
        return _headline_in_halves(string)
    if " " not in string or i == 0 or not (widths.finished[i - 1] or widths.hints[i - 1] is not None):
        return False
    return not any(" " in lines[k].string.strip() and widths.hints[k] is None for k in (i - 1, i + 1) if k < len(lines)) \
        and _headline_in_halves(string)


# A CJK title line stops at least this many cells (two characters) short of its column.
SUBHEAD_SHORTFALL = 4


def _title_lines(lines: list[Line], widths: _Widths, start: int, end: int) -> bool:
    """Lines start..end - 1 are CJK with no mark of a sentence and no space between words but
    one parting a headline's halves (a line an extractor read across columns has more), and no
    blank line parts the first two."""
    return not lines[start + 1].blank_before and all(
        not widths.latin[k] and len(headline_halves(lines[k].string)) <= 2 and not ends_sentence(lines[k].string)
        and not any(ch in _SENTENCE_MARKS for ch in lines[k].string) for k in range(start, end))


def _title_wrap_ended(lines: list[Line], widths: _Widths, i: int) -> bool:
    """A title's wrapped line (i - 1) stops at most half as wide as the line it wrapped from
    (公屋輪候時間升至六年　團體促增建過 / 渡屋) and narrower than line i: the title ends on
    it, and line i (a deck, the story's first line) is another block. A wrap's tail is what
    was left over; a line that opens a title of its own sets that title's measure. (Line i
    must not be a character carried down to stay with what it opens: 老 / 人。”)"""
    if i < 2 or widths.latin[i]:
        return False
    tail = widths.widths[i - 1]
    if not (2 * tail <= widths.widths[i - 2] and tail < widths.widths[i]) or widths.hints[i - 2] is not None \
            or not _title_lines(lines, widths, i - 2, i):
        return False
    # A bracket left open runs on (本報訊（記者陳志明香 / 港報道）); a headline set whole on
    # its line (主題　副句) wrapped nothing onto the next.
    if bracket_balance(lines[i - 2].string + lines[i - 1].string) != 0 or (
            _headline_in_halves(lines[i - 2].string) and not _second_half_wrapped(lines[i - 2].string, lines[i - 1].string)):
        return False
    string = lines[i].string
    return not ends_sentence(string) and not _carried_down(string)


# A headline's half names its subject: more than a word of two characters.
MIN_WHOLE_HALF = 4
# A CJK headline's half runs to a dozen characters at most; a line this short under its
# second half is that half's tail, not a deck (a deck names something).
MAX_HALF_CHARS = 12
MAX_SHORT_TAIL = 5


def _second_half_wrapped(head: str, tail: str) -> bool:
    """The headline's second half was cut by the column's edge (广湛高铁全线贯通　两地通行时间缩短
    / 至两小时): a few characters with no mark, that make the half no longer than a half runs."""
    tail = tail.strip()
    return 0 < len(tail) <= MAX_SHORT_TAIL and not any(ch in _SENTENCE_MARKS for ch in tail) \
        and len(headline_halves(head)[-1]) + len(tail) <= MAX_HALF_CHARS and bool(HAN.match(tail))


def _after_its_caption(widths: _Widths, i: int) -> bool:
    """A caption set wide under its photo ended its sentence, and line i stops on no mark,
    set to a column's narrow measure (▲9号线列车在车辆段进行调试。 / 果园采摘游 / 升温　农户) or
    holding a headline's halves apart (…调试。 / 秋粮收购进度过半　各地): the next story's
    headline or text, not more of the caption."""
    if widths.finished[i] or widths.widths[i] >= widths.widths[i - 1]:
        return False
    string = widths.strings[i]
    return 2 * widths.widths[i] <= widths.widths[i - 1] or (
        "\u3000" in string.strip() and not any(ch in _SENTENCE_MARKS for ch in string))


# Ideographs and the marks set in their full width: every one takes the same cell in any CJK
# font, so a line of them alone measures exactly what the count says.
_FULL_WIDTH_LINE = regex.compile(r"^[\p{Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’…—]+$")
# A CJK line this many cells (two characters) short of its measure stopped where its writer did;
# a paragraph's first line is set in by as many.
SHORT_BY_CELLS = 4
SET_IN_CELLS = 5


def _stops_a_character_short(lines: list[Line], widths: _Widths, i: int) -> bool:
    """A line of full-width characters alone that ends a sentence two characters or more short
    of its column's measure, before a line opening on an ideograph (觀眾捧場，證明本地故事有市場。」
    / 飾演祖母的…): CJK breaks a line anywhere, so the next character would have fit there; the
    paragraph ended. (Lines holding figures or Latin are narrower than their count says.)"""
    string = lines[i].string.strip()
    following = lines[i + 1].string.strip()
    short_by = widths.column(i) - widths.widths[i]
    if widths.latin[i] or short_by < SHORT_BY_CELLS or _FULL_WIDTH_LINE.match(string) is None \
            or not following[:1].isalpha() or _FULL_WIDTH_LINE.match(following[:2]) is None:
        return False
    # Short by no more than a first line's indent, after a finished line: a one-line
    # paragraph's set-in line may be full (不過，館員工會擔心夜班人手不足。 / 工會幹事…).
    return short_by > SET_IN_CELLS or i == 0 or not ends_sentence(lines[i - 1].string)


# Han characters alone fill a cell each in any font; a quote mark or a figure may be set
# narrower, and a line holding them fits more than its count of cells says.
# (pdftotext -raw gives the full-width space between a headline's halves as a plain one.)
_HAN_LINE = regex.compile(r"^[\p{Han}\u3000]+(?: [\p{Han}\u3000]+)*$")
# Cells (six characters) a title's wrapped lines fill at least: narrower lines two at a time
# are a stack's splinters (a headline set upright, a column cut in pieces), not a measure.
MIN_TITLE_MEASURE = 12


def _wider_than_its_wrap(lines: list[Line], widths: _Widths, i: int) -> bool:
    """Lines i - 2 and i - 1, a title's, wrapped at one measure (广湛高铁全线贯 / 通　两地通行时
    / 间缩短至两小时); line i is a character or more wider, which no line of that wrap can be
    but by a mark hung past its edge: it is set to another measure (the deck under the headline)."""
    if i < 2:
        return False
    measure = widths.widths[i - 1]
    if not (measure >= MIN_TITLE_MEASURE and abs(widths.widths[i - 2] - measure) <= 1 and widths.widths[i] >= measure + 2):
        return False
    return widths.hints[i - 2] is None and all(_HAN_LINE.match(lines[k].string.strip()) for k in (i - 2, i - 1, i)) \
        and _title_lines(lines, widths, i - 2, i + 1) and not _paragraph_opens_under_title(lines, widths, i - 1)


def _paragraph_opens_under_title(lines: list[Line], widths: _Widths, i: int) -> bool:
    """Line i, as wide as the title over it, is a paragraph's first line set in by two
    characters (盼着年轻人接班 / 杨德华最大的心 / 愿是有年轻医生愿意): the full line under it
    goes on with the word line i breaks off (心愿), where the title's break cuts none."""
    title, first, running = (lines[k].string.strip() for k in (i - 1, i, i + 1))
    return widths.is_indented_first_line(i) and widths.is_full(i + 1) and not widths.overfull(i + 1) \
        and in_chinese_word(first[-1] + running[0]) and not in_chinese_word(title[-1] + first[0])


def _second_half_carried_down(prev_string: str, string: str) -> bool:
    """A headline set in halves across columns whose second half stops short of a finished one
    (渣華道馬拉松破紀錄　三萬人冒雨) wrapped at its own measure: a short phrase on the next line,
    with no mark of a sentence, ends it (起步, 付約12元), though it is narrower than the column."""
    tail = string.strip()
    if not 0 < len(tail) < MIN_LAST_HALF or not CJK_CHAR.match(tail[0]) or ends_sentence(tail):
        return False
    halves = headline_halves(prev_string)
    return (len(halves) == 2 and len(halves[0]) >= MIN_HEADLINE_HALF and 0 < len(halves[1]) < MIN_LAST_HALF
            and all(CJK_CHAR.match(half[0]) for half in halves)
            and not any(ch in _SENTENCE_MARKS for ch in prev_string) and not any(ch in _SENTENCE_MARKS for ch in tail))


def _starts_new_block(lines: list[Line], widths: _Widths, i: int, blanks_reliable: bool, indentation: bool, kind: str) -> bool:
    line, previous = lines[i], lines[i - 1]
    prev_string = previous.string
    # Display type (text the page drew twice) never runs on into body type.
    if line.bold != previous.bold:
        return True
    if line.bold and kind == PARAGRAPH:
        if cues.TRAILING_CREDIT.search(prev_string) and len(line.string.split()) > 1:
            # A credit closes the caption it ends, in display type as in body type; a lone
            # word after it is the rest of the credit (AFP/Getty / Images).
            return True
        if widths.latin[i] and line.string[:1].islower() and not ends_sentence(prev_string):
            return False  # English display type opens on a capital: a lower-case line runs on (… lowest in / a decade)
        # One block printed twice is one unit (a wrapped headline), and where the page
        # prints blocks twice whole, two units are two blocks; otherwise a headline wraps
        # only where it meets its column's edge.
        if widths.unit_size(line) > 1 or widths.unit_size(previous) > 1 or (
                widths.blocks_printed_twice and line.display_unit is not None and previous.display_unit is not None):
            return line.display_unit != previous.display_unit
        if _headline_in_halves(prev_string) and len(line.string.strip()) >= MIN_HEADLINE_HALF:
            return True  # a whole headline, then a phrase of its own: a deck or another title
        return not _wrapped_at_edge(lines, widths, i - 1)
    if _opens_a_quotation(prev_string) and kind == PARAGRAPH:
        return False  # … on increases. " / Wages are not rising…: the quotation goes on here
    if _is_vertical_char(line) and i + 2 < len(lines) and _is_vertical_char(lines[i + 1]) and _is_vertical_char(lines[i + 2]):
        return True
    if indentation and line.indent >= 2 and line.indent > previous.indent:
        return True
    if _opens_paragraph(line.string):
        return True
    if widths.opening_carried(lines, i):
        return True
    if kind == CAPTION and cues.TRAILING_CREDIT.search(prev_string):
        return True
    if kind == CAPTION and bracket_balance(prev_string) > 0:
        return False  # （記者 / 劉家豪 攝）
    if widths.latin[i] and _titles_a_byline(lines, widths.hints, i):
        return True
    if widths.latin[i - 1] and not CJK_CHAR.match(line.string):
        if _lone_wide_line(lines, widths, i) or (_lone_wide_line(lines, widths, i - 1) and not _wrapped_tail(line.string)):
            return True
        if kind == LIST_ITEM and _latin_item_finished(prev_string, line.string):
            return True
        return _latin_break(lines, widths, i, blanks_reliable)
    if widths.unwrapped:
        # Lines that were never wrapped each hold a whole block.
        return True
    if quote_balance(prev_string) > 0 and quote_balance(line.string) < 0 and not widths.latin[i]:
        return False  # a quotation left open runs on to the line that closes it: “村里人就是我的 / 家人”
    if widths.is_full(i - 1) and not widths.overfull(i) and _second_half_carried_down(prev_string, line.string):
        return False
    if widths.overfull(i) or (widths.overfull(i - 1) and kind != LIST_ITEM and not _fits_but_for_its_byline(widths, i - 1)):
        # Wider than the column: a headline across columns, not a body line. (A list's
        # box sets its own measure, which the story's column beside it may not share.)
        return True
    in_list = kind == LIST_ITEM
    if in_list and (_list_item_ran_short(lines, widths, i) or _narrow_title_stack(lines, widths, i)
                    or _wider_than_its_item(widths, i)):
        return True
    if not in_list and _wrapped_title_tail(line.string, prev_string):
        return False
    if not in_list and (_title_wrap_ended(lines, widths, i) or _wider_than_its_wrap(lines, widths, i)):
        return True
    if not in_list and not widths.latin[i] and (_whole_headline(lines, widths, i) or (
            _whole_headline(lines, widths, i - 1) and len(line.string.strip()) >= MIN_HEADLINE_HALF)):
        return True  # (and a phrase of its own after it: a deck, the story's first line)
    if not in_list and not widths.is_full(i) and (_one_short_measure(lines, widths, i - 2, i + 1)
                                                  or _runs_on_at_its_own_measure(lines, widths, i)):
        return False
    full = widths.is_full(i - 1)
    sentence_done = ends_sentence(prev_string)
    if sentence_done and not in_list and not line.bold and _titled_line(lines, widths, i):
        return True  # a subhead between two paragraphs: 單車徑設限速
    if full and not sentence_done and not in_list and _opens_after_column_foot(lines, widths, i):
        return True  # a column's foot, then another piece's paragraph
    if full and not sentence_done:
        # A full line that stops mid-sentence runs on, whatever blank lines say;
        # but a line starting with a capital after a full Latin line may still be new.
        return False
    if line.blank_before and blanks_reliable:
        return True
    if sentence_done and kind == CAPTION and _after_its_caption(widths, i):
        return True
    if sentence_done:
        return not full or (widths.is_indented_first_line(i) and not ends_sentence(line.string)) \
            or _stops_a_character_short(lines, widths, i - 1)
    if _is_first_line_of_paragraph(lines, widths, i - 1):
        # ...unless it is a subhead: no punctuation, and the next line is set in too.
        return _looks_like_subhead(lines, widths, i - 1)
    if kind == LIST_ITEM:
        # An item wraps early before an unbreakable number: "約" / "3,500人".
        return widths.column(i - 1) - widths.widths[i - 1] > 8
    # A short line that ends without punctuation: a headline, a title, a caption's end.
    if kind == CAPTION:
        return True
    next_first = line.string[0]
    if next_first.islower():
        return False
    # Mid-paragraph (the line before ran full without ending a sentence), a
    # short line is a break the typesetter forced (老 / 人。” kept together).
    if i >= 2 and not previous.bold and widths.is_full(i - 2) and not ends_sentence(lines[i - 2].string) \
            and widths.hints[i - 2] is None:
        return False
    # A clause's mark inside it makes the short line running text, no title: it stops short
    # where a figure would not split (…进行约3 / 个月的…) or the measure read near it is a
    # wider story's.
    if not widths.latin[i - 1] and not previous.bold and any(ch in _CLAUSE_MARKS for ch in prev_string) \
            and CJK_CHAR.match(line.string.strip()) and not widths.latin[i]:
        return False
    return True
