"""Reading a file a person chose: a regular file only, and no more than a stated size.

A named pipe would make the import wait for ever, ``/dev/zero`` would fill the
memory, and a statement of several hundred megabytes is not a statement: each is
refused with a sentence before anything is read or written. Standard input, which
may well be a pipe, is read through the same limit as it goes
(:func:`stream_limited`); a statement piped in is read once, its first bytes kept to be
read again (:class:`Replayed`).
"""

from __future__ import annotations

import hashlib
import io
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

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
        _check_regular(path, limit)
        with path.open("rb") as stream:
            data = stream.read(limit + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if len(data) > limit:
        raise _too_large(path, limit)
    return data


def _check_regular(path: Path, limit: int) -> None:
    """Refuse what is not a regular file (a pipe would hang, a device never ends) or is
    over ``limit`` bytes, before anything is read."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(
            N_("{path} is not a regular file (a folder, a pipe or a device)"), path=str(path)
        )
    if info.st_size > limit:
        raise _too_large(path, limit)


@contextmanager
def open_limited(path: Path, limit: int) -> Iterator[BinaryIO]:
    """The regular file ``path`` opened for reading in a stream, or :class:`InputFileError`.

    For imports that read as they go: the same refusals as :func:`read_limited`, and a
    file that grows past ``limit`` while it is read is refused when the limit is passed.
    """
    try:
        _check_regular(path, limit)
        raw = io.FileIO(path, "r")
    except OSError as exc:
        raise _unreadable(path, exc) from None
    with io.BufferedReader(_Capped(raw, limit, path)) as stream:
        yield stream


@contextmanager
def stream_limited(source: BinaryIO, limit: int, name: str) -> Iterator[BinaryIO]:
    """A stream already open (standard input) read as it goes, refused past ``limit``.

    Nothing is held beyond what the reader asks for, so a pipe of any length costs the
    memory of its reader; ``source`` is left open. Not seekable: for one-pass readers.
    """
    with io.BufferedReader(_Capped(source, limit, name, owned=False)) as stream:
        yield stream


class Replayed(io.BufferedIOBase):
    """A stream read once, whose first bytes (``head``, already read) can be read again.

    The statement importers look at a file's first bytes (its format, its declared
    encoding) and then read it from the start: this serves those bytes again from
    memory, then the rest of ``rest`` as it comes. Once past the head it cannot go back
    (``seekable()`` is False: the importers then choose the encoding as they read), and
    the head is dropped. Every byte is hashed once, as it first comes (:meth:`finish`).
    """

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self.head, self.rest = head, rest
        self.kept = len(head)
        self.position = 0
        self.digest = hashlib.sha256(head)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence != io.SEEK_SET or not 0 <= offset <= self.kept or self.position > self.kept:
            raise io.UnsupportedOperation("seek")
        self.position = offset
        return offset

    def tell(self) -> int:
        return self.position

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            return b"".join(iter(lambda: self.read(1 << 20), b""))
        data = b""
        if self.position < self.kept:
            data = self.head[self.position : self.position + size]
            self.position += len(data)
        if len(data) < size and (more := read_up_to(self.rest, size - len(data))):
            self.head = b""  # past it for good
            self.digest.update(more)
            self.position += len(more)
            data += more
        return data

    def read1(self, size: int = -1) -> bytes:
        return self.read(size if size >= 0 else 1 << 16)

    def finish(self) -> str:
        """Read what the importer left (the same limit applies); the SHA-256 of it all."""
        while self.read(1 << 20):
            pass
        return self.digest.hexdigest()


def read_up_to(source: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes of ``source``, fewer only at its end (a pipe gives pieces)."""
    pieces: list[bytes] = []
    wanted = size
    while wanted > 0 and (piece := source.read(wanted)):
        pieces.append(piece)
        wanted -= len(piece)
    return b"".join(pieces)


class _Capped(io.RawIOBase):
    """A file or stream that refuses to be read past ``limit`` bytes."""

    def __init__(
        self, raw: BinaryIO | io.FileIO, limit: int, path: Path | str, owned: bool = True
    ) -> None:
        super().__init__()
        self.raw, self.limit, self.path, self.owned = raw, limit, path, owned
        self.position = 0  # kept here: a pipe cannot tell where it is

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self.owned and self.raw.seekable()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if not self.seekable():
            raise io.UnsupportedOperation("seek")
        self.position = self.raw.seek(offset, whence)
        return self.position

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self.raw.read(len(buffer))
        except OSError as exc:
            raise _unreadable(self.path, exc) from None
        count = len(data or b"")
        buffer[:count] = data or b""
        self.position += count
        if self.position > self.limit:
            raise _too_large(self.path, self.limit)
        return count

    def close(self) -> None:
        if self.owned:
            self.raw.close()
        super().close()


def _unreadable(path: Path | str, exc: OSError) -> InputFileError:
    return InputFileError(
        N_("cannot read {path} ({reason})"), path=str(path), reason=exc.strerror or str(exc)
    )


def _too_large(path: Path | str, limit: int) -> InputFileError:
    return InputFileError(
        N_("{path} is larger than {limit} MB, more than Carnet reads"),
        path=str(path),
        limit=limit // MB,
    )
