"""Migration 0014: a row's fingerprint starts with its day, and nothing is imported twice.

A household that imported statements with the previous Carnet, then updates, must be
able to import the same statements again without a single line added twice; so must a
household that loads an export made by the previous Carnet. These tests put a database
(and an export) back in the previous form: fingerprints without their day, and no 0014
in the list of migrations, as the previous Carnet left them.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from carnet.app import Services, build_services
from tests.conftest import TODAY
from tests.services.test_bank import boursobank

MIGRATION = "0014_fingerprint_day"


def _statement(lines: int, start: date) -> bytes:
    rows = [
        (
            (start + timedelta(days=n // 4)).isoformat(),
            ("CARTE MONOPRIX", "VIR SEPA CPAM DE PARIS")[n % 2],  # the same label many times
            f"{n % 7 + 1},50",
        )
        for n in range(lines)
    ]
    return boursobank(rows)


FIRST = _statement(30, date(2026, 1, 5))
SECOND = _statement(12, date(2026, 3, 2))


def _as_before(db_path: Path) -> None:
    """The database as the previous Carnet left it."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        for table in ("bank_transaction", "bank_line_undone"):
            conn.execute(
                f"UPDATE {table} SET fingerprint = substr(fingerprint, 12) WHERE bank_ref = ''"
            )
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [MIGRATION])
    finally:
        conn.close()


def _fingerprints(db_path: Path, table: str) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"SELECT date, fingerprint FROM {table}").fetchall()
    finally:
        conn.close()


def test_an_updated_database_imports_its_old_statements_without_adding_a_line(
    db_path: Path,
) -> None:
    services = build_services(db_path, today=lambda: TODAY)
    services.bank.import_file(FIRST, "january.csv")
    services.bank.import_file(SECOND, "march.csv")
    services.history.undo()  # the March import's lines wait aside (bank_line_undone)
    services.close()
    _as_before(db_path)
    assert all(
        "/" not in fingerprint for _, fingerprint in _fingerprints(db_path, "bank_line_undone")
    )

    services = build_services(db_path, today=lambda: TODAY)  # migrates
    try:
        for table in ("bank_transaction", "bank_line_undone"):
            found = _fingerprints(db_path, table)
            assert found and all(print_.startswith(f"{day}/") for day, print_ in found)
        again = services.bank.import_file(FIRST, "january.csv").value
        assert (again.added, again.duplicates) == (0, 30)
        assert len(services.store.bank.transactions()) == 30
    finally:
        services.close()


def test_an_export_from_before_loads_and_its_statements_add_nothing(tmp_path: Path) -> None:
    source = build_services(tmp_path / "source.sqlite", today=lambda: TODAY)
    try:
        source.bank.import_file(FIRST, "january.csv")
        data = json.loads(source.exports.json())
    finally:
        source.close()
    data["schema"] = [name for name in data["schema"] if name != MIGRATION]
    for row in data["tables"]["bank_transaction"]:
        row["fingerprint"] = row["fingerprint"].partition("/")[2]  # as it was written then

    target: Services = build_services(tmp_path / "target.sqlite", today=lambda: TODAY)
    try:
        target.exports.load_json(json.dumps(data).encode())
        again = target.bank.import_file(FIRST, "january.csv").value
        assert (again.added, again.duplicates) == (0, 30)
    finally:
        target.close()
