"""What a NIR says about its holder, and where it disagrees with what the household typed.

``S YY MM DD CCC NNN KK`` (docs/domain-fr.md §8, service-public F33078): the sex
(1 male, 2 female; 7 and 8 for a temporary number, 3 and 4 sometimes for a person
born abroad being registered, odd for men and even for women as with 1 and 2),
the birth year and month, the birth département (99 for a person born abroad,
followed by the INSEE code of the country instead of a commune), an order number
and the key. python-stdnum checks the length, Corsica's 2A/2B and the key; the
meaning of the digits is read here.

Nothing here refuses a number: a NIR that disagrees with the typed birth date or
sex is more often a typing mistake in the date than in a number with a correct
key, and only the household can tell. The doubts come back as warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from carnet.domain.messages import N_, Message
from carnet.domain.people import Sex

# The first digit: its sex, and whether the number is temporary (a NIA or a number
# the caisse gives while the civil status is checked).
_FIRST_DIGIT: dict[str, tuple[Sex, bool]] = {
    "1": (Sex.MALE, False),
    "2": (Sex.FEMALE, False),
    "3": (Sex.MALE, True),
    "4": (Sex.FEMALE, True),
    "7": (Sex.MALE, True),
    "8": (Sex.FEMALE, True),
}
BORN_ABROAD = "99"
CORSICA_SPLIT = 1976  # 20 before, 2A (Corse-du-Sud) and 2B (Haute-Corse) from 1976

# The number's sex, when the person is stated to be of the other one.
_SEX_DOUBTS = {
    Sex.MALE: N_(
        "{field}: the first digit ({digit}) is a man's, but the person is stated as female"
    ),
    Sex.FEMALE: N_(
        "{field}: the first digit ({digit}) is a woman's, but the person is stated as male"
    ),
}


@dataclass(frozen=True, slots=True)
class NirParts:
    """The digits of a valid NIR (compact form), read."""

    sex: Sex  # NOT_STATED: a first digit no NIR starts with
    temporary: bool
    year: int  # two digits
    month: int | None  # None: the registry does not know the month (codes 20-42, 50-99)
    departement: str  # "75", "2A", "97" (overseas: the third digit follows), "99" (abroad)
    place: str  # the commune, or the country's INSEE code for a person born abroad

    @property
    def born_abroad(self) -> bool:
        return self.departement == BORN_ABROAD


def read_nir(compact: str) -> NirParts:
    """``"288039913204516"`` → a woman born in March 1988 abroad (country 132)."""
    sex, temporary = _FIRST_DIGIT.get(compact[0], (Sex.NOT_STATED, False))
    month = int(compact[3:5])
    return NirParts(
        sex=sex,
        temporary=temporary,
        year=int(compact[1:3]),
        month=month if 1 <= month <= 12 else None,
        departement=compact[5:7],
        place=compact[7:10],
    )


def nir_doubts(
    compact: str, birth_date: date | None, sex: Sex = Sex.NOT_STATED, field: str = "nir"
) -> tuple[Message, ...]:
    """Where a valid NIR disagrees with the birth date and sex typed for its holder."""
    parts = read_nir(compact)
    doubts: list[Message] = []
    if parts.sex is Sex.NOT_STATED:
        doubts.append(
            Message(
                N_(
                    "{field}: no social security number starts with {digit} "
                    "(1 or 2; 7 or 8 for a temporary number): check the first digit"
                ),
                field=Message(field),
                digit=compact[0],
            )
        )
    elif sex is not Sex.NOT_STATED and sex is not parts.sex:
        doubts.append(Message(_SEX_DOUBTS[parts.sex], field=Message(field), digit=compact[0]))
    if birth_date is not None:
        doubts += _birth_doubts(compact, parts, birth_date, field)
    return tuple(doubts)


def _birth_doubts(compact: str, parts: NirParts, born: date, field: str) -> list[Message]:
    return _date_doubts(compact, parts, born, field) + _corsica_doubts(parts, born, field)


def _corsica_doubts(parts: NirParts, born: date, field: str) -> list[Message]:
    """Corsica was one département (20) until 1976, then two (2A, 2B): a person born
    there has the code of the year of birth (docs/domain-fr.md §8)."""
    split = born.year >= CORSICA_SPLIT
    if parts.departement in ("2A", "2B") and not split:
        template = N_(
            "{field}: digits 6-7 ({digits}) name a Corsican département created in 1976, "
            "but the birth date is in {year}"
        )
    elif parts.departement == "20" and split:
        template = N_(
            "{field}: digits 6-7 ({digits}) name Corsica as it was before 1976 (2A or 2B "
            "since), but the birth date is in {year}"
        )
    else:
        return []
    return [Message(template, field=Message(field), digits=parts.departement, year=born.year)]


def _date_doubts(compact: str, parts: NirParts, born: date, field: str) -> list[Message]:
    # Temporary numbers are built from the same civil status, so they are compared too.
    if parts.month is None:  # the month is unknown to the registry: the year alone can differ
        if parts.year == born.year % 100:
            return []
        return [
            Message(
                N_("{field}: digits 2-3 ({digits}) do not match the birth year ({expected})"),
                field=Message(field),
                digits=compact[1:3],
                expected=born.strftime("%y"),
            )
        ]
    if (parts.year, parts.month) == (born.year % 100, born.month):
        return []
    return [
        Message(
            N_("{field}: digits 2-5 ({digits}) do not match the birth date ({expected})"),
            field=Message(field),
            digits=compact[1:5],
            expected=born.strftime("%y%m"),
        )
    ]
