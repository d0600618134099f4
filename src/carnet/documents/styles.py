"""Shared look of the documents: A4 geometry, margins and paragraph styles.

Positions are given the way a ruler on paper reads them, from the *top-left*
corner of the sheet (``Box``); reportlab counts from the bottom-left, and
:meth:`Box.y` does the conversion in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from carnet.documents import rl
from carnet.documents.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts

PAGE_WIDTH: float = A4[0]
PAGE_HEIGHT: float = A4[1]
MARGIN = 20 * mm
TABLE_MARGIN = 15 * mm  # tables get 180 mm of width: seven columns fit without cramping
FOOTER_Y = 10 * mm
INK = rl.color(0, 0, 0)
MUTED = rl.color(0.35, 0.35, 0.35)
RULE = rl.color(0.6, 0.6, 0.6)
SHADE = rl.color(0.92, 0.92, 0.92)


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the sheet, in points, measured from the top-left corner."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def y(self) -> float:
        """reportlab's y of the box's lower edge (origin at the bottom of the page)."""
        return PAGE_HEIGHT - self.bottom


def body_box(top: float = MARGIN, side: float = MARGIN, bottom: float = MARGIN) -> Box:
    """The text area of a page with the given margins."""
    return Box(side, top, PAGE_WIDTH - 2 * side, PAGE_HEIGHT - top - bottom)


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    body_right: ParagraphStyle
    strong: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    address: ParagraphStyle
    indented: ParagraphStyle
    check: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_strong: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_center: ParagraphStyle
    footer: ParagraphStyle


def _style(name: str, size: float, leading: float, **extra: object) -> ParagraphStyle:
    options: dict[str, object] = {
        "fontName": SANS,
        "bulletFontName": SANS,  # reportlab's default is Helvetica, which is not embedded
        "textColor": INK,
        "alignment": TA_LEFT,
    }
    options.update(extra)
    return rl.paragraph_style(name, fontSize=size, leading=leading, **options)


@cache
def styles() -> Styles:
    """The paragraph styles (shared: never mutate them, derive with ``ParagraphStyle(parent=)``)."""
    register_fonts()  # Paragraph parses its markup on creation: the family must be known by then
    return Styles(
        body=_style("body", 10, 14, spaceAfter=6),
        body_right=_style("body_right", 10, 14, alignment=TA_RIGHT),
        strong=_style("strong", 10, 14, fontName=SANS_BOLD),
        small=_style("small", 8, 10, textColor=MUTED),
        title=_style("title", 14, 18, fontName=SANS_BOLD, spaceAfter=4),
        heading=_style("heading", 11, 15, fontName=SANS_BOLD, spaceBefore=8, spaceAfter=3),
        address=_style("address", 10, 13),
        indented=_style("indented", 10, 13, leftIndent=9 * mm, firstLineIndent=-3 * mm),
        check=_style(
            "check",
            10,
            13.5,
            leftIndent=7 * mm,
            bulletIndent=1 * mm,
            bulletFontName=SANS,
            bulletFontSize=11,
            spaceAfter=3,
        ),
        label=_style("label", 11, 14),
        cell=_style("cell", 8.5, 10.5),
        cell_strong=_style("cell_strong", 8.5, 10.5, fontName=SANS_BOLD),
        cell_right=_style("cell_right", 8.5, 10.5, alignment=TA_RIGHT),
        cell_head=_style("cell_head", 7.5, 9.5, fontName=SANS_BOLD),
        cell_center=_style("cell_center", 8.5, 10.5, alignment=TA_CENTER),
        footer=_style("footer", 7.5, 9, fontName=SANS_ITALIC, textColor=MUTED),
    )
