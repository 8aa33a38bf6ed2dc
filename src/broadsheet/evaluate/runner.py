"""Load a gold set, get predictions for it (from files or by running), score them, average them.

A gold set is a directory in this layout (docs/eval.md, "Gold set layout")::

    MANIFEST.json                      {"pages": [ids], ...}
    <page_id>/gold.json                the page contract + "meta"
    <page_id>/meta.json                {"script", "held_out", ...}
    <page_id>/page.pdf                 (optional here: PDF rows need it)
    <page_id>/text/<extractor>.txt     one file per text extractor

Predictions are scored per page and per *extractor* (a row: a text extractor
fed to ``broadsheet.restore``, the PDF reader, or a baseline), then averaged
per row over all pages, per script and for held-out against tuned pages.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import BadInputError
from .baselines import (
    BLANK_LINES_BASELINE, BLANK_LINES_SOURCE, PYMUPDF4LLM, PYMUPDF_BLOCKS_BASELINE,
    blank_lines_baseline, pymupdf4llm_prediction, pymupdf_blocks_baseline,
)
from .metrics import EMPTY_PREDICTION, METRICS, score_page

TEXT_EXTRACTORS = ("pymupdf", "pdfminer", "pdftotext", "pdftotext-raw")
PDF_READER = "pdf"
BASELINES = (PYMUPDF4LLM, BLANK_LINES_BASELINE, PYMUPDF_BLOCKS_BASELINE)
EXTRACTORS = (*TEXT_EXTRACTORS, PDF_READER, *BASELINES)
DEFAULT_WORKERS = 2
# Seconds one row may spend on one page before it is scored empty as an error.
DEFAULT_TIMEOUT = 120.0


@dataclass(frozen=True, slots=True)
class GoldPage:
    id: str
    directory: Path
    gold: dict
    meta: dict

    @property
    def script(self) -> str:
        return str(self.meta.get("script") or "unknown")

    @property
    def held_out(self) -> bool:
        return bool(self.meta.get("held_out"))

    @property
    def pdf_path(self) -> Path:
        return self.directory / "page.pdf"

    def text_path(self, extractor: str) -> Path:
        return self.directory / "text" / f"{extractor}.txt"

    def raw_text(self, extractor: str) -> str:
        return self.text_path(extractor).read_text(encoding="utf-8")


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadInputError(f"cannot read: {exc.strerror}", str(path)) from None
    except ValueError as exc:
        raise BadInputError(f"not valid JSON: {exc}", str(path)) from None
    if not isinstance(data, dict):
        raise BadInputError("expected a JSON object", str(path))
    return data


def page_ids(gold_dir: Path) -> list[str]:
    """The pages of a gold set: MANIFEST.json's list, else every subdirectory holding a gold.json."""
    manifest = gold_dir / "MANIFEST.json"
    if manifest.exists():
        ids = _read_json(manifest).get("pages")
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise BadInputError('"pages" must be a list of page ids', str(manifest))
        return list(ids)
    return sorted(p.name for p in gold_dir.iterdir() if (p / "gold.json").is_file())


def load_gold_set(gold_dir: str | Path) -> list[GoldPage]:
    directory = Path(gold_dir)
    if not directory.is_dir():
        raise BadInputError("no such gold directory", str(gold_dir))
    pages = []
    for page_id in page_ids(directory):
        page_dir = directory / page_id
        gold = _read_json(page_dir / "gold.json")
        meta_path = page_dir / "meta.json"
        meta = _read_json(meta_path) if meta_path.exists() else dict(gold.get("meta") or {})
        pages.append(GoldPage(page_id, page_dir, gold, meta))
    if not pages:
        raise BadInputError("no gold pages (no MANIFEST.json pages, no */gold.json)", str(gold_dir))
    return pages


# -- predictions ------------------------------------------------------------

def _flatten_document(document: dict) -> dict:
    """A PDF's contract (pages of articles) as one page: the eval pages are one PDF page each."""
    if "pages" not in document:
        return document
    articles: list = []
    unassigned: list = []
    for page in document["pages"]:
        articles.extend(page.get("articles") or [])
        unassigned.extend(page.get("unassigned") or [])
    return {"articles": articles, "unassigned": unassigned}


def pdf_reader_available() -> bool:
    return importlib.util.find_spec("broadsheet.read.pdf") is not None


def pymupdf4llm_available() -> bool:
    return importlib.util.find_spec("pymupdf4llm") is not None


