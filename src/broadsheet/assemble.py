"""Typed blocks → articles, in reading order.

Extraction order is not reading order: a headline may come after its own body
or at the foot of the page, a bullet box may cut a story in two. So bodies are
gathered into groups at the edges a page marks for certain (bylines open an
article, sign-offs close one, title-like blocks stand between), and each title
then goes to the group it best describes: shared words first, position second.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
import math
from operator import add

import regex

from . import cues
from .charclass import (
    CJK_CHAR, CJK_CLAUSE_MARK, CJK_CLAUSE_OR_STOP, HAN, LATIN_CLAUSE_OR_STOP, RUN_ON_WORDS, RUNNING_TEXT_MARK, TEXT_MARK,
    cut_mid_clause, ends_sentence,
)
from .classify import TITLE, is_title_like
from .model import (
    BYLINE, CAPTION, CONTINUATION, CREDIT, DECK, FURNITURE, HEADLINE, LIST_ITEM, PARAGRAPH,
    EMPTY, PULL_QUOTE, SIGNOFF, SUBHEAD, Article, Block, Removal, SourcedText,
)
from .segment import FUNCTION_WORDS, MAX_HALF_CHARS, MAX_SHORT_TAIL, MIN_LAST_HALF, MIN_WHOLE_HALF
from .wordlists import in_chinese_word

# Prior for a title printed right before a body (the usual place) or right after it.
BEFORE_BONUS = 0.45
AFTER_BONUS = 0.12
MIN_HEADLINE_SCORE = 0.2
# A title this short between two parts of one running story is a subhead.
MAX_SUBHEAD_WIDTH = 30
# ...where its two parts share this share of their rarer word pairs (those in at most two
# parts of the page): different stories on one page share next to none (under 0.05 on the
# dev set's pages), while two parts of one story share its names and subject, however
# little text the second part holds. On a page of a few parts every pair is that rare,
# common ones (表示, said) too, and two stories share more of them: there it takes twice
# as many.
SAME_STORY = 0.06
SAME_STORY_FEW_PARTS = 0.12
FEW_PARTS = 5
BYLINE_NORM = 0.6
# A title or caption looks for its body among this many groups either side:
# a page has a few dozen at most, and a huge input must stay linear.
NEARBY_GROUPS = 24

_HAN_RUN = regex.compile(r"\p{Han}+")
_WORD = regex.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_STOP = frozenset("that this with from have were will would their there they them been said says into about after over than more which when what while also some such only other".split())


def text_features(text: str) -> set[str]:
    """Han bigrams and stemmed English content words: what two texts on one story share."""
    out: set[str] = set()
    for run in _HAN_RUN.findall(text):
        if len(run) == 1:
            out.add(run)
        # Each character and the next, paired in C rather than sliced out one step at a time.
        out.update(map(add, run, run[1:]))
    for word in _WORD.findall(text):
        word = word.lower()
        if word not in _STOP:
            out.add(word[:6])
    return out


@dataclass(slots=True)
class _Group:
    """Body blocks that certainly belong to one article."""

    index: int
    byline: Block | None = None
    body: list[Block] = field(default_factory=list)
    signoff: Block | None = None
    continues: Block | None = None
    continued_from: Block | None = None
    is_box: bool = False
    titles: list[Block] = field(default_factory=list)  # titles placed right before it
    features: set[str] = field(default_factory=set)

    @property
    def closed(self) -> bool:
        return self.signoff is not None or self.continues is not None

    @property
    def empty(self) -> bool:
        return not self.body and self.byline is None and self.signoff is None and self.continued_from is None


@dataclass(slots=True)
class _TitleRun:
    titles: list[Block]
    before: _Group | None  # the group printed right after this run
    after: _Group | None  # the group printed right before it


def _continuation_direction(block: Block, at_a_story_head: bool) -> str:
    match = cues.CONTINUATION.match(block.string)
    if match and (match.group("from") or match.group("from_en") or match.group("from_eu")):
        return "continued_from"
    if match and match.group("to") and match.group("to").startswith("接") and at_a_story_head:
        # A bare 接 (接A6版) says which page joins this one, not which way: under a headline,
        # before any text, the story comes from there; after its text, it goes on there.
        return "continued_from"
    return "continues"


def _build_groups(blocks: list[Block]) -> tuple[list[_Group], list[_TitleRun], list[tuple[Block, int]], list[Block]]:
    groups: list[_Group] = []
    runs: list[_TitleRun] = []
    captions: list[tuple[Block, int, int]] = []
    unassigned: list[Block] = []
    current: _Group | None = None
    pending_titles: list[Block] = []
    interrupted = False
    # Where a page prints its headlines twice (display type), a plain title is a subhead.
    display_page = any(b.kind == TITLE and _is_display(b) for b in blocks)

    def new_group() -> _Group:
        nonlocal current, pending_titles
        group = _Group(index=len(groups))
        if pending_titles:
            runs.append(_TitleRun(pending_titles, group, groups[-1] if groups else None))
            group.titles = pending_titles
            pending_titles = []
        groups.append(group)
        current = group
        return group

    for position, block in enumerate(blocks):
        kind = block.kind
        if kind == TITLE:
            pending_titles.append(block)
            continue
        if kind == FURNITURE:
            unassigned.append(block)
            interrupted = True
            continue
        if kind in (CAPTION, CREDIT):
            captions.append((block, len(groups) - 1 if groups else 0, position))
            # Body after a photo may belong to another story: let assembly decide.
            interrupted = True
            continue
        if kind == CONTINUATION:
            # A plain title-like line between an open story's text and the jump line is that
            # text cut short where it turns the page (see below), no headline.
            at_a_story_head = current is None or current.closed or not current.body or (
                bool(pending_titles) and _is_display(pending_titles[-1]))
            if _continuation_direction(block, at_a_story_head) == "continued_from":
                if current is None or pending_titles or not current.empty or current.continued_from is not None:
                    new_group()
                current.continued_from = block
            else:
                if pending_titles and not _is_display(pending_titles[-1]) and current is not None and current.body \
                        and not current.closed:
                    # No headline sits right above a jump line: the title-like line there
                    # is the end of the story's text, cut short where it turns the page.
                    cut_end = pending_titles.pop()
                    cut_end.kind = PARAGRAPH
                    current.body.append(cut_end)
                if current is None or pending_titles or current.continues is not None:
                    new_group()
                current.continues = block
            continue
        items = _unmarked_items_before_signoff(current, pending_titles, block) if kind == SIGNOFF else None
        if items:
            # Bullets drawn as shapes leave a story's list as bare short lines before its sign-off.
            current.body.extend(items)
            pending_titles = []
        if kind == SIGNOFF and cues.BYLINE.match(block.string) and (
                current is None or pending_titles or not current.body or current.signoff is not None):
            # "記者 王五 報道" is a byline above the text and a sign-off below it.
            block.kind = kind = BYLINE
        if kind == BYLINE:
            # A story that jumped to another page (转第二版) is closed: a byline after it opens the next.
            if current is None or pending_titles or not current.empty or current.byline is not None or current.closed:
                new_group()
            current.byline = block
            continue
        if kind == SIGNOFF:
            if current is None or pending_titles or current.signoff is not None:
                new_group()
            current.signoff = block
            continue
        # Body: paragraph or list item. Items under their own title are a box,
        # an article of their own; items that follow a story's text are its list.
        is_item = kind == LIST_ITEM
        if (is_item and display_page and len(pending_titles) == 1 and not _is_display(pending_titles[0])
                and current is not None and current.body and not current.closed and not current.is_box
                and not _text_after_list(blocks, position)):
            # A list under a plain subhead that ends a story still running is the story's (a box
            # set inside a story has the story's text running on after it).
            pending_titles[0].kind = SUBHEAD
            current.body.append(pending_titles.pop())
        if (
            current is None
            or pending_titles
            or current.closed
            or (not is_item and current.is_box)
            or (interrupted and current.body)
        ):
            titled = bool(pending_titles)
            new_group().is_box = is_item and titled
        current.body.append(block)
        interrupted = False
    if pending_titles:
        runs.append(_TitleRun(pending_titles, None, groups[-1] if groups else None))
    return groups, runs, captions, unassigned


# A list that lost its bullets: at least this many lines, each a short phrase.
MIN_UNMARKED_ITEMS = 3
MAX_ITEM_WORDS = 12
MAX_ITEM_CHARS = 24


def _unmarked_items_before_signoff(current: _Group | None, titles: list[Block], signoff: Block) -> list[Block] | None:
    """Short "titles" between a story's finished text and the sign-off that closes it are
    the story's list, its bullets drawn as shapes an extractor does not print: no headline
    stands right above a sign-off, and a story ends on a sentence, not on a line that stops
    short. The text before them ends a sentence or opens the list with a colon. A reporter
    line that reads as a byline may open the next story under its own headline, a CJK line
    with a space in it is a headline's halves, and one with a comma in it is running text
    cut at a line's end: all are left alone.
    Returns the items (a CJK title block of several lines is an item a line), or None."""
    if current is None or not current.body or current.closed or current.is_box or not titles:
        return None
    last = current.body[-1]
    if cues.BYLINE.match(signoff.string) or last.kind not in (PARAGRAPH, LIST_ITEM) \
            or not (ends_sentence(last.string) or last.string.rstrip()[-1:] in ":："):
        return None
    units = _unmarked_items(titles)
    return None if units is None else _as_items(titles, units)


def _unmarked_items(titles: list[Block]) -> list[list[tuple[SourcedText, list]]] | None:
    """The printed lines of each title, if the titles read as list items that lost their
    bullets: at least MIN_UNMARKED_ITEMS short phrases in plain type."""
    if any(title.kind != TITLE or _is_display(title) for title in titles):
        return None
    units = [_title_units(title) for title in titles]
    if sum(map(len, units)) < MIN_UNMARKED_ITEMS or not all(_item_sized(text.string) for u in units for text, _lines in u):
        return None
    return units if _none_repeats_another([text.string for u in units for text, _lines in u]) else None


def _none_repeats_another(strings: list[str]) -> bool:
    """A list's items say different things; lines that hold one another's words whole are
    pieces of one title drawn again and again (離島 / 離島街渡 / 碼頭 / 碼頭翻新)."""
    packed = [_SPACES.sub("", string) for string in strings]
    return not any(i != j and a in b for i, a in enumerate(packed) for j, b in enumerate(packed))


def _as_items(titles: list[Block], units: list[list[tuple[SourcedText, list]]]) -> list[Block]:
    """The titles as list items, a CJK title of several lines an item a line."""
    items: list[Block] = []
    for title, lines_of_title in zip(titles, units):
        if len(lines_of_title) == 1:
            title.kind = LIST_ITEM
            items.append(title)
            continue
        items.extend(Block(LIST_ITEM, text, lines) for text, lines in lines_of_title)
        title.text = EMPTY  # its text now lives in the items
    return items


def _item_sized(string: str) -> bool:
    if CJK_CHAR.search(string):
        # One phrase: a comma is a clause of running text cut at a line's end (業界指，安裝新收費).
        return len(string) <= MAX_ITEM_CHARS and not _SPACES.search(string.strip()) and not CJK_CLAUSE_MARK.search(string)
    return len(string.split()) <= MAX_ITEM_WORDS


def _box_after_every_story(groups: list[_Group], runs: list[_TitleRun]) -> None:
    """Short one-line titles printed after the last story, under one title, where every story
    already has a title of its own: a box of list items whose bullets were drawn as shapes
    (an extractor prints none), set after the stories. With a story left headless, such a
    run is the page's headlines drawn last, and is left to be placed as headlines."""
    if not runs or runs[-1].before is not None or runs[-1].after is None:
        return
    run = runs[-1]
    head, rest = run.titles[0], run.titles[1:]
    if not _could_title_a_box(head):
        return
    box = _open_box(head, rest, _unmarked_items(rest), run.titles, groups)
    if box is not None:
        run.titles, run.before = [head], box


