"""``carnet mailing``: envelopes of feuilles to the CPAM, from creation to payment."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from carnet.cli.common import (
    DATE,
    ID,
    OUT_FILE,
    emit_json,
    lang_option,
    open_services,
    user_errors,
    write_output,
)
from carnet.domain.codes import Payer
from carnet.domain.ids import ActId, FeuilleId, MailingId, PersonId
from carnet.domain.mailings import Mailing, RecipientKind


@click.group()
def mailing() -> None:
    """Mailings of feuilles de soins to the CPAM (or a mutuelle)."""


@mailing.command("create")
@click.option(
    "--person",
    "person_id",
    type=ID,
    required=True,
    help="The insured person (a dependent's feuilles go with them).",
)
@click.option(
    "--feuille",
    "feuille_ids",
    type=ID,
    multiple=True,
    help="A feuille to enclose (repeatable; default: every signed one).",
)
@click.option(
    "--to", "recipient", default="cpam", type=click.Choice([k.value for k in RecipientKind])
)
@click.pass_context
@user_errors
def create(
    ctx: click.Context, person_id: int, feuille_ids: tuple[int, ...], recipient: str
) -> None:
    """Put signed feuilles in a new mailing; prints the mailing's id."""
    with open_services(ctx) as services:
        made = services.mailings.create(
            PersonId(person_id),
            [FeuilleId(i) for i in feuille_ids] or None,
            RecipientKind(recipient),
        ).value
    click.echo(made.id)


@mailing.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@user_errors
def list_mailings(ctx: click.Context, as_json: bool) -> None:
    """Mailings, newest first."""
    with open_services(ctx) as services:
        found = services.mailings.mailings()
    if as_json:
        emit_json([mailing_json(m) for m in found])
        return
    for m in found:
        state = f"mailed {m.mailed_on}" if m.mailed_on else "not mailed yet"
        click.echo(f"#{m.id:<4} {m.recipient:<24} {len(m.feuille_ids)} feuille(s)  {state}")


@mailing.command("mark-printed")
@click.argument("mailing_id", type=ID)
@click.option("--date", "day", type=DATE)
@click.pass_context
@user_errors
def mark_printed(ctx: click.Context, mailing_id: int, day: date | None) -> None:
    """Record that the letter and inventory were printed."""
    with open_services(ctx) as services:
        services.mailings.mark_printed(MailingId(mailing_id), day)


@mailing.command("mark-mailed")
@click.argument("mailing_id", type=ID)
@click.option("--date", "day", type=DATE, help="When it was posted (default: today).")
@click.option("--tracking", default="", help="Registered-mail tracking number.")
@click.pass_context
@user_errors
def mark_mailed(ctx: click.Context, mailing_id: int, day: date | None, tracking: str) -> None:
    """Record that the envelope was posted; CPAM payments are expected from then on."""
    with open_services(ctx) as services:
        done = services.mailings.mark_mailed(MailingId(mailing_id), day, tracking).value
    click.echo(f"Mailing #{done.id} mailed on {done.mailed_on}")


@mailing.command("cancel")
@click.argument("mailing_id", type=ID)
@click.pass_context
@user_errors
def cancel(ctx: click.Context, mailing_id: int) -> None:
    """Take the feuilles back out of an envelope not yet mailed."""
    with open_services(ctx) as services:
        services.mailings.cancel(MailingId(mailing_id))


def mailing_json(m: Mailing) -> dict[str, Any]:
    def iso(day: date | None) -> str | None:
        return None if day is None else day.isoformat()

    return {
        "id": m.id,
        "person_id": m.person_id,
        "recipient_kind": m.recipient_kind.value,
        "recipient": m.recipient,
        "feuilles": list(m.feuille_ids),
        "mode": m.mode.value,
        "tracking": m.tracking,
        "created_on": iso(m.created_on),
        "printed_on": iso(m.printed_on),
        "mailed_on": iso(m.mailed_on),
        "pdf_sha256": m.pdf_sha256 or None,
    }


@mailing.command("pdf")
@click.argument("mailing_id", type=ID)
@click.option("--out", type=OUT_FILE, required=True, help="The PDF file ('-': standard output).")
@lang_option("Language of the household's checklist (letters are always in French).")
@click.option(
    "--with-attachments",
    is_flag=True,
    help="Append copies of the files attached to the feuilles and their acts, "
    "marked as staying at home.",
)
@click.pass_context
@user_errors
def pdf(ctx: click.Context, mailing_id: int, out: Path, lang: str, with_attachments: bool) -> None:
    """The packet to print: cover letter, inventory (bordereau) and checklist."""
    with open_services(ctx) as services:
        data = services.mailing_documents.pdf(MailingId(mailing_id), lang, with_attachments)
    write_output(out, data)


@mailing.command("labels")
@click.argument("mailing_id", type=ID)
@click.option("--out", type=OUT_FILE, required=True, help="The PDF file ('-': standard output).")
@click.pass_context
@user_errors
def labels(ctx: click.Context, mailing_id: int, out: Path) -> None:
    """An A4 sheet of address labels for the envelope."""
    with open_services(ctx) as services:
        data = services.mailing_documents.labels_pdf(MailingId(mailing_id))
    write_output(out, data)


@click.group()
def letter() -> None:
    """Letters to the CPAM (always in French)."""


@letter.command("reminder")
@click.argument("mailing_id", type=ID)
@click.option("--out", type=OUT_FILE, required=True, help="The PDF file ('-': standard output).")
@click.pass_context
@user_errors
def reminder(ctx: click.Context, mailing_id: int, out: Path) -> None:
    """A reminder (relance) for a mailing the CPAM has not paid."""
    with open_services(ctx) as services:
        data = services.mailing_documents.reminder_pdf(MailingId(mailing_id))
    write_output(out, data)


@letter.command("reclamation")
@click.argument("act_ids", type=ID, nargs=-1, required=True)
@click.option(
    "--payer",
    type=click.Choice(["cpam", "mutuelle"]),
    help="Who is asked (default: the one that paid short; needed when both did).",
)
@click.option("--out", type=OUT_FILE, help="PDF file to write ('-' for standard output).")
@click.pass_context
@user_errors
def reclamation(
    ctx: click.Context, act_ids: tuple[int, ...], payer: str | None, out: Path | None
) -> None:
    """A reclamation asking the CPAM (or the mutuelle) for what it underpaid on these acts.

    It is kept as a mailing: print it, then 'carnet mailing mark-mailed ID'; a reminder
    ('carnet letter reminder ID') is offered when nothing changed weeks later.
    """
    chosen = None if payer is None else (Payer.AMO if payer == "cpam" else Payer.AMC)
    with open_services(ctx) as services:
        mailing = services.reclamations.create([ActId(a) for a in act_ids], chosen).value
        data = services.mailing_documents.pdf(mailing.id)
    target = out or Path(f"reclamation-{mailing.id}.pdf")
    write_output(target, data)
    click.echo(f"Reclamation #{mailing.id} to {mailing.recipient}", err=True)
