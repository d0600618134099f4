"""Migration 0008: ids that are never handed out twice (``AUTOINCREMENT``).

Without ``AUTOINCREMENT`` SQLite gives a new row the largest id in the table plus
one: delete (or undo) the newest act and the next act gets its id, and with it the
deleted act's event history and attachments. Each table the event history points at
is rebuilt with ``AUTOINCREMENT`` (SQLite cannot add it in place: the documented
"make other kinds of table schema changes" procedure), and its counter starts past
every id the history ever recorded, so that ids deleted before this migration stay
retired too.
"""

from __future__ import annotations

import re

from sqlite_utils import Database

# The event history's entity word → the table it points at.
HISTORY_TABLES: dict[str, str] = {
    "person": "person",
    "practitioner": "practitioner",
    "contract": "contract",
    "act": "care_act",
    "mailing": "mailing",
    "feuille": "feuille",
    "bank_account": "bank_account",
    "statement_import": "statement_import",
    "bank_transaction": "bank_transaction",
    "attachment": "attachment",
    "treating_doctor": "treating_doctor",
    "act_abroad": "act_abroad",
    "road_step": "road_step",
    "receipt": "receipt",
    "payer_decision": "payer_decision",
    "reclamation_line": "reclamation_line",
}

_KEY = re.compile(r"\bid INTEGER PRIMARY KEY\b(?! AUTOINCREMENT)")


def never_reuse_ids(db: Database) -> None:
    """Rebuild each history table with ``AUTOINCREMENT``; foreign keys must be off."""
    # The rename must not rewrite (and so check) triggers of other tables that name the
    # table while it is being replaced; they name it again once the rename is done.
    db.execute("PRAGMA legacy_alter_table = ON")
    try:
        for entity, table in HISTORY_TABLES.items():
            if table in db.table_names():
                _rebuild(db, table)
                _retire_past_ids(db, entity, table)
    finally:
        db.execute("PRAGMA legacy_alter_table = OFF")


def _rebuild(db: Database, table: str) -> None:
    (create,) = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()
    if "AUTOINCREMENT" in create.upper():
        return
    companions = [
        row[0]
        for row in db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL",
            [table],
        ).fetchall()
    ]
    staged = f"{table}_autoincrement"
    new_create = _KEY.sub("id INTEGER PRIMARY KEY AUTOINCREMENT", create, count=1)
    new_create = re.sub(
        rf"^CREATE TABLE \"?{table}\"?", f"CREATE TABLE {staged}", new_create, count=1
    )
    db.execute(new_create)
    db.execute(f"INSERT INTO {staged} SELECT * FROM [{table}]")
    db.execute(f"DROP TABLE [{table}]")
    db.execute(f"ALTER TABLE {staged} RENAME TO [{table}]")
    for statement in companions:
        db.execute(statement)


def _retire_past_ids(db: Database, entity: str, table: str) -> None:
    (highest,) = db.execute(
        f"SELECT max(coalesce((SELECT max(id) FROM [{table}]), 0), "
        "coalesce((SELECT max(entity_id) FROM event WHERE entity = ?), 0))",
        [entity],
    ).fetchone()
    db.execute("DELETE FROM sqlite_sequence WHERE name = ?", [table])
    db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [table, highest])