def _box_over_a_story(groups: list[_Group], runs: list[_TitleRun]) -> None:
    """The same box set over a story: its title and items, then the story's headline (and a
    deck) right above its byline, come out as one run of titles. An English headline is the
    title right above the byline, or the one before it where that title runs longer than an
    item (a deck); a CJK one is the first title set in two halves parted by an ideographic
    space (an extractor that drops that space leaves a wrapped headline's pieces looking like
    items, and the run alone). A title over three or more item lines before it is the box.
    A headless story leaves the run to the headlines drawn last."""
    for run in list(runs):
        story = run.before
        if story is None or story.byline is None or story.is_box or len(run.titles) < 2 + MIN_UNMARKED_ITEMS:
            continue
        cut = _cjk_headline_start(run.titles) if any(CJK_CHAR.search(t.string) for t in run.titles) \
            else _headline_start(run.titles)
        head, rest = run.titles[0], run.titles[1:cut]
        if cut < 1 + MIN_UNMARKED_ITEMS or not _could_title_a_box(head):
            continue
        box = _open_box(head, rest, _unmarked_items([head, *rest]) and _unmarked_items(rest), run.titles, groups)
        if box is None:
            continue
        runs.append(_TitleRun([head], box, run.after))
        run.titles = story.titles = run.titles[cut:]


# A box is narrow: its title may wrap once (How to save / water).
MAX_BOX_TITLE_LINES = 2


def _could_title_a_box(head: Block) -> bool:
    """A line or two of plain type, no longer than an item: a box's title."""
    return head.kind == TITLE and not _is_display(head) and len(head.lines) <= MAX_BOX_TITLE_LINES \
        and _item_sized(head.string)


def _open_box(head: Block, rest: list[Block], items, titles: list[Block], groups: list[_Group]) -> _Group | None:
    """The box ``head`` titles over ``rest`` read as ``items`` (None: they do not read as
    items), added to the page's groups; None where the run's titles print a story's title
    again or a story is left headless (the run is then the page's headlines drawn last)."""
    if items is None or _repeats_a_title(titles, groups) or _a_story_is_headless(groups):
        return None
    box = _Group(index=len(groups), body=_as_items(rest, items), is_box=True, titles=[head])
    groups.append(box)
    return box


def _cjk_headline_start(titles: list[Block]) -> int:
    """A CJK headline over a box: the first title set in two halves parted by an ideographic
    space (a plain space may be an extractor's gap); 0 where none is."""
    return next((k for k, title in enumerate(titles) if "\u3000" in title.string.strip()), 0)


def _headline_start(titles: list[Block]) -> int:
    """Where the headline begins in a run of English titles over a byline: the last title,
    or the one before it where the last runs longer than a list item (a deck)."""
    last = len(titles) - 1
    return last - 1 if not _item_sized(titles[last].string) else last


def _a_story_is_headless(groups: list[_Group]) -> bool:
    return any(begins and (group.body or group.byline is not None) and not any(t.kind == TITLE for t in group.titles)
               for group, _features, begins in _story_slots(groups))


# A repeated piece this long is a second print, not a chance match.
MIN_REPEATED_PIECE = 4


def _repeats_a_title(titles: list[Block], groups: list[_Group]) -> bool:
    """Some of the titles print again what a story's title says (a page that sets its
    headlines twice, or again down its edge): they are copies, not a box."""
    own = {id(title) for title in titles}
    printed = [_SPACES.sub("", t.string) for g in groups for t in g.titles if id(t) not in own]
    for title in titles:
        string = _SPACES.sub("", title.string)
        if len(string) >= MIN_REPEATED_PIECE and any(string in other or other in string for other in printed if other):
            return True
    return False


def _text_after_list(blocks: list[Block], start: int) -> bool:
    """Does running text follow the list items that begin at ``start``?"""
    following = next((b for b in blocks[start:] if b.kind != LIST_ITEM), None)
    return following is not None and following.kind == PARAGRAPH


def _similarity(a: set[str], b: set[str], df: Counter) -> float:
    """Share of the rarer distinctive features the two texts have in common."""
    if not a or not b:
        return 0.0
    shared = sum(1 for f in a & b if df[f] <= 2)
    base = min(sum(1 for f in a if df[f] <= 2), sum(1 for f in b if df[f] <= 2))
    return shared / base if base else 0.0


def _is_display(block: Block) -> bool:
    return bool(block.lines) and all(line.bold for line in block.lines)


# English subheads run to a short line of words (Next stop: the world youth championship).
MAX_SUBHEAD_WORDS = 6


def _opens_on_running_text(group: _Group) -> bool:
    """The group opens on a paragraph that ends a sentence, as the text under a subhead does
    (not a box's items, nor a second print of the title above it)."""
    return bool(group.body) and group.body[0].kind == PARAGRAPH and ends_sentence(group.body[0].string)


def _subhead_sized(block: Block) -> bool:
    if CJK_CHAR.search(block.string):
        return _title_width(block) <= MAX_SUBHEAD_WIDTH
    return len(block.string.split()) <= MAX_SUBHEAD_WORDS


def _title_width(block: Block) -> int:
    return sum(2 if CJK_CHAR.match(ch) else 1 for ch in block.string)


def _overlap(feats: set[str], group: _Group, df: Counter) -> float:
    """Share of the title's features found in the group, rarer ones weighing more."""
    if not feats:
        return 0.0
    total = hit = 0.0
    # In sorted order: a sum of floats depends on its order, and a set hands its members out
    # in an order that changes from run to run with string hashing (it changed which headline
    # won a near tie).
    for f in sorted(feats):
        seen = df[f]
        weight = 1.0 / seen if seen else 0.5
        total += weight
        if f in group.features:
            hit += weight
    return hit / total


MIN_JOINED_TITLE = 14
# Each half must point somewhere, and together better than the whole does.
SPLIT_GAIN = 0.25
MIN_HALF_SCORE = 0.2
WELL_MATCHED_TITLE = 0.7


def _split_joined_titles(title: Block, groups: list[_Group], df: Counter) -> list[Block]:
    """Two headlines set on one baseline come out as one line
    (新能源汽车下乡充电桩建到村口茶农直播带货山区好茶走出大山): split where each
    half then describes a different body far better than the whole does."""
    string = title.string
    if title.kind != TITLE or len(string) < MIN_JOINED_TITLE or not CJK_CHAR.search(string) or len(groups) < 2:
        return [title]
    units = {line.display_unit for line in title.lines}
    one_block = len(title.lines) > 1 and len(units) == 1 and None not in units
    # Vertical type, a character or two a line: one block may hold a column of headlines.
    vertical = len(title.lines) * 2 >= len(string)
    if one_block and not vertical:
        return [title]  # one block printed twice is one headline, however it wraps

    whole, _ = _best_story(string, groups, df)
    if whole >= WELL_MATCHED_TITLE:
        return [title]  # one body already explains nearly all of it
    cuts = _cuts_between_several_titles(string, groups, df) if vertical else []
    if cuts:
        bounds = [0, *cuts, len(string)]
        parts = [Block(TITLE, title.text[a:b].strip(), title.lines) for a, b in zip(bounds, bounds[1:])]
        title.text = EMPTY  # its text now lives in the parts
        return parts
    if one_block:
        return [title]
    choice = None
    for k in range(6, len(string) - 5):
        left_score, left_group = _best_story(string[:k], groups, df)
        right_score, right_group = _best_story(string[k:], groups, df)
        gain = (left_score + right_score) / 2 - whole
        if (left_group is not right_group and gain >= SPLIT_GAIN and min(left_score, right_score) >= MIN_HALF_SCORE
                and (choice is None or gain > choice[0])):
            choice = (gain, k)
    if choice is None:
        return [title]
    k = choice[1]
    parts = [Block(TITLE, title.text[:k].strip(), title.lines), Block(TITLE, title.text[k:].strip(), title.lines)]
    title.text = EMPTY  # its text now lives in the two parts
    return parts


# Three or more headlines run together: each at least this long, and each further
# one must explain this much more of the run (in rare shared word pairs).
MIN_RUN_TITLE = 5
NEW_TITLE_COST = 1.0
MAX_RUN_CHARS = 120
# A sentence's marks: a comma or a stop (headlines run together may hold 、！？ and a colon).
_RUN_TEXT_MARK = regex.compile(r"[，。；,;]|\. ")


def _cuts_between_several_titles(string: str, groups: list[_Group], df: Counter) -> list[int]:
    """Headlines printed down a page's edge in vertical type come out as one run
    of characters (甲地水災三千人撤離乙市地鐵新線通車丙校百年校慶): cut it where
    its word pairs stop being found in one story's body and start being found
    in another's. Only a cut into headlines each pointing at a body other than
    its neighbours' is returned, and only where three bodies at least share the
    run's words (two are left to the halving below). The caller asks only of a
    title read one or two characters a line.
    Where no shared word marks the seam, the cut falls mid-way between the last
    pair one story explains and the first the next one does."""
    n = len(string)
    if n < 3 * MIN_RUN_TITLE or n > MAX_RUN_CHARS or _RUN_TEXT_MARK.search(string):
        return []  # a comma or a full stop: a sentence of text, not headlines
    pairs = [string[i : i + 2] for i in range(n - 1)]
    weight = [1.0 / df[p] if df[p] else 0.0 for p in pairs]
    candidates = [g for g in groups if any(p in g.features for p in pairs)]
    if len(candidates) < 3:
        return []
    # prefix[g][i]: weight of the pairs before position i that story g's body holds
    prefix = []
    for g in candidates:
        acc = [0.0]
        for p, w in zip(pairs, weight):
            acc.append(acc[-1] + (w if p in g.features else 0.0))
        prefix.append(acc)

    def gain(gi: int, a: int, b: int) -> float:  # pairs wholly inside string[a:b]
        return prefix[gi][max(a, b - 1)] - prefix[gi][a]

    # best[b][gi]: the best cut of string[:b] whose last piece points at story gi
    NONE = (float("-inf"), None, None)
    best = [[NONE] * len(candidates) for _ in range(n + 1)]
    for b in range(MIN_RUN_TITLE, n + 1):
        for gi in range(len(candidates)):
            top = (gain(gi, 0, b), None, None)
            for a in range(MIN_RUN_TITLE, b - MIN_RUN_TITLE + 1):
                for gj in range(len(candidates)):
                    if gj == gi or best[a][gj][0] == float("-inf"):
                        continue
                    score = best[a][gj][0] + gain(gi, a, b) - NEW_TITLE_COST
                    if score > top[0]:
                        top = (score, a, gj)
            best[b][gi] = top
    gi = max(range(len(candidates)), key=lambda k: best[n][k][0])
    pieces: list[tuple[int, int, int]] = []  # (start, end, story)
    b = n
    while True:
        _score, a, gj = best[b][gi]
        pieces.append((a or 0, b, gi))
        if a is None:
            break
        b, gi = a, gj
    pieces.reverse()
    if len(pieces) < 2:
        return []
    cuts = []
    for (a0, b0, g0), (a1, b1, g1) in zip(pieces, pieces[1:]):
        # the seam: after the left story's last found pair, before the right story's first
        last = max((i for i in range(a0, b0 - 1) if pairs[i] in candidates[g0].features), default=a0)
        first = min((i for i in range(a1, b1 - 1) if pairs[i] in candidates[g1].features), default=b1 - 2)
        cuts.append(_seam(string, last + 2, first, df))
    bounds = [0, *cuts, n]
    if any(b - a < MIN_RUN_TITLE for a, b in zip(bounds, bounds[1:])):
        return []
    for (a, b), (_a, _b, g) in zip(zip(bounds, bounds[1:]), pieces):
        if _overlap(text_features(string[a:b]), candidates[g], df) < MIN_HALF_SCORE:
            return []
    return cuts


