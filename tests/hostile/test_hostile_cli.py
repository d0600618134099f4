"""Hostile arguments and files given to the ``carnet`` command.

Each was an "unexpected error" (exit 70) or a hang on main: ids above 2^63, a byte
that is not UTF-8 in an argument, a database in a place that cannot hold one, a
pipe or a device given as the file to import or load, an amount of 2^64 cents.
Now each gets one line on stderr, a usage or error status, and the database is
unchanged row for row.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from carnet.main import main
from tests.hostile.common import one_line, snapshot

HUGE = str(2**64)


def carnet(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str]:
    """Run ``carnet --db DB ARGS`` in this process; its exit status and stderr."""
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(db), *args])
    status = stopped.value.code
    return int(status) if isinstance(status, int) else 1, capsys.readouterr().err


HUGE_ID_COMMANDS = [
    ("act", "show", HUGE),
    ("person", "show", HUGE),
    ("person", "edit", HUGE, "--notes", "x"),
    ("act", "add", "--person", HUGE, "--date", "2025-01-02", "--code", "G", "--fee", "30"),
    ("feuille", "sign", HUGE),
    ("mailing", "mark-mailed", HUGE),
    ("mailing", "cancel", HUGE),
    ("attachments", "list", "act", HUGE),
    ("feuille", "merge", "1", HUGE),
]


@pytest.mark.parametrize("args", HUGE_ID_COMMANDS, ids=[" ".join(a[:2]) for a in HUGE_ID_COMMANDS])
def test_an_id_above_2_63_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], demo_db: Path, args: tuple[str, ...]
) -> None:
    before = snapshot(demo_db)
    status, err = carnet(capsys, demo_db, *args)
    assert status in (1, 2)
    one_line(err)
    assert snapshot(demo_db) == before


def test_a_byte_that_is_not_utf8_in_an_argument(tmp_path: Path, demo_db: Path) -> None:
    before = snapshot(demo_db)
    env = {k: v for k, v in os.environ.items() if k != "CARNET_DB"}
    done = subprocess.run(
        [
            sys.executable.encode(),
            b"-m",
            b"carnet",
            b"--db",
            bytes(demo_db),
            b"person",
            b"edit",
            b"1",
            b"--notes",
            b"caf\xe9",
        ],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "not valid UTF-8" in one_line(done.stderr.decode())
    assert snapshot(demo_db) == before


def test_a_database_where_none_can_be_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    # A command that writes (one that only reads creates nothing: tests/cli/test_conventions.py).
    db = blocker / "sub" / "carnet.sqlite"
    status, err = carnet(capsys, db, "setting", "set", "household.city", "Lyon")
    assert status == 1
    assert "cannot create the database" in one_line(err)


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "statement.csv"
    os.mkfifo(path)
    return path


def _sparse(tmp_path: Path) -> Path:
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:
        out.truncate(2 * 1024**3)  # 2 GB that take no room: the size alone is refused
    return path


def _overflowing_amount(tmp_path: Path) -> Path:
    path = tmp_path / "export-operations.csv"
    header = "dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;"
    header += "accountNum;accountLabel;accountbalance"
    row = f'2025-01-02;2025-01-02;"VIR";"";"";"";{"9" * 25},00;"";0004;"Compte";"0,00"'
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    return path


FILES = {
    "a named pipe": (_fifo, "not a regular file"),
    "/dev/zero": (lambda _tmp: Path("/dev/zero"), "not a regular file"),
    "a folder": (lambda tmp: tmp, "is a directory"),
    "2 GB": (_sparse, "larger than"),
    "an amount of 10^25 euros": (_overflowing_amount, "too large"),
}


@pytest.mark.parametrize("command", ["import", "load-json"])
@pytest.mark.parametrize("kind", list(FILES))
def test_a_file_that_is_no_statement_is_refused_at_once(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    demo_db: Path,
    command: str,
    kind: str,
) -> None:
    make, words = FILES[kind]
    if command == "load-json" and kind.startswith("an amount"):
        pytest.skip("a statement, not an export")
    path = make(tmp_path)
    before = snapshot(demo_db)
    status, err = carnet(capsys, demo_db, command, str(path))
    assert status in (1, 2)
    assert words in one_line(err)
    assert snapshot(demo_db) == before
