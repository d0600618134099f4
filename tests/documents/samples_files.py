"""Small attachment files made on the spot: a PNG, a JPEG and a PDF with known text."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas


def png(width: int = 60, height: int = 40) -> bytes:
    """A grey-and-blue striped RGB PNG, written by hand (no encoder settings involved)."""
    rows = b"".join(
        b"\x00"
        + b"".join(bytes((40, 80, 200) if (x // 10) % 2 else (200, 200, 200)) for x in range(width))
        for _ in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg(width: int = 300, height: int = 420) -> bytes:
    """A portrait JPEG, like a phone photo of a feuille."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (230, 220, 200)).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def pdf(*texts: str, wide: bool = False) -> bytes:
    """A PDF with one page per text (landscape A4 with ``wide``)."""
    buffer = io.BytesIO()
    size = landscape(A4) if wide else A4
    canvas = Canvas(buffer, pagesize=size, invariant=1)
    for text in texts:
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, size[1] - 72, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