def _seam(string: str, lo: int, hi: int, df: Counter) -> int:
    """Where to cut between two headlines run together, when characters no story explains
    lie between the last pair one story's body holds (ending at ``lo``) and the first the
    next one's does (at ``hi``): mid-way, but never inside a word (…輸入外勞 / 公共圖書館…,
    not …外勞公 / 共圖書館…)."""
    if hi <= lo:
        return lo
    middle = (lo + hi + 1) // 2
    return min(range(lo, hi + 1), key=lambda c: (_word_across(string[c - 1 : c + 1], df), abs(c - middle), c))


# A CJK headline in display type runs to about two dozen characters, however many
# lines a narrow column wraps it over; past that, a further line is a deck.
MAX_HEADLINE_CHARS = 24
SAME_STORY_SHARE = 0.5
MAX_WRAPPED_END = 3
# Characters a wrapped title's line may fall short of its measure and still be no last line.
WRAP_PLAY = 1
_HEADLINE_STOP = "。；，、：:"


def _best_story(text: str, groups: list[_Group], df: Counter) -> tuple[float, _Group | None]:
    """The story whose body shares most of the text's word pairs, and that share (a tie
    goes to the later story)."""
    feats = text_features(text)
    return max(((_overlap(feats, g, df), g) for g in groups), key=lambda scored: (scored[0], scored[1].index),
               default=(0.0, None))


def _continues_headline(head: Block, piece: Block, groups: list[_Group], df: Counter) -> bool:
    """A CJK headline is set in two halves (主題　副句), each on its own line, and a
    narrow column wraps each half again: a title line that carries on the one before
    it, about the same story and within a headline's length, is more of that headline."""
    if head.kind != TITLE or piece.kind != TITLE or not CJK_CHAR.search(head.string) or not CJK_CHAR.search(piece.string):
        return False
    if head.string.rstrip()[-1:] in _HEADLINE_STOP or len(head.string) + len(piece.string) > MAX_HEADLINE_CHARS:
        return False
    if head.string.endswith(piece.string):
        return False  # a doubled copy, not more words
    if _short_tail_of_the_second_half(head, piece) or _first_half_ends_on_this_line(head, piece, df) \
            or _first_half_finished_by_a_word(head.string, piece.string, df):
        return True
    if _halves(head.string) + _halves(piece.string) - _half_cut_short(head.string, piece.string, df) \
            - _first_half_ends_here(head.string, piece.string, df) > 2:
        return False  # a headline already in two halves: a further line is a deck
    score, story = _best_story(head.string, groups, df)
    piece_score, its_story = _best_story(piece.string, groups, df)
    if score > 0:
        shared = _overlap(text_features(piece.string), story, df)
        # It shares words with the headline's story, about as many as with any other
        # (a story cut in two by a box or a jump line may hold the rest).
        if shared > 0 and shared >= SAME_STORY_SHARE * piece_score:
            return True
        # A story whose column pieces were drawn apart is several parts: the line may point
        # to another part of it, one the headline's own words point to as well.
        if shared > 0 and _overlap(text_features(head.string), its_story, df) > 0:
            return True
    # Too few words to tell: only the end of a wrapped line carries on, shorter than the
    # line it ends and printed right under it; apart from it by a blank line, only a
    # dangling end too short to stand alone (保險, 臉”).
    # A title wrapped a few characters a line goes on at its measure (社区长者 / 食堂开进 / 老小区 /
    # 一顿午饭) while its last line fills that measure (a short last line ended it): a line no
    # wider than the lines it wrapped into is more of it, and a word or two that short (…推出夜
    # / 读服务) is so whatever other story a common word of it names.
    measure = max((len(line.string) for line in head.lines), default=0)
    wrapped_on = len(head.lines) >= 2 and len(piece.string) <= measure \
        and len(head.lines[-1].string) >= measure - WRAP_PLAY
    if piece_score > 0:
        return wrapped_on and len(head.lines) >= MIN_STACKED_LINES and len(piece.string.strip()) <= MAX_WRAPPED_END \
            and not piece.lines[0].blank_before
    if piece.lines[0].blank_before:
        return len(piece.string) <= MAX_WRAPPED_END
    wrapped_end = len(piece.string) < len(head.lines[-1].string)
    return wrapped_end or wrapped_on or len(piece.string) <= MAX_WRAPPED_END


# A title stacked over this many lines at least was wrapped by a narrow column, not set in halves.
MIN_STACKED_LINES = 3


# pdftotext -raw prints the full-width space between a headline's halves as a plain one: a
# plain space between CJK characters or marks (not beside a figure or a Latin word) is that.
_PLAIN_HALF_SPACE = regex.compile(r"(?<=[\p{Han}\p{Pi}\p{Pf}\u3001-\u303f\uff01-\uff0f\uff1a-\uff20]) +"
                                  r"(?=[\p{Han}\p{Pi}\p{Pf}\u3001-\u303f\uff01-\uff0f\uff1a-\uff20])")


def _marked_halves(string: str) -> str:
    """The string, stripped, with any plain space standing between a headline's halves set
    as the full-width space the page printed there (for reading only: no text is changed)."""
    return _PLAIN_HALF_SPACE.sub("\u3000", string.strip())


def _halves(string: str) -> int:
    """The parts of a headline set on one line, told apart by the full-width space between them."""
    return 1 + _marked_halves(string).count("\u3000")


def _half_begun(string: str) -> bool:
    """The line wrapped just after the space that opens the second half (…獲救　消 / 防提醒…):
    the next line finishes that half rather than adding one."""
    _first, space, last = _marked_halves(string).rpartition("\u3000")
    return bool(space) and len(last) <= MAX_BEGUN_HALF


# A half this short after its space was cut by the column's edge, not finished.
MAX_BEGUN_HALF = 3


def _short_tail_of_the_second_half(head: Block, piece: Block) -> bool:
    """A narrow column wrapped the headline's second half, leaving a few characters on the
    next line (…“热门专业”不再 / 一家独大; …天文台考慮改發八 / 號風球): a line that short,
    printed right under a longer one, with the half it ends no longer than a half runs, is
    that half's end, not a deck."""
    last = _second_half(head)
    tail = piece.string.strip()
    return last is not None and 0 < len(tail) <= MAX_SHORT_TAIL and len(last) + len(tail) <= MAX_HALF_CHARS \
        and piece.lines[0].blank_before == 0 and len(tail) < len(head.lines[-1].string.strip()) \
        and not TEXT_MARK.search(tail) and not _SPACES.search(tail)


def _first_half_ends_on_this_line(head: Block, piece: Block, df: Counter) -> bool:
    """The line ends on the space that closes the headline's first half (长江禁渔五 / 年成效显著　/
    江豚频频“露脸”): the line above, a half begun, cut inside a word (五年), is that half's start."""
    if not piece.lines or not piece.lines[-1].half_open or any(line.half_open for line in head.lines):
        return False
    first, rest = head.string.strip(), piece.string.strip()
    return _halves(first) == 1 and _halves(rest) == 1 and len(first) + len(rest) <= MAX_HALF_CHARS \
        and _word_across(first[-1:] + rest[:1], df)


def _second_half(head: Block) -> str | None:
    """The headline's second half: after its full-width space, or after the line that ended
    on one (a half set on a line of its own, the space stripped with the line's end)."""
    _first, space, last = _marked_halves(head.string).rpartition("\u3000")
    if space:
        return last
    opened = [k for k, line in enumerate(head.lines[:-1]) if line.half_open]
    return "".join(line.string.strip() for line in head.lines[opened[-1] + 1:]) if opened else None


def _first_half_ends_here(head: str, piece: str, df: Counter) -> bool:
    """A narrow column cut the headline's first half short of its space, and the next line
    opens on the rest of it, where the half they make is no longer than a half runs and the
    cut falls inside a word (機械人廚師進 / 駐大學飯堂 炒飯…: 進駐) or the head is as wide as
    that line, both cut by the column's edge (機械人廚師進駐 / 大學飯堂 炒飯 / 兩分鐘上碟). The
    line goes on with the head's half rather than setting a deck of two halves of its own.
    (A character or two finishing the word, 哈尔滨迎来今冬首场大 / 雪　市民…, the caller has
    asked first: _first_half_finished_by_a_word.)"""
    if _halves(head) != 1:
        return False
    first, space, rest = _marked_halves(piece).partition("\u3000")
    if not space or not first or not HAN.match(first):
        return False
    across = _word_across(head.strip()[-1:] + first[:1], df)
    head_width = len(_SPACES.sub("", head))
    return head_width + len(first) <= MAX_HALF_CHARS and (across or head_width >= len(first) + len(rest))


def _first_half_finished_by_a_word(head: str, piece: str, df: Counter) -> bool:
    """The line opens on a character or two that finish the word the line above broke off,
    then the halves' space (社区长者食堂开进老小 / 区　一顿午饭只要十元): the headline's first
    half ends there, and the line is more of it, never a deck of its own."""
    if _halves(head) != 1:
        return False
    first, space, _rest = _marked_halves(piece).partition("\u3000")
    return bool(space) and 0 < len(first) <= MAX_BEGUN_HALF and bool(HAN.match(first)) \
        and _word_across(head.strip()[-1:] + first[:1], df)


def _word_across(pair: str, df: Counter) -> bool:
    """The two characters a line break parted make a word: one the page's stories use, or
    one of the language's (多付 is in no story that says 增加約12元)."""
    return df[pair] > 0 or (len(pair) == 2 and all(HAN.match(ch) for ch in pair) and in_chinese_word(pair))


def _half_cut_short(head: str, piece: str, df: Counter) -> bool:
    """The headline's second half was cut by the column's edge and the next line is the rest
    of it, not a deck: the half is just begun, or it stops shorter than a finished one, the
    line completes it within a half's length, and the cut falls inside a word the stories
    use (…天文台考 / 慮改發八號風球: 考慮; …導演：多 / 謝觀眾捧場: 多謝). A short half that is
    whole (…明年動工 / 立法會通過撥款) leaves a pair no story prints."""
    _first, space, last = _marked_halves(head).rpartition("\u3000")
    if not space:
        return False
    if len(last) <= MAX_BEGUN_HALF:
        return True
    rest = piece.strip()
    return (len(last) < MIN_LAST_HALF and len(last) + len(rest) <= MAX_HALF_CHARS
            and _word_across(last[-1:] + rest[:1], df))


# Two lines alone may be one headline or a headline and a deck: their words decide that
# (_join_headline_lines). A longer run is several headlines drawn together.
MIN_PAIRED_RUN = 4


