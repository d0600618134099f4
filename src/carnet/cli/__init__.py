"""The command-line front end: a click group whose commands sit on the services."""

from __future__ import annotations

from carnet.cli.root import cli

__all__ = ["cli"]
