"""Key/value settings kept in the database (e.g. the household's defaults)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


class SettingsRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
        return default if row is None else str(row[0])

    def set(self, key: str, value: str) -> None:
        self.db.table("setting").upsert({"key": key, "value": value}, pk="key")

    def all(self) -> dict[str, str]:
        rows = self.db.execute("SELECT key, value FROM setting ORDER BY key").fetchall()
        return {str(k): str(v) for k, v in rows}
