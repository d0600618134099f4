"""A second hostile sweep: what the first catalogue missed, each found on main.

- ``--db`` naming the SQLite file of another program: Carnet added its 30 tables to it
  and switched it to WAL, even for a command that only reads;
- ``--db ""``, a file name too long for the system: "unexpected error" (exit 70);
- ``--db`` naming a pipe or a device: "disk I/O error", or "read-only" for a socket;
- ``attach`` given a named pipe waited for ever, and ``/dev/zero`` filled the memory
  until the system killed Carnet;
- an amount received of 99 999 999 999 999 € was recorded (a fee is bounded at 100 000 €);
- a camt.053 with a DOCTYPE was imported although "XML entities or DTDs are refused".

Each now gets one line, and nothing is written (the other program's file byte for byte).
"""

from __future__ import annotations

import copy
import io
import json
import os
import resource
import sqlite3
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from carnet.app import Services, build_services
from carnet.domain.attachments import AttachedTo
from carnet.domain.codes import Payer
from carnet.domain.errors import CarnetError
from carnet.main import main
from carnet.services.demo import build_demo
from tests.conftest import TODAY
from tests.hostile.common import load_refused, one_line, snapshot
from tests.hostile.test_hostile_cli import carnet

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _browser_history(folder: Path) -> Path:
    path = folder / "places.sqlite"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org/')")
        conn.commit()
    return path


@pytest.mark.parametrize(
    "args",
    [("person", "list"), ("person", "add", "--first-name", "A", "--last-name", "B"), ("demo",)],
)
def test_the_database_of_another_program_is_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...]
) -> None:
    other = _browser_history(tmp_path)
    before = other.read_bytes()
    status, err = carnet(capsys, other, *args)
    assert status == 1
    assert "another program (moz_places)" in one_line(err)
    assert other.read_bytes() == before
    assert not other.with_name("places.sqlite-wal").exists()


def test_the_window_refuses_it_too(tmp_path: Path) -> None:
    other = _browser_history(tmp_path)
    before = other.read_bytes()
    with pytest.raises(CarnetError) as caught:
        build_services(other, today=lambda: TODAY)
    assert "another program" in one_line(str(caught.value))
    assert other.read_bytes() == before


def test_a_carnet_database_and_a_new_file_still_open(tmp_path: Path, demo_db: Path) -> None:
    for path in (demo_db, tmp_path / "new.sqlite"):
        services = build_services(path, today=lambda: TODAY)
        services.close()


def _fifo(folder: Path) -> Path:
    path = folder / "carnet.sqlite"
    os.mkfifo(path)
    return path


DATABASE_PATHS: dict[str, tuple[Callable[[Path], object], str]] = {
    "an empty path": (lambda _f: "", "is a folder"),
    "a name too long": (lambda f: f / ("a" * 260 + ".sqlite"), "File name too long"),
    "a named pipe": (_fifo, "not a regular file"),
    "/dev/null": (lambda _f: "/dev/null", "not a regular file"),
}


@pytest.mark.parametrize("kind", list(DATABASE_PATHS))
def test_a_database_path_that_cannot_hold_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    make, words = DATABASE_PATHS[kind]
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(make(tmp_path)), "setting", "set", "household.city", "Lyon"])
    assert stopped.value.code == 1
    err = capsys.readouterr().err
    assert words in one_line(err)


