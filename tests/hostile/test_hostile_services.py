"""Doubtful input given to the services (what the window's forms and the CLI both call).

Each was accepted on main: blank or zero-width names, names with a direction override
or a line break, a second person with the same NIR, a pharmacy as médecin traitant, an
RPPS number with a wrong key, a feuille signed or a mailing posted on 0001-01-01, a
household e-mail that is not one, CSV profiles with an unknown encoding or a negative
column, amounts of 2^64 cents in a statement. Each now gets one line and leaves the
database unchanged, row for row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from carnet.app import Services
from carnet.bank import CsvMapping
from carnet.domain.claims import Step
from carnet.domain.errors import CarnetError
from carnet.domain.ids import FeuilleId, MailingId, PractitionerId
from carnet.domain.people import PersonInput
from carnet.domain.practitioners import PractitionerInput, Profession
from carnet.services.base import Result
from carnet.services.demo import build_demo
from carnet.services.settings import SettingsService
from tests.conftest import TODAY
from tests.hostile.common import one_line, snapshot

SARAH = PersonInput("Sarah", "Thompson", birth_date=date(1988, 3, 14))


def _person(**changes: object) -> Callable[[Services], object]:
    return lambda s: s.household.add_person(replace(SARAH, **changes))  # type: ignore[arg-type]


def _practitioner(**changes: object) -> Callable[[Services], object]:
    data = PractitionerInput("Dr Claire Martin", Profession.GP)
    return lambda s: s.household.add_practitioner(replace(data, **changes))  # type: ignore[arg-type]


def _pharmacy_as_doctor(services: Services) -> object:
    pharmacy = next(p for p in services.household.practitioners() if p.profession == "pharmacy")
    return services.household.add_person(
        replace(SARAH, first_name="Zoé", treating_doctor_id=PractitionerId(pharmacy.id))
    )


def _step_on(day: date) -> Callable[[Services], object]:
    def step(services: Services) -> object:
        feuille = services.claims.feuilles()[0]
        return services.claims.step(FeuilleId(feuille.id), Step.SIGN, day)

    return step


def _mailed_on(day: date) -> Callable[[Services], object]:
    def mail(services: Services) -> object:
        waiting = [m for m in services.mailings.mailings() if m.mailed_on is None]
        return services.mailings.mark_mailed(MailingId(waiting[0].id), day)

    return mail


def _profile(**changes: object) -> Callable[[Services], object]:
    base = {"name": "Ma banque", "date": 0, "label": (1,), "amount": 2}
    return lambda s: s.bank.save_csv_profile(CsvMapping(**{**base, **changes}))  # type: ignore[arg-type]


def _statement(
    amount: str, label: str = "VIR", account: str | None = None
) -> Callable[[Services], object]:
    header = "dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;"
    header += "accountNum;accountLabel;accountbalance"
    row = f'2025-01-02;2025-01-02;"{label}";"";"";"";{amount};"";0004;"Compte";"0,00"'
    data = f"{header}\n{row}\n".encode()
    return lambda s: s.bank.import_file(data, "export-operations.csv", account)


CASES: list[tuple[str, Callable[[Services], object], str]] = [
    ("blank names", _person(first_name=" ", last_name="\t"), "first or a last name"),
    ("zero-width names", _person(first_name="\u200b", last_name="\ufeff\u200d"), "last name"),
    ("right-to-left override", _person(last_name="Thomp\u202enos"), "direction"),
    ("line break in a name", _person(last_name="Thompson\nDr Martin"), "one line"),
    ("NUL in a name", _person(first_name="Sa\x00rah"), "control character"),
    ("escape in a name", _person(first_name="\x1b[31mSarah"), "control character"),
    ("a name of 10 000 letters", _person(last_name="x" * 10_000), "longer than"),
    ("duplicate NIR", _person(first_name="Eve", nir="288039913204516"), "already has"),
    ("pharmacy as médecin traitant", _pharmacy_as_doctor, "not a doctor"),
    ("RPPS with a wrong key", _practitioner(rpps="10003399365"), "key"),
    ("RPPS with letters", _practitioner(rpps="1000339936A"), "11 digits"),
    ("practitioner name with RLO", _practitioner(name="Dr \u202eecnarF"), "direction"),
    ("practitioner name blank", _practitioner(name="\u200b"), "required"),
    ("address of 100 000 characters", _practitioner(address="a" * 100_000), "longer than"),
    ("signed on 0001-01-01", _step_on(date(1, 1, 1)), "1900"),
    ("signed in 2099", _step_on(date(2099, 1, 1)), "future"),
    ("mailed on 0001-01-01", _mailed_on(date(1, 1, 1)), "1900"),
    (
        "household e-mail",
        lambda s: SettingsService(s.store).set("household.email", "chez moi"),
        "e-mail",
    ),
    (
        "e-mail with two @",
        lambda s: SettingsService(s.store).set("household.email", "a@b@c.fr"),
        "e-mail",
    ),
    ("profile with an unknown encoding", _profile(encoding="klingon"), "encoding"),
    ("profile with a negative column", _profile(amount=-1), "column -1"),
    ("profile with a huge column", _profile(amount=10**9), "column"),
    ("profile skipping -5 rows", _profile(skip_rows=-5), "skip_rows"),
    ("profile with a bad fallback", _profile(fallback="utf-16"), "fallback"),
    ("profile with no date tokens", _profile(date_format="whenever"), "date format"),
    ("statement amount of 2^64 cents", _statement(f"{2**64},00"), "too large"),
    ("statement amount of 10^30", _statement("1" + "0" * 30), "too large"),
    (
        "statement label of 1 001 characters",
        _statement("12,00", label="VIR " + "x" * 997),
        "line 2: the label is longer than 1000 characters",
    ),
    ("statement label of 100 000 characters", _statement("12,00", label="x" * 100_000), "label"),
    (
        "import into an account named by 10 000 letters",
        _statement("1,00", account="a" * 10_000),
        "longer than 80",
    ),
]


@pytest.fixture
def demo(services: Services, db_path: Path) -> Path:
    build_demo(services.household, services.care, acts=40, today=TODAY)
    return db_path


@pytest.mark.parametrize(("act", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_doubtful_input_is_refused_in_one_line(
    services: Services, demo: Path, act: Callable[[Services], object], words: str
) -> None:
    before = snapshot(demo)
    with pytest.raises((CarnetError, ValueError)) as caught:
        act(services)
    assert words in one_line(str(caught.value))
    assert snapshot(demo) == before


def test_a_statement_label_at_its_bound_is_imported(services: Services, demo: Path) -> None:
    label = "VIR " + "x" * 996
    report = _statement("12,00", label=label)(services)
    assert isinstance(report, Result)
    assert report.value.added == 1
    assert [line.line.label for line in report.value.lines] == [label]
