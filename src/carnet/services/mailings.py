"""Use cases for mailings: put ready feuilles in an envelope to the CPAM (or a mutuelle),
print, mail, and follow up (reclamation letters too: see :mod:`carnet.services.reclamations`).

A mailing goes to one insured person's caisse and may hold the feuilles of
their dependents too, as the CPAM pays them on the insured person's account.
Marking it mailed starts the payment clock: the expected CPAM transfers get a
window counted from the mailing date.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

from carnet.domain import limits
from carnet.domain.abroad import CLAIM_FORM
from carnet.domain.changes import Changes
from carnet.domain.claims import READY_TO_MAIL, Feuille, Step
from carnet.domain.codes import FeuilleStatus
from carnet.domain.errors import ValidationError
from carnet.domain.ids import FeuilleId, MailingId, PersonId
from carnet.domain.mailings import Mailing, MailingMode, RecipientKind
from carnet.domain.people import Person
from carnet.domain.validation import check_date, check_field
from carnet.i18n import N_
from carnet.services.assessing import Reassessor
from carnet.services.base import Clock, Result, Service
from carnet.services.feuille_keeper import FeuilleKeeper
from carnet.services.reclamations import ReclamationService
from carnet.services.settings import CAISSE_KEY
from carnet.storage.store import Store


class MailingService(Service):
    def __init__(self, store: Store, today: Clock = date.today) -> None:
        super().__init__(store, today)
        self.keeper = FeuilleKeeper(store)
        self.reassessor = Reassessor(store)

    def insured_of(self, person_id: PersonId) -> Person:
        """The person whose number and caisse a mailing is for (self, or the insured)."""
        person = self.store.people.get(person_id)
        return person if person.insured_id is None else self.store.people.get(person.insured_id)

    def group(self, insured: Person) -> list[PersonId]:
        dependents = [p.id for p in self.store.people.list("insured_id = ?", [insured.id])]
        return [insured.id, *dependents]

    def ready_feuilles(self, person_id: PersonId) -> list[Feuille]:
        """Signed (and ideally copied) feuilles of the insured person and dependents."""
        return self._ready_among(person_id, None)

    def _ready_among(
        self, person_id: PersonId, feuille_ids: list[FeuilleId] | None
    ) -> list[Feuille]:
        """The ready feuilles of the group, of those ``feuille_ids`` if given."""
        people = self.group(self.insured_of(person_id))
        statuses = sorted(status.value for status in READY_TO_MAIL)
        # Asked of the database: a long history holds thousands of closed feuilles.
        where = (
            f"person_id IN ({', '.join('?' * len(people))}) "
            f"AND status IN ({', '.join('?' * len(statuses))})"
        )
        params: list[object] = [*people, *statuses]
        if feuille_ids is not None:
            where += " AND id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(set(feuille_ids))))
        return self.store.feuilles.find(where, params)

    def create(
        self,
        person_id: PersonId,
        feuille_ids: list[FeuilleId] | None = None,
        recipient_kind: RecipientKind = RecipientKind.CPAM,
    ) -> Result[Mailing]:
        insured = self.insured_of(person_id)
        feuilles = self._chosen(person_id, feuille_ids)
        recipient = self._recipient(insured, recipient_kind)
        today = self.today()
        with self.store.transaction(N_("Create mailing")):
            mailing = self.store.mailings.insert(
                Mailing(
                    id=MailingId(0),
                    person_id=insured.id,
                    recipient_kind=recipient_kind,
                    recipient=recipient,
                    feuille_ids=(),
                    created_on=today,
                )
            )
            self.store.events.record("mailing", mailing.id, "created", after=mailing)
            enclosed = [(replace(f, mailing_id=mailing.id), today) for f in feuilles]
            self.keeper.step_many(enclosed, Step.ENCLOSE)
            mailing = self.store.mailings.get(mailing.id)
        ids = frozenset(f.id for f in feuilles)
        return Result(mailing, Changes(mailings=frozenset({mailing.id}), feuilles=ids))

    def mark_printed(self, mailing_id: MailingId, on: date | None = None) -> Result[Mailing]:
        day = self._day(on)
        with self.store.transaction(N_("Mark mailing printed")):
            before = self.store.mailings.get(mailing_id)
            after = self.store.mailings.update(replace(before, printed_on=day))
            self.store.events.record("mailing", mailing_id, f"printed:{day}", before, after=after)
        return Result(after, Changes(mailings=frozenset({mailing_id})))

    def mark_mailed(
        self, mailing_id: MailingId, on: date | None = None, tracking: str = ""
    ) -> Result[Mailing]:
        """The envelope left: feuilles become *mailed*, CPAM payments are expected from now."""
        day = self._day(on)
        tracking = check_field(tracking, "tracking", limits.TRACKING)
        with self.store.transaction(N_("Mark mailing mailed")):
            before = self.store.mailings.get(mailing_id)
            if before.mailed_on is not None:
                raise ValidationError(
                    "mailing", N_("mailing #{number} was already mailed"), number=mailing_id
                )
            mode = MailingMode.REGISTERED if tracking else before.mode
            after = self.store.mailings.update(
                replace(
                    before,
                    mailed_on=day,
                    tracking=tracking,
                    mode=mode,
                    printed_on=before.printed_on or day,
                )
            )
            self.store.events.record("mailing", mailing_id, f"mailed:{day}", before, after=after)
            feuilles = self.store.feuilles.for_mailing(mailing_id)
            self.keeper.step_many([(feuille, day) for feuille in feuilles], Step.MAIL)
            touched = self.reassessor.many(
                self.store.acts.person_years(
                    "id IN (SELECT l.act_id FROM feuille_act l JOIN feuille f "
                    "ON f.id = l.feuille_id WHERE f.mailing_id = ?)",
                    [mailing_id],
                )
            )
        changes = Changes(
            mailings=frozenset({mailing_id}), feuilles=frozenset(f.id for f in feuilles)
        )
        return Result(after, changes | touched.changes())

    def cancel(self, mailing_id: MailingId) -> Result[Mailing]:
        """Take the feuilles back out of an envelope that was not mailed."""
        with self.store.transaction(N_("Cancel mailing")):
            mailing = self.store.mailings.get(mailing_id)
            if mailing.mailed_on is not None:
                raise ValidationError("mailing", N_("a mailed envelope cannot be cancelled"))
            for feuille in self.store.feuilles.for_mailing(mailing_id):
                self.keeper.step(feuille, Step.UNENCLOSE, self.today())
            for line in self.store.receipts.lines_of(mailing_id):  # a reclamation's acts
                self.store.receipts.lines.delete(line.id)
                self.store.events.record("reclamation_line", line.id, "deleted", line)
            self.store.mailings.delete(mailing_id)
            self.store.events.record("mailing", mailing_id, "deleted", mailing)
        return Result(
            mailing,
            Changes(mailings=frozenset({mailing_id}), feuilles=frozenset(mailing.feuille_ids)),
        )

    def mailings(self) -> list[Mailing]:
        return self.store.mailings.all()

    def mailing(self, mailing_id: MailingId) -> Mailing:
        return self.store.mailings.get(mailing_id)

    def feuilles_of(self, mailing_id: MailingId) -> list[Feuille]:
        return self.store.feuilles.for_mailing(mailing_id)

    def feuille_states(self) -> dict[MailingId, dict[FeuilleStatus, int]]:
        """How many feuilles of each mailing are in each state (a mailing with none: absent)."""
        return self.store.feuilles.states_by_mailing()

    def unanswered(self, weeks: int = 6) -> list[Mailing]:
        """Mailed more than ``weeks`` ago with a feuille still waiting for the CPAM."""
        limit = self.today() - timedelta(weeks=weeks)
        states = self.feuille_states()
        # A reclamation is unanswered while an act it claims is still paid short.
        claims = set(ReclamationService(self.store, self.today).unanswered(weeks))
        return [
            m
            for m in self.mailings()
            if m.mailed_on is not None
            and m.mailed_on <= limit
            and (states.get(m.id, {}).get(FeuilleStatus.MAILED, 0) > 0 or m.id in claims)
        ]

    def _chosen(self, person_id: PersonId, feuille_ids: list[FeuilleId] | None) -> list[Feuille]:
        if feuille_ids:
            by_id = {f.id: f for f in self._ready_among(person_id, feuille_ids)}
            missing = [i for i in feuille_ids if i not in by_id]
            if missing:
                raise ValidationError(
                    "feuille",
                    N_(
                        "feuille #{number} is not ready to mail for this person "
                        "(it must be signed, and belong to the insured person or a dependent)"
                    ),
                    number=missing[0],
                )
            chosen = [by_id[i] for i in dict.fromkeys(feuille_ids)]
            if len({f.form == CLAIM_FORM for f in chosen}) > 1:
                raise ValidationError(
                    "feuille",
                    N_(
                        "a claim for care abroad (form S3125) goes in an envelope of its own, "
                        "without feuilles de soins"
                    ),
                )
            return chosen
        ready = self.ready_feuilles(person_id)
        # Claims for care abroad (S3125) travel in an envelope of their own, with their letter.
        ready = [f for f in ready if f.form != CLAIM_FORM]
        if not ready:
            raise ValidationError("feuille", N_("no signed feuille is waiting to be mailed"))
        return ready

    def _recipient(self, insured: Person, kind: RecipientKind) -> str:
        if kind is RecipientKind.CPAM:
            # A person's own caisse, else the household's (chosen in the assistant).
            caisse = insured.cpam or self.store.settings.get(CAISSE_KEY)
            if not caisse:
                raise ValidationError(
                    "cpam", N_("choose {name}'s caisse first"), name=insured.full_name
                )
            return caisse
        if insured.contract_id is None:
            raise ValidationError(
                "contract", N_("{name} has no mutuelle contract"), name=insured.full_name
            )
        contract = self.store.contracts.get(insured.contract_id)
        if contract.noemie and insured.noemie:
            raise ValidationError(
                "recipient",
                N_("Noémie is on: the CPAM forwards the claim to the mutuelle, nothing to mail"),
            )
        return contract.insurer

    def _day(self, on: date | None) -> date:
        day = on or self.today()
        check_date(day, "date", today=self.today())  # neither in the future nor before 1900
        return day
