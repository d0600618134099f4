"""The words of the summary, in English and French, and the labels of stored codes.

A per-language table, like the checklist's: the sheets are read as a whole and
their French is written, not machine-translated. The stored codes (categories,
statuses, payers) are worded here too, in the terms the windows use, because
the documents layer cannot reach the GUI's label tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from carnet.documents.formats import language_of


@dataclass(frozen=True, slots=True)
class Texts:
    title: str
    household: str
    period: str  # {start} {end}
    prepared: str  # {day}
    totals: str
    fee: str
    amo: str
    amc: str
    patient: str
    awaited: str
    per_month: str
    per_category: str
    reimbursed: str
    out_of_pocket: str
    pending: str
    pending_note: str
    ageing_headers: tuple[str, ...]
    nothing_pending: str
    feuilles: str
    feuille_headers: tuple[str, ...]
    no_feuilles: str
    acts: str
    act_headers: tuple[str, ...]
    acts_total: tuple[str, str]  # singular, plural, with {n}
    no_acts: str
    footer: str  # {period} {page} {total}
    total: str
    parcours: str = ""
    parcours_lost: str = ""  # {name} {amount}
    parcours_advice: str = ""


ENGLISH = Texts(
    parcours="What the parcours de soins cost",
    parcours_lost="{name}: {amount} not reimbursed by the CPAM (out of the parcours)",
    parcours_advice=(
        "Out of the parcours de soins the CPAM pays 30 % instead of 70 %, and a contrat "
        "responsable does not make up the difference. Declare a médecin traitant; you can "
        "change your médecin traitant at any time (tell your CPAM)."
    ),
    title="Health-care summary",
    household="Whole household",
    period="{start} to {end}",
    prepared="Prepared on {day} with Carnet.",
    totals="Totals",
    fee="Fees",
    amo="Assurance Maladie (AMO)",
    amc="Mutuelle",
    patient="Out of pocket",
    awaited="Still awaited",
    per_month="Due back and out of pocket, per month",
    per_category="By category",
    reimbursed="Due back (AMO and mutuelle), received or not",
    out_of_pocket="Out of pocket",
    pending="Still awaited, by payer and days overdue",
    pending_note=(
        "Days are counted from the latest date each payment was expected; "
        "“not yet due” money may still arrive on time."
    ),
    ageing_headers=("Payer", "Not yet due", "0–30 days", "31–60 days", "61–90 days", "> 90 days"),
    nothing_pending="Nothing is awaited: every reimbursement of these acts has arrived.",
    feuilles="Feuilles de soins not mailed yet",
    feuille_headers=("Feuille", "Patient", "Status", "Next step", "Deadline"),
    no_feuilles="Every paper feuille has been mailed.",
    acts="Care acts",
    act_headers=(
        "Date",
        "Patient",
        "Practitioner",
        "Act",
        "Fee",
        "AMO",
        "Mutuelle",
        "Out of pocket",
        "Status",
    ),
    acts_total=("Total, {n} act", "Total, {n} acts"),
    no_acts="No care act in this period.",
    footer="Summary {period} – page {page}/{total}",
    total="Total",
)

FRENCH = Texts(
    parcours="Ce que le parcours de soins a coûté",
    parcours_lost="{name} : {amount} non remboursés par la CPAM (hors parcours)",
    parcours_advice=(
        "Hors parcours de soins, la CPAM rembourse 30 % au lieu de 70 %, et un contrat "
        "responsable ne compense pas la différence. Déclarez un médecin traitant ; vous pouvez "
        "en changer à tout moment (prévenez votre CPAM)."
    ),
    title="Récapitulatif des soins",
    household="Tout le foyer",
    period="du {start} au {end}",
    prepared="Établi le {day} avec Carnet.",
    totals="Totaux",
    fee="Montant des soins",
    amo="Assurance Maladie (AMO)",
    amc="Mutuelle",
    patient="Reste à charge",
    awaited="Encore attendu",
    per_month="À rembourser et reste à charge, par mois",
    per_category="Par catégorie",
    reimbursed="À rembourser (AMO et mutuelle), reçu ou non",
    out_of_pocket="Reste à charge",
    pending="Encore attendu, par payeur et jours de retard",
    pending_note=(
        "Les jours sont comptés depuis la date à laquelle chaque paiement était attendu "
        "au plus tard ; l'argent « pas encore dû » peut encore arriver à temps."
    ),
    ageing_headers=(
        "Payeur",
        "Pas encore dû",
        "0 à 30 jours",
        "31 à 60 jours",
        "61 à 90 jours",
        "> 90 jours",
    ),
    nothing_pending="Rien n'est attendu : tous les remboursements de ces actes sont arrivés.",
    feuilles="Feuilles de soins pas encore envoyées",
    feuille_headers=("Feuille", "Patient", "État", "Prochaine étape", "Date limite"),
    no_feuilles="Toutes les feuilles papier ont été envoyées.",
    acts="Actes de soins",
    act_headers=(
        "Date",
        "Patient",
        "Praticien",
        "Acte",
        "Montant",
        "AMO",
        "Mutuelle",
        "Reste à charge",
        "Statut",
    ),
    acts_total=("Total, {n} acte", "Total, {n} actes"),
    no_acts="Aucun acte de soins sur cette période.",
    footer="Récapitulatif {period} – page {page}/{total}",
    total="Total",
)

CATEGORIES = {
    "en": {
        "gp": "GP",
        "specialist": "Specialist",
        "dental": "Dental",
        "midwife": "Midwife",
        "paramedical": "Paramedical",
        "biology": "Laboratory",
        "radiology": "Radiology",
        "pharmacy-100": "Pharmacy 100 %",
        "pharmacy-65": "Pharmacy 65 %",
        "pharmacy-30": "Pharmacy 30 %",
        "pharmacy-15": "Pharmacy 15 %",
        "devices": "Medical devices",
        "emergency": "Emergency",
        "hospital": "Hospital",
        "hospital-forfait": "Hospital daily charge",
        "transport": "Transport",
        "other": "Other",
    },
    "fr": {
        "gp": "Généraliste",
        "specialist": "Spécialiste",
        "dental": "Dentaire",
        "midwife": "Sage-femme",
        "paramedical": "Paramédical",
        "biology": "Laboratoire",
        "radiology": "Radiologie",
        "pharmacy-100": "Pharmacie 100 %",
        "pharmacy-65": "Pharmacie 65 %",
        "pharmacy-30": "Pharmacie 30 %",
        "pharmacy-15": "Pharmacie 15 %",
        "devices": "Dispositifs médicaux",
        "emergency": "Urgence",
        "hospital": "Hôpital",
        "hospital-forfait": "Forfait journalier",
        "transport": "Transport",
        "other": "Autre",
    },
}

ACT_STATUSES = {
    "en": {
        "pending": "Awaited",
        "partly-paid": "Partly reimbursed",
        "settled": "Reimbursed",
        "nothing-expected": "Nothing to claim",
    },
    "fr": {
        "pending": "En attente",
        "partly-paid": "Remboursé en partie",
        "settled": "Remboursé",
        "nothing-expected": "Rien à réclamer",
    },
}

PAYER_NAMES = {
    "en": {"amo": "Assurance Maladie (CPAM)", "amc": "Mutuelle"},
    "fr": {"amo": "Assurance Maladie (CPAM)", "amc": "Mutuelle"},
}

# (status, next step) per feuille status; English follows domain.claims.NEXT_ACTION.
FEUILLE_STATUSES = {
    "en": {
        "held": (
            "Kept until the number arrives",
            "Keep it until the social security number arrives",
        ),
        "to-sign": ("To sign", "Sign the feuille"),
        "signed": ("Signed, to copy", "Make a copy (photocopy or scan) for your records"),
        "copied": ("Copied, to mail", "Put it in an envelope to your CPAM"),
        "in-mailing": ("In an envelope", "Print the letter and mail the envelope"),
        "returned": ("Returned by the CPAM", "Correct it, sign it again and resend it"),
        "mailed": ("Mailed", "Wait for the CPAM payment"),
    },
    "fr": {
        "held": (
            "En attente du numéro",
            "La garder jusqu'à l'arrivée du numéro de sécurité sociale",
        ),
        "to-sign": ("À signer", "Signer la feuille"),
        "signed": ("Signée, à copier", "En faire une copie (photocopie ou scan) pour vos dossiers"),
        "copied": ("Copiée, à envoyer", "La mettre dans une enveloppe pour votre CPAM"),
        "in-mailing": ("Dans une enveloppe", "Imprimer la lettre et poster l'enveloppe"),
        "returned": ("Renvoyée par la CPAM", "La corriger, la signer à nouveau et la renvoyer"),
        "mailed": ("Envoyée", "Attendre le paiement de la CPAM"),
    },
}


def texts(language: str) -> Texts:
    return FRENCH if language_of(language) == "fr" else ENGLISH


def word(table: dict[str, dict[str, str]], language: str, code: str) -> str:
    """The label of a stored code; an unknown code prints as stored rather than vanishing."""
    return table[language_of(language)].get(code, code)


def feuille_words(language: str, status: str) -> tuple[str, str]:
    """(status, next step) of a feuille status."""
    return FEUILLE_STATUSES[language_of(language)].get(status, (status, ""))


def plural(forms: tuple[str, str], count: int) -> str:
    return forms[0] if count == 1 else forms[1]
