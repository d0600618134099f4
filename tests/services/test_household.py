"""People, practitioners, contracts and bank accounts through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from carnet.app import Services
from carnet.domain.banking import BankAccountInput
from carnet.domain.contracts import ContractInput, Guarantee
from carnet.domain.errors import NotFoundError, ValidationError
from carnet.domain.ids import ContractId, PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput, Registration
from carnet.domain.practitioners import PractitionerInput, Profession, Sector, Specialty

VALID_NIR = "2 88 03 99 132 045 16"
SARAH = PersonInput(first_name="Sarah", last_name="Thompson", birth_date=date(1988, 3, 14))


def _count(services: Services, table: str) -> int:
    return int(services.store.ledger.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_add_person_with_nir_is_registered(services: Services) -> None:
    result = services.household.add_person(replace(SARAH, nir=VALID_NIR))
    person = result.value
    assert person.nir == "288039913204516"
    assert person.registration is Registration.REGISTERED
    assert result.changes.people == {person.id}
    assert result.changes.warnings == ()
    assert services.household.people() == [person]


def test_person_without_number_is_not_registered(services: Services) -> None:
    person = services.household.add_person(SARAH).value
    assert person.nir is None
    assert person.registration is Registration.NOT_REGISTERED


def test_temporary_number_is_accepted_with_a_warning(services: Services) -> None:
    # First digit 7 marks a provisional number; its key is still checked.
    result = services.household.add_person(replace(SARAH, nir="788039913204557"))
    assert result.value.registration is Registration.TEMPORARY_NUMBER
    assert any("temporary" in w for w in result.changes.warnings)


def test_nir_not_matching_birth_date_warns(services: Services) -> None:
    result = services.household.add_person(
        replace(SARAH, nir=VALID_NIR, birth_date=date(1990, 1, 1))
    )
    assert any("birth date" in w for w in result.changes.warnings)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"nir": "2 88 03 99 132 045 17"}, "nir"),  # wrong key
        ({"nir": "12345"}, "nir"),
        ({"first_name": " ", "last_name": ""}, "first_name"),
        ({"birth_date": date(2027, 1, 1)}, "birth_date"),
        ({"birth_date": date(1850, 1, 1)}, "birth_date"),
        ({"registration": Registration.REGISTERED}, "nir"),
        ({"insured_id": PersonId(99)}, "insured_id"),
        ({"treating_doctor_id": PractitionerId(42)}, "treating_doctor_id"),
        ({"contract_id": ContractId(7)}, "contract_id"),
        ({"maternity_start": date(2026, 1, 1)}, "maternity_end"),
        ({"maternity_start": date(2026, 5, 1), "maternity_end": date(2026, 1, 1)}, "maternity_end"),
        ({"first_name": "x" * 101}, "first_name"),
    ],
)
def test_bad_person_input_is_refused_and_nothing_written(
    services: Services, change: dict[str, object], field: str
) -> None:
    events_before = _count(services, "event")
    with pytest.raises(ValidationError) as info:
        services.household.add_person(replace(SARAH, **change))  # type: ignore[arg-type]
    assert info.value.field == field
    assert _count(services, "person") == 0
    assert _count(services, "event") == events_before


def test_dependent_must_point_to_an_insured_person(services: Services) -> None:
    sarah = services.household.add_person(replace(SARAH, nir=VALID_NIR)).value
    lea = services.household.add_person(
        PersonInput(first_name="Léa", last_name="Thompson", insured_id=sarah.id)
    ).value
    assert lea.is_dependent
    with pytest.raises(ValidationError, match="dependent must point to an insured person"):
        services.household.add_person(
            PersonInput(first_name="Tom", last_name="T", insured_id=lea.id)
        )
    with pytest.raises(ValidationError, match="own insured person"):
        services.household.edit_person(sarah.id, replace(SARAH, insured_id=sarah.id))


def test_edit_person_records_before_and_after(services: Services) -> None:
    person = services.household.add_person(SARAH).value
    edited = services.household.edit_person(person.id, replace(SARAH, nir=VALID_NIR)).value
    assert edited.registration is Registration.REGISTERED
    history = services.store.events.for_entity("person", person.id)
    assert [e.action for e in history] == ["created", "edited"]
    assert history[1].before is not None and '"nir": null' in history[1].before
    assert history[1].after is not None and "288039913204516" in history[1].after


def test_unknown_person_is_a_clear_error(services: Services) -> None:
    with pytest.raises(NotFoundError, match="no person with id 12"):
        services.household.person(PersonId(12))


def test_practitioner_add_list_and_validation(services: Services) -> None:
    data = PractitionerInput(
        name=" Dr Paul Lefèvre ",
        profession=Profession.SPECIALIST,
        specialty=Specialty.CARDIOLOGY,
        sector=Sector.S2,
        languages=("English", "français", ""),
    )
    practitioner = services.household.add_practitioner(data).value
    assert practitioner.name == "Dr Paul Lefèvre"
    assert practitioner.languages == ("english", "français")
    assert services.household.practitioners() == [practitioner]
    with pytest.raises(ValidationError) as info:
        services.household.add_practitioner(replace(data, rpps="123"))
    assert info.value.field == "rpps"
    with pytest.raises(ValidationError) as info:
        services.household.add_practitioner(replace(data, name=""))
    assert info.value.field == "name"
    renamed = services.household.edit_practitioner(
        practitioner.id, replace(data, name="Dr P. Lefèvre")
    )
    assert renamed.value.name == "Dr P. Lefèvre"


def test_contract_validation_follows_contrat_responsable(services: Services) -> None:
    good = ContractInput(
        insurer="Harmonie Mutuelle",
        optam_percent=200,
        non_optam_percent=180,
        guarantees=(Guarantee("optics", 100, Cents(15000)),),
    )
    contract = services.household.add_contract(good).value
    assert contract.guarantee_for("optics").flat_cents == 15000
    assert contract.guarantee_for("gp").percent_of_base == 100
    with pytest.raises(ValidationError) as info:
        services.household.add_contract(replace(good, non_optam_percent=250))
    assert info.value.field == "non_optam_percent"
    with pytest.raises(ValidationError) as info:
        services.household.add_contract(replace(good, insurer=" "))
    assert info.value.field == "insurer"
    with pytest.raises(ValidationError):
        services.household.add_contract(replace(good, default_percent=-5))


def test_bank_account_iban_is_checked(services: Services) -> None:
    account = services.household.add_bank_account(
        BankAccountInput(name="Compte joint", iban="FR76 3000 6000 0112 3456 7890 189")
    ).value
    assert account.iban == "FR7630006000011234567890189"
    with pytest.raises(ValidationError) as info:
        services.household.add_bank_account(
            BankAccountInput(name="Other", iban="FR76 3000 6000 0112 3456 7890 188")
        )
    assert info.value.field == "iban"
    with pytest.raises(ValidationError, match="already exists"):
        services.household.add_bank_account(BankAccountInput(name="Compte joint"))
