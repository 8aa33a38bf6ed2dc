"""Line blocks → typed blocks: join the text, strip markers, spot title-like blocks.

Whether a title-like block is a headline, a deck or a subhead depends on the
articles around it, so this stage only marks it ``TITLE``; assembly decides.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from . import cues
from .charclass import CJK_CHAR, RUN_ON_WORDS, bracket_balance, display_width, ends_sentence
from .model import (
    BYLINE, CAPTION, CONTINUATION, CREDIT, FURNITURE, LIST_ITEM, PARAGRAPH, SIGNOFF, Block, Line, Removal, SourcedText,
)
from .repair.lines import join_wrapped_lines
from .segment import BYLINE_MARKS, VERTICAL, LineBlock, line_cue, marker_only, run_together
from .wordlists import release_word_lists

TITLE = "title"

# A title is short: at most this many half-width cells (about 36 CJK
# characters) or English words, and never a finished sentence of body text.
MAX_TITLE_WIDTH = 72
MAX_TITLE_WORDS = 18
MAX_TITLE_LINES = 3
MAX_DISPLAY_LINES = 8

# A shadow may print the marker twice, a space apart (• • Mei Lin Zhou…).
_MARKER = regex.compile(rf"^(?:[{regex.escape(cues.BULLET_MARKS + cues.CAPTION_MARKS)}\-–*]+\s*)+")
_SENTENCE_PUNCT = regex.compile(r"[。！？；]|[.!?]\s")


def is_title_like(text: str, line_count: int, display: bool = False) -> bool:
    # Display type may wrap in a narrow column, a word or two a line.
    if not text or line_count > (MAX_DISPLAY_LINES if display else MAX_TITLE_LINES):
        return False
    if CJK_CHAR.search(text):
        if display_width(text) > MAX_TITLE_WIDTH:
            return False
        # One sentence stop is allowed at the very end of an exclamation-headline.
        inner = text[:-1]
        return not _SENTENCE_PUNCT.search(inner) and text[-1] not in "。；，、：:"
    words = text.split()
    if len(words) > MAX_TITLE_WORDS or text[0].islower():
        return False
    if text.rstrip().endswith((".", ",", ";", ":")) and not text.rstrip().endswith("..."):
        return False
    return not _SENTENCE_PUNCT.search(text)


def _strip_marker(text: SourcedText) -> tuple[SourcedText, list[Removal]]:
    match = _MARKER.match(text.string)
    if not match or match.end() >= len(text.string):
        return text, []
    return text.cut([(0, match.end())], "strip_bullet_marker")


def _split_trailing_credit(text: SourcedText) -> tuple[SourcedText, SourcedText | None, list[Removal]]:
    """``…出席慶功宴。（網上圖片）`` → caption text and credit; the brackets are recorded."""
    match = cues.TRAILING_CREDIT.search(text.string)
    if not match or match.start() < 4:
        return text, None, []
    credit_group = next(name for name in cues.CREDIT_GROUPS if match.group(name))
    body = text[: match.start()].strip()
    credit = text[match.start(credit_group) : match.end(credit_group)]
    brackets = [(match.start(), match.start(credit_group)), (match.end(credit_group), match.end())]
    return body, credit, _cut_marks(text, brackets)


MAX_CREDIT_WORDS = 5


_LAST_SENTENCE_END = regex.compile(r"[。！？.!?](?:[」』”’\"')）])?\s*(?=[^。！？.!?]*$)")


def _caption(text: SourcedText, lines: list[Line], removals: list[Removal]) -> Block:
    """A caption block, its credit split off the end (bracketed, or a short name after the last sentence)."""
    body, credit, cut = _split_trailing_credit(text)
    removals.extend(cut)
    if credit is None:
        body, credit = _credit_on_last_line(lines, body)
    return Block(CAPTION, body, lines, credit=credit)


def _credit_on_last_line(lines: list[Line], text: SourcedText) -> tuple[SourcedText, SourcedText | None]:
    """A caption that ends with a short name after its last sentence:
    ``…main hall.`` / ``Museum handout``, ``…參與搜救。政府新聞處``."""
    match = _LAST_SENTENCE_END.search(text.string)
    if not match or match.end() >= len(text.string):
        return text, None
    tail = text.string[match.end():]
    words = tail.split()
    short = display_width(tail) <= 20 if CJK_CHAR.search(tail) else len(words) <= MAX_CREDIT_WORDS
    if not short or any(ch in "，,、；;：:" for ch in tail) or tail[:1].islower():
        return text, None
    return text[: match.end()].strip(), text[match.end():].strip()


def _cut_marks(text: SourcedText, intervals: list[tuple[int, int]]) -> list[Removal]:
    removals: list[Removal] = []
    for a, b in intervals:
        piece = text[a:b]
        for offset, ch in enumerate(piece.string):
            if not ch.isspace():
                removals.extend(piece[offset : offset + 1].as_removals("strip_credit_brackets"))
    return removals


_BRACKETED = regex.compile(r"^[（(]\s*(.+?)\s*[）)]$")


def _unbracket_credit(text: SourcedText) -> tuple[SourcedText, list[Removal]]:
    """A credit line printed as ``（網上圖片）`` is the credit ``網上圖片``."""
    match = _BRACKETED.match(text.string)
    if not match:
        return text, []
    inner = text[match.start(1) : match.end(1)]
    return inner, _cut_marks(text, [(0, match.start(1)), (match.end(1), len(text.string))])


def _stacked_english_titles(lines: list[Line], text: str) -> bool:
    """English titles set one under another, each opening on a capital: a headline and its
    deck, or a column of headlines printed after their stories (in a narrow column, a word
    or two a line). Each must read as a title by itself; the stack may run longer than one.
    A deck may run to clauses (…tops $2,400; / advocates urge cap), never to a sentence."""
    if len(lines) < 2 or CJK_CHAR.search(text) \
            or any(ends_sentence(line.string) and not line.string.endswith(";") for line in lines):
        return False
    parts = _split_at_capitals(lines)
    return len(parts) > 1 and all(
        is_title_like(" ".join(line.string for line in part), len(part), True)
        and not part[-1].string.rstrip().endswith(",") for part in parts)


def _split_at_capitals(lines: list[Line]) -> list[list[Line]]:
    parts: list[list[Line]] = []
    for line in lines:
        if not parts or line.string[:1].isupper():
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


# No headline or deck breaks off a clause: these marks put a block's words into running text.
_CLAUSE_MARKS = regex.compile(r"[，、。；]|[.;]\s|[.;]$")


def _opens_a_story(block: LineBlock) -> bool:
    """A line that only the top of a story carries: a byline (``記者 王五 報道`` reads as a
    sign-off too, but above the text it is the byline), a paragraph opening on one, or the
    line saying which page the story comes from."""
    first = block.lines[0].string
    if block.kind == BYLINE or (block.kind == SIGNOFF and cues.BYLINE.match(first)):
        return True
    if block.kind == CONTINUATION:
        match = cues.CONTINUATION.match(first)
        return bool(match and (match.group("from") or match.group("from_en") or match.group("from_eu")))
    if block.kind != PARAGRAPH:
        return False
    # (over a line break too: □本报记者 马晓东 文/ / 图在市区…)
    return cues.BYLINE_OPENING.match(first) is not None or (
        len(block.lines) > 1 and cues.BYLINE_OPENING.match(run_together(first, block.lines[1].string)) is not None)


def _heads_a_byline(line_blocks: list[LineBlock], index: int, string: str) -> bool:
    """Short unpunctuated text right before a byline (or a line saying where the story comes
    from), or before a deck right before one, is the headline (and deck) over it, even in type
    no doubling marked and at the column's measure."""
    if index + 1 >= len(line_blocks) or _CLAUSE_MARKS.search(string) \
            or not is_title_like(string, min(len(line_blocks[index].lines), MAX_TITLE_LINES)):
        return False
    following = line_blocks[index + 1]
    if _opens_a_story(following):
        return True
    return following.kind == PARAGRAPH and len(following.lines) <= MAX_TITLE_LINES and _deck_over_byline(line_blocks, index + 1)


