"""A full JSON dump of the ledger, and the checks that make loading one safe.

The dump holds every table of the database (new tables are found, not listed)
and names the schema (the migrations applied) so that a later Carnet can read an
older dump. Loading checks the *shape* of each row here, against the table's own
columns: known columns only, integers within SQLite's 64 bits, text without NUL
bytes and of sane length, valid dates and choices for the tables that hold a
domain record. What the values *mean* (a valid NIR, an act code the rules know)
is checked by the services (``services.json_load``), with the rules a form uses.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from carnet.domain.abroad import AbroadCare
from carnet.domain.attachments import Attachment
from carnet.domain.banking import BankAccount, BankTransaction, Settlement, StatementImport
from carnet.domain.care import CareAct
from carnet.domain.claims import Feuille
from carnet.domain.contracts import Contract
from carnet.domain.errors import CarnetError
from carnet.domain.mailings import Mailing
from carnet.domain.messages import N_, Param
from carnet.domain.payments import ExpectedPayment
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner
from carnet.domain.receipts import PayerDecision, Receipt, ReclamationLine
from carnet.domain.treating import TreatingPeriod
from carnet.storage.migrations import known_migrations
from carnet.storage.repos.codec import from_row
from carnet.storage.schema import FINGERPRINT_DAY_SCHEMA
from carnet.storage.schema_row_status import HELD_STATUS_SCHEMA, TABLE_KEYS_SCHEMA

FORMAT = "carnet-export"
VERSION = 1
# Kept by the database itself (migration bookkeeping, the act count's triggers).
INTERNAL = frozenset({"_sqlite_migrations", "act_count"})
# Worked out by the rules from the acts: recomputed after loading, never trusted (the
# deduction ledger's rows of acts are rewritten by the same pass; its bank rows are kept).
DERIVED = frozenset({"assessment"})
# The lines of an import undone in this window session: they wait aside only for a redo,
# which ends with the session. An export leaves them out (the household sees them gone)
# and a load drops those an older export holds.
LEFT_OUT = frozenset({"bank_line_undone"})
# The domain record each table's rows must make (the others are checked for shape only).
RECORDS: Mapping[str, type] = {
    "act_abroad": AbroadCare,
    "contract": Contract,
    "practitioner": Practitioner,
    "person": Person,
    "care_act": CareAct,
    "mailing": Mailing,
    "feuille": Feuille,
    "expected_payment": ExpectedPayment,
    "bank_account": BankAccount,
    "statement_import": StatementImport,
    "bank_transaction": BankTransaction,
    "settlement": Settlement,
    "attachment": Attachment,
    "treating_doctor": TreatingPeriod,
    "receipt": Receipt,
    "payer_decision": PayerDecision,
    "reclamation_line": ReclamationLine,
}
# JSON columns: what undo replays and what the engine reads must be JSON.
JSON_COLUMNS = frozenset({("event", "before"), ("event", "after")})
MAX_TEXT = 100_000
LOWEST, HIGHEST = -(2**63), 2**63 - 1


class DumpError(CarnetError):
    """A JSON export that cannot be loaded; the message says why (and where)."""


def row_error(table: str, number: int, problem: str, /, **params: Param) -> DumpError:
    """``table person, row 3: …`` (rows counted from 1, as a person reads the file)."""
    from carnet.domain.messages import Message  # noqa: PLC0415 (kept beside its one use)

    return DumpError(
        N_("table {table}, row {row}: {problem}"),
        table=table,
        row=number,
        problem=Message(problem, **params),
    )


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str  # the declared type: INTEGER, TEXT, ...
    required: bool  # NOT NULL without a default
    nullable: bool


def tables(db: Database) -> list[str]:
    """Every table a dump holds, parents before children (foreign keys hold while loading)."""
    names = [
        str(row[0])
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY rowid"
        ).fetchall()
        if row[0] not in INTERNAL
    ]
    parents = {
        name: {str(fk[2]) for fk in db.execute(f"PRAGMA foreign_key_list([{name}])").fetchall()}
        - {name}
        for name in names
    }
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and parents[n] <= set(ordered)]
        ordered += ready or [n for n in names if n not in ordered]  # a cycle: keep file order
    return ordered


def columns(db: Database, table: str) -> dict[str, Column]:
    found: dict[str, Column] = {}
    for _cid, name, kind, notnull, default, pk in db.execute(f"PRAGMA table_info([{table}])"):
        required = bool(notnull) and default is None and not pk
        found[str(name)] = Column(str(name), str(kind).upper(), required, not notnull)
    return found


def dump(db: Database) -> dict[str, Any]:
    names = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": names,
        "tables": {
            t: [] if t in LEFT_OUT else list(db.query(f"SELECT * FROM [{t}] ORDER BY rowid"))
            for t in tables(db)
        },
    }


def check_header(data: object, present: list[str]) -> dict[str, list[Any]]:
    """The ``tables`` of a dump whose header is right, or :class:`DumpError`."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DumpError(N_("not a Carnet export (no 'format': 'carnet-export')"))
    schema = data.get("schema", [])
    if not isinstance(schema, list) or not all(isinstance(name, str) for name in schema):
        raise DumpError(N_("the export's 'schema' is not a list of names"))
    unknown = set(schema) - set(known_migrations())
    if unknown:
        raise DumpError(
            N_("made by a newer Carnet (schema {schema})"),
            schema=", ".join(sorted(unknown))[:200],
        )
    if data.get("version", VERSION) != VERSION:
        raise DumpError(
            N_("export version {version} is not one this Carnet reads"),
            version=repr(data.get("version"))[:40],
        )
    found = data.get("tables")
    if not isinstance(found, dict):
        raise DumpError(N_("the export has no 'tables'"))
    for name, rows in found.items():
        if name not in present:
            raise DumpError(N_("unknown table {table} in the export"), table=repr(name)[:80])
        if not isinstance(rows, list):
            raise DumpError(N_("table {table} is not a list of rows"), table=name)
    return found


