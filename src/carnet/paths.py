"""Where Carnet keeps its files: the user data folder, overridable by --db or CARNET_DB.

Also where it reads its own: the ``carnet.resources`` package data. Carnet keeps no
cache (the compiled translations come with the wheel).
"""

from __future__ import annotations

import os
from functools import cache
from importlib.resources import files
from pathlib import Path

ENV_DB = "CARNET_DB"
RESOURCES_PACKAGE = "carnet.resources"


@cache
def resources_dir() -> Path:
    """Carnet's read-only data: rules, catalogues, fonts, icons, the CPAM directory.

    The repository keeps them in ``resources/`` at its top; the build maps that
    folder into the package as ``carnet.resources`` (setup.py), so a checkout's
    editable install, a wheel and a PyInstaller bundle all find it the same way.
    """
    try:
        root = files(RESOURCES_PACKAGE)
    except ModuleNotFoundError as exc:  # an old editable install, from before the mapping
        raise FileNotFoundError(
            f"Carnet's resources ({RESOURCES_PACKAGE}) are not installed: "
            "install Carnet again ('make', or 'pip install -e .' in a checkout)"
        ) from exc
    # Carnet is always installed unpacked (wheel, editable, bundle): callers get a real
    # folder they can hand to Qt, reportlab and tomllib.
    if not isinstance(root, Path):
        raise RuntimeError(f"Carnet's resources must be files on disk, not {root!r}")
    return root


def default_db_path() -> Path:
    """The database used when neither ``--db`` nor ``CARNET_DB`` says otherwise."""
    override = os.environ.get(ENV_DB)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path  # noqa: PLC0415 (only when no --db is given)

    return user_data_path("carnet", appauthor=False) / "carnet.sqlite"
