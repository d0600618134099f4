"""A calendar that cannot be written leaves no key behind (hostile sweep of issue #20).

On main ``carnet calendar --out X`` made the household's calendar key and saved it
before writing X: given ``/dev/full``, a path through a file or a full standard
output, the command failed and yet changed the database. The key is now saved in
one transaction with the writing, so a failed write leaves the database unchanged
row for row; the window's export goes through the same service.
"""

from __future__ import annotations

import errno
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from carnet.app import build_services
from carnet.domain.errors import CarnetError
from carnet.services.calendar import KEY_SETTING
from tests.conftest import TODAY
from tests.hostile.common import one_line, snapshot
from tests.hostile.read_only_place import run_read_only
from tests.hostile.test_hostile_cli import carnet

OUTPUTS = {
    "a device (/dev/full)": (lambda _tmp: Path("/dev/full"), "not a regular file"),
    "a path through a file": (lambda tmp: tmp / "a-file" / "reminders.ics", "Not a directory"),
    "a folder that does not exist": (lambda tmp: tmp / "no" / "such.ics", "No such file"),
}


@pytest.fixture
def keyless(tmp_path: Path, demo_db: Path) -> Path:
    """A copy of the demo, whose calendar was never exported (no key yet)."""
    db = tmp_path / "keyless.sqlite"
    shutil.copyfile(demo_db, db)
    (tmp_path / "a-file").write_text("not a folder")
    return db


def _key(db: Path) -> str:
    services = build_services(db, today=lambda: TODAY)
    try:
        return services.settings.get(KEY_SETTING)
    finally:
        services.close()


@pytest.mark.parametrize("kind", list(OUTPUTS))
def test_a_calendar_not_written_saves_no_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, keyless: Path, kind: str
) -> None:
    make, words = OUTPUTS[kind]
    out = make(tmp_path)
    before = snapshot(keyless)
    status, err = carnet(capsys, keyless, "calendar", "--out", str(out))
    assert status == 1
    assert words in one_line(err)
    assert snapshot(keyless) == before
    services = build_services(keyless, today=lambda: TODAY)  # the window's export
    try:
        with pytest.raises((OSError, CarnetError)):
            services.calendar.write(out, "en")
    finally:
        services.close()
    assert snapshot(keyless) == before


class _FullStdout:
    """Standard output redirected to a full disk."""

    class buffer:  # what sys.stdout.buffer is
        @staticmethod
        def write(_data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        @staticmethod
        def flush() -> None:
            return None

    def __getattr__(self, name: str) -> Any:
        return getattr(sys.__stdout__, name)


def test_a_full_standard_output_saves_no_key(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, keyless: Path
) -> None:
    before = snapshot(keyless)
    monkeypatch.setattr(sys, "stdout", _FullStdout())
    status, err = carnet(capsys, keyless, "calendar", "--out", "-")
    monkeypatch.undo()
    assert status == 1
    assert "No space left" in one_line(err)
    assert snapshot(keyless) == before


def test_an_output_in_a_read_only_folder_saves_no_key(tmp_path: Path, keyless: Path) -> None:
    folder = tmp_path / "shelf"
    folder.mkdir()
    before = snapshot(keyless)
    done = run_read_only(folder, keyless, [("calendar", "--out", str(folder / "r.ics"))])
    assert done[0].status == 1
    assert f"cannot write {folder / 'r.ics'}" in one_line(done[0].err)
    assert snapshot(keyless) == before


def test_a_calendar_written_keeps_its_key(tmp_path: Path, keyless: Path) -> None:
    out = tmp_path / "reminders.ics"
    services = build_services(keyless, today=lambda: TODAY)
    try:
        services.calendar.write(out, "en")
    finally:
        services.close()
    key = _key(keyless)
    assert len(key) == 16 and f"@{key}.carnet".encode() in out.read_bytes()
