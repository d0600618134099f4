"""The detail panel of the Feuilles page: next step, deadline advice, acts, history, files."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carnet.domain.act_query import ActSummary
from carnet.domain.codes import FeuilleStatus
from carnet.domain.ids import ActId
from carnet.i18n import N_, Translator
from carnet.ui.models.feuilles import FeuilleRow

PRACTITIONER, STEP = 1, 1  # the free-text column of the acts and of the history

# What each step of the history is called (event actions are stored in English words).
HISTORY_STEPS = {
    "created": N_("Recorded"),
    "merged": N_("Merged"),
    "edited": N_("Acts changed"),
    "hold": N_("Held"),
    "release": N_("Released"),
    "sign": N_("Signed"),
    "copy": N_("Copied"),
    "enclose": N_("Put in a mailing"),
    "unenclose": N_("Taken out of a mailing"),
    "mail": N_("Mailed"),
    "pay": N_("Paid by the CPAM"),
    "close": N_("Closed"),
    "return": N_("Returned by the CPAM"),
}


class FeuilleDetail(QWidget):
    """One feuille: where it stands, what to do, the acts it covers and its history."""

    def __init__(
        self,
        translator: Translator,
        parent: QWidget | None = None,
        attachments: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._t = translator
        self._acts: Mapping[ActId, ActSummary] = {}
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)  # a long name must not widen the window
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.facts = _plain_label()
        self.advice = _plain_label()
        self.advice.setAccessibleName(translator.gettext("Deadline advice"))
        # The practitioner and the step are the free text: they take the room left.
        acts = (N_("Date"), N_("Practitioner"), N_("Act"), N_("Fee"))
        self.acts = _tree(translator, acts, stretch=PRACTITIONER)
        self.acts.setAccessibleName(translator.gettext("Acts covered"))
        self.history = _tree(translator, (N_("Date"), N_("Step")), stretch=STEP)
        self.history.setAccessibleName(translator.gettext("Step history"))
        self._build(translator, attachments)
        self.clear(0)

    def _build(self, t: Translator, attachments: QWidget | None) -> None:
        """Two halves, each list as wide as half the panel: side by side in four columns
        they were squeezed to a third of their width and scrolled sideways."""
        left = QVBoxLayout()
        for widget in (self.heading, self.facts, self.advice):
            left.addWidget(widget)
        left.addWidget(_titled(t.gettext("Acts covered"), self.acts), 1)
        right = QVBoxLayout()
        right.addWidget(_titled(t.gettext("History"), self.history), 2)
        if attachments is not None:  # the scans of the signed form, filled by the page
            right.addWidget(attachments, 3)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

    def set_acts(self, acts: Mapping[ActId, ActSummary]) -> None:
        self._acts = acts

    def clear(self, selected: int) -> None:
        t = self._t
        if selected:
            text = t.ngettext("{n} feuille selected", "{n} feuilles selected", selected)
            self.heading.setText(text.format(n=selected))
        else:
            self.heading.setText(t.gettext("Choose a feuille to see its acts and history"))
        for widget in (self.facts, self.advice):
            widget.clear()
        self.advice.hide()
        self.acts.clear()
        self.history.clear()

    def show_feuille(self, row: FeuilleRow, history: list[tuple[date | None, str]]) -> None:
        t, feuille = self._t, row.feuille
        heading = t.gettext("Feuille No. {n} · {name}")
        self.heading.setText(heading.format(n=feuille.id, name=row.person_name))
        self.facts.setText("\n".join(self._facts(row)))
        advice = "" if row.warning is None else row.warning.advice.render(t)
        self.advice.setText(advice)
        self.advice.setVisible(bool(advice))
        self._fill(self.acts, [self._act_cells(a) for a in feuille.act_ids if a in self._acts])
        self._fill(self.history, [self._step_cells(day, name) for day, name in history])

    def _facts(self, row: FeuilleRow) -> list[str]:
        t, feuille = self._t, row.feuille
        lines = [t.gettext("Next: {action}").format(action=t.gettext(feuille.next_action))]
        if feuille.deadline is not None and row.days_left is not None:
            text = t.gettext("Send by {date} ({days} days left)")
            lines.append(text.format(date=t.date(feuille.deadline), days=row.days_left))
        if feuille.status is FeuilleStatus.RETURNED and feuille.reason:
            lines.append(t.gettext("Returned because: {reason}").format(reason=feuille.reason))
        if feuille.mailing_id is not None:
            lines.append(t.gettext("Mailing No. {n}").format(n=feuille.mailing_id))
        return lines

    def _act_cells(self, act_id: ActId) -> tuple[str, ...]:
        act = self._acts[act_id]
        t = self._t
        return (t.date(act.date), act.practitioner_name, act.act_code, t.money(act.fee_cents))

    def _step_cells(self, day: date | None, name: str) -> tuple[str, ...]:
        label = self._t.gettext(HISTORY_STEPS[name]) if name in HISTORY_STEPS else name
        return ("" if day is None else self._t.date(day), label)

    @staticmethod
    def _fill(tree: QTreeWidget, rows: list[tuple[str, ...]]) -> None:
        tree.clear()
        items = [QTreeWidgetItem(list(cells)) for cells in rows]
        for item in items:  # the stretched column may elide: its tooltip has it whole
            for column, text in enumerate(item.text(c) for c in range(item.columnCount())):
                item.setToolTip(column, text)
        tree.addTopLevelItems(items)


def _plain_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and reasons are shown as typed
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _tree(t: Translator, headers: tuple[str, ...], stretch: int) -> QTreeWidget:
    """A flat list: dates, codes and amounts as wide as their text, column ``stretch``
    taking the rest (a long name elides, its tooltip whole); it never scrolls sideways."""
    tree = QTreeWidget()
    tree.setHeaderLabels([t.gettext(h) for h in headers])
    tree.setRootIsDecorated(False)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return tree


def _titled(title: str, body: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(body)
    return box
