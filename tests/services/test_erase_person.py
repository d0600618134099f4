"""Forgetting a person: their identifying data leaves the record and the whole history."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from carnet.app import build_services
from carnet.domain.ids import PersonId
from carnet.domain.people import PersonInput
from tests.cli.test_cli import run

NIR = "288039913204516"


def _history_text(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT coalesce(before, ''), coalesce(after, '') FROM event")
        return "\n".join(b + a for b, a in rows)
    finally:
        conn.close()


def test_erasing_a_person_rewrites_their_history_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "carnet.sqlite"
    person = run(
        db,
        *("person", "add", "--first-name", "Sarah", "--last-name", "Thompson"),
        *("--birth-date", "1988-03-14", "--nir", NIR, "--notes", "allergic to penicillin"),
    ).stdout.strip()
    run(db, "person", "edit", person, "--last-name", "Thomson-Martin")
    run(db, "act", "add", "--person", person, "--date", "2025-03-01", "--code", "G", "--fee", "30")
    history = _history_text(db)
    assert NIR in history and "Thomson-Martin" in history and "penicillin" in history

    refused = run(db, "person", "erase", person, check=False)  # no answer: nothing done
    assert refused.returncode == 1
    assert NIR in _history_text(db)

    run(db, "person", "erase", person, "--yes")
    history = _history_text(db)
    for secret in (NIR, "Sarah", "Thompson", "Thomson-Martin", "1988-03-14", "penicillin"):
        assert secret not in history
    shown = json.loads(run(db, "person", "show", person, "--json").stdout)
    assert (shown["first_name"], shown["last_name"]) == ("Erased", f"#{person}")
    assert shown["nir"] is None and shown["birth_date"] is None and shown["notes"] == ""
    assert len(json.loads(run(db, "act", "list", "--json").stdout)) == 1  # the act stays
    # The history is append-only again afterwards.
    conn = sqlite3.connect(db)
    try:
        try:
            conn.execute("UPDATE event SET action = 'x'")
        except sqlite3.IntegrityError as exc:
            assert "append-only" in str(exc)
        else:
            raise AssertionError("the history could be edited after an erasure")
    finally:
        conn.close()


def test_an_erasure_cannot_be_undone_into_the_old_data(tmp_path: Path) -> None:
    services = build_services(tmp_path / "carnet.sqlite")
    sarah = services.household.add_person(PersonInput("Sarah", "Thompson", nir=NIR)).value
    services.household.erase_identity(sarah.id)
    services.history.undo()  # takes back nothing identifying: the entry holds no data
    assert services.household.person(PersonId(sarah.id)).nir is None
    services.close()
    assert NIR not in _history_text(tmp_path / "carnet.sqlite")
