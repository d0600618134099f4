"""The care table's SQL read model agrees with the obvious Python over every row.

A household with accented names, acts with and without a practitioner, paid,
unpaid, overdue and unassessed acts; every filter and every sort is checked
against a reference that filters and sorts the full list of summaries in
Python (what the care table did before it asked the database), with literal
cases first and then hypothesis over random combinations.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carnet.app import Services, build_services
from carnet.domain.act_query import ActQuery, ActSort, ActSummary, Owed, fold
from carnet.domain.care import ActInput
from carnet.domain.codes import Payer
from carnet.domain.ids import ActId, PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput
from carnet.domain.practitioners import PractitionerInput, Profession, Sector
from carnet.i18n import Translator
from carnet.ui.care_filters import text_terms
from carnet.ui.labels import category_label, status_label
from tests.conftest import TODAY

EN = Translator("en")


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    path: Path = tmp_path_factory.mktemp("act-table") / "carnet.sqlite"
    services = build_services(path, today=lambda: TODAY)
    _fill(services)
    yield services
    services.close()


def _fill(services: Services) -> None:
    household = services.household
    doctors = [
        household.add_practitioner(
            PractitionerInput(name=name, profession=prof, sector=sector)
        ).value.id
        for name, prof, sector in (
            ("Dr Claire Martin", Profession.GP, Sector.S1),
            ("Dr Émile Zola", Profession.GP, Sector.S2_OPTAM),
            ("Cabinet Durand", Profession.PHYSIOTHERAPIST, Sector.S1),
        )
    ]
    adult = household.add_person(
        PersonInput(
            first_name="Sarah",
            last_name="Thompson",
            birth_date=date(1988, 3, 14),
            nir="2 88 03 99 132 045 16",
            cpam="CPAM de Paris",
        )
    ).value.id
    people = [adult]
    for first in ("Élodie", "léa", "Zoé"):
        people.append(
            household.add_person(
                PersonInput(
                    first_name=first,
                    last_name="Thompson",
                    birth_date=date(2015, 5, 2),
                    insured_id=adult,
                )
            ).value.id
        )
    codes = {0: "G", 1: "G", 2: "AMK"}
    for n in range(36):
        doctor = None if n % 7 == 0 else doctors[n % 3]
        services.care.add_act(
            ActInput(
                person_id=PersonId(people[n % 4]),
                practitioner_id=None if doctor is None else PractitionerId(doctor),
                date=date(2025, 1, 3) + timedelta(days=17 * n),
                act_code=codes[n % 3] if doctor is not None else "G",
                fee_cents=Cents(2500 + (n * 373) % 4000),
            )
        )
    conn = services.store.ledger.conn
    with services.store.ledger.write():
        # Some money arrived, some was written off, some acts lost their assessment.
        conn.execute("UPDATE expected_payment SET status = 'paid' WHERE act_id % 5 = 0")
        conn.execute(
            "UPDATE expected_payment SET status = 'partly-paid', settled_cents = 1 "
            "WHERE act_id % 5 = 1 AND amount_cents > 0"
        )
        conn.execute("DELETE FROM expected_payment WHERE act_id % 11 = 3")
        conn.execute("DELETE FROM assessment WHERE act_id % 13 = 4")


# -- the reference: the whole list, filtered and sorted in Python ------------------------
def _haystack(row: ActSummary) -> str:
    parts = (
        row.date.isoformat(),
        row.person_name,
        row.practitioner_name,
        row.act_code,
        category_label(EN, row.category),
        status_label(EN, row.status, row.patient_cents is not None),
    )
    return fold(" ".join(parts))


def _owed(services: Services, row: ActSummary, owed: Owed) -> bool:
    for payment in services.store.payments.for_act(row.id):
        if payment.status.value not in ("pending", "partly-paid"):
            continue
        if owed.payer is not None and payment.payer != owed.payer:
            continue
        if owed.overdue_on is not None and not payment.latest < owed.overdue_on:
            continue
        return True
    return False


_KEYS = {
    ActSort.DATE: lambda r: r.date,
    ActSort.PERSON: lambda r: fold(r.person_name),
    ActSort.PRACTITIONER: lambda r: fold(r.practitioner_name),
    ActSort.ACT: lambda r: r.act_code,
    ActSort.CATEGORY: lambda r: r.category,
    ActSort.FEE: lambda r: r.fee_cents,
    ActSort.AMO: lambda r: r.amo_cents,
    ActSort.AMC: lambda r: r.amc_cents,
    ActSort.PATIENT: lambda r: r.patient_cents,
    ActSort.STATUS: lambda r: r.status,
}


def reference(services: Services, query: ActQuery, text: str) -> list[ActId]:
    words = fold(text).split()
    rows = [
        r
        for r in services.care.summaries()
        if (query.person is None or r.person_id == query.person)
        and (query.period is None or query.period[0] <= r.date <= query.period[1])
        and (query.statuses is None or r.status in query.statuses)
        and (query.owed is None or _owed(services, r, query.owed))
        and (query.only is None or r.id in query.only)
        and all(word in _haystack(r) for word in words)
    ]
    key = _KEYS[query.sort]

    def full(row: ActSummary) -> tuple[object, ...]:
        value = key(row)  # no two people (or practitioners) share a name here
        return (value is not None, value, row.date, row.id)

    rows.sort(key=full, reverse=query.descending)
    return [r.id for r in rows]


def ask(services: Services, query: ActQuery, text: str = "") -> list[ActId]:
    return services.care_table.ids(query._replace(terms=text_terms(text, EN)))


# -- literal cases -------------------------------------------------------------------------
def test_every_act_newest_first_by_default(filled: Services) -> None:
    assert _copies_disagree(filled) == 0  # the triggers followed the fixture's edits
    ids = ask(filled, ActQuery())
    assert len(ids) == 36
    dates = [row.date for row in filled.care_table.rows(ids)]
    assert dates == sorted(dates, reverse=True)


def test_names_sort_with_accents_folded_as_people_read_them(filled: Services) -> None:
    ids = ask(filled, ActQuery(sort=ActSort.PERSON, descending=False))
    names = [row.person_name for row in filled.care_table.rows(ids)]
    firsts = list(dict.fromkeys(names))
    # Case and accents are ignored: "Élodie" sorts with the E's, "léa" with the L's.
    assert firsts == ["Élodie Thompson", "léa Thompson", "Sarah Thompson", "Zoé Thompson"]
    assert set(firsts) == {"Sarah Thompson", "Élodie Thompson", "léa Thompson", "Zoé Thompson"}


def test_words_match_names_codes_labels_and_dates(filled: Services) -> None:
    assert len(ask(filled, ActQuery(), "zola")) == len(ask(filled, ActQuery(), "émile")) > 0
    assert ask(filled, ActQuery(), "EMILE") == ask(filled, ActQuery(), "émile")
    assert ask(filled, ActQuery(), "lea") == ask(filled, ActQuery(), "Léa") != []
    assert ask(filled, ActQuery(), "amk") == reference(filled, ActQuery(), "amk")
    not_assessed = ask(filled, ActQuery(), "not assessed")
    assert not_assessed and all(
        row.patient_cents is None for row in filled.care_table.rows(not_assessed)
    )
    assert ask(filled, ActQuery(), "2025-01-03") == reference(filled, ActQuery(), "2025-01-03")
    assert ask(filled, ActQuery(), "nobody-has-this") == []


def test_owed_and_overdue_follow_the_payments(filled: Services) -> None:
    query = ActQuery(owed=Owed(Payer.AMO, TODAY))
    ids = ask(filled, query)
    assert ids == reference(filled, query, "")
    assert 0 < len(ids) < 36


def test_rows_come_back_in_the_order_asked_and_skip_deleted_ids(filled: Services) -> None:
    ids = ask(filled, ActQuery(sort=ActSort.FEE))
    asked = [*ids[:5], ActId(99_999)]
    assert [row.id for row in filled.care_table.rows(asked)] == ids[:5]


def test_latest_code_per_practitioner(filled: Services) -> None:
    codes = filled.care_table.latest_codes()
    by_name = {p.name: p.id for p in filled.household.practitioners()}
    assert codes[by_name["Cabinet Durand"]] == "AMK"
    assert codes[by_name["Dr Claire Martin"]] == "G"


# -- every combination -----------------------------------------------------------------------
WORDS = ["thompson", "léa", "é", "zola", "gp", "g", "amk", "2025", "2026-0", "reimb", "partly"]
queries = st.builds(
    ActQuery,
    person=st.sampled_from([None, PersonId(1), PersonId(3)]),
    period=st.sampled_from([None, (date(2025, 3, 1), date(2025, 12, 31))]),
    statuses=st.sampled_from(
        [None, frozenset({"pending", "partly-paid"}), frozenset({"settled"}), frozenset()]
    ),
    owed=st.sampled_from([None, Owed(), Owed(Payer.AMC), Owed(None, TODAY)]),
    only=st.one_of(st.none(), st.frozensets(st.integers(1, 40), max_size=12)),
    sort=st.sampled_from(list(ActSort)),
    descending=st.booleans(),
)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=queries, words=st.lists(st.sampled_from(WORDS), max_size=2))
def test_sql_agrees_with_python_on_any_filters_and_order(
    filled: Services, query: ActQuery, words: list[str]
) -> None:
    text = " ".join(words)
    assert ask(filled, query, text) == reference(filled, query, text)


def _status_from_payments(statuses: list[str]) -> str:
    """The row status as the care table defines it, worked out here from the payments."""
    if not statuses:
        return "nothing-expected"
    if all(s in ("paid", "written-off") for s in statuses):
        return "settled"
    if any(s in ("paid", "partly-paid") for s in statuses):
        return "partly-paid"
    return "pending"


def _copies_disagree(services: Services) -> int:
    """Acts whose copied shares or row status differ from their sources."""
    conn = services.store.ledger.conn
    shares = conn.execute(
        """SELECT count(*) FROM care_act a LEFT JOIN assessment s ON s.act_id = a.id
        WHERE a.amo_cents IS NOT s.amo_cents OR a.amc_cents IS NOT s.amc_cents
           OR a.patient_cents IS NOT s.patient_cents"""
    ).fetchone()[0]
    payments: dict[int, list[str]] = {}
    for act, status in conn.execute("SELECT act_id, status FROM expected_payment"):
        payments.setdefault(act, []).append(status)
    held = {
        act
        for (act,) in conn.execute(
            "SELECT l.act_id FROM feuille_act l JOIN feuille f ON f.id = l.feuille_id "
            "WHERE f.status = 'held'"
        )
    }
    shown = {r.id: r.status for r in services.care_table.rows(ask(services, ActQuery()))}
    statuses = sum(
        1
        for ident, status in shown.items()
        if ("held" if ident in held else _status_from_payments(payments.get(ident, []))) != status
    )
    return int(shares) + statuses


def test_the_copied_sort_keys_stay_true_through_delete_undo_redo_and_a_bank_match(
    services: Services,
) -> None:
    from carnet.services.demo import build_demo  # noqa: PLC0415

    build_demo(services.household, services.care, acts=120, today=TODAY)
    assert _copies_disagree(services) == 0
    act = ask(services, ActQuery())[0]
    services.care.delete_act(act)
    services.history.undo()
    assert _copies_disagree(services) == 0
    services.history.redo()
    services.history.undo()
    paid = frozenset({"settled", "partly-paid"})
    before = set(ask(services, ActQuery(statuses=paid)))
    found = services.reconciliation.propose()
    assert found.chosen
    services.reconciliation.confirm(found.chosen)  # the demo's transfers pay some acts
    assert _copies_disagree(services) == 0
    assert set(ask(services, ActQuery(statuses=paid))) > before  # and the table shows it
