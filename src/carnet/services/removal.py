"""Removing people, practitioners, contracts and bank accounts, or archiving them.

A record nothing points at is deleted (and Undo brings it back). One that acts,
feuilles, mailings, people or bank lines still point at is refused with the reason;
the household may archive it instead: hidden from lists and forms, kept with its
history, and brought back by :meth:`RemovalService.unarchive`. Archiving and bringing
back are recorded in the history (an :class:`ArchiveMark`), so Edit › Undo takes them back
like a removal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from carnet.domain.archive import ARCHIVABLE, ArchiveMark, archive_entity
from carnet.domain.changes import Changes
from carnet.domain.errors import ValidationError
from carnet.domain.messages import Message
from carnet.i18n import N_
from carnet.services.base import Clock, Result, Service
from carnet.storage.repos.archive import ArchiveMarks, ArchiveRepo
from carnet.storage.store import Store

KINDS = ARCHIVABLE

# (what points at the record, counted with one "?" for its id)
_USES: dict[str, tuple[tuple[str, str], ...]] = {
    "person": (
        (N_("care acts"), "SELECT count(*) FROM care_act WHERE person_id = ?"),
        (N_("feuilles"), "SELECT count(*) FROM feuille WHERE person_id = ?"),
        (N_("mailings"), "SELECT count(*) FROM mailing WHERE person_id = ?"),
        (N_("dependents"), "SELECT count(*) FROM person WHERE insured_id = ?"),
    ),
    "practitioner": (
        (N_("care acts"), "SELECT count(*) FROM care_act WHERE practitioner_id = ?"),
        (
            N_("people (médecin traitant)"),
            "SELECT count(*) FROM person WHERE treating_doctor_id = ?",
        ),
    ),
    "contract": ((N_("people"), "SELECT count(*) FROM person WHERE contract_id = ?"),),
    "bank_account": (
        (N_("bank lines"), "SELECT count(*) FROM bank_transaction WHERE account_id = ?"),
    ),
}
_LABELS = {
    "person": N_("Remove a person"),
    "practitioner": N_("Remove a practitioner"),
    "contract": N_("Remove a contract"),
    "bank_account": N_("Remove a bank account"),
}
# The operations' names, as Edit › Undo shows them.
_ARCHIVE_LABELS = {
    "person": N_("Archive a person"),
    "practitioner": N_("Archive a practitioner"),
    "contract": N_("Archive a contract"),
    "bank_account": N_("Archive a bank account"),
}
_UNARCHIVE_LABELS = {
    "person": N_("Bring a person back from the archive"),
    "practitioner": N_("Bring a practitioner back from the archive"),
    "contract": N_("Bring a contract back from the archive"),
    "bank_account": N_("Bring a bank account back from the archive"),
}


def _changes(kind: str, ident: int) -> Changes:
    ids = frozenset({ident})
    return {
        "person": Changes(people=ids),
        "practitioner": Changes(practitioners=ids),
        "contract": Changes(contracts=ids),
        "bank_account": Changes(bank=ids),
    }[kind]


class RemovalService(Service):
    def __init__(self, store: Store, today: Clock = date.today) -> None:
        super().__init__(store, today)
        self.archive = ArchiveRepo(store.ledger.db)

    def uses(self, kind: str, ident: int) -> list[tuple[str, int]]:
        """What still points at the record: ``(words, count)`` for each kind of use."""
        found = [(words, self.archive.uses(sql, ident)) for words, sql in _USES[kind]]
        return [(words, count) for words, count in found if count]

    def remove(self, kind: str, ident: int) -> Result[Any]:
        """Delete the record; refused, with the reason, while anything points at it."""
        repo = self._repo(kind)
        repo.get(ident)  # a missing record: NotFoundError, with its words
        used = self.uses(kind, ident)
        if used:
            raise ValidationError(
                kind,
                N_("still used by {uses}: archive it instead, to hide it and keep its history"),
                uses=", ".join(f"{count} {Message(words)}" for words, count in used),
            )
        with self.store.transaction(_LABELS[kind]):
            before = repo.delete(ident)
            self.store.events.record(kind, ident, "deleted", before)
        return Result(before, _changes(kind, ident))

    def archive_record(self, kind: str, ident: int) -> Result[Any]:
        """Hide the record from lists and forms; its acts and history stay (undoable)."""
        record = self._repo(kind).get(ident)
        marks = ArchiveMarks(self.store.ledger.db, kind)
        with self.store.transaction(_ARCHIVE_LABELS[kind]):
            before = marks.get(ident) if marks.exists(ident) else None
            mark = ArchiveMark(kind, ident, self.today())
            marks.put(mark)
            self.store.events.record(archive_entity(kind), ident, "archived", before, after=mark)
        return Result(record, _changes(kind, ident))

    def unarchive(self, kind: str, ident: int) -> Result[Any]:
        """Show an archived record again (undoable)."""
        record = self._repo(kind).get(ident)
        marks = ArchiveMarks(self.store.ledger.db, kind)
        with self.store.transaction(_UNARCHIVE_LABELS[kind]):
            if marks.exists(ident):
                before = marks.get(ident)
                marks.delete(ident)
                self.store.events.record(archive_entity(kind), ident, "unarchived", before)
        return Result(record, _changes(kind, ident))

    def archived(self, kind: str) -> set[int]:
        return self.archive.ids(kind)

    def _repo(self, kind: str) -> Any:
        repos: dict[str, Callable[[], Any]] = {
            "person": lambda: self.store.people,
            "practitioner": lambda: self.store.practitioners,
            "contract": lambda: self.store.contracts,
            "bank_account": lambda: self.store.bank_accounts,
        }
        if kind not in repos:
            raise ValidationError("kind", N_("cannot remove a {kind}"), kind=kind)
        return repos[kind]()