def runnable_extractors(page: GoldPage, wanted: Iterable[str]) -> list[str]:
    """The rows this page has inputs for (a text file, or page.pdf plus the code that reads it)."""
    out = []
    has_pdf = page.pdf_path.is_file()
    for name in wanted:
        if name in TEXT_EXTRACTORS:
            ok = page.text_path(name).is_file()
        elif name == BLANK_LINES_BASELINE:
            ok = page.text_path(BLANK_LINES_SOURCE).is_file()
        elif name == PDF_READER:
            ok = has_pdf and pdf_reader_available()
        elif name == PYMUPDF4LLM:
            ok = has_pdf and pymupdf4llm_available()
        else:
            ok = has_pdf
        if ok:
            out.append(name)
    return out


def predict(page: GoldPage, extractor: str) -> dict:
    """Run one row on one page and return its prediction in the contract (raises on failure)."""
    from ..api import restore, restore_file

    if extractor in TEXT_EXTRACTORS:
        return restore(page.raw_text(extractor), source=str(page.text_path(extractor))).to_dict()
    if extractor == PDF_READER:
        return _flatten_document(restore_file(page.pdf_path).to_dict())
    if extractor == PYMUPDF4LLM:
        return pymupdf4llm_prediction(page.pdf_path)
    if extractor == BLANK_LINES_BASELINE:
        return blank_lines_baseline(page.raw_text(BLANK_LINES_SOURCE))
    if extractor == PYMUPDF_BLOCKS_BASELINE:
        return pymupdf_blocks_baseline(page.pdf_path)
    raise ValueError(f"unknown extractor {extractor!r}")


def _error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:300]


@dataclass(slots=True)
class Outcome:
    """One row on one page: its scores, and the error that emptied its prediction, if any."""

    page_id: str
    extractor: str
    metrics: dict[str, float | None]
    error: str | None = None
    prediction: dict | None = None  # kept only when asked for (--save-pred) and when there was one


def _scored(page: GoldPage, extractor: str, prediction: dict | None, error: str | None, keep: bool) -> Outcome:
    scored = score_page(page.gold, prediction if prediction is not None else EMPTY_PREDICTION)
    return Outcome(page.id, extractor, scored, error, prediction if keep else None)


class RowTimeout(Exception):
    """A row took longer than the per-row time limit on one page."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`RowTimeout` in this thread after ``seconds`` (SIGALRM; a no-op where unavailable).

    A pipeline stuck in a loop on one page must cost that page, not the run.
    The alarm interrupts Python code; a stall inside a C library is caught by
    the pool's crash handling only if the process dies.
    """
    usable = seconds and hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(_signum, _frame):
        raise RowTimeout(f"no result after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_page(
    page: GoldPage, extractors: tuple[str, ...], keep_predictions: bool = False, timeout: float | None = None,
) -> list[Outcome]:
    """Predict and score every row of one page; a failing or overlong row scores as an empty prediction."""
    outcomes = []
    for extractor in runnable_extractors(page, extractors):
        try:
            with time_limit(timeout):
                prediction, error = predict(page, extractor), None
        except Exception as exc:  # noqa: BLE001 - one broken page must not stop the run
            prediction, error = None, _error_text(exc)
        outcomes.append(_scored(page, extractor, prediction, error, keep_predictions))
    return outcomes


def _crashed(page: GoldPage, extractors: tuple[str, ...]) -> list[Outcome]:
    return [_scored(page, name, None, "worker process crashed", False) for name in runnable_extractors(page, extractors)]


def run_pipeline(
    pages: list[GoldPage],
    extractors: tuple[str, ...] = EXTRACTORS,
    workers: int = DEFAULT_WORKERS,
    keep_predictions: bool = False,
    progress: Callable[[int, int], None] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> list[Outcome]:
    """Run and score every page in a pool of ``workers`` processes.

    A page whose worker dies (a crash inside a C library) is retried alone in
    a fresh process, so the crash is pinned on that page and the others keep
    their scores.
    """
    results: dict[str, list[Outcome]] = {}
    if workers <= 1:
        for done, page in enumerate(pages, 1):
            results[page.id] = run_page(page, extractors, keep_predictions, timeout)
            if progress:
                progress(done, len(pages))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(run_page, page, extractors, keep_predictions, timeout): page for page in pages}
            for future in as_completed(futures):
                try:
                    results[futures[future].id] = future.result()
                except BrokenProcessPool:
                    continue
                if progress:
                    progress(len(results), len(pages))
        for page in pages:
            if page.id in results:
                continue
            with ProcessPoolExecutor(max_workers=1) as lone:
                try:
                    results[page.id] = lone.submit(run_page, page, extractors, keep_predictions, timeout).result()
                except BrokenProcessPool:
                    results[page.id] = _crashed(page, extractors)
    return [outcome for page in pages for outcome in results[page.id]]


