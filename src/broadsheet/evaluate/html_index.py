"""``eval --html DIR``: one HTML report per page (broadsheet.write.report) and an index, worst first."""

from __future__ import annotations

import html
import importlib
from pathlib import Path
from typing import Callable

from .metrics import METRICS, score_page
from .runner import GoldPage
from .table import format_value


def find_render_report() -> Callable | None:
    """``broadsheet.write.report.render_report`` if that module is there, else ``None``."""
    try:
        module = importlib.import_module("broadsheet.write.report")
    except ModuleNotFoundError as exc:
        if exc.name in ("broadsheet.write.report", "broadsheet.write"):
            return None
        raise
    return getattr(module, "render_report", None)


def page_score(metrics: dict[str, float | None]) -> float:
    """One number to rank pages by: the mean of the higher-is-better metrics the page has."""
    values = [metrics[m.name] for m in METRICS if m.higher_is_better and metrics.get(m.name) is not None]
    return sum(values) / len(values) if values else 1.0


def _file_name(page_id: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in page_id)
    return f"{safe}.html"


def write_reports(pages: list[GoldPage], out_dir: str | Path, extractor: str, render_report: Callable) -> Path:
    """Restore each page's ``text/<extractor>.txt``, render its report, and write index.html.

    The index lists pages by :func:`page_score`, worst first, with each
    metric; a page whose restore or rendering failed is listed with the error.
    """
    from ..api import restore

    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)
    entries: list[tuple[float, GoldPage, str | None, dict, str | None]] = []
    for page in pages:
        path = page.text_path(extractor)
        if not path.is_file():
            continue
        name = _file_name(page.id)
        try:
            raw_text = path.read_text(encoding="utf-8")
            restored = restore(raw_text, source=str(path))
            metrics = score_page(page.gold, restored.to_dict())
            report = render_report(restored, raw_text, gold=page.gold, metrics=metrics, pdf_path=None)
            (directory / name).write_text(report, encoding="utf-8")
            entries.append((page_score(metrics), page, name, metrics, None))
        except Exception as exc:  # noqa: BLE001 - a broken page is listed, not fatal
            entries.append((0.0, page, None, {}, f"{type(exc).__name__}: {exc}"))
    entries.sort(key=lambda e: (e[0], e[1].id))
    head = "".join(f"<th>{html.escape(m.label)}</th>" for m in METRICS)
    lines = []
    for score, page, name, metrics, error in entries:
        link = f'<a href="{html.escape(name)}">{html.escape(page.id)}</a>' if name else html.escape(page.id)
        subset = html.escape(page.script + (" held-out" if page.held_out else ""))
        if error:
            cells = f'<td colspan="{len(METRICS)}" class="error">{html.escape(error)}</td>'
        else:
            cells = "".join(f"<td>{format_value(metrics.get(m.name))}</td>" for m in METRICS)
        lines.append(f"<tr><td>{link}</td><td>{subset}</td><td>{score:.3f}</td>{cells}</tr>")
    index = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>broadsheet eval: {html.escape(extractor)}</title>
<style>body{{font-family:sans-serif}} td,th{{padding:2px 8px;text-align:right}}
td:nth-child(-n+2),th:nth-child(-n+2){{text-align:left}}
.error{{color:#b00;text-align:left}}</style></head><body>
<h1>broadsheet eval — {html.escape(extractor)} text, worst pages first</h1>
<p>score = mean of the higher-is-better metrics the page has; chars err is lower-is-better.</p>
<table><tr><th>page</th><th>script</th><th>score</th>{head}</tr>
{chr(10).join(lines)}
</table></body></html>
"""
    index_path = directory / "index.html"
    index_path.write_text(index, encoding="utf-8")
    return index_path
