"""The dashboard's "parcours de soins" figure: what being out of it cost this year.

Per person, the AMO money lost to out-of-parcours rates (30 % instead of 70 %),
with the seed's advice for the adults who have no médecin traitant.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from carnet.domain.people import Person
from carnet.i18n import Translator
from carnet.services.parcours import ADVICE, ParcoursCost


class ParcoursBox(QGroupBox):
    def __init__(self, t: Translator, parent: QWidget | None = None) -> None:
        super().__init__(t.gettext("Parcours de soins"), parent)
        self._t = t
        self.figure = QLabel()
        self.figure.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.figure.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        layout = QVBoxLayout(self)
        for label in (self.figure, self.detail, self.advice):
            layout.addWidget(label)

    def fill(self, year: int, costs: Sequence[ParcoursCost], without: Sequence[Person]) -> None:
        t = self._t
        total = sum(c.cents for c in costs)
        self.figure.setText(
            t.gettext("Lost out of the parcours in {year}: {amount}").format(
                year=year, amount=t.money(total)
            )
        )
        self.figure.setAccessibleName(self.figure.text())
        self.detail.setText(
            "\n".join(
                t.gettext("{name}: {amount}").format(name=c.person, amount=t.money(c.cents))
                for c in costs
            )
        )
        self.detail.setVisible(bool(costs))
        advice = ""
        if without:
            names = ", ".join(p.full_name for p in without)
            advice = t.gettext("No médecin traitant: {names}.").format(names=names)
            advice += " " + t.gettext(ADVICE)
        elif total:
            advice = t.gettext(ADVICE)
        self.advice.setText(advice)
        self.advice.setVisible(bool(advice))
