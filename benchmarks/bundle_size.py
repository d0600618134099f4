"""Build time and size of the PyInstaller bundle, trimmed and untrimmed.

Run after ``make bundle`` (which makes ``build/bundle-venv``), from the repository:

    build/bundle-venv/bin/python benchmarks/bundle_size.py

It builds the spec twice into ``build/bundle-size/`` (``CARNET_BUNDLE_TRIM=0`` then
the default), and prints each build's wall time and the size of the folder and of
its heaviest parts. A few minutes; not part of ``run_all.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "bundle-size"
MB = 1_000_000
PARTS = {
    "Babel locale data": "_internal/babel",
    "PySide6 (Qt libraries, plugins)": "_internal/PySide6",
    "Qt plugins": "_internal/PySide6/Qt/plugins",
    "Qt translations": "_internal/PySide6/Qt/translations",
    "pillow-heif": "_internal/pillow_heif.libs",
}


def size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(trim: bool) -> tuple[float, Path]:
    name = "trimmed" if trim else "untrimmed"
    env = os.environ | {"CARNET_BUNDLE_TRIM": "1" if trim else "0"}
    started = time.perf_counter()
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    folders: list[str | Path] = ["--distpath", OUT / name, "--workpath", OUT / f"{name}-work"]
    spec = ROOT / "packaging" / "carnet.spec"
    quiet = ["--noconfirm", "--log-level", "ERROR"]
    subprocess.run([pyinstaller, *quiet, *folders, spec], check=True, env=env)
    (folder,) = (OUT / name).glob("carnet-*")
    return time.perf_counter() - started, folder


def main() -> int:
    for trim in (False, True):
        seconds, folder = build(trim)
        print(
            f"{'trimmed' if trim else 'untrimmed'}: built in {seconds:.0f} s, "
            f"{size(folder) / MB:.0f} MB"
        )
        for label, part in PARTS.items():
            print(f"  {label:<34} {size(folder / part) / MB:6.1f} MB")
    print(f"{os.cpu_count()} CPUs; other work on the machine slows the builds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
