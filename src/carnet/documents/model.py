"""What the household documents need, decoupled from storage.

The services build these records from the database (people, feuilles, mailings)
and hand them to the renderers; nothing here knows about SQLite or reportlab.
All text is plain user text: the renderers escape it. Money is integer cents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PENDING_NIR = "en cours d'immatriculation"


@dataclass(frozen=True, slots=True)
class Sender:
    """The household writing: one or more names and a postal address."""

    names: tuple[str, ...]
    address: tuple[str, ...]
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class Insured:
    """The insured person whose number the CPAM files the claims under.

    ``nir`` is the formatted social security number ("2 88 03 99 132 045 16"),
    or empty while the registration is pending.
    """

    name: str
    nir: str = ""

    @property
    def nir_text(self) -> str:
        return self.nir or PENDING_NIR


@dataclass(frozen=True, slots=True)
class Recipient:
    """A CPAM or an insurer: its name and the lines of its postal address."""

    name: str
    address: tuple[str, ...]

    @property
    def lines(self) -> tuple[str, ...]:
        return (self.name, *self.address)


@dataclass(frozen=True, slots=True)
class Beneficiary:
    """A person the care was for (the insured or a dependent)."""

    name: str
    birth_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class EnclosedFeuille:
    """One feuille de soins in the envelope, with the reference written on it."""

    reference: str  # "C-2026-0007-03": the household writes it on the feuille
    beneficiary: str
    beneficiary_birth_date: dt.date | None
    care_date: dt.date
    practitioner: str
    act: str
    paid_cents: int
    prescription: bool = False
    # Every session's date when one feuille covers a series (merged feuilles).
    session_dates: tuple[dt.date, ...] = ()

    @property
    def person(self) -> Beneficiary:
        return Beneficiary(self.beneficiary, self.beneficiary_birth_date)


def _distinct_beneficiaries(feuilles: tuple[EnclosedFeuille, ...]) -> tuple[Beneficiary, ...]:
    # dict keys keep the first-seen order, so the letter lists people as the feuilles do.
    return tuple(dict.fromkeys(feuille.person for feuille in feuilles))


@dataclass(frozen=True, slots=True)
class Packet:
    """An envelope of feuilles to a CPAM: what the letter, inventory and checklist show.

    ``beneficiaries`` may be left empty: they are then taken from the feuilles.
    ``tracking`` is the registered-mail number (empty for simple mail).
    ``enclose_rib`` adds a relevé d'identité bancaire to the enclosures.
    """

    sender: Sender
    insured: Insured
    recipient: Recipient
    date: dt.date
    place: str
    feuilles: tuple[EnclosedFeuille, ...]
    mailing_id: str = ""
    tracking: str = ""
    iban_masked: str = ""
    enclose_rib: bool = False
    beneficiaries: tuple[Beneficiary, ...] = ()

    @property
    def registered(self) -> bool:
        return bool(self.tracking)

    @property
    def people(self) -> tuple[Beneficiary, ...]:
        return self.beneficiaries or _distinct_beneficiaries(self.feuilles)

    @property
    def prescriptions(self) -> int:
        return sum(1 for feuille in self.feuilles if feuille.prescription)

    @property
    def total_cents(self) -> int:
        return sum(feuille.paid_cents for feuille in self.feuilles)


@dataclass(frozen=True, slots=True)
class Reminder:
    """A relance for a mailing that brought no payment.

    ``original_date`` is the day the envelope was posted; ``tracking`` its
    registered-mail number if it had one; ``date`` the day of this letter.
    """

    sender: Sender
    insured: Insured
    recipient: Recipient
    date: dt.date
    place: str
    original_date: dt.date
    feuilles: tuple[EnclosedFeuille, ...]
    tracking: str = ""
    mailing_id: str = ""

    @property
    def weeks_elapsed(self) -> int:
        return max(0, (self.date - self.original_date).days // 7)

    @property
    def total_cents(self) -> int:
        return sum(feuille.paid_cents for feuille in self.feuilles)


@dataclass(frozen=True, slots=True)
class MutuelleClaim:
    """A claim to a complementary insurer that is not linked by Noémie.

    The envelope holds the CPAM statement(s) (décompte) and copies of the feuilles.
    ``statement_dates`` are the dates printed on the enclosed décomptes, if known.
    """

    sender: Sender
    insured: Insured
    recipient: Recipient
    date: dt.date
    place: str
    contract_number: str
    feuilles: tuple[EnclosedFeuille, ...]
    statement_dates: tuple[dt.date, ...] = ()
    mailing_id: str = ""

    @property
    def statements(self) -> int:
        return max(1, len(self.statement_dates))

    @property
    def total_cents(self) -> int:
        return sum(feuille.paid_cents for feuille in self.feuilles)


def mailing_reference(year: int, number: int, prefix: str = "C") -> str:
    """``mailing_reference(2026, 7)`` → ``"C-2026-0007"`` (C: CPAM, M: mutuelle)."""
    return f"{prefix}-{year:04d}-{number:04d}"


def feuille_reference(mailing: str, index: int) -> str:
    """``feuille_reference("C-2026-0007", 3)`` → ``"C-2026-0007-03"`` (1-based index)."""
    return f"{mailing}-{index:02d}"
