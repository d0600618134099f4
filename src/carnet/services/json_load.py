"""Loading a JSON export: every row checked with the rules a form uses, all or nothing.

``storage.dump`` checks each row's shape against its table; here each record is
checked for meaning by the services' own cleaning (names, NIR, dates, act codes,
amounts, CSV profiles), then the whole household is assessed in one pass, so
what was loaded reads, lists, exports and prints like what was typed. Any
problem names the table and row and leaves the database as it was.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import fields
from itertools import islice
from typing import Any, BinaryIO

from carnet.bank import CsvMapping
from carnet.bank.parsing import LAST_YEAR, MAX_EURO_DIGITS
from carnet.domain import limits
from carnet.domain.abroad import AbroadCare
from carnet.domain.banking import BankTransaction
from carnet.domain.care import ActInput, CareAct
from carnet.domain.contracts import Contract, ContractInput
from carnet.domain.errors import CarnetError, ValidationError
from carnet.domain.ids import PersonId
from carnet.domain.mailings import Mailing
from carnet.domain.messages import N_
from carnet.domain.people import Person, PersonInput
from carnet.domain.practitioners import Practitioner, PractitionerInput
from carnet.domain.receipts import Receipt
from carnet.domain.validation import check_date, check_email, check_field, check_iban
from carnet.services import json_rows
from carnet.services.assessing import Reassessor
from carnet.services.bank_import import ALIAS_PREFIX, PROFILE_PREFIX
from carnet.services.calendar import KEY_SETTING as CALENDAR_KEY
from carnet.services.care import CareService, NamedRecords
from carnet.services.household import HouseholdService
from carnet.services.json_stream import ExportReader
from carnet.services.received import check_received
from carnet.services.settings import ADDRESS_PREFIX, KNOWN, limit_of
from carnet.storage import dump as storage_dump
from carnet.storage.repos.codec import from_row
from carnet.storage.store import Store

DumpError = storage_dump.DumpError


# Rows inserted and checked together: memory holds a slice, not the export.
SLICE = 5000
# Tables whose rows are checked against the database once the whole table is in (a
# person may name as insured one listed after them); a household's few rows.
WHOLE = frozenset({"person", "practitioner", "contract"})


class JsonLoader:
    """Loads one export into the store's (empty) database."""

    def __init__(self, store: Store, household: HouseholdService, care: CareService) -> None:
        self.store = store
        self.household = household
        self.care = care
        # The people and practitioners are loaded first; each act names one of a few.
        self.named = NamedRecords(store)
        self.checks: dict[str, Callable[[dict[str, Any]], None]] = {
            "person": self._person,
            "practitioner": self._practitioner,
            "contract": self._contract,
            "care_act": self._act,
            "bank_account": self._bank_account,
            "setting": self._setting,
            "receipt": self._receipt,
            "bank_transaction": self._bank_line,
            "mailing": self._mailing,
            "act_abroad": self._abroad,
            "assessment": json_rows.assessment,
            "statement_import": json_rows.statement_import,
            "event": json_rows.event,
            "deduction_ledger": json_rows.deduction,
        }
        self.assessed: dict[int, int] = {}  # the act each assessment row names, by row

    def load(self, source: BinaryIO) -> int:
        """Load the export read from ``source``; the number of rows loaded."""
        db = self.store.ledger.db
        present = storage_dump.tables(db)
        reader = ExportReader(source, present)
        reader.header()
        count = 0
        with self.store.ledger.write():
            db.execute("PRAGMA defer_foreign_keys = ON")  # a dependent may come before its insured
            if any(db.execute(f"SELECT 1 FROM [{t}] LIMIT 1").fetchone() for t in present):
                raise DumpError(N_("load an export only into a new, empty database"))
            for table, rows in reader.tables():
                if table in storage_dump.DERIVED | storage_dump.LEFT_OUT:
                    self._read_only(table, rows)  # checked, not kept: worked out again below
                    continue
                count += self._table(table, rows)
            broken = storage_dump.broken_link(db) or self._assessed_acts_missing()
            if broken is not None:
                raise broken
            # Loaded acts are assessed like typed ones: one pass over every person-year,
            # which writes each act's deductions again (an export's rows of them go).
            db.execute("DELETE FROM deduction_ledger WHERE act_id IS NOT NULL")
            Reassessor(self.store).many(self.store.acts.person_years("1", []))
            storage_dump.refresh_act_keys(db)
            storage_dump.rewrite_old_values(db)
        return count

    def _table(self, table: str, rows: Iterator[Any]) -> int:
        """Insert and check one table's rows, a slice at a time; how many there were."""
        db = self.store.ledger.db
        wanted = storage_dump.columns(db, table)
        waiting: list[tuple[int, dict[str, Any]]] = []  # inserted, not yet checked
        count = 0
        while part := list(islice(rows, SLICE)):  # (itertools.batched is Python 3.12)
            checked = list(storage_dump.check_rows(table, wanted, part, count + 1))
            storage_dump.insert_rows(db, table, checked)
            count += len(checked)
            waiting += checked
            if table not in WHOLE:
                self._check(table, waiting)
                waiting = []
        self._check(table, waiting)
        return count

    def _read_only(self, table: str, rows: Iterator[Any]) -> None:
        """Check the rows of a table the load works out again (or drops), keeping none."""
        wanted = storage_dump.columns(self.store.ledger.db, table)
        count = 0
        while part := list(islice(rows, SLICE)):
            checked = list(storage_dump.check_rows(table, wanted, part, count + 1))
            count += len(checked)
            if table == "assessment":
                self._check(table, checked)
                self.assessed.update((number, row["act_id"]) for number, row in checked)

    def _assessed_acts_missing(self) -> DumpError | None:
        """The first assessment row whose act the export does not hold (``None``: none)."""
        if not self.assessed:
            return None
        ids = json.dumps(sorted(set(self.assessed.values())))
        missing = {
            int(row[0])
            for row in self.store.ledger.db.execute(
                "SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM care_act)",
                [ids],
            )
        }
        for number, act_id in self.assessed.items():
            if act_id in missing:
                return storage_dump.row_error(
                    "assessment", number, N_("act_id: no act with id {ident}"), ident=act_id
                )
        return None

    def _check(self, table: str, checked: list[tuple[int, dict[str, Any]]]) -> None:
        """Each inserted row's meaning, with the rules a form uses."""
        check = self.checks.get(table)
        bounded = limits.COLUMNS.get(table, {})
        if check is not None or bounded:  # after inserting: a row may point to a later one
            for number, row in checked:
                try:
                    for column, limit in bounded.items():
                        check_field(str(row.get(column) or ""), column, limit)
                    if check is not None:
                        check(row)
                except CarnetError as exc:
                    reason = exc.text
                    raise storage_dump.row_error(table, number, "{reason}", reason=reason) from None

    def _person(self, row: dict[str, Any]) -> None:
        person = from_row(Person, row)
        self.household._clean_person(_as(PersonInput, person), PersonId(person.id))

    def _practitioner(self, row: dict[str, Any]) -> None:
        self.household._clean_practitioner(_as(PractitionerInput, from_row(Practitioner, row)))

    def _contract(self, row: dict[str, Any]) -> None:
        self.household._clean_contract(_as(ContractInput, from_row(Contract, row)))

    def _act(self, row: dict[str, Any]) -> None:
        self.care._clean(_as(ActInput, from_row(CareAct, row)), self.named)

    @staticmethod
    def _bank_account(row: dict[str, Any]) -> None:
        check_field(row.get("name", ""), "name", limits.SHORT_NAME, required=True)
        if str(row.get("iban") or "").strip():
            check_iban(str(row["iban"]))

    def _receipt(self, row: dict[str, Any]) -> None:
        receipt = from_row(Receipt, row)
        check_received(receipt.amount_cents, "amount_cents")
        check_date(receipt.received_on, "received_on", today=self.care.today())

    def _bank_line(self, row: dict[str, Any]) -> None:
        # As an import reads them: a day from 1900 to 2199, fewer than 13 digits of euros.
        line = from_row(BankTransaction, row)
        check_date(line.date, "date", today=self.care.today(), allow_future=True)
        if line.date.year > LAST_YEAR:
            raise ValidationError("date", N_("{day} is in the future"), day=line.date)
        if abs(line.amount_cents) >= 10 ** (MAX_EURO_DIGITS + 2):
            raise ValidationError(
                "amount_cents", N_("amount too large: {text}"), text=str(line.amount_cents)
            )

    def _mailing(self, row: dict[str, Any]) -> None:
        mailing = from_row(Mailing, row)
        for field in ("created_on", "printed_on", "mailed_on"):
            check_date(getattr(mailing, field), field, today=self.care.today())

    @staticmethod
    def _abroad(row: dict[str, Any]) -> None:
        abroad = from_row(AbroadCare, row)
        if abroad.amount <= 0:
            raise ValidationError("amount", N_("give the invoice's amount, at most 2 decimals"))
        if abroad.rate <= 0:
            raise ValidationError("rate", N_("give the euros for one unit of the currency"))

    @staticmethod
    def _setting(row: dict[str, Any]) -> None:
        key, value = str(row.get("key", "")), str(row.get("value", ""))
        if key.startswith(PROFILE_PREFIX):
            try:
                CsvMapping.from_toml(value)
            except Exception as exc:  # any library error: the profile cannot be used
                raise DumpError(
                    N_("CSV profile {name} cannot be read ({reason})"),
                    name=key.removeprefix(PROFILE_PREFIX)[:80],
                    reason=str(exc)[:200],
                ) from None
            return
        if key == "household.email":
            check_email(value, key)
            return
        if key in KNOWN or key.startswith(ADDRESS_PREFIX):
            check_field(value, key, limit_of(key))
            return
        if key.startswith(ALIAS_PREFIX):  # the payer's name is the key: bounded as a column
            check_field(value, key, limits.CODE)
            return
        if key == CALENDAR_KEY:  # made by the first calendar export; its events keep their ids
            check_field(value, key, limits.CODE)
            return
        raise DumpError(N_("unknown setting {key}"), key=repr(key)[:80])


def _as(cls: type[Any], record: object) -> Any:
    """The input of a form, with the values of a stored record (same field names)."""
    return cls(**{f.name: getattr(record, f.name) for f in fields(cls)})
