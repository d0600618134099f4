"""Fuzzing every statement importer and load-json: no input may escape as a traceback.

Each generated input is a real sample file (one per format) mangled by hypothesis:
bytes replaced, inserted, cut, lines repeated, numbers made huge. Importers may
only answer a statement or ``BankFileError``; the import service and load-json
only a :class:`CarnetError`, and a refused load leaves the database empty.

The CFONB 120 and OFX readers, which read as they go, are also compared with the
whole-file readers they replaced, refusals and their line numbers included.

CI runs :data:`EXAMPLES` inputs per test (over 2 000 in all); ``make fuzz`` sets
``CARNET_FUZZ_EXAMPLES`` for 20 000 or more.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carnet.app import Services, build_services
from carnet.bank import BankFileError, parse_statement
from carnet.bank.importers import Importer, builtin_importers
from carnet.bank.model import Statement
from carnet.domain.errors import CarnetError
from carnet.services.demo import build_demo
from tests.bank.whole_cfonb import parse_cfonb
from tests.bank.whole_ofx import parse_ofx
from tests.conftest import TODAY

EXAMPLES = int(os.environ.get("CARNET_FUZZ_EXAMPLES", "700"))
SAMPLES = sorted((Path(__file__).parent.parent / "data" / "bank").iterdir())
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # CI must not find a new failure by chance on an unrelated change
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NASTY = [
    b"\x00",
    b"\xff",
    b"\xef\xbb\xbf",
    b";",
    b",",
    b'"',
    b"\n",
    b"\r",
    b"<",
    b"&#0;",
    b"9" * 30,
    b"-",
    b"/",
    b"31/02/2024",
    b"2024-13-45",
    b"\xe2\x80\xae",
    b"<![CDATA[",
]


@st.composite
def mangled(draw: st.DrawFn, samples: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(samples)))
    for _ in range(draw(st.integers(0, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.integers(0, 4))
        if action == 0:
            data[at] = draw(st.integers(0, 255))
        elif action == 1:
            data[at:at] = draw(st.sampled_from(NASTY))
        elif action == 2:
            del data[at : at + draw(st.integers(1, 40))]
        elif action == 3:
            data = data[:at]
        else:
            end = data.find(b"\n", at)
            line = data[at : end + 1 if end >= 0 else len(data)]
            data[at:at] = line * draw(st.integers(1, 5))
    return bytes(data)


SAMPLE_BYTES = [path.read_bytes() for path in SAMPLES]
NAMES = st.sampled_from([p.name for p in SAMPLES] + ["x.csv", "x.ofx", "noname"])


@FUZZ
@given(data=st.one_of(mangled(SAMPLE_BYTES), st.binary(max_size=2000)), name=NAMES)
def test_every_importer_answers_a_statement_or_a_file_error(data: bytes, name: str) -> None:
    for importer in builtin_importers():
        whole = streamed = None
        try:
            importer.identify(data, name)
            whole = importer.parse(data, name).lines
        except BankFileError as exc:
            assert "\n" not in str(exc).strip()
        try:  # read as it goes, as an import does: the same lines, or a file error
            streamed = tuple(importer.read(io.BytesIO(data), name))
        except BankFileError as exc:
            assert "\n" not in str(exc).strip()
        assert streamed == whole


BANK = Path(__file__).parent.parent / "data" / "bank"
CFONB = (BANK / "statement.cfonb120.txt").read_bytes()
OFX = [(BANK / name).read_bytes() for name in ("bpce_sgml.ofx", "xml_v2.ofx", "really_ofx.qif")]
# Each format's shapes: CFONB with CRLF, LF or no line breaks; OFX SGML and XML.
STREAMED_SAMPLES = [CFONB, CFONB.replace(b"\r\n", b""), CFONB.replace(b"\r\n", b"\n"), *OFX]
# The readers that stream a format its whole-file reader used to read: the old reader
# is kept in tests/bank as the reference they must agree with, refusals included.
REFERENCES: dict[str, Callable[[bytes, str], Statement]] = {
    "cfonb120": parse_cfonb,
    "ofx": parse_ofx,
}
STREAMED = [i for i in builtin_importers() if i.name in REFERENCES]


def _whole(importer: str, data: bytes, name: str) -> object:
    try:
        return REFERENCES[importer](data, name).lines
    except BankFileError as exc:
        return (exc.line, exc.problem)


def _streamed(importer: Importer, data: bytes, name: str) -> object:
    try:
        return tuple(importer.read(io.BytesIO(data), name))
    except BankFileError as exc:
        return (exc.line, exc.problem)


@FUZZ
@given(
    data=st.one_of(
        mangled(STREAMED_SAMPLES),
        mangled(SAMPLE_BYTES),
    ),
    name=NAMES,
)
def test_streamed_readers_agree_with_the_whole_readers_they_replace(data: bytes, name: str) -> None:
    for importer in STREAMED:
        assert _streamed(importer, data, name) == _whole(importer.name, data, name), importer.name


@pytest.fixture(scope="module")
def memory() -> Iterator[Services]:
    services = build_services(None, today=lambda: TODAY)
    yield services
    services.close()


@FUZZ
@given(data=mangled(SAMPLE_BYTES), name=NAMES)
def test_the_import_service_refuses_cleanly(memory: Services, data: bytes, name: str) -> None:
    with contextlib.suppress(BankFileError):
        parse_statement(data, name)
    with contextlib.suppress(CarnetError):
        memory.bank.import_file(data, name, dry_run=True)


@pytest.fixture(scope="module")
def export_text() -> bytes:
    source = build_services(None, today=lambda: TODAY)
    build_demo(source.household, source.care, acts=12, today=TODAY)
    raw = source.exports.json()
    source.close()
    # Compact: the fuzzer's edits then land on values, not on indentation.
    return json.dumps(json.loads(raw), separators=(",", ":")).encode()


def _json_values() -> st.SearchStrategy[object]:
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True),
        st.text(max_size=30),
        st.sampled_from(["2024-02-30", "0001-01-01", "x\x00y", "\u202eevil", "1e999", "[]"]),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=5), st.none(), max_size=2),
    )


# The tables no form writes, each checked by load-json since a fuzzed value got through.
UNFORMED = ("statement_import", "event", "assessment", "deduction_ledger")


@st.composite
def edited_export(draw: st.DrawFn, raw: bytes, only: tuple[str, ...] = ()) -> bytes:
    doc = json.loads(raw)
    tables = doc["tables"]
    for _ in range(draw(st.integers(1, 4))):
        table = draw(st.sampled_from(only or sorted(tables)))
        rows = tables[table]
        if not rows:
            continue
        row = rows[draw(st.integers(0, len(rows) - 1))]
        column = draw(st.sampled_from(sorted(row)))
        row[column] = draw(_json_values())
    return json.dumps(doc, allow_nan=True).encode()


@FUZZ
@given(st.data())
def test_load_json_refuses_cleanly_and_loads_all_or_nothing(
    memory: Services, export_text: bytes, data: st.DataObject
) -> None:
    raw = data.draw(st.one_of(edited_export(export_text), mangled([export_text])))
    _loaded_or_refused(memory, raw)


@FUZZ
@given(st.data())
def test_rows_no_form_writes_load_only_when_they_read_back(
    memory: Services, export_text: bytes, data: st.DataObject
) -> None:
    """Every input edits only these tables (among all of them they were seldom reached)."""
    _loaded_or_refused(memory, data.draw(edited_export(export_text, UNFORMED)))


def _loaded_or_refused(memory: Services, raw: bytes) -> None:
    store = memory.store
    try:
        memory.exports.load_json(raw)
    except CarnetError:
        assert store.count_acts() == 0
        assert not store.ledger.conn.execute("SELECT 1 FROM person").fetchone()
        return
    # It loaded (the edit was harmless): what it loaded reads, the history and the
    # imports included; then the database is emptied for the next input.
    memory.care.summaries()
    memory.bank.last_imports()
    for (op,) in store.ledger.conn.execute("SELECT id FROM operation").fetchall():
        store.events.events_of(op)
    _empty(memory)


def _empty(services: Services) -> None:
    conn = services.store.ledger.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT IN ('_sqlite_migrations', 'act_count', 'event')"
        )
    ]
    with conn:
        for name in names:
            conn.execute(f"DELETE FROM [{name}]")
    conn.execute("PRAGMA foreign_keys = ON")
