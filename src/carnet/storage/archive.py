"""Password-protected backup archives: the SQLite backup inside an AES-256 ZIP.

A standard WinZip-AES archive (pyzipper) opens with 7-Zip or any recent archive
tool, so the household is never locked into Carnet to read its own data.

The archive also holds the attached scans and PDFs (``files/<sha256>``): a copy
kept on a USB stick must bring back everything if the computer is lost, and
the database alone only names the files. They are stored without compression
(scans are compressed already) and checked against their name when read back.
"""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

from carnet.domain.messages import N_
from carnet.private_files import staged
from carnet.storage.backup import BackupError, snapshot
from carnet.storage.files import FileStore, sha256

MEMBER = "carnet.sqlite"
FILES = "files/"  # attached files, by SHA-256
MIN_PASSWORD = 8


class WrongPasswordError(BackupError):
    """The archive is intact but the password does not open it (the GUI asks again)."""


def is_archive(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def write_archive(
    conn: sqlite3.Connection, target: Path, password: str, files: FileStore | None = None
) -> Path:
    """Back up ``conn``, and the attached files of ``files``, into ``target`` (``password``).

    The database goes into the archive from memory: no plaintext copy of it is
    ever written to disk. The archive is written beside ``target`` and renamed
    once complete.
    """
    import pyzipper  # noqa: PLC0415 (a heavy library, for backups only)

    if len(password) < MIN_PASSWORD:
        raise BackupError(
            N_("choose a password of at least {count} characters"), count=MIN_PASSWORD
        )
    data = snapshot(conn)
    with (
        staged(target) as temporary,
        pyzipper.AESZipFile(
            temporary, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
        ) as archive,
    ):
        archive.setpassword(password.encode("utf-8"))
        archive.writestr(MEMBER, data)
        for digest, path in _stored(files):
            archive.write(path, FILES + digest, compress_type=pyzipper.ZIP_STORED)
    return target


def _stored(files: FileStore | None) -> list[tuple[str, Path]]:
    """``(sha256, path)`` of every complete file in ``files`` (an interrupted write is not)."""
    if files is None or not files.root.is_dir():
        return []
    found = (p for p in files.root.glob("??/*") if p.is_file() and len(p.name) == 64)
    return sorted((p.name, p) for p in found if p.parent.name == p.name[:2])


def read_archive(source: Path, password: str, files: FileStore | None = None) -> bytes:
    """The database inside ``source``, as bytes (never written out here); a wrong password
    is refused.

    The attached files in the archive are each checked against their SHA-256 (all of
    them, before anything is written), then added to ``files`` when it is given.
    """
    import pyzipper  # noqa: PLC0415

    try:
        with pyzipper.AESZipFile(source) as archive:
            archive.setpassword(password.encode("utf-8"))
            data: bytes = archive.read(MEMBER)
            attached = [
                (name, archive.read(name))
                for name in archive.namelist()
                if name.startswith(FILES) and len(name) > len(FILES)
            ]
    except RuntimeError as exc:  # pyzipper's "Bad password"
        raise WrongPasswordError(
            N_("{path}: wrong password ({reason})"), path=str(source), reason=str(exc)
        ) from None
    except (KeyError, pyzipper.BadZipFile, zlib.error) as exc:
        raise BackupError(
            N_("{path}: not a Carnet backup archive ({reason})"), path=str(source), reason=str(exc)
        ) from None
    for name, content in attached:
        if sha256(content) != name.removeprefix(FILES):
            raise BackupError(
                N_("{path}: the attached file {name} in it is damaged"),
                path=str(source),
                name=name.removeprefix(FILES)[:12],
            )
    if files is not None:
        for _name, content in attached:
            files.put(content)
    return data
