"""The derived parcours through the CLI, as the worked examples kept outside run it.

`carnet estimate` tries the parcours without a database (``--doctor``,
``--profession``, ``--specialty``); ``person add --doctor-id/--doctor-since`` then
``act add`` without ``--parcours`` and ``act show --json`` on a real file.
Figures: G 30 €, CS + MCS 31.50 €, 70 % / 30 %, PF 2 € (the rule tables; docs/rules.md §3).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from carnet.cli.estimate import estimate

from .test_cli import run


def _estimate(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(estimate, ["--date", "2026-03-02", "--json", *args])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize(
    ("args", "amo", "parcours", "reason"),
    [
        # The practitioner is the médecin traitant (the default): 30 × 70 % − 2.
        (("--act", "G", "--fee", "30"), "19.00", "in", "Your médecin traitant"),
        # Another GP: out, 30 × 30 % − 2.
        (("--act", "G", "--fee", "30", "--doctor", "no"), "7.00", "out", "not your médecin"),
        (("--act", "G", "--fee", "30", "--doctor", "none"), "7.00", "out", "No médecin traitant"),
        # A specialist for someone with a médecin traitant: assumed referred, 31.50 × 70 % − 2.
        (("--act", "CS", "--fee", "31.50", "--doctor", "no"), "20.05", "in", "assumed referred"),
        # Direct access (gynaecology) needs a médecin traitant: (40 − 5) × 30 % − 2.
        (("--act", "GYN", "--fee", "40", "--doctor", "none"), "8.50", "out", "needs a declared"),
        (("--act", "GYN", "--fee", "40", "--doctor", "no"), "26.00", "direct", "Direct access"),
        # An ophthalmologist billing CS: direct access by its specialty, 31.50 × 70 % − 2.
        (
            ("--act", "CS", "--fee", "31.50", "--specialty", "ophthalmology", "--doctor", "no"),
            "20.05",
            "direct",
            "Direct access",
        ),
        # Psychiatry 16-25: direct access; at 30, a referral is assumed.
        (("--act", "CNPSY", "--fee", "57", "--age", "20", "--doctor", "no"), "37.90", "direct", ""),
        (("--act", "CNPSY", "--fee", "57", "--age", "30", "--doctor", "no"), "37.90", "in", ""),
        # Under 16: no penalty even without a médecin traitant (no PF under 18): 30 × 70 %.
        (("--act", "G", "--fee", "30", "--age", "10", "--doctor", "none"), "21.00", "in", "Under"),
        # Dentists are outside the parcours rules: 23 × 60 %.
        (("--act", "C", "--fee", "23", "--doctor", "none"), "13.80", None, "outside the parcours"),
        # An explicit parcours always wins.
        (("--act", "G", "--fee", "30", "--doctor", "none", "--parcours", "in"), "19.00", "in", ""),
        (
            ("--act", "G", "--fee", "30", "--doctor", "no", "--parcours", "replacement"),
            "19.00",
            "replacement",
            "replacement",
        ),
    ],
)
def test_estimate_derives_the_parcours(
    args: tuple[str, ...], amo: str, parcours: str | None, reason: str
) -> None:
    data = _estimate(*args)
    assert (data["amo"], data["parcours"]) == (amo, parcours)
    assert reason in str(data["parcours_reason"])


def test_explanation_names_the_act_not_internal_codes() -> None:
    data = _estimate("--act", "CS", "--fee", "31.50", "--amc-percent", "200")
    text = " ".join(str(line) for line in data["explanation"])  # type: ignore[attr-defined]
    assert "CS_MCS" not in text and "Specialist consultation" in text
    # Why a contract "at 200 %" pays what it pays: 200 % of 31.50 less the AMO's 22.05.
    assert "A contract at 200% of the base covers up to €63.00 in all" in text
    assert "the AMO's €22.05 at the usual rate included" in text


def test_household_with_doctor_declared_late_and_changed(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"

    def new(*args: str) -> str:
        return run(db, *args).stdout.strip()

    first = new("practitioner", "add", "--name", "Dr Martin", "--profession", "gp")
    second = new("practitioner", "add", "--name", "Dr Petit", "--profession", "gp")
    person = new("person", "add", "--first-name", "Ana", "--last-name", "Silva")

    def act(day: str, doctor: str) -> dict[str, object]:
        ident = new("act", "add", "--person", person, "--practitioner", doctor, "--date", day,
                    "--code", "G", "--fee", "30")  # fmt: skip
        shown: dict[str, object] = json.loads(run(db, "act", "show", ident, "--json").stdout)
        return shown

    january = act("2026-01-15", first)
    assert january["parcours_stated"] is None  # not stated: derived ...
    assert january["parcours"] == "out"  # ... on the act's date: no médecin traitant yet
    assert "No médecin traitant declared on 15 Jan 2026" in str(january["parcours_reason"])
    assessment = january["assessment"]
    assert isinstance(assessment, dict)
    assert (assessment["amo"], assessment["parcours"]) == ("7.00", "out")
    run(db, "person", "edit", person, "--first-name", "Ana", "--last-name", "Silva",
        "--doctor-id", first, "--doctor-since", "2026-02-01")  # fmt: skip
    run(db, "person", "edit", person, "--first-name", "Ana", "--last-name", "Silva",
        "--doctor-id", second, "--doctor-since", "2026-06-01")  # fmt: skip
    march, july = act("2026-03-10", first), act("2026-07-10", first)
    assert march["assessment"]["amo"] == "19.00"  # type: ignore[index]
    assert july["assessment"]["amo"] == "7.00"  # type: ignore[index]
    shown = json.loads(run(db, "person", "show", person, "--json").stdout)
    assert shown["doctor_id"] == int(second) and shown["doctor_since"] == "2026-06-01"
    assert shown["doctor_history"] == [
        {"doctor_id": int(first), "since": "2026-02-01", "until": "2026-05-31"},
        {"doctor_id": int(second), "since": "2026-06-01", "until": None},
    ]
    todo = json.loads(run(db, "todo", "--json").stdout)
    assert not [item for item in todo if item["kind"] == "doctor"]


def test_todo_lists_adults_without_a_doctor(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    run(db, "person", "add", "--first-name", "Ana", "--last-name", "Silva",
        "--birth-date", "1990-01-01")  # fmt: skip
    run(db, "person", "add", "--first-name", "Léo", "--last-name", "Silva",
        "--birth-date", "2020-01-01")  # fmt: skip
    todo = json.loads(run(db, "todo", "--json").stdout)
    doctors = [item["text"] for item in todo if item["kind"] == "doctor"]
    assert len(doctors) == 1 and "Ana Silva" in doctors[0]


def test_reassess_brings_stored_figures_up_to_date(tmp_path: Path) -> None:
    """An act stored as "in" by an older Carnet (the old default) is derived again."""
    import sqlite3  # noqa: PLC0415

    db = tmp_path / "c.sqlite"
    gp = run(db, "practitioner", "add", "--name", "Dr Martin", "--profession", "gp").stdout
    person = run(db, "person", "add", "--first-name", "Ana", "--last-name", "Silva").stdout
    act = run(db, "act", "add", "--person", person.strip(), "--practitioner", gp.strip(),
              "--date", "2026-03-02", "--code", "G", "--fee", "30").stdout.strip()  # fmt: skip
    with sqlite3.connect(db) as conn:  # as an older version left it: assessed within
        conn.execute("UPDATE assessment SET amo_cents = 1900, amc_cents = 900, patient_cents = 200")
    assert run(db, "act", "reassess").stdout.strip() == "1 acts reassessed"
    shown = json.loads(run(db, "act", "show", act, "--json").stdout)
    assert (shown["amo"], shown["parcours"]) == ("7.00", "out")
