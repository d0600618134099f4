"""The Mailings page: create from ready feuilles, preview, print, save, mark mailed, remind."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any, cast

import pypdf
import pytest
from PySide6.QtCore import QBuffer, QDate, QIODevice, Qt
from PySide6.QtGui import QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.claims import Step
from carnet.domain.codes import FeuilleStatus
from carnet.domain.ids import MailingId
from carnet.domain.mailings import MailingMode
from carnet.i18n import Translator
from carnet.services.demo import build_demo
from carnet.ui import errors
from carnet.ui.dialogs.form_dialog import FormDialog
from carnet.ui.events import EventHub
from carnet.ui.models import mailings as columns
from carnet.ui.views.feuilles_page import FeuillesPage
from carnet.ui.views.mailings_page import MailedEditor, MailingsPage, NewMailingEditor
from carnet.ui.widgets import pdf_preview
from tests.ui.conftest import page_context

TODAY = date(2026, 11, 28)
S = FeuilleStatus


def make_pdf(pages: int) -> bytes:
    """A small valid PDF of ``pages`` pages, made by Qt itself."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.drawRect(100, 100, 2000, 1000)
    painter.end()
    return bytes(buffer.data().data())


class FakeDocuments:
    """Stands for ``services.mailing_documents``: three pages, one for a reminder."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int, str]] = []
        self.packet = make_pdf(3)
        self.reminder = make_pdf(1)

    def pdf(self, mailing_id: MailingId, language: str = "en", copies: bool = False) -> bytes:
        self.calls.append(("pdf+copies" if copies else "pdf", mailing_id, language))
        return self.packet

    def reminder_pdf(self, mailing_id: MailingId) -> bytes:
        self.calls.append(("reminder", mailing_id, ""))
        return self.reminder


class WithoutDocuments:
    """The services as they were before ``mailing_documents`` existed."""

    def __init__(self, services: Services) -> None:
        self._services = services

    def __getattr__(self, name: str) -> Any:
        if name == "mailing_documents":
            raise AttributeError(name)
        return getattr(self._services, name)


@pytest.fixture
def demo(empty_services: Services) -> Services:
    build_demo(empty_services.household, empty_services.care, acts=80, today=TODAY)
    empty_services.settings.set(
        "household.address", "Sarah Thompson\n12 rue des Lilas\n75011 Paris"
    )
    return empty_services


def make_page(qtbot: QtBot, services: Any, events: EventHub, t: Translator) -> MailingsPage:
    page = MailingsPage(page_context(cast(Services, services), events, t))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot: QtBot, demo: Services, events: EventHub, translator: Translator) -> MailingsPage:
    return make_page(qtbot, demo, events, translator)


@pytest.fixture
def fake(qtbot: QtBot, demo: Services, events: EventHub, translator: Translator) -> MailingsPage:
    demo.mailing_documents = cast(Any, FakeDocuments())  # services are made on first use
    return make_page(qtbot, demo, events, translator)


def cell(page: MailingsPage, mailing_id: int, column: int) -> str:
    row = page.model.row_of(mailing_id)
    assert row is not None
    return str(page.model.index(row, column).data())


def click(qtbot: QtBot, page: MailingsPage, key: str) -> None:
    qtbot.mouseClick(page.buttons[key], Qt.MouseButton.LeftButton)


def open_dialog(page: MailingsPage) -> FormDialog[Any]:
    assert page.dialog is not None
    return page.dialog


def unsent(services: Services) -> MailingId:
    return next(m.id for m in services.mailings.mailings() if m.mailed_on is None)


def test_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, page: MailingsPage
) -> None:
    qtmodeltester.check(page.model, force_py=True)
    assert page.model.rowCount() == len(page._services.mailings.mailings())
    dialog = page.new_mailing()
    editor = cast(NewMailingEditor, dialog.editor)
    qtmodeltester.check(editor.model, force_py=True)
    assert editor.model.rowCount() == 2  # Léa's signed and Tom's copied feuilles
    dialog.reject()


def test_the_list_says_where_each_mailing_stands(page: MailingsPage) -> None:
    services = page._services
    waiting = unsent(services)
    assert cell(page, waiting, columns.STATE) == "To print"
    late = services.mailings.unanswered()[0].id
    assert cell(page, late, columns.STATE) == "No answer yet"
    row = page.model.row_of(late) or 0
    assert not page.model.index(row, columns.STATE).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert cell(page, 1, columns.STATE) == "Paid"
    assert cell(page, 1, columns.MAILED) == "5 Mar 2023"
    page.select(MailingId(1))  # its mode and other dates are told under the table
    assert page.facts.text().startswith("Simple letter · created ")
    assert page.facts.text().endswith(" · mailed 5 Mar 2023")


def test_from_signature_to_a_registered_envelope(
    qtbot: QtBot, demo: Services, events: EventHub, translator: Translator
) -> None:
    feuilles = FeuillesPage(page_context(demo, events, translator))
    qtbot.addWidget(feuilles)
    feuilles.show()
    page = make_page(qtbot, demo, events, translator)
    claims = demo.claims
    mine = claims.feuilles(status=S.TO_SIGN)[0]  # Sarah's
    lea = claims.feuilles(status=S.SIGNED)[0]
    feuilles.select([mine.id])
    qtbot.mouseClick(feuilles.buttons[Step.SIGN], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(feuilles.buttons[Step.COPY], Qt.MouseButton.LeftButton)
    assert claims.feuille(mine.id).status is S.COPIED

    click(qtbot, page, "new")
    dialog = open_dialog(page)
    editor = cast(NewMailingEditor, dialog.editor)
    assert editor.person_box.currentText() == "Sarah Thompson"  # the only insured person
    ready = [editor.model.index(r, 0).data() for r in range(editor.model.rowCount())]
    assert sorted(ready) == sorted(str(f.id) for f in demo.mailings.ready_feuilles(mine.person_id))
    lea_row = ready.index(str(lea.id))
    editor.model.setData(
        editor.model.index(lea_row, 0),
        Qt.CheckState.Unchecked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert dialog.save_button.text() == "Create" and dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.dialog is None
    created = max(demo.mailings.mailings(), key=lambda m: m.id)
    assert lea.id not in {f.id for f in demo.mailings.feuilles_of(created.id)}
    assert mine.id in {f.id for f in demo.mailings.feuilles_of(created.id)}
    assert claims.feuille(mine.id).status is S.IN_MAILING
    assert claims.feuille(lea.id).status is S.SIGNED
    chosen = page.selected()
    assert chosen is not None and chosen.id == created.id
    assert cell(page, created.id, columns.STATE) == "To print"

    click(qtbot, page, "printed")
    assert demo.mailings.mailing(created.id).printed_on == TODAY
    assert cell(page, created.id, columns.STATE) == "To mail"
    click(qtbot, page, "mailed")
    dialog = open_dialog(page)
    mailed = cast(MailedEditor, dialog.editor)
    mailed.date_edit.setDate(QDate(2026, 11, 27))
    qtbot.keyClicks(mailed.tracking_edit, "1A 234 567 8901 2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    after = demo.mailings.mailing(created.id)
    assert (after.mailed_on, after.mode, after.tracking) == (
        date(2026, 11, 27),
        MailingMode.REGISTERED,
        "1A 234 567 8901 2",
    )
    assert {f.status for f in demo.mailings.feuilles_of(created.id)} == {S.MAILED}
    assert page.facts.text() == (
        "Registered letter No. 1A 234 567 8901 2 · created 28 Nov 2026"
        " · printed 28 Nov 2026 · mailed 27 Nov 2026"
    )
    assert cell(page, created.id, columns.STATE) == "Mailed"
    assert not page.buttons["mailed"].isEnabled() and not page.buttons["cancel"].isEnabled()
    feuilles.show_state(S.MAILED)
    assert feuilles.states.count(S.MAILED) == 2 + len(after.feuille_ids)  # the demo had two
    assert {mine.id, *after.feuille_ids} <= {
        feuilles.model.row(r).feuille.id for r in range(feuilles.model.rowCount())
    }


def test_a_refused_mailing_keeps_the_dialog_open(
    page: MailingsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_error", lambda _p, _t, e: shown.append(e.message))
    dialog = page.new_mailing()
    editor = cast(NewMailingEditor, dialog.editor)
    editor.recipient_box.setCurrentIndex(1)  # the mutuelle, but Noémie is on
    dialog.save_button.click()
    assert shown and "Noémie" in shown[0]
    assert dialog.isVisible() and page.dialog is dialog
    for row in range(editor.model.rowCount()):
        editor.model.set_checked(row, False)
    assert not dialog.save_button.isEnabled()
    assert editor.form.message("feuilles") == "Tick at least one feuille"
    dialog.reject()


def test_cancel_puts_the_feuilles_back(
    qtbot: QtBot, fake: MailingsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = fake._services
    waiting = unsent(services)
    inside = [f.id for f in services.mailings.feuilles_of(waiting)]
    fake.select(waiting)
    click(qtbot, fake, "preview")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    click(qtbot, fake, "cancel")
    assert waiting not in {m.id for m in services.mailings.mailings()}
    assert {services.claims.feuille(f).status for f in inside} == {S.SIGNED}
    assert fake.preview.pdf is None and fake.preview.page_count() == 0


def test_preview_shows_every_page_of_the_packet(qtbot: QtBot, fake: MailingsPage) -> None:
    docs = cast(FakeDocuments, fake.documents)
    assert not fake.buttons["preview"].isEnabled()  # nothing chosen yet
    waiting = unsent(fake._services)
    fake.select(waiting)
    click(qtbot, fake, "preview")
    assert docs.calls == [("pdf", waiting, "en")]
    assert fake.preview.page_count() == 3
    assert (
        fake.preview_title.text()
        == f"Mailing No. {waiting}: letter, inventory and checklist · 3 pages"
    )
    fake.select(MailingId(1))  # another mailing: the old letter is not left on screen
    assert fake.preview.pdf is None


def test_preview_with_the_real_documents(qtbot: QtBot, page: MailingsPage) -> None:
    waiting = unsent(page._services)
    page.select(waiting)
    click(qtbot, page, "preview")
    assert page.preview.pdf is not None
    pages = len(pypdf.PdfReader(io.BytesIO(page.preview.pdf)).pages)
    assert page.preview.page_count() == pages >= 2
    text = pypdf.PdfReader(io.BytesIO(page.preview.pdf)).pages[0].extract_text()
    assert "CPAM de Paris" in text and "Sarah Thompson" in text
    assert page._services.mailings.mailing(waiting).pdf_sha256  # filed beside the database


def test_save_pdf_writes_the_bytes(
    qtbot: QtBot, fake: MailingsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "envelope.pdf"
    suggested: list[str] = []

    def choose(_parent: QWidget, _title: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(name)
        return str(target), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    waiting = unsent(fake._services)
    fake.select(waiting)
    with qtbot.waitSignal(fake.status):
        click(qtbot, fake, "save")  # no preview yet: the packet is made first
    assert target.read_bytes() == cast(FakeDocuments, fake.documents).packet
    assert suggested == [f"packet-{waiting}.pdf"]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: ("", ""))
    assert fake.save_shown() is None


def test_print_sends_every_page_to_the_printer(
    qtbot: QtBot, fake: MailingsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "printed.pdf"

    class Accepting:
        def __init__(self, printer: QPrinter, _parent: QWidget) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            printer.setResolution(72)

        def exec(self) -> int:
            return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(pdf_preview, "QPrintDialog", Accepting)
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    mailing_id = next(
        m.id for m in fake._services.mailings.mailings() if m.mailed_on is m.printed_on is None
    )
    fake.select(mailing_id)
    click(qtbot, fake, "preview")
    assert fake.print_shown() == 3
    assert len(pypdf.PdfReader(out).pages) == 3
    # Printed from the preview: marked printed once the person says it came out well.
    assert "print" in asked[0]
    assert fake._services.mailings.mailing(mailing_id).printed_on is not None


def test_reminder_letter_for_unanswered_mailings(qtbot: QtBot, page: MailingsPage) -> None:
    services = page._services
    page.select(unsent(services))
    assert not page.buttons["reminder"].isEnabled()
    late = services.mailings.unanswered()[0].id
    page.select(late)
    assert page.buttons["reminder"].isEnabled()
    click(qtbot, page, "reminder")
    assert page.preview.page_count() >= 1
    assert page.preview_title.text().startswith(f"Mailing No. {late}: reminder letter")
    text = pypdf.PdfReader(io.BytesIO(page.preview.pdf or b"")).pages[0].extract_text()
    assert "relance" in text.lower() or "rappel" in text.lower()


def test_without_the_documents_service_the_pdf_buttons_say_why(
    qtbot: QtBot, demo: Services, events: EventHub, translator: Translator
) -> None:
    page = make_page(qtbot, WithoutDocuments(demo), events, translator)
    page.select(unsent(demo))
    for key in ("preview", "print", "save", "reminder"):
        assert not page.buttons[key].isEnabled()
        assert "not available" in page.buttons[key].toolTip()
    assert page.buttons["mailed"].isEnabled() and page.buttons["new"].isEnabled()
    assert page.show_packet() is None
