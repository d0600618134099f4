"""Backups with SQLite's online backup API, and a checked restore.

A backup is a complete SQLite file, consistent even while Carnet writes (the
backup API copies pages under SQLite's own locking). Rotating backups live in a
``backups`` folder beside the database; the oldest are deleted past a limit.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from carnet.domain.errors import CarnetError, SchemaTooNewError
from carnet.domain.messages import N_
from carnet.storage.database import MIGRATION_NAMES

KEEP = 14
PREFIX = "carnet-"


class BackupError(CarnetError):
    """A backup or restore could not be done; the message says why."""


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the open database ``conn`` into a new file ``target`` (mode 0600)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    out = sqlite3.connect(partial)
    try:
        conn.backup(out)
        out.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        out.close()
    partial.replace(target)  # atomic: a half-written backup never carries the final name
    return target


def rotating_backup(
    conn: sqlite3.Connection, db_path: Path, reason: str, now: datetime, keep: int = KEEP
) -> Path:
    """A timestamped backup in the backups folder; old ones beyond ``keep`` are removed."""
    folder = backup_folder(db_path)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = backup_to(conn, folder / f"{PREFIX}{stamp}-{reason}.sqlite")
    for old in sorted(folder.glob(f"{PREFIX}*.sqlite"))[:-keep]:
        old.unlink()
    return target


def rotating_backup_of_file(db_path: Path, reason: str, now: datetime) -> Path:
    """:func:`rotating_backup` through a connection of its own to ``db_path``.

    SQLite connections stay on the thread that made them; this one is made,
    used and closed here, so the copy may run on a worker thread while the
    window keeps using its own connection (WAL lets both read at once).
    """
    conn = sqlite3.connect(db_path, timeout=10)
    try:
        return rotating_backup(conn, db_path, reason, now)
    finally:
        conn.close()


def backups(db_path: Path) -> list[Path]:
    """Existing rotating backups, newest first."""
    return sorted(backup_folder(db_path).glob(f"{PREFIX}*.sqlite"), reverse=True)


def check_backup(path: Path) -> int:
    """Check that ``path`` is an intact Carnet database this build can open.

    Returns its number of applied migrations. Raises :class:`BackupError` or
    :class:`SchemaTooNewError` naming the problem.
    """
    if not path.is_file():
        raise BackupError(N_("{path}: no such file"), path=str(path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            N_("{path}: not a Carnet database ({reason})"), path=str(path), reason=str(exc)
        ) from exc
    if verdict != "ok":
        raise BackupError(
            N_("{path}: the file is damaged ({reason})"), path=str(path), reason=str(verdict)
        )
    unknown = set(names) - set(MIGRATION_NAMES)
    if unknown:
        raise SchemaTooNewError(
            N_("{path} was made by a newer Carnet ({schema})"),
            path=str(path),
            schema=", ".join(sorted(unknown)),
        )
    return len(names)


def restore_file(backup: Path, db_path: Path, now: datetime) -> Path:
    """Replace the database at ``db_path`` by ``backup``; the current file is kept aside.

    Call only with the database closed. Returns where the previous file went.
    """
    check_backup(backup)
    aside = db_path.with_name(f"{db_path.name}.before-restore-{now:%Y%m%d-%H%M%S}")
    if db_path.exists():
        _checkpoint(db_path)
        db_path.replace(aside)
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                side.unlink()
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        backup_to(source, db_path)
    except BaseException:
        # Never leave the household without a database: put the current file back.
        if aside.exists():
            aside.replace(db_path)
        raise
    finally:
        source.close()
    return aside


def _checkpoint(db_path: Path) -> None:
    """Fold the WAL into the main file so that the copy kept aside is complete."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
