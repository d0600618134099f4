"""The road of each person on the Household page: a checklist with the next step.

A person is chosen at the top; the list shows every step of their road, done
(with its day and detail) or not; below, the next step with the seed's advice,
and *Mark done…*, which asks what the step needs and saves it through the road
service (its effects follow: feuilles released, card, doctor, mutuelle…).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carnet.app import Services
from carnet.domain.ids import PersonId
from carnet.domain.road import Road, StepState
from carnet.i18n import Translator
from carnet.services.road_texts import ADVICE, LABELS


def step_line(state: StepState, t: Translator) -> str:
    """``✓ Attestation de droits received — Oct 1, 2026 (until Sep 30, 2027)``."""
    text = ("✓ " if state.done else "○ ") + t.gettext(LABELS[state.step])
    if state.done_on is not None:
        text += " — " + t.date(state.done_on)
    if state.until is not None:
        text += " " + t.gettext("(until {day})").format(day=t.date(state.until))
    if state.optional and not state.done:
        text += " " + t.gettext("(before travelling in Europe)")
    return text


class RoadTab(QWidget):
    """``mark`` opens the form of a step for a person (the page owns dialogs and the hub)."""

    def __init__(
        self, services: Services, t: Translator, mark: Callable[[PersonId, StepState], object]
    ) -> None:
        super().__init__()
        self._services, self._t, self._mark = services, t, mark
        self.person = QComboBox()
        self.person.setAccessibleName(t.gettext("Person"))
        self.person.currentIndexChanged.connect(lambda _i: self.show_road())
        self.steps = QListWidget()
        self.steps.setAccessibleName(t.gettext("Steps of the road"))
        self.steps.setToolTip(t.gettext("Double-click a step to mark it done or change its date"))
        self.steps.itemActivated.connect(self._mark_item)
        self.next_title = QLabel()
        self.next_title.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setAccessibleName(t.gettext("Advice"))
        self.mark_button = QPushButton(t.gettext("Mark done…"))
        self.mark_button.setAccessibleName(t.gettext("Mark the next step done"))
        self.mark_button.clicked.connect(self._mark_next)
        top = QHBoxLayout()
        top.addWidget(QLabel(t.gettext("Person")))
        top.addWidget(self.person, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.mark_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.next_title)
        layout.addWidget(self.advice)
        layout.addLayout(bottom)
        self.road: Road | None = None

    def reload(self) -> None:
        chosen = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        for person in self._services.household.people():
            self.person.addItem(person.full_name, person.id)
        index = self.person.findData(chosen) if chosen is not None else 0
        self.person.setCurrentIndex(max(index, 0))
        self.person.blockSignals(False)
        self.show_road()

    def choose(self, person_id: PersonId) -> None:
        self.person.setCurrentIndex(max(self.person.findData(person_id), 0))

    def show_road(self) -> None:
        ident = self.person.currentData()
        self.steps.clear()
        self.road = None if ident is None else self._services.road.road(PersonId(int(ident)))
        if self.road is None:
            self.next_title.setText("")
            self.advice.setText("")
            self.mark_button.setEnabled(False)
            return
        for state in self.road.steps:
            item = QListWidgetItem(step_line(state, self._t))
            self.steps.addItem(item)
        upcoming = self.road.next_step
        self.mark_button.setEnabled(upcoming is not None)
        if upcoming is None:
            self.next_title.setText(self._t.gettext("Every step is done."))
            self.advice.setText("")
            return
        title = self._t.gettext("Next step: {step}").format(
            step=self._t.gettext(LABELS[upcoming.step])
        )
        self.next_title.setText(f"<b>{title}</b>")
        self.advice.setText(self._t.gettext(ADVICE[upcoming.step]))

    def _mark_item(self, item: QListWidgetItem) -> None:
        if self.road is None:
            return
        state = self.road.steps[self.steps.row(item)]
        self._mark(self.road.person.id, state)

    def _mark_next(self) -> None:
        if self.road is not None and self.road.next_step is not None:
            self._mark(self.road.person.id, self.road.next_step)
