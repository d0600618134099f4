"""Reading a JSON export as it goes: the header, then each table's rows one at a time.

An export may hold a gigabyte of rows; parsing it whole would keep every row in
memory at once. Here ``ijson`` hands over the document's events and each row is
built alone, so memory holds one row (the loader keeps a slice of them). The
header (``format``, ``version``, ``schema``) comes before ``tables`` in every
export Carnet writes; a file that puts ``tables`` first is refused as one that is
not an export. Every refusal is a :class:`DumpError` with the words of the
whole-document reader it replaces.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

import ijson

from carnet.domain.messages import N_
from carnet.storage import dump as storage_dump

DumpError = storage_dump.DumpError
# Deeper than any export (a row is an object of plain values); json.loads stopped at
# Python's recursion limit, this stops sooner and reads no further.
MAX_DEPTH = 200
# Digits an integer may have, as for json.loads (Python's int_max_str_digits).
MAX_DIGITS = 4300
CONTAINERS = {"start_map": 1, "start_array": 1, "end_map": -1, "end_array": -1}
Event = tuple[str, Any]


@dataclass(slots=True)
class Place:
    """Where the reader is: the table and row being read, and the last key seen."""

    table: str = ""
    row: int = 0
    key: str = ""


def _events(source: BinaryIO, place: Place) -> Iterator[Event]:
    """The document's events, each checked for depth and number size."""
    depth = 0
    try:
        for _prefix, event, value in ijson.parse(source, use_float=True):
            depth += CONTAINERS.get(event, 0)
            if event == "map_key":
                place.key = value
            if depth > MAX_DEPTH:
                raise DumpError(N_("the file is nested too deeply to be a Carnet export"))
            if type(value) is int and value.bit_length() > MAX_DIGITS * 3:
                raise DumpError(N_("not a JSON file ({reason})"), reason="a number is too long")
            yield event, value
    except ijson.JSONError as exc:
        if "integer overflow" in str(exc) and place.table:  # beyond 64 bits, as for SQLite
            problem = N_("{column} is out of range")
            where = place.table, place.row
            raise storage_dump.row_error(*where, problem, column=place.key) from None
        raise DumpError(N_("not a JSON file ({reason})"), reason=_first_line(exc)) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise DumpError(N_("not a JSON file ({reason})"), reason=_first_line(exc)) from None


def _first_line(exc: Exception) -> str:
    """The parser's reason without the picture of the text it stopped at."""
    return (str(exc).strip().splitlines() or [""])[0][:200]


def _value(first: Event, events: Iterator[Event]) -> Any:
    """The whole value that starts with ``first`` (a row, a header field)."""
    builder = ijson.ObjectBuilder()
    builder.event(*first)
    depth = CONTAINERS.get(first[0], 0)
    while depth > 0:
        event = next(events)
        builder.event(*event)
        depth += CONTAINERS.get(event[0], 0)
    return builder.value


def _next(events: Iterator[Event]) -> Event:
    try:
        return next(events)
    except StopIteration:  # ijson raises on a short file; this is only a safeguard
        raise DumpError(N_("not a JSON file ({reason})"), reason="it ends too soon") from None


class ExportReader:
    """One pass over an export: :meth:`header` first, then :meth:`tables`."""

    def __init__(self, source: BinaryIO, present: list[str]) -> None:
        self.place = Place()
        self.events = _events(source, self.place)
        self.present = present
        self.at_tables = False

    def header(self) -> None:
        """Read up to ``tables`` and check what came before it (:class:`DumpError`)."""
        first = _next(self.events)
        if first[0] != "start_map":
            for _event in self.events:  # to the end: a broken file says so first
                pass
            raise DumpError(N_("not a Carnet export (no 'format': 'carnet-export')"))
        fields: dict[str, Any] = {}
        for event, value in self.events:
            if event == "end_map":
                break
            key = str(value)
            start = _next(self.events)
            if key == "tables":
                self.at_tables = True
                fields["tables"] = {} if start[0] == "start_map" else _value(start, self.events)
                break
            fields[key] = _value(start, self.events)
        storage_dump.check_header(fields, self.present)

    def tables(self) -> Iterator[tuple[str, Iterator[Any]]]:
        """Each table's name and its rows; a table's rows must be read before the next."""
        seen: set[str] = set()
        if not self.at_tables:
            return
        for event, value in self.events:
            if event == "end_map":
                break
            name = str(value)
            if name not in self.present:
                raise DumpError(N_("unknown table {table} in the export"), table=repr(name)[:80])
            if name in seen:
                raise DumpError(N_("table {table} appears twice in the export"), table=name)
            seen.add(name)
            start = _next(self.events)
            if start[0] != "start_array":
                raise DumpError(N_("table {table} is not a list of rows"), table=name)
            yield name, self._rows(name)
        for _event in self.events:  # the rest of the document must be well formed too
            pass

    def _rows(self, table: str) -> Iterator[Any]:
        self.place.table, self.place.row = table, 0
        for event in self.events:
            if event[0] == "end_array":
                self.place.table = ""
                return
            self.place.row += 1
            yield _value(event, self.events)
