"""Tables of thousands of rows, laid out in time proportional to their length.

reportlab splits a table at each page end by building a new table of the rows
left, styles and all: a table of 40 000 rows took minutes that way, most of it
copying what the next page would split again. Cut into runs of
:data:`RUN_ROWS` rows, each a table of its own under a repeat of the header,
the same rows take seconds, and look the same but for a header line repeated
every 20 pages or so.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus.flowables import Flowable

from carnet.documents import rl
from carnet.documents.pages import Cancelled, stop_if_cancelled

RUN_ROWS = 1000


def long_table(
    rows: Sequence[Sequence[rl.Cell]],
    widths: Sequence[float],
    commands: Sequence[rl.TableCommand],
    *,
    header_rows: int = 1,
    run_rows: int = RUN_ROWS,
    cancelled: Cancelled | None = None,
) -> list[Flowable]:
    """``rows`` (the first ``header_rows`` of them a header) as tables of ``run_rows`` rows.

    ``commands`` are written for the whole table, as for :func:`rl.table`; each
    run gets those that touch its rows, renumbered, and the header's. ``cancelled``
    is asked before each run (see :func:`carnet.documents.pages.render`).
    """
    body = len(rows) - header_rows
    if body <= run_rows:
        return [rl.table(rows, widths, commands, repeat_rows=header_rows)]
    runs: list[Flowable] = []
    for start in range(header_rows, len(rows), run_rows):
        stop_if_cancelled(cancelled)
        stop = min(start + run_rows, len(rows))
        part = [*rows[:header_rows], *rows[start:stop]]
        mapped = run_commands(commands, len(rows), header_rows, start, stop)
        runs.append(rl.table(part, widths, mapped, repeat_rows=header_rows))
    return runs


def run_commands(
    commands: Sequence[rl.TableCommand], total: int, header_rows: int, start: int, stop: int
) -> list[rl.TableCommand]:
    """The ``commands`` of a table of ``total`` rows, for the run of rows ``start:stop``.

    A run holds the header rows, then rows ``start`` to ``stop - 1`` of the whole.
    """
    out: list[rl.TableCommand] = []
    for name, (first_col, first_row), (last_col, last_row), *rest in commands:
        low, high = _absolute(first_row, total), _absolute(last_row, total)
        # The header's part of the command (it is repeated at the top of every run).
        if low < header_rows:
            out.append((name, (first_col, low), (last_col, min(high, header_rows - 1)), *rest))
        begin, end = max(low, start), min(high, stop - 1)
        if begin <= end:
            shift = header_rows - start
            out.append((name, (first_col, begin + shift), (last_col, end + shift), *rest))
    return out


def _absolute(row: int, total: int) -> int:
    return row if row >= 0 else total + row
