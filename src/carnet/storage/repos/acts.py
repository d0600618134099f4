"""Care acts, and the joined read model behind the care table."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlite_utils import Database

from carnet.domain.care import ActSummary, CareAct, Channel, PaymentMode
from carnet.domain.ids import ActId, PersonId
from carnet.domain.money import Cents
from carnet.storage.repos.records import RecordRepo

_SUMMARY_SQL = """
SELECT a.id, a.date, a.person_id, a.act_code, a.category, a.fee_cents, a.channel,
       a.payment_mode,
       trim(p.first_name || ' ' || p.last_name) AS person_name,
       coalesce(pr.name, '') AS practitioner_name,
       s.amo_cents, s.amc_cents, s.patient_cents,
       coalesce((SELECT CASE
                   WHEN count(*) = 0 THEN 'nothing-expected'
                   WHEN sum(e.status IN ('paid', 'written-off')) = count(*) THEN 'settled'
                   WHEN sum(e.status = 'partly-paid') > 0
                        OR sum(e.status = 'paid') > 0 THEN 'partly-paid'
                   ELSE 'pending' END
                 FROM expected_payment e WHERE e.act_id = a.id), 'pending') AS status
FROM care_act a
JOIN person p ON p.id = a.person_id
LEFT JOIN practitioner pr ON pr.id = a.practitioner_id
LEFT JOIN assessment s ON s.act_id = a.id
"""


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

    def summaries(self, act_id: ActId | None = None) -> list[ActSummary]:
        """Every act (or one) with its names and assessed shares, newest first."""
        sql = _SUMMARY_SQL
        params: list[Any] = []
        if act_id is not None:
            sql += " WHERE a.id = ?"
            params.append(act_id)
        sql += " ORDER BY a.date DESC, a.id DESC"
        return list(_summaries(self.db.execute(sql, params).fetchall()))

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM care_act").fetchone()[0])


def _summaries(rows: list[tuple[Any, ...]]) -> Iterator[ActSummary]:

    # Positional unpacking: this runs for every row of a 100 000-act table.
    for (
        ident,
        day,
        person_id,
        code,
        category,
        fee,
        channel,
        mode,
        person,
        practitioner,
        amo,
        amc,
        patient,
        status,
    ) in rows:
        yield ActSummary(
            id=ActId(ident),
            date=date.fromisoformat(day),
            person_id=PersonId(person_id),
            person_name=person,
            practitioner_name=practitioner,
            act_code=code,
            category=category,
            fee_cents=Cents(fee),
            amo_cents=None if amo is None else Cents(amo),
            amc_cents=None if amc is None else Cents(amc),
            patient_cents=None if patient is None else Cents(patient),
            channel=Channel(channel),
            payment_mode=PaymentMode(mode),
            status=status,
        )
