"""Undo and redo over the event history (Ctrl+Z / Ctrl+Shift+Z).

Every service call is one *operation* whose events record each row before and
after. Undo writes the ``before`` rows back in reverse order; redo writes the
``after`` rows again. Both are new operations in the append-only history: the
past is never rewritten, only answered. Derived data (assessments, expected
payments, the deduction ledger) is recomputed afterwards instead of being
restored, so it always agrees with the rules.

The undo stack lives for the session, as in any desktop application: what was
done before Carnet was opened is in the history but not on the stack.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from carnet.domain.abroad import AbroadCare
from carnet.domain.attachments import AttachedTo, Attachment
from carnet.domain.banking import BankAccount, BankTransaction, StatementImport
from carnet.domain.care import CareAct
from carnet.domain.changes import Changes
from carnet.domain.claims import Feuille
from carnet.domain.contracts import Contract
from carnet.domain.errors import ValidationError
from carnet.domain.events import Event
from carnet.domain.ids import PersonId
from carnet.domain.mailings import Mailing
from carnet.domain.messages import Message
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner
from carnet.domain.road import RoadRecord
from carnet.domain.treating import TreatingPeriod
from carnet.i18n import N_
from carnet.services.assessing import Reassessor
from carnet.services.attachments import owner_changes
from carnet.services.base import Clock, Result, Service
from carnet.services.undo_stack import UndoStack
from carnet.storage.repos.codec import from_row
from carnet.storage.store import Store

_TYPES: dict[str, type] = {
    "person": Person,
    "practitioner": Practitioner,
    "contract": Contract,
    "act": CareAct,
    "bank_account": BankAccount,
    "feuille": Feuille,
    "attachment": Attachment,
    "mailing": Mailing,
    "bank_transaction": BankTransaction,
    "statement_import": StatementImport,
    "treating_doctor": TreatingPeriod,
    "act_abroad": AbroadCare,
    "road_step": RoadRecord,
}
_CHANGES: dict[str, Callable[[frozenset[int]], Changes]] = {
    "person": lambda ids: Changes(people=ids),
    "practitioner": lambda ids: Changes(practitioners=ids),
    "contract": lambda ids: Changes(contracts=ids),
    "act": lambda ids: Changes(acts=ids),
    "bank_account": lambda ids: Changes(bank=ids),
    "feuille": lambda ids: Changes(feuilles=ids),
    "attachment": lambda _ids: Changes(),
    "mailing": lambda ids: Changes(mailings=ids),
    "bank_transaction": lambda ids: Changes(bank=ids),
    "statement_import": lambda ids: Changes(bank=ids),
    "settlement": lambda ids: Changes(bank=ids),
    "treating_doctor": lambda _ids: Changes(),
    "act_abroad": lambda _ids: Changes(),  # the act's own event says which act changed
    "road_step": lambda _ids: Changes(people=frozenset()),
}


class HistoryService(Service):
    def __init__(
        self, store: Store, today: Clock = date.today, stacks: UndoStack | None = None
    ) -> None:
        super().__init__(store, today)
        self.reassessor = Reassessor(store)
        stacks = stacks if stacks is not None else UndoStack(store)
        self.undo_stack, self.redo_stack = stacks.undo, stacks.redo

    def undo_label(self) -> str | None:
        return self.store.events.label_of(self.undo_stack[-1]) if self.undo_stack else None

    def redo_label(self) -> str | None:
        return self.store.events.label_of(self.redo_stack[-1]) if self.redo_stack else None

    def undo(self) -> Result[str]:
        """Take back the last operation of this session; returns its label."""
        if not self.undo_stack:
            raise ValidationError("undo", N_("there is nothing to undo"))
        op = self.undo_stack[-1]
        changes = self._replay(op, "undo")
        self.redo_stack.append(self.undo_stack.pop())
        return Result(self.store.events.label_of(op), changes)

    def redo(self) -> Result[str]:
        """Do again the last operation that was undone."""
        if not self.redo_stack:
            raise ValidationError("redo", N_("there is nothing to redo"))
        op = self.redo_stack[-1]
        changes = self._replay(op, "redo")
        self.undo_stack.append(self.redo_stack.pop())
        return Result(self.store.events.label_of(op), changes)

    def _replay(self, op: int, kind: str) -> Changes:
        events = self.store.events.events_of(op)
        ordered = list(reversed(events)) if kind == "undo" else events
        touched: dict[str, set[int]] = {}
        person_years: set[tuple[PersonId, int]] = set()
        with self.store.transaction(self.store.events.label_of(op), kind=kind, target=op):
            for event in ordered:
                target = event.before if kind == "undo" else event.after
                self._restore(event, target, kind)
                touched.setdefault(event.entity, set()).add(event.entity_id)
                person_years |= _person_years(event)
            for person_id in {p for p, _ in person_years} | touched.get("person", set()):
                person_years |= self.store.acts.person_years("person_id = ?", [person_id])
            reassessed = self.reassessor.many(person_years)
        changes = reassessed.changes()
        for entity, ids in touched.items():
            changes = changes | _CHANGES[entity](frozenset(ids))
        for event in events:
            changes = changes | _owner_of(event)
        return changes

    def _restore(self, event: Event, target: str | None, kind: str) -> None:
        """Make the row of ``event`` look like ``target`` (None: the row must not exist)."""
        if event.entity == "settlement":
            self._restore_settlement(event, target, kind)
            return
        cls = _TYPES.get(event.entity)
        if cls is None:
            raise ValidationError(
                "undo", N_("cannot undo changes to {kind} yet"), kind=Message(event.entity)
            )
        repo: Any = self._repo(event.entity)
        current = repo.get(event.entity_id) if repo.exists(event.entity_id) else None
        if target is None:
            if current is not None:
                repo.delete(event.entity_id)
        else:
            repo.put(from_row(cls, json.loads(target)))
        after = repo.get(event.entity_id) if target is not None else None
        self.store.events.record(
            event.entity,
            event.entity_id,
            f"{kind}:{event.action}",
            current,
            after=after,
            source=kind,
        )

    def _restore_settlement(self, event: Event, target: str | None, kind: str) -> None:
        """Matches are not rows but allocations: take them back, or confirm them again."""
        if target is None:
            self.store.bank.unsettle(event.entity_id)
        else:
            data = json.loads(target)
            self.store.bank.resettle(event.entity_id, data["allocations"], data["recovered"])
        self.store.events.record(
            "settlement_replay", event.entity_id, f"{kind}:{event.action}", source=kind
        )

    def _repo(self, entity: str) -> object:
        return {
            "person": self.store.people,
            "practitioner": self.store.practitioners,
            "contract": self.store.contracts,
            "act": self.store.acts,
            "bank_account": self.store.bank_accounts,
            "feuille": self.store.feuilles,
            "attachment": self.store.attachments,
            "mailing": self.store.mailings,
            "bank_transaction": self.store.bank.transactions_rows,
            "statement_import": self.store.bank.imports_rows,
            "treating_doctor": self.store.treating,
            "act_abroad": self.store.abroad,
            "road_step": self.store.road,
        }[entity]


def _person_years(event: Event) -> set[tuple[PersonId, int]]:
    """The person-years an act event concerns (before and after), to reassess them."""
    if event.entity != "act":
        return set()
    found: set[tuple[PersonId, int]] = set()
    for text in (event.before, event.after):
        if text:
            row = json.loads(text)
            found.add((PersonId(row["person_id"]), date.fromisoformat(row["date"]).year))
    return found


def _owner_of(event: Event) -> Changes:
    """An attachment shows on its record's page (act, feuille, mailing): that record changed."""
    if event.entity != "attachment":
        return Changes()
    found = Changes()
    for text in (event.before, event.after):
        if text:
            row = json.loads(text)
            found = found | owner_changes(AttachedTo(row["entity"]), int(row["entity_id"]))
    return found
