"""Reminders outside the window: the household's dates as an iCalendar file.

What a calendar application should remind the household of, each on its day:
a paper feuille 90 and 30 days before its two-year deadline, the day money
awaited from the CPAM or the mutuelle becomes overdue, the day a mailing has
gone six weeks without an answer (time for a reminder letter), and a month before
a person's rights or European card end (the newcomer's road). Each event has a
UID built from the household's own key and the record it is about, so importing
a newer file updates the events instead of doubling them.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from carnet.domain.claims import OPEN
from carnet.domain.codes import FeuilleStatus
from carnet.domain.errors import CarnetError
from carnet.domain.messages import Message
from carnet.domain.road import REMIND_BEFORE_DAYS, Step
from carnet.exports.ical import CalendarEntry, render_calendar
from carnet.i18n import N_, Translator
from carnet.private_files import write_private
from carnet.services.base import Clock, Service
from carnet.services.output_files import check_target
from carnet.storage.store import Store

# Feuilles still to send: a mailed one no longer races its deadline.
_UNSENT = OPEN
DEADLINE_NOTICES = (90, 30)
UNANSWERED_AFTER = timedelta(weeks=6)
KEY_SETTING = "calendar.key"

Rendered = Callable[[Translator], tuple[str, str]]


class CalendarKeyError(CarnetError):
    """The calendar's key cannot be made: the database may not be written."""


@dataclass(frozen=True, slots=True)
class Reminder:
    """One dated reminder; ``text`` gives its summary and description in a language."""

    key: str  # kind, record and variant: the stable part of the UID
    day: date
    category: str
    text: Rendered


def _texts(summary: Message, description: Message) -> Rendered:
    return lambda t: (summary.render(t), description.render(t))