# Blocks after which no story's running text goes on: a deck over a byline may follow them.
_NO_RUNNING_TEXT = frozenset({TITLE, CAPTION, CREDIT, FURNITURE, SIGNOFF})


def _deck_over_byline(line_blocks: list[LineBlock], index: int) -> bool:
    """A deck right over a byline. A deck may run to clauses a headline does not (Operator
    blames costs; riders object), though never to a finished sentence."""
    block = line_blocks[index]
    return index + 1 < len(line_blocks) and _opens_a_story(line_blocks[index + 1]) \
        and is_title_like(" ".join(line.string for line in block.lines), len(block.lines))


MAX_MEASURE_TITLE_LINES = 2
# In a narrow column a headline wraps to a third line (Storm cuts / power to 40,000 / homes);
# that many unpunctuated lines are a title only with the story running on under them.
MAX_MEASURE_TITLE_LINES_OVER_TEXT = 3


def _stands_between_stories(line_blocks: list[LineBlock], index: int, string: str) -> bool:
    """A headline in a narrow column wraps at the body's measure (Storm cuts power to /
    40,000 homes). Running text ends on a sentence mark, so a line or two (three, over its
    story) of unpunctuated title-like English between a finished unit and a paragraph that
    opens with a capital is a title, at whatever width it is set (assembly decides headline
    or subhead); so is such a line or two with no running text after it at all."""
    block = line_blocks[index]
    if CJK_CHAR.search(string) or len(block.lines) > MAX_MEASURE_TITLE_LINES_OVER_TEXT \
            or not is_title_like(string, len(block.lines)) or ends_sentence(string):
        return False
    previous = line_blocks[index - 1] if index else None
    if previous is not None and previous.kind == PARAGRAPH and not ends_sentence(previous.lines[-1].string) \
            and not _stacked_title(previous):
        return False
    following = line_blocks[index + 1] if index + 1 < len(line_blocks) else None
    if following is None or following.kind not in (PARAGRAPH, LIST_ITEM):
        return len(block.lines) <= MAX_MEASURE_TITLE_LINES and _stands_alone_as_title(string)
    # ...and the story under it runs on (one line after it may be a stray fragment).
    return following.kind == PARAGRAPH and following.lines[0].string[:1].isupper() and len(following.lines) >= 2


