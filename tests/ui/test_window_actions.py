"""Window-wide actions: undo/redo from the Edit menu, statements dropped on the window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.care import ActInput
from carnet.domain.ids import PersonId
from carnet.domain.money import Cents
from carnet.ui.main_window import MainWindow

DATA = Path(__file__).resolve().parents[1] / "data" / "bank"


def test_undo_and_redo_from_the_edit_menu(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    before = services.care.count()
    person = services.household.people()[0]
    result = services.care.add_act(
        ActInput(
            person_id=PersonId(person.id),
            practitioner_id=None,
            date=date(2026, 11, 2),
            act_code="G",
            fee_cents=Cents(3000),
        )
    )
    window.undo_actions._events.publish(result.changes)
    undo = window.undo_actions.undo
    assert undo.isEnabled() and "Add act" in undo.text()
    undo.trigger()
    assert services.care.count() == before
    assert window.care_page.model.rowCount() == before
    redo = window.undo_actions.redo
    assert redo.isEnabled()
    redo.trigger()
    assert services.care.count() == before + 1


def test_a_statement_dropped_on_the_window_opens_the_import(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "boursobank.csv"))])
    event = QDropEvent(
        QPointF(QPoint(10, 10)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    opened: list[Path] = []
    monkeypatch.setattr(window.bank_page, "open_import", opened.append)
    window.dropEvent(event)
    assert opened == [DATA / "boursobank.csv"]
    assert window.current_page() == "bank"
