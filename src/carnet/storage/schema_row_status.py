"""The care table's sort keys and row status, kept on each act by triggers.

Migrations 0003 (the keys) and 0010 (held acts) of ``storage.schema``.
"""

from __future__ import annotations

# The care table sorts and filters 100 000 acts within a keystroke. Its keys that
# live in other tables (the assessed shares, the row status derived from the
# expected payments) are copied onto the act by triggers, so that each sort is an
# index scan on one table. The triggers keep them true whatever writes the rows
# (services, undo, JSON load); tests/storage/test_act_table.py checks them
# against the source tables.
_ROW_STATUS = """(SELECT CASE
    WHEN count(*) = 0 THEN 'nothing-expected'
    WHEN sum(e.status IN ('paid', 'written-off')) = count(*) THEN 'settled'
    WHEN sum(e.status = 'partly-paid') > 0 OR sum(e.status = 'paid') > 0 THEN 'partly-paid'
    ELSE 'pending' END
  FROM expected_payment e WHERE e.act_id = {act})"""


def _status_trigger(name: str, event: str, acts: tuple[str, ...]) -> str:
    updates = " ".join(
        f"UPDATE care_act SET row_status = {_ROW_STATUS.format(act=act)} WHERE id = {act};"
        for act in acts
    )
    return f"CREATE TRIGGER {name} AFTER {event} ON expected_payment BEGIN {updates} END"


def _shares_trigger(name: str, event: str, row: str) -> str:
    values = (
        "NULL, NULL, NULL"
        if row == "OLD"
        else f"{row}.amo_cents, {row}.amc_cents, {row}.patient_cents"
    )
    return (
        f"CREATE TRIGGER {name} AFTER {event} ON assessment BEGIN "
        f"UPDATE care_act SET (amo_cents, amc_cents, patient_cents) = ({values}) "
        f"WHERE id = {row}.act_id; END"
    )


TABLE_KEYS_SCHEMA: tuple[str, ...] = (
    "ALTER TABLE care_act ADD COLUMN amo_cents INTEGER",
    "ALTER TABLE care_act ADD COLUMN amc_cents INTEGER",
    "ALTER TABLE care_act ADD COLUMN patient_cents INTEGER",
    "ALTER TABLE care_act ADD COLUMN row_status TEXT NOT NULL DEFAULT 'nothing-expected'",
    """UPDATE care_act SET (amo_cents, amc_cents, patient_cents) = (
        SELECT s.amo_cents, s.amc_cents, s.patient_cents FROM assessment s
        WHERE s.act_id = care_act.id)""",
    f"UPDATE care_act SET row_status = {_ROW_STATUS.format(act='care_act.id')}",
    _shares_trigger("assessment_keys_insert", "INSERT", "NEW"),
    _shares_trigger("assessment_keys_update", "UPDATE", "NEW"),
    _shares_trigger("assessment_keys_delete", "DELETE", "OLD"),
    _status_trigger("payment_status_insert", "INSERT", ("NEW.act_id",)),
    _status_trigger(
        "payment_status_update", "UPDATE OF status, act_id", ("NEW.act_id", "OLD.act_id")
    ),
    _status_trigger("payment_status_delete", "DELETE", ("OLD.act_id",)),
    # One index per sortable column, ending in the tie-breakers (date, id), so that
    # SQLite reads the order from the index instead of sorting.
    "CREATE INDEX care_act_fee ON care_act(fee_cents, date, id)",
    "CREATE INDEX care_act_amo ON care_act(amo_cents, date, id)",
    "CREATE INDEX care_act_amc ON care_act(amc_cents, date, id)",
    "CREATE INDEX care_act_patient ON care_act(patient_cents, date, id)",
    "CREATE INDEX care_act_status ON care_act(row_status, date, id)",
    "CREATE INDEX care_act_code ON care_act(act_code, date, id)",
    "CREATE INDEX care_act_category ON care_act(category, date, id)",
    # Also lets deleting a practitioner check its acts (ON DELETE RESTRICT) without a scan.
    "CREATE INDEX care_act_practitioner ON care_act(practitioner_id, date, id)",
)


# 0010: an act whose feuille is held until the number arrives is "held", not awaiting
# anything: the row status looks at the act's feuille first, and is refreshed when a
# feuille changes state or an act joins or leaves one.
_HELD_ROW_STATUS = _ROW_STATUS.replace(
    "SELECT CASE\n",
    "SELECT CASE\n    WHEN EXISTS (SELECT 1 FROM feuille_act l JOIN feuille f ON f.id = "
    "l.feuille_id WHERE l.act_id = {act} AND f.status = 'held') THEN 'held'\n",
    1,
)


def _held_status_trigger(name: str, event: str, acts: tuple[str, ...]) -> str:
    updates = " ".join(
        f"UPDATE care_act SET row_status = {_HELD_ROW_STATUS.format(act=act)} WHERE id = {act};"
        for act in acts
    )
    return f"CREATE TRIGGER {name} AFTER {event} ON expected_payment BEGIN {updates} END"


HELD_STATUS_SCHEMA: tuple[str, ...] = (
    "DROP TRIGGER payment_status_insert",
    "DROP TRIGGER payment_status_update",
    "DROP TRIGGER payment_status_delete",
    _held_status_trigger("payment_status_insert", "INSERT", ("NEW.act_id",)),
    _held_status_trigger(
        "payment_status_update", "UPDATE OF status, act_id", ("NEW.act_id", "OLD.act_id")
    ),
    _held_status_trigger("payment_status_delete", "DELETE", ("OLD.act_id",)),
    "CREATE TRIGGER feuille_act_status_insert AFTER INSERT ON feuille_act BEGIN "
    f"UPDATE care_act SET row_status = {_HELD_ROW_STATUS.format(act='NEW.act_id')} "
    "WHERE id = NEW.act_id; END",
    "CREATE TRIGGER feuille_act_status_delete AFTER DELETE ON feuille_act BEGIN "
    f"UPDATE care_act SET row_status = {_HELD_ROW_STATUS.format(act='OLD.act_id')} "
    "WHERE id = OLD.act_id; END",
    # A feuille written after its acts' links (bulk inserts, a JSON load) sets them too.
    "CREATE TRIGGER feuille_held_insert AFTER INSERT ON feuille WHEN NEW.status = 'held' BEGIN "
    f"UPDATE care_act SET row_status = {_HELD_ROW_STATUS.format(act='care_act.id')} "
    "WHERE id IN (SELECT act_id FROM feuille_act WHERE feuille_id = NEW.id); END",
    "CREATE TRIGGER feuille_held_status AFTER UPDATE OF status ON feuille "
    "WHEN (OLD.status = 'held') <> (NEW.status = 'held') BEGIN "
    f"UPDATE care_act SET row_status = {_HELD_ROW_STATUS.format(act='care_act.id')} "
    "WHERE id IN (SELECT act_id FROM feuille_act WHERE feuille_id = NEW.id); END",
    f"UPDATE care_act SET row_status = {_HELD_ROW_STATUS.format(act='care_act.id')}",
)