def _stacked_title(block: LineBlock) -> bool:
    """A block that reads as a title itself (headlines printed one under another, after
    their stories): unfinished, but no running text before what follows it."""
    string = " ".join(line.string for line in block.lines)
    return len(block.lines) <= MAX_MEASURE_TITLE_LINES and is_title_like(string, len(block.lines)) \
        and _stands_alone_as_title(string)


def _stands_alone_as_title(string: str) -> bool:
    """With no running text on either side (an extractor that emits a page's pieces out of
    order puts a headline between page furniture and photo captions), unpunctuated title-like
    English is a headline unless it breaks off on a word no phrase ends on (…supporters at)."""
    return not _CLAUSE_MARKS.search(string) and "," not in string and string.split()[-1].lower() not in RUN_ON_WORDS


# Chinese running text puts a comma or a stop every clause; this much without one is not running text.
MIN_UNPUNCTUATED_RUN = 30
_CJK_PUNCTUATION = regex.compile(r"[，。、；：！？「」『』“”（）]")


def _unpunctuated_cjk_stack(string: str, line_count: int = 1) -> bool:
    """Lines of Chinese with not one mark between them, longer than any clause: headlines
    printed one under another (after the stories, in a narrow column), not a paragraph.
    A headline may give a speaker and their words (導演：多謝觀眾捧場): a colon right
    before more characters is a headline's as much as running text's. Only one headline
    in a stack does that; a colon on most lines is a box of labels and their values."""
    colons = len(_SPEAKER_COLON.findall(string))
    if colons and 2 * colons >= line_count:
        return False
    string = _SPEAKER_COLON.sub("", string)
    return bool(CJK_CHAR.search(string)) and len(string) >= MIN_UNPUNCTUATED_RUN and not _CJK_PUNCTUATION.search(string)


_SPEAKER_COLON = regex.compile(r"：(?=\p{Han})")


def _byline_covers(string: str) -> bool:
    end = cues.byline_opening_end(string)
    return end is None or end >= len(string)


