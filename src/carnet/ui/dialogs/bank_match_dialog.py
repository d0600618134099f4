"""Match a health credit by hand: tick the expected payments it pays.

The dialog only chooses; the reconciliation view calls the service with
:meth:`MatchDialog.chosen`. The credit is spread over the ticked payments oldest care
first, as ``ReconciliationService.match_by_hand`` does, so a transfer smaller than the
ticked total leaves the last act partly paid.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carnet.bank import HealthCredit
from carnet.domain.banking import PayerType
from carnet.domain.codes import Payer
from carnet.domain.ids import ExpectedPaymentId
from carnet.i18n import Translator
from carnet.ui.models.bank_data import PaymentLine
from carnet.ui.models.bank_labels import share_label
from carnet.ui.models.bank_lines import PickPaymentModel
from carnet.ui.widgets.tables import make_table

DEFAULT_WINDOW_DAYS = 180
# Wider than the payment lines' own widths (the Bank page's "Acts settled"): the date
# column also holds the tick box, and this dialog has room to spare.
PICK_WIDTHS = (130, 170, 70, 130)
_SHARE_OF = {PayerType.CPAM: Payer.AMO, PayerType.COMPLEMENTARY: Payer.AMC}


class MatchDialog(QDialog):
    """Open payments of the right share and period, with a running total."""

    def __init__(
        self,
        translator: Translator,
        credit: HealthCredit,
        lines: list[PaymentLine],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._t, self._credit, self._lines = translator, credit, lines
        self.setWindowTitle(translator.gettext("Match by hand"))
        self.model = PickPaymentModel(translator, self)
        self.share_box = self._make_share_box()
        self.days_box = self._make_days_box()
        self.total_label = QLabel()
        self.total_label.setWordWrap(True)
        self.total_label.setAccessibleName(translator.gettext("Ticked total"))
        self.table = self._make_table()
        self._build()
        self.model.checked_changed.connect(self._update_total)
        self.share_box.currentIndexChanged.connect(self._refilter)
        self.days_box.valueChanged.connect(self._refilter)
        self.resize(720, 480)
        self._refilter()

    def chosen(self) -> list[ExpectedPaymentId]:
        """The ticked payments, oldest care first."""
        return [line.payment_id for line in self.model.checked()]

    # -- building ----------------------------------------------------------------------
    def _make_share_box(self) -> QComboBox:
        t = self._t
        box = QComboBox()
        box.setAccessibleName(t.gettext("Share paid"))
        box.addItem(share_label(t, Payer.AMO), Payer.AMO.value)
        box.addItem(share_label(t, Payer.AMC), Payer.AMC.value)
        box.addItem(t.gettext("Both shares"), None)
        wanted = _SHARE_OF.get(self._credit.payer_type) if self._credit.payer_type else None
        box.setCurrentIndex(box.findData(wanted.value) if wanted else 2)
        return box

    def _make_days_box(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, 3 * 365)
        box.setValue(DEFAULT_WINDOW_DAYS)
        box.setSuffix(self._t.gettext(" days"))
        box.setAccessibleName(self._t.gettext("Care within this many days before the transfer"))
        return box

    def _make_table(self) -> QTableView:
        return make_table(
            self.model, self._t.gettext("Open expected payments"), PICK_WIDTHS, dense=True
        )

    def _build(self) -> None:
        t, credit = self._t, self._credit
        heading = QLabel(
            t.gettext("Transfer of {money} on {day} from {payer}").format(
                money=t.money(credit.amount_cents),
                day=t.date(credit.date),
                payer=credit.counterparty or "—",
            )
        )
        heading.setStyleSheet("font-weight: 600;")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(t.gettext("Share:")))
        filters.addWidget(self.share_box)
        filters.addSpacing(16)
        filters.addWidget(QLabel(t.gettext("Care in the last")))
        filters.addWidget(self.days_box)
        filters.addStretch(1)
        buttons = QDialogButtonBox()
        self.ok_button = QPushButton(t.gettext("Match"))
        self.ok_button.setAccessibleName(t.gettext("Match the ticked payments"))
        cancel = QPushButton(t.gettext("Cancel"))
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(buttons)

    # -- reacting ----------------------------------------------------------------------
    def _refilter(self) -> None:
        share = self.share_box.currentData()
        day = self._credit.date
        oldest = day - timedelta(days=self.days_box.value())
        # Care after the transfer cannot be what it reimburses.
        self.model.set_rows(
            line
            for line in self._lines
            if oldest <= line.act_date <= day and (share is None or line.payer.value == share)
        )
        self._update_total()

    def _update_total(self) -> None:
        t = self._t
        ticked = sum(line.cents for line in self.model.checked())
        amount = int(self._credit.amount_cents)
        text = t.gettext("Ticked: {ticked} for a transfer of {amount}.").format(
            ticked=t.money(ticked), amount=t.money(amount)
        )
        if ticked > amount:
            text += " " + t.gettext("{money} stays pending on the last act.").format(
                money=t.money(ticked - amount)
            )
        elif 0 < ticked < amount:
            text += " " + t.gettext("{money} of the transfer stays unallocated.").format(
                money=t.money(amount - ticked)
            )
        self.total_label.setText(text)
        self.ok_button.setEnabled(ticked > 0)