def _attach_in_a_child(db: Path, file: Path) -> subprocess.CompletedProcess[str]:
    """``carnet attach`` in a process of its own, with 1 GB of memory at most."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    return subprocess.run(
        [sys.executable, "-m", "carnet", "--db", str(db), "attach", "act", "1", str(file)],
        capture_output=True,
        text=True,
        timeout=60,  # the pipe waited for ever
        preexec_fn=limit_memory,  # no threads in this child
        check=False,
    )


@pytest.mark.parametrize("kind", ["a named pipe", "/dev/zero"])
def test_attaching_what_is_not_a_file(tmp_path: Path, demo_db: Path, kind: str) -> None:
    path = Path("/dev/zero") if kind == "/dev/zero" else tmp_path / "scan.pdf"
    if kind == "a named pipe":
        os.mkfifo(path)
    before = snapshot(demo_db)
    done = _attach_in_a_child(demo_db, path)
    assert done.returncode == 1
    assert "not a regular file" in one_line(done.stderr)
    assert snapshot(demo_db) == before


def test_attaching_a_link_to_a_scan_still_works(tmp_path: Path, services: Services) -> None:
    build_demo(services.household, services.care, acts=5, today=TODAY)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    link = tmp_path / "link.pdf"
    link.symlink_to(scan)
    act = services.care.summaries()[0].id
    attached = services.attachments.attach_file(AttachedTo.ACT, act, link).value
    assert attached.size == len(PDF)


@pytest.mark.parametrize("amount", ["99999999999999", "100000,01"])
def test_an_amount_received_beyond_any_fee(
    capsys: pytest.CaptureFixture[str], demo_db: Path, amount: str
) -> None:
    before = snapshot(demo_db)
    status, err = carnet(
        capsys, demo_db, "act", "received", "1", "--payer", "cpam", "--amount", amount
    )
    assert status == 1
    assert "more than 100 000" in one_line(err)
    assert snapshot(demo_db) == before


def test_a_decompte_line_beyond_any_fee(services: Services, db_path: Path) -> None:
    build_demo(services.household, services.care, acts=5, today=TODAY)
    act = services.care.summaries()[0]
    text = f"date_of_care;act;amount\n{act.date.isoformat()};#{act.id};99999999999,00\n"
    before = snapshot(db_path)
    with pytest.raises(CarnetError) as caught:
        services.received.decompte_csv(Payer.AMO, text, "decompte.csv")
    assert "line 1: is more than 100 000" in one_line(str(caught.value))
    assert snapshot(db_path) == before


def test_a_camt053_with_a_doctype(services: Services, db_path: Path) -> None:
    sample = Path(__file__).parent.parent / "data" / "bank" / "statement.camt053.xml"
    body = sample.read_bytes().split(b"?>", 1)[1]
    data = b'<?xml version="1.0"?>\n<!DOCTYPE d SYSTEM "http://example.invalid/camt.dtd">' + body
    before = snapshot(db_path)
    with pytest.raises(CarnetError) as caught:
        services.bank.import_file(data, "releve.xml")
    assert "DTDs are refused" in one_line(str(caught.value))
    assert snapshot(db_path) == before


OUTPUT_COMMANDS = [
    ("backup",),
    ("export", "json"),
    ("export", "csv"),
    ("export", "xlsx"),
    ("calendar",),
    ("summary",),
]


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=" ".join)
def test_an_output_in_a_folder_that_cannot_be(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_db: Path, command: tuple[str, ...]
) -> None:
    """A path through a file: "unexpected error (NotADirectoryError)" for five of them."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    if command == ("calendar",):  # its first rendering makes the household's key, once
        main(["--db", str(demo_db), "calendar", "--out", str(tmp_path / "first.ics")])
    before = snapshot(demo_db)
    status, err = carnet(capsys, demo_db, *command, "--out", str(blocker / "out"))
    assert status == 1
    assert "cannot write" in one_line(err)
    assert snapshot(demo_db) == before


@pytest.mark.parametrize("command", OUTPUT_COMMANDS[1:], ids=" ".join)
def test_an_output_that_is_a_pipe_is_not_replaced_by_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_db: Path, command: tuple[str, ...]
) -> None:
    """The copy was renamed over the pipe (over /dev/full, for the administrator)."""
    pipe = tmp_path / "out"
    os.mkfifo(pipe)
    status, err = carnet(capsys, demo_db, *command, "--out", str(pipe))
    assert status == 1
    assert "not a regular file" in one_line(err)
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_restoring_from_a_pipe_says_what_it_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_db: Path
) -> None:
    """It was "no such file", for a file that is there."""
    pipe = tmp_path / "backup.sqlite"
    os.mkfifo(pipe)
    before = snapshot(demo_db)
    status, err = carnet(capsys, demo_db, "restore", "--yes", str(pipe))
    assert status == 1
    assert "not a regular file" in one_line(err)
    assert snapshot(demo_db) == before


ABROAD = ("--person", "1", "--date", "2026-01-02", "--code", "G", "--country", "GB")
ABROAD += ("--currency", "GBP", "--amount", "50", "--rate", "1.1")


