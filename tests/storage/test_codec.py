"""Domain records survive a trip through SQLite columns unchanged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from carnet.domain.care import CareAct
from carnet.domain.codes import Channel, Parcours, PaymentMode
from carnet.domain.contracts import Contract, Guarantee
from carnet.domain.ids import ActId, ContractId, PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.storage.repos.codec import from_row, from_rows, to_row


def test_contract_with_guarantees_round_trips() -> None:
    contract = Contract(
        id=ContractId(3),
        insurer="Harmonie Mutuelle",
        number="HM-1",
        guarantees=(Guarantee("optics", 100, Cents(15000), Cents(30000)),),
        optam_percent=200,
        non_optam_percent=180,
    )
    assert from_row(Contract, {"id": 3, **to_row(contract)}) == contract


@given(
    fee=st.integers(0, 10_000_000),
    day=st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    coefficient=st.none() | st.decimals(0, 100, places=2, allow_nan=False),
    mode=st.sampled_from(PaymentMode),
    notes=st.text(max_size=40),
)
def test_acts_round_trip(
    fee: int, day: date, coefficient: Decimal | None, mode: PaymentMode, notes: str
) -> None:
    act = CareAct(
        id=ActId(1),
        person_id=PersonId(2),
        practitioner_id=PractitionerId(5),
        date=day,
        act_code="AMK",
        fee_cents=Cents(fee),
        payment_mode=mode,
        channel=Channel.PAPER,
        parcours=Parcours.DIRECT,
        coefficient=coefficient,
        notes=notes,
    )
    assert from_row(CareAct, {"id": 1, **to_row(act)}) == act


@dataclass(frozen=True)
class _Tag:
    id: int


@dataclass(frozen=True)
class _Named:
    id: int
    name: str


def test_records_of_one_column_or_none_besides_the_id() -> None:
    assert to_row(_Tag(4)) == {}
    assert to_row(_Tag(4), skip=()) == {"id": 4}
    assert to_row(_Named(4, "x")) == {"name": "x"}
    assert from_rows(_Named, ["name", "id"], [("x", 4), ("y", 5)]) == [
        _Named(4, "x"),
        _Named(5, "y"),
    ]
