"""The storage facade handed to services: one open ledger and its repositories."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from carnet.domain.banking import BankAccount
from carnet.domain.contracts import Contract
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner
from carnet.storage.database import Ledger, open_ledger
from carnet.storage.files import FileStore
from carnet.storage.repos.acts import ActRepo
from carnet.storage.repos.assessments import AssessmentRepo, PaymentRepo
from carnet.storage.repos.attachments import AttachmentRepo
from carnet.storage.repos.bank import BankRepo
from carnet.storage.repos.dashboard import DashboardRepo
from carnet.storage.repos.deductions import DeductionRepo
from carnet.storage.repos.events import EventLog
from carnet.storage.repos.feuilles import FeuilleRepo, MailingRepo
from carnet.storage.repos.records import RecordRepo
from carnet.storage.repos.reports import ReportRepo
from carnet.storage.repos.settings import SettingsRepo


class Store:
    """Repositories over one ledger. Services open :meth:`transaction` for each call."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        db = ledger.db
        self.people = RecordRepo(db, "person", Person, "person")
        self.practitioners = RecordRepo(db, "practitioner", Practitioner, "practitioner")
        self.contracts = RecordRepo(db, "contract", Contract, "contract")
        self.bank_accounts = RecordRepo(db, "bank_account", BankAccount, "bank account")
        self.acts = ActRepo(db)
        self.assessments = AssessmentRepo(db)
        self.payments = PaymentRepo(db)
        self.deductions = DeductionRepo(db)
        self.feuilles = FeuilleRepo(db)
        self.mailings = MailingRepo(db)
        self.events = EventLog(db)
        self.settings = SettingsRepo(db)
        self.reports = ReportRepo(db)
        self.attachments = AttachmentRepo(db)
        self.bank = BankRepo(db)
        self.dashboard = DashboardRepo(db)
        # Scans and PDFs live beside the database (in memory: a throwaway folder is set by tests).
        self.files: FileStore | None = (
            None if ledger.path is None else FileStore.beside(ledger.path)
        )
        # Told (op id, kind) after each committed operation: the undo stack listens.
        self.listeners: list[Callable[[int, str], None]] = []

    @property
    def path(self) -> Path | None:
        return self.ledger.path

    @contextmanager
    def transaction(
        self, label: str = "Change", kind: str = "do", target: int | None = None
    ) -> Iterator[None]:
        """One service call: one database transaction and one undoable operation."""
        if self.events.op is not None:  # nested call: part of the outer operation
            yield
            return
        try:
            with self.ledger.write():
                self.events.begin_op(label, kind, target)
                yield
                op = self.events.end_op()
        finally:
            self.events.op = None
        if op is not None:
            for listener in self.listeners:
                listener(op, kind)

    def close(self) -> None:
        self.ledger.close()


def open_store(path: Path | None) -> Store:
    """Open (creating and migrating if needed) the ledger at ``path``; ``None`` for memory."""
    return Store(open_ledger(path))
