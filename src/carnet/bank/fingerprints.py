"""Stable fingerprints so that re-importing a file, or an overlapping one, adds nothing twice.

A line with a bank reference (OFX ``FITID``, camt ``AcctSvcrRef``) is identified by it.
Other lines are identified by (account, date, amount, normalised label, occurrence), where
*occurrence* is the rank of that same (date, amount, label) triple within the file.

Why the occurrence index works for overlaps: identical triples share their date, so all
of them sit on one day. Two exports that both cover that whole day hold the same number
of them and give them ranks 0…n−1: nothing is added twice, yet two genuine identical rows
(two 25 € consultations refunded the same day) keep two fingerprints. When the earlier
export was taken in the middle of that day, it holds the first k of them; the later export
holds all n, ranks 0…k−1 are recognised and only k…n−1 are new, which is right. Rows are
identical in every field we keep, so which physical row gets which rank does not matter.

The label is normalised (upper case, no accents, single spaces) because banks re-wrap
multi-line labels (Crédit Agricole) differently from one export to the next. A bank
reference is also counted by occurrence, which only matters for the rare bank that
repeats one ``FITID`` inside a file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from carnet.bank.model import StatementLine
from carnet.bank.parsing import fold

VERSION = "v1"


def _digest(*parts: object) -> str:
    text = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def fingerprint_lines(account_key: str, lines: Sequence[StatementLine]) -> list[str]:
    """One fingerprint per line, in order; equal fingerprints mean the same bank operation.

    ``account_key`` identifies the account the lines belong to (the service's bank account
    id); a line's own ``account_id`` (multi-account files) is added to it.
    """
    seen: dict[tuple[object, ...], int] = {}
    out: list[str] = []
    for line in lines:
        account = f"{account_key}/{line.account_id or ''}"
        if line.bank_ref:
            key: tuple[object, ...] = (account, "ref", line.bank_ref)
        else:
            key = (account, "row", line.date.isoformat(), int(line.amount_cents), fold(line.label))
        rank = seen.get(key, 0)
        seen[key] = rank + 1
        out.append(_digest(VERSION, *key, rank))
    return out