def _pair_headline_halves(titles: list[Block]) -> list[Block]:
    """A CJK headline is set in two halves (主題　副句), a line each. Where an extractor
    emits several headlines together, away from their stories (column pieces drawn out of
    order), the halves' words may point at different pieces of one story; but a run of such
    short lines, an even number of them, is that many headlines read two lines at a time."""
    if len(titles) < MIN_PAIRED_RUN or len(titles) % 2 or not all(_lone_half(t) for t in titles):
        return titles
    paired = []
    for head, tail in zip(titles[::2], titles[1::2]):
        paired.append(Block(TITLE, SourcedText.concat([head.text, tail.text]), head.lines + tail.lines))
        head.text = tail.text = EMPTY  # their text now lives in the paired headline
    return paired


def _lone_half(title: Block) -> bool:
    """A whole half on its line: long enough to name something, too short for two halves,
    with no space inside where a narrow column would have wrapped it."""
    string = title.string.strip()
    return (title.kind == TITLE and bool(HAN.search(string)) and MIN_WHOLE_HALF <= len(string) <= MAX_HALF_CHARS
            and not _SPACES.search(string) and string[-1:] not in _HEADLINE_STOP and not TEXT_MARK.search(string))


def _join_headline_lines(titles: list[Block], groups: list[_Group], df: Counter,
                         story_word_pairs: Callable[[], set[tuple[str, str]]]) -> list[Block]:
    """``story_word_pairs``: the page's English word pairs, read once a page when first asked."""
    joined: list[Block] = []
    for title in titles:
        runs_on = bool(joined) and _english_headline_may_run_on(joined[-1], title) \
            and _words_run_on(joined[-1].string, title.string, story_word_pairs())
        if joined and (runs_on or _continues_headline(joined[-1], title, groups, df)):
            head = joined[-1]
            gap = [SourcedText.inserted(" ")] if runs_on else []
            joined[-1] = Block(TITLE, SourcedText.concat([head.text, *gap, title.text]), head.lines + title.lines)
            head.text = title.text = EMPTY  # their text now lives in the joined headline
            continue
        joined.append(title)
    return joined


_LATIN_WORD = regex.compile(r"[A-Za-z][A-Za-z'’-]*")


def _english_headline_may_run_on(head: Block, piece: Block) -> bool:
    """Two English title lines, the first stopping on no mark, within a headline's length."""
    if head.kind != TITLE or piece.kind != TITLE or CJK_CHAR.search(head.string) or CJK_CHAR.search(piece.string):
        return False
    head_string, piece_string = head.string.strip(), piece.string.strip()
    return bool(head_string) and bool(piece_string) and head_string[-1] not in ".!?;:,'\"’”" \
        and len(head_string.split()) + len(piece_string.split()) <= MAX_TRAIL_WORDS


def _word_pairs_of_the_stories(groups: list[_Group]) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for group in groups:
        for block in group.body:
            words = _LATIN_WORD.findall(block.string.lower())
            pairs.update(zip(words, words[1:]))
    return pairs


def _words_run_on(head: str, piece: str, pairs: set[tuple[str, str]]) -> bool:
    """A narrow column wrapped the headline inside a name its stories print whole (…close
    Elm / Street to cars…: Elm Street): the next line is more of it, not a deck, though it
    opens on a capital as a deck does."""
    last = _LATIN_WORD.findall(head.lower())[-1:]
    first = _LATIN_WORD.findall(piece.lower())[:1]
    if not last or not first or last[0] in FUNCTION_WORDS or first[0] in FUNCTION_WORDS:
        return False
    return (last[0], first[0]) in pairs and head.split()[-1][:1].isupper() and piece.split()[0][:1].isupper()


def _position_priors(titles, df: Counter) -> tuple[float, float]:
    """Does this page print headlines above their bodies or below them?

    Each title votes for the neighbour it shares more words with; the page's
    majority sets which neighbour gets the larger prior.
    """
    above = below = 0
    for title, run in titles:
        if run.before is None or run.after is None:
            continue  # only a title between two bodies can say which it belongs to
        feats = text_features(title.string)
        after_score = _overlap(feats, run.before, df) if run.before is not None else 0.0
        before_score = _overlap(feats, run.after, df) if run.after is not None else 0.0
        if after_score > before_score + 0.1:
            above += 1
        elif before_score > after_score + 0.1:
            below += 1
    if below > above:
        return AFTER_BONUS, BEFORE_BONUS
    return BEFORE_BONUS, AFTER_BONUS


# A title whose words one body holds this well (shares of its rarer words) has a story:
# a body it shares no word with does not take it for being printed next to it (a page
# whose column pieces an extractor emitted out of order puts headlines by other stories).
WORDS_BEFORE_POSITION = 0.4
NO_PRIOR = (0.0, 0.0)


def _headline_score(feats: set[str], group: _Group, run: _TitleRun, df: Counter, priors: tuple[float, float]) -> float:
    before_prior, after_prior = priors
    prior = 0.0
    if run.before is group:
        prior = before_prior
    elif run.after is group:
        prior = after_prior
    return _overlap(feats, group, df) + prior


def assemble_articles(blocks: list[Block], removed: list[Removal] | None = None) -> tuple[list[Article], list[Block]]:
    blocks = _headlines_read_as_text(blocks)
    groups, runs, captions, unassigned = _build_groups(blocks)
    _box_after_every_story(groups, runs)
    _box_over_a_story(groups, runs)
    for group in groups:
        group.features = text_features(" ".join(b.string for b in group.body))
    df: Counter = Counter()
    for group in groups:
        df.update(group.features)

    # 1. Subheads: a short title between two parts of one running story. Where
    # the page sets its headlines in display type (printed twice), a plain one
    # is a subhead; otherwise the two parts must share their words.
    display_headlines = any(_is_display(t) for run in runs for t in run.titles)
    # Where most titles are followed by a byline, a story without one did not start.
    between = [run for run in runs if run.before is not None and run.after is not None]
    bylined = sum(1 for run in between if run.before.byline is not None)
    bylines_open_stories = len(between) >= 2 and bylined >= BYLINE_NORM * len(between)
    # Subheads lower that share on a page of long stories: counted only over the titles that
    # could not be one (several of them, or too long), which head stories for certain, it says
    # a short title with running text and no byline under it is a subhead.
    heading = [run for run in between if len(run.titles) > 1 or not _subhead_sized(run.titles[0])]
    headed_stories_bylined = len(heading) >= 2 and sum(
        1 for run in heading if run.before.byline is not None) >= BYLINE_NORM * len(heading)
    same_story = SAME_STORY if len(groups) >= FEW_PARTS else SAME_STORY_FEW_PARTS
    for run in runs:
        nxt, prev = run.before, run.after
        if (
            nxt is not None and prev is not None and len(run.titles) == 1
            and not prev.closed and not prev.is_box and not nxt.is_box
            and nxt.byline is None and nxt.continued_from is None
            and _subhead_sized(run.titles[0])
            and ((display_headlines and not _is_display(run.titles[0]))
                 or bylines_open_stories
                 or (headed_stories_bylined and _opens_on_running_text(nxt))
                 or _similarity(prev.features, nxt.features, df) >= same_story)
        ):
            run.titles[0].kind = SUBHEAD
    # (Titles a run printed after every story are placed on its parts in order: a part under
    # a subhead may be a box the story's text ran on into, and keeps the title it is given.)
    story_of = _stories_run_on_past_subheads(runs)

    # 2. Every other title goes to the body it describes best.
    owner: dict[int, int] = {}
    best_headline: dict[int, tuple[float, int]] = {}
    placed: dict[int, int] = {}
    placed_head: dict[int, int] = {}  # the story's headline from a run printed after every story
    story_word_pairs = cache(lambda: _word_pairs_of_the_stories(groups))
    for run in runs:
        aligned = _align_trailing_run(run, groups, df, display_headlines)
        if aligned is not None:
            run.titles, owners = aligned
            placed.update(owners)
            continue
        nearby = _nearby(groups, _run_position(run))
        run.titles = [part for t in run.titles for part in _split_joined_titles(t, nearby, df)]
        run.titles = _join_headline_lines(_pair_headline_halves(run.titles), groups, df, story_word_pairs)
    titles = [(t, run) for run in runs for t in run.titles if t.kind == TITLE]
    priors = _position_priors(titles, df)
    choices: dict[int, list[tuple[float, int]]] = {}
    for ti, (title, run) in enumerate(titles):
        if id(title) in placed:
            gi = owner[ti] = placed[id(title)]
            best_headline.setdefault(gi, (float("inf"), ti))
            placed_head.setdefault(gi, ti)
            continue
        if run.before is not None and run.before.is_box and title is run.titles[-1]:
            # A box's title sits right above its items and rarely shares their words.
            owner[ti] = run.before.index
            best_headline[run.before.index] = (float("inf"), ti)
            continue
        feats = text_features(title.string)
        nearby = _nearby(groups, _run_position(run))
        if nearby:
            weight = CUT_TEXT_WEIGHT if cut_mid_clause(title.string) else 1.0
            overlaps = [_overlap(feats, g, df) for g in nearby]
            # Shared words first, position second: a title whose words one body nearby holds
            # well is not placed by position alone over it, on a body that shares none of them.
            placed_by_words = max(overlaps) >= WORDS_BEFORE_POSITION
            scored = [(_headline_score(feats, g, run, df, NO_PRIOR if placed_by_words and not shared else priors)
                       * weight, story_of.get(g.index, g.index), shared > 0) for g, shared in zip(nearby, overlaps)]
            choices[ti] = _best_per_story(scored)
    _assign_headlines(choices, owner, best_headline, {ti for ti, (title, _run) in enumerate(titles) if _is_display(title)})

    titles_of_group: dict[int, list[int]] = {}
    for ti, gi in owner.items():
        titles_of_group.setdefault(gi, []).append(ti)
    titles_above: dict[int, list[int]] = {}
    for ti, (_title, run) in enumerate(titles):
        gi = owner.get(ti)
        if gi is not None and run.before is not None and run.before.index == gi:
            titles_above.setdefault(gi, []).append(ti)

    # 3. Merge groups that continue the story before them.
    articles: list[Article] = []
    article_of_group: dict[int, Article] = {}
    previous_story: tuple[_Group, Article] | None = None
    for group in groups:
        has_headline = group.index in best_headline
        subheads = [t for t in group.titles if t.kind == SUBHEAD]
        continues_previous = (
            previous_story is not None
            and not has_headline
            and group.byline is None
            and group.continued_from is None
            and not group.is_box
            and not previous_story[0].closed
        )
        if continues_previous:
            _prev_group, article = previous_story
            _append_body(article, subheads, group.body)
            # The earlier part was open, so these slots are still free.
            article.signoff = group.signoff
            article.continues = group.continues
            article_of_group[group.index] = article
            # The merged part now decides whether the story is closed.
            previous_story = (group, article)
            continue
        article = Article(byline=group.byline, signoff=group.signoff, continues=group.continues,
                          continued_from=group.continued_from)
        if subheads and not has_headline:
            article.body.extend(subheads)
        article.body.extend(group.body)
        articles.append(article)
        article_of_group[group.index] = article
        if not group.is_box:
            previous_story = (group, article)

    # 4. Headlines and decks onto their articles; a headline with no story of its own
    # heads a story left without one, or stands alone.
    strays: list[Block] = []
    for ti, (title, run) in enumerate(titles):
        gi = owner.get(ti)
        article = article_of_group.get(gi) if gi is not None else None
        if article is None:
            title.kind = HEADLINE
            strays.append(title)
            continue
        if gi in placed_head:
            heads = placed_head[gi] == ti
        else:
            heads = _heads(ti, gi, titles, titles_above, best_headline, titles_of_group.get(gi, []))
        if heads and article.headline is None:
            title.kind = HEADLINE
            article.headline = title
        else:
            title.kind = DECK
            article.subheadlines.append(title)
    for article in articles:
        if article.headline is None and article.subheadlines:
            article.headline = article.subheadlines.pop(0)
            article.headline.kind = HEADLINE
        _put_the_headline_over_a_fragment(article)
        if removed is not None:
            _drop_repeated_decks(article, removed)

    # 5. Captions to the article they illustrate; credits onto their captions.
    _attach_captions(captions, groups, article_of_group, articles, unassigned)

    # 6. Pull quotes repeat a line of their own article: set them aside.
    for article in articles:
        _set_aside_pull_quotes(article, unassigned)
    articles = _set_aside_stray_pull_quotes(articles, unassigned)
    articles.extend(_pair_strays(strays, articles, display_headlines))
    if removed is not None:
        _drop_titles_printed_again(articles, removed)

    if _in_drawing_order(blocks):
        articles = _regroup_by_story_words(articles)
    articles = _join_headless_parts([a for a in articles if a.blocks()])
    articles.sort(key=_reading_position)
    _account_for_every_block(blocks, articles, unassigned)
    return articles, unassigned


