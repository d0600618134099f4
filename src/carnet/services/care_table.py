"""The care table's questions: which acts a filter leaves, in order, and their rows.

Kept apart from :mod:`carnet.services.care` on purpose: the window's first
screen needs only these reads, and importing the rules engine and the write
side would cost start-up time for nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from carnet.domain.act_query import ActQuery, ActSummary
from carnet.domain.ids import ActId, PersonId, PractitionerId
from carnet.storage.store import Store


class CareTableService:
    """Read-only: answers the care table page by page."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def ids(self, query: ActQuery, limit: int | None = None) -> list[ActId]:
        """Every act that passes ``query``'s filters, in its order (or the first ``limit``)."""
        return self.store.act_table.ids(query, limit)

    def rows(self, ids: Sequence[ActId]) -> list[ActSummary]:
        """The rows of ``ids`` in that order (acts deleted meanwhile are left out)."""
        return self.store.act_table.rows(ids)

    def latest_codes(self) -> dict[PractitionerId, str]:
        """The last act code used with each practitioner (proposed when logging an act)."""
        return self.store.act_table.latest_codes()

    def people(self) -> list[tuple[PersonId, str]]:
        """``(id, full name)`` of everyone, in alphabetical order (the person filter)."""
        return self.store.act_table.people()

    def count(self) -> int:
        return self.store.count_acts()
