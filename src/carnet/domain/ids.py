"""Named identifier types, so a person id is never passed where an act id is expected.

An id typed by a person (``carnet act show 12``, ``#12`` in a décompte) is read by
:func:`parse_id`: the digits 0 to 9 and nothing else. Python's ``int`` also takes
other scripts' digits (``"١٢"`` is 12), underscores (``"1_0"`` is 10), signs and
spaces, so a slip of the keyboard would silently name another record.
"""

from typing import NewType

from carnet.domain.errors import ValidationError
from carnet.domain.messages import N_

PersonId = NewType("PersonId", int)
PractitionerId = NewType("PractitionerId", int)
ContractId = NewType("ContractId", int)
ActId = NewType("ActId", int)
FeuilleId = NewType("FeuilleId", int)
MailingId = NewType("MailingId", int)
ExpectedPaymentId = NewType("ExpectedPaymentId", int)
BankAccountId = NewType("BankAccountId", int)
ImportId = NewType("ImportId", int)
TransactionId = NewType("TransactionId", int)
SettlementId = NewType("SettlementId", int)
EventId = NewType("EventId", int)
AttachmentId = NewType("AttachmentId", int)
ReceiptId = NewType("ReceiptId", int)
DecisionId = NewType("DecisionId", int)

# SQLite's largest integer: a larger id cannot name a record.
HIGHEST_ID = 2**63 - 1


def ascii_digits(text: str) -> bool:
    """Whether ``text`` is one or more of the digits 0-9 (``str.isdigit`` takes ``"²"``)."""
    return text.isascii() and text.isdigit()


def parse_id(text: str, field: str = "id") -> int:
    """The id written in ``text``: plain digits 0-9, at most SQLite's largest integer."""
    if not ascii_digits(text):
        raise ValidationError(
            field,
            N_("{text} is not an id: an id is written with the digits 0 to 9 only"),
            text=repr(text[:40]),
        )
    value = int(text)
    if value > HIGHEST_ID:
        raise ValidationError(
            field, N_("{text} is too large for an id (at most 19 digits)"), text=text[:40]
        )
    return value
