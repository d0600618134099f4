"""Desktop conventions: errors as messages, background work, dark palettes, help, a11y."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from carnet.app import Services, build_services
from carnet.domain.changes import Changes
from carnet.domain.errors import ValidationError
from carnet.i18n import Translator
from carnet.services.base import Result
from carnet.ui.demo_maker import DemoMaker
from carnet.ui.errors import install_excepthook
from carnet.ui.events import EventHub
from carnet.ui.icons import svg_icon
from carnet.ui.main_window import MainWindow
from carnet.ui.operations import run_call, run_op
from carnet.ui.tasks import Progress, TaskRunner
from carnet.ui.views.help_page import help_html

UI = Path(__file__).resolve().parents[2] / "src" / "carnet" / "ui"


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> list[QMessageBox]:
    """Message boxes are recorded instead of shown (needs the application for widgets)."""
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    return shown


def test_a_service_refusal_is_a_message_with_details(boxes: list[QMessageBox]) -> None:
    def refuse() -> int:
        raise ValidationError("fee", "must not be negative")

    assert run_call(None, Translator(), refuse) is None
    assert boxes[0].text() == "Must not be negative"
    assert "ValidationError: fee: must not be negative" in boxes[0].detailedText()


def test_an_operation_publishes_its_changes_and_a_refusal_publishes_nothing(
    boxes: list[QMessageBox],
) -> None:
    hub = EventHub()
    heard: list[Changes] = []
    hub.changed.connect(heard.append)

    def refuse() -> Result[int]:
        raise ValidationError("fee", "must not be negative")

    assert run_op(None, Translator(), hub, refuse) is None
    assert heard == [] and boxes[0].text() == "Must not be negative"
    said: list[str] = []
    refused = run_call(None, Translator(), refuse, refused=lambda e: said.append(str(e)))
    assert refused is None and said == ["fee: must not be negative"] and len(boxes) == 1
    done = Result(7, Changes(acts=frozenset({7})))  # computed elsewhere (a worker thread)
    assert run_op(None, Translator(), hub, lambda: done) is done
    assert heard == [done.changes]


def test_unexpected_errors_reach_a_dialog_not_a_traceback(boxes: list[QMessageBox]) -> None:
    previous = install_excepthook(Translator(), lambda: None)
    try:
        try:
            raise ZeroDivisionError("boom")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert boxes[0].windowTitle() == "Unexpected error"
    assert "ZeroDivisionError: boom" in boxes[0].detailedText()


def test_background_tasks_report_progress_and_results(qtbot: QtBot) -> None:
    runner = TaskRunner()
    done: list[object] = []
    steps: list[int] = []

    def work(progress: Progress) -> int:
        progress(1, 2, "half")
        return 42

    runner.start(
        work, done.append, lambda e, _tb: done.append(e), lambda n, _t, _w: steps.append(n)
    )
    qtbot.waitUntil(lambda: done == [42], timeout=5000)
    assert steps == [1]
    failures: list[str] = []
    runner.start(lambda _p: 1 / 0, done.append, lambda _e, tb: failures.append(tb))
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert "ZeroDivisionError" in failures[0]


def test_a_demo_household_is_built_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, boxes: list[QMessageBox], monkeypatch: pytest.MonkeyPatch
) -> None:
    infos: list[str] = []

    def answer(_p: object, _t: object, text: str) -> QMessageBox.StandardButton:
        infos.append(text)
        return QMessageBox.StandardButton.No  # not a second window in a test

    monkeypatch.setattr(QMessageBox, "question", answer)
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner()
    maker = DemoMaker(parent, Translator(), runner)
    maker.build(tmp_path / "demo.sqlite", acts=20)
    assert maker.progress is not None  # the window says it is busy meanwhile
    qtbot.waitUntil(lambda: bool(infos), timeout=20000)
    assert str(tmp_path / "demo.sqlite") in infos[0]
    assert "carnet --db" not in infos[0]  # nothing to type in a terminal
    built = build_services(tmp_path / "demo.sqlite")
    try:
        assert built.care.count() == 20
    finally:
        built.close()


def test_no_hard_coded_colours_in_the_ui_code() -> None:
    pattern = re.compile(r"#[0-9a-fA-F]{3,6}\b|QColor\(|color\s*:|GlobalColor\.(?!transparent)")
    offenders = [
        f"{path.name}: {line.strip()}"
        for path in UI.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if pattern.search(line) and not line.strip().startswith("#")
    ]
    assert offenders == []


def test_icons_follow_a_dark_palette(qtbot: QtBot) -> None:
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.WindowText, QColor(240, 240, 240))
    dark.setColor(QPalette.ColorRole.Window, QColor(30, 30, 30))
    icon = svg_icon("care", dark)
    image = icon.pixmap(48, 48).toImage()
    lit = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert lit and all(c.lightness() > 180 for c in lit)  # light strokes on a dark window


def _lit(icon: QIcon) -> list[QColor]:
    image = icon.pixmap(48, 48).toImage()
    return [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]


def test_an_icon_is_drawn_once_per_size_then_kept_in_memory(qtbot: QtBot) -> None:
    tint = QPalette()
    tint.setColor(QPalette.ColorRole.WindowText, QColor("#3060c0"))
    icon = svg_icon("bank", tint)
    first = icon.pixmap(QSize(24, 24))
    assert first.cacheKey() == icon.pixmap(QSize(24, 24)).cacheKey()  # not drawn again
    lit = _lit(icon)
    assert lit and all(c.blue() > 150 and c.red() < 80 for c in lit)
    assert icon.pixmap(QSize(48, 48)).cacheKey() != first.cacheKey()  # another size: drawn


def test_the_window_builds_every_page_under_a_dark_palette(
    qtbot: QtBot, services: Services, settings: QSettings, qapp: QApplication
) -> None:
    before = qapp.palette()
    dark = QPalette(QColor(40, 40, 40))  # derives every role from a dark button colour
    qapp.setPalette(dark)
    try:
        window = MainWindow(services, EventHub(), settings, Translator())
        qtbot.addWidget(window)
        for key in ("dashboard", "household", "settings", "help"):
            window.show_page(key)
            assert window.page(key).palette().color(QPalette.ColorRole.Window).lightness() < 100
    finally:
        qapp.setPalette(before)


def test_help_lists_the_emergency_numbers_in_both_languages() -> None:
    for language, word in (("en", "Glossary"), ("fr", "Glossaire")):
        text = help_html(Translator(language))
        for number in ("15", "17", "18", "112", "114", "115", "3114", "116 117"):
            assert f">{number}<" in text
        assert word in text
        assert "Ticket modérateur" in text and "Noémie" in text and "OPTAM" in text
    assert "Le prix officiel d&#x27;un acte" in help_html(Translator("fr"))


def test_every_control_of_every_page_has_an_accessible_name(window: MainWindow) -> None:
    kinds = (QLineEdit, QComboBox, QAbstractItemView, QAbstractButton)
    unnamed: list[str] = []
    for key in ("care", "dashboard", "household", "settings", "help"):
        window.show_page(key)
        for widget in window.page(key).findChildren(QWidget):
            if isinstance(widget, QHeaderView):
                continue  # part of its table, which is named
            if (
                isinstance(widget, kinds)
                and widget.isVisibleTo(window)
                and not (
                    widget.accessibleName()
                    or (isinstance(widget, QAbstractButton) and widget.text())
                )
            ):
                unnamed.append(f"{key}: {type(widget).__name__} {widget.objectName()}")
    assert unnamed == []
