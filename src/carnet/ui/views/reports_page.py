"""The Reports page: a year's figures for the household or one person, and its PDF summary.

Left, what the year looks like (due back vs out of pocket per month, the
totals, what is still awaited by age); right, the summary PDF exactly as it
will print, with **Save PDF…** and **Print…**. The figures come from the
database on the GUI thread (one quick query); the PDF is rendered on a worker
thread, one at a time, and a result that arrives after the year or person
changed again is dropped. The page reloads when acts, payments, feuilles or
people change, or on its next showing if it is hidden then.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, Qt, QThreadPool
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carnet.documents.summary_texts import texts
from carnet.domain.changes import Changes
from carnet.domain.ids import PersonId
from carnet.domain.reports import Summary
from carnet.i18n import N_
from carnet.ui.dialogs.todo_sheet_dialog import TodoSheetDialog
from carnet.ui.models.reports import AgeingModel, FiguresModel, TotalsModel, months_of
from carnet.ui.page import Page, PageContext
from carnet.ui.tasks import Progress, TaskRunner
from carnet.ui.widgets.month_chart import MonthChart
from carnet.ui.widgets.pdf_preview import (
    load_pdf,
    print_pdf_bytes,
    print_with_dialog,
    save_pdf_bytes,
)


class ReportsPage(Page):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        t = ctx.t
        self.setAccessibleName(t.gettext("Reports"))
        self.pdf: bytes | None = None
        # Set to stop the render under way: a newer one replaces it, or the page is hidden
        # (a summary of 50 000 acts takes minutes and would slow the whole window).
        self._stop = threading.Event()
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)  # one render at a time: reportlab's caches are process-wide
        self._runner = TaskRunner(pool, self)
        self._buffer: QBuffer | None = None
        self.year = QComboBox()
        self.person = QComboBox()
        self.save_button = QPushButton(t.gettext("Save PDF…"))
        self.print_button = QPushButton(t.gettext("Print…"))
        self.todo_button = QPushButton(t.gettext("“What to do now” sheet…"))
        self.todo_sheet: TodoSheetDialog | None = None
        self.chart = MonthChart(t)
        self.totals = TotalsModel(t, self)
        self.ageing = AgeingModel(t, self)
        self.document = QPdfDocument(self)
        self.preview = QPdfView()
        self.preview_note = QLabel()
        self._build()
        self._fill_selectors()
        self.year.currentIndexChanged.connect(self.show_selected)
        self.person.currentIndexChanged.connect(self.show_selected)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        self.todo_button.clicked.connect(self.open_todo_sheet)
        self.summary = self.show_selected()

    def _build(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self._figures())
        splitter.addWidget(self._preview_box())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        title = QLabel(self._t.gettext("Reports"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(self._controls())
        layout.addWidget(splitter, 1)

    def _controls(self) -> QHBoxLayout:
        t = self._t
        self.year.setAccessibleName(t.gettext("Year"))
        self.person.setAccessibleName(t.gettext("Person"))
        row = QHBoxLayout()
        for caption, box in ((N_("Year"), self.year), (N_("Person"), self.person)):
            label = QLabel(t.gettext(caption))
            label.setBuddy(box)
            row.addWidget(label)
            row.addWidget(box)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addSpacing(12)
        row.addWidget(self.todo_button)
        return row

    def _preview_box(self) -> QGroupBox:
        # A4 pages narrower than 420 pixels are no longer readable.
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setAccessibleName(self._t.gettext("The summary as it will print"))
        self.preview.setMinimumWidth(420)
        box = QGroupBox(self._t.gettext("The summary as it will print"))
        column = QVBoxLayout(box)
        column.addWidget(self.preview_note)
        column.addWidget(self.preview, 1)
        return box

    def _figures(self) -> QWidget:
        t = self._t
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        chart = QGroupBox(t.gettext("Out of pocket and due back, per month"))
        QVBoxLayout(chart).addWidget(self.chart)
        column.addWidget(chart, 1)
        words = texts(t.language)  # the same names as in the PDF beside them
        self.totals_view = _table(self.totals, words.totals)
        self.ageing_view = _table(self.ageing, words.pending)
        # One above the other, each as wide as the panel: side by side, the four columns
        # of what is still awaited did not fit beside the totals in French.
        column.addWidget(self.totals_view)
        column.addWidget(self.ageing_view)
        return panel

    # -- selectors ---------------------------------------------------------------------
    def _fill_selectors(self) -> None:
        """Years with care (and this one), newest first; everyone, then each person."""
        this_year = self._services.reports.today().year
        years = {*self._services.care.years(), this_year}
        kept_year, kept_person = self.year.currentData(), self.person.currentData()
        for box in (self.year, self.person):
            box.blockSignals(True)  # one reload after refilling, not one per item
            box.clear()
        for year in sorted(years, reverse=True):
            self.year.addItem(str(year), year)
        self.person.addItem(self._t.gettext("Everyone"), None)
        for person in self._services.household.people():
            self.person.addItem(person.full_name, int(person.id))
        self.year.setCurrentIndex(max(0, self.year.findData(kept_year or this_year)))
        self.person.setCurrentIndex(max(0, self.person.findData(kept_person)))
        for box in (self.year, self.person):
            box.blockSignals(False)

    def selected_year(self) -> int:
        return int(self.year.currentData() or self._services.reports.today().year)

    def selected_person(self) -> PersonId | None:
        person = self.person.currentData()
        return None if person is None else PersonId(int(person))

    # -- loading -----------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        """Something the summary counts."""
        return bool(changes.acts or changes.payments or changes.feuilles or changes.people)

    def reload(self) -> Summary:
        self._fill_selectors()
        return self.show_selected()

    def showEvent(self, event: QShowEvent) -> None:
        stale = self.stale
        super().showEvent(event)  # reloads a stale page
        if not stale and self.pdf is None and self._stop.is_set():  # hidden before its PDF
            self._render(self.summary)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self.pdf is None:  # its render is under way: shown again, it starts again
            self._stop.set()

    def show_selected(self) -> Summary:
        """Read the selected year's figures, show them, and start rendering the PDF."""
        year = self.selected_year()
        summary = self._services.reports.summary(
            date(year, 1, 1), date(year, 12, 31), self.selected_person()
        )
        self.summary = summary
        self.chart.set_months(months_of(summary, year))
        self.totals.set_summary(summary)
        self.ageing.set_pending(summary.pending)
        self._render(summary)
        return summary

    def _render(self, summary: Summary) -> None:
        self._stop.set()  # the render under way, if any, is for other figures
        self._stop = stop = threading.Event()
        self.pdf = None
        self.preview_note.setText(self._t.gettext("Preparing the PDF…"))
        render, language = self._services.reports.summary_pdf, self._t.language

        def work(_progress: Progress) -> tuple[threading.Event, bytes | None]:
            return stop, render(summary, language, stop.is_set)

        self._runner.start(work, self._rendered, self._render_failed)

    def _rendered(self, result: tuple[threading.Event, bytes | None]) -> None:
        stop, pdf = result
        if pdf is None or stop is not self._stop or stop.is_set():
            return  # for other figures, or stopped (perhaps just after it finished)
        self.pdf = pdf
        self.preview_note.setText("")
        self._show_pdf(pdf)

    def _render_failed(self, error: BaseException, _trace: str) -> None:
        message = self._t.gettext("The PDF could not be prepared: {error}")
        self.preview_note.setText(message.format(error=error))

    def _show_pdf(self, pdf: bytes) -> None:
        self._buffer = load_pdf(self.document, pdf, self._buffer, self)

    def wait_for_pdf(self, msecs: int = 30_000) -> bool:
        """Block until the renders started so far are done (tests, and closing)."""
        return self._runner.wait(msecs)

    # -- output ------------------------------------------------------------------------
    def open_todo_sheet(self) -> TodoSheetDialog:
        """The one-page "what to do now" sheet, rendered on this page's runner."""
        if self.todo_sheet is not None:
            self.todo_sheet.deleteLater()  # one at a time; read again for fresh items
        self.todo_sheet = TodoSheetDialog(self._services, self._t, self._runner, self)
        self.todo_sheet.open()
        return self.todo_sheet

    def current_pdf(self) -> bytes:
        """The summary's PDF, rendered now if the worker has not finished yet."""
        if self.pdf is None:
            self.pdf = self._services.reports.summary_pdf(self.summary, self._t.language)
        return self.pdf

    def save_pdf(self) -> Path | None:
        t = self._t
        suggested = t.gettext("summary-{year}.pdf").format(year=self.selected_year())
        title = t.gettext("Save the summary as PDF")
        return save_pdf_bytes(self, t, self.current_pdf(), title, suggested)

    def print_pdf(self) -> int:
        """Ask for a printer and print the summary; returns the pages printed."""
        name = f"{texts(self._t.language).title} {self.selected_year()}"
        return print_with_dialog(self, self.current_pdf(), name)

    def print_to(self, printer: QPrinter) -> int:
        return print_pdf_bytes(self.current_pdf(), printer)


def _table(model: FiguresModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.verticalHeader().hide()
    # Rows as tall as their text: both tables fit under the chart.
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    # Stretched columns never get narrower than their header: French titles stay whole.
    header = view.horizontalHeader()
    titles = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(1, 8)]
    header.setMinimumSectionSize(
        max(header.fontMetrics().horizontalAdvance(t) for t in titles) + 16
    )
    view.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
    return view
