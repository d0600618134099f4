"""The yearly summary and the "what to do now" sheet: their text checked against the database."""

from __future__ import annotations

from datetime import date

import pytest

from carnet.app import Services
from carnet.cli.summary import todo_entries
from carnet.documents.formats import money
from carnet.documents.pages import RenderCancelled
from carnet.documents.summary import render_summary
from carnet.documents.summary_charts import months_between, nice_step, whole_euros
from carnet.documents.summary_tables import Column, fit_text, fitted_cell
from carnet.documents.todo_sheet import render_todo, share_rows
from carnet.domain.care import ActInput
from carnet.domain.codes import Channel
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.reports import (
    OpenFeuille,
    Pending,
    Summary,
    SummaryAct,
    TodoEntry,
)
from carnet.services.demo import build_demo
from tests.conftest import TODAY
from tests.documents.pdfs import all_text, normalise, page_count

YEAR_START, YEAR_END = date(2026, 1, 1), date(2026, 12, 31)


@pytest.fixture
def demo(services: Services) -> Services:
    build_demo(services.household, services.care, acts=80, today=TODAY)
    return services


def _data(services: Services, person: PersonId | None = None) -> Summary:
    return services.reports.summary(YEAR_START, YEAR_END, person)


def _amounts(cents: tuple[int, ...], language: str) -> str:
    return " ".join(normalise(money(c, language)) for c in cents)


def test_the_totals_are_those_of_the_database_in_english(demo: Services) -> None:
    # Summed from the care service's own rows, not from the report that fed the PDF.
    acts = [a for a in demo.care.summaries() if YEAR_START <= a.date <= YEAR_END]
    fee = sum(a.fee_cents for a in acts)
    amo = sum(a.amo_cents or 0 for a in acts)
    amc = sum(a.amc_cents or 0 for a in acts)
    patient = sum(a.fee_cents if a.patient_cents is None else a.patient_cents for a in acts)
    assert amo + amc + patient == fee
    text = all_text(render_summary(_data(demo), "en"))
    assert "Health-care summary – Whole household" in text
    assert "1 January 2026 to 31 December 2026" in text
    assert f"Total, {len(acts)} acts {_amounts((fee, amo, amc, patient), 'en')}" in text
    assert _amounts((fee, amo, amc, patient), "en") in text  # the totals band on page 1
    for act in acts[:5]:
        assert act.date.strftime("%d/%m/%Y") in text


def test_french_summary_words_and_number_formats(demo: Services) -> None:
    data = _data(demo)
    totals = data.totals
    text = all_text(render_summary(data, "fr"))
    for expected in (
        "Récapitulatif des soins – Tout le foyer",
        "du 1er janvier 2026 au 31 décembre 2026",
        "Encore attendu, par payeur et jours de retard",
        "Feuilles de soins pas encore envoyées",
        "Actes de soins",
        f"Total, {len(data.acts)} actes",
        _amounts((totals.fee_cents, totals.amo_cents, totals.amc_cents), "fr"),
        "Récapitulatif 2026 – page 1/",
    ):
        assert expected in text, expected
    assert "€" in text and "Whole household" not in text


def test_one_person_summary_lists_only_their_acts(demo: Services) -> None:
    sarah = PersonId(1)
    data = _data(demo, sarah)
    text = all_text(render_summary(data, "en"))
    assert "Health-care summary – Sarah Thompson" in text
    assert {a.person for a in data.acts} == {"Sarah Thompson"}
    assert "Tom Thompson" not in text.split("Care acts", 1)[1]


def test_open_feuilles_are_listed_with_deadline_and_next_step(demo: Services) -> None:
    data = _data(demo)
    assert data.feuilles
    text = all_text(render_summary(data, "en"))
    for feuille in data.feuilles:
        assert f"#{feuille.number} " in text
        assert feuille.deadline is not None and feuille.deadline.strftime("%d/%m/%Y") in text
    assert "Sign the feuille" in text or "Keep it until the social security number" in text


def test_ageing_buckets_are_printed_per_payer(
    services: Services, household: dict[str, int]
) -> None:
    for day in (date(2026, 11, 20), date(2026, 10, 1), date(2026, 5, 1)):
        services.care.add_act(
            ActInput(
                person_id=PersonId(household["adult"]),
                practitioner_id=PractitionerId(household["gp"]),
                date=day,
                act_code="G",
                fee_cents=Cents(3000),
                channel=Channel.VITALE,
            )
        )
    text = all_text(render_summary(_data(services), "en"))
    # Not yet due, 0-30, 31-60, 61-90, over 90, total (see test_reports for the dates).
    assert "Assurance Maladie (CPAM) €19.00 – €19.00 – €19.00 €57.00" in text
    french = all_text(render_summary(_data(services), "fr"))
    assert "Assurance Maladie (CPAM) 19,00 € – 19,00 € – 19,00 € 57,00 €" in french


