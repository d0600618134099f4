"""The session lock: which Carnet has a database open, the way GnuCash locks a book.

Beside ``carnet.sqlite`` lies ``carnet.sqlite.lock`` (mode 0600). Every Carnet
that opens the database, a window or a command, holds a shared ``flock`` on it
for as long as the database is open; a restore needs it for itself alone. A
window also holds an exclusive lock on ``carnet.sqlite.window`` (which names its
process), so that a second window on the same file is told where the first is.
The operating system drops these locks when a process ends, even by
``kill -9``: a crash never leaves the file locked. (Without ``fcntl``, as on
Windows, no lock is taken.)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from carnet.domain.errors import DatabaseLockedError
from carnet.domain.messages import N_
from carnet.private_files import FILE_MODE

WAIT_SECONDS = 10.0  # a restore in progress is waited for this long


class SessionTakenError(DatabaseLockedError):
    """Another Carnet window has this database open."""


def _lock_file(db_path: Path, suffix: str) -> int:
    """The lock file's descriptor (a plain ``int``: like the SQLite connection it sits
    beside, a Carnet that forgets to close it keeps it until it ends, without warnings)."""
    fd = os.open(db_path.with_name(db_path.name + suffix), os.O_CREAT | os.O_RDWR, FILE_MODE)
    os.fchmod(fd, FILE_MODE)
    return fd


if sys.platform == "win32":  # pragma: no cover (no flock there: no session lock)

    def _try(fd: int, exclusive: bool) -> bool:  # noqa: ARG001
        return True

else:
    import fcntl

    def _try(fd: int, exclusive: bool) -> bool:
        """Take the lock without waiting; ``False`` if another process holds it."""
        operation = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(fd, operation | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


class Session:
    """The locks one Carnet holds on one database file; :meth:`release` lets them go."""

    def __init__(self, db_path: Path, wait: float = WAIT_SECONDS) -> None:
        self.db_path = db_path
        self._shared = _lock_file(db_path, ".lock")
        self._window: int | None = None
        deadline = time.monotonic() + wait
        while not _try(self._shared, exclusive=False):
            if time.monotonic() > deadline:
                os.close(self._shared)
                raise DatabaseLockedError(
                    N_("{path} is being restored by another Carnet; try again in a moment"),
                    path=str(db_path),
                )
            time.sleep(0.05)

    def claim_window(self) -> None:
        """Mark this Carnet as the window on the file; refused if another window has it."""
        fd = _lock_file(self.db_path, ".window")
        if not _try(fd, exclusive=True):
            holder = os.read(fd, 32).decode("ascii", "replace").strip()
            os.close(fd)
            raise SessionTakenError(
                N_(
                    "{path} is already open in another Carnet window (process {holder}). "
                    "Use that window, or close it and try again."
                ),
                path=str(self.db_path),
                holder=holder or "?",
            )
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        self._window = fd

    def alone(self) -> bool:
        """Take the file for this Carnet alone if no other has it open; ``True`` if done.

        Give it back with :meth:`share`. Whatever the answer, the shared lock is
        held again afterwards (turning a lock into another is not atomic).
        """
        if _try(self._shared, exclusive=True):
            return True
        self.share()
        return False

    def share(self) -> None:
        """Back from :meth:`alone`: others may open the file again."""
        deadline = time.monotonic() + WAIT_SECONDS
        while not _try(self._shared, exclusive=False) and time.monotonic() < deadline:
            time.sleep(0.05)

    def release(self) -> None:
        if self._window is not None:
            os.close(self._window)
            self._window = None
        if self._shared >= 0:
            os.close(self._shared)
            self._shared = -1
