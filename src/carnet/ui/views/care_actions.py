"""What can be done to acts from the Care page: new, edit, duplicate, delete.

Duplicating (Ctrl+D) copies the selected act (person, practitioner, code, fee, date,
how it was paid) and opens the form with the day of its date selected, so the next
session of a series of physiotherapy sessions is one edit and Enter away.
Recently used practitioners are remembered in QSettings and offered first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton, QWidget

from carnet.app import Services
from carnet.domain.ids import ActId
from carnet.i18n import Translator
from carnet.ui.events import EventHub

if TYPE_CHECKING:
    from carnet.domain.care import ActInput, CareAct
    from carnet.services.base import Result
    from carnet.ui.dialogs.form_dialog import FormDialog

    # The form (and the rules it proposes tariffs from) loads when first opened.
    from carnet.ui.forms.act_editor import ActEditor
    from carnet.ui.views.care_page import CarePage
    from carnet.ui.widgets.fields import CheckedForm

# Commands on money received for an act, gathered in the "Payments" button's menu.
PAYMENT_COMMANDS = ("received", "decompte", "accept", "reclaim")
RECENT_KEY = "care/recent_practitioners"
RECENT_COUNT = 6


class CareActions(QObject):
    def __init__(
        self,
        page: CarePage,
        services: Services,
        events: EventHub,
        t: Translator,
        settings: QSettings | None,
    ) -> None:
        super().__init__(page)
        self._page, self._services, self._events, self._t = page, services, events, t
        self._settings = settings
        self.dialog: FormDialog[Any] | None = None  # the open form, for tests
        self._actions: dict[str, QAction] = {}
        self._build_actions()

    def _commands(self) -> dict[str, tuple[str, Callable[[], object]]]:
        t = self._t
        return {
            "new": (t.gettext("New act…"), self.new_act),
            "edit": (t.gettext("Edit…"), self.edit_act),
            "duplicate": (t.gettext("Duplicate"), self.duplicate_act),
            "delete": (t.gettext("Delete…"), self.delete_act),
            "received": (t.gettext("Payment received…"), self.mark_received),
            "decompte": (t.gettext("Décompte…"), self.enter_decompte),
            "accept": (t.gettext("Accept amount paid…"), self.accept_paid),
            "reclaim": (t.gettext("Reclamation letter"), self.write_reclamation),
        }

    def action(self, key: str) -> QAction:
        """The action ``key`` ("new", "edit", "duplicate", "delete"), with its shortcuts."""
        return self._actions[key]

    def _build_actions(self) -> None:
        page = self._page
        for key, (text, slot) in self._commands().items():
            action = QAction(text, page)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self._actions[key] = action
        keys, context = QKeySequence.StandardKey, Qt.ShortcutContext.WidgetWithChildrenShortcut
        # Shown in the button's tooltip; File › New care act answers the keys themselves.
        self._shortcuts("new", [QKeySequence(keys.New)], context, None)
        # Enter and Delete on the table, not in the filter box.
        enter = [QKeySequence("Return"), QKeySequence("Enter")]
        self._shortcuts("edit", enter, Qt.ShortcutContext.WidgetShortcut, page.table)
        self._shortcuts("duplicate", [QKeySequence("Ctrl+D")], context, page)
        delete = [QKeySequence(keys.Delete)]
        self._shortcuts("delete", delete, Qt.ShortcutContext.WidgetShortcut, page.table)

    def _shortcuts(
        self,
        key: str,
        sequences: list[QKeySequence],
        context: Qt.ShortcutContext,
        owner: QWidget | None,
    ) -> None:
        action = self._actions[key]
        action.setShortcuts(sequences)
        action.setShortcutContext(context)
        if owner is not None:
            owner.addAction(action)

    def buttons(self) -> list[QPushButton]:
        found = []
        for key, (text, slot) in self._commands().items():
            if key in PAYMENT_COMMANDS:
                continue  # in the "Payments" button's menu: the row stays narrow
            button = QPushButton(text)
            shown = self._actions[key].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{text} ({shown})" if shown else text)
            button.setAccessibleName(text.rstrip("…"))
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            found.append(button)
        found.append(self._payments_button())
        return found

    def _payments_button(self) -> QPushButton:
        """What was received for the selected act, and what to do when it is short."""
        text = self._t.gettext("Payments")
        button = QPushButton(text)
        button.setAccessibleName(text)
        menu = QMenu(button)
        for key in PAYMENT_COMMANDS:
            menu.addAction(self._actions[key])
        button.setMenu(menu)
        self.payments_menu = menu
        return button

    def empty_button(self) -> QPushButton:
        button = QPushButton(self._t.gettext("Log a care act…"))
        button.setAccessibleName(self._t.gettext("Log a care act"))
        button.clicked.connect(lambda _checked=False: self.new_act())
        return button

    # -- commands -----------------------------------------------------------------
    def new_act(self) -> FormDialog[Any]:
        editor = self._editor()
        return self._open(self._t.gettext("New care act"), editor, None)

    def edit_act(self) -> FormDialog[Any] | None:
        act = self._selected()
        if act is None:
            return None
        editor = self._editor()
        editor.load(act)
        abroad = self._services.abroad.of(act.id)
        if abroad is not None:
            editor.abroad.load(abroad)
        return self._open(self._t.gettext("Edit care act"), editor, act.id)

    def duplicate_act(self) -> FormDialog[Any] | None:
        act = self._selected()
        if act is None:
            return None
        editor = self._editor()
        editor.load(act)  # the copied act's own date, ready to be changed to the next session
        dialog = self._open(self._t.gettext("New care act (copy)"), editor, None)
        editor.focus_date()
        return dialog

    def delete_act(self) -> bool:
        summary = self._page.selected_summary()
        if summary is None:
            return False
        t = self._t
        question = t.gettext("Delete the act {code} of {name} on {date}?").format(
            code=summary.act_code, name=summary.person_name, date=t.date(summary.date)
        )
        answer = QMessageBox.question(
            self._page,
            t.gettext("Delete act"),
            question + "\n" + t.gettext("Edit › Undo brings it back."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._page.run(lambda: self._services.care.delete_act(summary.id)) is not None

    def mark_received(self) -> FormDialog[Any] | None:
        """Record by hand what the CPAM or the mutuelle paid for the selected act."""
        summary = self._page.selected_summary()
        if summary is None:
            return None
        from carnet.ui.dialogs.received_editor import ReceivedEditor  # noqa: PLC0415

        services = self._services
        expected = {p.payer: p.amount_cents for p in services.care.expected_payments(summary.id)}
        editor = ReceivedEditor(self._t, services.today(), expected, summary.date)

        def save() -> Result[Any]:
            return services.received.record(
                summary.id, editor.payer(), editor.amount(), editor.day()
            )

        title = self._t.gettext("Payment received for {code} of {date}").format(
            code=summary.act_code, date=self._t.date(summary.date)
        )
        return self._form(
            title, editor, editor.form, save, saved=lambda _r: self._page.select_act(summary.id)
        )

    def enter_decompte(self) -> FormDialog[Any]:
        """Type the lines of a CPAM or mutuelle décompte: each settles its act."""
        from carnet.ui.dialogs.decompte_editor import DecompteEditor  # noqa: PLC0415

        services = self._services
        editor = DecompteEditor(self._t, services.today())

        def save() -> Result[Any]:
            return services.received.decompte(editor.payer(), editor.lines(), editor.reference())

        title = self._t.gettext("Enter a décompte")
        return self._form(title, editor, editor.form, save)

    def accept_paid(self) -> bool:
        """Take the payer's amount as final for the selected act (Edit › Undo takes it back)."""
        summary = self._page.selected_summary()
        if summary is None:
            return False
        t, services = self._t, self._services
        found = [
            d for d in services.discrepancies.for_act(summary.id) if d.cause.value != "unknown"
        ]
        if not found:
            self._tell(
                t.gettext("Nothing to accept: no payer paid this act with a reason Carnet knows.")
            )
            return False
        reasons = "\n\n".join(d.explanation.render(t) for d in found)
        question = t.gettext("Accept what was paid? The act is then assessed as the payer did.")
        answer = QMessageBox.question(
            self._page, t.gettext("Accept amount paid"), f"{reasons}\n\n{question}"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        ids = [d.id for d in found]
        return self._page.run(lambda: services.discrepancies.accept_all(ids)) is not None

    def write_reclamation(self) -> int | None:
        """A reclamation letter for the selected acts paid short; it waits on the Mailings page."""
        rows = self._page.table.selectionModel().selectedRows()
        acts = [s.id for s in (self._page.model.summary(r.row()) for r in rows) if s is not None]
        if not acts:
            return None
        t = self._t
        result = self._page.run(lambda: self._services.reclamations.create(acts))
        if result is None:
            return None
        mailing = result.value
        self._tell(
            t.gettext(
                "Reclamation #{number} to {recipient} is on the Mailings page: preview it, "
                "print it and mark it mailed there."
            ).format(number=mailing.id, recipient=mailing.recipient)
        )
        self._page.ctx.window.show_page("mailings")
        return int(mailing.id)

    def _tell(self, text: str) -> None:
        QMessageBox.information(self._page, self._t.gettext("Carnet"), text)

    # -- helpers ------------------------------------------------------------------
    def _selected(self) -> CareAct | None:
        act_id = self._page.selected_act()
        return None if act_id is None else self._services.care.act(act_id)

    def _editor(self) -> ActEditor:
        from carnet.ui.forms.act_editor import ActEditor  # noqa: PLC0415

        household, care = self._services.household, self._services.care
        # Archived people and practitioners are not offered (their acts stay in the table).
        removal = self._services.removal
        hidden_people, hidden_doctors = removal.archived("person"), removal.archived("practitioner")
        return ActEditor(
            self._t,
            care.today(),
            people=[p for p in household.people() if p.id not in hidden_people],
            practitioners=[p for p in household.practitioners() if p.id not in hidden_doctors],
            recent=self._recent(),
            last_codes=self._services.care_table.latest_codes(),
            debits=self._services.abroad.debits(),
        )

    def _open(self, title: str, editor: ActEditor, act_id: ActId | None) -> FormDialog[Any]:

        care, abroad = self._services.care, self._services.abroad

        def save() -> Result[CareAct]:
            data, terms = editor.value(), editor.abroad.value()
            if terms is not None or (act_id is not None and abroad.of(act_id) is not None):
                return abroad.save_act(act_id, data, terms)
            return care.add_act(data) if act_id is None else care.edit_act(act_id, data)

        confirm = lambda: self._not_twice(editor.value(), act_id)  # noqa: E731
        return self._form(title, editor, editor.form, save, confirm=confirm, saved=self._saved)

    def _form(
        self,
        title: str,
        editor: QWidget,
        form: CheckedForm,
        save: Callable[[], Result[Any]],
        *,
        confirm: Callable[[], bool] | None = None,
        saved: Callable[[Result[Any]], None] | None = None,
    ) -> FormDialog[Any]:
        """Open a form over the page, held in :attr:`dialog` until it closes."""
        from carnet.ui.dialogs.form_dialog import open_form  # noqa: PLC0415

        dialog = self.dialog = open_form(
            title,
            editor,
            form,
            save,
            self._t,
            events=self._events,
            parent=self._page,
            confirm=confirm,
            saved=saved,
            closed=self._forget,
        )
        return dialog

    def _not_twice(self, data: ActInput, act_id: ActId | None) -> bool:
        """The same act for the same person on the same day: a double entry? Ask."""
        if not self._services.care.same_day_twins(data, ignore=act_id):
            return True
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 (not needed to open the window)

        t = self._t
        answer = QMessageBox.question(
            self._page,
            t.gettext("Same act twice?"),
            t.gettext(
                "The same act ({code}, same fee) is already logged for this person on {day}. "
                "Log it a second time?"
            ).format(code=data.act_code.upper(), day=t.date(data.date)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self, result: Result[CareAct]) -> None:
        # The dialog published the change itself (run_op); the selection follows.
        self._remember(result.value.practitioner_id)
        self._page.select_act(result.value.id)

    def _forget(self) -> None:
        self.dialog = None

    def _recent(self) -> list[int]:
        if self._settings is None:
            return []
        raw = self._settings.value(RECENT_KEY, [])
        values = raw if isinstance(raw, list) else [raw]
        return [int(str(v)) for v in values if str(v).isdigit()]

    def _remember(self, practitioner_id: int | None) -> None:
        if self._settings is None or practitioner_id is None:
            return
        recent = [practitioner_id, *(i for i in self._recent() if i != practitioner_id)]
        self._settings.setValue(RECENT_KEY, [str(i) for i in recent[:RECENT_COUNT]])


def editor_of(dialog: QWidget) -> ActEditor:
    """The act editor inside a form dialog (tests type into it)."""
    from carnet.ui.forms.act_editor import ActEditor  # noqa: PLC0415

    found = dialog.findChild(ActEditor)
    assert found is not None
    return found
