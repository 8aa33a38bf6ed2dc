"""Layout of a born-digital PDF page: duplicate glyphs, columns, typography, articles.

Stages, each a module, in the order :func:`restore_pdf_page` runs them:

    extract   page → spans with input offsets, photo boxes, frames, rules
    dedupe    glyphs drawn twice at one place → removals ("duplicate_glyph")
    lines     kept glyphs → model Lines with their type style
    order     recursive XY-cut → column segments in reading order
    blocks    segments → blocks typed by size, weight, position and cues
    articles  blocks → articles by the areas headlines govern
"""

from .page import restore_pdf_page

__all__ = ["restore_pdf_page"]
