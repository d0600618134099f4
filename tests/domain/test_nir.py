"""The NIR cross-checked with the birth date and sex typed for its holder: warnings, never refusals.

Worked examples. Structure ``S YY MM DD CCC NNN KK`` and key ``K = 97 - (N mod 97)``
from docs/domain-fr.md §8 (service-public F33078; python-stdnum ``fr.nir``): e.g.
1 85 07 69 123 456 → 1850769123456 mod 97 = 24, key 97 - 24 = 73.
"""

from __future__ import annotations

from datetime import date

import pytest

from carnet.domain.errors import ValidationError
from carnet.domain.nir import read_nir
from carnet.domain.people import Sex
from carnet.domain.validation import check_nir
from carnet.i18n import Translator

FR = Translator("fr")

# A man born in July 1985 in the Rhône (69), commune 123.
LYON_MAN = "1 85 07 69 123 456 73"
# A woman born in March 1988 abroad (99), in the United Kingdom (INSEE country 132).
LONDON_WOMAN = "2 88 03 99 132 045 16"
# The same woman's temporary number (8: a woman's; 7 would be a man's).
TEMPORARY_WOMAN = "8 88 03 99 132 045 07"
# A man born in 1975 in Morocco (99 350) whose birth month the registry does not know (31).
MONTH_UNKNOWN = "1 75 31 99 350 012 76"


def warnings(text: str, born: date | None = None, sex: Sex = Sex.NOT_STATED) -> list[str]:
    return [str(w) for w in check_nir(text, born, sex=sex).warnings]


def test_the_digits_are_read() -> None:
    lyon = read_nir("185076912345673")
    assert (lyon.sex, lyon.temporary, lyon.year, lyon.month) == (Sex.MALE, False, 85, 7)
    assert (lyon.departement, lyon.place, lyon.born_abroad) == ("69", "123", False)
    london = read_nir("288039913204516")
    assert (london.sex, london.departement, london.place, london.born_abroad) == (
        Sex.FEMALE,
        "99",
        "132",
        True,
    )
    assert read_nir("888039913204507").sex is Sex.FEMALE
    assert read_nir("888039913204507").temporary
    assert read_nir("175319935001276").month is None  # 31: the month is unknown
    assert read_nir("253072B07300470").departement == "2B"  # python-stdnum's Corsican example


def test_a_number_that_agrees_with_the_person_raises_no_doubt() -> None:
    assert warnings(LYON_MAN, date(1985, 7, 21), Sex.MALE) == []
    assert warnings(LONDON_WOMAN, date(1988, 3, 14), Sex.FEMALE) == []
    # Not stated: nothing to compare the first digit with.
    assert warnings(LONDON_WOMAN, date(1988, 3, 14)) == []


def test_the_sex_stated_is_compared_with_the_first_digit() -> None:
    assert warnings(LONDON_WOMAN, date(1988, 3, 14), Sex.MALE) == [
        "nir: the first digit (2) is a woman's, but the person is stated as male"
    ]
    assert warnings(LYON_MAN, date(1985, 7, 21), Sex.FEMALE) == [
        "nir: the first digit (1) is a man's, but the person is stated as female"
    ]
    [french] = check_nir(LYON_MAN, None, sex=Sex.FEMALE).warnings
    assert french.render(FR) == (
        "NIR : le premier chiffre (1) est celui d'un homme, "
        "mais la personne est indiquée de sexe féminin"
    )


def test_a_number_is_kept_whatever_it_disagrees_with() -> None:
    """A warning, not a refusal: the number comes back, compact, with its doubts."""
    checked = check_nir(LYON_MAN, date(1990, 1, 1), sex=Sex.FEMALE)
    assert checked.nir == "185076912345673"
    assert len(checked.warnings) == 2
    with pytest.raises(ValidationError):  # a wrong key is still a typing mistake
        check_nir("1 85 07 69 123 456 74")


