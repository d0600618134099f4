"""Backups with SQLite's online backup API, and a checked restore.

A backup is a complete SQLite file, consistent even while Carnet writes (the
backup API copies pages under SQLite's own locking). Rotating backups live in a
``backups`` folder beside the database; the oldest are deleted past a limit.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from carnet.domain.errors import CarnetError, SchemaTooNewError
from carnet.domain.messages import N_
from carnet.private_files import private_folder, staged
from carnet.storage import cipher
from carnet.storage.database import MIGRATION_NAMES

KEEP = 14
PREFIX = "carnet-"


class BackupError(CarnetError):
    """A backup or restore could not be done; the message says why."""


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_to(conn: sqlite3.Connection, target: Path, passphrase: str | None = None) -> Path:
    """Copy the open database ``conn`` into the file ``target`` (mode 0600).

    The copy is written beside ``target`` and renamed once complete: a
    half-written backup (a killed process, a full disk) never carries the final
    name, and its temporary file is removed.
    """
    with staged(target) as temporary:
        _copy_into(conn, temporary, passphrase)
    return target


def _copy_into(conn: sqlite3.Connection, path: Path, passphrase: str | None = None) -> None:
    """Copy ``conn`` into the empty file ``path``, encrypted with ``passphrase`` if given."""
    out = cipher.connect(path, passphrase) if passphrase else sqlite3.connect(path)
    try:
        conn.backup(out)
        out.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        out.close()


def rotating_backup(
    conn: sqlite3.Connection,
    db_path: Path,
    reason: str,
    now: datetime,
    *,
    keep: int = KEEP,
    passphrase: str | None = None,
) -> Path:
    """A timestamped backup in the backups folder; old ones beyond ``keep`` are removed.

    The backup of an encrypted database is encrypted with the same ``passphrase``.
    """
    folder = private_folder(backup_folder(db_path))
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = backup_to(conn, folder / f"{PREFIX}{stamp}-{reason}.sqlite", passphrase)
    for old in sorted(folder.glob(f"{PREFIX}*.sqlite"))[:-keep]:
        old.unlink()
    return target


def rotating_backup_of_file(
    db_path: Path, reason: str, now: datetime, passphrase: str | None = None
) -> Path:
    """:func:`rotating_backup` through a connection of its own to ``db_path``.

    SQLite connections stay on the thread that made them; this one is made,
    used and closed here, so the copy may run on a worker thread while the
    window keeps using its own connection (WAL lets both read at once).
    """
    conn = (
        cipher.connect(db_path, passphrase) if passphrase else sqlite3.connect(db_path, timeout=10)
    )
    try:
        return rotating_backup(conn, db_path, reason, now, passphrase=passphrase)
    finally:
        conn.close()


def backups(db_path: Path) -> list[Path]:
    """Existing rotating backups, newest first."""
    return sorted(backup_folder(db_path).glob(f"{PREFIX}*.sqlite"), reverse=True)


def check_backup(path: Path, passphrase: str | None = None) -> int:
    """Check that ``path`` is an intact Carnet database this build can open.

    Returns its number of applied migrations. Raises :class:`BackupError` or
    :class:`SchemaTooNewError` naming the problem. An encrypted backup opens
    with ``passphrase`` (that of the encrypted database it was made from).
    """
    if not path.exists():
        raise BackupError(N_("{path}: no such file"), path=str(path))
    if not path.is_file():  # a pipe would wait, a device never end
        raise BackupError(
            N_("{path} is not a regular file (a folder, a pipe or a device)"), path=str(path)
        )
    try:
        conn = _open_source(path, passphrase)
        try:
            return _check(conn, str(path))
        finally:
            conn.close()
    except _errors() as exc:
        raise BackupError(
            N_("{path}: not a Carnet database ({reason})"), path=str(path), reason=str(exc)
        ) from exc


def _check(conn: sqlite3.Connection, name: str) -> int:
    verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    if verdict != "ok":
        raise BackupError(
            N_("{path}: the file is damaged ({reason})"), path=name, reason=str(verdict)
        )
    unknown = set(names) - set(MIGRATION_NAMES)
    if unknown:
        raise SchemaTooNewError(
            N_("{path} was made by a newer Carnet ({schema})"),
            path=name,
            schema=", ".join(sorted(unknown)),
        )
    return len(names)


def snapshot(conn: sqlite3.Connection) -> bytes:
    """The whole database of ``conn`` as the bytes of a self-contained SQLite file.

    Taken with the backup API into memory: a password archive is made from it
    without any plaintext copy of the database on disk.
    """
    memory = sqlite3.connect(":memory:")
    try:
        conn.backup(memory)
        return _without_wal(memory.serialize())
    finally:
        memory.close()


def _without_wal(image: bytes) -> bytes:
    """The same database marked for a rollback journal instead of WAL (header bytes 18-19).

    A copy of a WAL database says "WAL" in its header: SQLite then cannot open it
    in memory, and a file restored from it would look for a WAL that is not there.
    """
    if len(image) < 20 or image[18:20] != b"\x02\x02":
        return image
    return image[:18] + b"\x01\x01" + image[20:]


def check_image(data: bytes, name: str) -> int:
    """:func:`check_backup` for a database held in memory (``name`` names it in messages)."""
    try:
        conn = sqlite3.connect(":memory:")
        try:
            conn.deserialize(_without_wal(data))
            return _check(conn, name)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            N_("{path}: not a Carnet database ({reason})"), path=name, reason=str(exc)
        ) from exc


def _errors() -> tuple[type[BaseException], ...]:
    """SQLite's errors, and SQLCipher's when it is installed (its classes are its own)."""
    return (sqlite3.DatabaseError, *cipher.errors())


def _open_source(path: Path, passphrase: str | None) -> sqlite3.Connection:
    """``path`` opened to be read: with ``passphrase`` if it is encrypted."""
    if passphrase and cipher.is_encrypted(path):
        return cipher.connect(path, passphrase)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def restore_file(
    backup: Path, db_path: Path, now: datetime, passphrase: str | None = None
) -> Path | None:
    """Replace the database at ``db_path`` by the backup file ``backup``.

    See :func:`restore_image`; ``backup`` may be the database file itself. An
    encrypted backup (and an encrypted current database) open with ``passphrase``;
    the restored copy is encrypted as the backup was.
    """
    check_backup(backup, passphrase)
    key = passphrase if passphrase and cipher.is_encrypted(backup) else None
    keep = _keeps_encryption(db_path, passphrase)
    if key is None and keep is not None:  # a plain backup over an encrypted database
        return _put_in_place(
            db_path, now, lambda incoming: cipher.encrypt_copy(backup, incoming, keep), passphrase
        )
    source = _open_source(backup, passphrase)
    try:
        return _put_in_place(
            db_path, now, lambda incoming: _copy_into(source, incoming, key), passphrase
        )
    finally:
        source.close()


def restore_image(
    data: bytes, name: str, db_path: Path, now: datetime, passphrase: str | None = None
) -> Path | None:
    """Replace the database at ``db_path`` by the database ``data`` (from an archive)."""
    check_image(data, name)
    keep = _keeps_encryption(db_path, passphrase)
    if keep is not None:
        return _put_in_place(
            db_path, now, lambda incoming: _write_encrypted(data, incoming, keep), passphrase
        )
    return _put_in_place(
        db_path, now, lambda incoming: _write_image(_without_wal(data), incoming), passphrase
    )


def _keeps_encryption(db_path: Path, passphrase: str | None) -> str | None:
    """The passphrase a restored copy is encrypted with: the current database's, if any.

    A restore never leaves an encrypted database plain, whatever the backup was.
    """
    if not cipher.is_encrypted(db_path):
        return None
    if not passphrase:
        raise BackupError(
            N_(
                "{path} is encrypted: give its passphrase to restore over it, so that "
                "the restored database is encrypted too"
            ),
            path=str(db_path),
        )
    return passphrase


def _write_encrypted(data: bytes, path: Path, passphrase: str) -> None:
    """The database ``data`` written to ``path`` encrypted with ``passphrase``.

    SQLCipher reads a file, not bytes: the plain image goes for that moment into a
    private file in the data folder (named so that an interrupted Carnet's sweep
    removes it), never into a shared temporary folder.
    """
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".partial")
    os.close(fd)
    plain = Path(name)
    try:
        _write_image(_without_wal(data), plain)
        cipher.encrypt_copy(plain, path, passphrase)
    finally:
        plain.unlink(missing_ok=True)


def _write_image(data: bytes, path: Path) -> None:
    with path.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def _put_in_place(
    db_path: Path, now: datetime, fill: Callable[[Path], None], passphrase: str | None = None
) -> Path | None:
    """Build the restored database beside ``db_path``, then put it in place with one rename.

    At every instant either the old or the new database is at ``db_path``: a
    kill or a full disk before the rename leaves the old one (and removes the
    temporary file), after it the new one. A copy of the old database is kept
    as ``<name>.before-restore-<time>``; returns it, or ``None`` when ``db_path``
    held no database. Call only with no connection open on ``db_path``.
    """
    aside = None
    private_folder(db_path.parent)
    with staged(db_path) as incoming:
        fill(incoming)
        if _holds_data(db_path):
            aside = db_path.with_name(f"{db_path.name}.before-restore-{now:%Y%m%d-%H%M%S}")
            _keep_aside(db_path, aside, passphrase)
            # The WAL is empty now (checkpointed): a stale one must not be read into
            # the restored file, which has none of its own.
            for suffix in ("-wal", "-shm"):
                db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    return aside


def _holds_data(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def _keep_aside(db_path: Path, aside: Path, passphrase: str | None) -> None:
    """A complete copy of the current database at ``aside``, its WAL folded in and emptied."""
    key = passphrase if passphrase and cipher.is_encrypted(db_path) else None
    try:
        conn = cipher.connect(db_path, key) if key else sqlite3.connect(db_path)
        try:
            backup_to(conn, aside, key)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except _errors():
        # Unreadable here (damaged, encrypted without its passphrase, another file):
        # kept aside byte for byte, with its WAL, so that nothing of it is lost.
        for suffix in ("", "-wal"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                with staged(aside.with_name(aside.name + suffix)) as temporary:
                    shutil.copyfile(side, temporary)
