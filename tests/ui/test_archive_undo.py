"""Archiving and bringing back a record are on the undo stack, like a removal: Edit › Undo
takes them back and Edit › Redo does them again, from the window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.ui.main_window import MainWindow
from carnet.ui.views.household_page import HouseholdPage, RecordTab
from tests.ui.conftest import open_page


@pytest.fixture
def say_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    return asked


def _names(tab: RecordTab) -> set[str]:
    def name(record: object) -> str:
        return str(
            getattr(record, "full_name", "")
            or getattr(record, "name", "")
            or getattr(record, "insurer", "")
        )

    return {name(tab.model.record(r)) for r in range(tab.model.rowCount())}


def _select(tab: RecordTab, words: str) -> None:
    row = next(r for r in range(tab.model.rowCount()) if words in str(tab.model.record(r)))
    tab.select_source_row(row)


def test_undo_and_redo_an_archive_from_the_window(
    qtbot: QtBot, window: MainWindow, services: Services, say_yes: list[str]
) -> None:
    page = open_page(window, "household", HouseholdPage)
    tab = page.practitioners
    _select(tab, "Pharmacie du Marché")
    assert page.remove_selected(tab, "practitioner")  # it has acts: archived
    assert "Pharmacie du Marché" not in _names(tab)
    undo, redo = window.undo_actions.undo, window.undo_actions.redo
    assert undo.isEnabled() and undo.text() == "&Undo Archive a practitioner"
    undo.trigger()
    # Back in the list and in the forms, with nothing else changed.
    assert "Pharmacie du Marché" in _names(tab)
    assert services.removal.archived("practitioner") == set()
    assert redo.isEnabled() and redo.text() == "&Redo Archive a practitioner"
    redo.trigger()
    assert "Pharmacie du Marché" not in _names(tab)
    assert len(services.removal.archived("practitioner")) == 1


def test_undo_and_redo_bringing_back_from_the_archive(
    qtbot: QtBot, window: MainWindow, services: Services, say_yes: list[str]
) -> None:
    page = open_page(window, "household", HouseholdPage)
    tab = page.people
    sarah = next(p for p in services.household.people() if p.first_name == "Sarah")
    services.removal.archive_record("person", sarah.id)  # before this window's changes
    page.show_archived.setChecked(True)
    _select(tab, "Sarah")
    assert page.remove_selected(tab, "person")
    assert "back from the archive" in say_yes[-1]
    assert services.removal.archived("person") == set()
    undo = window.undo_actions.undo
    assert undo.text() == "&Undo Bring a person back from the archive"
    undo.trigger()
    assert services.removal.archived("person") == {sarah.id}
    page.show_archived.setChecked(False)
    assert "Sarah Thompson" not in _names(tab)
    window.undo_actions.redo.trigger()
    assert services.removal.archived("person") == set()
    assert "Sarah Thompson" in _names(tab)
