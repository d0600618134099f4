"""Backups and restore: a copy that restores to an identical database, and safe refusals."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from carnet.app import build_services
from carnet.domain.errors import SchemaTooNewError
from carnet.services.backup import BackupService, restore_database
from carnet.services.demo import build_demo
from carnet.storage import database as database_module
from carnet.storage import migrations as migrations_module
from carnet.storage.backup import BackupError, backups, check_backup
from carnet.storage.database import MIGRATION_NAMES, open_ledger
from tests.conftest import dump_database

TODAY = date(2026, 11, 28)


def _demo(path: Path) -> None:
    services = build_services(path, today=lambda: TODAY)
    build_demo(services.household, services.care, acts=30, today=TODAY)
    services.close()


def test_backup_wipe_restore_gives_back_an_identical_database(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    _demo(db)
    original = dump_database(db)
    services = build_services(db, today=lambda: TODAY)
    saved = services.backup.backup_now(tmp_path / "saved.sqlite")
    services.close()
    assert saved.stat().st_mode & 0o777 == 0o600

    db.unlink()
    db.write_bytes(b"")  # wiped
    aside = restore_database(db, saved)
    assert aside is None  # an empty file held no database: nothing to keep aside
    assert dump_database(db) == original


def test_rotating_and_daily_backups(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    _demo(db)
    services = build_services(db, today=lambda: TODAY)
    clock = iter(datetime(2026, 11, 28, 9, minute) for minute in range(60))
    service = BackupService(services.store, now=lambda: next(clock))
    first = service.daily_copy()
    assert first is not None and first.parent == tmp_path / "backups"
    assert service.daily_copy() is None  # once a day
    for _ in range(20):
        service.backup_now()
    assert len(backups(db)) == 14
    services.close()


def test_a_damaged_backup_is_refused_and_the_database_untouched(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    _demo(db)
    before = dump_database(db)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(BackupError):
        restore_database(db, bad)
    with pytest.raises(BackupError, match="no such file"):
        restore_database(db, tmp_path / "missing.sqlite")
    assert dump_database(db) == before


def test_a_backup_from_a_newer_carnet_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    open_ledger(db).close()
    newer = tmp_path / "newer.sqlite"
    open_ledger(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('carnet', '9999_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNewError):
        check_backup(newer)


def test_a_migration_is_preceded_by_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "carnet.sqlite"
    _demo(db)
    assert backups(db) == []
    released = len(migrations_module.known_migrations())
    extra = list(migrations_module.migrations._migrations)
    monkeypatch.setattr(migrations_module.migrations, "_migrations", extra)
    # A release with a new migration names it in both lists (see test_database).
    monkeypatch.setattr(database_module, "MIGRATION_NAMES", (*MIGRATION_NAMES, "9000_test_only"))

    @migrations_module.migrations(name="9000_test_only")
    def _add_column(database: object) -> None:
        database.execute("ALTER TABLE person ADD COLUMN test_only TEXT")  # type: ignore[attr-defined]

    open_ledger(db).close()
    [made] = backups(db)
    assert "before-migration" in made.name
    assert check_backup(made) == released  # the backup holds the schema before the change


def test_password_archive_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    _demo(db)
    original = dump_database(db)
    services = build_services(db, today=lambda: TODAY)
    archive = services.backup.archive(tmp_path / "safe.zip", "correct horse")
    with pytest.raises(BackupError, match="at least 8"):
        services.backup.archive(tmp_path / "weak.zip", "short")
    services.close()
    assert archive.read_bytes()[:4] == b"PK\x03\x04"
    assert b"CREATE TABLE" not in archive.read_bytes()  # encrypted, not merely zipped
    with pytest.raises(BackupError, match="wrong password"):
        restore_database(db, archive, password="not the password")
    assert dump_database(db) == original
    db.unlink()
    restore_database(db, archive, password="correct horse")
    assert dump_database(db) == original
