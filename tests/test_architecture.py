"""The layer contracts of docs/architecture.md, checked by import-linter in the test run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is part of the test extras"
    done = subprocess.run(
        [lint_imports, "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_float_for_money_in_the_core() -> None:
    for layer in ("domain", "rules", "bank"):
        for module in (ROOT / "src" / "carnet" / layer).rglob("*.py"):
            assert "float(" not in module.read_text(encoding="utf-8"), module


def test_no_designer_files() -> None:
    assert not list((ROOT / "src").rglob("*.ui")) + list((ROOT / "resources").rglob("*.ui"))
