"""A database in a read-only folder (hostile sweep of issue #20).

On main every command refused it, even one that only reads: SQLite opens a WAL
database only where it can make the files beside it, and Carnet asked for WAL at
each opening. A household reading its copy on a read-only disk or a folder it may
not write got "cannot write" for ``person list``. Now the commands that only read
work there (opened read-only, nothing made beside the file); those that write are
refused in one line, and the file is unchanged byte for byte.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from carnet.app import Services, build_services
from carnet.domain.errors import CarnetError
from carnet.domain.people import PersonInput
from carnet.storage.read_only import open_read_only
from carnet.storage.store import Store
from tests.conftest import TODAY
from tests.hostile.common import one_line, snapshot
from tests.hostile.read_only_place import run_read_only

READS = [
    ("person", "list"),
    ("act", "show", "3"),
    ("act", "list", "--json"),
    ("summary", "--out", "-"),
    ("export", "json", "--out", "-"),
    ("feuille", "list"),
    ("todo",),
]
WRITES = [
    ("setting", "set", "household.city", "Lyon"),
    ("person", "add", "--first-name", "Ana", "--last-name", "Lopez"),
    ("act", "reassess"),
    ("calendar", "--out", "-"),  # its first export saves the calendar's key
]


@pytest.fixture
def shelf(tmp_path: Path, demo_db: Path) -> tuple[Path, Path]:
    """A folder holding a copy of the demo database (and nothing else)."""
    folder = tmp_path / "shelf"
    folder.mkdir()
    db = folder / "carnet.sqlite"
    shutil.copyfile(demo_db, db)
    return folder, db


def test_reading_commands_work_and_writing_ones_are_refused(shelf: tuple[Path, Path]) -> None:
    folder, db = shelf
    before = db.read_bytes()
    done = run_read_only(folder, db, READS + WRITES)
    for args, result in zip(READS, done[: len(READS)], strict=True):
        assert result.status == 0, (args, result.err)
        assert result.out, args
        assert "read-only folder" in one_line(result.err)  # said once, on stderr
    assert json.loads(done[2].out)  # the acts, as JSON
    assert done[3].out.startswith(b"%PDF")
    assert json.loads(done[4].out)["format"]
    for args, result in zip(WRITES, done[len(READS) :], strict=True):
        assert result.status == 1, (args, result.err)
        assert "read-only" in one_line(result.err.splitlines()[-1]), args
    assert db.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["carnet.sqlite"]


def test_the_service_reads_without_writing_anything_beside(shelf: tuple[Path, Path]) -> None:
    """The read-only opening itself (``mode=ro``, else ``immutable``), in a folder that
    may be written: nothing is made beside the file, and every write is refused."""
    folder, db = shelf
    before = snapshot(db)
    services = Services(Store(open_read_only(db)), lambda: TODAY)
    try:
        assert len(services.household.people()) == 4
        assert services.care.summaries()
        with pytest.raises(CarnetError) as caught:
            services.household.add_person(PersonInput("Ana", "Lopez"))
        assert "opened it for reading only" in one_line(str(caught.value))
        with pytest.raises(CarnetError):
            services.settings.set("household.city", "Lyon")
    finally:
        services.close()
    assert snapshot(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["carnet.sqlite"]


def test_a_writable_folder_is_opened_as_always(shelf: tuple[Path, Path]) -> None:
    _folder, db = shelf
    services = build_services(db, today=lambda: TODAY, may_read_only=True)
    try:
        assert not services.store.ledger.read_only
        services.settings.set("household.city", "Lyon")
    finally:
        services.close()


def test_changes_left_in_the_wal_are_not_silently_skipped(tmp_path: Path, demo_db: Path) -> None:
    """A copy taken while Carnet was writing holds its last changes in ``-wal``: read
    as immutable, they would be ignored; the command says so instead."""
    live = tmp_path / "live.sqlite"
    shutil.copyfile(demo_db, live)
    folder = tmp_path / "copy"
    folder.mkdir()
    db = folder / "carnet.sqlite"
    services = build_services(live, today=lambda: TODAY)
    try:
        services.settings.set("household.city", "Lyon")  # still in live.sqlite-wal
        shutil.copyfile(live, db)
        shutil.copyfile(live.with_name("live.sqlite-wal"), folder / "carnet.sqlite-wal")
    finally:
        services.close()
    (done,) = run_read_only(folder, db, [("setting", "list")])
    assert done.status == 1
    assert "its last changes are still in carnet.sqlite-wal" in one_line(done.err)
