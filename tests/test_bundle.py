"""Smoke test of the PyInstaller bundle that ``make bundle`` builds in ``dist/``.

It runs the bundle as a user without Python would: the command line makes a demo
database and renders a mailing's PDF (read back), then the window opens on that
database offscreen, paints its first screen and exits 0. ``make bundle`` runs this
test right after building; without a bundle (``make test``, CI's first step) it
skips and says how to build one.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from carnet import __version__

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = Path(os.environ.get("CARNET_BUNDLE", ROOT / "dist" / f"carnet-{__version__}"))


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not (BUNDLE / "carnet").is_file():
        pytest.skip(f"no bundle at {BUNDLE}: 'make bundle' builds it and runs this test")
    return BUNDLE


def run(args: list[str | Path], home: Path) -> subprocess.CompletedProcess[str]:
    # No Python of ours on the way: the bundle must find everything inside itself.
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(home),
    }
    done = subprocess.run(
        [str(a) for a in args],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{args}: {done.returncode}\n{done.stdout}{done.stderr}"
    return done


def test_the_bundle_makes_a_demo_renders_a_mailing_and_opens_the_window(
    bundle: Path, tmp_path: Path
) -> None:
    carnet, db = bundle / "carnet", tmp_path / "demo.sqlite"
    assert run([carnet, "--version"], tmp_path).stdout.strip() == f"carnet, version {__version__}"
    run([carnet, "--db", db, "demo", "--acts", "30"], tmp_path)
    mailings = run([carnet, "--db", db, "mailing", "list", "--json"], tmp_path).stdout

    first = json.loads(mailings)[0]["id"]
    pdf = tmp_path / "mailing.pdf"
    run([carnet, "--db", db, "mailing", "pdf", str(first), "--out", pdf, "--lang", "fr"], tmp_path)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Madame, Monsieur" in text

    window = run([bundle / "carnet-gui", "--db", db, "--startup-check"], tmp_path)
    assert "first paint" in window.stderr
