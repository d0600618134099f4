"""Kill Carnet with SIGKILL at random moments and check that nothing is lost or leaked.

Each *scenario* prepares a folder (a database, a statement, a backup…), starts
one ``carnet`` command as a real process and kills it with ``SIGKILL`` after a
random delay, somewhere between its start and its expected end. Then the
folder is checked:

- the database is there and SQLite's ``integrity_check`` and
  ``foreign_key_check`` find nothing;
- every committed operation is whole: each operation has its events, each care
  act its assessment, each import its transactions; a restore left either the
  old database or the new one, a migration either none or all of its steps;
- nothing half-done remains: no ``.partial`` file, no file under a final name
  that is incomplete (a SQLite file that fails its check, a PDF without its end,
  an archive that does not open);
- no plaintext copy of the database exists outside the data folder: the
  process's temporary folder is empty and only files the command was asked to
  write are elsewhere.

``make test`` runs a few dozen kills; ``make crash`` runs hundreds
(``CARNET_KILLS``). Run as a script to see each kill's verdict.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database, Migrations

from carnet.services.backup import verify_backup
from carnet.storage import cipher
from carnet.storage.database import MIGRATION_NAMES, MIGRATION_SET
from carnet.storage.migrations import migrations
from carnet.storage.store import open_store

PASSWORD = "correct horse battery"
SQLITE_MAGIC = b"SQLite format 3\x00"
DB = "carnet.sqlite"
LIVE_ACTS = 1500  # the database a command works on
DEMO_ACTS = 300  # the demo a kill interrupts
SCAN_BYTES = 6_000_000  # an attached scan: archives take long enough to be hit
BACKUP_ACTS = 40  # the backup a restore puts in its place
STATEMENT_LINES = 3000
STATEMENT_HEAD = (
    "Compte de chèques;Compte de chèques;****1234;10/03/2025;;1 234,56\n\n"
    "Date operation;Libelle court;Type operation;Libelle operation;Montant operation en euro\n"
)


@dataclass(frozen=True)
class Scenario:
    """One command to kill: its arguments (``{template}`` and ``{out}`` filled in)."""

    name: str
    argv: tuple[str, ...]
    stdin: str = ""
    fresh: bool = False  # starts without a database (demo)
    database: str = "live.sqlite"  # the template database copied into the data folder
    # Files the command is asked to write outside the data folder, and what they must be.
    outputs: tuple[str, ...] = ()
    backups: bool = False  # the data folder starts with automatic backups beside the database


SCENARIOS = (
    Scenario("demo", ("demo", "--acts", str(DEMO_ACTS)), fresh=True),
    Scenario("import", ("import", "{template}/statement.csv")),
    Scenario(
        "mailing", ("mailing", "pdf", "12", "--out", "{out}/packet.pdf"), outputs=("packet.pdf",)
    ),
    Scenario("backup", ("backup", "--out", "{out}/copy.sqlite"), outputs=("copy.sqlite",)),
    Scenario(
        "backup-password",
        ("backup", "--out", "{out}/copy.zip", "--password"),
        stdin=f"{PASSWORD}\n{PASSWORD}\n",
        outputs=("copy.zip",),
    ),
    Scenario("restore", ("restore", "{template}/backup.sqlite", "--yes")),
    Scenario(
        "restore-archive", ("restore", "{template}/backup.zip", "--yes"), stdin=f"{PASSWORD}\n"
    ),
    Scenario("migration", ("person", "list"), database="old.sqlite"),
    # Switching encryption on rewrites the database and its backups (carnet[encryption]).
    Scenario("encrypt", ("encrypt",), stdin=f"{PASSWORD}\n{PASSWORD}\n", backups=True),
)


@dataclass
class Verdict:
    scenario: str
    delay: float
    killed: bool  # False: the command ended before its kill
    problems: list[str]


def carnet(
    db: Path, *args: str, stdin: str = "", tmp: Path | None = None
) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "CARNET_DB"}
    if tmp is not None:
        env["TMPDIR"] = str(tmp)
    process = subprocess.Popen(
        [sys.executable, "-m", "carnet", "--db", str(db), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdin is not None
    process.stdin.write(stdin.encode())
    process.stdin.close()
    return process


def finish(process: subprocess.Popen[bytes]) -> None:
    assert process.stderr is not None
    said = process.stderr.read().decode()
    process.stderr.close()
    if process.wait(timeout=300) != 0:
        raise RuntimeError(f"{process.args} failed: {said}")


def make_template(folder: Path) -> None:
    """The databases, statement and backups every kill starts from (made once)."""
    folder.mkdir(parents=True, exist_ok=True)
    scan = folder / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n%" + random.Random(0).randbytes(SCAN_BYTES) + b"\n%%EOF\n")
    live = folder / "live.sqlite"
    finish(carnet(live, "demo", "--acts", str(LIVE_ACTS)))
    finish(carnet(live, "attach", "act", "1", str(scan)))
    finish(carnet(live, "backup"))  # into template/backups, for the encrypt scenario
    small = folder / "small.sqlite"
    finish(carnet(small, "demo", "--acts", str(BACKUP_ACTS)))
    finish(carnet(small, "attach", "act", "1", str(scan)))
    finish(carnet(small, "backup", "--out", str(folder / "backup.sqlite")))
    finish(
        carnet(
            small,
            "backup",
            "--out",
            str(folder / "backup.zip"),
            "--password",
            stdin=f"{PASSWORD}\n{PASSWORD}\n",
        )
    )
    lines = [
        f"{1 + i % 28:02d}/03/2025;VIR SEPA RECU;VIREMENT;VIR SEPA RECU /DE CPAM PARIS "
        f"/MOTIF REMBOURSEMENT {i};{i % 90 + 1},{i % 100:02d}\n"
        for i in range(STATEMENT_LINES)
    ]
    (folder / "statement.csv").write_text(STATEMENT_HEAD + "".join(lines), encoding="cp1252")
    _old_schema(folder / "old.sqlite")


def _old_schema(path: Path) -> None:
    """A database of the first schema with a person in it: opening it migrates."""
    initial = migrations._migrations[0]
    first = Migrations(MIGRATION_SET)
    first(name=initial.name)(initial.fn)
    db = Database(path)
    first.apply(db)
    db.execute("INSERT INTO person (first_name, last_name) VALUES ('Ada', 'Old')")
    db.conn.commit()
    db.close()


def prepare(scenario: Scenario, template: Path, folder: Path) -> tuple[Path, list[str]]:
    """A fresh folder for one run: ``data/`` (the data folder), ``out/``, ``tmp/``."""
    for name in ("data", "out", "tmp"):
        (folder / name).mkdir(parents=True)
    db = folder / "data" / DB
    if not scenario.fresh:
        shutil.copyfile(template / scenario.database, db)
        db.chmod(0o600)
        files = template / f"{scenario.database}.files"
        if files.is_dir():
            shutil.copytree(files, folder / "data" / f"{DB}.files")
        if scenario.backups:
            shutil.copytree(template / "backups", folder / "data" / "backups")
    args = [a.format(template=template, out=folder / "out") for a in scenario.argv]
    return db, args


def kill_once(scenario: Scenario, template: Path, folder: Path, delay: float) -> Verdict:
    """Start the scenario's command, SIGKILL it after ``delay`` seconds, check the folder."""
    db, args = prepare(scenario, template, folder)
    before = _acts(db) if db.exists() else None
    process = carnet(db, *args, stdin=scenario.stdin, tmp=folder / "tmp")
    try:
        process.wait(timeout=delay)
        killed = False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        killed = True
    if process.stderr is not None:
        process.stderr.close()
    problems = check(scenario, template, folder, before)
    return Verdict(scenario.name, delay, killed, problems)


