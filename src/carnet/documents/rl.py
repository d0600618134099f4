"""The typed doorway to reportlab's platypus.

reportlab ships no type hints, so under ``mypy --strict`` every call into it is
an "untyped call". Rather than scatter ``type: ignore`` comments over every
module, the few constructors the documents use are wrapped here with real
signatures, and the canvas is seen through the :class:`Pen` protocol. (With the
``types-reportlab`` stubs in the test extras these ignores could go.)
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO, Protocol

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.doctemplate import BaseDocTemplate, NextPageTemplate, PageTemplate
from reportlab.platypus.flowables import Flowable, Image, KeepTogether, PageBreak, Spacer
from reportlab.platypus.frames import Frame
from reportlab.platypus.paragraph import Paragraph
from reportlab.platypus.tables import Table, TableStyle

Cell = Flowable | str
TableCommand = tuple[Any, ...]


class Pen(Protocol):
    """The canvas operations the documents draw with (a ``reportlab`` Canvas fits)."""

    # camelCase: these are reportlab's own method names.
    def saveState(self) -> None: ...
    def restoreState(self) -> None: ...
    def setFont(self, name: str, size: float) -> None: ...
    def setFillColor(self, color: Color) -> None: ...
    def setStrokeColor(self, color: Color) -> None: ...
    def setLineWidth(self, width: float) -> None: ...
    def setDash(self, array: Sequence[float]) -> None: ...
    def line(self, x1: float, y1: float, x2: float, y2: float) -> None: ...
    def rect(
        self, x: float, y: float, width: float, height: float, *, stroke: int = 1, fill: int = 0
    ) -> None: ...
    def drawString(self, x: float, y: float, text: str) -> None: ...
    def drawRightString(self, x: float, y: float, text: str) -> None: ...
    def beginPath(self) -> Any: ...
    def clipPath(self, path: Any, stroke: int, fill: int) -> None: ...


def color(red: float, green: float, blue: float) -> Color:
    return Color(red, green, blue)  # type: ignore[no-untyped-call]


def paragraph_style(name: str, **options: Any) -> ParagraphStyle:
    return ParagraphStyle(name, **options)  # type: ignore[no-untyped-call]


def style_metrics(style: ParagraphStyle) -> tuple[float, float]:
    """(font size, leading) of a style; reportlab sets them dynamically."""
    props: Any = style
    return float(props.fontSize), float(props.leading)


def paragraph(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A Paragraph of *markup*: user text must have gone through ``fonts.markup``."""
    return Paragraph(text, style, bulletText=bullet)  # type: ignore[no-untyped-call]


def wrapped_height(flowable: Flowable, width: float, height: float) -> float:
    return float(flowable.wrap(width, height)[1])  # type: ignore[no-untyped-call]


def draw_on(flowable: Flowable, pen: Pen, x: float, y: float) -> None:
    flowable.drawOn(pen, x, y)  # type: ignore[no-untyped-call]


def spacer(height: float) -> Flowable:
    return Spacer(1, height)  # type: ignore[no-untyped-call]


def image(data: bytes, width: float, height: float) -> Flowable:
    """An image flowable drawn at ``width`` × ``height`` points.

    A JPEG's bytes are embedded unchanged (reportlab passes them through);
    other formats are decoded by Pillow and stored losslessly.
    """
    return Image(io.BytesIO(data), width=width, height=height)  # type: ignore[no-untyped-call]


def keep_together(flowables: Sequence[Flowable]) -> Flowable:
    return KeepTogether(list(flowables))  # type: ignore[no-untyped-call]


def page_break() -> Flowable:
    return PageBreak()  # type: ignore[no-untyped-call]


def next_template(name: str) -> Flowable:
    return NextPageTemplate(name)  # type: ignore[no-untyped-call]


def table(
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    commands: Sequence[TableCommand],
    *,
    repeat_rows: int = 0,
    heights: Sequence[float | None] | None = None,
    align: str = "LEFT",
) -> Table:
    grid = Table(  # type: ignore[no-untyped-call]
        [list(row) for row in rows],
        colWidths=list(widths),
        rowHeights=None if heights is None else list(heights),
        repeatRows=repeat_rows,
        hAlign=align,
    )
    grid.setStyle(TableStyle(list(commands)))  # type: ignore[no-untyped-call]
    return grid


def frame(x: float, y: float, width: float, height: float, name: str) -> Frame:
    return Frame(  # type: ignore[no-untyped-call]
        x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name
    )


OnPage = Callable[[Pen, object], None]


def page_template(name: str, box: Frame, on_page: OnPage, next_name: str | None) -> PageTemplate:
    return PageTemplate(  # type: ignore[no-untyped-call]
        id=name, frames=[box], onPage=on_page, autoNextPageTemplate=next_name
    )


def build(
    buffer: BinaryIO,
    templates: Sequence[PageTemplate],
    story: Sequence[Flowable],
    canvasmaker: Callable[..., Any],
    info: dict[str, str],
) -> None:
    """Lay out ``story`` on A4 into ``buffer``, reproducibly (``invariant=1``)."""
    doc = BaseDocTemplate(  # type: ignore[no-untyped-call]
        buffer, pagesize=A4, invariant=1, pageCompression=1, **info
    )
    doc.addPageTemplates(list(templates))  # type: ignore[no-untyped-call]
    doc.build(list(story), canvasmaker=canvasmaker)  # type: ignore[no-untyped-call]
