"""File › Export…: CSV in the spreadsheet's conventions, a workbook, a complete JSON copy."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from carnet.app import Services, build_services
from carnet.i18n import Translator
from carnet.ui.dialogs.export_dialog import ExportDialog
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow


def save_as(monkeypatch: pytest.MonkeyPatch, target: Path | None) -> list[str]:
    """Answer the file dialog with ``target`` (``None``: cancelled); returns the names offered."""
    offered: list[str] = []

    def answer(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(suggested)
        return ("" if target is None else str(target)), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return offered


def open_dialog(window: MainWindow) -> ExportDialog:
    window.menus.export.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def click_export(qtbot: QtBot, dialog: ExportDialog) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)


def test_acts_as_csv_for_a_french_spreadsheet(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, window: MainWindow
) -> None:
    target = tmp_path / "actes.csv"
    offered = save_as(monkeypatch, target)
    dialog = open_dialog(window)
    dialog.style_box.setCurrentIndex(dialog.style_box.findData("fr"))
    click_export(qtbot, dialog)
    assert offered == ["carnet-acts-2026-11-28.csv"]
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # so that Excel reads the accents
    header, first = data.decode("utf-8-sig").splitlines()[:2]
    assert header.count(";") >= 5 and "," not in header
    assert "," in first  # decimal comma in the amounts
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # health data: the owner only
    assert not dialog.isVisible()
    assert str(target) in window.statusBar().currentMessage()


def test_the_layout_choice_is_for_csv_only_and_follows_the_language(
    qtbot: QtBot, services: Services, events: EventHub, settings: QSettings
) -> None:
    french = MainWindow(services, events, settings, Translator("fr"))
    qtbot.addWidget(french)
    dialog = french.export()
    assert dialog.style_box.currentData() == "fr"
    dialog.choose("xlsx")
    assert not dialog.style_box.isEnabled()
    dialog.choose("payments")
    assert dialog.style_box.isEnabled()
    assert dialog.suggested_name() == "carnet-payments-2026-11-28.csv"
    dialog.reject()


def test_a_workbook_holds_the_three_tables(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, window: MainWindow
) -> None:
    target = tmp_path / "carnet.xlsx"
    save_as(monkeypatch, target)
    dialog = open_dialog(window)
    dialog.choose("xlsx")
    click_export(qtbot, dialog)
    book = load_workbook(target)
    assert len(book.sheetnames) == 3
    acts = book[book.sheetnames[0]]
    assert acts.max_row == 1 + window.services.care_table.count()


def test_the_json_copy_loads_into_a_new_database(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, window: MainWindow
) -> None:
    target = tmp_path / "carnet.json"
    save_as(monkeypatch, target)
    dialog = open_dialog(window)
    dialog.choose("json")
    click_export(qtbot, dialog)
    assert json.loads(target.read_bytes())
    fresh = build_services(tmp_path / "fresh.sqlite")
    try:
        fresh.exports.load_json(target.read_bytes())
        assert fresh.care_table.count() == window.services.care_table.count() > 0
    finally:
        fresh.close()


def test_cancelling_the_file_dialog_writes_nothing_and_keeps_the_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, window: MainWindow
) -> None:
    save_as(monkeypatch, None)
    dialog = open_dialog(window)
    click_export(qtbot, dialog)
    assert dialog.isVisible()
    assert list(tmp_path.glob("*.csv")) == []
    dialog.reject()


def test_a_folder_that_cannot_be_written_is_said_and_nothing_is_left_behind(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, window: MainWindow
) -> None:
    said: list[str] = []
    warn: Callable[..., object] = lambda _parent, _title, text: said.append(text)  # noqa: E731
    monkeypatch.setattr(QMessageBox, "warning", warn)
    target = tmp_path / "no such folder" / "actes.csv"
    save_as(monkeypatch, target)
    dialog = open_dialog(window)
    click_export(qtbot, dialog)
    assert said and "could not write" in said[0] and "actes.csv" in said[0]
    assert dialog.isVisible()  # the person may choose another place
    dialog.reject()
