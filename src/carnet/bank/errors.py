"""The one error the bank layer raises for a file it cannot read."""

from __future__ import annotations


class BankFileError(ValueError):
    """A statement file that is unknown, malformed or truncated.

    ``file`` is the name the user gave, ``line`` the 1-based line where the problem was
    seen (0 when it concerns the whole file) and ``problem`` a short English sentence.
    Parsers never let another exception escape: the UI shows this message as is.
    """

    def __init__(self, file: str, line: int, problem: str) -> None:
        self.file = file
        self.line = line
        self.problem = problem
        where = f"{file}, line {line}" if line else file
        super().__init__(f"{where}: {problem}")
