"""Words for the household's stored codes: professions, sectors, registration states."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from carnet.domain.people import Registration, Sex
from carnet.domain.practitioners import Profession, Sector, Specialty
from carnet.i18n import N_, Translator

PROFESSIONS: dict[Profession, str] = {
    Profession.GP: N_("General practitioner"),
    Profession.SPECIALIST: N_("Specialist doctor"),
    Profession.DENTIST: N_("Dentist"),
    Profession.MIDWIFE: N_("Midwife"),
    Profession.NURSE: N_("Nurse"),
    Profession.PHYSIOTHERAPIST: N_("Physiotherapist"),
    Profession.SPEECH_THERAPIST: N_("Speech therapist"),
    Profession.ORTHOPTIST: N_("Orthoptist"),
    Profession.PODIATRIST: N_("Podiatrist"),
    Profession.PHARMACY: N_("Pharmacy"),
    Profession.LABORATORY: N_("Laboratory"),
    Profession.RADIOLOGY: N_("Radiology"),
    Profession.HOSPITAL: N_("Hospital or clinic"),
    Profession.TRANSPORT: N_("Medical transport"),
    Profession.OPTICIAN: N_("Optician"),
    Profession.AUDIOLOGIST: N_("Audiologist"),
    Profession.OTHER: N_("Other"),
}

SPECIALTIES: dict[Specialty, str] = {
    Specialty.NONE: N_("None"),
    Specialty.PEDIATRICS: N_("Paediatrics"),
    Specialty.PSYCHIATRY: N_("Psychiatry"),
    Specialty.NEUROLOGY: N_("Neurology"),
    Specialty.GYNECOLOGY: N_("Gynaecology"),
    Specialty.OPHTHALMOLOGY: N_("Ophthalmology"),
    Specialty.STOMATOLOGY: N_("Stomatology"),
    Specialty.DERMATOLOGY: N_("Dermatology"),
    Specialty.CARDIOLOGY: N_("Cardiology"),
    Specialty.GERIATRICS: N_("Geriatrics"),
    Specialty.OTHER: N_("Other specialty"),
}

SECTORS: dict[Sector, str] = {
    Sector.S1: N_("Sector 1 (agreed fees)"),
    Sector.S2_OPTAM: N_("Sector 2 with OPTAM (moderate extra fees)"),
    Sector.S2: N_("Sector 2 without OPTAM (free extra fees)"),
    Sector.NON_CONVENTIONNE: N_("Not conventionné (hardly reimbursed)"),
}

SHORT_SECTORS: dict[Sector, str] = {
    Sector.S1: N_("Sector 1"),
    Sector.S2_OPTAM: N_("Sector 2 OPTAM"),
    Sector.S2: N_("Sector 2"),
    Sector.NON_CONVENTIONNE: N_("Not conventionné"),
}

REGISTRATIONS: dict[Registration, str] = {
    Registration.NOT_REGISTERED: N_("Not registered yet"),
    Registration.ATTESTATION_PENDING: N_("Registration requested, waiting for the attestation"),
    Registration.TEMPORARY_NUMBER: N_("Temporary number"),
    Registration.REGISTERED: N_("Registered"),
}

# In the People table, where the number would be: the same states in fewer words.
SHORT_REGISTRATIONS: dict[Registration, str] = {
    Registration.NOT_REGISTERED: N_("Not registered"),
    Registration.ATTESTATION_PENDING: N_("Attestation awaited"),
    Registration.TEMPORARY_NUMBER: N_("Temporary number"),
    Registration.REGISTERED: N_("Registered"),
}

# As the attestation de droits states it; the NIR's first digit says the same.
SEXES: dict[Sex, str] = {
    Sex.NOT_STATED: N_("Not stated"),
    Sex.FEMALE: N_("Female"),
    Sex.MALE: N_("Male"),
}

# Language codes offered for "languages spoken", named in the reader's language.
LANGUAGE_CODES: dict[str, str] = {
    "fr": N_("French"),
    "en": N_("English"),
    "es": N_("Spanish"),
    "de": N_("German"),
    "it": N_("Italian"),
    "pt": N_("Portuguese"),
    "ar": N_("Arabic"),
    "zh": N_("Chinese"),
    "ru": N_("Russian"),
    "uk": N_("Ukrainian"),
}


def label(t: Translator, table: Mapping[Any, str], value: object) -> str:
    """The translated word for ``value``, or the stored code when it is new to the UI."""
    text = table.get(value)
    return t.gettext(text) if text is not None else str(value)
