"""Undo refuses to overwrite what another Carnet process changed since (two processes)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from carnet.app import build_services
from carnet.cli.person import as_input as current
from carnet.domain.errors import ValidationError
from carnet.domain.ids import PersonId
from carnet.services.demo import build_demo
from tests.cli.test_cli import run


def _settlements(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM settlement").fetchone()[0])
    finally:
        conn.close()


def test_undo_refuses_when_a_command_changed_the_person_since(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    run(db, "demo", "--acts", "10")
    window = build_services(db)  # what the window holds: its own undo stack
    household = window.household
    sarah = next(p for p in household.people() if p.first_name == "Sarah")
    household.edit_person(sarah.id, replace(current(sarah), notes="from the window"))
    run(db, "person", "edit", str(sarah.id), "--notes", "from the command line")
    with pytest.raises(ValidationError, match=r"Cannot undo “Edit person”.*person #\d+.*changed"):
        window.history.undo()
    assert household.person(PersonId(sarah.id)).notes == "from the command line"
    window.close()


def test_undo_goes_through_when_nobody_else_touched_the_records(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    run(db, "demo", "--acts", "10")
    window = build_services(db)
    household = window.household
    sarah = next(p for p in household.people() if p.first_name == "Sarah")
    household.edit_person(sarah.id, replace(current(sarah), notes="first"))
    household.edit_person(sarah.id, replace(current(household.person(sarah.id)), notes="second"))
    run(db, "person", "edit", str(sarah.id + 1), "--notes", "someone else")  # another person
    window.history.undo()
    window.history.undo()
    assert household.person(sarah.id).notes == sarah.notes
    window.history.redo()
    assert household.person(sarah.id).notes == "first"
    window.close()


def test_undoing_an_import_after_a_command_reconciled_it_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    window = build_services(db)
    # One operation, whose last step imports a bank statement (the demo is all or nothing).
    build_demo(window.household, window.care, acts=60)
    label = window.history.undo_label()
    assert label is not None
    run(db, "reconcile", "--apply")
    settled = _settlements(db)
    assert settled > 0
    with pytest.raises(ValidationError, match=rf"Cannot undo “{label}”.*bank match"):
        window.history.undo()
    assert _settlements(db) == settled  # every match still has its transaction
    window.close()
