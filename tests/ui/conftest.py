"""GUI fixtures: offscreen Qt, a small household in a temporary file, private QSettings."""

from __future__ import annotations

import os
import tempfile

# Before anything imports Qt: tests never reach a real display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from carnet.app import Services, build_services
from carnet.domain.care import ActInput
from carnet.domain.codes import Channel, PaymentMode
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput
from carnet.domain.practitioners import PractitionerInput, Profession, Sector, Specialty
from carnet.i18n import Translator
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow
from carnet.ui.page import PageContext
from carnet.ui.widgets import pdf_preview

TODAY = date(2026, 11, 28)


@pytest.fixture
def empty_services(tmp_path: Path) -> Iterator[Services]:
    services = build_services(tmp_path / "t.sqlite", today=lambda: TODAY)
    yield services
    services.close()


@pytest.fixture
def services(empty_services: Services) -> Services:
    """Two people, three practitioners and six acts whose fees sort differently as text."""
    fill(empty_services)
    return empty_services


def fill(services: Services) -> None:
    household, care = services.household, services.care
    gp = household.add_practitioner(
        PractitionerInput("Dr Claire Martin", Profession.GP, sector=Sector.S1)
    ).value.id
    cardio = household.add_practitioner(
        PractitionerInput("Dr Paul Lefèvre", Profession.SPECIALIST, Specialty.CARDIOLOGY, Sector.S2)
    ).value.id
    pharmacy = household.add_practitioner(
        PractitionerInput("Pharmacie du Marché", Profession.PHARMACY)
    ).value.id
    sarah = household.add_person(
        PersonInput("Sarah", "Thompson", birth_date=date(1988, 3, 14), treating_doctor_id=gp)
    ).value.id
    lea = household.add_person(
        PersonInput("Léa", "Thompson", birth_date=date(2022, 5, 2), insured_id=sarah)
    ).value.id
    acts = [
        _act(sarah, gp, date(2026, 1, 12), "G", 3000),
        _act(sarah, cardio, date(2026, 3, 3), "CS", 10000),
        _act(sarah, pharmacy, date(2026, 4, 20), "PH7", 900, mode=PaymentMode.TIERS_PAYANT_TOTAL),
        _act(lea, gp, date(2026, 2, 16), "G", 3500),
        _act(lea, pharmacy, date(2026, 2, 17), "PH7", 1250, mode=PaymentMode.TIERS_PAYANT_TOTAL),
        _act(lea, gp, date(2026, 10, 5), "G", 3500, channel=Channel.PAPER),
    ]
    for item in acts:
        care.add_act(item)


def _act(
    person: PersonId,
    practitioner: PractitionerId,
    day: date,
    code: str,
    fee: int,
    *,
    mode: PaymentMode = PaymentMode.PAID_IN_FULL,
    channel: Channel = Channel.VITALE,
) -> ActInput:
    return ActInput(
        person_id=person,
        practitioner_id=practitioner,
        date=day,
        act_code=code,
        fee_cents=Cents(fee),
        payment_mode=mode,
        channel=channel,
        coefficient=Decimal("8.4") if code == "AMK" else None,
    )


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A private settings file per test: the user's own settings are never read or written."""
    return QSettings(str(tmp_path / "carnet.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def translator() -> Translator:
    return Translator("en")


@pytest.fixture
def events() -> EventHub:
    return EventHub()


@pytest.fixture
def window(
    qtbot: QtBot,
    services: Services,
    events: EventHub,
    settings: QSettings,
    translator: Translator,
) -> MainWindow:
    built = MainWindow(services, events, settings, translator)
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    return built


# The offscreen platform warns about a window-manager feature it lacks; that says
# nothing about our code (qutebrowser ignores the same message in its pytest.ini).
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


P = TypeVar("P")


class NoWindow:
    """A page's navigator outside a window: moving elsewhere does nothing."""

    def show_page(self, key: str) -> None:
        pass

    def show_acts(self, act_ids: frozenset[int], title: str) -> None:
        pass

    def show_feuilles(self, states: frozenset[object]) -> None:
        pass

    def set_language(self, language: str) -> None:
        pass


def page_context(
    services: Services,
    events: EventHub | None = None,
    t: Translator | None = None,
    settings: QSettings | None = None,
) -> PageContext:
    """What a page is built from, for a page tested on its own (not in the window)."""
    if settings is None:  # a private file, never the user's own settings
        settings = QSettings(
            str(Path(tempfile.mkdtemp()) / "carnet.ini"), QSettings.Format.IniFormat
        )
    return PageContext(services, events or EventHub(), t or Translator("en"), settings, NoWindow())


def open_page(window: MainWindow, key: str, kind: type[P]) -> P:
    """Show the window's page ``key`` as the sidebar would, and return it."""
    window.show_page(key)
    page = window.page(key)
    assert isinstance(page, kind)
    return page


class _CancelledPrint:
    """A print dialog that the person closes with Cancel."""

    def __init__(self, *_: object) -> None:
        pass

    def exec(self) -> QDialog.DialogCode:
        return QDialog.DialogCode.Rejected


def cancel_printing(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on in the test, every PDF preview's print dialog is cancelled."""
    monkeypatch.setattr(pdf_preview, "QPrintDialog", _CancelledPrint)
