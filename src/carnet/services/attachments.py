"""Use cases for attachments: attach a scan or PDF to an act, feuille or mailing; verify."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from carnet.domain.attachments import AttachedTo, Attachment, AttachmentKind
from carnet.domain.changes import Changes
from carnet.domain.errors import ValidationError, missing_record
from carnet.domain.ids import AttachmentId
from carnet.i18n import N_
from carnet.services.base import Result, Service
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
                    file_name=Path(file_name).name,
                    media_type=kind_of_file,
                    size=len(data),
                    kind=kind,
                    entity=entity,
                    entity_id=entity_id,
                )
            )
            self.store.events.record("attachment", attachment.id, "created", after=attachment)
        return Result(attachment, _changes(entity, entity_id))

    def attach_file(
        self,
        entity: AttachedTo,
        entity_id: int,
        path: Path,
        kind: AttachmentKind = AttachmentKind.SCAN,
    ) -> Result[Attachment]:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationError(
                "file", N_("{path}: {problem}"), path=str(path), problem=str(exc.strerror)
            ) from None
        return self.attach(entity, entity_id, data, path.name, kind)

    def for_record(self, entity: AttachedTo, entity_id: int) -> list[Attachment]:
        return self.store.attachments.for_entity(entity, entity_id)

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


def _changes(entity: AttachedTo, entity_id: int) -> Changes:
    ids = frozenset({entity_id})
    if entity is AttachedTo.ACT:
        return Changes(acts=ids)
    if entity is AttachedTo.FEUILLE:
        return Changes(feuilles=ids)
    return Changes(mailings=ids)