def _split_byline_opening(text: SourcedText) -> tuple[SourcedText | None, SourcedText]:
    end = cues.byline_opening_end(text.string)
    if end is None or end >= len(text.string):
        return None, text
    return text[:end].strip(), text[end:].strip()


# Running text fills its column; display type in a narrow column breaks after a word or two.
MAX_NARROW_TITLE_LINE_WORDS = 3


def _wrapped_a_word_or_two_a_line(block: LineBlock, string: str) -> bool:
    """English lines of a few words each, short of the column: a headline wrapped in a narrow
    column, which may run to as many lines as display type does even where no doubling marks it.
    A quotation opening them, or a word no phrase ends on closing them, makes them running text."""
    words = string.split()
    if block.body_measure or not words or string[0] in "\"“‘'" or words[-1].lower() in RUN_ON_WORDS:
        return False
    return all(len(line.string.split()) <= MAX_NARROW_TITLE_LINE_WORDS and not CJK_CHAR.search(line.string)
               for line in block.lines)


_BRACKET_PAIRS = ("()", "（）", "[]")
_CLOSING_BRACKETS = "".join(close for _opening, close in _BRACKET_PAIRS)


def _closes_an_unopened_bracket(string: str) -> bool:
    """The tail of a wrapped line an extractor parted from its start (a sign-off's last name,
    ``Lee)``) closes a bracket it never opened: running text cut off, never a title."""
    return any(string.count(close) > string.count(opening) for opening, close in _BRACKET_PAIRS)


# A headline run into its story's first line ends within the story's first few lines.
MAX_RUN_IN_HEADLINE_LINES = 3
MIN_RUN_IN_HEADLINE_WORDS = 3
# A headline restates its story: this many of its words (of four letters or more) come back in it.
MIN_WORDS_RESTATED = 2
_STORY_OPENING = regex.compile(r"(?<=[\p{Ll}\d] )[\"“‘']?\p{Lu}(?=\p{Ll}|\s)")
_QUOTATION_MARKS = regex.compile(r"[\"“”]")
_RESTATED_WORD = regex.compile(r"\p{L}{4,}")


def _run_in_headline_end(block: LineBlock, string: str) -> int | None:
    """Where a headline an extractor ran into its story's first line ends (Harbour wall
    rebuilt / after the gales The harbour wall…): the story opens on a capital right after
    an unpunctuated word, what comes before reads as a headline that does not break off
    mid-phrase, and the story, which runs on to finished sentences, uses its words again."""
    if len(block.lines) <= MAX_RUN_IN_HEADLINE_LINES or CJK_CHAR.search(string):
        return None
    reach = sum(len(line.string) + 1 for line in block.lines[:MAX_RUN_IN_HEADLINE_LINES])
    # Only the first capital can open the story: past it, the words before would hold it.
    match = _STORY_OPENING.search(string, 0, reach)
    if match is None:
        return None
    head, story = string[: match.start()].strip(), string[match.start():]
    return match.start() if _reads_as_run_in_headline(head) and ends_sentence(story) and _restates(head, story) else None


def _reads_as_run_in_headline(head: str) -> bool:
    words = head.split()
    # Quotation marks are reported speech (…," said bus driver): running text.
    return len(words) >= MIN_RUN_IN_HEADLINE_WORDS and is_title_like(head, 1) and not _CLAUSE_MARKS.search(head) \
        and words[-1].lower() not in RUN_ON_WORDS and not _QUOTATION_MARKS.search(head)


def _restates(head: str, story: str) -> bool:
    story_words = {word.lower() for word in _RESTATED_WORD.findall(story)}
    return len({word.lower() for word in _RESTATED_WORD.findall(head)} & story_words) >= MIN_WORDS_RESTATED


# A headline in a narrow side column: a few words a line, a line this short at most.
MAX_SIDE_HEAD_LINE_WORDS = 4
MAX_SIDE_HEAD_LINE_CHARS = 24
MIN_SIDE_HEAD_LINES = 2
MIN_SIDE_HEAD_WORDS = 3
MAX_SIDE_HEAD_WORDS = 12
_OPENS_ON_A_WORD = regex.compile(r"\p{Lu}\p{Ll}")


