"""Files and folders that hold health data: private to their owner, complete or absent.

Everything Carnet creates is mode 0600 (files) or 0700 (folders) whatever the
umask, and a file appears under its final name only once it is complete: it is
written to a temporary file beside the target (same folder, so the last step is
one atomic rename on the same file system) that is removed on every failure,
a full disk included.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(folder: Path) -> Path:
    """``folder`` and any missing parent, created 0700 (existing folders are left as they are)."""
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for created in reversed(missing):
        with suppress(FileExistsError):  # another Carnet made it just now
            created.mkdir(mode=FOLDER_MODE)
        created.chmod(FOLDER_MODE)  # mkdir's mode passes through the umask
    return folder


def create_private_file(path: Path) -> None:
    """An empty file readable by its owner only (an existing file is made 0600 too)."""
    private_folder(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
    os.close(fd)
    path.chmod(FILE_MODE)


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A temporary 0600 path beside ``target`` that becomes ``target`` on success.

    The block writes the temporary file; when it ends normally the file is renamed
    to ``target`` (replacing it). On any exception, a full disk included, the
    temporary file is removed and ``target`` is untouched. The folder must exist
    (a file the person asked for in a folder that is not there is an error to say).
    """
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    os.close(fd)
    temporary = Path(name)
    try:
        temporary.chmod(FILE_MODE)
        yield temporary
        temporary.replace(target)
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise


def write_private(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` (0600), complete or not at all (its folder must exist)."""
    with staged(target) as temporary, temporary.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    return target


def remove_partials(folder: Path, prefix: str) -> list[Path]:
    """Remove the temporary files of :func:`staged` (and their SQLite journals) in ``folder``.

    Only for a folder no other Carnet is writing into: a write under way would lose its file.
    """
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.iterdir()
        if p.name.startswith(prefix) and ".partial" in p.name and p.is_file()
    ]
    for path in found:
        with suppress(FileNotFoundError):
            path.unlink()
    return found
