"""The first schema, as SQL. Money is integer cents, dates ISO text.

CHECK constraints repeat the domain enums so that a bug elsewhere cannot write
a value the application could not read back.
"""

from __future__ import annotations

from carnet.storage.schema_road import ROAD_AND_ABROAD_SCHEMA
from carnet.storage.schema_row_status import HELD_STATUS_SCHEMA, TABLE_KEYS_SCHEMA

_STAMPS = """
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
"""

# The history is append-only; only erasing a person's identifying data lifts this,
# inside its own transaction (EventLog.erase_fields).
NO_UPDATE_TRIGGER = """CREATE TRIGGER event_no_update BEFORE UPDATE ON event
    BEGIN SELECT RAISE(ABORT, 'the event history is append-only'); END"""

INITIAL_SCHEMA: tuple[str, ...] = (
    f"""CREATE TABLE contract (
    id INTEGER PRIMARY KEY,
    insurer TEXT NOT NULL CHECK (insurer <> ''),
    number TEXT NOT NULL DEFAULT '',
    guarantees TEXT NOT NULL DEFAULT '[]',
    default_percent INTEGER NOT NULL DEFAULT 100 CHECK (default_percent >= 0),
    optam_percent INTEGER NOT NULL DEFAULT 100 CHECK (optam_percent >= 0),
    non_optam_percent INTEGER NOT NULL DEFAULT 100 CHECK (non_optam_percent >= 0),
    responsable INTEGER NOT NULL DEFAULT 1,
    noemie INTEGER NOT NULL DEFAULT 1,
    notes TEXT NOT NULL DEFAULT '',{_STAMPS})""",
    f"""CREATE TABLE practitioner (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    profession TEXT NOT NULL,
    specialty TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT '1' CHECK (sector IN ('1', '2-optam', '2', '3')),
    rpps TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',{_STAMPS})""",
    f"""CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    birth_date TEXT,
    nir TEXT,
    registration TEXT NOT NULL DEFAULT 'not-registered' CHECK (registration IN
        ('not-registered', 'attestation-pending', 'temporary-number', 'registered')),
    insured_id INTEGER REFERENCES person(id) ON DELETE RESTRICT,
    cpam TEXT NOT NULL DEFAULT '',
    treating_doctor_id INTEGER REFERENCES practitioner(id) ON DELETE SET NULL,
    treating_declared_on TEXT,
    ald INTEGER NOT NULL DEFAULT 0,
    css INTEGER NOT NULL DEFAULT 0,
    maternity_start TEXT,
    maternity_end TEXT,
    contract_id INTEGER REFERENCES contract(id) ON DELETE SET NULL,
    noemie INTEGER NOT NULL DEFAULT 1,
    vitale INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',{_STAMPS},
    CHECK (first_name <> '' OR last_name <> ''),
    CHECK (insured_id IS NULL OR insured_id <> id))""",
    f"""CREATE TABLE care_act (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    practitioner_id INTEGER REFERENCES practitioner(id) ON DELETE RESTRICT,
    date TEXT NOT NULL,
    act_code TEXT NOT NULL CHECK (act_code <> ''),
    category TEXT NOT NULL DEFAULT '',
    fee_cents INTEGER NOT NULL CHECK (fee_cents >= 0),
    payment_mode TEXT NOT NULL DEFAULT 'none' CHECK (payment_mode IN ('none', 'partial', 'total')),
    channel TEXT NOT NULL DEFAULT 'vitale' CHECK (channel IN ('vitale', 'paper', 'none')),
    parcours TEXT NOT NULL DEFAULT 'in'
        CHECK (parcours IN ('in', 'out', 'direct', 'emergency', 'away')),
    ald_related INTEGER NOT NULL DEFAULT 0,
    coefficient TEXT,
    base_override_cents INTEGER CHECK (base_override_cents >= 0),
    rate_override TEXT,
    notes TEXT NOT NULL DEFAULT '',{_STAMPS})""",
    "CREATE INDEX care_act_date ON care_act(date, id)",
    "CREATE INDEX care_act_person ON care_act(person_id, date)",
    f"""CREATE TABLE assessment (
    act_id INTEGER PRIMARY KEY REFERENCES care_act(id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    fee_cents INTEGER NOT NULL,
    base_cents INTEGER NOT NULL,
    amo_rate TEXT NOT NULL,
    amo_cents INTEGER NOT NULL CHECK (amo_cents >= 0),
    participation_cents INTEGER NOT NULL CHECK (participation_cents >= 0),
    franchise_cents INTEGER NOT NULL CHECK (franchise_cents >= 0),
    amc_cents INTEGER NOT NULL CHECK (amc_cents >= 0),
    patient_cents INTEGER NOT NULL CHECK (patient_cents >= 0),
    depassement_cents INTEGER NOT NULL CHECK (depassement_cents >= 0),
    withheld_cents INTEGER NOT NULL DEFAULT 0,
    amo_gross_cents INTEGER NOT NULL DEFAULT 0,
    confidence TEXT NOT NULL DEFAULT 'sure',
    amo_to_household INTEGER NOT NULL DEFAULT 1,
    amc_to_household INTEGER NOT NULL DEFAULT 1,
    deadline TEXT NOT NULL,
    explanation TEXT NOT NULL DEFAULT '[]',
    rules_version TEXT NOT NULL,{_STAMPS},
    CHECK (amo_cents + amc_cents + patient_cents = fee_cents))""",
    f"""CREATE TABLE mailing (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('cpam', 'mutuelle')),
    recipient TEXT NOT NULL,
    mode TEXT NOT NULL DEFAULT 'simple' CHECK (mode IN ('simple', 'registered')),
    tracking TEXT NOT NULL DEFAULT '',
    created_on TEXT,
    printed_on TEXT,
    mailed_on TEXT,
    pdf_sha256 TEXT NOT NULL DEFAULT '',{_STAMPS})""",
    f"""CREATE TABLE feuille (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    status TEXT NOT NULL CHECK (status IN ('held', 'to-sign', 'signed', 'copied',
        'in-mailing', 'mailed', 'amo-paid', 'closed', 'returned')),
    form TEXT NOT NULL DEFAULT 'cerfa-12541',
    received_on TEXT,
    deadline TEXT,
    mailing_id INTEGER REFERENCES mailing(id) ON DELETE SET NULL,
    reason TEXT NOT NULL DEFAULT '',{_STAMPS})""",
    """CREATE TABLE feuille_act (
    feuille_id INTEGER NOT NULL REFERENCES feuille(id) ON DELETE CASCADE,
    act_id INTEGER NOT NULL UNIQUE REFERENCES care_act(id) ON DELETE CASCADE,
    PRIMARY KEY (feuille_id, act_id))""",
    f"""CREATE TABLE expected_payment (
    id INTEGER PRIMARY KEY,
    act_id INTEGER NOT NULL REFERENCES care_act(id) ON DELETE CASCADE,
    payer TEXT NOT NULL CHECK (payer IN ('amo', 'amc')),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    earliest TEXT NOT NULL,
    latest TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'partly-paid', 'paid', 'written-off')),
    settled_cents INTEGER NOT NULL DEFAULT 0 CHECK (settled_cents >= 0),{_STAMPS},
    UNIQUE (act_id, payer),
    CHECK (settled_cents <= amount_cents))""",
    "CREATE INDEX expected_payment_status ON expected_payment(status, payer, earliest)",
    f"""CREATE TABLE bank_account (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (name <> ''),
    iban TEXT NOT NULL DEFAULT '',
    bank TEXT NOT NULL DEFAULT '',{_STAMPS})""",
    f"""CREATE TABLE statement_import (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES bank_account(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    first_date TEXT,
    last_date TEXT,
    added INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,{_STAMPS})""",
    f"""CREATE TABLE bank_transaction (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES bank_account(id) ON DELETE CASCADE,
    import_id INTEGER REFERENCES statement_import(id) ON DELETE SET NULL,
    date TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    counterparty TEXT NOT NULL DEFAULT '',
    bank_ref TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL,
    payer_type TEXT CHECK (payer_type IN ('cpam', 'complementary')),
    health INTEGER NOT NULL DEFAULT 0,{_STAMPS},
    UNIQUE (account_id, fingerprint))""",
    "CREATE INDEX bank_transaction_date ON bank_transaction(account_id, date)",
    f"""CREATE TABLE settlement (
    id INTEGER PRIMARY KEY,
    transaction_id INTEGER NOT NULL REFERENCES bank_transaction(id) ON DELETE CASCADE,
    expected_payment_id INTEGER NOT NULL REFERENCES expected_payment(id) ON DELETE CASCADE,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    state TEXT NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'confirmed')),{_STAMPS},
    UNIQUE (transaction_id, expected_payment_id))""",
    f"""CREATE TABLE deduction_ledger (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('participation', 'franchise', 'withheld', 'recovered')),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    act_id INTEGER REFERENCES care_act(id) ON DELETE CASCADE,
    transaction_id INTEGER REFERENCES bank_transaction(id) ON DELETE SET NULL,{_STAMPS})""",
    "CREATE INDEX deduction_person_year ON deduction_ledger(person_id, year)",
    # One row per service call that changed something: the unit of undo.
    """CREATE TABLE operation (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    label TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'do' CHECK (kind IN ('do', 'undo', 'redo')),
    target INTEGER REFERENCES operation(id))""",
    """CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT,
    source TEXT NOT NULL DEFAULT 'user',
    op INTEGER REFERENCES operation(id))""",
    "CREATE INDEX event_entity ON event(entity, entity_id, id)",
    "CREATE INDEX event_op ON event(op)",
    # The history is append-only: the database itself refuses edits and deletions.
    NO_UPDATE_TRIGGER,
    """CREATE TRIGGER event_no_delete BEFORE DELETE ON event
    BEGIN SELECT RAISE(ABORT, 'the event history is append-only'); END""",
    """CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL)""",
)