def _split_off_side_heads(line_blocks: list[LineBlock]) -> list[LineBlock]:
    """A headline set in a narrow column beside its story, a few words a line, that an
    extractor ran onto the end of the block before it (…per cent. / Reservoir levels / fall
    to lowest in / a decade): it opens on a capital after a finished unit (a sentence, or
    a list item), and the lines from there are all that short and read as a title."""
    out: list[LineBlock] = []
    for lb in line_blocks:
        start = _side_head_start(lb)
        if start is None:
            out.append(lb)
            continue
        out.append(LineBlock(lb.kind, lb.lines[:start], lb.body_measure))
        out.append(LineBlock(PARAGRAPH, lb.lines[start:]))
    return out


def _side_head_start(lb: LineBlock) -> int | None:
    if lb.kind not in (PARAGRAPH, LIST_ITEM) or any(CJK_CHAR.search(line.string) for line in lb.lines):
        return None
    for start in range(1, len(lb.lines) - MIN_SIDE_HEAD_LINES + 1):
        tail = lb.lines[start:]
        before = lb.lines[start - 1].string
        # (an item's value broken off on a comma goes on: Closure hours: 10am to 9pm, / Saturdays and)
        if not tail[0].string[:1].isupper() or not (lb.kind == LIST_ITEM or ends_sentence(before)) \
                or before.rstrip().endswith(","):
            continue
        if all(len(line.string.split()) <= MAX_SIDE_HEAD_LINE_WORDS and len(line.string) <= MAX_SIDE_HEAD_LINE_CHARS
               for line in tail) and _reads_as_side_head(" ".join(line.string for line in tail), len(tail)):
            return start
    return None


def _reads_as_side_head(string: str, line_count: int) -> bool:
    """A headline's words (running text set as narrow runs past a dozen words, or finishes a
    sentence), opening on a word (not a figure like HK$20.70 ending a list item)."""
    words = string.split()
    return MIN_SIDE_HEAD_WORDS <= len(words) <= MAX_SIDE_HEAD_WORDS and _OPENS_ON_A_WORD.match(string) is not None \
        and is_title_like(string, line_count, True) and not ends_sentence(string) \
        and not _CLAUSE_MARKS.search(string) and "," not in string and words[-1].lower() not in RUN_ON_WORDS \
        and not _closes_an_unopened_bracket(string)


