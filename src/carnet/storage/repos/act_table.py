"""The care table's read model: which acts match an :class:`ActQuery`, in order, and their rows.

Filtering and sorting run in SQL, so the window never holds 100 000 rows: it
asks for the ordered ids (a few hundred kilobytes) and reads the rows it
paints a page at a time. This module uses the plain ``sqlite3`` connection, not
sqlite-utils: it is on the start-up path and needs nothing more than SELECT.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any, cast

from carnet.domain.act_query import ActQuery, ActSort, ActSummary, TextTerm, fold
from carnet.domain.codes import Channel, PaymentMode
from carnet.domain.ids import ActId, PersonId, PractitionerId
from carnet.domain.money import Cents

# The assessed shares and the row status are read from their copies on care_act,
# which triggers keep equal to the assessment and the expected payments (see
# storage/schema_row_status.py, TABLE_KEYS_SCHEMA): the rows shown and the order they are
# sorted in come from the same columns.
SUMMARY_SQL = """
SELECT a.id, a.date, a.person_id, a.act_code, a.category, a.fee_cents, a.channel,
       a.payment_mode,
       trim(p.first_name || ' ' || p.last_name) AS person_name,
       coalesce(pr.name, '') AS practitioner_name,
       a.amo_cents, a.amc_cents, a.patient_cents, a.row_status AS status
FROM care_act a
JOIN person p ON p.id = a.person_id
LEFT JOIN practitioner pr ON pr.id = a.practitioner_id
"""

_OPEN = "e.status IN ('pending', 'partly-paid')"
_SORT_SQL = {
    ActSort.DATE: "a.date",
    ActSort.ACT: "a.act_code",
    ActSort.CATEGORY: "a.category",
    ActSort.FEE: "a.fee_cents",
    ActSort.AMO: "a.amo_cents",
    ActSort.AMC: "a.amc_cents",
    ActSort.PATIENT: "a.patient_cents",
    ActSort.STATUS: "a.row_status",
}
# The shares and row status are copies kept on care_act by triggers, each with
# an index. Amounts of an act not assessed yet are
# NULL, which SQLite sorts before every amount (after, descending), as the table
# always did.


class ActTable:
    """Answers the care table over one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def ids(self, query: ActQuery, limit: int | None = None) -> list[ActId]:
        """The ids of the acts that pass every filter of ``query``, in its order.

        ``limit``: only the first ones (the first screen, before the rest is read).
        """
        sql, params = self._select(query)
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        # ActId is a NewType (the int itself): no per-row call for 100 000 rows.
        return cast(list[ActId], [row[0] for row in self.conn.execute(sql, params).fetchall()])

    def rows(self, ids: Sequence[int]) -> list[ActSummary]:
        """The summaries of ``ids``, in the order given (unknown ids are left out)."""
        sql = SUMMARY_SQL + " WHERE a.id IN (SELECT value FROM json_each(?))"
        found = {row.id: row for row in summaries(self.conn.execute(sql, [_int_array(ids)]))}
        return [found[ActId(i)] for i in ids if i in found]

    def people(self) -> list[tuple[PersonId, str]]:
        """``(id, full name)`` of every person, by last then first name (as the Household page)."""
        sql = "SELECT id, first_name, last_name FROM person"
        rows = sorted(
            self.conn.execute(sql).fetchall(), key=lambda r: (fold(r[2]), fold(r[1]), r[0])
        )
        return [(PersonId(i), f"{first} {last}".strip()) for i, first, last in rows]

    def latest_codes(self) -> dict[PractitionerId, str]:
        """The act code of the most recent act with each practitioner."""
        sql = """SELECT pr.id, a.act_code FROM care_act a
            JOIN practitioner pr ON pr.id = a.practitioner_id
            WHERE a.id = (SELECT b.id FROM care_act b WHERE b.practitioner_id = pr.id
                          ORDER BY b.date DESC, b.id DESC LIMIT 1)"""
        return {PractitionerId(ident): str(code) for ident, code in self.conn.execute(sql)}

    # -- building the SELECT ---------------------------------------------------------
    def _select(self, query: ActQuery) -> tuple[str, list[Any]]:
        where, params = self._where(query)
        key = self._rank(query.sort) if query.sort in _RANKED else _SORT_SQL[query.sort]
        if query.terms or query.owed is not None:
            # No index answers these filters: read the table and sort what is left,
            # rather than walk the whole sort index (six times slower here).
            key = "+" + key
        direction = " DESC" if query.descending else ""
        keys = [key] if query.sort == ActSort.DATE else [key, "a.date"]
        order = [f"{k}{direction}" for k in (*keys, "a.id")]
        sql = "SELECT a.id FROM care_act a"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return sql + " ORDER BY " + ", ".join(order), params

    def _where(self, query: ActQuery) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if query.person is not None:
            where.append("a.person_id = ?")
            params.append(query.person)
        if query.period is not None:
            where.append("a.date BETWEEN ? AND ?")
            params += [query.period[0].isoformat(), query.period[1].isoformat()]
        if query.statuses is not None:
            where.append(f"a.row_status IN ({_marks(query.statuses)})")
            params += sorted(query.statuses)
        if query.owed is not None:
            owed = f"SELECT 1 FROM expected_payment e WHERE e.act_id = a.id AND {_OPEN}"
            if query.owed.payer is not None:
                owed += " AND e.payer = ?"
                params.append(query.owed.payer.value)
            if query.owed.overdue_on is not None:
                owed += " AND e.latest < ?"
                params.append(query.owed.overdue_on.isoformat())
            where.append(f"EXISTS ({owed})")
        if query.only is not None:
            where.append("a.id IN (SELECT value FROM json_each(?))")
            params.append(_int_array(sorted(query.only)))
        for term in query.terms:
            condition, values = self._term(term)
            where.append(condition)
            params += values
        return where, params

    def _term(self, term: TextTerm) -> tuple[str, list[Any]]:
        """One word, anywhere in what the row shows (names are folded in Python)."""
        word = term.word
        people = [i for i, name in self._names("person") if word in name]
        practitioners = [i for i, name in self._names("practitioner") if word in name]
        parts = ["instr(a.date, ?) > 0", "instr(lower(a.act_code), ?) > 0"]
        params: list[Any] = [word, word]
        if people:
            parts.append(f"a.person_id IN ({_ints(people)})")
        if practitioners:
            parts.append(f"a.practitioner_id IN ({_ints(practitioners)})")
        if term.categories:
            parts.append(f"a.category IN ({_marks(term.categories)})")
            params += sorted(term.categories)
        if term.statuses:
            parts.append(
                f"(a.patient_cents IS NOT NULL AND a.row_status IN ({_marks(term.statuses)}))"
            )
            params += sorted(term.statuses)
        if term.unassessed:
            parts.append("a.patient_cents IS NULL")
        return "(" + " OR ".join(parts) + ")", params

    def _rank(self, sort: ActSort) -> str:
        """A name's place in the alphabet, as an SQL expression over the act's person or
        practitioner. Ranked in Python: SQLite's ``lower`` knows neither case nor
        accents beyond ASCII. A household has a few people and some dozens of
        practitioners, so a CASE is as fast as a join and simpler."""
        kind, column = _RANKED[sort]
        ranked = sorted(self._names(kind), key=lambda pair: (pair[1], pair[0]))
        if not ranked:
            return "NULL"
        whens = " ".join(f"WHEN {int(i)} THEN {n}" for n, (i, _name) in enumerate(ranked))
        return f"(CASE a.{column} {whens} END)"

    def _names(self, kind: str) -> Iterator[tuple[int, str]]:
        """``(id, folded name)`` of every person or practitioner, as the table shows them."""
        sql = (
            "SELECT id, trim(first_name || ' ' || last_name) FROM person"
            if kind == "person"
            else "SELECT id, name FROM practitioner"
        )
        for ident, name in self.conn.execute(sql):
            yield int(ident), fold(str(name))