# Scans, photos and generated PDFs, stored as files named by their SHA-256 beside
# the database; the row links one file to one record (a file may be linked twice).
ATTACHMENTS_SCHEMA: tuple[str, ...] = (
    f"""CREATE TABLE attachment (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL DEFAULT 'application/octet-stream',
    size INTEGER NOT NULL CHECK (size >= 0),
    kind TEXT NOT NULL DEFAULT 'scan'
        CHECK (kind IN ('scan', 'prescription', 'statement', 'letter', 'packet', 'other')),
    entity TEXT NOT NULL CHECK (entity IN ('act', 'feuille', 'mailing')),
    entity_id INTEGER NOT NULL,{_STAMPS})""",
    "CREATE INDEX attachment_entity ON attachment(entity, entity_id)",
)

# 0004: the feuilles are looked up by mailing (each mailing lists its own), by state
# near their deadline (the warnings) and by person; without these, each lookup read
# every feuille (47 000 in the 100 000-act demo, over a hundred times on the
# Mailings page). They also spare deleting a mailing or a person a scan.
FEUILLE_INDEXES_SCHEMA: tuple[str, ...] = (
    "CREATE INDEX feuille_mailing ON feuille(mailing_id)",
    "CREATE INDEX feuille_status ON feuille(status, deadline)",
    "CREATE INDEX feuille_person ON feuille(person_id)",
)


