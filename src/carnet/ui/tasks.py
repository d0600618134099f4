"""Long work off the GUI thread, with its progress reported back on it.

Only work that needs no open database goes here (docs/architecture.md: the
database stays on the GUI thread): parsing a file, rendering a PDF, or
building a *separate* database such as a demo household, which opens its own
connection inside the worker. Results and errors come back through Qt
signals, which Qt delivers on the GUI thread.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

# What a task may call to say how far it got: (done, total, what).
Progress = Callable[[int, int, str], None]
Work = Callable[[Progress], Any]


class TaskSignals(QObject):
    """Signals of one task; a QRunnable is not a QObject, so it carries this."""

    progressed = Signal(int, int, str)
    finished = Signal(object)  # the work's return value
    failed = Signal(object, str)  # the exception and its traceback


class Task(QRunnable):
    """Runs ``work(progress)`` on the pool; never touches widgets itself."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work(self.signals.progressed.emit)
        except Exception as exc:
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Starts tasks and keeps their signal objects alive until they report."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._running: set[TaskSignals] = set()

    def start(
        self,
        work: Work,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None],
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Task:
        task = Task(work)
        signals = task.signals
        self._running.add(signals)
        signals.finished.connect(on_done)
        signals.failed.connect(on_error)
        if on_progress is not None:
            signals.progressed.connect(on_progress)
        signals.finished.connect(lambda _r: self._running.discard(signals))
        signals.failed.connect(lambda _e, _tb: self._running.discard(signals))
        self._pool.start(task)
        return task

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task finished (tests, and closing the window)."""
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._running)
