"""Character classes the repairs and classifiers share."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

# Han, kana, hangul, CJK punctuation and full-width forms: characters that sit
# in a CJK line with no spaces between them.
CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f\uff00-\uffef\u2e80-\u2fdf\u31c0-\u31ef\u3200-\u32ff\u3300-\u33ff\ufe30-\ufe4f\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"
CJK_CHAR = regex.compile(f"[{CJK}]")
HAN = regex.compile(r"\p{Han}")
# A space between two Han characters: between a headline's halves, or words a line may break at.
SPACE_BETWEEN_HAN = regex.compile(r"\p{Han} +\p{Han}")
# Kana, Han and Hangul as plain ranges, so the standard library's ``re``, faster than
# ``regex`` at one search over a whole page, can tell whether a text holds CJK at all.
_CJK_LETTER = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]")


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a kana, Han or Hangul character."""
    return _CJK_LETTER.search(text) is not None
LATIN_LETTER = regex.compile(r"[A-Za-z\u00c0-\u024f]")


# One character (or none) at a time, remembered: asked of the characters either side of
# every line join, where a regex call costs ten times a look-up.
@lru_cache(maxsize=None)
def is_cjk(ch: str) -> bool:
    """``CJK_CHAR.match(ch)`` for a single character ``ch`` (False for "")."""
    return CJK_CHAR.match(ch) is not None


def joins_tight(left: str, right: str) -> bool:
    """Two texts run together with no space between them: CJK on either side of the join
    (``left`` ending, ``right`` opening); Latin takes a space."""
    return is_cjk(left[-1:]) or is_cjk(right[:1])


@lru_cache(maxsize=None)
def is_han(ch: str) -> bool:
    """``HAN.match(ch)`` for a single character ``ch`` (False for "")."""
    return HAN.match(ch) is not None

# The full-width space parting a CJK headline's halves (主題　副句); some extractors print
# it as a plain space, which CJK text otherwise has no use for between two characters.
_HALF_BREAK = regex.compile(f"\u3000|(?<=[{CJK}]) (?=[{CJK}])")


def headline_halves(string: str) -> list[str]:
    """The parts of a CJK line parted by full-width spaces, or, where it has none, by
    plain spaces between CJK characters (a line with neither is one part)."""
    string = string.strip()
    if "\u3000" in string:
        return string.split("\u3000")
    return _HALF_BREAK.split(string)


# Ends a sentence (and so, more often than not, a paragraph).
SENTENCE_END = "。！？!?.…」』”’\"'）)；;"
CLOSING_QUOTES = "」』”’\"'）)"


def bracket_balance(text: str) -> int:
    """Round brackets (half- or full-width) opened and not closed in ``text``; below zero,
    it closes brackets opened before it."""
    return text.count("(") + text.count("（") - text.count(")") - text.count("）")


def quote_balance(text: str) -> int:
    """Quotations (“”, 「」, 『』) opened and not closed in ``text``; below zero, it closes
    quotations opened before it. (Straight quotes open and close alike and tell nothing.)"""
    return (text.count("“") + text.count("「") + text.count("『")
            - text.count("”") - text.count("」") - text.count("』"))


def display_width(text: str) -> int:
    """Width in half-width cells: a CJK character takes two, as it does on the page."""
    wide = len(CJK_CHAR.findall(text))
    return len(text) + wide


# English words no phrase ends on: a line that stops on one runs on into the next.
RUN_ON_WORDS = frozenset("and or of to the a an in on for with by at from as but than that which".split())
# Marks and characters a phrase broken off before a date ends on (試驗期：2026年9月至 / 2027年7月).
LEADS_ON_TO_A_DATE = "，、：:,-–—～~至到及和与與或从從自于於由迄"


def leads_on_to_a_date(text: str) -> bool:
    """The text stops on a mark, a character or a word that leads on to a date set on the
    next line (試驗期：2026年9月至 / 2027年7月; Start date: / May 2, 2027)."""
    words = text.split()
    return bool(words) and (words[-1].lower() in RUN_ON_WORDS or text.rstrip()[-1:] in LEADS_ON_TO_A_DATE)

# Titles and the like written with a full stop before a name: "Dr." ends no sentence.
_TITLE_ABBREVIATION = regex.compile(
    r"(?:^|[\s(\"'“‘])(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Cpl|Rev|Hon|Fr|Sr|Jr|St|Mt|No|Nos|Vol|Fig|approx|vs)\.$"
)


def ends_in_title_abbreviation(text: str) -> bool:
    return bool(_TITLE_ABBREVIATION.search(text.rstrip()))


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    if not text:
        return False
    if _TITLE_ABBREVIATION.search(text):
        return False
    if text[-1] in CLOSING_QUOTES and len(text) > 1:
        # 「」『』 carry a sentence's stop inside (。」); bare, they close a quoted
        # name mid-sentence (內地「雙十一」 / 購物節). Brackets close a byline or credit.
        return text[-2] in SENTENCE_END or text[-1] in "”）)"
    return text[-1] in SENTENCE_END


# Marks running text breaks at and a headline does not carry (a headline parts its halves
# with a space); each test takes the marks its question needs. A Latin period ends a
# sentence only before a space (7.5, U.S. do not).
CJK_STOPS = "。！？；"
CJK_CLAUSE_MARKS = "，、"
LATIN_CLAUSE_MARKS = ",;!?"
CJK_CLAUSE_MARK = regex.compile(f"[{CJK_CLAUSE_MARKS}]")
CJK_CLAUSE_OR_STOP = regex.compile(f"[{CJK_CLAUSE_MARKS}{CJK_STOPS}]")
LATIN_CLAUSE_OR_STOP = regex.compile(rf"[{LATIN_CLAUSE_MARKS}]|\.(?:\s|$)")
# A stop or a clause mark in either script: text, not a headline's line, which may hold a
# colon (司機：找錢少咗好多).
RUNNING_TEXT_MARK = regex.compile(rf"[{CJK_STOPS}{CJK_CLAUSE_MARKS}{LATIN_CLAUSE_MARKS}]|\.\s")
# ...or a colon: text, not a whole headline.
TEXT_MARK = regex.compile(rf"[{CJK_STOPS}{CJK_CLAUSE_MARKS}：{LATIN_CLAUSE_MARKS}]|\.\s")


def cut_mid_clause(string: str) -> bool:
    """CJK text with a clause inside that stops on a bare character (截至9月底，約有13萬宗一般申請正在):
    running text an extractor cut off; a headline parts its halves with a space, not a comma."""
    return bool(CJK_CLAUSE_MARK.search(string)) and bool(HAN.match(string.rstrip()[-1:]))
