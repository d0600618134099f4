"""Command-line conventions: ``-`` for standard input/output, the system's language,
read-only commands that create nothing, shell completion and the man page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from carnet.cli import cli
from carnet.cli.common import MAY_CREATE, READS_ONLY
from carnet.i18n import system_language

ROOT = Path(__file__).resolve().parents[2]
STATEMENT = ROOT / "tests" / "data" / "bank" / "xml_v2.ofx"


def carnet(
    *args: str | Path, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    environ = {k: v for k, v in os.environ.items() if k != "CARNET_DB"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "carnet", *map(str, args)],
        input=stdin,
        capture_output=True,
        env=environ,
        timeout=120,
        check=False,
    )


def ok(done: subprocess.CompletedProcess[bytes]) -> bytes:
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    ok(carnet("--db", db, "demo", "--acts", "20"))
    return db


def leaf_commands() -> list[str]:
    found: list[str] = []

    def walk(group: click.Group, ctx: click.Context, prefix: str) -> None:
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            assert command is not None
            if isinstance(command, click.Group):
                walk(
                    command, click.Context(command, info_name=name, parent=ctx), f"{prefix}{name} "
                )
            else:
                found.append(prefix + name)

    walk(cli, click.Context(cli, info_name="carnet"), "")
    return found


def test_every_command_says_whether_it_may_create_a_database() -> None:
    commands = leaf_commands()
    unclassified = [name for name in commands if name not in READS_ONLY | MAY_CREATE]
    assert unclassified == [], (
        "add these commands to READS_ONLY or MAY_CREATE in carnet/cli/common.py"
    )
    assert not READS_ONLY & MAY_CREATE
    assert sorted(READS_ONLY | MAY_CREATE) == sorted(commands)  # no stale names


@pytest.mark.parametrize(
    "args",
    [
        ["act", "list"],
        ["todo"],
        ["export", "json", "--out", "-"],
        ["summary", "--out", "x.pdf"],
        ["mailing", "pdf", "1", "--out", "x.pdf"],
    ],
)
def test_a_read_only_command_on_a_path_without_database_creates_nothing(
    tmp_path: Path, args: list[str]
) -> None:
    db = tmp_path / "typo" / "carnet.sqlite"
    done = carnet("--db", db, *args, env={"XDG_DATA_HOME": str(tmp_path / "data")})
    assert done.returncode == 1
    assert f"there is no Carnet database at {db} (nothing was created)" in done.stderr.decode()
    assert done.stdout == b""
    assert list(tmp_path.iterdir()) == []  # no folder, no database, no output file


def test_the_default_database_is_not_created_by_a_read_only_command(tmp_path: Path) -> None:
    done = carnet("person", "list", env={"XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)})
    assert done.returncode == 1 and b"there is no Carnet database" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_empty_file_is_no_database_and_stays_empty(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    db.touch()
    assert carnet("--db", db, "act", "list").returncode == 1
    assert db.stat().st_size == 0


def test_export_to_standard_output(demo: Path) -> None:
    data = json.loads(ok(carnet("--db", demo, "export", "json", "--out", "-")))
    assert len(data["tables"]["care_act"]) == 20
    csv = ok(carnet("--db", demo, "export", "csv", "--out", "-", "--lang", "fr"))
    assert csv.startswith(b"\xef\xbb\xbf") and b";" in csv.splitlines()[0]
    pdf = ok(carnet("--db", demo, "mailing", "pdf", "1", "--out", "-"))
    assert pdf.startswith(b"%PDF-") and b"Wrote" not in pdf


def test_import_and_load_json_read_standard_input(tmp_path: Path, demo: Path) -> None:
    db = tmp_path / "statement.sqlite"
    said = ok(carnet("--db", db, "import", "-", stdin=STATEMENT.read_bytes())).decode()
    assert said.startswith("standard input: ofx") and "added" in said
    dump = ok(carnet("--db", demo, "export", "json", "--out", "-"))
    loaded = ok(carnet("--db", tmp_path / "copy.sqlite", "load-json", "-", stdin=dump))
    assert b"from standard input" in loaded
    assert (
        ok(carnet("--db", tmp_path / "copy.sqlite", "act", "list", "--json")).count(b'"id"') == 20
    )


ESTIMATE = ["estimate", "--date", "2026-11-02", "--act", "G", "--fee", "30", "--json"]


def explanation(*args: str, env: dict[str, str]) -> str:
    return " ".join(json.loads(ok(carnet(*ESTIMATE, *args, env=env)))["explanation"])


def test_the_command_line_speaks_the_system_language_unless_told() -> None:
    french, english = {"LANG": "fr_FR.UTF-8"}, {"LANG": "C.UTF-8"}
    assert "Reste à votre charge" in explanation(env=french)
    assert "You pay €2.00." in explanation(env=english)
    assert "You pay €2.00." in explanation("--lang", "en", env=french)
    assert "Reste à votre charge" in explanation("--lang", "fr", env=english)


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_BE.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),  # LC_ALL wins
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "fr:en"}, "fr"),  # GNU's list first
        ({"LANG": "C.UTF-8", "LANGUAGE": "fr"}, "en"),  # ...but not in the C locale
        ({"LANG": "de_DE.UTF-8"}, "en"),  # a language Carnet does not speak: English
    ],
)
def test_system_language(environ: dict[str, str], language: str) -> None:
    assert system_language(environ) == language


def test_shell_completion_lists_commands_and_options() -> None:
    env = {"_CARNET_COMPLETE": "bash_complete", "COMP_WORDS": "carnet exp", "COMP_CWORD": "1"}
    assert b"plain,export" in ok(carnet(env=env))
    env |= {"COMP_WORDS": "carnet export csv --ta", "COMP_CWORD": "3"}
    assert b"plain,--table" in ok(carnet(env=env))
    script = ok(carnet(env={"_CARNET_COMPLETE": "bash_source"})).decode()
    assert "_carnet_completion" in script


def test_the_man_pages_are_made_from_the_commands(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "man_page.py"
    done = subprocess.run(
        [sys.executable, script, tmp_path],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ | {"SOURCE_DATE_EPOCH": "1764547200"},
    )
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "carnet.1").read_text(encoding="utf-8")
    assert page.startswith('.TH CARNET 1 "2025-12-01"')
    for command in leaf_commands():
        assert f".SS carnet {command.replace('-', chr(92) + '-')}" in page, command
    if shutil.which("man") is None:
        pytest.skip("man is not installed: the page was made but not shown")
    shown = subprocess.run(
        ["man", "-l", str(tmp_path / "carnet.1")],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ | {"MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat"},
    ).stdout
    assert "carnet export csv [OPTIONS]" in shown and "--out FILE" in shown
    gui = subprocess.run(
        ["man", "-l", str(tmp_path / "carnet-gui.1")],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ | {"MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat"},
    ).stdout
    assert "--install-desktop-entry" in gui