_TRAIL_KINDS = frozenset({TITLE, FURNITURE, CAPTION, CREDIT})


def _headlines_read_as_text(blocks: list[Block]) -> list[Block]:
    """Among the headlines a page drew after all its text, a CJK headline that an
    extractor set as a line of its own at the column's measure reads as a paragraph
    (长江禁渔五年成效显著江豚频频“露脸”), and several wrapped lines of headlines as one
    (颱風「白鷺」逼近 / 天文台考慮改發八號風球 / 專線小巴試行電子支付 / 司機：找錢少 / 咗好多).
    Past the last story's text, a short CJK block with no stop, comma or colon, next to a
    title, is a title, and a block of such lines is a title a line: running text there
    would end on a stop, and would break a line at a comma now and then."""
    end = len(blocks)
    while end > 0 and (blocks[end - 1].kind in _TRAIL_KINDS or _reads_as_headline(blocks[end - 1])
                       or _lines_of_titles(blocks[end - 1])):
        end -= 1
    zone = [b for b in blocks[end:] if b.kind != FURNITURE]
    stacks = []
    # From the last title back, so that each block made a title lets the one before it be one.
    for k in range(len(zone) - 1, -1, -1):
        block = zone[k]
        if block.kind != PARAGRAPH:
            continue
        beside_a_title = any(0 <= i < len(zone) and zone[i].kind == TITLE for i in (k - 1, k + 1))
        if beside_a_title and _reads_as_headline(block):
            block.kind = TITLE
        elif _lines_of_titles(block) and (beside_a_title or len(block.lines) >= MIN_STACK_ALONE):
            block.kind = TITLE
            stacks.append(block)
    if not stacks:
        return blocks
    stacked = {id(stack) for stack in stacks}
    out = []
    for block in blocks:
        if id(block) in stacked:
            out.extend(Block(kind=TITLE, text=line.text.strip(), lines=[line]) for line in block.lines)
        else:
            out.append(block)
    return out


# Lines of titles with no title beside them: at least this many (two could be a caption's).
MIN_STACK_ALONE = 3


def _lines_of_titles(block: Block) -> bool:
    """A CJK block of several short lines, none with a mark running text breaks at."""
    return block.kind == PARAGRAPH and len(block.lines) >= 2 and all(
        HAN.search(line.string) and len(_SPACES.sub("", line.string)) <= MAX_HEADLINE_CHARS
        and not RUNNING_TEXT_MARK.search(line.string) for line in block.lines) \
        and "".join(line.string for line in block.lines) == block.string


def _reads_as_headline(block: Block) -> bool:
    string = _SPACES.sub("", block.string)
    return (block.kind == PARAGRAPH and bool(HAN.search(string)) and len(string) <= MAX_HEADLINE_CHARS
            and not TEXT_MARK.search(string))


def _headline_like(title: Block, display_headlines: bool) -> bool:
    """Set like a headline: in display type where the page has any, and not running text cut off."""
    return (_is_display(title) or not display_headlines) and not cut_mid_clause(title.string)


def _put_the_headline_over_a_fragment(article: Article) -> None:
    """A CJK "headline" that breaks a clause (主辦單位表示，明年會把) or is too short to name
    anything (星期二, off the folio), over a deck that reads as a whole headline in two halves
    (中秋燈會吸引十萬人次　巨型玉兔成打卡熱點); or a headline that is the start of its own
    deck (老字號餅店 over 老字號餅店第三代接手…), a copy cut short: a fragment read just
    above took the top of the run. The whole one heads the story; the fragment stays, as
    its deck. (A headline merely in one phrase over a deck in two halves keeps its place:
    that deck is as often the next story's headline.) English likewise: a line of running
    text over a deck that reads as a headline."""
    head = article.headline
    if head is None:
        return
    for index, deck in enumerate(article.subheadlines):
        if _cut_short_copy(head.string, deck.string) or _whole_over_a_part(head.string, deck.string) \
                or _headline_under_running_text(head.string, deck.string):
            head.kind, deck.kind = DECK, HEADLINE
            article.headline, article.subheadlines[index] = deck, head
            return


def _headline_under_running_text(head: str, deck: str) -> bool:
    """English: a "headline" that is running text (it finishes a sentence, breaks off on a
    comma, a dash or a word no phrase ends on, or opens a quotation) over a deck that reads
    as a headline."""
    return not HAN.search(head + deck) and _reads_as_running_text(head) and _reads_as_english_headline(deck)


# A line of running text cut off at a comma or a dash, or a clause ended inside it.
_RUNNING_TEXT_BREAK = regex.compile(r"[,;:—–-]$|[.;!?][\"”’']?\s")
_OPENING_QUOTES = "\"“‘'"


def _reads_as_running_text(string: str) -> bool:
    string = string.strip()
    words = string.split()
    return bool(words) and (ends_sentence(string) or bool(_RUNNING_TEXT_BREAK.search(string))
                            or words[-1].lower() in RUN_ON_WORDS or string[0] in _OPENING_QUOTES)


MIN_ENGLISH_HEADLINE_WORDS = 3


def _reads_as_english_headline(string: str) -> bool:
    string = string.strip()
    words = string.split()
    return len(words) >= MIN_ENGLISH_HEADLINE_WORDS and is_title_like(string, 1) \
        and not _reads_as_running_text(string) and string[0].isupper()


def _cut_short_copy(head: str, deck: str) -> bool:
    """A CJK headline short of its second half that its deck starts with, the deck running
    on by a half's worth at least (a headline already in two halves is whole, and a deck
    running on from it is more words; a character more is a stray one read into the copy)."""
    if not HAN.search(head) or _whole_headline(head):
        return False
    head, deck = _SPACES.sub("", head), _SPACES.sub("", deck)
    return len(deck) >= len(head) + MIN_WHOLE_HALF and deck.startswith(head)


def _whole_over_a_part(head: str, deck: str) -> bool:
    if not HAN.search(head):
        return False
    if _reads_as_whole_cjk_headline(deck):
        return _no_headline_of_its_own(head)
    # An extractor that drops the space between a headline's halves leaves a phrase as long
    # as two: over running text cut mid-clause, that phrase is the headline. (A headline in
    # two halves may hold a comma: 价格战升级　消费者：功能多了，毛病也多了.)
    return cut_mid_clause(head) and not _whole_headline(head) and _reads_as_cjk_phrase(deck) \
        and len(_SPACES.sub("", deck)) >= 2 * MIN_WHOLE_HALF


def _reads_as_cjk_phrase(string: str) -> bool:
    return bool(HAN.search(string)) and _fits_headline(string) and not TEXT_MARK.search(string)


def _no_headline_of_its_own(string: str) -> bool:
    """Running text cut mid-clause, a word or two, a half cut off at its colon (司機：), or a
    credit in brackets (（政府新聞處）): nothing a headline is."""
    string = _SPACES.sub("", string)
    return bool(CJK_CLAUSE_MARK.search(string)) or len(string) < MIN_WHOLE_HALF \
        or string[-1:] in _HEADLINE_STOP or (string[:1] in "（(" and string[-1:] in "）)")


def _reads_as_whole_cjk_headline(string: str) -> bool:
    return bool(HAN.search(string)) and _whole_headline(string) and _fits_headline(string) \
        and not CJK_CLAUSE_MARK.search(string)


def _pair_strays(strays: list[Block], articles: list[Article], display_headlines: bool) -> list[Article]:
    """A headline that shares no words with any story, and a story left without a headline
    (a box of figures under a title that names none of them): a page that prints its
    headlines apart from their stories (all at the end, in a rail) leaves both, and they
    belong together, taken in the order the page prints them. The rest stand alone."""
    headless = [a for a in articles if a.headline is None and a.body]
    alone = []
    for title in strays:
        if headless and _headline_like(title, display_headlines):
            headless.pop(0).headline = title
        else:
            alone.append(Article(headline=title))
    return alone


# Shorter titles recur on purpose (a standing head over each of a page's briefs).
MIN_REPEATED_CJK = 6
MIN_REPEATED_LATIN = 20
_SPACES = regex.compile(r"\s+")


def _compared(title: str) -> str:
    """A title as copies of it are compared: CJK without its spaces (a copy may set them or
    not), English word for word (``Art Fair`` is no copy out of ``Heart Fairground``)."""
    if CJK_CHAR.search(title):
        return _SPACES.sub("", title)
    return " " + " ".join(title.split()) + " "


def _drop_repeated_decks(article: Article, removed: list[Removal]) -> None:
    """A deck that only repeats its own headline (or an earlier deck), in whole or
    in part, is a second print of it: a page's headlines set again in vertical type
    down its edge. It is removed, not kept as a deck saying the same thing."""
    if article.headline is None:
        return
    seen = [_compared(article.headline.string)]
    kept = []
    for deck in article.subheadlines:
        string = _compared(deck.string)
        # An English deck of two words or more that a title above holds word for word.
        if _long_enough(deck.string, MIN_REPEATED_DECK_WORDS) and any(string in earlier for earlier in seen):
            removed.extend(deck.text.as_removals("repeated_title"))
            deck.text = EMPTY
            continue
        seen.append(string)
        kept.append(deck)
    article.subheadlines = kept


# A story has a deck or two; a stack of more "decks" is running text (vertical type read a
# few characters a line) whose repeated phrases are the text's own, no second print.
MAX_DECKS_OF_A_STORY = 3
# Characters of the title printed next to it a copy may run into (二 or 五千元 before a title).
MAX_SPILL = 3
# A newspaper page has a few dozen titles; a "page" of hundreds is an index, a table or text
# read as titles, whose repeats are its own (and comparing each with each would take long).
MAX_TITLES_COMPARED = 200
# A fragment of a title, heading nothing, is a copy of it from this length on.
MIN_TITLE_FRAGMENT = 4
MIN_REPEATED_PIECE_LATIN = 12


