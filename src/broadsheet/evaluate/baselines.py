"""Predictions that set the bar the pipeline must clear, in the JSON contract.

- ``baseline-blank-lines``: the raw text split on blank lines, every chunk a
  paragraph of one headline-less article. It is what a reader gets for free.
- ``baseline-pymupdf-blocks``: PyMuPDF's own text blocks in its sorted order
  (``page.get_text("blocks", sort=True)``), every block a paragraph of one
  article. It is what a PDF library gets for free.
- ``pymupdf4llm``: ``pymupdf4llm.to_markdown`` read back into articles, each
  Markdown heading opening an article. It is a popular off-the-shelf layout
  converter, so the pipeline should beat it.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import regex

BLANK_LINES_BASELINE = "baseline-blank-lines"
PYMUPDF_BLOCKS_BASELINE = "baseline-pymupdf-blocks"
PYMUPDF4LLM = "pymupdf4llm"
# The extractor text the blank-lines baseline splits.
BLANK_LINES_SOURCE = "pymupdf"

_BLANK_LINE = regex.compile(r"\n[ \t\u3000\f\r]*\n")


def _paragraph(text: str, kind: str = "paragraph") -> dict:
    return {"kind": kind, "text": text}


def _article(headline: str | None, body: list[dict]) -> dict:
    return {"headline": headline, "subheadlines": [], "byline": None, "body": body, "captions": [],
            "signoff": None, "continues": None, "continued_from": None}


def _one_article_page(paragraphs: list[str]) -> dict:
    body = [_paragraph(text) for text in paragraphs if text.strip()]
    return {"articles": [_article(None, body)] if body else [], "unassigned": []}


def blank_lines_baseline(raw_text: str) -> dict:
    """Every blank-line-separated chunk of ``raw_text`` as one paragraph of one article."""
    chunks = _BLANK_LINE.split(raw_text.replace("\r\n", "\n"))
    return _one_article_page([" ".join(line.strip() for line in chunk.splitlines() if line.strip()) for chunk in chunks])


def pymupdf_blocks_baseline(pdf_path: str | Path) -> dict:
    """PyMuPDF's sorted text blocks of every page as paragraphs of one article."""
    import pymupdf

    paragraphs: list[str] = []
    with pymupdf.open(pdf_path) as document:
        for page in document:
            for block in page.get_text("blocks", sort=True):
                if block[6] == 0:  # 0 = text, 1 = image
                    paragraphs.append(" ".join(line.strip() for line in block[4].splitlines() if line.strip()))
    return _one_article_page(paragraphs)


# -- pymupdf4llm -------------------------------------------------------------

_HEADING = regex.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_MARKER = regex.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_RULE = regex.compile(r"^\s*(?:[-*_]\s*){3,}$")
_IMAGE = regex.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = regex.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = regex.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")


def strip_inline_markdown(text: str) -> str:
    """The words of a Markdown line without emphasis, link or image syntax."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    previous = None
    while previous != text:  # nested emphasis (***x***) needs more than one pass
        previous = text
        text = _EMPHASIS.sub(r"\2", text)
    return text.strip()


def markdown_to_page(markdown: str) -> dict:
    """Markdown read back into the contract: each heading opens an article and is its headline.

    Other non-empty paragraphs (blank-line separated) are body paragraphs of
    the current article; a list line opens a list item, which the lines right
    below it continue; text before the first heading is an article without a
    headline.
    """
    articles: list[dict] = []
    current: dict | None = None
    pending_kind = "paragraph"
    pending: list[str] = []

    def flush() -> None:
        nonlocal current
        if not pending:
            return
        if current is None:
            current = _article(None, [])
            articles.append(current)
        current["body"].append(_paragraph(" ".join(pending), pending_kind))
        pending.clear()

    for line in markdown.replace("\r\n", "\n").split("\n"):
        heading = _HEADING.match(line)
        if heading:
            flush()
            current = _article(strip_inline_markdown(heading.group(2)) or None, [])
            articles.append(current)
        elif not line.strip() or _RULE.match(line):
            flush()
        elif _LIST_MARKER.match(line):
            flush()
            pending_kind = "list_item"
            text = strip_inline_markdown(_LIST_MARKER.sub("", line, count=1))
            if text:
                pending.append(text)
        else:
            if not pending:
                pending_kind = "paragraph"
            text = strip_inline_markdown(line)
            if text:
                pending.append(text)
    flush()
    return {"articles": [a for a in articles if a["headline"] or a["body"]], "unassigned": []}


def pymupdf4llm_prediction(pdf_path: str | Path) -> dict:
    # pymupdf4llm prints advice on import; it must not land in `eval --json` output.
    with contextlib.redirect_stdout(io.StringIO()):
        import pymupdf4llm

        markdown = pymupdf4llm.to_markdown(str(pdf_path), show_progress=False)
    return markdown_to_page(markdown)
