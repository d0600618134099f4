"""``carnet-gui --install-desktop-entry``: Carnet in this user's applications menu.

Installs, under the XDG data folder (``$XDG_DATA_HOME``, else ``~/.local/share``):

- ``applications/fr.carnet.Carnet.desktop``, whose ``Exec`` is the ``carnet-gui``
  of this very installation (a pipx or pip environment, a checkout, a bundle), so
  the menu entry works even when that folder is not on ``PATH``;
- the icon in the hicolor theme, as ``fr.carnet.Carnet``: the SVG and PNG images
  from 16 to 512 pixels, drawn from the SVG now (none is kept in the sources);
- ``metainfo/fr.carnet.Carnet.metainfo.xml`` for software centres.

``--uninstall-desktop-entry`` removes exactly these files again.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from carnet import APP_ID
from carnet.paths import resources_dir

PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` as the XDG specification says."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if Path(value).is_absolute() else Path.home() / ".local" / "share"


def installed_files(home: Path) -> list[Path]:
    """Every file the installation writes under ``home``."""
    icons = home / "icons" / "hicolor"
    return [
        home / "applications" / f"{APP_ID}.desktop",
        home / "metainfo" / f"{APP_ID}.metainfo.xml",
        icons / "scalable" / "apps" / f"{APP_ID}.svg",
        *(icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in PNG_SIZES),
    ]


def launcher() -> str:
    """The ``carnet-gui`` of this installation, as a desktop entry's ``Exec`` writes it."""
    beside = Path(sys.executable).with_name("carnet-gui")  # venv, pipx and bundle alike
    found = str(beside) if beside.is_file() else shutil.which("carnet-gui")
    return exec_quoted(found) if found else "carnet-gui"


def exec_quoted(path: str) -> str:
    """``path`` as one argument of ``Exec`` (the Desktop Entry specification's quoting)."""
    if not any(char in path for char in " \t\"`$\\'><~|&;*?#()"):
        return path
    escaped = "".join(f"\\{char}" if char in '"`$\\' else char for char in path)
    return f'"{escaped}"'


def desktop_entry(exec_line: str) -> str:
    """The packaged desktop entry with ``Exec`` pointing at ``exec_line``."""
    source = (resources_dir() / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = source.splitlines()
    return "\n".join(f"Exec={exec_line}" if ln.startswith("Exec=") else ln for ln in lines) + "\n"


def render_png(svg: Path, size: int, out: Path) -> None:
    """Draw the SVG into ``out``, a ``size`` × ``size`` PNG with a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    if not image.save(str(out)):  # the format follows the name's .png
        raise OSError(f"cannot write {out}")


def install(home: Path) -> list[Path]:
    """Write the entry, the icons and the metainfo under ``home``; the files written."""
    # Drawing needs a GUI application object; without a display, Qt's offscreen one.
    app = QGuiApplication.instance() or QGuiApplication(["carnet", "-platform", "offscreen"])
    desktop, metainfo, svg, *pngs = installed_files(home)
    source_svg = resources_dir() / "icons" / "carnet.svg"
    for path in (desktop, metainfo, svg, *pngs):
        path.parent.mkdir(parents=True, exist_ok=True)
    desktop.write_text(desktop_entry(launcher()), encoding="utf-8")
    shutil.copyfile(resources_dir() / "desktop" / metainfo.name, metainfo)
    shutil.copyfile(source_svg, svg)
    for size, png in zip(PNG_SIZES, pngs, strict=True):
        render_png(source_svg, size, png)
    (home / "icons" / "hicolor").touch()  # icon caches look at the theme folder's time
    del app
    return [desktop, metainfo, svg, *pngs]


def uninstall(home: Path) -> list[Path]:
    """Remove what :func:`install` wrote; the files that were there."""
    removed = [path for path in installed_files(home) if path.is_file()]
    for path in removed:
        path.unlink()
    return removed


def main(remove: bool) -> int:
    """``carnet-gui --install-desktop-entry`` / ``--uninstall-desktop-entry``."""
    home = data_home()
    if remove:
        removed = uninstall(home)
        print(f"Removed {len(removed)} files of Carnet's menu entry from {home}.")
        return 0
    written = install(home)
    print(f"Installed Carnet's menu entry, icon and metainfo ({len(written)} files) in {home}.")
    return 0
