"""Benchmark: peak memory of the formats read as they go (CFONB 120, OFX, load-json -).

Usage: python benchmarks/bench_streaming_formats.py [LINES] [FORMAT…] (default 300000,
every format; FORMAT is one of cfonb, sgml, xml, json).
Writes a CFONB 120 statement, an OFX 1.x (SGML) and an OFX 2.x (XML) statement of
LINES operations each (all under the 100 MB limit), then, each in a process of its
own so that its peak resident memory is its own:

- reads the file with the importer's ``read`` (as the import service does), counting
  the lines;
- imports it with ``carnet import FILE`` into a new database (the whole service);
- imports it again from a pipe, ``cat FILE | carnet import -``, into another one;

and pipes the JSON export of a 20 000-act demo into ``carnet load-json -``.
Wall-clock and CPU seconds and the peak RSS of each process are printed. To see what
it cost before these streamed, run this script with ``PYTHONPATH`` set to an older
``src`` (its ``read`` then read OFX and CFONB whole, and load-json read standard input
whole).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from cpu_clock import load_average, measured

from carnet.app import build_services
from carnet.bank.importers import detect
from carnet.services.demo import build_demo
from carnet.services.input_files import MB

TODAY = date(2026, 11, 28)
LABELS = ("VIR SEPA CPAM DE L ISERE", "EVI APRIL SANTE PREVOYAN", "PRLV SEPA EDF", "CB MONOP")


def _day(n: int) -> date:
    return date(2015, 1, 1) + timedelta(days=n // 60)


# Records of tests/data/bank/statement.cfonb120.txt; an operation's date is at 34:40,
# its label at 48:79 and its amount at 90:104, a complement's text at 48:118.
OLD_BALANCE = "0130004    00123EUR2 12345678901  010325" + " " * 50 + "0000000010000{" + " " * 16
OPERATION = "0430004000100123EUR2 1234567890105070325  070325" + " " * 72
COMPLEMENT = "0530004000100123EUR2 1234567890105070325     NPY" + " " * 72
NEW_BALANCE = "0730004    00123EUR2 12345678901  100325" + " " * 50 + "0000000097738{" + " " * 16


def make_cfonb(count: int) -> bytes:
    """An old balance, then per operation a 04 and a 05 (the payer), a new balance."""
    records = [OLD_BALANCE]
    for n in range(count):
        cents = (n * 7919) % 200_000 - 100_000
        last = ("{ABCDEFGHI" if cents >= 0 else "}JKLMNOPQR")[abs(cents) % 10]
        amount = f"{abs(cents) // 10:013d}{last}"
        label = f"{LABELS[n % 4]} {n}"[:31].ljust(31)
        day = _day(n).strftime("%d%m%y")
        operation = OPERATION[:34] + day + OPERATION[40:48] + label
        records.append(operation + OPERATION[79:90] + amount + OPERATION[104:])
        records.append(COMPLEMENT[:48] + LABELS[n % 4].ljust(72))
    records.append(NEW_BALANCE)
    return "".join(r + "\r\n" for r in records).encode("ascii")


def make_ofx(count: int, xml: bool) -> bytes:
    """A BPCE-like SGML statement (leaves not closed), or the same in OFX 2.x XML."""

    def leaf(tag: str, value: str) -> str:
        return f"<{tag}>{value}</{tag}>" if xml else f"<{tag}>{value}\n"

    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<?OFX OFXHEADER="200" VERSION="220"?>\n'
        if xml
        else "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n"
    )
    parts = [
        head,
        "<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR</CURDEF>\n",
        "<BANKACCTFROM>" + leaf("ACCTID", "12345678901") + "</BANKACCTFROM>\n<BANKTRANLIST>\n",
    ]
    for n in range(count):
        cents = (n * 7919) % 200_000 - 100_000
        sign = "-" if cents < 0 else "+"
        fields = (
            leaf("TRNTYPE", "CREDIT" if cents >= 0 else "DEBIT")
            + leaf("DTPOSTED", _day(n).strftime("%Y%m%d"))
            + leaf("TRNAMT", f"{sign}{abs(cents) // 100},{abs(cents) % 100:02d}")
            + leaf("FITID", f"F{n:09d}")
            + leaf("NAME", LABELS[n % 4])
            + leaf("MEMO", f"REF {n}")
        )
        parts.append(f"<STMTTRN>\n{fields}</STMTTRN>\n")
    ledger = leaf("BALAMT", "100,00") + leaf("DTASOF", "20251231")
    parts.append(f"</BANKTRANLIST><LEDGERBAL>{ledger}</LEDGERBAL>\n")
    parts.append("</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n")
    return "".join(parts).encode("utf-8")


def _high_water_mb() -> float:
    """This process's own peak resident memory."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child_read(path: Path) -> None:
    """In a child: read the statement as the import service does."""
    with measured() as took, path.open("rb") as stream:
        importer = detect(stream.read(1 << 16), path.name)
        count = sum(1 for _ in importer.read(stream, path.name))
    print(count, took.wall, took.cpu, _high_water_mb())


