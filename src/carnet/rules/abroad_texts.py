"""The explanation lines of care received abroad, in English and in French."""

from __future__ import annotations

# Parameters: invoice (amount in its currency), currency (ISO code), exchange (euros
# for one unit), fee (the invoice in euros).
ABROAD_TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "abroad.converted": (
            "Care abroad: invoice {invoice} {currency} at €{exchange} per {currency} = €{fee}."
        ),
        "abroad.french_tariff": (
            "Reimbursed on the French tariff of the equivalent act, at most what was paid."
        ),
        "abroad.discretion": (
            "Outside Europe: urgent and unforeseen care only, at the caisse's discretion "
            "(its médecin conseil may refuse, without appeal)."
        ),
        "abroad.country_tariff": (
            "You ask for the country's tariffs: only the CPAM can tell the amount, once the "
            "foreign institution has answered. Nothing is expected until then."
        ),
        "abroad.planned_elsewhere": (
            "Planned care outside Europe is not reimbursed without the caisse's prior agreement."
        ),
    },
    "fr": {
        "abroad.converted": (
            "Soins à l'étranger : facture de {invoice} {currency} à {exchange} € par {currency} "
            "= {fee} €."
        ),
        "abroad.french_tariff": (
            "Remboursement sur la base du tarif français de l'acte équivalent, dans la limite "
            "de la dépense."
        ),
        "abroad.discretion": (
            "Hors d'Europe : seuls les soins urgents et imprévus, à l'appréciation de la caisse "
            "(son médecin conseil peut refuser, sans recours possible)."
        ),
        "abroad.country_tariff": (
            "Vous demandez les tarifs du pays de séjour : seule la CPAM connaîtra le montant, "
            "après la réponse de l'institution étrangère. Rien n'est attendu d'ici là."
        ),
        "abroad.planned_elsewhere": (
            "Les soins programmés hors d'Europe ne sont pas remboursés sans accord préalable "
            "de la caisse."
        ),
    },
}
