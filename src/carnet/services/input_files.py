"""Reading a file a person chose: a regular file only, and no more than a stated size.

A named pipe would make the import wait for ever, ``/dev/zero`` would fill the
memory, and a statement of several hundred megabytes is not a statement: each is
refused with a sentence before anything is read or written.
"""

from __future__ import annotations

import stat
from pathlib import Path

from carnet.domain.errors import CarnetError
from carnet.domain.messages import N_

MB = 1024 * 1024
# A year of a busy account is well under 1 MB; 300 000 lines of CSV about 40 MB.
MAX_STATEMENT_BYTES = 100 * MB
# The JSON export of the 100 000-act demo is about 150 MB.
MAX_EXPORT_BYTES = 1024 * MB


class InputFileError(CarnetError):
    """A chosen file that cannot be read as it is; the message says why."""


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, or :class:`InputFileError`."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError(
                N_("{path} is not a regular file (a folder, a pipe or a device)"), path=str(path)
            )
        if info.st_size > limit:
            raise _too_large(path, limit)
        with path.open("rb") as stream:
            data = stream.read(limit + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise InputFileError(
            N_("cannot read {path} ({reason})"), path=str(path), reason=exc.strerror or str(exc)
        ) from None
    if len(data) > limit:
        raise _too_large(path, limit)
    return data


def _too_large(path: Path, limit: int) -> InputFileError:
    return InputFileError(
        N_("{path} is larger than {limit} MB, more than Carnet reads"),
        path=str(path),
        limit=limit // MB,
    )
