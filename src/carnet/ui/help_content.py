"""The words of the Help page: emergency numbers, a short guide, a glossary.

Written for a newcomer from the guide in ``shared/seed`` and the domain notes
(rewritten, not copied), in English; the French text is in the catalogue like
every other string. French terms stay French in both languages: they are the
words printed on the forms and spoken at the desk.
"""

from __future__ import annotations

from carnet.i18n import N_

# (number, who answers, when to call)
EMERGENCY_NUMBERS = (
    ("15", N_("SAMU"), N_("A medical emergency: someone is seriously ill or injured.")),
    ("17", N_("Police"), N_("Violence, a crime in progress, or a threat to safety.")),
    ("18", N_("Pompiers (fire brigade)"), N_("Fire, accident, someone trapped or in danger.")),
    ("112", N_("European emergency number"), N_("Any emergency, from any phone in the EU.")),
    (
        "114",
        N_("Emergencies for deaf and hard-of-hearing people"),
        N_("By text message (SMS), fax or the 114 app, when speaking is not possible."),
    ),
    ("115", N_("SAMU social"), N_("Someone without shelter who needs help tonight.")),
    (
        "3114",
        N_("Suicide prevention"),
        N_("When you, or someone close to you, think about suicide."),
    ),
    (
        "116 117",
        N_("Médecin de garde (on-call doctor)"),
        N_("A doctor at night, at the weekend or on a public holiday, when it can't wait."),
    ),
    (
        "119",
        N_("Allô enfance en danger"),
        N_("A child in danger or at risk, or a worry about one: you can call anonymously."),
    ),
    (
        "3919",
        N_("Violences Femmes Info"),
        N_("Violence against women: listening, advice and help, anonymously."),
    ),
    (
        "01 40 05 48 48",
        N_("Centre antipoison (poison control centre), Paris"),
        N_(
            "Poisoning or a swallowed product: a doctor says what to do. The other centres: "
            "Angers 02 41 48 21 21, Bordeaux 05 56 96 40 80, Lille 08 00 59 59 59, "
            "Lyon 04 72 11 69 11, Marseille 04 91 75 25 25, Nancy 03 83 22 50 50, "
            "Toulouse 05 61 77 74 47. Any of them answers, wherever you are."
        ),
    ),
    (
        "36 24",
        N_("SOS Médecins"),
        N_(
            "Doctors who come to your home, day and night, in most towns; a paid call "
            "(the visit is reimbursed like a consultation)."
        ),
    ),
    (
        "32 37",
        N_("Pharmacie de garde (on-call pharmacy)"),
        N_("The pharmacy open tonight or this Sunday near you; a paid call."),
    ),
)
EMERGENCY_NOTE = N_(
    "These numbers answer 24 hours a day, 7 days a week, from any phone; all are free "
    "except SOS Médecins and the on-call pharmacy line."
)

# (title, paragraphs)
GUIDE = (
    (
        N_("Your médecin traitant and the parcours de soins"),
        (
            N_(
                "Each insured person over 16 declares a regular doctor, the médecin traitant, "
                "usually a general practitioner. You see this doctor first; when you need a "
                "specialist, they refer you. This path is the parcours de soins coordonné."
            ),
            N_(
                "Within the parcours, a consultation is reimbursed normally. Without a "
                "médecin traitant, or when you go straight to a specialist, the Assurance "
                "Maladie pays much less. Some specialists can be seen directly: "
                "gynaecologists, ophthalmologists, psychiatrists (under 26) and dentists. "
                "You can change your médecin traitant at any time."
            ),
            N_(
                "Carnet works out each act's parcours from the médecin traitant declared on "
                "its date (Household page, with the declaration date): your médecin traitant "
                "is within the parcours, another general practitioner is not (unless a "
                "replacement, away from home or an emergency), a specialist is assumed "
                "referred, and direct access needs a declared médecin traitant. Under 16 there "
                "is no penalty. If a specialist saw you without referral, click “Not referred” "
                "beside the act."
            ),
        ),
    ),
    (
        N_("What a doctor may charge"),
        (
            N_(
                "Doctors in sector 1 charge the official tariff. Doctors in sector 2 set "
                "their own fees; what goes beyond the tariff (the dépassement) is not paid "
                "by the Assurance Maladie. Those who signed OPTAM keep their extra fees "
                "moderate, and your mutuelle covers them better. Choose sector 1 or OPTAM "
                "when you can."
            ),
        ),
    ),
    (
        N_("Who pays what"),
        (
            N_(
                "Each act has a base de remboursement. For a doctor within the parcours, the "
                "Assurance Maladie pays 70 % of it, minus a participation forfaitaire of 2 €. "
                "The rest of the base, the ticket modérateur, is paid by your mutuelle if you "
                "have one. Dépassements are paid by the mutuelle only if your contract says "
                "so. Carnet computes this split for every act and explains it."
            ),
        ),
    ),
    (
        N_("The carte Vitale and the feuille de soins"),
        (
            N_(
                "Show your carte Vitale at every visit and at the pharmacy: the claim is sent "
                "electronically and the money reaches your bank account within about a week. "
                "With Noémie, your mutuelle is told too and pays automatically."
            ),
            N_(
                "Without the card, you receive a paper feuille de soins. Fill it in, sign it "
                "and mail it to your CPAM; keep a copy until you are paid. You have two years "
                "to send it."
            ),
        ),
    ),
    (
        N_("Before you have a social security number"),
        (
            N_(
                "You can be cared for before your registration is complete. Keep every "
                "feuille de soins safely. As soon as you receive your attestation de droits "
                "with a number (even a temporary one), mail them to your CPAM. Then ask for "
                "your carte Vitale in your ameli account."
            ),
        ),
    ),
    (
        N_("Not paying up front: tiers payant"),
        (
            N_(
                "Usually you pay the practitioner and are reimbursed later. With tiers "
                "payant you don't advance the money: partial tiers payant means you pay only "
                "the part the Assurance Maladie does not cover; full tiers payant means you "
                "pay nothing. Pharmacies usually offer it; hospitals always do."
            ),
        ),
    ),
    (
        N_("Your ameli account and finding a doctor"),
        (
            N_(
                "Once you have a number, create your account on ameli.fr: it shows your "
                "reimbursements, lets you ask for a carte Vitale or a European health "
                "insurance card, and write to your CPAM."
            ),
            N_(
                "To find a doctor, use the ameli directory (annuaire santé): it shows each "
                "practitioner's sector and fees. Online booking sites often list the languages "
                "a doctor speaks, and some embassies keep lists of doctors who speak their "
                "language."
            ),
        ),
    ),
)

