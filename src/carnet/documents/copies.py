"""Copies of a mailing's attachments, appended to its packet for the household's records.

After the letter, the bordereau and the checklist come, on request, the scans
and PDFs attached to the enclosed feuilles and their acts: a French heading
page lists them, each image gets an A4 page of its own (scaled to fit, turned
the right way up, each page of a multi-page TIFF on its own; see
:mod:`carnet.documents.photos`), and each PDF's pages follow, shrunk a little
to make room for a caption. Every one of these pages
says "Copie conservée par le foyer — ne pas envoyer", so that nobody slips
them into the envelope.

A file that is missing, altered, or in a format that cannot be printed (an
unknown or damaged image) is listed on the heading page with the reason and
not reproduced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus.flowables import Flowable

from carnet.documents import rl
from carnet.documents.copies_merge import Piece, merge, read_pdf
from carnet.documents.fonts import markup
from carnet.documents.pages import Meta, Section, render
from carnet.documents.photos import HEIC_SUPPORT, printable_pages
from carnet.documents.styles import INK, RULE, SHADE, body_box, styles

TITLE = "Copies conservées par le foyer — ne pas envoyer"
CAPTION = "Copie conservée par le foyer — ne pas envoyer"
INTRO = (
    "Les pages qui suivent reproduisent les pièces jointes aux feuilles de l'envoi {mailing} "
    "(scans, ordonnances, décomptes), pour les archives du foyer. Elles ne font pas partie "
    "de l'envoi : ne les mettez pas dans l'enveloppe."
)
HEADERS = ("Réf.", "Pièce", "Fichier", "Reproduction")
MISSING = "fichier manquant ou modifié depuis son ajout : non reproduit"
UNREADABLE = "PDF illisible : non reproduit"
UNPRINTABLE = "format non imprimable ici : non reproduit"
NO_HEIC = (
    "photo HEIC : installez la prise en charge HEIC de Carnet "
    "(pip install 'carnet[heic]') pour la reproduire"
)
_GAP = 3 * mm


@dataclass(frozen=True, slots=True)
class Copy:
    """One attached file to reproduce, and what it belongs to (in French)."""

    reference: str  # the feuille's reference in the mailing, e.g. "C-2026-0003-01"
    subject: str  # "feuille de soins", "ordonnance · acte G du 12/01/2026"
    file_name: str
    media_type: str
    data: bytes | None  # None: the stored file is missing or altered


@dataclass(frozen=True, slots=True)
class _Prepared:
    copy: Copy
    pieces: tuple[Piece, ...]  # empty: listed, not reproduced
    note: str


def append_copies(pdf: bytes, copies: Sequence[Copy], mailing: str, day: date) -> bytes:
    """``pdf`` followed by the heading page and the copies; ``pdf`` itself if there are none."""
    if not copies:
        return pdf
    prepared = [_prepare(copy) for copy in copies]
    meta = Meta(title=f"{TITLE} {mailing}".strip(), created=day, subject=TITLE)
    heading = render([_heading_section(prepared, mailing)], meta)
    images = [p for p in prepared if p.pieces and p.pieces[0].image is not None]
    image_pdf = render([_images_section(images)], meta) if images else None
    pieces = [piece for p in prepared for piece in p.pieces]
    return merge(pdf, heading, image_pdf, pieces, CAPTION)


def _prepare(copy: Copy) -> _Prepared:
    if copy.data is None:
        return _Prepared(copy, (), MISSING)
    if copy.media_type == "application/pdf":
        reader = read_pdf(copy.data)
        if reader is None:
            return _Prepared(copy, (), UNREADABLE)
        return _Prepared(copy, (Piece(reader=reader),), _pages(len(reader.pages)))
    pages = printable_pages(copy.data)
    if not pages:
        heic = copy.media_type == "image/heic" and not HEIC_SUPPORT
        return _Prepared(copy, (), NO_HEIC if heic else UNPRINTABLE)
    pieces = tuple(Piece(image=page.data, size=page.size) for page in pages)
    return _Prepared(copy, pieces, _pages(len(pieces)))


def _pages(count: int) -> str:
    return "1 page" if count == 1 else f"{count} pages"


# -- the heading page ----------------------------------------------------------------------
def _heading_section(prepared: Sequence[_Prepared], mailing: str) -> Section:
    s = styles()
    story: list[Flowable] = [
        rl.paragraph(markup(TITLE), s.title),
        rl.paragraph(markup(INTRO.format(mailing=mailing)), s.body),
        rl.spacer(_GAP),
        _listing(prepared),
    ]
    return Section("copies", tuple(story), footer=f"{CAPTION} · {{page}}/{{total}}")


def _listing(prepared: Sequence[_Prepared]) -> Flowable:
    s = styles()
    head = [rl.paragraph(markup(h), s.cell_head) for h in HEADERS]
    rows = [
        [
            rl.paragraph(markup(p.copy.reference), s.cell),
            rl.paragraph(markup(p.copy.subject), s.cell),
            rl.paragraph(markup(p.copy.file_name), s.cell),
            rl.paragraph(markup(p.note), s.cell if p.pieces else s.cell_strong),
        ]
        for p in prepared
    ]
    width = body_box().width
    widths = (0.2 * width, 0.3 * width, 0.28 * width, 0.22 * width)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    return rl.table([head, *rows], widths, commands, repeat_rows=1)


# -- one page per image --------------------------------------------------------------------
def _images_section(images: Sequence[_Prepared]) -> Section:
    """Each image page alone on its page, below a caption, as large as the page allows."""
    story: list[Flowable] = []
    for prepared in images:
        count = len(prepared.pieces)
        for number, piece in enumerate(prepared.pieces, start=1):
            if story:
                story.append(rl.page_break())
            story += _image_page(
                prepared.copy, piece, f"page {number}/{count}" if count > 1 else ""
            )
    return Section("copies-images", tuple(story), footer=CAPTION)


def _image_page(copy: Copy, piece: Piece, page: str) -> list[Flowable]:
    box = body_box()
    assert piece.image is not None and piece.size is not None
    text = f"<b>{markup(CAPTION)}</b><br/>{markup(copy.reference)} · {markup(copy.subject)}"
    name = f"{copy.file_name} · {page}" if page else copy.file_name
    caption = rl.paragraph(f"{text} · {markup(name)}", styles().small)
    # One point of slack: a flowable exactly as tall as its frame would move to the next page.
    room = box.height - rl.wrapped_height(caption, box.width, box.height) - _GAP - 1
    width, height = piece.size
    scale = min(box.width / width, room / height)
    return [caption, rl.spacer(_GAP), rl.image(piece.image, width * scale, height * scale)]
