"""Reclamation letters: ask the CPAM (or the mutuelle) for what it underpaid.

A reclamation is a mailing of kind *reclamation*: it is previewed, printed,
marked mailed and followed up like an envelope of feuilles (the Mailings page
and ``carnet mailing`` work on it), and a relance is offered when the payer
has not put things right some weeks after it was mailed. Its lines keep the
amounts and the reason as they were when the letter was written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from carnet.documents.model import Insured, Recipient, Sender
from carnet.documents.reclamation_letter import ClaimedAct, Reclamation, reason_fr
from carnet.domain.changes import Changes
from carnet.domain.codes import Payer
from carnet.domain.errors import ValidationError
from carnet.domain.ids import ActId, MailingId
from carnet.domain.mailings import Mailing, MailingKind, RecipientKind
from carnet.domain.money import Cents
from carnet.domain.people import Person
from carnet.domain.receipts import ReclamationLine
from carnet.domain.validation import format_nir
from carnet.i18n import N_
from carnet.services.base import Result, Service
from carnet.services.discrepancies import Discrepancy, DiscrepancyService
from carnet.services.settings import SettingsService

_RECIPIENTS = {Payer.AMO: RecipientKind.CPAM, Payer.AMC: RecipientKind.MUTUELLE}


class ReclamationService(Service):
    def create(self, act_ids: Sequence[ActId], payer: Payer | None = None) -> Result[Mailing]:
        """A reclamation for what is owed on ``act_ids`` (to one payer, for one insured)."""
        SettingsService(self.store, self.today).household_address()  # the letter needs it
        chosen = self._owed(act_ids, payer)
        payers = {d.payer for d in chosen}
        if len(payers) > 1:
            raise ValidationError(
                "payer",
                N_("both the CPAM and the mutuelle owe money on these acts: write one letter each"),
            )
        (owed_by,) = payers
        insured = {self._insured_of(d.person_id).id for d in chosen}
        if len(insured) > 1:
            raise ValidationError(
                "act", N_("these acts belong to people insured apart: write one letter each")
            )
        person = self._insured_of(chosen[0].person_id)
        recipient = self._recipient(person, owed_by)
        with self.store.transaction(N_("Write a reclamation")):
            mailing = self.store.mailings.insert(
                Mailing(
                    id=MailingId(0),
                    person_id=person.id,
                    recipient_kind=_RECIPIENTS[owed_by],
                    recipient=recipient,
                    created_on=self.today(),
                    kind=MailingKind.RECLAMATION,
                )
            )
            self.store.events.record("mailing", mailing.id, "created", after=mailing)
            for d in chosen:
                line = self.store.receipts.lines.insert(
                    ReclamationLine(
                        0,
                        mailing.id,
                        d.act_id,
                        d.payer,
                        Cents(d.expected_cents),
                        Cents(d.received_cents),
                        d.cause,
                        reason_fr(d.cause.value, d.detail),
                    )
                )
                self.store.events.record("reclamation_line", line.id, "created", after=line)
        changes = Changes(mailings=frozenset({mailing.id}), acts=frozenset(act_ids))
        return Result(mailing, changes)

    def letter(
        self, mailing: Mailing, sender: Sender, place: str, reminder: bool = False
    ) -> Reclamation:
        """What the letter of ``mailing`` says (``reminder``: its relance)."""
        person = self.store.people.get(mailing.person_id)
        lines = self.store.receipts.lines_of(mailing.id)
        names = {p.id: p.full_name for p in self.store.people.list()}
        acts = []
        for line in lines:
            act = self.store.acts.get(line.act_id)
            acts.append(
                ClaimedAct(
                    act.date,
                    names.get(act.person_id, ""),
                    act.act_code,
                    line.expected_cents,
                    line.received_cents,
                    line.reason,
                )
            )
        number = ""
        if person.contract_id is not None:
            number = self.store.contracts.get(person.contract_id).number
        settings = SettingsService(self.store, self.today)
        year = (mailing.created_on or self.today()).year
        return Reclamation(
            sender=sender,
            insured=Insured(person.full_name, format_nir(person.nir) if person.nir else ""),
            recipient=Recipient(mailing.recipient, settings.address_of(mailing.recipient)),
            date=self.today(),
            place=place,
            acts=tuple(sorted(acts, key=lambda a: (a.care_date, a.act))),
            to_mutuelle=mailing.recipient_kind is RecipientKind.MUTUELLE,
            contract_number=number,
            mailing_id=f"R-{year}-{mailing.id:04d}",
            tracking=mailing.tracking,
            original_date=mailing.mailed_on if reminder else None,
        )

    def unanswered(self, weeks: int = 6) -> list[MailingId]:
        """Reclamations mailed ``weeks`` ago or more whose acts are still underpaid."""
        limit = self.today() - timedelta(weeks=weeks)
        still = self.store.receipts.still_owed_letters()
        return [
            m.id
            for m in self.store.mailings.all()
            if m.kind is MailingKind.RECLAMATION
            and m.mailed_on is not None
            and m.mailed_on <= limit
            and m.id in still
        ]

    def _owed(self, act_ids: Sequence[ActId], payer: Payer | None) -> list[Discrepancy]:
        if not act_ids:
            raise ValidationError("act", N_("name at least one act"))
        wanted = set(act_ids)
        found = [
            d
            for d in DiscrepancyService(self.store, self.today).find()
            if d.act_id in wanted and d.difference_cents > 0 and payer in (None, d.payer)
        ]
        missing = sorted(wanted - {d.act_id for d in found})
        if missing:
            raise ValidationError(
                "act",
                N_("act #{number} has nothing to claim: nothing was paid short on it"),
                number=missing[0],
            )
        return found

    def _insured_of(self, person_id: int) -> Person:
        person = self.store.people.get(person_id)
        return person if person.insured_id is None else self.store.people.get(person.insured_id)

    def _recipient(self, insured: Person, payer: Payer) -> str:
        if payer is Payer.AMO:
            if not insured.cpam:
                raise ValidationError(
                    "cpam", N_("enter {name}'s CPAM first"), name=insured.full_name
                )
            return insured.cpam
        if insured.contract_id is None:
            raise ValidationError(
                "contract", N_("{name} has no mutuelle contract"), name=insured.full_name
            )
        return self.store.contracts.get(insured.contract_id).insurer


def is_reclamation(mailing: Mailing) -> bool:
    return mailing.kind is MailingKind.RECLAMATION
