"""The window with 100 000 acts: time to a usable window, and sorting / filtering the care table.

Usage: ``python benchmarks/bench_gui.py [--db FILE] [--runs 5]``. Without ``--db`` the
100 000-act demo database is generated once into the temporary folder (about 20 s) and
reused. Runs offscreen unless a platform is set (``xvfb-run`` works too).

* start-up: wall time from launching a fresh Python process to the first paint of the
  care table, against the same for a bare PySide6 QMainWindow with an empty QTableView
  (target: under 1.5× the bare window);
* sorting and filtering the care table in place (target: under 200 ms each).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 28)
ACTS = 100_000

# The child processes print "painted" when the table viewport first paints.
# Carnet's table must have its rows by then: an empty first paint does not count.
_PAINT_FILTER = """
from PySide6.QtCore import QEvent, QObject, QTimer
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            model = watched.parent().model()
            print("painted", model.rowCount() if model else 0, flush=True)
            QTimer.singleShot(0, app.quit)
            watched.removeEventFilter(self)
        return False
"""

BARE = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow, QTableView\n"
    "app = QApplication(sys.argv[:1])\n" + _PAINT_FILTER + "window = QMainWindow()\n"
    "table = QTableView()\n"
    "window.setCentralWidget(table)\n"
    "spy = FirstPaint()\n"
    "table.viewport().installEventFilter(spy)\n"
    "window.resize(1280, 800)\n"
    "window.show()\n"
    "app.exec()\n"
)

# The settings file is named by the parent: importing tempfile here would charge
# Carnet 10 ms that the real start-up (QSettings in the user's folder) never pays.
# For the record, not a target: the bare window plus what any PySide6 program that
# formats with Babel pays before its first paint (Qt's enum namespace, Babel and its
# locale data, sqlite3). Carnet's own code is what lies between this and Carnet.
FLOOR = BARE.replace(
    "app = QApplication(sys.argv[:1])\n",
    "app = QApplication(sys.argv[:1])\n"
    "import datetime, decimal, sqlite3\n"
    "from PySide6.QtCore import Qt\n"
    "from babel.dates import format_date\n"
    "from babel.numbers import format_currency\n"
    "Qt.AlignmentFlag.AlignRight\n"
    "format_currency(decimal.Decimal('1.5'), 'EUR', locale='en')\n"
    "format_date(datetime.date(2026, 11, 28), format='medium', locale='en')\n",
)

# In the order `carnet gui` runs (ui/launch.py): the database is opened before Qt loads.
CARNET = (
    "import sys\n"
    "from pathlib import Path\n"
    "from carnet.app import build_services\n"
    "services = build_services(Path(sys.argv[1]))\n"
    "from PySide6.QtCore import QSettings\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from carnet.ui.application import build_window, configure\n"
    "app = QApplication(sys.argv[:1])\n"
    "configure(app)\n"
    + _PAINT_FILTER
    + "settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)\n"
    "window, events = build_window(services, settings)\n"
    "spy = FirstPaint()\n"
    "window.care_page.table.viewport().installEventFilter(spy)\n"
    "window.resize(1280, 800)\n"
    "window.show()\n"
    "app.exec()\n"
)


def demo_database(path: Path) -> Path:
    if path.exists():
        return path
    from carnet.app import build_services  # noqa: PLC0415
    from carnet.services.demo import build_demo  # noqa: PLC0415

    print(f"generating {ACTS} acts into {path} (once)…", flush=True)
    started = time.perf_counter()
    services = build_services(path, today=lambda: TODAY)
    try:
        build_demo(services.household, services.care, acts=ACTS, seed=1)
    finally:
        services.close()
    print(f"  done in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def time_to_paint(code: str, *args: str, min_rows: int = 0) -> float:
    # An installed Carnet has its bytecode compiled (pip does it, or the first run);
    # a sandbox that sets PYTHONDONTWRITEBYTECODE would time the compiler instead.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("painted"):
                elapsed = time.perf_counter() - started
                rows = int(line.split()[1])
                break
        else:
            raise RuntimeError("the window never painted")
        child.wait()
    if rows < min_rows:
        raise RuntimeError(f"the table painted with {rows} rows, not {min_rows}")
    return elapsed


def in_place(db: Path) -> dict[str, float]:
    """Sorting and filtering on a care page built in this process."""
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from carnet.app import build_services  # noqa: PLC0415
    from carnet.i18n import Translator  # noqa: PLC0415
    from carnet.ui.models import acts as columns  # noqa: PLC0415
    from carnet.ui.views.care_page import CarePage  # noqa: PLC0415

    app = QApplication.instance() or QApplication(sys.argv[:1])
    services = build_services(db, today=lambda: TODAY)
    page = CarePage(services, Translator("en"))
    page.resize(1280, 800)
    page.show()
    app.processEvents()
    table, bar, text = page.table, page.filters, page.filter_box

    def timed(action: object) -> float:
        started = time.perf_counter()
        action()  # type: ignore[operator]
        page.apply_filters()  # what the typing pause would run
        app.processEvents()  # include the repaint
        return (time.perf_counter() - started) * 1000

    def sort(column: int, order: Qt.SortOrder) -> None:
        table.sortByColumn(column, order)

    asc, desc = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    figures = {
        "sort by fee": timed(lambda: sort(columns.FEE, asc)),
        "sort by person": timed(lambda: sort(columns.PERSON, desc)),
        "sort by status": timed(lambda: sort(columns.STATUS, asc)),
        "sort by date": timed(lambda: sort(columns.DATE, desc)),
        "filter text 'lea g'": timed(lambda: text.setText("lea g")),
        "filter text 'lea g 2025'": timed(lambda: text.setText("lea g 2025")),
        "clear text": timed(lambda: text.setText("")),
        "filter person": timed(lambda: page.person_box.setCurrentIndex(1)),
        "filter period (12 months)": timed(lambda: bar.choose(bar.period_box, "12months")),
        "filter status (overdue)": timed(lambda: bar.choose(bar.status_box, "overdue")),
        "filter payer (mutuelle)": timed(lambda: bar.choose(bar.payer_box, "amc")),
        "scroll to the end": timed(table.scrollToBottom),
    }
    page.close()
    services.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = demo_database(args.db or Path(tempfile.gettempdir()) / "carnet-bench-100k.sqlite")
    time_to_paint(BARE)  # warm the disk cache for both
    ini = str(Path(tempfile.mkdtemp()) / "settings.ini")
    time_to_paint(CARNET, str(db), ini, min_rows=ACTS)
    bare = [time_to_paint(BARE) for _ in range(args.runs)]
    floor = [time_to_paint(FLOOR) for _ in range(args.runs)]
    carnet = [time_to_paint(CARNET, str(db), ini, min_rows=ACTS) for _ in range(args.runs)]
    b, c = statistics.median(bare), statistics.median(carnet)
    f = statistics.median(floor)
    print(f"bare QMainWindow + empty QTableView, first paint: {b * 1000:7.0f} ms (median)")
    print(
        f"  the same + Qt enums, Babel, sqlite3 (any such app): {f * 1000:7.0f} ms ({f / b:.2f}×)"
    )
    print(f"Carnet, 100 000 acts, first paint of the care table: {c * 1000:7.0f} ms (median)")
    print(f"ratio: {c / b:.2f}× (target < 1.5×)")
    for name, ms in in_place(db).items():
        print(f"{name:32} {ms:7.1f} ms (target < 200 ms)")


if __name__ == "__main__":
    main()
