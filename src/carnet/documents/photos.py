"""Attached images made ready to print: the right way up, one page per scanned page.

A phone stores a photo as its sensor saw it and records in the EXIF data how
it was held; viewers turn it, but a PDF shows the raw pixels, so a feuille
photographed upright came out on its side. A scanner's TIFF may also hold
several pages, and an iPhone saves HEIC, which no PDF can hold. Pillow
(already there under reportlab) does all three, with pillow-heif for HEIC (the
optional extra ``carnet[heic]``; without it a HEIC photo is listed, not printed):
each frame is turned as its EXIF orientation says. An image that needs no
turning, has a single page and is a format PDFs embed keeps its bytes exactly
(a JPEG is embedded as it was taken); the others are encoded again, photos
(JPEG, HEIC) as high-quality JPEG, other scans losslessly.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

try:  # the optional extra carnet[heic]: 27 MB for a format only iPhones write
    from pillow_heif import register_heif_opener
except ImportError:
    HEIC_SUPPORT = False
else:
    register_heif_opener()  # Pillow then opens HEIC/HEIF like any other image
    HEIC_SUPPORT = True

_ORIENTATION = 0x0112  # the EXIF tag
_UPRIGHT = 1
_QUALITY = 92  # enough for handwriting and stamps, a third of the size of lossless
_PHOTOS = frozenset({"JPEG", "HEIF"})  # camera formats: lossy already, kept lossy
_EMBEDDED = frozenset({"JPEG", "PNG", "GIF", "BMP", "TIFF"})  # what reportlab prints as is


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
            as_is = image.format in _EMBEDDED and _orientation(image) == _UPRIGHT
            if frames == 1 and as_is:
                image.load()  # a truncated file fails here, not in the PDF writer
                return [Printable(data, image.size)]
            lossy = image.format in _PHOTOS
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
