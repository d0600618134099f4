"""Undo and redo refuse to overwrite what another Carnet changed since.

A window's undo stack holds the operations it made. Between one of them and
Ctrl+Z, a command (or a window on another day) may have changed the same
records: writing the old rows back would silently throw that change away, and
undoing an import after the imported credits were reconciled would leave
payments marked paid by a transaction that no longer exists. So before
replaying an operation, the history is asked whether any *other* operation,
later than it and not made by this window, touched one of its records.
"""

from __future__ import annotations

from carnet.domain.errors import ValidationError
from carnet.domain.messages import Message
from carnet.i18n import N_
from carnet.storage.store import Store

# How the message names a record.
_RECORDS = {
    "person": N_("person"),
    "practitioner": N_("practitioner"),
    "contract": N_("contract"),
    "act": N_("care act"),
    "bank_account": N_("bank account"),
    "feuille": N_("feuille"),
    "attachment": N_("attachment"),
    "mailing": N_("mailing"),
    "bank_transaction": N_("bank transaction"),
    "statement_import": N_("statement import"),
    "settlement": N_("bank match"),
    # Archiving or bringing back a record (domain.archive): named as the record.
    "archived_person": N_("person"),
    "archived_practitioner": N_("practitioner"),
    "archived_contract": N_("contract"),
    "archived_bank_account": N_("bank account"),
}
_REFUSALS = {
    "undo": N_(
        "Cannot undo “{label}”: the {record} #{id} was changed since by “{other}” "
        "(in another Carnet window or command). Undoing would lose that change."
    ),
    "redo": N_(
        "Cannot redo “{label}”: the {record} #{id} was changed since by “{other}” "
        "(in another Carnet window or command). Redoing would lose that change."
    ),
}


def refuse_if_changed_since(store: Store, op: int, mine: set[int], kind: str) -> None:
    """Raise if a record of operation ``op`` was changed later by an operation not in ``mine``.

    A match (settlement) is recorded against the bank transaction it settles: it
    counts as a change of that transaction, and of the import that brought it (an
    import's history is one event, not one per line).
    """
    found = store.ledger.conn.execute(
        """
        SELECT later.entity, later.entity_id, later.op
        FROM event AS done
        JOIN event AS later
          ON (later.entity_id = done.entity_id
              AND (later.entity = done.entity
                   OR (done.entity = 'bank_transaction' AND later.entity = 'settlement')))
          OR (done.entity = 'statement_import' AND later.entity = 'settlement'
              AND later.entity_id IN (
                  SELECT id FROM bank_transaction WHERE import_id = done.entity_id))
        WHERE done.op = ? AND later.op > ?
        ORDER BY later.op
        """,
        [op, op],
    ).fetchall()
    for entity, entity_id, other in found:
        if other in mine:
            continue
        raise ValidationError(
            kind,
            _REFUSALS[kind],
            label=Message(store.events.label_of(op)),
            record=Message(_RECORDS.get(entity, entity)),
            id=entity_id,
            other=Message(store.events.label_of(other)),
        )
