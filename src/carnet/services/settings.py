"""Household settings kept in the database: postal address, recipients' addresses.

Keys are plain strings; the known ones are listed in :data:`KNOWN` so that the
CLI and the GUI can say what each means. Addresses of CPAM that Carnet does not
ship are typed once by the household, under ``address:<name>``.
"""

from __future__ import annotations

import re

from carnet.domain import limits
from carnet.domain.errors import ValidationError
from carnet.domain.limits import TextLimit
from carnet.domain.messages import Message
from carnet.domain.validation import check_email, check_field
from carnet.i18n import N_
from carnet.services.base import Service
from carnet.services.caisses import caisse_directory, caisse_name, caisse_warnings

CAISSE_KEY = "household.caisse"
KNOWN = {
    "household.address": N_("Your postal address (one line per line of the envelope)"),
    CAISSE_KEY: N_("Your caisse (CPAM, CGSS or CSS), for people without one of their own"),
    "household.city": N_("The town written before the date of letters (e.g. Paris)"),
    "household.phone": N_("A phone number for the CPAM (optional)"),
    "household.email": N_("An e-mail address for the CPAM (optional)"),
    "notifications.on_open": N_(
        "Notify me when Carnet opens on a day with something due (yes or no)"
    ),
}
ADDRESS_PREFIX = "address:"
# "+33 1 23 45 67 89", "01.23.45.67.89", "(0)1 23 45 67 89": digits and what groups them.
_PHONE = re.compile(r"\+?[0-9 .()\-]*[0-9][0-9 .()\-]*")


def shipped_addresses() -> dict[str, tuple[str, ...]]:
    """The caisses' addresses shipped in ``resources/caisses.toml``, by caisse name."""
    return {c.name: c.address for c in caisse_directory().caisses}


class SettingsService(Service):
    def get(self, key: str) -> str:
        return self.store.settings.get(key)

    def set(self, key: str, value: str) -> tuple[Message, ...]:
        return self.set_many({key: value})

    def set_many(self, values: dict[str, str]) -> tuple[Message, ...]:
        """Change several settings in one transaction (a form's Save), all or none;
        what the household should know (a caisse Carnet does not know) comes back."""
        cleaned = {key: _clean(key, value) for key, value in values.items()}
        with self.store.transaction(N_("Change a setting")):
            for key, value in cleaned.items():
                self.store.settings.set(key, value)
        caisse = cleaned.get(CAISSE_KEY, "")
        return caisse_warnings(caisse, bool(self.get(ADDRESS_PREFIX + caisse))) if caisse else ()

    def caisse(self) -> str:
        """The household's caisse, for people whose own is not filled in."""
        return self.get(CAISSE_KEY)

    def all(self) -> dict[str, str]:
        return self.store.settings.all()

    def address_of(self, recipient: str) -> tuple[str, ...]:
        """A recipient's postal address: typed by the household, else shipped, else asked for."""
        typed = self.get(ADDRESS_PREFIX + recipient)
        if typed:
            return tuple(typed.splitlines())
        shipped = caisse_directory().by_name(recipient)
        if shipped is not None:
            return shipped.address
        # The field names the setting, so that a window can open the right editor.
        raise ValidationError(
            ADDRESS_PREFIX + recipient,
            N_(
                "Carnet does not know the postal address of {recipient}: type the one "
                "printed on your attestation de droits"
            ),
            recipient=recipient,
        )

    def household_address(self) -> tuple[str, ...]:
        lines = tuple(self.get("household.address").splitlines())
        if not lines:
            raise ValidationError(
                "household.address",
                N_("your postal address is needed first: it is printed on every letter"),
            )
        return lines

    def city(self) -> str:
        """The town for "Paris, le …": the setting, else the town of the last address line."""
        city = self.get("household.city")
        if city:
            return city
        last = self.household_address()[-1].split()
        return " ".join(word for word in last if not word.isdigit()).title() or "Paris"


def _clean(key: str, value: str) -> str:
    """The value to keep for ``key``, or :class:`ValidationError` naming the setting."""
    if key not in KNOWN and not key.startswith(ADDRESS_PREFIX):
        raise ValidationError(
            "key",
            N_("unknown setting {key}; known: {known}"),
            key=repr(key[:80]),
            known=", ".join(KNOWN),
        )
    check_field(key, "key", limits.SETTING_KEY)
    if key.startswith(ADDRESS_PREFIX) and not key.removeprefix(ADDRESS_PREFIX).strip():
        raise ValidationError("key", N_("name the caisse or the insurer after 'address:'"))
    # "\\n" typed on a command line is a line break, as in the address's help. Blank
    # lines go: an envelope's address has none, and twelve of them printed as one.
    lines = value.replace("\\n", "\n").splitlines()
    cleaned = "\n".join(line.strip() for line in lines if line.strip())
    if key == "household.email":
        return check_email(cleaned, key)
    checked = check_field(cleaned, key, limit_of(key))
    if key == CAISSE_KEY:
        return _caisse(checked)
    if key == "household.phone" and checked and not _PHONE.fullmatch(checked):
        raise ValidationError(
            key,
            N_("{value} is not a phone number (digits, spaces, + . - and brackets)"),
            value=repr(checked[:40]),
        )
    return checked


def limit_of(key: str) -> TextLimit:
    """The bound of a setting's value: an address for ``address:<caisse>``."""
    return limits.SETTINGS.get(key, limits.ADDRESS)


def _caisse(typed: str) -> str:
    """``69``, ``Lyon`` or a caisse's name, as the name kept: a number must point at
    one caisse (the letters go to it), where ``--cpam`` of a person does the same."""
    try:
        return caisse_name(typed)
    except ValidationError as exc:
        raise ValidationError(CAISSE_KEY, exc.message) from None
