"""Write Carnet's man pages (``carnet.1``, ``carnet-gui.1``) from the click commands.

Run at build time (``make man``, ``make bundle``, ``make install-desktop``, the Flatpak
build), never committed: the pages say what the installed commands accept because
they are made from them. ``man -l build/man/carnet.1`` shows one.

    python scripts/man_page.py build/man
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import click

from carnet import __version__
from carnet.cli import cli
from carnet.ui.start import parser as gui_parser


def roff(text: str) -> str:
    """``text`` safe in a roff line: backslashes, dashes and leading dots escaped."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(
        f"\\&{line}" if line.startswith((".", "'")) else line for line in text.splitlines()
    )


def leaves(group: click.Group, ctx: click.Context) -> Iterator[tuple[click.Context, click.Command]]:
    """Every command under ``group``, depth first, with its context (for usage lines)."""
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        sub = click.Context(command, info_name=name, parent=ctx)
        if isinstance(command, click.Group):
            yield from leaves(command, sub)
        else:
            yield sub, command


def options(ctx: click.Context, command: click.Command) -> list[str]:
    """``.TP`` entries for the options and arguments of ``command``."""
    lines = []
    for param in command.get_params(ctx):
        if param.name in {"help", "db_path_local"}:  # on every command: said once above
            continue
        record = param.get_help_record(ctx)
        if record is None:
            continue
        names, help_text = record
        lines += [".TP", f"\\fB{roff(names)}\\fR", roff(help_text or "")]
    return lines


def carnet_page(today: date) -> str:
    root = click.Context(cli, info_name="carnet")
    head = [
        f'.TH CARNET 1 "{today.isoformat()}" "Carnet {__version__}" "User Commands"',
        ".SH NAME",
        "carnet \\- track French health\\-care claims, feuilles de soins and reimbursements",
        ".SH SYNOPSIS",
        "\\fBcarnet\\fR [\\fB\\-\\-db\\fR \\fIFILE\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR]",
        ".SH DESCRIPTION",
        roff(cli.help or ""),
        ".PP",
        "Without a command, \\fBcarnet\\fR opens the window (as \\fBcarnet\\-gui\\fR does).",
        "A file argument or \\fB\\-\\-out\\fR given as \\fB\\-\\fR means standard input "
        "or output. Commands that print text follow the system's language (LANG) unless "
        "\\fB\\-\\-lang\\fR says otherwise.",
        ".SH OPTIONS",
        *options(root, cli),
        ".SH COMMANDS",
    ]
    body = []
    for ctx, command in leaves(cli, root):
        usage = " ".join(command.collect_usage_pieces(ctx))
        body += [".SS " + roff(ctx.command_path), f"\\fB{roff(ctx.command_path)}\\fR {roff(usage)}"]
        body += [".PP", roff(command.help or command.short_help or "")]
        body += options(ctx, command)
    tail = [
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBCARNET_DB\\fR",
        "The database file, when \\fB\\-\\-db\\fR is not given.",
        ".TP",
        "\\fBCARNET_DEBUG\\fR",
        "Set to 1 to see the details of an unexpected error.",
        ".TP",
        "\\fBLANG\\fR, \\fBLC_MESSAGES\\fR, \\fBLC_ALL\\fR",
        "French when they name a French locale, else English.",
        ".SH FILES",
        ".TP",
        "\\fI~/.local/share/carnet/carnet.sqlite\\fR",
        "The database, on Linux (your user data folder elsewhere).",
        ".SH SHELL COMPLETION",
        'Bash: \\fBeval "$(_CARNET_COMPLETE=bash_source carnet)"\\fR in \\fI~/.bashrc\\fR; '
        "zsh: \\fBzsh_source\\fR; fish: \\fBfish_source\\fR.",
        ".SH SEE ALSO",
        "\\fBcarnet\\-gui\\fR(1)",
    ]
    return "\n".join([*head, *body, *tail]) + "\n"


def gui_page(today: date) -> str:
    parse = gui_parser()
    lines = [
        f'.TH CARNET-GUI 1 "{today.isoformat()}" "Carnet {__version__}" "User Commands"',
        ".SH NAME",
        "carnet\\-gui \\- open the Carnet window",
        ".SH SYNOPSIS",
        roff(parse.format_usage().removeprefix("usage: ").strip()),
        ".SH DESCRIPTION",
        roff(parse.description or ""),
        ".SH OPTIONS",
        ".nf",
        roff(parse.format_help().partition("options:")[2].strip("\n")),
        ".fi",
    ]
    lines += [".SH SEE ALSO", "\\fBcarnet\\fR(1)"]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("build/man")
    folder.mkdir(parents=True, exist_ok=True)
    # SOURCE_DATE_EPOCH: the same sources make the same page (reproducible builds).
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    today = moment.date()
    (folder / "carnet.1").write_text(carnet_page(today), encoding="utf-8")
    (folder / "carnet-gui.1").write_text(gui_page(today), encoding="utf-8")
    print(f"Wrote {folder / 'carnet.1'} and {folder / 'carnet-gui.1'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
