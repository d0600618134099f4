"""What every hostile case checks: a one-line message and a database unchanged row for row."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the migration log included), to compare before and after."""
    with closing(sqlite3.connect(path)) as conn:
        names = [
            str(r[0])
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not str(r[0]).startswith("sqlite_")
        ]
        return {n: conn.execute(f"SELECT * FROM [{n}] ORDER BY rowid").fetchall() for n in names}


def one_line(message: str) -> str:
    text = message.strip()
    assert text, "no message at all"
    assert "\n" not in text, f"more than one line: {text!r}"
    assert "Traceback" not in text and "unexpected error" not in text.lower(), text
    assert len(text) < 400, f"a wall of text: {text!r}"
    return text
