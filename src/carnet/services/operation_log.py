"""The operations of this session that Edit › Undo and Edit › Redo may take back or do again.

A plain record of operation ids, filled by listening to the store; the history service
(:mod:`carnet.services.history`, which imports the rules engine to reassess after an
undo) reads it and moves ids between its two lists. Kept apart so that the composition
root can listen from the first operation on, while the history service is only built
when undo is first asked for.
"""

from __future__ import annotations

from carnet.storage.store import Store


class OperationLog:
    """Operation ids ``done`` this session, and ``undone`` since the last new change."""

    def __init__(self, store: Store) -> None:
        self.done: list[int] = []
        self.undone: list[int] = []
        # Every operation this session made (done, undone, redone): a later change to
        # the same records by any other blocks undo (services.undo_conflicts).
        self.mine: set[int] = set()
        store.listeners.append(self._on_operation)

    def _on_operation(self, op: int, kind: str) -> None:
        self.mine.add(op)
        if kind == "do":  # a new change makes what was undone impossible to do again
            self.done.append(op)
            self.undone.clear()
