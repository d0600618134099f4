"""The lines of a statement import, written and taken back in bulk.

An import of 300 000 lines writes plain tuples with ``executemany`` (no record is built
per line) and asks the database, one slice at a time, which fingerprints it already
holds, so that nothing of the account is loaded whole. Its history is one event for
the import: undo moves the import's lines aside into ``bank_line_undone`` (migration
0013) and redo moves them back, with their ids, in two statements each. Redo lasts one
window session: the next window to open drops what still waits aside.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from carnet.domain.ids import BankAccountId, ImportId
from carnet.storage.repos.records import NOW_SQL

if TYPE_CHECKING:
    from sqlite_utils import Database

# The columns an import writes, in the order of the tuples given to ``add``.
COLUMNS = (
    "account_id",
    "import_id",
    "date",
    "amount_cents",
    "label",
    "counterparty",
    "bank_ref",
    "fingerprint",
    "payer_type",
    "health",
)
_KEPT = "id, " + ", ".join(COLUMNS) + ", created_at, updated_at"
LineRow = tuple[int, int, str, int, str, str, str, str, str | None, int]


class ImportLines:
    def __init__(self, db: Database) -> None:
        self.db = db

    def known(self, account_id: BankAccountId, fingerprints: Sequence[str]) -> set[str]:
        """Those of ``fingerprints`` the account already holds (one query, the unique index)."""
        rows = self.db.execute(
            "SELECT fingerprint FROM bank_transaction WHERE account_id = ? AND fingerprint IN "
            "(SELECT value FROM json_each(?))",
            [account_id, json.dumps(list(fingerprints))],
        ).fetchall()
        return {str(row[0]) for row in rows}

    def twins(self, import_id: ImportId, format_: str) -> int:
        """How many lines of the import share their day and amount with a line of the same
        account that an import of another format brought.

        Fingerprints tell a statement read again, not the same operations exported in
        another format (an OFX names them by the bank's reference, a CSV by their text).
        """
        if not self._other_formats(import_id, format_):
            return 0
        (found,) = self.db.execute(
            "SELECT count(*) FROM bank_transaction AS new WHERE new.import_id = ? AND EXISTS ("
            " SELECT 1 FROM bank_transaction AS old"
            " JOIN statement_import AS earlier ON earlier.id = old.import_id"
            " WHERE old.account_id = new.account_id AND old.date = new.date"
            " AND old.amount_cents = new.amount_cents AND earlier.format != ?)",
            [import_id, format_],
        ).fetchone()
        return int(found)

    def _other_formats(self, import_id: ImportId, format_: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM statement_import AS earlier"
            " JOIN statement_import AS this ON this.account_id = earlier.account_id"
            " WHERE this.id = ? AND earlier.id != this.id AND earlier.format != ? LIMIT 1",
            [import_id, format_],
        ).fetchone()
        return row is not None

    def add(self, rows: Sequence[LineRow]) -> None:
        """Insert lines given as tuples in the order of :data:`COLUMNS`.

        The lines written together share one time of creation, read once: the columns'
        default would ask the clock again for every line.
        """
        (stamp,) = self.db.execute(f"SELECT {NOW_SQL}").fetchone()
        marks = ", ".join("?" * (len(COLUMNS) + 2))
        self.db.conn.executemany(
            f"INSERT INTO bank_transaction ({', '.join(COLUMNS)}, created_at, updated_at) "
            f"VALUES ({marks})",
            [(*row, stamp, stamp) for row in rows],
        )

    def park(self, import_id: ImportId) -> int:
        """Undo: move the import's lines aside; returns how many."""
        return self._move(import_id, "bank_transaction", "bank_line_undone")

    def unpark(self, import_id: ImportId) -> int:
        """Redo: put back what :meth:`park` moved aside, ids included."""
        return self._move(import_id, "bank_line_undone", "bank_transaction")

    def parked(self) -> int:
        """How many lines wait aside for a redo."""
        return int(self.db.execute("SELECT count(*) FROM bank_line_undone").fetchone()[0])

    def forget_parked(self) -> int:
        """Drop every line that waits aside; returns how many."""
        return int(self.db.execute("DELETE FROM bank_line_undone").rowcount)

    def _move(self, import_id: ImportId, source: str, target: str) -> int:
        self.db.execute(
            f"INSERT INTO {target} ({_KEPT}) SELECT {_KEPT} FROM {source} WHERE import_id = ?",
            [import_id],
        )
        cursor = self.db.execute(f"DELETE FROM {source} WHERE import_id = ?", [import_id])
        return int(cursor.rowcount)
