"""Use cases for backups: now, daily on opening, list, and restore (database closed)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from carnet.domain.errors import ValidationError
from carnet.i18n import N_
from carnet.private_files import private_folder
from carnet.services.output_files import check_target
from carnet.storage import archive as storage_archive
from carnet.storage import backup as storage_backup
from carnet.storage.archive import MIN_PASSWORD, WrongPasswordError
from carnet.storage.backup import BackupError
from carnet.storage.files import FileStore
from carnet.storage.session import Session
from carnet.storage.store import Store

__all__ = [
    "MIN_PASSWORD",
    "BackupError",
    "BackupInfo",
    "BackupService",
    "WrongPasswordError",
    "check_backup",
    "is_archive",
    "restore_database",
    "verify_backup",
]

Now = Callable[[], datetime]
# carnet-20261128-093000-daily.sqlite: the moment and the reason are in the name.
_NAME = re.compile(r"^carnet-(\d{8}-\d{6})-([\w-]+)\.sqlite$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One automatic backup as a person chooses it: when, why, how big."""

    path: Path
    taken: datetime
    reason: str  # daily | manual | before-migration | (a file not named by Carnet) ""
    size: int


def backup_info(path: Path) -> BackupInfo:
    """What the name of ``path`` says (its modification time if Carnet did not name it)."""
    stat = path.stat()
    found = _NAME.match(path.name)
    if found is None:
        return BackupInfo(path, datetime.fromtimestamp(stat.st_mtime), "", stat.st_size)  # noqa: DTZ006 (local time, like the names)
    taken = datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")  # noqa: DTZ007 (local time)
    return BackupInfo(path, taken, found.group(2), stat.st_size)


def _local_now() -> datetime:
    return datetime.now()  # noqa: DTZ005 (backups are named in the household's local time)


class BackupService:
    def __init__(self, store: Store, now: Now = _local_now) -> None:
        self.store = store
        self.now = now

    def backup_now(self, out: Path | None = None) -> Path:
        """A backup to ``out``, or a new rotating backup beside the database."""
        conn = self.store.ledger.conn
        if out is not None:
            if out.exists():
                raise ValidationError(
                    "out", N_("{path} already exists; choose a new file name"), path=str(out)
                )
            check_target(out)
            private_folder(out.parent)  # a new folder for backups is made for the person
            return storage_backup.backup_to(conn, out, self._passphrase)
        return storage_backup.rotating_backup(
            conn, self._db_path(), "manual", self.now(), passphrase=self._passphrase
        )

    def archive(self, out: Path, password: str) -> Path:
        """A password-protected backup (AES-256 ZIP) to ``out``."""
        if out.exists():
            raise ValidationError(
                "out", N_("{path} already exists; choose a new file name"), path=str(out)
            )
        self._refuse_archive_if_encrypted()
        conn = self.store.ledger.conn
        check_target(out)
        return storage_archive.write_archive(conn, out, password, self.store.files)

    @property
    def _passphrase(self) -> str | None:
        return self.store.ledger.passphrase

    def _refuse_archive_if_encrypted(self) -> None:
        if self._passphrase is not None:
            raise BackupError(
                N_(
                    "the database is encrypted: save a plain copy instead, it stays "
                    "encrypted with your passphrase"
                )
            )

    def save_copy(self, out: Path, password: str | None = None, *, replace: bool = False) -> Path:
        """A backup in the file ``out``: a password archive if ``password`` is given.

        With ``replace`` (the person confirmed it), an existing ``out`` gives way
        only once the new copy is complete, so a failure never costs the old
        one; the database file itself is never a target.
        """
        if self.store.path is not None and out.resolve() == self.store.path.resolve():
            raise ValidationError(
                "out", N_("{path} is the database itself; choose another file"), path=str(out)
            )
        if not (replace and out.exists()):
            return self._write(out, password)
        # Written beside ``out`` and renamed over it only once complete.
        conn = self.store.ledger.conn
        check_target(out)  # a pipe or a device would be replaced by a file
        if password is None:
            return storage_backup.backup_to(conn, out, self._passphrase)
        self._refuse_archive_if_encrypted()
        return storage_archive.write_archive(conn, out, password, self.store.files)

    def _write(self, out: Path, password: str | None) -> Path:
        return self.backup_now(out) if password is None else self.archive(out, password)

    def daily_due(self) -> bool:
        """Whether today's automatic backup is still to be made."""
        if self.store.path is None:
            return False
        today = self.now().strftime("%Y%m%d")
        return not any(p.name.startswith(f"{storage_backup.PREFIX}{today}") for p in self.list())

    def daily_copy(self) -> Path | None:
        """The backup made when the window opens, at most once a day.

        Safe on a worker thread: the copy reads through a connection of its own. A
        100 000-act database takes most of a second to copy; the window opens first
        and this runs beside it.
        """
        if not self.daily_due():
            return None
        return storage_backup.rotating_backup_of_file(
            self._db_path(), "daily", self.now(), self._passphrase
        )

    def infos(self) -> list[BackupInfo]:
        """The automatic backups, newest first, with their date and size."""
        # Above ``list``: below it, ``list[...]`` would name the method in this class.
        return [backup_info(path) for path in self.list()]

    def folder(self) -> Path | None:
        """Where the rotating backups go (``None`` for a database in memory)."""
        return None if self.store.path is None else storage_backup.backup_folder(self.store.path)

    def list(self) -> list[Path]:
        return [] if self.store.path is None else storage_backup.backups(self.store.path)

    def _db_path(self) -> Path:
        if self.store.path is None:
            raise ValidationError("database", N_("an in-memory database has no backups"))
        return self.store.path


