"""Carnet installs like any Python application: sdist, wheel, a fresh environment.

The slow test does what a new user does with ``pipx install`` or ``pip install``:
it builds the sdist, builds the wheel from that sdist, installs the wheel with its
dependencies into a new virtual environment in a temporary folder (far from this
checkout, so nothing can be found by looking around the source tree) and runs the
commands there. Dependencies come from the configured package index, through pip's
own cache: about half a minute on this machine, in parallel with the other tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from carnet import __version__

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Dist:
    sdist: Path
    wheel: Path


def run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command; on failure the assertion shows what it printed."""
    done = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{args} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    """The sdist, and the wheel built from it (``python -m build`` does both, in that order)."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", out, ROOT], cwd=out)
    (sdist,) = out.glob("carnet-*.tar.gz")
    (wheel,) = out.glob("carnet-*.whl")
    return Dist(sdist, wheel)


def resource_files() -> list[str]:
    """Every file of the repository's ``resources/`` folder, relative to it."""
    folder = ROOT / "resources"
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in {".pyc", ".mo"}
    )


def test_the_wheel_holds_every_resource_and_the_compiled_catalogues(dist: Dist) -> None:
    names = set(zipfile.ZipFile(dist.wheel).namelist())
    missing = [name for name in resource_files() if f"carnet/resources/{name}" not in names]
    assert missing == []
    catalogues = [name for name in resource_files() if name.endswith(".po")]
    assert catalogues, "no .po catalogue in resources/"
    for po in catalogues:
        mo = f"carnet/resources/{po.removesuffix('.po')}.mo"
        assert mo in names, f"{mo} was not compiled into the wheel"
    assert not [name for name in names if name.startswith("tests/")]


def test_the_sdist_can_build_the_wheel_and_run_the_tests(dist: Dist) -> None:
    with tarfile.open(dist.sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    wanted = ["setup.py", "MANIFEST.in", "Makefile", "CHANGELOG.md", "tests/conftest.py"]
    wanted += [f"resources/{name}" for name in resource_files()]
    wanted += [
        path.relative_to(ROOT).as_posix()
        for folder in ("packaging", "tests", "docs")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]
    assert sorted(set(wanted) - names) == []


@pytest.fixture(scope="module")
def installed(dist: Dist, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A new virtual environment, outside the checkout, with the wheel installed."""
    home = tmp_path_factory.mktemp("elsewhere")
    venv = home / "venv"
    run([sys.executable, "-m", "venv", venv], cwd=home)
    run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", dist.wheel], cwd=home)
    yield venv


def user_env(home: Path) -> dict[str, str]:
    """A user with an empty home: nothing of the checkout or of the tests' setup leaks in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CARNET_", "XDG_"))}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / "cache"), LANG="C.UTF-8")
    env.pop("PYTHONPATH", None)
    return env


def test_the_installed_commands_work_away_from_the_checkout(installed: Path) -> None:
    home = installed.parent
    env = user_env(home)
    carnet = installed / "bin" / "carnet"
    assert (installed / "bin" / "carnet-gui").is_file()
    assert run([carnet, "--version"], home, env).strip() == f"carnet, version {__version__}"

    db = home / "demo.sqlite"
    said = run([carnet, "--db", db, "demo", "--acts", "20"], home, env)
    assert "4 people" in said

    answer = run(
        [carnet, "estimate", "--date", "2026-11-02", "--act", "G", "--fee", "30", "--json"],
        home,
        env,
    )
    estimate = json.loads(answer)
    assert (estimate["amo"], estimate["amc"], estimate["patient"]) == ("19.00", "9.00", "2.00")


def test_the_installed_carnet_reads_the_catalogue_compiled_by_the_build(installed: Path) -> None:
    """French comes from the wheel's .mo: nothing is compiled or cached at first run."""
    home = installed.parent
    env = user_env(home)
    answer = run(
        [
            installed / "bin" / "carnet",
            "estimate",
            "--date",
            "2026-11-02",
            "--act",
            "G",
            "--fee",
            "30",
            "--json",
            "--lang",
            "fr",
        ],
        home,
        env,
    )
    assert "Reste à votre charge : 2,00 €." in json.loads(answer)["explanation"]
    probe = "import carnet.i18n as i; print(i.mo_path('fr').is_file(), i.resources_dir())"
    found, where = run([installed / "bin" / "python", "-c", probe], home, env).split()
    assert found == "True"
    assert Path(where).is_relative_to(installed)
    assert not (home / "cache").exists()
