"""The ledger file: creation, permissions, migrations, schema checks, concurrency."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from carnet.domain.errors import DatabaseFileError, SchemaTooNewError, StorageError
from carnet.i18n import Translator
from carnet.storage.database import CACHE_KIB, MIGRATION_NAMES, open_ledger
from carnet.storage.migrations import known_migrations, schema_version


def test_new_file_is_private_and_migrated(db_path: Path) -> None:
    ledger = open_ledger(db_path)
    mode = stat.S_IMODE(db_path.stat().st_mode)
    assert mode == 0o600
    assert schema_version(ledger.db) == len(known_migrations())
    assert {"person", "care_act", "event", "expected_payment", "settlement"} <= set(
        ledger.db.table_names()
    )
    ledger.close()


def test_the_quick_open_knows_every_migration() -> None:
    # Opening an up-to-date file compares with MIGRATION_NAMES without importing
    # the migrations: the two lists must name the same migrations in order.
    assert list(MIGRATION_NAMES) == known_migrations()


def test_an_up_to_date_file_opens_without_sqlite_utils(db_path: Path) -> None:
    open_ledger(db_path).close()
    code = (
        "import sys; from pathlib import Path; from carnet.app import build_services;"
        f"s = build_services(Path({str(db_path)!r})); s.care_table.ids.__call__;"
        "from carnet.domain.act_query import ActQuery; s.care_table.ids(ActQuery());"
        "print('sqlite_utils' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_pragmas_wal_and_foreign_keys(db_path: Path) -> None:
    ledger = open_ledger(db_path)
    conn = ledger.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # Bulk changes: statement journals in memory, not one write call per page in /tmp.
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
    ledger.close()


def test_reopen_applies_nothing_new(db_path: Path) -> None:
    open_ledger(db_path).close()
    ledger = open_ledger(db_path)
    applied = ledger.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert applied == len(known_migrations())
    ledger.close()


def test_empty_existing_file_is_migrated(db_path: Path) -> None:
    db_path.touch()
    ledger = open_ledger(db_path)
    assert "care_act" in ledger.db.table_names()
    ledger.close()


def test_database_from_newer_version_is_refused_untouched(db_path: Path) -> None:
    open_ledger(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('carnet', '9999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer version of Carnet"):
        open_ledger(db_path)
    assert db_path.read_bytes() == before


def test_write_rolls_back_everything_on_error(db_path: Path) -> None:
    ledger = open_ledger(db_path)
    with pytest.raises(RuntimeError), ledger.write() as db:
        db.table("bank_account").insert({"name": "Compte joint"})
        raise RuntimeError("boom")
    assert ledger.db.execute("SELECT count(*) FROM bank_account").fetchone()[0] == 0
    ledger.close()


def test_event_history_is_append_only(db_path: Path) -> None:
    ledger = open_ledger(db_path)
    with ledger.write() as db:
        db.table("event").insert({"entity": "person", "entity_id": 1, "action": "created"})
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ledger.db.execute("UPDATE event SET action = 'forged'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ledger.db.execute("DELETE FROM event")
    ledger.close()


_WRITER = """
import sys
from pathlib import Path
from carnet.i18n import Translator
from carnet.storage.database import MIGRATION_NAMES, open_ledger
ledger = open_ledger(Path(sys.argv[1]))
for n in range(200):
    with ledger.write() as db:
        db.table("setting").upsert({"key": f"{sys.argv[2]}-{n}", "value": "x"}, pk="key")
