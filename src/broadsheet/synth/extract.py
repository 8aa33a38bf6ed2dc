"""Run the four text extractors the evaluation compares on a PDF page."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import pymupdf

EXTRACTORS = ("pymupdf", "pdfminer", "pdftotext", "pdftotext-raw")


class ExtractorError(RuntimeError):
    """An extractor is not installed, or failed on a page."""


def _pdftotext(path: Path, raw: bool) -> str:
    if shutil.which("pdftotext") is None:
        raise ExtractorError("pdftotext not found: apt-get install poppler-utils")
    command = ["pdftotext", "-enc", "UTF-8", *(["-raw"] if raw else []), str(path), "-"]
    result = subprocess.run(command, capture_output=True)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()[:200]
        raise ExtractorError(f"pdftotext failed on {path}: {message}")
    return result.stdout.decode("utf-8")


def _pdfminer(path: Path) -> str:
    try:
        import pdfminer.layout
        from pdfminer.high_level import extract_text
    except ImportError as exc:  # the "eval" extra
        raise ExtractorError("pdfminer.six is not installed: pip install 'broadsheet[eval]'") from exc
    # pdfminer breaks ties between equally distant text boxes by id(), a memory address, so
    # the same PDF can come out in a different order from run to run. Numbering objects in
    # the order they are first compared keeps its output (and our fingerprints) stable.
    counter = itertools.count()

    def creation_order_id(obj: object) -> int:
        number = getattr(obj, "_broadsheet_order", None)
        if number is None:
            number = next(counter)
            obj._broadsheet_order = number  # type: ignore[attr-defined]
        return number

    pdfminer.layout.id = creation_order_id  # module global shadows the builtin inside pdfminer.layout
    try:
        return extract_text(str(path))
    finally:
        del pdfminer.layout.id


def extract_all(path: Path) -> dict[str, str]:
    with pymupdf.open(path) as doc:
        pymupdf_text = doc[0].get_text()
    return {
        "pymupdf": pymupdf_text,
        "pdfminer": _pdfminer(path),
        "pdftotext": _pdftotext(path, raw=False),
        "pdftotext-raw": _pdftotext(path, raw=True),
    }


def tool_versions() -> dict[str, str]:
    """Versions of the PDF writer and extractors: regenerated files match only under the same ones."""
    from importlib.metadata import PackageNotFoundError, version

    out = {"pymupdf": pymupdf.VersionBind}
    try:
        out["pdfminer.six"] = version("pdfminer.six")
    except PackageNotFoundError:
        out["pdfminer.six"] = "missing"
    try:
        banner = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.split("\n")[0]
        out["pdftotext"] = banner.replace("pdftotext version", "").strip()
    except OSError:
        out["pdftotext"] = "missing"
    return out
