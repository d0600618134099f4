"""A bar chart of the last twelve months: what the household paid, what comes back.

Colours come from the palette (highlight for the money due back, a neutral tone
for what stays to pay), so the chart reads in light and dark themes alike.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QWidget

from carnet.i18n import Translator
from carnet.services.dashboard import Month


class MonthChart(QChartView):
    def __init__(self, t: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._t = t
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.setMaximumHeight(380)
        self.setAccessibleName(t.gettext("Out of pocket and due back, per month"))
        self.series = QBarSeries()
        self.paid = QBarSet(t.gettext("You paid (out of pocket)"))
        self.back = QBarSet(t.gettext("Due back (AMO and mutuelle), received or not"))
        self.series.append(self.paid)
        self.series.append(self.back)
        chart = QChart()
        chart.addSeries(self.series)
        chart.setBackgroundVisible(False)  # the page's own background shows through
        chart.setMargins(QMargins(0, 0, 0, 0))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.months_axis = QBarCategoryAxis()
        self.euros_axis = QValueAxis()
        # Qt formats axis labels with printf and mangles "€": the sign goes in the title.
        self.euros_axis.setLabelFormat("%d")
        self.euros_axis.setTitleText("€")
        chart.addAxis(self.months_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.euros_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.months_axis)
        self.series.attachAxis(self.euros_axis)
        self.setChart(chart)
        self._apply_palette()

    def set_months(self, months: list[Month]) -> None:
        self.paid.remove(0, self.paid.count())
        self.back.remove(0, self.back.count())
        self.months_axis.clear()
        # Twelve short months, the years under them: even one "janv. 2026" does not fit
        # in a month's width beside the summary's preview.
        self.months_axis.append([self._t.month(m.month, with_year=False) for m in months])
        if months:
            first, last = months[0].month, months[-1].month
            self.months_axis.setTitleText(
                str(first.year)
                if first.year == last.year
                else f"{self._t.month(first)} – {self._t.month(last)}"
            )
        top = 0
        for month in months:
            # Bar heights in whole euros: pixels need no cents, and money never goes float.
            paid, back = month.patient_cents // 100, month.reimbursed_cents // 100
            self.paid.append(paid)
            self.back.append(back)
            top = max(top, paid, back)
        self.euros_axis.setRange(0, max(10, top + top // 10))
        self.euros_axis.applyNiceNumbers()

    def totals(self) -> tuple[list[int], list[int]]:
        """The bar values (whole euros), for tests."""
        paid = [int(self.paid.at(i)) for i in range(self.paid.count())]
        back = [int(self.back.at(i)) for i in range(self.back.count())]
        return paid, back

    def _apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        chart = self.chart()
        chart.legend().setLabelColor(text)
        for axis in (self.months_axis, self.euros_axis):
            axis.setLabelsColor(text)
            axis.setGridLineColor(palette.color(QPalette.ColorRole.Mid))
            axis.setLinePenColor(palette.color(QPalette.ColorRole.Mid))
        self.back.setColor(palette.color(QPalette.ColorRole.Highlight))
        self.paid.setColor(palette.color(QPalette.ColorRole.Mid))
        self.paid.setBorderColor(palette.color(QPalette.ColorRole.Dark))
        self.back.setBorderColor(palette.color(QPalette.ColorRole.Highlight))
