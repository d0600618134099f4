"""Care abroad and the reminders from the window: the act form, the .ics file, the notification."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from icalendar import Calendar
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.ui.calendar_export import export_calendar
from carnet.ui.main_window import MainWindow
from carnet.ui.notify import notify_on_open
from carnet.ui.views.care_actions import editor_of
from carnet.ui.views.care_page import CarePage
from tests.ui.conftest import open_page


def test_an_act_in_london_is_typed_in_pounds(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = open_page(window, "care", CarePage)
    dialog = page.commands.new_act()
    editor = editor_of(dialog)
    editor.abroad.setChecked(True)
    assert not editor.form.fields["fee"].holder.isVisibleTo(editor)  # the invoice replaces it
    box = editor.abroad
    box.country.setCurrentIndex(box.country.findData("GB"))
    assert box.currency.text() == "GBP"  # from the country
    assert "In Europe" in box.zone.text()
    qtbot.keyClicks(box.amount, "85.00")
    assert not dialog.save_button.isEnabled()  # no rate yet
    qtbot.keyClicks(box.rate, "1.1650")
    assert box.euros.text() == "= €99.03 at 1.165 € per GBP"
    assert dialog.save_button.isEnabled()
    dialog.accept()
    act = services.store.acts.get(dialog.result_value.value.id)  # type: ignore[union-attr]
    assert act.fee_cents == 9903
    abroad = services.abroad.of(act.id)
    assert abroad is not None and abroad.amount == Decimal("85.00")
    # Editing it again shows the invoice, not a fee.
    page.select_act(act.id)
    again = editor_of(page.commands.edit_act())  # type: ignore[arg-type]
    assert again.abroad.isChecked() and again.abroad.amount.text() == "85.00"


def test_the_reminders_are_exported_from_the_window(
    window: MainWindow, services: Services, tmp_path: Path
) -> None:
    said: list[str] = []
    out = tmp_path / "mine"

    def choose(*_args: object) -> tuple[str, str]:
        return str(out), ""

    path = export_calendar(window, services, window.translator, said.append, choose)
    assert path == tmp_path / "mine.ics"
    calendar = Calendar.from_ical(path.read_bytes())
    assert calendar.errors == [] and list(calendar.walk("VEVENT"))
    assert said and "reminders written to mine.ics" in said[0]


def test_a_notification_when_something_is_due_and_the_setting_is_on(
    window: MainWindow, services: Services
) -> None:
    assert notify_on_open(window, services, window.translator) is None  # off by default
    services.settings.set("notifications.on_open", "yes")
    due = services.calendar.reminders()
    assert due
    services.today = lambda: due[0].day  # type: ignore[method-assign]
    services.calendar.today = services.today  # type: ignore[method-assign]
    text = notify_on_open(window, services, window.translator)
    assert text is not None and text.startswith("Due today in Carnet:")
    assert window.statusBar().currentMessage() == text
