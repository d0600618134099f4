"""The main window: a sidebar of pages, the current page, a menu bar and a status bar.

The window owns no data: pages read through the services object, and every
change arrives as a :class:`Changes` record on the :class:`EventHub`. Pages
other than Care are built the first time they are shown, so opening the
window costs one page, not nine. Changing the language rebuilds the menus and
the pages in place (their state is saved first), without a restart; so does
restoring a backup, which hands the window services over the restored file.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSettings, QSize, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from carnet.app import Services
from carnet.i18n import Translator
from carnet.ui.calendar_export import export_calendar
from carnet.ui.events import EventHub
from carnet.ui.icons import app_icon
from carnet.ui.menus import MenuHandlers, WindowMenus
from carnet.ui.page import Page, PageContext
from carnet.ui.pages import DEFAULT_PAGE, PAGES, page_spec
from carnet.ui.tasks import TaskRunner
from carnet.ui.widgets.sidebar import Sidebar
from carnet.ui.window_actions import UndoActions, dropped_file

if TYPE_CHECKING:  # only annotations; the pages' and dialogs' modules load when first used
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from carnet.domain.changes import Changes
    from carnet.domain.codes import FeuilleStatus
    from carnet.domain.ids import PersonId
    from carnet.ui.backup_actions import BackupActions, Reopen
    from carnet.ui.dialogs.export_dialog import ExportDialog
    from carnet.ui.views.bank_page import BankPage
    from carnet.ui.views.care_page import CarePage
    from carnet.ui.views.feuilles_page import FeuillesPage
    from carnet.ui.views.household_page import HouseholdPage
    from carnet.ui.views.reports_page import ReportsPage

DEFAULT_SIZE = QSize(1280, 800)


class MainWindow(QMainWindow):
    """Carnet's window. ``settings`` is injected so tests never touch the user's own.

    ``reopen`` opens a database file again (the composition code passes
    :func:`carnet.app.build_services`); without it, File › Restore is disabled.
    """

    language_changed = Signal(str)

    def __init__(
        self,
        services: Services,
        events: EventHub,
        settings: QSettings,
        translator: Translator,
        parent: QWidget | None = None,
        *,
        reopen: Reopen | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._events = events
        self._settings = settings
        self._t = translator
        self.tasks = TaskRunner(parent=self)
        self._reopen = reopen
        self.setWindowTitle("Carnet")
        self.setWindowIcon(app_icon())
        self._built: dict[str, Page] = {}
        self.sidebar = Sidebar(PAGES, translator)
        self.stack = QStackedWidget()
        for _spec in PAGES:
            self.stack.addWidget(QWidget())  # an empty slot until the page is first shown
        self.sidebar.currentRowChanged.connect(self._on_row)
        self._build_central()
        self._build_status_bar()
        self._build_chrome()
        self.setAcceptDrops(True)  # a statement dropped anywhere is imported
        events.changed.connect(self.refresh)
        self._restore()

    # -- pages --------------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The page ``key``, built on first use from its entry in :data:`PAGES`."""
        built = self._built.get(key)
        if built is None:
            built = self._built[key] = page_spec(key).load()(self._context())
            self._swap(key, built)
            built.status.connect(self.show_status)
        return built

    def _swap(self, key: str, widget: QWidget) -> QWidget:
        """Put ``widget`` in the stack at the page's place; returns what was there."""
        row = self._row(key)
        current = self.stack.currentIndex()
        old = self.stack.widget(row)
        assert old is not None
        self.stack.insertWidget(row, widget)
        self.stack.removeWidget(old)
        self.stack.setCurrentIndex(current)
        return old

    def settings_value(self, key: str) -> object:
        """A value of the window's settings (tests; pages get settings in their context)."""
        return self._settings.value(key)

    @property
    def translator(self) -> Translator:
        return self._t

    @cached_property
    def backups(self) -> BackupActions:
        """Back up now / Restore, made on first use."""
        from carnet.ui.backup_actions import BackupActions  # noqa: PLC0415

        return BackupActions(self, self, self._t, self._reopen)

    def switch_encryption(self) -> bool:
        """Settings › Encrypt the database… (or Stop encrypting…); ``True`` once switched."""
        from carnet.ui.encryption_actions import EncryptionActions  # noqa: PLC0415

        return EncryptionActions(self, self, self._t).switch()

    @property
    def menus(self) -> WindowMenus:
        return self._menus

    @property
    def undo_actions(self) -> UndoActions:
        return self._undo_actions

    @property
    def services(self) -> Services:
        return self._services

    # The registry names each page's class: these casts only tell the type checker.
    @property
    def care_page(self) -> CarePage:
        return cast("CarePage", self.page("care"))

    @property
    def bank_page(self) -> BankPage:
        return cast("BankPage", self.page("bank"))

    def built_pages(self) -> dict[str, Page]:
        return dict(self._built)

    # -- public -------------------------------------------------------------------
    def refresh(self, changes: Changes) -> None:
        """Update the status bar (each page listens to the hub itself)."""
        if changes.acts:
            self._update_act_count()

    def show_page(self, key: str) -> None:
        row = self.sidebar.row_of(key)
        if row is not None:
            self.sidebar.setCurrentRow(row)

    def current_page(self) -> str:
        return self.sidebar.key_at(self.sidebar.currentRow()) or DEFAULT_PAGE

    def show_acts(self, act_ids: frozenset[int], title: str) -> None:
        """Open the Care page on exactly these acts (a figure of the dashboard)."""
        self.show_page("care")
        self.care_page.show_only(act_ids, title)

    def show_feuilles(self, states: frozenset[FeuilleStatus]) -> None:
        """Open the Feuilles page on the feuilles in ``states`` (a figure of the dashboard)."""
        self.show_page("feuilles")
        cast("FeuillesPage", self.page("feuilles")).show_states(states)

    def show_road(self, person_id: PersonId) -> None:
        """Open the Household page on a person's road (the dashboard's next steps)."""
        self.show_page("household")
        cast("HouseholdPage", self.page("household")).show_road(person_id)

    def set_language(self, language: str) -> None:
        """Switch language now: menus, sidebar and pages are rebuilt in the new one."""
        if language == self._t.language:
            return
        self.save_state()
        self._t.set_language(language)
        self._settings.setValue("language", self._t.language)
        self.sidebar.retranslate(self._t)
        self._rebuild()
        self.language_changed.emit(self._t.language)

    def replace_services(self, services: Services) -> None:
        """Show ``services`` (a restored database): every page is rebuilt over it."""
        self.save_state()
        self._services = services
        self._rebuild()

    def _rebuild(self) -> None:
        """Drop the built pages and build the menus and the current page again."""
        current = self.current_page()
        # The old pages and undo actions are deleted later, not now: until then they
        # must not answer the hub, perhaps from a store that a restore has closed.
        self._events.disconnect(self._undo_actions)
        for key, page in list(self._built.items()):
            self._events.disconnect(page)
            # Not setParent(None): the page may be the one whose signal called us.
            self._swap(key, QWidget())
            page.hide()
            page.deleteLater()
        self._built.clear()
        self._build_chrome()
        self.care_page.restore_state(self._settings)
        self.page(current)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing or quitting while a page has work under way (an import) asks first."""
        if not all(page.ready_to_close(self.close) for page in list(self._built.values())):
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)

    def save_state(self) -> None:
        settings = self._settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", self.current_page())
        if "care" in self._built:
            self.care_page.save_state(settings)
        settings.sync()

    # -- building -----------------------------------------------------------------
    def _context(self) -> PageContext:
        return PageContext(self._services, self._events, self._t, self._settings, self)

    def _row(self, key: str) -> int:
        row = self.sidebar.row_of(key)
        assert row is not None, key
        return row

    def _on_row(self, row: int) -> None:
        key = self.sidebar.key_at(row)
        if key is not None:
            self.page(key)
            self.stack.setCurrentIndex(row)

    def _build_central(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_chrome(self) -> None:
        """Menus, undo actions and status texts: everything that speaks the language."""
        t = self._t
        self.stack.setAccessibleName(t.gettext("Page"))
        handlers = MenuHandlers(
            import_statement=self._import_statement,
            new_act=self._new_act,
            create_demo=self._create_demo,
            back_up=self._back_up,
            restore=self._restore_backup,
            todo_sheet=self._todo_sheet,
            export=self.export,
            export_calendar=self.export_calendar,
            show_page=self.show_page,
            about=self._show_about,
        )
        self._menus = WindowMenus(self, t, handlers)
        # A restore needs a file to replace and a way to open it again.
        self._menus.restore.setEnabled(
            self._reopen is not None and self._services.db_path is not None
        )
        self._undo_actions = UndoActions(self, self._menus.edit, self._services, self._events, t)
        path = self._services.db_path
        where = str(path) if path is not None else t.gettext("in memory, not saved")
        self.db_label.setText(t.gettext("Database: {path}").format(path=where))
        self.db_label.setAccessibleName(t.gettext("Database file"))
        self.count_label.setAccessibleName(t.gettext("Number of acts"))
        self._update_act_count()

    def _build_status_bar(self) -> None:
        self.db_label = QLabel()
        self.count_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)

    def _update_act_count(self) -> None:
        count = self._services.care_table.count()
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

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # -- menu commands ------------------------------------------------------------
    def _import_statement(self) -> None:
        self.show_page("bank")
        self.bank_page.choose_file()

    def _new_act(self) -> None:
        self.show_page("care")
        self.care_page.new_act()

    # Not self.backups.back_up directly: that would build the backup actions now.
    def _back_up(self) -> None:
        self.backups.back_up()

    def _restore_backup(self) -> None:
        self.backups.restore()

    def keep_daily_backup(self) -> None:
        """The first opening of the day keeps a copy, on a worker thread (a big file is slow)."""
        backup = self._services.backup
        if not backup.daily_due():
            return
        t = self._t

        def done(path: object) -> None:
            if path is not None:
                self.show_status(t.gettext("Today's backup: {path}").format(path=path))

        def failed(error: BaseException, _details: str) -> None:
            # Not a dialog: the window works; the person is told and can back up by hand.
            text = t.gettext("Today's automatic backup failed ({reason}); use File › Back up now…")
            self.show_status(text.format(reason=error))

        self.tasks.start(lambda _progress: backup.daily_copy(), done, failed)

    def export(self) -> ExportDialog:
        """File › Export…: a spreadsheet or a complete copy (opened, not run, for tests)."""
        from carnet.ui.dialogs.export_dialog import ExportDialog, writer  # noqa: PLC0415

        write = writer(self._services.exports, self._t, self, self.show_status)
        dialog = ExportDialog(self._t, self._services.today(), write, self)
        dialog.open()
        return dialog

    def export_calendar(self) -> object:
        """File › Export reminders (.ics)…"""
        return export_calendar(self, self._services, self._t, self.show_status)

    def _todo_sheet(self) -> None:
        self.show_page("reports")
        cast("ReportsPage", self.page("reports")).open_todo_sheet()

    def _create_demo(self) -> None:
        from carnet.ui.demo_maker import DemoMaker  # noqa: PLC0415 (rarely used)

        DemoMaker(self, self._t, self.tasks).ask_and_build()

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
        from carnet.ui.about import show_about  # noqa: PLC0415 (not needed to open)

        show_about(self, self._t)
