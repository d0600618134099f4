"""Spare PySide6 from reading the source of every Carnet module as it is imported.

PySide6 supports ``from __feature__ import snake_case``: to know whether a
module may use it, it reads the source of each module named in an import
statement run after PySide6 loaded (``from typing import TYPE_CHECKING`` in a
Carnet module has it read all of ``typing.py``) and looks for the word
"PySide6". Opening the window runs such imports for some fifty Carnet modules
and a dozen of the standard library's; that reading cost about 7 ms.

The answers are known without reading: only ``carnet.ui`` may use PySide6 (an
import-linter contract checks it in every test run), and the standard library
never does. This tells PySide6 those answers. It reaches into PySide6's
internals, so it only ever changes how fast an answer comes, never the answer,
and does nothing on a PySide6 that works differently.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_carnet_knows_its_modules"


def answer_for_carnet_modules() -> bool:
    """Install the shortcut; whether it is in place (False on an unknown PySide6)."""
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]  # noqa: PLC0415
    except ImportError:
        return False
    reads_source = getattr(feature, "_mod_uses_pyside", None)
    if not callable(reads_source):
        return False
    if getattr(reads_source, _MARK, False):
        return True
    feature._mod_uses_pyside = _knowing(reads_source)
    return True


def _knowing(reads_source: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        top = name.partition(".")[0]
        if top == "carnet":
            return name == "carnet.ui" or name.startswith("carnet.ui.")
        if top in sys.stdlib_module_names:
            return False
        return reads_source(module)

    setattr(uses_pyside, _MARK, True)
    return uses_pyside
