"""Attached images made ready to print: the right way up, one page per scanned page.

A phone stores a photo as its sensor saw it and records in the EXIF data how
it was held; viewers turn it, but a PDF shows the raw pixels, so a feuille
photographed upright came out on its side. A scanner's TIFF may also hold
several pages. Pillow (already there under reportlab) does both: each frame is
turned as its EXIF orientation says. An image that needs no turning and has a
single page keeps its bytes exactly (a JPEG is embedded as it was taken); the
others are encoded again, photos as high-quality JPEG, other scans losslessly.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

_ORIENTATION = 0x0112  # the EXIF tag
_UPRIGHT = 1
_QUALITY = 92  # enough for handwriting and stamps, a third of the size of lossless


@dataclass(frozen=True, slots=True)
class Printable:
    """One page to print: the image's bytes and its size in pixels once upright."""

    data: bytes
    size: tuple[int, int]


def printable_pages(data: bytes) -> list[Printable] | None:
    """The image's pages, upright; ``None`` if Pillow cannot read it (HEIC, damage, a bomb)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            frames = getattr(image, "n_frames", 1)
            if frames == 1 and _orientation(image) == _UPRIGHT:
                image.load()  # a truncated file fails here, not in the PDF writer
                return [Printable(data, image.size)]
            lossy = image.format == "JPEG"
            return [_upright(frame, lossy) for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def _orientation(image: Image.Image) -> int:
    value = image.getexif().get(_ORIENTATION, _UPRIGHT)
    return value if isinstance(value, int) and 1 <= value <= 8 else _UPRIGHT


def _upright(frame: Image.Image, lossy: bool) -> Printable:
    turned = ImageOps.exif_transpose(frame)
    buffer = io.BytesIO()
    if lossy:
        turned.convert("RGB").save(buffer, "JPEG", quality=_QUALITY)
    else:
        if turned.mode not in ("1", "L", "RGB", "RGBA"):
            turned = turned.convert("RGBA" if "A" in turned.getbands() else "RGB")
        turned.save(buffer, "PNG", optimize=False)
    return Printable(buffer.getvalue(), turned.size)
