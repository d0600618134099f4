"""The optional encrypted database (SQLCipher): passphrase, refusal, switching, no plaintext."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from carnet.app import build_services
from carnet.domain.errors import DatabaseFileError
from carnet.storage.cipher import PassphraseError
from tests.cli.test_cli import run

SECRET = "correct horse battery"


def carnet(
    db: Path, *args: str, answers: str = "", key: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CARNET_DB", "CARNET_PASSPHRASE")}
    if key:
        env["CARNET_PASSPHRASE"] = key
    return subprocess.run(
        [sys.executable, "-m", "carnet", "--db", str(db), *args],
        input=answers,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _plaintext_files(folder: Path) -> list[str]:
    """Files under ``folder`` in which a name of the demo household can be read."""
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and b"Thompson" in p.read_bytes()
    )


def test_encrypting_leaves_no_plaintext_and_asks_for_the_passphrase(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = data / "carnet.sqlite"
    run(db, "demo", "--acts", "20")
    run(db, "backup")
    assert _plaintext_files(data) != []
    done = carnet(db, "encrypt", answers=f"{SECRET}\n{SECRET}\n")
    assert done.returncode == 0, done.stderr
    assert _plaintext_files(data) == []  # the database, its WAL, the older backup

    wrong = carnet(db, "person", "list", key="not the passphrase")
    assert wrong.returncode == 1
    assert "the passphrase does not open" in wrong.stderr
    assert "Traceback" not in wrong.stderr and "ERROR CORE" not in wrong.stderr
    unasked = carnet(db, "person", "list")  # no terminal to ask on, no CARNET_PASSPHRASE
    assert unasked.returncode == 1 and "not a Carnet database" in unasked.stderr
    assert "set CARNET_PASSPHRASE" in unasked.stderr  # nobody could be asked for it
    asked = carnet(db, "person", "list", key=SECRET)
    assert asked.returncode == 0 and "Sarah Thompson" in asked.stdout
    assert carnet(db, "backup", key=SECRET).returncode == 0
    assert (
        carnet(
            db,
            "act",
            "add",
            "--person",
            "1",
            "--date",
            "2026-01-05",
            "--code",
            "G",
            "--fee",
            "30",
            key=SECRET,
        ).returncode
        == 0
    )
    assert _plaintext_files(data) == []  # a backup of an encrypted database is encrypted

    done = carnet(db, "decrypt", answers=f"{SECRET}\n")
    assert done.returncode == 0, done.stderr
    assert "Sarah Thompson" in run(db, "person", "list").stdout
    assert "backups" in " ".join(_plaintext_files(data))


def test_services_refuse_an_encrypted_file_without_the_right_passphrase(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    run(db, "demo", "--acts", "5")
    assert carnet(db, "encrypt", answers=f"{SECRET}\n{SECRET}\n").returncode == 0
    with pytest.raises(DatabaseFileError, match="not a Carnet database"):
        build_services(db)  # without a passphrase the file cannot be read at all
    with pytest.raises(PassphraseError, match="passphrase does not open"):
        build_services(db, passphrase="nope nope nope")
    services = build_services(db, passphrase=SECRET)
    assert len(services.household.people()) == 4
    services.close()


def test_a_short_passphrase_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    run(db, "demo", "--acts", "5")
    done = carnet(db, "encrypt", answers="short\nshort\n")
    assert done.returncode == 1 and "at least 8 characters" in done.stderr
    assert db.read_bytes()[:15] == b"SQLite format 3"


def test_an_encrypted_database_restores_its_encrypted_backup(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    run(db, "demo", "--acts", "5")
    assert carnet(db, "encrypt", answers=f"{SECRET}\n{SECRET}\n").returncode == 0
    made = carnet(db, "backup", key=SECRET)
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.split("Backup written to ", 1)[1].strip())
    added = carnet(
        db,
        "act",
        "add",
        "--person",
        "1",
        "--date",
        "2026-01-05",
        "--code",
        "G",
        "--fee",
        "30",
        key=SECRET,
    )
    assert added.returncode == 0, added.stderr
    done = carnet(db, "restore", str(backup), "--yes", key=SECRET)
    assert done.returncode == 0, done.stderr
    aside = Path(done.stdout.split("kept as ", 1)[1].strip())
    services = build_services(db, passphrase=SECRET)
    assert services.care_table.count() == 5  # the backup's acts
    services.close()
    kept = build_services(aside, passphrase=SECRET)  # the copy kept aside is whole
    assert kept.care_table.count() == 6
    kept.close()
    assert b"Thompson" not in db.read_bytes() and b"Thompson" not in aside.read_bytes()
