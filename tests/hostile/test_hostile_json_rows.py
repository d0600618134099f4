"""Hostile rows in the tables no form writes: imports, the history, assessments, deductions.

Found on main: load-json checked these rows for shape only. A statement import of
-5 lines or dated 0001-01-01, an event whose time was "not a time" (the history view
then failed to read it), an entity of control characters, an assessment of "lots" of
cents or of an act that does not exist, a deduction of 10^13 € or dated 2024-02-30
were all loaded with exit 0. Each is now refused naming the table, the row and the
field, and the database it was loaded into stays as it was, row for row.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from carnet.app import build_services
from carnet.services.demo import build_demo
from tests.conftest import TODAY
from tests.hostile.common import load_refused

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Doc:
    """A demo's export: its statement import, history, assessments and deductions."""
    services = build_services(tmp_path_factory.mktemp("rows") / "a.sqlite", today=lambda: TODAY)
    build_demo(services.household, services.care, acts=30, today=TODAY)
    data: Doc = json.loads(services.exports.json())
    services.close()
    for table in ("statement_import", "event", "assessment", "deduction_ledger"):
        assert data["tables"][table], f"the demo has no {table} row to spoil"
    return data


SHA = "ab" * 32
# (name, table, column, value, words the message must hold after "table T, row 1")
ROW_CASES: list[tuple[str, str, str, object, str]] = [
    ("import of -5 lines", "statement_import", "added", -5, "added: -5 is not a count"),
    ("import of 10^12 duplicates", "statement_import", "duplicates", 10**12, "duplicates:"),
    ("import in year 1", "statement_import", "first_date", "0001-01-01", "first_date: 0001-01-01"),
    ("import in 9999", "statement_import", "last_date", "9999-12-31", "last_date: 9999-12-31"),
    ("import dated 30 February", "statement_import", "first_date", "2024-02-30", "unreadable"),
    ("import ends before it starts", "statement_import", "first_date", "2026-11-27", "last_date"),
    (
        "import format with a bell",
        "statement_import",
        "format",
        "csv\x07",
        "format: holds a control",
    ),
    ("import format blank", "statement_import", "format", "  ", "format:"),
    ("import format of 10 000 chars", "statement_import", "format", "x" * 10_000, "format:"),
    ("import checksum not hex", "statement_import", "file_sha256", "zz" * 32, "file_sha256"),
    ("import file name reversed", "statement_import", "file_name", "\u202ecod.exe", "file_name"),
    ("import count in words", "statement_import", "added", "many", "added is not a whole"),
    ("event at no time", "event", "at", "not a time", "at: 'not a time' is not a date"),
    ("event in year 3000", "event", "at", "3000-01-01T00:00:00Z", "at: 3000-01-01"),
    ("event entity of controls", "event", "entity", "\x07\x08", "entity:"),
    ("event entity as a path", "event", "entity", "../person", "is not a kind of record"),
    ("event id negative", "event", "entity_id", -3, "entity_id"),
    ("event action on two lines", "event", "action", "created\nrm -rf", "action: must be on one"),
    ("event action blank", "event", "action", "", "action:"),
    ("event source unknown", "event", "source", "hacker", "source: 'hacker' is not user"),
    ("event before not an object", "event", "before", "[1, 2]", "before is not a JSON object"),
    ("assessment fee in words", "assessment", "fee_cents", "lots", "fee_cents is not a whole"),
    ("assessment of a missing act", "assessment", "act_id", 9999, "act_id: no act with id 9999"),
    ("assessment share negative", "assessment", "amo_cents", -1, "amo_cents: must not be"),
    ("assessment shares not the fee", "assessment", "patient_cents", 1, "not the sum"),
    ("assessment of 10^15 cents", "assessment", "depassement_cents", 10**15, "100 000"),
    ("assessment category reversed", "assessment", "category", "\u202egp", "category"),
    ("assessment rate of 7", "assessment", "amo_rate", "7", "amo_rate"),
    ("assessment rate NaN", "assessment", "amo_rate", "NaN", "amo_rate"),
    ("assessment deadline in year 1", "assessment", "deadline", "0001-01-01", "deadline"),
    ("assessment confidence", "assessment", "confidence", "certain", "confidence: 'certain'"),
    ("assessment parcours", "assessment", "parcours", "moon", "parcours: 'moon'"),
    ("assessment explanation junk", "assessment", "explanation", "[[1, 2]]", "explanation: unread"),
    ("assessment explanation code", "assessment", "explanation", "[[1, {}]]", "explanation:"),
    (
        "assessment explanation code bell",
        "assessment",
        "explanation",
        '[["a\\u0007", {}]]',
        "control",
    ),
    ("assessment unknown column", "assessment", "bonus", 1, "unknown column"),
    ("deduction of 10^13 €", "deduction_ledger", "amount_cents", 10**15, "amount_cents: is more"),
    ("deduction negative", "deduction_ledger", "amount_cents", -100, "deduction_ledger, row 1"),
    ("deduction on 30 February", "deduction_ledger", "date", "2024-02-30", "date: '2024-02-30'"),
    ("deduction in 1800", "deduction_ledger", "date", "1800-01-01", "date: 1800-01-01 is not"),
    ("deduction in the wrong year", "deduction_ledger", "year", 1, "year: is not the year"),
    ("deduction kind unknown", "deduction_ledger", "kind", "bribe", "kind"),
    ("deduction of an act recovered", "deduction_ledger", "kind", "recovered", "kind:"),
    ("deduction year in words", "deduction_ledger", "year", "2024", "year is not a whole"),
]

