"""Plain text: articles separated by a rule, blocks by blank lines."""

from __future__ import annotations

from ..model import CAPTION, Block, Page

RULE = "-" * 40


def _block_text(block: Block) -> str:
    if block.kind == CAPTION and block.credit is not None:
        return f"{block.string} ({block.credit.string})"
    return block.string


def page_to_text(page: Page) -> str:
    articles = ["\n\n".join(_block_text(b) for b in article.blocks() if b.string) for article in page.articles]
    return f"\n\n{RULE}\n\n".join(articles) + "\n"
