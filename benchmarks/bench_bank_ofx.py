"""Benchmark: import a 50 000-transaction OFX file, ours against bare ofxtools.

Usage: python benchmarks/bench_bank_ofx.py [TRANSACTIONS] (default 50000). "Ours" is the
whole pipeline the import service runs: detect + parse + fingerprint + classify every
line. "ofxtools" is the library alone: OFXTree.parse + convert. Target: ours < 2× it.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from carnet.bank import PayerDirectory, classify, detect, fingerprint_lines

PAYERS = Path(__file__).resolve().parents[1] / "resources" / "payers.toml"
NAMES = ("VIR SEPA CPAM DE L ISERE", "EVI APRIL SANTE PREVOYAN", "PRLV SEPA EDF", "CB MONOP")


def make_ofx(count: int) -> bytes:
    head = (
        "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\n"
        "CHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX>\n"
        "<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>"
        "<DTSERVER>20250810120000<LANGUAGE>FRA</SONRS></SIGNONMSGSRSV1>\n"
        "<BANKMSGSRSV1><STMTTRNRS><TRNUID>0<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
        "<STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>13807<BRANCHID>00123<ACCTID>12345678901"
        "<ACCTTYPE>CHECKING</BANKACCTFROM>\n<BANKTRANLIST><DTSTART>20200101<DTEND>20251231\n"
    )
    start = date(2020, 1, 1)
    rows = []
    for i in range(count):
        day = (start + timedelta(days=i // 30)).strftime("%Y%m%d")
        cents = (i * 7919) % 200_000 - 100_000
        sign = "-" if cents < 0 else ""
        amount = f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"
        rows.append(
            f"<STMTTRN>\n<TRNTYPE>OTHER\n<DTPOSTED>{day}000000[+1:CET]\n<TRNAMT>{amount}\n"
            f"<FITID>F{i:09d}\n<NAME>{NAMES[i % 4]}\n<MEMO>REF {i}\n</STMTTRN>\n"
        )
    tail = (
        "</BANKTRANLIST>\n<LEDGERBAL><BALAMT>100.00<DTASOF>20251231</LEDGERBAL>\n"
        "</STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n"
    )
    return (head + "".join(rows) + tail).encode("cp1252")


def ours(data: bytes, directory: PayerDirectory) -> int:
    statement = detect(data, "big.ofx").parse(data, "big.ofx")
    fingerprint_lines("account", statement.lines)
    health = sum(classify(line, directory).health for line in statement.lines)
    return health


def bare_parse(data: bytes) -> int:
    statement = detect(data, "big.ofx").parse(data, "big.ofx")
    return len(statement.lines)


def ofxtools_parse(data: bytes) -> int:
    from ofxtools.Parser import OFXTree  # noqa: PLC0415 - optional, only to compare

    tree = OFXTree()
    tree.parse(io.BytesIO(data))
    return len(tree.convert().statements[0].transactions)


def timed(label: str, run: Callable[..., int], *args: object) -> float:
    started = time.perf_counter()
    result = run(*args)
    elapsed = time.perf_counter() - started
    print(f"{label:<44} {elapsed:7.3f} s   ({result})")
    return elapsed


def main(count: int) -> None:
    data = make_ofx(count)
    directory = PayerDirectory.from_file(PAYERS)
    print(f"OFX SGML, {count} transactions, {len(data) / 1e6:.1f} MB")
    ours_s = timed("ours: detect+parse+fingerprint+classify", ours, data, directory)
    timed("ours: detect+parse only", bare_parse, data)
    try:
        theirs = timed("ofxtools: OFXTree.parse + convert", ofxtools_parse, data)
    except ImportError:
        print("ofxtools not installed: no comparison")
        return
    print(f"ratio ours/ofxtools = {ours_s / theirs:.2f} (target < 2)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
