"""The Mailings page: envelopes of feuilles to the CPAM (or a mutuelle), from creation to post.

Left, every mailing with where it stands; right, the chosen mailing's PDF
(cover letter, inventory and checklist, or the reminder letter) exactly as it
will print. The PDF is made on demand (**Preview**), not on each click in the
list, because making it also files a copy beside the database. Its bytes come
from ``services.mailing_documents``; without that service the PDF buttons stay
disabled and say why. Ticked, **With copies of the attachments** appends the
feuilles' scans, marked as staying at home. Below the list, the mailing's own
files (each packet as made, anything attached).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carnet.domain.attachments import AttachedTo
from carnet.domain.changes import Changes
from carnet.domain.codes import FeuilleStatus
from carnet.domain.ids import MailingId
from carnet.domain.mailings import Mailing
from carnet.i18n import N_
from carnet.services.base import Result
from carnet.ui.dialogs.address_dialog import with_addresses
from carnet.ui.dialogs.form_dialog import FormDialog, open_form
from carnet.ui.dialogs.mailing_editors import MailedEditor, NewMailingEditor
from carnet.ui.models.mailings import (
    FITTED,
    RECIPIENT,
    MailingRow,
    MailingTableModel,
    mailing_facts,
)
from carnet.ui.page import Page, PageContext
from carnet.ui.widgets.attachments_panel import AttachmentsPanel
from carnet.ui.widgets.pdf_preview import PdfPreview, print_with_dialog, save_pdf_bytes
from carnet.ui.widgets.tables import give_room, make_table

SETTLED = frozenset({FeuilleStatus.AMO_PAID, FeuilleStatus.CLOSED})


class Documents(Protocol):
    """What the page needs of ``services.mailing_documents``."""

    def pdf(
        self, mailing_id: MailingId, language: str = ..., with_attachments: bool = ...
    ) -> bytes: ...

    def reminder_pdf(self, mailing_id: MailingId) -> bytes: ...


class MailingsPage(Page):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        services, events, translator = ctx.services, ctx.events, ctx.t
        self._shown: tuple[MailingId, str] | None = None  # what the preview holds
        self._unanswered: set[MailingId] = set()  # mailed long ago, no answer (each reload)
        self.dialog: FormDialog[Any] | None = None  # the open dialog, for tests
        t = translator
        self.setAccessibleName(t.gettext("Mailings"))
        self.model = MailingTableModel(t, self)
        self.table = self._table()
        self.preview = PdfPreview(t.gettext("The mailing as it will print"))
        self.preview_title = QLabel()
        self.facts = QLabel()  # the chosen mailing's mode and dates
        self.facts.setTextFormat(Qt.TextFormat.PlainText)  # a tracking number as typed
        self.facts.setWordWrap(True)
        self.facts.setAccessibleName(t.gettext("Mode and dates of the mailing"))
        names = (
            ("new", N_("New mailing…"), self.new_mailing),
            ("printed", N_("Mark printed"), self.mark_printed),
            ("mailed", N_("Mark mailed…"), self.mark_mailed),
            ("cancel", N_("Cancel mailing"), self.cancel_mailing),
            ("reminder", N_("Reminder letter…"), self.show_reminder),
            ("preview", N_("Preview"), self.show_packet),
            ("print", N_("Print…"), self.print_shown),
            ("save", N_("Save PDF…"), self.save_shown),
        )
        self.buttons = {key: self._button(text, slot) for key, text, slot in names}
        self.with_copies = QCheckBox(t.gettext("With copies of the attachments"))
        self.with_copies.setAccessibleName(t.gettext("With copies of the attachments"))
        self.with_copies.setToolTip(
            t.gettext("Adds the feuilles' scans at the end, marked as copies to keep at home")
        )
        self.with_copies.toggled.connect(self._on_copies_toggled)
        self.attachments = AttachmentsPanel(services.attachments, events, t)
        self.attachments.status.connect(self.status)
        self._build()
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.reload()

    @property
    def documents(self) -> Documents | None:
        # Looked up on each use: the documents service may arrive after this page.
        found: Documents | None = getattr(self._services, "mailing_documents", None)
        return found

    # -- building ----------------------------------------------------------------------
    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(self._t.gettext(text))
        button.setAccessibleName(self._t.gettext(text).rstrip("…"))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _table(self) -> QTableView:
        table = make_table(self.model, self._t.gettext("Mailings"))
        give_room(table, RECIPIENT, FITTED)
        return table

    def _build(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._row("new", "printed", "mailed", "cancel", "reminder"))
        column.addWidget(self.table, 3)
        column.addWidget(self.facts)
        column.addWidget(self.attachments, 2)
        box = QGroupBox(self._t.gettext("The mailing as it will print"))
        right = QVBoxLayout(box)
        right.addLayout(self._row("preview", "print", "save"))
        # On a line of its own: beside the buttons it widened the window past 1280 px in French.
        right.addWidget(self.with_copies)
        self.preview_title.setTextFormat(Qt.TextFormat.PlainText)
        right.addWidget(self.preview_title)
        right.addWidget(self.preview, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        # The letter needs about 480 pixels to be read on screen; the table's columns fit the rest.
        splitter.setSizes([700, 560])
        QVBoxLayout(self).addWidget(splitter)

    def _row(self, *keys: str) -> QHBoxLayout:
        row = QHBoxLayout()
        for key in keys:
            row.addWidget(self.buttons[key])
        row.addStretch(1)
        return row

    # -- loading -----------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        return bool(changes.mailings or changes.feuilles or changes.people)

    def reload(self) -> None:
        kept = self.selected()
        mailings = self._services.mailings
        names = {p.id: p.full_name for p in self._services.household.people()}
        self._unanswered = {m.id for m in mailings.unanswered()}
        states = mailings.feuille_states()  # counted in SQL: a mailing may hold many feuilles
        rows = []
        for mailing in sorted(mailings.mailings(), key=lambda m: m.id, reverse=True):
            counts = states.get(mailing.id, {})
            settled = bool(counts) and all(state in SETTLED for state in counts)
            name, late = names.get(mailing.person_id, ""), mailing.id in self._unanswered
            rows.append(MailingRow(mailing, name, sum(counts.values()), settled, late))
        self.model.set_rows(rows)
        if kept is not None:
            self.select(kept.id)
        self._show_facts()  # printed or mailed since: the same row, new dates
        if self._shown is not None and self.model.row_of(self._shown[0]) is None:
            self._shown = None
            self.preview.clear(self._t.gettext("That mailing was cancelled."))
        self._update_buttons()

    # -- selection ---------------------------------------------------------------------
    def selected(self) -> Mailing | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()).mailing if rows else None

    def select(self, mailing_id: MailingId) -> None:
        row = self.model.row_of(mailing_id)
        if row is not None:
            self.table.selectRow(row)

    def _update_buttons(self, *_args: object) -> None:
        t, mailing, docs = self._t, self.selected(), self.documents is not None
        unsent = mailing is not None and mailing.mailed_on is None
        unanswered = self._unanswered  # as of the last reload: every change reloads
        enabled = {
            "new": True,
            "printed": unsent and mailing is not None and mailing.printed_on is None,
            "mailed": unsent,
            "cancel": unsent,
            "reminder": docs and mailing is not None and mailing.id in unanswered,
            "preview": docs and mailing is not None,
            "print": docs and (mailing is not None or self.preview.pdf is not None),
            "save": docs and (mailing is not None or self.preview.pdf is not None),
        }
        missing = t.gettext("The letters and lists are not available in this version of Carnet")
        for key, on in enabled.items():
            self.buttons[key].setEnabled(on)
            no_docs = key in ("reminder", "preview", "print", "save") and not docs
            self.buttons[key].setToolTip(missing if no_docs else "")

    def _on_selection(self, *_args: object) -> None:
        mailing = self.selected()
        if self._shown is not None and (mailing is None or mailing.id != self._shown[0]):
            # Never let Print… send one mailing's letter while another is chosen.
            self._shown = None
            self.preview.clear(self._t.gettext("Press Preview to see this mailing's letter."))
            self.preview_title.clear()
        self._show_facts()
        if mailing is None:
            self.attachments.clear()
        else:
            self.attachments.show_record(AttachedTo.MAILING, mailing.id)
        self._update_buttons()

    def _show_facts(self) -> None:
        mailing = self.selected()
        self.facts.setText("" if mailing is None else mailing_facts(self._t, mailing))

    def _on_copies_toggled(self, _checked: bool) -> None:
        # The packet on screen must be the one Print… sends: make it again with or without.
        if self._shown is not None and self._shown[1] == "packet":
            self.show_packet()

    # -- commands ----------------------------------------------------------------------
    def new_mailing(self) -> FormDialog[Any]:
        t, mailings = self._t, self._services.mailings
        editor = NewMailingEditor(self._services, t)

        def save() -> Result[Mailing]:
            return mailings.create(editor.person(), editor.model.checked_ids(), editor.kind())

        return self._open(t.gettext("New mailing"), t.gettext("Create"), editor, save)

    def mark_mailed(self) -> FormDialog[Any] | None:
        mailing = self.selected()
        if mailing is None:
            return None
        t = self._t
        editor = MailedEditor(t, self._services.mailings.today())

        def save() -> Result[Mailing]:
            return self._services.mailings.mark_mailed(mailing.id, editor.day(), editor.tracking())

        return self._open(t.gettext("Mark mailed"), t.gettext("Mark mailed"), editor, save)

    def mark_printed(self) -> bool:
        mailing = self.selected()
        return mailing is not None and self._run(
            lambda: self._services.mailings.mark_printed(mailing.id)
        )

    def cancel_mailing(self) -> bool:
        mailing, t = self.selected(), self._t
        if mailing is None:
            return False
        question = t.gettext("Cancel mailing No. {n}? Its feuilles go back to the ready ones.")
        answer = QMessageBox.question(
            self, t.gettext("Cancel mailing"), question.format(n=mailing.id)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._run(lambda: self._services.mailings.cancel(mailing.id))

    def show_packet(self) -> bytes | None:
        """Make the selected mailing's packet and show it; its bytes, or ``None``."""
        docs, mailing = self.documents, self.selected()
        if docs is None or mailing is None:
            return None
        language = self._t.language  # the checklist is for the household: its language
        title = self._t.gettext("Mailing No. {n}: letter, inventory and checklist")
        copies = self.with_copies.isChecked()
        return self._show("packet", title, lambda: docs.pdf(mailing.id, language, copies))

    def show_reminder(self) -> bytes | None:
        docs, mailing = self.documents, self.selected()
        if docs is None or mailing is None:
            return None
        title = self._t.gettext("Mailing No. {n}: reminder letter")
        return self._show("reminder", title, lambda: docs.reminder_pdf(mailing.id))

    def print_shown(self) -> int:
        pdf = self._current_pdf()
        if pdf is None or self._shown is None:
            return 0
        kind, number = self._shown[1], self._shown[0]
        pages = print_with_dialog(self, pdf, f"carnet-{kind}-{number}")
        if pages:
            self.status.emit(self._t.gettext("Sent {n} pages to the printer").format(n=pages))
            self._offer_printed(number, kind)
        return pages

    def _offer_printed(self, number: MailingId, kind: str) -> None:
        """A packet just printed: mark its mailing printed, if the person says so."""
        mailing = self.selected()
        if kind != "packet" or mailing is None or mailing.id != number or mailing.printed_on:
            return
        t = self._t
        answer = QMessageBox.question(
            self,
            t.gettext("Mark printed"),
            t.gettext("Did mailing No. {n} print well? Mark it printed.").format(n=number),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.mark_printed()

    def save_shown(self) -> bytes | None:
        pdf, t = self._current_pdf(), self._t
        if pdf is None or self._shown is None:
            return None
        suggested = f"{self._shown[1]}-{self._shown[0]}.pdf"
        path = save_pdf_bytes(self, t, pdf, t.gettext("Save the mailing as PDF"), suggested)
        if path is not None:
            self.status.emit(t.gettext("Saved {path}").format(path=path))
        return pdf if path is not None else None

    # -- helpers -----------------------------------------------------------------------
    def _current_pdf(self) -> bytes | None:
        mailing = self.selected()
        if self._shown is not None and mailing is not None and mailing.id == self._shown[0]:
            return self.preview.pdf
        return self.show_packet()

    def _show(self, kind: str, title: str, make: Callable[[], bytes]) -> bytes | None:
        mailing = self.selected()
        # A missing address is typed here, from the refusal, and the preview made again.
        pdf = with_addresses(self, self._services, self._t, make)
        if pdf is None or mailing is None:
            return None
        pages = self.preview.show_pdf(pdf)
        self._shown = (mailing.id, kind)
        count = self._t.ngettext("{n} page", "{n} pages", pages).format(n=pages)
        self.preview_title.setText(f"{title.format(n=mailing.id)} · {count}")
        self.attachments.reload()  # making the PDF filed a copy of it with the mailing
        self._update_buttons()
        return pdf

    def _run(self, call: Callable[[], Result[Mailing]]) -> bool:
        return self.run(call) is not None

    def _open(
        self,
        title: str,
        verb: str,
        editor: NewMailingEditor | MailedEditor,
        save: Callable[[], Result[Mailing]],
    ) -> FormDialog[Any]:
        dialog = self.dialog = open_form(
            title,
            editor,
            editor.form,
            save,
            self._t,
            events=self._events,
            parent=self,
            saved=self._saved,
            closed=self._forget,
        )
        dialog.save_button.setText(verb)
        return dialog

    def _saved(self, result: Result[Mailing]) -> None:
        self.select(result.value.id)
        text = self._t.gettext("Mailing No. {n} saved").format(n=result.value.id)
        self.status.emit(text)

    def _forget(self) -> None:
        self.dialog = None
