"""Markdown: one ``#`` section per article, captions as block quotes."""

from __future__ import annotations

from ..model import LIST_ITEM, SUBHEAD, Page


def page_to_markdown(page: Page) -> str:
    parts: list[str] = []
    for article in page.articles:
        lines: list[str] = []
        lines.append(f"# {article.headline.string}" if article.headline else "# (untitled)")
        lines.extend(f"## {deck.string}" for deck in article.subheadlines)
        if article.continued_from:
            lines.append(f"*{article.continued_from.string}*")
        if article.byline:
            lines.append(f"*{article.byline.string}*")
        for block in article.body:
            if block.kind == SUBHEAD:
                lines.append(f"### {block.string}")
            elif block.kind == LIST_ITEM:
                lines.append(f"- {block.string}")
            else:
                lines.append(block.string)
        for caption in article.captions:
            credit = f" — {caption.credit.string}" if caption.credit is not None else ""
            lines.append(f"> {caption.string}{credit}")
        if article.signoff:
            lines.append(f"*{article.signoff.string}*")
        if article.continues:
            lines.append(f"*{article.continues.string}*")
        parts.append("\n\n".join(lines))
    if page.unassigned:
        parts.append("---\n\n" + "\n\n".join(f"<!-- {b.kind} --> {b.string}" for b in page.unassigned))
    return "\n\n".join(parts) + "\n"
