"""tools/rl_pages.py, the ReportLab page producer (extra ``pages``): its pages carry gold the
eval reads, every gold string printed on the page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

pytest.importorskip("reportlab")

TOOL = Path(__file__).resolve().parent.parent / "tools" / "rl_pages.py"


def test_rl_pages_writes_one_page_pdfs_with_gold_on_the_page_and_extracted_texts(tmp_path):
    subprocess.run([sys.executable, str(TOOL), str(tmp_path), "--pages", "3", "--seed", "5"], check=True,
                   capture_output=True)
    folders = sorted(p for p in tmp_path.iterdir() if p.is_dir())
    assert [f.name.split("-")[1] for f in folders] == ["hant", "hans", "en"]
    for folder in folders:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        with pymupdf.open(folder / "page.pdf") as doc:
            assert len(doc) == 1
            text = "".join(doc[0].get_text().split())
        assert gold["articles"] and gold["meta"]["engine"] == "reportlab"
        for article in gold["articles"]:
            for block in article["body"]:
                assert "".join(block["text"].split()) in text
        assert {p.name for p in (folder / "text").iterdir()} >= {"pymupdf.txt", "pdftotext.txt"}
