"""Builders shared by the rules tests: literal inputs with sensible defaults."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from carnet.domain.care import CareAct
from carnet.domain.codes import Parcours, PaymentMode
from carnet.domain.contracts import Contract
from carnet.domain.ids import ActId, ContractId, PersonId, PractitionerId
from carnet.domain.money import Cents, parse_euros
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner, Profession, Sector, Specialty

PERSON = PersonId(1)
DOCTOR = PractitionerId(7)


def person(
    *,
    age_on: date | None = None,
    age: int | None = None,
    ald: bool = False,
    css: bool = False,
    maternity_on: date | None = None,
    treating: bool = True,
    ame: bool = False,
) -> Person:
    """An adult without birth date, unless ``age`` (reached on ``age_on``) is given."""
    born = None
    if age is not None and age_on is not None:
        # Born the same day ``age`` years earlier: exactly ``age`` on ``age_on``.
        born = age_on.replace(year=age_on.year - age)
    return Person(
        id=PERSON,
        first_name="Camille",
        last_name="Martin",
        birth_date=born,
        ald=ald,
        css=css,
        ame=ame,
        maternity_start=maternity_on,
        maternity_end=maternity_on,
        treating_doctor_id=DOCTOR if treating else None,
    )


def act(
    day: str,
    code: str,
    fee: str,
    *,
    act_id: int = 1,
    parcours: str = "in",
    payment: str = "none",
    ald: bool = False,
    coefficient: str | None = None,
    base: str | None = None,
    rate: str | None = None,
    practitioner_id: PractitionerId | None = DOCTOR,
) -> CareAct:
    return CareAct(
        id=ActId(act_id),
        person_id=PERSON,
        practitioner_id=practitioner_id,
        date=date.fromisoformat(day),
        act_code=code,
        fee_cents=parse_euros(fee),
        payment_mode=PaymentMode(payment),
        parcours=Parcours(parcours),
        ald_related=ald,
        coefficient=None if coefficient is None else Decimal(coefficient),
        base_override_cents=None if base is None else parse_euros(base),
        rate_override=None if rate is None else Decimal(rate),
    )


def practitioner(
    profession: str,
    sector: str = "1",
    specialty: str = "",
    ident: PractitionerId = DOCTOR,
) -> Practitioner:
    return Practitioner(
        id=ident,
        name="Dr Test",
        profession=Profession(profession),
        specialty=Specialty(specialty),
        sector=Sector(sector),
    )


def contract(
    percent: int = 100,
    *,
    optam: int | None = None,
    non_optam: int | None = None,
    responsable: bool = True,
) -> Contract:
    return Contract(
        id=ContractId(1),
        insurer="Mutuelle Test",
        default_percent=percent,
        optam_percent=percent if optam is None else optam,
        non_optam_percent=percent if non_optam is None else non_optam,
        responsable=responsable,
    )


def euros(amount: int) -> str:
    return f"{Decimal(amount) / 100:.2f}"


def cents(text: str) -> Cents:
    return parse_euros(text)
