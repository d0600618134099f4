"""The words of the "what to do now" sheet, in English and French (written, not translated)."""

from __future__ import annotations

from dataclasses import dataclass

from carnet.documents.formats import language_of


@dataclass(frozen=True, slots=True)
class TodoTexts:
    title: str
    intro: str  # {day}
    nothing: str
    deadlines: str
    deadline_headers: tuple[str, ...]
    feuilles: str
    feuille_headers: tuple[str, ...]
    overdue: str
    overdue_headers: tuple[str, ...]
    payments: tuple[str, str]  # {n} {amount}
    other_payer: str
    colon: str
    more: tuple[str, str]  # {n}
    feuille_ref: str  # {n}
    left: tuple[str, str]  # {days}
    passed: str
    held_advice: str
    late_advice: str
    send_within: str  # {days} {step}
    care: str  # {act} {day}
    footer: str  # {day}


ENGLISH = TodoTexts(
    title="What to do now",
    intro="As of {day}, most urgent first. Tick each line once done.",
    nothing="Nothing to do: every feuille is sent and every payment has arrived.",
    deadlines="Deadlines close",
    deadline_headers=("What to do", "Patient", "Feuille", "Deadline"),
    feuilles="Feuilles de soins to sign and mail",
    feuille_headers=("Next step", "Patient", "Feuille", "Deadline"),
    overdue="Reimbursements overdue",
    overdue_headers=("Who should pay", "Patient", "Care", "Expected by", "Amount"),
    payments=("{n} payment, {amount}", "{n} payments, {amount}"),
    other_payer="Other",
    colon=": ",
    more=("… and {n} more in Carnet", "… and {n} more in Carnet"),
    feuille_ref="#{n}",
    left=("{days} day left", "{days} days left"),
    passed="passed",
    held_advice="Send it now with a letter: the registration is in progress",
    late_advice="Send it anyway with a note: the CPAM may refuse it",
    send_within="Within {days} days: {step}",
    care="{act} of {day}",
    footer="What to do now – {day}",
)

FRENCH = TodoTexts(
    title="À faire maintenant",
    intro="Au {day}, le plus urgent d'abord. Cochez chaque ligne une fois faite.",
    nothing="Rien à faire : toutes les feuilles sont envoyées et tous les paiements sont arrivés.",
    deadlines="Dates limites proches",
    deadline_headers=("À faire", "Patient", "Feuille", "Date limite"),
    feuilles="Feuilles de soins à signer et à envoyer",
    feuille_headers=("Prochaine étape", "Patient", "Feuille", "Date limite"),
    overdue="Remboursements en retard",
    overdue_headers=("Qui doit payer", "Patient", "Soin", "Attendu le", "Montant"),
    payments=("{n} paiement, {amount}", "{n} paiements, {amount}"),
    other_payer="Autre",
    colon=" : ",
    more=("… et {n} autre dans Carnet", "… et {n} autres dans Carnet"),
    feuille_ref="n° {n}",
    left=("encore {days} jour", "encore {days} jours"),
    passed="dépassée",
    held_advice="L'envoyer maintenant avec une lettre : l'immatriculation est en cours",
    late_advice="L'envoyer quand même avec un mot : la CPAM peut la refuser",
    send_within="Sous {days} jours : {step}",
    care="{act} du {day}",
    footer="À faire maintenant – {day}",
)


def todo_texts(language: str) -> TodoTexts:
    return FRENCH if language_of(language) == "fr" else ENGLISH
