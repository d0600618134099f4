""" "What to do now": the household's next actions, most urgent first.

One list gathers what is spread over the app: feuilles waiting for a signature,
a copy or an envelope, mailings to post, feuilles close to their two-year
deadline, reimbursements that should have arrived by now, and those that came short.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from carnet.domain.codes import FeuilleStatus, Payer
from carnet.domain.money import Cents, format_plain
from carnet.services.base import Service
from carnet.services.claims import ClaimsService
from carnet.services.discrepancies import DiscrepancyService
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

    kind: str  # deadline | feuille | discrepancy | overdue-payment | doctor
    urgency: int
    text: str
    entity: str
    entity_id: int
    due: date | None = None
    amount_cents: Cents | None = None


class TodoService(Service):
    def items(self) -> list[TodoItem]:
        found = self._deadlines() + self._feuilles() + self._owed() + self._overdue()
        found += self._doctors()
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

    def _owed(self) -> list[TodoItem]:
        """Payments received short: possibly owed to the household (see discrepancies)."""
        items = []
        for d in DiscrepancyService(self.store, self.today).find():
            if d.difference_cents <= 0:
                continue
            source = "the CPAM" if d.payer is Payer.AMO else "the mutuelle"
            next_step = (
                f"claimed in reclamation #{d.claimed_in}"
                if d.claimed_in is not None
                else f"ask for it: carnet letter reclamation {d.act_id}"
            )
            text = (
                f"Possibly owed to you: {source} paid {format_plain(d.received_cents)} € instead "
                f"of {format_plain(d.expected_cents)} € for {d.act_code} of {d.act_date} "
                f"({d.person}, {d.cause.value}); {next_step}"
            )
            items.append(
                TodoItem("discrepancy", 7, text, "act", d.act_id, None, Cents(d.difference_cents))
            )
        return items

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