_RANKED = {
    ActSort.PERSON: ("person", "person_id"),
    ActSort.PRACTITIONER: ("practitioner", "practitioner_id"),
}


def _marks(values: Iterable[object]) -> str:
    return ", ".join("?" for _ in values)


def _ints(values: Iterable[int]) -> str:
    return ", ".join(str(int(v)) for v in values)


def _int_array(ids: Iterable[int]) -> str:
    """``[3, 1, 2]``: ids as the JSON array ``json_each`` reads (no json module to import)."""
    return f"[{_ints(ids)}]"


def summaries(rows: Iterable[tuple[Any, ...]]) -> Iterator[ActSummary]:
    """``ActSummary`` records from rows of :data:`SUMMARY_SQL`."""
    # Positional unpacking: this runs for every row a page of the table shows.
    for (
        ident,
        day,
        person_id,
        code,
        category,
        fee,
        channel,
        mode,
        person,
        practitioner,
        amo,
        amc,
        patient,
        status,
    ) in rows:
        yield ActSummary(
            id=ActId(ident),
            date=date.fromisoformat(day),
            person_id=PersonId(person_id),
            person_name=person,
            practitioner_name=practitioner,
            act_code=code,
            category=category,
            fee_cents=Cents(fee),
            amo_cents=None if amo is None else Cents(amo),
            amc_cents=None if amc is None else Cents(amc),
            patient_cents=None if patient is None else Cents(patient),
            channel=Channel(channel),
            payment_mode=PaymentMode(mode),
            status=status,
        )