def classify_blocks(line_blocks: list[LineBlock], known_words: frozenset[str],
                    language: str = "en") -> tuple[list[Block], list[Removal]]:
    blocks: list[Block] = []
    removals: list[Removal] = []
    line_blocks = _split_off_side_heads(line_blocks)
    for index, lb in enumerate(line_blocks):
        if lb.kind == VERTICAL:
            text = SourcedText.concat(line.text for line in lb.lines)
            blocks.append(Block(TITLE, text, lb.lines))
            continue
        text, cut = join_wrapped_lines(lb.lines, known_words, language)
        removals.extend(cut)
        kind = lb.kind
        if kind == LIST_ITEM and all(line.bold for line in lb.lines):
            kind = CAPTION  # a bulleted line in display type is a photo caption
        if kind == LIST_ITEM and 1 < len(lb.lines) <= 3 and text.string[:1] in BYLINE_MARKS \
                and line_cue(text.string) == SIGNOFF:
            # A paper's mark before its reporter's line, wrapped after 記者 (■香港文匯報記者 /
            # 葉詠詩): the sign-off that line reads as whole, not an item.
            blocks.append(Block(SIGNOFF, text, lb.lines))
            continue
        if kind in (LIST_ITEM, CAPTION) and marker_only(text.string):
            # A marker set apart from its item (see segment._marker_before_its_item) with no
            # item after it: it marks nothing here, and is no item (nor caption) of its own.
            removals.extend(text.as_removals("strip_bullet_marker"))
            continue
        if kind in (LIST_ITEM, CAPTION):
            text, cut = _strip_marker(text)
            removals.extend(cut)
        if kind == CAPTION:
            blocks.append(_caption(text, lb.lines, removals))
            continue
        if kind == CREDIT:
            text, cut = _unbracket_credit(text)
            removals.extend(cut)
            blocks.append(Block(CREDIT, text, lb.lines))
            continue
        if kind == PARAGRAPH and 1 < len(lb.lines) <= 3 and len(text.string) <= 100:
            # A byline or sign-off wrapped over lines: 本報訊（記者 何俊傑 台 / 北報道）
            joined_cue = line_cue(text.string)
            if joined_cue in (BYLINE, SIGNOFF, CONTINUATION, CREDIT) and (joined_cue != BYLINE or _byline_covers(text.string)):
                if joined_cue == CREDIT:
                    text, cut = _unbracket_credit(text)
                    removals.extend(cut)
                blocks.append(Block(joined_cue, text, lb.lines))
                continue
        if kind == PARAGRAPH:
            byline, rest = _split_byline_opening(text)
            if byline is not None:
                blocks.append(Block(BYLINE, byline, lb.lines[:1]))
                blocks.append(Block(PARAGRAPH, rest, lb.lines))
                continue
            cut = _run_in_headline_end(lb, text.string)
            if cut is not None:
                blocks.append(Block(TITLE, text[:cut].strip(), lb.lines[:1]))
                blocks.append(Block(PARAGRAPH, text[cut:].strip(), lb.lines))
                continue
            display = all(line.bold for line in lb.lines)
            if _stacked_english_titles(lb.lines, text.string):
                # "Renters face steepest increase in five years" / "Average rents…":
                # a headline and its deck, each starting with a capital.
                for part in _split_at_capitals(lb.lines):
                    joined, cut = join_wrapped_lines(part, known_words, language)
                    removals.extend(cut)
                    blocks.append(Block(TITLE, joined, part))
                continue
            if len(lb.lines) > 1 and (display or _unpunctuated_cjk_stack(text.string, len(lb.lines))) \
                    and not is_title_like(text.string, len(lb.lines), display) and all(
                    is_title_like(line.string, 1, True) for line in lb.lines):
                # Headlines drawn last can line up one under another: each its own title.
                for line in lb.lines:
                    blocks.append(Block(TITLE, line.text, [line]))
                continue
            # Display type may run to more lines; so may a narrow headline no doubling marked.
            tall = display or _wrapped_a_word_or_two_a_line(lb, text.string)
            if (display or not lb.body_measure) and is_title_like(text.string, len(lb.lines), tall):
                kind = TITLE
            elif _heads_a_byline(line_blocks, index, text.string) or _stands_between_stories(line_blocks, index, text.string):
                kind = TITLE
            elif (not blocks or blocks[-1].kind in _NO_RUNNING_TEXT) and len(lb.lines) <= MAX_TITLE_LINES \
                    and _deck_over_byline(line_blocks, index):
                # Over a byline, after a headline (or a caption, where headlines are drawn
                # apart): the deck, clauses and all (Operator blames fuel costs; commuter
                # groups call increase 'a tax on the outlying islands').
                kind = TITLE
            elif all(line.bold for line in lb.lines):
                # Display type that reads as a sentence: a photo caption.
                blocks.append(_caption(text, lb.lines, removals))
                continue
        if kind == BYLINE:
            blocks.append(Block(BYLINE, text, lb.lines))
            continue
        blocks.append(Block(kind, text, lb.lines))
    blocks = _join_titles_cut_after_a_run_on_word(_close_left_open_lines(blocks))
    blocks = _captions_before_credits(blocks)
    removals.extend(_brackets_parted_from_their_credit(blocks))
    return _rejoin_running_text_read_apart(blocks), removals


def _join_titles_cut_after_a_run_on_word(blocks: list[Block]) -> list[Block]:
    """An English title never ends on a word no phrase ends on (Gale cuts the lights to):
    an extractor that sets each line of a wrapped headline apart leaves the rest in the
    title right after it (12,000 flats), which is more of that headline, not its deck.
    A title opening on a capital is another headline (the broken-off one may be a line
    of running text read apart)."""
    kept: list[Block] = []
    for block in blocks:
        if kept and block.kind == TITLE and _breaks_off_a_title(kept[-1]) and not block.string[:1].isupper() \
                and not CJK_CHAR.search(block.string):
            head = kept[-1]
            head.text = SourcedText.concat([head.text, SourcedText.inserted(" "), block.text])
            head.lines = head.lines + block.lines
            continue
        kept.append(block)
    return kept


