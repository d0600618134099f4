"""Feuilles de soins (with the acts each covers) and mailings (with their feuilles)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from carnet.domain.claims import OPEN, Feuille
from carnet.domain.codes import FeuilleStatus
from carnet.domain.errors import NotFoundError
from carnet.domain.ids import ActId, FeuilleId, MailingId, PersonId
from carnet.domain.mailings import Mailing
from carnet.storage.repos.codec import from_row, from_rows, to_row
from carnet.storage.repos.records import NOW_SQL, RecordRepo, insert_row, last_id

if TYPE_CHECKING:
    from sqlite_utils import Database


class FeuilleRepo:
    """Feuilles; ``act_ids`` live in the ``feuille_act`` link table."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._rows = RecordRepo(db, "feuille", Feuille, "feuille")

    def insert(self, feuille: Feuille) -> Feuille:
        row = to_row(feuille, skip=("id", "act_ids"))
        new_id = insert_row(self.db, "feuille", row)
        self.set_acts(FeuilleId(new_id), feuille.act_ids)
        return self.get(FeuilleId(new_id))

    def insert_many(self, feuilles: list[Feuille]) -> list[Feuille]:
        """Insert many new feuilles with their acts (ids assigned here, under the write lock)."""
        if not feuilles:
            return []
        start = last_id(self.db, "feuille")
        made = [replace(f, id=FeuilleId(start + n)) for n, f in enumerate(feuilles, 1)]
        names = list(to_row(made[0], skip=("act_ids",)))
        self.db.conn.executemany(
            f"INSERT INTO feuille ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [tuple(to_row(f, skip=("act_ids",)).values()) for f in made],
        )
        self.db.conn.executemany(
            "INSERT INTO feuille_act (feuille_id, act_id) VALUES (?, ?)",
            [(f.id, act_id) for f in made for act_id in f.act_ids],
        )
        return made

    def refresh_deadlines(self, act_ids: Iterable[ActId]) -> None:
        """Set the deadline of the feuilles of these acts to their acts' earliest one."""
        self.db.execute(
            "UPDATE feuille SET deadline = (SELECT min(a.deadline) FROM feuille_act l "
            "JOIN assessment a ON a.act_id = l.act_id WHERE l.feuille_id = feuille.id) "
            "WHERE id IN (SELECT feuille_id FROM feuille_act "
            "WHERE act_id IN (SELECT value FROM json_each(?)))",
            [json.dumps(sorted(act_ids))],
        )

    def update(self, feuille: Feuille) -> Feuille:
        row = to_row(feuille, skip=("id", "act_ids"))
        assignments = ", ".join(f"[{name}] = ?" for name in row)
        self.db.execute(
            f"UPDATE feuille SET {assignments}, updated_at = {NOW_SQL} WHERE id = ?",
            [*row.values(), feuille.id],
        )
        self.set_acts(feuille.id, feuille.act_ids)
        return self.get(feuille.id)

    # What a step in a feuille's life changes (FeuilleKeeper.step_many).
    STATE_FIELDS = ("status", "mailing_id", "reason")

    def set_states(self, feuilles: list[Feuille]) -> None:
        """Write the :attr:`STATE_FIELDS` of many feuilles (their acts are unchanged)."""
        self.db.conn.executemany(
            f"UPDATE feuille SET status = ?, mailing_id = ?, reason = ?, updated_at = {NOW_SQL} "
            "WHERE id = ?",
            [(f.status.value, f.mailing_id, f.reason, f.id) for f in feuilles],
        )

    def exists(self, feuille_id: int) -> bool:
        return self._rows.exists(feuille_id)

    def put(self, feuille: Feuille) -> None:
        """Write ``feuille`` with its own id (undo/redo), with its acts."""
        if self._rows.exists(feuille.id):
            self.update(feuille)
            return
        row = to_row(feuille, skip=("act_ids",))
        self.db.table("feuille").insert(row)
        self.set_acts(feuille.id, feuille.act_ids)

    def set_acts(self, feuille_id: FeuilleId, act_ids: tuple[ActId, ...]) -> None:
        self.db.execute("DELETE FROM feuille_act WHERE feuille_id = ?", [feuille_id])
        self.db.conn.executemany(
            "INSERT INTO feuille_act (feuille_id, act_id) VALUES (?, ?)",
            [(feuille_id, act_id) for act_id in act_ids],
        )

    def delete(self, feuille_id: FeuilleId) -> Feuille:
        before = self.get(feuille_id)
        self.db.execute("DELETE FROM feuille WHERE id = ?", [feuille_id])
        return before

    def get(self, feuille_id: FeuilleId) -> Feuille:
        row = self._rows.get(feuille_id)
        return _with_acts(row, self._act_ids([feuille_id]).get(feuille_id, ()))

    def for_act(self, act_id: ActId) -> Feuille | None:
        found = self.db.execute(
            "SELECT feuille_id FROM feuille_act WHERE act_id = ?", [act_id]
        ).fetchone()
        return None if found is None else self.get(FeuilleId(found[0]))

    def for_acts(self, act_ids: list[ActId]) -> dict[ActId, Feuille]:
        """The feuille of each act that has one, read in one query for many acts."""
        feuilles = self.find(
            "id IN (SELECT feuille_id FROM feuille_act "
            "WHERE act_id IN (SELECT value FROM json_each(?)))",
            [json.dumps(act_ids)],
        )
        return {act_id: feuille for feuille in feuilles for act_id in feuille.act_ids}

    def mailed_dates(self, act_ids: list[ActId]) -> dict[ActId, date]:
        """When the feuille of each act was mailed (acts not yet mailed are absent)."""
        found: dict[ActId, date] = {}
        for start in range(0, len(act_ids), 500):
            chunk = act_ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = (
                "SELECT l.act_id, m.mailed_on FROM feuille_act l "
                "JOIN feuille f ON f.id = l.feuille_id JOIN mailing m ON m.id = f.mailing_id "
                f"WHERE m.mailed_on IS NOT NULL AND l.act_id IN ({marks})"
            )
            for act_id, mailed_on in self.db.execute(sql, chunk).fetchall():
                found[ActId(act_id)] = date.fromisoformat(mailed_on)
        return found

    def statuses_of_acts(self, act_ids: list[ActId]) -> dict[ActId, FeuilleStatus]:
        """The status of each act's feuille (acts without one are absent)."""
        found: dict[ActId, FeuilleStatus] = {}
        for start in range(0, len(act_ids), 500):
            chunk = act_ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = (
                "SELECT l.act_id, f.status FROM feuille_act l "
                f"JOIN feuille f ON f.id = l.feuille_id WHERE l.act_id IN ({marks})"
            )
            for act_id, status in self.db.execute(sql, chunk).fetchall():
                found[ActId(act_id)] = FeuilleStatus(status)
        return found

    def find(self, where: str | None = None, params: list[Any] | None = None) -> list[Feuille]:
        sql = "SELECT * FROM feuille" + (f" WHERE {where}" if where else "")
        cursor = self.db.conn.execute(f"{sql} ORDER BY deadline, id", params or [])
        names = [column[0] for column in cursor.description]
        rows, ident = cursor.fetchall(), names.index("id")
        links = self._act_ids([FeuilleId(row[ident]) for row in rows])
        # Built once, with their acts (the demo and the mailings read thousands).
        return from_rows(
            Feuille, [*names, "act_ids"], [(*row, links.get(row[ident], ())) for row in rows]
        )

    def still_open(
        self, *, person_id: PersonId | None = None, deadline_by: date | None = None
    ) -> list[Feuille]:
        """The feuilles still on their way (domain ``OPEN``), of one person or reaching their
        deadline by a day, in deadline order; the closed ones (most of a long history) are
        not read."""
        where = f"status IN ({', '.join('?' * len(OPEN))})"
        params: list[Any] = sorted(status.value for status in OPEN)
        if person_id is not None:
            where += " AND person_id = ?"
            params.append(person_id)
        if deadline_by is not None:
            where += " AND deadline <= ?"
            params.append(deadline_by.isoformat())
        return self.find(where, params)

    def for_mailing(self, mailing_id: MailingId) -> list[Feuille]:
        return self.find("mailing_id = ?", [mailing_id])

    def states_by_mailing(self) -> dict[MailingId, dict[FeuilleStatus, int]]:
        """How many feuilles of each mailing are in each state, in one query."""
        sql = (
            "SELECT mailing_id, status, count(*) FROM feuille "
            "WHERE mailing_id IS NOT NULL GROUP BY mailing_id, status"
        )
        found: dict[MailingId, dict[FeuilleStatus, int]] = defaultdict(dict)
        for mailing_id, status, count in self.db.execute(sql).fetchall():
            found[MailingId(mailing_id)][FeuilleStatus(status)] = int(count)
        return dict(found)

    def _act_ids(self, ids: list[FeuilleId]) -> dict[FeuilleId, tuple[ActId, ...]]:
        found: dict[FeuilleId, list[ActId]] = defaultdict(list)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = (
                "SELECT l.feuille_id, l.act_id FROM feuille_act l "
                "JOIN care_act a ON a.id = l.act_id "
                f"WHERE l.feuille_id IN ({marks}) ORDER BY a.date, a.id"
            )
            for feuille_id, act_id in self.db.execute(sql, chunk).fetchall():
                found[FeuilleId(feuille_id)].append(ActId(act_id))
        return {key: tuple(value) for key, value in found.items()}


