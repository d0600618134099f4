"""Attachment rows (the files themselves live in the :class:`FileStore`)."""

from __future__ import annotations

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
