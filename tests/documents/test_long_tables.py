"""Long tables cut into runs: each run's styles are those of its rows in the whole table."""

from __future__ import annotations

from reportlab.platypus import Table

from carnet.documents.long_tables import long_table, run_commands
from carnet.documents.pages import Meta, Section, render
from tests.conftest import TODAY
from tests.documents.pdfs import all_text, page_count


def test_commands_are_renumbered_for_each_run() -> None:
    commands = [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 8),  # every row
        ("BACKGROUND", (0, 0), (-1, 0), "grey"),  # the header
        ("ALIGN", (1, 1), (2, -1), "RIGHT"),  # every row but the header
        ("SPAN", (0, -1), (1, -1)),  # the totals row, last of 26
        ("LINEABOVE", (0, 12), (-1, 14), 1, "black"),  # rows 12 to 14 of the whole
    ]
    first = run_commands(commands, total=26, header_rows=1, start=1, stop=11)
    assert first == [
        ("FONT", (0, 0), (-1, 0), "Helvetica", 8),
        ("FONT", (0, 1), (-1, 10), "Helvetica", 8),
        ("BACKGROUND", (0, 0), (-1, 0), "grey"),
        ("ALIGN", (1, 1), (2, 10), "RIGHT"),
    ]
    second = run_commands(commands, total=26, header_rows=1, start=11, stop=21)
    assert ("LINEABOVE", (0, 2), (-1, 4), 1, "black") in second  # rows 12–14 are its 2–4
    last = run_commands(commands, total=26, header_rows=1, start=21, stop=26)
    assert ("SPAN", (0, 5), (1, 5)) in last  # the totals row is the last run's sixth
    assert not any(command[0] == "SPAN" for command in first + second)


def test_a_long_table_prints_every_row_once_under_its_header() -> None:
    rows = [["Day", "Amount"], *([f"row {n:03}", f"{n},00"] for n in range(1, 96)), ["Total", ""]]
    commands = [("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 9)]
    runs = long_table(rows, [100, 100], commands, run_rows=40)
    assert len(runs) == 3 and all(isinstance(run, Table) for run in runs)
    meta = Meta(title="t", created=TODAY, subject="s", author="a", lang="en")
    pdf = render([Section(key="long", story=tuple(runs))], meta)
    text = all_text(pdf)
    assert [text.count(f"row {n:03}") for n in range(1, 96)] == [1] * 95
    # The header tops every page, and each run (one may start at a page's top).
    assert len(runs) <= text.count("Day") <= page_count(pdf) + len(runs) - 1
    assert text.count("Total") == 1
