"""Opening the ledger: file permissions, pragmas, schema checks and write transactions.

This package is the only user of sqlite-utils. Every service call that writes
runs inside :meth:`Ledger.write`, one ``BEGIN IMMEDIATE`` transaction: taking the
write lock up front means a second Carnet on the same file waits (busy timeout)
instead of failing half-way through with a lock upgrade error.
"""

from __future__ import annotations

import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from carnet.domain.errors import DatabaseFileError, DatabaseLockedError, StorageError
from carnet.domain.messages import N_
from carnet.private_files import FILE_MODE, create_private_file, remove_partials
from carnet.storage import cipher
from carnet.storage.schema import MIGRATIONS
from carnet.storage.session import Session

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 65_536
MIGRATION_SET = "carnet"
# The migrations of this build, in order: opening an up-to-date database compares
# with these names without importing the migration machinery.
# Set in the migration's transaction when a database that held data changes shape:
# its stored figures are an older build's. The services reassess every act and clear
# it in one transaction, so a Carnet stopped in between does it at the next opening.
REASSESS_PENDING = "_reassess_after_upgrade"
MIGRATION_NAMES = tuple(name for name, _statements in MIGRATIONS)


class Ledger:
    """The open database. Build it with :func:`open_ledger`."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None,
        session: Session | None = None,
        passphrase: str | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        self.conn = conn
        self.path = path
        self.session = session
        # Opened for reading only (its folder is read-only): every write is refused.
        self.read_only = read_only
        # Set for an encrypted (SQLCipher) file: its copies are encrypted the same way.
        self.passphrase = passphrase
        # SQLCipher raises its own classes, not sqlite3's: catch both for such a file.
        self.errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
        if passphrase is not None:
            self.errors += cipher.errors()

    @cached_property
    def db(self) -> Database:
        """sqlite-utils over the same connection, made on first use.

        The window's first screen reads through :attr:`conn` alone, so starting
        Carnet does not import sqlite-utils, a heavy library.
        """
        from sqlite_utils import Database  # noqa: PLC0415

        return Database(self.conn)

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One transaction: everything inside commits together or not at all."""
        conn = self.conn
        if conn.in_transaction:  # nested service call: join the outer transaction
            yield self.db
            return
        if self.read_only:
            raise ReadOnlyPlaceError(
                N_(
                    "cannot write to {path}: its folder is read-only, so Carnet opened it "
                    "for reading only"
                ),
                path=str(self.path),
            )
        try:
            conn.execute("BEGIN IMMEDIATE")
        except self.errors as exc:  # SQLCipher's classes too, for an encrypted file
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise _file_problem(self.path, exc) from exc
            # Whoever holds it may be a window, a long import or another command.
            raise DatabaseLockedError(
                N_(
                    "the database is busy: another Carnet (a window, an import or a "
                    "command) is still writing to it; try again when it has finished"
                )
            ) from exc
        try:
            yield self.db
        except self.errors as exc:
            conn.rollback()
            # A constraint or I/O failure is reported, not shown as a traceback; the
            # rollback above guarantees the database is exactly as it was.
            raise StorageError(N_("the change was not saved: {reason}"), reason=str(exc)) from exc
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    def close(self) -> None:
        self.conn.close()
        if self.session is not None:
            self.session.release()
            self.session = None


def _prepare_file(path: Path) -> None:
    """The database file, readable by its owner only (health data: mode 0600).

    A missing file is created in a 0700 folder; an existing empty file (given to
    ``--db`` to be filled) becomes private before anything is written into it.
    """
    if not path.exists():
        create_private_file(path)
    elif path.is_file() and path.stat().st_size == 0:
        path.chmod(FILE_MODE)


