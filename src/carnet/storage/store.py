"""The storage facade handed to services: one open ledger and its repositories."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from carnet.storage.database import REASSESS_PENDING, Ledger, open_ledger
from carnet.storage.repos.act_table import ActTable

if TYPE_CHECKING:
    from carnet.domain.banking import BankAccount
    from carnet.domain.contracts import Contract
    from carnet.domain.people import Person
    from carnet.domain.practitioners import Practitioner
    from carnet.domain.treating import TreatingPeriod
    from carnet.storage.files import FileStore
    from carnet.storage.repos.abroad import AbroadRepo
    from carnet.storage.repos.acts import ActRepo
    from carnet.storage.repos.assessments import AssessmentRepo, PaymentRepo
    from carnet.storage.repos.attachments import AttachmentRepo
    from carnet.storage.repos.bank import BankRepo
    from carnet.storage.repos.dashboard import DashboardRepo
    from carnet.storage.repos.deductions import DeductionRepo
    from carnet.storage.repos.events import EventLog
    from carnet.storage.repos.feuilles import FeuilleRepo, MailingRepo
    from carnet.storage.repos.receipts import ReceiptRepo
    from carnet.storage.repos.records import RecordRepo
    from carnet.storage.repos.reminders import ReminderRepo
    from carnet.storage.repos.reports import ReportRepo
    from carnet.storage.repos.road import RoadRepo
    from carnet.storage.repos.settings import SettingsRepo


class Store:
    """Repositories over one ledger. Services open :meth:`transaction` for each call."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        # Read by the care table from the first screen on: plain sqlite3, no sqlite-utils.
        self.act_table = ActTable(ledger.conn)
        # Told (op id, kind) after each committed operation: the undo stack listens.
        self.listeners: list[Callable[[int, str], None]] = []
        # Person-years whose reassessment waits for the end of a bulk operation
        # (services.assessing.deferred); None outside one.
        self.deferred: set[tuple[int, int]] | None = None

    @cached_property
    def files(self) -> FileStore | None:
        """Scans and PDFs beside the database (in memory: none, unless a test sets one)."""
        from carnet.storage.files import FileStore  # noqa: PLC0415

        return None if self.ledger.path is None else FileStore.beside(self.ledger.path)

    # The repositories (and their modules) are made on first use: each needs
    # sqlite-utils, which the first screen of the window does not (see Ledger.db).
    @cached_property
    def people(self) -> RecordRepo[Person]:
        from carnet.domain.people import Person  # noqa: PLC0415
        from carnet.storage.repos.records import RecordRepo  # noqa: PLC0415

        return RecordRepo(self.ledger.db, "person", Person, "person")

    @cached_property
    def practitioners(self) -> RecordRepo[Practitioner]:
        from carnet.domain.practitioners import Practitioner  # noqa: PLC0415
        from carnet.storage.repos.records import RecordRepo  # noqa: PLC0415

        return RecordRepo(self.ledger.db, "practitioner", Practitioner, "practitioner")

    @cached_property
    def contracts(self) -> RecordRepo[Contract]:
        from carnet.domain.contracts import Contract  # noqa: PLC0415
        from carnet.storage.repos.records import RecordRepo  # noqa: PLC0415

        return RecordRepo(self.ledger.db, "contract", Contract, "contract")

    @cached_property
    def bank_accounts(self) -> RecordRepo[BankAccount]:
        from carnet.domain.banking import BankAccount  # noqa: PLC0415
        from carnet.storage.repos.records import RecordRepo  # noqa: PLC0415

        return RecordRepo(self.ledger.db, "bank_account", BankAccount, "bank account")

    @cached_property
    def treating(self) -> RecordRepo[TreatingPeriod]:
        """Every declaration of a médecin traitant, with its dates."""
        from carnet.domain.treating import TreatingPeriod  # noqa: PLC0415
        from carnet.storage.repos.records import RecordRepo  # noqa: PLC0415

        return RecordRepo(self.ledger.db, "treating_doctor", TreatingPeriod, "médecin traitant")

    @cached_property
    def acts(self) -> ActRepo:
        from carnet.storage.repos.acts import ActRepo  # noqa: PLC0415

        return ActRepo(self.ledger.db)

    @cached_property
    def assessments(self) -> AssessmentRepo:
        from carnet.storage.repos.assessments import AssessmentRepo  # noqa: PLC0415

        return AssessmentRepo(self.ledger.db)

    @cached_property
    def payments(self) -> PaymentRepo:
        from carnet.storage.repos.assessments import PaymentRepo  # noqa: PLC0415

        return PaymentRepo(self.ledger.db)

    @cached_property
    def deductions(self) -> DeductionRepo:
        from carnet.storage.repos.deductions import DeductionRepo  # noqa: PLC0415

        return DeductionRepo(self.ledger.db)

    @cached_property
    def receipts(self) -> ReceiptRepo:
        from carnet.storage.repos.receipts import ReceiptRepo  # noqa: PLC0415

        return ReceiptRepo(self.ledger.db)

    @cached_property
    def feuilles(self) -> FeuilleRepo:
        from carnet.storage.repos.feuilles import FeuilleRepo  # noqa: PLC0415

        return FeuilleRepo(self.ledger.db)

    @cached_property
    def mailings(self) -> MailingRepo:
        from carnet.storage.repos.feuilles import MailingRepo  # noqa: PLC0415

        return MailingRepo(self.ledger.db)

    @cached_property
    def events(self) -> EventLog:
        from carnet.storage.repos.events import EventLog  # noqa: PLC0415

        return EventLog(self.ledger.db)

    @cached_property
    def settings(self) -> SettingsRepo:
        from carnet.storage.repos.settings import SettingsRepo  # noqa: PLC0415

        return SettingsRepo(self.ledger.db)

    @cached_property
    def reports(self) -> ReportRepo:
        from carnet.storage.repos.reports import ReportRepo  # noqa: PLC0415

        return ReportRepo(self.ledger.db)

    @cached_property
    def abroad(self) -> AbroadRepo:
        from carnet.storage.repos.abroad import AbroadRepo  # noqa: PLC0415

        return AbroadRepo(self.ledger.db)

    @cached_property
    def road(self) -> RoadRepo:
        from carnet.storage.repos.road import RoadRepo  # noqa: PLC0415

        return RoadRepo(self.ledger.db)

    @cached_property
    def reminders(self) -> ReminderRepo:
        from carnet.storage.repos.reminders import ReminderRepo  # noqa: PLC0415

        return ReminderRepo(self.ledger.db)

    @cached_property
    def attachments(self) -> AttachmentRepo:
        from carnet.storage.repos.attachments import AttachmentRepo  # noqa: PLC0415

        return AttachmentRepo(self.ledger.db)

    @cached_property
    def bank(self) -> BankRepo:
        from carnet.storage.repos.bank import BankRepo  # noqa: PLC0415

        return BankRepo(self.ledger.db)

    @cached_property
    def dashboard(self) -> DashboardRepo:
        from carnet.storage.repos.dashboard import DashboardRepo  # noqa: PLC0415

        return DashboardRepo(self.ledger.db)

    def count_acts(self) -> int:
        """How many acts there are (the status bar, the care page), without sqlite-utils.

        Read from the count that triggers keep (schema.ACT_COUNT_SCHEMA): counting
        100 000 rows read a whole index.
        """
        return int(self.ledger.conn.execute("SELECT acts FROM act_count").fetchone()[0])

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

    def reassess_pending(self) -> bool:
        """Whether a migration upgraded this file since every act was last reassessed."""
        row = self.ledger.conn.execute(
            "SELECT 1 FROM setting WHERE key = ?", [REASSESS_PENDING]
        ).fetchone()
        return row is not None

    def clear_reassess_pending(self) -> None:
        """Part of the reassessment's transaction (see :meth:`reassess_pending`)."""
        self.ledger.conn.execute("DELETE FROM setting WHERE key = ?", [REASSESS_PENDING])

    def claim_window(self) -> None:
        """Mark the file as open in a window; refused if another window has it (see
        :mod:`carnet.storage.session`)."""
        if self.ledger.session is not None:
            self.ledger.session.claim_window()

    def close(self) -> None:
        self.ledger.close()


def open_store(
    path: Path | None, passphrase: str | None = None, *, may_read_only: bool = False
) -> Store:
    """Open (creating and migrating if needed) the ledger at ``path``; ``None`` for memory.

    ``passphrase`` opens an encrypted file (see :mod:`carnet.storage.cipher`);
    ``may_read_only`` reads a file Carnet may not write (:func:`open_ledger`).
    """
    return Store(open_ledger(path, passphrase, may_read_only=may_read_only))
