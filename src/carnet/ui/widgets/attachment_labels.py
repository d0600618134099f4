"""Words for attachments: their kinds, the state of their files, their sizes."""

from __future__ import annotations

from decimal import Decimal

from carnet.domain.attachments import AttachmentKind
from carnet.i18n import N_, Translator
from carnet.services.attachments import FileState

KIND_LABELS = {
    AttachmentKind.SCAN: N_("Scan"),
    AttachmentKind.PRESCRIPTION: N_("Prescription"),
    AttachmentKind.STATEMENT: N_("CPAM statement"),
    AttachmentKind.LETTER: N_("Letter"),
    AttachmentKind.PACKET: N_("Mailing packet"),
    AttachmentKind.OTHER: N_("Other"),
}
STATE_LABELS = {
    FileState.INTACT: N_("Intact"),
    FileState.MISSING: N_("⚠ Missing"),
    FileState.ALTERED: N_("⚠ Changed on disk"),
}
STATE_HINTS = {
    FileState.INTACT: N_("The stored file matches its fingerprint (SHA-256)."),
    FileState.MISSING: N_("The stored file is no longer beside the database."),
    FileState.ALTERED: N_(
        "The stored file no longer matches its fingerprint: it was changed or damaged on disk."
    ),
}
REFUSALS = {
    FileState.MISSING: N_(
        "“{name}” was not opened: its stored copy is missing from the folder beside the "
        "database. Restore that folder from a backup, or attach the file again."
    ),
    FileState.ALTERED: N_(
        "“{name}” was not opened: its stored copy was changed or damaged on disk since it "
        "was attached, so it is no longer the paper you filed. Restore it from a backup, "
        "or attach the file again."
    ),
}
_UNITS = ((1024 * 1024, N_("{size} MB")), (1024, N_("{size} KB")))


def file_size(t: Translator, size: int) -> str:
    """``1536`` as "1.5 KB" ("1,5 ko" in French); whole bytes below a kilobyte."""
    for unit, text in _UNITS:
        if size >= unit:
            # Decimal, not float: one decimal place, rounded the same way everywhere.
            amount = (Decimal(size) / unit).quantize(Decimal("0.1"))
            return t.gettext(text).format(size=t.number(amount))
    return t.ngettext("{n} byte", "{n} bytes", size).format(n=size)


def refusal(t: Translator, name: str, state: FileState) -> str:
    """Why a file was not opened, naming it (an intact file read badly counts as changed)."""
    text = REFUSALS.get(state, REFUSALS[FileState.ALTERED])
    return t.gettext(text).format(name=name)
