"""Importing a bank statement: detect the format, recognise health payers, add each
transaction once.

Importing the same file twice, or two exports that overlap, adds nothing twice:
each line carries the bank's own id when the format has one, otherwise an
occurrence-aware fingerprint (see :func:`carnet.bank.fingerprint_lines`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from carnet.bank import (
    BankFileError,
    Classification,
    CsvMapping,
    ExtraPayer,
    PayerDirectory,
    Statement,
    StatementLine,
    classify,
    fingerprint_lines,
    parse_statement,
)
from carnet.domain.banking import (
    BankAccount,
    BankAccountInput,
    BankTransaction,
    PayerType,
    StatementImport,
)
from carnet.domain.changes import Changes
from carnet.domain.errors import CarnetError, ValidationError
from carnet.domain.ids import BankAccountId, ImportId, TransactionId
from carnet.i18n import N_, resources_dir
from carnet.services.base import Result, Service

PROFILE_PREFIX = "csv-profile:"
SLICE = 5_000  # lines written at once (and between two progress reports)
TICK = 5_000  # lines classified between two progress reports

# Told (lines done, lines in all) as an import goes; answers False to cancel it.
Progress = Callable[[int, int], bool]
ALIAS_PREFIX = "payer-alias:"


class ImportCancelled(CarnetError):
    """The person cancelled the import; nothing was written."""


class _Ticker:
    """Reports progress and turns a "stop" answer into :class:`ImportCancelled`."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total = progress, max(total, 1)

    def __call__(self, done: int) -> None:
        if self.progress is not None and not self.progress(min(done, self.total), self.total):
            raise ImportCancelled(N_("import cancelled; nothing was added"))


class StatementFileError(CarnetError):
    """A bank file that cannot be read; the message names the file, line and problem."""


@dataclass(frozen=True, slots=True)
class ImportedLine:
    line: StatementLine
    classification: Classification
    fingerprint: str
    duplicate: bool


@dataclass(frozen=True, slots=True)
class ImportReport:
    format: str
    account: BankAccount | None
    lines: tuple[ImportedLine, ...]
    dry_run: bool

    @property
    def added(self) -> int:
        return sum(1 for line in self.lines if not line.duplicate)

    @property
    def duplicates(self) -> int:
        return sum(1 for line in self.lines if line.duplicate)


