"""The optional encrypted database: SQLCipher through ``sqlcipher3`` (``carnet[encryption]``).

An encrypted file has no readable SQLite header: it is recognised by that, and
opened with the passphrase the person gives at start. Switching encryption on
or off rewrites the database (and the backups beside it) into a new file with
``sqlcipher_export``, written beside the old one and put in its place with one
rename, so no plaintext copy is left behind: not the old file, not its WAL, not
an older backup.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from carnet.domain.errors import CarnetError
from carnet.domain.messages import N_
from carnet.private_files import staged

SQLITE_MAGIC = b"SQLite format 3\x00"


class PassphraseError(CarnetError):
    """The database is encrypted and no passphrase, or a wrong one, was given."""


class EncryptionUnavailableError(CarnetError):
    """SQLCipher (the ``sqlcipher3`` package) is not installed."""


def _module() -> Any:
    try:
        from sqlcipher3 import dbapi2  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415
    except ImportError as exc:
        raise EncryptionUnavailableError(
            N_("encryption needs the sqlcipher3 package (pip install 'carnet[encryption]')")
        ) from exc
    return dbapi2


def available() -> bool:
    """Whether SQLCipher (``carnet[encryption]``) is installed."""
    import importlib.util  # noqa: PLC0415

    return importlib.util.find_spec("sqlcipher3") is not None


def errors() -> tuple[type[BaseException], ...]:
    """SQLCipher's own exception classes (not those of ``sqlite3``), when it is installed."""
    try:
        from sqlcipher3 import dbapi2  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415
    except ImportError:
        return ()
    return (dbapi2.Error,)


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` holds data that is not a plain SQLite file (an encrypted database)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC
    except OSError:  # a name too long, a file not readable: opening it will say why
        return False


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(path: Path, passphrase: str | None, timeout: float = 10.0) -> sqlite3.Connection:
    """A connection to the encrypted database at ``path``; a wrong passphrase is refused."""
    if not passphrase:
        raise PassphraseError(N_("{path} is encrypted: give its passphrase"), path=str(path))
    dbapi2 = _module()
    conn = dbapi2.connect(str(path), timeout=timeout)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong passphrase is said once, by us
        conn.execute(f"PRAGMA key = {_literal(passphrase)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError:
        conn.close()
        raise PassphraseError(
            N_("the passphrase does not open {path}; check it and try again"), path=str(path)
        ) from None
    return conn  # type: ignore[no-any-return]  # the same DB-API as sqlite3's


def encrypt_copy(source: Path, target: Path, passphrase: str) -> None:
    """Write the plain database ``source`` into the new file ``target``, encrypted.

    SQLCipher reads ``source`` and writes encrypted pages only: no plaintext copy.
    """
    conn = connect(target, passphrase)
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", [str(source)])
        conn.execute("SELECT sqlcipher_export('main', 'plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def convert(path: Path, old: str | None, new: str | None) -> None:
    """Rewrite the database file ``path`` from passphrase ``old`` to ``new`` (``None``: plain).

    The new file is written beside ``path`` and renamed over it: at every instant
    one complete database is there. Call with no other connection open on it.
    """
    dbapi2 = _module()
    with staged(path) as temporary:
        source = connect(path, old) if old else dbapi2.connect(str(path))
        try:
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            source.execute(
                f"ATTACH DATABASE ? AS converted KEY {_literal(new or '')}", [str(temporary)]
            )
            source.execute("SELECT sqlcipher_export('converted')")
            source.execute("DETACH DATABASE converted")
        finally:
            source.close()
        # The old WAL held the same data (checkpointed above): it goes before the rename.
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
