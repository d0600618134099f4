"""The documents' lists with a total: a shaded header repeated on each page, ruled lines,
and a bold total row whose label spans the columns before the figures.

The inventory of a mailing, the invoices of a claim for care abroad and the acts of a
reclamation letter are all such lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from reportlab.platypus.flowables import Flowable

from carnet.documents import rl
from carnet.documents.fonts import SANS, SANS_BOLD
from carnet.documents.styles import INK, RULE, SHADE


class TableLook(NamedTuple):
    """Size and spacing of one kind of list (points)."""

    size: float = 8.5
    leading: float = 10.5
    padding: float = 3
    vertical_padding: float | None = 2.5  # None: reportlab's own


LETTER_LOOK = TableLook()


def totalled_table(
    rows: list[list[rl.Cell]],
    widths: Sequence[float],
    *,
    right: tuple[int, int],
    span_to: int,
    look: TableLook = LETTER_LOOK,
) -> Flowable:
    """``rows``: the header, the lines, then the total row (last).

    ``right`` is the first and last column aligned right (the figures); the total's label
    spans the columns up to ``span_to``. Dates and amounts are plain strings, which a Table
    never wraps.
    """
    last = len(rows) - 1
    commands: list[rl.TableCommand] = [
        ("FONT", (0, 0), (-1, -1), SANS, look.size, look.leading),
        ("FONT", (0, last), (-1, last), SANS_BOLD, look.size, look.leading),
        ("ALIGN", (right[0], 0), (right[1], -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
        ("LINEBELOW", (0, 1), (-1, last - 1), 0.25, RULE),
        ("LINEABOVE", (0, last), (-1, last), 0.6, INK),
        ("SPAN", (0, last), (span_to, last)),
        ("LEFTPADDING", (0, 0), (-1, -1), look.padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), look.padding),
    ]
    if look.vertical_padding is not None:
        commands += [
            ("TOPPADDING", (0, 0), (-1, -1), look.vertical_padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), look.vertical_padding),
        ]
    return rl.table(rows, list(widths), commands, repeat_rows=1)
