"""A click group that imports a command's module only when the command is needed.

This is the pattern click's documentation gives for large command-line tools:
``carnet`` (which opens the window) and ``carnet act list`` load what they use,
not the PDF, spreadsheet and bank code of every other command.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

import click


class LazyGroup(click.Group):
    """``lazy``: command name → ``"module:attribute"``; ``prepare`` runs on each loaded one."""

    def __init__(
        self,
        *args: Any,
        lazy: Mapping[str, str] | None = None,
        prepare: Callable[[click.Command], None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._lazy = dict(lazy or {})
        self._prepare = prepare

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._lazy:
            self.add_command(self._load(cmd_name), cmd_name)
            del self._lazy[cmd_name]
        return super().get_command(ctx, cmd_name)

    def _load(self, name: str) -> click.Command:
        module_name, _, attribute = self._lazy[name].partition(":")
        command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, click.Command):  # a wrong entry in the table: our bug
            raise TypeError(f"{self._lazy[name]} is not a click command")
        if self._prepare is not None:
            self._prepare(command)
        return command
