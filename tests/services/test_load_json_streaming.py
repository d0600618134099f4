"""load-json reads an export as it goes (issue 20): memory holds a slice of rows.

The export is handed over as an open file, or as standard input (a pipe, read
once, never sought); rows are built one at a time and inserted and checked a slice
at a time, so the Python heap a load needs does not grow with the export. The
slice is made small here so that small demos span many slices;
benchmarks/bench_load_json.py gives the resident memory of a real load.
"""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import BinaryIO

import pytest

from carnet.app import Services, build_services
from carnet.cli.common import open_input
from carnet.domain.errors import CarnetError
from carnet.services import json_load
from carnet.services.demo import build_demo
from carnet.services.input_files import MAX_EXPORT_BYTES, MB, InputFileError

TODAY = date(2026, 11, 28)


def _export(folder: Path, acts: int) -> Path:
    source = build_services(folder / f"source-{acts}.sqlite", today=lambda: TODAY)
    build_demo(source.household, source.care, acts=acts, today=TODAY)
    path = folder / f"export-{acts}.json"
    path.write_bytes(source.exports.json())
    source.close()
    return path


class _Pipe(io.RawIOBase):
    """A file read as a pipe gives it: in pieces, never sought (as standard input)."""

    def __init__(self, source: BinaryIO) -> None:
        super().__init__()
        self.source = source

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.source.read(min(len(buffer), 65536))
        buffer[: len(data)] = data
        return len(data)


@contextmanager
def _opened(
    export: Path, how: str, monkeypatch: pytest.MonkeyPatch, limit: int = MAX_EXPORT_BYTES
) -> Iterator[BinaryIO]:
    """The export as ``carnet load-json`` opens it: its path, or ``-`` with it piped in."""
    with export.open("rb") as stream:
        if how == "standard input":
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(_Pipe(stream))))
        with open_input(export if how == "file" else Path("-"), limit) as opened:
            assert opened.seekable() == (how == "file")
            yield opened


def _peak_heap(
    folder: Path, export: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, int]:
    """Rows loaded from the open file, and the peak of the Python heap while opening
    and loading it (standard input read whole would count here)."""
    target = build_services(folder / f"target-{export.stem}-{how}.sqlite", today=lambda: TODAY)
    tracemalloc.start()
    try:
        with _opened(export, how, monkeypatch) as stream:
            count = target.exports.load_json(stream)
            peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert target.care.count() > 0
    target.close()
    return count, peak


@pytest.mark.parametrize("how", ["file", "standard input"])
def test_the_heap_of_a_load_does_not_grow_with_the_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    # Standard input was read whole before: 2000 acts gave 3.4 times the heap of 500.
    monkeypatch.setattr(json_load, "SLICE", 100)
    small, large = _export(tmp_path, 500), _export(tmp_path, 2000)
    assert large.stat().st_size > 3.5 * small.stat().st_size
    small_rows, small_peak = _peak_heap(tmp_path, small, how, monkeypatch)
    large_rows, large_peak = _peak_heap(tmp_path, large, how, monkeypatch)
    assert large_rows > 3.5 * small_rows
    # Four times the rows: a whole-file parse needed about four times the heap (the
    # parsed document alone is several times the file); a streamed load, nearly the same.
    assert large_peak < 1.6 * small_peak, (small_peak, large_peak)
    assert large_peak < large.stat().st_size / 2, (large_peak, large.stat().st_size)


def test_a_refused_row_is_named_across_slices_and_nothing_loads(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_load, "SLICE", 100)
    build_demo(services.household, services.care, acts=400, today=TODAY)
    doc = json.loads(services.exports.json())
    doc["tables"]["care_act"][250]["act_code"] = "ZZZ9"  # in the third slice
    target = build_services(tmp_path / "target.sqlite", today=lambda: TODAY)
    with pytest.raises(CarnetError, match=r"care_act, row 251: .*unknown act code"):
        target.exports.load_json(io.BytesIO(json.dumps(doc).encode()))
    assert target.care.count() == 0 and target.household.people() == []
    target.close()


def test_a_table_given_twice_is_refused(services: Services) -> None:
    raw = (
        b'{"format": "carnet-export", "version": 1, "schema": [], '
        b'"tables": {"setting": [], "setting": []}}'
    )
    with pytest.raises(CarnetError, match="table setting appears twice"):
        services.exports.load_json(raw)
    assert services.household.people() == []


def test_a_streamed_load_gives_back_the_export(services: Services, tmp_path: Path) -> None:
    build_demo(services.household, services.care, acts=300, today=TODAY)
    path = tmp_path / "export.json"
    path.write_bytes(services.exports.json())
    target = build_services(tmp_path / "target.sqlite", today=lambda: TODAY)
    with path.open("rb") as stream:
        count = target.exports.load_json(stream)
    again = json.loads(target.exports.json())
    original = json.loads(path.read_bytes())
    target.close()
    assert count >= 300
    assert again["tables"]["care_act"] == original["tables"]["care_act"]
    assert again["tables"]["person"] == original["tables"]["person"]


def test_standard_input_past_its_limit_is_refused_and_nothing_loads(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_demo(services.household, services.care, acts=20, today=TODAY)
    export = tmp_path / "export.json"
    export.write_bytes(services.exports.json() + b" " * (2 * MB))  # valid, but too long
    target = build_services(tmp_path / "target.sqlite", today=lambda: TODAY)
    with (
        _opened(export, "standard input", monkeypatch, MB) as stream,
        pytest.raises(InputFileError) as caught,
    ):
        target.exports.load_json(stream)
    assert str(caught.value) == "standard input is larger than 1 MB, more than Carnet reads"
    assert target.care.count() == 0 and target.household.people() == []
    target.close()
