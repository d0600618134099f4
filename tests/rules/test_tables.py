"""The rule tables: shipped tables load; malformed ones fail naming file and key."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from carnet.rules import NoTariffError, RuleTableError, default_tables, load_tables
from carnet.rules.tariffs import default_rules_dir

_GOOD_PERIOD = """
[[X]]
value = "1.00"
valid_from = 2024-01-01
source = "https://example.org/"
confidence = "sure"
"""


def _copy_tables(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target


def _write_extra(directory: Path, text: str) -> None:
    (directory / "extra.toml").write_text(text, encoding="utf-8")


def test_shipped_tables_answer_by_date() -> None:
    """G is 26.50 € until 2024-12-21 and 30 € from 2024-12-22."""
    tables = default_tables()
    assert tables.cents("G", date(2024, 12, 21)) == 2650
    assert tables.cents("G", date(2024, 12, 22)) == 3000
    assert tables.decimal("RATE_DOCTOR", date(2025, 1, 1)) == Decimal("0.70")
    assert tables.cents("PF_AMOUNT", date(2024, 5, 14)) == 100
    assert tables.cents("PF_AMOUNT", date(2024, 5, 15)) == 200
    assert tables.cents("FJ", date(2026, 3, 1)) == 2300


def test_every_period_has_a_source_and_confidence() -> None:
    """Each value carries its source address and a confidence tag."""
    tables = default_tables()
    for key in tables.names():
        for period in tables.periods(key):
            assert period.source.startswith("https://") or period.source.startswith("http://")
            assert period.confidence in ("sure", "likely", "unsure")


def test_rules_version_is_stable_and_dated() -> None:
    """The version names the latest change date and a content hash."""
    version = default_tables().version
    assert version.startswith("2026-04-22+")
    assert version == load_tables(default_rules_dir()).version


def test_a_sum_follows_its_parts() -> None:
    """G_MEG = G + MEG (5 €): 25 + 5, 26.50 + 5 and 30 + 5 as G changed (ameli.fr, 2024-12-22)."""
    tables = default_tables()
    assert tables.cents("G_MEG", date(2023, 10, 31)) == 3000
    assert tables.cents("G_MEG", date(2024, 12, 21)) == 3150
    assert tables.cents("G_MEG", date(2024, 12, 22)) == 3500
    assert tables.period("G_MEG", date(2025, 1, 1)).note == "G 30.00 + MEG 5.00"


def test_a_new_value_of_a_part_carries_over_to_its_sum(tmp_path: Path) -> None:
    directory = _copy_tables(tmp_path)
    tariffs = directory / "tariffs.toml"
    text = tariffs.read_text(encoding="utf-8").replace(
        '[[G]]\nvalue = "30.00"\nvalid_from = 2024-12-22\n',
        '[[G]]\nvalue = "30.00"\nvalid_from = 2024-12-22\nvalid_to = 2026-12-31\n',
    )
    tariffs.write_text(
        text
        + _GOOD_PERIOD.replace("[[X]]", "[[G]]")
        .replace("2024-01-01", "2027-01-01")
        .replace('"1.00"', '"32.00"'),
        encoding="utf-8",
    )
    tables = load_tables(directory)
    assert tables.cents("G_MEG", date(2026, 12, 31)) == 3500
    assert tables.cents("G_MEG", date(2027, 1, 1)) == 3700


def test_no_value_before_the_tables_start() -> None:
    """Asking for a date no period covers is a clear error naming the key and the date."""
    with pytest.raises(NoTariffError, match=r"G.*2010-01-01"):
        default_tables().cents("G", date(2010, 1, 1))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[X]]\nvalue = 1.5\nvalid_from = 2024-01-01\nsource = \"https://e/\"\n"
         "confidence = \"sure\"\n", r"extra\.toml: X\[0\]\.value: must be a quoted decimal"),
        (_GOOD_PERIOD.replace('"1.00"', '"abc"'), r"extra\.toml: X\[0\]\.value: not a decimal"),
        (_GOOD_PERIOD.replace('"1.00"', '"1.005"'), r"X\[0\]\.value: more than two decimals"),
        (_GOOD_PERIOD.replace('"sure"', '"maybe"'), r"X\[0\]\.confidence"),
        (_GOOD_PERIOD.replace("2024-01-01", '"2024-13-01"'), r"X\[0\]\.valid_from: not a date"),
        (_GOOD_PERIOD.replace('source = "https://example.org/"\n', ""),
         r"X\[0\]: missing field 'source'"),
        (_GOOD_PERIOD + "colour = \"red\"\n", r"X\[0\]: unknown field\(s\) colour"),
        (_GOOD_PERIOD + _GOOD_PERIOD, r"extra\.toml: X: periods overlap"),
        (_GOOD_PERIOD.replace("[[X]]", "[[G]]"),
         r"tariffs\.toml: G: key already defined in extra\.toml"),
        ("[[X]\nvalue=", r"extra\.toml: not valid TOML"),
        ('[S]\nsum = ["G", "NOPE"]\n', r"extra\.toml: S: sum of unknown key\(s\) NOPE"),
        ('[S]\nsum = ["G"]\n', r"extra\.toml: S: a sum is"),
    ],
)  # fmt: skip
def test_bad_tables_name_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    """A malformed table is refused with the file, the key and the problem."""
    directory = _copy_tables(tmp_path)
    _write_extra(directory, text)
    with pytest.raises(RuleTableError, match=message):
        load_tables(directory)


def test_act_pointing_to_missing_tariff(tmp_path: Path) -> None:
    """An act whose tariff key exists in no table is refused, naming the act."""
    directory = _copy_tables(tmp_path)
    acts = directory / "acts.toml"
    acts.write_text(acts.read_text(encoding="utf-8").replace('tariff = "G"', 'tariff = "GG"'))
    with pytest.raises(RuleTableError, match=r"acts\.toml: G\.tariff: no rule table defines 'GG'"):
        load_tables(directory)


def test_unknown_profession_in_catalogue(tmp_path: Path) -> None:
    """A profession the domain does not know is refused."""
    directory = _copy_tables(tmp_path)
    acts = directory / "acts.toml"
    text = acts.read_text(encoding="utf-8").replace('profession = "gp"', 'profession = "wizard"', 1)
    acts.write_text(text, encoding="utf-8")
    with pytest.raises(RuleTableError, match=r"acts\.toml: G\.profession: 'wizard'"):
        load_tables(directory)


def test_no_float_in_rules_code() -> None:
    """Money never goes through float in the rules package (CI greps for it too)."""
    package = Path(__file__).resolve().parents[2] / "src" / "carnet" / "rules"
    for source in package.glob("*.py"):
        assert "float(" not in source.read_text(encoding="utf-8"), source.name