# The number of acts, kept by triggers: the window shows it (and sizes the care
# table's scroll bar) before its first paint, and counting 100 000 rows read a whole
# index each time a file was opened. The triggers keep it true whatever
# writes the rows (services, undo, JSON load).
ACT_COUNT_SCHEMA: tuple[str, ...] = (
    "CREATE TABLE act_count (id INTEGER PRIMARY KEY CHECK (id = 1), acts INTEGER NOT NULL)",
    "INSERT INTO act_count (id, acts) SELECT 1, count(*) FROM care_act",
    "CREATE TRIGGER care_act_counted AFTER INSERT ON care_act BEGIN "
    "UPDATE act_count SET acts = acts + 1; END",
    "CREATE TRIGGER care_act_uncounted AFTER DELETE ON care_act BEGIN "
    "UPDATE act_count SET acts = acts - 1; END",
)


# 0006: the parcours de soins worked out from the médecin traitant. An act's
# parcours becomes optional (NULL: derived on the act's date; "in" was only ever
# the form's default, so it becomes NULL too) and gains "replacement"; every
# declaration of a médecin traitant is kept with its dates; a person may have
# the AME; an assessment records the parcours it used and what leaving it cost.
PARCOURS_SCHEMA: tuple[str, ...] = (
    "ALTER TABLE care_act RENAME COLUMN parcours TO parcours_before_0006",
    """ALTER TABLE care_act ADD COLUMN parcours TEXT CHECK (parcours IS NULL OR parcours IN
        ('in', 'out', 'direct', 'emergency', 'away', 'replacement'))""",
    "UPDATE care_act SET parcours = NULLIF(parcours_before_0006, 'in')",
    "ALTER TABLE care_act DROP COLUMN parcours_before_0006",
    "ALTER TABLE person ADD COLUMN ame INTEGER NOT NULL DEFAULT 0",
    f"""CREATE TABLE treating_doctor (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    practitioner_id INTEGER NOT NULL REFERENCES practitioner(id) ON DELETE CASCADE,
    since TEXT,
    until TEXT,{_STAMPS},
    CHECK (since IS NULL OR until IS NULL OR since <= until))""",
    "CREATE INDEX treating_doctor_person ON treating_doctor(person_id, since)",
    """INSERT INTO treating_doctor (person_id, practitioner_id, since)
        SELECT id, treating_doctor_id, treating_declared_on FROM person
        WHERE treating_doctor_id IS NOT NULL""",
    "ALTER TABLE assessment ADD COLUMN parcours TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE assessment ADD COLUMN parcours_cost_cents INTEGER NOT NULL DEFAULT 0",
)


