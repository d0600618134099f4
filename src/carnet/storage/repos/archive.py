"""Records the household archived: hidden from lists and forms, kept with their history."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database


class ArchiveRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def ids(self, entity: str) -> set[int]:
        rows = self.db.execute("SELECT entity_id FROM archived WHERE entity = ?", [entity])
        return {ident for (ident,) in rows.fetchall()}

    def add(self, entity: str, ident: int, day: date) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO archived (entity, entity_id, archived_on) VALUES (?, ?, ?)",
            [entity, ident, day.isoformat()],
        )

    def remove(self, entity: str, ident: int) -> None:
        self.db.execute("DELETE FROM archived WHERE entity = ? AND entity_id = ?", [entity, ident])

    def uses(self, sql: str, ident: int) -> int:
        """How many rows ``sql`` (one ``?`` for the id) counts: what still points at a record."""
        (count,) = self.db.execute(sql, [ident]).fetchone()
        return int(count)
