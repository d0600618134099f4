"""Icons drawn from the SVG files of ``resources/icons``, sharp at any scale.

The page icons are line drawings in ``currentColor``: they are tinted with the
palette's text colour when loaded, so they stay visible in light and dark
themes alike. Each is drawn at the size and device pixel ratio a screen asks
for, so high-DPI screens get crisp pixels rather than a scaled-up bitmap.

What was drawn is kept in the user cache folder, named by the tinted SVG and
the size: the next start reads those pixels back instead of loading Qt's SVG
module and drawing again (3 ms for the first screen's icons). They are kept
raw, not as PNG: decoding a PNG wakes Qt's image-format plugins, another 3 ms.
"""

from __future__ import annotations

import zlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap

from carnet.i18n import resources_dir
from carnet.paths import cache_dir, keep_cached

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

BASE_SIZE = 24
_FORMAT = QImage.Format.Format_ARGB32_Premultiplied  # what QPixmap holds on screen
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
    """Draws the SVG at the size and device pixel ratio asked, when first asked
    (or reads back the pixels an earlier start drew, see the module's note).

    Rendering every icon at 1×, 2× and 3× up front cost the window's start-up
    about 10 ms; drawn on demand, each screen gets exactly its pixels.
    """

    def __init__(self, data: QByteArray, size: int) -> None:
        super().__init__()
        self._data = data
        self._size = size
        self._renderer: QSvgRenderer | None = None
        self._cache: dict[tuple[int, int, int], QPixmap] = {}
        self._stem = f"{zlib.crc32(data.data()):08x}"  # the tinted drawing, whatever its name

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
            kept = _kept_file(f"{self._stem}-{width}x{height}-{mode.value}")
            read = None if kept is None else _read_pixels(kept, width, height)
            cached = read if read is not None else self._drawn(width, height, mode)
            if kept is not None and read is None:
                _keep(cached, kept)
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
            from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415 (only to draw anew)

            self._renderer = QSvgRenderer(self._data)
        return self._renderer


@cache
def _icon_folder() -> Path | None:
    """Where drawn icons are kept, or None if the cache folder can't be made."""
    folder = cache_dir() / "icons"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def _kept_file(stem: str) -> Path | None:
    folder = _icon_folder()
    return None if folder is None else folder / f"{stem}.argb"


def _read_pixels(path: Path, width: int, height: int) -> QPixmap | None:
    """The pixels kept in ``path``, or None if there are none of that size."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if len(data) != width * height * 4:  # damaged, or not written whole
        return None
    image = QImage(data, width, height, width * 4, _FORMAT).copy()  # its own buffer
    return QPixmap.fromImage(image)


def _keep(pixmap: QPixmap, path: Path) -> None:
    image = pixmap.toImage().convertToFormat(_FORMAT)
    keep_cached(path, bytes(image.constBits()))


def app_icon() -> QIcon:
    """Carnet's own icon (a notebook with a cross), in full colour."""
    return svg_icon("carnet", None, 64)