# A word alone (The) may have come from anywhere; a line of running text holds more.
MIN_LINE_READ_APART_WORDS = 2
# Page furniture and photo credits an extractor may emit between a line and the next.
_SET_APART_KINDS = frozenset({FURNITURE, CREDIT})


def _rejoin_running_text_read_apart(blocks: list[Block]) -> list[Block]:
    """A "title" that breaks off on a word no phrase ends on, with no title carrying it on,
    is a line of running text an extractor read apart (A single adult trip to): it goes
    back in front of the next paragraph, past furniture and credits printed in between."""
    kept: list[Block] = []
    pending: list[Block] = []
    for block in blocks:
        if _breaks_off_a_title(block) and len(block.string.split()) >= MIN_LINE_READ_APART_WORDS:
            pending.append(block)
            continue
        if pending and block.kind == PARAGRAPH:
            parts = [piece for head in pending for piece in (head.text, SourcedText.inserted(" "))]
            block.text = SourcedText.concat([*parts, block.text])
            block.lines = [line for head in pending for line in head.lines] + block.lines
            pending = []
        elif pending and block.kind not in _SET_APART_KINDS:
            kept.extend(pending)
            pending = []
        kept.append(block)
    return kept + pending


def _breaks_off_a_title(block: Block) -> bool:
    words = block.string.split()
    return block.kind == TITLE and bool(words) and words[-1].lower() in RUN_ON_WORDS and not CJK_CHAR.search(block.string)


# How many blocks back a line left open may be: an extractor that parts a sign-off from its
# last word prints that word a block or two later, not a story away.
MAX_BLOCKS_TO_OPEN_LINE = 3


def _close_left_open_lines(blocks: list[Block]) -> list[Block]:
    """A sign-off, byline or credit that opens a bracket and never closes it, then a short
    paragraph a block or two later that closes one it never opened (``(Additional
    reporting by Sara`` … ``Lee)``): one line the extractor parted. The tail goes back, and
    is no title (alone, it reads as one: short, capitalised, unpunctuated)."""
    kept: list[Block] = []
    for block in blocks:
        opener = _left_open_before(kept) if _tail_of_a_parted_line(block) else None
        if opener is None:
            kept.append(block)
            continue
        joiner = [] if CJK_CHAR.search(block.string[:1] + opener.string[-1:]) else [SourcedText.inserted(" ")]
        opener.text = SourcedText.concat([opener.text, *joiner, block.text])
        opener.lines = opener.lines + block.lines
    return kept


def _tail_of_a_parted_line(block: Block) -> bool:
    """A few words that end on a bracket they never opened (text running on past it is
    another line read into the same block)."""
    string = block.string.rstrip()
    return block.kind in (PARAGRAPH, TITLE) and string[-1:] in _CLOSING_BRACKETS \
        and _closes_an_unopened_bracket(string) and len(string.split()) <= MAX_CREDIT_WORDS


def _left_open_before(blocks: list[Block]) -> Block | None:
    for block in blocks[-MAX_BLOCKS_TO_OPEN_LINE:][::-1]:
        if block.kind in (SIGNOFF, BYLINE, CREDIT) and _opens_an_unclosed_bracket(block.string):
            return block
    return None


def _opens_an_unclosed_bracket(string: str) -> bool:
    return any(string.count(opening) > string.count(close) for opening, close in _BRACKET_PAIRS)


def _captions_before_credits(blocks: list[Block]) -> list[Block]:
    """A short paragraph printed right before a credit line is that photo's caption, unless
    a marked caption without a credit of its own follows the credit: an extractor printed
    that caption's credit above it, and the paragraph is running text."""
    for index, (block, following) in enumerate(zip(blocks, blocks[1:])):
        if (following.kind == CREDIT and block.kind in (PARAGRAPH, LIST_ITEM) and len(block.lines) <= 4
                and display_width(block.string) <= 2 * MAX_TITLE_WIDTH and not _credit_over_caption(blocks, index + 1)):
            block.kind = CAPTION
    return blocks


