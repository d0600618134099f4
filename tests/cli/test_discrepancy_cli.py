"""The commands external scenarios use: act received, discrepancy list/accept, letter
reclamation, on a real database file through the installed entry point."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from tests.cli.test_cli import run, table_counts


def household(db: Path) -> None:
    run(db, "practitioner", "add", "--name", "Dr Martin", "--profession", "gp", "--sector", "1")
    run(db, "person", "add", "--first-name", "Anne", "--last-name", "Durand",
        "--birth-date", "1980-01-01", "--doctor-id", "1", "--cpam", "CPAM de Paris")  # fmt: skip
    for day in ("2026-03-02", "2026-03-03"):
        run(db, "act", "add", "--person", "1", "--practitioner", "1", "--date", day,
            "--code", "G", "--fee", "30")  # fmt: skip


def test_received_amounts_make_discrepancies_with_their_cause(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    household(db)
    run(db, "act", "received", "1", "--payer", "cpam", "--amount", "7.00", "--date", "2026-03-20")
    run(db, "act", "received", "2", "--payer", "cpam", "--amount", "19", "--date", "2026-03-20")
    (found,) = json.loads(run(db, "discrepancy", "list", "--json").stdout)
    assert {k: found[k] for k in ("act_id", "payer", "expected", "received", "difference")} == {
        "act_id": 1,
        "payer": "cpam",
        "expected": "19.00",
        "received": "7.00",
        "difference": "12.00",
    }
    assert found["cause"] == "parcours"
    assert "outside the parcours de soins" in found["explanation"]
    run(db, "setting", "set", "household.address", "12 rue des Lilas\n75011 Paris")
    out = tmp_path / "r.pdf"
    run(db, "letter", "reclamation", "1", "--out", str(out))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "02/03/2026" in text and "19,00 €" in text and "7,00 €" in text
    run(db, "discrepancy", "accept", str(found["id"]))
    assert json.loads(run(db, "discrepancy", "list", "--json").stdout) == []
    shown = json.loads(run(db, "act", "show", "1", "--json").stdout)
    assert shown["expected_payments"][0]["amount"] == "7.00"
    assert "decided to pay €7.00 instead of €19.00" in shown["assessment"]["explanation"][-1]


def test_bad_input_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    household(db)
    before = table_counts(db)
    done = run(db, "act", "received", "1", "--payer", "cpam", "--amount", "-3", check=False)
    assert done.returncode != 0
    late = run(db, "act", "received", "9", "--payer", "cpam", "--amount", "3", check=False)
    assert late.returncode == 1 and "no act with id 9" in late.stderr
    early = ("act", "received", "1", "--payer", "cpam", "--amount", "3", "--date", "2026-01-01")
    refused = run(db, *early, check=False)
    assert refused.returncode == 1 and "before the care" in refused.stderr
    after = table_counts(db)
    assert {k: v for k, v in after.items() if k != "operation"} == {
        k: v for k, v in before.items() if k != "operation"
    }
    assert json.loads(run(db, "discrepancy", "list", "--json").stdout) == []
