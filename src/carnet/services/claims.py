"""Use cases for paper feuilles de soins: list them, move them through their life, merge.

Deadline warnings follow docs/rules.md §6: the household has two years from the
first day of the quarter after the care; Carnet warns 90 and 30 days before.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from carnet.domain import limits
from carnet.domain.changes import Changes
from carnet.domain.claims import Feuille, Step, TransitionError
from carnet.domain.codes import FeuilleStatus
from carnet.domain.errors import ValidationError
from carnet.domain.ids import FeuilleId, PersonId
from carnet.domain.messages import Message
from carnet.domain.validation import check_date, check_field
from carnet.i18n import N_
from carnet.services.base import Clock, Result, Service
from carnet.services.feuille_keeper import FeuilleKeeper
from carnet.storage.store import Store

WARN_DAYS = (90, 30)


@dataclass(frozen=True, slots=True)
class DeadlineWarning:
    feuille: Feuille
    days_left: int
    level: int  # 90 or 30: the threshold crossed
    advice: Message


class ClaimsService(Service):
    def __init__(self, store: Store, today: Clock = date.today) -> None:
        super().__init__(store, today)
        self.keeper = FeuilleKeeper(store)

    def feuilles(
        self, status: FeuilleStatus | None = None, person_id: PersonId | None = None
    ) -> list[Feuille]:
        clauses: list[str] = []
        params: list[object] = []
        if status is not None:
            clauses.append("status = ?")
            params.append(status.value)
        if person_id is not None:
            clauses.append("person_id = ?")
            params.append(person_id)
        return self.store.feuilles.find(" AND ".join(clauses) or None, params)

    def feuille(self, feuille_id: FeuilleId) -> Feuille:
        return self.store.feuilles.get(feuille_id)

    def step(
        self, feuille_id: FeuilleId, step: Step, on: date | None = None, reason: str = ""
    ) -> Result[Feuille]:
        """Record that the household did ``step`` (sign, copy, ...) on ``on`` (default today)."""
        done = self.step_many([(feuille_id, on or self.today())], step, reason)
        return Result(done.value[0], done.changes)

    def step_many(
        self, items: Sequence[tuple[FeuilleId, date]], step: Step, reason: str = ""
    ) -> Result[list[Feuille]]:
        """Record ``step`` for many feuilles, each on its own day, in one transaction."""
        reason = self._check_step(step, [day for _, day in items], reason)
        ids = [feuille_id for feuille_id, _ in items]
        with self.store.transaction(N_("Feuille step")):
            found = {f.id: f for f in self.store.feuilles.find(*_among(ids))}
            feuilles = [found.get(i) or self.store.feuilles.get(i) for i in ids]  # get: not found
            if step is Step.RELEASE and any(
                self.keeper.must_hold(self.store.people.get(f.person_id)) for f in feuilles
            ):
                raise ValidationError("step", N_("enter the social security number first"))
            try:
                after = self.keeper.step_many(
                    [(f, day) for f, (_, day) in zip(feuilles, items, strict=True)],
                    step,
                    reason,
                )
            except TransitionError as exc:
                raise ValidationError("step", exc.text) from None
        return Result(after, Changes(feuilles=frozenset(ids)))

    def _check_step(self, step: Step, days: list[date], reason: str) -> str:
        """Refuse a step that cannot be recorded; the reason comes back cleaned."""
        for day in {min(days, default=None), max(days, default=None)} - {None}:
            check_date(day, "date", today=self.today())  # neither in the future nor before 1900
        if step in (Step.ENCLOSE, Step.MAIL, Step.UNENCLOSE):
            raise ValidationError(
                "step",
                N_("use the mailing commands to {step} a feuille"),
                step=Message(step.value),
            )
        reason = check_field(reason, "reason", limits.REASON)
        if step is Step.RETURN and not reason:
            raise ValidationError("reason", N_("say why the CPAM returned the feuille"))
        return reason

    def merge(self, feuille_ids: list[FeuilleId]) -> Result[Feuille]:
        """One paper form covering several acts (e.g. a physiotherapy series)."""
        if len(set(feuille_ids)) < 2:
            raise ValidationError("feuille", N_("choose at least two feuilles to merge"))
        with self.store.transaction(N_("Merge feuilles")):
            found = [self.store.feuilles.get(f) for f in sorted(set(feuille_ids))]
            if len({f.person_id for f in found}) != 1:
                raise ValidationError("feuille", N_("a feuille covers the care of one person only"))
            if any(f.status not in (FeuilleStatus.HELD, FeuilleStatus.TO_SIGN) for f in found):
                raise ValidationError("feuille", N_("only feuilles not yet signed can be merged"))
            keep, *others = found
            acts = tuple(a for f in found for a in f.act_ids)
            for other in others:
                self.store.feuilles.delete(other.id)
                self.store.events.record("feuille", other.id, "merged", other)
            after = self.store.feuilles.update(
                replace(keep, act_ids=acts, deadline=self.keeper.deadline_of(acts))
            )
            self.store.events.record("feuille", keep.id, "merged", keep, after=after)
        return Result(after, Changes(feuilles=frozenset(f.id for f in found)))

    def deadline_warnings(self) -> list[DeadlineWarning]:
        """Open feuilles within 90 days of their deadline, nearest first."""
        today = self.today()
        near = self.store.feuilles.still_open(deadline_by=today + timedelta(days=WARN_DAYS[0]))
        warnings: list[DeadlineWarning] = []
        for feuille in near:
            days = feuille.days_left(today)
            if days is None:  # the query leaves these out; this tells the type checker
                continue
            level = WARN_DAYS[1] if days <= WARN_DAYS[1] else WARN_DAYS[0]
            warnings.append(DeadlineWarning(feuille, days, level, _advice(feuille, days)))
        return sorted(warnings, key=lambda w: (w.days_left, w.feuille.id))

    def history(self, feuille_id: FeuilleId) -> list[tuple[date | None, str]]:
        """The steps taken, with the date each was done (from the event history)."""
        steps: list[tuple[date | None, str]] = []
        for event in self.store.events.for_entity("feuille", feuille_id):
            name, _, day = event.action.partition(":")
            steps.append((date.fromisoformat(day) if day else event.at.date(), name))
        return steps


def _among(ids: Sequence[int]) -> tuple[str, list[object]]:
    """A ``find`` filter for the feuilles with these ids (any number of them)."""
    return "id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(set(ids)))]


def _advice(feuille: Feuille, days: int) -> Message:
    if days < 0:
        return Message(
            N_(
                "The two-year deadline has passed; the CPAM may refuse it, "
                "send it anyway with a note"
            )
        )
    if feuille.status is FeuilleStatus.HELD:
        return Message(
            N_(
                "Still no social security number: send the feuille now with a letter "
                "explaining that registration is in progress (the deadline does not wait "
                "for the number)"
            )
        )
    return Message(
        N_("Send it within {days} days: {action}"),
        days=days,
        action=Message.inner(feuille.next_action),
    )
