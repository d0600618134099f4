"""The care table model on hand-made rows: paging, formatting, sorting (no database).

The database side of filtering and sorting is tested in
tests/storage/test_act_table.py; here a stand-in source sorts in Python and
counts what the model reads.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from carnet.domain.act_query import ActQuery, ActSummary
from carnet.domain.codes import Channel, PaymentMode
from carnet.domain.ids import ActId, PersonId
from carnet.domain.money import Cents
from carnet.i18n import Translator
from carnet.ui.models import acts as columns
from carnet.ui.models.acts import COLUMNS, PAGE_SIZE, PAGES_KEPT, SORT_ROLE, ActTableModel


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


class Source:
    """Rows in memory: sorts like the database would and counts page reads."""

    def __init__(self) -> None:
        self.acts: list[ActSummary] = []
        self.reads: list[int] = []

    def count(self) -> int:
        return len(self.acts)

    def ids(self, query: ActQuery, limit: int | None = None) -> list[ActId]:
        value = next(c.value for c in COLUMNS if c.sort == query.sort)
        rows = [r for r in self.acts if query.person is None or r.person_id == query.person]
        rows.sort(
            key=lambda r: (value(r) is not None, value(r), r.date, r.id),
            reverse=query.descending,
        )
        return [r.id for r in rows][:limit]

    def rows(self, ids: list[ActId]) -> list[ActSummary]:
        self.reads.append(len(ids))
        by_id = {r.id: r for r in self.acts}
        return [by_id[i] for i in ids if i in by_id]


@pytest.fixture
def source() -> Source:
    return Source()


@pytest.fixture
def model(source: Source) -> ActTableModel:
    return ActTableModel(source, Translator("en"))


def fill(model: ActTableModel, source: Source, rows: list[ActSummary]) -> None:
    source.acts = rows
    model.reload()


def column(model: ActTableModel, col: int, role: int) -> list[object]:
    return [model.data(model.index(r, col), role) for r in range(model.rowCount())]


def test_model_passes_qt_model_tester_empty_and_filled(
    qtmodeltester: ModelTester, model: ActTableModel, source: Source
) -> None:
    qtmodeltester.check(model)
    fill(model, source, ROWS)
    qtmodeltester.check(model)
    fill(model, source, [])
    qtmodeltester.check(model)


def test_money_is_formatted_and_right_aligned(model: ActTableModel, source: Source) -> None:
    fill(model, source, ROWS)  # newest first: acts 1, 3, 2
    assert model.data(model.index(0, columns.FEE)) == "€9.00"
    assert model.data(model.index(2, columns.FEE)) == "€100.00"
    alignment = model.data(model.index(0, columns.FEE), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(0, columns.PERSON), Qt.ItemDataRole.TextAlignmentRole) is None


def test_unassessed_amounts_show_a_dash_and_a_status(model: ActTableModel, source: Source) -> None:
    fill(model, source, ROWS)  # newest first: acts 1, 3 (not assessed), 2
    assert model.data(model.index(1, columns.PATIENT)) == "—"
    assert model.data(model.index(1, columns.STATUS)) == "Not assessed yet"
    assert model.data(model.index(1, columns.PATIENT), SORT_ROLE) is None


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


def test_sort_role_gives_raw_values(model: ActTableModel, source: Source) -> None:
    fill(model, source, ROWS)  # newest first: acts 1, 3, 2
    assert model.data(model.index(2, columns.FEE), SORT_ROLE) == 10000
    assert model.data(model.index(2, columns.DATE), SORT_ROLE) == date(2026, 1, 5)


def test_sorting_by_fee_uses_cents_not_text(model: ActTableModel, source: Source) -> None:
    fill(model, source, ROWS)
    model.sort(columns.FEE, Qt.SortOrder.AscendingOrder)
    assert column(model, columns.FEE, Qt.ItemDataRole.DisplayRole) == [
        "€9.00",
        "€30.00",
        "€100.00",
    ]
    model.sort(columns.FEE, Qt.SortOrder.DescendingOrder)
    assert column(model, columns.FEE, SORT_ROLE) == [10000, 3000, 900]


def test_sort_keeps_persistent_indexes_on_the_same_act(
    model: ActTableModel, source: Source
) -> None:
    fill(model, source, ROWS)
    model.sort(columns.FEE, Qt.SortOrder.AscendingOrder)
    held = QPersistentModelIndex(model.index(0, columns.FEE))  # act 1, €9.00
    model.sort(columns.FEE, Qt.SortOrder.DescendingOrder)
    assert held.row() == 2
    summary = model.summary(held.row())
    assert summary is not None and summary.id == 1


def test_a_new_query_keeps_the_sort_order(model: ActTableModel, source: Source) -> None:
    fill(model, source, ROWS)
    model.sort(columns.DATE, Qt.SortOrder.AscendingOrder)
    model.set_query(model.query._replace(person=PersonId(1)))
    assert column(model, columns.DATE, SORT_ROLE) == [date(2026, 2, 9), date(2026, 3, 1)]


def test_rows_are_read_a_page_at_a_time_and_old_pages_dropped(
    model: ActTableModel, source: Source
) -> None:
    rows = [summary(n, 100 + n, day=date(2026, 1, 1)) for n in range(1, PAGE_SIZE * 3 + 51)]
    fill(model, source, rows)
    model.sort(columns.FEE, Qt.SortOrder.AscendingOrder)
    assert source.reads == []  # nothing is read before something is shown
    assert model.data(model.index(PAGE_SIZE * 3 + 10, columns.FEE), SORT_ROLE) == (
        100 + PAGE_SIZE * 3 + 11
    )
    assert model.data(model.index(PAGE_SIZE * 3 + 20, columns.FEE), SORT_ROLE) is not None
    assert source.reads == [50]  # the last, partial page, once
    for row in range(0, model.rowCount(), PAGE_SIZE):
        model.data(model.index(row, columns.DATE))
    assert len(source.reads) == 4
    assert len(model._pages) <= PAGES_KEPT


def test_an_act_deleted_since_the_ids_were_read_shows_empty(
    model: ActTableModel, source: Source
) -> None:
    fill(model, source, ROWS)
    source.acts = ROWS[1:]  # deleted behind the model's back, before its page was read
    row = model.row_of(ActId(1))
    assert row is not None
    assert model.summary(row) is None
    assert model.data(model.index(row, columns.FEE)) is None


class CountingSource(Source):
    def __init__(self) -> None:
        super().__init__()
        self.limits: list[int | None] = []

    def ids(self, query: ActQuery, limit: int | None = None) -> list[ActId]:
        self.limits.append(limit)
        return super().ids(query, limit)


def test_without_filters_the_first_page_of_ids_can_come_first() -> None:
    source = CountingSource()
    source.acts = [summary(n, 100 + n) for n in range(1, PAGE_SIZE * 2 + 1)]
    model = ActTableModel(source, Translator("en"))
    model.reload(first_page=True)
    assert model.rowCount() == PAGE_SIZE * 2  # the whole table's size, at once
    assert source.limits == [PAGE_SIZE]
    model.read_all_ids()
    model.read_all_ids()  # once is enough
    assert source.limits == [PAGE_SIZE, None]
    assert model.act_id(PAGE_SIZE * 2 - 1) == source.ids(model.query)[-1]


def test_a_row_past_the_first_page_reads_every_id_at_once() -> None:
    source = CountingSource()
    source.acts = [summary(n, 100 + n) for n in range(1, PAGE_SIZE * 2 + 1)]
    model = ActTableModel(source, Translator("en"))
    model.reload(first_page=True)
    last = model.data(model.index(PAGE_SIZE * 2 - 1, columns.FEE), SORT_ROLE)
    assert source.limits == [PAGE_SIZE, None]
    assert last == min(r.fee_cents for r in source.acts)  # newest first: same day, by id


def test_a_filter_reads_every_matching_id_at_once(model: ActTableModel, source: Source) -> None:
    fill(model, source, ROWS)
    model.set_query(model.query._replace(person=PersonId(2)))
    assert model.rowCount() == 1
