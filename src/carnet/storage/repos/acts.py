"""Care acts, and the joined read model behind the care table."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from carnet.domain.act_query import ActSummary
from carnet.domain.care import CareAct
from carnet.domain.ids import ActId, PersonId
from carnet.storage.repos.act_table import SUMMARY_SQL, summaries
from carnet.storage.repos.records import RecordRepo

if TYPE_CHECKING:
    from sqlite_utils import Database


class ActRepo(RecordRepo[CareAct]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, "care_act", CareAct, "act")

    def set_categories(self, items: list[tuple[ActId, str]]) -> None:
        """Record the category the engine gave each act (for filters and summaries)."""
        self.db.conn.executemany(
            "UPDATE care_act SET category = ? WHERE id = ? AND category <> ?",
            [(category, act_id, category) for act_id, category in items],
        )

    def for_person_year(self, person_id: PersonId, year: int) -> list[CareAct]:
        return self.list(
            "person_id = ? AND date >= ? AND date <= ?",
            [person_id, f"{year}-01-01", f"{year}-12-31"],
            order_by="date, id",
        )

    def person_years(self, where: str, params: list[Any]) -> set[tuple[PersonId, int]]:
        """The (person, year) pairs of the acts matching ``where`` (on ``care_act`` columns)."""
        rows = self.db.execute(
            f"SELECT DISTINCT person_id, CAST(substr(date, 1, 4) AS INTEGER) FROM care_act "
            f"WHERE {where}",
            params,
        ).fetchall()
        return {(PersonId(person), int(year)) for person, year in rows}

    def summaries(
        self, act_id: ActId | None = None, *, between: tuple[date, date] | None = None
    ) -> list[ActSummary]:
        """Every act (or one, or those of a period, both days included) with its names and
        assessed shares, newest first."""
        sql = SUMMARY_SQL
        params: list[Any] = []
        if act_id is not None:
            sql += " WHERE a.id = ?"
            params.append(act_id)
        elif between is not None:
            sql += " WHERE a.date BETWEEN ? AND ?"
            params += [between[0].isoformat(), between[1].isoformat()]
        sql += " ORDER BY a.date DESC, a.id DESC"
        return list(summaries(self.db.execute(sql, params).fetchall()))

    def years(self) -> list[int]:
        """The calendar years that have acts, earliest first."""
        sql = "SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) FROM care_act ORDER BY 1"
        return [int(year) for (year,) in self.db.execute(sql).fetchall()]
