"""Registers every command group on the root group (one module per group)."""

from __future__ import annotations

import click

from carnet.cli.act import act
from carnet.cli.attach import attach, attachments
from carnet.cli.backup import backup, restore
from carnet.cli.bank import csv_profile, import_statement, payer, reconcile
from carnet.cli.demo import demo
from carnet.cli.estimate import estimate
from carnet.cli.export import export, load_json
from carnet.cli.feuille import feuille
from carnet.cli.mailing import letter, mailing
from carnet.cli.person import person
from carnet.cli.practitioner import practitioner
from carnet.cli.setting import setting
from carnet.cli.summary import summary, todo_sheet
from carnet.cli.todo import todo


def register_all(group: click.Group) -> None:
    """Attach the command groups; kept in one place so the order of help is stable."""
    for command in _commands():
        group.add_command(command)


def _commands() -> list[click.Command]:
    return [
        person,
        practitioner,
        act,
        feuille,
        mailing,
        letter,
        demo,
        estimate,
        export,
        load_json,
        backup,
        restore,
        attach,
        attachments,
        todo,
        summary,
        todo_sheet,
        setting,
        import_statement,
        reconcile,
        csv_profile,
        payer,
    ]
