"""The one app-wide signal that says what a service call changed.

Views never poll the database: whoever calls a service hands the returned
:class:`~carnet.domain.changes.Changes` to :meth:`EventHub.publish`, and every
view connected to :attr:`EventHub.changed` refreshes what concerns it (Anki's
``operation_did_execute`` pattern). The hub is built once in
:mod:`carnet.ui.application` and passed in; there is no global instance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from carnet.domain.changes import Changes


class EventHub(QObject):
    """Carries :class:`Changes` records from whoever changed data to whoever shows it."""

    # ``object`` rather than a Python class: Qt only needs to pass the reference along.
    changed = Signal(object)

    def publish(self, changes: Changes) -> None:
        """Tell every view what changed; an empty record is not worth a repaint."""
        if not changes.empty:
            self.changed.emit(changes)
