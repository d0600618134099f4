"""The "what to do now" sheet in a window of its own: the page as it prints, Save, Print.

The same sheet as ``carnet todo-sheet``: the items are read from the database
on the GUI thread (quick), then the PDF is rendered on the runner the caller
passes (the Reports page's, which renders one document at a time because
reportlab's caches are process-wide). Save and Print wait for the render.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from carnet.app import Services
from carnet.documents.todo_sheet import render_todo
from carnet.domain.reports import TodoEntry
from carnet.i18n import Translator
from carnet.services.todo_sheet import todo_entries
from carnet.ui.tasks import Progress, TaskRunner
from carnet.ui.widgets.pdf_preview import PdfPreview, print_with_dialog, save_pdf_bytes


def sheet_entries(services: Services) -> list[TodoEntry]:
    return todo_entries(
        services.household,
        services.claims,
        services.care,
        services.care_table,
        services.todo.items(),
    )


class TodoSheetDialog(QDialog):
    """Shows the sheet once rendered; ``pdf`` holds its bytes from then on."""

    def __init__(
        self,
        services: Services,
        t: Translator,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._t, self._runner = t, runner
        self.day: date = services.todo.today()
        self.entries = sheet_entries(services)
        self.pdf: bytes | None = None
        title = t.gettext("What to do now")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.preview = PdfPreview(t.gettext("The sheet as it will print"))
        self.save_button = QPushButton(t.gettext("Save PDF…"))
        self.print_button = QPushButton(t.gettext("Print…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(t.gettext("Close"))
        for button in (self.save_button, self.print_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setEnabled(False)  # until the PDF exists
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.resize(self._opening_size())
        self._render()

    def _opening_size(self) -> QSize:
        """An A4 page at a readable width, no taller than the screen leaves room for:
        on a 1280×800 laptop a taller window puts Save and Print under the screen's edge
        (the page scrolls instead). A tenth is kept for the title bar and the desktop's panel.
        """
        available = self.screen().availableGeometry().height()
        return QSize(720, min(860, available * 9 // 10))

    def _render(self) -> None:
        self.preview.clear(self._t.gettext("Preparing the PDF…"))
        entries, language, day = self.entries, self._t.language, self.day

        def work(_progress: Progress) -> bytes:
            return render_todo(entries, language, day)

        self._runner.start(work, self._rendered, self._failed)

    def _rendered(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.preview.show_pdf(pdf)
        for button in (self.save_button, self.print_button):
            button.setEnabled(True)

    def _failed(self, error: BaseException, _trace: str) -> None:
        message = self._t.gettext("The PDF could not be prepared: {error}")
        self.preview.clear(message.format(error=error))

    def wait_for_pdf(self, msecs: int = 30_000) -> bool:
        """Block until the render is done (tests)."""
        return self._runner.wait(msecs)

    def page_count(self) -> int:
        return self.preview.page_count()

    def save_pdf(self) -> Path | None:
        if self.pdf is None:
            return None
        t = self._t
        suggested = t.gettext("what-to-do-{date}.pdf").format(date=self.day.isoformat())
        return save_pdf_bytes(self, t, self.pdf, t.gettext("Save the sheet as PDF"), suggested)

    def print_pdf(self) -> int:
        if self.pdf is None:
            return 0
        return print_with_dialog(self, self.pdf, f"carnet-todo-{self.day.isoformat()}")
