"""The main window: a sidebar of pages, the current page, a menu bar and a status bar.

The window owns no data: pages read through the services object, and every
change arrives as a :class:`Changes` record on the :class:`EventHub`.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from carnet import __version__
from carnet.app import Services
from carnet.domain.changes import Changes
from carnet.i18n import Translator
from carnet.ui.events import EventHub
from carnet.ui.pages import DEFAULT_PAGE, PAGES
from carnet.ui.views.bank_page import BankPage
from carnet.ui.views.care_page import CarePage
from carnet.ui.views.placeholder import PlaceholderPage
from carnet.ui.widgets.sidebar import Sidebar
from carnet.ui.window_actions import UndoActions, dropped_file

DEFAULT_SIZE = QSize(1280, 800)


class MainWindow(QMainWindow):
    """Carnet's window. ``settings`` is injected so tests never touch the user's own."""

    def __init__(
        self,
        services: Services,
        events: EventHub,
        settings: QSettings,
        translator: Translator,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self._t = translator
        self.setWindowTitle("Carnet")
        self.care_page = CarePage(services, translator)
        self.bank_page = BankPage(services, events, translator)
        self.bank_page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        built: dict[str, QWidget] = {"care": self.care_page, "bank": self.bank_page}
        self.sidebar = Sidebar(PAGES, translator)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(translator.gettext("Page"))
        for spec in PAGES:
            self.stack.addWidget(built.get(spec.key) or PlaceholderPage(spec, translator))
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self._build_central()
        self._build_menus()
        self.undo_actions = UndoActions(self, services, events, translator)
        self._build_status_bar()
        self.setAcceptDrops(True)  # a statement dropped anywhere is imported
        events.changed.connect(self.refresh)
        self._restore()

    # -- public -------------------------------------------------------------------
    def refresh(self, changes: Changes) -> None:
        """Pass a change record to the pages, then update the status bar."""
        self.care_page.refresh(changes)
        if changes.acts:
            self._update_act_count()

    def show_page(self, key: str) -> None:
        row = self.sidebar.row_of(key)
        if row is not None:
            self.sidebar.setCurrentRow(row)

    def current_page(self) -> str:
        return self.sidebar.key_at(self.sidebar.currentRow()) or DEFAULT_PAGE

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

    def save_state(self) -> None:
        settings = self._settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", self.current_page())
        self.care_page.save_state(settings)
        settings.sync()

    # -- building -----------------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        t = self._t
        self.file_menu = self.menuBar().addMenu(t.gettext("&File"))
        import_action = self.file_menu.addAction(t.gettext("&Import a bank statement…"))
        import_action.setShortcut(QKeySequence("Ctrl+I"))
        import_action.triggered.connect(self._import_statement)
        self.file_menu.addSeparator()
        quit_action = self.file_menu.addAction(t.gettext("&Quit"))
        # Not StandardKey.Quit: it is empty on Windows, where Ctrl+Q is still expected.
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        self.go_menu = self.menuBar().addMenu(t.gettext("&Go"))
        for number, spec in enumerate(PAGES, start=1):
            action = self.go_menu.addAction(t.gettext(spec.title))
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
        self.help_menu = self.menuBar().addMenu(t.gettext("&Help"))
        about = self.help_menu.addAction(t.gettext("&About Carnet"))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._show_about)

    def _build_status_bar(self) -> None:
        path = self._services.db_path
        where = str(path) if path is not None else self._t.gettext("in memory, not saved")
        self.db_label = QLabel(self._t.gettext("Database: {path}").format(path=where))
        self.db_label.setAccessibleName(self._t.gettext("Database file"))
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self._t.gettext("Number of acts"))
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self._update_act_count()

    def _update_act_count(self) -> None:
        count = self._services.care.count()
        text = self._t.ngettext("{n} act", "{n} acts", count)
        self.count_label.setText(text.format(n=self._t.number(Decimal(count))))

    def _restore(self) -> None:
        geometry = self._settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(DEFAULT_SIZE)
        self.care_page.restore_state(self._settings)
        page = self._settings.value("window/page", DEFAULT_PAGE)
        self.show_page(str(page))
        if self.sidebar.currentRow() < 0:
            self.show_page(DEFAULT_PAGE)

    def _import_statement(self) -> None:
        self.show_page("bank")
        self.bank_page.choose_file()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.show_page("bank")
            self.bank_page.open_import(path)

    def _show_about(self) -> None:
        t = self._t
        text = t.gettext(
            "<h3>Carnet {version}</h3>"
            "<p>Keeps track of your household's health care, the feuilles de soins to send "
            "and the reimbursements to expect, on this computer only.</p>"
            "<p>Free software under the GNU General Public License, version 3 or later.</p>"
        ).format(version=__version__)
        QMessageBox.about(self, t.gettext("About Carnet"), text)
