"""``carnet road`` and ``carnet abroad`` on a real database file."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from carnet.app import Services
from carnet.cli.root import cli


def _run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_road_show_and_reach(services: Services, household: dict[str, int], db_path: Path) -> None:
    services.close()
    adult = str(household["adult"])
    shown = json.loads(_run(db_path, "road", "show", adult, "--json"))
    assert shown["next"] == "vitale-requested"  # Sarah has a number and a doctor already
    out = _run(
        db_path,
        "road",
        "reach",
        adult,
        "ehic-received",
        "--date",
        "2026-06-15",
        "--until",
        "2028-06-14",
    )
    assert "[x] European Health Insurance Card received (2026-06-15), until 2028-06-14" in out
    refused = CliRunner().invoke(cli, ["--db", str(db_path), "road", "reach", adult, "mutuelle"])
    assert refused.exit_code == 1 and "choose the mutuelle contract" in refused.output


def test_abroad_add_and_claim(services: Services, household: dict[str, int], db_path: Path) -> None:
    services.close()
    args = [
        "abroad",
        "add",
        "--person",
        str(household["adult"]),
        "--date",
        "2026-08-03",
        "--code",
        "G",
        "--country",
        "GB",
        "--currency",
        "GBP",
        "--amount",
        "85.00",
        "--rate",
        "1.1650",
    ]
    act_id = _run(db_path, *args).strip()
    shown = json.loads(_run(db_path, "act", "show", act_id, "--json"))
    assert shown["fee"] == "99.03"
    feuille = json.loads(_run(db_path, "feuille", "list", "--json"))[0]["id"]
    _run(db_path, "feuille", "sign", str(feuille))
    mailing = _run(db_path, "abroad", "claim", "--person", str(household["adult"])).strip()
    assert mailing.isdigit()
