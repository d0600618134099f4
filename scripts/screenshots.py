"""Regenerate the screenshots of every page, in English and French, from a demo household.

Usage: ``python scripts/screenshots.py [--out docs/screenshots] [--acts 300]`` (offscreen by
default, or under ``xvfb-run``). The demo database is built fresh with a fixed "today"
(2026-11-28) and seed, so the pictures are repeatable. Files are named ``<page>-<lang>.png``,
plus ``setup-<lang>.png`` and ``setup-address-<lang>.png`` for the first-run assistant,
``household-addresses-<lang>.png`` (the caisse editor), ``care-held-<lang>.png`` (acts held
until the number arrives), ``act-form-<lang>.png`` and ``person-form-<lang>.png`` (a number
that disagrees with the sex and birth date typed), and the
File menu's dialogs: ``export-<lang>.png``, ``backup-<lang>.png``, ``restore-<lang>.png`` and
``todo-sheet-<lang>.png``; the Care page's ``received-<lang>.png`` and
``decompte-<lang>.png``;
plus, from a small newcomer household of their own, ``road-<lang>.png`` (the Household page's
road), ``dashboard-road-<lang>.png`` (the next steps), ``abroad-act-<lang>.png`` (an act in
London on the Care page) and ``abroad-form-<lang>.png`` (its form).
``--only newcomer`` makes these last ones alone. ``practitioner-address-<lang>.png`` is a
practitioner's form whose address box says, while it is typed, what is wrong with it
(``--only forms`` makes it alone).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from carnet.app import Services, build_services
from carnet.domain.abroad import AbroadInput
from carnet.domain.care import ActInput
from carnet.domain.codes import Channel, Payer
from carnet.domain.ids import ActId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput, Sex
from carnet.domain.practitioners import PractitionerInput, Profession
from carnet.domain.road import Step
from carnet.services.backup import BackupService
from carnet.services.demo import build_demo
from carnet.ui.application import QtTranslations, build_window, configure
from carnet.ui.dialogs.decompte_editor import DecompteEditor
from carnet.ui.dialogs.import_dialog import ImportDialog
from carnet.ui.dialogs.setup_wizard import SetupWizard
from carnet.ui.events import EventHub
from carnet.ui.formats import WindowTranslator
from carnet.ui.forms.person_editor import PersonEditor
from carnet.ui.forms.practitioner_editor import PractitionerEditor
from carnet.ui.main_window import MainWindow
from carnet.ui.views.household_page import HouseholdPage

SIZE = (1280, 800)
TODAY = date(2026, 11, 28)
PAGES = (
    "dashboard",
    "care",
    "feuilles",
    "mailings",
    "bank",
    "reports",
    "household",
    "settings",
    "help",
)
ROOT = Path(__file__).resolve().parents[1]


def settle(app: QApplication) -> None:
    for _ in range(6):  # let layouts and lazy pages settle before grabbing
        app.processEvents()


def save(widget: QWidget, out: Path) -> None:
    widget.grab().save(str(out))
    print(f"saved {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


def select_a_row(window: MainWindow, page: str) -> None:
    """Show a detail panel filled, as people see the page once they click a row."""
    table = getattr(window.page(page), "table", None)
    if page in ("care", "feuilles", "mailings") and table is not None:
        table.selectRow(2 if page == "care" else 0)
    if page == "mailings":
        window.page(page).show_packet()  # type: ignore[attr-defined]  # what Preview shows
    if page == "reports":  # its PDF is rendered on a worker thread: wait for it
        window.page(page).wait_for_pdf()  # type: ignore[attr-defined]
        for _ in range(20):  # QPdfView draws its pages on a thread of its own
            QApplication.processEvents()
            time.sleep(0.05)


def shoot_window(app: QApplication, window: MainWindow, out: Path, language: str) -> None:
    window.resize(*SIZE)
    window.show()
    for page in PAGES:
        window.show_page(page)
        select_a_row(window, page)
        settle(app)
        save(window, out / f"{page}-{language}.png")
        if page == "bank":  # the demo's statement waits to be reconciled
            window.bank_page.tabs.setCurrentIndex(1)
            window.bank_page.reconcile.credit_table.selectRow(0)
            settle(app)
            save(window, out / f"bank-reconcile-{language}.png")
            window.bank_page.tabs.setCurrentIndex(0)
    shoot_addresses_and_held(app, window, out, language)
    window.show_page("care")
    select_a_row(window, "care")  # the held acts' filter, cleared, left no row selected
    dialog = window.care_page.commands.duplicate_act()
    if dialog is not None:
        settle(app)
        save(dialog, out / f"act-form-{language}.png")
        dialog.reject()
    shoot_person_form(app, window, out, language)
    shoot_address_check(app, window, out, language)
    export = window.export()
    settle(app)
    save(export, out / f"export-{language}.png")
    export.reject()


def shoot_person_form(app: QApplication, window: MainWindow, out: Path, language: str) -> None:
    """A number that disagrees with the sex and birth date typed: two doubts, not refusals."""
    window.show_page("household")
    page = window.page("household")
    assert isinstance(page, HouseholdPage)
    dialog = page.add_person()
    editor = dialog.findChild(PersonEditor)
    assert editor is not None
    editor.first_name.setText("Nadia")
    editor.last_name.setText("Benali")
    editor.birth_date.setText("14/03/1990")
    editor.sex.setCurrentIndex(editor.sex.findData(Sex.MALE.value))
    editor.nir.setText("2 88 03 99 132 045 16")
    settle(app)
    save(dialog, out / f"person-form-{language}.png")
    dialog.reject()


def shoot_address_check(app: QApplication, window: MainWindow, out: Path, language: str) -> None:
    """An address box checked as it is typed: a pasted line too long, said under the box."""
    window.show_page("household")
    page = window.page("household")
    assert isinstance(page, HouseholdPage)
    dialog = page.add_practitioner()
    editor = dialog.findChild(PractitionerEditor)
    assert editor is not None
    editor.name.setText("Dr Anne Roux")
    editor.address.setPlainText(
        "Cabinet médical des Lilas\n12 rue des Lilas " + "bâtiment B " * 44 + "\n69003 Lyon"
    )
    settle(app)
    save(dialog, out / f"practitioner-address-{language}.png")
    dialog.reject()


def shoot_received(
    app: QApplication, window: MainWindow, services: Services, out: Path, language: str
) -> None:
    """The Care page's "Payment received…" (on an act paid short) and "Décompte…" forms."""
    window.show_page("care")
    care = window.care_page
    short = services.discrepancies.owed_acts()
    if short:
        care.select_act(ActId(min(short)))
    dialog = care.commands.mark_received()
    if dialog is not None:
        settle(app)
        save(dialog, out / f"received-{language}.png")
        dialog.reject()
    decompte = care.commands.enter_decompte()
    editor = decompte.findChild(DecompteEditor)
    if editor is not None:
        editor.set_line(0, "03/11/2026", "G", "19,00")
        editor.set_line(1, "05/11/2026", "AMK", "11,69")
    settle(app)
    save(decompte, out / f"decompte-{language}.png")
    decompte.reject()


