"""The dashboard's "Next steps" box: each person's next step on the road, and its cost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from carnet.domain.ids import PersonId
from carnet.i18n import Translator
from carnet.services.road import NextStep
from carnet.services.road_costs import cost_text
from carnet.services.road_texts import LABELS


class RoadBox(QGroupBox):
    """``open_road`` shows a person's road on the Household page."""

    def __init__(
        self, t: Translator, open_road: Callable[[PersonId], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(t.gettext("Next steps of the newcomer's road"), parent)
        self._t, self._open = t, open_road
        self.grid = QGridLayout(self)
        self.rows: list[tuple[QLabel, QLabel, QPushButton]] = []

    def show_steps(self, steps: list[NextStep]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        self.setVisible(bool(steps))
        t = self._t
        for row, found in enumerate(steps):
            name = QLabel(f"<b>{found.person.full_name}</b>")
            step = t.gettext(LABELS[found.step.step])
            text = QLabel(
                t.gettext("Next: {step}. Skipping it: {cost}.").format(
                    step=step, cost=cost_text(found.cost, t)
                )
            )
            text.setWordWrap(True)
            button = QPushButton(t.gettext("Open the road"))
            button.setAccessibleName(
                t.gettext("Open the road of {name}").format(name=found.person.full_name)
            )
            person = found.person.id
            button.clicked.connect(lambda _c=False, p=person: self._open(p))
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(text, row, 1)
            self.grid.addWidget(button, row, 2)
            self.rows.append((name, text, button))
        self.grid.setColumnStretch(1, 1)
