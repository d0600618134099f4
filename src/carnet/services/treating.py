"""Keeping the history of a person's médecin traitant declarations.

The person form and ``person add/edit`` say who the médecin traitant is now and
since when. A new doctor does not overwrite the old one: the earlier
declaration is closed the day before, so acts before the change keep their
parcours. Declaring from an earlier date supersedes what the history said
from that date on.
"""

from __future__ import annotations

from datetime import date

from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.treating import TreatingDoctors, TreatingPeriod, day_before
from carnet.storage.store import Store


class TreatingHistory:
    """Reads and writes the ``treating_doctor`` rows; callers hold the transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def of(self, person_id: PersonId) -> TreatingDoctors:
        return TreatingDoctors.of(self.store.treating.list("person_id = ?", [person_id]))

    def declare(
        self,
        person_id: PersonId,
        doctor: PractitionerId | None,
        since: date | None,
        today: date,
    ) -> date | None:
        """Record that ``doctor`` is the médecin traitant from ``since``; returns that date.

        ``since`` ``None`` keeps the current declaration's date for the same
        doctor, means "always" for a first declaration, and today for a change.
        ``doctor`` ``None`` ends the current declaration yesterday.
        """
        periods = list(self.of(person_id).periods)
        current = next((p for p in reversed(periods) if p.until is None), None)
        if doctor is None:
            if current is not None:
                self._end(current, day_before(today))
            return None
        same = current is not None and current.practitioner_id == doctor
        if not same and current is not None and since == current.since:
            since = None  # the old declaration's date carried over: a change is dated today
        if since is None:
            since = current.since if same and current else (today if periods else None)
        for period in periods:
            if same and period is current:
                continue
            self._supersede(period, since)
        if same and current is not None:
            if current.since != since:
                self._put(current, TreatingPeriod(current.id, person_id, doctor, since))
        else:
            row = TreatingPeriod(0, person_id, doctor, since)
            added = self.store.treating.insert(row)
            self.store.events.record("treating_doctor", added.id, "created", after=added)
        return since

    def _supersede(self, period: TreatingPeriod, since: date | None) -> None:
        """Cut ``period`` where a declaration from ``since`` starts (drop it if wholly after)."""
        if since is None or (period.since is not None and period.since >= since):
            before = self.store.treating.delete(period.id)
            self.store.events.record("treating_doctor", period.id, "deleted", before=before)
            return
        if period.until is None or period.until >= since:
            self._end(period, day_before(since))

    def _end(self, period: TreatingPeriod, until: date) -> None:
        if period.since is not None and until < period.since:
            before = self.store.treating.delete(period.id)
            self.store.events.record("treating_doctor", period.id, "deleted", before=before)
            return
        changed = TreatingPeriod(
            period.id, period.person_id, period.practitioner_id, period.since, until
        )
        self._put(period, changed)

    def _put(self, before: TreatingPeriod, after: TreatingPeriod) -> None:
        self.store.treating.put(after)
        self.store.events.record("treating_doctor", after.id, "edited", before, after=after)
