"""Deterministic decoding of statement bytes (docs/bank-formats.md §2).

Order: UTF-8 BOM → declared encoding → strict UTF-8 → the 8-bit fallback (cp1252 unless a
profile says Latin-9). Detectors are not used: on short French files they answer cp1250,
Johab or Big5. Latin-1 is never used: it cannot fail, and it turns the cp1252 euro byte
0x80 into a C1 control. A declared ``ISO-8859-1`` is therefore read as cp1252, as the
WHATWG encoding standard does, since cp1252 is a superset for every printable character.

The BOM is checked before the declaration, against the letter of the brief, because
three bytes EF BB BF never start a genuine cp1252 statement, while files re-saved by a
spreadsheet keep their old declared encoding.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOM = codecs.BOM_UTF8
_ALIASES = {
    "1252": "cp1252",
    "windows-1252": "cp1252",
    "windows1252": "cp1252",
    "cp1252": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso88591": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "8859-1": "cp1252",
    "iso-8859-15": "iso8859_15",
    "iso8859-15": "iso8859_15",
    "iso8859_15": "iso8859_15",
    "latin-9": "iso8859_15",
    "latin9": "iso8859_15",
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "usascii": "ascii",
    "us-ascii": "ascii",
    "ascii": "ascii",
}
# Bytes a declaration may legitimately name; anything else is ignored, not trusted.
FALLBACKS = frozenset({"cp1252", "iso8859_15"})


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text and the codec that produced it; ``lossy`` when undefined bytes were replaced."""

    text: str
    encoding: str
    lossy: bool = False


def canonical_encoding(name: str | None) -> str | None:
    """Map a declared name (``"1252"``, ``"ISO-8859-1"``, ``"UTF-8"``) to a codec we use."""
    if not name:
        return None
    key = name.strip().strip("\"'").lower().replace("_", "-")
    return _ALIASES.get(key) or _ALIASES.get(key.replace("-", ""))


def decode(data: bytes, declared: str | None = None, fallback: str = "cp1252") -> Decoded:
    """Decode a whole file; see the module docstring for the order."""
    if data.startswith(_BOM):
        try:
            return Decoded(data[len(_BOM) :].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            pass  # a BOM over broken UTF-8: fall through to the 8-bit reading
    codec = canonical_encoding(declared)
    # "USASCII" in an OFX header is routinely wrong (CHARSET then says 1252): not binding.
    if codec and codec != "ascii":
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            pass  # a lying declaration: continue with the deterministic chain
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    eight_bit = fallback if fallback in FALLBACKS else "cp1252"
    try:
        return Decoded(data.decode(eight_bit), eight_bit)
    except UnicodeDecodeError:
        # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined: replace them, and say so.
        return Decoded(data.decode(eight_bit, errors="replace"), eight_bit, lossy=True)


def sniff(data: bytes, limit: int = 16384, fallback: str = "cp1252") -> str:
    """Decode only the head of a file, for ``identify``; never raises."""
    head = data[:limit]
    if head.startswith(_BOM):
        head = head[len(_BOM) :]
    try:
        # final=False: a multi-byte character cut by the limit is not a decoding error.
        return codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        eight_bit = fallback if fallback in FALLBACKS else "cp1252"
        return head.decode(eight_bit, errors="replace")
