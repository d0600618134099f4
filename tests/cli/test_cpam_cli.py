"""``carnet cpam list`` and ``--cpam`` by département number, town or name."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import run


def test_cpam_list_json_and_search(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    caisses = json.loads(run(db, "cpam", "list", "--json").stdout)
    assert len(caisses) >= 100
    assert not db.exists()  # listing the shipped directory creates no database
    rhone = json.loads(run(db, "cpam", "list", "--json", "69").stdout)
    assert [c["name"] for c in rhone] == ["CPAM du Rhône"]
    assert rhone[0]["address"] == ["69907 Lyon Cedex 20"]
    assert {"source", "confidence", "postcode", "city"} <= set(rhone[0])
    # Where the address was read, and when.
    assert (rhone[0]["evidence"], rhone[0]["checked"]) == ("third-party", "2026-12-06")
    mayotte = json.loads(run(db, "cpam", "list", "--json", "976").stdout)
    assert (mayotte[0]["evidence"], mayotte[0]["checked"]) == ("memory", None)
    assert mayotte[0]["confidence"] == "low" and mayotte[0]["note"]
    text = run(db, "cpam", "list", "59").stdout
    assert "CPAM de Roubaix-Tourcoing" in text and "CPAM du Hainaut" in text


def test_person_cpam_by_departement_number(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    new_id = run(db, "person", "add", "--first-name", "Léa", "--last-name", "Roux", "--cpam", "69")
    people = json.loads(run(db, "person", "list", "--json").stdout)
    assert [p["cpam"] for p in people if str(p["id"]) == new_id.stdout.strip()] == ["CPAM du Rhône"]
    refused = run(
        db,
        "person",
        "add",
        "--first-name",
        "Tom",
        "--last-name",
        "Roux",
        "--cpam",
        "59",
        check=False,
    )
    assert refused.returncode == 1
    assert "several caisses" in refused.stderr and "CPAM des Flandres" in refused.stderr
    assert len(json.loads(run(db, "person", "list", "--json").stdout)) == 1
