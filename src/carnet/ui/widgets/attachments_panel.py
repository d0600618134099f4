"""A record's attached files (scans, prescriptions, PDFs): list, attach, open, remove.

Shown in the detail panels of the Care, Feuilles and Mailings pages. Like a
page, it calls the attachment service and hands the returned ``Changes`` to the
:class:`EventHub`; it reloads itself when its record is among what changed
(an undo from the Edit menu included).

Every listed file is checked against its SHA-256, so a scan damaged or altered
on disk is marked in the list, and **Open** refuses it instead of showing
something that is no longer what was attached.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QMimeData, QUrl, Signal
from PySide6.QtGui import (
    QActionGroup,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carnet.domain.attachments import (
    AttachedTo,
    Attachment,
    AttachmentKind,
    file_name_to_open,
)
from carnet.domain.changes import Changes
from carnet.domain.errors import CarnetError
from carnet.i18n import N_, Translator
from carnet.services.attachments import AttachmentService, FileState, Listed
from carnet.services.base import Result
from carnet.ui.events import EventHub
from carnet.ui.operations import run_op
from carnet.ui.widgets.attachment_labels import (
    KIND_LABELS,
    STATE_HINTS,
    STATE_LABELS,
    file_size,
    refusal,
)

COLUMNS = (N_("Name"), N_("Kind"), N_("Size"), N_("Added"), N_("File check"))
STATE_COLUMN = 4
# A packet is made by Carnet when a mailing is printed; people attach the rest.
CHOSEN_KINDS = tuple(k for k in AttachmentKind if k is not AttachmentKind.PACKET)
T = TypeVar("T")
FILE_FILTER = N_(
    "Scans and PDFs (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic);;All files (*)"
)


class AttachmentsPanel(QGroupBox):
    """The files attached to one act, feuille or mailing."""

    status = Signal(str)  # a sentence for the status bar after each command

    def __init__(
        self,
        attachments: AttachmentService,
        events: EventHub,
        translator: Translator,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translator.gettext("Attachments"), parent)
        self._service, self._events, self._t = attachments, events, translator
        self._record: tuple[AttachedTo, int] | None = None
        self._listed: list[Listed] = []
        self._opened: Path | None = None  # the private folder of files handed to viewers
        self.setAccessibleName(translator.gettext("Attachments"))
        self.setAcceptDrops(True)  # scans dropped here are attached, not imported as statements
        self.tree = self._make_tree()
        self.kind_box = self._make_kind_box()
        self.hint = QLabel(translator.gettext("Drop scans or PDFs here to attach them."))
        self.hint.setWordWrap(True)
        self.buttons = {
            "attach": self._button(N_("Attach…"), self.choose_files),
            "open": self._button(N_("Open"), self.open_selected),
            "remove": self._button(N_("Remove"), self.remove_selected),
        }
        self.kind_menu = self._make_kind_menu()
        self._build()
        events.changed.connect(self._on_changed)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_a: self.open_selected())
        self.clear()

    # -- building ----------------------------------------------------------------------
    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels([self._t.gettext(c) for c in COLUMNS])
        tree.setRootIsDecorated(False)
        tree.setAccessibleName(self._t.gettext("Attached files"))
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setStretchLastSection(True)
        # Room for about four files: a record rarely has more, and the panel shares its page.
        tree.setMinimumHeight(tree.fontMetrics().height() * 7)
        return tree

    def _make_kind_box(self) -> QComboBox:
        box = QComboBox()
        for kind in CHOSEN_KINDS:
            box.addItem(self._t.gettext(KIND_LABELS[kind]), kind.value)
        # Shrinks with the panel (French kinds are long) instead of widening the window.
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(6)
        box.setAccessibleName(self._t.gettext("Kind of the next file attached"))
        box.setToolTip(self._t.gettext("What the next file you attach is"))
        return box

    def _make_kind_menu(self) -> QMenu:
        """ "Kind" on the selected file: a scan attached as such may be a prescription."""
        t = self._t
        button = self.buttons["kind"] = QPushButton(t.gettext("Kind"))
        button.setAccessibleName(t.gettext("Change what the selected file is"))
        button.setToolTip(t.gettext("Change what the selected file is"))
        menu = QMenu(button)
        group = QActionGroup(menu)  # one kind at a time, the current one checked
        for kind in CHOSEN_KINDS:
            action = menu.addAction(t.gettext(KIND_LABELS[kind]))
            action.setCheckable(True)
            action.setData(kind.value)
            group.addAction(action)
            action.triggered.connect(self._setting_kind(kind))
        menu.aboutToShow.connect(self._check_current_kind)
        button.setMenu(menu)
        return menu

    def _setting_kind(self, kind: AttachmentKind) -> Callable[[], object]:
        return lambda: self.set_kind(kind)

    def _check_current_kind(self) -> None:
        listed = self.selected()
        for action in self.kind_menu.actions():
            action.setChecked(listed is not None and action.data() == listed.attachment.kind)

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(self._t.gettext(text))
        button.setAccessibleName(self._t.gettext(text).rstrip("…"))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _build(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.buttons["attach"])
        row.addWidget(self.kind_box)
        row.addStretch(1)
        row.addWidget(self.buttons["open"])
        row.addWidget(self.buttons["kind"])
        row.addWidget(self.buttons["remove"])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)

    # -- showing -----------------------------------------------------------------------
    def show_record(self, entity: AttachedTo, entity_id: int) -> None:
        self._record = (entity, int(entity_id))
        self.reload()

    def clear(self) -> None:
        self._record = None
        self.tree.clear()
        self._listed = []
        self._update_buttons()

    def reload(self) -> None:
        if self._record is None:
            return
        kept = self.selected()
        listed = self._service.listing(*self._record)
        self.tree.clear()  # before the rows change: clearing emits a selection change
        self._listed = listed
        self.tree.addTopLevelItems([self._item(x) for x in listed])
        if kept is not None:
            self.select(kept.attachment.id)
        self._update_buttons()

    def listed(self) -> list[Listed]:
        return list(self._listed)

    def selected(self) -> Listed | None:
        items = self.tree.selectedItems()
        row = self.tree.indexOfTopLevelItem(items[0]) if items else -1
        return self._listed[row] if 0 <= row < len(self._listed) else None

    def select(self, attachment_id: int) -> None:
        for row, listed in enumerate(self._listed):
            item = self.tree.topLevelItem(row)
            if listed.attachment.id == attachment_id and item is not None:
                self.tree.setCurrentItem(item)

    def _item(self, listed: Listed) -> QTreeWidgetItem:
        t, a = self._t, listed.attachment
        added = "" if listed.added is None else t.date(listed.added.astimezone().date())
        cells = [a.file_name, t.gettext(KIND_LABELS[a.kind]), file_size(t, a.size), added]
        item = QTreeWidgetItem([*cells, t.gettext(STATE_LABELS[listed.state])])
        item.setToolTip(STATE_COLUMN, t.gettext(STATE_HINTS[listed.state]))
        if listed.state is not FileState.INTACT:
            # Bold and the warning icon, not red: a fixed red is unreadable on dark palettes.
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            item.setIcon(0, icon)
            for column in (0, STATE_COLUMN):
                font = item.font(column)
                font.setBold(True)
                item.setFont(column, font)
                item.setToolTip(column, t.gettext(STATE_HINTS[listed.state]))
        return item

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.buttons["attach"].setEnabled(self._record is not None)
        self.kind_box.setEnabled(self._record is not None)
        for key in ("open", "remove"):
            self.buttons[key].setEnabled(chosen)
        listed = self.selected()
        # A packet Carnet made stays one: its kind is not the person's to choose.
        generated = listed is not None and listed.attachment.kind is AttachmentKind.PACKET
        self.buttons["kind"].setEnabled(chosen and not generated)

    def _on_changed(self, changes: Changes) -> None:
        if self._record is None:
            return
        entity, entity_id = self._record
        ids = {
            AttachedTo.ACT: changes.acts,
            AttachedTo.FEUILLE: changes.feuilles,
            AttachedTo.MAILING: changes.mailings,
        }[entity]
        if entity_id in ids:
            self.reload()

    # -- commands ----------------------------------------------------------------------
    def choose_files(self) -> int:
        t = self._t
        names, _ = QFileDialog.getOpenFileNames(
            self, t.gettext("Attach scans or PDFs"), "", t.gettext(FILE_FILTER)
        )
        return self.attach_files([Path(name) for name in names])

    def attach_files(self, paths: list[Path]) -> int:
        """Attach each file to the shown record; how many were attached (stops at a refusal)."""
        if self._record is None:
            return 0
        entity, entity_id = self._record
        kind = AttachmentKind(self.kind_box.currentData())
        done: list[Attachment] = []
        for path in paths:

            def call(p: Path = path) -> Result[Attachment]:
                return self._service.attach_file(entity, entity_id, p, kind)

            result = self._run(call)
            if result is None:
                break  # the message said why; the files after it are left alone
            done.append(result.value)
        if done:
            self.select(done[-1].id)
            self.status.emit(self._attached_text(done))
        return len(done)

    def _run(self, call: Callable[[], Result[T]]) -> Result[T] | None:
        return run_op(self, self._t, self._events, call)

    def _attached_text(self, done: list[Attachment]) -> str:
        t = self._t
        if len(done) == 1:
            return t.gettext("Attached {name}").format(name=done[0].file_name)
        return t.ngettext("Attached {n} file", "Attached {n} files", len(done)).format(n=len(done))

    def open_selected(self) -> Path | None:
        """Write the verified bytes to a private temporary file and open it; its path."""
        listed = self.selected()
        if listed is None:
            return None
        attachment = listed.attachment
        try:
            data = self._service.read(attachment.id)
        except CarnetError:
            self._refuse(attachment)
            return None
        path = self._temporary(attachment, data)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            text = self._t.gettext("No application on this computer opens {name}.")
            QMessageBox.information(self, self._t.gettext("Open"), text.format(name=path.name))
        return path

    def remove_selected(self) -> bool:
        listed = self.selected()
        if listed is None:
            return False
        if self._run(lambda: self._service.remove(listed.attachment.id)) is None:
            return False
        self.reload()  # also when the page did not pass the change on to this record
        text = self._t.gettext("Removed {name}. Edit › Undo brings it back.")
        self.status.emit(text.format(name=listed.attachment.file_name))
        return True

    def set_kind(self, kind: AttachmentKind) -> bool:
        """Mark the selected file as ``kind`` (undoable)."""
        listed = self.selected()
        if listed is None:
            return False
        attachment = listed.attachment
        if self._run(lambda: self._service.set_kind(attachment.id, kind)) is None:
            return False
        self.reload()
        text = self._t.gettext("{name} is now marked as: {kind}.")
        kind_label = self._t.gettext(KIND_LABELS[kind])
        self.status.emit(text.format(name=attachment.file_name, kind=kind_label))
        return True

    def _refuse(self, attachment: Attachment) -> None:
        self.reload()  # the mark in the list now agrees with the message
        state = self._service.state(attachment)
        title = self._t.gettext("The file was not opened")
        QMessageBox.warning(self, title, refusal(self._t, attachment.file_name, state))

    def _temporary(self, attachment: Attachment, data: bytes) -> Path:
        # A private folder (mode 0700) removed when Carnet closes: health papers do not
        # linger in /tmp. One sub-folder per attachment keeps the original file name.
        if self._opened is None:
            self._opened = Path(tempfile.mkdtemp(prefix="carnet-open-"))
            # At exit or when the panel goes, whichever comes first; quietly, unlike
            # TemporaryDirectory's implicit clean-up (a ResourceWarning).
            weakref.finalize(self, shutil.rmtree, self._opened, True)
        folder = self._opened / str(attachment.id)
        folder.mkdir(mode=0o700, exist_ok=True)
        path = folder / file_name_to_open(
            attachment.file_name, attachment.media_type, attachment.id
        )
        path.write_bytes(data)
        path.chmod(0o600)
        return path

    # -- drag and drop -----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._record is not None and local_files(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._record is not None and local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData())
        if self._record is not None and paths:
            event.acceptProposedAction()
            self.attach_files(paths)


def local_files(mime: QMimeData) -> list[Path]:
    """The local files of a drop (links to web pages are not files to attach)."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_file()]
