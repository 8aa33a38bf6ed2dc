"""Check the gold against the PDF it describes; any miss is a generator bug, so it raises.

Three checks (the first is about the layout, the other two about the gold):

* every character has a glyph in its font, no drawn line overlaps another or a photo, and
  all text is on the page;
* every gold string, whitespace removed, is a substring of PyMuPDF's text of the *proof*
  copy (the same canvas drawn without shadows, in reading order), whitespace removed;
* on the real page, every line the layout drew is a subsequence of the text PyMuPDF finds
  on that line's baseline and span (shadow duplicates only add characters, so they cannot
  hide a miss).
"""

from __future__ import annotations

import re

import pymupdf

from .canvas import Canvas
from .typeset import missing_glyphs

_SPACE = re.compile(r"\s+")


class GoldMismatchError(AssertionError):
    pass


def squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def gold_strings(gold: dict) -> list[tuple[str, str]]:
    """(where, text) for every string the gold asserts is on the page."""
    out = []
    for i, article in enumerate(gold["articles"]):
        where = f"articles[{i}]"
        for name in ("headline", "byline", "signoff", "continues", "continued_from"):
            if article.get(name):
                out.append((f"{where}.{name}", article[name]))
        for j, deck in enumerate(article["subheadlines"]):
            out.append((f"{where}.subheadlines[{j}]", deck))
        for j, block in enumerate(article["body"]):
            out.append((f"{where}.body[{j}]", block["text"]))
        for j, caption in enumerate(article["captions"]):
            out.append((f"{where}.captions[{j}].text", caption["text"]))
            if caption.get("credit"):
                out.append((f"{where}.captions[{j}].credit", caption["credit"]))
    for i, item in enumerate(gold["unassigned"]):
        out.append((f"unassigned[{i}]", item["text"]))
    return out


def is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def check_gold_in_proof(gold: dict, proof_pdf: bytes) -> None:
    with pymupdf.open(stream=proof_pdf, filetype="pdf") as doc:
        text = squeeze(doc[0].get_text())
    missing = [(where, s) for where, s in gold_strings(gold) if squeeze(s) not in text]
    if missing:
        lines = "; ".join(f"{where}={s[:40]!r}" for where, s in missing[:5])
        raise GoldMismatchError(f"{len(missing)} gold string(s) not on the proof page: {lines}")


def check_lines_on_page(canvas: Canvas, pdf: bytes) -> None:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        raw = doc[0].get_text("rawdict")
    # every character with its origin (x, baseline), bucketed by baseline to the nearest point
    by_baseline: dict[int, list[tuple[float, str]]] = {}
    for block in raw["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                for char in span["chars"]:
                    x, y = char["origin"]
                    by_baseline.setdefault(round(y), []).append((x, char["c"]))
    misses = []
    for run in canvas.runs:
        right = run.x + run.width + 2
        found = "".join(c for key in range(round(run.y) - 2, round(run.y) + 3)
                        for x, c in by_baseline.get(key, ()) if run.x - 2 <= x <= right)
        if not is_subsequence(squeeze(run.text), squeeze(found)):
            misses.append(run.text)
    if misses:
        raise GoldMismatchError(f"{len(misses)} drawn line(s) not found on the page: {misses[:3]!r}")


def _ink_box(run) -> tuple[float, float, float, float]:
    # the glyphs' body, tighter than the line box, so touching lines do not count
    return (run.x, run.y - run.size * 0.8, run.x + run.width, run.y + run.size * 0.15)


def _overlap(a, b, pad: float = 0.5) -> bool:
    return a[0] < b[2] - pad and b[0] < a[2] - pad and a[1] < b[3] - pad and b[1] < a[3] - pad


def check_no_collisions(canvas: Canvas, width: float, height: float, margin: float = 8.0) -> None:
    """No drawn text overlaps other text or a photo, and all of it is on the page."""
    boxes = [(_ink_box(run), run.text) for run in canvas.runs]
    photos = [shape.rect for shape in canvas.shapes if shape.kind == "photo"]
    problems = []
    for (box, text), run in zip(boxes, canvas.runs):
        if box[0] < margin or box[1] < margin or box[2] > width - margin or box[3] > height - margin:
            problems.append(f"off the page: {text[:20]!r}")
        if run.role != "photo_credit":  # the one text meant to sit on a picture
            problems.extend(f"over a photo: {text[:20]!r}" for photo in photos if _overlap(box, photo))
    # text against text, compared only within horizontal bands
    bands: dict[int, list[int]] = {}
    for index, (box, _) in enumerate(boxes):
        for band in range(int(box[1] // 20), int(box[3] // 20) + 1):
            bands.setdefault(band, []).append(index)
    seen = set()
    for members in bands.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if (a, b) not in seen and _overlap(boxes[a][0], boxes[b][0]):
                    seen.add((a, b))
                    problems.append(f"text over text: {boxes[a][1][:20]!r} / {boxes[b][1][:20]!r}")
    if problems:
        raise GoldMismatchError(f"{len(problems)} layout collision(s): {problems[:3]}")


def check_glyphs(canvas: Canvas) -> None:
    """Every drawn character is in the font it is drawn with (no silent fallback fonts)."""
    missing = {(run.font, ch) for run in canvas.runs for ch in missing_glyphs(run.text, run.font)}
    if missing:
        raise GoldMismatchError(f"characters without a glyph: {sorted(missing)[:5]}")
