"""The household's people: insured persons and their dependents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from carnet.domain.ids import ContractId, PersonId, PractitionerId


class Registration(StrEnum):
    """Where a person stands with the Assurance Maladie."""

    NOT_REGISTERED = "not-registered"
    ATTESTATION_PENDING = "attestation-pending"
    TEMPORARY_NUMBER = "temporary-number"
    REGISTERED = "registered"


class Sex(StrEnum):
    """The sex the attestation de droits states (the NIR's first digit: 1 male, 2 female)."""

    NOT_STATED = "not-stated"
    MALE = "male"
    FEMALE = "female"


@dataclass(frozen=True, slots=True)
class PersonInput:
    """What a form or the CLI gives to create or edit a person (not yet validated).

    Its fields are the person's: :class:`Person` adds the id and a registration that
    is always known, so a new field of a person is written here, once. An empty
    ``registration`` lets the service deduce it from the number.
    """

    first_name: str
    last_name: str
    birth_date: date | None = None
    nir: str | None = None
    sex: Sex = Sex.NOT_STATED
    registration: Registration | None = None
    insured_id: PersonId | None = None
    cpam: str = ""
    treating_doctor_id: PractitionerId | None = None
    treating_declared_on: date | None = None
    ald: bool = False
    css: bool = False
    ame: bool = False
    maternity_start: date | None = None
    maternity_end: date | None = None
    contract_id: ContractId | None = None
    noemie: bool = True
    vitale: bool = False
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Person(PersonInput):
    """One member of the household.

    ``insured_id`` is set for a dependent (ayant droit) and points to the
    insured person whose number appears on the feuilles.
    """

    registration: Registration = Registration.NOT_REGISTERED
    id: PersonId = field(kw_only=True)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_dependent(self) -> bool:
        return self.insured_id is not None

    def age_on(self, day: date) -> int | None:
        """Age in whole years on ``day``, or ``None`` without a birth date."""
        if self.birth_date is None:
            return None
        born = self.birth_date
        before_birthday = (day.month, day.day) < (born.month, born.day)
        return day.year - born.year - int(before_birthday)

    def in_maternity_window(self, day: date) -> bool:
        if self.maternity_start is None or self.maternity_end is None:
            return False
        return self.maternity_start <= day <= self.maternity_end
