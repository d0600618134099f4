"""Bank references are fingerprinted with bounded memory and the fingerprints they always had.

A reference (OFX ``FITID``) a bank repeats inside one file is told apart by its rank;
ranks used to be kept for every reference, so the heap grew with the file (about 60 MB
at 300 000 references). Now only the references are kept, as 64-bit keys, and a rank only
for a repeat. The fingerprints must not change: a statement imported by an older Carnet
(its fingerprints in the database) must still be recognised when imported again.
"""

from __future__ import annotations

import tracemalloc
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from carnet.app import Services
from carnet.bank import Fingerprinter, StatementLine, fingerprint_lines
from carnet.bank.fingerprints import _digest
from carnet.domain.money import Cents


def _ref_line(n: int, ref: str, account: str | None = None) -> StatementLine:
    return StatementLine(
        date(2025, 3, 5) + timedelta(days=n // 7),
        Cents(100 * n),
        "X",
        bank_ref=ref,
        account_id=account,
    )


def _as_before(account_key: str, lines: list[StatementLine]) -> list[str]:
    """The fingerprints of references as the whole-file dictionary of ranks gave them."""
    ranks: dict[tuple[str, str], int] = {}
    prints = []
    for line in lines:
        assert line.bank_ref
        account = f"{account_key}/{line.account_id or ''}"
        rank = ranks.get((account, line.bank_ref), 0)
        ranks[(account, line.bank_ref)] = rank + 1
        prints.append(_digest("v1", account, "ref", line.bank_ref, rank))
    return prints


def test_the_fingerprints_of_references_are_those_carnet_always_wrote() -> None:
    # Written by Carnet before this change (the dictionary of ranks), for a file
    # repeating FIT1 three times and FIT2 twice, the last FIT2 in a second account.
    refs = ["FIT1", "FIT2", "FIT1", "FIT1", "FIT3", "FIT2"]
    lines = [_ref_line(n, ref, "B" if n == 5 else None) for n, ref in enumerate(refs)]
    assert fingerprint_lines("carnet", lines) == [
        "c41e628d52b76b9b7ef956772c3973d9",
        "65a55bd232e6565543d24a338c211934",
        "31cf81130023a1e9c46f3c8c0d4387dc",
        "8d53fe7a22be031a170ca4aedcf72568",
        "d4c9f73682158a710dd737a1222be5ad",
        "8252e42fe84bb2934c6184161a28d8ea",
    ]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["A", "B", "FIT-1", "é", "x" * 40]), st.sampled_from([None, "2"])
        ),
        max_size=60,
    )
)
def test_any_mix_of_repeated_references_fingerprints_as_before(
    refs: list[tuple[str, str | None]],
) -> None:
    lines = [_ref_line(n, ref, account) for n, (ref, account) in enumerate(refs)]
    assert fingerprint_lines("carnet", lines) == _as_before("carnet", lines)


def test_many_references_are_kept_in_bounded_memory() -> None:
    # 40 000 distinct references: the dictionary of ranks held about 8 MB of them
    # (about 200 bytes each); the keys take 16 bytes each (an array at most half full,
    # and the old one beside the new while it grows).
    fingerprinter = Fingerprinter("carnet", ordered=True)
    lines = (_ref_line(n, f"FITID{n:012d}") for n in range(40_000))
    tracemalloc.start()
    try:
        for line in lines:
            fingerprinter(line)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000, peak


def _ofx(fitids: list[str], first_day: date) -> bytes:
    transactions = "".join(
        f"<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>{(first_day + timedelta(days=n)):%Y%m%d}"
        f"<TRNAMT>{n + 1},50<FITID>{fitid}<NAME>VIR CPAM</STMTTRN>\n"
        for n, fitid in enumerate(fitids)
    )
    return (
        "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n<OFX><BANKMSGSRSV1>"
        "<STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>12345</BANKACCTFROM>"
        f"<BANKTRANLIST>\n{transactions}</BANKTRANLIST></STMTRS></STMTTRNRS>"
        "</BANKMSGSRSV1></OFX>\n"
    ).encode("cp1252")


def test_reimporting_an_older_statement_with_repeated_references_adds_nothing(
    services: Services,
) -> None:
    # A bank that reuses one FITID within a file (seen at a few French banks).
    older = _ofx(["R1", "R2", "R1", "R3", "R1"], date(2025, 1, 1))
    newer = _ofx(["R1", "R2", "R1", "R3", "R1", "R1", "R4"], date(2025, 1, 1))
    first = services.bank.import_file(older, "older.ofx").value
    assert (first.added, first.duplicates) == (5, 0)
    again = services.bank.import_file(older, "older.ofx").value
    assert (again.added, again.duplicates) == (0, 5)
    overlap = services.bank.import_file(newer, "newer.ofx").value
    assert (overlap.added, overlap.duplicates) == (2, 5)  # the fourth R1, and R4
