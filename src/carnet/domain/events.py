"""The append-only history of what happened to each record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from carnet.domain.ids import EventId


@dataclass(frozen=True, slots=True)
class Event:
    """One change: ``entity``/``entity_id`` it touched, ``action`` and before/after JSON."""

    id: EventId
    at: datetime
    entity: str
    entity_id: int
    action: str
    before: str | None
    after: str | None
    source: str = "user"