# Links to rows that do not exist: found once every table is in (a row may come first).
LINK_CASES: list[tuple[str, str, str, object, str]] = [
    ("import of a missing account", "statement_import", "account_id", 999, "account_id points"),
    ("event of a missing operation", "event", "op", 999, "op points to a missing operation"),
    ("deduction of a missing person", "deduction_ledger", "person_id", 999, "person_id points"),
    ("deduction of a missing act", "deduction_ledger", "act_id", 9999, "act_id points"),
]


def _spoiled(export: Doc, table: str, column: str, value: object) -> bytes:
    doc = copy.deepcopy(export)
    doc["tables"][table][0][column] = value
    return json.dumps(doc).encode()


@pytest.mark.parametrize("case", ROW_CASES, ids=[c[0] for c in ROW_CASES])
def test_a_hostile_row_names_its_table_row_and_field(
    tmp_path: Path, export: Doc, case: tuple[str, str, str, object, str]
) -> None:
    _name, table, column, value, words = case
    message = load_refused(tmp_path, _spoiled(export, table, column, value))
    assert message.startswith(f"table {table}, row 1: ") and words in message, message


@pytest.mark.parametrize("case", LINK_CASES, ids=[c[0] for c in LINK_CASES])
def test_a_link_to_nothing_names_its_table_row_and_field(
    tmp_path: Path, export: Doc, case: tuple[str, str, str, object, str]
) -> None:
    _name, table, column, value, words = case
    message = load_refused(tmp_path, _spoiled(export, table, column, value))
    assert message.startswith(f"table {table}, the row with id ") and words in message, message


def test_a_recovered_deduction_needs_no_act(tmp_path: Path, export: Doc) -> None:
    """What a confirmed transfer writes (kind recovered, a transaction, no act) loads."""
    doc = copy.deepcopy(export)
    line = doc["tables"]["bank_transaction"][0]["id"]
    person = doc["tables"]["person"][0]["id"]
    day = doc["tables"]["bank_transaction"][0]["date"]
    doc["tables"]["deduction_ledger"].append(
        {"id": 9000, "person_id": person, "year": int(day[:4]), "date": day,
         "kind": "recovered", "amount_cents": 100, "act_id": None, "transaction_id": line}
    )  # fmt: skip
    services = build_services(tmp_path / "b.sqlite", today=lambda: TODAY)
    services.exports.load_json(json.dumps(doc).encode())
    again = json.loads(services.exports.json())
    services.close()
    assert [r for r in again["tables"]["deduction_ledger"] if r["kind"] == "recovered"]


def test_an_act_deduction_an_export_holds_is_worked_out_again(tmp_path: Path, export: Doc) -> None:
    """A valid but wrong amount on an act is not kept: the rules write the act's rows again."""
    doc = copy.deepcopy(export)
    doc["tables"]["deduction_ledger"][0]["amount_cents"] = 7777
    services = build_services(tmp_path / "b.sqlite", today=lambda: TODAY)
    services.exports.load_json(json.dumps(doc).encode())
    again = json.loads(services.exports.json())
    services.close()
    amounts = sorted(r["amount_cents"] for r in again["tables"]["deduction_ledger"])
    assert amounts == sorted(r["amount_cents"] for r in export["tables"]["deduction_ledger"])


def test_assessments_of_an_older_export_without_the_later_columns_load(
    tmp_path: Path, export: Doc
) -> None:
    """An export made before the parcours columns (migration 0006) lacks them, and a row
    may leave out any column with a default: the check takes the default (the first
    version of the check raised KeyError, exit 70)."""
    doc = copy.deepcopy(export)
    for row in doc["tables"]["assessment"]:
        for column in ("parcours", "parcours_cost_cents", "confidence", "amo_gross_cents"):
            del row[column]
    services = build_services(tmp_path / "b.sqlite", today=lambda: TODAY)
    services.exports.load_json(json.dumps(doc).encode())
    again = json.loads(services.exports.json())
    services.close()
    assert len(again["tables"]["assessment"]) == len(export["tables"]["assessment"])
