"""Versioned schema migrations (sqlite-utils ``Migrations``).

Migrations are append-only: a released migration is never edited, a new one is
added. A database that records a migration this build does not know was written
by a newer Carnet and is refused before anything touches it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database, Migrations

from carnet.domain.errors import SchemaTooNewError
from carnet.domain.messages import N_
from carnet.storage.database import MIGRATION_SET, REASSESS_PENDING
from carnet.storage.id_keys import never_reuse_ids
from carnet.storage.schema import MIGRATIONS

migrations = Migrations(MIGRATION_SET)


# Migrations done in Python rather than SQL statements (their entry in MIGRATIONS is empty).
_PROGRAMS = {"0009_ids_never_reused": never_reuse_ids}


def _register(name: str, statements: tuple[str, ...]) -> None:
    def run(db: Database) -> None:
        for statement in statements:
            db.execute(statement)

    migrations(name=name)(_PROGRAMS.get(name, run))


for _name, _statements in MIGRATIONS:
    _register(_name, _statements)


def known_migrations() -> list[str]:
    """Names of the migrations this build knows, in order."""
    return [migration.name for migration in migrations._migrations]


def schema_version(db: Database) -> int:
    """How many migrations have been applied (0 for an empty file)."""
    return len(migrations.applied(db))


def check_not_newer(db: Database) -> None:
    """Refuse a database that has migrations this build does not know."""
    known = set(known_migrations())
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    if unknown:
        raise SchemaTooNewError(
            N_(
                "this database was created by a newer version of Carnet "
                "(schema {schema}); please update Carnet to open it"
            ),
            schema=", ".join(unknown),
        )


def pending(db: Database) -> list[str]:
    return [migration.name for migration in migrations.pending(db)]


def migrate(db: Database, before: Callable[[], None] | None = None) -> list[str]:
    """Apply pending migrations in one exclusive transaction; return their names.

    ``BEGIN IMMEDIATE`` serialises two Carnets opening a new file at once: the
    second waits, then finds nothing left to apply. ``before`` runs first when a
    database that already holds data is about to change shape (the backup).
    """
    conn = db.conn
    check_not_newer(db)
    if before is not None and schema_version(db) > 0 and pending(db):
        before()
    # Rebuilding a table (0006) drops it while other tables still point at it: foreign
    # keys are off meanwhile (they cannot change inside a transaction) and checked
    # whole before the commit.
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN IMMEDIATE")
    try:
        check_not_newer(db)
        todo = pending(db)
        if todo:
            upgraded = schema_version(db) > 0
            migrations.apply(db)
            conn.execute(f"PRAGMA user_version = {schema_version(db)}")
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"a migration broke foreign keys: {broken[:5]}")
            if upgraded:  # stored figures are the older rules': the services redo them
                conn.execute(
                    "INSERT OR REPLACE INTO setting (key, value) VALUES (?, '1')",
                    [REASSESS_PENDING],
                )
    except BaseException:
        conn.rollback()
        raise
    else:
        conn.commit()
    finally:
        conn.execute(f"PRAGMA foreign_keys = {int(foreign_keys)}")
    return todo
