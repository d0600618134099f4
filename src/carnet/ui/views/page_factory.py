"""Builds each page of the window from one context object, on first use."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QWidget

from carnet.app import Services
from carnet.i18n import Translator
from carnet.ui.events import EventHub
from carnet.ui.pages import PAGES

if TYPE_CHECKING:
    from carnet.domain.codes import FeuilleStatus


class Navigator(Protocol):
    """The window, as pages see it: they may move to another page or change language."""

    def show_page(self, key: str) -> None: ...

    def show_acts(self, act_ids: frozenset[int], title: str) -> None: ...

    def show_feuilles(self, states: frozenset[FeuilleStatus]) -> None: ...

    def set_language(self, language: str) -> None: ...


class PageContext(NamedTuple):
    """What a page may use: services, the hub, the language, settings and the window."""

    services: Services
    events: EventHub
    t: Translator
    settings: QSettings
    window: Navigator

    @staticmethod
    def later(call: Callable[[], None]) -> None:
        """Run ``call`` once the current signal has returned (e.g. rebuilding pages)."""
        QTimer.singleShot(0, call)


def build_page(key: str, ctx: PageContext) -> QWidget:
    """The page of ``key``; pages still to be built describe what they will hold."""
    # Imports here: a page's modules (QtCharts for the dashboard) load when first shown.
    if key == "care":
        from carnet.ui.views.care_page import CarePage  # noqa: PLC0415

        return CarePage(ctx.services, ctx.t, ctx.events, ctx.settings)
    if key == "bank":
        from carnet.ui.views.bank_page import BankPage  # noqa: PLC0415

        page = BankPage(ctx.services, ctx.events, ctx.t)
        return page
    if key == "dashboard":
        from carnet.ui.views.dashboard_page import DashboardPage  # noqa: PLC0415

        return DashboardPage(ctx)
    if key == "household":
        from carnet.ui.views.household_page import HouseholdPage  # noqa: PLC0415

        return HouseholdPage(ctx.services, ctx.events, ctx.t)
    if key == "settings":
        from carnet.ui.views.settings_page import SettingsPage  # noqa: PLC0415

        return SettingsPage(ctx)
    if key == "reports":
        from carnet.ui.views.reports_page import ReportsPage  # noqa: PLC0415

        return ReportsPage(ctx.services, ctx.events, ctx.t)
    if key == "feuilles":
        from carnet.ui.views.feuilles_page import FeuillesPage  # noqa: PLC0415

        return FeuillesPage(ctx.services, ctx.events, ctx.t)
    if key == "mailings":
        from carnet.ui.views.mailings_page import MailingsPage  # noqa: PLC0415

        return MailingsPage(ctx.services, ctx.events, ctx.t)
    if key == "help":
        from carnet.ui.views.help_page import HelpPage  # noqa: PLC0415

        return HelpPage(ctx.t)
    raise KeyError(f"no page {key!r}; the pages are {[spec.key for spec in PAGES]}")
