"""The Bank page: the account's transactions, statement import, and reconciliation.

A statement comes in through **Import…** or by dropping its file on the page; both open
the :class:`~carnet.ui.dialogs.import_dialog.ImportDialog`. The page never polls: it
reloads when :attr:`EventHub.changed` says bank lines, payments or acts changed,
whoever changed them (this page, another page, or an undo in the main window).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from carnet.domain.changes import Changes
from carnet.i18n import N_
from carnet.services.bank_import import ImportReport
from carnet.services.base import Result
from carnet.ui.dialogs.import_closing import show_over_window
from carnet.ui.dialogs.import_dialog import ImportDialog
from carnet.ui.models.bank import TransactionTableModel
from carnet.ui.models.bank_data import BankData
from carnet.ui.page import Page, PageContext
from carnet.ui.views.bank_reconcile import ReconcileView
from carnet.ui.widgets.tables import give_room, make_table

TRANSACTIONS_TAB, RECONCILE_TAB = 0, 1
EMPTY_TEXT = N_("""<h2>No bank statement yet</h2>
<p>Export a statement from your bank's website (CSV, OFX, QIF, camt.053 or CFONB 120),
then click <b>Import…</b> or drop the file here.</p>
<p>Carnet recognises the transfers of the Assurance Maladie and of your mutuelle and
proposes which care acts each one reimburses.</p>""")


class BankPage(Page):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        services, events, translator = ctx.services, ctx.events, ctx.t
        self.data = BankData(services)
        self.import_dialog: ImportDialog | None = None
        self.twins_box: QMessageBox | None = None  # the last warning of lines seen twice
        self.model = TransactionTableModel(translator, self)
        self.table = make_table(self.model, translator.gettext("Transactions"), dense=True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TransactionTableModel.DATE, Qt.SortOrder.DescendingOrder)
        # The bank's label takes the room left; the counterparty and the state fit their text.
        give_room(
            self.table,
            TransactionTableModel.LABEL,
            (TransactionTableModel.COUNTERPARTY, TransactionTableModel.MATCHED),
        )
        self.reconcile = ReconcileView(services, events, translator, self.data)
        self._build()
        self.setAcceptDrops(True)
        self.reconcile.status.connect(self.status)
        # Proposing runs the matcher over every open credit: do it when the page is seen,
        # not at start-up nor on each change made while another page is shown.
        self.mark_stale()

    # -- public ------------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        """What the page shows, or what matching reads."""
        return bool(
            changes.bank
            or changes.payments
            or changes.acts
            or changes.people
            or changes.contracts
            or changes.feuilles  # a mailing date moves what a transfer can pay
        )

    def reload(self) -> None:
        self.data.reload()
        rows = self.data.transactions(self.health_only.isChecked())
        self.model.set_rows(rows)
        has_any = bool(rows) or self.health_only.isChecked()
        self._transactions.setCurrentIndex(1 if has_any else 0)
        self.reconcile.reload()
        open_count = self.reconcile.credits.rowCount()
        title = self._t.gettext("Reconcile")
        self.tabs.setTabText(RECONCILE_TAB, f"{title} ({open_count})" if open_count else title)
        self.summary_label.setText(self._summary())

    def open_import(self, path: Path) -> ImportDialog:
        """Preview ``path`` in the import dialog (the window waits, disabled, behind it)."""
        if self.import_dialog is not None:
            self.import_dialog.deleteLater()
        dialog = ImportDialog(self._services, self._t, path, self)
        dialog.imported.connect(self._on_imported)
        self.import_dialog = dialog
        show_over_window(dialog)  # not modal: the window's title-bar close still asks
        return dialog

    def ready_to_close(self, then: Callable[[], object]) -> bool:
        """Quitting during an import asks whether to stop it (see ``ImportDialog``)."""
        dialog = self.import_dialog
        if dialog is None or not dialog.isVisible():
            return True
        if not dialog.request_close(quitting=True, then=then):
            return False
        dialog.done(QDialog.DialogCode.Rejected)
        return True

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self._t.gettext("Import a bank statement"),
            "",
            self._t.gettext("Bank statements (*.csv *.ofx *.qfx *.qif *.xml *.txt);;All files (*)"),
        )
        if path:
            self.open_import(Path(path))

    # -- drag and drop -----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_import(path)

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        t = self._t
        self.import_button = QPushButton(t.gettext("Import…"))
        self.import_button.setAccessibleName(t.gettext("Import a bank statement"))
        self.import_button.setToolTip(t.gettext("Or drop a statement file on this page"))
        self.import_button.clicked.connect(self.choose_file)
        self.health_only = QCheckBox(t.gettext("Health credits only"))
        self.health_only.setAccessibleName(t.gettext("Show health credits only"))
        self.health_only.toggled.connect(self.reload)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(t.gettext("Bank views"))
        self.tabs.addTab(self._transactions_tab(), t.gettext("Transactions"))
        self.tabs.addTab(self.reconcile, t.gettext("Reconcile"))
        self.summary_label = QLabel()
        self.summary_label.setAccessibleName(t.gettext("Account and last statement"))
        bar = QHBoxLayout()
        bar.addWidget(self.import_button)
        bar.addSpacing(12)
        bar.addWidget(self.summary_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)

    def _transactions_tab(self) -> QWidget:
        empty = QLabel(self._t.gettext(EMPTY_TEXT))
        empty.setWordWrap(True)
        empty.setMaximumWidth(560)
        empty.setAccessibleName(self._t.gettext("No bank statement yet"))
        holder = QWidget()
        QHBoxLayout(holder).addWidget(empty, 0, Qt.AlignmentFlag.AlignCenter)
        filled = QWidget()
        layout = QVBoxLayout(filled)
        layout.addWidget(self.health_only)
        layout.addWidget(self.table, 1)
        self._transactions = QStackedWidget()
        self._transactions.addWidget(holder)
        self._transactions.addWidget(filled)
        return self._transactions

    def _summary(self) -> str:
        """Which account, and how far the statements go, so people know what to export."""
        t = self._t
        accounts = ", ".join(a.name for a in self._services.household.bank_accounts())
        if not accounts:
            return t.gettext("No bank account yet: the first import creates one.")
        imports = self._services.bank.last_imports()  # newest first
        days = [i.last_date for i in imports if i.last_date is not None]
        if not days:
            return accounts
        return t.gettext("{accounts} · statements up to {day} (last file: {file})").format(
            accounts=accounts, day=t.date(max(days)), file=imports[0].file_name
        )

    # -- reacting ----------------------------------------------------------------------
    def _on_imported(self, done: Result[ImportReport]) -> None:
        # The import ran on a worker thread; its result is published the one way.
        result = self.run(lambda: done)
        if result is None:
            return
        report = result.value
        health = report.health
        t = self._t
        imported = t.ngettext(
            "{n} transaction imported", "{n} transactions imported", report.added
        ).format(n=report.added)
        credits = t.ngettext("{n} health credit", "{n} health credits", health).format(n=health)
        self.status.emit(
            t.gettext("{imported} ({credits}).").format(imported=imported, credits=credits)
        )
        if health:
            self.tabs.setCurrentIndex(RECONCILE_TAB)
        if report.twins:
            self._warn_twins(report)

    def _warn_twins(self, report: ImportReport) -> None:
        # The same operations exported in two formats would be counted twice, and a
        # copy of a reimbursement could then be matched to another act.
        t = self._t
        text = t.ngettext(
            "{n} of the {added} lines just imported has the same day and amount as a line "
            "that a statement in another format brought to this account.",
            "{n} of the {added} lines just imported have the same day and amount as lines "
            "that a statement in another format brought to this account.",
            report.twins,
        ).format(n=report.twins, added=report.added)
        advice = t.gettext(
            "If both statements are of the same account, these are the same operations "
            "counted twice: Edit\u00a0›\u00a0Undo takes this import back."
        )
        if self.twins_box is not None:  # the warning of an earlier import
            self.twins_box.deleteLater()
        box = QMessageBox(QMessageBox.Icon.Warning, t.gettext("Lines seen twice?"), "", parent=self)
        box.setText(text + "\n\n" + advice)
        box.open()  # window-modal, without a nested event loop
        self.twins_box = box


def _dropped_file(event: QDropEvent) -> Path | None:
    """The first local file among the dragged URLs, if any."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None
