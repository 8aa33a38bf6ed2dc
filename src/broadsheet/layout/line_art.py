"""The paths and images a page draws, read from the recording its text was read from.

PyMuPDF's ``get_cdrawings`` interprets the page's content stream a second time and
describes every path point by point in Python objects; the layout needs each path's
box and paint, and the outline of only the few that might frame or ring a box.
Replaying the page's display list through a device that stops at paths and images,
and walks a path's outline only when asked, costs a tenth as much (eval/dev: 55 ms
→ 4 ms for its 36 pages), and it reads the images in the same pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pymupdf import mupdf

from ..geometry import BBox

RGB = tuple[float, ...]

_RGB_SPACE = mupdf.FzColorspace(mupdf.FzColorspace.Fixed_RGB)
_COLOR_PARAMS = mupdf.FzColorParams()
_floats = mupdf.floats_getitem


@dataclass(slots=True)
class Subpath:
    points: list[tuple[float, float]]  # in page space, the first the move's
    closed: bool
    curved: bool

    @property
    def segments(self) -> int:
        """Straight or curved pieces drawn, the one a close adds included."""
        closing = self.closed and len(self.points) > 1 and self.points[-1] != self.points[0]
        return len(self.points) - 1 + closing

    def corners(self) -> list[tuple[float, float]]:
        """The points of a closed outline, its end dropped where it returns to its start."""
        points = self.points
        return points[:-1] if len(points) > 1 and points[-1] == points[0] else points


@dataclass(slots=True)
class DrawnPath:
    box: BBox  # bounds of the path's points (the stroke's width not added), page space
    fill: RGB | None  # None for a path only stroked; () where MuPDF gave no colour space
    stroke: RGB | None  # None for a path only filled
    even_odd: bool
    # Kept for the paths whose outline the layout may ask about: a stroke (a frame?) and
    # an even-odd fill (a ring?). A plain fill is read by its box and paint alone.
    _outline: "_Outline | None"

    def subpaths(self) -> list[Subpath]:
        return self._outline.subpaths() if self._outline is not None else []


@dataclass(slots=True)
class LineArt:
    paths: list[DrawnPath] = field(default_factory=list)
    images: list[BBox] = field(default_factory=list)  # images and image masks, inline ones too


def rectangle_of(subpath: Subpath) -> BBox | None:
    """The rectangle a closed, straight, four-cornered subpath with sides along the axes
    draws; None for any other."""
    if not is_four_sided(subpath):
        return None
    corners = subpath.corners()
    for (xa, ya), (xb, yb) in zip(corners, corners[1:] + corners[:1]):
        if xa != xb and ya != yb:
            return None
    xs = [x for x, _y in corners]
    ys = [y for _x, y in corners]
    return (min(xs), min(ys), max(xs), max(ys))


def is_four_sided(subpath: Subpath) -> bool:
    """A closed, straight outline of four corners: a rectangle, turned or not, or a quad."""
    return not subpath.curved and (subpath.closed or subpath.points[-1:] == subpath.points[:1]) \
        and len(subpath.corners()) == 4


def read_line_art(replay) -> LineArt:
    """Every path and image ``replay`` (a function running a MuPDF device over the page)
    draws, in drawing order. A stroke of the very path just filled is one path, filled and
    stroked, as a PDF's ``B`` operator draws it."""
    device = _LineArtDevice()
    replay(device)
    return device.found


class _Outline:
    """A path kept from the device call that drew it, walked the first time it is asked."""

    __slots__ = ("_path", "_ctm", "_subpaths")

    def __init__(self, path, ctm) -> None:
        self._path = mupdf.FzPath(mupdf.ll_fz_keep_path(path))
        self._ctm = (ctm.a, ctm.b, ctm.c, ctm.d, ctm.e, ctm.f)
        self._subpaths: list[Subpath] | None = None

    def subpaths(self) -> list[Subpath]:
        if self._subpaths is None:
            walker = _Walker(self._ctm)
            mupdf.fz_walk_path(self._path, walker, walker.m_internal)
            self._subpaths = [subpath for subpath in walker.subpaths if len(subpath.points) > 1]
        return self._subpaths


class _Walker(mupdf.FzPathWalker2):
    def __init__(self, ctm: tuple[float, ...]) -> None:
        super().__init__()
        self.use_virtual_moveto()
        self.use_virtual_lineto()
        self.use_virtual_curveto()
        self.use_virtual_closepath()
        self.ctm = ctm
        self.subpaths: list[Subpath] = []

    def _point(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.ctm
        return (a * x + c * y + e, b * x + d * y + f)

    def moveto(self, ctx, x, y) -> None:
        self.subpaths.append(Subpath([self._point(x, y)], False, False))

    def lineto(self, ctx, x, y) -> None:
        if self.subpaths:
            self.subpaths[-1].points.append(self._point(x, y))

    def curveto(self, ctx, x1, y1, x2, y2, x3, y3) -> None:
        if self.subpaths:
            self.subpaths[-1].points.append(self._point(x3, y3))
            self.subpaths[-1].curved = True

    def closepath(self, ctx) -> None:
        if self.subpaths:
            self.subpaths[-1].closed = True


class _LineArtDevice(mupdf.FzDevice2):
    def __init__(self) -> None:
        super().__init__()
        self.use_virtual_fill_path()
        self.use_virtual_stroke_path()
        self.use_virtual_fill_image()
        self.use_virtual_fill_image_mask()
        self.found = LineArt()

    def fill_path(self, ctx, path, even_odd, ctm, colorspace, color, alpha, color_params) -> None:
        box = _bounds(mupdf.ll_fz_bound_path(path, None, ctm))
        outline = _Outline(path, ctm) if even_odd else None
        self.found.paths.append(DrawnPath(box, _rgb(colorspace, color), None, bool(even_odd), outline))

    def stroke_path(self, ctx, path, stroke, ctm, colorspace, color, alpha, color_params) -> None:
        box = _bounds(mupdf.ll_fz_bound_path(path, None, ctm))
        paths = self.found.paths
        if paths and paths[-1].stroke is None and paths[-1].box == box:
            paths[-1].stroke = _rgb(colorspace, color)
            if paths[-1]._outline is None:
                paths[-1]._outline = _Outline(path, ctm)
            return
        paths.append(DrawnPath(box, None, _rgb(colorspace, color), False, _Outline(path, ctm)))

    def fill_image(self, ctx, image, ctm, alpha, color_params) -> None:
        self._add_image(ctm)

    def fill_image_mask(self, ctx, image, ctm, colorspace, color, alpha, color_params) -> None:
        self._add_image(ctm)

    def _add_image(self, ctm) -> None:
        # An image fills the unit square its matrix maps onto the page.
        self.found.images.append(_bounds(mupdf.ll_fz_transform_rect(mupdf.fz_unit_rect, ctm)))


def _bounds(rect) -> BBox:
    return (rect.x0, rect.y0, rect.x1, rect.y1)


def _rgb(colorspace, color) -> RGB:
    if not colorspace:
        return ()
    # Grey and RGB, nearly every path's paint, read as they are: converting them to RGB
    # gives the same values for several times the calls.
    if mupdf.ll_fz_colorspace_is_rgb(colorspace):
        return (_floats(color, 0), _floats(color, 1), _floats(color, 2))
    if mupdf.ll_fz_colorspace_is_gray(colorspace):
        grey = _floats(color, 0)
        return (grey, grey, grey)
    return tuple(mupdf.ll_fz_convert_color(colorspace, color, _RGB_SPACE.m_internal, None,
                                           _COLOR_PARAMS.internal())[:3])
