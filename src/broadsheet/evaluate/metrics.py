"""Per-page scores of a predicted page against its gold page.

Both sides are plain dicts in the JSON contract (docs/schema.md): a gold.json,
a prediction file, or ``Page.to_dict()``. Spans, removals and geometry are
ignored. Every comparison is made on *normalised* text, which is the text with
all whitespace removed: extractors and writers disagree on spaces and line
breaks. Only :func:`cjk_space_error` is about spacing, and only beside CJK text.

Each metric is a function ``(gold, pred) -> float | None``; ``None`` means "not
applicable on this page" (no captions in the gold, say) and such a page is
left out of that metric's average instead of counting as perfect.
docs/eval.md gives the definitions in prose; tests/test_eval.py works examples
by hand.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

import regex
from rapidfuzz import fuzz, process

# A block that is not an exact match still counts as "the same block" at this
# rapidfuzz ratio (0-100) on normalised text: one or two repaired characters
# apart, not a merged or split paragraph.
FUZZY_MATCH = 90.0
# A paragraph end is identified by this many trailing normalised characters.
BOUNDARY_TAIL = 10

_WHITESPACE = regex.compile(r"\s+")


def normalise(text: str | None) -> str:
    """``text`` without any whitespace (``None`` reads as empty)."""
    return _WHITESPACE.sub("", text) if text else ""


# -- reading the contract ----------------------------------------------------

def page_text_fields(page: dict) -> Iterator[str]:
    """Every text a page shows a reader, article fields and unassigned blocks alike."""
    for article in page.get("articles") or []:
        for name in ("headline", "byline", "signoff", "continues", "continued_from"):
            if article.get(name):
                yield article[name]
        yield from (text for text in article.get("subheadlines") or [] if text)
        for item in article.get("body") or []:
            yield item.get("text") or ""
        for caption in article.get("captions") or []:
            yield caption.get("text") or ""
            if caption.get("credit"):
                yield caption["credit"]
    for item in page.get("unassigned") or []:
        yield item.get("text") or ""


@dataclass(frozen=True, slots=True)
class ScoredBlock:
    """A block that the structural metrics compare: its group, article and normalised text."""

    group: str  # "headline" | "body" | "caption"
    kind: str  # "headline", "caption", or the body item's kind ("paragraph", "subhead", "list_item")
    article: int
    text: str


def scored_blocks(page: dict) -> list[ScoredBlock]:
    """Headlines, body items and caption texts of every article, in article order.

    Unassigned blocks are not part of any article and are left out here; their
    text still counts in :func:`char_bag_error`.
    """
    out: list[ScoredBlock] = []
    for index, article in enumerate(page.get("articles") or []):
        headline = normalise(article.get("headline"))
        if headline:
            out.append(ScoredBlock("headline", "headline", index, headline))
        for item in article.get("body") or []:
            text = normalise(item.get("text"))
            if text:  # any body kind counts as a body item, even one outside the contract's three
                out.append(ScoredBlock("body", item.get("kind") or "paragraph", index, text))
        for caption in article.get("captions") or []:
            text = normalise(caption.get("text"))
            if text:
                out.append(ScoredBlock("caption", "caption", index, text))
    return out


def match_texts(gold: list[str], pred: list[str]) -> list[int | None]:
    """Pair each gold text with at most one predicted text; return the pred index per gold text.

    Exact (normalised) matches are taken first, in order, so that a fuzzy pass
    cannot steal a block that has an exact partner. The remaining gold texts
    then take the best unused pred text with ratio >= FUZZY_MATCH.
    """
    match: list[int | None] = [None] * len(gold)
    free: dict[str, list[int]] = {}
    for j, text in enumerate(pred):
        free.setdefault(text, []).append(j)
    used: set[int] = set()
    for i, text in enumerate(gold):
        candidates = free.get(text)
        if candidates:
            j = candidates.pop(0)
            match[i] = j
            used.add(j)
    for i, text in enumerate(gold):
        if match[i] is not None:
            continue
        choices = {j: p for j, p in enumerate(pred) if j not in used}
        if not choices:
            break
        best = process.extractOne(text, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MATCH)
        if best is not None:
            j = best[2]
            match[i] = j
            used.add(j)
    return match


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _multiset_prf(gold: Counter, pred: Counter) -> tuple[float, float, float]:
    """Precision, recall and F1 of two multisets; two empty multisets agree perfectly."""
    gold_total, pred_total = sum(gold.values()), sum(pred.values())
    if gold_total == 0 and pred_total == 0:
        return 1.0, 1.0, 1.0
    common = sum((gold & pred).values())
    precision = common / pred_total if pred_total else 0.0
    recall = common / gold_total if gold_total else 0.0
    return precision, recall, _f1(precision, recall)


# -- the metrics -------------------------------------------------------------

# A space next to a CJK character: in Chinese and Japanese a space is rare and set on
# purpose (記者 王五, a headline's two halves), so one that an extractor adds (以2 小時41 分,
# 涉 港) or loses is an error a reader sees. Kept apart from every other metric, which
# ignore whitespace.
_SPACE_RUN = regex.compile(r"(?<=\S)\s+(?=\S)")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f\uff00-\uffef]")


def _cjk_spaces(page: dict) -> tuple[Counter, int]:
    """Each space between two printed characters with a CJK one on either side, as the pair
    of characters it parts (order-free over the page), and the page's CJK characters. Line
    breaks are no spaces, in any field."""
    spaces: Counter = Counter()
    cjk = 0
    for text in page_text_fields(page):
        cjk += len(_CJK.findall(text))
        if " " not in text and "\u3000" not in text and "\u00a0" not in text:
            continue
        for match in _SPACE_RUN.finditer(text):
            if not match.group().strip("\r\n"):
                continue  # a line break only: a field's layout, not a space a reader sees
            before, after = text[match.start() - 1], text[match.end()]
            if _CJK.match(before) or _CJK.match(after):
                spaces[before + after] += 1
    return spaces, cjk


def cjk_space_error(gold: dict, pred: dict) -> float | None:
    """Spaces beside CJK characters that the prediction adds or loses, per CJK character of
    the gold: |gold spaces △ predicted spaces| / gold CJK characters, each space named by
    the two characters it parts. None on a page without CJK text."""
    gold_spaces, cjk = _cjk_spaces(gold)
    if cjk == 0:
        return None
    pred_spaces, _ = _cjk_spaces(pred)
    diff = sum(abs(gold_spaces[k] - pred_spaces[k]) for k in gold_spaces.keys() | pred_spaces.keys())
    return diff / cjk


def char_bag_error(gold: dict, pred: dict) -> float:
    """Order-free character difference: sum over characters of |gold count − pred count| / gold chars.

    Whitespace is ignored. Lost text and doubled text that was not removed both
    raise it; reordering does not. 0 is perfect; it can exceed 1.
    """
    gold_bag = Counter(normalise("".join(page_text_fields(gold))))
    pred_bag = Counter(normalise("".join(page_text_fields(pred))))
    total = sum(gold_bag.values())
    diff = sum(abs(gold_bag[c] - pred_bag[c]) for c in gold_bag.keys() | pred_bag.keys())
    if total == 0:
        return 0.0 if diff == 0 else 1.0
    return diff / total


def block_prf(gold: dict, pred: dict) -> tuple[float, float, float]:
    """Exact-match precision, recall, F1 over the multiset of (group, normalised text)."""
    gold_keys = Counter((b.group, b.text) for b in scored_blocks(gold))
    pred_keys = Counter((b.group, b.text) for b in scored_blocks(pred))
    return _multiset_prf(gold_keys, pred_keys)


def block_f1(gold: dict, pred: dict) -> float:
    return block_prf(gold, pred)[2]


def article_bcubed(gold: dict, pred: dict) -> tuple[float, float, float] | None:
    """B-cubed precision, recall, F1 of the article clustering of the gold blocks.

    Each gold block (headline, body item, caption) is found among the predicted
    blocks (exact, else fuzzy); its predicted cluster is the article that block
    sits in. A gold block found nowhere is a singleton cluster of its own.
    Predicted blocks matching no gold block do not enter (the text metrics
    count them).
    """
    gold_blocks = scored_blocks(gold)
    if not gold_blocks:
        return None
    pred_blocks = scored_blocks(pred)
    match = match_texts([b.text for b in gold_blocks], [b.text for b in pred_blocks])
    gold_cluster = [b.article for b in gold_blocks]
    pred_cluster: list[tuple] = [
        ("pred", pred_blocks[j].article) if j is not None else ("alone", i) for i, j in enumerate(match)
    ]
    members_gold: dict[int, set[int]] = {}
    members_pred: dict[tuple, set[int]] = {}
    for i in range(len(gold_blocks)):
        members_gold.setdefault(gold_cluster[i], set()).add(i)
        members_pred.setdefault(pred_cluster[i], set()).add(i)
    precision = recall = 0.0
    for i in range(len(gold_blocks)):
        same_gold = members_gold[gold_cluster[i]]
        same_pred = members_pred[pred_cluster[i]]
        both = len(same_gold & same_pred)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    precision /= len(gold_blocks)
    recall /= len(gold_blocks)
    return precision, recall, _f1(precision, recall)


def article_f1(gold: dict, pred: dict) -> float | None:
    scores = article_bcubed(gold, pred)
    return None if scores is None else scores[2]


def _headline_partners(headline: str, pred_headlines: dict[int, str]) -> list[int]:
    """Predicted articles whose headline is this one: every equal one, else the best fuzzy one (>= FUZZY_MATCH)."""
    equal = [index for index, text in pred_headlines.items() if text == headline]
    if equal:
        return equal
    best = process.extractOne(headline, pred_headlines, scorer=fuzz.ratio, score_cutoff=FUZZY_MATCH)
    return [] if best is None else [best[2]]


def headline_association(gold: dict, pred: dict) -> float | None:
    """Mean, over gold articles with a headline, of the share of their body chars under that headline.

    The predicted article "under that headline" is the one whose headline
    matches the gold headline (when several predicted articles carry that
    headline, the one holding most of this body). A gold body item counts as
    sitting there when it is matched (as in :func:`article_bcubed`) to a block
    of that article, or, failing that, when its normalised text occurs inside
    that article's concatenated normalised body (so a paragraph merged with its
    neighbour still counts). A gold article whose headline has no partner
    scores 0.
    """
    gold_articles = gold.get("articles") or []
    pred_articles = pred.get("articles") or []
    pred_headlines = {i: normalise(a.get("headline")) for i, a in enumerate(pred_articles) if normalise(a.get("headline"))}
    gold_blocks = scored_blocks(gold)
    pred_blocks = scored_blocks(pred)
    match = match_texts([b.text for b in gold_blocks], [b.text for b in pred_blocks])
    pred_body_text = {
        i: "".join(normalise(item.get("text")) for item in a.get("body") or []) for i, a in enumerate(pred_articles)
    }

    def chars_under(partner: int, body: list[tuple[int, ScoredBlock]]) -> int:
        inside = 0
        for k, block in body:
            j = match[k]
            if (j is not None and pred_blocks[j].article == partner) or block.text in pred_body_text[partner]:
                inside += len(block.text)
        return inside

    shares: list[float] = []
    for index, article in enumerate(gold_articles):
        headline = normalise(article.get("headline"))
        if not headline:
            continue
        body = [(k, b) for k, b in enumerate(gold_blocks) if b.article == index and b.group == "body"]
        total = sum(len(b.text) for _k, b in body)
        if total == 0:
            continue
        partners = _headline_partners(headline, pred_headlines)
        shares.append(max((chars_under(partner, body) for partner in partners), default=0) / total)
    return sum(shares) / len(shares) if shares else None


def paragraph_ends(page: dict) -> Counter:
    """The multiset of paragraph ends: the last BOUNDARY_TAIL normalised chars of every body item."""
    return Counter(b.text[-BOUNDARY_TAIL:] for b in scored_blocks(page) if b.group == "body")


def paragraph_boundary_f1(gold: dict, pred: dict) -> float | None:
    """F1 of predicted paragraph ends against gold paragraph ends (see :func:`paragraph_ends`).

    A merged paragraph loses the first one's end (recall); a split paragraph
    adds an end (precision). Keyed by text rather than offset, it does not
    depend on the predicted articles lining up with the gold ones.
    """
    gold_ends = paragraph_ends(gold)
    if not gold_ends:
        return None
    return _multiset_prf(gold_ends, paragraph_ends(pred))[2]


def _matched_count(gold: list[str], pred: list[str]) -> int:
    return sum(j is not None for j in match_texts(gold, pred))


def _matched_share(items: list[str], among: list[str]) -> float | None:
    """Share of ``items`` found (exact, else fuzzy) in ``among``; None when there are none."""
    if not items:
        return None
    return _matched_count(items, among) / len(items)


def _captions(page: dict) -> list[str]:
    return [b.text for b in scored_blocks(page) if b.group == "caption"]


def caption_recall(gold: dict, pred: dict) -> float | None:
    """Share of gold caption texts found (exact, else fuzzy) among predicted caption texts."""
    return _matched_share(_captions(gold), _captions(pred))


def caption_precision(gold: dict, pred: dict) -> float | None:
    """Share of predicted caption texts that are gold caption texts (exact, else fuzzy)."""
    return _matched_share(_captions(pred), _captions(gold))


def _captions_by_credit(page: dict) -> dict[str, list[str]]:
    """Each credit's caption texts (normalised), from the captions of the page's articles."""
    out: dict[str, list[str]] = {}
    for article in page.get("articles") or []:
        for caption in article.get("captions") or []:
            if normalise(caption.get("credit")):
                out.setdefault(normalise(caption["credit"]), []).append(normalise(caption.get("text")))
    return out


def credit_recall(gold: dict, pred: dict) -> float | None:
    """Share of gold credits found with their own caption: a predicted caption matching the
    gold caption (exact, else fuzzy) that carries the same credit."""
    gold_by_credit = _captions_by_credit(gold)
    total = sum(len(texts) for texts in gold_by_credit.values())
    if not total:
        return None
    pred_by_credit = _captions_by_credit(pred)
    return sum(_matched_count(texts, pred_by_credit.get(credit, [])) for credit, texts in gold_by_credit.items()) / total


def _bylines(page: dict) -> list[str]:
    return [normalise(a.get("byline")) for a in page.get("articles") or [] if normalise(a.get("byline"))]


def byline_recall(gold: dict, pred: dict) -> float | None:
    """Share of gold bylines found (exact, else fuzzy) among the predicted bylines of the page."""
    return _matched_share(_bylines(gold), _bylines(pred))


def list_item_recall(gold: dict, pred: dict) -> float | None:
    """Share of gold list items found (exact, else fuzzy) among predicted body items of kind list_item."""
    def items(page: dict) -> list[str]:
        return [b.text for b in scored_blocks(page) if b.kind == "list_item"]

    return _matched_share(items(gold), items(pred))


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    score: Callable[[dict, dict], float | None]
    higher_is_better: bool
    label: str  # short column title


METRICS: tuple[Metric, ...] = (
    Metric("char_bag_error", char_bag_error, False, "chars err"),
    Metric("block_f1", block_f1, True, "block F1"),
    Metric("article_f1", article_f1, True, "article B3"),
    Metric("headline_association", headline_association, True, "hl assoc"),
    Metric("paragraph_boundary_f1", paragraph_boundary_f1, True, "para F1"),
    Metric("caption_recall", caption_recall, True, "cap R"),
    Metric("caption_precision", caption_precision, True, "cap P"),
    Metric("credit_recall", credit_recall, True, "credit R"),
    Metric("byline_recall", byline_recall, True, "byline R"),
    Metric("list_item_recall", list_item_recall, True, "list R"),
    Metric("cjk_space_error", cjk_space_error, False, "CJK sp err"),
)
METRIC_BY_NAME = {metric.name: metric for metric in METRICS}


def score_page(gold: dict, pred: dict, metrics: Iterable[Metric] = METRICS) -> dict[str, float | None]:
    """Every metric of one predicted page against its gold page."""
    return {metric.name: metric.score(gold, pred) for metric in metrics}


EMPTY_PREDICTION: dict = {"articles": [], "unassigned": []}
