"""The session's undo and redo stacks: which operations Ctrl+Z and Ctrl+Shift+Z take back.

Kept apart from :mod:`carnet.services.history` (which imports the rules engine
to reassess after an undo) so that the composition root can start listening
to operations from the first one, while the history service itself is only
built when undo is first asked for.
"""

from __future__ import annotations

from carnet.storage.store import Store


class UndoStack:
    """Operation ids done this session (undo) and undone since the last change (redo)."""

    def __init__(self, store: Store) -> None:
        self.undo: list[int] = []
        self.redo: list[int] = []
        store.listeners.append(self._on_operation)

    def _on_operation(self, op: int, kind: str) -> None:
        if kind == "do":  # a new change makes the redo branch meaningless
            self.undo.append(op)
            self.redo.clear()