def restore_database(
    db_path: Path,
    backup: Path,
    now: Now = _local_now,
    password: str | None = None,
    passphrase: str | None = None,
) -> Path | None:
    """Put ``backup`` in place of ``db_path``; returns where a copy of the old file is kept.

    ``None``: ``db_path`` held no database. The backup is checked first (integrity,
    schema version): a damaged or newer file is refused and the current database
    is left untouched. The restored copy is built beside the database and put in
    place with one rename, so either the old or the new database is always there.
    A password archive is opened with ``password`` in memory (no plaintext copy of
    it is written anywhere else), and the attached files it holds are added
    beside the database (files already there are kept as they are).

    Refused while another Carnet (a window, a command) has the database open:
    replacing the file under it would lose what it writes next. ``passphrase``
    opens an encrypted database and its encrypted backups.
    """
    session = Session(db_path) if db_path.exists() else None
    try:
        if session is not None and not session.alone():
            raise BackupError(
                N_(
                    "{path} is open in another Carnet (a window or a command); "
                    "close it, then restore"
                ),
                path=str(db_path),
            )
        if not is_archive(backup):
            return storage_backup.restore_file(backup, db_path, now(), passphrase)
        data = _read_archive(backup, password, FileStore.beside(db_path))
        return storage_backup.restore_image(data, str(backup), db_path, now(), passphrase)
    finally:
        if session is not None:
            session.release()


def verify_backup(backup: Path, password: str | None = None, passphrase: str | None = None) -> int:
    """Check ``backup`` as :func:`restore_database` will, without touching any database.

    Lets a front end refuse a bad file or a wrong password while the current
    database is still open. Returns the backup's number of applied migrations.
    """
    if not is_archive(backup):
        return storage_backup.check_backup(backup, passphrase)
    return storage_backup.check_image(_read_archive(backup, password), str(backup))


def _read_archive(backup: Path, password: str | None, files: FileStore | None = None) -> bytes:
    if not password:
        raise ValidationError("password", N_("{path} is protected by a password"), path=str(backup))
    return storage_archive.read_archive(backup, password, files)


def is_archive(path: Path) -> bool:
    return path.is_file() and storage_archive.is_archive(path)


def check_backup(path: Path, passphrase: str | None = None) -> int:
    return storage_backup.check_backup(path, passphrase)
