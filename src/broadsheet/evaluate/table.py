"""The results table: rich on a terminal, aligned plain text otherwise."""

from __future__ import annotations

from typing import TextIO

from .metrics import METRICS
from .runner import Row

GROUP_TITLES = {"extractor": "by extractor", "script": "by script", "split": "held-out vs tuned"}


def format_value(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _cells(row: Row) -> list[str]:
    return [row.key, str(row.pages), str(row.errors), *(format_value(row.metrics.get(m.name)) for m in METRICS)]


HEADERS = ["row", "pages", "errors", *(m.label for m in METRICS)]


_LOWER_IS_BETTER = " and ".join(m.label for m in METRICS if not m.higher_is_better) + " lower is better"


def plain_table(rows: list[Row]) -> str:
    """Aligned columns, one blank line and a title between row groups."""
    body = [_cells(row) for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in body)) if body else len(h) for i, h in enumerate(HEADERS)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    out = [line(HEADERS)]
    group = None
    for row, cells in zip(rows, body):
        if row.group != group:
            group = row.group
            out.append("")
            out.append(f"[{GROUP_TITLES.get(group, group)}]")
        out.append(line(cells))
    out.append("")
    out.append(f"(— = no such item on those pages; {_LOWER_IS_BETTER}, all others higher is better)")
    return "\n".join(out) + "\n"


def print_table(rows: list[Row], stream: TextIO, title: str | None = None) -> None:
    """Rich when ``stream`` is a terminal, plain text otherwise (pipes, CI logs, files)."""
    if not stream.isatty():
        if title:
            stream.write(title + "\n")
        stream.write(plain_table(rows))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, caption=f"— = no such item on those pages; {_LOWER_IS_BETTER}")
    for i, header in enumerate(HEADERS):
        table.add_column(header, justify="left" if i == 0 else "right", no_wrap=i == 0)
    group = None
    for row in rows:
        if row.group != group:
            if group is not None:
                table.add_section()
            group = row.group
        table.add_row(*_cells(row), style="red" if row.errors else None)
    Console(file=stream).print(table)
