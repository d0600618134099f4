"""Checks of identifiers and values typed by a person, shared by forms, CLI and services.

Each check returns the cleaned value or raises :class:`ValidationError` naming
the field; soft problems come back as warnings, because a newcomer's temporary
number is legitimate even when it does not look like a regular NIR.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import nir as std_nir

from carnet.domain.errors import ValidationError
from carnet.domain.ids import ascii_digits
from carnet.domain.limits import EMAIL, RPPS, TextLimit
from carnet.domain.messages import N_, Message
from carnet.domain.nir import nir_doubts, read_nir
from carnet.domain.people import Sex

EARLIEST_CARE = date(1900, 1, 1)

# python-stdnum's reasons (English only): marked here so the catalogue translates them.
STDNUM_REASONS = (
    N_("The number has an invalid format."),
    N_("The number's checksum or check digit is invalid."),
    N_("The number has an invalid length."),
    N_("One of the parts of the number are invalid or unknown."),
)
# The field a NIR warning names is a word the person reads (``check_nir``'s default).
FIELD_WORDS = (N_("nir"),)


@dataclass(frozen=True, slots=True)
class NirCheck:
    """A valid NIR (compact form) and whether it looks provisional."""

    nir: str
    temporary: bool
    warnings: tuple[Message, ...] = ()


def check_nir(
    text: str, birth_date: date | None = None, field: str = "nir", sex: Sex = Sex.NOT_STATED
) -> NirCheck:
    """Validate a NIR (key included) with python-stdnum.

    A wrong length or key is refused: it is a typing mistake. A number with a
    correct key but a temporary first digit (3, 4, 7 or 8) is accepted with a
    warning, as French administrations issue such numbers to people being
    registered; one that disagrees with the birth date or sex typed is accepted
    with a warning too (:func:`carnet.domain.nir.nir_doubts`).
    """
    try:
        compact = std_nir.validate(text)
    except StdnumError as exc:
        raise ValidationError(
            field, N_("not a valid social security number ({reason})"), reason=Message(str(exc))
        ) from None
    warnings: list[Message] = []
    temporary = read_nir(compact).temporary
    if temporary:
        warnings.append(
            Message(
                N_(
                    "{number} looks like a temporary number (NIA); "
                    "replace it with the definitive one when it arrives"
                ),
                number=std_nir.format(compact),
            )
        )
    warnings += nir_doubts(compact, birth_date, sex, field)
    return NirCheck(compact, temporary, tuple(warnings))


def format_nir(compact: str) -> str:
    """``"295109912611193"`` → ``"2 95 10 99 126 111 93"``."""
    return str(std_nir.format(compact))


def check_iban(text: str, field: str = "iban") -> str:
    """A valid IBAN in compact form, or :class:`ValidationError`."""
    try:
        return str(std_iban.validate(text))
    except StdnumError as exc:
        raise ValidationError(
            field, N_("not a valid IBAN ({reason})"), reason=Message(str(exc))
        ) from None


def check_date(day: date | None, field: str, *, today: date, allow_future: bool = False) -> None:
    """Refuse dates before 1900 and, unless allowed, in the future."""
    if day is None:
        return
    if day < EARLIEST_CARE:
        raise ValidationError(field, N_("{day} is before 1900"), day=day)
    if not allow_future and day > today:
        raise ValidationError(field, N_("{day} is in the future"), day=day)


# Fields that hold several lines (an envelope's address, free notes); every other
# text is one line: a name with a line break would split a letter's address block.
MULTILINE_FIELDS = frozenset({"notes", "address", "reason"})
# Direction overrides and isolates make "Dr Martin" display as something else
# ("Trojan Source"); plain marks (U+200E, U+200F) stay, Arabic and Hebrew names need them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Characters that show nothing: a name made of them alone is blank.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def check_text(
    value: str,
    field: str,
    *,
    required: bool = False,
    max_length: int = 200,
    multiline: bool | None = None,
) -> str:
    """The text without surrounding blanks, or :class:`ValidationError`.

    Refused: control characters (NUL, escape), direction overrides, and line breaks
    outside multi-line fields (``multiline``, by default the fields of
    :data:`MULTILINE_FIELDS`). Text made only of invisible characters is blank.
    """
    lines = field in MULTILINE_FIELDS if multiline is None else multiline
    cleaned = value.strip().strip(_INVISIBLE).strip()
    _check_characters(cleaned, field, multiline=lines)
    if required and not cleaned:
        raise ValidationError(field, N_("is required"))
    if len(cleaned) > max_length:
        raise ValidationError(
            field, N_("is longer than {max_length} characters"), max_length=max_length
        )
    return cleaned


def check_field(value: str, field: str, limit: TextLimit, *, required: bool = False) -> str:
    """:func:`check_text` with the field's bound from :mod:`carnet.domain.limits`."""
    return check_text(
        value, field, required=required, max_length=limit.max_length, multiline=limit.multiline
    )


def _check_characters(text: str, field: str, *, multiline: bool) -> None:
    if text.isascii() and text.isprintable():
        return  # the usual case, decided at C speed
    for char in text:
        if char in _BIDI_CONTROLS:
            raise ValidationError(
                field, N_("holds an invisible character that reverses the text's direction")
            )
        if char in _LINE_BREAKS:
            if multiline and char in "\n\r":
                continue
            raise ValidationError(field, N_("must be on one line"))
        if unicodedata.category(char) == "Cc" and not (multiline and char == "\t"):
            raise ValidationError(
                field, N_("holds a control character (code {code})"), code=f"U+{ord(char):04X}"
            )


def check_email(text: str, field: str = "email") -> str:
    """A plausible e-mail address (one @, a dotted domain, no spaces), or blank."""
    cleaned = check_field(text, field, EMAIL)
    if cleaned and not _EMAIL.fullmatch(cleaned):
        raise ValidationError(field, N_("{value} is not an e-mail address"), value=repr(cleaned))
    return cleaned


_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+")


def check_rpps(text: str, field: str = "rpps") -> str:
    """An RPPS number: 11 digits whose last is a Luhn key (as on a carte CPS), or blank."""
    cleaned = check_field(text, field, RPPS)
    if not cleaned:
        return ""
    if not ascii_digits(cleaned) or len(cleaned) != RPPS.max_length:
        raise ValidationError(field, N_("an RPPS number has 11 digits"))
    if not luhn.is_valid(cleaned):
        raise ValidationError(
            field,
            N_("{number} is not an RPPS number (its last digit, the key, is wrong)"),
            number=cleaned,
        )
    return cleaned


def check_amount(cents: int, field: str) -> None:
    if cents < 0:
        raise ValidationError(field, N_("must not be negative"))
    if cents > 100_000_00:
        raise ValidationError(field, N_("is more than 100 000 € (a typing mistake?)"))


def check_percent(value: int, field: str) -> None:
    if not 0 <= value <= 1000:
        raise ValidationError(field, N_("must be between 0 and 1000 %"))
