"""Desktop conventions: errors as messages, background work, dark palettes, help, a11y."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
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
from carnet.domain.errors import ValidationError
from carnet.i18n import Translator
from carnet.paths import cache_dir
from carnet.ui import icons
from carnet.ui.demo_maker import DemoMaker
from carnet.ui.errors import guarded, install_excepthook
from carnet.ui.events import EventHub
from carnet.ui.icons import svg_icon
from carnet.ui.main_window import MainWindow
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

    assert guarded(None, Translator(), refuse) is None
    assert boxes[0].text() == "Must not be negative"
    assert "ValidationError: fee: must not be negative" in boxes[0].detailedText()


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
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: infos.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner()
    maker = DemoMaker(parent, Translator(), runner)
    maker.build(tmp_path / "demo.sqlite", acts=20)
    assert maker.progress is not None  # the window says it is busy meanwhile
    qtbot.waitUntil(lambda: bool(infos), timeout=20000)
    assert str(tmp_path / "demo.sqlite") in infos[0]
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


def test_drawn_icons_are_kept_and_read_back(qtbot: QtBot) -> None:
    tint = QPalette()
    tint.setColor(QPalette.ColorRole.WindowText, QColor("#3060c0"))
    folder = cache_dir() / "icons"
    before = set(folder.glob("*.argb"))
    first = _lit(svg_icon("bank", tint))
    kept = set(folder.glob("*.argb")) - before
    assert len(kept) == 1 and first
    for path in kept:
        path.write_bytes(b"half a file")  # a damaged cache file is drawn again, and mended
    assert _lit(svg_icon("bank", tint)) == first
    assert all(len(path.read_bytes()) == 48 * 48 * 4 for path in kept)


def test_a_second_start_draws_its_icons_without_qt_svg(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from carnet.ui.icons import svg_icon\n"
        "assert not svg_icon('care', app.palette()).pixmap(20, 20).isNull()\n"
        "print('PySide6.QtSvg' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]  # drawn the first time, read back the next


def test_icons_draw_when_the_cache_folder_cannot_be_made(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    icons._icon_folder.cache_clear()
    try:
        green = QPalette()
        green.setColor(QPalette.ColorRole.WindowText, QColor(0, 160, 0))
        lit = _lit(svg_icon("reports", green))
        assert lit and all(c.green() > 120 and c.red() < 60 for c in lit)
    finally:
        icons._icon_folder.cache_clear()


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