def owed_examples(services: Services) -> None:
    """Two CPAM payments received short (one outside the parcours, one a deduction taken
    twice), so that the dashboard and the Care page show what may be owed."""
    visits = [
        a
        for a in services.care.summaries()
        if a.act_code == "G" and a.amo_cents == 1900 and a.status == "pending"
    ][-2:]
    for act, cents in zip(visits, (700, 1700), strict=False):
        services.received.record(act.id, Payer.AMO, Cents(cents))


def shoot_addresses_and_held(
    app: QApplication, window: MainWindow, out: Path, language: str
) -> None:
    """The Household page's caisse editor, and the Care page on the acts held for a number."""
    window.show_page("household")
    household = window.page("household")
    assert isinstance(household, HouseholdPage)
    household.show_addresses()
    settle(app)
    save(window, out / f"household-addresses-{language}.png")
    household.tabs.setCurrentIndex(0)
    window.show_page("care")
    care = window.care_page
    care.filter_box.setText(window.translator.gettext("Held until the number arrives"))
    settle(app)
    care.table.selectRow(0)
    settle(app)
    save(window, out / f"care-held-{language}.png")
    care.filter_box.clear()


def shoot_backups(app: QApplication, window: MainWindow, out: Path, language: str) -> None:
    """Back up now (a password being chosen), Restore (the list), the "what to do now" sheet."""
    backup = window.backups.back_up()
    backup.to_file.setChecked(True)
    backup.file_edit.setText(str(Path.home() / "carnet-backup.zip"))
    backup.protect.setChecked(True)
    backup.password.setText("short")  # shows the hint under the fields
    settle(app)
    save(backup, out / f"backup-{language}.png")
    backup.reject()
    restore = window.backups.restore()
    if restore is not None:
        settle(app)
        save(restore, out / f"restore-{language}.png")
        restore.reject()
    window.menus.todo_sheet.trigger()
    sheet = getattr(window.page("reports"), "todo_sheet", None)
    if sheet is not None:
        sheet.wait_for_pdf()
        for _ in range(20):  # QPdfView draws its pages on a thread of its own
            app.processEvents()
            time.sleep(0.05)
        save(sheet, out / f"todo-sheet-{language}.png")
        sheet.reject()


