"""Care received abroad: logged with its invoice, converted, claimed with the S3125.

An act abroad is an ordinary act whose fee is the invoice converted to euros,
sent on paper (the household paid the whole invoice) and assessed by
:func:`carnet.rules.abroad.assess_abroad`. Its feuille is the form S3125
(cerfa 12267) rather than a feuille de soins, and it travels in an envelope of
its own: the *claim packet* (:meth:`AbroadService.create_claim`), a mailing like
any other, marked mailed, then paid when the CPAM's transfer is matched.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import is_currency

from carnet.domain import limits
from carnet.domain.abroad import (
    CLAIM_FORM,
    FEUILLE_FORM,
    AbroadCare,
    AbroadInput,
    RateSource,
    rate_from_bank,
    to_euro_cents,
    zone_of,
)
from carnet.domain.banking import BankTransaction
from carnet.domain.care import ActInput, CareAct
from carnet.domain.changes import Changes
from carnet.domain.claims import Feuille
from carnet.domain.codes import Channel, Parcours, PaymentMode
from carnet.domain.errors import ValidationError
from carnet.domain.ids import ActId, PersonId, TransactionId
from carnet.domain.mailings import Mailing
from carnet.domain.validation import check_field
from carnet.i18n import N_
from carnet.services.assessing import Reassessor
from carnet.services.base import Clock, Result, Service
from carnet.services.care import CareService
from carnet.services.mailings import MailingService
from carnet.storage.store import Store

_MAX_RATE = Decimal(100_000)  # euros for one unit: beyond, a typing mistake
# CLDR's regions that are not countries: unknown, EU, eurozone, UN, outlying, pseudo.
_NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"})


@cache
def _countries() -> frozenset[str]:
    """ISO 3166 alpha-2 codes CLDR names (Babel), without its groupings."""
    codes = [str(code) for code in Locale("en").territories]
    return frozenset(c for c in codes if len(c) == 2 and c.isalpha()) - _NOT_COUNTRIES


class AbroadService(Service):
    def __init__(self, store: Store, today: Clock = date.today) -> None:
        super().__init__(store, today)
        self.care = CareService(store, today)
        self.reassessor = Reassessor(store)

    def of(self, act_id: ActId) -> AbroadCare | None:
        """The abroad part of an act, or ``None`` for care in France."""
        return self.store.abroad.for_act(act_id)

    def add_act(self, act: ActInput, abroad: AbroadInput) -> Result[CareAct]:
        """Log care received abroad; its fee is the invoice in euros."""
        clean, rate, source = self._clean(abroad)
        with self.store.transaction(N_("Add care abroad")):
            added = self.care.add_act(_as_abroad(act, clean, rate))
            changes = self._write(added.value, clean, rate, source)
        return Result(self.store.acts.get(added.value.id), added.changes | changes)

    def set_abroad(self, act_id: ActId, abroad: AbroadInput) -> Result[CareAct]:
        """Make ``act_id`` care abroad (or change its invoice, rate or terms)."""
        return self.edit_act(act_id, _input_of(self.store.acts.get(act_id)), abroad)

    def edit_act(self, act_id: ActId, act: ActInput, abroad: AbroadInput) -> Result[CareAct]:
        """Edit an act given abroad: the form's fields and the invoice's terms together."""
        clean, rate, source = self._clean(abroad)
        with self.store.transaction(N_("Edit care abroad")):
            edited = self.care.edit_act(act_id, _as_abroad(act, clean, rate))
            changes = self._write(edited.value, clean, rate, source)
        return Result(self.store.acts.get(act_id), edited.changes | changes)

    def save_act(
        self, act_id: ActId | None, act: ActInput, abroad: AbroadInput | None
    ) -> Result[CareAct]:
        """What the act form saves: a new or edited act, abroad or (again) in France."""
        if abroad is not None:
            return (
                self.add_act(act, abroad) if act_id is None else self.edit_act(act_id, act, abroad)
            )
        if act_id is None:
            return self.care.add_act(act)
        with self.store.transaction(N_("Edit act")):
            existing = self.store.abroad.for_act(act_id)
            if existing is not None:  # back in France: the invoice's terms go
                self.store.abroad.delete(existing.id)
                self.store.events.record("act_abroad", existing.id, "deleted", existing)
                feuille = self.store.feuilles.for_act(act_id)
                if feuille is not None and feuille.form == CLAIM_FORM:
                    self.store.feuilles.update(replace(feuille, form=FEUILLE_FORM))
            return self.care.edit_act(act_id, act)

    def debits(self, limit: int = 200) -> list[BankTransaction]:
        """Bank lines that may have paid an invoice abroad: debits, newest first."""
        lines = [t for t in self.store.bank.transactions() if t.amount_cents < 0]
        return sorted(lines, key=lambda t: (t.date, t.id), reverse=True)[:limit]

    def create_claim(self, person_id: PersonId) -> Result[Mailing]:
        """The claim packet: the signed S3125 forms of the insured and dependents."""
        mailings = MailingService(self.store, self.today)
        ready = [f.id for f in self.ready_claims(person_id)]
        if not ready:
            raise ValidationError(
                "feuille", N_("no signed S3125 form is waiting: sign the claim of the care first")
            )
        return mailings.create(person_id, ready)

    def ready_claims(self, person_id: PersonId) -> list[Feuille]:
        """Signed S3125 forms of ``person_id``'s insured person and dependents."""
        mailings = MailingService(self.store, self.today)
        return [f for f in mailings.ready_feuilles(person_id) if f.form == CLAIM_FORM]

    def _write(
        self, act: CareAct, abroad: AbroadInput, rate: Decimal, source: RateSource
    ) -> Changes:
        record = AbroadCare(
            id=0,
            act_id=act.id,
            country=abroad.country,
            currency=abroad.currency,
            amount=abroad.amount,
            rate=rate,
            zone=abroad.zone or zone_of(abroad.country),
            urgent=abroad.urgent,
            tariff=abroad.tariff,
            rate_source=source,
            transaction_id=abroad.transaction_id,
        )
        existing = self.store.abroad.for_act(act.id)
        if existing is None:
            saved = self.store.abroad.insert(record)
            self.store.events.record("act_abroad", saved.id, "created", after=saved)
        else:
            before, saved = self.store.abroad.update(existing.id, record)
            self.store.events.record("act_abroad", saved.id, "edited", before, after=saved)
        feuille = self.store.feuilles.for_act(act.id)
        feuilles: frozenset[int] = frozenset()
        if feuille is not None and feuille.form != CLAIM_FORM:
            self.store.feuilles.update(replace(feuille, form=CLAIM_FORM))
            feuilles = frozenset({feuille.id})
        touched = self.reassessor.person_year(act.person_id, act.date.year)
        return Changes(acts=frozenset({act.id}), feuilles=feuilles) | touched.changes()

    def _clean(self, abroad: AbroadInput) -> tuple[AbroadInput, Decimal, RateSource]:
        # Bounded before the lookup: the refusal repeats what was typed.
        country = check_field(abroad.country, "country", limits.CODE).upper()
        if country == "FR" or country not in _countries():
            raise ValidationError(
                "country", N_("{code} is not a country code abroad (GB, US, DE…)"), code=country
            )
        currency = check_field(abroad.currency, "currency", limits.CODE).upper()
        if len(currency) != 3 or not is_currency(currency):
            raise ValidationError(
                "currency", N_("{code} is not a currency code (GBP, USD, CHF…)"), code=currency
            )
        if abroad.amount <= 0 or _decimals(abroad.amount) > 2:
            raise ValidationError("amount", N_("give the invoice's amount, at most 2 decimals"))
        rate, source = self._rate(abroad)
        clean = replace(abroad, country=country, currency=currency)
        if to_euro_cents(abroad.amount, rate) > 100_000_00:
            raise ValidationError("amount", N_("is more than 100 000 € (a typing mistake?)"))
        return clean, rate, source

    def _rate(self, abroad: AbroadInput) -> tuple[Decimal, RateSource]:
        if abroad.rate is not None:
            if not 0 < abroad.rate < _MAX_RATE:
                raise ValidationError("rate", N_("give the euros for one unit of the currency"))
            return abroad.rate, RateSource.TYPED
        if abroad.transaction_id is None:
            raise ValidationError(
                "rate", N_("type the exchange rate, or choose the bank line that paid")
            )
        line = self.store.bank.transaction(TransactionId(abroad.transaction_id))
        if line.amount_cents >= 0:
            raise ValidationError("transaction", N_("the bank line that paid must be a debit"))
        return rate_from_bank(abroad.amount, line.amount_cents), RateSource.BANK


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _as_abroad(act: ActInput, abroad: AbroadInput, rate: Decimal) -> ActInput:
    """The act as the engine sees it: the invoice in euros, paid in full, on paper.

    Care away from home carries no parcours penalty (hors résidence).
    """
    return replace(
        act,
        fee_cents=to_euro_cents(abroad.amount, rate),
        channel=Channel.PAPER,
        payment_mode=PaymentMode.PAID_IN_FULL,
        parcours=Parcours.AWAY if act.parcours in (None, Parcours.IN) else act.parcours,
    )


def _input_of(act: CareAct) -> ActInput:
    return ActInput(
        person_id=act.person_id,
        practitioner_id=act.practitioner_id,
        date=act.date,
        act_code=act.act_code,
        fee_cents=act.fee_cents,
        payment_mode=act.payment_mode,
        channel=act.channel,
        parcours=act.parcours,
        ald_related=act.ald_related,
        coefficient=act.coefficient,
        base_override_cents=act.base_override_cents,
        rate_override=act.rate_override,
        notes=act.notes,
    )
