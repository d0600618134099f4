"""CFONB 120 and OFX statements are read as they go (issue 20).

Each streamed reading must give the lines the whole-file reader gave (kept in
``tests/bank/whole_*.py`` as a reference), whatever the size of the pieces the text
comes in, and the Python heap of a reading must not grow with the file.
"""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from carnet.bank import BankFileError
from carnet.bank.importers import cfonb_records, ofx
from carnet.bank.importers.base import Importer
from carnet.bank.importers.cfonb120 import Cfonb120Importer
from carnet.bank.importers.ofx import OfxImporter
from carnet.bank.model import StatementLine
from carnet.i18n import Translator
from tests.bank.whole_cfonb import parse_cfonb
from tests.bank.whole_ofx import parse_ofx

DATA = Path(__file__).parents[1] / "data" / "bank"
CFONB = (DATA / "statement.cfonb120.txt").read_bytes()
Outcome = tuple[StatementLine, ...] | tuple[str, int, str]  # the lines, or a refusal


def _cfonb(operations: int, end: bytes = b"\r\n") -> bytes:
    """A statement of ``operations`` operations (each with its complements)."""
    records = CFONB.decode("ascii").splitlines()
    body = records[1:-1]  # three operations, their complements between them
    middle = [body[n % len(body)] for n in range(operations * len(body) // 3)]
    return end.join(r.encode("ascii") for r in [records[0], *middle, records[-1]]) + end


def _outcome(read: Callable[[], tuple[StatementLine, ...]]) -> Outcome:
    """The lines, or the refusal's line and problem: the two readers must agree on both."""
    try:
        return read()
    except BankFileError as error:
        return ("refused", error.line, str(error))


def _streamed(importer: Importer, data: bytes) -> Outcome:
    return _outcome(lambda: tuple(importer.read(io.BytesIO(data), "f.txt")))


CFONB_SHAPES = {
    "sample (CRLF)": CFONB,
    "line feeds": CFONB.replace(b"\r\n", b"\n"),
    "no line breaks (EBICS)": CFONB.replace(b"\r\n", b""),
    "no line breaks, end mark": CFONB.replace(b"\r\n", b"") + b"\x1a",
    "old Mac line ends": CFONB.replace(b"\r\n", b"\r"),
    "blank lines and an end mark": CFONB.replace(b"\r\n", b"\r\n\r\n") + b"\x1a\r\n\x1a",
    "a long blank line": CFONB.replace(b"\r\n", b"\r\n" + b" " * 300 + b"\r\n", 1),
    "a long line": CFONB.replace(b"\r\n", b"\r\n" + b"04" + b"9" * 300 + b"\r\n", 1),
    "long trailing returns": CFONB.replace(b"\r\n", b"\r" * 300 + b"\n", 2),
    "cut mid-record": CFONB[:300],
    "cut, no line breaks": CFONB.replace(b"\r\n", b"")[:500],
    "UTF-8 mark": b"\xef\xbb\xbf" + CFONB,
    "cp1252 label": CFONB.replace(b"VIR SEPA RECU", b"VIR SEPA RE\xc7U"),
    "complement first": CFONB.split(b"\r\n", 1)[1].replace(b"04", b"05", 1),
}


@pytest.mark.parametrize("chunk", [1, 2, 7, 119, 120, 121, 1 << 16])
@pytest.mark.parametrize("name", sorted(CFONB_SHAPES))
def test_cfonb_streams_as_it_read_whole_at_any_piece_size(
    name: str, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cfonb_records, "CHUNK", chunk)
    data = CFONB_SHAPES[name]
    whole = _outcome(lambda: parse_cfonb(data, "f.txt").lines)
    assert _streamed(Cfonb120Importer(), data) == whole
    assert _outcome(lambda: Cfonb120Importer().parse(data, "f.txt").lines) == whole


def test_cfonb_reads_its_lines_and_balance_with_their_numbers() -> None:
    statement = Cfonb120Importer().parse(_cfonb(300), "big.txt")
    assert len(statement.lines) == 300
    assert [line.line_no for line in statement.lines[:4]] == [2, 5, 7, 8]
    assert statement.lines[0].label == "VIR SEPA RECU REMBOURSEMENT SOINS"
    assert statement.balance is not None and statement.balance.amount_cents == 97738


def _peak_heap(importer: Importer, path: Path) -> tuple[int, int]:
    """Lines read from the file on disk (each dropped), and the Python heap's peak."""
    count = 0
    tracemalloc.start()
    try:
        with path.open("rb") as stream:
            for _line in importer.read(stream, path.name):
                count += 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return count, peak


def _assert_heap_stays_flat(
    tmp_path: Path, importer: Importer, statement: Callable[[int], bytes]
) -> None:
    """Reading 20 000 operations holds about the heap of reading 5 000."""
    small, big = tmp_path / "small", tmp_path / "big"
    small.write_bytes(statement(5_000))
    big.write_bytes(statement(20_000))
    small_count, small_peak = _peak_heap(importer, small)
    big_count, big_peak = _peak_heap(importer, big)
    assert (small_count, big_count) == (5_000, 20_000)
    assert big_peak < small_peak * 1.25 + 100_000, (small_peak, big_peak)


@pytest.mark.parametrize("end", [b"\r\n", b""], ids=["lines", "no line breaks"])
def test_the_heap_of_a_cfonb_reading_does_not_grow_with_the_file(
    tmp_path: Path, end: bytes
) -> None:
    # Read whole, 20 000 operations took 3.3 times the heap of 5 000 (11.3 MB, 3.3 MB);
    # streamed, both stay near 2 MB (the decoder's and the encoding check's pieces).
    _assert_heap_stays_flat(tmp_path, Cfonb120Importer(), lambda count: _cfonb(count, end))


OFX_SGML = (DATA / "bpce_sgml.ofx").read_bytes()
OFX_XML = (DATA / "xml_v2.ofx").read_bytes()


def _ofx(transactions: int, sample: bytes = OFX_SGML) -> bytes:
    """A statement of ``transactions`` transactions, made from a sample's first one."""
    head, rest = sample.split(b"<STMTTRN>", 1)
    transaction = b"<STMTTRN>" + rest.split(b"</STMTTRN>", 1)[0] + b"</STMTTRN>\n"
    tail = b"</BANKTRANLIST>" + sample.split(b"</BANKTRANLIST>", 1)[1]
    return head + transaction * transactions + tail


OFX_SHAPES = {
    "SGML, leaves not closed, cp1252": OFX_SGML,
    "XML 2.x, UTF-8": OFX_XML,
    "a .qif that is OFX": (DATA / "really_ofx.qif").read_bytes(),
    "lower-case tags": OFX_SGML.replace(b"<OFX>", b"<ofx>").replace(b"<STMTTRN>", b"<stmttrn>"),
    "one line": OFX_SGML.replace(b"\r\n", b"").replace(b"\n", b""),
    "no header, no line breaks": b"<OFX>" + OFX_SGML.split(b"<OFX>", 1)[1].replace(b"\n", b""),
    "cut in a transaction": OFX_SGML[:700],
    "cut before </OFX>": OFX_SGML.rsplit(b"</OFX>", 1)[0],
    "no <OFX>": OFX_SGML.replace(b"<OFX>", b"<XFO>"),
    "nested transaction": OFX_SGML.replace(b"</STMTTRN>", b"", 1),
    "a close without an open": OFX_SGML.replace(b"<STMTTRN>", b"", 1),
    "a bad amount": OFX_SGML.replace(b"+19,50", b"+19,5,0"),
    "a bad balance": OFX_SGML.replace(b"<BALAMT>-34,18", b"<BALAMT>x"),
    "entities and junk between tags": OFX_SGML.replace(b"<NAME>", b"<!-- a < b --><NAME>&lt;"),
    "text after </OFX>": OFX_SGML + b"<STMTTRN>trailing",
}


@pytest.mark.parametrize("chunk", [1, 2, 5, 64, 1 << 16])
@pytest.mark.parametrize("name", sorted(OFX_SHAPES))
def test_ofx_streams_as_it_read_whole_at_any_piece_size(
    name: str, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ofx, "CHUNK", chunk)
    data = OFX_SHAPES[name]
    whole = _outcome(lambda: parse_ofx(data, "f.txt").lines)
    assert _streamed(OfxImporter(), data) == whole
    if whole[:1] != ("refused",):  # the account, the balance and the warnings too
        assert OfxImporter().parse(data, "f.txt") == parse_ofx(data, "f.txt")


@pytest.mark.parametrize("chunk", [1, 7, 999, 1000, 1001, 1 << 16])
def test_ofx_refuses_a_run_of_text_too_long_to_be_a_value(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    # Refused alike however the text comes in pieces: whole and streamed must agree.
    monkeypatch.setattr(ofx, "LONGEST", 1000)
    monkeypatch.setattr(ofx, "CHUNK", chunk)
    problem = "f.txt, line {}: more than 1000 characters without a tag: not an OFX statement"
    long_memo = OFX_SGML.replace(b"<MEMO>REMBOURSEMENT", b"<MEMO>" + b"X" * 2000, 1)
    assert _streamed(OfxImporter(), long_memo) == ("refused", 29, problem.format(29))
    with pytest.raises(BankFileError) as caught:
        OfxImporter().parse(long_memo, "f.ofx")
    assert caught.value.text.render(Translator("fr")) == (
        "f.ofx, ligne 29 : plus de 1000 caractères sans balise : ce n’est pas un relevé OFX"
    )
    junk = OFX_SGML.replace(b"<NAME>VIR", b"<!-- " + b"x" * 995 + b" -->" + b"<NAME>VIR", 1)
    assert _streamed(OfxImporter(), junk) == ("refused", 28, problem.format(28))
    # At the bound (a run of exactly 1000 characters from its "<"), it is read.
    at_bound = OFX_SGML.replace(b"<!---->", b"").replace(
        b"<NAME>VIR", b"<!-- " + b"x" * 991 + b" -->" + b"<NAME>VIR", 1
    )
    assert _streamed(OfxImporter(), at_bound) == parse_ofx(at_bound, "f.txt").lines
    assert _streamed(OfxImporter(), _ofx(30)) == parse_ofx(_ofx(30), "f.txt").lines


@pytest.mark.parametrize("sample", [OFX_SGML, OFX_XML], ids=["SGML", "XML"])
def test_the_heap_of_an_ofx_reading_does_not_grow_with_the_file(
    tmp_path: Path, sample: bytes
) -> None:
    # Read whole, 20 000 transactions took about four times the heap of 5 000.
    _assert_heap_stays_flat(tmp_path, OfxImporter(), lambda count: _ofx(count, sample))


class _Counted(io.BytesIO):
    """Bytes in memory that count how many of them were read (a pass over them each)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.read_bytes = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.read_bytes += len(data)
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        count = super().readinto(buffer)
        self.read_bytes += count
        return count

    def read1(self, size: int = -1) -> bytes:
        data = super().read1(size)
        self.read_bytes += len(data)
        return data


@pytest.mark.parametrize("end", [b"\r\n", b""], ids=["lines", "no line breaks"])
def test_a_cfonb_file_s_first_line_comes_after_one_pass_over_it_not_two(end: bytes) -> None:
    # The window shows its first slice once the first lines are read: the encoding
    # check reads the file once, and the records come from a second reading. A
    # measuring pass between the two read it a third time (70 MB: three passes
    # before the first slice).
    data = _cfonb(20_000, end)
    stream = _Counted(data)
    lines = Cfonb120Importer().read(stream, "big.txt")
    first = next(lines)
    assert first.line_no in (2, 1)
    assert stream.read_bytes < 1.2 * len(data), stream.read_bytes / len(data)
    assert sum(1 for _ in lines) == 20_000 - 1
    assert stream.read_bytes < 2.2 * len(data), stream.read_bytes / len(data)
