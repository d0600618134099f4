"""Files stored by content: ``<database>.files/ab/abcdef…`` named by their SHA-256.

Bytes are written exactly as given (never recompressed or converted), once per
content, readable by the owner only, and checked against their name when read
back, so that a damaged or altered scan is noticed instead of trusted.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from carnet.domain.errors import CarnetError
from carnet.domain.messages import N_
from carnet.private_files import private_folder, write_private


class FileIntegrityError(CarnetError):
    """A stored file is missing or no longer matches its SHA-256."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def beside(cls, db_path: Path) -> FileStore:
        return cls(db_path.with_name(db_path.name + ".files"))

    def path_of(self, digest: str) -> Path:
        return self.root / digest[:2] / digest

    def put(self, data: bytes) -> str:
        """Store ``data`` (once); returns its SHA-256."""
        digest = sha256(data)
        target = self.path_of(digest)
        if target.exists() and sha256(target.read_bytes()) == digest:
            return digest
        private_folder(target.parent)  # 0700, like the folder of files above it
        write_private(target, data)  # 0600, complete or absent
        return digest

    def get(self, digest: str) -> bytes:
        """The stored bytes, after checking they still match ``digest``."""
        target = self.path_of(digest)
        if not target.exists():
            raise FileIntegrityError(
                N_("the stored file {name}… is missing from {folder}"),
                name=digest[:12],
                folder=str(self.root),
            )
        data = target.read_bytes()
        if sha256(data) != digest:
            raise FileIntegrityError(
                N_(
                    "the stored file {name}… was changed or damaged on disk "
                    "(its content no longer matches its fingerprint)"
                ),
                name=target.name[:12],
            )
        return data
