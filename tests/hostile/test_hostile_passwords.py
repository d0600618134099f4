"""A password or passphrase from a pipe (hostile sweep of issue #20).

On main, ``printf 'secret\\nsecret\\n' | carnet backup --password`` printed
"Password: Repeat for confirmation:" where nobody reads it (in the middle of a
script's output), an empty line was re-asked until the input ran out, and two
lines that differ were re-asked too. From a pipe the line is now read without a
prompt; an empty, missing, unconfirmed or non-UTF-8 one is refused in one line,
and nothing is written.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from carnet.main import main
from tests.hostile.common import one_line, snapshot
from tests.hostile.test_hostile_cli import carnet

SECRET = b"long enough secret"

BAD_INPUT = {
    "an empty line": (b"\n\n", "is empty"),
    "blanks only": (b"   \n   \n", "is empty"),
    "nothing at all": (b"", "no password on standard input"),
    "one line where two are needed": (SECRET + b"\n", "no password on standard input"),
    "two lines that differ": (SECRET + b"\nanother secret\n", "differ"),
    "bytes that are not UTF-8": (b"\xff\xfe secret\n\xff\xfe secret\n", "not UTF-8"),
    "a file piped by mistake": (b"x" * 5000 + b"\n", "longer than 1024"),
}


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Standard input as a pipe gives it: not a terminal, decoded as Python does."""
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")
    monkeypatch.setattr(sys, "stdin", stream)


@pytest.mark.parametrize("kind", list(BAD_INPUT))
def test_a_bad_password_from_a_pipe_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    demo_db: Path,
    kind: str,
) -> None:
    data, words = BAD_INPUT[kind]
    _stdin(monkeypatch, data)
    archive = tmp_path / "copy.zip"
    before = snapshot(demo_db)
    status, err = carnet(capsys, demo_db, "backup", "--out", str(archive), "--password")
    assert status == 1
    line = one_line(err)
    assert words in line and "Repeat" not in line
    assert not archive.exists()
    assert snapshot(demo_db) == before


def test_a_good_one_is_read_without_a_prompt(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    demo_db: Path,
) -> None:
    _stdin(monkeypatch, SECRET + b"\n" + SECRET + b"\n")
    archive = tmp_path / "copy.zip"
    main(["--db", str(demo_db), "backup", "--out", str(archive), "--password"])
    said = capsys.readouterr()
    assert "Password" not in said.err + said.out and "confirmation" not in said.err + said.out
    assert archive.read_bytes()[:2] == b"PK"


def _piped(db: Path, stdin: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("CARNET_DB", "CARNET_PASSPHRASE")}
    return subprocess.run(
        [sys.executable, "-m", "carnet", "--db", str(db), *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_encrypt_from_a_real_pipe(tmp_path: Path, demo_db: Path) -> None:
    pytest.importorskip("sqlcipher3")
    db = tmp_path / "carnet.sqlite"
    db.write_bytes(demo_db.read_bytes())
    before = db.read_bytes()
    empty = _piped(db, b"\n\n", "encrypt")
    assert empty.returncode == 1
    assert "the new passphrase on standard input is empty" in one_line(empty.stderr.decode())
    assert b"passphrase:" not in empty.stderr.lower()
    assert db.read_bytes() == before
    done = _piped(db, SECRET + b"\n" + SECRET + b"\n", "encrypt")
    assert done.returncode == 0, done.stderr
    assert b"passphrase:" not in (done.stderr + done.stdout).lower()
    assert db.read_bytes()[:16] != b"SQLite format 3\x00"
    # Then a script reading it, with no terminal and no CARNET_PASSPHRASE: told how.
    unasked = _piped(db, b"", "person", "list")
    assert unasked.returncode == 1
    assert "set CARNET_PASSPHRASE" in one_line(unasked.stderr.decode())
