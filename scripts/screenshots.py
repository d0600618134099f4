"""Save a screenshot of the main window on the Care page, with the demo household.

Usage: ``QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--db demo.sqlite]
[--out /tmp/carnet-care.png]`` (or run it under ``xvfb-run``). Without ``--db`` a
temporary demo database is generated, so the picture is repeatable.
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
from PySide6.QtWidgets import QApplication

from carnet.app import Services, build_services
from carnet.services.demo import build_demo
from carnet.ui.application import build_window, configure

SIZE = (1280, 800)
TODAY = date(2026, 11, 28)


def demo_services(folder: Path, acts: int) -> Services:
    services = build_services(folder / "demo.sqlite", today=lambda: TODAY)
    build_demo(services.household, services.care, acts=acts, seed=1)
    return services


def shoot(services: Services, out: Path, settings_file: Path, row: int, page: str) -> None:
    app = QApplication(sys.argv[:1])
    configure(app)
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    window, _events = build_window(services, settings)
    window.resize(*SIZE)
    window.show_page(page)
    window.show()
    window.care_page.table.selectRow(row)
    for _ in range(5):  # let layouts settle before grabbing
        app.processEvents()
    window.grab().save(str(out))
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="an existing database (default: a new demo)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/carnet-care.png"))
    parser.add_argument("--acts", type=int, default=80)
    parser.add_argument("--row", type=int, default=2, help="table row to select")
    parser.add_argument("--page", default="care", help="sidebar page key (care, feuilles, …)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        services = build_services(args.db) if args.db else demo_services(work, args.acts)
        try:
            shoot(services, args.out, work / "settings.ini", args.row, args.page)
        finally:
            services.close()
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
