"""The reclamation: a letter asking the CPAM (or the mutuelle) for what it underpaid.

It lists each act with the amount expected from the tariffs and rates in force
on the day of the care, the amount paid, the difference and the likely reason,
and asks for the total. The same letter, with the date of the first one, is the
relance when the payer has not answered after some weeks. Always in French.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab.platypus.flowables import Flowable

from carnet.documents import rl
from carnet.documents.fonts import markup, nbsp
from carnet.documents.formats import count_fr, long_date_fr, money, short_date
from carnet.documents.letter import LetterHead, Reference, letter_story, render_letter
from carnet.documents.model import Insured, Recipient, Sender
from carnet.documents.styles import MARGIN, PAGE_WIDTH, styles
from carnet.documents.totalled_table import totalled_table

HEADERS = (
    "Date des soins",
    "Bénéficiaire",
    "Acte",
    "Montant attendu",
    "Montant versé",
    "Écart",
    "Motif probable",
)
_WIDTHS = (19.0, 26.0, 12.0, 18.0, 17.0, 15.0, 48.0)

# What the payer seems to have done, as the letter tells it (cause → reason).
_REASONS = {
    "parcours": (
        "remboursé comme hors parcours de soins coordonnés, alors que j'ai déclaré "
        "un médecin traitant"
    ),
    "sector": (
        "remboursé sur la base des médecins non adhérents à l'OPTAM, alors que le praticien "
        "y adhère"
    ),
    "deductions": "participation forfaitaire ou franchise de {detail} retenue une seconde fois",
    "rate": "remboursé au taux de {detail}\u00a0%, qui n'est pas celui applicable à cet acte",
    "mutuelle-not-informed": "aucune part complémentaire versée pour ce soin",
    "tariff": (
        "remboursé sur le tarif en vigueur avant le {detail}, et non sur celui du jour des soins"
    ),
    "unknown": "montant inférieur au remboursement prévu, sans explication sur le décompte",
}


def reason_fr(cause: str, detail: str) -> str:
    """The reason of one line, in the letter's words."""
    shown = detail
    if cause == "deductions" and detail:
        shown = money(int(detail))
    elif cause == "rate" and detail:
        shown = f"{(Decimal(detail) * 100).normalize():f}".replace(".", ",")
    elif cause == "tariff" and detail:
        shown = long_date_fr(dt.date.fromisoformat(detail))
    return _REASONS.get(cause, _REASONS["unknown"]).format(detail=shown)


@dataclass(frozen=True, slots=True)
class ClaimedAct:
    care_date: dt.date
    beneficiary: str
    act: str
    expected_cents: int
    paid_cents: int
    reason: str

    @property
    def difference_cents(self) -> int:
        return self.expected_cents - self.paid_cents


@dataclass(frozen=True, slots=True)
class Reclamation:
    """Everything the letter says; ``original_date`` makes it the relance of that letter."""

    sender: Sender
    insured: Insured
    recipient: Recipient
    date: dt.date
    place: str
    acts: tuple[ClaimedAct, ...]
    to_mutuelle: bool = False
    contract_number: str = ""
    mailing_id: str = ""
    tracking: str = ""
    original_date: dt.date | None = None

    @property
    def total_cents(self) -> int:
        return sum(a.difference_cents for a in self.acts)


def subject_of(letter: Reclamation) -> str:
    if letter.original_date is not None:
        return f"Relance – réclamation du {long_date_fr(letter.original_date)}"
    return "Réclamation – remboursements inférieurs aux montants dus"


def _references(letter: Reclamation) -> list[Reference]:
    references: list[Reference] = [("Assuré(e)", letter.insured.name)]
    if letter.to_mutuelle and letter.contract_number:
        references.append(("N° de contrat", letter.contract_number))
    references.append(("N° de sécurité sociale", nbsp(letter.insured.nir_text)))
    if letter.mailing_id:
        references.append(("Référence", letter.mailing_id))
    return references


def _opening(letter: Reclamation) -> str:
    count = len(letter.acts)
    acts = (
        "l'acte ci-dessous a été remboursé"
        if count == 1
        else (f"les {count} actes ci-dessous ont été remboursés")
    )
    payer = "par votre organisme au titre de mon contrat" if letter.to_mutuelle else ""
    base = (
        f"Après vérification de mes décomptes, je constate que {acts} {payer} pour un montant "
        "inférieur à celui qui résulte des tarifs et des taux en vigueur à la date des soins."
    ).replace("  ", " ")
    if letter.original_date is None:
        return base
    weeks = max(1, (letter.date - letter.original_date).days // 7)
    return (
        f"Le {long_date_fr(letter.original_date)}, je vous ai adressé une réclamation concernant "
        f"{'le remboursement' if count == 1 else 'les remboursements'} ci-dessous. À ce jour, "
        f"soit {count_fr(weeks, 'semaine', 'semaines')} plus tard, je n'ai reçu ni "
        "régularisation ni réponse."
    )


def _request(letter: Reclamation) -> str:
    total = money(letter.total_cents)
    return (
        "Je vous remercie de bien vouloir réexaminer "
        f"{'ce remboursement' if len(letter.acts) == 1 else 'ces remboursements'} et me verser "
        f"la différence, soit {total} au total, sur le compte bancaire enregistré à mon dossier. "
        "À défaut, je vous remercie de m'indiquer par écrit le motif de ces montants."
    )


def acts_table(acts: Sequence[ClaimedAct], width: float) -> Flowable:
    """The claimed acts, one per row, with a header on each page and a total row."""
    page = styles()
    rows: list[list[Flowable | str]] = [[rl.paragraph(h, page.cell_head) for h in HEADERS]]
    for a in acts:
        rows.append(
            [
                short_date(a.care_date),
                rl.paragraph(markup(a.beneficiary, 80), page.cell),
                rl.paragraph(markup(a.act, 40), page.cell),
                money(a.expected_cents),
                money(a.paid_cents),
                money(a.difference_cents),
                rl.paragraph(markup(a.reason, 200), page.cell),
            ]
        )
    total = sum(a.difference_cents for a in acts)
    rows.append(["Total réclamé", "", "", "", "", money(total), ""])
    scale = width / sum(_WIDTHS)
    return totalled_table(rows, [w * scale for w in _WIDTHS], right=(3, 5), span_to=4)


def _body(letter: Reclamation) -> list[Flowable]:
    page = styles()
    return [
        rl.paragraph(_opening(letter), page.body),
        acts_table(letter.acts, PAGE_WIDTH - 2 * MARGIN),
        rl.spacer(10),
        rl.paragraph(_request(letter), page.body),
    ]


def enclosures(letter: Reclamation) -> list[str]:
    statements = "décompte" if not letter.to_mutuelle else "décompte de l'Assurance Maladie"
    items = [
        f"Copie des {statements}s concernés"
        if len(letter.acts) > 1
        else (f"Copie du {statements} concerné")
    ]
    if letter.original_date is not None:
        items.append(f"Copie de ma réclamation du {long_date_fr(letter.original_date)}")
    return items


def render_reclamation(letter: Reclamation) -> bytes:
    """The letter as PDF bytes."""
    head = LetterHead(
        sender=letter.sender,
        recipient=letter.recipient,
        place=letter.place,
        day=letter.date,
        signer=letter.insured.name,
        tracking=letter.tracking if letter.original_date is None else "",
    )
    subject = subject_of(letter)
    story = letter_story(head, subject, _references(letter), _body(letter), enclosures(letter))
    prefix = f"Réclamation {letter.mailing_id} – " if letter.mailing_id else ""
    return render_letter(head, subject, story, prefix)