def child_cli(args: list[str]) -> None:
    """In a child: run the command line in this process, then say what it cost."""
    from carnet.main import main  # noqa: PLC0415 (the child only)

    with measured() as took:
        try:
            main(args)
        except SystemExit as done:
            if done.code:
                raise
    print(0, took.wall, took.cpu, _high_water_mb(), file=sys.stderr)


def _run(args: list[str], stdin: Path | None = None) -> tuple[float, float, float]:
    """Run this script as a child; ``stdin`` is piped in by ``cat`` (a real pipe)."""
    cat = subprocess.Popen(["cat", str(stdin)], stdout=subprocess.PIPE) if stdin else None
    try:
        done = subprocess.run(
            [sys.executable, __file__, *args],
            check=True,
            capture_output=True,
            stdin=cat.stdout if cat else None,
        )
    finally:
        if cat is not None:
            cat.wait()
    words = (done.stdout if args[0] == "--read" else done.stderr).split()[-3:]
    wall, cpu, rss = (float(w) for w in words)
    return wall, cpu, rss


FORMATS = {
    "cfonb": ("CFONB 120", "big.cfonb120.txt", make_cfonb),
    "sgml": ("OFX 1.x SGML", "big-sgml.ofx", lambda count: make_ofx(count, xml=False)),
    "xml": ("OFX 2.x XML", "big-xml.ofx", lambda count: make_ofx(count, xml=True)),
}


def main(lines: int, only: list[str]) -> None:
    print(f"{lines} operations a file; load average {load_average()}")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for key, (name, file_name, make) in FORMATS.items():
            if only and key not in only:
                continue
            path, data = root / file_name, make(lines)
            path.write_bytes(data)
            size = len(data) / MB
            del data
            wall, cpu, rss = _run(["--read", str(path)])
            print(
                f"{name:13} {size:5.1f} MB  read:   {wall:6.2f} s wall {cpu:6.2f} s CPU "
                f"peak RSS {rss:4.0f} MB"
            )
            db = root / f"{path.stem}.sqlite"
            wall, cpu, rss = _run(["--cli", "--db", str(db), "import", str(path)])
            print(
                f"{'':13} {'':5}     import: {wall:6.2f} s wall {cpu:6.2f} s CPU "
                f"peak RSS {rss:4.0f} MB (carnet import FILE)"
            )
            piped = root / f"{path.stem}-piped.sqlite"
            wall, cpu, rss = _run(["--cli", "--db", str(piped), "import", "-"], stdin=path)
            print(
                f"{'':13} {'':5}     import: {wall:6.2f} s wall {cpu:6.2f} s CPU "
                f"peak RSS {rss:4.0f} MB (cat FILE | carnet import -)"
            )
        if not only or "json" in only:
            _load_json(root)
    print(f"load average after: {load_average()}")


def _load_json(root: Path, acts: int = 20_000) -> None:
    source = build_services(root / "source.sqlite", today=lambda: TODAY)
    build_demo(source.household, source.care, acts=acts, today=TODAY)
    export = root / "export.json"
    export.write_bytes(source.exports.json())
    source.close()
    db = str(root / "loaded.sqlite")
    wall, cpu, rss = _run(["--cli", "--db", db, "load-json", "-"], stdin=export)
    size = export.stat().st_size / MB
    print(
        f"load-json -  {size:5.1f} MB  ({acts}-act demo's export piped in): "
        f"{wall:6.2f} s wall {cpu:6.2f} s CPU peak RSS {rss:4.0f} MB"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--read"]:
        child_read(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["--cli"]:
        child_cli(sys.argv[2:])
    else:
        main(int(sys.argv[1]) if sys.argv[1:] else 300_000, sys.argv[2:])
