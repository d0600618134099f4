"""Reading and parsing a big statement in Qt's thread pool, in a job that can be stopped.

The parser is plain Python that knows nothing of cancellation, and it may run for
seconds on a large file. Closing the window must not wait for it, nor leave a thread
parsing while Carnet exits. :meth:`ParseJob.stop` therefore raises :class:`JobStopped`
inside the worker thread, through CPython's documented
``PyThreadState_SetAsyncExc``. That is safe here, and only here, because the job owns
everything it touches: it reads a file and builds new objects, holds no lock and writes
nothing, so being stopped between two bytecodes leaves only garbage behind.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from carnet.bank import BankFileError, CsvMapping, parse_statement
from carnet.i18n import Translator
from carnet.services.input_files import MAX_STATEMENT_BYTES, InputFileError, read_limited
from carnet.ui.errors import describe


class JobStopped(BaseException):
    """Raised in the worker to stop it; a BaseException, so no ``except Exception`` keeps it."""


def _raise_in(thread: int, exception: type[BaseException] | None) -> None:
    """Have ``thread`` raise ``exception`` at its next bytecode (``None`` drops a pending one)."""
    what = ctypes.py_object(exception) if exception is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), what)


class _Stopper:
    """Knows which thread runs the job, and stops it at most once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: int | None = None
        self.stopped = False

    @contextmanager
    def running(self) -> Iterator[None]:
        with self._lock:
            if self.stopped:  # stopped while still queued in the pool
                raise JobStopped
            self._thread = threading.get_ident()
        try:
            yield
        finally:
            with self._lock:
                self._thread = None
                # A stop asked for as the work ended must not land in the pool's next job.
                _raise_in(threading.get_ident(), None)

    def stop(self) -> None:
        with self._lock:
            if self.stopped:
                return
            self.stopped = True
            if self._thread is not None:
                _raise_in(self._thread, JobStopped)


class _ParseSignals(QObject):
    done = Signal(object)  # (bytes, Statement): parsed once, not again on the GUI thread
    failed = Signal(str)


class ParseJob(QRunnable):
    """Reads and parses the file in the pool: a bad file fails here, off the GUI thread."""

    def __init__(self, path: Path, profiles: list[CsvMapping], translator: Translator) -> None:
        super().__init__()
        # The dialog keeps this object: Qt must not delete it under Python's feet.
        self.setAutoDelete(False)
        self.signals = _ParseSignals()
        self._path = path
        self._profiles = profiles
        # Worded here: the signal carries text, and the catalogue is only read from.
        self._t = translator
        self._stopper = _Stopper()
        self._finished = threading.Event()

    def run(self) -> None:
        try:
            self._run()
        except JobStopped:
            pass  # whoever stopped the job has stopped listening to it
        finally:
            self._finished.set()

    def _run(self) -> None:
        try:
            with self._stopper.running():
                data = read_limited(self._path, MAX_STATEMENT_BYTES)
                statement = parse_statement(data, self._path.name, self._profiles)
        except (BankFileError, InputFileError) as exc:
            self.signals.failed.emit(describe(self._t, exc))
            return
        self.signals.done.emit((data, statement))

    @property
    def finished(self) -> bool:
        return self._finished.is_set()

    def stop(self, wait_seconds: float) -> bool:
        """Stop the parsing and wait for the thread to let go; ``True`` once it has.

        The wait is bounded: the stop lands at the next bytecode, after the C call under
        way (reading or decoding at most :data:`MAX_STATEMENT_BYTES`) returns.
        """
        self._stopper.stop()
        return self._finished.wait(wait_seconds)
