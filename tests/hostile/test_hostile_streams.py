"""Hostile statements in the formats now read as they go (CFONB 120 and OFX), and a
hostile export piped into ``carnet load-json -``.

Each is refused in one line that names the file and the line, and the database stays
as it was, row for row, even when the refusal comes after a whole slice of lines was
written: the file is read as the lines are written, and an import is one transaction.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from carnet.app import Services, build_services
from carnet.domain.errors import CarnetError
from carnet.services.demo import build_demo
from tests.bank.test_streaming_formats import _cfonb, _ofx
from tests.conftest import TODAY
from tests.hostile.common import one_line, snapshot

MANY = 6_000  # more than a slice of 5 000 lines: one is written before the refusal


def _line_of(data: bytes, at: int) -> int:
    return data[:at].count(b"\n") + 1


def _ofx_bad_last_amount() -> tuple[bytes, str]:
    data = _ofx(MANY)
    at = data.rfind(b"<TRNAMT>+25,30")
    bad = data[:at] + b"<TRNAMT>douze" + data[at + len(b"<TRNAMT>+25,30") :]
    return bad, f"line {_line_of(bad, bad.rfind(b'<STMTTRN>'))}: not an amount"


def _ofx_cut() -> tuple[bytes, str]:
    data = _ofx(MANY).rsplit(b"</STMTTRN>", 1)[0]
    line = _line_of(data, data.rfind(b"<STMTTRN>"))
    return data, f"line {line}: transaction not closed: the file is truncated"


def _ofx_long_run() -> tuple[bytes, str]:
    data = _ofx(MANY).replace(b"<MEMO>214272", b"<MEMO>" + b"x" * 1_100_000, 1)
    return data, "characters without a tag: not an OFX statement"


def _cfonb_bad_last_amount() -> tuple[bytes, str]:
    data = _cfonb(MANY)
    at = data.rfind(b"\r\n04") + 2  # the last operation record
    bad = data[: at + 90] + b"00000000003x6H" + data[at + 104 :]
    return bad, f"line {_line_of(bad, at)}: not a CFONB amount"


def _cfonb_long_line() -> tuple[bytes, str]:
    records = _cfonb(MANY).split(b"\r\n")
    records.insert(5_500, b"04" + b"7" * 10_000)
    return b"\r\n".join(records), "line 5501: not a CFONB 120 record"


def _cfonb_cut() -> tuple[bytes, str]:
    data = _cfonb(MANY)[:-150]
    return data, "the last record is cut short: the file is truncated"


CASES = {
    "OFX, an amount in words after 6 000 transactions": _ofx_bad_last_amount,
    "OFX cut inside its last transaction": _ofx_cut,
    "OFX with a value of 1.1 million characters": _ofx_long_run,
    "CFONB, a broken amount after 6 000 operations": _cfonb_bad_last_amount,
    "CFONB with a line of 10 002 characters": _cfonb_long_line,
    "CFONB cut in its last record": _cfonb_cut,
}


@pytest.fixture
def demo(services: Services, db_path: Path) -> Path:
    build_demo(services.household, services.care, acts=20, today=TODAY)
    assert "Compte joint" in [a.name for a in services.household.bank_accounts()]
    return db_path


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_streamed_statement_is_refused_and_nothing_is_written(
    services: Services, demo: Path, tmp_path: Path, name: str
) -> None:
    data, words = CASES[name]()
    path = tmp_path / ("releve.ofx" if name.startswith("OFX") else "releve.txt")
    path.write_bytes(data)
    before = snapshot(demo)
    with pytest.raises(CarnetError) as caught:
        services.bank.import_path(path, "Compte joint")
    message = one_line(str(caught.value))
    assert message.startswith(f"{path.name}, line ") or message.startswith(path.name), message
    assert words in message
    assert snapshot(demo) == before


def test_the_good_part_of_each_imports(services: Services, demo: Path, tmp_path: Path) -> None:
    # The same files without their flaw are statements: the refusals above are the flaws'.
    for name, data in (("ok.ofx", _ofx(MANY)), ("ok.txt", _cfonb(MANY))):
        (tmp_path / name).write_bytes(data)
        report = services.bank.import_path(tmp_path / name, "Compte joint", dry_run=True)
        assert report.value.added + report.value.duplicates == MANY


def test_a_hostile_export_piped_into_load_json_is_refused(
    services: Services, tmp_path: Path
) -> None:
    build_demo(services.household, services.care, acts=30, today=TODAY)
    export = services.exports.json()
    broken = export[: len(export) * 2 // 3] + b"]]]"  # rows first, then broken JSON
    target = tmp_path / "target.sqlite"
    build_services(target, today=lambda: TODAY).close()  # a new, empty database
    before = snapshot(target)
    done = subprocess.run(
        [sys.executable, "-m", "carnet", "--db", str(target), "load-json", "-"],
        input=broken,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "not a JSON file" in one_line(done.stderr.decode())
    assert snapshot(target) == before
