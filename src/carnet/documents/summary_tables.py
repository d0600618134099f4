"""Table helpers of the summary and the "what to do now" sheet: cells, headers, grid style.

A table cell given as a plain string is drawn as is, on one line, without
markup: that is what makes a thousand-row act table fast, and it is safe
(nothing is parsed), but a long name would run into the next column. So
:func:`fitted_cell` cuts the text to its column's width with an ellipsis, as
measured in the real font; text needing the CJK fallback font becomes a
``Paragraph`` instead, since a plain string can only use one font.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from carnet.documents import rl
from carnet.documents.fonts import SANS, SANS_BOLD, clean, markup
from carnet.documents.styles import INK, RULE, SHADE, styles

CELL_SIZE = 7.5  # the act table's font size (points)
PADDING = 2.0  # points left and right of each cell
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Column:
    width: float  # points

    @property
    def room(self) -> float:
        return self.width - 2 * PADDING


def fitted_cell(text: str, column: Column) -> rl.Cell:
    """One-line cell content no wider than ``column``."""
    cleaned = clean(text)
    marked = markup(cleaned)
    if marked != escape(cleaned):  # CJK runs: only a Paragraph can switch fonts
        return rl.paragraph(marked, _compact_style())
    return fit_text(cleaned, round(column.room * 100))


@lru_cache(maxsize=4096)
def fit_text(text: str, room_hundredths: int) -> str:
    """``text`` cut to ``room_hundredths`` / 100 points, with an ellipsis when cut.

    Cached: a year's acts repeat the same few names and practitioners.
    """
    room = room_hundredths / 100
    if _width(text) <= room:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that still fits with its ellipsis
        middle = (low + high + 1) // 2
        if _width(text[:middle].rstrip() + ELLIPSIS) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


def _width(text: str) -> float:
    width: float = stringWidth(text, SANS, CELL_SIZE)  # type: ignore[no-untyped-call]
    return width


def text_cell(text: str, limit: int) -> rl.Cell:
    """A wrapping cell of user text (short tables only: one Paragraph each)."""
    return rl.paragraph(markup(text, limit), styles().cell)


Span = tuple[int, int]  # first and last column, both included


def head_row(headers: Sequence[str], right: Span | None = None) -> list[rl.Cell]:
    """Header cells; those of the columns in ``right`` are right-aligned (money)."""
    plain, flush = styles().cell_head, _right_head_style()
    return [
        rl.paragraph(escape(text), flush if _within(n, right) else plain)
        for n, text in enumerate(headers)
    ]


def _within(column: int, span: Span | None) -> bool:
    return span is not None and span[0] <= column <= (span[1] if span[1] >= 0 else column)


@lru_cache(maxsize=1)
def _right_head_style() -> ParagraphStyle:
    return rl.paragraph_style("cell_head_right", parent=styles().cell_head, alignment=TA_RIGHT)


@lru_cache(maxsize=1)
def _compact_style() -> ParagraphStyle:
    return rl.paragraph_style(
        "cell_compact", parent=styles().cell, fontSize=CELL_SIZE, leading=CELL_SIZE + 1.5
    )


def grid_style(
    *,
    header: bool = False,
    total_row: bool = False,
    boxed: bool = False,
    right: Span | None = None,
    compact: bool = False,
) -> list[rl.TableCommand]:
    """The shared look: shaded header, thin rules between rows, a bold totals row."""
    size = CELL_SIZE if compact else 8.5
    commands: list[rl.TableCommand] = [
        ("FONT", (0, 0), (-1, -1), SANS, size, size + 2),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5 if compact else 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 if compact else 2.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
        ]
    if right is not None:
        commands.append(("ALIGN", (right[0], 1), (right[1], -1), "RIGHT"))
    if total_row:
        commands += [
            ("FONT", (0, -1), (-1, -1), SANS_BOLD, size, size + 2),
            ("LINEABOVE", (0, -1), (-1, -1), 0.6, INK),
        ]
    if boxed:
        commands.append(("BOX", (0, 0), (-1, -1), 0.6, INK))
    return commands
