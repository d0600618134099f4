"""The Household page: people, practitioners, contracts and bank accounts.

Each tab is a sortable table with Add and Edit; forms check fields as typed
and save through the household service, whose :class:`Changes` go on the hub
so every page (the care table's names, the dashboard) follows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from carnet.domain.changes import Changes
from carnet.domain.ids import PersonId
from carnet.domain.practitioners import Profession
from carnet.domain.road import Road, StepState
from carnet.i18n import Translator
from carnet.services.base import Result
from carnet.services.road_texts import LABELS
from carnet.ui.dialogs.form_dialog import FormDialog, open_form
from carnet.ui.forms.bank_editor import BankEditor
from carnet.ui.forms.contract_editor import (
    ContractEditor,
    load_insurer_address,
    save_insurer_address,
)
from carnet.ui.forms.person_editor import PersonEditor
from carnet.ui.forms.practitioner_editor import PractitionerEditor
from carnet.ui.forms.road_editor import RoadStepEditor
from carnet.ui.models.household_columns import (
    PEOPLE_STRETCH,
    PRACTITIONERS_STRETCH,
    account_columns,
    contract_columns,
    people_columns,
    practitioner_columns,
)
from carnet.ui.models.records import RecordTableModel
from carnet.ui.models.row_table import SORT_ROLE, Column
from carnet.ui.page import Page, PageContext
from carnet.ui.views.addresses_tab import AddressesTab
from carnet.ui.views.road_tab import RoadTab


class RecordTab(QWidget):
    """A table of one kind of record with Add and (optionally) Edit buttons."""

    def __init__(
        self,
        t: Translator,
        name: str,
        add: Callable[[], object],
        edit: Callable[[int], object] | None,
    ) -> None:
        super().__init__()
        self.model: RecordTableModel[Any] = RecordTableModel([], t, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setAccessibleName(name)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        # A to Z by the first column: Qt's header starts out descending.
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(t.gettext("Add…"))
        self.add_button.setAccessibleName(t.gettext("Add to {list}").format(list=name))
        self.add_button.clicked.connect(add)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        self.edit_button: QPushButton | None = None
        if edit is not None:
            self.edit_button = QPushButton(t.gettext("Edit…"))
            self.edit_button.setAccessibleName(t.gettext("Edit the selected row"))
            self.edit_button.clicked.connect(lambda: self._edit_selected(edit))
            self.table.doubleClicked.connect(lambda _i: self._edit_selected(edit))
            bar.addWidget(self.edit_button)
        self.remove_button = QPushButton(t.gettext("Remove…"))
        self.remove_button.setAccessibleName(t.gettext("Remove or archive the selected row"))
        bar.addWidget(self.remove_button)
        bar.addStretch(1)
        self.bar = bar
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def set_rows(
        self, columns: Sequence[Column[Any]], rows: Sequence[Any], stretch: int | None = None
    ) -> None:
        """Show ``rows``; column ``stretch`` (free text) takes the room the others leave."""
        self.model = RecordTableModel(columns, self.model._t, self)
        self.model.set_rows(rows)
        self.proxy.setSourceModel(self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(stretch is None)
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.mapToSource(rows[0]).row() if rows else None

    def select_source_row(self, row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())

    def _edit_selected(self, edit: Callable[[int], object]) -> None:
        row = self.selected_row()
        if row is not None:
            edit(row)


class HouseholdPage(Page):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        t = ctx.t
        self.setAccessibleName(t.gettext("Household"))
        self.people = RecordTab(t, t.gettext("People"), self.add_person, self.edit_person)
        self.erase_button = QPushButton(t.gettext("Erase identifying data…"))
        self.erase_button.setToolTip(
            t.gettext("Remove the selected person's name, numbers and notes, also from the history")
        )
        self.erase_button.clicked.connect(self.erase_person)
        self.people.bar.insertWidget(self.people.bar.count() - 1, self.erase_button)
        self.practitioners = RecordTab(
            t, t.gettext("Practitioners"), self.add_practitioner, self.edit_practitioner
        )
        self.contracts = RecordTab(t, t.gettext("Contracts"), self.add_contract, self.edit_contract)
        self.accounts = RecordTab(t, t.gettext("Bank accounts"), self.add_account, None)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(t.gettext("Household"))
        self.tabs.addTab(self.people, t.gettext("People"))
        self.tabs.addTab(self.practitioners, t.gettext("Practitioners"))
        self.tabs.addTab(self.contracts, t.gettext("Mutuelle contracts"))
        self.tabs.addTab(self.accounts, t.gettext("Bank accounts"))
        self.road = RoadTab(self._services, t, self.mark_step)
        self.tabs.addTab(self.road, t.gettext("Newcomer's road"))
        self.addresses = AddressesTab(ctx.services, t)
        self.tabs.addTab(self.addresses, t.gettext("Addresses for letters"))
        self.tabs.currentChanged.connect(self._tab_shown)
        # Archived records come back into the lists (Remove… then offers to bring them back).
        self.show_archived = QCheckBox(t.gettext("Show archived"))
        self.show_archived.toggled.connect(lambda _on: self.reload())
        self.tabs.setCornerWidget(self.show_archived)
        for tab, kind in (
            (self.people, "person"),
            (self.practitioners, "practitioner"),
            (self.contracts, "contract"),
            (self.accounts, "bank_account"),
        ):
            tab.remove_button.clicked.connect(
                lambda _checked=False, tab=tab, kind=kind: self.remove_selected(tab, kind)
            )
        QVBoxLayout(self).addWidget(self.tabs)
        self.reload()

    def concerns(self, changes: Changes) -> bool:
        return bool(changes.people or changes.practitioners or changes.contracts or changes.bank)

    def show_addresses(self) -> None:
        self.tabs.setCurrentWidget(self.addresses)

    def _tab_shown(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.addresses:
            self.addresses.load()  # an address typed from a refusal meanwhile shows here

    def reload(self) -> None:
        household, t = self._services.household, self._t
        people, practitioners = household.people(), household.practitioners()
        contracts = household.contracts()
        names = {p.id: p.full_name for p in people}
        doctors = {p.id: p.name for p in practitioners}
        insurers = {c.id: c.insurer for c in contracts}
        listed = self._listed
        self.people.set_rows(
            people_columns(t, names, doctors, insurers), listed("person", people), PEOPLE_STRETCH
        )
        self.practitioners.set_rows(
            practitioner_columns(t), listed("practitioner", practitioners), PRACTITIONERS_STRETCH
        )
        self.contracts.set_rows(contract_columns(t), listed("contract", contracts))
        self.accounts.set_rows(account_columns(), listed("bank_account", household.bank_accounts()))
        self.road.reload()

    def show_road(self, person_id: PersonId) -> None:
        """The road of one person (the dashboard's "Open the road")."""
        self.tabs.setCurrentWidget(self.road)
        self.road.choose(person_id)

    def mark_step(self, person_id: PersonId, state: StepState) -> FormDialog[Any]:
        """The form of ``state``'s step; saving marks it done with its effects."""
        household, road = self._services.household, self._services.road
        practitioners = household.practitioners()
        editor = RoadStepEditor(
            self._t,
            state.step,
            household.today(),
            doctors=[p for p in practitioners if p.profession is Profession.GP] or practitioners,
            contracts=household.contracts(),
        )

        def save() -> Result[Road]:
            v = editor.values()
            return road.reach(
                person_id,
                state.step,
                v.on,
                number=v.number,
                temporary=v.temporary,
                until=v.until,
                doctor_id=v.doctor_id,
                contract_id=v.contract_id,
            )

        title = self._t.gettext("Mark done: {step}").format(
            step=self._t.gettext(LABELS[state.step])
        )
        return self._open(title, editor, editor.form, save)

    def _listed(self, kind: str, records: list[Any]) -> list[Any]:
        """The rows of a tab: archived ones only when asked for."""
        return records if self.show_archived.isChecked() else self._active(kind, records)

    def _active(self, kind: str, records: list[Any]) -> list[Any]:
        """Archived records are hidden from lists and forms (their history stays)."""
        hidden = self._services.removal.archived(kind)
        return [r for r in records if r.id not in hidden]

    def remove_selected(self, tab: RecordTab, kind: str) -> bool:
        """Remove the selected record; one still in use can be archived instead."""
        row = tab.selected_row()
        if row is None:
            return False
        record, t, removal = tab.model.record(row), self._t, self._services.removal
        name = str(
            getattr(record, "full_name", "")
            or getattr(record, "name", "")
            or getattr(record, "insurer", "")
        )
        uses = removal.uses(kind, record.id)
        if record.id in removal.archived(kind):
            question = t.gettext("Bring {name} back from the archive?").format(name=name)
            call = lambda: removal.unarchive(kind, record.id)  # noqa: E731
        elif not uses:
            question = t.gettext("Remove {name}? Edit › Undo brings it back.").format(name=name)
            call = lambda: removal.remove(kind, record.id)  # noqa: E731
        else:
            what = ", ".join(f"{count} {t.gettext(words)}" for words, count in uses)
            question = t.gettext(
                "{name} cannot be removed: {uses} still point at it. Archive it instead? "
                "It is then hidden from lists and forms, and its history is kept."
            ).format(name=name, uses=what)
            call = lambda: removal.archive_record(kind, record.id)  # noqa: E731
        answer = QMessageBox.question(self, t.gettext("Remove"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.run(call) is not None

    # -- forms --------------------------------------------------------------------
    def _person_editor(self) -> PersonEditor:
        household = self._services.household
        return PersonEditor(
            self._t,
            household.today(),
            people=self._active("person", household.people()),
            practitioners=self._active("practitioner", household.practitioners()),
            contracts=self._active("contract", household.contracts()),
        )

    def add_person(self) -> FormDialog[Any]:
        editor = self._person_editor()
        household = self._services.household
        return self._open(
            self._t.gettext("Add a person"),
            editor,
            editor.form,
            lambda: household.add_person(editor.value()),
        )

    def edit_person(self, row: int) -> FormDialog[Any]:
        person = self.people.model.record(row)
        editor = self._person_editor()
        editor.load(person)
        household = self._services.household
        return self._open(
            self._t.gettext("Edit {name}").format(name=person.full_name),
            editor,
            editor.form,
            lambda: household.edit_person(person.id, editor.value()),
        )

    def add_practitioner(self) -> FormDialog[Any]:
        editor = PractitionerEditor(self._t)
        household = self._services.household
        return self._open(
            self._t.gettext("Add a practitioner"),
            editor,
            editor.form,
            lambda: household.add_practitioner(editor.value()),
        )

    def edit_practitioner(self, row: int) -> FormDialog[Any]:
        practitioner = self.practitioners.model.record(row)
        editor = PractitionerEditor(self._t)
        editor.load(practitioner)
        household = self._services.household
        return self._open(
            self._t.gettext("Edit {name}").format(name=practitioner.name),
            editor,
            editor.form,
            lambda: household.edit_practitioner(practitioner.id, editor.value()),
        )

    def add_contract(self) -> FormDialog[Any]:
        editor = ContractEditor(self._t)
        household, settings = self._services.household, self._services.settings

        def save() -> Result[Any]:
            result = household.add_contract(editor.value())
            save_insurer_address(settings, editor)
            return result

        return self._open(self._t.gettext("Add a mutuelle contract"), editor, editor.form, save)

    def edit_contract(self, row: int) -> FormDialog[Any]:
        contract = self.contracts.model.record(row)
        editor = ContractEditor(self._t)
        editor.load(contract)
        household, settings = self._services.household, self._services.settings
        load_insurer_address(settings, editor)

        def save() -> Result[Any]:
            result = household.edit_contract(contract.id, editor.value())
            save_insurer_address(settings, editor)
            return result

        title = self._t.gettext("Edit {name}").format(name=contract.insurer)
        return self._open(title, editor, editor.form, save)

    def add_account(self) -> FormDialog[Any]:
        editor = BankEditor(self._t)
        household = self._services.household
        return self._open(
            self._t.gettext("Add a bank account"),
            editor,
            editor.form,
            lambda: household.add_bank_account(editor.value()),
        )

    def erase_person(self) -> bool:
        """Forget the selected person after a confirmation; ``True`` once erased."""
        row = self.people.selected_row()
        if row is None:
            return False
        person = self.people.model.record(row)
        if not self.confirm_erase(person.full_name):
            return False
        household = self._services.household
        return self.run(lambda: household.erase_identity(person.id)) is not None

    def confirm_erase(self, name: str) -> bool:
        """Ask before erasing (tests answer in its place)."""
        t = self._t
        text = t.gettext(
            "Erase the identifying data of {name}?\n\n"
            "Their name, birth date, social security number, CPAM and notes are removed "
            "from the household and from Carnet's history, for good: this cannot be undone. "
            "Their care acts stay, under “Erased”.\n\n"
            "Backups made before still hold the data, and so do letters and scans already "
            "attached: delete them too if the person asked to be forgotten."
        ).format(name=name)
        answer = QMessageBox.warning(
            self,
            t.gettext("Erase identifying data"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _open(
        self, title: str, editor: QWidget, form: Any, save: Callable[[], Result[Any]]
    ) -> FormDialog[Any]:
        """Open the form; tests drive the returned dialog before it is accepted."""
        return open_form(
            title, editor, form, save, self._t, events=self._events, parent=self, saved=self._saved
        )

    def _saved(self, result: Result[Any]) -> None:
        warnings = result.changes.warnings
        if warnings:
            self.status.emit(" ".join(w.render(self._t) for w in warnings))
