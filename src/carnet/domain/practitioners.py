"""Practitioners: doctors, dentists, midwives, auxiliaries, pharmacies, labs."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from carnet.domain.errors import ValidationError
from carnet.domain.ids import PractitionerId
from carnet.domain.messages import N_


class Profession(StrEnum):
    GP = "gp"
    SPECIALIST = "specialist"
    DENTIST = "dentist"
    MIDWIFE = "midwife"
    NURSE = "nurse"
    PHYSIOTHERAPIST = "physiotherapist"
    SPEECH_THERAPIST = "speech-therapist"
    ORTHOPTIST = "orthoptist"
    PODIATRIST = "podiatrist"
    PHARMACY = "pharmacy"
    LABORATORY = "laboratory"
    RADIOLOGY = "radiology"
    HOSPITAL = "hospital"
    TRANSPORT = "transport"
    OPTICIAN = "optician"
    AUDIOLOGIST = "audiologist"
    OTHER = "other"


class Specialty(StrEnum):
    """Specialties that change tariffs or parcours rules; ``NONE`` for the rest."""

    NONE = ""
    PEDIATRICS = "pediatrics"
    PSYCHIATRY = "psychiatry"
    NEUROLOGY = "neurology"
    GYNECOLOGY = "gynecology"
    OPHTHALMOLOGY = "ophthalmology"
    STOMATOLOGY = "stomatology"
    DERMATOLOGY = "dermatology"
    CARDIOLOGY = "cardiology"
    GERIATRICS = "geriatrics"
    OTHER = "other"


class Sector(StrEnum):
    """Conventional sector; the text values are those of the CLI (``--sector``)."""

    S1 = "1"
    S2_OPTAM = "2-optam"
    S2 = "2"
    NON_CONVENTIONNE = "3"


@dataclass(frozen=True, slots=True)
class PractitionerInput:
    """A practitioner as a form or the CLI gives it; :class:`Practitioner` adds the id."""

    name: str
    profession: Profession
    specialty: Specialty = Specialty.NONE
    sector: Sector = Sector.S1
    rpps: str = ""
    address: str = ""
    languages: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Practitioner(PractitionerInput):
    id: PractitionerId = field(kw_only=True)


def check_specialty(profession: Profession, specialty: Specialty) -> None:
    """Only a specialist has a specialty: the window offers one for no other profession,
    and a pharmacy "in pediatrics" would move the parcours rules of the acts it bills."""
    if specialty is not Specialty.NONE and profession is not Profession.SPECIALIST:
        raise ValidationError(
            "specialty",
            N_("only a specialist has a specialty ({specialty} given for a {profession})"),
            specialty=specialty.value,
            profession=profession.value,
        )