# (term, definition)
GLOSSARY = (
    (
        "AMO (assurance maladie obligatoire)",
        N_(
            "The compulsory health insurance: the Assurance Maladie, through your CPAM "
            "(or the CGSS overseas). In Carnet, what it pays back."
        ),
    ),
    (
        "AMC (assurance maladie complémentaire)",
        N_("Your mutuelle or complementary insurance, which pays part of what the AMO leaves."),
    ),
    (
        "Base de remboursement (BR)",
        N_("The official price of an act, on which every reimbursement is calculated."),
    ),
    (
        "Dépassement d'honoraires",
        N_(
            "What a doctor charges above the base de remboursement (sector 2 or 3). The "
            "Assurance Maladie never pays it; a mutuelle may, up to its limits."
        ),
    ),
    (
        "Secteur 1",
        N_("Doctors who charge the official price, without dépassement."),
    ),
    (
        "Secteur 2",
        N_(
            "Doctors free to charge more than the official price, with tact; those in OPTAM "
            "limit their dépassements and your mutuelle covers more of them."
        ),
    ),
    (
        "Secteur 3 (non conventionné)",
        N_(
            "Doctors outside the agreement with the Assurance Maladie: free prices and a very "
            "small reimbursement."
        ),
    ),
    (
        "CPAM, CGSS, CSS",
        N_(
            "Your caisse: the local office of the Assurance Maladie (CPAM in mainland "
            "France, CGSS overseas, CSS in Mayotte), where paper feuilles de soins go."
        ),
    ),
    (
        "Attestation de droits",
        N_(
            "The paper (or PDF from your ameli account) showing your social security number, "
            "your caisse and your rights; it replaces the carte Vitale until you have one."
        ),
    ),
    (
        "NIR (numéro de sécurité sociale)",
        N_(
            "Your 15-digit social security number: sex, year and month of birth, place of "
            "birth, a serial number and a 2-digit key."
        ),
    ),
    (
        "Bordereau",
        N_("The list of the feuilles in an envelope, sent with them so nothing goes missing."),
    ),
    (
        "Ticket modérateur",
        N_(
            "The part of the base the Assurance Maladie does not pay (30 % for a doctor). "
            "Mutuelles cover it."
        ),
    ),
    (
        "Participation forfaitaire",
        N_(
            "2 € kept by the Assurance Maladie on each doctor's consultation, lab or radiology "
            "act; at most 50 € a year per person. Not for children under 18 or people "
            "with the CSS."
        ),
    ),
    (
        "Franchise médicale",
        N_(
            "1 € kept per box of medicine or paramedical act (4 € per transport), at most 50 € "
            "a year per person. Same exemptions as the participation forfaitaire."
        ),
    ),
    (
        "Tiers payant",
        N_(
            "The practitioner is paid directly by the Assurance Maladie (and the mutuelle), "
            "so you don't advance that money."
        ),
    ),
    (
        "OPTAM",
        N_(
            "A commitment by sector 2 doctors to moderate their extra fees; your mutuelle "
            "reimburses them better."
        ),
    ),
    (
        "Noémie",
        N_(
            "The link that passes your claims from the CPAM to your mutuelle, so the "
            "mutuelle pays without you sending anything."
        ),
    ),
    (
        "Parcours de soins",
        N_(
            "Seeing your médecin traitant first, who refers you to specialists; outside it "
            "you are reimbursed less."
        ),
    ),
    (
        "Médecin traitant",
        N_("The doctor you declared to your CPAM as your regular doctor."),
    ),
    (
        "ALD (affection de longue durée)",
        N_(
            "A long-term illness on the official list: related care is reimbursed at 100 % "
            "of the base."
        ),
    ),
    (
        "CSS (Complémentaire santé solidaire)",
        N_(
            "Free or low-cost complementary cover for people with modest incomes: no "
            "advance of money and no extra fees at most practitioners."
        ),
    ),
    (
        "Feuille de soins",
        N_(
            "The paper form a practitioner gives you when the carte Vitale is not used; "
            "you sign it and mail it to your CPAM within two years."
        ),
    ),
)
