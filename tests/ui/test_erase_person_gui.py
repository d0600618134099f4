"""Household › People › Erase identifying data…: asked first, then gone from the history."""

from __future__ import annotations

import sqlite3

import pytest
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.ui.main_window import MainWindow
from carnet.ui.views.household_page import HouseholdPage
from tests.ui.conftest import open_page


def _history(services: Services) -> str:
    assert services.db_path is not None
    conn = sqlite3.connect(services.db_path)
    try:
        rows = conn.execute("SELECT coalesce(before, '') || coalesce(after, '') FROM event")
        return "\n".join(r[0] for r in rows)
    finally:
        conn.close()


def _select(page: HouseholdPage, first_name: str) -> None:
    people = page.people.model
    row = next(r for r in range(people.rowCount()) if people.record(r).first_name == first_name)
    page.people.select_source_row(row)


@pytest.mark.parametrize("confirmed", [False, True])
def test_erasing_asks_then_removes_the_person_from_the_history(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    confirmed: bool,
) -> None:
    page = open_page(window, "household", HouseholdPage)
    asked: list[str] = []
    monkeypatch.setattr(page, "confirm_erase", lambda name: asked.append(name) or confirmed)
    assert "Léa" in _history(services)
    _select(page, "Léa")
    page.erase_button.click()
    assert asked == ["Léa Thompson"]
    people = page.people.model
    names = {people.record(r).full_name for r in range(people.rowCount())}
    if not confirmed:
        assert "Léa Thompson" in names and "Léa" in _history(services)
        return
    assert "Léa Thompson" not in names and any(n.startswith("Erased #") for n in names)
    assert "Léa" not in _history(services) and "2022-05-02" not in _history(services)
