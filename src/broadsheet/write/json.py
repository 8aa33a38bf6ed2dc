"""The JSON contract (docs/schema.md, schema_version 1)."""

from __future__ import annotations

import json

from ..model import Article, Block, Document, Page, SourcedText

SCHEMA_VERSION = 1


def _spans(text: SourcedText | None) -> list[list[int]]:
    return [[a, b] for a, b in text.spans()] if text is not None else []


def _geometry(block: Block, out: dict) -> dict:
    bbox = block.bbox
    if bbox is not None:
        out["page"] = block.page
        out["bbox"] = [round(v, 2) for v in bbox]
    return out


def block_to_dict(block: Block) -> dict:
    out = {"kind": block.kind, "text": block.string, "spans": _spans(block.text)}
    if block.credit is not None:  # a caption that found no article keeps its credit
        out["credit"] = block.credit.string
        out["credit_spans"] = _spans(block.credit)
    return _geometry(block, out)


def caption_to_dict(block: Block) -> dict:
    out = {"text": block.string, "credit": block.credit.string if block.credit is not None else None,
           "spans": _spans(block.text)}
    if block.credit is not None:
        out["credit_spans"] = _spans(block.credit)
    return _geometry(block, out)


def _text(block: Block | None) -> str | None:
    return block.string if block is not None else None


def article_to_dict(article: Article) -> dict:
    spans: dict = {}
    for name in ("headline", "byline", "signoff", "continues", "continued_from"):
        block = getattr(article, name)
        if block is not None:
            spans[name] = _spans(block.text)
    if article.subheadlines:
        spans["subheadlines"] = [_spans(b.text) for b in article.subheadlines]
    return {
        "headline": _text(article.headline),
        "subheadlines": [b.string for b in article.subheadlines],
        "byline": _text(article.byline),
        "body": [block_to_dict(b) for b in article.body],
        "captions": [caption_to_dict(b) for b in article.captions],
        "signoff": _text(article.signoff),
        "continues": _text(article.continues),
        "continued_from": _text(article.continued_from),
        "spans": spans,
    }


def page_to_dict(page: Page) -> dict:
    out: dict = {"schema_version": SCHEMA_VERSION, "source": page.source}
    if page.number is not None:
        out["number"] = page.number
    out["language"] = page.language
    out["articles"] = [article_to_dict(a) for a in page.articles]
    out["unassigned"] = [block_to_dict(b) for b in page.unassigned]
    out["removed"] = [r.to_dict() for r in page.removed]
    return out


def page_to_json(page: Page, indent: int | None = 2) -> str:
    return json.dumps(page_to_dict(page), ensure_ascii=False, indent=indent)


def document_to_dict(document: Document) -> dict:
    pages = []
    for page in document.pages:
        d = page_to_dict(page)
        d.pop("schema_version", None)
        d.pop("source", None)
        pages.append(d)
    return {"schema_version": SCHEMA_VERSION, "source": document.source, "pages": pages}


def document_to_json(document: Document, indent: int | None = 2) -> str:
    return json.dumps(document_to_dict(document), ensure_ascii=False, indent=indent)