def _drop_titles_printed_again(articles: list[Article], removed: list[Removal]) -> None:
    """A title the page printed a second time, away from the first (an OCR layer's copy of
    a headline, vertical type set again down the page's edge), is removed as
    ``repeated_title``. Of two prints of one title, the one heading its story's text stays
    (else the first). A headline over its story's text stays whatever repeats it; any other
    title goes where it is others run together (渣華道馬拉松破紀錄三萬人冒雨起步 +
    新收費要點, its ends allowed a few characters of a title beside it), or a piece of a
    headline over text; so does a paragraph that is nothing but the page's titles. Titles of
    a "story" with a stack of decks, and titles holding a clause or a sentence, are running
    text read as titles and are left alone."""
    titles = sorted(((title.text.start, title, article) for article in articles
                     if len(article.subheadlines) <= MAX_DECKS_OF_A_STORY
                     for title in (article.headline, *article.subheadlines) if title is not None and title.text
                     # Running text read as a title (a clause, a sentence) is no headline's copy.
                     and not CJK_CLAUSE_OR_STOP.search(title.string)),
                    key=lambda item: item[0])
    if len(titles) > MAX_TITLES_COMPARED:
        return
    keys = [_SPACES.sub("", title.string) for _start, title, _article in titles]
    drop: set[int] = set()
    # Of two prints of one title, the one heading its story's text stays (else the first).
    heads_text = [title is article.headline and bool(article.body) for _start, title, article in titles]
    for k, (_start, title, article) in enumerate(titles):
        key = keys[k]
        copies = [j for j in range(len(titles)) if j != k and j not in drop and keys[j] == key]
        if _long_enough(title.string) and any(heads_text[j] > heads_text[k] or heads_text[j] == heads_text[k] and j < k
                                              for j in copies):
            drop.add(k)
        elif heads_text[k]:
            continue  # a headline over its story's text is the print, whatever else repeats it
        elif _long_enough(title.string) and _made_of_titles(
                key, [keys[j] for j in range(len(titles)) if j != k and j not in drop]):
            drop.add(k)
        elif len(key) >= MIN_TITLE_FRAGMENT and CJK_CHAR.search(key) and any(
                key in keys[j] and key != keys[j] and (heads_text[j] or not article.body)
                for j in range(len(titles)) if j != k and j not in drop):
            drop.add(k)
    for k in sorted(drop):
        _start, title, article = titles[k]
        removed.extend(title.text.as_removals("repeated_title"))
        title.text = EMPTY
        if title is article.headline:
            article.headline = article.subheadlines.pop(0) if article.subheadlines else None
            if article.headline is not None:
                article.headline.kind = HEADLINE
        else:
            article.subheadlines.remove(title)
    kept = [keys[k] for k in range(len(titles)) if k not in drop]
    for article in articles:
        for block in [b for b in article.body if b.kind == PARAGRAPH and _runs_titles_together(b.string, kept)]:
            removed.extend(block.text.as_removals("repeated_title"))
            block.text = EMPTY
            article.body.remove(block)


def _runs_titles_together(string: str, titles: list[str]) -> bool:
    """A paragraph that is one or more of the page's titles, whole, one after another (an
    OCR layer's copies of headlines, read on one line): a copy, not text. A headline may
    give a speaker's words after a colon; running text has a clause or a sentence."""
    if CJK_CLAUSE_OR_STOP.search(string) or LATIN_CLAUSE_OR_STOP.search(string) or not _long_enough(string):
        return False
    rest = _SPACES.sub("", string)
    while rest:
        # The longest title the rest opens with, so a headline beats a title that opens it.
        head = max((t for t in titles if len(t) >= MIN_REPEATED_PIECE and rest.startswith(t)), key=len, default=None)
        if head is None:
            return False
        rest = rest[len(head):]
    return True


# A repeated English title of this many words may be chance no more; a deck repeating its
# own headline, of fewer.
MIN_REPEATED_WORDS = 3
MIN_REPEATED_DECK_WORDS = 2


def _long_enough(string: str, words: int = MIN_REPEATED_WORDS) -> bool:
    if CJK_CHAR.search(string):
        return len(_SPACES.sub("", string)) >= MIN_REPEATED_CJK
    return len(string.split()) >= words and len(string) >= MIN_REPEATED_PIECE_LATIN


def _made_of_titles(key: str, others: list[str]) -> bool:
    """``key`` is one other title whole, run together with others (or parts of them, a few
    characters at either end)."""
    whole = [other for other in others if other and other in key and len(other) < len(key)
             and len(other) >= MIN_REPEATED_PIECE]
    for other in whole:
        at = key.index(other)
        before, after = key[:at], key[at + len(other):]
        if all(not rest or len(rest) <= MAX_SPILL and any(rest in o for o in others) or rest in others
               for rest in (before, after)):
            return True
    return False


# A headless part joins the story it shares this share of its rarer word pairs with at
# least, and this margin more than with any other.
HEADLESS_PART_SHARE = 0.1
HEADLESS_PART_MARGIN = 0.05


# Regrouping by story words (see _regroup_by_story_words). A headline's words count this
# many times a paragraph's in its story's words.
HEADLINE_WEIGHT = 3
# A paragraph joins the story whose words it shares at this cosine at least, and by this
# factor more than any other story's.
MIN_STORY_COSINE = 0.05
STORY_COSINE_LEAD = 1.5
STORY_ROUNDS = 4
# Paragraphs placed by their words: at least this many, and this share of the page's.
MIN_PLACED = 4
MIN_PLACED_SHARE = 0.3
# Where this share of them (by characters) already sits under its story, the drawing order
# is the reading order and nothing moves.
READING_ORDER_AGREEMENT = 0.6
# Pages of more headed parts than this are not regrouped, nor stories whose headline and
# decks hold fewer words (Han pairs, English words) than this taken.
MAX_REGROUPED_STORIES = 12
MIN_HEADLINE_WORDS = 3
# Text with a blank line before more than this share of its blocks came from an extractor
# that read the layout.
DRAWN_BLANK_SHARE = 0.1


def _in_drawing_order(blocks: list[Block]) -> bool:
    """Text an extractor gave in the order the PDF drew it (PyMuPDF's plain text,
    ``pdftotext -raw``) sets no blank line between blocks; one that read the page's layout
    (pdfminer, poppler's default) parts its blocks with blank lines and keeps each whole."""
    firsts = [b.lines[0] for b in blocks if b.lines]
    return bool(firsts) and sum(1 for line in firsts if line.blank_before) <= DRAWN_BLANK_SHARE * len(firsts)


def _regroup_by_story_words(articles: list[Article]) -> list[Article]:
    """Where a PDF drew its column pieces out of reading order, the text an extractor gave
    in drawing order puts pieces of one story under another's headline. Each paragraph then
    goes to the headed story whose words it holds: the stories' words grow from their
    headlines and decks a round at a time (tf-idf over the page's paragraphs), and a
    paragraph is placed only where one story plainly leads. Nothing moves on a page where
    most placed paragraphs already sit under their story: its drawing order is its reading
    order, and the assembly by position stands."""
    titled = [a for a in articles if a.headline is not None]
    if len(titled) > MAX_REGROUPED_STORIES:
        return articles  # more headed parts than a news page has stories: one long document's
    seeds = [text_features(" ".join([a.headline.string] + [d.string for d in a.subheadlines])) for a in titled]
    # A heading of a word or two (`▨ 新聞１`) names no story's words; its text stays under it.
    named = [(a, seed) for a, seed in zip(titled, seeds) if len(seed) >= MIN_HEADLINE_WORDS]
    headed = [a for a, _seed in named]
    weak = {id(a) for a in titled} - {id(a) for a in headed}
    units = [(a, b) for a in articles if id(a) not in weak for b in a.body if b.kind == PARAGRAPH and b.string]
    if len(headed) < 2 or len(units) < MIN_PLACED:
        return articles
    labels = _stories_by_words([text_features(b.string) for _a, b in units], [seed for _a, seed in named])
    placed = [k for k, label in enumerate(labels) if label is not None]
    if len(placed) < max(MIN_PLACED, MIN_PLACED_SHARE * len(units)):
        return articles
    story_index = {id(a): s for s, a in enumerate(headed)}
    weight = {k: len(units[k][1].string) for k in placed}
    agreeing = sum(weight[k] for k in placed if labels[k] == story_index.get(id(units[k][0])))
    if agreeing >= READING_ORDER_AGREEMENT * sum(weight.values()):
        return articles
    for k in placed:
        article, block = units[k]
        story = headed[labels[k]]
        if story is not article:
            article.body.remove(block)
            # In its new story, the paragraph stands where the extractor printed it.
            at = next((i for i, b in enumerate(story.body) if b.text.start > block.text.start), len(story.body))
            story.body.insert(at, block)
    return articles


def _stories_by_words(paragraphs: list[set[str]], headlines: list[set[str]]) -> list[int | None]:
    """For each paragraph's words, the story (by its headline's index) it belongs to, or None."""
    df: Counter = Counter()
    for words in paragraphs + headlines:
        df.update(words)
    count = len(paragraphs) + len(headlines)
    # A word every text holds weighs nothing: each text keeps only the others, with weights.
    # In sorted order, as in _overlap: the sums below must not depend on string hashing.
    weighted = [[(w, math.log(count / df[w])) for w in sorted(words) if df[w] < count] for words in paragraphs]
    heads = [[(w, HEADLINE_WEIGHT * math.log(count / df[w])) for w in sorted(words) if df[w] < count] for words in headlines]
    norms = [math.sqrt(sum(x * x for _w, x in words)) or 1.0 for words in weighted]
    labels: list[int | None] = [None] * len(paragraphs)
    stories = range(len(headlines))
    for _round in range(STORY_ROUNDS):
        centroids: list[dict[str, float]] = [dict(words) for words in heads]
        for k, label in enumerate(labels):
            if label is not None:
                centroid = centroids[label]
                for w, x in weighted[k]:
                    centroid[w] = centroid.get(w, 0.0) + x
        squares = [sum(v * v for v in c.values()) for c in centroids]
        new: list[int | None] = []
        for k, words in enumerate(weighted):
            dots = [sum(c[w] * x for w, x in words if w in c) for c in centroids]
            scores = []
            for s in stories:
                dot, square = dots[s], squares[s]
                if labels[k] == s:  # its story's words without its own
                    dot, square = dot - norms[k] ** 2, square - 2 * dot + norms[k] ** 2
                scores.append((dot / (math.sqrt(max(square, 1e-9)) * norms[k]), s))
            scores.sort(reverse=True)
            (best, story), (second, _other) = scores[0], scores[1]
            new.append(story if best >= MIN_STORY_COSINE and best >= STORY_COSINE_LEAD * second else None)
        if new == labels:
            break
        labels = new
    return labels


def _join_headless_parts(articles: list[Article]) -> list[Article]:
    """Text under no headline and no byline, which no jump line says came from elsewhere, is
    a part of a story the page printed apart from it (an extractor that follows a PDF's
    drawing order prints column pieces anywhere): it joins the story it plainly speaks
    of, one headed on this page, when one stands out."""
    headless = [a for a in articles if a.headline is None and a.byline is None and a.continued_from is None and a.body]
    headed = [a for a in articles if a.headline is not None]
    if not headless or len(headed) < 2:
        return articles
    features = {id(a): text_features(" ".join(b.string for b in a.body)) for a in articles}
    df: Counter = Counter()
    for feats in features.values():
        df.update(feats)
    for part in headless:
        scores = sorted(((_similarity(features[id(part)], features[id(story)], df), k) for k, story in enumerate(headed)),
                        reverse=True)
        best, k = scores[0]
        if best < HEADLESS_PART_SHARE or best - scores[1][0] < HEADLESS_PART_MARGIN:
            continue
        story = headed[k]
        story.body.extend(part.body)
        story.captions.extend(part.captions)
        part.body, part.captions = [], []
        if story.signoff is None and part.signoff is not None:
            story.signoff, part.signoff = part.signoff, None
    # A part that kept something (a jump line) stays an article of its own.
    return [a for a in articles if a.blocks()]


