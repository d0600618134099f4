"""The pages of the main window, in sidebar order, with what each will hold.

Pages not built yet show their description, so people learn what the app is
for instead of meeting an empty screen; the description is also the tooltip.
"""

from __future__ import annotations

from typing import NamedTuple

from carnet.i18n import N_


class PageSpec(NamedTuple):
    key: str  # stable: stored in QSettings as the last page shown
    title: str
    description: str


PAGES = (
    PageSpec(
        "dashboard",
        N_("Dashboard"),
        N_("What the CPAM and your mutuelle still owe you, and the feuilles to send."),
    ),
    PageSpec(
        "care",
        N_("Care"),
        N_("Every consultation, prescription and session, with who pays what."),
    ),
    PageSpec(
        "feuilles",
        N_("Feuilles"),
        N_("Paper feuilles de soins and their next step will appear here."),
    ),
    PageSpec(
        "mailings",
        N_("Mailings"),
        N_("Envelopes for your CPAM or mutuelle, with cover letter and list, will appear here."),
    ),
    PageSpec(
        "bank",
        N_("Bank"),
        N_("Imported bank statements and the reimbursements found in them will appear here."),
    ),
    PageSpec(
        "reports",
        N_("Reports"),
        N_("Yearly totals of what was spent, reimbursed and still owed will appear here."),
    ),
    PageSpec(
        "household",
        N_("Household"),
        N_("The people, practitioners and mutuelle contracts of your household."),
    ),
    PageSpec(
        "settings",
        N_("Settings"),
        N_("The language of the window and your household's postal details."),
    ),
    PageSpec(
        "help",
        N_("Help"),
        N_("Emergency numbers, how French health insurance works, and a glossary."),
    ),
)
DEFAULT_PAGE = "care"
