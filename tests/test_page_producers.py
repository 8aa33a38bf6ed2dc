"""The page producers in tools/ (extra ``pages``): ReportLab, Typst and XeLaTeX set the
synthesizer's articles as a fourth, fifth and sixth producer would; their pages carry gold
the eval reads, every gold string printed on the page."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

TOOLS = Path(__file__).resolve().parent.parent / "tools"


@pytest.mark.parametrize("tool, engine", [("rl_pages.py", "reportlab"), ("typst_pages.py", "typst"),
                                          ("latex_pages.py", "xelatex")])
def test_a_producer_writes_one_page_pdfs_with_gold_on_the_page_and_extracted_texts(tmp_path, tool, engine):
    if engine == "xelatex":
        if shutil.which("xelatex") is None:
            pytest.skip("xelatex not installed")
    else:
        pytest.importorskip(engine)
    subprocess.run([sys.executable, str(TOOLS / tool), str(tmp_path), "--pages", "3", "--seed", "5"], check=True,
                   capture_output=True)
    folders = sorted(p for p in tmp_path.iterdir() if p.is_dir())
    assert [f.name.split("-")[1] for f in folders] == ["hant", "hans", "en"]
    for folder in folders:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        with pymupdf.open(folder / "page.pdf") as doc:
            assert len(doc) == 1
            # Typst's line-end hyphens read as soft hyphens, TeX's as hyphens: not part of
            # any gold string, so TeX's pages are compared with their hyphens taken out.
            text = "".join(doc[0].get_text().split()).replace("\u00ad", "")
        assert gold["articles"] and gold["meta"]["engine"] == engine
        def printed(string: str) -> bool:
            squeezed = "".join(string.split())
            return squeezed in text if engine != "xelatex" else squeezed.replace("-", "") in text.replace("-", "")

        for article in gold["articles"]:
            assert printed(article["headline"])
            for block in article["body"]:
                assert printed(block["text"])
        assert {p.name for p in (folder / "text").iterdir()} >= {"pymupdf.txt", "pdftotext.txt"}
