"""What every line of a statement passes on its way to the database.

A fault of the file (a line the reader cannot make sense of, a text longer than any
bank writes) becomes the service's :class:`StatementFileError`, naming the file and
the line; classification is remembered for labels that repeat.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator

from carnet.bank import BankFileError, Classification, PayerDirectory, StatementLine, classify
from carnet.domain import limits
from carnet.domain.errors import CarnetError
from carnet.i18n import N_

_REMEMBERED = 4_096  # classifications kept for labels that repeat (bounded memory)


class StatementFileError(CarnetError):
    """A bank file that cannot be read; the message names the file, line and problem."""


def checked_lines(
    lines: Iterator[StatementLine], filename: str
) -> Generator[StatementLine, None, None]:
    """The lines, with a fault of the file raised as the service's error.

    A text longer than its bound (``domain.limits``) is such a fault: no bank writes
    one, so the file is damaged or made to harm, and it is refused naming its line.
    """
    try:
        for line in lines:
            _check_texts(line, filename)
            yield line
    except BankFileError as exc:
        raise StatementFileError(exc.text) from None
    finally:
        if isinstance(lines, Generator):
            lines.close()  # the reader cleans up now, while its file is still open


# The bounds of a statement line's texts (``domain.limits``), read once.
_LABEL, _NAME, _REF = (b.max_length for b in (limits.STATEMENT_LABEL, limits.NAME, limits.BANK_REF))


def _check_texts(line: StatementLine, filename: str) -> None:
    if (
        len(line.label) > _LABEL
        or len(line.counterparty) > _NAME
        or len(line.bank_ref or "") > _REF
    ):
        _refuse_long_text(line, filename)


def _refuse_long_text(line: StatementLine, filename: str) -> None:
    texts = (
        ("label", line.label, limits.STATEMENT_LABEL),
        ("counterparty", line.counterparty, limits.NAME),
        ("bank_ref", line.bank_ref or "", limits.BANK_REF),
    )
    for field, text, limit in texts:
        if len(text) > limit.max_length:
            raise BankFileError(
                filename,
                line.line_no,
                N_("the {field} is longer than {max_length} characters"),
                field=field,
                max_length=limit.max_length,
            )


def remembering_classifier(directory: PayerDirectory) -> Callable[[StatementLine], Classification]:
    """``classify`` remembering its answers: a statement repeats the same labels (the
    supermarket, the rent), and the answer depends only on the texts and the sign."""
    known: dict[tuple[str, str, bool], Classification] = {}

    def verdict(line: StatementLine) -> Classification:
        key = (line.label, line.counterparty, line.amount_cents > 0)
        found = known.get(key)
        if found is None:
            if len(known) >= _REMEMBERED:
                known.clear()  # labels that carry a reference never repeat: start afresh
            found = known[key] = classify(line, directory)
        return found

    return verdict
