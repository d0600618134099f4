"""Import a bank statement: preview what it would add, then import on confirmation.

The preview is the service's dry run, which writes nothing; **Import** runs the real
import. Both read the file as they go (``BankImportService.import_path``): a slice of
lines is read, checked and written, then dropped, so memory does not grow with the
file. They run on the GUI thread, where database work stays, and report their progress
between slices: the bar moves, the window keeps answering (the event loop turns at each
report) and **Cancel** stops the work, which then writes nothing. A file larger than
:data:`DEFERRED_ABOVE_BYTES` is previewed once the dialog is on screen, behind the bar.
Closing the dialog, or quitting, while the work runs asks first (``import_closing``).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carnet.app import Services
from carnet.bank import BankFileError
from carnet.domain.errors import CarnetError
from carnet.i18n import Translator
from carnet.services.bank_import import ImportReport, Progress
from carnet.services.base import Result
from carnet.ui.dialogs.csv_profile_dialog import CsvProfileDialog
from carnet.ui.dialogs.import_closing import QuitWatch, ask_to_stop
from carnet.ui.errors import describe
from carnet.ui.models.bank_labels import format_label
from carnet.ui.models.bank_lines import PreviewTableModel
from carnet.ui.widgets.tables import make_table

DEFERRED_ABOVE_BYTES = 1_000_000
HEAD_BYTES = 64 * 1024  # what "Describe this CSV…" shows of the file


class ImportDialog(QDialog):
    """Shows the dry run of one file; ``imported`` carries the ``Result`` of the import."""

    imported = Signal(object)

    def __init__(
        self, services: Services, translator: Translator, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services, self._t, self._path = services, translator, path
        self._working = False  # a dry run or an import is under way
        self._waiting = False  # a big file's preview is to begin once the dialog shows
        self._importing = False  # ... and it is the import, not the preview
        self._stop = False  # Cancel was pressed during it
        self._closing = False  # the person chose to stop and close; the work is unwinding
        self._then: list[Callable[[], object]] = []  # called once closed (the window's close)
        self._asking = False
        self._quit_watch = QuitWatch(self)
        self.report: ImportReport | None = None
        self.setWindowTitle(translator.gettext("Import a bank statement"))
        self.model = PreviewTableModel(translator, self)
        self._build()
        self.resize(1060, 560)
        # The dialog blocks the window, and with it the window's own Ctrl+Q.
        QShortcut(QKeySequence("Ctrl+Q"), self).activated.connect(self._quit)
        self.start()

    # -- public ------------------------------------------------------------------------
    def start(self) -> None:
        """Preview the file: at once when small, once the dialog is shown when large."""
        try:
            large = self._path.stat().st_size > DEFERRED_ABOVE_BYTES
        except OSError as exc:
            self._fail(str(exc))
            return
        if not large:
            self._preview()
            return
        self._set_busy(True)
        self._waiting = True
        QTimer.singleShot(0, self, self._begin)

    def _begin(self) -> None:
        """The deferred preview, unless the dialog was closed before it began."""
        if self._waiting:
            self._waiting = False
            self._preview()

    def is_busy(self) -> bool:
        return not self.busy.isHidden()

    def is_running(self) -> bool:
        """The file is being read (previewed) or imported."""
        return self._working

    def request_close(self, *, quitting: bool, then: Callable[[], object] | None = None) -> bool:
        """Whether the dialog may close now; while work runs, the person is asked first.

        ``False`` when they let the work go on, or when an import or preview is being
        stopped: it is rolled back as its stack unwinds, then the dialog closes itself
        and calls ``then`` (the window closing after it).
        """
        if self._closing or self._asking:
            if self._closing and then is not None:
                self._then.append(then)
            return False
        if not self.is_running():
            return True
        self._asking = True
        try:
            stop = ask_to_stop(self, self._t, importing=self._importing, quitting=quitting)
        finally:
            self._asking = False
        if not stop:
            return False
        self._stop = self._closing = True
        self._then.extend([then] if then is not None else [])
        return False

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def account_name(self) -> str | None:
        return self.account_box.currentText() or None

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        t = self._t
        self.file_label, self.format_label, self.counts_label = QLabel(), QLabel(), QLabel()
        self.file_label.setText(self._path.name)
        self.account_box = self._make_account_box()
        form = QFormLayout()
        form.addRow(t.gettext("File:"), self.file_label)
        form.addRow(t.gettext("Format:"), self.format_label)
        form.addRow(t.gettext("Account:"), self.account_box)
        form.addRow(t.gettext("Lines:"), self.counts_label)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no known end: an indeterminate "working" bar
        self.busy.setAccessibleName(t.gettext("Reading the statement"))
        self.busy.hide()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(t.gettext("Import error"))
        # Bold, not red: a fixed red is unreadable on dark palettes.
        self.error_label.setStyleSheet("font-weight: 600;")
        self.error_label.hide()
        self.table = self._make_table()
        layout = QVBoxLayout(self)
        for part in (self.busy, self.error_label, self.table, self._make_buttons()):
            layout.addWidget(part, 1 if part is self.table else 0)
        layout.insertLayout(0, form)

    def _make_account_box(self) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(self._t.gettext("Import into account"))
        for account in self._services.household.bank_accounts():
            box.addItem(account.name, account.id)
        # With no account yet the import creates one; with one there is nothing to choose.
        box.setEnabled(box.count() > 1)
        if box.count() == 0:
            box.setPlaceholderText(self._t.gettext("A new account is created"))
        box.currentIndexChanged.connect(self._rerun)
        return box

    def _make_table(self) -> QTableView:
        return make_table(self.model, self._t.gettext("Lines of the statement"), dense=True)

    def _make_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.import_button = QPushButton(self._t.gettext("Import"))
        self.import_button.setAccessibleName(self._t.gettext("Import the new lines"))
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(self._t.gettext("Cancel"))
        self.cancel_button.setAccessibleName(self._t.gettext("Cancel the import"))
        self.describe_button = QPushButton(self._t.gettext("Describe this CSV…"))
        self.describe_button.setAccessibleName(self._t.gettext("Describe an unknown CSV layout"))
        self.describe_button.hide()
        self.describe_button.clicked.connect(self.describe_csv)
        buttons.addButton(self.describe_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self._import)
        self.cancel_button.clicked.connect(self._cancel)
        return buttons

    def _cancel(self) -> None:
        """Cancel: during an import, stop it (nothing is written) and stay; otherwise close."""
        if self._working:
            self._stop = True
            return
        super().reject()

    def reject(self) -> None:
        """Escape or the close button: while work runs, asks whether to stop it first."""
        if self.request_close(quitting=False):
            super().reject()

    def done(self, result: int) -> None:
        if self._waiting:  # a preview still to come is not wanted any more
            self._waiting = False
            self._set_busy(False)
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        # QDialog's own calls reject() and keeps the dialog open if it is still shown.
        quitting = self._quit_watch.quitting  # Carnet is quitting: quit again once stopped
        then = QCoreApplication.quit if quitting else None
        if self._closing or self.request_close(quitting=quitting, then=then):
            super().closeEvent(event)
        else:
            event.ignore()

    def _quit(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            self.reject()
        else:
            parent.window().close()  # the window asks, through request_close

    def _close_stopped(self) -> None:
        """The stopped work has unwound (rolled back): close, then what waited for it."""
        self._closing = False
        super().reject()
        then, self._then = self._then, []
        for call in then:
            call()

    def _progress(self, done: int, total: int) -> bool:
        """Told by the service every few thousand lines: show it, let the window breathe."""
        self.busy.setRange(0, total)
        self.busy.setValue(done)
        QApplication.processEvents()
        return not self._stop

    def _run(self, call: Callable[[Progress], Result[ImportReport]]) -> Result[ImportReport]:
        self._working, self._stop = True, False
        self._set_busy(True)
        self.import_button.setEnabled(False)
        self._quit_watch.watch(True)
        try:
            return call(self._progress)
        finally:
            self._quit_watch.watch(False)
            self._working = self._importing = False
            self._set_busy(False)
            if self._closing:  # closed once the caller has handled ImportCancelled
                QTimer.singleShot(0, self, self._close_stopped)

    # -- reacting ----------------------------------------------------------------------
    def _preview(self) -> None:
        try:
            report = self._run(lambda progress: self._call(True, progress)).value
        except (CarnetError, BankFileError) as exc:
            self._fail(describe(self._t, exc))
            # An unknown CSV can be described once and then read like a known bank's.
            self.describe_button.setVisible("unknown format" in str(exc))
            return
        self.describe_button.hide()
        self._show(report)

    def _call(self, dry_run: bool, progress: Progress) -> Result[ImportReport]:
        bank, account = self._services.bank, self.account_name()
        return bank.import_path(self._path, account, dry_run, progress=progress)

    def describe_csv(self) -> CsvProfileDialog:
        """Open the CSV description; saving it re-reads the file with the new profile."""
        dialog = CsvProfileDialog(self._services, self._t, self._head(), self)
        dialog.accepted.connect(self._rerun)
        dialog.open()
        return dialog

    def _head(self) -> bytes:
        try:
            with self._path.open("rb") as stream:
                return stream.read(HEAD_BYTES)
        except OSError:
            return b""

    def _show(self, report: ImportReport) -> None:
        t = self._t
        self.report = report
        self.model.set_rows(report.lines)
        self.format_label.setText(format_label(t, report.format))
        health = report.health
        self.counts_label.setText(
            t.gettext("{new} new · {known} already imported · ").format(
                new=count(t, report.added), known=count(t, report.duplicates)
            )
            + t.ngettext("{n} health reimbursement", "{n} health reimbursements", health).format(
                n=count(t, health)
            )
            # A big file's report keeps its first lines only: the counts are of all.
            + ("" if report.complete else " · " + listed(t, len(report.lines)))
        )
        self.error_label.hide()
        if not report.lines:
            self._fail(t.gettext("The file holds no booked transaction."))
        elif report.added == 0:
            self._fail(t.gettext("Every line of this file is already imported."))
        self.import_button.setEnabled(report.added > 0)

    def _rerun(self) -> None:
        # Duplicates are counted per account: choosing another account changes them;
        # a CSV profile just saved changes how the file reads.
        if not self._working and not self._waiting:
            self._preview()

    def _import(self) -> None:
        if self._working or self.report is None:
            return
        self._importing = True
        try:
            result = self._run(lambda progress: self._call(False, progress))
        except (CarnetError, BankFileError) as exc:  # the file may have changed since
            self._fail(describe(self._t, exc))
            self.import_button.setEnabled(self.report is not None and self.report.added > 0)
            return
        self.report = result.value
        self.imported.emit(result)
        self.accept()

    def _fail(self, message: str) -> None:
        self._set_busy(False)
        self.error_label.setText(message)
        self.error_label.show()
        self.import_button.setEnabled(False)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        if not busy:
            self.busy.setRange(0, 0)  # indeterminate again, until a count is known
        self.account_box.setEnabled(not busy and self.account_box.count() > 1)


def count(t: Translator, n: int) -> str:
    """``30 000`` in French, ``30,000`` in English: a big file's counts read at a glance."""
    return t.number(Decimal(n))


def listed(t: Translator, lines: int) -> str:
    return t.ngettext("the first line is listed", "the first {n} lines are listed", lines).format(
        n=count(t, lines)
    )
