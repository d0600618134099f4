"""Help › About Carnet: the version, what Carnet keeps, and its licence."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from carnet import __version__
from carnet.i18n import Translator


def show_about(parent: QWidget, t: Translator) -> None:
    """The standard About box (Qt's own, so it follows the platform)."""
    text = t.gettext(
        "<h3>Carnet {version}</h3>"
        "<p>Keeps track of your household's health care, the feuilles de soins to send "
        "and the reimbursements to expect, on this computer only.</p>"
        "<p>Free software under the GNU General Public License, version 3 or later.</p>"
    ).format(version=__version__)
    QMessageBox.about(parent, t.gettext("About Carnet"), text)
