"""Attachments: stored as given, by SHA-256 beside the database, and checked when read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from carnet.app import Services
from carnet.domain.attachments import AttachedTo, AttachmentKind
from carnet.domain.care import ActInput
from carnet.domain.errors import ValidationError
from carnet.domain.ids import PersonId
from carnet.domain.money import Cents
from carnet.services.attachments import FileState
from carnet.storage.files import FileIntegrityError, sha256

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40


def _act(services: Services, household: dict[str, int]) -> int:
    data = ActInput(
        person_id=PersonId(household["adult"]),
        practitioner_id=None,
        date=date(2025, 3, 1),
        act_code="G",
        fee_cents=Cents(3000),
    )
    return services.care.add_act(data).value.id


def test_attach_read_and_verify(
    services: Services, household: dict[str, int], db_path: Path
) -> None:
    act_id = _act(services, household)
    result = services.attachments.attach(AttachedTo.ACT, act_id, JPEG, "feuille scan.jpg")
    attachment = result.value
    assert (attachment.media_type, attachment.size) == ("image/jpeg", len(JPEG))
    assert attachment.sha256 == sha256(JPEG)
    stored = db_path.with_name(db_path.name + ".files") / attachment.sha256[:2] / attachment.sha256
    assert stored.read_bytes() == JPEG  # never recompressed
    assert stored.stat().st_mode & 0o777 == 0o600
    assert services.attachments.read(attachment.id) == JPEG
    assert services.attachments.for_record(AttachedTo.ACT, act_id) == [attachment]
    assert result.changes.acts == {act_id}
    assert services.attachments.verify_all() == []


def test_a_tampered_file_is_reported(services: Services, household: dict[str, int]) -> None:
    act_id = _act(services, household)
    attachment = services.attachments.attach(AttachedTo.ACT, act_id, JPEG, "scan.jpg").value
    assert services.store.files is not None
    path = services.store.files.path_of(attachment.sha256)
    path.write_bytes(JPEG[:-1] + b"\x00")
    with pytest.raises(FileIntegrityError, match="changed or damaged"):
        services.attachments.read(attachment.id)
    [problem] = services.attachments.verify_all()
    assert problem.attachment == attachment
    path.unlink()
    with pytest.raises(FileIntegrityError, match="missing"):
        services.attachments.read(attachment.id)


def test_refusals(services: Services, household: dict[str, int]) -> None:
    act_id = _act(services, household)
    with pytest.raises(ValidationError, match="not a PDF or an image"):
        services.attachments.attach(AttachedTo.ACT, act_id, b"MZ\x90 an exe", "x.pdf")
    with pytest.raises(ValidationError, match="no act with id 99"):
        services.attachments.attach(AttachedTo.ACT, 99, JPEG, "x.jpg")
    assert services.attachments.for_record(AttachedTo.ACT, act_id) == []


def test_the_same_content_is_stored_once_and_undo_unlinks(
    services: Services, household: dict[str, int]
) -> None:
    act_id = _act(services, household)
    first = services.attachments.attach(AttachedTo.ACT, act_id, JPEG, "a.jpg", AttachmentKind.SCAN)
    second = services.attachments.attach(AttachedTo.ACT, act_id, JPEG, "b.jpg")
    assert first.value.sha256 == second.value.sha256
    services.history.undo()
    assert [a.file_name for a in services.attachments.for_record(AttachedTo.ACT, act_id)] == [
        "a.jpg"
    ]


def test_listing_says_when_and_whether_each_file_is_sound(
    services: Services, household: dict[str, int]
) -> None:
    act_id = _act(services, household)
    kept = services.attachments.attach(AttachedTo.ACT, act_id, JPEG, "a.jpg").value
    other = services.attachments.attach(AttachedTo.ACT, act_id, JPEG + b"x", "b.jpg").value
    assert services.store.files is not None
    services.store.files.path_of(kept.sha256).write_bytes(b"\xff\xd8\xff not it")
    services.store.files.path_of(other.sha256).unlink()
    listed = services.attachments.listing(AttachedTo.ACT, act_id)
    assert [(x.attachment.file_name, x.state) for x in listed] == [
        ("a.jpg", FileState.ALTERED),
        ("b.jpg", FileState.MISSING),
    ]
    assert all(x.added is not None and x.added.year >= 2025 for x in listed)


def test_remove_is_undoable_and_tells_the_record(
    services: Services, household: dict[str, int]
) -> None:
    act_id = _act(services, household)
    attachment = services.attachments.attach(AttachedTo.ACT, act_id, JPEG, "a.jpg").value
    removed = services.attachments.remove(attachment.id)
    assert removed.value == attachment
    assert removed.changes.acts == {act_id}
    assert services.attachments.for_record(AttachedTo.ACT, act_id) == []
    assert services.history.undo_label() == "Remove an attachment"
    undone = services.history.undo()
    assert undone.changes.acts == {act_id}  # the act's page shows the file again
    assert services.attachments.for_record(AttachedTo.ACT, act_id) == [attachment]
    assert services.attachments.read(attachment.id) == JPEG  # the file was never deleted
    redone = services.history.redo()
    assert redone.changes.acts == {act_id}
    assert services.attachments.for_record(AttachedTo.ACT, act_id) == []


def test_what_a_file_is_can_be_changed_and_undone(
    services: Services, household: dict[str, int]
) -> None:
    act_id = _act(services, household)
    attachment = services.attachments.attach(AttachedTo.ACT, act_id, JPEG, "ordo.jpg").value
    assert attachment.kind is AttachmentKind.SCAN
    changed = services.attachments.set_kind(attachment.id, AttachmentKind.PRESCRIPTION)
    assert changed.value.kind is AttachmentKind.PRESCRIPTION
    assert changed.changes.acts == {act_id}
    (listed,) = services.attachments.for_record(AttachedTo.ACT, act_id)
    assert listed.kind is AttachmentKind.PRESCRIPTION and listed.sha256 == attachment.sha256
    assert services.history.undo_label() == "Change what a file is"
    assert services.history.undo().changes.acts == {act_id}
    (listed,) = services.attachments.for_record(AttachedTo.ACT, act_id)
    assert listed.kind is AttachmentKind.SCAN
    services.history.redo()
    assert services.attachments.for_record(AttachedTo.ACT, act_id)[0].kind.value == "prescription"


def test_choosing_the_same_kind_writes_nothing(
    services: Services, household: dict[str, int]
) -> None:
    act_id = _act(services, household)
    attachment = services.attachments.attach(AttachedTo.ACT, act_id, JPEG, "a.jpg").value
    same = services.attachments.set_kind(attachment.id, AttachmentKind.SCAN)
    assert same.changes.empty
    assert services.history.undo_label() == "Attach a file"
