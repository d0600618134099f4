"""Use cases for backups: now, daily on opening, list, and restore (database closed)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from carnet.domain.errors import ValidationError
from carnet.i18n import N_
from carnet.storage import archive as storage_archive
from carnet.storage import backup as storage_backup
from carnet.storage.store import Store

Now = Callable[[], datetime]


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
            return storage_backup.backup_to(conn, out)
        return storage_backup.rotating_backup(conn, self._db_path(), "manual", self.now())

    def archive(self, out: Path, password: str) -> Path:
        """A password-protected backup (AES-256 ZIP) to ``out``."""
        if out.exists():
            raise ValidationError(
                "out", N_("{path} already exists; choose a new file name"), path=str(out)
            )
        return storage_archive.write_archive(self.store.ledger.conn, out, password)

    def daily(self) -> Path | None:
        """The backup made when the app opens, at most once a day."""
        if self.store.path is None:
            return None
        today = self.now().strftime("%Y%m%d")
        if any(p.name.startswith(f"{storage_backup.PREFIX}{today}") for p in self.list()):
            return None
        return storage_backup.rotating_backup(
            self.store.ledger.conn, self._db_path(), "daily", self.now()
        )

    def list(self) -> list[Path]:
        return [] if self.store.path is None else storage_backup.backups(self.store.path)

    def _db_path(self) -> Path:
        if self.store.path is None:
            raise ValidationError("database", N_("an in-memory database has no backups"))
        return self.store.path


def restore_database(
    db_path: Path, backup: Path, now: Now = _local_now, password: str | None = None
) -> Path:
    """Put ``backup`` in place of ``db_path`` (closed); returns where the old file went.

    The backup is checked first (integrity, schema version): a damaged or newer
    file is refused and the current database is left untouched. A password
    archive is opened with ``password`` first.
    """
    if is_archive(backup):
        if not password:
            raise ValidationError(
                "password", N_("{path} is protected by a password"), path=str(backup)
            )
        with tempfile.TemporaryDirectory() as folder:
            plain = storage_archive.extract_archive(backup, password, Path(folder))
            return storage_backup.restore_file(plain, db_path, now())
    return storage_backup.restore_file(backup, db_path, now())


def is_archive(path: Path) -> bool:
    return path.is_file() and storage_archive.is_archive(path)


def check_backup(path: Path) -> int:
    return storage_backup.check_backup(path)
