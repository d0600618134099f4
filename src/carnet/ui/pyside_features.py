"""Spare PySide6 from reading the source of every Carnet module as it is imported.

PySide6 supports ``from __feature__ import snake_case``: to know whether a
module may use it, it reads the source of each module imported after PySide6
and looks for the word "PySide6". Opening the window imports some fifty
Carnet modules after Qt, and that reading cost about 7 ms of the start-up.

Carnet never uses ``__feature__``, and which of its modules use PySide6 is
known without reading them: only ``carnet.ui`` may (an import-linter contract
checks it in every test run). This tells PySide6 that answer. It reaches into
PySide6's internals, so it only ever changes how fast the answer comes, never
the answer, and does nothing on a PySide6 that works differently.
"""

from __future__ import annotations

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
        if name == "carnet" or name.startswith("carnet."):
            return name == "carnet.ui" or name.startswith("carnet.ui.")
        return reads_source(module)

    setattr(uses_pyside, _MARK, True)
    return uses_pyside
