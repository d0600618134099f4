"""The Care page: every care act in a sortable, filterable table, with its detail below.

Acts are added, edited, duplicated (Ctrl+D) and deleted from here through the
care service (see :mod:`carnet.ui.views.care_actions`); filters narrow the table
by text, person, period, status and payer.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelection, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carnet.domain.act_query import ActQuery, ActSummary, Owed
from carnet.domain.attachments import AttachedTo
from carnet.domain.ids import ActId, PersonId
from carnet.i18n import N_
from carnet.ui import care_filters
from carnet.ui.first_paint import after_first_paint
from carnet.ui.models import acts as columns
from carnet.ui.models.acts import ActTableModel
from carnet.ui.page import Page, PageContext
from carnet.ui.views.act_detail import ActDetailPanel
from carnet.ui.views.care_actions import CareActions
from carnet.ui.widgets.care_filter_bar import CareFilterBar

if TYPE_CHECKING:
    from carnet.domain.changes import Changes
    from carnet.ui.widgets.attachments_panel import AttachmentsPanel

# Above this many acts, filtering costs a noticeable fraction of a second, so the
# filter waits for a pause in typing instead of running on every key.
DEBOUNCE_ABOVE_ROWS = 10_000
DEBOUNCE_MS = 200

EMPTY_TEXT = N_(
    "<h2>No care acts yet</h2>"
    "<p>Each consultation, prescription or session you log appears here, with what the "
    "Assurance Maladie and your mutuelle should pay back, and what you keep paying.</p>"
    "<p>Add the people of your household on the Household page, then log your first act "
    "with <b>File › New care act</b> (Ctrl+N).</p>"
    "<p>To look around first, <b>File › Create a demo household…</b> opens a sample "
    "household kept in a separate file.</p>"
)


class CarePage(Page):
    """Lists acts; reloads them when a service call changed something."""

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        services, translator = ctx.services, ctx.t
        self._only: frozenset[int] | None = None  # a dashboard figure's acts
        self.model = ActTableModel(services.care_table, translator, self)
        self._total = 0  # acts in the database, whatever the filters
        self.filters = CareFilterBar(translator)
        self.filter_box, self.person_box = self.filters.text_box, self.filters.person_box
        self.count_label = self.filters.count_label
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(DEBOUNCE_MS)
        self.table = self._make_table()
        self.commands = CareActions(self, services, ctx.events, translator, ctx.settings)
        # Detail below the table: all ten columns keep the full width of the window.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        # The chosen act's breakdown, explanation, payments, feuille and history.
        self.detail = ActDetailPanel(translator)
        self.detail.not_referred.connect(self._not_referred)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([400, 340])
        # The welcome text is made only for an empty file.
        self.empty_state: QWidget | None = None
        self._states = QStackedWidget()
        self._states.addWidget(self._with_toolbar(self.splitter))
        QVBoxLayout(self).addWidget(self._states)
        self._connect()
        # The first screen needs the first page of rows; the other ids (all 100 000 of a
        # big file) are read once it shows.
        self.reload(first_page=True)
        after_first_paint(self.table, self.model.read_all_ids)

    # -- public -------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        """Acts, or anything shown beside them (names, payments, feuilles)."""
        return bool(
            changes.acts
            or changes.people
            or changes.practitioners
            or changes.payments
            or changes.bank
            or changes.feuilles
        )

    def apply(self, changes: Changes) -> None:
        if changes.people:
            self._reload_people()
        if changes.acts or changes.people or changes.practitioners or changes.payments:
            self.reload()
        elif changes.bank or changes.feuilles:
            self._reload_payments()
            self._on_selection()

    def reload(self, *, first_page: bool = False) -> None:
        selected = self.selected_act()
        self._total = self._services.care_table.count()
        self._reload_people()
        self.apply_filters(force=True, first_page=first_page)
        if self._total == 0 and self.empty_state is None:
            self.empty_state = self._make_empty_state()
            self._states.addWidget(self.empty_state)
        self._states.setCurrentIndex(1 if self._total == 0 else 0)
        if selected is not None:
            self.select_act(selected)
            # A model reset does not say the selection went: an act deleted or undone
            # must not stay in the detail panel.
            if self.selected_act() != selected:
                self.table.clearSelection()
                self._on_selection()

    @cached_property
    def attachments(self) -> AttachmentsPanel:
        """The selected act's files, made when an act is first shown (not at start-up)."""
        from carnet.ui.widgets.attachments_panel import AttachmentsPanel  # noqa: PLC0415

        panel = AttachmentsPanel(self._services.attachments, self._events, self._t)
        panel.status.connect(self.status)
        self.detail.set_attachments(panel)
        return panel

    def _not_referred(self) -> None:
        """The detail's "not referred": the act is out of the parcours (the CPAM pays 30 %)."""
        act = self.selected_act()
        if act is None:
            return
        from carnet.domain.codes import Parcours  # noqa: PLC0415

        services = self._services
        self.run(lambda: services.care.set_parcours(act, Parcours.OUT))

    def selected_act(self) -> ActId | None:
        summary = self.selected_summary()
        return None if summary is None else summary.id

    def select_act(self, act_id: ActId) -> None:
        row = self.model.row_of(act_id)
        if row is not None:
            self.table.selectRow(row)

    def show_only(self, act_ids: frozenset[int], title: str) -> None:
        """Show exactly these acts (whatever the other filters say) until the chip is cleared."""
        self.filter_box.clear()
        for box in (self.filters.period_box, self.filters.status_box, self.filters.payer_box):
            box.setCurrentIndex(0)
        self.person_box.setCurrentIndex(0)
        self._only = act_ids
        self.filters.show_chip(title)
        self.apply_filters()

    def new_act(self) -> None:
        self.commands.new_act()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("care/splitter", self.splitter.saveState())
        settings.setValue("care/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        splitter = settings.value("care/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        header = settings.value("care/header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)

    # -- building -----------------------------------------------------------------
    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setAccessibleName(self._t.gettext("Care acts"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        # Fixed row heights: the view never measures rows, which keeps 100 000 rows fast.
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        rows.hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for number, column in enumerate(columns.COLUMNS):
            table.setColumnWidth(number, column.width)
        # Newest first, the order people look for; the model sorts on raw dates.
        header.setSortIndicator(columns.DATE, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        return table

    def _make_empty_state(self) -> QWidget:
        label = QLabel(self._t.gettext(EMPTY_TEXT))
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setMaximumWidth(560)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(self._t.gettext("No care acts yet"))
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.addStretch(1)
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.commands.empty_button(), 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        return holder

    def _with_toolbar(self, body: QWidget) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        for button in self.commands.buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.filters)
        layout.addWidget(body, 1)
        return holder

    def _connect(self) -> None:
        self.filter_box.textChanged.connect(self._on_text)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.person_box.currentIndexChanged.connect(self.apply_filters)
        self.filters.changed.connect(self.apply_filters)
        self.filters.chip_cleared.connect(self._clear_only)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _index: self.commands.edit_act())
        self.model.modelReset.connect(self._update_count)

    # -- reacting -----------------------------------------------------------------
    def _reload_payments(self) -> None:
        """Payments moved (a bank match): the status, payer and overdue filters ask again."""
        self.apply_filters(force=True)

    def _reload_people(self) -> None:
        chosen = self.person_box.currentData()
        self.person_box.blockSignals(True)  # rebuilding must not refilter on each item
        self.person_box.clear()
        self.person_box.addItem(self._t.gettext("Everyone"), None)
        for person_id, name in self._services.care_table.people():
            self.person_box.addItem(name, person_id)
        found = self.person_box.findData(chosen) if chosen is not None else 0
        self.person_box.setCurrentIndex(max(found, 0))
        self.person_box.blockSignals(False)

    def _on_text(self) -> None:
        if self._total > DEBOUNCE_ABOVE_ROWS:
            self._filter_timer.start()  # restarts: one query per pause in typing
        else:
            self.apply_filters()

    def apply_filters(self, *, force: bool = False, first_page: bool = False) -> None:
        """Ask the database for the acts the filters leave (only if a filter changed)."""
        self._filter_timer.stop()
        query = self._query()
        if force or query != self.model.query:
            self.model.set_query(query, first_page=first_page)

    def _query(self) -> ActQuery:
        """The filters as they stand, in the model's current order."""
        bar, today = self.filters, self._services.today()
        person = self.person_box.currentData()
        owed: Owed | None = None
        payer, overdue = care_filters.payer_of(bar.payer()), bar.status() == "overdue"
        if payer is not None or overdue:
            owed = Owed(payer, today if overdue else None)
        only = self._only
        if bar.status() == "owed":
            short = self._services.discrepancies.owed_acts()
            only = short if only is None else only & short
        return self.model.query._replace(
            terms=care_filters.text_terms(self.filter_box.text(), self._t),
            person=None if person is None else PersonId(int(person)),
            period=care_filters.period_range(bar.period(), today),
            statuses=care_filters.row_statuses(bar.status()),
            owed=owed,
            only=only,
        )

    def _clear_only(self) -> None:
        self._only = None
        self.apply_filters()

    def selected_summary(self) -> ActSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.summary(rows[0].row())

    def _on_selection(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        # Read on demand: the detail is one act, so a few small queries per click.
        summary = self.selected_summary()
        if summary is None:
            self.detail.clear()
            if "attachments" in self.__dict__:  # made when an act is first shown
                self.attachments.clear()
            return
        self.attachments.show_record(AttachedTo.ACT, summary.id)
        care = self._services.care
        payments = care.expected_payments(summary.id)
        self.detail.show_act(summary, care.assessment(summary.id), payments)
        self._show_received(summary.id, any(p.settled_cents for p in payments))
        self.detail.show_paperwork(
            self._services.dashboard.feuille_of(summary.id), care.history(summary.id)
        )

    def _show_received(self, act_id: ActId, matched: bool) -> None:
        """Receipts of the act and, when money came, the reason it is not what was expected."""
        receipts = self._services.received.for_act(act_id)
        notes: list[str] = []
        if receipts or matched:
            found = self._services.discrepancies.for_act(act_id)
            notes = [d.explanation.render(self._t) for d in found]
        self.detail.show_received(
            [(r.payer, r.amount_cents, r.received_on) for r in receipts], notes
        )

    def _update_count(self) -> None:
        # The status bar has the total; here only how many the filters leave.
        t = self._t
        shown, total = self.model.rowCount(), self._total
        text = ""
        if shown != total:
            text = t.gettext("{shown} of {total} acts").format(
                shown=t.number(Decimal(shown)), total=t.number(Decimal(total))
            )
        self.count_label.setText(text)
