"""PySide6 6.12.0 dropped a reference to ``None`` on every ``void`` call, which aborts
Python 3.11 within seconds of using a window; pyproject.toml excludes it. This test
fails if a PySide6 with that bug is ever installed again."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_calls_do_not_leak_none() -> None:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        probe.setObjectName("probe")
    assert sys.getrefcount(None) >= before - 10
