"""Hostile JSON exports: each is refused with one line naming what is wrong, and the
database it was loaded into stays exactly as it was (row for row).

Found on main before load-json checked its rows: impossible dates, amounts as words,
broken CSV-profile TOML, invalid NIRs and NUL bytes loaded with exit 0 and crashed
act list/export/summary/import later; a top-level array, deep nesting, huge integers
and rows of the wrong shape crashed the loader itself.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from carnet.app import build_services
from carnet.domain.attachments import AttachedTo
from carnet.services.demo import build_demo
from tests.conftest import TODAY
from tests.hostile.common import load_refused

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Doc:
    folder = tmp_path_factory.mktemp("source")
    services = build_services(folder / "a.sqlite", today=lambda: TODAY)
    demo = build_demo(services.household, services.care, acts=30, today=TODAY)
    act_id = services.care.summaries()[0].id
    services.attachments.attach(AttachedTo.ACT, act_id, b"%PDF-1.4 scan", "scan.pdf")
    del demo
    data: Doc = json.loads(services.exports.json())
    services.close()
    return data


def _set(table: str, column: str, value: object, row: int = 0) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc["tables"][table][row][column] = value

    return change


def _names(first: str, last: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc["tables"]["person"][0].update(first_name=first, last_name=last)

    return change


def _drop(table: str, column: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        del doc["tables"][table][0][column]

    return change


def _replace_table(table: str, rows: object) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc["tables"][table] = rows

    return change


def _setting(key: str, value: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc["tables"]["setting"].append({"key": key, "value": value})

    return change


def _email(value: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        for row in doc["tables"]["setting"]:
            if row["key"] == "household.email":
                row["value"] = value

    return change


def _profile(extra: str) -> str:
    return f'name = "X"\ndate = 0\nlabel = [1]\namount = 2\n{extra}\n'


# (name, change to a valid export, words the message must hold)
DOCUMENT_CASES: list[tuple[str, Callable[[Doc], None], str]] = [
    ("impossible date", _set("care_act", "date", "2024-02-30"), "care_act, row 1"),
    ("amount in words", _set("care_act", "fee_cents", "vingt euros"), "whole number"),
    ("fee above 2^63", _set("care_act", "fee_cents", 2**64), "out of range"),
    ("negative fee", _set("care_act", "fee_cents", -5), "care_act, row 1: refused"),
    ("fee as float", _set("care_act", "fee_cents", 25.5), "whole number"),
    ("fee as boolean", _set("care_act", "fee_cents", True), "whole number"),
    ("huge fee", _set("care_act", "fee_cents", 10**12), "100 000"),
    ("unknown act code", _set("care_act", "act_code", "ZZZ9"), "unknown act code"),
    ("act in the future", _set("care_act", "date", "2099-01-01"), "future"),
    ("act before 1900", _set("care_act", "date", "0001-01-01"), "1900"),
    ("unknown channel", _set("care_act", "channel", "pigeon"), "care_act, row 1"),
    ("act of a missing person", _set("care_act", "person_id", 999), "care_act, row 1"),
    ("id above 2^63", _set("care_act", "id", 2**63), "out of range"),
    ("NUL in a name", _set("person", "first_name", "Sa\x00rah"), "NUL"),
    ("invalid NIR", _set("person", "nir", "188039913204599"), "social security"),
    ("zero-width names", _names("\u200b", "\u200b\u200b"), "needs a first or a last name"),
    ("name with an RTL override", _names("\u202eAcirema", "Smith"), "direction"),
    ("name with a line break", _names("Sarah", "Thompson\nDr Martin"), "one line"),
    ("own insured", _set("person", "insured_id", 1), "person, row 1"),
    ("duplicate NIR", _set("person", "nir", "288039913204516", row=2), "already has this number"),
    ("pharmacy as médecin traitant", _set("person", "treating_doctor_id", 4), "not a doctor"),
    ("RPPS with a wrong key", _set("practitioner", "rpps", "10003399365"), "key"),
    (
        "profile, unknown encoding",
        _setting("csv-profile:X", _profile('encoding = "kl"')),
        "encoding",
    ),
    ("profile, negative count", _setting("csv-profile:Y", _profile("skip_rows = -1")), "skip_rows"),
    ("profile, negative column", _setting("csv-profile:Z", _profile("fee = -3")), "column -3"),
    ("household e-mail", _email("not an address"), "e-mail"),
    ("birth in the future", _set("person", "birth_date", "2999-01-01"), "future"),
    ("bad registration", _set("person", "registration", "maybe"), "person, row 1"),
    ("very long notes", _set("person", "notes", "x" * 200_000), "too long"),
    ("practitioner nameless", _set("practitioner", "name", "   "), "practitioner"),
    ("bad RPPS", _set("practitioner", "rpps", "12ab"), "RPPS"),
    ("bad sector", _set("practitioner", "sector", "9"), "practitioner"),
    ("contract percent", _set("contract", "default_percent", 100_000), "contract"),
    ("contract guarantees not JSON", _set("contract", "guarantees", "{nope"), "contract"),
    ("bad IBAN", _set("bank_account", "iban", "FR00 0000"), "IBAN"),
    ("broken CSV profile", _setting("csv-profile:Ma banque", "name = [unclosed"), "CSV profile"),
    ("unknown setting", _setting("shell.command", "rm -rf /"), "unknown setting"),
    ("event not JSON", _set("event", "after", "{not json"), "JSON"),
    ("unknown column", _set("person", "is_admin", 1), "unknown column"),
    ("missing column", _drop("care_act", "date"), "missing column"),
    ("row is a list", _replace_table("person", [[1, "Sarah"]]), "not an object"),
    ("table is an object", _replace_table("person", {"1": {}}), "not a list"),
    ("unknown table", _replace_table("sqlite_master", []), "unknown table"),
    ("mailing date impossible", _set("mailing", "created_on", "2024-13-01"), "mailing"),
    ("feuille status unknown", _set("feuille", "status", "lost"), "feuille"),
    ("attachment kind", _set("attachment", "kind", "virus"), "attachment"),
    ("payment settled beyond", _set("expected_payment", "settled_cents", 10**9), "refused"),
    ("transaction amount words", _set("bank_transaction", "amount_cents", "12,5"), "whole"),
]

RAW_CASES: list[tuple[str, bytes, str]] = [
    ("top-level array", b"[]", "not a Carnet export"),
    ("top-level number", b"42", "not a Carnet export"),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ("huge integer", b'{"format": "carnet-export", "version": ' + b"9" * 5000 + b"}", "JSON"),
    ("not UTF-8", b"\xff\xfe{}", "not a JSON file"),
    ("empty file", b"", "not a JSON file"),
    ("wrong version", b'{"format": "carnet-export", "version": 99, "tables": {}}', "version"),
    ("newer schema", b'{"format": "carnet-export", "version": 1, "schema": ["9999_x"]}', "newer"),
    ("schema not a list", b'{"format": "carnet-export", "version": 1, "schema": 5}', "schema"),
    ("tables missing", b'{"format": "carnet-export", "version": 1}', "no 'tables'"),
]


@pytest.mark.parametrize(
    ("change", "words"), [c[1:] for c in DOCUMENT_CASES], ids=[c[0] for c in DOCUMENT_CASES]
)
def test_a_hostile_row_is_refused_and_nothing_loads(
    tmp_path: Path, export: Doc, change: Callable[[Doc], None], words: str
) -> None:
    doc = copy.deepcopy(export)
    change(doc)
    message = load_refused(tmp_path, json.dumps(doc).encode())
    assert words in message


@pytest.mark.parametrize(
    ("raw", "words"), [c[1:] for c in RAW_CASES], ids=[c[0] for c in RAW_CASES]
)
def test_a_hostile_file_isload_refused(tmp_path: Path, raw: bytes, words: str) -> None:
    assert words in load_refused(tmp_path, raw)


def test_every_table_round_trips_attachments_included(tmp_path: Path, export: Doc) -> None:
    assert export["tables"]["attachment"], "the attachments table is exported"
    services = build_services(tmp_path / "b.sqlite", today=lambda: TODAY)
    services.exports.load_json(json.dumps(export).encode())
    again = json.loads(services.exports.json())
    services.close()
    for table in ("attachment", "person", "care_act", "feuille", "mailing", "setting", "event"):
        assert again["tables"][table] == export["tables"][table], table
