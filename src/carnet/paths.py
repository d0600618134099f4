"""Where Carnet keeps its files: the user data folder, overridable by --db or CARNET_DB.

Also where it reads its own (the ``carnet.resources`` package data) and the cache
folder, for what Carnet can always make again (icons drawn for the screen).
"""

from __future__ import annotations

import os
import tempfile
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


def cache_dir() -> Path:
    """The user cache folder (``~/.cache/carnet`` on Linux): nothing in it is needed."""
    from platformdirs import user_cache_path  # noqa: PLC0415 (only when something is cached)

    return user_cache_path("carnet", appauthor=False)


def keep_cached(path: Path, data: bytes, stale: str = "") -> None:
    """Write ``data`` to ``path`` in the cache, whole or not at all.

    Files of the same folder matching the pattern ``stale`` (older copies) are
    removed. A cache folder that can't be written is not an error: what was to be
    kept is made again next time.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        Path(temporary).replace(path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return
    for older in path.parent.glob(stale) if stale else ():
        if older != path:
            older.unlink(missing_ok=True)
