"""``carnet backup`` and ``carnet restore`` as typed: copies, password archives, refusals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from carnet.cli import cli
from tests.cli.test_cli import run
from tests.conftest import dump_database


def people(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        conn.close()


def add_person(db: Path, first: str) -> None:
    run(db, "person", "add", "--first-name", first, "--last-name", "Thompson")


def test_backup_then_restore_brings_back_the_database(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    add_person(db, "Sarah")
    copy = tmp_path / "copy.sqlite"
    assert "Backup written to" in run(db, "backup", "--out", str(copy)).stdout
    before = dump_database(db)
    add_person(db, "Léa")
    assert people(db) == 2
    done = run(db, "restore", str(copy), "--yes")
    assert "the previous database was kept as" in done.stdout
    assert dump_database(db) == before


def test_a_password_archive_needs_the_password_twice_and_again_to_restore(
    tmp_path: Path,
) -> None:
    db = tmp_path / "carnet.sqlite"
    add_person(db, "Sarah")
    archive = tmp_path / "copy.zip"
    runner = CliRunner()
    args = ["--db", str(db), "backup", "--out", str(archive), "--password"]
    # From a pipe (not a terminal) the two lines must agree: nobody is there to ask again.
    mismatch = runner.invoke(cli, args, input="long secret\nother secret\n")
    assert mismatch.exit_code == 1
    assert "the two passwords on standard input differ" in mismatch.output
    assert not archive.exists()
    done = runner.invoke(cli, args, input="long secret\nlong secret\n")
    assert done.exit_code == 0, done.output
    assert "Password" not in done.output  # no prompt where nobody reads it
    assert archive.read_bytes()[:2] == b"PK"
    assert b"Sarah" not in archive.read_bytes()  # encrypted, not merely zipped
    add_person(db, "Léa")
    wrong = runner.invoke(cli, ["--db", str(db), "restore", str(archive), "--yes"], input="nope\n")
    assert wrong.exit_code != 0
    assert "wrong password" in wrong.output
    assert people(db) == 2  # untouched
    right = runner.invoke(
        cli, ["--db", str(db), "restore", str(archive), "--yes"], input="long secret\n"
    )
    assert right.exit_code == 0, right.output
    assert people(db) == 1


def test_a_password_without_a_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    add_person(db, "Sarah")
    done = CliRunner().invoke(cli, ["--db", str(db), "backup", "--password"], input="x\nx\n")
    assert done.exit_code == 2
    assert "--password needs --out" in done.output
