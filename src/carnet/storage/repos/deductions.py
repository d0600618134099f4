"""The deduction ledger: participation forfaitaire and franchises charged per person-year.

It is derived from the assessments (rewritten whenever a person-year is
reassessed) so that caps, summaries and bank matching read one table instead of
re-running the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from carnet.domain.assessment import Assessment
from carnet.domain.care import CareAct
from carnet.domain.ids import PersonId

if TYPE_CHECKING:
    from sqlite_utils import Database


class DeductionRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def replace_year(
        self, person_id: PersonId, year: int, assessed: list[tuple[CareAct, Assessment]]
    ) -> None:
        self.db.execute(
            "DELETE FROM deduction_ledger WHERE person_id = ? AND year = ? AND act_id IS NOT NULL",
            [person_id, year],
        )
        rows = [
            {
                "person_id": person_id,
                "year": year,
                "date": act.date.isoformat(),
                "kind": kind,
                "amount_cents": amount,
                "act_id": act.id,
            }
            for act, assessment in assessed
            for kind, amount in (
                ("participation", assessment.participation_cents),
                ("franchise", assessment.franchise_cents),
                ("withheld", assessment.withheld_cents),
            )
            if amount > 0
        ]
        if rows:
            self.db.table("deduction_ledger").insert_all(rows)

    def year_totals(self, person_id: PersonId, year: int) -> dict[str, int]:
        """Cents charged per kind (participation, franchise, withheld) in ``year``."""
        rows = self.db.execute(
            "SELECT kind, sum(amount_cents) FROM deduction_ledger "
            "WHERE person_id = ? AND year = ? GROUP BY kind",
            [person_id, year],
        ).fetchall()
        return {str(kind): int(total) for kind, total in rows}