# 0008: what each payer says it paid for an act (a décompte line or an amount typed
# by hand; bank allocations stay in `settlement`), the discrepancies the household
# accepted, and the letters that claim the others (a mailing of kind 'reclamation'
# listing its acts with the amounts as they were when the letter was made).
RECEIPTS_SCHEMA: tuple[str, ...] = (
    f"""CREATE TABLE receipt (
    id INTEGER PRIMARY KEY,
    act_id INTEGER NOT NULL REFERENCES care_act(id) ON DELETE CASCADE,
    payer TEXT NOT NULL CHECK (payer IN ('amo', 'amc')),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    received_on TEXT,
    source TEXT NOT NULL DEFAULT 'hand' CHECK (source IN ('hand', 'decompte')),
    reference TEXT NOT NULL DEFAULT '',{_STAMPS},
    UNIQUE (act_id, payer))""",
    f"""CREATE TABLE payer_decision (
    id INTEGER PRIMARY KEY,
    act_id INTEGER NOT NULL REFERENCES care_act(id) ON DELETE CASCADE,
    payer TEXT NOT NULL CHECK (payer IN ('amo', 'amc')),
    cause TEXT NOT NULL CHECK (cause IN ('parcours', 'sector', 'deductions', 'rate',
        'mutuelle-not-informed', 'tariff', 'unknown')),
    detail TEXT NOT NULL DEFAULT '',
    decided_on TEXT,{_STAMPS},
    UNIQUE (act_id, payer))""",
    "ALTER TABLE mailing ADD COLUMN kind TEXT NOT NULL DEFAULT 'feuilles' "
    "CHECK (kind IN ('feuilles', 'reclamation'))",
    f"""CREATE TABLE reclamation_line (
    id INTEGER PRIMARY KEY,
    mailing_id INTEGER NOT NULL REFERENCES mailing(id) ON DELETE CASCADE,
    act_id INTEGER NOT NULL REFERENCES care_act(id) ON DELETE CASCADE,
    payer TEXT NOT NULL CHECK (payer IN ('amo', 'amc')),
    expected_cents INTEGER NOT NULL,
    received_cents INTEGER NOT NULL,
    cause TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',{_STAMPS})""",
    "CREATE INDEX reclamation_line_mailing ON reclamation_line(mailing_id)",
    "CREATE INDEX reclamation_line_act ON reclamation_line(act_id)",
)


