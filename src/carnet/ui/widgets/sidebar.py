"""The list of pages on the left of the main window."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from carnet.i18n import Translator
from carnet.ui.icons import svg_icon
from carnet.ui.pages import PageSpec

_KEY_ROLE = Qt.ItemDataRole.UserRole
ROW_SPACING = 4  # around each page name
FRAME_ROOM = 28  # the list's frame and a little air after the longest name


class Sidebar(QListWidget):
    """One item per page; the row is the page's index in the window's stack."""

    def __init__(
        self, pages: tuple[PageSpec, ...], translator: Translator, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._pages = pages
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(20, 20))
        # Taller rows than a plain list, set apart: this is the app's main navigation.
        self.setSpacing(ROW_SPACING)
        for spec in pages:
            item = QListWidgetItem(svg_icon(spec.key, self.palette()), "")
            item.setData(_KEY_ROLE, spec.key)
            self.addItem(item)
        self.retranslate(translator)

    def retranslate(self, translator: Translator) -> None:
        """Page names in the current language; the width follows the longest."""
        self.setAccessibleName(translator.gettext("Pages"))
        self.setAccessibleDescription(translator.gettext("Choose what the window shows"))
        for row, spec in enumerate(self._pages):
            item = self.item(row)
            item.setText(translator.gettext(spec.title))
            item.setToolTip(translator.gettext(spec.description))
        self.setFixedWidth(self.sizeHintForColumn(0) + 2 * ROW_SPACING + FRAME_ROOM)

    def key_at(self, row: int) -> str | None:
        item = self.item(row)
        return None if item is None else str(item.data(_KEY_ROLE))

    def row_of(self, key: str) -> int | None:
        for row in range(self.count()):
            if self.key_at(row) == key:
                return row
        return None
