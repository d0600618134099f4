"""Stored assessments (one per act) and the expected payments they produce."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from sqlite_utils import Database

from carnet.domain.assessment import Assessment, Explanation
from carnet.domain.ids import ActId, ExpectedPaymentId
from carnet.domain.money import Cents
from carnet.domain.payments import ExpectedPayment
from carnet.storage.repos.codec import from_row, to_row

_MONEY = (
    "fee_cents",
    "base_cents",
    "amo_cents",
    "participation_cents",
    "franchise_cents",
    "amc_cents",
    "patient_cents",
    "depassement_cents",
    "withheld_cents",
)


class AssessmentRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, act_id: ActId, assessment: Assessment) -> None:
        row: dict[str, Any] = {name: getattr(assessment, name) for name in _MONEY}
        row.update(
            act_id=act_id,
            category=assessment.category,
            amo_rate=str(assessment.amo_rate),
            deadline=assessment.deadline.isoformat(),
            explanation=json.dumps(
                [[line.code, dict(line.params)] for line in assessment.explanation],
                ensure_ascii=False,
            ),
            rules_version=assessment.rules_version,
            amo_to_household=int(assessment.amo_to_household),
            amc_to_household=int(assessment.amc_to_household),
        )
        self.db.table("assessment").upsert(row, pk="act_id")

    def get(self, act_id: ActId) -> Assessment | None:
        rows = list(self.db.query("SELECT * FROM assessment WHERE act_id = ?", [act_id]))
        return _assessment(rows[0]) if rows else None

    def delete(self, act_id: ActId) -> None:
        self.db.execute("DELETE FROM assessment WHERE act_id = ?", [act_id])


def _assessment(row: dict[str, Any]) -> Assessment:
    lines = tuple(
        Explanation(code, tuple(sorted((str(k), str(v)) for k, v in params.items())))
        for code, params in json.loads(row["explanation"])
    )
    return Assessment(
        category=row["category"],
        amo_rate=Decimal(row["amo_rate"]),
        deadline=date.fromisoformat(row["deadline"]),
        explanation=lines,
        rules_version=row["rules_version"],
        amo_to_household=bool(row["amo_to_household"]),
        amc_to_household=bool(row["amc_to_household"]),
        **{name: Cents(row[name]) for name in _MONEY},
    )


class PaymentRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def for_act(self, act_id: ActId) -> list[ExpectedPayment]:
        rows = self.db.query(
            "SELECT * FROM expected_payment WHERE act_id = ? ORDER BY payer", [act_id]
        )
        return [from_row(ExpectedPayment, row) for row in rows]

    def replace_for_act(
        self, act_id: ActId, payments: list[ExpectedPayment]
    ) -> list[ExpectedPaymentId]:
        """Store the act's expected payments, keeping what was already settled.

        A payment with money already matched to it keeps its settled amount and
        status; only the expected amount and window are refreshed.
        """
        existing = {p.payer: p for p in self.for_act(act_id)}
        wanted = {p.payer for p in payments}
        for payer, old in existing.items():
            if payer not in wanted and old.settled_cents == 0:
                self.db.execute("DELETE FROM expected_payment WHERE id = ?", [old.id])
        ids: list[ExpectedPaymentId] = []
        for payment in payments:
            row = to_row(payment, skip=("id", "status", "settled_cents"))
            current = existing.get(payment.payer)
            if current is None:
                new_id = self.db.table("expected_payment").insert(row).last_pk
                assert isinstance(new_id, int)
                ids.append(ExpectedPaymentId(new_id))
            else:
                self.db.table("expected_payment").update(current.id, row)
                ids.append(current.id)
        return ids
