"""Reading a database Carnet may not write: in a read-only folder or on a read-only disk.

A command that only reads (a list, a summary, an export to standard output) works
there; whatever would write is refused in one sentence (:class:`Ledger` opened with
``read_only``). Nothing is made beside the file: no journal, no WAL, no lock file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from carnet.domain.errors import DatabaseFileError
from carnet.domain.messages import N_
from carnet.storage.database import (
    BUSY_TIMEOUT_MS,
    Ledger,
    ReadOnlyPlaceError,
    check_path,
    closed_on_failure,
    configure,
    refuse_foreign,
    up_to_date,
)


def open_read_only(path: Path) -> Ledger:
    """The database at ``path`` for reading only, writing nothing beside it.

    SQLite opens a WAL database read-only only where it can make the shared-memory
    file beside it; in a read-only folder it cannot, so the file is read as
    immutable: nobody can change it there while Carnet reads (a WAL file left
    with changes in it would be ignored: such a file is refused instead).
    """
    check_path(path)
    wal = path.with_name(path.name + "-wal")
    try:
        conn = _connect_read_only(path, "mode=ro")
    except sqlite3.OperationalError as exc:
        if wal.exists() and wal.stat().st_size > 0:
            raise ReadOnlyPlaceError(
                N_(
                    "{path} cannot be read in a read-only folder: its last changes are "
                    "still in {wal}; open it once where it may be written"
                ),
                path=str(path),
                wal=wal.name,
            ) from exc
        try:
            conn = _connect_read_only(path, "immutable=1")
        except sqlite3.Error as again:
            raise DatabaseFileError(
                N_("cannot read {path} ({reason})"), path=str(path), reason=str(again)
            ) from again
    ledger = Ledger(conn, path, read_only=True)
    with closed_on_failure(ledger):
        refuse_foreign(conn, path)
        configure(conn, wal=False)
        if not up_to_date(conn):
            raise ReadOnlyPlaceError(
                N_(
                    "{path} was written by another version of Carnet and must be upgraded, "
                    "which cannot be done in a read-only folder"
                ),
                path=str(path),
            )
    return ledger


def _connect_read_only(path: Path, mode: str) -> sqlite3.Connection:
    """A connection that never writes (``mode=ro``) or never locks (``immutable=1``)."""
    uri = f"file:{quote(str(path.absolute()))}?{mode}"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn
