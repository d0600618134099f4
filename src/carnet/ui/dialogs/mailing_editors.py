"""The forms of the Mailings page: a new mailing, and the day it was mailed.

Each editor is a :class:`~carnet.ui.widgets.fields.CheckedForm` that the page
puts in a :class:`~carnet.ui.dialogs.form_dialog.FormDialog`; the page makes
the service call with what they hold.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carnet.app import Services
from carnet.domain import limits
from carnet.domain.ids import PersonId
from carnet.domain.mailings import RecipientKind
from carnet.i18n import Translator
from carnet.ui.formats import date_format
from carnet.ui.models.feuilles import feuille_rows
from carnet.ui.models.mailings import ReadyFeuilleModel
from carnet.ui.widgets.fields import CheckedForm


class NewMailingEditor(QWidget):
    """Who the envelope is for, which ready feuilles go in it, and to which recipient."""

    def __init__(self, services: Services, t: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._t = services, t
        self.form = CheckedForm(self)
        self.person_box = QComboBox()
        for person in services.household.people():
            if person.insured_id is None:  # dependents' feuilles go with their insured person
                self.person_box.addItem(person.full_name, int(person.id))
        self.recipient_box = QComboBox()
        self.recipient_box.addItem(t.gettext("CPAM"), RecipientKind.CPAM.value)
        self.recipient_box.addItem(
            t.gettext("Mutuelle (no Noémie link)"), RecipientKind.MUTUELLE.value
        )
        self.model = ReadyFeuilleModel(t, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(t.gettext("Feuilles ready to mail"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(180)
        self.form.add("person", t.gettext("Insured person"), self.person_box)
        self.form.add("recipient", t.gettext("Send to"), self.recipient_box)
        self.form.add("feuilles", t.gettext("Feuilles"), self.table, self._check_feuilles)
        self.setLayout(self.form.layout)
        self.person_box.currentIndexChanged.connect(self._load)
        self.model.dataChanged.connect(lambda *_a: self.form.revalidate("feuilles"))
        self.model.modelReset.connect(lambda: self.form.revalidate("feuilles"))
        self._choose_someone_ready()
        self._load()

    def person(self) -> PersonId:
        return PersonId(int(self.person_box.currentData()))

    def kind(self) -> RecipientKind:
        return RecipientKind(self.recipient_box.currentData())

    def _load(self) -> None:
        if self.person_box.currentIndex() < 0:
            return
        services = self._services
        ready = services.mailings.ready_feuilles(self.person())
        names = {p.id: p.full_name for p in services.household.people()}
        acts = {a.id: a for a in services.care.summaries()}
        self.model.set_rows(feuille_rows(ready, names, acts, (), services.claims.today()))

    def _choose_someone_ready(self) -> None:
        """Start on the first insured person with something to send, not on an empty list."""
        mailings = self._services.mailings
        for index in range(self.person_box.count()):
            if mailings.ready_feuilles(PersonId(int(self.person_box.itemData(index)))):
                self.person_box.setCurrentIndex(index)
                return

    def _check_feuilles(self) -> str | None:
        if self.model.rowCount() == 0:
            return self._t.gettext("Nothing is ready: sign the feuilles first")
        if not self.model.checked_ids():
            return self._t.gettext("Tick at least one feuille")
        return None


class MailedEditor(QWidget):
    """The day the envelope left, and its tracking number if it went registered."""

    def __init__(self, t: Translator, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = CheckedForm(self)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format(t))
        self.tracking_edit = QLineEdit()
        self.tracking_edit.setMaxLength(limits.TRACKING.max_length)
        self.tracking_edit.setPlaceholderText(t.gettext("Only for registered mail"))
        self.form.add("date", t.gettext("Mailed on"), self.date_edit)
        self.form.add("tracking", t.gettext("Tracking number"), self.tracking_edit)
        note = QLabel(t.gettext("With a tracking number, the mailing is recorded as registered."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form.layout)
        layout.addWidget(note)

    def day(self) -> date:
        picked = self.date_edit.date()
        return date(picked.year(), picked.month(), picked.day())

    def tracking(self) -> str:
        return self.tracking_edit.text().strip()
