"""Composition root: builds the services over one database for either front end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from carnet.paths import default_db_path
from carnet.services.attachments import AttachmentService
from carnet.services.backup import BackupService
from carnet.services.bank_import import BankImportService
from carnet.services.base import Clock
from carnet.services.care import CareService
from carnet.services.claims import ClaimsService
from carnet.services.dashboard import DashboardService
from carnet.services.exports import ExportService
from carnet.services.history import HistoryService
from carnet.services.household import HouseholdService
from carnet.services.mailing_documents import MailingDocuments
from carnet.services.mailings import MailingService
from carnet.services.reconciliation import ReconciliationService
from carnet.services.reports import ReportService
from carnet.services.settings import SettingsService
from carnet.services.todo import TodoService
from carnet.storage.store import Store, open_store


@dataclass(frozen=True)
class Services:
    """Everything a front end may call. No globals: front ends receive this object."""

    store: Store
    household: HouseholdService
    care: CareService
    claims: ClaimsService
    history: HistoryService
    backup: BackupService
    exports: ExportService
    attachments: AttachmentService
    todo: TodoService
    mailings: MailingService
    settings: SettingsService
    reports: ReportService
    bank: BankImportService
    reconciliation: ReconciliationService
    mailing_documents: MailingDocuments
    dashboard: DashboardService

    @property
    def db_path(self) -> Path | None:
        return self.store.path

    def close(self) -> None:
        self.store.close()


def build_services(path: Path | None, today: Clock = date.today) -> Services:
    """Open the database at ``path`` (``None``: in memory) and wire the services."""
    store = open_store(path)
    return Services(
        store=store,
        household=HouseholdService(store, today),
        care=CareService(store, today),
        claims=ClaimsService(store, today),
        history=HistoryService(store, today),
        backup=BackupService(store),
        exports=ExportService(store),
        attachments=AttachmentService(store, today),
        todo=TodoService(store, today),
        mailings=MailingService(store, today),
        settings=SettingsService(store, today),
        reports=ReportService(store, today),
        bank=BankImportService(store, today),
        reconciliation=ReconciliationService(store, today),
        mailing_documents=MailingDocuments(store, today),
        dashboard=DashboardService(store, today),
    )


def resolve_db_path(path: Path | None) -> Path:
    """``--db`` if given, else ``CARNET_DB``, else the user data folder."""
    return path if path is not None else default_db_path()