def check_rows(
    table: str, wanted: Mapping[str, Column], rows: list[Any], first: int = 1
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each row, numbered from ``first`` (1: the table's first row), once its shape is
    right; :class:`DumpError` at the first that is not."""
    record = RECORDS.get(table)
    for number, row in enumerate(rows, first):
        if not isinstance(row, dict):
            raise row_error(table, number, N_("not an object of columns"))
        for name, value in row.items():
            column = wanted.get(name)
            if column is None:
                unknown = repr(name)[:80]
                raise row_error(table, number, N_("unknown column {column}"), column=unknown)
            problem = _value_problem(table, column, value)
            if problem:
                raise row_error(table, number, problem, column=name)
        missing = [c.name for c in wanted.values() if c.required and c.name not in row]
        if missing:
            raise row_error(table, number, N_("missing column {column}"), column=missing[0])
        if record is not None:
            _check_record(table, number, record, row)
        yield number, row


def _value_problem(table: str, column: Column, value: object) -> str:
    if value is None:
        return "" if column.nullable else N_("{column} is empty")
    if column.kind == "INTEGER":
        if type(value) is not int:
            return N_("{column} is not a whole number")
        if not LOWEST <= value <= HIGHEST:
            return N_("{column} is out of range")
        return ""
    if column.kind == "TEXT":
        if not isinstance(value, str):
            return N_("{column} is not text")
        if "\x00" in value:
            return N_("{column} holds a NUL character")
        if len(value) > MAX_TEXT:
            return N_("{column} is too long")
        if (table, column.name) in JSON_COLUMNS and not _is_json_object(value):
            return N_("{column} is not a JSON object")
        return ""
    if not isinstance(value, int | float | str) or isinstance(value, bool):
        return N_("{column} is not a plain value")
    return ""


def _is_json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except (ValueError, RecursionError):
        return False


def _check_record(table: str, number: int, record: type, row: dict[str, Any]) -> None:
    """The row must make its domain record: real dates, known choices, decimals."""
    try:
        from_row(record, row)
    except (ValueError, TypeError, ArithmeticError, KeyError, RecursionError) as exc:
        reason = str(exc)[:200]
        raise row_error(table, number, N_("unreadable value ({reason})"), reason=reason) from None


def insert_rows(db: Database, table: str, rows: list[tuple[int, dict[str, Any]]]) -> None:
    """Insert the (checked, numbered) rows, grouped by the columns they give.

    A row the database refuses (a CHECK, a unique key) is named in the message. The
    rows go to ``executemany`` one at a time, so the last one handed over is the one
    it refused; the caller's transaction then takes every row back. (A savepoint to
    find it again would cost, with the in-memory statement journals of
    ``storage.database``, a walk of that savepoint's journal at each row.)
    """
    groups: dict[tuple[str, ...], list[tuple[int, tuple[Any, ...]]]] = {}
    for number, row in rows:
        groups.setdefault(tuple(row), []).append((number, tuple(row.values())))
    for names, values in groups.items():
        columns_sql = ", ".join(f"[{name}]" for name in names)
        sql = f"INSERT INTO [{table}] ({columns_sql}) VALUES ({', '.join('?' * len(names))})"
        _insert_group(db, table, sql, values)


def _insert_group(
    db: Database, table: str, sql: str, values: list[tuple[int, tuple[Any, ...]]]
) -> None:
    handed = 0

    def one_by_one() -> Iterator[tuple[Any, ...]]:
        nonlocal handed
        for number, value in values:
            handed = number
            yield value

    try:
        db.conn.executemany(sql, one_by_one())
    except sqlite3.IntegrityError as exc:
        reason = str(exc)[:200]
        raise row_error(
            table, handed, N_("refused by the database ({reason})"), reason=reason
        ) from None


def refresh_act_keys(db: Database) -> None:
    """Recompute the care table's copied keys (shares, row status) from their sources."""
    for statement in TABLE_KEYS_SCHEMA[4:6]:
        db.execute(statement)
    db.execute(HELD_STATUS_SCHEMA[-1])  # the row status as 0009 defines it (held first)


def rewrite_old_values(db: Database) -> None:
    """Values an export made before a migration holds in their old form, rewritten as that
    migration rewrote the database's (0014: a row's fingerprint gets its day). Each
    statement leaves a value already in the new form as it is."""
    for statement in FINGERPRINT_DAY_SCHEMA:
        db.execute(statement)


def broken_link(db: Database) -> DumpError | None:
    """The first row pointing to a missing parent, as an error (``None``: all links hold)."""
    found = db.execute("PRAGMA foreign_key_check").fetchone()
    if found is None:
        return None
    table, rowid, parent, key = found
    column = db.execute(f"PRAGMA foreign_key_list([{table}])").fetchall()
    named = [str(row[3]) for row in column if row[0] == key]
    return DumpError(
        N_("table {table}, the row with id {ident}: {column} points to a missing {parent}"),
        table=table,
        ident=rowid,
        column=named[0] if named else "?",
        parent=parent,
    )
