"""``carnet calendar``: the household's reminders as an iCalendar (.ics) file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from carnet.cli.common import lang_option, open_services, user_errors
from carnet.services.output_files import refusals_told


@click.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The .ics file to write ('-' for standard output).",
)
@lang_option("Language of the events.")
@click.pass_context
@user_errors
def calendar(ctx: click.Context, out: Path, lang: str) -> None:
    """Feuille deadlines, overdue payments, unanswered mailings, for a calendar app.

    Import the file into your calendar application; importing a newer file later
    updates the same events instead of adding copies.
    """
    with open_services(ctx) as services:
        if str(out) == "-":
            with refusals_told(Path("standard output")):  # a full disk behind a redirection
                services.calendar.send(sys.stdout.buffer, lang)
            return
        with refusals_told(out):  # a missing or read-only folder, a full disk
            size = services.calendar.write(out, lang)
        count = len(services.calendar.reminders())
    click.echo(f"Wrote {out} ({count} reminders, {size} bytes)")
