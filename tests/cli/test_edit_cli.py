"""CLI edits change only the options given: what is left out stays as it was."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.cli.test_cli import run


def _household(db: Path) -> tuple[str, str]:
    doctor = run(db, "practitioner", "add", "--name", "Dr Claire Martin", "--profession", "gp")
    person = run(
        db,
        *("person", "add", "--first-name", "Sarah", "--last-name", "Thomson"),
        *("--birth-date", "1988-03-14", "--nir", "2 88 03 99 132 045 16"),
        *("--cpam", "CPAM de Paris", "--doctor-id", doctor.stdout.strip(), "--ald", "--vitale"),
    )
    return person.stdout.strip(), doctor.stdout.strip()


def test_person_edit_keeps_every_field_not_given(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    person_id, doctor_id = _household(db)
    run(
        db,
        "act",
        "add",
        "--person",
        person_id,
        "--date",
        "2025-03-01",
        "--code",
        "G",
        "--fee",
        "30",
        "--practitioner",
        doctor_id,
    )
    before = json.loads(run(db, "person", "show", person_id, "--json").stdout)
    stamp = _assessment_stamps(db)
    run(db, "person", "edit", person_id, "--first-name", "Sarah", "--last-name", "Thompson")
    after = json.loads(run(db, "person", "show", person_id, "--json").stdout)
    assert after == {**before, "last_name": "Thompson"}
    assert after["nir"] == "288039913204516" and after["doctor_id"] == int(doctor_id)
    # A new name changes no expected amount: the acts are not reassessed.
    assert _assessment_stamps(db) == stamp


def test_person_edit_changes_what_is_given(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    person_id, _ = _household(db)
    run(db, "person", "edit", person_id, "--no-ald", "--notes", "allergic")
    after = json.loads(run(db, "person", "show", person_id, "--json").stdout)
    assert (after["ald"], after["notes"], after["vitale"]) == (False, "allergic", True)
    assert after["cpam"] == "CPAM de Paris" and after["birth_date"] == "1988-03-14"


def test_practitioner_edit_keeps_every_field_not_given(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    doctor = run(
        db,
        "practitioner",
        "add",
        "--name",
        "Dr Claire Martin",
        "--profession",
        "specialist",
        "--specialty",
        "dermatology",
        "--sector",
        "2-optam",
        "--rpps",
        "10003123451",
        "--language",
        "en",
    ).stdout.strip()
    before = json.loads(run(db, "practitioner", "list", "--json").stdout)[0]
    run(db, "practitioner", "edit", doctor, "--address", "3 rue Lepic, Paris")
    after = json.loads(run(db, "practitioner", "list", "--json").stdout)[0]
    assert after == {**before, "address": "3 rue Lepic, Paris"}


def _assessment_stamps(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT * FROM assessment ORDER BY act_id").fetchall()
    finally:
        conn.close()


def test_act_edit_keeps_every_field_not_given(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    person_id, doctor_id = _household(db)
    act_id = run(
        db,
        *("act", "add", "--person", person_id, "--practitioner", doctor_id),
        *("--date", "2025-03-01", "--code", "G", "--fee", "30", "--channel", "paper"),
        *("--parcours", "out", "--notes", "a cold"),
    ).stdout.strip()
    before = json.loads(run(db, "act", "show", act_id, "--json").stdout)
    run(db, "act", "edit", act_id, "--notes", "a bad cold")
    after = json.loads(run(db, "act", "show", act_id, "--json").stdout)
    assert [h["action"] for h in after.pop("history")] == ["created", "edited"]
    before.pop("history")
    assert after == {**before, "notes": "a bad cold"}
    run(db, "act", "edit", act_id, "--fee", "35")
    changed = json.loads(run(db, "act", "show", act_id, "--json").stdout)
    assert changed["fee"] == "35.00" and changed["channel"] == before["channel"]
    assert (changed["practitioner_id"], changed["notes"]) == (
        before["practitioner_id"],
        "a bad cold",
    )
