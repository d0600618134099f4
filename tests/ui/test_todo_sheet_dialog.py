"""The "what to do now" sheet from the window: preview, page count, save and print."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.documents.todo_sheet import render_todo
from carnet.ui.dialogs.todo_sheet_dialog import TodoSheetDialog, sheet_entries
from carnet.ui.main_window import MainWindow
from carnet.ui.views.reports_page import ReportsPage
from carnet.ui.widgets import pdf_preview
from tests.ui.conftest import TODAY, cancel_printing


def reports(window: MainWindow) -> ReportsPage:
    window.show_page("reports")
    page = window.page("reports")
    assert isinstance(page, ReportsPage)
    return page


def shown(qtbot: QtBot, dialog: TodoSheetDialog) -> TodoSheetDialog:
    dialog.wait_for_pdf()
    qtbot.waitUntil(lambda: dialog.pdf is not None and dialog.page_count() > 0)
    return dialog


def test_the_reports_page_button_previews_the_sheet(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = reports(window)
    page.wait_for_pdf()
    qtbot.mouseClick(page.todo_button, Qt.MouseButton.LeftButton)
    dialog = page.todo_sheet
    assert dialog is not None and dialog.isVisible()
    shown(qtbot, dialog)
    assert dialog.pdf is not None
    pages = len(pypdf.PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert dialog.page_count() == pages == 1  # the sheet is one page to pin up
    assert dialog.entries  # Léa's paper act waits for its feuille
    text = pypdf.PdfReader(io.BytesIO(dialog.pdf)).pages[0].extract_text()
    assert "What to do now" in text and "Léa Thompson" in text
    # The same sheet as `carnet todo-sheet` prints.
    assert dialog.pdf == render_todo(sheet_entries(services), "en", TODAY)
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()


def test_the_file_menu_opens_the_same_sheet(qtbot: QtBot, window: MainWindow) -> None:
    window.menus.todo_sheet.trigger()
    assert window.current_page() == "reports"
    dialog = reports(window).todo_sheet
    assert dialog is not None
    shown(qtbot, dialog)
    assert dialog.windowTitle() == "What to do now"


def test_save_and_print_the_sheet(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = shown(qtbot, reports(window).open_todo_sheet())
    target = tmp_path / "todo.pdf"
    asked: list[str] = []

    def choose(_parent: QWidget, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(pdf_preview.QFileDialog, "getSaveFileName", choose)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked == [f"what-to-do-{TODAY.isoformat()}.pdf"]
    assert target.read_bytes() == dialog.pdf

    cancel_printing(monkeypatch)
    assert dialog.print_pdf() == 0
