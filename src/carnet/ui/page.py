"""What every page of the window is: a :class:`Page` built from one :class:`PageContext`.

A page says which changes concern it (:meth:`Page.concerns`) and how to read
its data again (:meth:`Page.reload`); the base class does the rest: it listens
to the event hub, reloads at once when the page is on screen and otherwise
marks it stale, to be reloaded when it is next shown (hidden pages do no work).
Operations started from a page go through :meth:`Page.run`
(:func:`carnet.ui.operations.run_op`).

Adding a page is one line in :data:`carnet.ui.pages.PAGES` plus its class:
see ``docs/architecture.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from carnet.app import Services
from carnet.domain.changes import Changes
from carnet.i18n import Translator
from carnet.ui.events import EventHub
from carnet.ui.operations import Refusal, run_op

if TYPE_CHECKING:
    from carnet.domain.codes import FeuilleStatus
    from carnet.domain.ids import PersonId
    from carnet.services.base import Result

T = TypeVar("T")


class Navigator(Protocol):
    """The window, as pages see it: they may move to another page or change language."""

    def show_page(self, key: str) -> None: ...

    def show_acts(self, act_ids: frozenset[int], title: str) -> None: ...

    def show_feuilles(self, states: frozenset[FeuilleStatus]) -> None: ...

    def show_road(self, person_id: PersonId) -> None: ...

    def set_language(self, language: str) -> None: ...

    def switch_encryption(self) -> bool: ...


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


class Page(QWidget):
    """A page of the window. Subclasses take only ``ctx`` and read through its services."""

    status = Signal(str)  # a sentence for the window's status bar

    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._services, self._events, self._t = ctx.services, ctx.events, ctx.t
        self._stale = False
        ctx.events.changed.connect(self.refresh)

    # -- what a page defines -------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:  # noqa: ARG002 (a static page)
        """Whether ``changes`` alter what this page shows (a static page: never)."""
        return False

    def reload(self) -> object:
        """Read again everything the page shows."""
        return None

    def apply(self, changes: Changes) -> None:  # noqa: ARG002 (pages may look closer)
        """Bring the page, on screen, up to date with ``changes`` (by default: reload)."""
        self.reload()

    def ready_to_close(self, then: Callable[[], object]) -> bool:  # noqa: ARG002 (no work)
        """Whether the window may close now. A page with work under way asks the person;
        if it is stopping that work, it answers ``False`` and calls ``then`` once stopped."""
        return True

    # -- what the base does --------------------------------------------------------
    def refresh(self, changes: Changes) -> None:
        """Reload now if the page is seen, otherwise when it is next shown."""
        if not self.concerns(changes):
            return
        if self.isVisible():
            self.apply(changes)
        else:
            self.mark_stale()

    def mark_stale(self) -> None:
        """Reload when next shown."""
        self._stale = True

    @property
    def stale(self) -> bool:
        return self._stale

    def catch_up(self) -> None:
        """Reload now if changes came while the page was hidden."""
        if self._stale:
            self._stale = False
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.catch_up()

    def run(
        self, call: Callable[[], Result[T]], *, refused: Refusal | None = None
    ) -> Result[T] | None:
        """Run a service operation from this page (see :func:`run_op`)."""
        return run_op(self, self._t, self._events, call, refused=refused)
