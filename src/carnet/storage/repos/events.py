"""The append-only event history (the database refuses updates and deletions)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from carnet.domain.events import Event
from carnet.domain.ids import EventId
from carnet.storage.repos.codec import Row, encode, to_row, to_sorted_json
from carnet.storage.repos.records import insert_row, row_json
from carnet.storage.schema import NO_UPDATE_TRIGGER

if TYPE_CHECKING:
    from sqlite_utils import Database


class _Identified(Protocol):
    @property
    def id(self) -> int: ...


class EventLog:
    """Events are grouped by operation (one service call); ``op`` is the one under way."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.op: int | None = None

    def begin_op(self, label: str, kind: str = "do", target: int | None = None) -> int:
        row = {"label": label, "kind": kind, "target": target}
        self.op = insert_row(self.db, "operation", row)  # plain SQL: one per service call
        return self.op

    def end_op(self) -> int | None:
        """Close the operation; returns its id if it recorded any event."""
        op, self.op = self.op, None
        if op is None:
            return None
        found = self.db.execute("SELECT 1 FROM event WHERE op = ? LIMIT 1", [op]).fetchone()
        if found is None:  # nothing changed: no trace in the history, nothing to undo
            self.db.execute("DELETE FROM operation WHERE id = ?", [op])
            return None
        return op

    def events_of(self, op: int) -> list[Event]:
        rows = self.db.query("SELECT * FROM event WHERE op = ? ORDER BY id", [op])
        return [_event(row) for row in rows]

    def label_of(self, op: int) -> str:
        row = self.db.execute("SELECT label FROM operation WHERE id = ?", [op]).fetchone()
        return "" if row is None else str(row[0])

    def record(
        self,
        entity: str,
        entity_id: int,
        action: str,
        before: object | None = None,
        *,
        after: object | None = None,
        source: str = "user",
    ) -> None:
        """Append one event; ``before``/``after`` are domain records (stored as JSON)."""
        insert_row(
            self.db,
            "event",
            {
                "entity": entity,
                "entity_id": entity_id,
                "action": action,
                "before": None if before is None else row_json(before),
                "after": None if after is None else row_json(after),
                "source": source,
                "op": self.op,
            },
        )

    def record_many(self, entity: str, action: str, records: Sequence[_Identified]) -> None:
        """Append one ``action`` event per record (each must have an ``id``)."""
        self.db.conn.executemany(
            "INSERT INTO event (entity, entity_id, action, before, after, source, op) "
            "VALUES (?, ?, ?, NULL, ?, 'user', ?)",
            [(entity, r.id, action, row_json(r), self.op) for r in records],
        )

    def record_rows(self, entity: str, action: str, rows: Sequence[Row]) -> None:
        """Like :meth:`record_many`, from rows as written (with their ``id``)."""
        self.db.conn.executemany(
            "INSERT INTO event (entity, entity_id, action, before, after, source, op) "
            "VALUES (?, ?, ?, NULL, ?, 'user', ?)",
            [
                (
                    entity,
                    row["id"],
                    action,
                    to_sorted_json(row),
                    self.op,
                )
                for row in rows
            ],
        )

    def record_steps(
        self,
        entity: str,
        steps: Sequence[tuple[int, str, object, object]],
        changed: tuple[str, ...],
    ) -> None:
        """Append one event per (id, action, before, after), in one statement.

        Only the fields ``changed`` differ between before and after: the after row is
        the before row with those re-encoded (a bulk step records thousands).
        """
        rows = []
        for ident, action, before, after in steps:
            row: Row = to_row(before, skip=())
            done = row.copy()
            for name in changed:
                done[name] = encode(getattr(after, name))
            rows.append((entity, ident, action, to_sorted_json(row), to_sorted_json(done), self.op))
        self.db.conn.executemany(
            "INSERT INTO event (entity, entity_id, action, before, after, source, op) "
            "VALUES (?, ?, ?, ?, ?, 'user', ?)",
            rows,
        )

    def record_settlement(
        self,
        transaction_id: int,
        allocations: list[tuple[int, int]],
        recovered: tuple[int, str, int] | None,
    ) -> None:
        """A confirmed match, with what undo and redo need to take it back or again."""
        after = json.dumps({"allocations": allocations, "recovered": recovered})
        insert_row(
            self.db,
            "event",
            {
                "entity": "settlement",
                "entity_id": transaction_id,
                "action": "confirmed",
                "before": None,
                "after": after,
                "source": "user",
                "op": self.op,
            },
        )

    def erase_fields(self, entity: str, entity_id: int, values: dict[str, object]) -> int:
        """Overwrite ``values`` in every history entry of one record; returns how many.

        The only change ever made to past entries, for a person's right to be
        forgotten: the append-only trigger is lifted for this transaction alone (a
        failure rolls its removal back with everything else) and put back at once.
        """
        conn = self.db.conn
        assert conn.in_transaction, "erase_fields runs inside a write transaction"
        rows = conn.execute(
            "SELECT id, before, after FROM event WHERE entity = ? AND entity_id = ?",
            [entity, entity_id],
        ).fetchall()
        conn.execute("DROP TRIGGER event_no_update")
        for event_id, before, after in rows:
            conn.execute(
                "UPDATE event SET before = ?, after = ? WHERE id = ?",
                [_overwritten(before, values), _overwritten(after, values), event_id],
            )
        conn.execute(NO_UPDATE_TRIGGER)
        return len(rows)

    def for_entity(self, entity: str, entity_id: int) -> list[Event]:
        rows = self.db.query(
            "SELECT * FROM event WHERE entity = ? AND entity_id = ? ORDER BY id",
            [entity, entity_id],
        )
        return [_event(row) for row in rows]

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM event").fetchone()[0])


def _event(row: dict[str, object]) -> Event:
    at = datetime.fromisoformat(str(row["at"]).replace("Z", "+00:00"))
    return Event(
        id=EventId(int(str(row["id"]))),
        at=at,
        entity=str(row["entity"]),
        entity_id=int(str(row["entity_id"])),
        action=str(row["action"]),
        before=None if row["before"] is None else str(row["before"]),
        after=None if row["after"] is None else str(row["after"]),
        source=str(row["source"]),
    )


def _overwritten(text: str | None, values: dict[str, object]) -> str | None:
    if text is None:
        return None
    row = json.loads(text)
    row.update({k: v for k, v in values.items() if k in row})
    return json.dumps(row, ensure_ascii=False, sort_keys=True)
