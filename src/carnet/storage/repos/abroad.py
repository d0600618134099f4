"""Rows of ``act_abroad``: what makes an act care received abroad."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from carnet.domain.abroad import AbroadCare
from carnet.domain.ids import ActId
from carnet.storage.repos.records import RecordRepo

if TYPE_CHECKING:
    from sqlite_utils import Database


class AbroadRepo(RecordRepo[AbroadCare]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, "act_abroad", AbroadCare, "care abroad")

    def for_act(self, act_id: ActId) -> AbroadCare | None:
        found = self.list("act_id = ?", [act_id])
        return found[0] if found else None

    def for_acts(self, act_ids: Iterable[ActId]) -> dict[ActId, AbroadCare]:
        """The abroad rows of ``act_ids`` (most acts have none), by act."""
        ids = list(act_ids)
        found: dict[ActId, AbroadCare] = {}
        for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self.list(f"act_id IN ({marks})", chunk):
                found[row.act_id] = row
        return found

    def has_any(self) -> bool:
        """Whether any act is abroad (most households: none, and nothing more to read)."""
        return self.db.execute("SELECT 1 FROM act_abroad LIMIT 1").fetchone() is not None