def _account_for_every_block(blocks: list[Block], articles: list[Article], unassigned: list[Block]) -> None:
    """A block that found no place is kept as unassigned, never dropped."""
    placed = {id(b) for a in articles for b in a.blocks()} | {id(b) for b in unassigned}
    # A credit printed on its own line lives on as its caption's credit.
    credits = {id(b.credit) for a in articles for b in a.captions if b.credit is not None}
    credits |= {id(b.credit) for b in unassigned if b.credit is not None}
    for block in blocks:
        if id(block) not in placed and id(block.text) not in credits and block.text:
            unassigned.append(block)


# Running text cut off mid-clause may pass for a title; it is the last to claim a story.
CUT_TEXT_WEIGHT = 0.5


# A title may head a story it describes this much less well than its best one, if that
# best one is already headed by a title that describes it better.
SECOND_CHOICE_SHARE = 0.5


def _assign_headlines(choices: dict[int, list[tuple[float, int, bool]]], owner: dict[int, int],
                      best_headline: dict[int, tuple[float, int]], display: frozenset[int] | set[int] = frozenset()) -> None:
    """Each story has one headline: the best-matched title and story pair first, and a
    title whose best story is taken goes to another that it also describes (a box title
    and its story's headline share words; being printed next to a story is not enough);
    a title with no story of its own left is a deck under its best one. Titles in display
    type (``display``: printed twice) choose first: where a page marks its headlines so, a
    plain title is a deck, however well it describes a story.
    ``choices`` holds, for each title, (score, story, shares words with it)."""
    best = {ti: max(scored)[:2] for ti, scored in choices.items()}
    pairs = sorted(((ti in display, score, ti, gi) for ti, scored in choices.items() for score, gi, shares in scored
                    if score >= MIN_HEADLINE_SCORE
                    and (gi == best[ti][1] or (shares and score >= SECOND_CHOICE_SHARE * best[ti][0]))), reverse=True)
    for _display, score, ti, gi in pairs:
        if ti not in owner and gi not in best_headline:
            owner[ti] = gi
            best_headline[gi] = (score, ti)
    for ti, (score, gi) in best.items():
        if ti not in owner and score >= MIN_HEADLINE_SCORE:
            owner[ti] = gi


def _stories_run_on_past_subheads(runs: list[_TitleRun]) -> dict[int, int]:
    """The group each group under a subhead runs on from: a subhead's text is its story's,
    so a title placed there heads (or decks) the story, and never cuts it at the subhead."""
    story_of: dict[int, int] = {}
    for run in runs:
        if run.before is not None and run.after is not None and [t.kind for t in run.titles] == [SUBHEAD]:
            story_of[run.before.index] = story_of.get(run.after.index, run.after.index)
    return story_of


def _best_per_story(scored: list[tuple[float, int, bool]]) -> list[tuple[float, int, bool]]:
    """A title's choices, one per story: its best part's score, and whether any part shares its words."""
    best: dict[int, tuple[float, int, bool]] = {}
    for score, story, shares in scored:
        kept_score, _story, kept_shares = best.get(story, (float("-inf"), story, False))
        best[story] = (max(score, kept_score), story, shares or kept_shares)
    return list(best.values())


def _heads(ti, gi, titles, titles_above, best_headline, mine: list[int]) -> bool:
    """Which of a body's titles is its headline: display type (printed twice)
    first, then the first title right above it, then the best-scoring one."""
    bold = [i for i in mine if all(line.bold for line in titles[i][0].lines) or _set_upright(titles[i][0])]
    if bold and len(bold) < len(mine):
        above = [i for i in titles_above.get(gi, []) if i in bold]
        return ti == (above[0] if above else max(bold, key=lambda i: (best_headline[gi][1] == i, -i)))
    above = titles_above.get(gi)
    if not above:
        return best_headline[gi][1] == ti
    # A label of a word or two over a headline (a kicker, or a credit read as a title) is not it.
    return ti == next((i for i in above if not _kicker(titles[i][0].string)), above[0])


# Lines of a title set upright, a character or two a line, that show it was.
MIN_UPRIGHT_LINES = 4


def _set_upright(title: Block) -> bool:
    """Set in vertical type down the page's edge: display type, as a headline is, whatever
    a line across the column over the story says (a deck, a column's first line)."""
    return len(title.lines) >= MIN_UPRIGHT_LINES and all(len(line.string.strip()) <= 2 for line in title.lines)


# A CJK title this short names a section or a source, not a story.
MAX_KICKER_CHARS = 3


def _kicker(string: str) -> bool:
    string = _SPACES.sub("", string)
    return bool(HAN.match(string)) and len(string) <= MAX_KICKER_CHARS


def _run_position(run: _TitleRun) -> int:
    if run.before is not None:
        return run.before.index
    return run.after.index + 1 if run.after is not None else 0


def _nearby(groups: list[_Group], position: int) -> list[_Group]:
    return groups[max(0, position - NEARBY_GROUPS) : position + NEARBY_GROUPS]


def _append_body(article: Article, subheads: list[Block], body: list[Block]) -> None:
    if not subheads and body and article.body:
        last, first = article.body[-1], body[0]
        if last.kind == PARAGRAPH and first.kind == PARAGRAPH and not ends_sentence(last.string) and first.string:
            joiner = [] if (CJK_CHAR.match(last.string[-1:] or "a") or CJK_CHAR.match(first.string[0])) else [SourcedText.inserted(" ")]
            # A paragraph cut by a box or photo: its two halves become one.
            last.text = SourcedText.concat([last.text, *joiner, first.text])
            last.lines = last.lines + first.lines
            first.text, first.lines = EMPTY, []  # its text now lives in ``last``
            body = body[1:]
    article.body.extend(subheads)
    article.body.extend(body)


def _attach_captions(captions, groups, article_of_group, articles, unassigned) -> None:
    pending_credit: Block | None = None
    attached: list[tuple[Block, Article]] = []
    for index, (block, group_index, _position) in enumerate(captions):
        if block.kind == CREDIT:
            if attached and attached[-1][0].credit is None and not _credits_the_caption_below(captions, index):
                attached[-1][0].credit = block.text
            else:
                pending_credit = block
            continue
        if pending_credit is not None and block.credit is None:
            block.credit = pending_credit.text
            pending_credit = None
        article = _caption_article(block, group_index, groups, article_of_group, articles)
        if article is None:
            unassigned.append(block)
            continue
        article.captions.append(block)
        attached.append((block, article))
    if pending_credit is not None:
        unassigned.append(pending_credit)


def _credits_the_caption_below(captions, index: int) -> bool:
    """A credit read right before a caption with none of its own, and not right after the
    caption before it: the credit set over its photo's caption (REUTERS/Edgar Su / • Cranes
    load containers…), not the end of a caption further up."""
    position = captions[index][2]
    if index + 1 >= len(captions):
        return False
    following, _group, following_position = captions[index + 1]
    if following.kind != CAPTION or following.credit is not None or following_position != position + 1:
        return False
    # (captions holds every caption and credit in reading order: the block right before this
    # credit, if either, is the entry before it)
    before, _group, before_position = captions[index - 1] if index else (None, None, None)
    return not (before is not None and before.kind == CAPTION and before_position == position - 1)


def _caption_article(block, group_index, groups, article_of_group, articles) -> Article | None:
    if not articles:
        return None
    feats = text_features(block.string)
    best, best_score = None, 0.0
    for group in _nearby(groups, group_index):
        if not feats:
            break
        score = len(feats & group.features) / len(feats)
        if score > best_score:
            best, best_score = article_of_group.get(group.index), score
    if best is not None and best_score >= 0.25:
        return best
    return article_of_group.get(group_index) or articles[-1]


def _normalised(text: str) -> str:
    return regex.sub(r"[\s「」“”\"'‘’『』]", "", text)


def _set_aside_pull_quotes(article: Article, unassigned: list[Block]) -> None:
    if len(article.body) < 2:
        return
    kept = []
    body_texts = [_normalised(b.string) for b in article.body]
    repeated = _found_in_a_longer_one(body_texts)
    for i, block in enumerate(article.body):
        quote = body_texts[i]
        if block.kind in (PARAGRAPH, SUBHEAD) and 6 <= len(quote) <= 80 and repeated(quote):
            block.kind = PULL_QUOTE
            unassigned.append(block)
            continue
        kept.append(block)
    article.body = kept


def _found_in_a_longer_one(texts: list[str]) -> Callable[[str], bool]:
    """Whether a text is found inside a longer one of ``texts``: searched in them all joined,
    once for each distinct text (one search a pair went quadratic on an article of thousands
    of paragraphs)."""
    joined = "\x00".join(texts)
    ends = list(accumulate(len(text) + 1 for text in texts))
    known: dict[str, bool] = {}

    def found(quote: str) -> bool:
        if quote not in known:
            known[quote] = False
            at = joined.find(quote)
            while at >= 0:
                holder = bisect_right(ends, at)
                if len(texts[holder]) > len(quote):
                    known[quote] = True
                    break
                at = joined.find(quote, ends[holder])  # the quote's own copy: look past it
        return known[quote]

    return found


def _set_aside_stray_pull_quotes(articles: list[Article], unassigned: list[Block]) -> list[Article]:
    """A quote standing alone (no headline, a paragraph or two) that repeats
    another article's text is that article's pull quote."""
    bodies = [_normalised(" ".join(b.string for b in a.body)) for a in articles]
    kept = []
    for index, article in enumerate(articles):
        quote = bodies[index]
        near = range(max(0, index - NEARBY_GROUPS), min(len(articles), index + NEARBY_GROUPS + 1))
        if (article.headline is None and article.byline is None and 1 <= len(article.body) <= 2
                and 6 <= len(quote) <= 200 and not article.captions
                and any(j != index and quote in bodies[j] for j in near)):
            for block in article.body:
                block.kind = PULL_QUOTE
                unassigned.append(block)
            for block in (article.signoff, article.continues, article.continued_from):
                if block is not None:
                    unassigned.append(block)
            continue
        kept.append(article)
    return kept


def _reading_position(article: Article) -> int:
    starts = [b.text.start for b in article.blocks() if b.text.start >= 0 and b.kind != HEADLINE]
    if not starts:
        starts = [b.text.start for b in article.blocks() if b.text.start >= 0]
    return min(starts) if starts else 0


# Headlines drawn last (a layer of their own) come out of a content-stream extractor as
# one run after every story's text, in the order of the stories they head.
TRAIL_PRIOR = 0.3  # a headline for the next story still headless, even with no shared word
TRAIL_SPLIT = 0.4  # parting two lines that could be one wrapped headline
TRAIL_LEAD = 0.05  # a headline opens on its story's words: a wordless line goes with the one before
# Between two placed headlines, a wordless one heads the story right before the next one's.
TRAIL_NEAR = 0.001
TRAIL_LOOSE = 0.05  # joining two title blocks that nothing marks as one headline
# Leaving out of every headline a line that could carry on the one before: a trailing run
# holds headlines and little else, so a piece left over is more likely a wrapped end
# (…考試季 / 座位一位難求) than a title of its own.
TRAIL_STRAY = 0.06
MAX_TRAIL_WORDS = 16
MAX_TRAIL_STORIES = NEARBY_GROUPS


