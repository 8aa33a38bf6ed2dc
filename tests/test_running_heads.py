"""A document's running heads: furniture on every page, whatever one page made of one."""

from __future__ import annotations

from broadsheet.layout.running_heads import furniture_repeated_across_pages
from broadsheet.model import FURNITURE, HEADLINE, PARAGRAPH, Article, Block, Line, Page, SourcedText

HEAD = "Harbour Gazette / Vol. {n}, No. 15 / Thursday / Council Notices"


def _block(kind: str, text: str, page: int, box) -> Block:
    line = Line(SourcedText.from_input(text, 0, len(text)), page=page, bbox=box, size=8.0)
    return Block(kind, line.text, [line])


def _page(number: int, head_kind: str, head_y: float = 30.0) -> Page:
    head = _block(head_kind, HEAD.format(n=80 + number), number, (50, head_y, 400, head_y + 9))
    body = _block(PARAGRAPH, f"The council met on day {number} and agreed the notices below.", number, (50, 300, 400, 340))
    article = Article(headline=head if head_kind == HEADLINE else None, body=[body])
    unassigned = [head] if head_kind == FURNITURE else []
    return Page(source="doc.pdf", language="en", articles=[article], unassigned=unassigned, removed=[], input_text="",
                number=number)


def test_a_running_head_read_as_a_headline_on_one_page_is_furniture_as_on_the_others():
    pages = [_page(1, FURNITURE), _page(2, FURNITURE), _page(3, HEADLINE), _page(4, FURNITURE)]
    furniture_repeated_across_pages(pages, {n: 842.0 for n in range(1, 5)})
    third = pages[2]
    assert third.articles[0].headline is None
    assert [b.string for b in third.articles[0].body] == ["The council met on day 3 and agreed the notices below."]
    assert [(b.kind, b.string) for b in third.unassigned] == [(FURNITURE, HEAD.format(n=83))]


def test_the_same_words_in_the_middle_of_a_page_or_on_one_other_page_only_stay_as_read():
    # Mid-page: not where a running head stands.
    pages = [_page(1, FURNITURE), _page(2, FURNITURE), _page(3, HEADLINE, head_y=400.0)]
    furniture_repeated_across_pages(pages, {n: 842.0 for n in range(1, 4)})
    assert pages[2].articles[0].headline is not None
    # Furniture on one other page only: too little to overrule the page's own reading.
    pages = [_page(1, FURNITURE), _page(2, HEADLINE), _page(3, HEADLINE)]
    furniture_repeated_across_pages(pages, {n: 842.0 for n in range(1, 4)})
    assert pages[1].articles[0].headline is not None and pages[2].articles[0].headline is not None
