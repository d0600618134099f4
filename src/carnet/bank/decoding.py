"""Deterministic decoding of statement bytes (docs/bank-formats.md §2).

Order: UTF-8 BOM → declared encoding → strict UTF-8 → the 8-bit fallback (cp1252 unless a
profile says Latin-9). Detectors are not used: on short French files they answer cp1250,
Johab or Big5. Latin-1 is never used: it cannot fail, and it turns the cp1252 euro byte
0x80 into a C1 control. A declared ``ISO-8859-1`` is therefore read as cp1252, as the
WHATWG encoding standard does, since cp1252 is a superset for every printable character.

The BOM is checked before the declaration, against the letter of the brief, because
three bytes EF BB BF never start a genuine cp1252 statement, while files re-saved by a
spreadsheet keep their old declared encoding.

A large file is not decoded whole: :func:`choose_codec` runs the same chain over the
bytes in chunks (each chunk is decoded and dropped), then :func:`text_stream` reads the
file again through an incremental decoder, so memory stays flat whatever the size.

A stream that cannot be read twice (a statement piped in) cannot be checked first. Its
encoding is chosen where the bytes first need one, at the first byte that is not ASCII,
by the same chain over what has come so far (:class:`_Deciding`); a later byte that
does not fit the encoding chosen (UTF-8 then a cp1252 "é") refuses the file with
:class:`EncodingChanged`, naming its line, rather than be read wrong. The 8-bit
fallback fits every byte (undefined ones replaced, as for a file).
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from typing_extensions import Buffer

CHUNK = 1 << 20  # bytes read at a time when a file is checked or streamed

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


@dataclass(frozen=True, slots=True)
class Codec:
    """The codec :func:`decode` would choose for a whole file, found without holding it."""

    encoding: str  # "utf-8-sig" when the file starts with a BOM
    lossy: bool = False


class EncodingChanged(Exception):
    """A byte, late in a stream read once, that the encoding chosen earlier cannot read."""

    def __init__(self, line: int, byte: bytes, encoding: str) -> None:
        super().__init__(f"line {line}: byte {byte!r} is not {encoding}")
        self.line, self.byte, self.encoding = line, byte, encoding


_NOT_ASCII = re.compile(rb"[\x80-\xff]")
_DECIDING: dict[str, tuple[str | None, str]] = {}  # codec name → (declared, fallback)


class _Deciding(codecs.IncrementalDecoder):
    """Reads ASCII as it comes, chooses the encoding at the first other byte, keeps to it.

    The choice is :func:`decode`'s chain over the bytes of that piece from there
    (the text reader hands them over 8 KB at a time): a byte order mark, else the
    declared encoding, else UTF-8, else the 8-bit fallback.
    """

    def __init__(self, errors: str = "strict", *, declared: str | None, fallback: str) -> None:
        super().__init__(errors)
        self.declared, self.fallback = declared, fallback
        self.inner: codecs.IncrementalDecoder | None = None
        self.encoding = ""
        self.line = 1  # the line of the next byte
        self.held = b""  # the first bytes, until a byte order mark is told apart
        self.started = False

    def decode(self, input: Buffer, final: bool = False) -> str:
        data = bytes(input)
        if self.inner is None and not self.started:
            data, self.held = self.held + data, b""
            if len(data) < len(_BOM) and _BOM.startswith(data) and not final:
                self.held = data
                return ""
            self.started = True
            if data.startswith(_BOM):
                self._keep("utf-8-sig")
        if self.inner is not None:
            return self._decoded(data, final)
        found = _NOT_ASCII.search(data)
        if found is None:
            self.line += data.count(b"\n")
            return data.decode("ascii")
        cut = found.start()
        self.line += data.count(b"\n", 0, cut)
        self._choose(data[cut:], final)
        return data[:cut].decode("ascii") + self._decoded(data[cut:], final)

    def _choose(self, data: bytes, final: bool) -> None:
        declared = canonical_encoding(self.declared)
        for codec in (declared, "utf-8"):
            if codec and codec != "ascii":
                try:
                    codecs.getincrementaldecoder(codec)().decode(data, final)
                except UnicodeDecodeError:
                    continue
                self._keep(codec)
                return
        self._keep(self.fallback if self.fallback in FALLBACKS else "cp1252", "replace")

    def _keep(self, encoding: str, errors: str = "strict") -> None:
        self.encoding = encoding
        self.inner = codecs.getincrementaldecoder(encoding)(errors)

    def _decoded(self, data: bytes, final: bool) -> str:
        assert self.inner is not None
        waiting = bytes(self.inner.getstate()[0])  # a character's first bytes, from before
        try:
            text = self.inner.decode(data, final)
        except UnicodeDecodeError as error:
            line = self.line + data.count(b"\n", 0, max(0, error.start - len(waiting)))
            byte = (waiting + data)[error.start : error.start + 1]
            raise EncodingChanged(line, byte, self.encoding) from None
        self.line += data.count(b"\n")
        return text

    def reset(self) -> None:
        self.inner, self.encoding, self.line, self.held, self.started = None, "", 1, b"", False


def _search(name: str) -> codecs.CodecInfo | None:
    if name not in _DECIDING:
        return None
    declared, fallback = _DECIDING[name]

    def decoder(errors: str = "strict") -> _Deciding:
        return _Deciding(errors, declared=declared, fallback=fallback)

    utf8 = codecs.lookup("utf-8")
    return codecs.CodecInfo(utf8.encode, utf8.decode, name=name, incrementaldecoder=decoder)


codecs.register(_search)


def deciding_codec(declared: str | None = None, fallback: str = "cp1252") -> Codec:
    """The codec of a stream read once: chosen as its bytes come (:class:`_Deciding`)."""
    # Canonical names only: a file's declaration is any text, and each name stays registered.
    key = (canonical_encoding(declared), fallback if fallback in FALLBACKS else "cp1252")
    name = next((n for n, k in _DECIDING.items() if k == key), f"carnet_deciding.{len(_DECIDING)}")
    _DECIDING[name] = key
    return Codec(name)


def _decodes(stream: BinaryIO, codec: str, skip: int = 0) -> bool:
    """Whether the whole stream decodes as ``codec``; reads it chunk by chunk."""
    stream.seek(skip)
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        while chunk := stream.read(CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def choose_codec(stream: BinaryIO, declared: str | None = None, fallback: str = "cp1252") -> Codec:
    """What :func:`decode` would answer for the stream's bytes, in the same order.

    The stream is left at its start. One that cannot be read twice (``seekable()`` is
    False) is not read: its encoding is chosen as it is read (:func:`deciding_codec`).
    """
    if not stream.seekable():
        return deciding_codec(declared, fallback)
    try:
        stream.seek(0)
        head = stream.read(len(_BOM))
        if head == _BOM and _decodes(stream, "utf-8", len(_BOM)):
            return Codec("utf-8-sig")
        codec = canonical_encoding(declared)
        if codec and codec != "ascii" and _decodes(stream, codec):
            return Codec(codec)
        if _decodes(stream, "utf-8"):
            return Codec("utf-8")
        eight_bit = fallback if fallback in FALLBACKS else "cp1252"
        return Codec(eight_bit, lossy=not _decodes(stream, eight_bit))
    finally:
        stream.seek(0)


def text_stream(stream: BinaryIO, codec: Codec) -> io.TextIOWrapper:
    """The stream's text, decoded as it is read; line ends are left as they are.

    The caller keeps the binary stream: the wrapper must not close it (``detach``).
    """
    stream.seek(0)
    errors = "replace" if codec.lossy else "strict"
    return io.TextIOWrapper(stream, encoding=codec.encoding, errors=errors, newline="")
