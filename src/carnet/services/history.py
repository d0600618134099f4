"""Undo and redo over the event history (Ctrl+Z / Ctrl+Shift+Z).

Every service call is one *operation* whose events record each row before and
after. Undo writes the ``before`` rows back in reverse order; redo writes the
``after`` rows again. Both are new operations in the append-only history: the
past is never rewritten, only answered. Derived data (assessments, expected
payments, the deduction ledger) is recomputed afterwards instead of being
restored, so it always agrees with the rules.

What can be undone is what was done this session (:class:`OperationLog`), as in
any desktop application: what was done before Carnet was opened is in the history
but cannot be taken back from the window.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple

from carnet.domain.abroad import AbroadCare
from carnet.domain.archive import ARCHIVABLE, ArchiveMark, archive_entity
from carnet.domain.attachments import AttachedTo, Attachment
from carnet.domain.banking import BankAccount, BankTransaction, StatementImport
from carnet.domain.care import CareAct
from carnet.domain.changes import Changes
from carnet.domain.claims import Feuille
from carnet.domain.contracts import Contract
from carnet.domain.errors import ValidationError
from carnet.domain.events import Event
from carnet.domain.ids import ImportId, PersonId
from carnet.domain.mailings import Mailing
from carnet.domain.messages import Message
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner
from carnet.domain.receipts import PayerDecision, Receipt, ReclamationLine
from carnet.domain.road import RoadRecord
from carnet.domain.treating import TreatingPeriod
from carnet.i18n import N_
from carnet.services.assessing import Reassessor
from carnet.services.attachments import owner_changes
from carnet.services.base import Clock, Result, Service
from carnet.services.operation_log import OperationLog
from carnet.services.undo_conflicts import refuse_if_changed_since
from carnet.storage.repos.archive import ArchiveMarks
from carnet.storage.repos.codec import from_row
from carnet.storage.store import Store


class Entity(NamedTuple):
    """How undo puts back one kind of record, and what it then tells the window."""

    cls: type | None  # the record's class; None: not rows but allocations (settlements)
    repo: Callable[[Store], Any] | None
    changes: Callable[[frozenset[int]], Changes]


ENTITIES: dict[str, Entity] = {
    "person": Entity(Person, lambda s: s.people, lambda ids: Changes(people=ids)),
    "practitioner": Entity(
        Practitioner, lambda s: s.practitioners, lambda ids: Changes(practitioners=ids)
    ),
    "contract": Entity(Contract, lambda s: s.contracts, lambda ids: Changes(contracts=ids)),
    "act": Entity(CareAct, lambda s: s.acts, lambda ids: Changes(acts=ids)),
    "bank_account": Entity(BankAccount, lambda s: s.bank_accounts, lambda ids: Changes(bank=ids)),
    "feuille": Entity(Feuille, lambda s: s.feuilles, lambda ids: Changes(feuilles=ids)),
    # An attachment's owner changes instead (see _owner_of).
    "attachment": Entity(Attachment, lambda s: s.attachments, lambda _ids: Changes()),
    "mailing": Entity(Mailing, lambda s: s.mailings, lambda ids: Changes(mailings=ids)),
    "bank_transaction": Entity(
        BankTransaction, lambda s: s.bank.transactions_rows, lambda ids: Changes(bank=ids)
    ),
    "statement_import": Entity(
        StatementImport, lambda s: s.bank.imports_rows, lambda ids: Changes(bank=ids)
    ),
    "settlement": Entity(None, None, lambda ids: Changes(bank=ids)),
    # A médecin traitant's declaration: its person-years are reassessed (_person_years).
    "treating_doctor": Entity(TreatingPeriod, lambda s: s.treating, lambda _ids: Changes()),
    # The act's own event says which act changed.
    "act_abroad": Entity(AbroadCare, lambda s: s.abroad, lambda _ids: Changes()),
    "road_step": Entity(RoadRecord, lambda s: s.road, lambda _ids: Changes(people=frozenset())),
    # What was received for an act, and a payer's decision: the act's person-year is
    # reassessed (_act_years); a reclamation's line goes with its mailing.
    "receipt": Entity(Receipt, lambda s: s.receipts.rows, lambda _ids: Changes()),
    "payer_decision": Entity(PayerDecision, lambda s: s.receipts.decisions, lambda _ids: Changes()),
    "reclamation_line": Entity(ReclamationLine, lambda s: s.receipts.lines, lambda _ids: Changes()),
}


def _archive_entity(kind: str) -> Entity:
    """An archive mark: undone and redone like a row, it shows or hides its record."""
    return Entity(ArchiveMark, lambda s: ArchiveMarks(s.ledger.db, kind), ENTITIES[kind].changes)


ENTITIES |= {archive_entity(kind): _archive_entity(kind) for kind in ARCHIVABLE}


class HistoryService(Service):
    def __init__(
        self, store: Store, today: Clock = date.today, log: OperationLog | None = None
    ) -> None:
        super().__init__(store, today)
        self.reassessor = Reassessor(store)
        self.log = log if log is not None else OperationLog(store)

    def undo_label(self) -> str | None:
        done = self.log.done
        return self.store.events.label_of(done[-1]) if done else None

    def redo_label(self) -> str | None:
        undone = self.log.undone
        return self.store.events.label_of(undone[-1]) if undone else None

    def undo(self) -> Result[str]:
        """Take back the last operation of this session; returns its label."""
        done, undone = self.log.done, self.log.undone
        if not done:
            raise ValidationError("undo", N_("there is nothing to undo"))
        op = done[-1]
        changes = self._replay(op, "undo")
        undone.append(done.pop())
        return Result(self.store.events.label_of(op), changes)

    def redo(self) -> Result[str]:
        """Do again the last operation that was undone."""
        done, undone = self.log.done, self.log.undone
        if not undone:
            raise ValidationError("redo", N_("there is nothing to redo"))
        op = undone[-1]
        changes = self._replay(op, "redo")
        done.append(undone.pop())
        return Result(self.store.events.label_of(op), changes)

    def _replay(self, op: int, kind: str) -> Changes:
        refuse_if_changed_since(self.store, op, self.log.mine, kind)
        events = self.store.events.events_of(op)
        ordered = list(reversed(events)) if kind == "undo" else events
        touched: dict[str, set[int]] = {}
        person_years: set[tuple[PersonId, int]] = set()
        with self.store.transaction(self.store.events.label_of(op), kind=kind, target=op):
            for event in ordered:
                target = event.before if kind == "undo" else event.after
                self._restore(event, target, kind)
                touched.setdefault(event.entity, set()).add(event.entity_id)
                person_years |= _person_years(event) | self._act_years(event)
            for person_id in {p for p, _ in person_years} | touched.get("person", set()):
                person_years |= self.store.acts.person_years("person_id = ?", [person_id])
            reassessed = self.reassessor.many(person_years)
        changes = reassessed.changes()
        for entity, ids in touched.items():
            changes = changes | ENTITIES[entity].changes(frozenset(ids))
        for event in events:
            changes = changes | _owner_of(event)
        return changes

    def _restore(self, event: Event, target: str | None, kind: str) -> None:
        """Make the row of ``event`` look like ``target`` (None: the row must not exist)."""
        if event.entity == "settlement":
            self._restore_settlement(event, target, kind)
            return
        entity = ENTITIES.get(event.entity)
        if entity is None or entity.cls is None or entity.repo is None:
            raise ValidationError(
                "undo", N_("cannot undo changes to {kind} yet"), kind=Message(event.entity)
            )
        cls, repo = entity.cls, entity.repo(self.store)
        current = repo.get(event.entity_id) if repo.exists(event.entity_id) else None
        # An import's history is one event: its lines go aside and come back with it.
        lines = self.store.bank.lines if event.entity == "statement_import" else None
        if target is None:
            if current is not None:
                if lines is not None:
                    lines.park(ImportId(event.entity_id))
                repo.delete(event.entity_id)
        else:
            repo.put(from_row(cls, json.loads(target)))
            if lines is not None:
                lines.unpark(ImportId(event.entity_id))
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

    def _act_years(self, event: Event) -> set[tuple[PersonId, int]]:
        """A received amount or a payer's decision changes what its act expects."""
        if event.entity not in ("receipt", "payer_decision"):
            return set()
        found: set[tuple[PersonId, int]] = set()
        for text in (event.before, event.after):
            if text:
                act_id = int(json.loads(text)["act_id"])
                found |= self.store.acts.person_years("id = ?", [act_id])
        return found


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
