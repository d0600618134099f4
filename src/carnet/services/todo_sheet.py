"""The lines of the "what to do now" sheet, for both front ends.

The todo service words its items in English; the sheet words them itself in
the chosen language, so each item is turned back into facts here: the feuille
or the act behind it, the person, the payer. Lives in services (not in the
CLI, where it started) so the window prints the same sheet as ``carnet
todo-sheet``.
"""

from __future__ import annotations

from collections.abc import Sequence

from carnet.domain.act_query import ActSummary
from carnet.domain.ids import ExpectedPaymentId, FeuilleId
from carnet.domain.payments import ExpectedPayment
from carnet.domain.reports import TodoEntry
from carnet.services.care import CareService
from carnet.services.care_table import CareTableService
from carnet.services.claims import ClaimsService
from carnet.services.household import HouseholdService
from carnet.services.todo import TodoItem


def todo_entries(
    household: HouseholdService,
    claims: ClaimsService,
    care: CareService,
    table: CareTableService,
    items: Sequence[TodoItem],
) -> list[TodoEntry]:
    """The sheet's lines for the todo service's items, in the same order."""
    names = {p.id: p.full_name for p in household.people()}
    payments = _payments(care, table, items)
    entries = []
    for item in items:
        if item.entity == "feuille":
            feuille = claims.feuille(FeuilleId(item.entity_id))
            entries.append(
                TodoEntry(
                    item.kind,
                    person=names.get(feuille.person_id, ""),
                    due=item.due,
                    feuille=feuille.id,
                    feuille_status=feuille.status.value,
                    text=item.text,
                )
            )
        elif item.entity == "expected_payment":
            entries.append(_payment_entry(item, payments.get(ExpectedPaymentId(item.entity_id))))
        # The sheet lists paperwork and money; a missing médecin traitant is shown by the
        # window, carnet todo and the yearly summary.
    return entries


def _payment_entry(item: TodoItem, found: tuple[ExpectedPayment, ActSummary] | None) -> TodoEntry:
    if found is None:  # an entity the sheet does not know: print the service's words
        return TodoEntry(item.kind, due=item.due, amount_cents=item.amount_cents, text=item.text)
    payment, act = found
    return TodoEntry(
        item.kind,
        person=act.person_name,
        due=item.due,
        payer=payment.payer.value,
        act=act.act_code,
        care_date=act.date,
        amount_cents=item.amount_cents,
        text=item.text,
    )


def _payments(
    care: CareService, table: CareTableService, items: Sequence[TodoItem]
) -> dict[ExpectedPaymentId, tuple[ExpectedPayment, ActSummary]]:
    """The expected payments named by ``items``, with their act.

    The todo item only carries the payment's id: those payments are read by id,
    then the rows of their acts, in two queries however long the list.
    """
    wanted = {ExpectedPaymentId(i.entity_id) for i in items if i.entity == "expected_payment"}
    if not wanted:
        return {}
    payments = care.payments_by_id(wanted)
    acts = {a.id: a for a in table.rows(sorted({p.act_id for p in payments.values()}))}
    return {pid: (p, acts[p.act_id]) for pid, p in payments.items() if p.act_id in acts}
