"""``carnet import -``: a statement on standard input is read once, as it comes.

On main it was read whole (up to 100 MB) because the encoding was chosen over all its
bytes and a pipe cannot be read twice. Now a piped statement larger than
``PIPE_HELD`` is read once: the first bytes are kept to tell its format, the encoding
is chosen at its first byte that is not ASCII, and a later byte that contradicts it
refuses the file naming its line, the database unchanged. Nothing is written to disk.
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date, timedelta
from pathlib import Path
from typing import BinaryIO

import pytest
from click.testing import CliRunner

from carnet.app import Services, build_services
from carnet.cli import cli
from carnet.services import bank_import
from carnet.services.input_files import MB, stream_limited
from tests.bank.test_streaming_formats import _cfonb, _ofx
from tests.hostile.common import snapshot
from tests.services.test_bank import boursobank

HELD = 64 * 1024  # what the tests let be held: their statements are a few hundred KB


@pytest.fixture(autouse=True)
def _small_head(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bank_import, "PIPE_HELD", HELD)


def _rows(count: int, start: date = date(2024, 1, 1)) -> list[tuple[str, str, str]]:
    return [
        (
            (start + timedelta(days=n // 40)).isoformat(),
            ("CARTE MONOPRIX", "VIR SEPA CPAM DE PARIS", "PRLV LOYER")[n % 3] + f" {n}",
            f"{'-' if n % 2 else ''}{n % 400 + 1},{n % 100:02d}",
        )
        for n in range(count)
    ]


@contextmanager
def _pipe(data: bytes) -> Iterator[BinaryIO]:
    """A real pipe, written by a thread while it is read (as a shell pipe would be)."""
    read_end, write_end = os.pipe()

    def write() -> None:
        view = memoryview(data)
        with os.fdopen(write_end, "wb", buffering=0) as out, suppress(BrokenPipeError):
            for at in range(0, len(view), 1 << 16):
                out.write(view[at : at + (1 << 16)])

    writer = threading.Thread(target=write)
    writer.start()
    with os.fdopen(read_end, "rb") as source, stream_limited(source, 100 * MB, "stdin") as stream:
        try:
            yield stream
        finally:
            source.close()
            writer.join()


def _piped(
    services: Services, data: bytes, dry_run: bool = False, keep: int | None = bank_import.KEEP
) -> bank_import.ImportReport:
    with _pipe(data) as stream:
        return services.bank.import_piped(
            stream, "standard input", dry_run=dry_run, keep=keep
        ).value


def _from_file(tmp_path: Path, data: bytes, name: str) -> bank_import.ImportReport:
    path = tmp_path / name
    path.write_bytes(data)
    other = build_services(tmp_path / f"{name}.sqlite")
    try:
        return other.bank.import_path(path).value
    finally:
        other.close()


def _sorted_cfonb(operations: int) -> bytes:
    """``_cfonb``'s statement with its operations on following days, as a bank sorts them."""
    records = _cfonb(operations).decode("ascii").split("\r\n")
    seen = 0
    for at, record in enumerate(records):
        if record.startswith("04"):
            day = date(2024, 1, 1) + timedelta(days=seen // 20)
            records[at] = record[:34] + day.strftime("%d%m%y") + record[40:]
            seen += 1
    return "\r\n".join(records).encode("ascii")


@pytest.mark.parametrize(
    ("name", "statement"),
    [
        ("export.csv", lambda: boursobank(_rows(6_000))),
        ("statement.txt", lambda: _sorted_cfonb(3_000)),
        ("statement.ofx", lambda: _ofx(3_000)),
    ],
    ids=["CSV", "CFONB 120", "OFX"],
)
def test_a_big_piped_statement_imports_as_the_same_file_does(
    services: Services, tmp_path: Path, name: str, statement: object
) -> None:
    data = statement()  # type: ignore[operator]
    assert len(data) > 3 * HELD  # read as it comes, not held
    piped = _piped(services, data)
    assert piped.added > 1_000
    filed = _from_file(tmp_path, data, name)
    assert (piped.format, piped.added, piped.duplicates, piped.health) == (
        filed.format,
        filed.added,
        filed.duplicates,
        filed.health,
    )
    assert [i.fingerprint for i in piped.lines] == [i.fingerprint for i in filed.lines]
    (record,) = services.bank.last_imports()
    assert record.file_sha256 == hashlib.sha256(data).hexdigest()
    again = _piped(services, data)
    assert (again.added, again.duplicates) == (0, piped.added)


def _peak(services: Services, data: bytes) -> int:
    tracemalloc.start()
    try:
        report = _piped(services, data, dry_run=True, keep=100)  # the report's lines: few
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.added > 0
    return peak


def test_the_memory_of_a_piped_import_does_not_grow_with_the_statement(
    services: Services,
) -> None:
    # From 12 000 lines on, the heap's peak is that of full slices of lines (about 7 MB);
    # read whole (main), 48 000 lines also held their 5 MB of bytes and their text.
    small = _peak(services, boursobank(_rows(12_000)))
    big = _peak(services, boursobank(_rows(48_000)))
    assert big < small * 1.2 + 300_000, (small, big)


def test_a_byte_that_contradicts_the_encoding_refuses_the_statement_naming_its_line(
    services: Services,
) -> None:
    # UTF-8 from its first line ("Santé"), then a cp1252 "é" on line 5 003.
    data = bytearray(boursobank(_rows(6_000)))
    lines = data.split(b"\n")
    assert b"MONOPRIX" in lines[5_002]
    lines[5_002] = lines[5_002].replace(b"MONOPRIX", b"MONOPRIX \xe9T\xe9")
    before = snapshot(services.db_path) if services.db_path else {}
    with pytest.raises(bank_import.StatementFileError) as refused:
        _piped(services, b"\n".join(lines))
    message = str(refused.value)
    assert message == (
        "standard input, line 5003: the byte 0xE9 is not UTF-8, the encoding of the lines "
        "before it: the file mixes encodings"
    )
    assert "\n" not in message
    assert services.db_path is not None and snapshot(services.db_path) == before


def test_a_piped_cp1252_statement_is_read_as_cp1252_throughout(services: Services) -> None:
    rows = _rows(6_000)
    rows[10] = (rows[10][0], "CARTE CAF\xc9 DE LA GARE", rows[10][2])
    text = boursobank(rows).decode("utf-8").removeprefix("\ufeff")
    report = _piped(services, text.encode("cp1252"))
    assert report.added == 6_000
    assert any(item.line.label == "CARTE CAF\xc9 DE LA GARE" for item in report.lines)


def test_a_big_piped_statement_out_of_date_order_is_refused_naming_its_line(
    services: Services,
) -> None:
    rows = _rows(6_000)
    rows.append(("2024-01-02", "PRLV LOYER LATE", "-10,00"))  # back to a day long left
    before = snapshot(services.db_path) if services.db_path else {}
    with pytest.raises(bank_import.StatementFileError) as refused:
        _piped(services, boursobank(rows))
    assert str(refused.value).startswith("standard input, line 6002: this line goes back to")
    assert "import it from a file instead" in str(refused.value)
    assert services.db_path is not None and snapshot(services.db_path) == before


def test_a_small_piped_statement_out_of_date_order_is_still_imported(
    services: Services,
) -> None:
    rows = _rows(200)
    rows.append(("2024-01-02", "PRLV LOYER LATE", "-10,00"))
    assert _piped(services, boursobank(rows)).added == 201


def test_the_command_reads_standard_input_as_it_comes(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    rows = _rows(6_000)
    data = boursobank(rows)
    result = CliRunner().invoke(cli, ["--db", str(db), "import", "-"], input=io.BytesIO(data))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("standard input: csv:boursobank, added 6000, 0 already known")
    bad = data.replace(b"PRLV LOYER 5999", b"PRLV LOYER \xe9")
    before = snapshot(db)
    result = CliRunner().invoke(cli, ["--db", str(db), "import", "-"], input=io.BytesIO(bad))
    assert result.exit_code == 1
    assert "standard input, line 6001: the byte 0xE9 is not UTF-8" in result.output
    assert snapshot(db) == before
