"""Restoring a plain backup or archive over an encrypted database keeps it encrypted.

Real files: a demo household, a plain copy and a password archive made on a USB
folder before the database was encrypted, then restored over the encrypted one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from carnet.app import build_services
from carnet.services.backup import restore_database
from carnet.services.encryption import set_encryption
from carnet.storage import cipher
from carnet.storage.backup import BackupError
from tests.cli.test_cli import run
from tests.cli.test_encryption import SECRET, _plaintext_files, carnet

PASSWORD = "archive password"


@pytest.fixture
def household(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The encrypted database (6 acts), its plain copy and its archive (5 acts each)."""
    data, usb = tmp_path / "data", tmp_path / "usb"
    data.mkdir()
    usb.mkdir()
    db = data / "carnet.sqlite"
    run(db, "demo", "--acts", "5")
    services = build_services(db)
    try:
        plain = services.backup.save_copy(usb / "copy.sqlite")
        archive = services.backup.archive(usb / "copy.carnet", PASSWORD)
    finally:
        services.close()
    set_encryption(db, None, SECRET)
    act = ("act", "add", "--person", "1", "--date", "2026-01-05", "--code", "G", "--fee", "30")
    added = carnet(db, *act, key=SECRET)
    assert added.returncode == 0, added.stderr
    return db, plain, archive


def _acts(db: Path) -> int:
    services = build_services(db, passphrase=SECRET)
    try:
        return services.care_table.count()
    finally:
        services.close()


@pytest.mark.parametrize("which", ["plain copy", "archive"])
def test_a_plain_backup_restored_over_an_encrypted_database_is_encrypted(
    household: tuple[Path, Path, Path], which: str
) -> None:
    db, plain, archive = household
    backup = plain if which == "plain copy" else archive
    password = PASSWORD if which == "archive" else None
    aside = restore_database(db, backup, password=password, passphrase=SECRET)
    assert cipher.is_encrypted(db)
    assert _acts(db) == 5  # the backup's acts, opened with the database's passphrase
    assert aside is not None and _acts(aside) == 6
    assert _plaintext_files(db.parent) == []  # nothing readable left in the data folder


def test_restoring_over_an_encrypted_database_without_its_passphrase_is_refused(
    household: tuple[Path, Path, Path],
) -> None:
    db, plain, _archive = household
    before = db.read_bytes()
    with pytest.raises(BackupError, match="is encrypted: give its passphrase"):
        restore_database(db, plain)
    assert db.read_bytes() == before
    assert _acts(db) == 6


def test_the_cli_restores_a_plain_copy_encrypted(household: tuple[Path, Path, Path]) -> None:
    db, plain, _archive = household
    done = carnet(db, "restore", str(plain), "--yes", key=SECRET)
    assert done.returncode == 0, done.stderr
    assert cipher.is_encrypted(db) and _acts(db) == 5
    assert _plaintext_files(db.parent) == []
