"""Composition root: builds the services over one database for either front end.

Each service is made the first time a front end asks for it, and its module is
imported then: the window's first screen needs the care table only, and
importing every service up front (reportlab for letters, openpyxl for exports,
the rules engine) would cost more than the rest of start-up together.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from carnet.paths import default_db_path
from carnet.services.care_table import CareTableService
from carnet.services.operation_log import OperationLog
from carnet.storage.store import Store, open_store

if TYPE_CHECKING:
    from carnet.services.abroad import AbroadService
    from carnet.services.attachments import AttachmentService
    from carnet.services.backup import BackupService
    from carnet.services.bank_import import BankImportService
    from carnet.services.base import Clock
    from carnet.services.calendar import CalendarService
    from carnet.services.care import CareService
    from carnet.services.claims import ClaimsService
    from carnet.services.dashboard import DashboardService
    from carnet.services.discrepancies import DiscrepancyService
    from carnet.services.exports import ExportService
    from carnet.services.history import HistoryService
    from carnet.services.household import HouseholdService
    from carnet.services.mailing_documents import MailingDocuments
    from carnet.services.mailings import MailingService
    from carnet.services.parcours import ParcoursService
    from carnet.services.received import ReceivedService
    from carnet.services.reclamations import ReclamationService
    from carnet.services.reconciliation import ReconciliationService
    from carnet.services.removal import RemovalService
    from carnet.services.reports import ReportService
    from carnet.services.road import RoadService
    from carnet.services.settings import SettingsService
    from carnet.services.todo import TodoService


class Services:
    """Everything a front end may call. No globals: front ends receive this object."""

    def __init__(self, store: Store, today: Clock = date.today) -> None:
        self.store = store
        self.today = today
        self.care_table = CareTableService(store)
        # Listens from the first operation on; the history service is built on first undo.
        self.operation_log = OperationLog(store)

    @cached_property
    def household(self) -> HouseholdService:
        from carnet.services.household import HouseholdService  # noqa: PLC0415

        return HouseholdService(self.store, self.today)

    @cached_property
    def parcours(self) -> ParcoursService:
        from carnet.services.parcours import ParcoursService  # noqa: PLC0415

        return ParcoursService(self.store, self.today)

    @cached_property
    def care(self) -> CareService:
        from carnet.services.care import CareService  # noqa: PLC0415

        return CareService(self.store, self.today)

    @cached_property
    def claims(self) -> ClaimsService:
        from carnet.services.claims import ClaimsService  # noqa: PLC0415

        return ClaimsService(self.store, self.today)

    @cached_property
    def history(self) -> HistoryService:
        from carnet.services.history import HistoryService  # noqa: PLC0415

        return HistoryService(self.store, self.today, self.operation_log)

    @cached_property
    def backup(self) -> BackupService:
        from carnet.services.backup import BackupService  # noqa: PLC0415

        return BackupService(self.store)

    @cached_property
    def exports(self) -> ExportService:
        from carnet.services.exports import ExportService  # noqa: PLC0415

        return ExportService(self.store, self.today)

    @cached_property
    def attachments(self) -> AttachmentService:
        from carnet.services.attachments import AttachmentService  # noqa: PLC0415

        return AttachmentService(self.store, self.today)

    @cached_property
    def abroad(self) -> AbroadService:
        from carnet.services.abroad import AbroadService  # noqa: PLC0415

        return AbroadService(self.store, self.today)

    @cached_property
    def road(self) -> RoadService:
        from carnet.services.road import RoadService  # noqa: PLC0415

        return RoadService(self.store, self.today)

    @cached_property
    def calendar(self) -> CalendarService:
        from carnet.services.calendar import CalendarService  # noqa: PLC0415

        return CalendarService(self.store, self.today)

    @cached_property
    def todo(self) -> TodoService:
        from carnet.services.todo import TodoService  # noqa: PLC0415

        return TodoService(self.store, self.today)

    @cached_property
    def mailings(self) -> MailingService:
        from carnet.services.mailings import MailingService  # noqa: PLC0415

        return MailingService(self.store, self.today)

    @cached_property
    def removal(self) -> RemovalService:
        from carnet.services.removal import RemovalService  # noqa: PLC0415

        return RemovalService(self.store, self.today)

    @cached_property
    def settings(self) -> SettingsService:
        from carnet.services.settings import SettingsService  # noqa: PLC0415

        return SettingsService(self.store, self.today)

    @cached_property
    def reports(self) -> ReportService:
        from carnet.services.reports import ReportService  # noqa: PLC0415

        return ReportService(self.store, self.today)

    @cached_property
    def bank(self) -> BankImportService:
        from carnet.services.bank_import import BankImportService  # noqa: PLC0415

        return BankImportService(self.store, self.today)

    @cached_property
    def reconciliation(self) -> ReconciliationService:
        from carnet.services.reconciliation import ReconciliationService  # noqa: PLC0415

        return ReconciliationService(self.store, self.today)

    @cached_property
    def mailing_documents(self) -> MailingDocuments:
        from carnet.services.mailing_documents import MailingDocuments  # noqa: PLC0415

        return MailingDocuments(self.store, self.today)

    @cached_property
    def dashboard(self) -> DashboardService:
        from carnet.services.dashboard import DashboardService  # noqa: PLC0415

        return DashboardService(self.store, self.today)

    @cached_property
    def received(self) -> ReceivedService:
        from carnet.services.received import ReceivedService  # noqa: PLC0415

        return ReceivedService(self.store, self.today)

    @cached_property
    def discrepancies(self) -> DiscrepancyService:
        from carnet.services.discrepancies import DiscrepancyService  # noqa: PLC0415

        return DiscrepancyService(self.store, self.today)

    @cached_property
    def reclamations(self) -> ReclamationService:
        from carnet.services.reclamations import ReclamationService  # noqa: PLC0415

        return ReclamationService(self.store, self.today)

    @property
    def db_path(self) -> Path | None:
        return self.store.path

    def close(self) -> None:
        self.store.close()


def build_services(
    path: Path | None,
    today: Clock = date.today,
    passphrase: str | None = None,
    *,
    may_read_only: bool = False,
) -> Services:
    """Open the database at ``path`` (``None``: in memory) and wire the services.

    ``passphrase`` opens an encrypted database. ``may_read_only``: for a command that
    only reads, a database in a read-only folder is opened for reading only (every
    write is then refused in one sentence) instead of refused.
    """
    services = Services(open_store(path, passphrase, may_read_only=may_read_only), today)
    try:
        if services.store.ledger.read_only:
            return services  # its figures are read as stored: nothing may be rewritten
        if services.store.reassess_pending():  # a migration just upgraded an older file
            services.care.reassess_after_upgrade()
    except BaseException:
        services.close()
        raise
    return services


def open_for_window(path: Path | None, passphrase: str | None = None) -> Services:
    """:func:`build_services` for a window: refused if another window has the file open.

    Two windows on one file would each undo over the other's changes; commands
    (the CLI) may still run beside the window.
    """
    services = (
        build_services(path) if passphrase is None else build_services(path, passphrase=passphrase)
    )
    try:
        services.store.claim_window()
        services.bank.forget_undone_lines()  # no earlier window's redo can want them now
    except BaseException:
        services.close()
        raise
    return services


def resolve_db_path(path: Path | None) -> Path:
    """``--db`` if given, else ``CARNET_DB``, else the user data folder."""
    return path if path is not None else default_db_path()