def timed(scenario: Scenario, template: Path, folder: Path) -> tuple[float, list[str]]:
    """Run the scenario to its end: how long it takes, and what the checks say then."""
    db, args = prepare(scenario, template, folder)
    before = _acts(db) if db.exists() else None
    start = time.perf_counter()
    process = carnet(db, *args, stdin=scenario.stdin, tmp=folder / "tmp")
    finish(process)
    took = time.perf_counter() - start
    return took, check(scenario, template, folder, before)


def check(scenario: Scenario, template: Path, folder: Path, before: int | None) -> list[str]:
    """Everything that must hold after the kill (see the module's docstring)."""
    problems: list[str] = []
    db = folder / "data" / DB
    problems += _leaks(folder, scenario)
    if not db.exists():
        if before is not None:
            problems.append("the database is gone")
        return problems
    problems += _database(db)
    if problems:
        return problems
    problems += _wholeness(scenario, template, db, before)
    problems += _outputs(scenario, folder / "out")
    problems += _reopened(db)
    return problems


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0])


def _acts(db: Path) -> int:
    conn = _connect(db)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return _count(conn, "care_act") if "care_act" in tables else 0
    finally:
        conn.close()


def _connect(db: Path) -> sqlite3.Connection:
    """The database, opened with the harness's passphrase once it is encrypted."""
    return cipher.connect(db, PASSWORD) if cipher.is_encrypted(db) else sqlite3.connect(db)


