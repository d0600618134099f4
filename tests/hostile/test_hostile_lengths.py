"""Text longer than its field's bound, through every way in: the services (what the
window's forms call), the ``carnet`` command and load-json.

On main a 10 000-character tracking number, return reason, décompte reference,
setting, CSV-profile or payer name was stored as given (and printed on letters).
Each free-text field now has the bound of :mod:`carnet.domain.limits` (listed in
``docs/limits.md``): one character more is refused with one line naming the field,
and the database is unchanged row for row; the bound itself is accepted.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import fields, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import pytest

from carnet.app import Services, build_services
from carnet.bank import CsvMapping
from carnet.domain import limits
from carnet.domain.abroad import AbroadInput
from carnet.domain.attachments import AttachedTo
from carnet.domain.banking import BankAccountInput, PayerType
from carnet.domain.care import ActInput
from carnet.domain.claims import Step
from carnet.domain.codes import Payer
from carnet.domain.contracts import ContractInput
from carnet.domain.errors import CarnetError
from carnet.domain.ids import ActId, FeuilleId, MailingId, PersonId
from carnet.domain.limits import TextLimit
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput
from carnet.domain.practitioners import PractitionerInput, Profession
from carnet.main import main
from carnet.services.demo import build_demo
from carnet.services.settings import SettingsService
from tests.conftest import TODAY
from tests.hostile.common import load_refused, one_line, snapshot

Write = Callable[[Services, str], object]
SARAH = PersonInput("Sarah", "Thompson", birth_date=date(1988, 3, 14))
PDF = b"%PDF-1.4 scan"
T = TypeVar("T")


def _with(data: T, field: str, text: str) -> T:
    return replace(data, **{field: text})  # type: ignore[type-var]  # any input dataclass


def _person(field: str) -> Write:
    return lambda s, text: s.household.add_person(_with(SARAH, field, text))


def _practitioner(field: str) -> Write:
    data = PractitionerInput("Dr Claire Martin", Profession.GP)
    return lambda s, text: s.household.add_practitioner(_with(data, field, text))


def _contract(field: str) -> Write:
    data = ContractInput("MGEN")
    return lambda s, text: s.household.add_contract(_with(data, field, text))


def _act(field: str) -> Write:
    def write(services: Services, text: str) -> object:
        act = services.store.acts.get(ActId(services.care.summaries()[0].id))
        data = ActInput(**{f.name: getattr(act, f.name) for f in fields(ActInput)})
        return services.care.edit_act(act.id, _with(data, field, text))

    return write


def _account(field: str) -> Write:
    data = BankAccountInput("Joint")
    return lambda s, text: s.household.add_bank_account(_with(data, field, text))


def _setting(key: str) -> Write:
    return lambda s, text: SettingsService(s.store).set(key, text)


def _return_reason(services: Services, text: str) -> object:
    feuille = services.claims.feuilles()[0]
    return services.claims.step(FeuilleId(feuille.id), Step.RETURN, TODAY, reason=text)


def _tracking(services: Services, text: str) -> object:
    waiting = [m for m in services.mailings.mailings() if m.mailed_on is None]
    return services.mailings.mark_mailed(MailingId(waiting[0].id), TODAY, tracking=text)


def _reference(services: Services, text: str) -> object:
    act_id = ActId(services.care.summaries()[0].id)
    return services.received.record(act_id, Payer.AMC, Cents(100), TODAY, reference=text)


def _file_name(services: Services, text: str) -> object:
    act_id = services.care.summaries()[0].id
    return services.attachments.attach(AttachedTo.ACT, act_id, PDF, text[:-4] + ".pdf")


def _profile(services: Services, text: str) -> object:
    return services.bank.save_csv_profile(CsvMapping(name=text, date=0, label=(1,), amount=2))


def _payer(services: Services, text: str) -> object:
    return services.bank.teach_payer(text, PayerType.COMPLEMENTARY)


def _abroad(field: str) -> Write:
    def write(services: Services, text: str) -> object:
        person = PersonId(services.household.people()[0].id)
        act = ActInput(person, None, date(2026, 8, 3), "G", Cents(0))
        invoice = AbroadInput("GB", "GBP", Decimal("85.00"), Decimal("1.1650"))
        return services.abroad.add_act(act, _with(invoice, field, text))

    return write


def _languages(services: Services, text: str) -> object:
    data = PractitionerInput("Dr Claire Martin", Profession.GP, languages=(text,))
    return services.household.add_practitioner(data)


# (field, how it is written, its bound): one character more is refused, the bound is not.
CASES: list[tuple[str, Write, TextLimit]] = [
    ("first_name", _person("first_name"), limits.NAME_PART),
    ("last_name", _person("last_name"), limits.NAME_PART),
    ("cpam", _person("cpam"), limits.NAME),
    ("notes", _person("notes"), limits.NOTES),
    ("name", _practitioner("name"), limits.NAME),
    ("address", _practitioner("address"), limits.ADDRESS),
    ("notes", _practitioner("notes"), limits.NOTES),
    ("languages", _languages, limits.LANGUAGE),
    ("insurer", _contract("insurer"), limits.NAME),
    ("number", _contract("number"), limits.NUMBER),
    ("notes", _contract("notes"), limits.NOTES),
    ("notes", _act("notes"), limits.NOTES),
    ("country", _abroad("country"), limits.CODE),
    ("currency", _abroad("currency"), limits.CODE),
    ("name", _account("name"), limits.SHORT_NAME),
    ("bank", _account("bank"), limits.NAME),
    ("reason", _return_reason, limits.REASON),
    ("tracking", _tracking, limits.TRACKING),
    ("reference", _reference, limits.NUMBER),
    ("file_name", _file_name, limits.FILE_NAME),
    ("name", _profile, limits.SHORT_NAME),
    ("name", _payer, limits.SHORT_NAME),
    ("household.address", _setting("household.address"), limits.ADDRESS),
    ("household.city", _setting("household.city"), limits.CITY),
    ("household.phone", _setting("household.phone"), limits.PHONE),
    ("household.caisse", _setting("household.caisse"), limits.NAME),
    ("address:CPAM de Lyon", _setting("address:CPAM de Lyon"), limits.ADDRESS),
    (
        "notifications.on_open",
        _setting("notifications.on_open"),
        limits.SETTINGS["notifications.on_open"],
    ),
]


def _ids() -> list[str]:
    return [f"{n} {case[0]}" for n, case in enumerate(CASES)]


@pytest.fixture
def demo(services: Services, db_path: Path) -> Path:
    build_demo(services.household, services.care, acts=40, today=TODAY)
    return db_path


@pytest.mark.parametrize(("field", "write", "limit"), CASES, ids=_ids())
def test_one_character_over_the_bound_is_refused_in_one_line(
    services: Services, demo: Path, field: str, write: Write, limit: TextLimit
) -> None:
    before = snapshot(demo)
    with pytest.raises(CarnetError) as caught:
        write(services, "x" * (limit.max_length + 1))
    message = one_line(str(caught.value))
    assert message == f"{field}: is longer than {limit.max_length} characters"
    assert snapshot(demo) == before


# Written at the bound, these must be kept (the others need a state a demo may lack).
ACCEPTED = {"first_name", "cpam", "address", "insurer", "number", "bank", "household.city"}


@pytest.mark.parametrize(
    ("field", "write", "limit"),
    [c for c in CASES if c[0] in ACCEPTED],
    ids=[c[0] for c in CASES if c[0] in ACCEPTED],
)
def test_the_bound_itself_is_accepted(
    services: Services, demo: Path, field: str, write: Write, limit: TextLimit
) -> None:
    write(services, "x" * limit.max_length)


def test_a_setting_key_is_bounded(services: Services, demo: Path) -> None:
    before = snapshot(demo)
    key = "address:" + "C" * limits.SETTING_KEY.max_length
    with pytest.raises(CarnetError) as caught:
        SettingsService(services.store).set(key, "1 rue de la Paix")
    assert one_line(str(caught.value)) == "key: is longer than 250 characters"
    assert snapshot(demo) == before


def test_more_languages_than_the_bound_are_refused(services: Services, demo: Path) -> None:
    before = snapshot(demo)
    spoken = tuple(f"l{n}" for n in range(limits.LANGUAGES + 1))
    data = PractitionerInput("Dr Claire Martin", Profession.GP, languages=spoken)
    with pytest.raises(CarnetError) as caught:
        services.household.add_practitioner(data)
    assert one_line(str(caught.value)) == "languages: more than 20 languages"
    assert snapshot(demo) == before


# -- the command line --------------------------------------------------------------------
def _over(limit: TextLimit) -> str:
    return "x" * (limit.max_length + 1)


CLI_CASES: list[tuple[tuple[str, ...], str]] = [
    (("person", "add", "--first-name", _over(limits.NAME_PART), "--last-name", "T"), "first_name"),
    (
        ("person", "add", "--first-name", "S", "--last-name", "T", "--cpam", _over(limits.NAME)),
        "cpam",
    ),
    (("person", "edit", "1", "--notes", _over(limits.NOTES)), "notes"),
    (("practitioner", "add", "--name", _over(limits.NAME), "--profession", "gp"), "name"),
    (
        (
            "practitioner",
            "add",
            "--name",
            "Dr M",
            "--profession",
            "gp",
            "--address",
            _over(limits.ADDRESS),
        ),
        "address",
    ),
    (
        (
            "practitioner",
            "add",
            "--name",
            "Dr M",
            "--profession",
            "gp",
            "--language",
            _over(limits.LANGUAGE),
        ),
        "languages",
    ),
    (("act", "edit", "1", "--notes", _over(limits.NOTES)), "notes"),
    (("mailing", "mark-mailed", "1", "--tracking", _over(limits.TRACKING)), "tracking"),
    (("feuille", "return", "1", "--reason", _over(limits.REASON)), "reason"),
    (("setting", "set", "household.city", _over(limits.CITY)), "household.city"),
    (("setting", "set", "household.address", _over(limits.ADDRESS)), "household.address"),
    (("setting", "set", "household.phone", _over(limits.PHONE)), "household.phone"),
    (
        ("csv-profile", _over(limits.SHORT_NAME), "--date", "0", "--label", "1", "--amount", "2"),
        "name",
    ),
    (("payer", _over(limits.SHORT_NAME), "--type", "complementary"), "name"),
]


@pytest.mark.parametrize(
    ("args", "field"), CLI_CASES, ids=[" ".join(c[0][:2]) + " " + c[1] for c in CLI_CASES]
)
def test_the_command_refuses_it_in_one_line(
    capsys: pytest.CaptureFixture[str], demo_db: Path, args: tuple[str, ...], field: str
) -> None:
    before = snapshot(demo_db)
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(demo_db), *args])
    assert stopped.value.code == 1
    err = one_line(capsys.readouterr().err)
    assert f"{field}: is longer than" in err
    assert snapshot(demo_db) == before


# -- load-json ---------------------------------------------------------------------------
Doc = dict[str, Any]


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Doc:
    folder = tmp_path_factory.mktemp("source")
    services = build_services(folder / "a.sqlite", today=lambda: TODAY)
    build_demo(services.household, services.care, acts=30, today=TODAY)
    act_id = services.care.summaries()[0].id
    services.attachments.attach(AttachedTo.ACT, act_id, PDF, "scan.pdf")
    services.received.record(ActId(act_id), Payer.AMC, Cents(100), TODAY, reference="D-1")
    services.road.start(services.household.people()[0].id)
    data: Doc = json.loads(services.exports.json())
    services.close()
    return data


def _columns() -> list[tuple[str, str, TextLimit]]:
    return [
        (table, column, limit)
        for table, columns in limits.COLUMNS.items()
        for column, limit in columns.items()
    ]


@pytest.mark.parametrize(
    ("table", "column", "limit"), _columns(), ids=[f"{t}.{c}" for t, c, _ in _columns()]
)
def test_load_json_refuses_a_cell_over_its_bound(
    tmp_path: Path, export: Doc, table: str, column: str, limit: TextLimit
) -> None:
    doc = copy.deepcopy(export)
    rows = doc["tables"][table]
    assert rows, f"the export has no {table} row to make too long"
    rows[0][column] = _over(limit)
    message = load_refused(tmp_path, json.dumps(doc).encode())
    assert f"{table}, row 1" in message
    assert f"{column}: is longer than {limit.max_length} characters" in message


@pytest.mark.parametrize("key", list(limits.SETTINGS))
def test_load_json_refuses_a_setting_over_its_bound(tmp_path: Path, export: Doc, key: str) -> None:
    doc = copy.deepcopy(export)
    doc["tables"]["setting"] = [r for r in doc["tables"]["setting"] if r["key"] != key]
    doc["tables"]["setting"].append({"key": key, "value": _over(limits.SETTINGS[key])})
    assert "is longer than" in load_refused(tmp_path, json.dumps(doc).encode())


def test_docs_state_every_bound() -> None:
    """docs/limits.md lists each bound of the code, with its number."""
    rows = [
        line
        for line in (Path(__file__).parents[2] / "docs" / "limits.md").read_text().splitlines()
        if line.startswith("| `")
    ]
    stated = {
        **{
            f"{t}.{c}": limit
            for t, columns in limits.COLUMNS.items()
            for c, limit in columns.items()
        },
        **limits.SETTINGS,
        "address:<caisse>": limits.ADDRESS,
    }
    for name, limit in stated.items():
        row = next((r for r in rows if f"`{name}`" in r), None)
        assert row is not None, f"docs/limits.md does not list {name}"
        assert f"| {limit.max_length} " in row, f"docs/limits.md states another bound for {name}"
        assert ("| several |" in row) == limit.multiline, name
