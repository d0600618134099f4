"""The title-bar close of the main window during an import, on a real X server.

Qt drops a desktop's close request to a window that a modal dialog blocks: with the
import dialog modal, the window's close button did nothing. Offscreen there is no way
to send that request, so this runs a window under Xvfb (the ``xcb`` platform) and sends
it ``WM_DELETE_WINDOW`` as a window manager does for the title bar's close button. With
the dialog open and nothing under way, the window closes. Skipped where there is no
Xvfb or the xcb platform cannot load.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = r"""
import ctypes, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from carnet.app import build_services
from carnet.i18n import Translator
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow

folder = Path(sys.argv[1])
app = QApplication([])
services = build_services(folder / "carnet.sqlite")
statement = Path(sys.argv[2])
settings = QSettings(str(folder / "carnet.ini"), QSettings.Format.IniFormat)
window = MainWindow(services, EventHub(), settings, Translator("en"))
window.show()
window.show_page("bank")
dialog = window.bank_page.open_import(statement)


def pump(until, seconds):
    limit = time.monotonic() + seconds
    while not until() and time.monotonic() < limit:
        app.processEvents()
        time.sleep(0.01)


pump(lambda: dialog.report is not None and window.windowHandle().isExposed(), 30)
assert dialog.report is not None and dialog.isVisible()

x11 = ctypes.CDLL("libX11.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XInternAtom.restype = ctypes.c_ulong
x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x11.XFlush.argtypes = [ctypes.c_void_p]
x11.XCloseDisplay.argtypes = [ctypes.c_void_p]


class ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p), ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong), ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class Event(ctypes.Union):
    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]


x11.XSendEvent.argtypes = [
    ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.POINTER(Event)
]
display = x11.XOpenDisplay(None)
event = Event()
event.xclient.type = 33  # ClientMessage
event.xclient.window = int(window.winId())
event.xclient.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", 0)
event.xclient.format = 32
event.xclient.data[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
x11.XSendEvent(display, int(window.winId()), 0, 0, ctypes.byref(event))
x11.XFlush(display)
x11.XCloseDisplay(display)
pump(lambda: not window.isVisible(), 20)
print("closed" if not window.isVisible() else "still open")
"""


def test_the_title_bar_close_closes_the_window_while_the_import_dialog_is_open(
    tmp_path: Path,
) -> None:
    if shutil.which("xvfb-run") is None:
        pytest.skip("no Xvfb here")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    statement = Path(__file__).parents[1] / "data" / "bank" / "boursobank.csv"
    child = tmp_path / "child.py"
    child.write_text(CHILD, encoding="utf-8")
    done = subprocess.run(
        ["xvfb-run", "-a", sys.executable, str(child), str(tmp_path), str(statement)],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if "Could not load the Qt platform plugin" in done.stderr:
        pytest.skip("the xcb platform does not load here")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("closed"), done.stdout + done.stderr[-2000:]
