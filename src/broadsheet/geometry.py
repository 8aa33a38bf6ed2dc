"""Bounding-box arithmetic, in PDF points with the origin at the top left (PyMuPDF's convention).

Every box is ``(x0, y0, x1, y1)`` with ``x0 <= x1`` and ``y0 <= y1``. Only
plain functions over tuples live here, so layout code reads as geometry.
"""

from __future__ import annotations

from typing import Iterable

from .model import BBox

__all__ = [
    "BBox", "area", "centre", "centre_distance", "contains", "height", "in_one_column", "intersection_area",
    "overlap_of_smaller", "union", "width", "x_overlap", "y_overlap",
]


def width(box: BBox) -> float:
    return box[2] - box[0]


def height(box: BBox) -> float:
    return box[3] - box[1]


def area(box: BBox) -> float:
    w, h = box[2] - box[0], box[3] - box[1]
    # max(0.0, …) written as the comparison it makes: areas are taken of hundreds of boxes a page.
    return (w if w > 0.0 else 0.0) * (h if h > 0.0 else 0.0)


def centre(box: BBox) -> tuple[float, float]:
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def centre_distance(a: BBox, b: BBox) -> float:
    (ax, ay), (bx, by) = centre(a), centre(b)
    return ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5


def union(boxes: Iterable[BBox]) -> BBox | None:
    """The smallest box holding all of ``boxes`` (None for none)."""
    # One pass with the comparisons min() and max() make (an edge moves only on a strictly
    # smaller / larger value): transposing the boxes and calling min() and max() on each
    # edge costs about twice as much per box, and four times as much per call.
    boxes = iter(boxes)
    first = next(boxes, None)
    if first is None:
        return None
    x0, y0, x1, y1 = first
    for left, top, right, bottom in boxes:
        if left < x0:
            x0 = left
        if top < y0:
            y0 = top
        if right > x1:
            x1 = right
        if bottom > y1:
            y1 = bottom
    return (x0, y0, x1, y1)


# The overlaps run hundreds of times a page: min() and max() of two written as the
# comparisons they make (the first argument unless the second is smaller / larger).


def x_overlap(a: BBox, b: BBox) -> float:
    """Length of the shared horizontal extent (negative: the gap between them)."""
    a0, a2, b0, b2 = a[0], a[2], b[0], b[2]
    return (b2 if b2 < a2 else a2) - (b0 if b0 > a0 else a0)


def in_one_column(a: BBox, b: BBox) -> bool:
    """The two boxes share more than half the narrower one's width: one stands over the
    other in a column."""
    return x_overlap(a, b) > 0.5 * min(width(a), width(b))


def y_overlap(a: BBox, b: BBox) -> float:
    a1, a3, b1, b3 = a[1], a[3], b[1], b[3]
    return (b3 if b3 < a3 else a3) - (b1 if b1 > a1 else a1)


def intersection_area(a: BBox, b: BBox) -> float:
    return max(0.0, x_overlap(a, b)) * max(0.0, y_overlap(a, b))


def overlap_of_smaller(a: BBox, b: BBox) -> float:
    """Intersection as a share of the smaller box (1.0: one lies inside the other)."""
    smaller = min(area(a), area(b))
    if smaller <= 0:
        return 0.0
    return intersection_area(a, b) / smaller


def contains(outer: BBox, inner: BBox, tolerance: float = 1.0) -> bool:
    return (
        inner[0] >= outer[0] - tolerance and inner[1] >= outer[1] - tolerance
        and inner[2] <= outer[2] + tolerance and inner[3] <= outer[3] + tolerance
    )
