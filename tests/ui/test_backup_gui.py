"""File › Back up now… and File › Restore…, driven as a person would: click, type, confirm.

The file dialogs and message boxes are answered by patches (their static
calls), everything else is the real dialog over a real database file.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from carnet.app import Services, build_services
from carnet.domain.people import PersonInput
from carnet.i18n import Translator
from carnet.services.backup import check_backup, is_archive
from carnet.ui.application import build_window
from carnet.ui.dialogs.backup_dialog import BackupDialog
from carnet.ui.dialogs.restore_dialog import RestoreDialog
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow
from carnet.ui.views.household_page import HouseholdPage
from tests.ui.conftest import TODAY

PASSWORD = "correct horse battery"


class Boxes:
    """What the message boxes said, and the answer to give to "Restore this backup?"."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.questions: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    seen = Boxes()

    def ask(_parent: QWidget, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        seen.questions.append(text)
        return seen.answer

    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.errors.append(box.text()) or 0)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: seen.infos.append(text))
    monkeypatch.setattr(QMessageBox, "question", ask)
    return seen


@pytest.fixture
def restorable(
    qtbot: QtBot, services: Services, events: EventHub, settings: QSettings
) -> Iterator[MainWindow]:
    """A window that can reopen its database, as the application builds it."""
    window = MainWindow(
        services,
        events,
        settings,
        Translator("en"),
        reopen=lambda path: build_services(path, today=lambda: TODAY),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.services is not services:
        window.services.close()


def tick(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a radio button or check box on its box: the layout stretches it past its text."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def choose_save(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """The save dialog answers ``target``; returns the names it suggested."""
    suggested: list[str] = []

    def answer(_parent: QWidget, _title: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(name)
        return str(target), ""

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", answer)
    return suggested


def people_shown(window: MainWindow) -> set[str]:
    window.show_page("household")
    page = window.page("household")
    assert isinstance(page, HouseholdPage)
    model = page.people.model
    return {model.data(model.index(row, 0)) for row in range(model.rowCount())}


def people_in_care_filter(window: MainWindow) -> set[str]:
    box = window.care_page.person_box
    return {box.itemText(i) for i in range(1, box.count())}  # the first is "everyone"


def back_up_to_folder(qtbot: QtBot, window: MainWindow) -> Path:
    dialog = window.backups.back_up()
    assert dialog.to_folder.isChecked() and dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.written is not None
    return dialog.written


def protected_backup(
    qtbot: QtBot, window: MainWindow, target: Path, monkeypatch: pytest.MonkeyPatch
) -> BackupDialog:
    dialog = window.backups.back_up()
    choose_save(monkeypatch, target)
    tick(qtbot, dialog.to_file)
    tick(qtbot, dialog.protect)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.confirm, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return dialog


def restore_file(qtbot: QtBot, window: MainWindow, path: Path, password: str) -> RestoreDialog:
    dialog = window.backups.restore()
    assert dialog is not None
    tick(qtbot, dialog.from_file)
    qtbot.keyClicks(dialog.file_edit, str(path))
    if password:
        assert dialog.password.isEnabled()
        qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return dialog


def test_back_up_to_a_chosen_file_writes_a_valid_backup(
    qtbot: QtBot,
    restorable: MainWindow,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "usb" / "copy.sqlite"
    target.parent.mkdir()
    suggested = choose_save(monkeypatch, target)
    restorable.menus.back_up.trigger()
    dialog = restorable.backups.dialog
    assert isinstance(dialog, BackupDialog) and dialog.isVisible()
    tick(qtbot, dialog.to_file)
    assert not dialog.ok_button.isEnabled() and "Choose the file" in dialog.problem.text()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert suggested[0].endswith(f"carnet-backup-{TODAY.isoformat()}.sqlite")
    assert dialog.file_edit.text() == str(target) and dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert check_backup(target) > 0 and not is_archive(target)
    assert boxes.infos == [f"The backup was written to:\n{target}"]
    assert str(target) in restorable.statusBar().currentMessage()


def test_an_existing_file_is_replaced_only_when_chosen_in_the_file_dialog(
    qtbot: QtBot,
    restorable: MainWindow,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "old.sqlite"
    target.write_bytes(b"an older copy")
    dialog = restorable.backups.back_up()
    tick(qtbot, dialog.to_file)
    qtbot.keyClicks(dialog.file_edit, str(target))
    assert "already exists" in dialog.problem.text() and not dialog.ok_button.isEnabled()
    choose_save(monkeypatch, target)  # the system dialog asked "replace?" and got yes
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert check_backup(target) > 0 and boxes.errors == []


def test_the_password_is_typed_twice_and_makes_an_archive(
    qtbot: QtBot,
    restorable: MainWindow,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "safe.zip"
    dialog = restorable.backups.back_up()
    assert not dialog.protect.isEnabled()  # the backups folder holds plain copies only
    suggested = choose_save(monkeypatch, target)
    tick(qtbot, dialog.to_file)
    assert dialog.files_note.isEnabled()  # a plain copy would leave the scans behind
    assert "scans and PDFs" in dialog.files_note.text()
    tick(qtbot, dialog.protect)
    assert not dialog.files_note.isEnabled()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert suggested[0].endswith(".zip")
    qtbot.keyClicks(dialog.password, "short")
    assert "at least 8 characters" in dialog.problem.text()
    qtbot.keyClicks(dialog.password, " but long now")
    qtbot.keyClicks(dialog.confirm, "short but long")
    assert dialog.problem.text() == "The two passwords differ."
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.confirm, " now")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert is_archive(target) and b"CREATE TABLE" not in target.read_bytes()
    assert boxes.infos and boxes.errors == []


def test_a_wrong_password_is_refused_and_the_data_stays_open(
    qtbot: QtBot,
    restorable: MainWindow,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services = restorable.services
    archive = tmp_path / "safe.zip"
    protected_backup(qtbot, restorable, archive, monkeypatch)
    services.household.add_person(PersonInput("Nadia", "Benali", birth_date=date(1990, 1, 1)))
    before = people_shown(restorable)
    dialog = restore_file(qtbot, restorable, archive, "not the password")
    assert boxes.errors == [
        "The password does not open this backup. Check it and try again.\n\n"
        "Nothing was changed: Carnet still shows your current data."
    ]
    assert boxes.questions == []  # refused before asking to confirm
    assert dialog.isVisible() and dialog.password.text() == ""  # ready to type it again
    assert restorable.services is services
    assert {p.full_name for p in services.household.people()} == before
    assert "Nadia Benali" in people_shown(restorable)
    # The right password then restores it.
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and restorable.services is not services
    assert "Nadia Benali" not in people_shown(restorable)


def test_restoring_an_older_backup_removes_a_person_added_since(
    qtbot: QtBot,
    restorable: MainWindow,
    services: Services,
    events: EventHub,
    boxes: Boxes,
) -> None:
    db_path = services.db_path
    assert db_path is not None
    back_up_to_folder(qtbot, restorable)
    added = services.household.add_person(
        PersonInput("Nadia", "Benali", birth_date=date(1990, 1, 1))
    )
    events.publish(added.changes)
    assert "Nadia Benali" in people_shown(restorable)
    assert "Nadia Benali" in people_in_care_filter(restorable)
    restorable.menus.restore.trigger()
    dialog = restorable.backups.dialog
    assert isinstance(dialog, RestoreDialog)
    assert dialog.model.rowCount() == 1 and dialog.from_list.isChecked()
    assert dialog.model.data(dialog.model.index(0, 1)) == "On request"
    assert dialog.model.data(dialog.model.index(0, 2)).endswith("kB")
    assert not dialog.password.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    [question] = boxes.questions
    assert "kept aside" in question and str(db_path.parent) in question
    assert not dialog.isVisible()
    assert restorable.services is not services
    assert "Nadia Benali" not in people_shown(restorable)
    assert people_shown(restorable) == {"Sarah Thompson", "Léa Thompson"}
    restorable.show_page("care")
    assert "Nadia Benali" not in people_in_care_filter(restorable)
    assert list(db_path.parent.glob(f"{db_path.name}.before-restore-*"))
    assert "Restored" in restorable.statusBar().currentMessage()
    # The window goes on working over the reopened file.
    events.publish(restorable.services.household.add_person(PersonInput("Ana", "Silva")).changes)
    assert "Ana Silva" in people_shown(restorable)


def test_saying_no_to_the_confirmation_changes_nothing(
    qtbot: QtBot, restorable: MainWindow, services: Services, boxes: Boxes
) -> None:
    back_up_to_folder(qtbot, restorable)
    services.household.add_person(PersonInput("Nadia", "Benali"))
    boxes.answer = QMessageBox.StandardButton.Cancel
    dialog = restorable.backups.restore()
    assert dialog is not None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert boxes.questions and dialog.isVisible()
    assert restorable.services is services
    assert "Nadia Benali" in people_shown(restorable)


def test_a_damaged_file_is_refused_with_a_clear_message(
    qtbot: QtBot, restorable: MainWindow, services: Services, boxes: Boxes, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    dialog = restore_file(qtbot, restorable, bad, "")
    assert boxes.errors[0].startswith("This file is not a Carnet backup, or it is damaged.")
    assert dialog.isVisible() and restorable.services is services
    assert len(people_shown(restorable)) == 2


def test_restore_needs_a_file_and_a_way_to_reopen_it(window: MainWindow) -> None:
    assert not window.menus.restore.isEnabled()  # this window was given no reopen hook
    assert window.backups.restore() is None
    assert window.menus.back_up.isEnabled()


def test_the_restore_dialog_says_what_is_missing(
    qtbot: QtBot, restorable: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = restorable.backups.restore()
    assert dialog is not None
    assert not dialog.from_list.isEnabled() and dialog.from_file.isChecked()
    assert dialog.empty_note.isVisibleTo(dialog)
    assert dialog.problem.text() == "Choose the backup file." and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.file_edit, str(tmp_path / "nothing-here.zip"))
    assert dialog.problem.text() == "There is no such file."
    chosen = tmp_path / "copy.sqlite"
    chosen.write_bytes(b"")
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *_a: (str(chosen), "")
    )
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.file_edit.text() == str(chosen) and dialog.ok_button.isEnabled()
    assert not dialog.password.isEnabled()  # a plain copy has no password


def test_the_dialogs_speak_french(
    qtbot: QtBot, services: Services, events: EventHub, settings: QSettings
) -> None:
    window = MainWindow(services, events, settings, Translator("fr"), reopen=build_services)
    qtbot.addWidget(window)
    dialog = window.backups.back_up()
    assert dialog.windowTitle() == "Sauvegarder maintenant"
    assert dialog.ok_button.text() == "Sauvegarder"
    restore = window.backups.restore()
    assert restore is not None and restore.windowTitle() == "Restaurer une sauvegarde"
    assert window.menus.restore.text() == "&Restaurer une sauvegarde…"


def test_the_application_gives_the_window_its_reopen_hook(
    qtbot: QtBot, services: Services, settings: QSettings
) -> None:
    window, _events = build_window(services, settings)
    qtbot.addWidget(window)
    assert window.backups.can_restore and window.menus.restore.isEnabled()


def test_if_the_file_cannot_be_reopened_the_window_says_so_and_closes(
    qtbot: QtBot, services: Services, events: EventHub, settings: QSettings, boxes: Boxes
) -> None:
    def broken(_path: Path) -> Services:
        raise OSError(5, "Input/output error")

    window = MainWindow(services, events, settings, Translator("en"), reopen=broken)
    qtbot.addWidget(window)
    window.show()
    back_up_to_folder(qtbot, window)
    dialog = window.backups.restore()
    assert dialog is not None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "could not open the database again (Input/output error)" in boxes.errors[0]
    assert not window.isVisible()
