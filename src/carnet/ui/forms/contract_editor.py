"""The fields of a mutuelle contract: insurer, number, level of cover, Noémie."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from carnet.domain import limits
from carnet.domain.contracts import Contract, ContractInput
from carnet.i18n import Translator
from carnet.services.settings import ADDRESS_PREFIX, SettingsService
from carnet.ui.setup_flow import PRESETS, preset_contract
from carnet.ui.widgets.fields import CheckedForm
from carnet.ui.widgets.multiline import text_box, text_check

CUSTOM = -1


class ContractEditor(QWidget):
    def __init__(self, t: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._t = t
        self.form = CheckedForm(self)
        self.insurer = QLineEdit()
        self.insurer.setMaxLength(limits.NAME.max_length)
        self.insurer.setPlaceholderText(t.gettext("e.g. MGEN, Harmonie Mutuelle"))
        self.number = QLineEdit()
        self.number.setMaxLength(limits.NUMBER.max_length)
        self.level = QComboBox()
        for preset in PRESETS:
            self.level.addItem(t.gettext(preset.label), preset.percent)
        self.level.addItem(t.gettext("Other levels, typed below"), CUSTOM)
        self.level.setCurrentIndex(self.level.findData(200))
        self.default_percent = _percent_box()
        self.optam_percent = _percent_box()
        self.non_optam_percent = _percent_box()
        self.noemie = QCheckBox(t.gettext("Noémie: the CPAM forwards claims to the mutuelle"))
        self.noemie.setChecked(True)
        self.noemie.setAccessibleName(self.noemie.text())
        self.responsable = QCheckBox(t.gettext("Contrat responsable (most contracts are)"))
        self.responsable.setChecked(True)
        self.responsable.setAccessibleName(self.responsable.text())
        add = self.form.add
        add("insurer", t.gettext("Insurer"), self.insurer, self._check_insurer)
        add("number", t.gettext("Contract number"), self.number)
        add("level", t.gettext("Level of cover"), self.level)
        add("default", t.gettext("Cover of most care (% of base)"), self.default_percent)
        add("optam", t.gettext("Doctors in sector 1 or OPTAM (% of base)"), self.optam_percent)
        add(
            "non_optam",
            t.gettext("Sector 2 doctors without OPTAM (% of base)"),
            self.non_optam_percent,
            self._check_non_optam,
        )
        add("responsable", "", self.responsable)
        add("noemie", "", self.noemie)
        # Where the mutuelle letter goes (mailings to the mutuelle, without Noémie).
        self.address = text_box(3, t.gettext("street\npostcode and town"))
        address = text_check(t, self.address, "address", limits.ADDRESS)
        add("address", t.gettext("Insurer's postal address"), self.address, address)
        self.setLayout(self.form.layout)
        self.level.currentIndexChanged.connect(self._apply_level)
        self.responsable.toggled.connect(lambda _on: self.form.revalidate("non_optam"))
        self.optam_percent.valueChanged.connect(lambda _v: self.form.revalidate("non_optam"))
        self.non_optam_percent.valueChanged.connect(lambda _v: self.form.revalidate("non_optam"))
        self._apply_level()

    def _apply_level(self) -> None:
        percent = int(self.level.currentData())
        custom = percent == CUSTOM
        for key in ("default", "optam", "non_optam"):
            self.form.set_visible(key, custom)
        if not custom:
            preset = preset_contract("", "", percent, True)
            self.default_percent.setValue(preset.default_percent)
            self.optam_percent.setValue(preset.optam_percent)
            self.non_optam_percent.setValue(preset.non_optam_percent)

    def _check_insurer(self) -> str | None:
        return None if self.insurer.text().strip() else self._t.gettext("Type the insurer's name")

    def _check_non_optam(self) -> str | None:
        if self.responsable.isChecked() and (
            self.non_optam_percent.value() > self.optam_percent.value()
        ):
            return self._t.gettext(
                "A contrat responsable covers doctors without OPTAM less than OPTAM ones"
            )
        return None

    def value(self) -> ContractInput:
        return ContractInput(
            insurer=self.insurer.text(),
            number=self.number.text(),
            default_percent=self.default_percent.value(),
            optam_percent=self.optam_percent.value(),
            non_optam_percent=self.non_optam_percent.value(),
            responsable=self.responsable.isChecked(),
            noemie=self.noemie.isChecked(),
        )

    def load(self, contract: Contract) -> None:
        self.insurer.setText(contract.insurer)
        self.number.setText(contract.number)
        preset = preset_contract("", "", contract.default_percent, contract.noemie)
        matches = (preset.optam_percent, preset.non_optam_percent) == (
            contract.optam_percent,
            contract.non_optam_percent,
        )
        found = self.level.findData(contract.default_percent) if matches else -1
        self.level.setCurrentIndex(found if found >= 0 else self.level.findData(CUSTOM))
        self.default_percent.setValue(contract.default_percent)
        self.optam_percent.setValue(contract.optam_percent)
        self.non_optam_percent.setValue(contract.non_optam_percent)
        self.responsable.setChecked(contract.responsable)
        self.noemie.setChecked(contract.noemie)


def save_insurer_address(settings: SettingsService, editor: ContractEditor) -> None:
    """Keep the insurer's address typed in the form, where the mutuelle letter finds it."""
    insurer = editor.insurer.text().strip()
    address = editor.address.toPlainText().strip()
    if insurer and address != settings.get(ADDRESS_PREFIX + insurer):
        settings.set(ADDRESS_PREFIX + insurer, address)


def load_insurer_address(settings: SettingsService, editor: ContractEditor) -> None:
    insurer = editor.insurer.text().strip()
    editor.address.setPlainText(settings.get(ADDRESS_PREFIX + insurer) if insurer else "")


def _percent_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 1000)
    box.setSingleStep(10)
    box.setSuffix(" %")
    return box
