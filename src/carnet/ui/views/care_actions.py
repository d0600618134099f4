"""What can be done to acts from the Care page: new, edit, duplicate, delete.

Duplicating (Ctrl+D) copies the selected act (person, practitioner, code, fee,
how it was paid) with today's date and opens the form, so a series of
physiotherapy sessions or repeat visits is one keystroke and Enter each.
Recently used practitioners are remembered in QSettings and offered first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from carnet.app import Services
from carnet.domain.ids import ActId
from carnet.i18n import Translator
from carnet.ui.events import EventHub

if TYPE_CHECKING:
    from carnet.domain.care import CareAct
    from carnet.services.base import Result
    from carnet.ui.dialogs.form_dialog import FormDialog

    # The form (and the rules it proposes tariffs from) loads when first opened.
    from carnet.ui.forms.act_editor import ActEditor
    from carnet.ui.views.care_page import CarePage

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
            button = QPushButton(text)
            shown = self._actions[key].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{text} ({shown})" if shown else text)
            button.setAccessibleName(text.rstrip("…"))
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            found.append(button)
        return found

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
        editor.load(act, day=self._services.care.today())
        return self._open(self._t.gettext("New care act (copy)"), editor, None)

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

    # -- helpers ------------------------------------------------------------------
    def _selected(self) -> CareAct | None:
        act_id = self._page.selected_act()
        return None if act_id is None else self._services.care.act(act_id)

    def _editor(self) -> ActEditor:
        from carnet.ui.forms.act_editor import ActEditor  # noqa: PLC0415

        household, care = self._services.household, self._services.care
        return ActEditor(
            self._t,
            care.today(),
            people=household.people(),
            practitioners=household.practitioners(),
            recent=self._recent(),
            last_codes=self._services.care_table.latest_codes(),
            debits=self._services.abroad.debits(),
        )

    def _open(self, title: str, editor: ActEditor, act_id: ActId | None) -> FormDialog[Any]:
        from carnet.ui.dialogs.form_dialog import FormDialog  # noqa: PLC0415

        care, abroad = self._services.care, self._services.abroad

        def save() -> Result[CareAct]:
            data, terms = editor.value(), editor.abroad.value()
            if terms is not None or (act_id is not None and abroad.of(act_id) is not None):
                return abroad.save_act(act_id, data, terms)
            return care.add_act(data) if act_id is None else care.edit_act(act_id, data)

        dialog: FormDialog[Any] = FormDialog(
            title, editor, editor.form, save, self._t, events=self._events, parent=self._page
        )
        dialog.finished.connect(lambda _code: self._saved(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, dialog: FormDialog[Any]) -> None:
        result = dialog.result_value
        if result is not None:
            act: CareAct = result.value
            self._remember(act.practitioner_id)
            self._page.select_act(act.id)
        self.dialog = None
        dialog.deleteLater()

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
