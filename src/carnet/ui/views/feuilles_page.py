"""The Feuilles page: every paper feuille de soins by state, with the next thing to do.

Left, the states with how many feuilles are in each; right, the feuilles of
the chosen state and person, the buttons of the steps the household takes
(sign, copy, release, returned, paid, close) dated with the picker beside them,
and below, the chosen feuille's acts and history. Buttons follow
:func:`~carnet.domain.claims.allowed_steps` for every selected feuille, so
several feuilles can be signed in one click after an evening with a pen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carnet.domain.attachments import AttachedTo
from carnet.domain.changes import Changes
from carnet.domain.claims import Feuille, Step, allowed_steps
from carnet.domain.codes import FeuilleStatus
from carnet.domain.ids import FeuilleId, PersonId
from carnet.i18n import N_
from carnet.services.base import Result
from carnet.ui.formats import date_format
from carnet.ui.models.feuilles import (
    STATE_ORDER,
    FeuilleRow,
    FeuilleTableModel,
    StateCountModel,
    feuille_rows,
)
from carnet.ui.models.row_table import SORT_ROLE
from carnet.ui.page import Page, PageContext
from carnet.ui.views.feuille_detail import FeuilleDetail
from carnet.ui.widgets.attachments_panel import AttachmentsPanel
from carnet.ui.widgets.tables import make_table

# The steps the household takes by hand; enclosing and mailing happen on the Mailings page.
STEP_BUTTONS = (
    (Step.SIGN, N_("Sign")),
    (Step.COPY, N_("Copied")),
    (Step.RELEASE, N_("Release")),
    (Step.RETURN, N_("Returned…")),
    (Step.PAY, N_("CPAM paid")),
    (Step.CLOSE, N_("Close the feuille")),
)
DONE = {
    Step.SIGN: N_("signed"),
    Step.COPY: N_("copied"),
    Step.RELEASE: N_("released"),
    Step.RETURN: N_("returned"),
    Step.PAY: N_("paid by the CPAM"),
    Step.CLOSE: N_("closed"),
}
MERGEABLE = frozenset({FeuilleStatus.HELD, FeuilleStatus.TO_SIGN})


class FeuillesPage(Page):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        services, translator = ctx.services, ctx.t
        self._rows: list[FeuilleRow] = []
        self.setAccessibleName(translator.gettext("Feuilles"))
        self.model = FeuilleTableModel(translator, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.states = StateCountModel(translator, self)
        self.state_view = self._state_view()
        self.person_box = QComboBox()
        self.day = QDateEdit()
        self.buttons: dict[Step, QPushButton] = {}
        self.merge_button = QPushButton(translator.gettext("Merge selected"))
        self.table = self._table()
        self.attachments = AttachmentsPanel(services.attachments, ctx.events, translator)
        self.attachments.status.connect(self.status)
        self.detail = FeuilleDetail(translator, attachments=self.attachments)
        self._build()
        self._connect()
        self.reload()

    # -- building ----------------------------------------------------------------------
    def _state_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.states)
        view.setAccessibleName(self._t.gettext("Feuille states"))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several states at once (Ctrl+click): the dashboard's "to mail" is three of them.
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setShowGrid(False)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        view.setMaximumWidth(230)
        view.selectRow(0)
        return view

    def _table(self) -> QTableView:
        # Several rows at once: merging, or signing a pile of feuilles in one go.
        extended = QAbstractItemView.SelectionMode.ExtendedSelection
        name = self._t.gettext("Feuilles")
        table = make_table(self.proxy, name, selection=extended)
        # No column at first: the rows keep the page's order (life order, nearest deadline).
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        return table

    def _build(self) -> None:
        table_side = QWidget()
        column = QVBoxLayout(table_side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._filter_row())
        column.addLayout(self._step_row())
        column.addWidget(self.table, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(table_side)
        right.addWidget(self.detail)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        # Three fifths for the table from the start: by their size hints alone the detail's
        # lists and attachments would take half the height.
        right.setSizes([600, 400])
        layout = QHBoxLayout(self)
        layout.addWidget(self.state_view)
        layout.addWidget(right, 1)

    def _filter_row(self) -> QHBoxLayout:
        t = self._t
        row = QHBoxLayout()
        label = QLabel(t.gettext("Person"))
        label.setBuddy(self.person_box)
        self.person_box.setAccessibleName(t.gettext("Person"))
        row.addWidget(label)
        row.addWidget(self.person_box)
        row.addStretch(1)
        day_label = QLabel(t.gettext("Done on"))
        day_label.setBuddy(self.day)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_format(t))
        self.day.setAccessibleName(t.gettext("Date of the step"))
        self._reset_day()
        row.addWidget(day_label)
        row.addWidget(self.day)
        return row

    def _step_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for step, text in STEP_BUTTONS:
            button = QPushButton(self._t.gettext(text))
            button.setAccessibleName(self._t.gettext(text).rstrip("…"))
            button.clicked.connect(lambda _c=False, s=step: self.take_step(s))
            self.buttons[step] = button
            row.addWidget(button)
        row.addStretch(1)
        self.merge_button.setAccessibleName(self._t.gettext("Merge selected"))
        self.merge_button.setToolTip(
            self._t.gettext("One paper form for several acts of one person, before signing")
        )
        self.merge_button.clicked.connect(self.merge_selected)
        row.addWidget(self.merge_button)
        return row

    def _connect(self) -> None:
        self.state_view.selectionModel().selectionChanged.connect(self._apply_filters)
        self.person_box.currentIndexChanged.connect(self._apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

    # -- loading -----------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        return bool(changes.feuilles or changes.people or changes.acts or changes.mailings)

    def reload(self) -> None:
        services, today = self._services, self._services.claims.today()
        people = services.household.people()
        feuilles = services.claims.feuilles()
        # Only the acts on a feuille (paper care), not every act the household logged.
        wanted = sorted({act for feuille in feuilles for act in feuille.act_ids})
        acts = {a.id: a for a in services.care_table.rows(wanted)}
        rows = feuille_rows(
            feuilles,
            {p.id: p.full_name for p in people},
            acts,
            services.claims.deadline_warnings(),
            today,
        )
        # Life order, then the nearest deadline first within a state.
        self._rows = sorted(rows, key=_row_order)
        self.detail.set_acts(acts)
        self._fill_people([(p.id, p.full_name) for p in people])
        self._apply_filters()

    def _fill_people(self, people: list[tuple[PersonId, str]]) -> None:
        chosen = self.person_box.currentData()
        self.person_box.blockSignals(True)  # one refilter after refilling, not one per item
        self.person_box.clear()
        self.person_box.addItem(self._t.gettext("Everyone"), None)
        for person_id, name in people:
            self.person_box.addItem(name, int(person_id))
        self.person_box.setCurrentIndex(max(0, self.person_box.findData(chosen)))
        self.person_box.blockSignals(False)

    def _apply_filters(self) -> None:
        kept = self.selected_ids()
        person = self.person_box.currentData()
        mine = [r for r in self._rows if person is None or r.feuille.person_id == person]
        states = self.selected_states()
        self.states.set_rows(r.feuille.status for r in mine)
        self.model.set_rows([r for r in mine if states is None or r.feuille.status in states])
        self.select(kept)

    # -- selection ---------------------------------------------------------------------
    def states_row(self, state: FeuilleStatus | None) -> int:
        return next(n for n in range(self.states.rowCount()) if self.states.state(n) is state)

    def show_state(self, state: FeuilleStatus | None) -> None:
        self.state_view.selectRow(self.states_row(state))

    def show_states(self, states: frozenset[FeuilleStatus]) -> None:
        """Show the feuilles in any of ``states`` (their rows selected together)."""
        selection = QItemSelection()
        for state in STATE_ORDER:
            if state in states:
                row = self.states_row(state)
                selection.select(self.states.index(row, 0), self.states.index(row, 1))
        flags = QItemSelectionModel.SelectionFlag
        self.state_view.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)

    def selected_states(self) -> frozenset[FeuilleStatus] | None:
        """The states shown; ``None`` for every state (the first row, or nothing chosen)."""
        rows = [self.states.state(i.row()) for i in self.state_view.selectionModel().selectedRows()]
        if not rows or None in rows:
            return None
        return frozenset(state for state in rows if state is not None)

    def selected_rows(self) -> list[FeuilleRow]:
        found = self.table.selectionModel().selectedRows()
        return [self.model.row(self.proxy.mapToSource(i).row()) for i in found]

    def selected_ids(self) -> list[FeuilleId]:
        return [r.feuille.id for r in self.selected_rows()]

    def select(self, feuille_ids: list[FeuilleId]) -> None:
        self.table.clearSelection()
        flags = QItemSelection()
        for feuille_id in feuille_ids:
            row = self.model.row_of(feuille_id)
            if row is not None:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                flags.select(index, index.siblingAtColumn(self.model.columnCount() - 1))
        self.table.selectionModel().select(flags, QItemSelectionModel.SelectionFlag.Select)
        self._on_selection()

    def _on_selection(self, *_args: object) -> None:
        rows = self.selected_rows()
        self._update_buttons(rows)
        if len(rows) != 1:
            self.detail.clear(len(rows))
            self.attachments.clear()
            return
        row = rows[0]
        self.attachments.show_record(AttachedTo.FEUILLE, row.feuille.id)
        self.detail.show_feuille(row, self._services.claims.history(row.feuille.id))

    def _update_buttons(self, rows: list[FeuilleRow]) -> None:
        t = self._t
        for step, button in self.buttons.items():
            allowed = bool(rows) and all(step in allowed_steps(r.feuille.status) for r in rows)
            button.setEnabled(allowed)
            button.setToolTip("")
        release = self.buttons[Step.RELEASE]
        if release.isEnabled() and any(self._must_hold(r) for r in rows):
            release.setEnabled(False)
            release.setToolTip(
                t.gettext("Enter the social security number on the Household page first")
            )
        self.merge_button.setEnabled(_mergeable(rows))

    def _must_hold(self, row: FeuilleRow) -> bool:
        person = self._services.household.person(row.feuille.person_id)
        return self._services.claims.keeper.must_hold(person)

    # -- commands ----------------------------------------------------------------------
    def take_step(self, step: Step) -> int:
        """Record ``step`` for every selected feuille on the picked day; how many moved."""
        picked = self.day.date()
        ids, on = self.selected_ids(), date(picked.year(), picked.month(), picked.day())
        reason = ""
        if step is Step.RETURN:
            reason, ok = QInputDialog.getText(
                self,
                self._t.gettext("Returned by the CPAM"),
                self._t.gettext("Why did the CPAM return it? (written in the history)"),
            )
            if not ok or not reason.strip():
                return 0
        done = 0
        for feuille_id in ids:
            if not self._step_one(feuille_id, step, on, reason):
                break  # the message said why; the feuilles after it are left as they were
            done += 1
        self._say_done(step, ids[:done])
        self.catch_up()  # driven while hidden (by a test or a shortcut): show the truth
        self.select(ids)
        return done

    def _step_one(self, feuille_id: FeuilleId, step: Step, on: date, reason: str) -> bool:
        def call() -> Result[Feuille]:
            return self._services.claims.step(feuille_id, step, on, reason)

        return self.run(call) is not None

    def merge_selected(self) -> Result[Feuille] | None:
        ids = self.selected_ids()
        result = self.run(lambda: self._services.claims.merge(ids))
        if result is not None:
            self.catch_up()
            self.select([result.value.id])
            text = self._t.gettext("Merged into feuille No. {n}. Edit › Undo separates them.")
            self.status.emit(text.format(n=result.value.id))
        return result

    def _say_done(self, step: Step, ids: list[FeuilleId]) -> None:
        if not ids:
            return
        text = self._t.ngettext("Feuille {ids}: {done}", "Feuilles {ids}: {done}", len(ids))
        numbers = ", ".join(str(i) for i in ids)
        self.status.emit(text.format(ids=numbers, done=self._t.gettext(DONE[step])))

    def _reset_day(self) -> None:
        now = self._services.claims.today()
        today = QDate(now.year, now.month, now.day)
        self.day.setMaximumDate(today)  # the service refuses steps dated in the future
        self.day.setDate(today)


def _row_order(row: FeuilleRow) -> tuple[int, int, int]:
    order = STATE_ORDER.index(row.feuille.status)
    days = 10**6 if row.days_left is None else row.days_left
    return (order, days, int(row.feuille.id))


def _mergeable(rows: list[FeuilleRow]) -> bool:
    return (
        len(rows) >= 2
        and len({r.feuille.person_id for r in rows}) == 1
        and all(r.feuille.status in MERGEABLE for r in rows)
    )
