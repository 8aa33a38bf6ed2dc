"""A document's running heads: the line every page prints in its top or foot band.

Each page is read on its own, and a running head (``Federal Register / Vol. 85, No. 152 /
Thursday, August 6, 2020 / Proposed Rules``) is told from a headline by its place and
type, which on one page in a dozen may mislead. Across a document it tells itself: the
same words, figures aside, in the same band of the page, taken for furniture on other
pages. Such a block is furniture wherever it stands.
"""

from __future__ import annotations

import regex

from ..model import FURNITURE, Article, Block, Page

# A running head stands in the top or the foot band of the page: this share of its height.
BAND_SHARE = 0.12
# Pages on which the head was read as furniture before one misread copy is put right.
MIN_PAGES_AS_FURNITURE = 2

_FIGURES = regex.compile(r"\d+")
_SPACES = regex.compile(r"\s+")


def furniture_repeated_across_pages(pages: list[Page], heights: dict[int, float]) -> None:
    """Blocks in a page's top or foot band whose words (figures aside) other pages of the
    document print there as furniture become furniture too, moved out of their article.
    ``heights`` gives each page's height by its number."""
    seen: dict[tuple[str, str], set[int]] = {}
    for page in pages:
        for block in page.unassigned:
            if block.kind == FURNITURE and (where := _band(block, heights.get(page.number or 0))):
                seen.setdefault((where, _key(block.string)), set()).add(page.number or 0)
    if not seen:
        return
    for page in pages:
        height = heights.get(page.number or 0)
        for article in page.articles:
            for block in _movable(article):
                where = _band(block, height)
                if where and len(seen.get((where, _key(block.string)), set()) - {page.number or 0}) >= MIN_PAGES_AS_FURNITURE:
                    _take_out(article, block)
                    block.kind = FURNITURE
                    page.unassigned.append(block)
        page.articles = [a for a in page.articles if a.blocks()]


def _key(string: str) -> str:
    return _SPACES.sub(" ", _FIGURES.sub("#", string)).strip().lower()


def _band(block: Block, height: float | None) -> str | None:
    box = block.bbox
    if box is None or not height:
        return None
    if box[3] <= BAND_SHARE * height:
        return "top"
    if box[1] >= (1 - BAND_SHARE) * height:
        return "foot"
    return None


def _movable(article: Article) -> list[Block]:
    return [b for b in (article.headline, *article.subheadlines, *article.body) if b is not None]


def _take_out(article: Article, block: Block) -> None:
    if article.headline is block:
        article.headline = None
    elif block in article.subheadlines:
        article.subheadlines.remove(block)
    else:
        article.body.remove(block)
