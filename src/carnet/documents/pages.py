"""Turning sections of flowables into reproducible PDF bytes.

A document is a list of :class:`Section` (a letter, an inventory, a checklist);
each has its own page templates and its own page numbering ("Page 1/2" counts
the pages of the inventory, not of the whole packet). Page totals are only known
at the end, so :class:`PagedCanvas` holds the pages back and draws the footers
when the document is saved.

Reproducibility: ``invariant=1`` freezes reportlab's own time stamps and file
ID, the creation date is the document's own date (not the clock), and the
metadata are fixed, so the same input gives byte-identical files and the
SHA-256 stored with a mailing identifies its PDF.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.doctemplate import PageTemplate
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.frames import Frame
from reportlab.platypus.paragraph import Paragraph

from carnet.documents import rl
from carnet.documents.fonts import SANS, SANS_ITALIC, register_fonts
from carnet.documents.rl import Pen
from carnet.documents.styles import (
    FOOTER_Y,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TABLE_MARGIN,
    Box,
    body_box,
)

CREATOR = "Carnet"
Decorate = Callable[[Pen], None]


@dataclass(frozen=True, slots=True)
class Meta:
    """PDF metadata. ``created`` becomes the creation date, so it must be the document's date."""

    title: str
    created: date
    subject: str = ""
    author: str = ""
    lang: str = "fr-FR"


@dataclass(frozen=True, slots=True)
class Footer:
    section: str
    text: str  # may hold {page} and {total}
    number_single: bool


@dataclass(frozen=True, slots=True)
class Section:
    """A run of pages with its own templates and numbering.

    ``first`` is the text area of the section's first page (a letter starts its
    body below the envelope window), ``later`` that of the following pages.
    ``decorate`` draws fixed things on the first page (addresses, fold marks).
    """

    key: str
    story: tuple[Flowable, ...]
    footer: str = ""
    first: Box = field(default_factory=body_box)
    later: Box = field(default_factory=body_box)
    decorate: Decorate | None = None
    number_single: bool = True


Cancelled = Callable[[], bool]


class RenderCancelled(Exception):  # not an error: whoever asked stopped waiting
    """The document was no longer wanted (see ``cancelled`` of :func:`render`)."""


def stop_if_cancelled(cancelled: Cancelled | None) -> None:
    """Raise :class:`RenderCancelled` if ``cancelled`` says the document is no longer wanted."""
    if cancelled is not None and cancelled():
        raise RenderCancelled