def _database(db: Path) -> list[str]:
    try:
        conn = _connect(db)
    except cipher.PassphraseError as exc:
        return [f"the database does not open: {exc}"]
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    except (sqlite3.DatabaseError, *cipher.errors()) as exc:
        return [f"the database does not open: {exc}"]
    finally:
        conn.close()
    problems = [] if verdict == "ok" else [f"integrity_check: {verdict}"]
    return problems + ([f"foreign_key_check: {broken[:3]}"] if broken else [])


# Each query counts what a whole operation never leaves behind.
_HALF_DONE = {
    "an operation without its events": (
        "SELECT count(*) FROM operation o WHERE NOT EXISTS "
        "(SELECT 1 FROM event e WHERE e.op = o.id)"
    ),
    "a care act without its assessment": (
        "SELECT count(*) FROM care_act a WHERE NOT EXISTS "
        "(SELECT 1 FROM assessment s WHERE s.act_id = a.id)"
    ),
    "an import without all its transactions": (
        "SELECT count(*) FROM statement_import i WHERE i.added != "
        "(SELECT count(*) FROM bank_transaction t WHERE t.import_id = i.id)"
    ),
}


def _wholeness(scenario: Scenario, template: Path, db: Path, before: int | None) -> list[str]:
    conn = _connect(db)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        problems = []
        for what, query in _HALF_DONE.items():
            try:
                count = conn.execute(query).fetchone()[0]
            except sqlite3.OperationalError:  # a table of a later migration: nothing to count
                continue
            if count:
                problems.append(f"{count} × {what}")
        migrations = (
            [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
            if "_sqlite_migrations" in tables
            else []
        )
        acts = (
            conn.execute("SELECT count(*) FROM care_act").fetchone()[0]
            if "care_act" in tables
            else 0
        )
    finally:
        conn.close()
    if migrations not in ([], ["0001_initial"], list(MIGRATION_NAMES)):
        problems.append(f"a migration half-applied: {migrations}")
    if scenario.name.startswith("restore") and acts not in (before, BACKUP_ACTS):
        problems.append(f"neither the old nor the restored database: {acts} acts")
    if scenario.name == "demo" and acts not in (0, DEMO_ACTS):
        problems.append(f"a demo half-made: {acts} acts")
    if (
        scenario.name not in ("demo",)
        and not scenario.name.startswith("restore")
        and acts != before
    ):
        problems.append(f"the acts changed: {before} → {acts}")
    return problems


def _leaks(folder: Path, scenario: Scenario) -> list[str]:
    """Plaintext copies of the database outside the data folder, anything left in TMPDIR."""
    problems = [
        f"left in TMPDIR: {p.relative_to(folder)}"
        for p in (folder / "tmp").rglob("*")
        if p.is_file()
    ]
    db = folder / "data" / DB
    if db.exists() and cipher.is_encrypted(db):  # switched on: nothing readable is left
        for path in (folder / "data").rglob("*.sqlite*"):
            if not path.is_file():
                continue
            with path.open("rb") as handle:
                if handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                    problems.append(f"plaintext left once encrypted: {path.relative_to(folder)}")
    allowed = {name for name in scenario.outputs if name.endswith(".sqlite")}
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_relative_to(folder / "data"):
            continue
        if any(path.name == a or path.name.startswith(f".{a}.") for a in allowed):
            continue  # a plain backup the person asked for
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                problems.append(f"a plaintext copy of the database: {path.relative_to(folder)}")
    return problems


def _outputs(scenario: Scenario, out: Path) -> list[str]:
    """What is under a final name is complete; nothing else but hidden temporary files."""
    problems = []
    for path in out.iterdir():
        if path.name.startswith(".") and ".partial" in path.name:
            continue  # a kill's temporary file beside the target, never under its name
        if path.name not in scenario.outputs:
            problems.append(f"an unexpected file: {path.name}")
            continue
        reason = _incomplete(path)
        if reason:
            problems.append(f"{path.name} is under its final name but {reason}")
    return problems


def _incomplete(path: Path) -> str:
    if path.suffix == ".pdf":
        data = path.read_bytes()
        return "" if b"%%EOF" in data[-64:] else "has no end (truncated PDF)"
    password = None if path.suffix == ".sqlite" else PASSWORD
    try:
        verify_backup(path, password)
    except Exception as exc:
        return f"does not open ({exc})"
    return ""


def _reopened(db: Path) -> list[str]:
    """The next Carnet opens the file, and then nothing half-done is left in the data folder."""
    try:
        open_store(db, PASSWORD if cipher.is_encrypted(db) else None).close()
    except Exception as exc:
        return [f"the next Carnet cannot open it: {exc}"]
    left = [p.name for p in db.parent.rglob("*") if p.name.endswith(".partial")]
    return [f"half-written files left in the data folder: {left}"] if left else []


def run_kills(kills: int, root: Path, seed: int) -> tuple[list[Verdict], dict[str, float]]:
    """``kills`` SIGKILLs spread over the scenarios (each first run once to its end)."""
    template = root / "template"
    make_template(template)
    durations: dict[str, float] = {}
    verdicts: list[Verdict] = []
    start = time.perf_counter()
    finish(carnet(template / "small.sqlite", "setting", "list"))
    ready = time.perf_counter() - start  # Python started, Carnet imported, the file open
    for scenario in SCENARIOS:
        took, problems = timed(scenario, template, root / f"full-{scenario.name}")
        durations[scenario.name] = took
        verdicts.append(Verdict(scenario.name, took, False, problems))
    rng = random.Random(seed)
    plan = [(SCENARIOS[i % len(SCENARIOS)], i) for i in range(kills)]

    def earliest(scenario: Scenario) -> float:
        # Killing Python while it starts tests nothing of Carnet: aim past the start-up.
        return min(0.7 * ready, 0.5 * durations[scenario.name])

    delays = [rng.uniform(earliest(s), 0.95 * durations[s.name]) for s, _ in plan]

    def one(item: tuple[tuple[Scenario, int], float]) -> Verdict:
        (scenario, i), delay = item
        return kill_once(scenario, template, root / f"kill-{i:04d}-{scenario.name}", delay)

    with ThreadPoolExecutor(max_workers=2) as pool:
        verdicts += list(pool.map(one, zip(plan, delays, strict=True)))
    # On a busy machine a scenario timed slow may end before each of its kills: kill it
    # again, aiming earlier each time, so that every scenario is still killed once.
    for scenario in SCENARIOS:
        for again in range(4):
            if any(v.killed and v.scenario == scenario.name for v in verdicts):
                break
            latest = max(earliest(scenario), 0.95 * durations[scenario.name] / 2 ** (again + 1))
            delay = rng.uniform(earliest(scenario), latest)
            folder = root / f"again-{again}-{scenario.name}"
            verdicts.append(kill_once(scenario, template, folder, delay))
    return verdicts, durations


def main() -> int:
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    seed = int(os.environ.get("CARNET_KILL_SEED", str(random.randrange(1 << 30))))
    with tempfile.TemporaryDirectory(prefix="carnet-crash-") as folder:
        verdicts, durations = run_kills(kills, Path(folder), seed)
    for name, took in durations.items():
        done = [v for v in verdicts if v.scenario == name and v.killed]
        bad = [v for v in verdicts if v.scenario == name and v.problems]
        print(f"{name:<16} full run {took:5.2f} s   killed {len(done):4d}   problems {len(bad)}")
    for v in verdicts:
        if v.problems:
            print(f"  {v.scenario} killed after {v.delay:.3f} s: {'; '.join(v.problems)}")
    killed = sum(v.killed for v in verdicts)
    print(f"seed {seed}: {killed} kills, {sum(bool(v.problems) for v in verdicts)} with problems")
    return 1 if any(v.problems for v in verdicts) else 0


if __name__ == "__main__":
    sys.exit(main())