class CalendarService(Service):
    def __init__(self, store: Store, today: Clock = date.today) -> None:
        super().__init__(store, today)
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)

    def reminders(self) -> list[Reminder]:
        """Every reminder, by day."""
        found = self._deadlines() + self._awaited() + self._unanswered() + self._road()
        return sorted(found, key=lambda r: (r.day, r.key))

    def due_on(self, day: date) -> list[Reminder]:
        """The reminders of ``day`` (what a notification says when the window opens)."""
        return [r for r in self.reminders() if r.day == day]

    def ics(self, language: str = "en") -> bytes:
        """The reminders as an ``.ics`` file, in ``language`` (a new key is kept at once)."""
        key, new = self._household_key()
        with self._keeping(key, new):
            return self._render(language, key)

    def write(self, out: Path, language: str = "en") -> int:
        """Write the ``.ics`` file (readable by its owner only, whole or not at all).

        A key made for this first export is saved in the same transaction as the
        file is written: a file that could not be written leaves no key behind.
        """
        check_target(out)  # a pipe or a device would be replaced by a file
        key, new = self._household_key()
        data = self._render(language, key)
        with self._keeping(key, new):
            write_private(out, data)
        return len(data)

    def send(self, stream: BinaryIO, language: str = "en") -> int:
        """Write the ``.ics`` to ``stream`` (standard output): a new key is kept only
        if the stream took it all."""
        key, new = self._household_key()
        data = self._render(language, key)
        with self._keeping(key, new):
            stream.write(data)
            stream.flush()
        return len(data)

    def _render(self, language: str, household: str) -> bytes:
        t = Translator(language)
        entries = []
        for reminder in self.reminders():
            summary, description = reminder.text(t)
            entries.append(
                CalendarEntry(
                    uid=f"{reminder.key}@{household}.carnet",
                    day=reminder.day,
                    summary=summary,
                    description=description,
                    category=t.gettext(reminder.category),
                )
            )
        name = t.gettext("Carnet reminders")
        return render_calendar(entries, name=name, stamp=self.now(), language=language)

    def _household_key(self) -> tuple[str, bool]:
        """A random key made once per database, two households' feuille #1 differ; and
        whether it is new (not saved yet)."""
        key = self.store.settings.get(KEY_SETTING)
        if key:
            return key, False
        if self.store.ledger.read_only:
            raise CalendarKeyError(
                N_(
                    "the first calendar export saves a key in the database, which cannot "
                    "be written in this read-only folder"
                )
            )
        return secrets.token_hex(8), True

    @contextmanager
    def _keeping(self, key: str, new: bool) -> Iterator[None]:
        """Save a new key in one transaction with what is done inside (the file
        written): if that fails, the key is not kept either."""
        if not new:
            yield
            return
        with self.store.transaction(N_("Make the calendar's key")):
            self.store.settings.set(KEY_SETTING, key)
            yield

    def _deadlines(self) -> list[Reminder]:
        names = {p.id: p.full_name for p in self.store.people.list()}
        found = []
        for feuille in self.store.feuilles.still_open():
            if feuille.deadline is None or feuille.status not in _UNSENT:
                continue
            for days in DEADLINE_NOTICES:
                summary = Message(
                    N_("Feuille #{number} ({name}): {days} days left to send it"),
                    number=feuille.id,
                    name=names.get(feuille.person_id, ""),
                    days=days,
                )
                description = Message(
                    N_(
                        "The CPAM refuses a feuille de soins sent more than two years after "
                        "the care. Deadline: {deadline}. Next step: {action}."
                    ),
                    deadline=feuille.deadline,
                    action=Message(feuille.next_action),
                )
                found.append(
                    Reminder(
                        f"feuille-{feuille.id}-deadline-{days}",
                        feuille.deadline - timedelta(days=days),
                        N_("Feuilles de soins"),
                        _texts(summary, description),
                    )
                )
        return found

    def _awaited(self) -> list[Reminder]:
        found = []
        for group in self.store.reminders.awaited():
            payer = Message(N_("the CPAM") if group.payer == "amo" else N_("the mutuelle"))
            found.append(
                Reminder(
                    f"payments-{group.payer}-{group.latest.isoformat()}",
                    group.latest + timedelta(days=1),
                    N_("Reimbursements"),
                    _awaited_text(payer, group.payments, group.outstanding_cents, group.latest),
                )
            )
        return found

    def _road(self) -> list[Reminder]:
        """A month before the rights or the European card end (the road's dates)."""
        names = {p.id: p.full_name for p in self.store.people.list()}
        found = []
        for record in self.store.road.ending():
            texts = _ENDINGS.get(record.step)
            if texts is None or record.until is None:
                continue
            name = names.get(record.person_id, "")
            summary = Message(texts[0], name=name, day=record.until)
            description = Message(texts[1], name=name, day=record.until)
            found.append(
                Reminder(
                    f"road-{record.person_id}-{record.step.value}",
                    record.until - timedelta(days=REMIND_BEFORE_DAYS),
                    N_("Newcomer's road"),
                    _texts(summary, description),
                )
            )
        return found

    def _unanswered(self) -> list[Reminder]:
        states = self.store.feuilles.states_by_mailing()
        found = []
        for mailing in self.store.mailings.all():
            waiting = states.get(mailing.id, {}).get(FeuilleStatus.MAILED, 0)
            if mailing.mailed_on is None or not waiting:
                continue
            summary = Message(
                N_("Mailing #{number} to {recipient}: still no answer"),
                number=mailing.id,
                recipient=mailing.recipient,
            )
            description = Message(
                N_(
                    "Mailed on {day}; feuilles still waiting for the CPAM: {count}. "
                    "Carnet prepares a reminder letter on the Mailings page."
                ),
                day=mailing.mailed_on,
                count=waiting,
            )
            found.append(
                Reminder(
                    f"mailing-{mailing.id}-unanswered",
                    mailing.mailed_on + UNANSWERED_AFTER,
                    N_("Mailings"),
                    _texts(summary, description),
                )
            )
        return found


_ENDINGS = {
    Step.ATTESTATION: (
        N_("{name}: your rights end on {day}"),
        N_(
            "The attestation de droits of {name} is valid until {day}. Ask your CPAM (or your "
            "ameli account) for a new attestation before then."
        ),
    ),
    Step.EHIC_RECEIVED: (
        N_("{name}: the European Health Insurance Card ends on {day}"),
        N_(
            "The European Health Insurance Card of {name} is valid until {day}. Request a new "
            "one on your ameli account at least 15 days before your next journey in Europe."
        ),
    ),
}


def _awaited_text(payer: Message, count: int, cents: int, latest: date) -> Rendered:
    def text(t: Translator) -> tuple[str, str]:
        summary = Message(
            N_("Money from {payer} becomes overdue: {amount}"),
            payer=payer,
            amount=t.money(cents),
        )
        description = Message(
            N_(
                "Expected payments from {payer} that should have arrived by {day}: {count}. "
                "Import your bank statement in Carnet, or ask {payer} where they are."
            ),
            count=count,
            payer=payer,
            day=latest,
        )
        return summary.render(t), description.render(t)

    return text
