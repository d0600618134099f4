"""A database made by an older Carnet is brought up to this build's rules when opened.

Built for real with the migrations up to ``0005_act_count`` (before the parcours was
derived), holding what that Carnet stored: an act that said ``in`` by default and its
assessment with the older figures.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlite_utils import Database, Migrations

from carnet.app import build_services
from carnet.storage.database import MIGRATION_SET
from carnet.storage.schema import MIGRATIONS


def _old_carnet_file(path: Path) -> None:
    old = Migrations(MIGRATION_SET)
    for name, statements in MIGRATIONS[:5]:  # up to 0005_act_count, before 0006_parcours

        def run(db: Database, statements: tuple[str, ...] = statements) -> None:
            for statement in statements:
                db.execute(statement)

        old(name=name)(run)
    db = Database(path)
    old.apply(db)
    conn = db.conn
    conn.execute(
        "INSERT INTO person (id, first_name, last_name, birth_date, registration)"
        " VALUES (1, 'Léa', 'Martin', '1980-05-01', 'registered')"
    )
    conn.execute("INSERT INTO practitioner (id, name, profession) VALUES (1, 'Dr Roux', 'gp')")
    conn.execute(  # parcours left to the old default, "in"
        "INSERT INTO care_act (id, person_id, practitioner_id, date, act_code, fee_cents)"
        " VALUES (1, 1, 1, '2026-02-10', 'G', 3000)"
    )
    conn.execute(  # what the older rules stored: 70 % of €30 less the €2 contribution
        "INSERT INTO assessment (act_id, category, fee_cents, base_cents, amo_rate,"
        " amo_cents, participation_cents, franchise_cents, amc_cents, patient_cents,"
        " depassement_cents, deadline, rules_version)"
        " VALUES (1, 'consultation', 3000, 3000, '0.70', 1900, 200, 0, 0, 1100, 0,"
        " '2028-02-10', 'old')"
    )
    conn.commit()
    db.close()


def _figures(path: Path) -> tuple[object, ...]:
    conn = Database(path).conn
    try:
        return tuple(
            conn.execute(
                "SELECT parcours, base_cents, amo_rate, amo_cents, participation_cents,"
                " amc_cents, patient_cents FROM assessment WHERE act_id = 1"
            ).fetchone()
        )
    finally:
        conn.close()


def _today() -> date:
    return date(2026, 3, 1)


def test_opening_an_upgraded_file_reassesses_every_act_once(tmp_path: Path) -> None:
    old_path = tmp_path / "old.sqlite"
    _old_carnet_file(old_path)
    build_services(old_path, _today).close()  # what the CLI and the window open with

    # service-public F168 (parcours de soins): out of the parcours, 30 % of the €30
    # base, less the €2 participation forfaitaire; the rest is the patient's.
    assert _figures(old_path) == ("out", 3000, "0.30", 700, 200, 0, 2300)
    services = build_services(old_path, _today)
    try:
        assert not services.store.reassess_pending()  # once: the next opening leaves it
        act = services.care.act(1)
    finally:
        services.close()
    assert act.parcours is None  # still worked out from the médecin traitant
