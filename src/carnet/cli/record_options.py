"""What a record's ``add`` and ``edit`` commands share (people, practitioners, acts).

Both take the same options. On ``edit`` nothing is required and nothing has a
default: an option left out keeps what the record already has (``None`` means
"not given"), so an edit changes only the options given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

# Option name -> (input field, how the option's value becomes the field's).
FieldMap = Mapping[str, tuple[str, Callable[[Any], Any]]]


def when_adding(editing: bool) -> Callable[[Any], Any]:
    """A default that applies to ``add`` only: on ``edit`` a missing option is ``None``."""
    return lambda value: None if editing else value


def all_options(options: Sequence[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    """One decorator applying ``options`` in the order they are listed (as ``--help`` shows)."""

    def decorate(func: Any) -> Any:
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def given_fields(opts: Mapping[str, Any], fields: FieldMap) -> dict[str, Any]:
    """The input fields the options name (those left out are not in the result)."""
    return {
        field: convert(opts[option])
        for option, (field, convert) in fields.items()
        if opts.get(option) is not None
    }
