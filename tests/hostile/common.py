"""What every hostile case checks: a one-line message and a database unchanged row for row."""

from __future__ import annotations

import io
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from carnet.app import build_services
from carnet.domain.errors import CarnetError
from carnet.services.input_files import MAX_EXPORT_BYTES, stream_limited
from tests.conftest import TODAY


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


def load_refused(tmp_path: Path, raw: bytes) -> str:
    """The one-line message of a refused load-json into a new database, which must be
    left unchanged; the same message from a file and from standard input."""
    db = tmp_path / "target.sqlite"
    services = build_services(db, today=lambda: TODAY)
    before = snapshot(db)
    with pytest.raises(CarnetError) as caught:
        services.exports.load_json(raw)
    # Standard input: the same bytes in one pass, never sought (load-json -).
    piped = stream_limited(io.BytesIO(raw), MAX_EXPORT_BYTES, "standard input")
    with piped as stream, pytest.raises(CarnetError) as from_pipe:
        services.exports.load_json(stream)
    services.close()
    assert snapshot(db) == before
    assert str(from_pipe.value) == str(caught.value)
    return one_line(str(caught.value))
