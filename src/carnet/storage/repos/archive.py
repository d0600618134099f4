"""Records the household archived: hidden from lists and forms, kept with their history."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from carnet.domain.archive import ArchiveMark
from carnet.domain.errors import NotFoundError


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


class ArchiveMarks:
    """The archive marks of one kind of record, read and written as undo does a table's rows."""

    def __init__(self, db: Database, entity: str) -> None:
        self.repo = ArchiveRepo(db)
        self.entity = entity

    def exists(self, ident: int) -> bool:
        return self._archived_on(ident) is not None

    def get(self, ident: int) -> ArchiveMark:
        day = self._archived_on(ident)
        if day is None:
            raise NotFoundError(self.entity, ident)
        return ArchiveMark(self.entity, ident, date.fromisoformat(day))

    def _archived_on(self, ident: int) -> str | None:
        row = self.repo.db.execute(
            "SELECT archived_on FROM archived WHERE entity = ? AND entity_id = ?",
            [self.entity, ident],
        ).fetchone()
        return None if row is None else str(row[0])

    def put(self, mark: ArchiveMark) -> None:
        self.repo.add(mark.entity, mark.entity_id, mark.archived_on)

    def delete(self, ident: int) -> None:
        self.repo.remove(self.entity, ident)