# 0011: records the household archived: hidden from lists and forms, kept with their history.
ARCHIVE_SCHEMA: tuple[str, ...] = (
    """CREATE TABLE archived (
    entity TEXT NOT NULL CHECK (entity IN ('person', 'practitioner', 'contract', 'bank_account')),
    entity_id INTEGER NOT NULL,
    archived_on TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id))""",
)


# 0012: the sex the attestation de droits states, cross-checked with the NIR's first digit.
# A person saved before it is "not stated".
PERSON_SEX_SCHEMA: tuple[str, ...] = (
    "ALTER TABLE person ADD COLUMN sex TEXT NOT NULL DEFAULT 'not-stated' "
    "CHECK (sex IN ('not-stated', 'male', 'female'))",
)


# 0013: an import's lines while the import is undone (storage/repos/bank_lines.py): the
# history holds one event per import, not one per line, so redo takes them from here.
UNDONE_LINES_SCHEMA: tuple[str, ...] = (
    """CREATE TABLE bank_line_undone (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    import_id INTEGER NOT NULL,
    date TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    label TEXT NOT NULL,
    counterparty TEXT NOT NULL,
    bank_ref TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    payer_type TEXT,
    health INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL)""",
    "CREATE INDEX bank_line_undone_import ON bank_line_undone(import_id)",
)


# 0014: a row's fingerprint starts with its day (bank/fingerprints.py), so that a statement,
# imported in date order, fills the unique index at its end. Lines with a bank reference
# keep theirs. A fingerprint that has its day already is left as it is.
FINGERPRINT_DAY_SCHEMA: tuple[str, ...] = tuple(
    f"UPDATE {table} SET fingerprint = date || '/' || fingerprint "
    "WHERE bank_ref = '' AND fingerprint NOT LIKE '%/%'"
    for table in ("bank_transaction", "bank_line_undone")
)


# Every migration of this build, in order: append a new one, never edit a released one.
# ``storage.migrations`` registers each with sqlite-utils; ``MIGRATION_NAMES`` is read
# from here, so opening an up-to-date database needs neither.
MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("0001_initial", INITIAL_SCHEMA),
    ("0002_attachments", ATTACHMENTS_SCHEMA),
    ("0003_table_keys", TABLE_KEYS_SCHEMA),
    ("0004_feuille_indexes", FEUILLE_INDEXES_SCHEMA),
    ("0005_act_count", ACT_COUNT_SCHEMA),
    ("0006_parcours", PARCOURS_SCHEMA),
    ("0007_road_and_abroad", ROAD_AND_ABROAD_SCHEMA),
    ("0008_receipts", RECEIPTS_SCHEMA),
    # 0009 rebuilds tables, which SQL alone cannot do generally: see storage/id_keys.py.
    ("0009_ids_never_reused", ()),
    ("0010_held_row_status", HELD_STATUS_SCHEMA),
    ("0011_archived", ARCHIVE_SCHEMA),
    ("0012_person_sex", PERSON_SEX_SCHEMA),
    ("0013_undone_bank_lines", UNDONE_LINES_SCHEMA),
    ("0014_fingerprint_day", FINGERPRINT_DAY_SCHEMA),
)
