"""The one error the bank layer raises for a file it cannot read."""

from __future__ import annotations

from carnet.domain.messages import N_, Message, Param


class BankFileError(ValueError):
    """A statement file that is unknown, malformed or truncated.

    ``file`` is the name the user gave, ``line`` the 1-based line where the problem was
    seen (0 when it concerns the whole file) and ``problem`` a short English sentence
    (a template marked with ``N_`` filled with ``params``, or a :class:`Message`).
    Parsers never let another exception escape: the UI shows :attr:`text`, rendered in
    its language; ``str(error)`` is the English sentence.
    """

    def __init__(self, file: str, line: int, problem: str, /, **params: Param) -> None:
        self.file = file
        self.line = line
        self.problem = (
            problem if isinstance(problem, Message) and not params else Message(problem, **params)
        )
        if line:
            where = N_("{file}, line {line}: {problem}")
            self.text = Message(where, file=file, line=line, problem=self.problem)
        else:
            self.text = Message(N_("{file}: {problem}"), file=file, problem=self.problem)
        super().__init__(self.text)
