"""Paper feuilles de soins: created with paper care, held for newcomers, moved step by step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from carnet.app import Services, build_services
from carnet.domain.care import ActInput
from carnet.domain.claims import Step
from carnet.domain.codes import Channel, FeuilleStatus, PaymentMode
from carnet.domain.errors import ValidationError
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput
from carnet.storage.repos.records import row_json
from tests.conftest import make_household


def _paper(person: int, practitioner: int, day: date = date(2025, 3, 1)) -> ActInput:
    return ActInput(
        person_id=PersonId(person),
        practitioner_id=PractitionerId(practitioner),
        date=day,
        act_code="G",
        fee_cents=Cents(3000),
        channel=Channel.PAPER,
    )


def test_paper_act_gets_a_feuille_to_sign(services: Services, household: dict[str, int]) -> None:
    result = services.care.add_act(_paper(household["adult"], household["gp"]))
    [feuille] = services.claims.feuilles()
    assert feuille.status is FeuilleStatus.TO_SIGN
    assert feuille.act_ids == (result.value.id,)
    assert feuille.deadline == date(2027, 3, 31)
    assert feuille.next_action == "Sign the feuille"
    assert result.changes.feuilles == {feuille.id}


def test_vitale_and_tiers_payant_care_have_no_feuille(
    services: Services, household: dict[str, int]
) -> None:
    act = _paper(household["adult"], household["gp"])
    services.care.add_act(replace(act, channel=Channel.VITALE))
    services.care.add_act(replace(act, payment_mode=PaymentMode.TIERS_PAYANT_PARTIAL))
    assert services.claims.feuilles() == []


def test_newcomer_feuilles_are_held_then_released_with_the_number(
    services: Services, household: dict[str, int]
) -> None:
    data = PersonInput(first_name="David", last_name="Thompson", birth_date=date(1986, 9, 2))
    david = services.household.add_person(data).value
    son = services.household.add_person(
        PersonInput(first_name="Sam", last_name="Thompson", insured_id=david.id)
    ).value
    own = services.care.add_act(_paper(david.id, household["gp"])).value
    sons = services.care.add_act(_paper(son.id, household["gp"])).value
    assert {f.status for f in services.claims.feuilles()} == {FeuilleStatus.HELD}
    # Held: no payment can be awaited yet, and the care table says why.
    assert services.care.expected_payments(own.id) == []
    assert services.care.expected_payments(sons.id) == []
    assert {services.care.summary(a.id).status for a in (own, sons)} == {"held"}
    with pytest.raises(ValidationError, match="number first"):
        services.claims.step(services.claims.feuilles()[0].id, Step.RELEASE)

    result = services.household.edit_person(david.id, replace(data, nir="186099913204566"))
    assert {f.status for f in services.claims.feuilles()} == {FeuilleStatus.TO_SIGN}
    assert len(result.changes.feuilles) == 2
    first = services.claims.feuilles()[0]
    assert "release" in [name for _, name in services.claims.history(first.id)]
    # Released: the payments are awaited from now on, the dependent's too.
    for act in (own, sons):
        [amo] = services.care.expected_payments(act.id)
        assessment = services.care.assessment(act.id)
        assert assessment is not None and amo.amount_cents == assessment.amo_cents > 0
        assert services.care.summary(act.id).status == "pending"


def test_steps_are_recorded_with_their_dates(services: Services, household: dict[str, int]) -> None:
    services.care.add_act(_paper(household["adult"], household["gp"]))
    feuille = services.claims.feuilles()[0]
    services.claims.step(feuille.id, Step.SIGN, on=date(2026, 11, 20))
    after = services.claims.step(feuille.id, Step.COPY).value
    assert after.status is FeuilleStatus.COPIED
    history = services.claims.history(feuille.id)
    assert history[1:] == [(date(2026, 11, 20), "sign"), (date(2026, 11, 28), "copy")]


def test_each_step_records_the_feuille_as_it_became(
    services: Services, household: dict[str, int]
) -> None:
    """The history holds whole records, as undo needs them, though a bulk step only
    encodes the fields a step changes for its "after" side."""
    services.care.add_act(_paper(household["adult"], household["gp"]))
    feuille = services.claims.feuilles()[0]

    def recorded_as_stored(action: str) -> None:
        last = services.store.events.for_entity("feuille", feuille.id)[-1]
        assert last.action.startswith(action)
        assert last.after == row_json(services.claims.feuille(feuille.id))

    services.claims.step(feuille.id, Step.SIGN, on=date(2026, 11, 20))
    recorded_as_stored("sign")
    services.claims.step(feuille.id, Step.COPY, on=date(2026, 11, 21))
    recorded_as_stored("copy")
    mailing = services.mailings.create(PersonId(household["adult"]), [feuille.id]).value
    recorded_as_stored("enclose")
    services.mailings.mark_mailed(mailing.id, date(2026, 11, 22))
    recorded_as_stored("mail")
    services.claims.step(feuille.id, Step.RETURN, date(2026, 11, 27), "pas signée")
    recorded_as_stored("return")
    first, second = services.store.events.for_entity("feuille", feuille.id)[1:3]
    assert second.before == first.after


@pytest.mark.parametrize(
    ("step", "reason", "message"),
    [
        (Step.COPY, "", "cannot copy a feuille that is to-sign"),
        (Step.MAIL, "", "mailing commands"),
        (Step.PAY, "", "cannot pay"),
    ],
)
def test_impossible_steps_are_refused_and_change_nothing(
    services: Services, household: dict[str, int], step: Step, reason: str, message: str
) -> None:
    services.care.add_act(_paper(household["adult"], household["gp"]))
    feuille = services.claims.feuilles()[0]
    with pytest.raises(ValidationError, match=message):
        services.claims.step(feuille.id, step, reason=reason)
    assert services.claims.feuille(feuille.id) == feuille


def test_returned_feuille_needs_a_reason_and_can_be_signed_again(
    services: Services, household: dict[str, int]
) -> None:
    services.care.add_act(_paper(household["adult"], household["gp"]))
    feuille = services.claims.feuilles()[0]
    db = services.store.ledger.db
    # Walk it to "mailed" the way a mailing would (the mailing service is tested elsewhere).
    for step in (Step.SIGN, Step.ENCLOSE, Step.MAIL):
        feuille = services.claims.keeper.step(feuille, step, date(2026, 11, 1))
    with pytest.raises(ValidationError, match="say why"):
        services.claims.step(feuille.id, Step.RETURN)
    returned = services.claims.step(feuille.id, Step.RETURN, reason="Signature manquante").value
    assert returned.status is FeuilleStatus.RETURNED
    assert returned.reason == "Signature manquante"
    assert services.claims.step(feuille.id, Step.SIGN).value.status is FeuilleStatus.SIGNED
    assert db.execute("SELECT count(*) FROM feuille").fetchone()[0] == 1


def test_merge_a_physiotherapy_series(services: Services, household: dict[str, int]) -> None:
    for day in (date(2025, 3, 1), date(2025, 3, 8), date(2025, 3, 15)):
        services.care.add_act(_paper(household["adult"], household["gp"], day))
    ids = [f.id for f in services.claims.feuilles()]
    merged = services.claims.merge(ids).value
    assert len(merged.act_ids) == 3
    assert [f.id for f in services.claims.feuilles()] == [merged.id]
    child_act = services.care.add_act(_paper(household["child"], household["gp"])).value
    other = services.store.feuilles.for_act(child_act.id)
    assert other is not None
    with pytest.raises(ValidationError, match="one person"):
        services.claims.merge([merged.id, other.id])


def test_feuille_follows_its_act(services: Services, household: dict[str, int]) -> None:
    act = services.care.add_act(_paper(household["adult"], household["gp"])).value
    services.care.edit_act(
        act.id, replace(_paper(household["adult"], household["gp"]), channel=Channel.VITALE)
    )
    assert services.claims.feuilles() == []
    again = services.care.add_act(_paper(household["adult"], household["gp"])).value
    services.care.delete_act(again.id)
    assert services.claims.feuilles() == []


def test_deadline_warnings_at_90_and_30_days(tmp_path: Path) -> None:
    services = build_services(tmp_path / "w.sqlite", today=lambda: date(2027, 1, 5))
    try:
        ids = make_household(services)
        services.care.add_act(_paper(ids["adult"], ids["gp"], date(2024, 11, 2)))  # 2026-12-31
        services.care.add_act(_paper(ids["adult"], ids["gp"], date(2025, 1, 10)))  # 2027-03-31
        services.care.add_act(_paper(ids["adult"], ids["gp"], date(2025, 5, 10)))  # 2027-06-30
        newcomer = services.household.add_person(PersonInput(first_name="Ana", last_name="Lima"))
        services.care.add_act(_paper(newcomer.value.id, ids["gp"], date(2025, 2, 1)))
        warnings = services.claims.deadline_warnings()
        assert [(w.days_left, w.level) for w in warnings] == [(-5, 30), (85, 90), (85, 90)]
        assert "deadline has passed" in warnings[0].advice
        held = next(w for w in warnings if w.feuille.status is FeuilleStatus.HELD)
        assert "registration is in progress" in held.advice
        assert any("Send it within 85 days" in w.advice for w in warnings)
    finally:
        services.close()


def test_a_merged_series_shows_every_sessions_date_on_the_bordereau(
    services: Services, household: dict[str, int]
) -> None:
    from io import BytesIO  # noqa: PLC0415

    from pypdf import PdfReader  # noqa: PLC0415

    days = (date(2025, 3, 1), date(2025, 3, 8), date(2025, 3, 15))
    for day in days:
        services.care.add_act(_paper(household["adult"], household["gp"], day))
    merged = services.claims.merge([f.id for f in services.claims.feuilles()]).value
    services.claims.step(merged.id, Step.SIGN)
    services.claims.step(merged.id, Step.COPY)
    services.settings.set("household.address", "Sarah Thompson\n12 rue des Lilas\n75011 Paris")
    mailing = services.mailings.create(PersonId(household["adult"])).value
    pdf = services.mailing_documents.pdf(mailing.id, "fr")
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    for day in ("01/03/2025", "08/03/2025", "15/03/2025"):
        assert day in text
