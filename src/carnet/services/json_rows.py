"""The rows of an export no form writes: imports, the history, assessments, deductions.

``storage.dump`` checks their shape (known columns, whole numbers, no NUL bytes);
here their meaning, with the bounds a statement import and the rules keep: days
from 1900 to 2199, amounts not negative and below 100 000 €, choices the program
knows, one-line texts without control characters. A file Carnet wrote passes; one
edited by hand with an absurd value is refused with the table, row and field,
before a view, a summary or the history trips over it.

The assessments and the deduction ledger's rows of acts are worked out again after
loading; their rows are checked all the same: a file with such rows in them is not
an export of Carnet, and saying so is better than loading it silently.
"""

from __future__ import annotations

import json
import re
from dataclasses import MISSING, fields
from datetime import date, datetime
from typing import Any

from carnet.bank.parsing import FIRST_YEAR, LAST_YEAR
from carnet.domain import limits
from carnet.domain.assessment import Assessment
from carnet.domain.banking import StatementImport
from carnet.domain.codes import Parcours
from carnet.domain.errors import ValidationError
from carnet.domain.messages import N_
from carnet.domain.validation import check_amount, check_field
from carnet.rules.tariffs import CONFIDENCES
from carnet.storage.repos.codec import converter, encode, field_hints, from_row

# The most lines a statement holds: a 100 MB file of lines of at least one byte.
MAX_LINES = 100_000_000
SHA256 = re.compile(r"[0-9a-f]{64}")
# A kind of record as the history names it ("act", "archived_person", "settlement_replay").
ENTITY = re.compile(r"[a-z][a-z_]{0,59}")
SOURCES = frozenset({"user", "undo", "redo"})
DEDUCTIONS = frozenset({"participation", "franchise", "withheld"})  # charged on an act
RECOVERED = "recovered"  # taken back from a transfer: the ledger's bank rows
CONFIDENCE = frozenset(CONFIDENCES)
PARCOURS = frozenset(p.value for p in Parcours)
FORMAT = limits.TextLimit(120)  # "csv:" and a CSV profile's name
ACTION = limits.TextLimit(120)  # "created", "printed:2026-03-02", "undo:edited"
CATEGORY = limits.CODE
EXPLANATION = limits.TextLimit(60)  # a line of the explanation: "amc.cover"
RULES_VERSION = limits.TextLimit(80)
AMOUNTS = tuple(f.name for f in fields(Assessment) if f.name.endswith("_cents"))
# How each field of an assessment row is read (the explanation apart).
_READERS = tuple(
    (name, converter(hint))
    for name, hint in field_hints(Assessment).items()
    if name != "explanation"
)
# The columns added after the first schema, as their migrations filled them.
_ASSESSMENT_DEFAULTS = {
    f.name: encode(f.default) for f in fields(Assessment) if f.default is not MISSING
}


def check_day(day: date | None, field: str) -> None:
    """A day from 1900 to 2199, as a statement import reads them."""
    if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(field, N_("{day} is not between 1900 and 2199"), day=day.isoformat())


def check_count(value: int, field: str, most: int) -> None:
    if not 0 <= value <= most:
        raise ValidationError(
            field, N_("{value} is not a count from 0 to {most}"), value=value, most=most
        )


def _day(text: object, field: str) -> date:
    try:
        day = date.fromisoformat(str(text))
    except ValueError:
        raise ValidationError(field, N_("{value} is not a date"), value=repr(text)[:40]) from None
    check_day(day, field)
    return day


def statement_import(row: dict[str, Any]) -> None:
    """One imported file: what the import wrote of it (its lines are in bank_transaction)."""
    record = from_row(StatementImport, row)
    check_field(record.format, "format", FORMAT, required=True)
    if not SHA256.fullmatch(record.file_sha256):
        raise ValidationError(
            "file_sha256", N_("is not a SHA-256 checksum (64 hexadecimal digits)")
        )
    check_day(record.first_date, "first_date")
    check_day(record.last_date, "last_date")
    if record.first_date and record.last_date and record.first_date > record.last_date:
        raise ValidationError("last_date", N_("comes before first_date"))
    check_count(record.added, "added", MAX_LINES)
    check_count(record.duplicates, "duplicates", MAX_LINES)


