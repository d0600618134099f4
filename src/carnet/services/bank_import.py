"""Importing a bank statement: detect the format, recognise health payers, add each
transaction once.

Importing the same file twice, or two exports that overlap, adds nothing twice:
each line carries the bank's own id when the format has one, otherwise an
occurrence-aware fingerprint (see :func:`carnet.bank.fingerprint_lines`).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Generator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, NamedTuple, cast

from carnet.bank import (
    BankFileError,
    CsvMapping,
    DatesOutOfOrder,
    ExtraPayer,
    Fingerprinter,
    PayerDirectory,
    StatementLine,
    classify,
    read_statement,
)
from carnet.bank.importers import HEAD
from carnet.bank.labels import only_bank_words
from carnet.domain import limits
from carnet.domain.banking import (
    BankAccount,
    BankAccountInput,
    PayerType,
    StatementImport,
)
from carnet.domain.changes import Changes
from carnet.domain.errors import DatabaseLockedError, ValidationError
from carnet.domain.ids import BankAccountId, ImportId
from carnet.domain.validation import check_field
from carnet.i18n import N_, resources_dir
from carnet.services.base import Result, Service
from carnet.services.import_pipeline import (
    KEEP,
    ImportCancelled,
    ImportedLine,
    ImportReport,
    Progress,
    Steps,
    run,
)
from carnet.services.input_files import MAX_STATEMENT_BYTES, Replayed, open_limited, read_up_to
from carnet.services.statement_checks import (
    StatementFileError,
    checked_lines,
    remembering_classifier,
)

__all__ = [
    "KEEP",
    "BankImportService",
    "ImportCancelled",
    "ImportReport",
    "ImportedLine",
    "Progress",
    "StatementFileError",
]

PROFILE_PREFIX = "csv-profile:"
ALIAS_PREFIX = "payer-alias:"
# Fingerprints are unique per account in the database; the key only has to be stable,
# so it must not depend on whether the account existed before.
ACCOUNT_KEY = "carnet"
_CHUNK = 1 << 20
# A piped statement up to this size is held and read like a file; a larger one is read
# once as it comes (every real statement is far smaller: this is for a decade of a
# business account, or a hostile pipe).
PIPE_HELD = 4 << 20


class BankImportService(Service):
    def directory(self) -> PayerDirectory:
        """Shipped health payers, the household's own insurers and the names it taught."""
        extra = [
            ExtraPayer(key.removeprefix(ALIAS_PREFIX), PayerType(value))
            for key, value in self.store.settings.all().items()
            if key.startswith(ALIAS_PREFIX)
        ]
        insurers = [c.insurer for c in self.store.contracts.list()]
        return PayerDirectory.from_file(resources_dir() / "payers.toml", extra, insurers)

    def teach_payer(self, name: str, payer_type: PayerType) -> Result[int]:
        """Remember that ``name`` on a statement is a health payer; reclassify past lines.

        For a mutuelle or management company Carnet does not ship (a new insurer,
        a broker paying on its behalf). Returns how many lines became reimbursements.
        """
        cleaned = " ".join(check_field(name, "name", limits.SHORT_NAME).split())
        if len(cleaned) < 3 or only_bank_words(cleaned):
            # "VIR SEPA" is cut from every label before names are compared: it names nobody.
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

    def import_path(
        self,
        path: Path,
        account_name: str | None = None,
        dry_run: bool = False,
        *,
        progress: Progress | None = None,
        keep: int | None = KEEP,
    ) -> Result[ImportReport]:
        """Import the file at ``path``, read as it goes: memory does not grow with it.

        ``progress(done, total)`` is told the bytes read between slices; answering False
        cancels (:class:`ImportCancelled`) and nothing is written. The report keeps the
        first ``keep`` lines (None: all of them).
        """
        with open_limited(path, MAX_STATEMENT_BYTES) as stream:
            return self.import_stream(
                stream, path.name, account_name, dry_run, progress=progress, keep=keep
            )

    def import_file(
        self,
        data: bytes,
        filename: str,
        account_name: str | None = None,
        dry_run: bool = False,
        *,
        progress: Progress | None = None,
        keep: int | None = KEEP,
    ) -> Result[ImportReport]:
        """:meth:`import_path` for bytes already read (standard input, a test)."""
        stream = io.BytesIO(data)
        return self.import_stream(
            stream, filename, account_name, dry_run, progress=progress, keep=keep
        )

    def import_piped(
        self,
        source: BinaryIO,
        filename: str,
        account_name: str | None = None,
        dry_run: bool = False,
        *,
        keep: int | None = KEEP,
    ) -> Result[ImportReport]:
        """:meth:`import_path` for a stream that can be read only once (standard input).

        Memory stays bounded: past :data:`PIPE_HELD` bytes the statement is read as it
        comes, its encoding chosen as it is read (a later byte that contradicts it
        refuses the file, naming its line), and its lines must be in date order, since
        the ranks of a day the file left cannot be counted again.
        """
        held = max(PIPE_HELD, HEAD)  # the format is told from the first HEAD bytes, kept
        head = read_up_to(source, held + 1)
        if len(head) <= held:
            return self.import_file(head, filename, account_name, dry_run, keep=keep)
        replayed = Replayed(head, source)
        stream = cast(BinaryIO, replayed)  # a binary stream, that cannot go back past its head
        del head
        asked = _Asked(account_name, dry_run, None, keep)
        format_, read = self._read(stream, filename)
        read_so_far = lambda: (stream.tell(), stream.tell())  # noqa: E731 (the size is unknown)
        job = _Job(format_, filename, "", read_so_far, ordered=True, digest=replayed.finish)
        try:
            return self._run(job, read, asked)
        except DatesOutOfOrder as exc:
            problem = N_(
                "this line goes back to {day}, a day the statement had left: a statement "
                "this large read from standard input must be in date order (import it "
                "from a file instead)"
            )
            error = BankFileError(filename, exc.line_no, problem, day=exc.day.isoformat())
            raise StatementFileError(error.text) from None
        finally:
            read.close()

    def import_stream(
        self,
        stream: BinaryIO,
        filename: str,
        account_name: str | None = None,
        dry_run: bool = False,
        *,
        progress: Progress | None = None,
        keep: int | None = KEEP,
    ) -> Result[ImportReport]:
        """:meth:`import_path` for a seekable binary stream."""
        asked = _Asked(account_name, dry_run, progress, keep)
        try:
            return self._import_stream(stream, filename, asked, ordered=True)
        except DatesOutOfOrder:
            # The file is not sorted by date: read it again keeping every day's ranks.
            return self._import_stream(stream, filename, asked, ordered=False)

    def _import_stream(
        self, stream: BinaryIO, filename: str, asked: _Asked, *, ordered: bool
    ) -> Result[ImportReport]:
        size = stream.seek(0, io.SEEK_END)
        sha = "" if asked.dry_run else _sha256(stream)
        format_, read = self._read(stream, filename)
        try:
            job = _Job(format_, filename, sha, lambda: (stream.tell(), size), ordered)
            return self._run(job, read, asked)
        finally:
            read.close()

    def _read(
        self, stream: BinaryIO, filename: str
    ) -> tuple[str, Generator[StatementLine, None, None]]:
        """The statement's format and its lines, each checked (a fault names its line)."""
        try:
            format_, lines = read_statement(stream, filename, self.csv_profiles())
        except BankFileError as exc:
            raise StatementFileError(exc.text) from None
        return format_, checked_lines(lines, filename)

    def _run(
        self, job: _Job, lines: Iterator[StatementLine], asked: _Asked
    ) -> Result[ImportReport]:
        account = self._account(asked.account_name)
        steps = Steps(
            Fingerprinter(ACCOUNT_KEY, ordered=job.ordered),
            remembering_classifier(self.directory()),
            self._known(account.id if account else None),
            None,
            job.where,
        )
        if asked.dry_run:
            tally = run(lines, steps, asked.progress, asked.keep)
            return Result(tally.report(job.format, account, True), Changes())
        with self.store.transaction(N_("Import a bank statement")):
            if account is None:  # the first import creates the account it fills
                account = self.store.bank_accounts.insert(BankAccountInput(name="Main account"))
                self.store.events.record("bank_account", account.id, "created", after=account)
            record = self.store.bank.add_import(
                StatementImport(ImportId(0), account.id, job.filename, job.sha, job.format)
            )
            steps.known = self._known(account.id)
            steps.write = self._writer(account.id, record.id)
            tally = run(lines, steps, asked.progress, asked.keep)
            if job.digest is not None:  # a stream read once: hashed as it was read
                record = replace(record, file_sha256=job.digest())
            done = replace(
                record,
                first_date=tally.first,
                last_date=tally.last,
                added=tally.added,
                duplicates=tally.duplicates,
            )
            self.store.bank.imports_rows.put(done)
            # One event for the whole import: undo takes back its lines by their import id.
            self.store.events.record("statement_import", record.id, "created", after=done)
            twins = self.store.bank.lines.twins(record.id, job.format)
        report = replace(tally.report(job.format, account, False), twins=twins)
        return Result(report, Changes(bank=frozenset({account.id})))

    def _known(self, account_id: BankAccountId | None) -> Callable[[list[str]], set[str]]:
        if account_id is None:
            return lambda _prints: set()
        return lambda prints: self.store.bank.lines.known(account_id, prints)

    def _writer(
        self, account_id: BankAccountId, import_id: ImportId
    ) -> Callable[[list[ImportedLine]], None]:
        def write(items: list[ImportedLine]) -> None:
            self.store.bank.lines.add(
                [
                    (
                        account_id,
                        import_id,
                        item.line.date.isoformat(),
                        int(item.line.amount_cents),
                        item.line.label,
                        item.classification.counterparty,
                        item.line.bank_ref or "",
                        item.fingerprint,
                        None
                        if item.classification.payer_type is None
                        else item.classification.payer_type.value,
                        int(item.classification.health),
                    )
                    for item in items
                ]
            )

        return write

    def _account(self, name: str | None) -> BankAccount | None:
        """The account to fill: named, the only one, or None when there is none yet."""
        accounts = self.store.bank_accounts.list(order_by="id")
        if name:
            name = check_field(name, "account", limits.SHORT_NAME)
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
            _saved_profile(key.removeprefix(PROFILE_PREFIX), value)
            for key, value in self.store.settings.all().items()
            if key.startswith(PROFILE_PREFIX)
        ]

    def save_csv_profile(self, mapping: CsvMapping) -> Result[CsvMapping]:
        """Keep a CSV layout; files in that layout are then recognised like a known bank's."""
        name = check_field(mapping.name, "name", limits.SHORT_NAME)
        if not name:
            raise ValidationError("name", N_("give the profile a name"))
        with self.store.transaction(N_("Save a CSV profile")):
            self.store.settings.set(PROFILE_PREFIX + name, mapping.to_toml())
        return Result(mapping, Changes())

    def forget_undone_lines(self) -> int:
        """Drop the lines of imports undone in an earlier session; returns how many.

        Redo lasts as long as the window that undid: once a window opens (only one may
        have the file open), nobody can bring those lines back, and a household that
        undid an import expects its lines gone. A busy database leaves them for the
        next opening rather than keep the window from opening.
        """
        if not self.store.bank.lines.parked():
            return 0
        try:
            with self.store.ledger.write():
                return self.store.bank.lines.forget_parked()
        except DatabaseLockedError:
            return 0

    def last_imports(self) -> list[StatementImport]:
        """Every imported file, newest first."""
        return self.store.bank.imports()


class _Asked(NamedTuple):
    account_name: str | None
    dry_run: bool
    progress: Progress | None
    keep: int | None


class _Job(NamedTuple):
    format: str
    filename: str
    sha: str
    where: Callable[[], tuple[int, int]]  # (bytes read, bytes in all)
    ordered: bool
    digest: Callable[[], str] | None = None  # the SHA-256, once read (a stream read once)


def _sha256(stream: BinaryIO) -> str:
    """The file's SHA-256, read a chunk at a time; the stream is left at its start."""
    digest = hashlib.sha256()
    stream.seek(0)
    while chunk := stream.read(_CHUNK):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()


def _saved_profile(name: str, text: str) -> CsvMapping:
    """A saved CSV profile; one an older Carnet let through (a debit column without its
    credit, two meanings in one column) is named rather than used to import wrong figures."""
    try:
        return CsvMapping.from_toml(text)
    except (ValueError, TypeError) as exc:
        raise ValidationError(
            "csv-profile",
            N_("the saved CSV profile {name} cannot be used ({reason}); save it again"),
            name=name[:80],
            reason=str(exc)[:200],
        ) from None