class PagedCanvas(Canvas):
    """A canvas that numbers pages per section once the page count is known.

    The page-count recipe: ``showPage`` keeps each finished page's state instead
    of emitting it; ``save`` replays them with "Page i/n" drawn on each.
    """

    def __init__(
        self, *args: Any, created: date, cancelled: Cancelled | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[no-untyped-call]
        _stamp(self, created)
        self.footer: Footer | None = None
        self._cancelled = cancelled
        self._held: list[tuple[dict[str, Any], Footer | None]] = []

    def showPage(self) -> None:
        stop_if_cancelled(self._cancelled)  # once a page: a long document stops within one
        self._held.append((dict(self.__dict__), self.footer))
        self.footer = None
        self._startPage()  # type: ignore[no-untyped-call]

    def save(self) -> None:
        footers = [footer for _, footer in self._held]
        for (state, footer), (page, total) in zip(self._held, _numbers(footers), strict=True):
            self.__dict__.update(state)
            if footer is not None and (total > 1 or footer.number_single):
                _draw_footer(self, _numbered(footer.text, page, total))
            super().showPage()  # type: ignore[no-untyped-call]
        super().save()  # type: ignore[no-untyped-call]


def _stamp(canvas: Any, created: date) -> None:
    """Use the document's own date as creation date, so that the bytes do not change."""
    stamp = f"D:{created:%Y%m%d}120000+00'00'"
    canvas.setDateFormatter(lambda *_: stamp)


def _numbered(text: str, page: int, total: int) -> str:
    # Not str.format: the text holds user data (a mailing reference) that may contain braces.
    return text.replace("{page}", str(page)).replace("{total}", str(total))


def _draw_footer(pen: Pen, text: str) -> None:
    pen.saveState()
    pen.setFont(SANS_ITALIC, 7.5)
    pen.setFillColor(MUTED)
    pen.drawRightString(PAGE_WIDTH - TABLE_MARGIN, FOOTER_Y, text)
    pen.restoreState()


def _numbers(footers: Sequence[Footer | None]) -> list[tuple[int, int]]:
    """(page within its section, pages in that section) for every page."""
    keys = [footer.section if footer else "" for footer in footers]
    runs: list[list[int]] = []
    for index, key in enumerate(keys):
        if runs and keys[runs[-1][0]] == key:
            runs[-1].append(index)
        else:
            runs.append([index])
    numbers = [(0, 0)] * len(keys)
    for run in runs:
        for position, index in enumerate(run, start=1):
            numbers[index] = (position, len(run))
    return numbers


def _frame(box: Box, name: str) -> Frame:
    return rl.frame(box.left, box.y(), box.width, box.height, name)


def _on_page(section: Section, first: bool) -> rl.OnPage:
    def on_page(pen: Pen, _doc: object) -> None:
        if isinstance(pen, PagedCanvas) and section.footer:
            pen.footer = Footer(section.key, section.footer, section.number_single)
        if first and section.decorate is not None:
            pen.saveState()
            section.decorate(pen)
            pen.restoreState()

    return on_page


def _templates(section: Section) -> list[PageTemplate]:
    first, later = f"{section.key}-first", f"{section.key}-later"
    return [
        rl.page_template(first, _frame(section.first, first), _on_page(section, True), later),
        rl.page_template(later, _frame(section.later, later), _on_page(section, False), None),
    ]


def _story(sections: Sequence[Section]) -> list[Flowable]:
    story: list[Flowable] = []
    for index, section in enumerate(sections):
        if index:
            story += [rl.next_template(f"{section.key}-first"), rl.page_break()]
        story += section.story
    return story


def render(sections: Sequence[Section], meta: Meta, cancelled: Cancelled | None = None) -> bytes:
    """The PDF of ``sections``, one after the other, each starting on a new page.

    ``cancelled`` is asked after each page; once it says True, :class:`RenderCancelled`
    is raised (a preview whose year changed, a window closing).
    """
    register_fonts()
    buffer = io.BytesIO()
    info = {
        "title": meta.title,
        "author": meta.author,
        "subject": meta.subject,
        "creator": CREATOR,
        "lang": meta.lang,
        "initialFontName": SANS,  # else reportlab lists an unused, unembedded Helvetica
    }
    templates = [template for section in sections for template in _templates(section)]
    maker = partial(PagedCanvas, created=meta.created, cancelled=cancelled)
    rl.build(buffer, templates, _story(sections), maker, info)
    return buffer.getvalue()


def new_canvas(buffer: io.BytesIO, meta: Meta) -> Any:
    """A bare canvas with the same reproducibility settings, for hand-placed pages (labels).

    Typed ``Any`` because the caller also needs ``showPage`` and ``save``, which
    :class:`Pen` leaves out on purpose.
    """
    register_fonts()
    canvas: Any = Canvas(  # type: ignore[no-untyped-call]
        buffer, pagesize=A4, invariant=1, pageCompression=1, lang=meta.lang, initialFontName=SANS
    )
    _stamp(canvas, meta.created)
    canvas.setTitle(meta.title)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setCreator(CREATOR)
    return canvas


def _fitted(style: ParagraphStyle, size: float) -> ParagraphStyle:
    base_size, base_leading = rl.style_metrics(style)
    return rl.paragraph_style(
        f"{style.name}-{size}",
        parent=style,
        fontSize=size,
        leading=size * base_leading / base_size,
        spaceAfter=0,
    )


def _layout(
    lines: Sequence[str], box: Box, style: ParagraphStyle, one_line: bool
) -> tuple[list[tuple[Paragraph, float]], bool]:
    paragraphs = [rl.paragraph(line, style) for line in lines]
    heights = [rl.wrapped_height(paragraph, box.width, box.height) for paragraph in paragraphs]
    fits = sum(heights) <= box.height
    if one_line:
        leading = rl.style_metrics(style)[1]
        fits = fits and all(height <= leading * 1.01 for height in heights)
    return list(zip(paragraphs, heights, strict=True)), fits


def draw_block(
    pen: Pen,
    lines: Sequence[str],
    box: Box,
    style: ParagraphStyle,
    *,
    one_line: bool = False,
    middle: bool = False,
    min_size: float = 6.5,
) -> float:
    """Draw paragraphs (markup) top-down inside ``box``, never outside it.

    The font shrinks by half points until everything fits (and, with
    ``one_line``, until no line wraps, as La Poste wants one line per address
    item); what still overflows at ``min_size`` is clipped rather than allowed
    to leave the box. ``middle`` centres the block vertically. Returns the font
    size used.
    """
    size = rl.style_metrics(style)[0]
    placed, fits = _layout(lines, box, _fitted(style, size), one_line)
    while not fits and size - 0.5 >= min_size:
        size -= 0.5
        placed, fits = _layout(lines, box, _fitted(style, size), one_line)
    pen.saveState()
    clip = pen.beginPath()
    clip.rect(box.left, box.y(), box.width, box.height)
    pen.clipPath(clip, stroke=0, fill=0)
    top = PAGE_HEIGHT - box.top
    spare = box.height - sum(height for _, height in placed)
    if middle and spare > 0:
        top -= spare / 2
    for paragraph, height in placed:
        top -= height
        rl.draw_on(paragraph, pen, box.left, top)
    pen.restoreState()
    return size


def sha256_hex(pdf: bytes) -> str:
    """The SHA-256 of a PDF, as stored with a mailing."""
    return hashlib.sha256(pdf).hexdigest()
