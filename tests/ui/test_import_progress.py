"""A big statement imported from the window: the bar moves, the window answers, Cancel
leaves the database as it was.

On main a 300 000-line CSV froze the window for a minute (closing it waited for the
import). Here a 30 000-line file stands for it in CI (the benchmark
``bench_import_csv.py`` measures the 300 000 lines): a timer of the window's event loop
must fire while the import runs, and Cancel pressed half-way must write nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from carnet.app import Services, build_services
from carnet.i18n import Translator
from carnet.ui.dialogs import import_dialog
from carnet.ui.dialogs.import_dialog import ImportDialog
from tests.hostile.common import snapshot
from tests.ui.big_statement import write_big_csv

LINES = 30_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_big_csv(tmp_path_factory.mktemp("big") / "export-operations.csv", LINES)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    built = build_services(tmp_path / "t.sqlite", today=lambda: date(2026, 11, 28))
    yield built
    built.close()


def _opened(
    qtbot: QtBot, services: Services, path: Path, monkeypatch: pytest.MonkeyPatch
) -> ImportDialog:
    monkeypatch.setattr(import_dialog, "BACKGROUND_ABOVE_BYTES", 0)
    dialog = ImportDialog(services, Translator("en"), path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=120_000)
    assert dialog.report is not None and dialog.report.added == LINES
    return dialog


def test_the_window_answers_and_the_bar_moves_during_a_big_import(
    qtbot: QtBot, services: Services, big_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _opened(qtbot, services, big_csv, monkeypatch)
    beats: list[int] = []
    shown: list[int] = []
    heart = QTimer(dialog)
    heart.setInterval(0)
    heart.timeout.connect(lambda: (beats.append(1), shown.append(dialog.busy.value())))
    heart.start()
    with qtbot.waitSignal(dialog.imported, timeout=300_000):
        dialog.import_button.click()
    heart.stop()
    assert len(beats) >= 5, "the event loop did not turn during the import"
    assert len(set(shown)) >= 3, "the progress bar did not move"
    assert len(services.store.bank.transactions()) == LINES


def test_cancel_during_the_import_writes_nothing(
    qtbot: QtBot, services: Services, big_csv: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = _opened(qtbot, services, big_csv, monkeypatch)
    before = snapshot(tmp_path / "t.sqlite")
    progress = dialog._progress  # Cancel is pressed once the writing has begun

    def press_cancel_half_way(done: int, total: int) -> bool:
        if done > total // 2:
            dialog.cancel_button.click()
        return progress(done, total)

    monkeypatch.setattr(dialog, "_progress", press_cancel_half_way)
    dialog.import_button.click()
    assert "cancelled" in dialog.error_text()
    assert dialog.isVisible() or dialog.result() != ImportDialog.DialogCode.Accepted
    assert snapshot(tmp_path / "t.sqlite") == before
    assert services.store.bank.transactions() == []
