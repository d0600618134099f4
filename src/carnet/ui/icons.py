"""Icons drawn from the SVG files of ``resources/icons``, sharp at any scale.

The page icons are line drawings in ``currentColor``: they are tinted with the
palette's text colour when loaded, so they stay visible in light and dark
themes alike. Each is rendered at 1×, 2× and 3× so high-DPI screens get crisp
pixels rather than a scaled-up bitmap.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from carnet.i18n import resources_dir

BASE_SIZE = 24
SCALES = (1, 2, 3)


@cache
def _svg(name: str) -> str:
    path = resources_dir() / "icons" / f"{name}.svg"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def svg_icon(name: str, palette: QPalette | None = None, size: int = BASE_SIZE) -> QIcon:
    """The icon ``name`` tinted for ``palette`` (empty icon if there is no such file)."""
    source = _svg(name)
    if not source:
        return QIcon()
    if palette is not None:
        colour = palette.color(QPalette.ColorRole.WindowText).name()
        source = source.replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(source.encode("utf-8")))
    icon = QIcon()
    for scale in SCALES:
        pixmap = QPixmap(QSize(size * scale, size * scale))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size * scale, size * scale))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        icon.addPixmap(pixmap)
    return icon


def app_icon() -> QIcon:
    """Carnet's own icon (a notebook with a cross), in full colour."""
    return svg_icon("carnet", None, 64)
