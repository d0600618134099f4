"""Reading back the PDFs in tests: text per page, text positions, PNG rendering."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdf
from reportlab.lib.units import mm

_SPACES = re.compile(r"[ \u00a0\u202f]+")


def normalise(text: str) -> str:
    """One ordinary space for any run of spaces (Babel and the letters use no-break ones)."""
    return _SPACES.sub(" ", text)


def pages_text(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [normalise(page.extract_text()) for page in reader.pages]


def all_text(pdf: bytes) -> str:
    """All the pages' text on one line, so that a sentence wrapped in the PDF still matches."""
    return normalise(" ".join(pages_text(pdf)).replace("\n", " "))


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


@dataclass(frozen=True)
class Placed:
    """A run of text and where it starts, in mm from the sheet's top-left corner."""

    text: str
    left: float
    top: float  # of the baseline


def placed_text(pdf: bytes, page: int = 0) -> list[Placed]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    sheet = reader.pages[page]
    height = float(sheet.mediabox.height)
    found: list[Placed] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        found.append(Placed(normalise(text).strip(), x / mm, (height - y) / mm))

    sheet.extract_text(visitor_text=visit)
    return found


def find(placed: list[Placed], fragment: str) -> Placed:
    matches = [item for item in placed if fragment in item.text]
    assert matches, f"{fragment!r} not among {[item.text for item in placed]}"
    return matches[0]


PDFTOPPM = shutil.which("pdftoppm")


def render_png(pdf: bytes, folder: Path, dpi: int = 50, name: str = "page") -> Path:
    """First page as a greyscale PNG (needs poppler's pdftoppm)."""
    assert PDFTOPPM is not None
    source = folder / f"{name}.pdf"
    source.write_bytes(pdf)
    prefix = folder / name
    subprocess.run(
        [
            PDFTOPPM,
            "-r",
            str(dpi),
            "-gray",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            source,
            prefix,
        ],
        check=True,
        timeout=60,
    )
    return prefix.with_suffix(".png")
