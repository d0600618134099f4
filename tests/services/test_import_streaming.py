"""A statement is imported as it is read: memory does not grow with it, every format
reads the same lines streamed as whole, and undo takes a whole import back and redo
puts it again (one history event for the import, not one per line)."""

from __future__ import annotations

import io
import os
import sqlite3
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import pytest

from carnet.app import Services, build_services, open_for_window
from carnet.bank import fingerprint_lines, parse_statement
from carnet.bank.importers import detect
from carnet.domain.banking import BankAccountInput
from carnet.services.input_files import InputFileError, open_limited
from tests.services.test_bank import boursobank

DATA = Path(__file__).parents[1] / "data" / "bank"


def _statement(lines: int, start: date = date(2024, 1, 1)) -> bytes:
    rows = [
        (
            (start + timedelta(days=n // 50)).isoformat(),
            ("CARTE MONOPRIX", "VIR SEPA CPAM DE PARIS", "PRLV LOYER")[n % 3] + f" {n}",
            f"{'-' if n % 2 else ''}{n % 400 + 1},{n % 100:02d}",
        )
        for n in range(lines)
    ]
    return boursobank(rows)


def _peak_python_memory(services: Services, data: bytes, tmp_path: Path) -> int:
    path = tmp_path / f"{len(data)}.csv"
    path.write_bytes(data)
    del data
    tracemalloc.start()
    try:
        report = services.bank.import_path(path, keep=100).value
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.added > 0 and len(report.lines) == 100 and not report.complete
    return peak


def test_the_memory_of_an_import_does_not_grow_with_the_file(
    services: Services, tmp_path: Path
) -> None:
    # Four times the lines, in separate accounts; the Python heap's peak stays put
    # (on main it held every line, its classification and its fingerprint at once).
    small = _peak_python_memory(services, _statement(10_000), tmp_path)
    services.household.add_bank_account(BankAccountInput(name="Second"))
    big_file = tmp_path / "big.csv"
    big_file.write_bytes(_statement(40_000, date(2010, 1, 1)))
    tracemalloc.start()
    try:
        services.bank.import_path(big_file, "Second", keep=100)
        _, big = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert big < small * 1.25 + 1_000_000, (small, big)


def test_a_file_not_sorted_by_date_keeps_its_fingerprints(services: Services) -> None:
    # Two identical lines on a day the file comes back to: the second pass (every
    # day's ranks kept) must give both their own fingerprint, as the whole reading does.
    rows = [
        ("2026-11-05", "CB BOULANGERIE", "-1,20"),
        ("2026-11-06", "CB JOURNAL", "-2,00"),
        ("2026-11-05", "CB BOULANGERIE", "-1,20"),
    ]
    data = boursobank(rows)
    first = services.bank.import_file(data, "a.csv").value
    assert (first.added, first.duplicates) == (3, 0)
    expected = fingerprint_lines("carnet", parse_statement(data, "a.csv").lines)
    assert [line.fingerprint for line in first.lines] == expected
    again = services.bank.import_file(data, "a.csv").value
    assert (again.added, again.duplicates) == (0, 3)


def test_a_report_keeps_the_first_lines_and_counts_them_all(services: Services) -> None:
    report = services.bank.import_file(_statement(120), "a.csv", dry_run=True, keep=10).value
    assert len(report.lines) == 10 and not report.complete
    assert (report.added, report.duplicates) == (120, 0)
    assert report.health == 20  # the CPAM's credits: n % 3 == 1 and n even


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir()))
def test_every_format_reads_the_same_lines_streamed(name: str) -> None:
    data = (DATA / name).read_bytes()
    importer = detect(data, name)
    whole = importer.parse(data, name).lines
    assert tuple(importer.read(io.BytesIO(data), name)) == whole


def test_undo_takes_the_whole_import_back_and_redo_puts_it_again(
    services: Services, db_path: Path
) -> None:
    services.bank.import_file(_statement(30), "a.csv")
    before = services.store.bank.transactions()
    events = services.store.events.count()
    assert len(before) == 30
    services.history.undo()
    assert services.store.bank.transactions() == []
    assert services.store.bank.imports() == []
    services.history.redo()
    assert services.store.bank.transactions() == before  # the same ids, the same rows
    conn = sqlite3.connect(db_path)
    try:
        parked = conn.execute("SELECT count(*) FROM bank_line_undone").fetchone()[0]
        imported = conn.execute(
            "SELECT count(*) FROM event WHERE entity IN ('statement_import', 'bank_transaction')"
            " AND op = (SELECT min(op) FROM event WHERE entity = 'statement_import')"
        ).fetchone()[0]
    finally:
        conn.close()
    assert parked == 0
    assert imported == 1  # one event for the import of 30 lines
    assert events <= 3  # the account's creation, the import (and nothing per line)


def test_a_file_that_grows_while_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "growing.csv"
    path.write_bytes(b"x" * 50)
    with open_limited(path, 100) as stream:
        with path.open("ab") as more:
            more.write(b"y" * 100)
        with pytest.raises(InputFileError, match="larger than"):
            stream.read()


def test_a_pipe_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(InputFileError, match="not a regular file"), open_limited(fifo, 100):
        pass


def test_a_long_camt_statement_streams_with_its_line_numbers() -> None:
    # Many entries, so that the parser reads the file in many pieces and start tags
    # fall across their edges; a prefixed namespace, as some banks write it.
    head, tail = (DATA / "statement.camt053.xml").read_text(encoding="utf-8").split("<Ntry>", 1)
    entry = "<Ntry>" + tail.split("</Ntry>", 1)[0] + "</Ntry>\n"
    body = "".join(entry.replace("45.00", f"{n % 97 + 1}.{n % 100:02d}") for n in range(1_000))
    data = (head + body + "</Stmt>\n </BkToCstmrStmt>\n</Document>\n").encode()
    data = data.replace(b"<Ntry>", b"<Ntry\n>")  # a tag cut by a line break counts too
    importer = detect(data, "long.xml")
    whole = importer.parse(data, "long.xml").lines
    assert len(whole) == 1_000 and whole[-1].line_no > whole[0].line_no > 0
    assert tuple(importer.read(io.BytesIO(data), "long.xml")) == whole
    assert tuple(importer.read(_Trickle(data), "long.xml")) == whole


class _Trickle(io.BytesIO):
    """A file that gives at most 5 bytes a read: every start tag is cut somewhere."""

    def read(self, size: int | None = -1) -> bytes:
        return super().read(5 if size is None or size < 0 else min(size, 5))


def test_the_next_window_drops_the_lines_of_an_import_undone_before(db_path: Path) -> None:
    window = open_for_window(db_path)
    window.bank.import_file(_statement(30), "a.csv")
    window.history.undo()
    assert window.store.bank.lines.parked() == 30  # aside, for a redo in this session
    window.close()

    command = build_services(db_path)  # a command beside no window keeps them: it never redoes
    assert command.store.bank.lines.parked() == 30
    command.close()

    window = open_for_window(db_path)
    try:
        assert window.store.bank.lines.parked() == 0
        assert window.store.bank.transactions() == []
        assert window.history.redo_label() is None
    finally:
        window.close()
