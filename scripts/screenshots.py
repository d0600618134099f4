"""Regenerate the screenshots of every page, in English and French, from a demo household.

Usage: ``python scripts/screenshots.py [--out docs/screenshots] [--acts 300]`` (offscreen by
default, or under ``xvfb-run``). The demo database is built fresh with a fixed "today"
(2026-11-28) and seed, so the pictures are repeatable. Files are named ``<page>-<lang>.png``,
plus ``setup-<lang>.png`` for the first-run assistant and ``act-form-<lang>.png``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from carnet.app import Services, build_services
from carnet.i18n import Translator
from carnet.services.demo import build_demo
from carnet.ui.application import QtTranslations, build_window, configure
from carnet.ui.dialogs.setup_wizard import SetupWizard
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow

SIZE = (1280, 800)
TODAY = date(2026, 11, 28)
PAGES = ("dashboard", "care", "household", "settings", "help", "bank")
ROOT = Path(__file__).resolve().parents[1]


def settle(app: QApplication) -> None:
    for _ in range(6):  # let layouts and lazy pages settle before grabbing
        app.processEvents()


def save(widget: QWidget, out: Path) -> None:
    widget.grab().save(str(out))
    print(f"saved {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


def shoot_window(app: QApplication, window: MainWindow, out: Path, language: str) -> None:
    window.resize(*SIZE)
    window.show()
    for page in PAGES:
        window.show_page(page)
        if page == "care":
            window.care_page.table.selectRow(2)
        settle(app)
        save(window, out / f"{page}-{language}.png")
    window.show_page("care")
    dialog = window.care_page.commands.duplicate_act()
    if dialog is not None:
        settle(app)
        save(dialog, out / f"act-form-{language}.png")
        dialog.reject()


def shoot_setup(app: QApplication, folder: Path, out: Path, language: str) -> None:
    services = build_services(folder / f"empty-{language}.sqlite", today=lambda: TODAY)
    try:
        wizard = SetupWizard(services, EventHub(), Translator(language))
        wizard.show()
        wizard.next()  # the household page says the most
        settle(app)
        save(wizard, out / f"setup-{language}.png")
        wizard.close()
    finally:
        services.close()


def demo_services(folder: Path, acts: int) -> Services:
    services = build_services(folder / "demo.sqlite", today=lambda: TODAY)
    build_demo(services.household, services.care, acts=acts, seed=1)
    return services


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--acts", type=int, default=300)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    configure(app)
    qt_translations = QtTranslations(app)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        services = demo_services(work, args.acts)
        try:
            for language in ("en", "fr"):
                qt_translations.use(language)
                settings = QSettings(str(work / f"{language}.ini"), QSettings.Format.IniFormat)
                settings.setValue("language", language)
                window, _events = build_window(services, settings)
                shoot_window(app, window, args.out, language)
                window.close()
                shoot_setup(app, work, args.out, language)
        finally:
            services.close()


if __name__ == "__main__":
    main()
