"""Synthetic newspaper pages with gold: ``broadsheet synth`` (see docs/synth.md).

The pipeline per page: plan (layout family) -> compose (canvas of runs and shapes, gold
from the layout's own knowledge) -> render (shadow method, draw order) -> verify (gold on
the page) -> extract (four extractors) -> write.
"""

from .corpus_format import CorpusArticle, load_corpus
from .generate import (
    GENERATOR_VERSION,
    GeneratedPage,
    PageParams,
    SynthError,
    build_page,
    fingerprint,
    generate_set,
    plan_set,
)
from .page_layout import HELD_OUT_LAYOUT, LAYOUT_FAMILIES
from .render import DRAW_ORDERS, HELD_OUT_SHADOW, SHADOW_METHODS

__all__ = [
    "CorpusArticle",
    "DRAW_ORDERS",
    "GENERATOR_VERSION",
    "GeneratedPage",
    "HELD_OUT_LAYOUT",
    "HELD_OUT_SHADOW",
    "LAYOUT_FAMILIES",
    "PageParams",
    "SHADOW_METHODS",
    "SynthError",
    "build_page",
    "fingerprint",
    "generate_set",
    "load_corpus",
    "plan_set",
]