def configure(conn: sqlite3.Connection, *, wal: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # Statement journals and sorts stay in memory. In a temporary file they cost one
    # system call per page written by a bulk change, and would put health data in /tmp.
    conn.execute("PRAGMA temp_store = MEMORY")
    # Room for 64 MiB of pages (SQLite's default is 2 MiB), taken only as the file
    # grows: a long history's indexes then stay in memory during a bulk change
    # instead of being read back from the system at each row.
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
        # WAL is safe with NORMAL: a power cut may lose the last commit, never corrupt.
        conn.execute("PRAGMA synchronous = NORMAL")


def open_ledger(
    path: Path | None, passphrase: str | None = None, *, may_read_only: bool = False
) -> Ledger:
    """Open (creating if needed) and migrate the database at ``path``; ``None`` is in memory.

    Raises :class:`~carnet.domain.errors.SchemaTooNewError` for a file written
    by a newer Carnet, before anything is written to it. An encrypted file needs
    its ``passphrase`` (:class:`~carnet.storage.cipher.PassphraseError` otherwise).
    ``may_read_only``: a command that only reads takes a file it may not write (a
    read-only folder, a read-only disk) for reading only rather than refuse it.
    """
    try:
        return _open_waiting(path, passphrase)
    except ReadOnlyPlaceError:
        if not may_read_only or path is None or passphrase is not None:
            raise
        from carnet.storage.read_only import open_read_only  # noqa: PLC0415 (rarely needed)

        return open_read_only(path)


def _open_waiting(path: Path | None, passphrase: str | None) -> Ledger:
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return _open_once(path, passphrase)
        except sqlite3.OperationalError as exc:
            # Two Carnets opening a new file at once can meet while one switches it
            # to WAL: SQLite answers "locked" at once rather than waiting. Try again.
            if "locked" not in str(exc):
                raise _file_problem(path, exc) from exc
            if time.monotonic() > deadline:
                raise DatabaseLockedError(
                    N_("{path} is in use by another program ({reason})"),
                    path=str(path),
                    reason=str(exc),
                ) from exc
            time.sleep(0.05)
        except OSError as exc:  # creating the file: a missing or read-only folder
            raise DatabaseFileError(
                N_("cannot create the database {path} ({reason})"),
                path=str(path),
                reason=exc.strerror or str(exc),
            ) from exc


def _file_problem(path: Path | None, exc: BaseException) -> DatabaseFileError:
    """What SQLite's answer means for the person: a read-only place, a full disk, or else."""
    reason = str(exc)
    if "readonly" in reason or "read-only" in reason or "unable to open" in reason:
        return ReadOnlyPlaceError(
            N_("cannot write to {path}: the file or its folder is read-only ({reason})"),
            path=str(path),
            reason=reason,
        )
    if "full" in reason:
        return DatabaseFileError(
            N_("the disk holding {path} is full; free some space and try again"), path=str(path)
        )
    return DatabaseFileError(N_("cannot use {path} ({reason})"), path=str(path), reason=reason)


def _open_once(path: Path | None, passphrase: str | None) -> Ledger:
    session, key = None, None
    if path is None:
        conn = sqlite3.connect(":memory:")
    else:
        check_path(path)
        _prepare_file(path)
        session = _session(path)
        # Without a passphrase an unreadable file is reported as not a database: the
        # front ends ask for one first when the file looks encrypted (cipher.is_encrypted).
        if passphrase is not None and cipher.is_encrypted(path):
            key = passphrase
            try:
                conn = cipher.connect(path, passphrase, BUSY_TIMEOUT_MS / 1000)
            except BaseException:
                if session is not None:
                    session.release()
                raise
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    ledger = Ledger(conn, path, session, key)
    # A busy or read-only file passes as SQLite says it: the caller waits or says so.
    with closed_on_failure(ledger, passing=(sqlite3.OperationalError,)):
        refuse_foreign(conn, path)
        configure(conn, wal=path is not None)
        if not up_to_date(conn):
            from carnet.storage.migrations import migrate  # noqa: PLC0415 (rarely needed)

            before = None if path is None else _backup_before_migration(ledger, path)
            migrate(ledger.db, before=before)
    _restrict_side_files(path)
    return ledger


@contextmanager
def closed_on_failure(
    ledger: Ledger, *, passing: tuple[type[BaseException], ...] = ()
) -> Iterator[None]:
    """Close ``ledger`` when the checks made on opening it fail. A file SQLite cannot
    read is named as not a Carnet database; the errors in ``passing`` go on as they are."""
    try:
        yield
    except passing:
        ledger.close()
        raise
    except sqlite3.DatabaseError as exc:
        ledger.close()
        raise DatabaseFileError(
            N_("{path} is not a Carnet database or is damaged ({reason})"),
            path=str(ledger.path),
            reason=str(exc),
        ) from exc
    except BaseException:
        ledger.close()
        raise


class ReadOnlyPlaceError(DatabaseFileError):
    """The file or its folder may not be written: reading may still be possible."""


def check_path(path: Path) -> None:
    """Refuse, before anything is made, a path that cannot hold a database file: a
    folder, a pipe, a device or a socket (SQLite would answer "disk I/O error", or wait
    on a pipe), a name too long for the system."""
    if path.name in ("", ".", ".."):
        raise DatabaseFileError(N_("{path} is a folder, not a database file"), path=str(path))
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return  # a new database, or a path through a file: creating it will say
    except OSError as exc:
        raise DatabaseFileError(
            N_("cannot use {path} ({reason})"), path=str(path), reason=exc.strerror or str(exc)
        ) from exc
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseFileError(
            N_("{path} is not a regular file (a folder, a pipe or a device)"), path=str(path)
        )


def refuse_foreign(conn: sqlite3.Connection, path: Path | None) -> None:
    """Leave alone the SQLite file of another program (a browser's history, a photo
    catalogue): migrating it would add Carnet's tables to it and switch it to WAL."""
    tables = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name LIMIT 3"
        )
    ]
    if not tables or _has_our_migrations(conn):
        return
    raise DatabaseFileError(
        N_("{path} holds the tables of another program ({tables}); Carnet will not change it"),
        path=str(path),
        tables=", ".join(name[:40] for name in tables),
    )


