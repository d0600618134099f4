"""An undone import's lines wait aside (``bank_line_undone``) for a redo in the same window
session; nothing the household reads may show them, and a JSON export leaves them out.

Found on main: an export made in the session that undid an import still carried its
lines, and a load-json of that export kept them (a later redo would find them again
in a household that had never imported them).
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

from carnet.app import Services, build_services, open_for_window
from carnet.i18n import Translator
from carnet.services.demo import build_demo
from tests.conftest import TODAY
from tests.services.test_bank import boursobank

SRC = Path(__file__).resolve().parents[2] / "src" / "carnet"


def _credits_for_open_payments(window: Services) -> bytes:
    """A statement paying every open AMO payment as the CPAM would, plus the rent."""
    rows = []
    for payment in window.reconciliation.open_payments():
        day = min(max(payment.earliest, TODAY - timedelta(days=30)), TODAY)
        euros, cents = divmod(payment.outstanding_cents, 100)
        rows.append((day.isoformat(), "VIR SEPA CPAM DE PARIS", f"{euros},{cents:02d}"))
    rows.append(((TODAY - timedelta(days=3)).isoformat(), "PRLV LOYER", "-850,00"))
    return boursobank(rows)


def _what_the_household_sees(window: Services) -> dict[str, object]:
    """Every read that lists or counts bank lines."""
    return {
        "lines": window.store.bank.transactions(),
        "imports": window.bank.last_imports(),
        "credits": window.reconciliation.credits(),
        "proposals": window.reconciliation.propose(),
        "dashboard": window.dashboard.summary(),
        "summary": window.reports.summary(date(1900, 1, 1), TODAY),
        "matches": window.exports.csv("matches", Translator("en")),
    }


def test_an_undone_import_shows_nowhere_and_its_export_leaves_it_out(db_path: Path) -> None:
    window = open_for_window(db_path)
    build_demo(window.household, window.care, acts=20, today=TODAY)
    before = _what_the_household_sees(window)
    window.bank.import_file(_credits_for_open_payments(window), "cpam.csv")
    imported = _what_the_household_sees(window)
    assert imported["credits"] != before["credits"]  # the reads do see imported lines
    window.history.undo()
    assert window.store.bank.lines.parked() > 0  # aside, for a redo in this session
    assert _what_the_household_sees(window) == before

    doc = json.loads(window.exports.json())
    assert doc["tables"]["bank_line_undone"] == []
    exported = {row["id"] for row in doc["tables"]["bank_transaction"]}
    assert exported == {line.id for line in window.store.bank.transactions()}
    window.close()

    loaded = build_services(db_path.with_name("loaded.sqlite"))
    loaded.exports.load_json(json.dumps(doc).encode())
    assert loaded.store.bank.lines.parked() == 0
    assert _what_the_household_sees(loaded) == before
    loaded.close()


def test_an_older_export_holding_undone_lines_loads_without_them(tmp_path: Path) -> None:
    """An export made before this fix carries the lines aside: the load drops them."""
    window = open_for_window(tmp_path / "a.sqlite")
    build_demo(window.household, window.care, acts=20, today=TODAY)
    window.bank.import_file(_credits_for_open_payments(window), "cpam.csv")
    window.history.undo()
    parked = window.store.ledger.db.query("SELECT * FROM bank_line_undone")
    doc = json.loads(window.exports.json())
    doc["tables"]["bank_line_undone"] = list(parked)
    assert doc["tables"]["bank_line_undone"]
    seen = window.store.bank.transactions()
    window.close()

    loaded = build_services(tmp_path / "b.sqlite")
    loaded.exports.load_json(json.dumps(doc).encode())
    assert loaded.store.bank.lines.parked() == 0
    assert loaded.store.bank.transactions() == seen
    loaded.close()


def test_only_the_undo_of_an_import_reads_the_lines_aside() -> None:
    """Every read goes to bank_transaction; the table aside is the import's undo alone."""
    allowed = {
        SRC / "storage" / "repos" / "bank_lines.py",  # park, unpark, forget
        SRC / "storage" / "schema.py",  # its migration
        SRC / "storage" / "dump.py",  # left out of an export
    }
    naming = {
        path
        for path in SRC.rglob("*.py")
        if re.search(r"\bbank_line_undone\b", path.read_text(encoding="utf-8"))
    }
    assert naming <= allowed
