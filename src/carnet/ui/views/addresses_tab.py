"""The Household page's addresses: the household's own, and its caisse's.

Letters carry both. The caisse is found by département number, postcode or town;
its address comes from Carnet's directory, and where the attestation de droits
shows another one, the household types it here (it then wins over the directory).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carnet.app import Services
from carnet.domain import limits
from carnet.i18n import Translator
from carnet.services.settings import ADDRESS_PREFIX, CAISSE_KEY
from carnet.ui.operations import run_call
from carnet.ui.widgets.caisse_field import CaisseField, caisse_label, describe_caisse
from carnet.ui.widgets.multiline import CheckedBoxes, text_box, text_check


class AddressesTab(QWidget):
    """Edits ``household.address``, ``household.caisse`` and the caisse's typed address."""

    def __init__(self, services: Services, t: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._t = services, t
        self.household = text_box(4, "12 rue des Lilas\n69003 Lyon")
        self.household.setAccessibleName(t.gettext("Your postal address"))
        self.caisse = CaisseField(t)
        self.caisse.setAccessibleName(t.gettext("Your caisse"))
        self.caisse_address = text_box(4, t.gettext("street\npostcode and town"))
        self.caisse_address.setAccessibleName(t.gettext("Address where paper feuilles go"))
        self.note = caisse_label()
        self.saved = QLabel()
        self.save_button = QPushButton(t.gettext("Save the addresses"))
        self.save_button.clicked.connect(self.save)
        self.boxes = CheckedBoxes(self.save_button)  # each address checked as it is typed
        self.caisse.editingFinished.connect(self._caisse_chosen)
        self._build()
        self.load()

    def _build(self) -> None:
        t = self._t
        own = QGroupBox(t.gettext("Your postal address"))
        own_check = text_check(t, self.household, "household.address", limits.ADDRESS)
        QVBoxLayout(own).addWidget(self.boxes.add(own.title(), self.household, own_check))
        caisse = QGroupBox(t.gettext("Your caisse (CPAM, CGSS or CSS)"))
        form = QFormLayout(caisse)
        form.addRow(t.gettext("Caisse"), self.caisse)
        where = t.gettext("Address where paper feuilles go")
        where_check = text_check(t, self.caisse_address, "address", limits.ADDRESS)
        form.addRow(where, self.boxes.add(where, self.caisse_address, where_check))
        form.addRow(self.note)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        intro = QLabel(
            t.gettext(
                "Every letter carries your address and your caisse's. Carnet knows the "
                "caisses of every département; where your attestation de droits shows "
                "another address, type it here."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(own)
        layout.addWidget(caisse)
        layout.addLayout(row)
        layout.addStretch(1)

    def load(self) -> None:
        settings = self._services.settings
        self.household.setPlainText(settings.get("household.address"))
        # The household's caisse, else the first one a person of the household has.
        people = [p.cpam for p in self._services.household.people() if p.cpam]
        self.caisse.setText(settings.get(CAISSE_KEY) or next(iter(people), ""))
        self._caisse_chosen()

    def _caisse_chosen(self) -> None:
        self.caisse.settle()
        name = self.caisse.text().strip()
        found = self.caisse.caisse()
        typed = self._services.settings.get(ADDRESS_PREFIX + name) if name else ""
        shipped = "\n".join(found.address) if found is not None else ""
        self.caisse_address.setPlainText(typed or shipped)
        self.note.setText(describe_caisse(self._t, found, name))

    def save(self) -> bool:
        settings = self._services.settings
        name = self.caisse.text().strip()
        found = self.caisse.caisse()
        address = self.caisse_address.toPlainText().strip()
        shipped = "\n".join(found.address) if found is not None else ""

        def write() -> bool:
            settings.set("household.address", self.household.toPlainText())
            settings.set(CAISSE_KEY, name)
            if name:
                # Only an address that differs from the directory's is kept as typed.
                settings.set(ADDRESS_PREFIX + name, "" if address == shipped else address)
            return True

        done = run_call(self, self._t, write) is not None
        if done:
            self.saved.setText(self._t.gettext("Saved."))
        return done
