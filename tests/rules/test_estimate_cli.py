"""``carnet estimate``: JSON keys, the worked example, readable errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from carnet.cli.estimate import estimate

_KEYS = {
    "base", "amo_rate", "amo", "participation_forfaitaire", "franchise", "amc", "patient",
    "depassement", "deadline", "category", "rules_version", "explanation",
}  # fmt: skip


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(estimate, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_worked_example_as_json() -> None:
    """GP 30 € on 2025-03-01: AMO 19.00, PF 2.00, AMC 9.00, patient 2.00."""
    code, out, _ = _run("--date", "2025-03-01", "--act", "G", "--fee", "30", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= _KEYS
    assert (data["base"], data["amo_rate"], data["amo"]) == ("30.00", "0.70", "19.00")
    assert (data["participation_forfaitaire"], data["amc"], data["patient"]) == (
        "2.00",
        "9.00",
        "2.00",
    )
    assert data["deadline"] == "2027-03-31"
    assert data["category"] == "gp"
    assert all(isinstance(line, str) for line in data["explanation"])


def test_sector_2_specialist_with_mutuelle() -> None:
    """S2 non-OPTAM specialist 60 €: base 23, AMO 14.10, dépassement 37."""
    code, out, _ = _run(
        "--date", "2025-03-01", "--act", "CS", "--fee", "60", "--sector", "2", "--json"
    )
    data = json.loads(out)
    assert code == 0
    assert (data["base"], data["amo"], data["amc"], data["depassement"]) == (
        "23.00",
        "14.10",
        "6.90",
        "37.00",
    )


def test_options_change_the_figures() -> None:
    """Children, CSS, tiers payant and no mutuelle show in the figures."""
    _, out, _ = _run("--date", "2025-03-01", "--act", "G", "--fee", "35", "--age", "3", "--json")
    assert json.loads(out)["amo"] == "24.50"
    _, out, _ = _run("--date", "2025-03-01", "--act", "G", "--fee", "30", "--css", "--json")
    assert json.loads(out)["patient"] == "0.00"
    _, out, _ = _run(
        "--date", "2025-03-01", "--act", "G", "--fee", "30", "--amc-percent", "0", "--json"
    )
    assert json.loads(out)["patient"] == "11.00"
    _, out, _ = _run(
        "--date", "2025-03-01", "--act", "G", "--fee", "30", "--tiers-payant", "partial", "--json"
    )
    assert json.loads(out)["amo_to_household"] is False
    _, out, _ = _run(
        "--date", "2025-03-01", "--act", "AMK", "--fee", "18.56", "--coefficient", "8.4", "--json"
    )
    assert json.loads(out)["base"] == "18.56"


def test_french_explanation() -> None:
    """--lang fr renders the explanation in French."""
    _, out, _ = _run("--date", "2025-03-01", "--act", "G", "--fee", "30", "--json", "--lang", "fr")
    assert "Participation forfaitaire : 2,00 €." in json.loads(out)["explanation"]


def test_readable_table() -> None:
    """Without --json a table of figures and the explanation are printed."""
    code, out, _ = _run("--date", "2025-03-01", "--act", "G", "--fee", "30")
    assert code == 0
    assert "AMO" in out and "19.00" in out and "2027-03-31" in out


def test_bad_date_names_the_option() -> None:
    """A malformed date exits non-zero naming --date."""
    code, out, err = _run("--date", "2025-0301", "--act", "G", "--fee", "30")
    assert code != 0
    assert "'--date'" in err and "YYYY-MM-DD" in err
    assert out == ""


def test_bad_fee_and_unknown_act() -> None:
    """A bad fee or act code is refused naming the option."""
    code, _, err = _run("--date", "2025-03-01", "--act", "G", "--fee", "30.001")
    assert code != 0 and "'--fee'" in err
    code, _, err = _run("--date", "2025-03-01", "--act", "NOPE", "--fee", "30")
    assert code != 0 and "'--act'" in err


def test_date_without_tariff() -> None:
    """A date before the tables start is reported on --date."""
    code, _, err = _run("--date", "2010-03-01", "--act", "G", "--fee", "30")
    assert code != 0 and "'--date'" in err and "2010-03-01" in err


def test_act_needing_a_base() -> None:
    """Acts without tariff ask for --base."""
    code, _, err = _run("--date", "2025-03-01", "--act", "LPP", "--fee", "150")
    assert code != 0 and "'--base'" in err
    code, out, _ = _run(
        "--date", "2025-03-01", "--act", "LPP", "--fee", "150", "--base", "10", "--json"
    )
    assert code == 0 and json.loads(out)["amo"] == "6.00"
