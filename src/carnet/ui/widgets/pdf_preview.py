"""A PDF shown inside the window (QtPdf), and the helpers to print or save PDF bytes.

Carnet's documents exist only as bytes in memory until the person saves them,
so the preview loads them from a :class:`QBuffer` rather than a file. Printing
goes through the system dialog and draws each page as an image on the
printer's painter: QtPdf renders pages to images, and at 300 dpi that is as
sharp as the paper needs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QVBoxLayout, QWidget

from carnet.i18n import Translator
from carnet.private_files import write_private
from carnet.ui.errors import error_box

PRINT_DPI = 300  # enough for text on paper; a printer's 1200 dpi would only cost memory


class PdfPreview(QWidget):
    """Shows PDF bytes, all pages one below the other, fitted to the width."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf: bytes | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(name)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self._buffer: QBuffer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)

    def show_pdf(self, pdf: bytes) -> int:
        """Show ``pdf``; returns its page count (0 if QtPdf could not read it)."""
        self._buffer = load_pdf(self.document, pdf, self._buffer, self)
        self.pdf = pdf
        self.note.setText("")
        self.note.setVisible(False)
        return self.page_count()

    def clear(self, message: str) -> None:
        """Show no document, only ``message`` (why there is nothing to see)."""
        self.document.close()
        self.pdf = None
        self.note.setText(message)
        self.note.setVisible(bool(message))

    def page_count(self) -> int:
        if self.document.status() != QPdfDocument.Status.Ready:
            return 0
        return self.document.pageCount()


def load_pdf(document: QPdfDocument, pdf: bytes, held: QBuffer | None, owner: QWidget) -> QBuffer:
    """Show ``pdf`` in ``document`` and release ``held``; keep the buffer returned.

    QPdfDocument reads from the device while it is open: the buffer must outlive the load.
    """
    document.close()
    buffer = _open_buffer(pdf, owner)
    document.load(buffer)
    if held is not None:
        held.close()
        held.deleteLater()
    return buffer


def _open_buffer(pdf: bytes, parent: QWidget | None = None) -> QBuffer:
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer


def print_pdf_bytes(pdf: bytes, printer: QPrinter) -> int:
    """Draw each page of ``pdf`` on ``printer``; returns the number of pages printed.

    A document of its own, not a preview's: the preview may still show an older
    PDF while a newer one is being rendered.
    """
    buffer = _open_buffer(pdf)
    document = QPdfDocument()
    document.load(buffer)
    painter = QPainter()
    if document.status() != QPdfDocument.Status.Ready or not painter.begin(printer):
        return 0
    dpi, area = min(printer.resolution(), PRINT_DPI), painter.viewport()
    count = document.pageCount()
    for page in range(count):
        if page:
            printer.newPage()
        points = document.pagePointSize(page)
        pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        image = document.render(page, pixels)
        fitted = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRect(area.topLeft(), fitted), image)
    painter.end()
    document.close()
    buffer.close()
    return count


def print_with_dialog(parent: QWidget, pdf: bytes, name: str) -> int:
    """Ask the system print dialog for a printer, then print; the pages printed (0: cancelled)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0
    return print_pdf_bytes(pdf, printer)


def save_pdf_bytes(
    parent: QWidget, t: Translator, pdf: bytes, title: str, suggested: str
) -> Path | None:
    """Ask where to save ``pdf`` and write it; ``None`` if cancelled or not writable."""
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")
    if not name:
        return None
    path = Path(name)
    try:
        write_private(path, pdf)
    except OSError as exc:
        text = t.gettext("The file could not be written: {error}").format(error=exc.strerror)
        error_box(parent, title, text, str(exc)).exec()
        return None
    return path
