"""Putting PDF pages together with pypdf: the packet, the copies, and each page's caption.

reportlab writes new pages but cannot read existing PDFs, so attached PDFs are
appended here. Their pages are copied as they are (their images are not
decoded or recompressed); each is shrunk a little towards the bottom to free a
band at the top where the caption is stamped, so the caption never hides what
the page says.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.errors import PyPdfError
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from carnet.documents.fonts import SANS_ITALIC, register_fonts
from carnet.documents.styles import MUTED

BAND = 12 * mm  # the strip freed at the top of an attached PDF's page for the caption
CAPTION_SIZE = 8


@dataclass(frozen=True, slots=True)
class Piece:
    """One reproduced page of an image, or a readable PDF (all its pages)."""

    image: bytes | None = None
    size: tuple[float, float] | None = None  # the image's size in pixels
    reader: PdfReader | None = None


def read_pdf(data: bytes) -> PdfReader | None:
    """A reader over ``data``, or ``None`` if the PDF is damaged or locked with a password."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        _ = len(reader.pages)  # damage in the page tree shows here, not when writing
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return None
    return reader


def merge(
    packet: bytes,
    heading: bytes,
    images: bytes | None,
    pieces: Sequence[Piece],
    caption: str,
) -> bytes:
    """The packet, the heading page, then each piece in order, as one PDF."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(packet)))
    writer.append(PdfReader(io.BytesIO(heading)))
    image_pages = iter(PdfReader(io.BytesIO(images)).pages) if images is not None else iter(())
    stamps: dict[tuple[float, float], PageObject] = {}
    for piece in pieces:
        if piece.reader is None:
            writer.add_page(next(image_pages))
            continue
        for page in piece.reader.pages:
            _captioned(writer.add_page(page), caption, stamps)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _captioned(
    page: PageObject, caption: str, stamps: dict[tuple[float, float], PageObject]
) -> None:
    """Shrink the page's content under a free band and write ``caption`` in the band."""
    page.transfer_rotation_to_content()  # a landscape scan keeps its caption on top
    box = page.mediabox
    left, bottom = float(box.left), float(box.bottom)
    width, height = float(box.width), float(box.height)
    scale = (height - BAND) / height
    # Scaling is about the origin: move the shrunk content back into the box, centred.
    dx = left + (width - width * scale) / 2 - left * scale
    dy = bottom - bottom * scale
    page.add_transformation(Transformation().scale(scale, scale).translate(dx, dy))
    key = (round(width, 1), round(height, 1))
    if key not in stamps:
        stamps[key] = _stamp(width, height, caption)
    page.merge_transformed_page(stamps[key], Transformation().translate(left, bottom))


def _stamp(width: float, height: float, caption: str) -> PageObject:
    """A transparent page of the given size with ``caption`` centred in its top band."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1, pageCompression=1)  # type: ignore[no-untyped-call]
    canvas.setFont(SANS_ITALIC, CAPTION_SIZE)  # type: ignore[no-untyped-call]
    canvas.setFillColor(MUTED)  # type: ignore[no-untyped-call]
    canvas.drawCentredString(width / 2, height - BAND / 2 - CAPTION_SIZE / 3, caption)  # type: ignore[no-untyped-call]
    canvas.showPage()  # type: ignore[no-untyped-call]
    canvas.save()  # type: ignore[no-untyped-call]
    return PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
