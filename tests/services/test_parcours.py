"""The parcours de soins worked out from the médecin traitant, on a real database.

Figures: G 30 € (2024-12-22), CS + MCS 31.50 €, 70 % in / 30 % out of the parcours,
PF 2 € (the rule tables, docs/rules.md §3 and §5, corrections of 2026-12-06; GYN 40 € and
CNPSY 57 € from 2026-01-01). No contract: the AMO share alone shows the rate.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from carnet.app import Services
from carnet.domain.care import ActInput
from carnet.domain.codes import Parcours
from carnet.domain.ids import ActId, PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput
from carnet.domain.practitioners import PractitionerInput, Profession, Specialty
from carnet.rules import render_all


def _doctor(services: Services, name: str, profession: Profession, specialty: str = "") -> int:
    data = PractitionerInput(name=name, profession=profession, specialty=Specialty(specialty))
    return services.household.add_practitioner(data).value.id


@pytest.fixture
def people(services: Services) -> dict[str, int]:
    ids = {
        "gp": _doctor(services, "Dr Martin", Profession.GP),
        "gp2": _doctor(services, "Dr Petit", Profession.GP),
        "cardio": _doctor(services, "Dr Cœur", Profession.SPECIALIST, "cardiology"),
        "gyn": _doctor(services, "Dr Gyn", Profession.SPECIALIST, "gynecology"),
        "psy": _doctor(services, "Dr Psy", Profession.SPECIALIST, "psychiatry"),
        "dentist": _doctor(services, "Dr Dent", Profession.DENTIST),
    }
    for key, born in (("adult", date(1980, 1, 1)), ("young", date(2005, 6, 1))):
        data = PersonInput(first_name=key, last_name="Test", birth_date=born)
        ids[key] = services.household.add_person(data).value.id
    child = PersonInput(first_name="child", last_name="Test", birth_date=date(2015, 1, 1))
    ids["child"] = services.household.add_person(child).value.id
    return ids


def _act(
    services: Services,
    who: tuple[int, int],
    day: str,
    code: str,
    fee: str,
    *,
    parcours: Parcours | None = None,
) -> int:
    person, practitioner = who
    data = ActInput(
        person_id=PersonId(person),
        practitioner_id=PractitionerId(practitioner),
        date=date.fromisoformat(day),
        act_code=code,
        fee_cents=Cents(int(fee) * 100),
        parcours=parcours,
    )
    return services.care.add_act(data).value.id


def _amo(services: Services, act: int) -> tuple[str, str, str]:
    found = services.care.assessment(ActId(act))
    assert found is not None
    return f"{found.amo_cents / 100:.2f}", found.parcours, " ".join(render_all(found.explanation))


def _declare(services: Services, person: int, doctor: int | None, since: str | None) -> None:
    current = services.household.person(PersonId(person))
    data = PersonInput(
        first_name=current.first_name,
        last_name=current.last_name,
        birth_date=current.birth_date,
        treating_doctor_id=None if doctor is None else PractitionerId(doctor),
        treating_declared_on=None if since is None else date.fromisoformat(since),
    )
    services.household.edit_person(PersonId(person), data)


def test_adult_without_doctor_is_out(services: Services, people: dict[str, int]) -> None:
    # G 30 × 30 % − 2 = 7.00 (the fact sheet's worked example "hors parcours").
    act = _act(services, (people["adult"], people["gp"]), "2026-03-02", "G", "30")
    amo, parcours, text = _amo(services, act)
    assert (amo, parcours) == ("7.00", "out")
    assert "No médecin traitant declared on 2 Mar 2026" in text


def test_doctor_declared_after_some_acts_then_changed(
    services: Services, people: dict[str, int]
) -> None:
    adult, gp, gp2 = people["adult"], people["gp"], people["gp2"]
    before = _act(services, (adult, gp), "2026-01-10", "G", "30")
    after = _act(services, (adult, gp), "2026-03-10", "G", "30")
    _declare(services, adult, gp, "2026-02-01")
    # Declared on 2026-02-01: the January act stays out (7.00), March is in (30 × 70 % − 2).
    assert _amo(services, before)[:2] == ("7.00", "out")
    assert _amo(services, after)[:2] == ("19.00", "in")
    _declare(services, adult, gp2, "2026-06-01")
    history = services.household.treating_history(PersonId(adult)).periods
    assert [(p.practitioner_id, p.since, p.until) for p in history] == [
        (gp, date(2026, 2, 1), date(2026, 5, 31)),
        (gp2, date(2026, 6, 1), None),
    ]
    # The change keeps the March act in the parcours (Dr Martin was the MT then) ...
    assert _amo(services, after)[:2] == ("19.00", "in")
    # ... while the old GP, seen after the change, is a GP who is not the MT: out.
    later = _act(services, (adult, gp), "2026-07-01", "G", "30")
    amo, parcours, text = _amo(services, later)
    assert (amo, parcours) == ("7.00", "out")
    assert "not your médecin traitant" in text
    assert _amo(services, _act(services, (adult, gp2), "2026-07-02", "G", "30"))[:2] == (
        "19.00",
        "in",
    )
    # Moving the declaration date earlier reassesses the January act.
    _declare(services, adult, gp2, "2026-06-01")
    _declare(services, adult, gp, "2026-01-01")
    assert _amo(services, before)[:2] == ("19.00", "in")


def test_other_gp_can_be_a_replacement(services: Services, people: dict[str, int]) -> None:
    _declare(services, people["adult"], people["gp"], "2025-01-01")
    stated = _act(
        services,
        (people["adult"], people["gp2"]),
        "2026-03-02",
        "G",
        "30",
        parcours=Parcours.REPLACEMENT,
    )
    amo, parcours, text = _amo(services, stated)
    assert (amo, parcours) == ("19.00", "replacement")
    assert "replacement of your médecin traitant" in text


def test_specialist_assumed_referred_and_not_referred(
    services: Services, people: dict[str, int]
) -> None:
    _declare(services, people["adult"], people["gp"], "2025-01-01")
    # CS 31.50 × 70 % − 2 = 20.05.
    act = _act(services, (people["adult"], people["cardio"]), "2026-03-02", "CS", "32")
    amo, parcours, text = _amo(services, act)
    assert (amo, parcours) == ("20.05", "in")
    assert "assumed referred by your médecin traitant" in text
    # "Not referred": out of the parcours, without the MCS: 26.50 × 30 % − 2 = 5.95.
    services.care.set_parcours(ActId(act), Parcours.OUT)
    amo, parcours, text = _amo(services, act)
    assert (amo, parcours) == ("5.95", "out")
    assert "coordination majoration (€5.00) is not billable" in text


def test_direct_access_needs_a_doctor(services: Services, people: dict[str, int]) -> None:
    adult = people["adult"]
    # No MT: GYN out, without the MCS: (40 − 5) × 30 % − 2 = 8.50.
    first = _act(services, (adult, people["gyn"]), "2026-03-02", "GYN", "40")
    amo, parcours, text = _amo(services, first)
    assert (amo, parcours) == ("8.50", "out")
    assert "needs a declared médecin traitant" in text
    _declare(services, adult, people["gp"], "2026-01-01")
    # With an MT: direct access, 40 × 70 % − 2 = 26.00.
    amo, parcours, _text = _amo(services, first)
    assert (amo, parcours) == ("26.00", "direct")


def test_psychiatry_direct_access_by_age(services: Services, people: dict[str, int]) -> None:
    for key in ("adult", "young"):
        _declare(services, people[key], people["gp"], "2025-01-01")
    # 20 years old on 2026-03-02: direct access. 57 × 70 % − 2 = 37.90.
    young = _act(services, (people["young"], people["psy"]), "2026-03-02", "CNPSY", "57")
    assert _amo(services, young)[:2] == ("37.90", "direct")
    # 46 years old: a specialist like the others, assumed referred.
    adult = _act(services, (people["adult"], people["psy"]), "2026-03-02", "CNPSY", "57")
    assert _amo(services, adult)[:2] == ("37.90", "in")


def test_child_and_dentist_have_no_penalty(services: Services, people: dict[str, int]) -> None:
    # Under 16 without an MT: no penalty; G 30 × 70 % (no PF under 18) = 21.00.
    child = _act(services, (people["child"], people["gp2"]), "2026-03-02", "G", "30")
    amo, parcours, text = _amo(services, child)
    assert (amo, parcours) == ("21.00", "in")
    assert "Under 16: no parcours penalty" in text
    # Dentist C 23 × 60 % = 13.80, no PF, whatever the médecin traitant.
    tooth = _act(services, (people["adult"], people["dentist"]), "2026-03-02", "C", "23")
    amo, parcours, text = _amo(services, tooth)
    assert (amo, parcours) == ("13.80", "")
    assert "outside the parcours rules" in text


def test_stated_parcours_wins(services: Services, people: dict[str, int]) -> None:
    stated = _act(
        services, (people["adult"], people["gp2"]), "2026-03-02", "G", "30", parcours=Parcours.IN
    )
    assert _amo(services, stated)[:2] == ("19.00", "in")


def test_person_form_value_keeps_history_on_unrelated_edit(
    services: Services, people: dict[str, int]
) -> None:
    _declare(services, people["adult"], people["gp"], "2025-01-01")
    person = services.household.person(PersonId(people["adult"]))
    data = PersonInput(
        first_name="Renamed",
        last_name=person.last_name,
        birth_date=person.birth_date,
        treating_doctor_id=person.treating_doctor_id,
        treating_declared_on=person.treating_declared_on,
    )
    services.household.edit_person(person.id, replace(data))
    periods = services.household.treating_history(person.id).periods
    assert [(p.practitioner_id, p.since, p.until) for p in periods] == [
        (people["gp"], date(2025, 1, 1), None)
    ]


def test_undo_takes_back_a_change_of_doctor(services: Services, people: dict[str, int]) -> None:
    adult, gp, gp2 = people["adult"], people["gp"], people["gp2"]
    _declare(services, adult, gp, "2026-01-01")
    act = _act(services, (adult, gp), "2026-07-01", "G", "30")
    _declare(services, adult, gp2, "2026-06-01")
    assert _amo(services, act)[:2] == ("7.00", "out")
    services.history.undo()
    periods = services.household.treating_history(PersonId(adult)).periods
    assert [(p.practitioner_id, p.since, p.until) for p in periods] == [
        (gp, date(2026, 1, 1), None)
    ]
    assert services.household.person(PersonId(adult)).treating_doctor_id == gp
    assert _amo(services, act)[:2] == ("19.00", "in")
