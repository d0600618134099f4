"""The window shell: sidebar pages, menus, status bar, and what QSettings remembers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.i18n import Translator
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow
from carnet.ui.pages import PAGES
from carnet.ui.views.bank_page import BankPage
from carnet.ui.views.care_page import CarePage
from carnet.ui.views.dashboard_page import DashboardPage
from carnet.ui.views.feuilles_page import FeuillesPage
from carnet.ui.views.help_page import HelpPage
from carnet.ui.views.household_page import HouseholdPage
from carnet.ui.views.mailings_page import MailingsPage
from carnet.ui.views.reports_page import ReportsPage
from carnet.ui.views.settings_page import SettingsPage


def test_sidebar_lists_every_page_and_switches(window: MainWindow) -> None:
    titles = [window.sidebar.item(r).text() for r in range(window.sidebar.count())]
    assert titles == [
        "Dashboard",
        "Care",
        "Feuilles",
        "Mailings",
        "Bank",
        "Reports",
        "Household",
        "Settings",
        "Help",
    ]
    window.sidebar.setCurrentRow(titles.index("Feuilles"))
    assert isinstance(window.stack.currentWidget(), FeuillesPage)
    assert window.current_page() == "feuilles"
    window.sidebar.setCurrentRow(titles.index("Mailings"))
    assert isinstance(window.stack.currentWidget(), MailingsPage)


def test_every_page_of_the_sidebar_is_a_working_page(qtbot: QtBot, window: MainWindow) -> None:
    expected = {
        "dashboard": DashboardPage,
        "care": CarePage,
        "feuilles": FeuillesPage,
        "mailings": MailingsPage,
        "bank": BankPage,
        "reports": ReportsPage,
        "household": HouseholdPage,
        "settings": SettingsPage,
        "help": HelpPage,
    }
    assert [spec.key for spec in PAGES] == list(expected)
    for key, cls in expected.items():
        window.show_page(key)
        assert isinstance(window.stack.currentWidget(), cls), key


def test_menus_and_shortcuts_are_there_as_the_window_opens(
    qtbot: QtBot, services: Services, settings: QSettings, translator: Translator
) -> None:
    opened = MainWindow(services, EventHub(), settings, translator)
    qtbot.addWidget(opened)
    titles = [action.text() for action in opened.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Go", "&Help"]
    buttons = {b.text(): b for b in opened.care_page.findChildren(QPushButton)}
    assert buttons["Duplicate"].toolTip() == "Duplicate (Ctrl+D)"
    new_act = opened.menus.file.actions()[0]
    assert new_act.shortcut().toString() == "Ctrl+N"
    assert opened.undo_actions.undo.shortcut().toString() == "Ctrl+Z"


def test_controls_have_accessible_names(window: MainWindow) -> None:
    page = window.care_page
    widgets: list[QWidget] = [
        window.sidebar,
        page.filter_box,
        page.person_box,
        page.table,
        page.detail,
    ]
    assert all(w.accessibleName() for w in widgets)


def test_go_menu_shortcuts_switch_pages(window: MainWindow) -> None:
    go_menu = window.menus.go
    help_action = go_menu.actions()[len(PAGES) - 1]
    assert help_action.shortcut().toString() == "Ctrl+9"
    help_action.trigger()
    assert window.current_page() == "help"


def test_file_quit_has_ctrl_q(window: MainWindow) -> None:
    file_menu = window.menus.file
    quit_action = file_menu.actions()[-1]
    assert quit_action.shortcut().toString() == "Ctrl+Q"
    quit_action.trigger()
    assert not window.isVisible()


def test_about_names_the_licence(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    help_menu = window.menus.help
    help_menu.actions()[0].trigger()
    assert "General Public License" in shown[0]


def test_status_bar_shows_database_and_act_count(window: MainWindow, services: Services) -> None:
    labels = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert f"Database: {services.db_path}" in labels
    assert "6 acts" in labels


def test_last_page_and_geometry_are_restored(
    qtbot: QtBot,
    services: Services,
    settings: QSettings,
    translator: Translator,
) -> None:
    first = MainWindow(services, EventHub(), settings, translator)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.show_page("help")
    first.resize(700, 500)  # the offscreen screen is 800×600: stay inside it
    saved = first.size()  # pages may impose a minimum width; what was shown is restored
    first.close()
    assert settings.value("window/page") == "help"
    second = MainWindow(services, EventHub(), settings, translator)
    qtbot.addWidget(second)
    assert second.current_page() == "help"
    assert second.size() == saved


def test_unknown_saved_page_falls_back_to_care(
    qtbot: QtBot, services: Services, settings: QSettings, translator: Translator
) -> None:
    settings.setValue("window/page", "no-such-page")
    built = MainWindow(services, EventHub(), settings, translator)
    qtbot.addWidget(built)
    assert built.current_page() == "care"
