"""Garbage and truncated files only ever raise BankFileError."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carnet.bank import BankFileError, parse_statement
from carnet.bank.importers import builtin_importers

DATA = Path(__file__).resolve().parents[1] / "data" / "bank"
SAMPLES = sorted(DATA.iterdir())
HEADS = [
    b"OFXHEADER:100\nDATA:OFXSGML\n<OFX><STMTTRN><DTPOSTED>",
    b"<?xml version='1.0'?><Document><BkToCstmrStmt><Stmt><Ntry>",
    b"!Type:Bank\nD",
    b"01300040000100123EUR2 12345678901",
    "Date;Libellé;Débit Euros;Crédit Euros;\n".encode("cp1252"),
    b"dateOp;dateVal;label;category;categoryParent;amount\n",
]


def _parse_or_refuse(data: bytes, name: str) -> None:
    try:
        parse_statement(data, name)
    except BankFileError as error:
        assert error.file == name
        assert error.problem


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(HEADS), st.binary(max_size=400))
def test_garbage_after_a_plausible_head(head: bytes, tail: bytes) -> None:
    _parse_or_refuse(head + tail, "garbage.dat")


@settings(max_examples=200)
@given(st.binary(max_size=600))
def test_random_bytes(data: bytes) -> None:
    _parse_or_refuse(data, "random.bin")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SAMPLES), st.floats(min_value=0, max_value=1), st.binary(max_size=8))
def test_every_sample_cut_anywhere_or_spliced(path: Path, where: float, splice: bytes) -> None:
    data = path.read_bytes()
    cut = int(len(data) * where)
    _parse_or_refuse(data[:cut] + splice, path.name)


@settings(max_examples=100)
@given(st.binary(max_size=300))
def test_every_importer_parse_directly(data: bytes) -> None:
    for importer in builtin_importers():
        with contextlib.suppress(BankFileError):
            importer.parse(data, "direct.bin")
