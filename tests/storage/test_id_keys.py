"""Ids are never handed out twice: a new row never inherits a deleted row's history."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from carnet.storage.database import open_ledger
from carnet.storage.id_keys import HISTORY_TABLES
from carnet.storage.migrations import migrations


def test_every_history_table_counts_its_ids(db_path: Path) -> None:
    ledger = open_ledger(db_path)
    try:
        for table in HISTORY_TABLES.values():
            (sql,) = ledger.conn.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", [table]
            ).fetchone()
            assert "AUTOINCREMENT" in sql, table
        # The entity words are those the services record.
        entities = set(HISTORY_TABLES)
        assert {"person", "act", "feuille", "mailing", "bank_transaction"} <= entities
    finally:
        ledger.close()


def test_a_deleted_newest_act_keeps_its_id(db_path: Path) -> None:
    ledger = open_ledger(db_path)
    conn = ledger.conn
    conn.execute("INSERT INTO person (first_name, last_name) VALUES ('Léa', 'Martin')")
    conn.execute(
        "INSERT INTO care_act (person_id, date, act_code, fee_cents) "
        "VALUES (1, '2026-01-02', 'G', 3000)"
    )
    conn.execute("DELETE FROM care_act WHERE id = 1")
    conn.execute(
        "INSERT INTO care_act (person_id, date, act_code, fee_cents) "
        "VALUES (1, '2026-01-03', 'G', 3000)"
    )
    (new_id,) = conn.execute("SELECT id FROM care_act").fetchone()
    conn.commit()
    ledger.close()
    assert new_id == 2


def test_an_older_file_is_upgraded_and_retires_the_ids_its_history_knows(
    db_path: Path,
) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    db = Database(conn)
    migrations.apply(db, stop_before="0009_ids_never_reused")
    conn.execute("INSERT INTO person (first_name, last_name) VALUES ('Léa', 'Martin')")
    for day in ("2026-01-02", "2026-01-03", "2026-01-04"):
        conn.execute(
            "INSERT INTO care_act (person_id, date, act_code, fee_cents) VALUES (1, ?, 'G', 3000)",
            [day],
        )
    # Acts 4 and 5 were logged, then deleted, before this version: only the history knows.
    for act_id in (4, 5):
        conn.execute(
            "INSERT INTO event (entity, entity_id, action) VALUES ('act', ?, 'created')",
            [act_id],
        )
    conn.execute("DELETE FROM care_act WHERE id = 3")
    conn.close()

    ledger = open_ledger(db_path)  # as a Carnet of the previous version left it
    try:
        conn = ledger.conn
        assert [r[0] for r in conn.execute("SELECT id FROM care_act ORDER BY id")] == [1, 2]
        conn.execute(
            "INSERT INTO care_act (person_id, date, act_code, fee_cents) "
            "VALUES (1, '2026-01-05', 'G', 3000)"
        )
        assert conn.execute("SELECT max(id) FROM care_act").fetchone()[0] == 6
        # The act counter's triggers and the indexes came back with the rebuilt table.
        assert conn.execute("SELECT acts FROM act_count").fetchone()[0] == 3
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert {"care_act_fee", "care_act_counted", "feuille_person"} <= names
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.rollback()
    finally:
        ledger.close()
