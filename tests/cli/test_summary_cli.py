"""``carnet summary`` and ``carnet todo-sheet``: the files they write and how they refuse."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from carnet.app import build_services
from carnet.main import cli
from carnet.services.demo import build_demo
from tests.cli.test_cli import run
from tests.conftest import TODAY
from tests.documents.pdfs import all_text, page_count


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("summary") / "demo.sqlite"
    services = build_services(db, today=lambda: TODAY)
    build_demo(services.household, services.care, acts=60, today=TODAY)
    services.close()
    return db


def invoke(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def test_summary_writes_the_year_pdf(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary-2026.pdf"
    done = invoke(demo_db, "summary", "--year", "2026", "--out", str(out))
    assert done.exit_code == 0, done.output
    assert f"Wrote {out}" in done.output
    text = all_text(out.read_bytes())
    assert "Health-care summary – Whole household" in text
    assert "1 January 2026 to 31 December 2026" in text


def test_summary_of_one_person_in_french(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "lea.pdf"
    done = invoke(
        demo_db, "summary", "--year", "2026", "--person", "3", "--lang", "fr", "--out", str(out)
    )
    assert done.exit_code == 0, done.output
    text = all_text(out.read_bytes())
    assert "Récapitulatif des soins – Léa Thompson" in text


def test_the_same_data_gives_the_same_file(demo_db: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (first, second):
        assert invoke(demo_db, "summary", "--year", "2025", "--out", str(out)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_todo_sheet_is_one_page(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "todo.pdf"
    done = invoke(demo_db, "todo-sheet", "--lang", "fr", "--out", str(out))
    assert done.exit_code == 0, done.output
    pdf = out.read_bytes()
    assert page_count(pdf) == 1
    assert "À faire maintenant" in all_text(pdf)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--year", "20266"), "is not in the range"),
        (("--year", "twenty"), "is not a valid integer"),
        (("--year", "2026", "--person", "99"), "no person with id 99"),
        (("--year", "2026", "--lang", "de"), "'de' is not one of"),
    ],
)
def test_bad_input_is_refused_in_one_line(
    demo_db: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "never.pdf"
    done = run(demo_db, "summary", *args, "--out", str(out), check=False)
    assert done.returncode in (1, 2)
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_an_unwritable_file_is_reported(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing-folder" / "x.pdf"
    done = run(demo_db, "summary", "--year", "2026", "--out", str(out), check=False)
    assert done.returncode == 1
    assert "cannot write" in done.stderr and "Traceback" not in done.stderr


def test_the_default_year_is_this_year(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    build_services(db).close()  # an empty database: a summary with nothing in it
    out = tmp_path / "this-year.pdf"
    done = invoke(db, "summary", "--out", str(out))
    assert done.exit_code == 0, done.output
    assert f"1 January {date.today().year}" in all_text(out.read_bytes())
