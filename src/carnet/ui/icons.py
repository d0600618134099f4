"""Icons drawn from the SVG files of ``resources/icons``, sharp at any scale.

The page icons are line drawings in ``currentColor``: they are tinted with the
palette's text colour when loaded, so they stay visible in light and dark
themes alike. Each is drawn at the size and device pixel ratio a screen asks
for, so high-DPI screens get crisp pixels rather than a scaled-up bitmap, and
what was drawn is kept in memory for the next paint.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPalette, QPixmap
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
    return QIcon(_SvgEngine(QByteArray(source.encode("utf-8")), size))


class _SvgEngine(QIconEngine):
    """Draws the SVG at the size and device pixel ratio asked, when first asked."""

    def __init__(self, data: QByteArray, size: int) -> None:
        super().__init__()
        self._data = data
        self._size = size
        self._renderer: QSvgRenderer | None = None
        self._cache: dict[tuple[int, int, int], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._data, self._size)

    def actualSize(self, size: QSize, _mode: QIcon.Mode, _state: QIcon.State) -> QSize:
        side = min(size.width(), size.height(), self._size * max(SCALES))
        return QSize(side, side)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        # Item views paint icons this way: through the kept pixels, as pixmap() does.
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, _state: QIcon.State, scale: float
    ) -> QPixmap:
        key = (size.width(), size.height(), round(scale * 100) * 10 + mode.value)
        cached = self._cache.get(key)
        if cached is None:
            width, height = round(size.width() * scale), round(size.height() * scale)
            cached = self._drawn(width, height, mode)
            cached.setDevicePixelRatio(scale)
            self._cache[key] = cached
        return cached

    def _drawn(self, width: int, height: int, mode: QIcon.Mode) -> QPixmap:
        drawn = QPixmap(width, height)
        drawn.fill(Qt.GlobalColor.transparent)
        painter = QPainter(drawn)
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.4)  # a disabled action reads as unavailable in any theme
        self._svg().render(painter, QRectF(0, 0, width, height))
        painter.end()
        return drawn

    def _svg(self) -> QSvgRenderer:
        if self._renderer is None:
            self._renderer = QSvgRenderer(self._data)
        return self._renderer


def app_icon() -> QIcon:
    """Carnet's own icon (a notebook with a cross), in full colour."""
    return svg_icon("carnet", None, 64)
