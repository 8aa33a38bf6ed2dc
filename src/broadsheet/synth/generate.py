"""Generate synthetic newspaper pages with gold, extractor texts and a fingerprinted manifest.

Layout per output directory::

    MANIFEST.json                {"seed", "count", "generator_version", "fingerprint", "pages", ...}
    <page_id>/page.pdf
    <page_id>/gold.json          the page contract (no "removed", no "spans") + "meta"
    <page_id>/meta.json
    <page_id>/text/{pymupdf,pdfminer,pdftotext,pdftotext-raw}.txt
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .canvas import Canvas
from .corpus_format import CORPORA, SCRIPTS, load_corpus
from .extract import EXTRACTORS, extract_all, tool_versions
from .page_layout import HELD_OUT_LAYOUT, LAYOUT_FAMILIES, PAGE_HEIGHT, PAGE_WIDTH, ArticlePicker, compose_page, plan_page
from .render import DRAW_ORDERS, HELD_OUT_SHADOW, SHADOW_METHODS, render
from .styles import LANGUAGE, make_furniture, make_style
from .verify import check_glyphs, check_gold_in_proof, check_lines_on_page, check_no_collisions

GENERATOR_VERSION = "4"
SCRIPT_CHOICES = (*SCRIPTS, "mixed")
MIXED_SHARES = {"hant": 0.4, "hans": 0.3, "en": 0.3}
# Held-out variants are drawn less often so most pages stay available for tuning.
LAYOUT_SHARES = {name: (0.15 if name == HELD_OUT_LAYOUT else 0.85 / (len(LAYOUT_FAMILIES) - 1))
                 for name in LAYOUT_FAMILIES}
SHADOW_SHARES = {name: (0.16 if name == HELD_OUT_SHADOW else 0.84 / (len(SHADOW_METHODS) - 1))
                 for name in SHADOW_METHODS}
ORDER_SHARES = {name: 1 / len(DRAW_ORDERS) for name in DRAW_ORDERS}
PAGE_DIR = re.compile(r"^p\d{4}-(hant|hans|en)$")
MAX_ATTEMPTS = 8
# Each distinct CJK character costs ~0.3 KB of embedded font; above ~500 a page passes the
# 150 KB aim, so such a layout is re-planned (the page with the fewest is kept if none fit).
MAX_DISTINCT_GLYPHS = 480


class SynthError(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class PageParams:
    page_id: str
    index: int
    script: str
    layout: str
    shadow: str
    draw_order: str
    seed: int
    corpus: str = "shipped"

    @property
    def held_out(self) -> bool:
        return self.layout == HELD_OUT_LAYOUT or self.shadow == HELD_OUT_SHADOW


def quota(count: int, shares: dict[str, float]) -> list[str]:
    """``count`` labels in proportion to ``shares`` (largest remainder), in a fixed order."""
    exact = {name: count * share for name, share in shares.items()}
    floors = {name: int(value) for name, value in exact.items()}
    left = count - sum(floors.values())
    for name in sorted(shares, key=lambda n: (-(exact[n] - floors[n]), list(shares).index(n)))[:left]:
        floors[name] += 1
    return [name for name in shares for _ in range(floors[name])]


def page_seed(seed: int, index: int) -> int:
    return int(hashlib.sha256(f"broadsheet-synth:{seed}:{index}".encode()).hexdigest()[:12], 16)


def plan_set(count: int, seed: int, script: str, corpus: str = "shipped") -> list[PageParams]:
    """Which script, layout family, shadow method and draw order each page gets.

    ``corpus`` only says which text the pages are set from: the plan is the same for either."""
    if script not in SCRIPT_CHOICES:
        raise SynthError(f"unknown script {script!r}; choose from {', '.join(SCRIPT_CHOICES)}")
    if corpus not in CORPORA:
        raise SynthError(f"unknown corpus {corpus!r}; choose from {', '.join(CORPORA)}")
    rng = random.Random(seed)
    scripts = quota(count, MIXED_SHARES) if script == "mixed" else [script] * count
    layouts = quota(count, LAYOUT_SHARES)
    shadows = quota(count, SHADOW_SHARES)
    orders = quota(count, ORDER_SHARES)
    for labels in (scripts, layouts, shadows, orders):
        rng.shuffle(labels)
    return [
        PageParams(f"p{i + 1:04d}-{scripts[i]}", i + 1, scripts[i], layouts[i], shadows[i], orders[i],
                   page_seed(seed, i + 1), corpus)
        for i in range(count)
    ]


@dataclass(slots=True)
class GeneratedPage:
    params: PageParams
    pdf: bytes
    gold: dict
    meta: dict
    canvas: Canvas  # what was laid out, for checks; not written


def _distinct_glyphs(composed) -> int:
    return len({ch for run in composed.canvas.runs if run.font == "cjk" for ch in run.text})


def build_page(params: PageParams) -> GeneratedPage:
    """Lay out, draw and verify one page (no files written)."""
    rng = random.Random(params.seed)
    corpus = load_corpus(params.script, params.corpus)
    style = make_style(params.script, rng)
    furniture = make_furniture(params.script, rng)
    composed = None
    for _ in range(MAX_ATTEMPTS):
        plan = plan_page(params.layout, rng, style, ArticlePicker(corpus, rng))
        candidate = compose_page(plan, style, furniture)
        if not 2 <= len(candidate.articles) <= 5:
            continue
        if composed is None or _distinct_glyphs(candidate) < _distinct_glyphs(composed):
            composed = candidate
        if _distinct_glyphs(composed) <= MAX_DISTINCT_GLYPHS:
            break
    if composed is None:
        raise SynthError(f"{params.page_id}: no layout with 2-5 articles after {MAX_ATTEMPTS} attempts")
    try:
        check_glyphs(composed.canvas)
    except AssertionError as exc:
        raise SynthError(f"{params.page_id}: {exc}") from None
    render_rng = random.Random(rng.random())
    try:
        pdf = render(composed.canvas, PAGE_WIDTH, PAGE_HEIGHT, params.shadow, params.draw_order, render_rng)
        proof = render(composed.canvas, PAGE_WIDTH, PAGE_HEIGHT, "none", "natural", random.Random(0))
    except ValueError as exc:  # a character the font cannot draw
        raise SynthError(f"{params.page_id}: {exc}") from None
    meta = {
        "script": params.script,
        "layout": params.layout,
        "shadow": params.shadow,
        "draw_order": params.draw_order,
        "held_out": params.held_out,
        "seed": params.seed,
        "columns": composed.columns,
        "justified": style.justify,
        "articles": len(composed.articles),
        "generator_version": GENERATOR_VERSION,
    }
    if params.corpus != "shipped":  # pages from the shipped text stay byte-identical to before
        meta["corpus"] = params.corpus
    gold = {
        "schema_version": 1,
        "source": f"{params.page_id}/page.pdf",
        "language": LANGUAGE[params.script],
        "number": 1,
        "articles": composed.articles,
        "unassigned": composed.unassigned,
        "meta": meta,
    }
    try:
        check_no_collisions(composed.canvas, PAGE_WIDTH, PAGE_HEIGHT)
        check_gold_in_proof(gold, proof)
        check_lines_on_page(composed.canvas, pdf)
    except AssertionError as exc:
        raise SynthError(f"{params.page_id}: {exc}") from None
    return GeneratedPage(params, pdf, gold, meta, composed.canvas)


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_page(page: GeneratedPage, outdir: Path) -> None:
    folder = outdir / page.params.page_id
    (folder / "text").mkdir(parents=True, exist_ok=True)
    pdf_path = folder / "page.pdf"
    pdf_path.write_bytes(page.pdf)
    (folder / "gold.json").write_text(_dump(page.gold), encoding="utf-8")
    (folder / "meta.json").write_text(_dump(page.meta), encoding="utf-8")
    for name, text in extract_all(pdf_path).items():
        if not text.strip():
            raise SynthError(f"{page.params.page_id}: extractor {name} returned no text")
        (folder / "text" / f"{name}.txt").write_text(text, encoding="utf-8")


def generate_one(params: PageParams, outdir: Path) -> str:
    write_page(build_page(params), outdir)
    return params.page_id


def fingerprint(directory: Path) -> str:
    """sha256 over every file except MANIFEST.json, sorted by relative path: path, NUL, bytes, NUL."""
    digest = hashlib.sha256()
    files = sorted(p for p in directory.rglob("*") if p.is_file() and p.name != "MANIFEST.json")
    for path in files:
        digest.update(path.relative_to(directory).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _clear_previous(outdir: Path) -> None:
    """Remove page folders an earlier run wrote (recognised by name and meta.json), nothing else."""
    for child in outdir.iterdir() if outdir.exists() else ():
        if child.is_dir() and PAGE_DIR.match(child.name) and (child / "meta.json").exists():
            shutil.rmtree(child)


def generate_set(outdir: Path, count: int, seed: int, script: str = "mixed", jobs: int = 1,
                 progress=None, corpus: str = "shipped") -> dict:
    if count < 1:
        raise SynthError("--pages must be at least 1")
    plans = plan_set(count, seed, script, corpus)
    outdir.mkdir(parents=True, exist_ok=True)
    _clear_previous(outdir)
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for page_id in pool.map(generate_one, plans, [outdir] * len(plans)):
                if progress:
                    progress(page_id)
    else:
        for params in plans:
            generate_one(params, outdir)
            if progress:
                progress(params.page_id)
    manifest = {
        "seed": seed,
        "count": count,
        "script": script,
        **({"corpus": corpus} if corpus != "shipped" else {}),
        "generator_version": GENERATOR_VERSION,
        "held_out": {"layout": HELD_OUT_LAYOUT, "shadow": HELD_OUT_SHADOW},
        "extractors": list(EXTRACTORS),
        "tools": tool_versions(),
        "fingerprint": fingerprint(outdir),
        "pages": [p.page_id for p in plans],
    }
    (outdir / "MANIFEST.json").write_text(_dump(manifest), encoding="utf-8")
    return manifest
