"""The bordereau: the list of the feuilles in the envelope, for the CPAM and for the file.

Each line starts with the feuille's reference ("C-2026-0007-03"), which the
household copies by hand onto the feuille itself: the CPAM clerk can tick the
lines off, and a later reminder can name the feuilles precisely. The header row
repeats on every page and each page says "Page i/n". Always in French: the
bordereau travels with the letter.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus.flowables import Flowable

from carnet.documents import rl
from carnet.documents.fonts import markup, unbroken
from carnet.documents.formats import count_fr, long_date_fr, money, short_date
from carnet.documents.model import EnclosedFeuille, Packet
from carnet.documents.pages import Meta, Section, render
from carnet.documents.styles import TABLE_MARGIN, body_box, styles
from carnet.documents.totalled_table import totalled_table

HEADERS = (
    "Référence",
    "Bénéficiaire",
    "Date des soins",
    "Praticien",
    "Acte",
    "Ordon-<br/>nance",
    "Montant payé",
)
# Relative widths (mm at the 180 mm of the bordereau); scaled to the space available.
_WIDTHS = (30.0, 28.0, 19.5, 29.0, 41.0, 12.5, 20.0)
# Letters have 170 mm and only need to name the feuilles: reference, who, when, whom, how much.
COMPACT = (0, 1, 2, 3, 6)
_COMPACT_WIDTHS = (31.0, 45.0, 21.0, 52.0, 21.0)
_CELL_LIMIT = 90  # characters per cell: enough for any real name, keeps rows a few lines high


def _row(feuille: EnclosedFeuille) -> list[Flowable | str]:
    page = styles()
    return [
        rl.paragraph(markup(feuille.reference, 40), page.cell_strong),
        rl.paragraph(markup(feuille.beneficiary, _CELL_LIMIT), page.cell),
        _dates(feuille),
        rl.paragraph(markup(feuille.practitioner, _CELL_LIMIT), page.cell),
        rl.paragraph(markup(feuille.act, _CELL_LIMIT), page.cell),
        rl.paragraph("oui" if feuille.prescription else "–", page.cell_center),
        money(feuille.paid_cents),
    ]


def _dates(feuille: EnclosedFeuille) -> Flowable | str:
    """The care date, or each session's date when the feuille covers a series."""
    if len(feuille.session_dates) <= 1:
        return short_date(feuille.care_date)
    return rl.paragraph("<br/>".join(short_date(d) for d in feuille.session_dates), styles().cell)


def _total_row(feuilles: Sequence[EnclosedFeuille]) -> list[Flowable | str]:
    page = styles()
    label = f"Total\u00a0: {count_fr(len(feuilles), 'feuille de soins', 'feuilles de soins')}"
    total = money(sum(feuille.paid_cents for feuille in feuilles))
    return [rl.paragraph(f"<b>{label}</b>", page.cell), "", "", "", "", "", total]


def feuille_table(
    feuilles: Sequence[EnclosedFeuille], width: float, *, compact: bool = False
) -> Flowable:
    """The feuilles, one per row, with a header repeated on each page and a total row.

    ``compact`` keeps the columns a letter needs (no act, no prescription).
    """
    page = styles()
    header: list[Flowable | str] = [rl.paragraph(text, page.cell_head) for text in HEADERS]
    rows: list[list[Flowable | str]] = [header, *(_row(feuille) for feuille in feuilles)]
    rows.append(_total_row(feuilles))
    widths: tuple[float, ...] = _WIDTHS
    if compact:
        rows = [[row[index] for index in COMPACT] for row in rows]
        widths = _COMPACT_WIDTHS
    scale = width / sum(widths)
    return totalled_table(rows, [w * scale for w in widths], right=(-1, -1), span_to=-2)


def _heading(packet: Packet) -> list[Flowable]:
    page = styles()
    lines = [
        f"Envoi\u00a0: {markup(packet.mailing_id or '–')} du {long_date_fr(packet.date)}",
        f"Destinataire\u00a0: {markup(packet.recipient.name, 120)}",
        f"Assuré(e)\u00a0: {markup(packet.insured.name, 120)}",
        f"N° de sécurité sociale\u00a0: {unbroken(packet.insured.nir_text)}",
    ]
    if packet.registered:
        lines.append(
            f"Lettre recommandée avec accusé de réception n°\u00a0{unbroken(packet.tracking, 60)}"
        )
    story: list[Flowable] = [rl.paragraph("Bordereau des feuilles de soins", page.title)]
    story += [rl.paragraph(line, page.address) for line in lines]
    note = (
        "Le numéro de référence de chaque ligne est reporté à la main dans la marge "
        "supérieure de la feuille de soins correspondante."
    )
    story += [rl.spacer(3 * mm), rl.paragraph(note, page.small), rl.spacer(3 * mm)]
    return story


def _summary(packet: Packet) -> Flowable:
    feuilles = count_fr(len(packet.feuilles), "feuille de soins", "feuilles de soins")
    prescriptions = (
        count_fr(packet.prescriptions, "ordonnance jointe", "ordonnances jointes")
        if packet.prescriptions
        else "aucune ordonnance jointe"
    )
    text = f"{feuilles}, {prescriptions}. Montant total payé\u00a0: {money(packet.total_cents)}."
    return rl.paragraph(text, styles().address)


def inventory_section(packet: Packet) -> Section:
    """The bordereau as a section of a larger document (the packet)."""
    box = body_box(top=15 * mm, side=TABLE_MARGIN, bottom=18 * mm)
    story = [*_heading(packet), feuille_table(packet.feuilles, box.width)]
    story += [rl.spacer(4 * mm), _summary(packet)]
    reference = packet.mailing_id or long_date_fr(packet.date)
    return Section(
        key="inventory",
        story=tuple(story),
        footer=f"Bordereau – envoi {reference} – Page " + "{page}/{total}",
        first=box,
        later=box,
    )


def render_inventory(packet: Packet) -> bytes:
    """The bordereau alone, as PDF bytes."""
    meta = Meta(
        title=f"Bordereau {packet.mailing_id}".strip(),
        created=packet.date,
        subject="Bordereau des feuilles de soins",
        author=packet.insured.name,
    )
    return render([inventory_section(packet)], meta)
