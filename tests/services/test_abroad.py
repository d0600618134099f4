"""Care abroad: the invoice converted exactly, the French ceiling, the claim packet, paid."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from carnet.app import Services
from carnet.domain.abroad import AbroadInput, RateSource, TariffChoice, Zone, to_euro_cents
from carnet.domain.care import ActInput
from carnet.domain.claims import Step
from carnet.domain.codes import Channel, FeuilleStatus, Payer, PaymentStatus
from carnet.domain.errors import ValidationError
from carnet.domain.ids import PersonId
from carnet.domain.money import Cents
from carnet.rules.explain import render_all
from tests.documents.pdfs import all_text, pages_text, render_png
from tests.services.test_bank import boursobank

LONDON = date(2026, 8, 3)


def _act(person: int, day: date = LONDON, code: str = "G") -> ActInput:
    return ActInput(
        person_id=PersonId(person),
        practitioner_id=None,
        date=day,
        act_code=code,
        fee_cents=Cents(0),
    )


def _gp_in_london(services: Services, person: int, **extra: object) -> int:
    abroad = AbroadInput("gb", "gbp", Decimal("85.00"), Decimal("1.1650"), **extra)  # type: ignore[arg-type]
    return services.abroad.add_act(_act(person), abroad).value.id


def test_exact_conversion_rounds_half_up_to_the_cent() -> None:
    # 85.00 × 1.1650 = 99.025 → 99.03 €; never a float on the way.
    assert to_euro_cents(Decimal("85.00"), Decimal("1.1650")) == 9903
    assert to_euro_cents(Decimal("12000"), Decimal("0.0061")) == 7320  # yen: no decimals
    assert to_euro_cents(Decimal("0.01"), Decimal("0.5")) == 1


def test_a_gp_visit_in_london_is_paid_on_the_french_tariff(
    services: Services, household: dict[str, int]
) -> None:
    # Worked example (rules/abroad.py): £85.00 at 1.1650 = 99.03 €; G 30 € × 70 % − 2 € PF
    # = 19.00 € (hors résidence: no parcours penalty); the household keeps 80.03 €.
    act_id = _gp_in_london(services, household["adult"])
    act = services.store.acts.get(act_id)
    assert act.fee_cents == 9903
    assessment = services.store.assessments.get(act_id)
    assert assessment is not None
    assert (assessment.base_cents, assessment.amo_cents, assessment.patient_cents) == (
        3000,
        1900,
        8003,
    )
    lines = render_all(assessment.explanation, "en")
    assert lines[0] == "Care abroad: invoice 85.00 GBP at €1.1650 per GBP = €99.03."
    assert "French tariff" in lines[1]
    [amo] = services.care.expected_payments(act_id)
    assert (amo.payer, amo.amount_cents) == (Payer.AMO, 1900)
    feuille = services.store.feuilles.for_act(act_id)
    assert feuille is not None and feuille.form == "cerfa-12267"
    abroad = services.abroad.of(act.id)
    assert abroad is not None and abroad.zone is Zone.EUROPE and abroad.country == "GB"


def test_outside_europe_urgent_care_is_at_the_caisses_discretion(
    services: Services, household: dict[str, int]
) -> None:
    urgent = AbroadInput("US", "USD", Decimal("200.00"), Decimal("0.92"))
    act_id = services.abroad.add_act(_act(household["adult"]), urgent).value.id
    assessment = services.store.assessments.get(act_id)
    assert assessment is not None
    # 200 × 0.92 = 184.00 €; the French G (30 €) is the ceiling: 19.00 € if the caisse agrees.
    assert (assessment.fee_cents, assessment.amo_cents) == (18400, 1900)
    assert assessment.confidence == "unsure"
    assert any("caisse's discretion" in line for line in render_all(assessment.explanation))
    french = render_all(assessment.explanation, "fr")
    assert "à l'appréciation de la caisse" in " ".join(french)


def test_what_the_engine_cannot_or_may_not_expect(
    services: Services, household: dict[str, int]
) -> None:
    planned = AbroadInput("US", "USD", Decimal("200.00"), Decimal("0.92"), urgent=False)
    country = AbroadInput("ES", "EUR", Decimal("50.00"), Decimal("1"), tariff=TariffChoice.COUNTRY)
    for terms, code in ((planned, "planned"), (country, "country's tariffs")):
        act_id = services.abroad.add_act(_act(household["adult"]), terms).value.id
        assessment = services.store.assessments.get(act_id)
        assert assessment is not None and assessment.amo_cents == 0
        assert services.care.expected_payments(act_id) == []
        text = " ".join(render_all(assessment.explanation))
        assert ("not reimbursed" in text) if code == "planned" else ("only the CPAM" in text)


def test_cheap_care_is_capped_at_what_was_paid(
    services: Services, household: dict[str, int]
) -> None:
    # 100 PLN at 0.23 = 23.00 €, below the French 30 €: base 23 € → 23 × 70 % − 2 = 14.10 €.
    cheap = AbroadInput("PL", "PLN", Decimal("100"), Decimal("0.23"))
    act_id = services.abroad.add_act(_act(household["adult"]), cheap).value.id
    assessment = services.store.assessments.get(act_id)
    assert assessment is not None and assessment.amo_cents == 1410


def test_the_rate_can_come_from_the_bank_line_that_paid(
    services: Services, household: dict[str, int]
) -> None:
    services.bank.import_file(
        boursobank([("2026-08-04", "CB HARLEY STREET CLINIC LONDON", "-99,03")]), "aug.csv"
    )
    [line] = services.store.bank.transactions()
    terms = AbroadInput("GB", "GBP", Decimal("85.00"), transaction_id=line.id)
    act_id = services.abroad.add_act(_act(household["adult"]), terms).value.id
    abroad = services.abroad.of(act_id)
    assert abroad is not None and abroad.rate_source is RateSource.BANK
    assert abroad.rate == Decimal("1.16505882")  # 99.03 / 85, eight places
    assert services.store.acts.get(act_id).fee_cents == 9903


@pytest.mark.parametrize(
    ("terms", "field"),
    [
        (AbroadInput("FR", "EUR", Decimal(10), Decimal(1)), "country"),
        (AbroadInput("ZZ", "EUR", Decimal(10), Decimal(1)), "country"),
        (AbroadInput("GB", "POUND", Decimal(10), Decimal(1)), "currency"),
        (AbroadInput("GB", "GBP", Decimal("-5"), Decimal(1)), "amount"),
        (AbroadInput("GB", "GBP", Decimal("5.001"), Decimal(1)), "amount"),
        (AbroadInput("GB", "GBP", Decimal(5)), "rate"),
        (AbroadInput("GB", "GBP", Decimal(5), Decimal(0)), "rate"),
    ],
)
def test_bad_terms_are_refused_and_nothing_is_written(
    services: Services, household: dict[str, int], terms: AbroadInput, field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.abroad.add_act(_act(household["adult"]), terms)
    assert refused.value.field == field
    assert services.store.count_acts() == 0


def test_undo_takes_back_the_act_and_its_invoice(
    services: Services, household: dict[str, int]
) -> None:
    act_id = _gp_in_london(services, household["adult"])
    services.care.delete_act(act_id)
    assert services.abroad.of(act_id) is None
    services.history.undo()
    restored = services.abroad.of(act_id)
    assert restored is not None and restored.amount == Decimal("85.00")
    assessment = services.store.assessments.get(act_id)
    assert assessment is not None and assessment.amo_cents == 1900


def _claim(services: Services, household: dict[str, int]) -> tuple[int, int]:
    services.settings.set("household.address", "12 rue des Lilas\n75011 Paris")
    services.settings.set("household.city", "Paris")
    london = _gp_in_london(services, household["adult"])
    child = AbroadInput("US", "USD", Decimal("150.00"), Decimal("0.9215"))
    services.abroad.add_act(_act(household["child"], date(2026, 7, 20)), child)
    for feuille in services.claims.feuilles():
        services.claims.step(feuille.id, Step.SIGN)
    mailing = services.abroad.create_claim(PersonId(household["child"])).value
    return london, mailing.id


def test_the_claim_packet_in_pounds_dollars_and_euros(
    services: Services, household: dict[str, int], tmp_path: Path
) -> None:
    _london, mailing_id = _claim(services, household)
    pdf = services.mailing_documents.pdf(mailing_id, "en")
    pages = pages_text(pdf)
    letter = all_text(pdf)
    assert "Demande de remboursement de soins reçus à l'étranger" in letter
    assert "formulaire S3125, cerfa n° 12267" in letter
    assert "85,00 £GB" in letter and "99,03 €" in letter  # pounds and euros, French style
    assert "150,00 $US" in letter and "138,23 €" in letter  # 150 × 0.9215 = 138.225 → 138.23
    assert "Total en euros 237,26 €" in letter
    assert "sur la base des tarifs français" in letter
    assert "urgents et imprévus" in letter
    assert "Justificatif du séjour" in letter
    checklist = pages[-1]
    assert "Checklist – care abroad" in checklist
    assert "tick “tarifs français” (French tariffs) for C-2026-0001-02" in all_text(pdf)
    assert "£85.00" in checklist and "€99.03" in checklist
    assert "Léa Thompson, with date of birth" in all_text(pdf)
    french = all_text(services.mailing_documents.pdf(mailing_id, "fr"))
    assert "Aide-mémoire – soins à l'étranger" in french and "19,00 € si accepté" not in french
    assert "cochez « tarifs français » pour C-2026-0001-02" in french
    png = render_png(pdf, tmp_path, dpi=60, name="abroad")
    assert png.stat().st_size > 10_000


def test_the_claim_is_mailed_then_paid_by_the_cpam(
    services: Services, household: dict[str, int]
) -> None:
    london, mailing_id = _claim(services, household)
    services.mailings.mark_mailed(mailing_id, date(2026, 9, 1))
    assert {f.status for f in services.mailings.feuilles_of(mailing_id)} == {FeuilleStatus.MAILED}
    # One transfer for both: London 19.00 € and Léa's US visit, a child under 6 (G + MEG
    # 35 € × 70 %, no participation forfaitaire under 18) 24.50 €.
    services.bank.import_file(
        boursobank([("2026-10-20", "VIR SEPA CPAM DE PARIS", "43,50")]), "oct.csv"
    )
    [proposal] = services.reconciliation.propose().chosen
    services.reconciliation.confirm([proposal])
    [amo] = services.care.expected_payments(london)
    assert amo.status is PaymentStatus.PAID
    assert {f.status for f in services.mailings.feuilles_of(mailing_id)} == {FeuilleStatus.AMO_PAID}


def test_an_ordinary_mailing_leaves_the_claims_abroad_out(
    services: Services, household: dict[str, int]
) -> None:
    _gp_in_london(services, household["adult"])
    [feuille] = services.claims.feuilles()
    services.claims.step(feuille.id, Step.SIGN)
    with pytest.raises(ValidationError, match="no signed feuille"):
        services.mailings.create(PersonId(household["adult"]))
    assert services.abroad.create_claim(PersonId(household["adult"])).value.feuille_ids == (
        feuille.id,
    )


def test_a_claim_abroad_and_feuilles_de_soins_never_share_an_envelope(
    services: Services, household: dict[str, int]
) -> None:
    _gp_in_london(services, household["adult"])
    services.care.add_act(
        ActInput(
            person_id=PersonId(household["adult"]),
            practitioner_id=None,
            date=date(2026, 10, 1),
            act_code="G",
            fee_cents=Cents(3000),
            channel=Channel.PAPER,
        )
    )
    ids = [f.id for f in services.claims.feuilles()]
    for ident in ids:
        services.claims.step(ident, Step.SIGN)
    with pytest.raises(ValidationError, match="envelope of its own"):
        services.mailings.create(PersonId(household["adult"]), ids)
