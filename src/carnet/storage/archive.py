"""Password-protected backup archives: the SQLite backup inside an AES-256 ZIP.

A standard WinZip-AES archive (pyzipper) opens with 7-Zip or any recent archive
tool, so the household is never locked into Carnet to read its own data.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import zlib
from pathlib import Path

from carnet.domain.messages import N_
from carnet.storage.backup import BackupError, backup_to

MEMBER = "carnet.sqlite"
MIN_PASSWORD = 8


class WrongPasswordError(BackupError):
    """The archive is intact but the password does not open it (the GUI asks again)."""


def is_archive(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def write_archive(conn: sqlite3.Connection, target: Path, password: str) -> Path:
    """Back up ``conn`` into ``target``, encrypted with ``password``."""
    import pyzipper  # noqa: PLC0415 (AES support costs the window's start-up 16 ms)

    if len(password) < MIN_PASSWORD:
        raise BackupError(
            N_("choose a password of at least {count} characters"), count=MIN_PASSWORD
        )
    with tempfile.TemporaryDirectory() as folder:
        plain = backup_to(conn, Path(folder) / MEMBER)
        fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        os.close(fd)
        with pyzipper.AESZipFile(
            target, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
        ) as archive:
            archive.setpassword(password.encode("utf-8"))
            archive.write(plain, MEMBER)
    return target


def extract_archive(source: Path, password: str, folder: Path) -> Path:
    """The database inside ``source``, written to ``folder``; a wrong password is refused."""
    import pyzipper  # noqa: PLC0415

    try:
        with pyzipper.AESZipFile(source) as archive:
            archive.setpassword(password.encode("utf-8"))
            data = archive.read(MEMBER)
    except RuntimeError as exc:  # pyzipper's "Bad password"
        raise WrongPasswordError(
            N_("{path}: wrong password ({reason})"), path=str(source), reason=str(exc)
        ) from None
    except (KeyError, pyzipper.BadZipFile, zlib.error) as exc:
        raise BackupError(
            N_("{path}: not a Carnet backup archive ({reason})"), path=str(source), reason=str(exc)
        ) from None
    target = folder / MEMBER
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return target
