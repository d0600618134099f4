"""The window with 100 000 acts: time to a usable window, and sorting / filtering the care table.

Usage: ``python benchmarks/bench_gui.py [--db FILE] [--runs 11] [--startup-only]``.
Without ``--db`` the 100 000-act demo database is generated once into the temporary
folder (about 20 s) and reused. Runs offscreen unless a platform is set (``xvfb-run``
works too).

* start-up: wall time from launching ``carnet-gui --startup-check`` (what the desktop
  entry runs, with fresh settings and the demo database in the user data folder) to the
  first paint of the care table with its rows, against launching Python on a bare
  PySide6 QMainWindow with an empty QTableView (target: under 1.6× the bare window);
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

# The bare window says it painted as `carnet-gui --startup-check` does: on stderr, from a
# filter on the main window, run once the paint that filter saw has finished. (A filter on
# the table's viewport would cost the bare window 9 ms: handing that widget to Python makes
# PySide6 build the Python enums of every QWidget class.) Carnet's table must have its
# rows by then: an empty first paint does not count.
_PAINT_FILTER = """
from PySide6.QtCore import QEvent, QObject, QTimer
def report():
    print("carnet: first paint: page=bare rows=0", file=sys.stderr, flush=True)
    app.quit()
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, report)
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
    "window.installEventFilter(spy)\n"
    "window.resize(1280, 800)\n"
    "window.show()\n"
    "app.exec()\n"
)

# For the record, not a target: the bare window with what any table backed by a Python
# model pays before its first paint: Qt's enum namespace (PySide6 makes its 93 Python
# enums when `Qt` is first used), the fonts for the first text, and a data() call per
# cell and role. Carnet's own work is what lies between this and Carnet.
FLOOR = BARE.replace(
    "table = QTableView()\n",
    "from PySide6.QtCore import QAbstractTableModel, Qt\n"
    "class Model(QAbstractTableModel):\n"
    "    def rowCount(self, parent=None): return 100000\n"
    "    def columnCount(self, parent=None): return 10\n"
    "    def data(self, index, role=Qt.ItemDataRole.DisplayRole):\n"
    "        if role == Qt.ItemDataRole.DisplayRole: return f'{index.row()} {index.column()}'\n"
    "    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):\n"
    "        if role == Qt.ItemDataRole.DisplayRole: return f'Column {section}'\n"
    "table = QTableView()\n"
    "model = Model()\n"
    "table.setModel(model)\n",
)


LAUNCHER = "from carnet.ui.start import main; main()"  # what the carnet-gui script runs


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


def carnet_command() -> list[str]:
    """The desktop entry's ``carnet-gui``, installed beside this Python (no --db: see below)."""
    script = Path(sys.executable).with_name("carnet-gui")
    start = [str(script)] if script.exists() else [sys.executable, "-c", LAUNCHER]
    return [*start, "--startup-check"]


def user_folders(home: Path, db: Path) -> dict[str, str]:
    """A fresh user's folders whose data folder holds ``db``, as the desktop entry finds it."""
    data = home / "data" / "carnet"
    data.mkdir(parents=True, exist_ok=True)
    (data / "carnet.sqlite").symlink_to(db.resolve())
    env = child_env(home)
    env.pop("CARNET_DB", None)
    return env


def child_env(home: Path) -> dict[str, str]:
    # An installed Carnet has its bytecode compiled (pip does it, or the first run);
    # a sandbox that sets PYTHONDONTWRITEBYTECODE would time the compiler instead.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # Fresh settings (window size, last page, language) and data folders, as on a first day.
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    return env


def time_to_paint(command: list[str], env: dict[str, str], min_rows: int = 0) -> float:
    """Seconds from starting ``command`` to its "first paint" line on stderr."""
    started = time.perf_counter()
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env) as child:
        assert child.stderr is not None
        for line in child.stderr:
            if line.startswith("carnet: first paint:"):
                elapsed = time.perf_counter() - started
                fields = dict(item.split("=") for item in line.split(":", 2)[2].split())
                break
        else:
            raise RuntimeError("the window never painted")
        child.wait()
    if int(fields["rows"]) < min_rows:
        raise RuntimeError(f"the first screen showed {fields}, not {min_rows} rows of care")
    return elapsed


def in_place(db: Path) -> dict[str, float]:
    """Sorting and filtering on a care page built in this process."""
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from carnet.app import build_services  # noqa: PLC0415
    from carnet.ui.formats import WindowTranslator  # noqa: PLC0415
    from carnet.ui.models import acts as columns  # noqa: PLC0415
    from carnet.ui.views.care_page import CarePage  # noqa: PLC0415

    app = QApplication.instance() or QApplication(sys.argv[:1])
    services = build_services(db, today=lambda: TODAY)
    page = CarePage(services, WindowTranslator("en"))
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
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--startup-only", action="store_true", help="skip sorting and filtering")
    args = parser.parse_args()
    db = demo_database(args.db or Path(tempfile.gettempdir()) / "carnet-bench-100k.sqlite")
    env = user_folders(Path(tempfile.mkdtemp()), db)
    bare_command = [sys.executable, "-c", BARE]
    floor_command = [sys.executable, "-c", FLOOR]
    carnet_cmd = carnet_command()
    time_to_paint(bare_command, env)  # warm the disk cache for both
    time_to_paint(carnet_cmd, env, min_rows=ACTS)  # and make the day's backup
    # Interleaved, so a machine that slows down or speeds up weighs on all three alike.
    bare, floor, carnet = [], [], []
    for _ in range(args.runs):
        bare.append(time_to_paint(bare_command, env))
        floor.append(time_to_paint(floor_command, env))
        carnet.append(time_to_paint(carnet_cmd, env, min_rows=ACTS))
    b, c = statistics.median(bare), statistics.median(carnet)
    f = statistics.median(floor)
    print(f"bare QMainWindow + empty QTableView, first paint: {b * 1000:7.0f} ms (median)")
    print(
        f"  the same with a Python model of 100 000 rows (any such app): {f * 1000:7.0f} ms"
        f" ({f / b:.2f}×)"
    )
    print(f"Carnet, 100 000 acts, first paint of the care table: {c * 1000:7.0f} ms (median)")
    print(f"ratio: {c / b:.2f}× (target < 1.6×)")
    if args.startup_only:
        return
    for name, ms in in_place(db).items():
        print(f"{name:32} {ms:7.1f} ms (target < 200 ms)")


if __name__ == "__main__":
    main()
