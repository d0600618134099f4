"""The PySide6 wheels Carnet needs are the ones pyproject.toml asks for.

PySide6 is pinned below 6.12 because 6.12.0 leaks references to None (crashes on
Python 3.11). From 6.12 QtPdf leaves PySide6-Addons for a wheel of its own,
PySide6-Pdf: the release that lifts the pin must add it, and this test says so
as soon as a 6.12 is installed without it.
"""

from __future__ import annotations

import importlib
import re
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PDF_WHEEL_FROM = (6, 12)


def release(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:2])


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [str(line) for line in project["dependencies"]]


@pytest.mark.parametrize(
    "module",
    [
        "QtCore",
        "QtGui",
        "QtWidgets",
        "QtSvg",
        "QtPrintSupport",
        "QtCharts",
        "QtPdf",
        "QtPdfWidgets",
    ],
)
def test_every_qt_module_carnet_uses_imports(module: str) -> None:
    installed = version("PySide6-Essentials")
    try:
        importlib.import_module(f"PySide6.{module}")
    except ImportError as exc:
        hint = ""
        if module.startswith("QtPdf") and release(installed) >= PDF_WHEEL_FROM:
            hint = " From PySide6 6.12, QtPdf is in the PySide6-Pdf wheel: add it to pyproject."
        pytest.fail(f"PySide6 {installed}: PySide6.{module} does not import ({exc}).{hint}")


def test_a_pyside6_that_moved_qtpdf_out_comes_with_pyside6_pdf() -> None:
    """Lifting the <6.12 pin needs PySide6-Pdf beside it: in pyproject and installed."""
    pins = [line for line in requirements() if line.startswith("PySide6")]
    upper = [release(m) for line in pins for m in re.findall(r"<\s*([\d.]+)", line)]
    allows_612 = not upper or max(upper) > PDF_WHEEL_FROM
    asks_for_pdf = any(line.startswith("PySide6-Pdf") for line in pins)
    assert asks_for_pdf or not allows_612, (
        "pyproject allows PySide6 6.12 or newer: add 'PySide6-Pdf' (QtPdf left PySide6-Addons)"
    )
    if release(version("PySide6-Essentials")) >= PDF_WHEEL_FROM:
        try:
            version("PySide6-Pdf")
        except PackageNotFoundError:
            pytest.fail("PySide6 6.12+ is installed without PySide6-Pdf: reinstall ('make')")