def _has_our_migrations(conn: sqlite3.Connection) -> bool:
    try:
        row = conn.execute(
            "SELECT 1 FROM _sqlite_migrations WHERE migration_set = ? LIMIT 1", [MIGRATION_SET]
        ).fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return False
        raise
    return row is not None


def _session(path: Path) -> Session | None:
    """This Carnet's shared lock on ``path``; first, if no other Carnet has the file
    open, the files a killed Carnet left half-written are removed."""
    try:
        session = Session(path)
    except OSError:  # a folder Carnet may not write to: the open itself will say so
        return None
    if session.alone():
        try:
            _sweep(path)
        finally:
            session.share()
    return session


def _sweep(path: Path) -> None:
    """Remove what a Carnet killed while writing left beside the database: the
    temporary files of a restore, a backup, an attached file (never under a final name)."""
    remove_partials(path.parent, f".{path.name}.")
    remove_partials(path.parent / "backups", "")
    files = path.with_name(path.name + ".files")
    if files.is_dir():
        for folder in files.iterdir():
            remove_partials(folder, "")


def up_to_date(conn: sqlite3.Connection) -> bool:
    """Whether the file has exactly this build's migrations (read without sqlite-utils).

    Anything else (a new file, a pending migration, a newer Carnet's schema) takes
    the full path through :func:`~carnet.storage.migrations.migrate`, which decides.
    """
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return False
        raise
    return tuple(row[0] for row in rows) == MIGRATION_NAMES


def _backup_before_migration(ledger: Ledger, path: Path) -> Callable[[], None]:
    def run() -> None:
        from carnet.storage.backup import rotating_backup  # noqa: PLC0415

        now = datetime.now()  # noqa: DTZ005 (local time names the file)
        rotating_backup(ledger.conn, path, "before-migration", now, passphrase=ledger.passphrase)

    return run


def _restrict_side_files(path: Path | None) -> None:
    """WAL and shared-memory files hold the same data: keep them private too."""
    if path is None:
        return
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.chmod(FILE_MODE)
