"""What the road says about each step: its name, the seed's advice, what skipping it costs.

The advice follows the seed document (the household's guide to the French system),
in the UI language through the gettext catalogue.
"""

from __future__ import annotations

from carnet.domain.road import Step
from carnet.i18n import N_

LABELS: dict[Step, str] = {
    Step.REGISTRATION: N_("Registration requested"),
    Step.ATTESTATION: N_("Attestation de droits received"),
    Step.VITALE_REQUESTED: N_("Carte Vitale requested"),
    Step.VITALE_RECEIVED: N_("Carte Vitale received"),
    Step.AMELI: N_("ameli account created"),
    Step.TREATING_DOCTOR: N_("Médecin traitant declared"),
    Step.MUTUELLE: N_("Mutuelle taken"),
    Step.NOEMIE: N_("Noémie link confirmed"),
    Step.EHIC_REQUESTED: N_("European Health Insurance Card requested"),
    Step.EHIC_RECEIVED: N_("European Health Insurance Card received"),
}

ADVICE: dict[Step, str] = {
    Step.REGISTRATION: N_(
        "Ask your CPAM to register you. Until your number arrives, keep your feuilles de "
        "soins in a safe place: Carnet holds them for you."
    ),
    Step.ATTESTATION: N_(
        "The attestation de droits gives your social security number, even a temporary one. "
        "Enter it: the feuilles held for it can be sent to your CPAM at once. Keep the "
        "attestation in a safe place."
    ),
    Step.VITALE_REQUESTED: N_(
        "Once you have your number, request the carte Vitale on your ameli account "
        "(“Mes démarches”) with a recent photo and your ID."
    ),
    Step.VITALE_RECEIVED: N_(
        "Show the card at each visit and at the pharmacy: you are reimbursed in about a week, "
        "with no feuille de soins to send."
    ),
    Step.AMELI: N_(
        "Create your ameli account with your number: request the card, follow your "
        "reimbursements, download your documents, ask for the European card."
    ),
    Step.TREATING_DOCTOR: N_(
        "Declare a médecin traitant, the GP you see first: without one, consultations are "
        "reimbursed 30 % instead of 70 %."
    ),
    Step.MUTUELLE: N_(
        "A mutuelle (complementary insurance) pays what the Assurance Maladie leaves to you, "
        "usually the remaining 30 %."
    ),
    Step.NOEMIE: N_(
        "Ask your mutuelle to confirm the remote transmission (Noémie) with your CPAM: it then "
        "pays by itself, without a letter."
    ),
    Step.EHIC_REQUESTED: N_(
        "Before travelling in Europe, request the European Health Insurance Card on ameli, at "
        "least 15 days before leaving; each member of the family needs their own."
    ),
    Step.EHIC_RECEIVED: N_(
        "Enter the last day of the card: Carnet reminds you a month before it ends."
    ),
}
