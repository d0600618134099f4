"""``carnet demo``: fill a database with a realistic demo household."""

from __future__ import annotations

import time

import click

from carnet.cli.common import open_services, user_errors
from carnet.services.demo import DEFAULT_ACTS, build_demo


@click.command()
@click.option(
    "--acts",
    "count",
    type=click.IntRange(0, 1_000_000),
    default=DEFAULT_ACTS,
    show_default=True,
    help="How many care acts to generate.",
)
@click.option("--seed", type=int, default=1, show_default=True)
@click.pass_context
@user_errors
def demo(ctx: click.Context, count: int, seed: int) -> None:
    """Create a demo household (two adults, a child, a teenager) with generated care."""
    started = time.perf_counter()
    with open_services(ctx) as services:
        if services.care.count() or services.household.people():
            raise click.UsageError("the database is not empty; choose a new file with --db")
        result = build_demo(services.household, services.care, acts=count, seed=seed)
        where = services.db_path
    elapsed = time.perf_counter() - started
    click.echo(
        f"Demo household created in {where}: {len(result.people)} people, "
        f"{len(result.practitioners)} practitioners, {result.acts} acts ({elapsed:.1f} s)."
    )
