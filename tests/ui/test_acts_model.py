"""The care table model and its filter proxy, on hand-made rows (no database)."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from carnet.domain.care import ActSummary, Channel, PaymentMode
from carnet.domain.ids import ActId, PersonId
from carnet.domain.money import Cents
from carnet.i18n import Translator
from carnet.ui.models import acts as columns
from carnet.ui.models.act_filter import ActFilterProxy
from carnet.ui.models.acts import SORT_ROLE, ActTableModel


def summary(
    ident: int,
    fee: int,
    *,
    person: int = 1,
    name: str = "Sarah Thompson",
    day: date = date(2026, 1, 1),
    assessed: bool = True,
    code: str = "G",
) -> ActSummary:
    share = Cents(fee // 2) if assessed else None
    return ActSummary(
        id=ActId(ident),
        date=day,
        person_id=PersonId(person),
        person_name=name,
        practitioner_name="Dr Claire Martin",
        act_code=code,
        category="gp",
        fee_cents=Cents(fee),
        amo_cents=share,
        amc_cents=Cents(0) if assessed else None,
        patient_cents=Cents(fee - fee // 2) if assessed else None,
        channel=Channel.VITALE,
        payment_mode=PaymentMode.PAID_IN_FULL,
        status="pending",
    )


ROWS = [
    summary(1, 900, day=date(2026, 3, 1)),
    summary(2, 10000, person=2, name="Léa Thompson", day=date(2026, 1, 5), code="CS"),
    summary(3, 3000, day=date(2026, 2, 9), assessed=False),
]


@pytest.fixture
def model() -> ActTableModel:
    return ActTableModel(Translator("en"))


def column(model: ActFilterProxy | ActTableModel, col: int, role: int) -> list[object]:
    return [model.data(model.index(r, col), role) for r in range(model.rowCount())]


def test_model_passes_qt_model_tester_empty_and_filled(
    qtmodeltester: ModelTester, model: ActTableModel
) -> None:
    qtmodeltester.check(model)
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_money_is_formatted_and_right_aligned(model: ActTableModel) -> None:
    model.set_rows(ROWS)
    assert model.data(model.index(0, columns.FEE)) == "€9.00"
    assert model.data(model.index(1, columns.FEE)) == "€100.00"
    alignment = model.data(model.index(0, columns.FEE), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(0, columns.PERSON), Qt.ItemDataRole.TextAlignmentRole) is None


def test_unassessed_amounts_show_a_dash_and_a_status(model: ActTableModel) -> None:
    model.set_rows(ROWS)
    assert model.data(model.index(2, columns.PATIENT)) == "—"
    assert model.data(model.index(2, columns.STATUS)) == "Not assessed yet"
    assert model.data(model.index(2, columns.PATIENT), SORT_ROLE) is None


def test_headers_name_every_column(model: ActTableModel) -> None:
    names = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(columns.COLUMN_COUNT)]
    assert names == [
        "Date",
        "Person",
        "Practitioner",
        "Act",
        "Category",
        "Fee",
        "AMO",
        "Mutuelle",
        "You pay",
        "Status",
    ]


def test_sort_role_gives_raw_values(model: ActTableModel) -> None:
    model.set_rows(ROWS)
    assert model.data(model.index(1, columns.FEE), SORT_ROLE) == 10000
    assert model.data(model.index(1, columns.DATE), SORT_ROLE) == date(2026, 1, 5)


def test_sorting_by_fee_uses_cents_not_text(model: ActTableModel) -> None:
    proxy = ActFilterProxy(model)
    model.set_rows(ROWS)
    proxy.sort(columns.FEE, Qt.SortOrder.AscendingOrder)
    assert column(proxy, columns.FEE, Qt.ItemDataRole.DisplayRole) == [
        "€9.00",
        "€30.00",
        "€100.00",
    ]
    proxy.sort(columns.FEE, Qt.SortOrder.DescendingOrder)
    assert column(proxy, columns.FEE, SORT_ROLE) == [10000, 3000, 900]


def test_sort_keeps_persistent_indexes_on_the_same_act(model: ActTableModel) -> None:
    model.set_rows(ROWS)
    held = QPersistentModelIndex(model.index(0, columns.FEE))  # act 1, €9.00
    model.sort(columns.FEE, Qt.SortOrder.DescendingOrder)
    assert held.row() == 2
    assert model.summary(held.row()).id == 1


def test_set_rows_keeps_the_sort_order(model: ActTableModel) -> None:
    model.sort(columns.DATE, Qt.SortOrder.AscendingOrder)
    model.set_rows(ROWS)
    assert column(model, columns.DATE, SORT_ROLE) == sorted(r.date for r in ROWS)


def test_filter_by_words_and_person(model: ActTableModel) -> None:
    proxy = ActFilterProxy(model)
    model.set_rows(ROWS)
    proxy.set_text("léa")
    assert proxy.rowCount() == 1
    proxy.set_text("thompson  2026-0")
    assert proxy.rowCount() == 3
    proxy.set_text("")
    proxy.set_person(PersonId(1))
    assert proxy.rowCount() == 2
    proxy.set_text("cs")
    assert proxy.rowCount() == 0
    proxy.set_person(None)
    assert proxy.rowCount() == 1
    assert not proxy.index(0, 0, QModelIndex()).parent().isValid()


@pytest.mark.slow
def test_one_hundred_thousand_rows_stay_fast(model: ActTableModel) -> None:
    start = date(2020, 1, 1)
    rows = [
        summary(n, 500 + (n * 7919) % 20000, person=1 + n % 4, day=start + timedelta(n % 2000))
        for n in range(100_000)
    ]
    proxy = ActFilterProxy(model)
    began = time.perf_counter()
    model.set_rows(rows)
    proxy.sort(columns.FEE, Qt.SortOrder.DescendingOrder)
    proxy.set_person(PersonId(2))
    proxy.set_text("martin")
    elapsed = time.perf_counter() - began
    assert proxy.rowCount() == 25_000
    # Generous bound for slow CI machines; it takes well under a second here.
    assert elapsed < 5
