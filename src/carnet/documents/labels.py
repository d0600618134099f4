"""A sheet of address labels for the envelopes.

Layout: **Avery L7163** (also sold as Herma 4677 / Agipa 119015 and many
"14 labels 99.1 × 38.1 mm" house brands): A4, 2 columns × 7 rows of
99.1 × 38.1 mm labels, top margin 15.15 mm, side margin 4.65 mm, 2.5 mm gap
between the columns and none between the rows. Each row holds the recipient on
the left and the sender's return address ("Expéditeur") on the right, so one
row dresses one envelope; without a sender every label is the recipient.
``skip`` leaves the first labels of a partly used sheet blank (with a sender,
rounded up to a whole row, so that each pair stays side by side).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from carnet.documents.fonts import markup
from carnet.documents.model import Recipient, Sender
from carnet.documents.pages import Meta, draw_block, new_canvas
from carnet.documents.rl import Pen
from carnet.documents.styles import RULE, Box, styles


@dataclass(frozen=True, slots=True)
class LabelSheet:
    """Geometry of a sheet of labels, in millimetres."""

    name: str
    columns: int
    rows: int
    width: float
    height: float
    top: float
    left: float
    column_gap: float
    row_gap: float
    padding: float  # kept blank inside each label: printers and die-cuts drift ~1 mm

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def box(self, index: int) -> Box:
        """The printable area of label ``index`` (0 = top left, row by row)."""
        row, column = divmod(index % self.per_sheet, self.columns)
        left = self.left + column * (self.width + self.column_gap) + self.padding
        top = self.top + row * (self.height + self.row_gap) + self.padding
        inner_w, inner_h = self.width - 2 * self.padding, self.height - 2 * self.padding
        return Box(left * mm, top * mm, inner_w * mm, inner_h * mm)

    def outline(self, index: int) -> Box:
        inner = self.box(index)
        pad = self.padding * mm
        return Box(inner.left - pad, inner.top - pad, inner.width + 2 * pad, inner.height + 2 * pad)


AVERY_L7163 = LabelSheet("Avery L7163", 2, 7, 99.1, 38.1, 15.15, 4.65, 2.5, 0.0, 5.0)
_LIMIT = 80  # characters per line; longer lines shrink, then are cut


def _recipient_lines(recipient: Recipient) -> list[str]:
    lines = [f"<b>{markup(recipient.name, _LIMIT)}</b>"]
    return lines + [markup(line, _LIMIT) for line in recipient.address]


def _sender_lines(sender: Sender) -> list[str]:
    lines = ["<font size=7>Expéditeur\u00a0:</font>"]
    lines += [markup(name, _LIMIT) for name in sender.names]
    return lines + [markup(line, _LIMIT) for line in sender.address]


Label = tuple[list[str], ParagraphStyle]


def label_contents(recipient: Recipient, sender: Sender | None, pairs: int) -> list[Label]:
    """The markup and style of each label, in sheet order."""
    page = styles()
    to: Label = (_recipient_lines(recipient), page.label)
    if sender is None:
        return [to] * pairs * 2
    back: Label = (_sender_lines(sender), page.cell)
    return [label for _ in range(pairs) for label in (to, back)]


def _first_position(skip: int, sheet: LabelSheet, paired: bool) -> int:
    skip = max(0, skip)
    if not paired:
        return skip
    return -(-skip // sheet.columns) * sheet.columns  # next row start


def _draw_outline(pen: Pen, box: Box) -> None:
    pen.saveState()
    pen.setStrokeColor(RULE)
    pen.setLineWidth(0.3)
    pen.setDash([2, 2])
    pen.rect(box.left, box.y(), box.width, box.height, stroke=1, fill=0)
    pen.restoreState()


def render_labels(
    recipient: Recipient,
    sender: Sender | None = None,
    *,
    pairs: int = 7,
    skip: int = 0,
    day: date,
    sheet: LabelSheet = AVERY_L7163,
    outlines: bool = False,
) -> bytes:
    """Labels as PDF bytes: ``pairs`` rows of (recipient, sender), or 2 × ``pairs`` recipients.

    ``day`` (the mailing's date) is the PDF's creation date. ``outlines`` draws
    dashed label edges, for a test print on plain paper.
    """
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, Meta(title=f"Étiquettes – {recipient.name}", created=day))
    first = _first_position(skip, sheet, sender is not None)
    for number, (lines, style) in enumerate(label_contents(recipient, sender, pairs)):
        position = first + number
        if number and position % sheet.per_sheet == 0:
            canvas.showPage()
        if outlines:
            _draw_outline(canvas, sheet.outline(position))
        draw_block(canvas, lines, sheet.box(position), style, one_line=True, middle=True)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
