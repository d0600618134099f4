"""``carnet import`` (bank statements) and ``carnet reconcile``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from carnet.bank import CsvMapping, Proposal
from carnet.bank.importers.csv_mapping import ColumnConflict
from carnet.cli.common import (
    COLUMN,
    IN_FILE,
    LINES,
    emit_json,
    is_dash,
    money,
    open_input,
    open_services,
    user_errors,
)
from carnet.domain.banking import PayerType
from carnet.services.bank_import import KEEP, ImportReport
from carnet.services.input_files import MAX_STATEMENT_BYTES


@click.command("import")
@click.argument("file", type=IN_FILE)
@click.option("--account", help="The bank account to fill (by name).")
@click.option("--dry-run", is_flag=True, help="Show what would be added; write nothing.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@user_errors
def import_statement(
    ctx: click.Context, file: Path, account: str | None, dry_run: bool, as_json: bool
) -> None:
    """Import a bank statement (CSV of a French bank, OFX, QIF, camt.053, CFONB 120).

    FILE '-' reads the statement from standard input (its format is then told from
    its content alone).
    """
    name = "standard input" if is_dash(file) else file.name
    keep = None if as_json else KEEP  # the JSON lists every line; the text the first ones
    with open_services(ctx) as services:
        if is_dash(file):  # read once as it comes: a big statement is never held whole
            with open_input(file, MAX_STATEMENT_BYTES) as stream:
                result = services.bank.import_piped(stream, name, account, dry_run, keep=keep)
        else:  # read as it goes: a big statement is never held whole
            result = services.bank.import_path(file, account, dry_run, keep=keep)
    report = result.value
    if as_json:
        emit_json(report_json(report))
        return
    verb = "would add" if dry_run else "added"
    click.echo(f"{name}: {report.format}, {verb} {report.added}, {report.duplicates} already known")
    shown = 0
    for item in report.lines:
        if item.classification.health and not item.duplicate:
            shown += 1
            line = item.line
            click.echo(
                f"  {line.date} {money(line.amount_cents):>9}  {item.classification.counterparty}"
            )
    if report.health > shown:
        click.echo(f"  … and {report.health - shown} more health reimbursements")
    if report.twins:
        click.echo(
            f"warning: {report.twins} of these lines have the same day and amount as lines a "
            "statement in another format brought to this account; if it is the same account, "
            "they are the same operations counted twice",
            err=True,
        )


def report_json(report: ImportReport) -> dict[str, Any]:
    return {
        "format": report.format,
        "account": report.account.name if report.account else None,
        "dry_run": report.dry_run,
        "transactions": [
            {
                "date": item.line.date.isoformat(),
                "amount": money(item.line.amount_cents),
                "label": item.line.label,
                "counterparty": item.classification.counterparty,
                "payer_type": None
                if item.classification.payer_type is None
                else item.classification.payer_type.value,
                "health": item.classification.health,
                "reason": item.classification.reason,
                "duplicate": item.duplicate,
            }
            for item in report.lines
        ],
        "added": report.added,
        "duplicates": report.duplicates,
        "same_day_and_amount_in_another_format": report.twins,
    }


@click.command()
@click.option("--apply", "apply_", is_flag=True, help="Confirm the unambiguous proposals.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@user_errors
def reconcile(ctx: click.Context, apply_: bool, as_json: bool) -> None:
    """Propose which expected payments each health credit settles."""
    with open_services(ctx) as services:
        result = services.reconciliation.propose()
        confirmed = services.reconciliation.confirm(result.unambiguous).value if apply_ else 0
    safe = {p.credit_id for p in result.unambiguous}
    if as_json:
        emit_json(
            {
                "proposals": [
                    {
                        **proposal_json(p),
                        "unambiguous": p.credit_id in safe,
                        "alternatives": len(result.proposals.get(p.credit_id, [])) - 1,
                    }
                    for p in result.chosen
                ],
                "unmatched": [int(t) for t in result.unmatched],
                "applied": confirmed,
            }
        )
        return
    for p in result.chosen:
        mark = "*" if p.credit_id in safe else "?"
        ids = ", ".join(f"#{a.payment_id} {money(a.cents)}" for a in p.allocations)
        click.echo(f"{mark} transfer #{p.credit_id}: {ids} (residual {money(p.residual_cents)})")
    click.echo(
        f"{len(result.chosen)} proposals, {len(result.unmatched)} credits unmatched; "
        f"{'confirmed ' + str(confirmed) if apply_ else 'use --apply to confirm the * ones'}"
    )


def proposal_json(p: Proposal) -> dict[str, Any]:
    return {
        "transaction": int(p.credit_id),
        "allocations": [
            {"expected_payment": int(a.payment_id), "amount": money(a.cents)} for a in p.allocations
        ],
        "residual": money(p.residual_cents),
        "score": p.score,
        "partial": p.partial,
        "reasons": [{"code": r.code, "params": dict(r.params)} for r in p.reasons],
    }


@click.command("csv-profile")
@click.argument("name")
@click.option(
    "--date", "date_col", type=COLUMN, required=True, help="Column of the date (0 = first)."
)
@click.option(
    "--label",
    "label_cols",
    type=COLUMN,
    multiple=True,
    required=True,
    help="Column(s) of the label (repeatable: joined).",
)
@click.option("--amount", type=COLUMN, help="Column of a signed amount.")
@click.option("--debit", type=COLUMN, help="Column of debits (with --credit).")
@click.option("--credit", type=COLUMN, help="Column of credits (with --debit).")
@click.option("--separator", default=";", show_default=True)
@click.option("--encoding", default=None, help="e.g. cp1252, utf-8 (default: detected).")
@click.option("--date-format", default="dd/mm/yyyy", show_default=True)
@click.option("--decimal", default=",", type=click.Choice([",", ".", "auto"]), show_default=True)
@click.option(
    "--skip-rows", type=LINES, default=1, show_default=True, help="Lines above the data (header)."
)
@click.pass_context
@user_errors
def csv_profile(ctx: click.Context, /, name: str, **opts: Any) -> None:
    """Save how to read the CSV export of a bank Carnet does not know yet."""
    try:
        mapping = CsvMapping(
            name=name,
            date=opts["date_col"],
            label=tuple(opts["label_cols"]),
            amount=opts["amount"],
            debit=opts["debit"],
            credit=opts["credit"],
            separator=opts["separator"],
            encoding=opts["encoding"],
            date_format=opts["date_format"],
            decimal=opts["decimal"],
            skip_rows=opts["skip_rows"],
        )
    except ColumnConflict as exc:  # the options by their names: --date and --amount
        first, second = (f"--{role}" for role in exc.roles)
        raise click.UsageError(exc.problem.template.format(first=first, second=second)) from None
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    with open_services(ctx) as services:
        services.bank.save_csv_profile(mapping)
    click.echo(f"Saved the CSV profile {name!r}; 'carnet import' now recognises such files.")


@click.command("payer")
@click.argument("name")
@click.option(
    "--type",
    "kind",
    required=True,
    type=click.Choice([t.value for t in PayerType]),
    help="cpam: a mandatory scheme's fund; complementary: a mutuelle or insurer.",
)
@click.pass_context
@user_errors
def payer(ctx: click.Context, name: str, kind: str) -> None:
    """Teach Carnet a health payer's name as it appears on your statements."""
    with open_services(ctx) as services:
        changed = services.bank.teach_payer(name, PayerType(kind)).value
    click.echo(f"{name}: recognised from now on; {changed} past line(s) reclassified.")
