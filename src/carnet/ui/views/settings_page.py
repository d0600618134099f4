"""The Settings page: the window's language and the household's postal details.

The language takes effect at once (the window rebuilds itself in it) and is
remembered in QSettings. Postal details are household data, so they live in
the database through the settings service, where letters and the CLI find them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carnet.domain.errors import CarnetError, ValidationError
from carnet.i18n import LANGUAGES
from carnet.services.encryption import available as encryption_available
from carnet.services.settings import KNOWN, limit_of
from carnet.ui.calendar_export import export_calendar
from carnet.ui.errors import describe
from carnet.ui.notify import SETTING
from carnet.ui.operations import run_call
from carnet.ui.page import Page, PageContext
from carnet.ui.widgets.multiline import CheckedBoxes, text_box, text_check

# Each language is named in itself, so anyone can find their own.
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
POSTAL_KEYS = ("household.address", "household.city", "household.phone", "household.email")


class SettingsPage(Page):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        t = ctx.t
        self.setAccessibleName(t.gettext("Settings"))
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(t.gettext("Language"))
        for code in LANGUAGES:
            self.language_box.addItem(LANGUAGE_NAMES[code], code)
        self.language_box.setCurrentIndex(self.language_box.findData(t.language))
        self.language_box.currentIndexChanged.connect(self._on_language)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.saved_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self._language_group())
        layout.addWidget(self._postal_group())
        layout.addWidget(self._reminders_group())
        layout.addWidget(self._privacy_group())
        layout.addStretch(1)
        self._load()

    def _language_group(self) -> QGroupBox:
        t = self.ctx.t
        box = QGroupBox(t.gettext("Language"))
        form = QFormLayout(box)
        form.addRow(t.gettext("Language of the window"), self.language_box)
        note = QLabel(t.gettext("Letters to the CPAM are always written in French."))
        note.setWordWrap(True)
        form.addRow(note)
        return box

    def _postal_group(self) -> QGroupBox:
        t = self.ctx.t
        box = QGroupBox(t.gettext("Your household"))
        form = QFormLayout(box)
        self.save_button = QPushButton(t.gettext("Save"))
        self.save_button.setAccessibleName(t.gettext("Save your household's details"))
        self.save_button.clicked.connect(self.save)
        self.boxes = CheckedBoxes(self.save_button)  # the address, checked as it is typed
        for key in POSTAL_KEYS:
            caption = t.gettext(KNOWN[key])
            field: QLineEdit | QPlainTextEdit
            holder: QWidget
            if key == "household.address":
                field = text_box(4)
                holder = self.boxes.add(caption, field, text_check(t, field, key, limit_of(key)))
            else:
                field = holder = QLineEdit()
                field.setMaxLength(limit_of(key).max_length)
            field.setAccessibleName(caption)
            field.setToolTip(caption)
            self.fields[key] = field
            form.addRow(caption, holder)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        form.addRow(row)
        return box

    def _reminders_group(self) -> QGroupBox:
        t = self.ctx.t
        box = QGroupBox(t.gettext("Reminders"))
        column = QVBoxLayout(box)
        self.notify_box = QCheckBox(
            t.gettext("Notify me when Carnet opens on a day with something due")
        )
        self.notify_box.setChecked(self.ctx.services.settings.get(SETTING) == "yes")
        self.notify_box.toggled.connect(self._on_notify)
        note = QLabel(
            t.gettext(
                "Feuille deadlines, money becoming overdue, mailings without an answer and the "
                "end of your rights or European card can also go into your calendar application."
            )
        )
        note.setWordWrap(True)
        self.calendar_button = QPushButton(t.gettext("Export reminders (.ics)…"))
        self.calendar_said = QLabel()
        self.calendar_button.clicked.connect(
            lambda: export_calendar(self, self.ctx.services, t, self.calendar_said.setText)
        )
        row = QHBoxLayout()
        row.addWidget(self.calendar_button)
        row.addWidget(self.calendar_said, 1)
        column.addWidget(self.notify_box)
        column.addWidget(note)
        column.addLayout(row)
        return box

    def _on_notify(self, on: bool) -> None:
        settings = self.ctx.services.settings
        run_call(self, self.ctx.t, lambda: settings.set(SETTING, "yes" if on else "no"))

    def _privacy_group(self) -> QGroupBox:
        t = self.ctx.t
        box = QGroupBox(t.gettext("Privacy"))
        form = QFormLayout(box)
        encrypted = self.ctx.services.store.ledger.passphrase is not None
        state = QLabel(
            t.gettext("The database is encrypted with a passphrase.")
            if encrypted
            else t.gettext("The database is not encrypted (it is readable by you only).")
        )
        state.setWordWrap(True)
        form.addRow(state)
        self.encryption_button = QPushButton(
            t.gettext("Stop encrypting…") if encrypted else t.gettext("Encrypt the database…")
        )
        if not encrypted and not encryption_available():
            self.encryption_button.setEnabled(False)
            self.encryption_button.setToolTip(
                t.gettext("Needs SQLCipher: pip install 'carnet[encryption]'")
            )
        # Later: switching rebuilds this very page.
        self.encryption_button.clicked.connect(lambda: self.ctx.later(self._switch))
        row = QHBoxLayout()
        row.addWidget(self.encryption_button)
        row.addStretch(1)
        form.addRow(row)
        return box

    def _switch(self) -> None:
        self.ctx.window.switch_encryption()

    def _load(self) -> None:
        values = self.ctx.services.settings.all()
        for key, field in self.fields.items():
            text = values.get(key, "")
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(text)
            else:
                field.setText(text)

    def save(self) -> None:
        settings = self.ctx.services.settings
        values = {
            key: field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
            for key, field in self.fields.items()
        }

        changed = {k: v for k, v in values.items() if v.strip() != settings.get(k)}

        def write() -> bool:
            settings.set_many(changed)  # all or none: a refused field saves nothing
            return True

        if run_call(self, self.ctx.t, write, refused=self._refused):
            self.saved_label.setText(self.ctx.t.gettext("Saved."))

    def _refused(self, error: CarnetError) -> None:
        """Said beside Save, after the caption of the field it is about."""
        t, text = self.ctx.t, describe(self.ctx.t, error)
        key = error.field if isinstance(error, ValidationError) else ""
        if key in self.fields:
            text = t.gettext("{field}: {message}").format(field=t.gettext(KNOWN[key]), message=text)
            self.fields[key].setFocus()
        self.saved_label.setText(text)

    def _on_language(self) -> None:
        code = str(self.language_box.currentData())
        # After this signal returns: switching rebuilds this very page.
        self.ctx.later(lambda: self.ctx.window.set_language(code))
