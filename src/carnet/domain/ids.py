"""Named identifier types, so a person id is never passed where an act id is expected."""

from typing import NewType

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
