"""A jump line read onto one line with the text beside it.

poppler's ``pdftotext -raw`` builds a line from the glyphs that share a baseline, so a
jump line at a column's foot (``Continued on A2``, ``轉A9版``) and a caption or line of
text level with it in the next column come out as one line::

    Continued on A2 Stallholders set up tables inside the old train shed. (Photo by …)

The jump line is cut off into a line of its own, so that it is read as a jump line and
what follows as what it is (and a shadow copy of it, on the next line, is seen as one).
Nothing is removed: the space between the two is not text.
"""

from __future__ import annotations

import re

from .. import cues
from ..model import Line, Removal
from .per_line import split_line

# The jump-line forms of cues.CONTINUATION, followed by a space and more text.
_JUMP_THEN_TEXT = re.compile(cues.CONTINUATION.pattern.removesuffix("$") + r"[ \u00a0\u3000]+(?=[A-Z\u3400-\u9fff])")
# The text after it holds this many characters at least: a few more are the jump line's own
# (Continued on A2 Page).
MIN_REST = 10


def split_jump_lines_run_into_text(lines: list[Line], source: str) -> tuple[list[Line], list[Removal]]:
    """Cut a jump line off the text an extractor ran it into."""
    out: list[Line] = []
    for line in lines:
        string = line.string
        match = _JUMP_THEN_TEXT.match(string) if cues.may_be_continuation(string) else None
        if match is None or len(string) - match.end() < MIN_REST:
            out.append(line)
            continue
        out.extend(split_line(line, match.end()))
    return out, []
