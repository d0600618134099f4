"""Ids typed by a person are plain digits 0-9 (hostile sweep of issue #20).

Python's ``int`` reads other scripts' digits, underscores, signs and spaces, so on
main ``carnet act show ١٢`` showed act 12 and ``1_0`` act 10: a slip of the keyboard
named another record. A décompte's ``#²`` or a person ``²`` ("²".isdigit() is true,
``int("²")`` fails) was an "unexpected error" (exit 70). Each is now refused in one
line, naming the value, and the database is unchanged row for row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from carnet.app import build_services
from carnet.domain.codes import Payer
from carnet.domain.errors import ValidationError
from carnet.domain.ids import parse_id
from carnet.domain.validation import check_rpps
from tests.conftest import TODAY
from tests.hostile.common import one_line, snapshot
from tests.hostile.test_hostile_cli import carnet

NOT_IDS = ["١٢", "1_0", " 12", "+12", "１２", "²", "12 ", "0x1", ""]

COMMANDS = [
    ("act", "show", "{id}"),
    ("person", "edit", "{id}", "--notes", "x"),
    ("person", "edit", "1", "--insured-id", "{id}"),
    ("act", "edit", "{id}", "--notes", "x"),
    ("feuille", "merge", "1", "{id}"),
    ("mailing", "create", "--person", "1", "--feuille", "{id}"),
    ("attachments", "list", "act", "{id}"),
]


@pytest.mark.parametrize("text", NOT_IDS)
def test_only_ascii_digits_make_an_id(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_id(text)
    assert "digits 0 to 9" in one_line(str(caught.value))


def test_an_id_within_sqlite_integers() -> None:
    assert parse_id("12") == 12
    assert parse_id(str(2**63 - 1)) == 2**63 - 1
    with pytest.raises(ValidationError, match="too large"):
        parse_id(str(2**63))


@pytest.mark.parametrize("text", ["١٢", "1_0", "+12", "１２"])
@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a[:3]) for a in COMMANDS])
def test_a_command_refuses_an_id_that_is_not_plain_digits(
    capsys: pytest.CaptureFixture[str], demo_db: Path, args: tuple[str, ...], text: str
) -> None:
    before = snapshot(demo_db)
    status, err = carnet(capsys, demo_db, *(a.replace("{id}", text) for a in args))
    assert status == 2
    assert "digits 0 to 9" in one_line(err)
    assert snapshot(demo_db) == before


DECOMPTES = {
    "act #²": "date_of_care,act,amount,payment_date\n2025-10-31,#²,10.00,\n",
    "person ²": "date_of_care,act,amount,payment_date,person\n2025-10-31,G,10.00,,²\n",
    "person ١": "date_of_care,act,amount,payment_date,person\n2025-10-31,G,10.00,,١\n",
    "person 1_0": "date_of_care,act,amount,payment_date,person\n2025-10-31,G,10.00,,1_0\n",
    "person 2^64": f"date_of_care,act,amount,payment_date,person\n2025-10-31,G,1,,{2**64}\n",
}


@pytest.mark.parametrize("kind", list(DECOMPTES))
def test_a_decompte_names_no_act_or_person_with_odd_digits(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_db: Path, kind: str
) -> None:
    before = snapshot(demo_db)
    path = tmp_path / "decompte.csv"
    path.write_text(DECOMPTES[kind], encoding="utf-8")
    status, err = carnet(capsys, demo_db, "act", "decompte", str(path), "--payer", "cpam")
    assert status == 1
    one_line(err)
    # The window's décompte goes through the same service.
    services = build_services(demo_db, today=lambda: TODAY)
    try:
        with pytest.raises(ValidationError) as caught:
            services.received.decompte_csv(Payer.AMO, DECOMPTES[kind], "decompte.csv")
    finally:
        services.close()
    one_line(str(caught.value))
    assert snapshot(demo_db) == before


@pytest.mark.parametrize("text", ["١٠٠٠٣١٢٣٤٥١", "1000312345²"])
def test_an_rpps_number_of_other_digits_is_told_so(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_rpps(text)
    assert "11 digits" in one_line(str(caught.value))
