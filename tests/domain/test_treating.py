"""Who was the médecin traitant on a day, and from when two histories differ."""

from __future__ import annotations

from datetime import date

from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.treating import TreatingDoctors, TreatingPeriod

MARTIN, PETIT = PractitionerId(1), PractitionerId(2)


def _history(*periods: tuple[PractitionerId, date | None, date | None]) -> TreatingDoctors:
    return TreatingDoctors.of(
        TreatingPeriod(n, PersonId(1), doctor, since, until)
        for n, (doctor, since, until) in enumerate(periods, 1)
    )


def test_a_new_doctor_differs_from_the_day_of_the_change() -> None:
    # Dr Martin since 1 Feb 2023; Dr Petit declared from 1 Jun 2025 closes him on 31 May.
    before = _history((MARTIN, date(2023, 2, 1), None))
    after = _history((MARTIN, date(2023, 2, 1), date(2025, 5, 31)), (PETIT, date(2025, 6, 1), None))
    assert before.first_difference(after) == date(2025, 6, 1)
    assert after.first_difference(before) == date(2025, 6, 1)


def test_moving_a_declaration_earlier_differs_from_the_new_date() -> None:
    before = _history((MARTIN, date(2026, 2, 1), None))
    after = _history((MARTIN, date(2026, 1, 1), None))
    assert before.first_difference(after) == date(2026, 1, 1)


def test_an_undated_declaration_differs_from_the_beginning() -> None:
    assert TreatingDoctors().first_difference(_history((MARTIN, None, None))) == date.min


def test_ending_a_declaration_differs_from_the_next_day() -> None:
    before = _history((MARTIN, date(2024, 3, 1), None))
    after = _history((MARTIN, date(2024, 3, 1), date(2026, 11, 27)))
    assert before.first_difference(after) == date(2026, 11, 28)


def test_the_same_history_never_differs() -> None:
    history = _history((MARTIN, None, date(2024, 12, 31)), (PETIT, date(2025, 1, 1), None))
    assert history.first_difference(history) is None
