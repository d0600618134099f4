"""What the window's backup dialogs rely on: checks before closing, safe replacement, names."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
import pyzipper

from carnet.app import build_services
from carnet.domain.attachments import AttachedTo
from carnet.domain.care import ActInput
from carnet.domain.errors import ValidationError
from carnet.domain.ids import PersonId
from carnet.domain.money import Cents
from carnet.services.backup import (
    BackupError,
    WrongPasswordError,
    backup_info,
    restore_database,
    verify_backup,
)
from carnet.storage import backup as storage_backup
from carnet.storage.archive import FILES, MEMBER
from tests.conftest import dump_database, make_household
from tests.documents import samples_files

TODAY = date(2026, 11, 28)


def _visit(ids: dict[str, int]) -> ActInput:
    return ActInput(
        person_id=PersonId(ids["adult"]),
        practitioner_id=None,
        date=date(2026, 11, 2),
        act_code="G",
        fee_cents=Cents(3000),
    )


def test_verify_checks_a_file_and_an_archive_without_touching_the_database(
    tmp_path: Path,
) -> None:
    services = build_services(tmp_path / "carnet.sqlite", today=lambda: TODAY)
    plain = services.backup.save_copy(tmp_path / "copy.sqlite")
    archive = services.backup.save_copy(tmp_path / "copy.zip", "correct horse")
    assert verify_backup(plain) == verify_backup(archive, "correct horse") > 0
    with pytest.raises(WrongPasswordError):
        verify_backup(archive, "not the password")
    with pytest.raises(ValidationError, match="password"):
        verify_backup(archive)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database")
    with pytest.raises(BackupError) as refused:
        verify_backup(junk)
    assert not isinstance(refused.value, WrongPasswordError)
    assert services.household.people() == []  # still open and usable
    services.close()


def test_save_copy_replaces_only_when_asked_and_never_the_database(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    services = build_services(db, today=lambda: TODAY)
    target = tmp_path / "copy.sqlite"
    target.write_bytes(b"older")
    with pytest.raises(ValidationError, match="already exists"):
        services.backup.save_copy(target)
    assert target.read_bytes() == b"older"
    assert services.backup.save_copy(target, replace=True) == target
    assert verify_backup(target) > 0
    assert list(tmp_path.glob("tmp*")) == []  # the temporary folder is gone
    with pytest.raises(ValidationError, match="database itself"):
        services.backup.save_copy(db, replace=True)
    services.close()


def test_backup_names_give_the_date_and_the_reason(tmp_path: Path) -> None:
    services = build_services(tmp_path / "carnet.sqlite", today=lambda: TODAY)
    conn = services.store.ledger.db.conn
    storage_backup.rotating_backup(
        conn, tmp_path / "carnet.sqlite", "daily", datetime(2026, 11, 27, 9, 5)
    )
    services.backup.now = lambda: datetime(2026, 11, 28, 18, 30)
    services.backup.backup_now()
    [manual, daily] = services.backup.infos()
    assert (manual.reason, manual.taken) == ("manual", datetime(2026, 11, 28, 18, 30))
    assert (daily.reason, daily.taken) == ("daily", datetime(2026, 11, 27, 9, 5))
    assert daily.size == daily.path.stat().st_size > 0
    assert services.backup.folder() == tmp_path / "backups"
    other = services.backup.save_copy(tmp_path / "usb.sqlite")
    assert backup_info(other).reason == ""
    services.close()


def test_a_failed_copy_puts_the_current_database_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "carnet.sqlite"
    services = build_services(db, today=lambda: TODAY)
    saved = services.backup.save_copy(tmp_path / "copy.sqlite")
    services.close()
    before = dump_database(db)

    def full_disk(_conn: sqlite3.Connection, _target: Path, _key: str | None = None) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage_backup, "backup_to", full_disk)
    with pytest.raises(OSError, match="No space"):
        restore_database(db, saved)
    assert dump_database(db) == before
    assert list(tmp_path.glob("carnet.sqlite.before-restore-*")) == []


def test_an_archive_brings_back_the_attached_files(tmp_path: Path) -> None:
    """A copy kept away from the computer must hold the scans, not only their names."""
    home = tmp_path / "home"
    home.mkdir()
    services = build_services(home / "carnet.sqlite", today=lambda: TODAY)
    ids = make_household(services)
    act = services.care.add_act(_visit(ids)).value
    scan = samples_files.jpeg()
    services.attachments.attach(AttachedTo.ACT, act.id, scan, "feuille.jpg")
    archive = services.backup.save_copy(tmp_path / "usb.zip", "correct horse")
    services.close()
    # The computer is lost: a new one, an empty folder, the archive from the USB stick.
    new = tmp_path / "new" / "carnet.sqlite"
    new.parent.mkdir()
    build_services(new, today=lambda: TODAY).close()
    restore_database(new, archive, password="correct horse")
    restored = build_services(new, today=lambda: TODAY)
    (attachment,) = restored.attachments.for_record(AttachedTo.ACT, act.id)
    assert restored.attachments.read(attachment.id) == scan
    assert restored.attachments.verify_all() == []
    restored.close()


def test_a_damaged_file_in_an_archive_refuses_the_restore(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    build_services(db, today=lambda: TODAY).close()
    plain = tmp_path / "plain.sqlite"
    build_services(db, today=lambda: TODAY).backup.save_copy(plain)
    forged = tmp_path / "forged.zip"
    with pyzipper.AESZipFile(forged, "w", encryption=pyzipper.WZ_AES) as archive:
        archive.setpassword(b"correct horse")
        archive.write(plain, MEMBER)
        archive.writestr(FILES + "0" * 64, b"not what the name says")
    before = dump_database(db)
    with pytest.raises(BackupError, match="damaged"):
        verify_backup(forged, "correct horse")
    with pytest.raises(BackupError, match="damaged"):
        restore_database(db, forged, password="correct horse")
    assert dump_database(db) == before
    assert not (tmp_path / "carnet.sqlite.files" / "00").exists()
