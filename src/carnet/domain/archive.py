"""A record the household archived: hidden from lists and forms, kept with its history.

The mark is what the history records when a person, practitioner, contract or bank
account is archived or brought back, so that Edit › Undo can take either back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The kinds of record that can be archived (the table ``archived`` allows these).
ARCHIVABLE = ("person", "practitioner", "contract", "bank_account")


def archive_entity(kind: str) -> str:
    """The history's word for the archive mark of a ``kind`` (``"archived_person"``)."""
    return f"archived_{kind}"


@dataclass(frozen=True, slots=True)
class ArchiveMark:
    """``entity`` #``entity_id`` archived on ``archived_on``."""

    entity: str
    entity_id: int
    archived_on: date

    @property
    def id(self) -> int:
        return self.entity_id
