"""The window warns when an import brings operations another format already brought.

See tests/services/test_import_twins.py for the counting; here, what the household sees:
after importing the OFX export of three weeks whose CSV export is already in, a warning
names how many lines look counted twice and how to take the import back.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carnet.app import Services, build_services
from carnet.i18n import Translator
from carnet.ui.events import EventHub
from tests.ui.test_bank_page import make_page

REAL = Path(__file__).resolve().parents[1] / "data" / "bank_real"


@pytest.fixture
def bank_services(tmp_path: Path) -> Iterator[Services]:
    services = build_services(tmp_path / "t.sqlite", today=lambda: date(2026, 12, 1))
    yield services
    services.close()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("8 of the 8 lines just imported have the same day", "Edit\u00a0›\u00a0Undo")),
        ("fr", ("8 des 8 lignes importées ont le même jour", "Édition\u00a0›\u00a0Annuler")),
    ],
)
def test_the_same_operations_in_another_format_are_pointed_out(
    qtbot: QtBot, bank_services: Services, events: EventHub, language: str, words: tuple[str, ...]
) -> None:
    bank_services.bank.import_path(REAL / "boursobank.csv")
    page = make_page(qtbot, bank_services, events, Translator(language))
    dialog = page.open_import(REAL / "bpce_sgml.ofx")
    qtbot.waitUntil(lambda: dialog.report is not None)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.twins_box is not None and page.twins_box.isVisible())
    assert page.twins_box is not None
    for word in words:
        assert word in page.twins_box.text()
    page.twins_box.close()


def test_a_first_import_says_nothing_of_twins(
    qtbot: QtBot, bank_services: Services, events: EventHub, translator: Translator
) -> None:
    page = make_page(qtbot, bank_services, events, translator)
    dialog = page.open_import(REAL / "bpce_sgml.ofx")
    qtbot.waitUntil(lambda: dialog.report is not None)
    with qtbot.waitSignal(page.status):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert page.twins_box is None
