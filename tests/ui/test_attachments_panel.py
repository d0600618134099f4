"""The attachments panel on the Care, Feuilles and Mailings pages: attach, check, open, remove."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.attachments import AttachedTo, AttachmentKind
from carnet.i18n import Translator
from carnet.services.attachments import FileState
from carnet.services.demo import build_demo
from carnet.ui.events import EventHub
from carnet.ui.views.care_page import CarePage
from carnet.ui.views.feuilles_page import FeuillesPage
from carnet.ui.views.mailings_page import MailingsPage
from carnet.ui.widgets.attachments_panel import AttachmentsPanel
from tests.documents import samples_files
from tests.ui.conftest import TODAY, page_context


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "scans"
    folder.mkdir()
    made = {"png": folder / "feuille.png", "pdf": folder / "ordonnance.pdf"}
    made["png"].write_bytes(samples_files.png())
    made["pdf"].write_bytes(samples_files.pdf("Ordonnance", "Page deux"))
    return made


@pytest.fixture
def care(qtbot: QtBot, services: Services, events: EventHub, translator: Translator) -> CarePage:
    page = CarePage(page_context(services, events, translator))
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitExposed(page)
    page.table.selectRow(0)
    return page


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []

    def open_url(url: QUrl) -> bool:
        calls.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return calls


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _title, text: shown.append(text))
    return shown


def choose(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    chosen = ([str(p) for p in paths], "")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a: chosen)


def names(panel: AttachmentsPanel) -> list[str]:
    return [panel.tree.topLevelItem(n).text(0) for n in range(panel.tree.topLevelItemCount())]


def act_id(page: CarePage) -> int:
    chosen = page.selected_act()
    assert chosen is not None
    return int(chosen)


def test_attach_through_the_dialog_lists_and_stores_the_file(
    qtbot: QtBot,
    care: CarePage,
    services: Services,
    files: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = care.attachments
    assert panel.isVisibleTo(care) and panel.buttons["attach"].isEnabled()
    choose(monkeypatch, files["png"], files["pdf"])
    qtbot.mouseClick(panel.buttons["attach"], Qt.MouseButton.LeftButton)
    assert names(panel) == ["feuille.png", "ordonnance.pdf"]
    stored = services.attachments.for_record(AttachedTo.ACT, act_id(care))
    assert [(a.file_name, a.media_type) for a in stored] == [
        ("feuille.png", "image/png"),
        ("ordonnance.pdf", "application/pdf"),
    ]
    row = panel.tree.topLevelItem(0)
    assert row.text(1) == "Scan" and row.text(2).endswith("bytes") and row.text(4) == "Intact"
    assert row.text(3)  # the date it was added


def test_a_tampered_file_is_marked_and_not_opened(
    care: CarePage,
    services: Services,
    files: dict[str, Path],
    opened: list[Path],
    warnings: list[str],
) -> None:
    panel = care.attachments
    assert panel.attach_files([files["png"], files["pdf"]]) == 2
    [png, pdf] = services.attachments.for_record(AttachedTo.ACT, act_id(care))
    panel.select(pdf.id)
    path = panel.open_selected()
    assert path is not None and path.read_bytes() == files["pdf"].read_bytes()
    assert path.name == "ordonnance.pdf" and path.stat().st_mode & 0o777 == 0o600
    assert opened == [path]

    assert services.store.files is not None
    services.store.files.path_of(png.sha256).write_bytes(b"\x89PNG\r\n\x1a\n not the scan")
    care.table.selectRow(1)
    care.table.selectRow(0)  # choosing the act again checks its files again
    assert [x.state for x in panel.listed()] == [FileState.ALTERED, FileState.INTACT]
    assert panel.tree.topLevelItem(0).text(4) == "⚠ Changed on disk"
    assert panel.tree.topLevelItem(0).font(0).bold()
    panel.select(png.id)
    assert panel.open_selected() is None
    assert len(opened) == 1  # not opened
    [message] = warnings
    assert "“feuille.png” was not opened" in message and "changed or damaged" in message

    services.store.files.path_of(png.sha256).unlink()
    panel.select(png.id)
    assert panel.open_selected() is None
    assert "missing" in warnings[-1] and "feuille.png" in warnings[-1]
    assert panel.tree.topLevelItem(0).text(4) == "⚠ Missing"


def test_remove_then_undo_brings_the_file_back(
    qtbot: QtBot,
    care: CarePage,
    services: Services,
    events: EventHub,
    files: dict[str, Path],
) -> None:
    panel = care.attachments
    said: list[str] = []
    panel.status.connect(said.append)
    panel.attach_files([files["png"]])
    panel.select(panel.listed()[0].attachment.id)
    qtbot.mouseClick(panel.buttons["remove"], Qt.MouseButton.LeftButton)
    assert names(panel) == []
    assert services.attachments.for_record(AttachedTo.ACT, act_id(care)) == []
    assert said[-1] == "Removed feuille.png. Edit › Undo brings it back."
    events.publish(services.history.undo().changes)  # as Edit › Undo does
    assert names(panel) == ["feuille.png"]
    events.publish(services.history.redo().changes)
    assert names(panel) == []


def test_the_kind_of_a_file_can_be_changed_from_its_menu(
    care: CarePage, services: Services, events: EventHub, files: dict[str, Path]
) -> None:
    panel = care.attachments
    said: list[str] = []
    panel.status.connect(said.append)
    assert not panel.buttons["kind"].isEnabled()  # nothing chosen yet
    panel.attach_files([files["png"]])
    panel.select(panel.listed()[0].attachment.id)
    assert panel.buttons["kind"].isEnabled()
    panel.kind_menu.aboutToShow.emit()  # as opening the menu does
    checked = [a.text() for a in panel.kind_menu.actions() if a.isChecked()]
    assert checked == ["Scan"]
    (prescription,) = [a for a in panel.kind_menu.actions() if a.text() == "Prescription"]
    prescription.trigger()
    (stored,) = services.attachments.for_record(AttachedTo.ACT, act_id(care))
    assert stored.kind is AttachmentKind.PRESCRIPTION
    item = panel.tree.topLevelItem(0)
    assert item is not None and item.text(1) == "Prescription"
    assert said[-1] == "feuille.png is now marked as: Prescription."
    panel.kind_menu.aboutToShow.emit()
    assert [a.text() for a in panel.kind_menu.actions() if a.isChecked()] == ["Prescription"]
    events.publish(services.history.undo().changes)  # as Edit › Undo does
    item = panel.tree.topLevelItem(0)
    assert item is not None and item.text(1) == "Scan"


def test_files_dropped_on_the_panel_are_attached(
    care: CarePage, services: Services, files: dict[str, Path]
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["pdf"])), QUrl("https://example.org/x.pdf")])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    care.attachments.dropEvent(drop)
    assert drop.isAccepted()
    assert names(care.attachments) == ["ordonnance.pdf"]
    assert len(services.attachments.for_record(AttachedTo.ACT, act_id(care))) == 1


def test_a_refused_file_says_why(
    care: CarePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    text = tmp_path / "notes.txt"
    text.write_text("not a scan")
    assert care.attachments.attach_files([text]) == 0
    assert shown and "not a PDF or an image" in shown[0]


def test_the_feuilles_page_shows_a_feuilles_files(
    qtbot: QtBot,
    services: Services,
    events: EventHub,
    translator: Translator,
    files: dict[str, Path],
) -> None:
    page = FeuillesPage(page_context(services, events, translator))
    qtbot.addWidget(page)
    page.show()
    [feuille] = services.claims.feuilles()  # Léa's paper consultation
    page.select([feuille.id])
    assert page.attachments.attach_files([files["png"]]) == 1
    assert names(page.attachments) == ["feuille.png"]
    assert services.attachments.for_record(AttachedTo.FEUILLE, feuille.id)[0].file_name == (
        "feuille.png"
    )
    page.select([])
    assert names(page.attachments) == [] and not page.attachments.buttons["attach"].isEnabled()


def test_the_packet_can_carry_copies_of_the_attachments(
    qtbot: QtBot,
    empty_services: Services,
    events: EventHub,
    translator: Translator,
    files: dict[str, Path],
) -> None:
    demo = empty_services
    build_demo(demo.household, demo.care, acts=80, today=TODAY)
    demo.settings.set("household.address", "Sarah Thompson\n12 rue des Lilas\n75011 Paris")
    page = MailingsPage(page_context(demo, events, translator))
    qtbot.addWidget(page)
    page.show()
    mailing = next(m for m in demo.mailings.mailings() if m.mailed_on is None)
    page.select(mailing.id)
    plain = page.show_packet()
    assert plain is not None
    assert "mailing-" in names(page.attachments)[0]  # the packet is filed with the mailing
    page.attachments.select(page.attachments.listed()[0].attachment.id)
    assert page.attachments.buttons["open"].isEnabled()
    assert not page.attachments.buttons["kind"].isEnabled()  # a packet stays a packet
    first = demo.mailings.feuilles_of(mailing.id)[0]
    demo.attachments.attach_file(AttachedTo.FEUILLE, first.id, files["png"])
    demo.attachments.attach_file(AttachedTo.FEUILLE, first.id, files["pdf"])
    page.with_copies.setChecked(True)  # remakes the packet on screen
    with_copies = page.preview.pdf
    assert with_copies is not None
    count = len(pypdf.PdfReader(io.BytesIO(plain)).pages)
    reader = pypdf.PdfReader(io.BytesIO(with_copies))
    assert len(reader.pages) == count + 1 + 1 + 2
    assert "ne pas envoyer" in reader.pages[count].extract_text()
    page.with_copies.setChecked(False)
    assert page.preview.pdf == plain


def test_accessible_names(care: CarePage) -> None:
    panel: Any = care.attachments
    for widget in (panel, panel.tree, panel.kind_box, *panel.buttons.values()):
        assert widget.accessibleName()


def test_a_pdf_named_like_a_launcher_is_opened_as_a_pdf(
    care: CarePage, services: Services, files: dict[str, Path], opened: list[Path], tmp_path: Path
) -> None:
    """A name ending in .desktop or .html was handed to the desktop as it was: a launcher
    would run, a page open in the browser. The extension now follows what the file is."""
    for name in ("facture.desktop", "scan.html"):
        disguised = tmp_path / name
        disguised.write_bytes(files["pdf"].read_bytes())
        assert care.attachments.attach_files([disguised]) == 1
    for attachment in services.attachments.for_record(AttachedTo.ACT, act_id(care)):
        care.attachments.select(attachment.id)
        path = care.attachments.open_selected()
        assert path is not None and path.suffix == ".pdf"
    assert [p.name for p in opened] == ["facture.pdf", "scan.pdf"]
