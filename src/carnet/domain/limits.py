"""The longest text each field takes, in one table for every way in.

The services refuse a longer text (``check_text`` names the field), the window's
forms stop typing at the same bound (``QLineEdit.setMaxLength``), load-json checks
the stored column against it, and ``docs/limits.md`` lists it. The bounds are
generous for real use and small enough to print: a name fits an envelope's line, a
note fits a page.
"""

from __future__ import annotations

from typing import NamedTuple


class TextLimit(NamedTuple):
    """At most ``max_length`` characters; several lines only when ``multiline``."""

    max_length: int
    multiline: bool = False


NAME_PART = TextLimit(100)  # a first or a last name
NAME = TextLimit(200)  # a practitioner, an insurer, a bank, a caisse
SHORT_NAME = TextLimit(80)  # an account, a CSV profile, a payer as a statement writes it
NUMBER = TextLimit(60)  # a contract's number, a décompte's reference
TRACKING = TextLimit(40)  # a registered letter's number (13 characters at La Poste)
CODE = TextLimit(20)  # an act's code (NGAP or CCAM)
RPPS = TextLimit(11)  # a practitioner's RPPS number, key included
ADDRESS = TextLimit(500, multiline=True)  # one line per line of the envelope
REASON = TextLimit(1000, multiline=True)  # why the CPAM returned a feuille
NOTES = TextLimit(5000, multiline=True)
FILE_NAME = TextLimit(255)  # what most file systems allow
LANGUAGE = TextLimit(40)  # one language a practitioner speaks
LANGUAGES = 20  # how many of them
CITY = TextLimit(100)
PHONE = TextLimit(30)
EMAIL = TextLimit(254)  # RFC 5321's longest address
SETTING_KEY = TextLimit(250)  # "address:" and the name of a caisse
# What a bank statement brings: French banks write labels of a few dozen characters
# (camt.053 allows 140 per line of remittance information, several lines joined).
STATEMENT_LABEL = TextLimit(1000)
BANK_REF = TextLimit(200)  # an OFX FITID is at most 255, a camt reference 35

# By table and column, as stored and as load-json reads them.
COLUMNS: dict[str, dict[str, TextLimit]] = {
    "person": {"first_name": NAME_PART, "last_name": NAME_PART, "cpam": NAME, "notes": NOTES},
    "practitioner": {"name": NAME, "address": ADDRESS, "notes": NOTES},
    "contract": {"insurer": NAME, "number": NUMBER, "notes": NOTES},
    "care_act": {"act_code": CODE, "notes": NOTES},
    "bank_account": {"name": SHORT_NAME, "bank": NAME},
    "feuille": {"reason": REASON},
    "mailing": {"recipient": NAME, "tracking": TRACKING},
    "receipt": {"reference": NUMBER},
    "attachment": {"file_name": FILE_NAME},
    "statement_import": {"file_name": FILE_NAME},
    "bank_transaction": {
        "label": STATEMENT_LABEL,
        "counterparty": STATEMENT_LABEL,  # found in the label when the file names none
        "bank_ref": BANK_REF,
    },
    "road_step": {"note": NOTES},
    "setting": {"key": SETTING_KEY},
}

# The household's settings (``carnet setting set``, Settings › Household), by key;
# ``address:<caisse>`` values are addresses, like ``household.address``.
SETTINGS: dict[str, TextLimit] = {
    "household.address": ADDRESS,
    "household.caisse": NAME,
    "household.city": CITY,
    "household.phone": PHONE,
    "household.email": EMAIL,
    "notifications.on_open": TextLimit(3),
}
