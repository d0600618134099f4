"""Attachment rows (the files themselves live in the :class:`FileStore`)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from carnet.domain.attachments import AttachedTo, Attachment
from carnet.storage.repos.records import RecordRepo

if TYPE_CHECKING:
    from sqlite_utils import Database


class AttachmentRepo(RecordRepo[Attachment]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, "attachment", Attachment, "attachment")

    def for_entity(self, entity: AttachedTo, entity_id: int) -> list[Attachment]:
        return self.list("entity = ? AND entity_id = ?", [entity.value, entity_id])

    def added(self, entity: AttachedTo, entity_id: int) -> dict[int, datetime]:
        """When each attachment of the record was added (UTC, as stored)."""
        rows = self.db.execute(
            "SELECT id, created_at FROM attachment WHERE entity = ? AND entity_id = ?",
            [entity.value, entity_id],
        ).fetchall()
        # SQLite writes "…Z"; fromisoformat reads it from Python 3.11 on.
        return {int(ident): datetime.fromisoformat(stamp) for ident, stamp in rows}
