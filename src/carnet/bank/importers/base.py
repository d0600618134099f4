"""The importer protocol and the guard that keeps parser exceptions inside the layer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import BinaryIO, Protocol, TypeVar

from carnet.bank.decoding import EncodingChanged
from carnet.bank.errors import BankFileError
from carnet.bank.model import Statement, StatementLine
from carnet.bank.parsing import FieldError
from carnet.domain.errors import CarnetError
from carnet.domain.messages import N_

T = TypeVar("T")

# Scores returned by ``identify``: a self-describing format beats a CSV header, which beats
# a headerless CSV guessed from the shape of its rows. 0 means "not mine".
SURE = 100
HEADER = 50
SHAPE = 10


class Importer(Protocol):
    """One file format (or one CSV profile). Chosen by content, never by extension alone."""

    @property
    def name(self) -> str:
        """Short format name, e.g. ``"ofx"`` or ``"csv:boursobank"``."""
        ...

    def identify(self, data: bytes, filename: str) -> int:
        """How sure this importer is that it can read ``data`` (0 = not at all)."""
        ...

    def parse(self, data: bytes, filename: str) -> Statement:
        """Read the whole file; raise only ``BankFileError``."""
        ...

    def read(self, stream: BinaryIO, filename: str) -> Iterator[StatementLine]:
        """The lines of a seekable file as they are read; raise only ``BankFileError``.

        The same lines as ``parse(...).lines``. Every format is read as it goes: the
        whole file is never held, whatever its size.
        """
        ...


def guarded(filename: str, parse: Callable[[], T]) -> T:
    """Run a parser and turn any escape into ``BankFileError``.

    Parsers raise ``BankFileError`` with a line themselves where they can; this net catches
    the rest (a library's exception, an index past a truncated record) so that the user
    sees a file name and a sentence, never a traceback.
    """
    try:
        return parse()
    except CarnetError:
        raise  # the caller's own refusal (a file that grew past its limit while read)
    except Exception as error:
        raise _file_error(filename, error) from None


def guarded_lines(filename: str, read: Callable[[], Iterator[T]]) -> Iterator[T]:
    """``guarded`` for a parser that yields: the same net around every step."""
    try:
        yield from read()
    except CarnetError:
        raise  # the caller's own refusal (a file that grew past its limit while read)
    except Exception as error:
        raise _file_error(filename, error) from None


def _file_error(filename: str, error: Exception) -> BankFileError:
    if isinstance(error, BankFileError):
        return error
    if isinstance(error, EncodingChanged):
        return BankFileError(
            filename,
            error.line,
            N_(
                "the byte {byte} is not {encoding}, the encoding of the lines before it: "
                "the file mixes encodings"
            ),
            byte=f"0x{error.byte.hex().upper() or '?'}",
            encoding=error.encoding.upper().replace("-SIG", ""),
        )
    if isinstance(error, FieldError):
        return BankFileError(filename, 0, error.text)
    if isinstance(error, RecursionError):
        return BankFileError(filename, 0, N_("the file is nested too deeply to be a statement"))
    return BankFileError(filename, 0, N_("unreadable file ({kind})"), kind=type(error).__name__)
