"""The panel beside the care table: one act, who pays what, and why.

A pure view: the care page fetches the assessment and expected payments from
the services and hands them over, so this widget never touches a service (the
attachments panel placed at its foot is the page's, and does its own calls).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from carnet.domain.act_query import ActSummary
from carnet.domain.codes import Payer
from carnet.i18n import N_, Translator
from carnet.ui.labels import (
    FEUILLE_STATUSES,
    PAYMENT_STATUSES,
    category_label,
    channel_label,
    event_label,
    payment_mode_label,
    status_label,
)

if TYPE_CHECKING:  # only named in signatures
    from carnet.domain.assessment import Assessment
    from carnet.domain.claims import Feuille
    from carnet.domain.events import Event
    from carnet.domain.payments import ExpectedPayment

ACT_FIELDS = (
    ("date", N_("Date")),
    ("person", N_("Person")),
    ("practitioner", N_("Practitioner")),
    ("code", N_("Act code")),
    ("category", N_("Category")),
    ("fee", N_("Fee paid")),
    ("channel", N_("Sent by")),
    ("payment", N_("At the desk")),
    ("status", N_("Status")),
)
ASSESSMENT_FIELDS = (
    ("base", N_("Base (BR)")),
    ("rate", N_("AMO rate")),
    ("amo", N_("AMO pays")),
    ("participation", N_("Participation forfaitaire")),
    ("franchise", N_("Franchise")),
    ("amc", N_("Mutuelle pays")),
    ("depassement", N_("Dépassement")),
    ("patient", N_("You pay")),
    ("deadline", N_("Claim by")),
)
OPTIONAL_FIELDS = frozenset({"participation", "franchise", "depassement"})
PAYERS = {Payer.AMO: N_("Assurance Maladie"), Payer.AMC: N_("Mutuelle")}


_TOP = Qt.AlignmentFlag.AlignTop


class ActDetailPanel(QScrollArea):
    """Shows the selected act, or a hint when nothing is selected.

    ``not_referred`` is emitted by the one-click answer to "assumed referred by
    your médecin traitant": the page then records the act as out of the parcours.
    """

    not_referred = Signal()

    def __init__(
        self,
        translator: Translator,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._t = translator
        self._values: dict[str, QLabel] = {}
        self._forms: dict[str, QFormLayout] = {}  # to hide rows that do not apply
        self.setAccessibleName(translator.gettext("Selected act"))
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self._pages = QStackedWidget()
        self._hint = _wrapped(translator.gettext("Select an act to see how it is reimbursed."))
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pages.addWidget(self._hint)
        self._pages.addWidget(self._build_content())
        self.setWidget(self._pages)

    def value_label(self, key: str) -> QLabel:
        """The label showing field ``key`` (``"fee"``, ``"amo"``, …)."""
        return self._values[key]

    def clear(self) -> None:
        self._pages.setCurrentIndex(0)

    def shows_an_act(self) -> bool:
        """False when the panel shows its hint ("choose an act") instead of an act."""
        return self._pages.currentIndex() == 1

    def show_act(
        self,
        summary: ActSummary,
        assessment: Assessment | None,
        payments: list[ExpectedPayment],
    ) -> None:
        self._fill_act(summary)
        self._assessment_box.setVisible(assessment is not None)
        self._not_assessed.setVisible(assessment is None)
        self._why.setVisible(assessment is not None)
        referred = assessment is not None and any(
            line.code == "parcours.referred" for line in assessment.explanation
        )
        self.not_referred_button.setVisible(referred)
        if assessment is not None:
            self._fill_assessment(assessment)
        self._fill_payments(payments)
        self._pages.setCurrentIndex(1)

    # -- building -----------------------------------------------------------------
    def _build_content(self) -> QWidget:
        """Three columns under a title: the act, the money, and the reasons."""
        t = self._t
        self._title = QLabel()
        self._title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self._not_assessed = _wrapped(
            t.gettext("This act has not been assessed yet, so its reimbursement is unknown.")
        )
        self._assessment_box = self._form_box(t.gettext("Reimbursement"), ASSESSMENT_FIELDS)
        money = QVBoxLayout()
        money.addWidget(self._assessment_box)
        money.addWidget(self._not_assessed)
        money.addStretch(1)
        # The act and the money side by side, the act's files under both (where they are
        # seen without scrolling), the reasons in a column of their own.
        columns = QGridLayout()
        columns.addWidget(self._form_box(t.gettext("Act"), ACT_FIELDS), 0, 0, _TOP)
        columns.addLayout(money, 0, 1)
        columns.addWidget(self._build_reasons(), 0, 2, 3, 1, _TOP)
        self._columns = columns  # the act's files go under the act (set_attachments)
        columns.setRowStretch(2, 1)
        for column, stretch in enumerate((2, 2, 3)):
            columns.setColumnStretch(column, stretch)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self._title)
        layout.addLayout(columns, 1)
        return content

    def set_attachments(self, panel: QWidget) -> None:
        """Put the act's files under the act and the money (the page makes the panel)."""
        self._columns.addWidget(panel, 1, 0, 1, 2)

    def _build_reasons(self) -> QGroupBox:
        t = self._t
        box = QGroupBox(t.gettext("Why"))
        self._why = _wrapped("")
        self._why.setAccessibleName(t.gettext("How this was worked out"))
        self.not_referred_button = QPushButton(t.gettext("Not referred by my médecin traitant"))
        self.not_referred_button.setToolTip(
            t.gettext("Record this visit as out of the parcours de soins: the CPAM pays 30 %")
        )
        self.not_referred_button.clicked.connect(self.not_referred)
        self.not_referred_button.setVisible(False)
        self._payments_title = QLabel(t.gettext("Expected payments"))
        self._payments_title.setStyleSheet("font-weight: bold;")
        self._payments = _wrapped("")
        self._payments.setAccessibleName(t.gettext("Expected payments"))
        self._paper_title = QLabel(t.gettext("Feuille de soins"))
        self._paper_title.setStyleSheet("font-weight: bold;")
        self._paper = _wrapped("")
        self._paper.setAccessibleName(t.gettext("Feuille de soins"))
        history_title = QLabel(t.gettext("History"))
        history_title.setStyleSheet("font-weight: bold;")
        self._history = _wrapped("")
        self._history.setAccessibleName(t.gettext("History"))
        layout = QVBoxLayout(box)
        for widget in (
            self._why,
            self._payments_title,
            self._payments,
            self._paper_title,
            self._paper,
            history_title,
            self._history,
        ):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(widget)
        layout.insertWidget(1, self.not_referred_button)
        return box

    def _form_box(self, title: str, fields: tuple[tuple[str, str], ...]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, caption in fields:
            value = _wrapped("")
            value.setObjectName(f"detail-{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(self._t.gettext(caption))
            form.addRow(self._t.gettext(caption), value)
            self._values[key] = value
            self._forms[key] = form
        return box

    # -- filling ------------------------------------------------------------------
    def _set(self, key: str, text: str) -> None:
        self._values[key].setText(text)

    def _fill_act(self, s: ActSummary) -> None:
        t = self._t
        self._title.setText(f"{s.act_code} · {s.person_name}")
        self._set("date", t.date(s.date))
        self._set("person", s.person_name)
        self._set("practitioner", s.practitioner_name or "—")
        self._set("code", s.act_code)
        self._set("category", category_label(t, s.category))
        self._set("fee", t.money(s.fee_cents))
        self._set("channel", channel_label(t, s.channel))
        self._set("payment", payment_mode_label(t, s.payment_mode))
        self._set("status", status_label(t, s.status, s.patient_cents is not None))

    def _fill_assessment(self, a: Assessment) -> None:
        t = self._t
        for key, cents in (
            ("base", a.base_cents),
            ("amo", a.amo_cents),
            ("participation", a.participation_cents),
            ("franchise", a.franchise_cents),
            ("amc", a.amc_cents),
            ("depassement", a.depassement_cents),
            ("patient", a.patient_cents),
        ):
            self._set(key, t.money(cents))
            if key in OPTIONAL_FIELDS:  # a €0.00 deduction is noise: show it only when charged
                self._forms[key].setRowVisible(self._values[key], cents != 0)
        self._set("rate", _percent(t, a.amo_rate))
        self._set("deadline", t.date(a.deadline))
        # Imported on the first act shown: the rules package is not needed to open the window.
        from carnet.rules.explain import render_explanation  # noqa: PLC0415

        lines = [render_explanation(line, t) for line in a.explanation]
        self._why.setText("\n".join(f"• {line}" for line in lines))

    def show_paperwork(self, feuille: Feuille | None, events: list[Event]) -> None:
        """The paper feuille of the act (if any) and what happened to the act."""
        t = self._t
        if feuille is not None:
            text = t.gettext(FEUILLE_STATUSES[feuille.status])
            if feuille.deadline is not None:
                text += "\n" + t.gettext("To reach the CPAM by {date}").format(
                    date=t.date(feuille.deadline)
                )
            self._paper.setText(text)
        self._paper.setVisible(feuille is not None)
        self._paper_title.setVisible(feuille is not None)
        self._history.setText(
            "\n".join(
                f"{t.date(e.at.date())} {e.at:%H:%M} · {event_label(t, e.action)}" for e in events
            )
        )

    def value_text(self, name: str) -> str:
        """The text of a side block: ``"payments"``, ``"paper"`` or ``"history"``."""
        return {"payments": self._payments, "paper": self._paper, "history": self._history}[
            name
        ].text()

    def _fill_payments(self, payments: list[ExpectedPayment]) -> None:
        t = self._t
        lines = [
            t.gettext("{payer}: {amount}, expected {earliest} – {latest} ({status})").format(
                payer=t.gettext(PAYERS[p.payer]),
                amount=t.money(p.amount_cents),
                earliest=t.date(p.earliest),
                latest=t.date(p.latest),
                status=t.gettext(PAYMENT_STATUSES[p.status]),
            )
            for p in sorted(payments, key=lambda p: p.payer != Payer.AMO)  # AMO pays first
        ]
        self._payments.setText("\n".join(lines))
        self._payments.setVisible(bool(lines))
        self._payments_title.setVisible(bool(lines))

    def show_received(
        self, received: list[tuple[Payer, int, date | None]], notes: list[str]
    ) -> None:
        """What each payer said it paid (décompte, by hand), and why it is not what was expected."""
        t = self._t
        lines = [
            t.gettext("{payer} paid {amount} on {day}").format(
                payer=t.gettext(PAYERS[payer]),
                amount=t.money(cents),
                day=t.date(day) if day is not None else "?",
            )
            for payer, cents, day in received
        ]
        lines += notes
        if not lines:
            return
        shown = [self._payments.text(), *lines] if self._payments.text() else lines
        self._payments.setText("\n".join(shown))
        self._payments.setVisible(True)
        self._payments_title.setVisible(True)


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _percent(t: Translator, rate: Decimal) -> str:
    """``0.70`` as ``70%`` (English) or ``70 %`` (French, narrow no-break space)."""
    number = t.number((rate * 100).normalize())
    return f"{number}\u202f%" if t.language == "fr" else f"{number}%"
