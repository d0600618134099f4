"""Which attached files a mailing's packet reproduces, read and checked from the file store.

For each enclosed feuille, in the packet's order: the files attached to the
feuille, then those of its acts. The same file attached twice (to a feuille
and to its act) is copied once. A file that fails its SHA-256 check is still
listed, without bytes, so the heading page can say that it is missing.
"""

from __future__ import annotations

from carnet.documents.copies import Copy
from carnet.documents.formats import short_date
from carnet.domain.attachments import AttachedTo, Attachment, AttachmentKind
from carnet.domain.claims import Feuille
from carnet.storage.files import FileIntegrityError
from carnet.storage.store import Store

# The packet's copies are in French, like the letter they follow.
KINDS_FR = {
    AttachmentKind.SCAN: "scan",
    AttachmentKind.PRESCRIPTION: "ordonnance",
    AttachmentKind.STATEMENT: "décompte",
    AttachmentKind.LETTER: "courrier",
    AttachmentKind.PACKET: "envoi",
    AttachmentKind.OTHER: "pièce",
}


def gather_copies(store: Store, enclosed: list[tuple[Feuille, str]]) -> list[Copy]:
    """The copies for feuilles given with their references, in that order."""
    seen: set[str] = set()
    copies: list[Copy] = []
    for feuille, reference in enclosed:
        for attachment, subject in _files_of(store, feuille):
            if attachment.sha256 not in seen:
                seen.add(attachment.sha256)
                copies.append(_copy(store, attachment, reference, subject))
    return copies


def _files_of(store: Store, feuille: Feuille) -> list[tuple[Attachment, str]]:
    found = [
        (a, f"{KINDS_FR[a.kind]} · feuille de soins")
        for a in store.attachments.for_entity(AttachedTo.FEUILLE, feuille.id)
    ]
    for act_id in feuille.act_ids:
        act = store.acts.get(act_id)
        about = f"acte {act.act_code} du {short_date(act.date)}"
        found += [
            (a, f"{KINDS_FR[a.kind]} · {about}")
            for a in store.attachments.for_entity(AttachedTo.ACT, act_id)
        ]
    return found


def _copy(store: Store, attachment: Attachment, reference: str, subject: str) -> Copy:
    data: bytes | None = None
    if store.files is not None:
        try:
            data = store.files.get(attachment.sha256)
        except FileIntegrityError:
            data = None  # listed as missing on the heading page, never printed as if intact
    return Copy(reference, subject, attachment.file_name, attachment.media_type, data)
