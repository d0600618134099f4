"""Keeps feuille records in step with the acts and people they depend on.

Every paper act the household paid in full gets a feuille. A feuille is *held*
while the person whose number goes on it (the insured person, for a dependent)
has no social security number yet: the French system asks newcomers to keep their feuilles until the
number arrives, then send them all. Entering the number releases them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from carnet.domain.care import CareAct
from carnet.domain.claims import Feuille, Step, next_status
from carnet.domain.codes import FeuilleStatus
from carnet.domain.ids import ActId, FeuilleId, PersonId
from carnet.domain.people import Person
from carnet.services.assessing import household_sends, must_hold
from carnet.storage.repos.feuilles import FeuilleRepo
from carnet.storage.store import Store

# A feuille not yet in an envelope can still follow its act back to Vitale.
_UNSENT = frozenset(
    {FeuilleStatus.HELD, FeuilleStatus.TO_SIGN, FeuilleStatus.SIGNED, FeuilleStatus.COPIED}
)


class FeuilleKeeper:
    def __init__(self, store: Store) -> None:
        self.store = store

    def sync_acts(self, acts: Iterable[CareAct]) -> set[int]:
        """Create, refresh or drop the feuille of each act; returns the feuilles touched."""
        touched: set[int] = set()
        new: list[CareAct] = []
        acts = list(acts)
        feuilles = self.store.feuilles.for_acts([act.id for act in acts])
        for act in acts:
            existing = feuilles.get(act.id)
            if household_sends(act) and existing is None:
                new.append(act)
            elif not household_sends(act) and existing is not None:
                if existing.status in _UNSENT:
                    touched.add(self._detach(existing, act))
            elif existing is not None:
                touched.add(self._refresh_deadline(existing).id)
        return touched | {f.id for f in self._create(new)}

    def drop_empty(self) -> set[int]:
        """Delete feuilles whose acts were all deleted."""
        empty = self.store.ledger.db.execute(
            "SELECT id FROM feuille WHERE id NOT IN (SELECT feuille_id FROM feuille_act)"
        ).fetchall()
        for (ident,) in empty:
            before = self.store.feuilles.delete(FeuilleId(ident))
            self.store.events.record("feuille", ident, "deleted", before)
        return {ident for (ident,) in empty}

    def release(self, person_ids: Iterable[PersonId], on: date) -> set[int]:
        """Release the held feuilles of people who now have a number on file."""
        touched: set[int] = set()
        for person_id in person_ids:
            if self.must_hold(self.store.people.get(person_id)):
                continue
            for feuille in self.store.feuilles.find(
                "person_id = ? AND status = 'held'", [person_id]
            ):
                after = self.step(feuille, Step.RELEASE, on)
                touched.add(after.id)
        return touched

    def step(self, feuille: Feuille, step: Step, on: date, reason: str = "") -> Feuille:
        """Move ``feuille`` one step in its life and record the date in the history."""
        return self.step_many([(feuille, on)], step, reason)[0]

    def step_many(
        self, items: Sequence[tuple[Feuille, date]], step: Step, reason: str = ""
    ) -> list[Feuille]:
        """Move each feuille one step, on its own date, in two statements.

        The status, mailing and reason are all a step changes, so the feuilles are
        not read back: a bulk path (a mailing, the demo) steps thousands of them.
        """
        after = [(feuille, self._stepped(feuille, step, reason)) for feuille, _ in items]
        self.store.feuilles.set_states([changed for _, changed in after])
        self.store.events.record_steps(
            "feuille",
            [
                (feuille.id, f"{step.value}:{on.isoformat()}", feuille, changed)
                for (feuille, changed), (_, on) in zip(after, items, strict=True)
            ],
            changed=FeuilleRepo.STATE_FIELDS,
        )
        return [changed for _, changed in after]

    @staticmethod
    def _stepped(feuille: Feuille, step: Step, reason: str) -> Feuille:
        return replace(
            feuille,
            status=next_status(feuille.status, step),
            # Taken out of an envelope: it no longer belongs to that mailing.
            mailing_id=None if step is Step.UNENCLOSE else feuille.mailing_id,
            reason=reason if step is Step.RETURN else feuille.reason,
        )

    def must_hold(self, person: Person) -> bool:
        """True when no number can be written on this person's feuille yet."""
        return must_hold(self.store, person)

    def deadline_of(self, act_ids: Iterable[ActId]) -> date | None:
        """The earliest claim deadline of the acts (the feuille must reach the CPAM by then)."""
        found = [self.store.assessments.get(act_id) for act_id in act_ids]
        return min((a.deadline for a in found if a is not None), default=None)

    def _create(self, acts: list[CareAct]) -> list[Feuille]:
        """One new feuille per act (the demo and imports make thousands at once)."""
        holds: dict[PersonId, bool] = {}
        for person_id in {act.person_id for act in acts}:
            holds[person_id] = self.must_hold(self.store.people.get(person_id))
        deadlines = self.store.assessments.deadlines([act.id for act in acts])
        made = self.store.feuilles.insert_many(
            [
                Feuille(
                    id=FeuilleId(0),
                    person_id=act.person_id,
                    status=FeuilleStatus.HELD if holds[act.person_id] else FeuilleStatus.TO_SIGN,
                    received_on=act.date,
                    deadline=deadlines.get(act.id),
                    act_ids=(act.id,),
                )
                for act in acts
            ]
        )
        self.store.events.record_many("feuille", "created", made)
        return made

    def _detach(self, feuille: Feuille, act: CareAct) -> int:
        remaining = tuple(a for a in feuille.act_ids if a != act.id)
        if not remaining:
            self.store.feuilles.delete(feuille.id)
            self.store.events.record("feuille", feuille.id, "deleted", feuille)
            return feuille.id
        after = self.store.feuilles.update(
            _replace_acts(feuille, remaining, self.deadline_of(remaining))
        )
        self.store.events.record("feuille", feuille.id, "edited", feuille, after=after)
        return feuille.id

    def _refresh_deadline(self, feuille: Feuille) -> Feuille:
        deadline = self.deadline_of(feuille.act_ids)
        if deadline == feuille.deadline:
            return feuille
        return self.store.feuilles.update(_replace_acts(feuille, feuille.act_ids, deadline))


def _replace_acts(feuille: Feuille, act_ids: tuple[ActId, ...], deadline: date | None) -> Feuille:
    return replace(feuille, act_ids=act_ids, deadline=deadline)
