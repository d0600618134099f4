"""Switching the optional encryption (SQLCipher) on and off, with no plaintext left behind.

The database, the automatic backups beside it and the copies kept aside by a
restore are each rewritten (see :func:`carnet.storage.cipher.convert`): after
switching on, no file in the data folder holds the household's data in clear.
"""

from __future__ import annotations

from pathlib import Path

from carnet.domain.errors import ValidationError
from carnet.i18n import N_
from carnet.storage import cipher
from carnet.storage.backup import BackupError, backups
from carnet.storage.cipher import PassphraseError
from carnet.storage.session import Session

MIN_PASSPHRASE = 8

__all__ = ["MIN_PASSPHRASE", "PassphraseError", "available", "is_encrypted", "set_encryption"]


def is_encrypted(db_path: Path) -> bool:
    return cipher.is_encrypted(db_path)


def available() -> bool:
    """Whether encryption can be switched on here (SQLCipher installed)."""
    return cipher.available()


def set_encryption(db_path: Path, old: str | None, new: str | None) -> list[Path]:
    """Encrypt (``old`` None), decrypt (``new`` None) or change the passphrase of ``db_path``.

    Refused while another Carnet has the file open. Returns the copies beside
    it that could not be converted (encrypted with another passphrase).
    """
    if new is not None and len(new) < MIN_PASSPHRASE:
        raise ValidationError(
            "passphrase",
            N_("choose a passphrase of at least {count} characters"),
            count=MIN_PASSPHRASE,
        )
    if not db_path.is_file() or db_path.stat().st_size == 0:
        raise ValidationError(
            "database", N_("there is no Carnet database at {path}"), path=str(db_path)
        )
    if (old is not None) != cipher.is_encrypted(db_path):
        raise ValidationError(
            "passphrase",
            N_("{path} is not encrypted") if old else N_("{path} is already encrypted"),
            path=str(db_path),
        )
    session = Session(db_path)
    try:
        if not session.alone():
            raise BackupError(
                N_("{path} is open in another Carnet (a window or a command); close it first"),
                path=str(db_path),
            )
        # The copies first: killed half-way, the database still says it is not done
        # (running it again finishes), rather than saying "encrypted" over plain copies.
        skipped = _convert_copies(db_path, old, new)
        cipher.convert(db_path, old, new)
        return skipped
    finally:
        session.release()


def _convert_copies(db_path: Path, old: str | None, new: str | None) -> list[Path]:
    kept_aside = db_path.parent.glob(f"{db_path.name}.before-restore-*")
    skipped = []
    for copy in [*backups(db_path), *kept_aside]:
        if _opens_with(copy, new):
            continue  # already as wanted (a switch interrupted before, run again)
        was = old if cipher.is_encrypted(copy) else None
        try:
            cipher.convert(copy, was, new)
        except PassphraseError:
            skipped.append(copy)
    return skipped


def _opens_with(path: Path, passphrase: str | None) -> bool:
    """Whether ``path`` is already plain (``None``) or encrypted with ``passphrase``."""
    if passphrase is None:
        return not cipher.is_encrypted(path)
    if not cipher.is_encrypted(path):
        return False
    try:
        cipher.connect(path, passphrase).close()
    except PassphraseError:
        return False
    return True
