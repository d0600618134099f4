"""The columns of the Household page's tables: people, practitioners, contracts, accounts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from carnet.domain.banking import BankAccount
from carnet.domain.contracts import Contract
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner, Profession
from carnet.domain.validation import format_nir
from carnet.i18n import N_, Translator
from carnet.ui.household_labels import (
    PROFESSIONS,
    SHORT_REGISTRATIONS,
    SHORT_SECTORS,
    SPECIALTIES,
    label,
)
from carnet.ui.models.row_table import Column

# The free-text column of each table that takes the room the others leave (its cells elide,
# with the whole text in their tooltip); the others are as wide as their content.
PEOPLE_STRETCH = 5  # the médecin traitant, with the date of the declaration
PRACTITIONERS_STRETCH = 3  # the address


def people_columns(
    t: Translator,
    names: Mapping[Any, str],
    doctors: Mapping[Any, str],
    contracts: Mapping[Any, str],
) -> list[Column[Person]]:
    """Names of the people, practitioners and insurers a person links to, by id."""

    def insurance(p: Person) -> str:
        if p.insured_id is None:
            return t.gettext("Insured")
        return t.gettext("Dependent of {name}").format(name=names.get(p.insured_id, "?"))

    def number(p: Person) -> str:
        return format_nir(p.nir) if p.nir else label(t, SHORT_REGISTRATIONS, p.registration)

    def cover(p: Person) -> str:
        flags = [t.gettext("ALD")] if p.ald else []
        flags += [t.gettext("CSS")] if p.css else []
        flags += [t.gettext("AME")] if p.ame else []
        return ", ".join(flags)

    def doctor(p: Person) -> str:
        name = doctors.get(p.treating_doctor_id or 0, "")
        if not name or p.treating_declared_on is None:
            return name
        since = t.gettext("since {date}").format(date=t.date(p.treating_declared_on))
        return f"{name} ({since})"

    return [
        Column(N_("Name"), lambda p: p.full_name),
        Column(N_("Born"), lambda p: t.date(p.birth_date) if p.birth_date else "", _born),
        Column(N_("Insurance"), insurance),
        Column(N_("Social security number"), number),
        Column(N_("CPAM"), lambda p: p.cpam),
        Column(N_("Médecin traitant"), doctor),
        Column(N_("Mutuelle"), lambda p: contracts.get(p.contract_id or 0, "")),
        Column(N_("ALD / CSS"), cover),
    ]


def _born(p: Person) -> str:
    return p.birth_date.isoformat() if p.birth_date else ""


def practitioner_columns(t: Translator) -> list[Column[Practitioner]]:
    def profession(p: Practitioner) -> str:
        text = label(t, PROFESSIONS, p.profession)
        if p.profession is Profession.SPECIALIST and p.specialty.value:
            return f"{text} · {label(t, SPECIALTIES, p.specialty)}"
        return text

    return [
        Column(N_("Name"), lambda p: p.name),
        Column(N_("Profession"), profession),
        Column(N_("Sector"), lambda p: label(t, SHORT_SECTORS, p.sector)),
        Column(N_("Address"), lambda p: " ".join(p.address.split())),
        Column(N_("Languages"), lambda p: ", ".join(p.languages)),
    ]


def contract_columns(t: Translator) -> list[Column[Contract]]:
    def percent(value: int) -> str:
        return f"{value}\u202f%" if t.language == "fr" else f"{value}%"

    return [
        Column(N_("Insurer"), lambda c: c.insurer),
        Column(N_("Number"), lambda c: c.number),
        Column(N_("Cover"), lambda c: percent(c.default_percent), lambda c: c.default_percent),
        Column(N_("OPTAM"), lambda c: percent(c.optam_percent), lambda c: c.optam_percent),
        Column(
            N_("Without OPTAM"),
            lambda c: percent(c.non_optam_percent),
            lambda c: c.non_optam_percent,
        ),
        Column(N_("Noémie"), lambda c: t.gettext("Yes") if c.noemie else t.gettext("No")),
    ]


def account_columns() -> list[Column[BankAccount]]:
    return [
        Column(N_("Name"), lambda a: a.name),
        Column(N_("IBAN"), lambda a: " ".join(a.iban[i : i + 4] for i in range(0, len(a.iban), 4))),
        Column(N_("Bank"), lambda a: a.bank),
    ]