def event(row: dict[str, Any]) -> None:
    """One entry of the history, as the history view and undo read it."""
    if "at" in row:
        _moment(row["at"])
    entity = str(row.get("entity", ""))
    if not ENTITY.fullmatch(entity):
        raise ValidationError(
            "entity", N_("{value} is not a kind of record"), value=repr(entity)[:40]
        )
    if int(row.get("entity_id", 0)) < 1:
        raise ValidationError("entity_id", N_("an id is a whole number from 1"))
    check_field(str(row.get("action", "")), "action", ACTION, required=True)
    source = row.get("source", "user")
    if source not in SOURCES:
        raise ValidationError(
            "source", N_("{value} is not user, undo or redo"), value=repr(source)[:40]
        )


def _moment(value: object) -> None:
    """A time the history writes: ISO 8601 in UTC, ``2026-12-07T04:33:34.688Z``."""
    text = str(value)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError(
            "at", N_("{value} is not a date and time"), value=repr(text)[:40]
        ) from None
    check_day(moment.date(), "at")


def deduction(row: dict[str, Any]) -> None:
    """A participation, franchise or withheld amount of an act, or one recovered by a transfer."""
    day = _day(row.get("date"), "date")
    if row.get("year") != day.year:
        raise ValidationError("year", N_("is not the year of the date {day}"), day=day.isoformat())
    kind = row.get("kind")
    on_act = row.get("act_id") is not None
    if kind not in (DEDUCTIONS if on_act else {RECOVERED}):
        wanted = "participation, franchise, withheld" if on_act else RECOVERED
        raise ValidationError(
            "kind", N_("{value} is not one of: {choices}"), value=repr(kind)[:40], choices=wanted
        )
    check_amount(int(row.get("amount_cents", 0)), "amount_cents")


def assessment(row: dict[str, Any]) -> None:
    """An act's expected split; worked out again after loading, checked all the same.

    Each field is read as :func:`~carnet.storage.repos.assessments.assessment_of` reads
    it, without building the record (an export holds one row per act).
    """
    full = {**_ASSESSMENT_DEFAULTS, **row}  # an older export lacks the later columns
    split: dict[str, Any] = {}
    for name, convert in _READERS:
        try:
            split[name] = convert(full[name])
        except (ValueError, TypeError, ArithmeticError) as exc:
            raise ValidationError(
                name, N_("unreadable value ({reason})"), reason=str(exc)[:200]
            ) from None
    for name in AMOUNTS:
        check_amount(split[name], name)
    if split["amo_cents"] + split["amc_cents"] + split["patient_cents"] != split["fee_cents"]:
        raise ValidationError("fee_cents", N_("is not the sum of the AMO, AMC and patient shares"))
    rate = split["amo_rate"]
    if not rate.is_finite() or not 0 <= rate <= 1:
        raise ValidationError("amo_rate", N_("must be between 0 and 1"))
    if split["confidence"] not in CONFIDENCE:
        raise ValidationError(
            "confidence",
            N_("{value} is not sure, likely or unsure"),
            value=repr(split["confidence"])[:40],
        )
    if split["parcours"] and split["parcours"] not in PARCOURS:
        raise ValidationError(
            "parcours", N_("{value} is not a situation of the parcours de soins"),
            value=repr(split["parcours"])[:40],
        )  # fmt: skip
    check_field(split["category"], "category", CATEGORY, required=True)
    check_field(split["rules_version"], "rules_version", RULES_VERSION, required=True)
    check_day(split["deadline"], "deadline")
    _explanation(full["explanation"])


def _explanation(text: object) -> None:
    """The explanation's JSON: a list of ``[code, {name: value}]`` (the act's details)."""
    try:
        lines = json.loads(str(text))
    except (ValueError, RecursionError) as exc:
        raise ValidationError(
            "explanation", N_("unreadable value ({reason})"), reason=str(exc)[:200]
        ) from None
    if not isinstance(lines, list) or not all(
        isinstance(line, list)
        and len(line) == 2
        and isinstance(line[0], str)
        and isinstance(line[1], dict)
        for line in lines
    ):
        raise ValidationError(
            "explanation",
            N_("unreadable value ({reason})"),
            reason="not a list of [code, {name: value}]",
        )
    for code, _params in lines:
        check_field(code, "explanation", EXPLANATION, required=True)