def _story_slots(groups: list[_Group]) -> list[tuple[_Group, set[str], bool]]:
    """Each group that could take a headline: its words, and whether it begins an article
    as step 3 of assembly will find it (then its words include those of the groups that
    will run on into it). A group that would run on into the story before it begins one
    of its own only where a headline is found for it."""
    slots: list[tuple[_Group, set[str], bool]] = []
    story: set[str] | None = None
    previous: _Group | None = None
    for group in groups:
        titled = any(t.kind == TITLE for t in group.titles)
        begins = (story is None or titled or group.byline is not None or group.continued_from is not None
                  or group.is_box or previous is None or previous.closed)
        if begins:
            story = set(group.features)
            slots.append((group, story, True))
        else:
            story.update(group.features)
            slots.append((group, group.features, False))
        if not group.is_box:
            previous = group
    return slots


def _title_units(title: Block) -> list[tuple[SourcedText, list]]:
    """A title's printed lines, each with its own text (a block may hold two headlines
    set one under the other)."""
    string = title.string
    if not CJK_CHAR.search(string):
        return [(title.text, title.lines)]  # an English title block is one headline or one deck
    if len(title.lines) * 2 >= len(string):
        return [(title.text, title.lines)]  # vertical type: a character or two a line, cut apart above
    cuts, pos = [], 0
    for line in title.lines:
        at = string.find(line.string, pos) if line.string else -1
        if at < 0:
            return [(title.text, title.lines)]
        cuts.append(at)
        pos = at + len(line.string)
    if len(cuts) < 2 or cuts[0] != 0:
        return [(title.text, title.lines)]
    bounds = [*cuts, len(string)]
    units = []
    for line, a, b in zip(title.lines, bounds, bounds[1:]):
        text = title.text[a:b].strip()
        if text:
            units.append((text, [line]))
    return units or [(title.text, title.lines)]


def _may_join(head: str, tail: str) -> bool:
    """Could ``tail`` be more of the headline ``head`` wrapped onto the next line?"""
    if not head or not tail or head.rstrip()[-1:] in _HEADLINE_STOP + ".!?;":
        return False
    return bool(CJK_CHAR.search(head)) and bool(CJK_CHAR.search(tail)) and not _second_half_overlong(head, tail)


def _second_half_overlong(head: str, tail: str) -> bool:
    """``head`` is set in two halves, and ``tail`` run onto its second would make that half
    longer than any (地铁新线下月开通　沿线居民出行更便捷 / 9号线一期工程: the box's title
    under a whole headline)."""
    halves = _marked_halves(head).split("\u3000")
    return len(halves) == 2 and len(halves[-1]) + len(_marked_halves(tail).partition("\u3000")[0]) > MAX_HALF_CHARS


def _whole_headline(string: str) -> bool:
    """A CJK line set in two halves (主題　副句) is a headline of its own, not the end of one;
    a line that opens on a word or two before the space ends the first half of the one above
    (…碼頭 / 翻新　居民盼…)."""
    first, space, _rest = string.strip().partition("\u3000")
    if not space:
        first, space, _rest = string.strip().partition(" ")
    return bool(space) and len(first) >= MIN_WHOLE_HALF


def _fits_headline(string: str) -> bool:
    if CJK_CHAR.search(string):
        # a headline runs to two dozen characters in two halves at most
        return len(string.replace(" ", "").replace("\u3000", "")) <= MAX_HEADLINE_CHARS and _halves(string) <= 2
    return len(string.split()) <= MAX_TRAIL_WORDS


def _align_trailing_run(run: _TitleRun, groups: list[_Group], df: Counter, display_headlines: bool):
    """Titles printed after the last story's text, where stories before them have no
    title of their own: the page drew its headlines last, in its stories' order. Cut the
    run into headlines (lines of one headline wrapped in a narrow column join; a line
    that shares words with the next story begins that story's headline) and give them
    to the headless stories in order, shared words deciding where each one goes.
    Returns the run's new titles and, for each one placed, its group; or None."""
    if run.before is not None or run.after is None:
        return None
    # A story is headless when nothing above it is set like a headline (a stray credit
    # or the cut-off end of a caption may stand there).
    heads = [(g, feats, begins) for g, feats, begins in _story_slots(groups)
             if (g.body or g.byline is not None)
             and not any(t.kind == TITLE and _headline_like(t, display_headlines) for t in g.titles)][-MAX_TRAIL_STORIES:]
    titles = [t for t in run.titles if t.kind == TITLE]
    if sum(1 for h in heads if h[2]) < 2 or len(titles) < 2 or len(titles) != len(run.titles):
        return None
    saved = [(t, t.text) for t in titles]
    aligned = _align_titles(titles, run, heads, groups, df, display_headlines)
    if aligned is None:
        for title, text in saved:
            title.text = text  # a cut below is undone
    return aligned


def _is_copy(string: str, earlier: str) -> bool:
    """Is this title line a second print of titles just before it (drawn twice for weight)?"""
    string = _SPACES.sub("", string)
    long_enough = len(string) >= (MIN_REPEATED_CJK if CJK_CHAR.search(string) else MIN_REPEATED_LATIN)
    return long_enough and string in earlier


def _align_titles(titles: list[Block], run: _TitleRun, heads, groups: list[_Group], df: Counter, display_headlines: bool):
    """The alignment for _align_trailing_run: the run's lines are cut into titles and each
    title heads one of ``heads`` (headless stories, in page order) or is left alone, the
    stories taken in order; the best such plan by shared words and order (dynamic
    programming over lines x stories). None where the words do not bear the order out."""
    # Two headlines set on one line are cut apart first, as for any title.
    nearby = _nearby(groups, _run_position(run))
    titles = [part for t in titles for part in _split_joined_titles(t, nearby, df)]
    every_unit = [u for t in titles for u in _title_units(t)]
    block_of_every = [k for k, t in enumerate(titles) for _u in _title_units(t)]
    # A second print of what came just before goes where its first print goes.
    copies = [_is_copy(u[0].string, "".join(_SPACES.sub("", v[0].string) for v in every_unit[max(0, k - 4):k]))
              for k, u in enumerate(every_unit)]
    units = [u for u, copy in zip(every_unit, copies) if not copy]
    if len(units) < 2:
        return None
    n, m = len(units), len(heads)
    strings = [text.string for text, _lines in units]
    cjk = [bool(CJK_CHAR.search(s)) for s in strings]

    def joined(a: int, b: int) -> str:
        return "".join(strings[a:b]) if all(cjk[a:b]) else " ".join(strings[a:b])

    def weight(feats: set[str]) -> float:
        return sum(1.0 / df[f] if df[f] else 0.5 for f in sorted(feats))

    scale = max(1.0, sum(weight(text_features(s)) for s in strings) / n)
    joins = [i > 0 and _may_join(strings[i - 1], strings[i]) for i in range(n)]
    block_of = [k for k, copy in zip(block_of_every, copies) if not copy]
    # Marked as one headline: lines of one block; a half just begun (…獲救　消).
    strong = [joins[i] and (block_of[i] == block_of[i - 1] or _half_begun(strings[i - 1])) for i in range(n)]
    joins = [strong[i] or (joins[i] and not _whole_headline(strings[i])) for i in range(n)]
    loose = [0.0] + [0.0 if strong[i] else TRAIL_LOOSE for i in range(1, n)]
    # cost[b]: joining costs of units up to b (prefix sums)
    cost = [0.0]
    for i in range(1, n):
        cost.append(cost[-1] + loose[i])
    # pieces[a]: the ends b for which units a..b-1 can be one title
    pieces: list[list[int]] = []
    for a in range(n):
        ends = [a + 1]
        for b in range(a + 2, n + 1):
            if not joins[b - 1] or not _fits_headline(joined(a, b)):
                break
            ends.append(b)
        pieces.append(ends)
    hits: dict[tuple[int, int, int], float] = {}
    # Where the page sets its headlines in display type, a plain title is a deck at most.
    display = [all(line.bold for line in lines) and bool(lines) for _text, lines in units]
    headline_like = [{b: (all(display[a:b]) or not display_headlines) and not cut_mid_clause(joined(a, b))
                      for b in pieces[a]} for a in range(n)]

    def hit(a: int, b: int, s: int) -> float:
        key = (a, b, s)
        if key not in hits:
            feats = text_features(joined(a, b))
            hits[key] = weight({f for f in feats if f in heads[s][1]}) / scale
        return hits[key]

    NEG = float("-inf")
    # best[i][j + 1]: units before i settled, the last story given a title is j (-1: none)
    best = [[(NEG, None)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, None)
    for a in range(n):
        for j in range(-1, m):
            score = best[a][j + 1][0]
            if score == NEG:
                continue
            if a > 0 and strong[a]:
                score -= TRAIL_SPLIT
            for b in pieces[a]:
                inner = cost[b - 1] - cost[a]  # the loose joins inside units a..b-1
                # A title that heads no story here is left to be placed as any other title is.
                options = [(-TRAIL_STRAY if joins[a] else 0.0, j, "skip")]
                if headline_like[a][b]:
                    # Only a story's first part is headed for its place alone; a later part
                    # (after a subhead, a photo) takes a headline only for the words they share.
                    options.extend((hit(a, b, s) + (TRAIL_PRIOR if heads[s][2] else 0.0)
                                    + (TRAIL_LEAD if hit(a, a + 1, s) > 0 else 0.0) + TRAIL_NEAR * s, s, "head")
                                   for s in range(j + 1, m))
                for gain, s, how in options:
                    if score + gain - inner > best[b][s + 1][0]:
                        best[b][s + 1] = (score + gain - inner, (a, j, how))
    j = max(range(-1, m), key=lambda k: best[n][k + 1][0])
    plan: list[tuple[int, int, int, str]] = []
    b = n
    while b > 0:
        _score, (a, prev, how) = best[b][j + 1]
        plan.append((a, b, j, how))
        b, j = a, prev
    plan.reverse()
    placed = [(a, b, s) for a, b, s, how in plan if how == "head"]
    if sum(1 for a, b, s in placed if hit(a, b, s) > 0) < 2:
        return None  # too little shared to trust the order
    headed = {s for _a, _b, s in placed}
    for a, b, s, how in plan:
        own = hit(a, b, s) if how == "head" else 0.0
        if headline_like[a][b] and any(hit(a, b, t) > own + TRAIL_PRIOR for t in range(m) if t not in headed):
            return None  # a headline's words point at a story left headless: the run is not in the stories' order
    new_titles: list[Block] = []
    owners: dict[int, int] = {}
    story_of_unit: dict[int, int | None] = {}
    for a, b, s, how in plan:
        # only CJK lines join (_may_join), and they join without a space
        block = Block(TITLE, SourcedText.concat(units[k][0] for k in range(a, b)),
                      [line for k in range(a, b) for line in units[k][1]])
        new_titles.append(block)
        for k in range(a, b):
            story_of_unit[k] = heads[s][0].index if how != "skip" else None
        if how != "skip":
            owners[id(block)] = heads[s][0].index
    # The copies, each after the title it follows, with that title's story (as a deck: a
    # deck that repeats its headline is then dropped as a second print).
    out: list[Block] = []
    by_first = {id(units[a][0]): new_titles[i] for i, (a, _b, _s, _how) in enumerate(plan)}
    last_story: int | None = None
    k = -1
    for unit, copy in zip(every_unit, copies):
        if not copy:
            k += 1
            last_story = story_of_unit[k]
            if id(unit[0]) in by_first:
                out.append(by_first[id(unit[0])])
            continue
        block = Block(TITLE, unit[0], unit[1])
        out.append(block)
        if last_story is not None:
            owners[id(block)] = last_story
    for title in [*run.titles, *titles]:
        title.text = EMPTY  # its text now lives in the new titles
    return out, owners