ledger.close()
"""


def test_two_processes_writing_at_once_lose_nothing(db_path: Path) -> None:
    open_ledger(db_path).close()
    procs = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(db_path), name]) for name in ("a", "b")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    ledger = open_ledger(db_path)
    assert ledger.db.execute("SELECT count(*) FROM setting").fetchone()[0] == 400
    assert ledger.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ledger.close()


def test_two_processes_creating_the_same_file(tmp_path: Path) -> None:
    target = tmp_path / "new.sqlite"
    code = (
        "import sys; from pathlib import Path; "
        "from carnet.storage.database import open_ledger; open_ledger(Path(sys.argv[1])).close()"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, str(target)]) for _ in range(3)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    ledger = open_ledger(target)
    assert schema_version(ledger.db) == len(known_migrations())
    ledger.close()


def test_a_file_that_is_not_a_database_is_a_clear_error(db_path: Path) -> None:
    db_path.write_bytes(b"PK\x03\x04 this is a zip file, not a ledger" * 50)
    with pytest.raises(DatabaseFileError, match="not a Carnet database"):
        open_ledger(db_path)


def test_a_refused_write_is_a_clear_error_and_rolls_back(db_path: Path) -> None:
    ledger = open_ledger(db_path)
    with pytest.raises(StorageError, match="not saved"), ledger.write() as db:
        db.table("bank_account").insert({"name": "Compte"})
        db.execute(
            "INSERT INTO care_act (person_id, date, act_code, fee_cents) VALUES (99, 'x', 'G', 1)"
        )
    assert ledger.db.execute("SELECT count(*) FROM bank_account").fetchone()[0] == 0
    ledger.close()


def test_storage_refusals_read_in_the_window_s_language(db_path: Path) -> None:
    db_path.write_bytes(b"certainly not SQLite " * 100)
    with pytest.raises(DatabaseFileError) as caught:
        open_ledger(db_path)
    french = caught.value.text.render(Translator("fr"))
    assert french.startswith(f"{db_path} n'est pas une base de Carnet, ou elle est abîmée (")
    assert str(caught.value).startswith(f"{db_path} is not a Carnet database")  # CLI, logs


@pytest.mark.parametrize(
    ("query", "index"),
    [
        ("SELECT id FROM feuille WHERE mailing_id = 1 ORDER BY id", "feuille_mailing"),
        (
            "SELECT * FROM feuille WHERE status IN ('held', 'to-sign') "
            "AND deadline <= '2027-01-01'",
            "feuille_status",
        ),
        ("SELECT id FROM feuille WHERE person_id = 1", "feuille_person"),
    ],
)
def test_feuille_lookups_use_an_index(db_path: Path, query: str, index: str) -> None:
    """Each mailing lists its feuilles: without an index every list read all of them."""
    ledger = open_ledger(db_path)
    try:
        plan = " ".join(str(row[-1]) for row in ledger.conn.execute("EXPLAIN QUERY PLAN " + query))
    finally:
        ledger.close()
    assert f"USING INDEX {index}" in plan or f"USING COVERING INDEX {index}" in plan, plan


def test_a_file_from_before_the_feuille_indexes_is_upgraded(db_path: Path) -> None:
    ledger = open_ledger(db_path)
    conn = ledger.conn
    for name in ("feuille_mailing", "feuille_status", "feuille_person"):
        conn.execute(f"DROP INDEX {name}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0004_feuille_indexes'")
    conn.commit()
    ledger.close()
    ledger = open_ledger(db_path)  # as a Carnet of the previous version left it
    try:
        names = {r[0] for r in ledger.conn.execute("SELECT name FROM sqlite_master")}
        assert {"feuille_mailing", "feuille_status", "feuille_person"} <= names
    finally:
        ledger.close()


def test_a_file_from_before_the_act_count_is_upgraded_with_its_count(db_path: Path) -> None:
    ledger = open_ledger(db_path)
    conn = ledger.conn
    conn.execute("INSERT INTO person (first_name, last_name) VALUES ('Léa', 'Martin')")
    for day in ("2026-01-02", "2026-01-03", "2026-01-04"):
        conn.execute(
            "INSERT INTO care_act (person_id, date, act_code, fee_cents) VALUES (1, ?, 'G', 3000)",
            [day],
        )
    for name in ("care_act_counted", "care_act_uncounted"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE act_count")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_act_count'")
    conn.commit()
    ledger.close()
    ledger = open_ledger(db_path)  # as a Carnet of the previous version left it
    try:
        assert ledger.conn.execute("SELECT acts FROM act_count").fetchone()[0] == 3
    finally:
        ledger.close()