def test_the_same_summary_gives_the_same_bytes(demo: Services) -> None:
    data = _data(demo)
    assert render_summary(data, "en") == render_summary(data, "en")
    assert render_summary(data, "fr") != render_summary(data, "en")


def test_an_empty_year_still_renders(services: Services) -> None:
    text = all_text(render_summary(_data(services), "en"))
    assert "No care act in this period." in text
    assert "Nothing is awaited" in text
    assert "Every paper feuille has been mailed." in text


def test_user_text_is_printed_as_typed() -> None:
    act = SummaryAct(
        date(2026, 3, 2), "<b>Zé</b>&", "Dr 李小龍", "G", "gp", 3000, 1900, 900, 200, "pending"
    )
    data = Summary(
        person="<i>Zoé</i>",
        start=YEAR_START,
        end=YEAR_END,
        generated_on=TODAY,
        acts=(act,),
        pending=(Pending("amo", (0, 0, 0, 1900), 0),),
        feuilles=(OpenFeuille(7, "Tom & Jerry", "to-sign", date(2028, 3, 31)),),
    )
    text = all_text(render_summary(data, "en"))
    assert "Health-care summary – <i>Zoé</i>" in text
    assert "<b>Zé</b>&" in text
    assert "李小龍" in text
    assert "Tom & Jerry" in text


def test_a_thousand_acts_keep_their_totals_on_the_last_page() -> None:
    acts = tuple(
        SummaryAct(
            date(2026, 1 + n % 12, 1 + n % 28),
            "Sarah",
            "Dr Martin",
            "G",
            "gp",
            3000,
            1900,
            900,
            200,
            "settled",
        )
        for n in range(1000)
    )
    data = Summary("", YEAR_START, YEAR_END, TODAY, acts)
    pdf = render_summary(data, "en")
    assert page_count(pdf) > 15
    assert "Total, 1000 acts €30,000.00 €19,000.00 €9,000.00 €2,000.00" in all_text(pdf)


def _paid_gp_visits(count: int) -> Summary:
    act = SummaryAct(
        date(2026, 1, 1), "Sarah", "Dr Martin", "G", "gp", 3000, 1900, 900, 200, "paid"
    )
    return Summary("", YEAR_START, YEAR_END, TODAY, (act,) * count)


@pytest.mark.parametrize(
    ("acts", "yes_at"),
    [
        (400, 4),  # asked before the table's rows, then once a page: stops on the third page
        (2500, 3),  # asked every 1000 rows: stops while the rows are laid out, before any page
    ],
)
def test_a_render_asked_to_stop_stops_at_the_next_question(acts: int, yes_at: int) -> None:
    data = _paid_gp_visits(acts)
    asked: list[int] = []

    def stop_at_last() -> bool:
        asked.append(1)
        return len(asked) == yes_at

    with pytest.raises(RenderCancelled):
        render_summary(data, "en", stop_at_last)
    assert len(asked) == yes_at  # and not asked again once told to stop


def test_a_render_never_told_to_stop_is_the_same_document() -> None:
    data = _paid_gp_visits(400)
    assert render_summary(data, "en", lambda: False) == render_summary(data, "en")


def test_long_names_are_cut_to_their_column() -> None:
    narrow = Column(60)
    assert fitted_cell("Sarah", narrow) == "Sarah"
    cut = fit_text("Pharmacie du Marché de la Place de la République", round(narrow.room * 100))
    assert cut.endswith("…") and len(cut) < 20
    assert not isinstance(fitted_cell("王小明", narrow), str)  # CJK needs the fallback font


def test_chart_helpers() -> None:
    assert nice_step(0) == 100
    assert nice_step(26776) == 10000  # €267.76 → steps of €100
    assert nice_step(41000) == 10000
    assert nice_step(123456) == 50000
    assert months_between(date(2025, 11, 5), date(2026, 2, 1)) == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]
    assert whole_euros(123456, "en") == "€1,234"
    assert whole_euros(123456, "fr") == "1\u00a0234\u00a0€"


