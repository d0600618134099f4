"""The summary's "possibly owed to you" section: acts a payer paid short, and why.

Kept apart from :mod:`carnet.documents.summary` (which calls it) with its own
words in both languages, like the other sections' tables.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus.flowables import Flowable

from carnet.documents import rl
from carnet.documents.formats import language_of, money, short_date
from carnet.documents.styles import styles
from carnet.documents.summary_tables import grid_style, head_row, text_cell
from carnet.domain.reports import OwedLine

_WORDS = {
    "en": {
        "title": "Possibly owed to you",
        "none": "Every amount received for these acts is the amount expected.",
        "note": (
            "Paid short by the CPAM or the mutuelle, beyond deductions that may be withheld "
            "later. The likely cause is the rule that gives exactly the amount paid; ask the "
            "payer with a reclamation (carnet letter reclamation)."
        ),
        "headers": ("Care", "Patient", "Act", "Payer", "Expected", "Received", "Owed", "Cause"),
        "total": "Total",
        "amo": "CPAM",
        "amc": "Mutuelle",
        "parcours": "outside the parcours",
        "sector": "non-OPTAM base",
        "deductions": "deductions taken again",
        "rate": "another rate",
        "mutuelle-not-informed": "mutuelle not informed",
        "tariff": "older tariff",
        "unknown": "unknown",
    },
    "fr": {
        "title": "Sommes peut-être dues",
        "none": "Chaque montant reçu pour ces actes est le montant attendu.",
        "note": (
            "Payé en moins par la CPAM ou la mutuelle, au-delà des retenues qui peuvent être "
            "faites plus tard. La cause probable est la règle qui donne exactement le montant "
            "versé ; réclamez-le par courrier (carnet letter reclamation)."
        ),
        "headers": ("Soin", "Patient", "Acte", "Payeur", "Attendu", "Reçu", "Dû", "Cause"),
        "total": "Total",
        "amo": "CPAM",
        "amc": "Mutuelle",
        "parcours": "hors parcours",
        "sector": "base non OPTAM",
        "deductions": "retenues en double",
        "rate": "autre taux",
        "mutuelle-not-informed": "mutuelle non informée",
        "tariff": "ancien tarif",
        "unknown": "inconnue",
    },
}
_MONEY = (4, 6)
_COLUMNS = (18.0, 30.0, 12.0, 17.0, 17.0, 17.0, 17.0, 34.0)


def owed_section(lines: Sequence[OwedLine], language: str, width: float) -> list[Flowable]:
    """Heading, then the table (and its total) or a sentence saying nothing is owed."""
    words = _WORDS[language_of(language)]
    page = styles()
    story: list[Flowable] = [rl.paragraph(str(words["title"]), page.heading)]
    if not lines:
        return [*story, rl.paragraph(str(words["none"]), page.body)]
    rows: list[list[rl.Cell]] = [head_row(words["headers"], right=_MONEY)]
    for line in lines:
        rows.append(
            [
                short_date(line.care_date),
                text_cell(line.person, 60),
                text_cell(line.act, 20),
                str(words.get(line.payer, line.payer)),
                money(line.expected_cents, language),
                money(line.received_cents, language),
                money(line.expected_cents - line.received_cents, language),
                text_cell(str(words.get(line.cause, line.cause)), 40),
            ]
        )
    total = sum(line.expected_cents - line.received_cents for line in lines)
    rows.append([str(words["total"]), "", "", "", "", "", money(total, language), ""])
    scale = width / sum(_COLUMNS)
    table = rl.table(
        rows,
        [c * scale for c in _COLUMNS],
        grid_style(header=True, total_row=True, right=_MONEY),
    )
    return [*story, table, rl.paragraph(str(words["note"]), page.small)]
