"""Build the printable records of a mailing from the ledger (letter, inventory, checklist).

The documents layer only renders; this module gathers what the CPAM needs to
read: who writes, under which number, which feuilles with which reference, the
account on file. The PDF is kept beside the database with its SHA-256, so the
household can show exactly what was sent.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from carnet.documents.abroad_claim import render_abroad_claim
from carnet.documents.copies import append_copies
from carnet.documents.labels import render_labels
from carnet.documents.model import (
    EnclosedFeuille,
    Insured,
    MutuelleClaim,
    Packet,
    Recipient,
    Reminder,
    Sender,
    feuille_reference,
    mailing_reference,
)
from carnet.documents.mutuelle_letter import render_mutuelle_letter
from carnet.documents.packet import build_packet
from carnet.documents.reclamation_letter import render_reclamation
from carnet.documents.reminder import render_reminder
from carnet.domain.attachments import AttachedTo, Attachment, AttachmentKind
from carnet.domain.care import CareAct
from carnet.domain.claims import Feuille
from carnet.domain.errors import ValidationError
from carnet.domain.ids import AttachmentId, MailingId
from carnet.domain.mailings import Mailing, RecipientKind
from carnet.domain.people import Person
from carnet.domain.validation import format_nir
from carnet.i18n import N_
from carnet.services.abroad_claims import abroad_claim, is_abroad_claim
from carnet.services.base import Service
from carnet.services.mailing_copies import gather_copies
from carnet.services.reclamations import ReclamationService, is_reclamation
from carnet.services.settings import SettingsService

# Care that the CPAM reimburses only with the prescription enclosed.
_PRESCRIBED = ("paramedical", "pharmacy", "biology", "transport", "devices", "radiology")


def _without_name(address: tuple[str, ...], name: str) -> tuple[str, ...]:
    """The address without a first line that repeats the sender's name.

    The setting asks for the address "as on the envelope", so many households start it
    with their name; the letter already prints the name above it.
    """

    def plain(text: str) -> str:
        return " ".join(text.split()).casefold()

    if len(address) > 1 and plain(address[0]) == plain(name):
        return address[1:]
    return address


class MailingDocuments(Service):
    def packet(self, mailing_id: MailingId) -> Packet:
        mailing = self.store.mailings.get(mailing_id)
        settings = SettingsService(self.store, self.today)
        insured = self.store.people.get(mailing.person_id)
        prefix = "C" if mailing.recipient_kind is RecipientKind.CPAM else "M"
        reference = mailing_reference((mailing.created_on or self.today()).year, mailing.id, prefix)
        return Packet(
            sender=Sender(
                (insured.full_name,),
                _without_name(settings.household_address(), insured.full_name),
                settings.get("household.phone"),
                settings.get("household.email"),
            ),
            insured=Insured(insured.full_name, format_nir(insured.nir) if insured.nir else ""),
            recipient=Recipient(mailing.recipient, settings.address_of(mailing.recipient)),
            date=self.today(),
            place=settings.city(),
            feuilles=() if is_reclamation(mailing) else self._enclosed(mailing, reference),
            mailing_id=reference,
            tracking=mailing.tracking,
            iban_masked=self._iban_masked(),
        )

    def pdf(
        self, mailing_id: MailingId, language: str = "en", with_attachments: bool = False
    ) -> bytes:
        """The full packet as PDF; kept beside the database and noted on the mailing.

        To the CPAM: letter, bordereau and checklist. To a mutuelle (no Noémie link):
        the letter that goes with the CPAM statement and copies of the feuilles.
        ``with_attachments`` appends copies of the feuilles' and acts' attached
        files, marked as staying at home; the PDF kept with the mailing is the
        packet without them, since they never go into the envelope.
        """
        mailing = self.store.mailings.get(mailing_id)
        packet = self.packet(mailing_id)
        if is_reclamation(mailing):
            return self._reclamation(mailing, packet, reminder=False)
        ordered = self._ordered(mailing, packet.mailing_id)
        if mailing.recipient_kind is RecipientKind.MUTUELLE:
            data = render_mutuelle_letter(self._mutuelle_claim(mailing, packet))
        elif is_abroad_claim([f for f, _ in ordered]):
            data = render_abroad_claim(abroad_claim(self.store, packet, ordered), language)
        else:
            data = build_packet(packet, language)
        self._keep(mailing_id, data, AttachmentKind.PACKET, f"mailing-{mailing_id}.pdf")
        if with_attachments:
            copies = gather_copies(self.store, ordered)
            data = append_copies(data, copies, packet.mailing_id, packet.date)
        return data

    def labels_pdf(self, mailing_id: MailingId) -> bytes:
        """An A4 sheet of address labels (recipient and return address), for plain envelopes."""
        packet = self.packet(mailing_id)
        return render_labels(packet.recipient, packet.sender, day=packet.date)

    def _mutuelle_claim(self, mailing: Mailing, packet: Packet) -> MutuelleClaim:
        insured = self.store.people.get(mailing.person_id)
        number = ""
        if insured.contract_id is not None:
            number = self.store.contracts.get(insured.contract_id).number
        return MutuelleClaim(
            sender=packet.sender,
            insured=packet.insured,
            recipient=packet.recipient,
            date=packet.date,
            place=packet.place,
            contract_number=number,
            feuilles=packet.feuilles,
            mailing_id=packet.mailing_id,
        )

    def reminder_pdf(self, mailing_id: MailingId) -> bytes:
        """A relance (always in French) for a mailing the CPAM has not answered."""
        mailing = self.store.mailings.get(mailing_id)
        if mailing.mailed_on is None:
            raise ValidationError(
                "mailing", N_("mailing #{number} has not been mailed yet"), number=mailing_id
            )
        packet = self.packet(mailing_id)
        if is_reclamation(mailing):
            return self._reclamation(mailing, packet, reminder=True)
        reminder = Reminder(
            sender=packet.sender,
            insured=packet.insured,
            recipient=packet.recipient,
            date=packet.date,
            place=packet.place,
            original_date=mailing.mailed_on,
            feuilles=packet.feuilles,
            tracking=mailing.tracking,
            mailing_id=packet.mailing_id,
        )
        data = render_reminder(reminder)
        self._keep(mailing_id, data, AttachmentKind.LETTER, f"reminder-{mailing_id}.pdf")
        return data

    def _reclamation(self, mailing: Mailing, packet: Packet, *, reminder: bool) -> bytes:
        """The reclamation letter (or its relance), kept with the mailing like a packet."""
        letter = ReclamationService(self.store, self.today).letter(
            mailing, packet.sender, packet.place, reminder
        )
        data = render_reclamation(letter)
        if reminder:
            self._keep(mailing.id, data, AttachmentKind.LETTER, f"reminder-{mailing.id}.pdf")
        else:
            self._keep(mailing.id, data, AttachmentKind.PACKET, f"reclamation-{mailing.id}.pdf")
        return data

    def _enclosed(self, mailing: Mailing, reference: str) -> tuple[EnclosedFeuille, ...]:
        return tuple(self._line(f, ref) for f, ref in self._ordered(mailing, reference))

    def _ordered(self, mailing: Mailing, reference: str) -> list[tuple[Feuille, str]]:
        """The mailing's feuilles in the bordereau's order, each with its reference."""
        feuilles = self.store.feuilles.for_mailing(mailing.id)
        if not feuilles:
            raise ValidationError(
                "mailing", N_("mailing #{number} holds no feuille"), number=mailing.id
            )
        ordered = sorted(feuilles, key=lambda f: (f.received_on or date.min, f.id))
        return [(f, feuille_reference(reference, n)) for n, f in enumerate(ordered, 1)]

    def _line(self, feuille: Feuille, reference: str) -> EnclosedFeuille:
        person: Person = self.store.people.get(feuille.person_id)
        acts: list[CareAct] = [self.store.acts.get(a) for a in feuille.act_ids]
        first = min(acts, key=lambda a: a.date)
        practitioner = (
            self.store.practitioners.get(first.practitioner_id).name
            if first.practitioner_id is not None
            else ""
        )
        categories = [self._category(a) for a in acts]
        return EnclosedFeuille(
            reference=reference,
            beneficiary=person.full_name,
            beneficiary_birth_date=person.birth_date,
            care_date=first.date,
            practitioner=practitioner,
            act=", ".join(dict.fromkeys(a.act_code for a in acts)),
            paid_cents=sum(a.fee_cents for a in acts),
            prescription=any(c.startswith(_PRESCRIBED) for c in categories),
            session_dates=tuple(sorted({a.date for a in acts})),
        )

    def _category(self, act: CareAct) -> str:
        assessment = self.store.assessments.get(act.id)
        return "" if assessment is None else assessment.category

    def _iban_masked(self) -> str:
        accounts = self.store.bank_accounts.list(order_by="id")
        iban = next((a.iban for a in accounts if a.iban), "")
        if not iban:
            return ""
        return f"{iban[:4]} •••• •••• {iban[-4:]}"

    def _keep(self, mailing_id: MailingId, data: bytes, kind: AttachmentKind, name: str) -> None:
        if self.store.files is None:
            return  # an in-memory ledger keeps nothing on disk
        if self.store.ledger.read_only:
            return  # printed from a read-only folder: the copy is kept at the next printing
        digest = self.store.files.put(data)
        with self.store.transaction(N_("Keep a mailing PDF")):
            mailing = self.store.mailings.get(mailing_id)
            if kind is AttachmentKind.PACKET:
                self.store.mailings.update(replace(mailing, pdf_sha256=digest))
            known = {
                a.sha256 for a in self.store.attachments.for_entity(AttachedTo.MAILING, mailing_id)
            }
            if digest not in known:
                self.store.attachments.insert(
                    Attachment(
                        AttachmentId(0),
                        digest,
                        name,
                        "application/pdf",
                        len(data),
                        kind,
                        AttachedTo.MAILING,
                        mailing_id,
                    )
                )