def test_todo_sheet_lists_the_items(demo: Services) -> None:
    items = [item for item in demo.todo.items() if item.kind != "doctor"]
    entries = todo_entries(demo, demo.todo.items())
    assert len(entries) == len(items)  # the sheet leaves the médecin traitant advice out
    pdf = render_todo(entries, "en", TODAY)
    assert page_count(pdf) == 1
    text = all_text(pdf)
    assert "What to do now" in text and "As of 28 November 2026" in text
    feuilles = [e for e in entries if e.kind == "feuille"]
    overdue = [e for e in entries if e.kind == "overdue-payment"]
    assert feuilles and overdue
    assert f"#{feuilles[0].feuille}" in text and "Sign the feuille" in text
    first = overdue[0]
    assert first.payer in ("amo", "amc") and first.care_date is not None
    assert f"{first.act} of {first.care_date:%d/%m/%Y}" in text
    total = sum(e.amount_cents or 0 for e in overdue if e.payer == "amo")
    count = sum(1 for e in overdue if e.payer == "amo")
    assert f"Assurance Maladie (CPAM): {count} payments, {normalise(money(total, 'en'))}" in text
    shown = text.count("☐")
    assert shown < len(entries)
    assert f"… and {len(entries) - shown} more in Carnet" in text


def test_french_todo_sheet_and_deadlines() -> None:
    entries = [
        TodoEntry("deadline", "Léa", date(2026, 12, 20), 4, "to-sign"),
        TodoEntry("deadline", "Tom", date(2026, 11, 1), 5, "signed"),
        TodoEntry("feuille", "Léa", date(2028, 3, 31), 6, "signed"),
        TodoEntry(
            "overdue-payment",
            "Sarah",
            date(2026, 6, 4),
            payer="amc",
            act="G",
            care_date=date(2026, 5, 2),
            amount_cents=1050,
        ),
    ]
    text = all_text(render_todo(entries, "fr", TODAY))
    for expected in (
        "À faire maintenant",
        "Sous 22 jours : signer la feuille",
        "20/12/2026 (encore 22 jours)",
        "L'envoyer quand même avec un mot",
        "01/11/2026 (dépassée)",
        "En faire une copie",
        "Mutuelle : 1 paiement, 10,50 €",
        "G du 02/05/2026",
    ):
        assert expected in text, expected


def test_nothing_to_do() -> None:
    text = all_text(render_todo([], "en", TODAY))
    assert "Nothing to do" in text


def test_a_huge_todo_list_stays_on_one_page() -> None:
    entries = [
        TodoEntry(
            "overdue-payment",
            f"Person {n}",
            TODAY,
            payer="amo",
            act="G",
            care_date=TODAY,
            amount_cents=100,
        )
        for n in range(400)
    ] + [TodoEntry("feuille", "Léa", TODAY, n, "to-sign") for n in range(3)]
    pdf = render_todo(entries, "en", TODAY)
    assert page_count(pdf) == 1
    text = all_text(pdf)
    assert text.count("Sign the feuille") == 3  # the short list shows whole
    assert "… and 373 more in Carnet" in text


def test_rows_are_shared_fairly() -> None:
    assert share_rows([2, 50, 50], 30) == [2, 14, 14]
    assert share_rows([3, 4], 30) == [3, 4]
    assert share_rows([], 30) == []


def test_the_summary_says_what_the_parcours_cost(services: Services) -> None:
    """Two G at 30 € without a médecin traitant: 2 × (30 × 70 % − 30 × 30 %) = 24.00 € lost."""
    household, care = services.household, services.care
    from carnet.domain.people import PersonInput  # noqa: PLC0415
    from carnet.domain.practitioners import PractitionerInput, Profession  # noqa: PLC0415

    gp = household.add_practitioner(PractitionerInput("Dr Martin", Profession.GP)).value.id
    ana = household.add_person(PersonInput("Ana", "Silva", birth_date=date(1990, 1, 1))).value.id
    for day in (date(2026, 2, 3), date(2026, 5, 4)):
        care.add_act(ActInput(ana, gp, day, "G", Cents(3000)))
    data = _data(services)
    assert data.parcours == (("Ana Silva", 2400),)
    text = normalise(all_text(render_summary(data, "fr")))
    assert "Ce que le parcours de soins a coûté" in text
    assert normalise("Ana Silva : 24,00 € non remboursés par la CPAM (hors parcours)") in text
    assert "vous pouvez en changer à tout moment" in text
