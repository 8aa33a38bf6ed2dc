"""``broadsheet demo``: the bundled sample page, raw beside restored, removals coloured."""

from __future__ import annotations

import argparse

from ..model import Page

REASON_STYLES = {
    "undouble_shadow_runs": "black on yellow",
    "undouble_punctuation": "black on orange1",
    "undouble_repeated_lines": "black on khaki1",
    "drop_justify_spaces": "on magenta",
    "strip_bullet_marker": "black on cyan",
    "join_wrapped_lines": "black on green",
    "map_compat_ideographs": "white on blue",
    "duplicate_glyph": "black on yellow",
    "invisible_copy": "black on yellow",
}
DEFAULT_STYLE = "black on red"


def register(subparsers) -> None:
    p = subparsers.add_parser("demo", help="restore the bundled sample page and show it beside its raw text")
    p.add_argument("--format", choices=("side", "json", "markdown"), default="side")
    p.set_defaults(func=run)


def raw_with_removals(page: Page):
    from rich.text import Text

    text = Text(page.input_text)
    for removal in page.removed:
        text.stylize(REASON_STYLES.get(removal.reason, DEFAULT_STYLE), removal.start, removal.end)
    return text


def restored_view(page: Page):
    from rich.text import Text

    out = Text()
    for number, article in enumerate(page.articles, 1):
        out.append(f"[{number}] ", style="dim")
        out.append((article.headline.string if article.headline else "(no headline)") + "\n", style="bold")
        for deck in article.subheadlines:
            out.append(deck.string + "\n", style="italic")
        if article.byline:
            out.append(article.byline.string + "\n", style="green")
        for block in article.body:
            prefix = "• " if block.kind == "list_item" else "## " if block.kind == "subhead" else ""
            out.append(prefix + block.string + "\n")
        for caption in article.captions:
            credit = f" [{caption.credit.string}]" if caption.credit is not None else ""
            out.append(f"(caption) {caption.string}{credit}\n", style="cyan")
        for label in ("signoff", "continues", "continued_from"):
            block = getattr(article, label)
            if block is not None:
                out.append(f"({label}) {block.string}\n", style="green")
        out.append("\n")
    for block in page.unassigned:
        out.append(f"(unassigned {block.kind}) {block.string}\n", style="dim")
    return out


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..api import restore
    from ..samples import sample_text

    page = restore(sample_text(), source="sample_page_zh_hant.txt")
    if args.format == "json":
        print(page.to_json())
        return 0
    if args.format == "markdown":
        print(page.to_markdown())
        return 0
    console = Console()
    table = Table(title="broadsheet demo: sample_page_zh_hant.txt", show_lines=False, expand=True)
    table.add_column("raw extracted text (removals highlighted)", ratio=1, overflow="fold")
    table.add_column("restored articles", ratio=1, overflow="fold")
    table.add_row(raw_with_removals(page), restored_view(page))
    console.print(table)
    legend = Text("legend: ")
    for reason in sorted({r.reason for r in page.removed}):
        legend.append(f" {reason} ", style=REASON_STYLES.get(reason, DEFAULT_STYLE))
        legend.append(" ")
    console.print(legend)
    counts: dict[str, int] = {}
    for removal in page.removed:
        counts[removal.reason] = counts.get(removal.reason, 0) + len(removal.text)
    console.print(f"{len(page.articles)} articles, {len(page.unassigned)} unassigned blocks, "
                  + ", ".join(f"{n} chars {reason}" for reason, n in sorted(counts.items())))
    return 0
