"""The layout shared by the letters (cover letter, reminder, mutuelle letter).

Window envelope geometry (French usage, La Poste / NF Z 10-011 conventions):
a DL (110 × 220 mm) or C5/6 window envelope has its 100 × 45 mm window 20 mm
from the right edge and 15 mm from the bottom. An A4 sheet folded in three
(three 99 mm panels, fold marks printed at 99 and 198 mm) shows, through that
window, the zone of the sheet **100–200 mm from the left edge and 45–90 mm from
the top** (:data:`WINDOW`). The recipient's address is drawn in
:data:`ADDRESS_BOX`, 110–195 mm from the left and 50–85 mm from the top: 10 mm
inside the window on the left and 5 mm elsewhere, because a 210 mm sheet moves
about 5 mm either way in a 220 mm envelope. At most six lines, one line per
address item (the font shrinks rather than wrapping a line), nothing else in
the window. The sender sits top left, outside the window; the body starts at
100 mm, below the window.

Letters to the CPAM and to insurers are always in French.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus.flowables import Flowable

from carnet.documents import rl
from carnet.documents.fonts import SANS, markup, unbroken
from carnet.documents.formats import dated_place
from carnet.documents.model import Recipient, Sender
from carnet.documents.pages import Decorate, Meta, Section, draw_block, render
from carnet.documents.rl import Pen
from carnet.documents.styles import MARGIN, PAGE_HEIGHT, PAGE_WIDTH, RULE, Box, body_box, styles

WINDOW = Box(100 * mm, 45 * mm, 100 * mm, 45 * mm)
ADDRESS_BOX = Box(110 * mm, 50 * mm, 85 * mm, 35 * mm)
SENDER_BOX = Box(MARGIN, 15 * mm, 80 * mm, 28 * mm)
BODY_TOP = 100 * mm
FOLDS = (99 * mm, 198 * mm)
GREETING = "Madame, Monsieur,"
CLOSING = "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées."
NAME_LIMIT = 120  # characters: a longer field is cut with "…" rather than break the layout


@dataclass(frozen=True, slots=True)
class LetterHead:
    """Who writes to whom, where and when; ``tracking`` for registered mail."""

    sender: Sender
    recipient: Recipient
    place: str
    day: date
    signer: str
    tracking: str = ""


Reference = tuple[str, str | Sequence[str]]  # a label and one value or several (a list)


def _sender_lines(sender: Sender) -> list[str]:
    lines = [f"<b>{markup(name, NAME_LIMIT)}</b>" for name in sender.names]
    lines += [markup(line, NAME_LIMIT) for line in sender.address]
    if sender.phone:
        lines.append(f"Tél.\u00a0: {markup(sender.phone, 40)}")
    if sender.email:
        lines.append(markup(sender.email, NAME_LIMIT))
    return lines


def _decorate(head: LetterHead) -> Decorate:
    def decorate(canvas: Pen) -> None:
        page = styles()
        draw_block(canvas, _sender_lines(head.sender), SENDER_BOX, page.address)
        lines = [markup(line, NAME_LIMIT) for line in head.recipient.lines]
        draw_block(canvas, lines, ADDRESS_BOX, page.address, one_line=True)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        for fold in FOLDS:  # short ticks in the margin, to fold the sheet for the window
            canvas.line(0, PAGE_HEIGHT - fold, 6 * mm, PAGE_HEIGHT - fold)

    return decorate


def _reference_rows(references: Sequence[Reference]) -> list[Flowable]:
    page = styles()
    rows: list[Flowable] = []
    for label, value in references:
        if isinstance(value, str):
            rows.append(
                rl.paragraph(f"{label}\u00a0: {markup(value, NAME_LIMIT * 2)}", page.address)
            )
            continue
        rows.append(rl.paragraph(f"{label}\u00a0:", page.address))
        rows += [
            rl.paragraph(f"–\u00a0{markup(item, NAME_LIMIT * 2)}", page.indented) for item in value
        ]
    return rows


def _signature(signer: str) -> Flowable:
    # The line says where to sign: above the typed name, as French letters do.
    return rl.table(
        [[""], [rl.paragraph(markup(signer, NAME_LIMIT), styles().address)]],
        [70 * mm],
        [
            ("FONT", (0, 0), (-1, -1), SANS, 10),  # the empty cell too, or Helvetica creeps in
            ("LINEABOVE", (0, 1), (0, 1), 0.5, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ],
        heights=[20 * mm, None],
        align="RIGHT",
    )


def _enclosures(items: Sequence[str]) -> list[Flowable]:
    if not items:
        return []
    page = styles()
    lines = [rl.paragraph("<b>Pièces jointes\u00a0:</b>", page.address)]
    lines += [rl.paragraph(f"–\u00a0{markup(item)}", page.indented) for item in items]
    return [rl.spacer(6 * mm), rl.keep_together(lines)]


def letter_story(
    head: LetterHead,
    subject: str,
    references: Sequence[Reference],
    body: Sequence[Flowable],
    enclosures: Sequence[str],
) -> tuple[Flowable, ...]:
    """The flowing part of a letter, from the date line to the enclosures."""
    page = styles()
    story: list[Flowable] = [
        rl.paragraph(markup(dated_place(head.place, head.day)), page.body_right)
    ]
    story.append(rl.spacer(6 * mm))
    if head.tracking:
        mention = (
            f"Lettre recommandée avec accusé de réception n°\u00a0{unbroken(head.tracking, 60)}"
        )
        story.append(rl.paragraph(f"<b>{mention}</b>", page.address))
    story.append(rl.paragraph(f"<b>Objet\u00a0: {markup(subject)}</b>", page.address))
    story += _reference_rows(references)
    story += [rl.spacer(6 * mm), rl.paragraph(GREETING, page.body), *body]
    story.append(rl.keep_together([rl.paragraph(CLOSING, page.body), _signature(head.signer)]))
    story += _enclosures(enclosures)
    return tuple(story)


def letter_section(head: LetterHead, story: tuple[Flowable, ...], footer: str) -> Section:
    """A letter as a section: addresses on the first page, body below the window."""
    first = Box(MARGIN, BODY_TOP, PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT - BODY_TOP - MARGIN)
    return Section(
        key="letter",
        story=story,
        footer=footer,
        first=first,
        later=body_box(),
        decorate=_decorate(head),
        number_single=False,
    )


def render_letter(
    head: LetterHead, subject: str, story: tuple[Flowable, ...], prefix: str
) -> bytes:
    """A letter on its own as PDF bytes, titled by its subject, by its signer.

    ``prefix`` stands before the page numbers of the footer (which mailing it is about).
    """
    meta = Meta(title=subject, created=head.day, subject=subject, author=head.signer)
    return render([letter_section(head, story, prefix + "page {page}/{total}")], meta)
