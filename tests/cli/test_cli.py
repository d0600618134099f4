"""The ``carnet`` command as a user runs it: a real process, a real database file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def run(db: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CARNET_DB"}
    done = subprocess.run(
        [sys.executable, "-m", "carnet", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"carnet {' '.join(args)} failed: {done.stderr}")
    return done


def table_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f"SELECT count(*) FROM [{n}]").fetchone()[0] for n in names}
    finally:
        conn.close()


def test_demo_then_act_list_json(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    out = run(db, "demo", "--acts", "40").stdout
    assert "4 people" in out
    acts = json.loads(run(db, "act", "list", "--json").stdout)
    assert len(acts) == 40
    first = acts[0]
    assert set(first) >= {"id", "date", "person", "act_code", "fee", "amo", "amc", "patient"}
    assert first["fee"].count(".") == 1 and len(first["fee"].split(".")[1]) == 2
    dates = [a["date"] for a in acts]
    assert dates == sorted(dates, reverse=True)
    people = json.loads(run(db, "person", "list", "--json").stdout)
    assert {p["first_name"] for p in people} == {"Sarah", "David", "Léa", "Tom"}
    assert any(p["nir"] is None and p["registration"] == "attestation-pending" for p in people)


def test_person_practitioner_act_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    doctor = run(db, "practitioner", "add", "--name", "Dr Claire Martin", "--profession", "gp")
    sarah = run(
        db,
        "person",
        "add",
        "--first-name",
        "Sarah",
        "--last-name",
        "Thompson",
        "--birth-date",
        "1988-03-14",
        "--nir",
        "2 88 03 99 132 045 16",
        "--doctor-id",
        doctor.stdout.strip(),
    )
    act_id = run(
        db,
        "act",
        "add",
        "--person",
        sarah.stdout.strip(),
        "--practitioner",
        doctor.stdout.strip(),
        "--date",
        "2025-03-01",
        "--code",
        "G",
        "--fee",
        "30",
    ).stdout.strip()
    shown = json.loads(run(db, "act", "show", act_id, "--json").stdout)
    assert shown["fee"] == "30.00"
    assert shown["practitioner"] == "Dr Claire Martin"
    assert shown["assessment"]["amo"] == "19.00"
    assert shown["assessment"]["amo_rate"] == "0.70"
    assert [p["payer"] for p in shown["expected_payments"]] == ["amo"]
    assert shown["history"][0]["action"] == "created"
    person = json.loads(run(db, "person", "show", sarah.stdout.strip(), "--json").stdout)
    assert person["nir"] == "288039913204516"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("person", "add", "--first-name", "A", "--last-name", "B", "--nir", "123"), "nir"),
        (
            (
                "person",
                "add",
                "--first-name",
                "A",
                "--last-name",
                "B",
                "--birth-date",
                "1990-13-01",
            ),
            "--birth-date",
        ),
        (
            ("person", "add", "--first-name", "A", "--last-name", "B", "--insured-id", "9"),
            "insured_id",
        ),
        (
            (
                "act",
                "add",
                "--person",
                "1",
                "--date",
                "2025-01-01",
                "--code",
                "G",
                "--fee",
                "3,333",
            ),
            "--fee",
        ),
        (
            ("act", "add", "--person", "7", "--date", "2025-01-01", "--code", "G", "--fee", "30"),
            "person",
        ),
        (
            ("act", "add", "--person", "1", "--date", "2025-01-01", "--code", "G", "--fee", "-3"),
            "fee",
        ),
        (("act", "show", "99"), "no act with id 99"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    tmp_path: Path, args: tuple[str, ...], needle: str
) -> None:
    db = tmp_path / "bad.sqlite"
    run(db, "person", "add", "--first-name", "Sarah", "--last-name", "Thompson")
    before = table_counts(db)
    done = run(db, *args, check=False)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("carnet: error:")
    assert needle in lines[0]
    assert "Traceback" not in done.stderr
    assert table_counts(db) == before


def test_db_option_after_the_command(tmp_path: Path) -> None:
    """The issue's own example: ``carnet demo --db FILE`` then ``carnet --db FILE act list``."""
    db = tmp_path / "after.sqlite"
    env = {k: v for k, v in os.environ.items() if k != "CARNET_DB"}
    subprocess.run(
        [sys.executable, "-m", "carnet", "demo", "--db", str(db), "--acts", "5"],
        check=True,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert len(json.loads(run(db, "act", "list", "--json").stdout)) == 5


def test_carnet_db_environment_variable(tmp_path: Path) -> None:
    db = tmp_path / "env.sqlite"
    env = {**os.environ, "CARNET_DB": str(db)}
    subprocess.run(
        [sys.executable, "-m", "carnet", "person", "add", "--first-name", "A", "--last-name", "B"],
        check=True,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert db.exists()


def test_newer_database_is_refused_with_a_message(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite"
    run(db, "demo", "--acts", "0")
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('carnet', '9999_future', 'x')"
    )
    conn.commit()
    conn.close()
    done = run(db, "person", "list", check=False)
    assert done.returncode == 1
    assert "newer version of Carnet" in done.stderr


def test_feuille_commands(tmp_path: Path) -> None:
    db = tmp_path / "f.sqlite"
    person = run(
        db,
        "person",
        "add",
        "--first-name",
        "Sarah",
        "--last-name",
        "T",
        "--nir",
        "2 88 03 99 132 045 16",
    ).stdout.strip()
    run(
        db,
        "act",
        "add",
        "--person",
        person,
        "--date",
        "2026-10-01",
        "--code",
        "G",
        "--fee",
        "30",
        "--channel",
        "paper",
    )
    [feuille] = json.loads(run(db, "feuille", "list", "--json").stdout)
    assert (feuille["status"], feuille["deadline"]) == ("to-sign", "2028-12-31")
    assert "is now signed" in run(db, "feuille", "sign", str(feuille["id"])).stdout
    done = run(db, "feuille", "sign", str(feuille["id"]), check=False)
    assert done.returncode == 1
    assert "cannot sign a feuille that is signed" in done.stderr
    assert json.loads(run(db, "feuille", "warnings", "--json").stdout) == []
