"""Extracted text of several pages, parted by form feeds (pdftotext paper.pdf)."""

import json
import subprocess
import sys

import broadsheet
from broadsheet.model import Document, Page

SENTENCE = "Commuter groups reacted angrily to the news on Monday."
PAGES = (
    "Harbour ferry fares to rise\nBy Tom Chan\n"
    "A single adult trip to Cheung Chau will cost HK$15.90, up from HK$14.80.\n" + SENTENCE + "\n\f"
    "\f"  # an empty page keeps its number
    "Night market returns\nBy Ann Lee\n"
    "The night market on Temple Street reopened on Saturday with 400 stalls.\n" + SENTENCE + "\n\f"
)


def test_each_page_is_restored_alone_and_keeps_its_number(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(PAGES, encoding="utf-8")
    document = broadsheet.restore_file(path)
    assert isinstance(document, Document)
    assert [page.number for page in document.pages] == [1, 3]
    assert [[a.headline.string for a in page.articles] for page in document.pages] == [
        ["Harbour ferry fares to rise"], ["Night market returns"]]


def test_a_sentence_each_page_prints_is_no_copy_across_pages():
    document = broadsheet.restore_bytes(PAGES.encode())
    for page in document.pages:
        assert page.articles[0].body[-1].string == SENTENCE
        assert page.removed == []


def test_offsets_count_from_the_pages_own_start_as_a_pdf_pages_do():
    document = broadsheet.restore_bytes(PAGES.encode())
    second = document.pages[1]
    block = second.articles[0].body[0]
    (start, end), = block.text.spans()
    assert second.input_text[start:end] == block.string


def test_text_with_one_page_and_a_closing_form_feed_is_a_page():
    assert isinstance(broadsheet.restore_bytes(PAGES.split("\f")[0].encode() + b"\f"), Page)


def test_the_cli_writes_a_document_of_pages():
    run = subprocess.run([sys.executable, "-m", "broadsheet", "restore", "-"], input=PAGES.encode(),
                         capture_output=True, check=True)
    assert [page["number"] for page in json.loads(run.stdout)["pages"]] == [1, 3]
