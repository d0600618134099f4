"""A realistic demo household, and the same generator at benchmark scale.

Everything goes through the real services, so the demo data is validated and
assessed exactly like what a person types. The generator is deterministic for
a given seed and ``today``, which keeps screenshots and benchmarks repeatable.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate

from carnet.domain.banking import BankAccountInput
from carnet.domain.care import ActInput
from carnet.domain.codes import Channel, Parcours, PaymentMode
from carnet.domain.contracts import ContractInput, Guarantee
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.people import Person, PersonInput, Registration, Sex
from carnet.domain.practitioners import (
    Practitioner,
    PractitionerInput,
    Profession,
    Sector,
    Specialty,
)
from carnet.i18n import N_
from carnet.services.assessing import deferred
from carnet.services.care import CareService
from carnet.services.demo_bank import import_demo_statement
from carnet.services.demo_paperwork import advance_paperwork
from carnet.services.household import HouseholdService
from carnet.services.settings import SettingsService

DEFAULT_ACTS = 80
YEARS = 3
NEWCOMER_DAYS = timedelta(days=150)


@dataclass(frozen=True, slots=True)
class DemoHousehold:
    people: dict[str, Person]
    practitioners: dict[str, Practitioner]
    acts: int


@dataclass(frozen=True, slots=True)
class _Kind:
    """One kind of care the generator draws, with who receives it."""

    weight: int
    practitioner: str
    code: str
    fee: Callable[[random.Random, date, Person], int]
    who: tuple[str, ...]
    mode: PaymentMode = PaymentMode.PAID_IN_FULL
    coefficient: Decimal | None = None


def _gp_fee(_rng: random.Random, day: date, person: Person) -> int:
    # The tariff in force that day, plus the child majoration (MEG) before 6.
    base = 2500 if day < date(2023, 11, 1) else 2650 if day < date(2024, 12, 22) else 3000
    age = person.age_on(day)
    return base + (500 if age is not None and age < 6 else 0)


def _specialist_fee(rng: random.Random, _day: date, _person: Person) -> int:
    return rng.choice((6000, 6500, 7000, 8000))


def _physio_fee(_rng: random.Random, day: date, _person: Person) -> int:
    return 1856 if day >= date(2024, 2, 22) else 1806


def _pharmacy_fee(rng: random.Random, _day: date, _person: Person) -> int:
    return rng.randrange(350, 6000, 5)


_KINDS = (
    _Kind(40, "gp", "G", _gp_fee, ("sarah", "david", "lea", "tom")),
    _Kind(10, "cardio", "CS", _specialist_fee, ("sarah", "david")),
    _Kind(20, "physio", "AMK", _physio_fee, ("sarah", "tom"), coefficient=Decimal("8.4")),
    _Kind(
        30,
        "pharmacy",
        "PH7",
        _pharmacy_fee,
        ("sarah", "david", "lea", "tom"),
        mode=PaymentMode.TIERS_PAYANT_TOTAL,
    ),
)


_CUMULATED = list(accumulate(kind.weight for kind in _KINDS))


def build_demo(
    household: HouseholdService,
    care: CareService,
    *,
    acts: int = DEFAULT_ACTS,
    seed: int = 1,
    today: date | None = None,
) -> DemoHousehold:
    """Create the demo household and ``acts`` generated care acts up to ``today``.

    All or nothing: one transaction, so an interrupted demo leaves an empty database
    that ``carnet demo`` can fill again.
    """
    day = today or household.today()
    with household.store.transaction(N_("Create demo household")):
        return _build(household, care, acts, seed, day)


def _build(
    household: HouseholdService, care: CareService, acts: int, seed: int, today: date
) -> DemoHousehold:
    practitioners = _practitioners(household)
    people = _people(household, practitioners, today)
    settings = SettingsService(household.store, household.today)
    settings.set("household.address", "12 rue des Lilas\n75011 Paris")
    settings.set("household.email", "thompson.family@example.org")
    household.add_bank_account(
        BankAccountInput(name="Compte joint", iban="FR7630006000011234567890189", bank="BoursoBank")
    )
    rng = random.Random(seed)
    recent = _recent_paper(people, practitioners, today)[:acts]
    items = [_act(rng, people, practitioners, today) for _ in range(acts - len(recent))]
    # Logged in date order, as a household logs its care: ids then follow the dates, and
    # the care table's (column, date, id) indexes grow at their end instead of anywhere.
    items.sort(key=lambda item: item.date)
    # Adding acts and mailing them both reassess: one pass at the end instead.
    with deferred(care.store):
        care.add_acts(items + recent)
        advance_paperwork(care.store, today)
    import_demo_statement(care.store, today, rng)
    return DemoHousehold(people, practitioners, acts)


def _practitioners(household: HouseholdService) -> dict[str, Practitioner]:
    specs = {
        "gp": PractitionerInput(
            "Dr Claire Martin",
            Profession.GP,
            address="12 rue des Lilas, 75011 Paris",
            languages=("fr", "en"),
        ),
        "cardio": PractitionerInput(
            "Dr Paul Lefèvre",
            Profession.SPECIALIST,
            Specialty.CARDIOLOGY,
            Sector.S2,
            address="4 avenue Parmentier, 75011 Paris",
        ),
        "physio": PractitionerInput(
            "Julien Roux",
            Profession.PHYSIOTHERAPIST,
            address="30 boulevard Voltaire, 75011 Paris",
            languages=("fr", "es"),
        ),
        "pharmacy": PractitionerInput(
            "Pharmacie du Marché", Profession.PHARMACY, address="2 place du Marché, 75011 Paris"
        ),
    }
    return {key: household.add_practitioner(spec).value for key, spec in specs.items()}


def _people(
    household: HouseholdService, practitioners: dict[str, Practitioner], today: date
) -> dict[str, Person]:
    contract = household.add_contract(
        ContractInput(
            insurer="Harmonie Mutuelle",
            number="HM-2023-448812",
            default_percent=100,
            optam_percent=200,
            non_optam_percent=150,
            guarantees=(Guarantee("optics", 100, Cents(15000)),),
        )
    ).value
    gp = PractitionerId(practitioners["gp"].id)
    sarah = household.add_person(
        PersonInput(
            "Sarah",
            "Thompson",
            sex=Sex.FEMALE,
            birth_date=date(1988, 3, 14),
            nir="288039913204516",
            cpam="CPAM de Paris",
            treating_doctor_id=gp,
            treating_declared_on=date(2023, 2, 1),
            contract_id=contract.id,
            vitale=True,
        )
    ).value
    # A newcomer: arrived recently, the social security number is not there yet.
    david = household.add_person(
        PersonInput(
            "David",
            "Thompson",
            sex=Sex.MALE,
            birth_date=date(1986, 9, 2),
            registration=Registration.ATTESTATION_PENDING,
            cpam="CPAM de Paris",
            contract_id=contract.id,
            notes="Arrived from Manchester; dossier sent.",
        )
    ).value
    lea = household.add_person(
        PersonInput(
            "Léa",
            "Thompson",
            sex=Sex.FEMALE,
            birth_date=date(today.year - 4, 5, 2),
            insured_id=PersonId(sarah.id),
            cpam="CPAM de Paris",
            contract_id=contract.id,
            vitale=True,
        )
    ).value
    tom = household.add_person(
        PersonInput(
            "Tom",
            "Thompson",
            sex=Sex.MALE,
            birth_date=date(today.year - 15, 1, 20),
            insured_id=PersonId(sarah.id),
            cpam="CPAM de Paris",
            treating_doctor_id=gp,
            contract_id=contract.id,
            vitale=True,
        )
    ).value
    return {"sarah": sarah, "david": david, "lea": lea, "tom": tom}


def _recent_paper(
    people: dict[str, Person], practitioners: dict[str, Practitioner], today: date
) -> list[ActInput]:
    """A few paper feuilles of the last weeks, so that the desk is never empty."""
    recent = (
        ("sarah", "gp", "G", 4),
        ("tom", "physio", "AMK", 16),
        ("lea", "gp", "G", 20),
        ("sarah", "cardio", "CS", 25),
        ("sarah", "gp", "G", 60),
    )
    items = []
    for who, practitioner, code, days in recent:
        person, day = people[who], today - timedelta(days=days)
        kind = next(k for k in _KINDS if k.code == code)
        items.append(
            ActInput(
                person_id=PersonId(person.id),
                practitioner_id=PractitionerId(practitioners[practitioner].id),
                date=day,
                act_code=code,
                fee_cents=Cents(kind.fee(random.Random(days), day, person)),
                channel=Channel.PAPER,
                coefficient=kind.coefficient,
            )
        )
    return items


def _act(
    rng: random.Random,
    people: dict[str, Person],
    practitioners: dict[str, Practitioner],
    today: date,
) -> ActInput:
    kind = rng.choices(_KINDS, cum_weights=_CUMULATED)[0]  # what weights= works out per call
    person = people[rng.choice(kind.who)]
    start = max(date(today.year - YEARS, 1, 1), person.birth_date or date.min)
    if person.nir is None and not person.is_dependent:
        start = max(start, today - NEWCOMER_DAYS)  # the newcomer arrived a few months ago
    day = start + timedelta(days=rng.randrange(max((today - start).days, 1)))
    # Without a number there is no Vitale card: the practitioner gives a paper feuille.
    # Under tiers payant the pharmacist sends everything himself.
    paper = kind.mode is PaymentMode.PAID_IN_FULL and (person.nir is None or rng.random() < 0.1)
    parcours = Parcours.IN if kind.code != "G" or rng.random() < 0.9 else Parcours.OUT
    return ActInput(
        person_id=PersonId(person.id),
        practitioner_id=PractitionerId(practitioners[kind.practitioner].id),
        date=day,
        act_code=kind.code,
        fee_cents=Cents(kind.fee(rng, day, person)),
        payment_mode=kind.mode,
        channel=Channel.PAPER if paper else Channel.VITALE,
        parcours=parcours,
        coefficient=kind.coefficient,
    )