def _brackets_parted_from_their_credit(blocks: list[Block]) -> list[Removal]:
    """A caption whose line broke right after its credit's opening bracket (… in Singapore. ( /
    REUTERS/Edgar Su)): the bracket stays on the caption, its close on the credit; both are
    the credit's brackets, and are recorded as cut like any credit's."""
    removals: list[Removal] = []
    for block, following in zip(blocks, blocks[1:]):
        caption, credit = block.string.rstrip(), following.string.rstrip()
        if block.kind == CAPTION and following.kind == CREDIT and caption[-1:] in "(（" and credit[-1:] in ")）" \
                and bracket_balance(caption) == 1 and bracket_balance(credit) == -1:
            removals.extend(_cut_marks(block.text, [(len(caption) - 1, len(caption))]))
            removals.extend(_cut_marks(following.text, [(len(credit) - 1, len(credit))]))
            block.text = block.text[: len(caption) - 1].strip()
            following.text = following.text[: len(credit) - 1].strip()
    return removals


def _credit_over_caption(blocks: list[Block], index: int) -> bool:
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    return after is not None and after.kind == CAPTION and after.credit is None


# Characters enough to tell the scripts apart (every dev page reads right on this many);
# counting a whole page's costs more than it tells.
LANGUAGE_SAMPLE = 1200


def detect_language(text: str) -> str:
    """zh-Hant, zh-Hans, ja, ko or en, from the characters themselves (the first few
    thousand)."""
    text = text[:LANGUAGE_SAMPLE]
    # Counted as the lengths of runs: a list of every character costs more on every page.
    han_runs = _HAN_RUN.findall(text, concurrent=False)
    han = sum(map(len, han_runs))
    kana = _run_length(_KANA_RUN, text)
    hangul = _run_length(_HANGUL_RUN, text)
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    if kana > 0.05 * max(1, han + kana):
        return "ja"
    if hangul > max(han, latin // 3):
        return "ko"
    if han == 0 or latin > 3 * han:
        return latin_language(text) if latin else "und"
    from .script import traditional_or_simplified

    # Its Han characters alone, as found above: the script test reads nothing else.
    return traditional_or_simplified("".join(han_runs))


_HAN_RUN = regex.compile(r"\p{Han}+")
_KANA_RUN = regex.compile(r"[\p{Hiragana}\p{Katakana}]+")
_HANGUL_RUN = regex.compile(r"\p{Hangul}+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")  # no property class: the standard re, which runs it faster


def _run_length(pattern: "regex.Pattern", text: str) -> int:
    """How many characters of ``text`` the one-character-class ``pattern`` matches."""
    # Not concurrent: on a str the regex module lets go of the GIL and takes it back at every
    # run it finds, which makes a findall of many short runs cost half as much again.
    return sum(map(len, pattern.findall(text, concurrent=False)))


# Languages in Latin script told apart by their commonest words (wordfreq's lists).
LATIN_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl")
COMMON_WORDS = 150
MIN_WORDS = 20
_WORD = regex.compile(r"\p{L}+")


@lru_cache(maxsize=1)
def _common_words() -> dict[str, frozenset[str]]:
    from wordfreq import top_n_list

    common = {lang: frozenset(top_n_list(lang, COMMON_WORDS)) for lang in LATIN_LANGUAGES}
    release_word_lists()
    return common


def latin_language(text: str) -> str:
    """The Latin-script language whose commonest words the text uses most; English when
    the text is too short to tell."""
    words = [w.lower() for w in _WORD.findall(text, concurrent=False)[:400]]
    if len(words) < MIN_WORDS:
        return "en"
    common = _common_words()
    # Each language's hits counted by one C loop over the words, not a Python step per word.
    hits = {lang: sum(map(common[lang].__contains__, words)) for lang in LATIN_LANGUAGES}
    best = max(LATIN_LANGUAGES, key=lambda lang: (hits[lang], lang == "en"))
    return best if hits[best] > hits["en"] else "en"


__all__ = ["TITLE", "classify_blocks", "detect_language", "is_title_like"]
