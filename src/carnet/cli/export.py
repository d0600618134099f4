"""``carnet export`` (CSV, XLSX, JSON) and ``carnet load-json``."""

from __future__ import annotations

from pathlib import Path

import click

from carnet.cli.common import (
    IN_FILE,
    OUT_FILE,
    is_dash,
    lang_option,
    open_input,
    open_services,
    user_errors,
    write_output,
)
from carnet.services.exports import KINDS
from carnet.services.input_files import MAX_EXPORT_BYTES
from carnet.services.output_files import refusals_told


@click.group()
def export() -> None:
    """Export acts, expected payments and bank matches."""


def _write(ctx: click.Context, what: str, language: str, out: Path) -> None:
    with open_services(ctx) as services:
        if is_dash(out):
            write_output(out, services.exports.render(what, language))
            return
        with refusals_told(out):  # a missing or read-only folder, a full disk
            size = services.exports.write(what, language, out)
    click.echo(f"Wrote {out} ({size} bytes)")


@export.command("csv")
@click.option("--table", "kind", type=click.Choice(KINDS), default="acts", show_default=True)
@lang_option("Column names, and fr: ';' separator and decimal comma.")
@click.option("--out", type=OUT_FILE, required=True, help="The file ('-': standard output).")
@click.pass_context
@user_errors
def export_csv(ctx: click.Context, kind: str, lang: str, out: Path) -> None:
    """One table as CSV (UTF-8 with BOM, for spreadsheet apps)."""
    _write(ctx, kind, lang, out)


@export.command("xlsx")
@lang_option("Sheet and column names.")
@click.option("--out", type=OUT_FILE, required=True, help="The file ('-': standard output).")
@click.pass_context
@user_errors
def export_xlsx(ctx: click.Context, lang: str, out: Path) -> None:
    """Acts, expected payments and bank matches as one workbook."""
    _write(ctx, "xlsx", lang, out)


@export.command("json")
@click.option("--out", type=OUT_FILE, required=True, help="The file ('-': standard output).")
@click.pass_context
@user_errors
def export_json(ctx: click.Context, out: Path) -> None:
    """The whole database as JSON (load it back with 'carnet load-json')."""
    _write(ctx, "json", "en", out)


@click.command("load-json")
@click.argument("source", type=IN_FILE)
@click.pass_context
@user_errors
def load_json(ctx: click.Context, source: Path) -> None:
    """Load a JSON export into a new, empty database (choose it with --db)."""
    # Read as it goes, a file or standard input: memory holds a slice of rows, not the export.
    with open_services(ctx) as services, open_input(source, MAX_EXPORT_BYTES) as stream:
        count = services.exports.load_json(stream)
    click.echo(f"Loaded {count} rows from {'standard input' if is_dash(source) else source}")
