"""The pages of the main window, in sidebar order: the one list to add a page to.

Each entry names its class as ``"module:Class"`` (as :mod:`carnet.cli.commands`
does for commands): a page's module, and what it imports (QtCharts for the
dashboard), loads only when the page is first shown. Every class derives from
:class:`carnet.ui.page.Page` and takes one :class:`~carnet.ui.page.PageContext`.
The description is the sidebar's tooltip.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple

from carnet.i18n import N_

if TYPE_CHECKING:
    from carnet.ui.page import Page


class PageSpec(NamedTuple):
    key: str  # stable: stored in QSettings as the last page shown
    target: str  # "module:Class" of the page
    title: str
    description: str

    def load(self) -> type[Page]:
        """The page's class, its module imported now."""
        module, _, name = self.target.partition(":")
        page: type[Page] = getattr(import_module(module), name)
        return page


PAGES = (
    PageSpec(
        "dashboard",
        "carnet.ui.views.dashboard_page:DashboardPage",
        N_("Dashboard"),
        N_("What the CPAM and your mutuelle still owe you, and the feuilles to send."),
    ),
    PageSpec(
        "care",
        "carnet.ui.views.care_page:CarePage",
        N_("Care"),
        N_("Every consultation, prescription and session, with who pays what."),
    ),
    PageSpec(
        "feuilles",
        "carnet.ui.views.feuilles_page:FeuillesPage",
        N_("Feuilles"),
        N_("Paper feuilles de soins and their next step will appear here."),
    ),
    PageSpec(
        "mailings",
        "carnet.ui.views.mailings_page:MailingsPage",
        N_("Mailings"),
        N_("Envelopes for your CPAM or mutuelle, with cover letter and list, will appear here."),
    ),
    PageSpec(
        "bank",
        "carnet.ui.views.bank_page:BankPage",
        N_("Bank"),
        N_("Imported bank statements and the reimbursements found in them will appear here."),
    ),
    PageSpec(
        "reports",
        "carnet.ui.views.reports_page:ReportsPage",
        N_("Reports"),
        N_("Yearly totals of what was spent, reimbursed and still owed will appear here."),
    ),
    PageSpec(
        "household",
        "carnet.ui.views.household_page:HouseholdPage",
        N_("Household"),
        N_("The people, practitioners and mutuelle contracts of your household."),
    ),
    PageSpec(
        "settings",
        "carnet.ui.views.settings_page:SettingsPage",
        N_("Settings"),
        N_("The language of the window and your household's postal details."),
    ),
    PageSpec(
        "help",
        "carnet.ui.views.help_page:HelpPage",
        N_("Help"),
        N_("Emergency numbers, how French health insurance works, and a glossary."),
    ),
)
DEFAULT_PAGE = "care"


def page_spec(key: str) -> PageSpec:
    """The entry of ``key``."""
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise KeyError(f"no page {key!r}; the pages are {[spec.key for spec in PAGES]}")