def _check_prediction(data: dict, path: Path) -> dict:
    """A prediction file reduced to the shape the metrics read, or BadInputError."""
    data = _flatten_document(data)
    articles = data.get("articles")
    if not isinstance(articles, list) or not all(isinstance(a, dict) for a in articles):
        raise BadInputError('"articles" must be a list of objects', str(path))
    unassigned = data.get("unassigned") or []
    if not isinstance(unassigned, list) or not all(isinstance(b, dict) for b in unassigned):
        raise BadInputError('"unassigned" must be a list of objects', str(path))
    return data


def score_prediction_files(pages: list[GoldPage], pred_dir: str | Path, extractors: tuple[str, ...] | None = None) -> list[Outcome]:
    """Score PRED_DIR/<page_id>/<extractor>.json against the gold set.

    Rows are the extractors found in PRED_DIR (or those asked for). A page that
    lacks a row's file, or holds an unreadable one, scores as an empty
    prediction and counts as an error of that row.
    """
    root = Path(pred_dir)
    if not root.is_dir():
        raise BadInputError("no such prediction directory", str(pred_dir))
    if extractors is None:
        found = {p.stem for page in pages for p in (root / page.id).glob("*.json")}
        extractors = tuple(name for name in EXTRACTORS if name in found) + tuple(sorted(found - set(EXTRACTORS)))
    outcomes = []
    for page in pages:
        for extractor in extractors:
            path = root / page.id / f"{extractor}.json"
            if not path.is_file():
                outcomes.append(_scored(page, extractor, None, "no prediction file", False))
                continue
            try:
                prediction, error = _check_prediction(_read_json(path), path), None
            except BadInputError as exc:
                prediction, error = None, exc.one_line()
            outcomes.append(_scored(page, extractor, prediction, error, False))
    return outcomes


# -- averaging --------------------------------------------------------------

@dataclass(slots=True)
class Row:
    """One line of the results table: a row (extractor) over a subset of pages."""

    key: str  # "pymupdf", "pymupdf:hant", "pymupdf:held-out" - the name floors are pinned under
    extractor: str
    group: str  # "extractor" | "script" | "split"
    subset: str  # "all", a script name, "held-out" or "tuned"
    pages: int = 0
    errors: int = 0
    metrics: dict[str, float | None] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"key": self.key, "extractor": self.extractor, "group": self.group, "subset": self.subset,
                "pages": self.pages, "errors": self.errors, "metrics": self.metrics}


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def _row(key: str, extractor: str, group: str, subset: str, outcomes: list[Outcome]) -> Row:
    return Row(
        key, extractor, group, subset, pages=len(outcomes), errors=sum(o.error is not None for o in outcomes),
        metrics={m.name: _mean([o.metrics.get(m.name) for o in outcomes]) for m in METRICS},
    )


def aggregate(pages: list[GoldPage], outcomes: list[Outcome]) -> list[Row]:
    """Page-averaged rows: each extractor over all pages, then per script, then held-out vs tuned."""
    by_id = {page.id: page for page in pages}
    names = list(dict.fromkeys(o.extractor for o in outcomes))
    names.sort(key=lambda n: (EXTRACTORS.index(n) if n in EXTRACTORS else len(EXTRACTORS), n))
    of = {name: [o for o in outcomes if o.extractor == name] for name in names}
    scripts = sorted({page.script for page in pages})
    rows = [_row(name, name, "extractor", "all", of[name]) for name in names]
    for script in scripts:
        for name in names:
            subset = [o for o in of[name] if by_id[o.page_id].script == script]
            if subset:
                rows.append(_row(f"{name}:{script}", name, "script", script, subset))
    for held_out, label in ((False, "tuned"), (True, "held-out")):
        for name in names:
            subset = [o for o in of[name] if by_id[o.page_id].held_out == held_out]
            if subset:
                rows.append(_row(f"{name}:{label}", name, "split", label, subset))
    return rows


def stderr_progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\rscored {done}/{total} pages", end="" if done < total else "\n", file=sys.stderr, flush=True)
