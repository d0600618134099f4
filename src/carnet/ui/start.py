"""Opening the window: the ``carnet-gui`` launcher, and the work of ``carnet gui``.

The desktop entry runs ``carnet-gui``, which reads its two options with the
standard library rather than the command-line group (the window does not need
click). Both open the database before Qt loads, so a missing
display or a database that cannot open gives one clear line, not a traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from carnet import __version__

NO_DISPLAY = (
    "carnet: no graphical display was found (neither DISPLAY nor WAYLAND_DISPLAY is set), "
    "so the window cannot open.\n"
    "Carnet also works from the command line: 'carnet --help' lists the commands, "
    "and 'carnet act list' shows your care acts."
)

Tell = Callable[[str], None]


def has_display(environ: Mapping[str, str], platform: str) -> bool:
    """Whether Qt can show a window. Only X11/Wayland systems can lack a display."""
    if platform in ("win32", "darwin"):
        return True
    # QT_QPA_PLATFORM (offscreen, vnc, eglfs…) means the user chose a platform knowingly.
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def to_stderr(message: str) -> None:
    print(message, file=sys.stderr)


def to_desktop(message: str) -> None:
    """Say ``message`` on stderr and, started from a desktop entry (no terminal), in a window.

    A launcher icon has nowhere to show stderr: a database that cannot open would
    otherwise look like a window that never came.
    """
    to_stderr(message)
    in_terminal = sys.stderr is not None and sys.stderr.isatty()
    if not in_terminal and has_display(os.environ, sys.platform):
        show_message(message)


def show_message(message: str) -> None:
    """A modal error box, before (or after) the main window exists."""
    from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: PLC0415

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    text = message.removeprefix("carnet: ").removeprefix("error: ")
    QMessageBox.critical(None, "Carnet", text[:1].upper() + text[1:])


def open_window(
    db_path: Path | None, *, startup_check: bool = False, tell: Tell = to_stderr
) -> int:
    """Open the window on ``db_path`` (or the usual database) until it closes; the exit status.

    ``tell`` says why the window cannot open (on stderr for ``carnet gui``).
    """
    if not has_display(os.environ, sys.platform):
        tell(NO_DISPLAY)
        return 1
    # Opening makes some 40 000 objects that live as long as the window (Carnet's and
    # Qt's modules, classes, widgets): the collector would scan them several times and
    # find nothing. (Hence Carnet's own modules are imported below, not at the top.)
    # It runs again once the first screen has painted (application.run).
    gc.disable()
    try:
        return _open(db_path, startup_check, tell)
    finally:
        gc.enable()


def _open(db_path: Path | None, startup_check: bool, tell: Tell) -> int:
    from carnet.app import open_for_window, resolve_db_path  # noqa: PLC0415 (see open_window)
    from carnet.domain.errors import CarnetError  # noqa: PLC0415
    from carnet.storage.cipher import is_encrypted  # noqa: PLC0415

    path = resolve_db_path(db_path)
    try:
        if is_encrypted(path):
            from carnet.ui.passphrase import open_encrypted  # noqa: PLC0415 (Qt first)

            opened = open_encrypted(path, lambda key: open_for_window(path, key))
            if opened is None:
                return 1  # the person chose not to give the passphrase
            services = opened
        else:
            services = open_for_window(path)  # the day's backup is made once the window shows
    except (CarnetError, OSError) as exc:
        tell(f"carnet: error: cannot open the database {path}: {exc}")
        return 1
    try:
        from carnet.ui.application import run  # noqa: PLC0415 - Qt loads only for the window
    except ImportError as exc:  # Qt itself is missing or broken: no window to show this in
        services.close()
        to_stderr(f"carnet: error: the window cannot start ({exc}); use 'carnet --help' instead.")
        return 1
    try:
        return run(services, sys.argv[:1], startup_check=startup_check)
    finally:
        services.close()


def parser() -> argparse.ArgumentParser:
    """``carnet-gui [--db FILE]``: the same window as ``carnet gui``."""
    parse = argparse.ArgumentParser(prog="carnet-gui", description="Open the Carnet window.")
    parse.add_argument(
        "--db",
        type=Path,
        metavar="FILE",
        help="Database file (default: your user data folder; env CARNET_DB).",
    )
    parse.add_argument("--version", action="version", version=f"carnet, version {__version__}")
    # Closes once the first screen has painted, saying so on stderr (benchmarks, packaging).
    parse.add_argument("--startup-check", action="store_true", help=argparse.SUPPRESS)
    menu = parse.add_mutually_exclusive_group()
    menu.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="Add Carnet to your applications menu (entry, icon, metainfo) and exit.",
    )
    menu.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="Remove what --install-desktop-entry added, and exit.",
    )
    return parse


def options(argv: Sequence[str]) -> argparse.Namespace:
    """The options in ``argv``, as :func:`parser` reads them."""
    return parser().parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """The ``carnet-gui`` launcher (the desktop entry's command)."""
    args = options(sys.argv[1:] if argv is None else argv)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        from carnet.ui.desktop_entry import main as desktop_entry  # noqa: PLC0415 (rare)

        sys.exit(desktop_entry(remove=args.uninstall_desktop_entry))
    try:
        status = open_window(args.db, startup_check=args.startup_check, tell=to_desktop)
    except Exception as exc:
        if os.environ.get("CARNET_DEBUG"):
            raise
        # A bug, not a mistake of the user's: say so plainly, keep the details available.
        to_desktop(
            f"carnet: unexpected error ({type(exc).__name__}: {exc}); "
            "run again with CARNET_DEBUG=1 for the details and please report it"
        )
        status = 70  # as `carnet` does: EX_SOFTWARE
    sys.exit(status)
