"""Use cases for attachments: attach a scan or PDF to an act, feuille or mailing; verify."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from carnet.domain import limits
from carnet.domain.attachments import AttachedTo, Attachment, AttachmentKind
from carnet.domain.changes import Changes
from carnet.domain.errors import ValidationError, missing_record
from carnet.domain.ids import AttachmentId
from carnet.domain.validation import check_field
from carnet.i18n import N_
from carnet.services.base import Result, Service
from carnet.services.input_files import read_limited
from carnet.storage.files import FileIntegrityError, FileStore

MAX_BYTES = 50 * 1024 * 1024
# Recognised by their first bytes, not their name: a scan renamed ".pdf" is still a JPEG.
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"RIFF", "image/webp"),
)


@dataclass(frozen=True, slots=True)
class Problem:
    attachment: Attachment
    message: str


class FileState(StrEnum):
    """What a stored file looks like when checked against its SHA-256."""

    INTACT = "intact"
    MISSING = "missing"
    ALTERED = "altered"


@dataclass(frozen=True, slots=True)
class Listed:
    """One attachment as a list shows it: when it was added and whether its file is sound."""

    attachment: Attachment
    added: datetime | None
    state: FileState


def media_type(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "image/heic"
    return None


class AttachmentService(Service):
    def attach(
        self,
        entity: AttachedTo,
        entity_id: int,
        data: bytes,
        file_name: str,
        kind: AttachmentKind = AttachmentKind.SCAN,
    ) -> Result[Attachment]:
        """Store ``data`` as is and link it to the record; the file is written before the row."""
        file_name = check_field(Path(file_name).name, "file_name", limits.FILE_NAME, required=True)
        files = self._files()
        self._check_target(entity, entity_id)
        if len(data) > MAX_BYTES:
            raise ValidationError("file", N_("{name} is larger than 50 MB"), name=file_name)
        kind_of_file = media_type(data)
        if kind_of_file is None:
            raise ValidationError(
                "file", N_("{name} is not a PDF or an image (JPEG, PNG, TIFF…)"), name=file_name
            )
        digest = files.put(data)
        with self.store.transaction(N_("Attach a file")):
            attachment = self.store.attachments.insert(
                Attachment(
                    id=AttachmentId(0),
                    sha256=digest,
                    file_name=file_name,
                    media_type=kind_of_file,
                    size=len(data),
                    kind=kind,
                    entity=entity,
                    entity_id=entity_id,
                )
            )
            self.store.events.record("attachment", attachment.id, "created", after=attachment)
        return Result(attachment, owner_changes(entity, entity_id))

    def attach_file(
        self,
        entity: AttachedTo,
        entity_id: int,
        path: Path,
        kind: AttachmentKind = AttachmentKind.SCAN,
    ) -> Result[Attachment]:
        # A named pipe would wait for ever and /dev/zero fill the memory: a regular file
        # only, read no further than the limit.
        data = read_limited(path, MAX_BYTES)
        return self.attach(entity, entity_id, data, path.name, kind)

    def for_record(self, entity: AttachedTo, entity_id: int) -> list[Attachment]:
        return self.store.attachments.for_entity(entity, entity_id)

    def listing(self, entity: AttachedTo, entity_id: int) -> list[Listed]:
        """The record's attachments with their date and state (each file is read and hashed)."""
        added = self.store.attachments.added(entity, entity_id)
        return [
            Listed(a, added.get(a.id), self.state(a)) for a in self.for_record(entity, entity_id)
        ]

    def state(self, attachment: Attachment) -> FileState:
        files = self.store.files
        if files is None:
            return FileState.MISSING
        try:
            files.get(attachment.sha256)
        except FileIntegrityError:
            exists = files.path_of(attachment.sha256).exists()
            return FileState.ALTERED if exists else FileState.MISSING
        return FileState.INTACT

    def remove(self, attachment_id: AttachmentId) -> Result[Attachment]:
        """Unlink the file from its record (undoable).

        The stored file stays on disk: undo needs its bytes back, and another
        record may hold the same content.
        """
        with self.store.transaction(N_("Remove an attachment")):
            before = self.store.attachments.delete(attachment_id)
            self.store.events.record("attachment", attachment_id, "deleted", before=before)
        return Result(before, owner_changes(before.entity, before.entity_id))

    def set_kind(self, attachment_id: AttachmentId, kind: AttachmentKind) -> Result[Attachment]:
        """Say what an attached file is (a prescription, not a scan…) after the fact (undoable)."""
        before = self.store.attachments.get(attachment_id)
        if before.kind is kind:
            return Result(before, Changes())
        with self.store.transaction(N_("Change what a file is")):
            _, after = self.store.attachments.update(attachment_id, replace(before, kind=kind))
            self.store.events.record("attachment", attachment_id, "edited", before, after=after)
        return Result(after, owner_changes(before.entity, before.entity_id))

    def read(self, attachment_id: AttachmentId) -> bytes:
        """The file's bytes, verified against its SHA-256 (a tampered file is refused)."""
        attachment = self.store.attachments.get(attachment_id)
        return self._files().get(attachment.sha256)

    def verify_all(self) -> list[Problem]:
        """Every stored file checked; the list says which are missing or altered."""
        problems: list[Problem] = []
        for attachment in self.store.attachments.list():
            try:
                self._files().get(attachment.sha256)
            except FileIntegrityError as exc:
                problems.append(Problem(attachment, str(exc)))
        return problems

    def _files(self) -> FileStore:
        if self.store.files is None:
            raise ValidationError(
                "database", N_("files can only be attached to a database on disk")
            )
        return self.store.files

    def _check_target(self, entity: AttachedTo, entity_id: int) -> None:
        exists = {
            AttachedTo.ACT: self.store.acts.exists,
            AttachedTo.FEUILLE: self.store.feuilles.exists,
            AttachedTo.MAILING: self.store.mailings.exists,
        }[entity]
        if not exists(entity_id):
            raise missing_record(entity.value, entity.value, entity_id)


def owner_changes(entity: AttachedTo, entity_id: int) -> Changes:
    """An attachment shows on its record's page, so its record is what changed."""
    ids = frozenset({entity_id})
    if entity is AttachedTo.ACT:
        return Changes(acts=ids)
    if entity is AttachedTo.FEUILLE:
        return Changes(feuilles=ids)
    return Changes(mailings=ids)
