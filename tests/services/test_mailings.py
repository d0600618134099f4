"""Mailings: ready feuilles into an envelope, mailed, payments expected from the mailing date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from carnet.app import Services
from carnet.domain.claims import Step
from carnet.domain.codes import FeuilleStatus, Payer
from carnet.domain.errors import ValidationError
from carnet.domain.ids import FeuilleId, PersonId
from carnet.domain.mailings import MailingMode, RecipientKind
from carnet.domain.people import PersonInput
from tests.services.helpers import paper_feuille


def _signed(services: Services, household: dict[str, int]) -> list[FeuilleId]:
    ids = [
        paper_feuille(services, household["adult"], household["gp"], date(2026, 10, 1)),
        paper_feuille(services, household["child"], household["gp"], date(2026, 10, 8)),
    ]
    for ident in ids:
        services.claims.step(ident, Step.SIGN)
    return ids


def test_create_mail_and_expect_payments(services: Services, household: dict[str, int]) -> None:
    ids = _signed(services, household)
    # The child is a dependent: her feuille goes in her mother's envelope to the same CPAM.
    mailing = services.mailings.create(PersonId(household["child"])).value
    assert mailing.person_id == household["adult"]
    assert mailing.recipient == "CPAM de Paris"
    assert sorted(mailing.feuille_ids) == sorted(ids)
    assert {f.status for f in services.mailings.feuilles_of(mailing.id)} == {
        FeuilleStatus.IN_MAILING
    }

    mailed = services.mailings.mark_mailed(mailing.id, date(2026, 11, 2), "1A 234 567 8901 2").value
    assert mailed.mode is MailingMode.REGISTERED
    assert mailed.printed_on == date(2026, 11, 2)
    assert {f.status for f in services.mailings.feuilles_of(mailing.id)} == {FeuilleStatus.MAILED}
    act_id = services.mailings.feuilles_of(mailing.id)[0].act_ids[0]
    amo = next(p for p in services.care.expected_payments(act_id) if p.payer is Payer.AMO)
    assert amo.earliest == date(2026, 11, 2) + timedelta(days=10)
    with pytest.raises(ValidationError, match="already mailed"):
        services.mailings.mark_mailed(mailing.id)


def test_only_ready_feuilles_of_the_family_go_in(
    services: Services, household: dict[str, int]
) -> None:
    unsigned = paper_feuille(services, household["adult"], household["gp"], date(2026, 9, 1))
    with pytest.raises(ValidationError, match="no signed feuille"):
        services.mailings.create(PersonId(household["adult"]))
    with pytest.raises(ValidationError, match=f"feuille #{unsigned} is not ready"):
        services.mailings.create(PersonId(household["adult"]), [unsigned])
    assert services.mailings.mailings() == []


def test_cpam_needed_and_noemie_means_no_mutuelle_mailing(
    services: Services, household: dict[str, int]
) -> None:
    _signed(services, household)
    adult = services.household.person(PersonId(household["adult"]))
    with pytest.raises(ValidationError, match="no mutuelle contract"):
        services.mailings.create(adult.id, recipient_kind=RecipientKind.MUTUELLE)
    data = services.store.people.get(adult.id)
    services.household.edit_person(
        adult.id,
        PersonInput(
            first_name=data.first_name,
            last_name=data.last_name,
            birth_date=data.birth_date,
            nir=data.nir,
            cpam="",
        ),
    )
    with pytest.raises(ValidationError, match="caisse first"):
        services.mailings.create(adult.id)


def test_cancel_and_undo(services: Services, household: dict[str, int]) -> None:
    _signed(services, household)
    mailing = services.mailings.create(PersonId(household["adult"])).value
    services.mailings.cancel(mailing.id)
    assert services.mailings.mailings() == []
    assert {f.status for f in services.claims.feuilles()} == {FeuilleStatus.SIGNED}
    services.history.undo()  # the cancel
    assert [m.id for m in services.mailings.mailings()] == [mailing.id]
    assert {f.status for f in services.claims.feuilles()} == {FeuilleStatus.IN_MAILING}
    assert services.mailings.mailing(mailing.id).feuille_ids == mailing.feuille_ids
    services.history.undo()  # the creation
    assert services.mailings.mailings() == []
    assert {f.status for f in services.claims.feuilles()} == {FeuilleStatus.SIGNED}
    assert all(f.mailing_id is None for f in services.claims.feuilles())


def test_unanswered_mailings(services: Services, household: dict[str, int]) -> None:
    _signed(services, household)
    mailing = services.mailings.create(PersonId(household["adult"])).value
    services.mailings.mark_mailed(mailing.id, date(2026, 10, 1))
    assert [m.id for m in services.mailings.unanswered(weeks=6)] == [mailing.id]
    assert services.mailings.unanswered(weeks=10) == []
    counts = services.mailings.feuille_states()
    assert counts == {mailing.id: {FeuilleStatus.MAILED: len(mailing.feuille_ids)}}
    for feuille_id in mailing.feuille_ids:  # the CPAM paid: nothing waits any more
        services.claims.step(feuille_id, Step.PAY, on=date(2026, 11, 2))
    assert services.mailings.unanswered(weeks=6) == []
    assert services.mailings.feuille_states()[mailing.id] == {
        FeuilleStatus.AMO_PAID: len(mailing.feuille_ids)
    }
