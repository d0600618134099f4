"""HEIC support is the optional extra ``carnet[heic]``: without it, the copies say how to add it."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image
from pypdf import PdfReader

from carnet.documents import copies
from carnet.documents.copies import Copy, append_copies
from tests.documents import samples_files


def a_real_heic_photo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), "white").save(buffer, "HEIF")  # pillow-heif (test extra)
    return buffer.getvalue()


def test_without_the_heic_extra_the_heading_page_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    heic = a_real_heic_photo()
    # As if pillow-heif were absent: Pillow cannot open the photo, and the note says why.
    monkeypatch.setattr(copies, "HEIC_SUPPORT", False)
    monkeypatch.setattr(copies, "printable_pages", lambda _data: None)
    packet = samples_files.pdf("Lettre")
    data = append_copies(
        packet, [Copy("C-01", "scan", "IMG.HEIC", "image/heic", heic)], "C", date(2026, 11, 28)
    )
    heading = " ".join(PdfReader(io.BytesIO(data)).pages[1].extract_text().split())
    assert "IMG.HEIC" in heading
    assert "pip install 'carnet[heic]'" in heading


def test_with_the_extra_the_photo_is_printed() -> None:
    assert copies.HEIC_SUPPORT  # the test extra installs it, as the bundle does
    pages = copies.printable_pages(a_real_heic_photo())
    assert pages is not None and pages[0].size == (60, 80)
