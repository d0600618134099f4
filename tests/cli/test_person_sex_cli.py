"""``carnet person add/edit --sex``: stored, shown, and checked against the number like the
window does (a warning on stderr, the person saved all the same)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import run

# A woman born in March 1988 in the United Kingdom (99 132); docs/domain-fr.md §8.
NIR = "2 88 03 99 132 045 16"


def test_the_sex_is_given_shown_and_cross_checked(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    added = run(
        db,
        *("person", "add", "--first-name", "Sarah", "--last-name", "Thompson"),
        *("--birth-date", "1988-03-14", "--nir", NIR, "--sex", "male"),
    )
    person_id = added.stdout.strip()
    assert added.stderr == (
        "carnet: warning: nir: the first digit (2) is a woman's, but the person is stated as male\n"
    )
    shown = json.loads(run(db, "person", "show", person_id, "--json").stdout)
    assert (shown["sex"], shown["nir"]) == ("male", "288039913204516")
    edited = run(db, "person", "edit", person_id, "--sex", "female")
    assert edited.stderr == ""
    assert json.loads(run(db, "person", "show", person_id, "--json").stdout)["sex"] == "female"
    # An edit that leaves --sex out keeps it.
    run(db, "person", "edit", person_id, "--notes", "allergic")
    assert json.loads(run(db, "person", "show", person_id, "--json").stdout)["sex"] == "female"


def test_the_sex_defaults_to_not_stated_and_refuses_other_words(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    person_id = run(db, "person", "add", "--first-name", "Léa", "--last-name", "Martin").stdout
    shown = json.loads(run(db, "person", "show", person_id.strip(), "--json").stdout)
    assert shown["sex"] == "not-stated"
    refused = run(db, "person", "add", "--first-name", "A", "--sex", "F", check=False)
    assert refused.returncode == 2 and "'F' is not one of" in refused.stderr
