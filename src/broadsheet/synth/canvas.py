"""What the layout decided to put on a page, before anything is drawn.

A :class:`Canvas` holds text runs (one line of text at a baseline) and shapes, each in a
numbered draw group. The renderer draws groups in the page's draw order; the verifier
reads the runs to know exactly where each gold string went.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .typeset import face

Rect = tuple[float, float, float, float]

# Group kinds whose text gets the page's shadow treatment, and which "headlines-last" moves.
HEADLINE_GROUPS = ("headline", "box-title")


@dataclass(slots=True)
class Run:
    x: float
    y: float  # baseline
    text: str
    font: str
    size: float
    role: str
    group: int
    shadow: bool = False

    @property
    def width(self) -> float:
        return face(self.font).width(self.text, self.size)

    @property
    def rect(self) -> Rect:
        return (self.x, self.y - self.size * 0.95, self.x + self.width, self.y + self.size * 0.3)


@dataclass(slots=True)
class Shape:
    kind: str  # "photo" | "rule" | "frame"
    rect: Rect
    group: int
    variant: int = 0  # which simple picture a photo box shows


@dataclass(slots=True)
class Canvas:
    runs: list[Run] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    group_kinds: list[str] = field(default_factory=list)

    def group(self, kind: str) -> int:
        self.group_kinds.append(kind)
        return len(self.group_kinds) - 1

    def text(self, x: float, y: float, text: str, font: str, size: float, role: str, group: int,
             shadow: bool = False) -> Run:
        run = Run(x, y, text, font, size, role, group, shadow)
        self.runs.append(run)
        return run

    def shape(self, kind: str, rect: Rect, group: int, variant: int = 0) -> None:
        self.shapes.append(Shape(kind, rect, group, variant))
