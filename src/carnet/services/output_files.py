"""Writing a file a person chose (an export, a calendar, a backup): what is not a file is
never replaced by one, and a place that cannot hold it is said in one sentence.

The file is written beside its name and renamed over it (``private_files.staged``):
given ``/dev/full`` or a named pipe, that rename would put a regular file in the
device's place (as the administrator) instead of writing to it; the services refuse
such a target (:func:`check_target`). A folder that does not exist, a read-only one or
a full disk were an "unexpected error" on the command line: it says them with
:func:`refusals_told` (the window has its own message for them).
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from carnet.domain.errors import CarnetError
from carnet.domain.messages import N_


class OutputFileError(CarnetError):
    """A chosen file that cannot be written; the message says why."""


def check_target(out: Path) -> None:
    """Refuse a target that exists and is not a regular file (a folder, a pipe, a device)."""
    try:
        info = out.stat()
    except OSError:
        return  # nothing there yet (or not reachable): writing it will say
    if not stat.S_ISREG(info.st_mode):
        raise OutputFileError(
            N_("{path} is not a regular file (a folder, a pipe or a device)"), path=str(out)
        )


@contextmanager
def refusals_told(path: Path) -> Iterator[None]:
    """What the system refuses while ``path`` is written (a missing or read-only folder,
    a full disk), as one sentence naming it."""
    try:
        yield
    except OSError as exc:
        raise OutputFileError(
            N_("cannot write {path} ({reason})"), path=str(path), reason=exc.strerror or str(exc)
        ) from None
