"""A small generic repository for tables whose rows mirror one domain dataclass."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from carnet.domain.errors import NotFoundError
from carnet.storage.repos.codec import Row, from_row, from_rows, to_json, to_row, to_sorted_json

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")

NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


class RecordRepo(Generic[T]):
    """Insert, update, read and list the rows of ``table`` as ``cls`` records."""

    def __init__(self, db: Database, table: str, cls: type[T], kind: str) -> None:
        self.db = db
        self.table = table
        self.cls = cls
        self.kind = kind  # the word used in messages: "person", "act", ...

    def insert(self, data: object) -> T:
        return self.get(insert_row(self.db, self.table, to_row(data)))

    def insert_many(self, items: list[object]) -> list[T]:
        """Insert many rows at once (imports, demo data); returns them in order, with ids.

        Ids are assigned here from the current maximum: callers hold the write
        lock (``BEGIN IMMEDIATE``), so nobody else can take them meanwhile. The rows
        are not read back: each record is its input with the id it was given.
        """
        return self.from_rows(self.insert_rows(items))

    def from_rows(self, rows: list[Row]) -> list[T]:
        """The records of rows as :meth:`insert_rows` answers them."""
        return [from_row(self.cls, row) for row in rows]

    def insert_rows(self, items: list[object]) -> list[Row]:
        """Like :meth:`insert_many`, answering the rows as written (columns, with ids).

        For bulk paths that only log what they wrote: no record is built back.
        """
        if not items:
            return []
        start = last_id(self.db, self.table)
        rows = [{"id": start + n, **to_row(item)} for n, item in enumerate(items, 1)]
        names = list(rows[0])
        sql = (
            f"INSERT INTO [{self.table}] ({', '.join(f'[{name}]' for name in names)}) "
            f"VALUES ({', '.join('?' * len(names))})"
        )
        self.db.conn.executemany(
            sql, [[_column_value(row[name]) for name in names] for row in rows]
        )
        return rows

    def update(self, ident: int, data: object) -> tuple[T, T]:
        """Replace the editable columns of row ``ident``; returns (before, after)."""
        before = self.get(ident)
        row = to_row(data)
        assignments = ", ".join(f"[{name}] = ?" for name in row)
        self.db.execute(
            f"UPDATE [{self.table}] SET {assignments}, updated_at = {NOW_SQL} WHERE id = ?",
            [*row.values(), ident],
        )
        return before, self.get(ident)

    def put(self, record: object) -> None:
        """Write ``record`` with its own id: update the row if it exists, insert it if not.

        Undo and redo restore rows this way. Never ``INSERT OR REPLACE``: replacing
        deletes the old row first, and the cascade would wipe what hangs off it.
        """
        row = to_row(record, skip=())
        ident = row.pop("id")
        if self.exists(ident):
            self.update(ident, record)
        else:
            self.db.table(self.table).insert({"id": ident, **row})

    def get(self, ident: int) -> T:
        # Plain SQL: sqlite-utils' Table.get reads the table's schema on every call,
        # which bulk paths (the demo's paperwork, loading a file) make by the thousand.
        cursor = self.db.conn.execute(f"SELECT * FROM [{self.table}] WHERE id = ?", [ident])
        found = cursor.fetchone()
        if found is None:
            raise NotFoundError(self.kind, ident)
        names = [column[0] for column in cursor.description]
        return from_row(self.cls, dict(zip(names, found, strict=True)))

    def exists(self, ident: int) -> bool:
        sql = f"SELECT 1 FROM [{self.table}] WHERE id = ?"
        return self.db.execute(sql, [ident]).fetchone() is not None

    def list(
        self, where: str | None = None, params: Iterable[Any] = (), order_by: str = "id"
    ) -> list[T]:
        # Plain SQL, as in get: the bulk paths list thousands of feuilles and acts.
        sql = f"SELECT * FROM [{self.table}]"
        if where:
            sql += f" WHERE {where}"
        cursor = self.db.conn.execute(f"{sql} ORDER BY {order_by}", list(params))
        return from_rows(self.cls, [column[0] for column in cursor.description], cursor)

    def delete(self, ident: int) -> T:
        before = self.get(ident)
        self.db.table(self.table).delete(ident)
        return before


def last_id(db: Database, table: str) -> int:
    """The highest id ``table`` ever gave, deleted rows included (ids are never reused).

    Tables the history points at count their ids in ``sqlite_sequence`` (AUTOINCREMENT,
    migration 0008): rows given ids here must start past it, not past today's largest.
    """
    (highest,) = db.execute(
        f"SELECT max(coalesce((SELECT max(id) FROM [{table}]), 0), coalesce((SELECT seq "
        "FROM sqlite_sequence WHERE name = ?), 0))",
        [table],
    ).fetchone()
    return int(highest)


def insert_row(db: Database, table: str, row: Row) -> int:
    """Insert one row of plain column values; returns its id.

    Plain SQL rather than ``Table.insert``, which inspects the table on each call.
    Nested records (dicts) and lists are stored as JSON, as sqlite-utils does.
    """
    names = ", ".join(f"[{name}]" for name in row)
    marks = ", ".join("?" * len(row))
    values = [_column_value(value) for value in row.values()]
    cursor = db.conn.execute(f"INSERT INTO [{table}] ({names}) VALUES ({marks})", values)
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _column_value(value: object) -> object:
    if isinstance(value, dict | list):
        return to_json(value)
    return value


def row_json(record: object) -> str:
    """A record as JSON for the event history (all fields, ``id`` included)."""
    row: Row = to_row(record, skip=())
    return to_sorted_json(row)
