"""A full JSON dump of the ledger, and loading it into an empty database.

The dump names the schema (the migrations applied) so that a later Carnet can
read an older dump: it loads into a database at that schema, then migrates.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from carnet.domain.errors import CarnetError
from carnet.domain.messages import N_
from carnet.storage.migrations import known_migrations

FORMAT = "carnet-export"
VERSION = 1
# Parents before children, so that foreign keys hold while loading.
TABLES = (
    "contract",
    "practitioner",
    "person",
    "treating_doctor",
    "care_act",
    "assessment",
    "mailing",
    "feuille",
    "feuille_act",
    "expected_payment",
    "bank_account",
    "statement_import",
    "bank_transaction",
    "settlement",
    "deduction_ledger",
    "act_abroad",
    "road_step",
    "operation",
    "event",
    "setting",
)


class DumpError(CarnetError):
    """A JSON export that cannot be loaded; the message says why."""


def dump(db: Database) -> dict[str, Any]:
    names = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    present = set(db.table_names())
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": names,
        "tables": {
            t: list(db.query(f"SELECT * FROM [{t}] ORDER BY rowid")) for t in TABLES if t in present
        },
    }


def load(db: Database, data: dict[str, Any]) -> int:
    """Insert every row of ``data`` into the (empty, migrated) ``db``; returns the row count."""
    if data.get("format") != FORMAT:
        raise DumpError(N_("not a Carnet export (no 'format': 'carnet-export')"))
    unknown = set(data.get("schema", [])) - set(known_migrations())
    if unknown:
        raise DumpError(
            N_("made by a newer Carnet (schema {schema})"), schema=", ".join(sorted(unknown))
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise DumpError(N_("the export has no 'tables'"))
    if any(db.execute(f"SELECT 1 FROM [{t}] LIMIT 1").fetchone() for t in TABLES if t in tables):
        raise DumpError(N_("load an export only into a new, empty database"))
    count = 0
    for table in TABLES:
        rows = tables.get(table, [])
        if rows:
            db.table(table).insert_all(rows, batch_size=1000)
            count += len(rows)
    return count