@pytest.fixture(scope="module")
def export_with_more(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A demo's export with care abroad, a payment received and the calendar's key."""
    db = tmp_path_factory.mktemp("more") / "a.sqlite"
    services = build_services(db, today=lambda: TODAY)
    build_demo(services.household, services.care, acts=10, today=TODAY)
    act = services.care.summaries()[0]
    services.received.record(act.id, Payer.AMO, 1900, TODAY)
    services.calendar.ics()  # makes the household's calendar key, once
    services.close()
    main(["--db", str(db), "abroad", "add", *ABROAD])
    services = build_services(db, today=lambda: TODAY)
    data: dict[str, Any] = json.loads(services.exports.json())
    services.close()
    return data


def test_an_export_with_the_calendar_key_loads_back(
    tmp_path: Path, export_with_more: dict[str, Any]
) -> None:
    """Refused as "unknown setting 'calendar.key'" once the calendar had been exported."""
    services = build_services(tmp_path / "b.sqlite", today=lambda: TODAY)
    services.exports.load_json(json.dumps(export_with_more).encode())
    again = json.loads(services.exports.json())
    services.close()
    keys = {row["key"]: row["value"] for row in again["tables"]["setting"]}
    before = {row["key"]: row["value"] for row in export_with_more["tables"]["setting"]}
    assert keys["calendar.key"] == before["calendar.key"]


JSON_CASES = [
    ("abroad amount NaN", "act_abroad", "amount", "NaN", "'NaN' is not a figure"),
    ("abroad amount 1e400", "act_abroad", "amount", "1e400", "not a figure"),
    ("abroad rate in words", "act_abroad", "rate", "one", "'one' is not a number"),
    ("receipt of 10^13 €", "receipt", "amount_cents", 10**15, "more than 100 000"),
    ("receipt on 0001-01-01", "receipt", "received_on", "0001-01-01", "before 1900"),
]


@pytest.mark.parametrize("case", JSON_CASES, ids=[c[0] for c in JSON_CASES])
def test_a_hostile_row_the_first_catalogue_missed(
    tmp_path: Path, export_with_more: dict[str, Any], case: tuple[str, str, str, object, str]
) -> None:
    """The first three were "unexpected error" (exit 70); the last two were loaded."""
    _load_refuses_the_row(tmp_path, export_with_more, case)


def _xlsx_like() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


BOURSOBANK = Path(__file__).parent.parent / "data" / "bank" / "boursobank.csv"
NOT_STATEMENTS: dict[str, tuple[Callable[[], bytes], str]] = {
    "only a byte order mark": (lambda: b"\xef\xbb\xbf", "the file is empty"),
    "a UTF-16 export": (
        lambda: BOURSOBANK.read_text(encoding="utf-8-sig").encode("utf-16"),
        "this text is in UTF-16",
    ),
    "a PDF named .csv": (lambda: PDF, "this is a PDF"),
    "a workbook named .csv": (_xlsx_like, "a spreadsheet (.xlsx, .ods)"),
}


@pytest.mark.parametrize("kind", list(NOT_STATEMENTS))
def test_a_file_that_is_no_statement_says_what_it_is(
    services: Services, db_path: Path, kind: str
) -> None:
    """Each was "unknown format: not OFX, QIF, camt.053, CFONB 120 or a known bank CSV"."""
    make, words = NOT_STATEMENTS[kind]
    before = snapshot(db_path)
    with pytest.raises(CarnetError) as caught:
        services.bank.import_file(make(), "releve.csv")
    assert words in one_line(str(caught.value))
    assert snapshot(db_path) == before


@pytest.mark.parametrize("separator", ['"', "\n"])
def test_a_csv_profile_split_on_a_quote_or_a_line_break(
    capsys: pytest.CaptureFixture[str], demo_db: Path, separator: str
) -> None:
    """Saved, then no file ever matched it ("unknown format")."""
    before = snapshot(demo_db)
    args = ("csv-profile", "Ma banque", "--date", "0", "--label", "1", "--amount", "2")
    status, err = carnet(capsys, demo_db, *args, "--separator", separator)
    assert status == 2
    assert "cannot be a quote or a line break" in one_line(err)
    assert snapshot(demo_db) == before


def test_a_password_from_a_pipe_is_read_without_warnings(tmp_path: Path, demo_db: Path) -> None:
    """getpass printed three lines of warnings, a Python file name among them."""
    out = tmp_path / "copy.zip"
    command = [sys.executable, "-m", "carnet", "--db", str(demo_db), "backup", "--password"]
    done = subprocess.run(
        [*command, "--out", str(out)],
        input="correct horse\ncorrect horse\n",  # asked twice, as on a terminal
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr and "\n" not in done.stderr  # the prompts only
    assert out.is_file()
    nothing = subprocess.run(
        [*command, "--out", str(tmp_path / "other.zip")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert nothing.returncode == 1
    assert "no password on standard input" in one_line(nothing.stderr)


def _csv_dated(day: str) -> bytes:
    header, row = BOURSOBANK.read_text(encoding="utf-8-sig").splitlines()[:2]
    return f"{header}\n{day};{day};{row.split(';', 2)[2]}\n".encode()


DATED_STATEMENTS: dict[str, tuple[bytes, str]] = {
    "CSV, year 1": (_csv_dated("0001-03-04"), "releve.csv"),
    "CSV, 1850": (_csv_dated("1850-03-04"), "releve.csv"),
    "CSV, 9999": (_csv_dated("9999-03-04"), "releve.csv"),
    "QIF, year 1": (b"!Type:Bank\nD01/01/0001\nT1.00\nPVIR CPAM\n^\n", "releve.qif"),
}


@pytest.mark.parametrize("kind", list(DATED_STATEMENTS))
def test_a_statement_line_of_year_1_or_9999(services: Services, db_path: Path, kind: str) -> None:
    """Imported as they were: a bank line dated 0001-03-04 or 9999-03-04."""
    data, name = DATED_STATEMENTS[kind]
    before = snapshot(db_path)
    with pytest.raises(CarnetError) as caught:
        services.bank.import_file(data, name)
    assert "line 2: impossible date" in one_line(str(caught.value))
    assert "between 1900 and 2199" in str(caught.value)
    assert snapshot(db_path) == before


MORE_JSON_CASES = [
    ("bank line of 10^13 €", "bank_transaction", "amount_cents", 10**15, "amount too large"),
    ("bank line of year 1", "bank_transaction", "date", "0001-01-01", "before 1900"),
    ("mailing posted in year 1", "mailing", "mailed_on", "0001-01-01", "before 1900"),
    ("abroad rate negative", "act_abroad", "rate", "-1.1", "euros for one unit"),
]


@pytest.mark.parametrize("case", MORE_JSON_CASES, ids=[c[0] for c in MORE_JSON_CASES])
def test_a_doubtful_row_is_refused_as_a_form_would(
    tmp_path: Path, export_with_more: dict[str, Any], case: tuple[str, str, str, object, str]
) -> None:
    """Each was loaded as it was."""
    _load_refuses_the_row(tmp_path, export_with_more, case)


def _load_refuses_the_row(
    tmp_path: Path, export_with_more: dict[str, Any], case: tuple[str, str, str, object, str]
) -> None:
    """The export with one value changed is refused naming its row; nothing is loaded."""
    _name, table, column, value, words = case
    doc = copy.deepcopy(export_with_more)
    doc["tables"][table][0][column] = value
    message = load_refused(tmp_path, json.dumps(doc).encode())
    assert f"table {table}, row 1" in message and words in message


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("household.phone", "call me maybe", "not a phone number"),
        ("address:", "1 rue de Paris\\n75001 Paris", "name the caisse"),
    ],
)
def test_a_setting_that_cannot_be_what_it_says(
    capsys: pytest.CaptureFixture[str], demo_db: Path, key: str, value: str, words: str
) -> None:
    """Both were saved: a phone number in words, an address for a caisse with no name."""
    before = snapshot(demo_db)
    status, err = carnet(capsys, demo_db, "setting", "set", key, value)
    assert status == 1
    assert words in one_line(err)
    assert snapshot(demo_db) == before


def test_an_address_of_blank_lines_is_no_address(services: Services) -> None:
    """Twelve blank lines were kept, and printed as the household's address block."""
    services.settings.set("household.address", "\\n" * 12)
    with pytest.raises(CarnetError, match="your postal address is needed first"):
        services.settings.household_address()
    services.settings.set("household.address", " 12 rue des Lilas \\n\\n 75011 Paris ")
    assert services.settings.household_address() == ("12 rue des Lilas", "75011 Paris")
