"""``carnet gui``: open the window, or explain in one message why it cannot open.

Qt is imported only once the checks pass, so the other commands never pay for
loading it and a missing display gives advice instead of a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import NoReturn

import click

from carnet.app import build_services, resolve_db_path
from carnet.domain.errors import CarnetError

NO_DISPLAY = (
    "carnet: no graphical display was found (neither DISPLAY nor WAYLAND_DISPLAY is set), "
    "so the window cannot open.\n"
    "Carnet also works from the command line: 'carnet --help' lists the commands, "
    "and 'carnet act list' shows your care acts."
)


def has_display(environ: Mapping[str, str], platform: str) -> bool:
    """Whether Qt can show a window. Only X11/Wayland systems can lack a display."""
    if platform in ("win32", "darwin"):
        return True
    # QT_QPA_PLATFORM (offscreen, vnc, eglfs…) means the user chose a platform knowingly.
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(1)


@click.command("gui")
@click.option(
    "--startup-check",
    is_flag=True,
    hidden=True,
    help="Close once the first screen has painted, saying so on stderr (benchmarks, packaging).",
)
@click.pass_context
def gui(ctx: click.Context, startup_check: bool = False) -> None:
    """Open the Carnet window (the default when no command is given)."""
    if not has_display(os.environ, sys.platform):
        _fail(NO_DISPLAY)
    root = ctx.find_root().obj
    path = resolve_db_path(root.get("db_path") if root else None)
    try:
        services = build_services(path)  # the day's backup is made once the window shows
    except (CarnetError, OSError) as exc:
        _fail(f"carnet: error: cannot open the database {path}: {exc}")
    try:
        from carnet.ui.application import run  # noqa: PLC0415 - Qt loads only for the window
    except ImportError as exc:
        services.close()
        _fail(f"carnet: error: the window cannot start ({exc}); use 'carnet --help' instead.")
    try:
        status = run(services, sys.argv[:1], startup_check=startup_check)
    finally:
        services.close()
    if status:
        sys.exit(status)
