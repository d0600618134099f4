"""``carnet summary`` (a year's summary as PDF) and ``carnet todo-sheet`` (what to do now).

The report service makes the summary and its PDF (``ReportService.summary_pdf``,
which the window uses too). The "what to do now" items need a little more: the service words them in
English, so :func:`carnet.services.todo_sheet.todo_entries` (shared with the
window) looks up the feuille or the act behind each one and hands the sheet
the facts, which it words in the chosen language.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import click

from carnet.app import Services
from carnet.cli.common import ID, OUT_FILE, lang_option, open_services, user_errors, write_output
from carnet.documents.todo_sheet import render_todo
from carnet.domain.ids import PersonId
from carnet.domain.reports import TodoEntry
from carnet.services.todo import TodoItem
from carnet.services.todo_sheet import todo_entries as sheet_entries

FIRST_YEAR, LAST_YEAR = 1950, 2100


@click.command()
@click.option(
    "--year",
    type=click.IntRange(FIRST_YEAR, LAST_YEAR),
    help="Calendar year (default: this year).",
)
@click.option("--person", "person_id", type=ID, help="Only this person (default: household).")
@lang_option()
@click.option("--out", type=OUT_FILE, required=True, help="The PDF file ('-': standard output).")
@click.pass_context
@user_errors
def summary(
    ctx: click.Context, year: int | None, person_id: int | None, lang: str, out: Path
) -> None:
    """A year's care, reimbursements and what is still awaited, as a PDF."""
    with open_services(ctx) as services:
        year = year or services.reports.today().year
        person = None if person_id is None else PersonId(person_id)
        report = services.reports.summary(date(year, 1, 1), date(year, 12, 31), person)
        pdf = services.reports.summary_pdf(report, lang)
    write_output(out, pdf)


@click.command("todo-sheet")
@lang_option()
@click.option("--out", type=OUT_FILE, required=True, help="The PDF file ('-': standard output).")
@click.pass_context
@user_errors
def todo_sheet(ctx: click.Context, lang: str, out: Path) -> None:
    """One page to print: feuilles to sign and mail, deadlines, overdue payments."""
    with open_services(ctx) as services:
        entries = todo_entries(services, services.todo.items())
        pdf = render_todo(entries, lang, services.todo.today())
    write_output(out, pdf)


def todo_entries(services: Services, items: Sequence[TodoItem]) -> list[TodoEntry]:
    """The sheet's lines for the todo service's items, in the same order."""
    return sheet_entries(
        services.household, services.claims, services.care, services.care_table, items
    )
