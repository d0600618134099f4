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
from typing import Any, BinaryIO

import ijson

from carnet.domain.messages import N_
from carnet.storage import dump as storage_dump

DumpError = storage_dump.DumpError
# Deeper than any export (a row is an object of plain values); json.loads stopped at
# Python's recursion limit, this stops sooner and reads no further.
MAX_DEPTH = 200
CONTAINERS = {"start_map": 1, "start_array": 1, "end_map": -1, "end_array": -1}
SCALARS = frozenset({"string", "number", "boolean", "null"})
Event = tuple[str, Any]


def _not_json(exc: Exception) -> DumpError:
    """The parser's reason, without the picture of the text it stopped at."""
    reason = (str(exc).strip().splitlines() or [""])[0][:200]
    return DumpError(N_("not a JSON file ({reason})"), reason=reason)


def _value(first: Event, events: Iterator[Event]) -> Any:
    """The whole value that starts with ``first`` (a header field, an odd row or cell)."""
    builder = ijson.ObjectBuilder()
    builder.event(*first)
    depth = CONTAINERS.get(first[0], 0)
    while depth > 0:
        event = _next(events)
        builder.event(*event)
        depth += CONTAINERS.get(event[0], 0)
        if depth > MAX_DEPTH:
            raise DumpError(N_("the file is nested too deeply to be a Carnet export"))
    return builder.value


def _next(events: Iterator[Event]) -> Event:
    try:
        return next(events)
    except StopIteration:  # ijson raises on a short file; this is only a safeguard
        raise DumpError(N_("not a JSON file ({reason})"), reason="it ends too soon") from None


class ExportReader:
    """One pass over an export: :meth:`header` first, then :meth:`tables`.

    The parser's errors (bad bytes, syntax, an integer beyond 64 bits) are turned into
    :class:`DumpError` where the events are read.
    """

    def __init__(self, source: BinaryIO, present: list[str]) -> None:
        # basic_parse: events without their path, which rows never need.
        self.events: Iterator[Event] = ijson.basic_parse(source, use_float=True)
        self.present = present
        self.at_tables = False
        self.key = ""  # the last column named, for a number too large to read

    def header(self) -> None:
        """Read up to ``tables`` and check what came before it (:class:`DumpError`)."""
        try:
            fields = self._fields()
        except (ijson.JSONError, ValueError) as exc:  # ValueError: UnicodeDecodeError too
            raise _not_json(exc) from None
        storage_dump.check_header(fields, self.present)

    def _fields(self) -> dict[str, Any]:
        first = _next(self.events)
        if first[0] != "start_map":
            _value(first, self.events)  # to its end: a broken file says so first
            self._drain()
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
        return fields

    def _drain(self) -> None:
        """Read to the end: the rest of the document must be well formed too."""
        try:
            for _event in self.events:
                pass
        except (ijson.JSONError, ValueError) as exc:
            raise _not_json(exc) from None

    def tables(self) -> Iterator[tuple[str, Iterator[Any]]]:
        """Each table's name and its rows; a table's rows must be read before the next."""
        seen: set[str] = set()
        while self.at_tables:
            try:
                event, value = _next(self.events)
                start = _next(self.events) if event == "map_key" else None
            except (ijson.JSONError, ValueError) as exc:
                raise _not_json(exc) from None
            if start is None:  # the end of the tables
                break
            name = str(value)
            if name not in self.present:
                raise DumpError(N_("unknown table {table} in the export"), table=repr(name)[:80])
            if name in seen:
                raise DumpError(N_("table {table} appears twice in the export"), table=name)
            seen.add(name)
            if start[0] != "start_array":
                raise DumpError(N_("table {table} is not a list of rows"), table=name)
            yield name, self._rows(name)
        self._drain()

    def _rows(self, table: str) -> Iterator[Any]:
        """The table's rows, each built alone; a row of plain values without ObjectBuilder."""
        number = 0
        try:
            for event, value in self.events:
                if event == "end_array":
                    return
                number += 1
                if event != "start_map":  # not a row: built whole, refused by its checks
                    yield _value((event, value), self.events)
                else:
                    yield self._row()
        except ijson.JSONError as exc:
            if "integer overflow" in str(exc):  # beyond 64 bits, as SQLite's own limit
                problem = N_("{column} is out of range")
                raise storage_dump.row_error(table, number, problem, column=self.key) from None
            raise _not_json(exc) from None
        except ValueError as exc:
            raise _not_json(exc) from None

    def _row(self) -> dict[str, Any]:
        """One row, its ``{`` read: plain values go straight in (the common case)."""
        row: dict[str, Any] = {}
        for event, value in self.events:
            if event == "map_key":
                self.key = value
            elif event in SCALARS:
                row[self.key] = value
            elif event == "end_map":
                break
            else:  # a list or an object where a value goes: refused by its checks
                row[self.key] = _value((event, value), self.events)
        return row
