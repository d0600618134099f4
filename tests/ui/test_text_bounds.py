"""The window's one-line fields stop typing at the bound the services enforce.

A name, a tracking number or a setting typed past its bound used to be refused only
on Save (or, on main, stored); now the field takes no more characters than
:mod:`carnet.domain.limits` allows, so what is typed is what is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain import limits
from carnet.domain.limits import TextLimit
from carnet.i18n import Translator
from carnet.services.settings import limit_of
from carnet.ui.dialogs.csv_profile_dialog import CsvProfileDialog
from carnet.ui.dialogs.decompte_editor import DecompteEditor
from carnet.ui.dialogs.mailing_editors import MailedEditor
from carnet.ui.forms.act_editor import ActEditor
from carnet.ui.forms.bank_editor import BankEditor
from carnet.ui.forms.contract_editor import ContractEditor
from carnet.ui.forms.person_editor import PersonEditor
from carnet.ui.forms.practitioner_editor import PractitionerEditor
from carnet.ui.main_window import MainWindow
from carnet.ui.views.settings_page import SettingsPage
from tests.ui.conftest import open_page

TODAY = date(2026, 11, 28)
EN = Translator("en")

Build = Callable[[Services], QWidget]


def _person(_: Services) -> PersonEditor:
    return PersonEditor(EN, TODAY, people=[], practitioners=[], contracts=[])


def _act(s: Services) -> ActEditor:
    people, practitioners = s.household.people(), s.household.practitioners()
    return ActEditor(
        EN, TODAY, people=people, practitioners=practitioners, recent=[], last_codes={}
    )


def _plain(kind: Callable[[Translator], QWidget]) -> Build:
    return lambda _services: kind(EN)


def _dated(kind: Callable[[Translator, date], QWidget]) -> Build:
    return lambda _services: kind(EN, TODAY)


def _csv_profile(s: Services) -> CsvProfileDialog:
    return CsvProfileDialog(s, EN, b"date;label;amount\n")


# (form, the attribute holding its field, the bound)
FIELDS: list[tuple[str, Build, str, TextLimit]] = [
    ("person first name", _person, "first_name", limits.NAME_PART),
    ("person last name", _person, "last_name", limits.NAME_PART),
    ("person caisse", _person, "cpam", limits.NAME),
    ("practitioner name", _plain(PractitionerEditor), "name", limits.NAME),
    ("practitioner RPPS", _plain(PractitionerEditor), "rpps", limits.RPPS),
    ("account name", _plain(BankEditor), "name", limits.SHORT_NAME),
    ("account bank", _plain(BankEditor), "bank", limits.NAME),
    ("contract insurer", _plain(ContractEditor), "insurer", limits.NAME),
    ("contract number", _plain(ContractEditor), "number", limits.NUMBER),
    ("act notes", _act, "notes", limits.NOTES),
    ("tracking", _dated(MailedEditor), "tracking_edit", limits.TRACKING),
    ("décompte reference", _dated(DecompteEditor), "reference_edit", limits.NUMBER),
    ("CSV profile name", _csv_profile, "name", limits.SHORT_NAME),
]


@pytest.mark.parametrize(
    ("build", "field", "limit"), [f[1:] for f in FIELDS], ids=[f[0] for f in FIELDS]
)
def test_typing_stops_at_the_bound(
    qtbot: QtBot, services: Services, build: Build, field: str, limit: TextLimit
) -> None:
    form = build(services)
    qtbot.addWidget(form)
    line = getattr(form, field)
    assert isinstance(line, QLineEdit)
    assert line.maxLength() == limit.max_length
    # Typed key by key where it is quick and plain (the caisse field pops a completer up).
    if limit.max_length <= 200 and type(line) is QLineEdit:
        QTest.keyClicks(line, "a" * (limit.max_length + 5))
        assert len(line.text()) == limit.max_length


def test_the_household_settings_stop_at_their_bounds(window: MainWindow) -> None:
    page = open_page(window, "settings", SettingsPage)
    one_line = {k: f for k, f in page.fields.items() if isinstance(f, QLineEdit)}
    assert one_line, "the settings page has one-line fields"
    for key, line in one_line.items():
        assert line.maxLength() == limit_of(key).max_length, key


def test_a_refused_setting_names_its_field_and_saves_nothing(window: MainWindow) -> None:
    """A one-line setting the service refuses (the e-mail) is said beside Save; nothing
    of the others is saved. (The address is checked as it is typed: test_multiline_fields.)"""
    page = open_page(window, "settings", SettingsPage)
    email, city = page.fields["household.email"], page.fields["household.city"]
    assert isinstance(email, QLineEdit) and isinstance(city, QLineEdit)
    city.setText("Lyon")
    email.setText("not an address")
    page.save_button.click()
    assert page.saved_label.text().endswith("'not an address' is not an e-mail address")
    settings = window.services.settings
    assert settings.get("household.city") == "", "one refused field saves nothing"
    email.setText("")
    page.save_button.click()
    assert page.saved_label.text() == "Saved."
    assert settings.get("household.city") == "Lyon"
