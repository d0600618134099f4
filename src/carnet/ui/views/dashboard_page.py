"""The Dashboard: money still owed, feuilles to act on, last imports, and twelve months.

Every figure is a button: clicking it opens the Care page on exactly the acts
behind it. The page reloads when anything it sums changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from carnet.domain.changes import Changes
from carnet.domain.codes import FeuilleStatus, Payer
from carnet.domain.ids import ActId
from carnet.i18n import N_
from carnet.services.dashboard import TO_MAIL, Dashboard, DashboardService, Owed
from carnet.ui.page import Navigator, Page, PageContext
from carnet.ui.widgets.month_chart import MonthChart
from carnet.ui.widgets.parcours_box import ParcoursBox
from carnet.ui.widgets.road_box import RoadBox

# The "possibly owed" list shows this many discrepancies; the figure opens them all.
_OWED_SHOWN = 5

# Shown until the first act is logged (right after the assistant, for instance).
EMPTY_TEXT = N_(
    "Nothing logged yet. Log each visit with File › New care act (Ctrl+N): Carnet works "
    "out what the Assurance Maladie and your mutuelle should pay back, and the paper "
    "feuilles de soins to sign and mail appear here."
)


class DashboardPage(Page):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        t = ctx.t
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)
        self.setAccessibleName(t.gettext("Dashboard"))
        self.figures: dict[str, QPushButton] = {}
        self.imports_label = QLabel()
        self.imports_label.setWordWrap(True)
        self.chart = MonthChart(t)
        body = QWidget()
        layout = QVBoxLayout(body)
        title = QLabel(t.gettext("Dashboard"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(title)
        self.welcome = QLabel(t.gettext(EMPTY_TEXT))
        self.welcome.setWordWrap(True)
        layout.addWidget(self.welcome)
        row = QHBoxLayout()
        row.addWidget(self._owed_box(Payer.AMO, t.gettext("From the Assurance Maladie (CPAM)")))
        row.addWidget(self._owed_box(Payer.AMC, t.gettext("From your mutuelle")))
        row.addWidget(self._feuilles_box())
        layout.addLayout(row)
        self.parcours = ParcoursBox(t)
        layout.addWidget(self.parcours)
        self.road_box = RoadBox(t, ctx.window.show_road)
        layout.addWidget(self.road_box)
        layout.addWidget(self._possibly_owed_box())
        imports = QGroupBox(t.gettext("Bank statements"))
        QVBoxLayout(imports).addWidget(self.imports_label)
        layout.addWidget(imports)
        chart_box = QGroupBox(t.gettext("The last twelve months"))
        QVBoxLayout(chart_box).addWidget(self.chart)
        layout.addWidget(chart_box, 1)
        self.scroller.setWidget(body)
        self.reload()

    # -- building -----------------------------------------------------------------
    def _figure(self, key: str, grid: QGridLayout, caption: str, show: Callable[[], None]) -> None:
        button = QPushButton()
        button.setFlat(True)
        button.setStyleSheet("text-align: left; font-size: 13pt; font-weight: bold;")
        button.setToolTip(self.ctx.t.gettext("Show these acts"))
        button.clicked.connect(show)  # a zero-argument callable: Qt's 'checked' is not passed
        label = QLabel(caption)
        label.setBuddy(button)
        row = grid.rowCount()
        grid.addWidget(label, row, 0)
        grid.addWidget(button, row, 1)
        self.figures[key] = button

    def _owed_box(self, payer: Payer, title: str) -> QGroupBox:
        t, service = self.ctx.t, self.ctx.services.dashboard
        box = QGroupBox(title)
        grid = QGridLayout(box)
        for overdue, key, caption in (
            (False, f"{payer}-pending", t.gettext("Awaited")),
            (True, f"{payer}-overdue", t.gettext("Overdue")),
        ):
            acts = _owed_acts(service, payer, overdue)
            self._figure(key, grid, caption, _showing_acts(self.ctx.window, acts, caption))
        return box

    def _feuilles_box(self) -> QGroupBox:
        t, service = self.ctx.t, self.ctx.services.dashboard
        box = QGroupBox(t.gettext("Feuilles de soins"))
        grid = QGridLayout(box)
        window = self.ctx.window
        for key, caption, states in (
            ("to-sign", t.gettext("To sign"), frozenset({FeuilleStatus.TO_SIGN})),
            ("to-mail", t.gettext("To mail"), TO_MAIL),
            ("held", t.gettext("Kept until the number arrives"), frozenset({FeuilleStatus.HELD})),
        ):
            self._figure(key, grid, caption, _showing_feuilles(window, states))
            self.figures[key].setToolTip(t.gettext("Show these feuilles"))
        # The deadline belongs to acts (paper or not): those are shown on the Care page.
        caption = t.gettext("Close to the 2-year deadline")
        self._figure(
            "deadline", grid, caption, _showing_acts(window, service.deadline_acts, caption)
        )
        return box

    def _possibly_owed_box(self) -> QGroupBox:
        """What a payer paid short, with the likely reason of each (see discrepancies)."""
        t = self.ctx.t
        box = QGroupBox(t.gettext("Possibly owed to you"))
        grid = QGridLayout(box)
        caption = t.gettext("Paid short")
        owed = self.ctx.services.discrepancies.owed_acts
        self._figure("owed", grid, caption, _showing_acts(self.ctx.window, owed, caption))
        self.owed_list = QLabel()
        self.owed_list.setWordWrap(True)
        self.owed_list.setTextFormat(Qt.TextFormat.PlainText)
        grid.addWidget(self.owed_list, grid.rowCount(), 0, 1, 2)
        return box

    # -- filling ------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        return not changes.empty  # every figure sums acts, payments or feuilles

    def reload(self) -> None:
        summary = self.ctx.services.dashboard.summary()
        self.welcome.setVisible(self.ctx.services.care_table.count() == 0)
        self._fill_owed(summary.owed[Payer.AMO])
        self._fill_owed(summary.owed[Payer.AMC])
        self._fill_feuilles(summary)
        self._fill_imports(summary)
        self._fill_possibly_owed()
        self.chart.set_months(summary.months)
        parcours, year = self.ctx.services.parcours, self.ctx.services.today().year
        self.parcours.fill(year, parcours.year(year), parcours.without_doctor())
        self.road_box.show_steps(self.ctx.services.road.next_steps())

    def _set(self, key: str, text: str, count: int) -> None:
        button = self.figures[key]
        button.setText(text)
        button.setEnabled(count > 0)
        button.setAccessibleName(text)

    def _fill_owed(self, owed: Owed) -> None:
        t = self.ctx.t

        def text(cents: int, count: int) -> str:
            acts = t.ngettext("{n} payment", "{n} payments", count).format(n=count)
            return f"{t.money(cents)} · {acts}"

        self._set(f"{owed.payer}-pending", text(owed.cents, owed.payments), owed.payments)
        self._set(
            f"{owed.payer}-overdue",
            text(owed.overdue_cents, owed.overdue_payments),
            owed.overdue_payments,
        )

    def _fill_feuilles(self, summary: Dashboard) -> None:
        counts = summary.feuilles
        to_mail = sum(counts.get(s, 0) for s in TO_MAIL)
        for key, count in (
            ("to-sign", counts.get(FeuilleStatus.TO_SIGN, 0)),
            ("to-mail", to_mail),
            ("deadline", len(summary.deadlines)),
            ("held", counts.get(FeuilleStatus.HELD, 0)),
        ):
            self._set(key, str(count), count)

    def _fill_possibly_owed(self) -> None:
        t = self.ctx.t
        owed = [d for d in self.ctx.services.discrepancies.find() if d.difference_cents > 0]
        total = sum(d.difference_cents for d in owed)
        acts = t.ngettext("{n} act", "{n} acts", len(owed)).format(n=len(owed))
        self._set("owed", f"{t.money(total)} · {acts}", len(owed))
        if not owed:
            self.owed_list.setText(
                t.gettext("Nothing: every amount received is the amount expected.")
            )
            return
        lines = [
            f"{t.date(d.act_date)} · {d.act_code} · {d.person} — {d.explanation.render(t)}"
            for d in owed[:_OWED_SHOWN]
        ]
        if len(owed) > _OWED_SHOWN:
            more = len(owed) - _OWED_SHOWN
            lines.append(t.ngettext("… and {n} more", "… and {n} more", more).format(n=more))
        self.owed_list.setText("\n".join(lines))

    def _fill_imports(self, summary: Dashboard) -> None:
        t = self.ctx.t
        if not summary.imports:
            self.imports_label.setText(t.gettext("No bank statement imported yet."))
            return
        lines = [
            t.gettext("{file} into {account} on {day}: {n} new lines").format(
                file=i.file_name, account=i.account, day=t.date(i.imported_on), n=i.added
            )
            for i in summary.imports
        ]
        self.imports_label.setText("\n".join(lines))


def _owed_acts(
    service: DashboardService, payer: Payer, overdue: bool
) -> Callable[[], frozenset[ActId]]:
    return lambda: service.owed_acts(payer, overdue=overdue)


def _showing_acts(
    window: Navigator, acts: Callable[[], frozenset[ActId]], caption: str
) -> Callable[[], None]:
    """Open the Care page on the acts behind a figure (read when clicked, not before)."""
    return lambda: window.show_acts(acts(), caption)


def _showing_feuilles(window: Navigator, states: frozenset[FeuilleStatus]) -> Callable[[], None]:
    return lambda: window.show_feuilles(states)
