"""Statement importers behind one protocol, chosen from the file's content.

``detect`` asks every importer how sure it is (``identify``) and keeps the highest score;
the file name only breaks ties, because some banks' ``.qif`` downloads are OFX and users
rename files. User-saved CSV mappings come first, so they win a tie with a built-in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import PurePath
from typing import BinaryIO

from carnet.bank.errors import BankFileError
from carnet.bank.importers.base import Importer
from carnet.bank.importers.camt053 import Camt053Importer
from carnet.bank.importers.cfonb120 import Cfonb120Importer
from carnet.bank.importers.csv_mapping import CsvMapping
from carnet.bank.importers.csv_profiles import PROFILES
from carnet.bank.importers.csv_reader import CsvImporter
from carnet.bank.importers.ofx import OfxImporter
from carnet.bank.importers.qif import QifImporter
from carnet.bank.model import Statement, StatementLine
from carnet.domain.messages import N_

__all__ = [
    "CsvImporter",
    "CsvMapping",
    "Importer",
    "builtin_importers",
    "detect",
    "parse_statement",
    "read_statement",
]

# What ``detect`` reads of a streamed file: every ``identify`` looks at less than this.
HEAD = 1 << 16

_EXTENSIONS = {
    "ofx": (".ofx", ".qfx"),
    "qif": (".qif",),
    "camt.053": (".xml", ".053"),
    "cfonb120": (".txt", ".cfo", ".cfonb", ".dat"),
}


def builtin_importers() -> tuple[Importer, ...]:
    """Structured formats first, then every CSV bank profile."""
    fixed: tuple[Importer, ...] = (
        OfxImporter(),
        Camt053Importer(),
        QifImporter(),
        Cfonb120Importer(),
    )
    return fixed + tuple(CsvImporter(profile) for profile in PROFILES)


def _extension_bonus(importer: Importer, filename: str) -> int:
    suffix = PurePath(filename).suffix.lower()
    if importer.name.startswith("csv:"):
        return 1 if suffix in {".csv", ".txt", ".tsv"} else 0
    return 1 if suffix in _EXTENSIONS.get(importer.name, ()) else 0


# Files people pick by mistake, known by their first bytes: saying what the file is
# helps more than "unknown format".
_NOT_STATEMENTS = (
    (b"%PDF", N_("this is a PDF: download the statement as CSV, OFX or QIF from your bank")),
    (b"PK\x03\x04", N_("this is a ZIP archive or a spreadsheet (.xlsx, .ods): export it as CSV")),
    (b"\xd0\xcf\x11\xe0", N_("this is an old Excel or Word file: export it as CSV")),
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _what_it_is(data: bytes) -> str | None:
    """Why a file no importer reads is no statement, when its first bytes tell."""
    for magic, text in _NOT_STATEMENTS:
        if data.startswith(magic):
            return text
    # ASCII letters in UTF-16 have a zero byte beside each: zeros on one side only.
    evens, odds = data[:400:2].count(0), data[1:400:2].count(0)
    many, few = max(evens, odds), min(evens, odds)
    one_sided = many >= 8 and many >= 0.9 * (len(data[:400]) // 2) and few * 4 < many
    if data.startswith(_BOMS[1:]) or one_sided:
        return N_("this text is in UTF-16: save it as UTF-8 (CSV UTF-8) and import it again")
    return None


def detect(data: bytes, filename: str, mappings: Sequence[CsvMapping] = ()) -> Importer:
    """The importer for this file, or ``BankFileError`` when none recognises it."""
    body = next((data[len(bom) :] for bom in _BOMS if data.startswith(bom)), data)
    if not body.strip():  # nothing, or only a byte order mark
        raise BankFileError(filename, 0, N_("the file is empty"))
    candidates: tuple[Importer, ...] = tuple(CsvImporter(m) for m in mappings)
    best: Importer | None = None
    best_score = 0
    for importer in candidates + builtin_importers():
        try:
            score = importer.identify(data, filename)
        except Exception:
            score = 0
        if score <= 0:
            continue
        score = score * 2 + _extension_bonus(importer, filename)
        if score > best_score:  # strict: earlier importers win ties
            best, best_score = importer, score
    if best is None:
        hint = _what_it_is(data)
        raise BankFileError(
            filename,
            0,
            hint or N_("unknown format: not OFX, QIF, camt.053, CFONB 120 or a known bank CSV"),
        )
    return best


def parse_statement(data: bytes, filename: str, mappings: Sequence[CsvMapping] = ()) -> Statement:
    """``detect`` then ``parse``: the one call the import service needs."""
    return detect(data, filename, mappings).parse(data, filename)


def read_statement(
    stream: BinaryIO, filename: str, mappings: Sequence[CsvMapping] = ()
) -> tuple[str, Iterator[StatementLine]]:
    """The format of a seekable file (from its head) and its lines, read as they are asked.

    Errors in the file come as ``BankFileError`` while the lines are read.
    """
    stream.seek(0)
    head = stream.read(HEAD)
    stream.seek(0)
    importer = detect(head, filename, mappings)
    return importer.name, importer.read(stream, filename)