def test_a_temporary_number_says_so_and_is_still_compared() -> None:
    # A temporary number is built from the same civil status: sex 8 (a woman), 03/88.
    assert warnings(TEMPORARY_WOMAN, date(1988, 3, 14), Sex.FEMALE) == [
        "8 88 03 99 132 045 07 looks like a temporary number (NIA); "
        "replace it with the definitive one when it arrives"
    ]
    assert warnings(TEMPORARY_WOMAN, date(1988, 3, 14), Sex.MALE)[1:] == [
        "nir: the first digit (8) is a woman's, but the person is stated as male"
    ]
    assert warnings(TEMPORARY_WOMAN, date(1989, 3, 14), Sex.FEMALE)[1:] == [
        "nir: digits 2-5 (8803) do not match the birth date (8903)"
    ]
    # The other temporary first digit is a man's.
    assert warnings("7 88 03 99 132 045 57", date(1988, 3, 14), Sex.MALE)[1:] == []


def test_an_unknown_birth_month_compares_the_year_only() -> None:
    """Born abroad, civil record without a month: month 31, not a temporary number."""
    checked = check_nir(MONTH_UNKNOWN, date(1975, 1, 1), sex=Sex.MALE)
    assert (checked.temporary, checked.warnings) == (False, ())
    assert warnings(MONTH_UNKNOWN, date(1976, 1, 1)) == [
        "nir: digits 2-3 (75) do not match the birth year (76)"
    ]
    [french] = check_nir(MONTH_UNKNOWN, date(1976, 1, 1)).warnings
    assert french.render(FR) == (
        "NIR : les chiffres 2 et 3 (75) ne correspondent pas à l'année de naissance (76)"
    )


def test_a_born_abroad_number_is_checked_like_any_other() -> None:
    # 99 is the département of people born abroad: nothing about it is doubtful.
    assert warnings(LONDON_WOMAN, date(1988, 4, 14), Sex.FEMALE) == [
        "nir: digits 2-5 (8803) do not match the birth date (8804)"
    ]


def test_a_first_digit_no_number_starts_with_is_doubted() -> None:
    # 5 88 03 99 132 045: 5880399132045 mod 97 = 37, key 60 (valid key, impossible sex digit).
    assert warnings("5 88 03 99 132 045 60", date(1988, 3, 14), Sex.FEMALE) == [
        "nir: no social security number starts with 5 (1 or 2; 7 or 8 for a temporary "
        "number): check the first digit"
    ]


def test_corsica_s_code_follows_the_year_of_birth() -> None:
    """20 until 1976, then 2A or 2B (keys: 2A counts as 19, 2B as 18, python-stdnum)."""
    # 1 80 01 2A 004 123: 1800119004123 mod 97 = 54, key 43; a man born in January 1980.
    assert warnings("1 80 01 2A 004 123 43", date(1980, 1, 5), Sex.MALE) == []
    # 1 53 07 2A 004 123, key 07: born in 1953, before Corse-du-Sud existed.
    assert warnings("1 53 07 2A 004 123 07", date(1953, 7, 1), Sex.MALE) == [
        "nir: digits 6-7 (2A) name a Corsican département created in 1976, "
        "but the birth date is in 1953"
    ]
    # 1 80 01 20 004 123, key 16: born in 1980, after département 20 was split.
    [french] = check_nir("1 80 01 20 004 123 16", date(1980, 1, 5)).warnings
    assert str(french) == (
        "nir: digits 6-7 (20) name Corsica as it was before 1976 (2A or 2B since), "
        "but the birth date is in 1980"
    )
    assert french.render(FR) == (
        "NIR : les chiffres 6 et 7 (20) désignent la Corse d'avant 1976 (2A ou 2B depuis), "
        "mais la date de naissance est en 1980"
    )
    assert warnings("1 80 01 20 004 123 16", date(1975, 12, 31)) != []  # the month still differs
    assert warnings("1 80 01 20 004 123 16") == []  # no birth date: nothing to compare
