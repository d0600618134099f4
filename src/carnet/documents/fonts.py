"""Fonts for the household documents, and user text made safe for a ``Paragraph``.

DejaVu Sans (regular, bold, oblique) is shipped in ``resources/fonts`` and embedded
(subset) in every PDF, so a name in Latin with any accents, Vietnamese, Polish,
Cyrillic, Greek, Armenian, Georgian, Hebrew or Arabic letters prints the same on
every machine. One family everywhere: DejaVu Serif lacks Arabic, Hebrew and
other blocks, and one coverage table keeps the fallback logic simple.

CJK is not in DejaVu, and Noto CJK (tens of MB per weight) is too heavy to ship.
Runs of Chinese, Japanese or Korean characters therefore switch to one of the
Adobe CID fonts that every PDF reader knows by name (STSong-Light,
HeiseiKakuGo-W5, HYGothic-Medium). They are *not embedded*: the reader draws them
with a local CJK font (Acrobat, pdfium, macOS Preview, poppler with
fonts-noto-cjk); a reader without one shows empty boxes, yet the text layer
(copy, search) keeps the real characters. Any other character DejaVu lacks prints
as DejaVu's empty box. Right-to-left scripts print in logical order and
unshaped: reportlab only does bidi and shaping with the optional ``rlbidi`` and
``uharfbuzz`` packages, which Carnet does not depend on (yet).
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from carnet.i18n import resources_dir

SANS = "CarnetSans"
SANS_BOLD = "CarnetSans-Bold"
SANS_ITALIC = "CarnetSans-Oblique"
_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
}
CJK_CHINESE = "STSong-Light"
CJK_JAPANESE = "HeiseiKakuGo-W5"
CJK_KOREAN = "HYGothic-Medium"

# Ranges of the CJK scripts (BMP only: the CID fonts encode UCS-2, so ideographs of
# the supplementary planes stay with DejaVu and print as boxes).
_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK and Kangxi radicals
    (0x3000, 0x30FF),  # CJK punctuation, hiragana, katakana
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0x31F0, 0x9FFF),  # katakana extension, CJK unified ideographs (and ext. A)
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF),  # half- and full-width forms
)
_LOCK = threading.Lock()


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts() -> None:
    """Register the fonts with reportlab (once per process; safe from worker threads)."""
    with _LOCK:
        _register_once()


@cache
def _register_once() -> None:
    for name, file_name in _FILES.items():
        font = TTFont(name, str(fonts_dir() / file_name))  # type: ignore[no-untyped-call]
        pdfmetrics.registerFont(font)  # type: ignore[no-untyped-call]
    # So that <b> and <i> inside a Paragraph pick the bold and oblique files.
    for bold, italic, face in (
        (0, 0, SANS),
        (1, 0, SANS_BOLD),
        (0, 1, SANS_ITALIC),
        (1, 1, SANS_BOLD),
    ):
        addMapping(SANS, bold, italic, face)  # type: ignore[no-untyped-call]
    for name in (CJK_CHINESE, CJK_JAPANESE, CJK_KOREAN):
        cid = UnicodeCIDFont(name)  # type: ignore[no-untyped-call]
        pdfmetrics.registerFont(cid)  # type: ignore[no-untyped-call]


@cache
def _covered() -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(SANS)  # type: ignore[no-untyped-call]
    return frozenset(font.face.charToGlyph)


def clean(text: str) -> str:
    """NFC-normalised text without control characters.

    NFC because a name typed on some systems arrives decomposed (e + combining
    accent), which DejaVu draws less well than the precomposed letter. Control
    characters (tabs, newlines) become spaces; unassigned, private-use and lone
    surrogate code points become U+FFFD so the PDF text layer stays valid.
    """
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        if category == "Cc":
            out.append(" ")
        elif category in ("Cn", "Co", "Cs"):
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def _needs_fallback(char: str) -> bool:
    return _is_cjk(char) and ord(char) not in _covered()


def cjk_font_for(text: str) -> str:
    """The CID font for a string: Korean if it has Hangul, Japanese if kana, else Chinese."""
    codes = [ord(char) for char in text]
    if any(0xAC00 <= c <= 0xD7AF or 0x1100 <= c <= 0x11FF or 0x3130 <= c <= 0x318F for c in codes):
        return CJK_KOREAN
    if any(0x3040 <= c <= 0x30FF or 0x31F0 <= c <= 0x31FF for c in codes):
        return CJK_JAPANESE
    return CJK_CHINESE


def markup(text: str, limit: int | None = None) -> str:
    """Paragraph markup that prints ``text`` exactly as typed.

    ``<b>Zoé & Co</b>`` becomes ``&lt;b&gt;Zoé &amp; Co&lt;/b&gt;``; runs of CJK
    characters are wrapped in a ``<font>`` tag naming the CID fallback.
    """
    cleaned = clean(text)
    if limit is not None:
        cleaned = shorten(cleaned, limit)
    runs: list[tuple[bool, str]] = []
    for char in cleaned:
        fallback = _needs_fallback(char)
        if runs and runs[-1][0] == fallback:
            runs[-1] = (fallback, runs[-1][1] + char)
        else:
            runs.append((fallback, char))
    if len(runs) <= 1 and not (runs and runs[0][0]):
        return escape(cleaned)
    face = cjk_font_for(cleaned)
    return "".join(
        f'<font face="{face}">{escape(run)}</font>' if cjk else escape(run) for cjk, run in runs
    )


def nbsp(text: str) -> str:
    """Plain text with no-break spaces: a NIR or tracking number stays on one line."""
    return text.replace(" ", "\u00a0")


def unbroken(text: str, limit: int | None = None) -> str:
    """:func:`markup` of :func:`nbsp`."""
    return markup(nbsp(text), limit)