def _with_acts(row: Feuille, act_ids: tuple[ActId, ...]) -> Feuille:
    return Feuille(
        id=row.id,
        person_id=row.person_id,
        status=row.status,
        form=row.form,
        received_on=row.received_on,
        deadline=row.deadline,
        mailing_id=row.mailing_id,
        reason=row.reason,
        act_ids=act_ids,
    )


class MailingRepo:
    """Mailings; the feuilles enclosed point to their mailing (``feuille.mailing_id``)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._rows = RecordRepo(db, "mailing", Mailing, "mailing")

    def insert(self, mailing: Mailing) -> Mailing:
        row = to_row(mailing, skip=("id", "feuille_ids"))
        new_id = self.db.table("mailing").insert(row).last_pk
        assert isinstance(new_id, int)
        return self.get(MailingId(new_id))

    def update(self, mailing: Mailing) -> Mailing:
        row = to_row(mailing, skip=("id", "feuille_ids"))
        self.db.table("mailing").update(mailing.id, row)
        return self.get(mailing.id)

    def put(self, mailing: Mailing) -> None:
        """Write ``mailing`` with its own id (undo/redo)."""
        if self.exists(mailing.id):
            self.update(mailing)
        else:
            self.db.table("mailing").insert(to_row(mailing, skip=("feuille_ids",)))

    def delete(self, mailing_id: MailingId) -> Mailing:
        before = self.get(mailing_id)
        self.db.execute("DELETE FROM mailing WHERE id = ?", [mailing_id])
        return before

    def get(self, mailing_id: MailingId) -> Mailing:
        if not self.exists(mailing_id):
            raise NotFoundError("mailing", mailing_id)
        return self._mailing(self.db.table("mailing").get(mailing_id))

    def exists(self, mailing_id: int) -> bool:
        return self._rows.exists(mailing_id)

    def all(self) -> list[Mailing]:
        rows = self.db.query("SELECT * FROM mailing ORDER BY created_on DESC, id DESC")
        return [self._mailing(row) for row in rows]

    def _mailing(self, raw: dict[str, Any]) -> Mailing:
        ids = self.db.execute(
            "SELECT id FROM feuille WHERE mailing_id = ? ORDER BY id", [raw["id"]]
        ).fetchall()
        return from_row(Mailing, {**raw, "feuille_ids": [FeuilleId(i) for (i,) in ids]})
