""" "What to do now": the household's next actions, most urgent first.

One list gathers what is spread over the app: feuilles waiting for a signature,
a copy or an envelope, mailings to post, feuilles close to their two-year
deadline, and reimbursements that should have arrived by now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from carnet.domain.codes import FeuilleStatus
from carnet.domain.money import Cents
from carnet.services.base import Service
from carnet.services.claims import ClaimsService
from carnet.services.parcours import ParcoursService

_ACTIONABLE = (
    FeuilleStatus.RETURNED,
    FeuilleStatus.TO_SIGN,
    FeuilleStatus.SIGNED,
    FeuilleStatus.COPIED,
    FeuilleStatus.IN_MAILING,
    FeuilleStatus.HELD,
)


@dataclass(frozen=True, slots=True)
class TodoItem:
    """One thing to do; ``urgency`` 0 is most urgent."""

    kind: str  # deadline | feuille | overdue-payment | doctor
    urgency: int
    text: str
    entity: str
    entity_id: int
    due: date | None = None
    amount_cents: Cents | None = None


class TodoService(Service):
    def items(self) -> list[TodoItem]:
        found = self._deadlines() + self._feuilles() + self._overdue() + self._doctors()
        return sorted(found, key=lambda i: (i.urgency, i.due or date.max, i.entity_id))

    def _deadlines(self) -> list[TodoItem]:
        claims = ClaimsService(self.store, self.today)
        names = {p.id: p.full_name for p in self.store.people.list()}
        return [
            TodoItem(
                "deadline",
                0 if w.level == 30 else 1,
                f"Feuille #{w.feuille.id} ({names.get(w.feuille.person_id, '')}): {w.advice}",
                "feuille",
                w.feuille.id,
                w.feuille.deadline,
            )
            for w in claims.deadline_warnings()
        ]

    def _feuilles(self) -> list[TodoItem]:
        names = {p.id: p.full_name for p in self.store.people.list()}
        items = []
        for feuille in self.store.feuilles.find():
            if feuille.status not in _ACTIONABLE:
                continue
            who = names.get(feuille.person_id, "")
            items.append(
                TodoItem(
                    "feuille",
                    2 + _ACTIONABLE.index(feuille.status),
                    f"{feuille.next_action} ({who}, feuille #{feuille.id})",
                    "feuille",
                    feuille.id,
                    feuille.deadline,
                )
            )
        return items

    def _doctors(self) -> list[TodoItem]:
        """Adults without a médecin traitant: the CPAM pays them 30 % instead of 70 %."""
        return [
            TodoItem(
                "doctor",
                9,
                f"Declare a médecin traitant for {person.full_name}: without one the CPAM "
                "reimburses 30 % instead of 70 % (it can be changed at any time)",
                "person",
                person.id,
            )
            for person in ParcoursService(self.store, self.today).without_doctor()
        ]

    def _overdue(self) -> list[TodoItem]:
        items = []
        for row in self.store.reports.overdue(self.today().isoformat()):
            source = "the CPAM" if row.payer == "amo" else "the mutuelle"
            text = (
                f"No payment yet from {source} for {row.act_code} of {row.date} ({row.person});"
                f" expected by {row.latest}"
            )
            items.append(
                TodoItem(
                    "overdue-payment",
                    8,
                    text,
                    "expected_payment",
                    row.payment_id,
                    date.fromisoformat(row.latest),
                    Cents(row.outstanding_cents),
                )
            )
        return items
