"""``carnet attach`` and ``carnet attachments``: scans and PDFs beside the database."""

from __future__ import annotations

from pathlib import Path

import click

from carnet.cli.common import ID, emit_json, open_services, user_errors
from carnet.domain.attachments import AttachedTo, AttachmentKind
from carnet.domain.ids import AttachmentId


@click.command()
@click.argument("entity", type=click.Choice([e.value for e in AttachedTo]))
@click.argument("record_id", type=ID)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--kind", default="scan", type=click.Choice([k.value for k in AttachmentKind]))
@click.pass_context
@user_errors
def attach(ctx: click.Context, entity: str, record_id: int, file: Path, kind: str) -> None:
    """Attach FILE (a scan, photo or PDF) to an act, feuille or mailing."""
    with open_services(ctx) as services:
        attachment = services.attachments.attach_file(
            AttachedTo(entity), record_id, file, AttachmentKind(kind)
        ).value
    click.echo(f"Attached {attachment.file_name} ({attachment.sha256[:12]}…) as #{attachment.id}")


@click.group()
def attachments() -> None:
    """List and check attached files."""


@attachments.command("list")
@click.argument("entity", type=click.Choice([e.value for e in AttachedTo]))
@click.argument("record_id", type=ID)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@user_errors
def list_attachments(ctx: click.Context, entity: str, record_id: int, as_json: bool) -> None:
    """Files attached to one record."""
    with open_services(ctx) as services:
        found = services.attachments.for_record(AttachedTo(entity), record_id)
    rows = [
        {
            "id": a.id,
            "file_name": a.file_name,
            "kind": a.kind.value,
            "media_type": a.media_type,
            "size": a.size,
            "sha256": a.sha256,
        }
        for a in found
    ]
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        click.echo(f"#{row['id']:<4} {row['kind']:<12} {row['file_name']} ({row['size']} bytes)")


@attachments.command("verify")
@click.pass_context
@user_errors
def verify(ctx: click.Context) -> None:
    """Check every stored file against its SHA-256; exit 1 if any is missing or altered."""
    with open_services(ctx) as services:
        problems = services.attachments.verify_all()
    for problem in problems:
        a = problem.attachment
        click.echo(
            f"#{a.id} {a.file_name} ({a.entity.value} {a.entity_id}): {problem.message}", err=True
        )
    if problems:
        raise SystemExit(1)
    click.echo("All attached files are intact.")


@attachments.command("kind")
@click.argument("attachment_id", type=ID)
@click.argument("kind", type=click.Choice([k.value for k in AttachmentKind]))
@click.pass_context
@user_errors
def set_kind(ctx: click.Context, attachment_id: int, kind: str) -> None:
    """Say what an attached file is (scan, prescription, statement…)."""
    with open_services(ctx) as services:
        attachment = services.attachments.set_kind(
            AttachmentId(attachment_id), AttachmentKind(kind)
        ).value
    click.echo(f"#{attachment.id} {attachment.file_name} is now a {attachment.kind.value}")
