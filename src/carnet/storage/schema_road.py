"""Tables of the newcomer's road and of care received abroad (migration 0007).

Kept apart from :mod:`carnet.storage.schema` so that each issue's tables read as one
piece. Both tables have an ``id`` like every record the history can undo, and a
natural key that is unique: one abroad row per act, one row per person and step.
"""

from __future__ import annotations

_STAMPS = """
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
"""

ROAD_STEPS = (
    "registration",
    "attestation",
    "vitale-requested",
    "vitale-received",
    "ameli",
    "treating-doctor",
    "mutuelle",
    "noemie",
    "ehic-requested",
    "ehic-received",
)

ROAD_AND_ABROAD_SCHEMA: tuple[str, ...] = (
    f"""CREATE TABLE act_abroad (
    id INTEGER PRIMARY KEY,
    act_id INTEGER NOT NULL UNIQUE REFERENCES care_act(id) ON DELETE CASCADE,
    country TEXT NOT NULL CHECK (length(country) = 2),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    amount TEXT NOT NULL,
    rate TEXT NOT NULL,
    zone TEXT NOT NULL CHECK (zone IN ('europe', 'elsewhere')),
    urgent INTEGER NOT NULL DEFAULT 1,
    tariff TEXT NOT NULL DEFAULT 'french' CHECK (tariff IN ('french', 'country')),
    rate_source TEXT NOT NULL DEFAULT 'typed' CHECK (rate_source IN ('typed', 'bank')),
    transaction_id INTEGER REFERENCES bank_transaction(id) ON DELETE SET NULL,{_STAMPS})""",
    f"""CREATE TABLE road_step (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    step TEXT NOT NULL CHECK (step IN ({", ".join(repr(s) for s in ROAD_STEPS)})),
    done_on TEXT,
    until TEXT,
    note TEXT NOT NULL DEFAULT '',{_STAMPS},
    UNIQUE (person_id, step))""",
)
