"""Messages that misled: a read-only place and a full disk were both "in use by another
program", and a write blocked by a long import blamed "another Carnet window"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from carnet.app import Services
from carnet.domain.errors import DatabaseFileError, DatabaseLockedError
from carnet.domain.people import PersonInput
from carnet.storage import database
from tests.hostile.common import one_line, snapshot


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        ("attempt to write a readonly database", "read-only"),
        ("unable to open database file", "read-only"),
        ("database or disk is full", "disk holding"),
    ],
)
def test_what_sqlite_says_is_told_as_what_it_means(reason: str, words: str) -> None:
    meaning = database._file_problem  # the mapping alone: as root nothing is read-only
    problem = meaning(Path("/x/carnet.sqlite"), sqlite3.OperationalError(reason))
    assert isinstance(problem, DatabaseFileError)
    text = one_line(str(problem))
    assert words in text and "another program" not in text


def test_a_write_blocked_by_a_long_import_says_so(services: Services, db_path: Path) -> None:
    services.store.ledger.conn.execute("PRAGMA busy_timeout = 50")  # not ten seconds here
    importer = sqlite3.connect(db_path)
    importer.execute("BEGIN IMMEDIATE")  # another Carnet writing a long statement
    before = snapshot(db_path)
    try:
        with pytest.raises(DatabaseLockedError) as caught:
            services.household.add_person(PersonInput("Sarah", "Thompson"))
    finally:
        importer.rollback()
        importer.close()
    text = one_line(str(caught.value))
    assert "import" in text and "window" in text
    assert snapshot(db_path) == before
