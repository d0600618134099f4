"""Care received abroad: the invoice in its currency, the rate, and the claim's terms.

Where the care was given decides what the CPAM may pay (docs/rules.md has no row on
this; sources below, checked against several concordant public pages):

- **Europe** (the EU, the EEA, Switzerland and the United Kingdom: where the European
  Health Insurance Card works). Care paid on the spot is claimed back with the form
  S3125 (cerfa 12267); the household ticks whether it wants the French tariffs or
  those of the country of stay. Without a choice the country's apply, and only the
  CPAM (asking the foreign institution) knows that amount. [sure]
  Src: CLCV Morbihan "soins médicaux reçus à l'étranger"; service-public F213.
- **Elsewhere**: only urgent and unforeseen care may be reimbursed, at the caisse's
  discretion (its médecin conseil judges the urgency, a refusal cannot be contested),
  on the basis of and within the French tariffs. Planned care is not reimbursed
  without the caisse's prior agreement. [sure]
  Src: ag2rlamondiale.fr "vacances à l'étranger"; adfecr.com "voyager à l'étranger".

The euro amount is the invoice times the rate, rounded half-up to the cent: the
rate is a :class:`~decimal.Decimal` (euros for one unit of the currency) typed from
the household's records or taken from the bank line that paid the invoice.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from carnet.domain.ids import ActId
from carnet.domain.money import Cents

# The feuille of care abroad: the form "Soins reçus à l'étranger" S3125 (cerfa 12267).
CLAIM_FORM = "cerfa-12267"
FEUILLE_FORM = "cerfa-12541"  # the doctor's feuille de soins, every other feuille's form


class Zone(StrEnum):
    EUROPE = "europe"  # EU, EEA, Switzerland, United Kingdom
    ELSEWHERE = "elsewhere"


class TariffChoice(StrEnum):
    """In Europe, the tariffs the household asks the CPAM to apply (a box of the S3125)."""

    FRENCH = "french"
    COUNTRY = "country"


class RateSource(StrEnum):
    TYPED = "typed"
    BANK = "bank"  # the bank line that paid the invoice: its euros over the invoice


# ISO 3166-1 alpha-2: the 27 EU states, Iceland, Liechtenstein, Norway (EEA),
# Switzerland and the United Kingdom.
_EU = "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"
EUROPE = frozenset((*_EU.split(), "IS", "LI", "NO", "CH", "GB"))


def zone_of(country: str) -> Zone:
    """The zone of an ISO country code (``"GB"`` → Europe, ``"US"`` → elsewhere)."""
    return Zone.EUROPE if country.upper() in EUROPE else Zone.ELSEWHERE


def to_euro_cents(amount: Decimal, rate: Decimal) -> Cents:
    """``amount`` of a currency at ``rate`` euros per unit, in cents rounded half-up."""
    return Cents(int((amount * rate * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)))


def rate_from_bank(amount: Decimal, debit_cents: int) -> Decimal:
    """The rate a bank applied: the euros debited over the invoice's amount (8 places)."""
    euros = Decimal(abs(debit_cents)) / 100
    return (euros / amount).quantize(Decimal("0.00000001"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class AbroadCare:
    """What makes an act care received abroad; one row per act (``act_abroad``).

    ``amount`` is the invoice in ``currency`` (ISO 4217); ``rate`` converts it to
    euros; ``transaction_id`` names the bank line the rate was taken from.
    """

    id: int
    act_id: ActId
    country: str
    currency: str
    amount: Decimal
    rate: Decimal
    zone: Zone
    urgent: bool = True
    tariff: TariffChoice = TariffChoice.FRENCH
    rate_source: RateSource = RateSource.TYPED
    transaction_id: int | None = None

    @property
    def euro_cents(self) -> Cents:
        return to_euro_cents(self.amount, self.rate)


@dataclass(frozen=True, slots=True)
class AbroadInput:
    """What a form or the CLI gives for the abroad part of an act (not yet validated).

    ``rate`` may be ``None`` when ``transaction_id`` names the bank line that paid.
    """

    country: str
    currency: str
    amount: Decimal
    rate: Decimal | None = None
    urgent: bool = True
    tariff: TariffChoice = TariffChoice.FRENCH
    zone: Zone | None = None  # None: from the country
    transaction_id: int | None = None
