"""Photos the right way up and every page of a TIFF, as they will be printed."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from carnet.documents.copies import Copy, append_copies
from carnet.documents.photos import printable_pages
from tests.documents import samples_files
from tests.documents.test_copies import DAY, packet, pages_of

RED, WHITE = (220, 0, 0), (255, 255, 255)


def marked_photo(orientation: int, size: tuple[int, int] = (420, 300)) -> bytes:
    """A JPEG as a phone stores it: red in the sensor's top-left corner, EXIF orientation."""
    image = Image.new("RGB", size, WHITE)
    image.paste(RED, (0, 0, size[0] // 4, size[1] // 4))
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95, exif=exif)
    return buffer.getvalue()


def red_corner(image: Image.Image) -> str:
    """Which corner of ``image`` is red."""
    width, height = image.size
    corners = {
        "top-left": (width // 10, height // 10),
        "top-right": (width - width // 10, height // 10),
        "bottom-left": (width // 10, height - height // 10),
        "bottom-right": (width - width // 10, height - height // 10),
    }
    rgb = image.convert("RGB")
    (found,) = [name for name, at in corners.items() if rgb.getpixel(at)[1] < 100]  # type: ignore[index]
    return found


@pytest.mark.parametrize(
    ("orientation", "size", "corner"),
    [
        (1, (420, 300), "top-left"),
        (3, (420, 300), "bottom-right"),  # held upside down
        (6, (300, 420), "top-right"),  # held upright: the sensor's top is on the right
        (8, (300, 420), "bottom-left"),
    ],
)
def test_a_phone_photo_is_printed_the_way_it_was_held(
    orientation: int, size: tuple[int, int], corner: str
) -> None:
    photo = marked_photo(orientation)
    copies = [Copy("C-01", "scan · feuille de soins", "IMG_0042.jpg", "image/jpeg", photo)]
    reader = PdfReader(io.BytesIO(append_copies(packet(1), copies, "C", DAY)))
    [embedded] = reader.pages[2].images
    assert embedded.image is not None
    assert embedded.image.size == size
    assert red_corner(embedded.image) == corner
    if orientation == 1:  # nothing to turn: handed to the PDF as taken, not encoded again
        assert [page.data for page in printable_pages(photo) or []] == [photo]


def test_every_page_of_a_scanned_tiff_gets_its_page() -> None:
    frames = [Image.new("L", (200, 280), shade) for shade in (40, 120, 200)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "TIFF", save_all=True, append_images=frames[1:])
    copies = [Copy("C-02", "scan · ordonnance", "scan.tiff", "image/tiff", buffer.getvalue())]
    texts = pages_of(append_copies(packet(1), copies, "C", DAY))
    assert len(texts) == 1 + 1 + 3
    assert "3 pages" in texts[1]
    assert ["page 1/3" in texts[2], "page 2/3" in texts[3], "page 3/3" in texts[4]] == [True] * 3


def test_an_iphone_photo_becomes_a_jpeg_page() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), RED).save(buffer, "HEIF", quality=80)
    heic = buffer.getvalue()
    assert heic[4:12] == b"ftypheic"
    (page,) = printable_pages(heic) or []
    assert page.size == (320, 240)
    assert page.data[:2] == b"\xff\xd8"  # a JPEG, which a PDF can hold
    copies = [Copy("C-03", "scan · feuille de soins", "IMG_1234.HEIC", "image/heic", heic)]
    texts = pages_of(append_copies(packet(1), copies, "C", DAY))
    assert len(texts) == 3 and "IMG_1234.HEIC" in texts[2]


def test_unreadable_images_are_not_printable() -> None:
    photo = samples_files.jpeg()
    assert printable_pages(photo[: len(photo) // 2]) is None  # cut off half way
    assert printable_pages(b"\x00\x00\x00\x18ftypheic" + bytes(40)) is None  # a header only
    assert printable_pages(b"") is None


def test_an_upright_png_keeps_its_bytes() -> None:
    png = samples_files.png()
    (page,) = printable_pages(png) or []
    assert page.data == png and page.size == (60, 40)
