"""Checks of identifiers and values typed by a person, shared by forms, CLI and services.

Each check returns the cleaned value or raises :class:`ValidationError` naming
the field; soft problems come back as warnings, because a newcomer's temporary
number is legitimate even when it does not look like a regular NIR.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from stdnum import iban as std_iban
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import nir as std_nir

from carnet.domain.errors import ValidationError

EARLIEST_CARE = date(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class NirCheck:
    """A valid NIR (compact form) and whether it looks provisional."""

    nir: str
    temporary: bool
    warnings: tuple[str, ...] = ()


def check_nir(text: str, birth_date: date | None = None, field: str = "nir") -> NirCheck:
    """Validate a NIR (key included) with python-stdnum.

    A wrong length or key is refused: it is a typing mistake. A number with a
    correct key but provisional markers (first digit 3, 4, 7 or 8; a month code
    outside 01-12) is accepted with a warning, as French administrations issue
    such numbers to people being registered.
    """
    try:
        compact = std_nir.validate(text)
    except StdnumError as exc:
        raise ValidationError(field, f"not a valid social security number ({exc})") from None
    warnings: list[str] = []
    temporary = compact[0] in "3478" or not 1 <= int(compact[3:5]) <= 12
    if temporary:
        warnings.append(
            f"{std_nir.format(compact)} looks like a temporary number (NIA); "
            "replace it with the definitive one when it arrives"
        )
    if birth_date is not None and not temporary:
        expected = birth_date.strftime("%y%m")
        if compact[1:5] != expected:
            warnings.append(
                f"{field}: digits 2-5 ({compact[1:5]}) do not match the birth date ({expected})"
            )
    return NirCheck(compact, temporary, tuple(warnings))


def format_nir(compact: str) -> str:
    """``"295109912611193"`` → ``"2 95 10 99 126 111 93"``."""
    return str(std_nir.format(compact))


def check_iban(text: str, field: str = "iban") -> str:
    """A valid IBAN in compact form, or :class:`ValidationError`."""
    try:
        return str(std_iban.validate(text))
    except StdnumError as exc:
        raise ValidationError(field, f"not a valid IBAN ({exc})") from None


def check_date(day: date | None, field: str, *, today: date, allow_future: bool = False) -> None:
    """Refuse dates before 1900 and, unless allowed, in the future."""
    if day is None:
        return
    if day < EARLIEST_CARE:
        raise ValidationError(field, f"{day.isoformat()} is before 1900")
    if not allow_future and day > today:
        raise ValidationError(field, f"{day.isoformat()} is in the future")


def check_text(value: str, field: str, *, required: bool = False, max_length: int = 200) -> str:
    cleaned = value.strip()
    if required and not cleaned:
        raise ValidationError(field, "is required")
    if len(cleaned) > max_length:
        raise ValidationError(field, f"is longer than {max_length} characters")
    return cleaned


def check_amount(cents: int, field: str) -> None:
    if cents < 0:
        raise ValidationError(field, "must not be negative")
    if cents > 100_000_00:
        raise ValidationError(field, "is more than 100 000 € (a typing mistake?)")


def check_percent(value: int, field: str) -> None:
    if not 0 <= value <= 1000:
        raise ValidationError(field, "must be between 0 and 1000 %")
