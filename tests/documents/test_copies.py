"""Copies of attachments after the packet: heading page, images scaled to fit, PDFs stamped."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from carnet.documents.copies import CAPTION, TITLE, Copy, append_copies
from tests.documents import samples_files

DAY = date(2026, 11, 28)
A4_WIDTH, A4_HEIGHT = 595.27, 841.89


def packet(pages: int = 2) -> bytes:
    return samples_files.pdf(*(f"Lettre page {n}" for n in range(1, pages + 1)))


def pages_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_no_copies_leaves_the_packet_as_it_is() -> None:
    data = packet()
    assert append_copies(data, [], "C-2026-0001", DAY) == data


def test_heading_then_images_then_pdf_pages_each_marked() -> None:
    copies = [
        Copy(
            "C-2026-0001-01",
            "scan · feuille de soins",
            "feuille.png",
            "image/png",
            samples_files.png(),
        ),
        Copy(
            "C-2026-0001-01",
            "ordonnance · acte G",
            "ordo.pdf",
            "application/pdf",
            samples_files.pdf("Ordonnance Dr Martin", "Suite de l'ordonnance"),
        ),
        Copy("C-2026-0001-02", "scan · acte CS", "photo.jpg", "image/jpeg", samples_files.jpeg()),
    ]
    data = append_copies(packet(), copies, "C-2026-0001", DAY)
    texts = pages_of(data)
    assert len(texts) == 2 + 1 + 1 + 2 + 1
    assert TITLE in texts[2] and "feuille.png" in texts[2] and "ordo.pdf" in texts[2]
    assert "2 pages" in texts[2]
    assert CAPTION in texts[3] and "feuille.png" in texts[3]  # the PNG page
    assert "Ordonnance Dr Martin" in texts[4] and CAPTION in texts[4]
    assert CAPTION in texts[5]
    assert CAPTION in texts[6] and "photo.jpg" in texts[6]  # images keep the listed order
    assert "Lettre page 1" in texts[0]  # the packet itself comes first, untouched
    assert append_copies(packet(), copies, "C-2026-0001", DAY) == data  # reproducible


def test_images_fit_the_page_and_a_jpeg_is_embedded_unchanged() -> None:
    photo = samples_files.jpeg(1200, 1700)  # larger than the page at 72 dpi
    copies = [Copy("R", "scan", "big.jpg", "image/jpeg", photo)]
    reader = PdfReader(io.BytesIO(append_copies(packet(1), copies, "C", DAY)))
    page = reader.pages[2]
    assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (
        round(A4_WIDTH, 1),
        round(A4_HEIGHT, 1),
    )
    [image] = page.images
    assert image.data == photo  # passed through: no second JPEG compression
    assert image.image is not None and image.image.size == (1200, 1700)


def test_missing_or_unprintable_files_are_listed_not_reproduced() -> None:
    heic = b"\x00\x00\x00\x18ftypheic" + bytes(40)
    copies = [
        Copy("R-01", "scan", "gone.jpg", "image/jpeg", None),
        Copy("R-01", "scan", "phone.heic", "image/heic", heic),
        Copy("R-02", "ordonnance", "broken.pdf", "application/pdf", b"%PDF-1.4 garbage"),
    ]
    texts = pages_of(append_copies(packet(1), copies, "C", DAY))
    assert len(texts) == 2  # the packet's page and the heading, nothing else
    heading = " ".join(texts[1].split())  # table cells wrap
    assert "gone.jpg" in heading and "manquant" in heading
    assert "phone.heic" in heading and "non imprimable" in heading
    assert "broken.pdf" in heading and "illisible" in heading


def test_a_landscape_pdf_keeps_its_size_and_gets_the_caption() -> None:
    wide = samples_files.pdf("Décompte CPAM", wide=True)
    copies = [Copy("R", "décompte", "decompte.pdf", "application/pdf", wide)]
    reader = PdfReader(io.BytesIO(append_copies(packet(1), copies, "C", DAY)))
    page = reader.pages[2]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    text = page.extract_text()
    assert "Décompte CPAM" in text and CAPTION in text
