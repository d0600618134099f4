"""The summary's two bar charts, drawn with reportlab graphics (vector, embedded fonts).

Bars are given in integer cents, exactly as summed; only the axis labels turn
them into whole euros. The value axis gets an explicit "nice" step in whole
euros so its ticks fall on round amounts without reportlab guessing in floats.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.lib.units import mm

from carnet.documents import rl
from carnet.documents.fonts import SANS, register_fonts, shorten
from carnet.documents.formats import language_of
from carnet.documents.styles import INK, MUTED, RULE
from carnet.documents.summary_texts import CATEGORIES, texts, word
from carnet.domain.reports import Split

# As in the window's chart: the money that comes back in blue, what stays paid in grey
# (dark and light, so the two stay apart on a black-and-white printer too).
REIMBURSED = rl.color(0.16, 0.42, 0.66)
OUT_OF_POCKET = rl.color(0.70, 0.70, 0.70)
_FONT_SIZE = 7
_LEGEND_HEIGHT = 8 * mm
_MAX_MONTHS = 24  # beyond two years the bars would be hairlines: plot the months with acts


def whole_euros(cents: int, language: str) -> str:
    """``€1,234`` / ``1 234 €``: axis labels need no cents."""
    pattern = "#,##0\u00a0¤" if language_of(language) == "fr" else "¤#,##0"
    text = format_currency(
        cents // 100, "EUR", pattern, locale=language_of(language), currency_digits=False
    )
    return str(text).replace("\u202f", "\u00a0")


def nice_step(top_cents: int, ticks: int = 5) -> int:
    """A step of 1, 2 or 5 × 10ⁿ whole euros giving at most ``ticks`` intervals up to the top."""
    step = 100
    while True:
        for factor in (1, 2, 5):
            if step * factor * ticks >= top_cents:
                return step * factor
        step *= 10


def months_between(start: date, end: date) -> list[str]:
    """``YYYY-MM`` of every month from ``start`` to ``end``, both included."""
    first, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    return [f"{index // 12:04d}-{index % 12 + 1:02d}" for index in range(first, last + 1)]


def month_chart(
    months: Sequence[Split], start: date, end: date, language: str, width: float
) -> Drawing:
    """Reimbursed vs out of pocket for each month of the period (empty months included)."""
    found = {split.key: split for split in months}
    keys = months_between(start, end)
    if len(keys) > _MAX_MONTHS:
        keys = sorted(found)
    rows = [found.get(key, Split(key, 0, 0)) for key in keys]
    spans_years = len({key[:4] for key in keys}) > 1
    names = [
        _month_label(key, language, spans_years and (n == 0 or key.endswith("-01")))
        for n, key in enumerate(keys)
    ]
    chart = VerticalBarChart()  # type: ignore[no-untyped-call]
    return _chart(chart, rows, names, language=language, width=width, height=62 * mm)


def category_chart(categories: Sequence[Split], language: str, width: float) -> Drawing:
    """Reimbursed vs out of pocket per category, the largest total on top."""
    rows = sorted(categories, key=lambda s: (s.reimbursed_cents + s.out_of_pocket_cents, s.key))
    names = [shorten(word(CATEGORIES, language, split.key), 24) for split in rows]
    height = _LEGEND_HEIGHT + max(30 * mm, (len(rows) * 8 + 14) * mm)
    chart = HorizontalBarChart()  # type: ignore[no-untyped-call]
    return _chart(
        chart, rows, names, language=language, width=width, height=height, label_width=32 * mm
    )


def _month_label(key: str, language: str, with_year: bool) -> str:
    day = date(int(key[:4]), int(key[5:7]), 1)
    label = str(format_date(day, "MMM", locale=language_of(language)))
    return f"{label}\n{key[:4]}" if with_year else label


def _chart(
    chart: Any,
    rows: Sequence[Split],
    names: list[str],
    *,
    language: str,
    width: float,
    height: float,
    label_width: float = 16 * mm,
) -> Drawing:
    register_fonts()
    drawing = Drawing(width, height)  # type: ignore[no-untyped-call]
    chart.x, chart.y = label_width, _LEGEND_HEIGHT + 6 * mm
    chart.width, chart.height = width - label_width - 4 * mm, height - chart.y - 3 * mm
    chart.data = [[s.reimbursed_cents for s in rows], [s.out_of_pocket_cents for s in rows]]
    chart.bars[0].fillColor, chart.bars[1].fillColor = REIMBURSED, OUT_OF_POCKET
    chart.bars.strokeColor = None
    chart.barSpacing, chart.groupSpacing = 0.5, 4
    _category_axis(chart.categoryAxis, names)
    _value_axis(chart.valueAxis, rows, language)
    drawing.add(chart)  # type: ignore[no-untyped-call]
    drawing.add(_legend(language, width))  # type: ignore[no-untyped-call]
    return drawing


def _category_axis(axis: Any, names: list[str]) -> None:
    axis.categoryNames = names or [""]
    axis.labels.fontName, axis.labels.fontSize = SANS, _FONT_SIZE
    axis.labels.fillColor = INK
    axis.strokeColor = RULE
    axis.tickShift = 0


def _value_axis(axis: Any, rows: Sequence[Split], language: str) -> None:
    top = max([max(s.reimbursed_cents, s.out_of_pocket_cents) for s in rows] + [0])
    step = nice_step(top)
    axis.valueMin, axis.valueStep = 0, step
    axis.valueMax = max(step, -(-top // step) * step)  # rounded up to a whole step
    axis.labels.fontName, axis.labels.fontSize = SANS, _FONT_SIZE
    axis.labels.fillColor = MUTED
    # reportlab hands the tick values back as floats: round them to cents, print euros.
    axis.labelTextFormat = lambda value: whole_euros(round(value), language)
    axis.strokeColor = RULE
    axis.visibleGrid, axis.gridStrokeColor, axis.gridStrokeWidth = 1, _GRID, 0.3


_GRID: Color = rl.color(0.85, 0.85, 0.85)


def _legend(language: str, width: float) -> Any:
    words = texts(language)
    legend: Any = Legend()  # type: ignore[no-untyped-call]
    legend.x, legend.y = 16 * mm, _LEGEND_HEIGHT / 2
    legend.alignment = "right"
    legend.fontName, legend.fontSize = SANS, _FONT_SIZE + 0.5
    legend.fillColor = INK
    legend.columnMaximum, legend.deltax = 1, width / 2.4
    legend.dx, legend.dy, legend.strokeColor = 8, 8, None
    legend.colorNamePairs = [(REIMBURSED, words.reimbursed), (OUT_OF_POCKET, words.out_of_pocket)]
    return legend