def shoot_setup(app: QApplication, folder: Path, out: Path, language: str) -> None:
    services = build_services(folder / f"empty-{language}.sqlite", today=lambda: TODAY)
    try:
        wizard = SetupWizard(services, EventHub(), WindowTranslator(language))
        wizard.show()
        wizard.next()
        wizard.household_address.setPlainText("8 rue Paul Bert\n69003 Lyon")
        settle(app)
        save(wizard, out / f"setup-address-{language}.png")
        wizard.next()  # the household page says the most
        settle(app)
        save(wizard, out / f"setup-{language}.png")
        wizard.close()
    finally:
        services.close()


def shoot_import_stop(app: QApplication, folder: Path, out: Path, language: str) -> None:
    """The question asked when the import window is closed half-way through an import."""
    path = folder / "export-operations.csv"
    days = [date(2026, 1, 1) + timedelta(days=n // 50) for n in range(5000)]
    rows = (
        f'{d};{d};"CARTE MONOPRIX {n}";"";"";"";-{n},50;"";0004;"C";"0"' for n, d in enumerate(days)
    )
    header = "dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;"
    path.write_text(header + "accountNum;accountLabel;accountbalance\n" + "\n".join(rows) + "\n")
    services = build_services(folder / f"import-{language}.sqlite", today=lambda: TODAY)
    dialog = ImportDialog(services, WindowTranslator(language), path)
    dialog.show()
    settle(app)
    report = dialog._progress

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        save(box, out / f"import-stop-{language}.png")
        box.escapeButton().click()  # Continue: the import goes on

    def half_way(done: int, total: int) -> bool:
        if done >= total // 2 and not asked:
            asked.append(True)
            QTimer.singleShot(20, answer)
            dialog.close()
        return report(done, total)

    asked: list[bool] = []

    dialog._progress = half_way  # type: ignore[method-assign]
    try:
        dialog.import_button.click()
    finally:
        services.close()


def newcomer_services(folder: Path) -> Services:
    """A family just arrived: a road half walked, a GP visit in London paid in pounds."""
    services = build_services(folder / "newcomer.sqlite", today=lambda: TODAY)
    household = services.household
    gp = household.add_practitioner(PractitionerInput("Dr Claire Martin", Profession.GP)).value
    amal = household.add_person(
        PersonInput("Amal", "Haddad", birth_date=date(1990, 4, 2), cpam="CPAM de Paris")
    ).value
    household.add_person(
        PersonInput("Nour", "Haddad", birth_date=date(2019, 6, 9), insured_id=amal.id)
    )
    road = services.road
    road.reach(amal.id, Step.REGISTRATION, date(2026, 9, 1))
    road.reach(
        amal.id,
        Step.ATTESTATION,
        date(2026, 10, 1),
        number="7 90 04 99 350 123 50",
        temporary=True,
        until=date(2027, 9, 30),
    )
    road.reach(amal.id, Step.VITALE_REQUESTED, date(2026, 10, 2))
    act = ActInput(amal.id, gp.id, date(2026, 11, 3), "G", Cents(0))
    services.abroad.add_act(act, AbroadInput("GB", "GBP", Decimal("85.00"), Decimal("1.1650")))
    visit = ActInput(amal.id, gp.id, date(2026, 9, 20), "G", Cents(3000), channel=Channel.PAPER)
    services.care.add_act(visit)
    return services


def shoot_newcomer(app: QApplication, folder: Path, out: Path, language: str) -> None:
    (folder / language).mkdir(exist_ok=True)
    services = newcomer_services(folder / language)
    try:
        settings = QSettings(str(folder / f"newcomer-{language}.ini"), QSettings.Format.IniFormat)
        settings.setValue("language", language)
        window, _events = build_window(services, settings)
        window.resize(*SIZE)
        window.show()
        window.show_page("dashboard")
        settle(app)
        save(window, out / f"dashboard-road-{language}.png")
        window.show_road(services.household.people()[0].id)
        settle(app)
        save(window, out / f"road-{language}.png")
        window.show_page("care")
        window.care_page.table.selectRow(0)
        settle(app)
        save(window, out / f"abroad-act-{language}.png")
        dialog = window.care_page.commands.edit_act()
        if dialog is not None:
            dialog.resize(760, dialog.sizeHint().height())
            settle(app)
            save(dialog, out / f"abroad-form-{language}.png")
            dialog.reject()
        window.close()
    finally:
        services.close()


def _at(when: datetime) -> datetime:
    return when


def demo_services(folder: Path, acts: int) -> Services:
    services = build_services(folder / "demo.sqlite", today=lambda: TODAY)
    build_demo(services.household, services.care, acts=acts, seed=1)
    for day in (26, 27, 28):  # a few automatic backups for the restore list
        when = datetime(2026, 11, day, 9, 30)  # noqa: DTZ001 (backups are named in local time)
        BackupService(services.store, now=partial(_at, when)).daily_copy()
    return services


def shoot_forms(app: QApplication, qt: QtTranslations, folder: Path, out: Path) -> None:
    """The checked address box alone, on a small demo (``--only forms``)."""
    services = demo_services(folder, 20)
    try:
        for language in ("en", "fr"):
            qt.use(language)
            settings = QSettings(str(folder / f"forms-{language}.ini"), QSettings.Format.IniFormat)
            settings.setValue("language", language)
            window, _events = build_window(services, settings)
            window.resize(*SIZE)
            window.show()
            shoot_address_check(app, window, out, language)
            window.close()
    finally:
        services.close()


def laptop_screen(folder: Path) -> list[str]:
    """Qt's arguments for a 1280×800 offscreen screen (its own is 800×600).

    Qt opens a dialog no larger than two thirds of the screen: on the offscreen platform's
    small screen the dialogs would look narrower than any laptop shows them.
    """
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return []  # xvfb-run or a desktop: its own screen
    config = folder / "screen.json"
    config.write_text(
        '{"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800, '
        '"logicalDpi": 96, "logicalWidth": 339, "logicalHeight": 212}]}',
        encoding="utf-8",
    )
    return ["-platform", f"offscreen:configfile={config}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--acts", type=int, default=300)
    parser.add_argument(
        "--only",
        choices=["newcomer", "forms"],
        help="Only the newcomer's screenshots, or only the checked address box.",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        app = QApplication([*sys.argv[:1], *laptop_screen(work)])
        configure(app)
        qt_translations = QtTranslations(app)
        if args.only == "forms":
            shoot_forms(app, qt_translations, work, args.out)
            return
        for language in ("en", "fr"):
            qt_translations.use(language)
            shoot_newcomer(app, work, args.out, language)
        if args.only == "newcomer":
            return
        services = demo_services(work, args.acts)
        owed_examples(services)
        try:
            for language in ("en", "fr"):
                qt_translations.use(language)
                settings = QSettings(str(work / f"{language}.ini"), QSettings.Format.IniFormat)
                settings.setValue("language", language)
                window, _events = build_window(services, settings)
                shoot_window(app, window, args.out, language)
                shoot_received(app, window, services, args.out, language)
                shoot_backups(app, window, args.out, language)
                window.close()
                shoot_setup(app, work, args.out, language)
                shoot_import_stop(app, work, args.out, language)
        finally:
            services.close()


if __name__ == "__main__":
    main()
