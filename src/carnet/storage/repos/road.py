"""Rows of ``road_step``: the steps of the newcomer's road a person has taken."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from carnet.domain.ids import PersonId
from carnet.domain.road import RoadRecord, Step
from carnet.storage.repos.records import RecordRepo

if TYPE_CHECKING:
    from sqlite_utils import Database


class RoadRepo(RecordRepo[RoadRecord]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, "road_step", RoadRecord, "step of the road")

    def for_person(self, person_id: PersonId) -> dict[Step, RoadRecord]:
        return {r.step: r for r in self.list("person_id = ?", [person_id])}

    def all_by_person(self) -> dict[PersonId, dict[Step, RoadRecord]]:
        found: dict[PersonId, dict[Step, RoadRecord]] = defaultdict(dict)
        for record in self.list():
            found[record.person_id][record.step] = record
        return dict(found)

    def ending(self) -> list[RoadRecord]:
        """Steps with an end date (rights, the European card): the calendar reminds of them."""
        return self.list("until IS NOT NULL", order_by="until, id")
