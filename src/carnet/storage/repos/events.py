"""The append-only event history (the database refuses updates and deletions)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from sqlite_utils import Database

from carnet.domain.events import Event
from carnet.domain.ids import EventId
from carnet.storage.repos.records import row_json


class _Identified(Protocol):
    @property
    def id(self) -> int: ...


class EventLog:
    def __init__(self, db: Database) -> None:
        self.db = db

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
        self.db.table("event").insert(
            {
                "entity": entity,
                "entity_id": entity_id,
                "action": action,
                "before": None if before is None else row_json(before),
                "after": None if after is None else row_json(after),
                "source": source,
            }
        )

    def record_many(self, entity: str, action: str, records: Sequence[_Identified]) -> None:
        """Append one ``action`` event per record (each must have an ``id``)."""
        rows = [
            {
                "entity": entity,
                "entity_id": r.id,
                "action": action,
                "before": None,
                "after": row_json(r),
                "source": "user",
            }
            for r in records
        ]
        self.db.table("event").insert_all(rows, batch_size=1000)

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