class BankImportService(Service):
    def directory(self) -> PayerDirectory:
        """Shipped health payers, the household's own insurers and the names it taught."""
        extra = [
            ExtraPayer(c.insurer, PayerType.COMPLEMENTARY) for c in self.store.contracts.list()
        ]
        extra += [
            ExtraPayer(key.removeprefix(ALIAS_PREFIX), PayerType(value))
            for key, value in self.store.settings.all().items()
            if key.startswith(ALIAS_PREFIX)
        ]
        return PayerDirectory.from_file(resources_dir() / "payers.toml", extra=extra)

    def teach_payer(self, name: str, payer_type: PayerType) -> Result[int]:
        """Remember that ``name`` on a statement is a health payer; reclassify past lines.

        For a mutuelle or management company Carnet does not ship (a new insurer,
        a broker paying on its behalf). Returns how many lines became reimbursements.
        """
        cleaned = " ".join(name.split())
        if len(cleaned) < 3:
            raise ValidationError(
                "name", N_("give the payer's name as it appears on the statement")
            )
        with self.store.transaction(N_("Teach a payer's name")):
            self.store.settings.set(ALIAS_PREFIX + cleaned, payer_type.value)
            changed = self._reclassify(self.directory())
        return Result(len(changed), Changes(bank=frozenset(changed)))

    def _reclassify(self, directory: PayerDirectory) -> list[int]:
        changed: list[int] = []
        for row in self.store.bank.unrecognised():
            line = StatementLine(row.date, row.amount_cents, row.label, row.counterparty)
            verdict = classify(line, directory)
            if verdict.payer_type is None and not verdict.health:
                continue
            kind = None if verdict.payer_type is None else verdict.payer_type.value
            self.store.bank.set_classification(row.id, kind, verdict.health)
            changed.append(row.id)
        return changed

    def import_file(
        self,
        data: bytes,
        filename: str,
        account_name: str | None = None,
        dry_run: bool = False,
        *,
        progress: Progress | None = None,
    ) -> Result[ImportReport]:
        try:
            statement = parse_statement(data, filename, self.csv_profiles())
        except BankFileError as exc:
            raise StatementFileError(exc.text) from None
        return self.import_statement(
            statement, data, filename, account_name, dry_run=dry_run, progress=progress
        )

    def import_statement(
        self,
        statement: Statement,
        data: bytes,
        filename: str,
        account_name: str | None = None,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> Result[ImportReport]:
        """Import a statement already parsed from ``data`` (the window parses off its thread).

        ``progress(done, total)`` is told how far the work is every few thousand lines;
        answering False cancels: :class:`ImportCancelled`, and nothing is written.
        """
        account = self._account(account_name)
        tick = _Ticker(progress, len(statement.lines) * (1 if dry_run else 2))
        # Fingerprints are unique per account in the database; the key only has to be
        # stable, so it must not depend on whether the account existed before.
        key = "carnet"
        known = self.store.bank.fingerprints(account.id) if account else set()
        verdict = _classifier(self.directory())
        found: list[ImportedLine] = []
        prints = fingerprint_lines(key, statement.lines)
        for n, (line, print_) in enumerate(zip(statement.lines, prints, strict=True)):
            if n % TICK == 0:
                tick(n)
            found.append(ImportedLine(line, verdict(line), print_, print_ in known))
        lines = tuple(found)
        report = ImportReport(statement.format, account, lines, dry_run)
        if dry_run:
            tick(len(lines))
            return Result(report, Changes())
        with self.store.transaction(N_("Import a bank statement")):
            if account is None:  # the first import creates the account it fills
                account = self.store.bank_accounts.insert(BankAccountInput(name="Main account"))
                self.store.events.record("bank_account", account.id, "created", after=account)
                report = ImportReport(statement.format, account, lines, dry_run)
            self._store(report, account.id, filename, data, tick)
        return Result(report, Changes(bank=frozenset({account.id})))

    def _store(
        self,
        report: ImportReport,
        account_id: BankAccountId,
        filename: str,
        data: bytes,
        tick: _Ticker,
    ) -> None:
        dates = [line.line.date for line in report.lines]
        record = self.store.bank.add_import(
            StatementImport(
                id=ImportId(0),
                account_id=account_id,
                file_name=filename,
                file_sha256=hashlib.sha256(data).hexdigest(),
                format=report.format,
                first_date=min(dates, default=None),
                last_date=max(dates, default=None),
                added=report.added,
                duplicates=report.duplicates,
            )
        )
        self.store.events.record("statement_import", record.id, "created", after=record)
        new = [item for item in report.lines if not item.duplicate]
        # In slices: a 300 000-line statement's rows and events never sit in memory at once.
        for start in range(0, len(new), SLICE):
            tick(len(report.lines) + start)
            added = self.store.bank.add_transactions(
                [_transaction(item, account_id, record.id) for item in new[start : start + SLICE]]
            )
            # One event per line, so that undo can take the whole import back.
            self.store.events.record_rows("bank_transaction", "created", added)

    def _account(self, name: str | None) -> BankAccount | None:
        """The account to fill: named, the only one, or None when there is none yet."""
        accounts = self.store.bank_accounts.list(order_by="id")
        if name:
            found = [a for a in accounts if a.name == name]
            if found:
                return found[0]
            raise ValidationError("account", N_("no bank account named {name}"), name=repr(name))
        if len(accounts) == 1:
            return accounts[0]
        if not accounts:
            return None
        names = ", ".join(a.name for a in accounts)
        raise ValidationError(
            "account", N_("several accounts ({names}): choose one with --account"), names=names
        )

    def csv_profiles(self) -> list[CsvMapping]:
        """The CSV layouts the household saved for banks Carnet does not know."""
        return [
            CsvMapping.from_toml(value)
            for key, value in self.store.settings.all().items()
            if key.startswith(PROFILE_PREFIX)
        ]

    def save_csv_profile(self, mapping: CsvMapping) -> Result[CsvMapping]:
        """Keep a CSV layout; files in that layout are then recognised like a known bank's."""
        name = mapping.name.strip()
        if not name:
            raise ValidationError("name", N_("give the profile a name"))
        with self.store.transaction(N_("Save a CSV profile")):
            self.store.settings.set(PROFILE_PREFIX + name, mapping.to_toml())
        return Result(mapping, Changes())

    def last_imports(self) -> list[StatementImport]:
        """Every imported file, newest first."""
        return self.store.bank.imports()


def _transaction(
    item: ImportedLine, account_id: BankAccountId, import_id: ImportId
) -> BankTransaction:
    return BankTransaction(
        id=TransactionId(0),
        account_id=account_id,
        date=item.line.date,
        amount_cents=item.line.amount_cents,
        label=item.line.label,
        counterparty=item.classification.counterparty,
        bank_ref=item.line.bank_ref or "",
        fingerprint=item.fingerprint,
        payer_type=item.classification.payer_type,
        health=item.classification.health,
        import_id=import_id,
    )


def _classifier(directory: PayerDirectory) -> Callable[[StatementLine], Classification]:
    """``classify`` remembering its answers: a statement repeats the same labels (the
    supermarket, the rent), and the answer depends only on the texts and the sign."""
    known: dict[tuple[str, str, bool], Classification] = {}

    def verdict(line: StatementLine) -> Classification:
        key = (line.label, line.counterparty, line.amount_cents > 0)
        found = known.get(key)
        if found is None:
            found = known[key] = classify(line, directory)
        return found

    return verdict
