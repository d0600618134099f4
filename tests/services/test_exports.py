"""Exports: CSV and XLSX round trips, formula neutralisation, the JSON dump loads back."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from carnet.app import Services, build_services
from carnet.domain.care import ActInput
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.exports.tabular import Table, neutralise, read_xlsx, to_csv, to_xlsx
from carnet.i18n import Translator
from carnet.services.demo import build_demo
from carnet.storage.dump import DumpError
from tests.conftest import dump_database

TODAY = date(2026, 11, 28)


def _act(household: dict[str, int], **extra: object) -> ActInput:
    act = ActInput(
        person_id=PersonId(household["adult"]),
        practitioner_id=PractitionerId(household["gp"]),
        date=date(2025, 3, 1),
        act_code="G",
        fee_cents=Cents(123456),
        notes='=HYPERLINK("http://example.com")',
    )
    return replace(act, **extra)  # type: ignore[arg-type]


def test_csv_in_french_uses_semicolons_decimal_comma_and_a_bom(
    services: Services, household: dict[str, int]
) -> None:
    services.care.add_act(_act(household))
    raw = services.exports.csv("acts", Translator("fr"))
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][1] == "2025-03-01"
    assert rows[1][2] == "Sarah Thompson"
    assert rows[1][6] == "1234,56"
    english = services.exports.csv("acts", Translator("en")).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(english)))[1][6] == "1234.56"


@pytest.mark.parametrize("text", ["=1+1", "+33 1 23", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formulas_are_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text
    raw = to_csv(Table("t", ("label",), [(text,)])).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(raw)))[1][0] == "'" + text


def test_xlsx_round_trip_with_exact_amounts(services: Services, household: dict[str, int]) -> None:
    act = services.care.add_act(_act(household, fee_cents=Cents(3000))).value
    book = read_xlsx(services.exports.xlsx(Translator("en")))
    assert set(book) == {"acts", "payments", "matches"}
    header, row = book["acts"][0], book["acts"][1]
    assert header[0] == "Act" and row[0] == act.id
    assert Decimal(str(row[6])) == Decimal("30.00")
    assert Decimal(str(row[8])) == Decimal("19.00")
    assert book["payments"][1][4] == "amo"


def test_xlsx_never_stores_a_live_formula() -> None:
    book = read_xlsx(to_xlsx([Table("t", ("label",), [("=cmd|' /C calc'!A0",)])]))
    assert book["t"][1][0] == "'=cmd|' /C calc'!A0"


def _dump(path: Path) -> list[str]:
    """The file's contents without the migration log (its timestamps differ).

    Loading assesses the acts again (the file's figures are not trusted): the rows the
    rules write get new time stamps, and the deduction ledger new ids, same content.
    """
    stamps = re.compile(r",'\d{4}-\d\d-\d\dT[\d:.]+Z','\d{4}-\d\d-\d\dT[\d:.]+Z'")
    rewritten = ('"assessment"', '"expected_payment"', '"deduction_ledger"')
    lines = []
    for original in dump_database(path):
        if "_sqlite_migrations" in original:
            continue
        line = original
        if line.startswith(tuple(f"INSERT INTO {t}" for t in rewritten)):
            line = stamps.sub("", line)
            if '"deduction_ledger"' in line:
                line = re.sub(r"VALUES\(\d+,", "VALUES(", line)
        lines.append(line)
    return sorted(lines)


def test_json_export_loads_back_into_an_identical_database(tmp_path: Path) -> None:
    first = build_services(tmp_path / "a.sqlite", today=lambda: TODAY)
    build_demo(first.household, first.care, acts=25, today=TODAY)
    raw = first.exports.json()
    first.close()
    second = build_services(tmp_path / "b.sqlite", today=lambda: TODAY)
    assert second.exports.load_json(raw) > 25
    with pytest.raises(DumpError, match="empty database"):
        second.exports.load_json(raw)
    second.close()
    assert _dump(tmp_path / "a.sqlite") == _dump(tmp_path / "b.sqlite")


def test_bad_json_is_refused(services: Services) -> None:
    with pytest.raises(DumpError, match="not a JSON file"):
        services.exports.load_json(b"\xff\xfe not json")
    with pytest.raises(DumpError, match="not a Carnet export"):
        services.exports.load_json(b'{"tables": {}}')
    with pytest.raises(DumpError, match="newer Carnet"):
        services.exports.load_json(
            b'{"format": "carnet-export", "schema": ["9999_x"], "tables": {}}'
        )
