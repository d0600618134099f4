"""Restore, backups and written files: complete or absent, private, never in $TMPDIR."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from carnet.app import build_services
from carnet.services.backup import restore_database, verify_backup
from tests.cli.test_cli import run, table_counts

PASSWORD = "correct horse battery"


def _demo(db: Path, acts: int = 20) -> None:
    run(db, "demo", "--acts", str(acts))


def test_a_file_restored_onto_itself_keeps_the_database(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    _demo(db)
    before = table_counts(db)
    done = run(db, "restore", str(db), "--yes")
    assert "kept" in done.stdout
    assert db.exists() and table_counts(db) == before
    assert len(list(tmp_path.glob("x.sqlite.before-restore-*"))) == 1


def test_restore_onto_a_path_without_a_database_says_so(tmp_path: Path) -> None:
    source = tmp_path / "source.sqlite"
    _demo(source)
    run(source, "backup", "--out", str(tmp_path / "copy.sqlite"))
    new = tmp_path / "new" / "carnet.sqlite"
    done = run(new, "restore", str(tmp_path / "copy.sqlite"), "--yes")
    assert "there was no database" in done.stdout
    assert "kept" not in done.stdout
    assert table_counts(new)["care_act"] == 20
    assert list(new.parent.glob("*.before-restore-*")) == []


def test_a_password_backup_and_its_restore_open_no_database_outside_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plaintext of a password archive exists only in memory (a kill leaves nothing)."""
    data = tmp_path / "data"
    db = data / "carnet.sqlite"
    _demo(db)
    spy = tmp_path / "tmp"
    spy.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spy))
    opened: list[str] = []
    connect = sqlite3.connect

    def watched(target: object, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        opened.append(str(target))
        return connect(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", watched)
    archive = tmp_path / "usb" / "copy.zip"
    archive.parent.mkdir()
    services = build_services(db)
    services.backup.archive(archive, PASSWORD)
    services.close()
    assert verify_backup(archive, PASSWORD) > 0
    assert restore_database(db, archive, password=PASSWORD) is not None
    outside = [p for p in opened if p != ":memory:" and not p.startswith(str(data))]
    assert outside == []
    assert list(spy.rglob("*")) == []
    assert sorted(p.name for p in archive.parent.iterdir()) == ["copy.zip"]
    assert table_counts(db)["care_act"] == 20


def _full_disk() -> None:
    # A file-size limit makes every write past it fail as a full disk would.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_a_backup_on_a_full_disk_leaves_no_partial_file(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    _demo(db, acts=400)
    assert db.stat().st_size > 64 * 1024
    env = {k: v for k, v in os.environ.items() if k != "CARNET_DB"}
    for args in (["backup"], ["backup", "--out", str(tmp_path / "out.sqlite")]):
        done = subprocess.run(
            [sys.executable, "-m", "carnet", "--db", str(db), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
            preexec_fn=_full_disk,
        )
        assert done.returncode != 0
    leftovers = [p.name for p in tmp_path.rglob("*") if "partial" in p.name]
    assert leftovers == []
    assert not (tmp_path / "out.sqlite").exists()
    assert list((tmp_path / "backups").glob("*")) == []


def _private(path: Path) -> bool:
    return path.stat().st_mode & 0o077 == 0


def test_everything_carnet_writes_is_private_whatever_the_umask(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CARNET_DB"}
    data = tmp_path / "home" / "carnet"
    db = data / "carnet.sqlite"
    out = tmp_path / "out"
    out.mkdir()

    def carnet(*args: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "carnet", "--db", str(db), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
            preexec_fn=lambda: os.umask(0o022),
        )
        assert done.returncode == 0, done.stderr

    carnet("demo", "--acts", "40")
    carnet("backup")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    carnet("attach", "act", "1", str(scan))
    carnet("mailing", "pdf", "12", "--out", str(out / "packet.pdf"))
    carnet("summary", "--year", "2026", "--out", str(out / "summary.pdf"))
    carnet("export", "csv", "--out", str(out / "acts.csv"))
    carnet("export", "json", "--out", str(out / "all.json"))
    carnet("todo-sheet", "--out", str(out / "todo.pdf"))
    created = [data, *data.rglob("*"), *out.iterdir()]
    shared = [str(p) for p in created if not _private(p)]
    assert shared == []
    assert any(p.name == "backups" for p in created)
    assert any(p.name.endswith(".files") for p in created)


def test_an_existing_empty_file_given_to_db_becomes_private(tmp_path: Path) -> None:
    db = tmp_path / "given.sqlite"
    db.touch(mode=0o644)
    db.chmod(0o644)
    run(db, "person", "add", "--first-name", "Ada", "--last-name", "Given")
    assert _private(db)
