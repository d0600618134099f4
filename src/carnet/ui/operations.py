"""The one way to run a service operation from the window (Anki's ``CollectionOp``).

:func:`run_op` calls the service; a refusal (:class:`CarnetError`) is shown to
the person and nothing else happens; otherwise the returned
:class:`~carnet.domain.changes.Changes` are published on the event hub, which
refreshes every page concerned and relabels Edit › Undo / Redo (they listen to
the same hub). Pages use :meth:`carnet.ui.page.Page.run`, which passes
themselves, their translator and their hub.

:func:`run_call` is the same for a call that changes nothing the pages show
(making a PDF, writing a calendar file, saving settings): it shows the refusal
and returns ``None``, and has no changes to publish. A result computed elsewhere
(the bank import runs on a worker thread) is published with
``run_op(..., lambda: result)``, so it takes the same path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QWidget

from carnet.domain.errors import CarnetError
from carnet.i18n import Translator
from carnet.ui import errors
from carnet.ui.events import EventHub

if TYPE_CHECKING:
    from carnet.services.base import Result

T = TypeVar("T")

Refusal = Callable[[CarnetError], None]


def run_call(
    parent: QWidget | None,
    t: Translator,
    call: Callable[[], T],
    *,
    refused: Refusal | None = None,
) -> T | None:
    """Run ``call`` and return its value, or show why it was refused and return ``None``.

    ``refused`` shows the refusal in place (a label of the view) instead of a message box.
    """
    try:
        return call()
    except CarnetError as exc:
        if refused is None:
            errors.show_error(parent, t, exc)  # through the module: tests replace it there
        else:
            refused(exc)
        return None


def run_op(
    parent: QWidget | None,
    t: Translator,
    events: EventHub,
    call: Callable[[], Result[T]],
    *,
    refused: Refusal | None = None,
) -> Result[T] | None:
    """Run ``call``; publish its changes, or show why it was refused and return ``None``."""
    result = run_call(parent, t, call, refused=refused)
    if result is not None:
        events.publish(result.changes)
    return result
