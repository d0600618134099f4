"""The records of a claim packet for care abroad, gathered from the ledger."""

from __future__ import annotations

from babel import Locale

from carnet.documents.abroad_model import AbroadClaim, AbroadInvoice
from carnet.documents.model import Packet
from carnet.domain.abroad import CLAIM_FORM
from carnet.domain.claims import Feuille
from carnet.rules.abroad import can_tell
from carnet.storage.store import Store

# Care that the CPAM reimburses only with the prescription enclosed (as for feuilles).
_PRESCRIBED = ("paramedical", "pharmacy", "biology", "transport", "devices", "radiology")


def is_abroad_claim(feuilles: list[Feuille]) -> bool:
    """A mailing of S3125 forms (care abroad) rather than of feuilles de soins."""
    return bool(feuilles) and all(f.form == CLAIM_FORM for f in feuilles)


def abroad_claim(store: Store, packet: Packet, ordered: list[tuple[Feuille, str]]) -> AbroadClaim:
    """The claim of the envelope whose feuilles (and references) are ``ordered``."""
    invoices = tuple(
        _invoice(store, act_id, reference)
        for feuille, reference in ordered
        for act_id in feuille.act_ids
    )
    return AbroadClaim(
        sender=packet.sender,
        insured=packet.insured,
        recipient=packet.recipient,
        date=packet.date,
        place=packet.place,
        invoices=invoices,
        mailing_id=packet.mailing_id,
        tracking=packet.tracking,
        iban_masked=packet.iban_masked,
    )


def _invoice(store: Store, act_id: int, reference: str) -> AbroadInvoice:
    act = store.acts.get(act_id)
    abroad = store.abroad.for_act(act.id)
    if abroad is None:  # a feuille S3125 is only made for care abroad
        raise LookupError(f"act {act_id} is not care abroad")
    person = store.people.get(act.person_id)
    assessment = store.assessments.get(act.id)
    practitioner = store.practitioners.get(act.practitioner_id).name if act.practitioner_id else ""
    expected = None
    if assessment is not None and can_tell(assessment):
        expected = assessment.amo_cents
    category = "" if assessment is None else assessment.category
    return AbroadInvoice(
        reference=reference,
        beneficiary=person.full_name,
        birth_date=person.birth_date,
        care_date=act.date,
        country=Locale("fr").territories.get(abroad.country, abroad.country),
        country_code=abroad.country,
        practitioner=practitioner,
        act=act.act_code,
        amount=abroad.amount,
        currency=abroad.currency,
        rate=abroad.rate,
        euro_cents=abroad.euro_cents,
        zone=abroad.zone.value,
        tariff=abroad.tariff.value,
        urgent=abroad.urgent,
        expected_cents=expected,
        prescription=category.startswith(_PRESCRIBED),
    )
