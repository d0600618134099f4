"""Stored assessments (one per act) and the expected payments they produce."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from carnet.domain.assessment import Assessment, Explanation
from carnet.domain.ids import ActId, ExpectedPaymentId
from carnet.domain.payments import ExpectedPayment
from carnet.storage.repos.codec import decode, encode, field_hints, from_row, to_json
from carnet.storage.repos.records import NOW_SQL

if TYPE_CHECKING:
    from sqlite_utils import Database

_FIELDS = tuple(f.name for f in fields(Assessment))
# The fields but the explanation, in one call (the demo stores 100 000 assessments).
_EXPLANATION = _FIELDS.index("explanation")
_GET_OTHERS = attrgetter(*_FIELDS[:_EXPLANATION], *_FIELDS[_EXPLANATION + 1 :])
_INSERT = (
    f"INSERT OR REPLACE INTO assessment (act_id, {', '.join(_FIELDS)}) "
    f"VALUES (?{', ?' * len(_FIELDS)})"
)


class AssessmentRepo:
    """One row per act; every field of :class:`Assessment` has a column of the same name."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save_many(self, items: list[tuple[ActId, Assessment]]) -> None:
        """Store (replace) the assessments of many acts in one statement."""
        self.db.conn.executemany(_INSERT, [(act_id, *_values(a)) for act_id, a in items])

    def get(self, act_id: ActId) -> Assessment | None:
        rows = list(self.db.query("SELECT * FROM assessment WHERE act_id = ?", [act_id]))
        return assessment_of(rows[0]) if rows else None

    def deadlines(self, act_ids: list[ActId]) -> dict[ActId, date]:
        """The claim deadline of each assessed act among ``act_ids``."""
        rows = self.db.execute(
            "SELECT act_id, deadline FROM assessment "
            "WHERE act_id IN (SELECT value FROM json_each(?))",
            [json.dumps(act_ids)],
        ).fetchall()
        return {ActId(act_id): date.fromisoformat(day) for act_id, day in rows}

    def delete(self, act_id: ActId) -> None:
        self.db.execute("DELETE FROM assessment WHERE act_id = ?", [act_id])

    def many(self, act_ids: list[ActId], *, explained: bool = True) -> dict[ActId, Assessment]:
        """The assessments of ``act_ids`` (acts without one are left out).

        ``explained=False`` leaves the explanation out: reading it back is most of the cost.
        """
        found: dict[ActId, Assessment] = {}
        for chunk in _chunks(sorted(set(act_ids)), 500):
            marks = ", ".join("?" * len(chunk))
            for row in self.db.query(f"SELECT * FROM assessment WHERE act_id IN ({marks})", chunk):
                if not explained:
                    row["explanation"] = "[]"
                found[ActId(row["act_id"])] = assessment_of(row)
        return found


def _values(assessment: Assessment) -> list[object]:
    """The columns of ``assessment`` in the order of :data:`_FIELDS`."""
    values = [encode(value) for value in _GET_OTHERS(assessment)]
    lines = assessment.explanation
    values.insert(_EXPLANATION, to_json([[line.code, dict(line.params)] for line in lines]))
    return values


def assessment_of(row: dict[str, Any]) -> Assessment:
    """The assessment a stored row holds (load-json reads an export's rows with it)."""
    lines = tuple(
        Explanation(code, tuple((str(k), str(v)) for k, v in params.items()))
        for code, params in json.loads(row["explanation"])
    )
    hints = field_hints(Assessment)
    values = {name: decode(hints[name], row[name]) for name in _FIELDS if name != "explanation"}
    return Assessment(explanation=lines, **values)  # type: ignore[arg-type]


_Id = TypeVar("_Id", bound=int)


class PaymentRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def for_act(self, act_id: ActId) -> list[ExpectedPayment]:
        rows = self.db.query(
            "SELECT * FROM expected_payment WHERE act_id = ? ORDER BY payer", [act_id]
        )
        return [from_row(ExpectedPayment, row) for row in rows]

    def for_acts(self, act_ids: list[ActId]) -> dict[ActId, list[ExpectedPayment]]:
        found: dict[ActId, list[ExpectedPayment]] = {a: [] for a in act_ids}
        for chunk in _chunks(act_ids, 500):
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT * FROM expected_payment WHERE act_id IN ({marks}) ORDER BY act_id, payer"
            for row in self.db.query(sql, chunk):
                payment = from_row(ExpectedPayment, row)
                found[payment.act_id].append(payment)
        return found

    def by_ids(self, ids: list[ExpectedPaymentId]) -> dict[ExpectedPaymentId, ExpectedPayment]:
        """The expected payments of ``ids`` (unknown ids are left out)."""
        found: dict[ExpectedPaymentId, ExpectedPayment] = {}
        for chunk in _chunks(ids, 500):
            marks = ", ".join("?" * len(chunk))
            for row in self.db.query(
                f"SELECT * FROM expected_payment WHERE id IN ({marks})", chunk
            ):
                payment = from_row(ExpectedPayment, row)
                found[payment.id] = payment
        return found

    def replace_for_acts(
        self, wanted: dict[ActId, list[ExpectedPayment]]
    ) -> list[ExpectedPaymentId]:
        """Store each act's expected payments, keeping what was already settled.

        A payment with money already matched to it keeps its settled amount and
        status; only the expected amount and window are refreshed. Writes are
        batched: a person-year can hold hundreds of acts.
        """
        existing = self.for_acts(list(wanted))
        deletes: list[tuple[int]] = []
        updates: list[tuple[int, str, str, int]] = []
        inserts: list[tuple[object, ...]] = []
        for act_id, payments in wanted.items():
            current = {p.payer: p for p in existing[act_id]}
            keep = {p.payer for p in payments}
            deletes += [
                (p.id,) for p in current.values() if p.payer not in keep and not p.settled_cents
            ]
            for payment in payments:
                row = (
                    payment.amount_cents,
                    payment.earliest.isoformat(),
                    payment.latest.isoformat(),
                )
                if payment.payer in current:
                    updates.append((*row, current[payment.payer].id))
                else:
                    inserts.append((act_id, payment.payer.value, *row))
        conn = self.db.conn
        conn.executemany("DELETE FROM expected_payment WHERE id = ?", deletes)
        conn.executemany(
            "UPDATE expected_payment SET amount_cents = ?, earliest = ?, latest = ?, "
            f"updated_at = {NOW_SQL} WHERE id = ?",
            updates,
        )
        conn.executemany(
            "INSERT INTO expected_payment (act_id, payer, amount_cents, earliest, latest) "
            "VALUES (?, ?, ?, ?, ?)",
            inserts,
        )
        ids = [update[-1] for update in updates]
        if inserts:
            # Rowids are max + 1 each time, and we hold the write lock: they are consecutive.
            last = int(conn.execute("SELECT max(id) FROM expected_payment").fetchone()[0])
            ids += range(last - len(inserts) + 1, last + 1)
        return [ExpectedPaymentId(i) for i in ids]

    def replace_for_act(
        self, act_id: ActId, payments: list[ExpectedPayment]
    ) -> list[ExpectedPaymentId]:
        return self.replace_for_acts({act_id: payments})


def _chunks(items: list[_Id], size: int) -> list[list[_Id]]:
    return [items[n : n + size] for n in range(0, len(items), size)]
